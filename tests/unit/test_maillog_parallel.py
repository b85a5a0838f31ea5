"""Parallel reading of one log file gives exactly the serial records, in the serial order, wherever the
file is cut: the workers' ranges are replayed into one correlator (wizard/core/maillog/parallel.py).

Every test compares :func:`iter_records` (one process) with :func:`parallel.iter_ranges` on explicit
ranges, in this process (``jobs=0``) so that small files can be cut at every line boundary, and a few
with real worker processes. Small read blocks (``reader.BLOCK``) make the serial reader's own block
boundaries, which decide which lines are cleaned of binary garbage, fall inside the small files too.
"""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.maillog import parallel, reader
from wizard.core.maillog.correlate import LogStats, iter_records
from wizard.core.maillog.records import MailRecord

JST = timezone(timedelta(hours=9))
YEAR = (2026, 12)
DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURES = sorted(p for p in [*(DATA / "maillog").rglob("*"), *(DATA / "maillog_realworld").glob("*")]
                  if p.is_file() and p.suffix not in (".md", ".py"))

Outcome = tuple[list[MailRecord], list[str], tuple[int, int, int]]


# -- a log with everything that spans lines ---------------------------------------------------------------
def _stamp(t: datetime) -> str:
    return f"{t:%b} {t.day:2d} {t:%H:%M:%S}"


def _qid(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(10))


