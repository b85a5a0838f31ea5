"""Correlation into one record per message, on real log excerpts (tests/data/maillog/shared), on lines
written from the documentation (tests/data/maillog/*.log) and on the story day."""

from __future__ import annotations

import bz2
import gzip
import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wizard.core.maillog import DISPOSITIONS, LogStats, MailRecord, iter_records, records_from_lines
from wizard.core.maillog.correlate import Correlator
from wizard.core.maillog.dispatch import LineDispatcher
from wizard.core.maillog.reader import log_family

DATA = Path(__file__).resolve().parents[1] / "data" / "maillog"
JST = timezone(timedelta(hours=9))


def load(name: str, year: int = 2026) -> list[MailRecord]:
    with (DATA / name).open(encoding="utf-8") as f:
        return records_from_lines(f, tz=JST, year_ref=(year, 12))


def by_mid(records: list[MailRecord], mid: str) -> MailRecord:
    (rec,) = [r for r in records if r.message_id == mid]
    return rec


def test_spamd_pipe_reinjection_is_one_record_delivered_tagged() -> None:
    records = load("shared/postfix_spamd_transactions_alvarovf.log")
    assert len(records) == 2
    first = by_mid(records, "CANR0p-3rtCkGzxQfesenfvWfO-gL_2Q6duu-U2pWG=qtg+1VQg@mail.gmail.com")
    assert first.queue_ids == ("F3106E1325", "4119BE13D0")
    assert first.client_ip == "209.85.128.52"
    assert first.from_ == "avacaferreras@gmail.com"
    assert first.spam.flag is True and first.spam.score == 999.9 and "GTUBE" in first.spam.tests
    (d,) = first.deliveries
    assert (d.to, d.disposition, d.tagged) == ("root@iesgn19.es", "inbox", True)
    assert "spam" in d.status_text and "INBOX" in d.status_text
    second = by_mid(records, "CANR0p-1KHMr3jt8FPXziTmAwk-nOxs0Cx-CdTHEiX=5CzM3PBg@mail.gmail.com")
    assert second.spam.flag is False
    assert second.deliveries[0].disposition == "discarded"  # clamsmtpd: "250 Virus Detected; Discarded Email"


def test_plain_relay_records() -> None:
    records = load("shared/postfix_delivery_youyo.log")
    assert len(records) == 3
    rec = by_mid(records, "f93388828093534f92d85ffe21b2a719@example.info")
    assert rec.to == ("test@example.to", "test2@example.to")
    assert all(d.disposition == "unknown" and "relayed to example.to" in d.status_text for d in rec.deliveries)


def test_rejects_are_records_and_connection_noise_is_not() -> None:
    records = load("shared/postfix_reject_fail2ban.log")
    assert records and all(d.disposition == "rejected" for r in records for d in r.deliveries)
    unknown = [r for r in records if r.to == ("sales@server.com",)]
    assert unknown[0].queue_ids == ("00ADB3C0899",) and unknown[0].helo == "mail.example.com"
    assert not [r for r in records if r.client_ip == "78.107.251.238"]  # EHLO reject: no envelope


def test_sendmail_and_exim_real_lines() -> None:
    sm = load("shared/sendmail_spamd_multiline_fail2ban.log")
    assert sm[0].spam.flag is True and sm[0].spam.score == 11.0 and sm[0].client_ip == "192.0.43.15"
    rejects = load("shared/sendmail_reject_fail2ban.log")
    assert any(r.to == ("non-existing-user@example.com",) and r.deliveries[0].disposition == "rejected"
               for r in rejects)
    exim = load("shared/exim_mainlog_testsuite_0015.log", 1999)
    assert {r.queue_ids[0] for r in exim} == {"10HmaX-000000005vi-0000", "10HmaY-000000005vi-0000",
                                              "10HmaZ-000000005vi-0000", "10HmbE-000000005vi-0000"}
    sa = load("shared/exim_spam_sa-exim_fail2ban.log")
    tossed = by_mid(sa, "etPan.09bd0c40.c3d5f675.fdf7@server.local")
    assert tossed.deliveries[0].disposition == "discarded" and tossed.spam.score == 31.0
    assert load("shared/exim_fail2ban.log")  # no crash, rejects found