def message_scripts(seed: int = 7, copies: int = 2) -> list[list[tuple[float, str]]]:
    """Each message (and some noise) as its own (seconds from the start, line without stamp) list."""
    rng = random.Random(seed)
    out: list[list[tuple[float, str]]] = []
    for n in range(copies):
        base = n * 40.0
        q1, q2 = _qid(rng), _qid(rng)
        mid = f"amavis-{n}@lottery-example.biz"
        out.append([  # amavis via SMTP, re-injected on 10025, LMTP to Dovecot, Sieve files one copy into Junk
            (base, f"mx2 postfix/smtpd[41{n}1]: {q1}: client=mail.lottery-example.biz[203.0.113.45]"),
            (base, f"mx2 postfix/cleanup[4105]: {q1}: message-id=<{mid}>"),
            (base + 1, f"mx2 postfix/qmgr[880]: {q1}: from=<promo@lottery-example.biz>, size=4211, nrcpt=2 "
                       "(queue active)"),
            (base + 3, f"mx2 postfix/smtpd[41{n}2]: {q2}: client=localhost[127.0.0.1]"),
            (base + 3, f"mx2 postfix/cleanup[4105]: {q2}: message-id=<{mid}>"),
            (base + 3, f"mx2 postfix/qmgr[880]: {q2}: from=<promo@lottery-example.biz>, size=5120, nrcpt=2 "
                       "(queue active)"),
            (base + 3, f"mx2 amavis[2231]: (02231-0{n}) SPAM-TAG, <promo@lottery-example.biz> -> "
                       "<info@example.co.jp>,<sato@example.co.jp>, Yes, score=107.2 tagged_above=2 required=6.2 "
                       "tests=[BAYES_99=3.5, RDNS_NONE=1.274, USER_IN_BLOCKLIST=100] autolearn=disabled"),
            (base + 3, f"mx2 amavis[2231]: (02231-0{n}) Passed SPAM {{RelayedTaggedInbound}}, "
                       "[203.0.113.45]:51234 [203.0.113.45] <promo@lottery-example.biz> -> <info@example.co.jp>,"
                       f"<sato@example.co.jp>, Queue-ID: {q1}, Message-ID: <{mid}>, mail_id: kT3f9Lx0aQ1b, "
                       f"Hits: 107.2, size: 4211, queued_as: {q2}, 2113 ms"),
            (base + 3, f"mx2 postfix/smtp[4112]: {q1}: to=<info@example.co.jp>, relay=127.0.0.1[127.0.0.1]:10024, "
                       "delay=2.3, delays=0.2/0/0/2.1, dsn=2.0.0, status=sent (250 2.0.0 from "
                       f"MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as {q2})"),
            (base + 3, f"mx2 postfix/smtp[4112]: {q1}: to=<sato@example.co.jp>, relay=127.0.0.1[127.0.0.1]:10024, "
                       "delay=2.3, delays=0.2/0/0/2.1, dsn=2.0.0, status=sent (250 2.0.0 from "
                       f"MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as {q2})"),
            (base + 3, f"mx2 postfix/qmgr[880]: {q1}: removed"),
            (base + 4, f"mx2 dovecot: lmtp(info@example.co.jp)<4120><pJ0kA3Uu72UY{n}>: msgid=<{mid}>: "
                       "saved mail to INBOX"),
            (base + 4, f"mx2 dovecot: lmtp(sato@example.co.jp)<4120><pJ0kA3Uu72UY{n}>: sieve: msgid=<{mid}>: "
                       "stored mail into mailbox 'Junk'"),
            (base + 5, f"mx2 postfix/lmtp[4121]: {q2}: to=<info@example.co.jp>, relay=mx2[private/dovecot-lmtp], "
                       "delay=0.08, dsn=2.0.0, status=sent (250 2.0.0 <info@example.co.jp> Saved)"),
            (base + 5, f"mx2 postfix/lmtp[4121]: {q2}: to=<sato@example.co.jp>, relay=mx2[private/dovecot-lmtp], "
                       "delay=0.08, dsn=2.0.0, status=sent (250 2.0.0 <sato@example.co.jp> Saved)"),
            (base + 5, f"mx2 postfix/qmgr[880]: {q2}: removed"),
        ])
        q4, q5 = _qid(rng), _qid(rng)
        mid = f"spamd-{n}@lottery-example.biz"
        out.append([  # spamd through a pipe, re-injected by sendmail (pickup), Dovecot 2.3 files it into Junk
            (base + 2, f"mx2 postfix/smtpd[52{n}0]: {q4}: client=unknown[5.188.62.140]"),
            (base + 2, f"mx2 postfix/cleanup[2016]: {q4}: message-id=<{mid}>"),
            (base + 2, f"mx2 postfix/qmgr[801]: {q4}: from=<wst28@lottery-example.biz>, size=8490, nrcpt=1 "
                       "(queue active)"),
            (base + 6, f"mx2 spamd[20{n}3]: spamd: processing message <{mid}> for debian-spamd:114"),
            (base + 6, f"mx2 spamd[20{n}3]: spamd: identified spam (8.3/5.0) for debian-spamd:114 in 0.4 seconds."),
            (base + 7, f"mx2 spamd[20{n}3]: spamd: result: Y 8 - BAYES_999,SPF_SOFTFAIL scantime=0.4,size=8490,"
                       f"user=debian-spamd,uid=114,required_score=5.0,mid=(unknown),autolearn=no"),
            (base + 7, f"mx2 postfix/pickup[800]: {q5}: uid=114 from=<wst28@lottery-example.biz>"),
            (base + 7, f"mx2 postfix/cleanup[2016]: {q5}: message-id=<{mid}>"),
            (base + 7, f"mx2 postfix/pipe[2024]: {q4}: to=<tanaka@example.co.jp>, relay=spamassassin, delay=0.52, "
                       "dsn=2.0.0, status=sent (delivered via spamassassin service)"),
            (base + 7, f"mx2 postfix/qmgr[801]: {q4}: removed"),
            (base + 8, f"mx2 postfix/qmgr[801]: {q5}: from=<wst28@lottery-example.biz>, size=9290, nrcpt=1 "
                       "(queue active)"),
            (base + 9, f"mx2 dovecot: lmtp(tanaka@example.co.jp)<2030><Z0DFzVR8r1n{n}>: msgid=<{mid}>: "
                       "saved mail to 'Junk'"),
            (base + 9, f"mx2 postfix/lmtp[2031]: {q5}: to=<tanaka@example.co.jp>, relay=mx2[private/dovecot-lmtp], "
                       "delay=0.06, dsn=2.0.0, status=sent (250 2.0.0 <tanaka@example.co.jp> Saved)"),
            (base + 9, f"mx2 postfix/qmgr[801]: {q5}: removed"),
        ])
        q6 = _qid(rng)
        out.append([  # deferred, retried much later (longer than the correlator's idle window), then sent
            (base + 10, f"mx2 postfix/pickup[800]: {q6}: uid=1000 from=<sato@example.co.jp>"),
            (base + 10, f"mx2 postfix/cleanup[2016]: {q6}: message-id=<out-{n}@example.co.jp>"),
            (base + 10, f"mx2 postfix/qmgr[801]: {q6}: from=<sato@example.co.jp>, size=1200, nrcpt=1 (queue active)"),
            (base + 11, f"mx2 postfix/smtp[3001]: {q6}: to=<p@partner.example>, relay=none, delay=1, "
                        "status=deferred (connect to mx.partner.example[192.0.2.8]:25: Connection refused)"),
            (base + 2011, f"mx2 postfix/smtp[3002]: {q6}: to=<p@partner.example>, relay=none, delay=2001, "
                          "status=deferred (connect to mx.partner.example[192.0.2.8]:25: Connection refused)"),
            (base + 9011, f"mx2 postfix/smtp[3003]: {q6}: to=<p@partner.example>, "
                          "relay=mx.partner.example[192.0.2.8]:25, delay=9001, dsn=2.0.0, status=sent (250 ok)"),
            (base + 9011, f"mx2 postfix/qmgr[801]: {q6}: removed"),
        ])
        q7, q8 = _qid(rng), _qid(rng)
        out.append([  # a bounce and its non-delivery notice
            (base + 12, f"mx2 postfix/smtpd[61{n}0]: {q7}: client=pc1.example.co.jp[198.51.100.77]"),
            (base + 12, f"mx2 postfix/cleanup[2016]: {q7}: message-id=<b-{n}@example.co.jp>"),
            (base + 12, f"mx2 postfix/qmgr[801]: {q7}: from=<suzuki@example.co.jp>, size=900, nrcpt=1 (queue active)"),
            (base + 13, f"mx2 postfix/smtp[3010]: {q7}: to=<nobody@partner.example>, relay=mx.partner.example"
                        "[192.0.2.8]:25, dsn=5.1.1, status=bounced (host said: 550 5.1.1 unknown user)"),
            (base + 13, f"mx2 postfix/bounce[3011]: {q7}: sender non-delivery notification: {q8}"),
            (base + 13, f"mx2 postfix/qmgr[801]: {q7}: removed"),
            (base + 13, f"mx2 postfix/cleanup[2016]: {q8}: message-id=<nd-{n}@mx2.example.co.jp>"),
            (base + 13, f"mx2 postfix/qmgr[801]: {q8}: from=<>, size=2900, nrcpt=1 (queue active)"),
            (base + 14, f"mx2 postfix/virtual[3012]: {q8}: to=<suzuki@example.co.jp>, relay=virtual, dsn=2.0.0, "
                        "status=sent (delivered to maildir)"),
            (base + 14, f"mx2 postfix/qmgr[801]: {q8}: removed"),
        ])
        q9 = _qid(rng)
        out.append([  # blocked by amavis (discarded), and SMTP rejects
            (base + 15, f"mx2 postfix/smtpd[71{n}0]: NOQUEUE: reject: RCPT from unknown[198.51.100.200]: 550 5.1.1 "
                        "<x@example.co.jp>: Recipient address rejected: User unknown; from=<a@spam.example> "
                        "to=<x@example.co.jp> proto=ESMTP helo=<ylmf-pc>"),
            (base + 15, f"mx2 postfix/smtpd[71{n}1]: {q9}: client=unknown[198.51.100.201]"),
            (base + 15, f"mx2 postfix/cleanup[2016]: {q9}: message-id=<blk-{n}@spam.example>"),
            (base + 16, f"mx2 postfix/qmgr[801]: {q9}: from=<w@spam.example>, size=9876, nrcpt=1 (queue active)"),
            (base + 18, f"mx2 amavis[2232]: (02232-0{n}) Blocked SPAM {{DiscardedInbound,Quarantined}}, "
                        "[198.51.100.201]:40444 [198.51.100.201] <w@spam.example> -> <info@example.co.jp>, "
                        f"quarantine: spam-Zq.gz, Queue-ID: {q9}, Message-ID: <blk-{n}@spam.example>, "
                        "mail_id: Zq, Hits: 31.9, size: 9876, 2890 ms"),
            (base + 18, f"mx2 postfix/smtp[4133]: {q9}: to=<info@example.co.jp>, relay=127.0.0.1[127.0.0.1]:10024, "
                        "dsn=2.7.0, status=sent (250 2.7.0 Ok, discarded, id=02232-01 - spam)"),
            (base + 18, f"mx2 postfix/qmgr[801]: {q9}: removed"),
            (base + 19, f"mx2 postfix/smtpd[71{n}2]: NOQUEUE: discard: RCPT from unknown[198.51.100.9]: "
                        "<y@example.jp>: Recipient address triggers DISCARD action; from=<b@spam.example> "
                        "to=<y@example.jp> proto=ESMTP helo=<spam>"),
        ])
        out.append([  # a verdict and a mailbox line for messages this log never shows arriving
            (base + 20, f"mx2 spamd[9{n}01]: spamd: result: Y 12 - BAYES_99 scantime=0.1,size=100,"
                        f"mid=<orphan-{n}@else.example>,autolearn=no"),
            (base + 21, f"mx2 dovecot: lmtp(kato@example.co.jp)<1><S{n}>: msgid=<orphan2-{n}@else.example>: "
                        "saved mail to Junk"),
        ])
        out.append([  # Sendmail: recipients counted down to the end of the message
            (base + 22, f"mail sm-mta[70{n}1]: 62A3C0a100700{n}: from=<p4@lottery-example.biz>, size=3910, class=0, "
                        f"nrcpts=2, msgid=<sm-{n}@lottery-example.biz>, proto=ESMTP, daemon=MTA-v4, "
                        "relay=mail.lottery-example.biz [203.0.113.45]"),
            (base + 23, f"mail sm-mta[70{n}2]: 62A3C0a100700{n}: to=<info@example.co.jp>, delay=00:00:01, "
                        "mailer=local, pri=33910, dsn=2.0.0, stat=Sent"),
            (base + 24, f"mail sm-mta[70{n}2]: 62A3C0a100700{n}: to=<sato@example.co.jp>, delay=00:00:02, "
                        "mailer=local, pri=33910, dsn=2.0.0, stat=Sent"),
        ])
        out.append([  # noise
            (base + 1, "mx2 postfix/postscreen[1006]: CONNECT from [8.199.221.156]:62394 to [192.0.2.10]:25"),
            (base + 2, f"mx2 postfix/smtpd[41{n}1]: disconnect from unknown[203.0.113.45] ehlo=1 mail=1 quit=1"),
            (base + 5, "mx2 kernel: [  1.0] eth0: link up"),
            (base + 8, "mx2 spamd[9]: prefork: child states: II"),
        ])
    # traffic through the quiet hours, so that the idle deferred messages are swept before their retry
    for t in range(600, 10800, 600):  # connections cut short: no record, but the clock moves
        qid = _qid(rng)
        out.append([(t, f"mx2 postfix/smtpd[77]: {qid}: client=unknown[192.0.2.77]"),
                    (t + 1, f"mx2 postfix/qmgr[801]: {qid}: removed")])
    return out