def test_amavis_reinjection_folder_and_blocked() -> None:
    records = load("amavis_postfix.log")
    assert len(records) == 3
    prize = by_mid(records, "prize-0001@lottery-example.biz")
    assert prize.queue_ids == ("3C7A21E0A1", "5D1E81E0B7")
    assert prize.client_ip == "203.0.113.45"
    assert prize.spam.score == 107.2 and "USER_IN_BLOCKLIST" in prize.spam.tests
    outcome = {d.to: (d.disposition, d.folder) for d in prize.deliveries}
    assert outcome == {"info@example.co.jp": ("inbox", "INBOX"), "sato@example.co.jp": ("folder", "Junk")}
    blocked = by_mid(records, "mega-0002@lottery-example.biz")
    assert blocked.deliveries[0].disposition == "discarded"
    clean = by_mid(records, "meeting-42@partner-example.co.jp")
    assert clean.spam.flag is False and clean.deliveries[0].disposition == "inbox"
    assert not clean.deliveries[0].tagged


def test_dovecot_only_log() -> None:
    records = load("dovecot_logpath.log")
    outcome = {r.message_id: (r.deliveries[0].disposition, r.deliveries[0].folder) for r in records}
    assert outcome["a2@lottery-example.biz"] == ("folder", "Junk")
    assert outcome["a3@lottery-example.biz"] == ("discarded", None)
    assert outcome["a7@lottery-example.biz"][0] == "deferred"


def test_exim_sendmail_and_postfix_written_from_docs() -> None:
    exim = {r.queue_ids[0] if r.queue_ids else "": r for r in load("exim_mainlog")}
    assert exim["1vRk2A-000Bq5-7X"].spam.score == 105.9
    assert exim["1vRk2A-000Bq5-7X"].helo == "lottery-example.biz"
    assert exim["10HmbF-0000000001a-0000"].deliveries[0].folder == "Junk"
    bounced = {d.to: d.disposition for d in exim["1vRk3B-000Bq9-2Q"].deliveries}
    assert bounced == {"oldstaff@example.co.jp": "bounced", "sato@example.co.jp": "deferred"}
    assert exim[""].deliveries[0].disposition == "rejected"
    sm = {r.message_id: r for r in load("sendmail.log")}
    assert sm["sm-1@lottery-example.biz"].spam.flag is True
    assert sm["sm-1@lottery-example.biz"].deliveries[0].disposition == "inbox"
    assert sm["sm-2@example.co.jp"].deliveries[0].disposition == "deferred"
    pf = load("postfix_rfc3339_long.log")
    outcomes = sorted(d.disposition for r in pf for d in r.deliveries)
    assert outcomes == ["bounced", "bounced", "deferred", "discarded", "inbox", "inbox", "rejected", "rejected"]
    assert pf[0].first_seen == datetime(2026, 3, 11, 8, 0, 6, tzinfo=JST)


def test_story_day() -> None:
    records = load("story_day.log")
    assert all(d.disposition in DISPOSITIONS for r in records for d in r.deliveries)
    assert all(len(r.queue_ids) == 2 for r in records if r.deliveries[0].disposition != "rejected")
    noon = datetime(2026, 3, 9, 12, 41, tzinfo=JST)
    two = datetime(2026, 3, 9, 14, 0, tzinfo=JST)
    five = datetime(2026, 3, 9, 17, 0, tzinfo=JST)
    spam = [r for r in records if (r.from_ or "").endswith("@lottery-example.biz")]
    for r in spam:
        d = r.deliveries[0]
        if r.first_seen < noon:
            assert d.to == "tanaka@example.co.jp" and d.disposition == "inbox" and d.tagged
        elif d.to == "tanaka@example.co.jp":
            assert d.disposition == "rejected" and "User unknown" in d.status_text
        elif r.first_seen < two:
            assert d.disposition == "inbox" and "USER_IN_BLOCKLIST" not in r.spam.tests
        elif r.first_seen < five:
            assert d.disposition == "inbox" and "USER_IN_BLOCKLIST" in r.spam.tests and r.spam.score > 100
            assert "tagged and delivered to INBOX" in d.status_text
        else:
            assert (d.disposition, d.folder) == ("folder", "Junk")
    assert {r.deliveries[0].disposition for r in spam} == {"inbox", "rejected", "folder"}