def interleave(scripts: list[list[tuple[float, str]]], start: datetime | None = None) -> str:
    """The scripts' lines merged in time order (ties in script order), with classic syslog stamps."""
    start = start or datetime(2026, 3, 9, 10, 0, 0)
    rows = sorted(((t, i, k, line) for i, script in enumerate(scripts) for k, (t, line) in enumerate(script)),
                  key=lambda r: (r[0], r[1], r[2]))
    return "".join(f"{_stamp(start + timedelta(seconds=t))} {line}\n" for t, _i, _k, line in rows)


# -- serial against parallel ------------------------------------------------------------------------------
def serial(path: Path) -> Outcome:
    stats = LogStats()
    records = list(iter_records([path], tz=JST, year_ref=YEAR, stats=stats))
    return records, [r.json_text() for r in records], (stats.lines, stats.unparsed_lines, stats.records)


def in_ranges(path: Path, cuts: list[int], jobs: int = 0) -> Outcome:
    bounds = [0, *cuts, path.stat().st_size]
    stats = LogStats()
    records = list(parallel.iter_ranges(str(path), list(itertools.pairwise(bounds)), JST, YEAR,
                                        stats, jobs=jobs))
    return records, [r.json_text() for r in records], (stats.lines, stats.unparsed_lines, stats.records)


def line_starts(path: Path) -> list[int]:
    """Every position where a line starts, except 0 and the end."""
    data = path.read_bytes()
    return [i + 1 for i, b in enumerate(data) if b == 10 and i + 1 < len(data)]


def assert_every_cut(path: Path, *, sample: int | None = None, seed: int = 0) -> None:
    want = serial(path)
    cuts = line_starts(path)
    if sample is not None and len(cuts) > sample:
        cuts = sorted(random.Random(seed).sample(cuts, sample))
    for cut in cuts:
        assert in_ranges(path, [cut]) == want, f"{path.name}: cut at byte {cut}"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "mail.log"
    path.write_text(interleave(message_scripts()), encoding="utf-8")
    return path


def test_the_built_log_has_what_it_should(story: Path) -> None:
    records, _texts, (lines, unparsed, count) = serial(story)
    assert count == len(records) > 10 and lines == len(story.read_text().splitlines())
    assert unparsed == 2  # the kernel lines
    folders = [d.folder for r in records for d in r.deliveries if d.disposition == "folder"]
    assert folders.count("Junk") >= 4  # Sieve and Dovecot 2.3 "saved mail to 'Junk'", both copies
    assert any(d.disposition == "bounced" for r in records for d in r.deliveries)
    assert any(d.disposition == "rejected" for r in records for d in r.deliveries)
    # the deferred message is idle longer than the window between tries: serial reading reports it in
    # parts, and so must parallel reading
    qid = next(r.queue_ids[0] for r in records if r.message_id == "out-0@example.co.jp")
    assert [d.disposition for r in records if qid in r.queue_ids for d in r.deliveries] == ["deferred", "unknown"]