def test_memory_flat_finished_messages_are_dropped() -> None:
    corr = Correlator(JST)
    disp = LineDispatcher(corr, JST, (2026, 12))
    base = (DATA / "shared/postfix_delivery_youyo.log").read_text(encoding="utf-8").splitlines()
    peak = 0
    emitted = 0
    for round_ in range(300):
        tag = f"{round_:04X}"
        lines = [line.replace("DB740", tag[:3] + "40").replace("example.com>", f"example.com.{round_}>")
                 for line in base]
        disp.feed(lines)
        peak = max(peak, len(corr._active))
        emitted += len(corr.ready)
        corr.ready.clear()
    assert emitted == 900
    assert peak <= 3
    assert len(corr._by_qid) == 0 and len(corr._by_mid) == 0


def test_rotated_compressed_files_in_any_order(tmp_path: Path) -> None:
    lines = (DATA / "story_day.log").read_text(encoding="utf-8").splitlines(keepends=True)
    third = len(lines) // 3
    # cut on a message boundary-free spot is not needed: the reader puts the files back in order
    (tmp_path / "mail.log").write_text("".join(lines[2 * third:]), encoding="utf-8")
    with gzip.open(tmp_path / "mail.log.1.gz", "wt", encoding="utf-8") as f:
        f.write("".join(lines[third:2 * third]))
    with bz2.open(tmp_path / "mail.log.2.bz2", "wt", encoding="utf-8") as f:
        f.write("".join(lines[:third]))
    for p in tmp_path.iterdir():
        os.utime(p, (datetime(2026, 3, 10, tzinfo=JST).timestamp(),) * 2)
    stats = LogStats()
    paths = [tmp_path / "mail.log", tmp_path / "mail.log.2.bz2", tmp_path / "mail.log.1.gz"]
    got = list(iter_records(paths, tz=JST, stats=stats))
    want = load("story_day.log")
    def key(r: MailRecord) -> tuple[tuple[str, ...], str]:
        return r.queue_ids, repr([(d.to, d.disposition, d.folder) for d in r.deliveries])

    assert sorted(map(key, got)) == sorted(map(key, want))
    assert stats.unparsed_lines == 0 and stats.lines == len(lines) and not stats.errors
    assert got[0].first_seen.year == 2026  # classic stamps: year from the files' dates


def test_separate_dovecot_log_is_merged_by_time(tmp_path: Path) -> None:
    lines = (DATA / "amavis_postfix.log").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "mail.log").write_text("".join(x for x in lines if " dovecot: " not in x), encoding="utf-8")
    (tmp_path / "dovecot.log").write_text("".join(x for x in lines if " dovecot: " in x), encoding="utf-8")
    got = list(iter_records([tmp_path / "dovecot.log", tmp_path / "mail.log"], tz=JST, year_ref=(2026, 12)))
    prize = by_mid(got, "prize-0001@lottery-example.biz")
    assert {d.to: d.disposition for d in prize.deliveries} == {"info@example.co.jp": "inbox",
                                                               "sato@example.co.jp": "folder"}