@pytest.mark.parametrize(("block", "feed"), [(1 << 22, 1 << 20), (1, 1 << 20), (97, 1 << 20), (700, 1 << 20),
                                           (1 << 22, 1), (1 << 22, 150), (900, 250)])
def test_two_ranges_cut_at_every_line(story: Path, block: int, feed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "BLOCK", block)
    monkeypatch.setattr(parallel, "_FEED", feed)  # how much text a worker parses at once
    assert_every_cut(story)


def test_three_and_more_ranges(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    starts = line_starts(story)
    rng = random.Random(3)
    for block in (1 << 22, 150):
        monkeypatch.setattr(reader, "BLOCK", block)
        want = serial(story)
        for n in (2, 3, 5, 12):
            for _ in range(15):
                cuts = sorted(rng.sample(starts, n))
                assert in_ranges(story, cuts) == want, (block, cuts)
        assert in_ranges(story, starts) == want  # one range per line


def test_binary_garbage_crlf_and_an_unterminated_last_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Which lines are dropped as binary garbage depends on the serial reader's block (a block with
    a NUL or ESC is cleaned line by line): every range must see its block's flag."""
    lines = interleave(message_scripts(seed=11, copies=1)).splitlines(keepends=True)
    junk = [b"\x00\x01garbage\xff\xfe\n", b"Mar  9 10:00:05 mx2 postfix/smtpd[1]: \x1b[31mcolour\x1b[0m\n",
            b"Mar  9 10:00:06 mx2 weird: " + bytes(range(1, 9)) + b"\x0b\x0c\x0e\x0f ten controls\n",
            b"\n", b"   \n", b"Mar  9 10:00:07 mx2 postfix/qmgr[801]: ABCDEF1234: removed\r\n",
            "Mar  9 10:00:08 mx2 postfix/smtpd[2]: 日本語 \udcff".encode("utf-8", "surrogateescape") + b"\n"]
    data = bytearray()
    for i, line in enumerate(lines):
        data += line.encode()
        if i % 4 == 1:
            data += junk[(i // 4) % len(junk)]
    data += b"Mar  9 23:59:59 mx2 postfix/qmgr[801]: 0123456789: removed"  # no line end
    path = tmp_path / "dirty.log"
    path.write_bytes(bytes(data))
    for block, feed in ((1 << 22, 1 << 20), (64, 1 << 20), (333, 1 << 20), (2000, 1 << 20), (1 << 22, 1),
                        (1 << 22, 90)):
        monkeypatch.setattr(reader, "BLOCK", block)
        monkeypatch.setattr(parallel, "_FEED", feed)
        assert_every_cut(path)


def test_blank_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blank lines count as lines read, also where a worker's text is cut into pieces around them."""
    lines = interleave(message_scripts(seed=2, copies=1)).splitlines(keepends=True)
    path = tmp_path / "blank.log"
    path.write_text("".join(line + "\n" * (i % 3) for i, line in enumerate(lines)) + "\n\n", encoding="utf-8")
    for feed in (1 << 20, 1, 7, 300):
        monkeypatch.setattr(parallel, "_FEED", feed)
        assert_every_cut(path)


def test_lines_longer_than_a_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A line longer than the read block is carried over (and past 64 KiB more cut short) by the serial
    reader; a range that starts right after it, or inside its block, must see the same."""
    monkeypatch.setattr(reader, "BLOCK", 4096)
    head = interleave(message_scripts(seed=5, copies=1))
    long_mid = "Mar  9 10:00:30 mx2 postfix/cleanup[1]: 0F0F0F0F0F: message-id=<" + "x" * 70000 + "y" * 90000
    binary = "Mar  9 10:00:31 mx2 postfix/cleanup[1]: 0F0F0F0F0F: warning: " + "x\x00" * 80000
    middle = len(head) // 2
    path = tmp_path / "long.log"
    path.write_text(f"{head[:middle]}{long_mid}@long.example>\n{binary}\n{head[middle:]}{long_mid}>",
                    encoding="utf-8")
    records, _texts, _counts = serial(path)
    cut_short = [r.message_id for r in records if r.message_id and r.message_id.startswith("xxx")]
    assert cut_short and all(len(m) < 160000 for m in cut_short)  # the serial reader's 64 KiB cut
    assert_every_cut(path)


def test_empty_and_one_line_files(tmp_path: Path) -> None:
    for data in (b"", b"\n", b"no line end", b"Mar  9 10:00:00 mx2 postfix/qmgr[1]: ABCDE12345: removed\n"):
        path = tmp_path / "small.log"
        path.write_bytes(data)
        want = serial(path)
        assert in_ranges(path, []) == want
        assert_every_cut(path)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_cut_on_the_fixture_logs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's log samples, including the real-world ones, cut at every line (sampled in the
    longest), with the default read block and with one that ends serial blocks inside the file."""
    assert_every_cut(path, sample=80)
    monkeypatch.setattr(reader, "BLOCK", 512)
    assert_every_cut(path, sample=40, seed=1)


def test_the_demo_log_in_many_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    demo = DATA.parents[1] / "resources" / "samples" / "demo" / "maillog" / "maillog"
    if not demo.exists():
        pytest.skip("no demo log in this checkout")
    monkeypatch.setattr(reader, "BLOCK", 16384)
    want = serial(demo)
    starts = line_starts(demo)
    rng = random.Random(9)
    for n in (1, 4, 40):
        assert in_ranges(demo, sorted(rng.sample(starts, n))) == want
    cuts = parallel.segment_cuts(str(demo))
    assert len(cuts) > 10
    assert in_ranges(demo, cuts, jobs=3) == want  # worker processes, one range per serial block


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_shuffled_interleavings(tmp_path: Path, data: st.DataObject) -> None:
    """Any interleaving of the messages' lines (each message's own lines keep their order, stamps
    included, so lines may go back in time), any read block, any cuts."""
    scripts = message_scripts(seed=data.draw(st.integers(0, 1000)), copies=2)
    seed = data.draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    queues = [list(s) for s in scripts]
    start = datetime(2026, 3, 9, 10, 0, 0)
    text = []
    while any(queues):
        q = rng.choice([q for q in queues if q])
        t, line = q.pop(0)
        text.append(f"{_stamp(start + timedelta(seconds=t))} {line}\n")
    path = tmp_path / "shuffled.log"
    path.write_text("".join(text), encoding="utf-8")
    block = data.draw(st.sampled_from([1 << 22, 1, 50, 400, 3000]))
    old = reader.BLOCK
    reader.BLOCK = block
    try:
        want = serial(path)
        starts = line_starts(path)
        cuts = sorted(data.draw(st.lists(st.sampled_from(starts), max_size=6, unique=True)))
        assert in_ranges(path, cuts) == want
    finally:
        reader.BLOCK = old


# -- the real thing: worker processes, the JSON writer, failures ---------------------------------------------
def test_write_json_records_with_worker_processes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    path.write_text("".join(interleave(message_scripts(seed=s, copies=3)) for s in range(6)), encoding="utf-8")
    monkeypatch.setattr(reader, "BLOCK", 2048)
    _records, texts, counts = serial(path)
    for jobs in (1, 2, 3, 5):
        out = io.StringIO()
        stats = LogStats()
        wrote = parallel.write_json_records(str(path), jobs, JST, YEAR, frozenset(), out, stats, header="[")
        assert out.getvalue() == "[" + ",\n".join(texts)
        assert wrote and (stats.lines, stats.unparsed_lines, stats.records) == counts


def test_message_id_filter(tmp_path: Path) -> None:
    path = tmp_path / "m.log"
    path.write_text(interleave(message_scripts()), encoding="utf-8")
    records, _texts, _counts = serial(path)
    out = io.StringIO()
    wrote = parallel.write_json_records(str(path), 2, JST, YEAR, frozenset({"spamd-1@lottery-example.biz"}), out,
                                        LogStats())
    assert wrote
    assert out.getvalue() == ",\n".join(r.json_text() for r in records
                                        if r.message_id == "spamd-1@lottery-example.biz")


_FAILING: dict[str, object] = {}
"""Which range a worker fails on, and how (set before the workers are forked)."""


def _flaky_work(task: tuple[str, int, int, timezone, tuple[int, int], int]) -> bytes:
    """parallel._work, except in the range _FAILING names: there the worker raises or dies. (Module
    level: the pool sends the function to its workers by name.)"""
    if task[1] == _FAILING["start"]:
        if _FAILING["how"] == "die":
            os._exit(3)
        raise MemoryError("worker out of memory")
    return _REAL_WORK(task)


_REAL_WORK = parallel._work
_READ_RANGE = parallel.read_range


@pytest.mark.parametrize("how", ["raise", "die"])
def test_a_failing_worker_leaves_the_rest_to_this_process(story: Path, monkeypatch: pytest.MonkeyPatch,
                                                          how: str) -> None:
    want = serial(story)
    cuts = line_starts(story)[::7]
    monkeypatch.setitem(_FAILING, "start", cuts[3])
    monkeypatch.setitem(_FAILING, "how", how)
    monkeypatch.setattr(parallel, "_work", _flaky_work)
    here: list[int] = []  # ranges read in this process (the workers' calls stay in the workers)
    monkeypatch.setattr(parallel, "read_range", lambda path, a, *rest: here.append(a) or _READ_RANGE(path, a, *rest))
    assert in_ranges(story, cuts, jobs=2) == want
    assert here and here[0] == cuts[3]  # from the failed range on, read here
    assert not multiprocessing.active_children()  # the pool is gone (a leftover one blocks the exit)


def test_an_abandoned_reader_stops_its_workers(story: Path) -> None:
    records = parallel.iter_ranges(str(story), [(0, line_starts(story)[40]), (line_starts(story)[40],
                                                                               story.stat().st_size)],
                                   JST, YEAR, jobs=2)
    next(records)
    records.close()  # a closed pipe: the CLI stops reading
    assert not multiprocessing.active_children()


def test_ranges_follow_the_serial_blocks(tmp_path: Path) -> None:
    path = tmp_path / "r.log"
    path.write_text(interleave(message_scripts(copies=4)) * 3, encoding="utf-8")
    size = path.stat().st_size
    cuts = parallel.segment_cuts(str(path), 1000)
    data = path.read_bytes()
    assert cuts == [data.rfind(b"\n", 0, k * 1000) + 1 for k in range(1, (size + 999) // 1000)
                    if data.rfind(b"\n", (k - 1) * 1000, k * 1000) >= 0]
    starts = set(line_starts(path))
    for parts in (1, 2, 3, 7, len(cuts) + 1, len(cuts) + 2, 1000):
        ranges = parallel.split_ranges(str(path), parts, 1000)
        assert ranges[0][0] == 0 and ranges[-1][1] == size
        assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
        if parts <= len(cuts) + 1:  # enough serial blocks: cut where they end
            assert all(a in cuts for a, _ in ranges[1:]) and len(ranges) == parts
        else:  # else at line starts
            assert all(a in starts for a, _ in ranges[1:]) and len(cuts) + 1 < len(ranges) <= parts


def test_jobs_default_is_automatic(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from wizard.commands import log

    parser = argparse.ArgumentParser()
    log.add_arguments(parser)
    assert parser.parse_args(["x.log"]).jobs is None  # automatic
    assert parser.parse_args(["x.log", "--jobs", "1"]).jobs == 1
    assert 1 <= parallel.auto_jobs() <= parallel.MAX_AUTO_JOBS
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    assert not parallel.can_parallelize([str(DATA / "maillog" / "story_day.log")], 1)
    assert parallel.can_parallelize([str(DATA / "maillog" / "story_day.log")], 2)