def test_binary_garbage_and_unreadable_files(tmp_path: Path) -> None:
    good = (DATA / "shared/postfix_delivery_youyo.log").read_bytes()
    blob = good[:500] + b"\x00\xff\xfe garbage \x1b[31m\x00\n" + bytes(range(256)) + b"\n" + good[500:]
    (tmp_path / "mixed.log").write_bytes(blob)
    (tmp_path / "broken.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    stats = LogStats()
    got = list(iter_records([tmp_path / "mixed.log", tmp_path / "broken.gz", tmp_path / "missing.log"],
                            tz=JST, year_ref=(2026, 12), stats=stats))
    assert len(got) >= 2
    assert stats.unparsed_lines >= 2
    assert {Path(e.source).name for e in stats.errors} >= {"missing.log"}


def test_log_family_names() -> None:
    assert log_family("/var/log/mail.log.2.gz") == "mail.log"
    assert log_family("mail.log-20260309.bz2") == "mail.log"
    assert log_family("maillog") == "maillog"
    assert log_family("dovecot.log") == "dovecot.log"


@pytest.mark.skipif(shutil.which("postmap") is None, reason="postfix tools not installed")
def test_queue_id_forms_match_postfix_config_names() -> None:
    # enable_long_queue_ids is a real Postfix parameter (documentation of the long id form we parse)
    import subprocess

    out = subprocess.run(["postconf", "-d", "enable_long_queue_ids"], capture_output=True, text=True)
    assert "enable_long_queue_ids" in out.stdout


def test_json_text_equals_the_contract_encoding() -> None:
    import json

    from wizard.core.maillog import Delivery, SpamInfo

    rec = MailRecord(queue_ids=("A1",), message_id='we"ird\\id<>', client_ip=None, client_host=None,
                     helo="日本語\x01", from_="", to=("ü@example.jp",), spam=SpamInfo(True, float("nan"), None, ("X",)),
                     deliveries=(Delivery("ü@example.jp", "folder", "迷惑メール", "moved\n"),),
                     first_seen=datetime(2026, 3, 9, 1, 2, 3, tzinfo=JST),
                     last_seen=datetime(2026, 3, 9, 1, 2, 4, tzinfo=JST))
    doc = json.loads(rec.json_text())
    assert doc["spam"]["score"] is None
    expected = rec.to_json()
    expected["spam"]["score"] = None
    assert doc == expected
    for r in load("amavis_postfix.log") + load("story_day.log"):
        assert r.json_text() == json.dumps(r.to_json(), ensure_ascii=False)


@pytest.mark.parametrize("jobs", [2, 5])
def test_parallel_reading_equals_sequential(tmp_path: Path, jobs: int) -> None:
    import io
    import json

    from wizard.core.maillog.parallel import write_json_records

    path = str(DATA / "story_day.log")
    out = io.StringIO()
    stats = LogStats()
    write_json_records(path, jobs, JST, (2026, 12), frozenset(), out, stats)
    got = json.loads("[" + out.getvalue() + "]")
    want = [r.to_json() for r in load("story_day.log")]
    assert sorted(json.dumps(x, sort_keys=True) for x in got) == sorted(json.dumps(x, sort_keys=True) for x in want)
    assert stats.lines == len((DATA / "story_day.log").read_text(encoding="utf-8").splitlines())
    assert stats.unparsed_lines == 0


REALWORLD = DATA.parent / "maillog_realworld"


def _realworld(name: str) -> list[MailRecord]:
    path = REALWORLD / name
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    with path.open(encoding="utf-8", errors="replace") as f:
        return records_from_lines(f, tz=JST, year_ref=(2026, 12))


def test_realworld_files_give_valid_records() -> None:
    if not REALWORLD.is_dir():
        pytest.skip("tests/data/maillog_realworld is not in this checkout")
    for path in sorted(REALWORLD.glob("*.log")):
        for rec in _realworld(path.name):
            assert all(d.disposition in DISPOSITIONS for d in rec.deliveries), path.name
            assert rec.first_seen <= rec.last_seen


def test_realworld_amavis_postfix_dovecot_pipe() -> None:
    records = _realworld("postfix_amavis_rfc3339_pixelpark.log")
    assert len(records) == 3
    for rec in records:
        assert len(rec.queue_ids) == 2 and rec.spam.flag is False and rec.spam.tests
        assert rec.deliveries[0].disposition == "inbox"
        assert rec.client_ip not in (None, "127.0.0.1")


def test_realworld_amavis_without_queue_id_and_sieve() -> None:
    zentyal = _realworld("amavis_zentyal_loghelper.log")
    assert len(zentyal) == 13
    assert sum(1 for r in zentyal if r.deliveries[0].disposition == "discarded") == 7
    crowdsec = _realworld("amavis_crowdsec_blocked_infected.log")
    assert crowdsec[0].queue_ids == ("83B741009CD35",)
    assert crowdsec[0].deliveries[0].disposition == "discarded"
    sieve = {r.message_id: r.deliveries for r in _realworld("local_dovecot23_lda_sieve.log")}
    assert sieve["r2-spam-1@lottery-example.biz"][0].folder == "Junk"
    assert sieve["r2-news-1@shop.example.com"][0].disposition == "discarded"
    assert sieve["r2-quota-1@partner-example.co.jp"][0].disposition == "bounced"
