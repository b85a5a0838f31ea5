"""``spam-wizard log`` held to mail logs nobody on the team wrote (``tests/data/maillog_realworld``).

Every file goes through the public API (:func:`wizard.core.maillog.iter_records`) and through the CLI
(``wizard.cli.main(["log", FILE, "--json"])``) and must give the issue's JSON contract. For a set of
transactions whose lines were read by hand, the correlated record is checked field by field: queue ids
joined, Message-ID, client IP / HELO, envelope, spam verdict and the outcome per recipient. Damaged
input (binary garbage, cut lines), compressed copies and files given in another order must give the
same records. Where each file comes from: ``tests/data/maillog_realworld/SOURCES.md``.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import math
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from wizard.cli import main
from wizard.core.maillog import LogStats, iter_records
from wizard.core.maillog.parallel import write_json_records

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "maillog_realworld"
UTC = timezone.utc  # noqa: UP017 - explicit for readers on 3.11
DISPOSITIONS = {"inbox", "folder", "discarded", "rejected", "bounced", "deferred", "unknown"}
MESSAGE_KEYS = {"queue_ids", "message_id", "client_ip", "helo", "from", "to", "spam", "deliveries",
                "first_seen", "last_seen"}

PIXELPARK = "postfix_amavis_rfc3339_pixelpark.log"
LOCAL_POSTFIX = "local_postfix37_maillog.log"
LOCAL_DOVECOT = "local_dovecot23_lda_sieve.log"
SPAMC_POSTFIX = "local_postfix37_spamc_maillog.log"
SPAMC_SPAMD = "local_spamd40.log"
SPAMC_DOVECOT = "local_dovecot23_lda_spamc.log"
LMTP_POSTFIX = "local_postfix37_lmtp_maillog.log"
LMTP_DOVECOT = "local_dovecot23_lmtp.log"

# Upper bound of lines not understood, per file. Every line of these files is written by Postfix
# (smtpd, postscreen, dnsblog, tlsproxy, anvil, cleanup, qmgr, pipe, smtp, bounce, master), amavis,
# Exim, Sendmail or Dovecot, i.e. a dialect the issue names, so 0 unless noted.
UNPARSED_MAX = {
    PIXELPARK: 0,
    LOCAL_POSTFIX: 0,
    LOCAL_DOVECOT: 0,
    SPAMC_POSTFIX: 0,
    SPAMC_DOVECOT: 0,
    "local_postfix37_noqueue_discard.log": 0,
    LMTP_POSTFIX: 0,
    # Dovecot's "master:" start-up and shut-down lines carry nothing about messages; they may be counted.
    LMTP_DOVECOT: 2,
    # spamd's own log file: every line is spamd's ("spamd:", "prefork:", "config:"), so 0.
    SPAMC_SPAMD: 0,
    "fail2ban_postfix_sasl.log": 0,
    "fail2ban_postfix_rbl_relay_address.log": 0,
    "fail2ban_sendmail_auth.log": 0,
    # 4 lines stamped by daemontools multilog (TAI64N "@4000..."), which no syslog or Dovecot
    # log_path format has, and 1 PAM line logged by the program "auth" (not a mail program).
    "fail2ban_dovecot_auth.log": 5,
    "exim_testsuite_0021_acl.log": 0,
    "exim_testsuite_0036_remote.log": 0,
    "exim_testsuite_0099_defer.log": 0,
    "exim_testsuite_0151_newid.log": 0,
    "amavis_zentyal_loghelper.log": 0,
    "amavis_crowdsec_blocked_infected.log": 0,
    "postfix_crowdsec_sasl_reject.log": 0,
    # "imac27 madeup: Gobbely Gook": a program that is no mail server; it must be counted.
    "postfix_spamd_longqid_msimerson.log": 1,
    # one reject line is cut off in the middle ("Client host [83.167.229."): it may be counted.
    "postfix_ecs_pipeline_inqueue.log": 1,
}


def corpus_files() -> list[str]:
    return sorted(p.name for p in DATA.glob("*.log"))


def run_json(capsys: pytest.CaptureFixture[str], *files: str | Path) -> dict[str, Any]:
    code = main(["log", "--json", "--tz", "UTC", "--year", "2026", *map(str, files)])
    out = capsys.readouterr().out
    assert code == 0
    doc: dict[str, Any] = json.loads(out)
    check_contract(doc)
    return doc


def check_contract(doc: dict[str, Any]) -> None:
    """The exact shape of the issue's ``--json`` contract."""
    assert set(doc) == {"messages", "verification", "unparsed_lines"}
    assert doc["verification"] is None
    assert isinstance(doc["unparsed_lines"], int) and doc["unparsed_lines"] >= 0
    for m in doc["messages"]:
        assert set(m) == MESSAGE_KEYS
        assert isinstance(m["queue_ids"], list) and all(isinstance(q, str) and q for q in m["queue_ids"])
        for key in ("message_id", "client_ip", "helo", "from"):
            assert m[key] is None or isinstance(m[key], str)
        assert isinstance(m["to"], list) and all(isinstance(t, str) for t in m["to"])
        assert set(m["spam"]) == {"flag", "score", "tests"}
        assert m["spam"]["flag"] in (None, True, False)
        score = m["spam"]["score"]
        assert score is None or (isinstance(score, (int, float)) and not isinstance(score, bool)
                                 and math.isfinite(score))
        assert all(isinstance(t, str) and t for t in m["spam"]["tests"])
        for d in m["deliveries"]:
            assert set(d) == {"to", "disposition", "folder", "status_text"}
            assert isinstance(d["to"], str)
            assert d["disposition"] in DISPOSITIONS
            assert d["folder"] is None or (isinstance(d["folder"], str) and d["folder"])
            if d["disposition"] == "folder":
                assert d["folder"]
            assert isinstance(d["status_text"], str) and d["status_text"]
        first = datetime.fromisoformat(m["first_seen"])
        last = datetime.fromisoformat(m["last_seen"])
        assert first.tzinfo is not None and last.tzinfo is not None
        assert first <= last


def canonical(doc: dict[str, Any]) -> list[str]:
    """Records as order-free comparable strings (queue ids and deliveries sorted too)."""
    out = []
    for m in doc["messages"]:
        m = dict(m, queue_ids=sorted(m["queue_ids"]), to=sorted(m["to"]),
                 deliveries=sorted(m["deliveries"], key=lambda d: json.dumps(d, sort_keys=True)))
        out.append(json.dumps(m, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def by_qid(doc: dict[str, Any], qid: str) -> dict[str, Any]:
    found = [m for m in doc["messages"] if qid in m["queue_ids"]]
    assert len(found) == 1, f"{qid}: {len(found)} records"
    return found[0]


def by_mid(doc: dict[str, Any], mid: str) -> dict[str, Any]:
    found = [m for m in doc["messages"] if m["message_id"] == mid]
    assert len(found) == 1, f"{mid}: {len(found)} records"
    return found[0]


def outcome(msg: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {d["to"]: (d["disposition"], d["folder"]) for d in msg["deliveries"]}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# -- every file: API, CLI, contract, unparsed bound ----------------------------------------------------

def test_corpus_is_listed_and_attributed() -> None:
    files = corpus_files()
    assert set(files) == set(UNPARSED_MAX), "every corpus file needs a justified unparsed bound"
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for name in files:
        assert f"`{name}`" in sources, f"{name} has no entry in SOURCES.md"
    lines = sum(len((DATA / n).read_text(encoding="utf-8").splitlines()) for n in files)
    assert lines >= 500


@pytest.mark.parametrize("name", corpus_files())
def test_every_file_cli_and_api_agree(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / name)
    assert doc["unparsed_lines"] <= UNPARSED_MAX[name]
    stats = LogStats()
    records = list(iter_records([DATA / name], tz=UTC, year_ref=(2026, 12), stats=stats))
    assert stats.errors == []
    assert stats.unparsed_lines == doc["unparsed_lines"]
    assert len(records) == len(doc["messages"])
    assert canonical({"messages": [r.to_json() for r in records]}) == canonical(doc)


def test_unknown_program_is_counted(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "postfix_spamd_longqid_msimerson.log")
    assert doc["unparsed_lines"] == 1


# -- Postfix + amavis + Dovecot pipe, RFC 3339 stamps, long queue ids (pixelpark) ----------------------

def test_pixelpark_amavis_transactions(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / PIXELPARK)
    # Only three sessions got a queue id; postscreen / TLS-only sessions are no messages.
    assert len(doc["messages"]) == 3

    m = by_mid(doc, "71816687N65284230Y01410375Q67285060N@ajmyjyz")
    assert sorted(m["queue_ids"]) == ["4PbC4x469Jz3tBr", "4PbC4z6W5Qz3tG3"]  # amavis Queue-ID -> queued_as
    assert m["client_ip"] == "185.31.160.120"
    assert m["from"] == "ajmyjyz@nistoresio.co.cz"
    assert m["to"] == ["user01.test@uhu-banane.net"]
    assert m["spam"]["flag"] is False  # "Passed CLEAN"
    assert m["spam"]["score"] == pytest.approx(2.913)
    assert m["spam"]["tests"] == ["BAYES_20", "HTML_IMAGE_ONLY_08", "HTML_IMAGE_RATIO_02", "HTML_MESSAGE",
                                  "HTML_SHORT_LINK_IMG_1", "SPF_HELO_NONE", "SPF_PASS", "T_TVD_MIME_EPI",
                                  "URIBL_ABUSE_SURBL"]
    # the copy re-injected by amavis went to Dovecot through pipe: the user's inbox
    assert outcome(m) == {"user01.test@uhu-banane.net": ("inbox", "INBOX")}
    # 2023-03-14T00:08:33.579644+01:00 (smtpd client=) .. 00:08:36.037498+01:00 (qmgr removed)
    assert abs(at(m["first_seen"]) - datetime(2023, 3, 13, 23, 8, 33, 579644, UTC)) < timedelta(seconds=1)
    assert abs(at(m["last_seen"]) - datetime(2023, 3, 13, 23, 8, 36, 37498, UTC)) < timedelta(seconds=1)

    m = by_mid(doc, "4015654248368255857774234470754174220313@mastersan.gen.tr")
    assert sorted(m["queue_ids"]) == ["4PbC7269xVz3tBr", "4PbC774GLyz3tG3"]
    assert (m["client_ip"], m["from"], m["to"]) == ("81.30.156.23", "andaldw@mastersan.gen.tr",
                                                   ["user01.test@uhu-banane.net"])
    assert (m["spam"]["flag"], m["spam"]["score"]) == (False, pytest.approx(2.681))
    assert "URIBL_BLACK" in m["spam"]["tests"] and len(m["spam"]["tests"]) == 10
    assert outcome(m) == {"user01.test@uhu-banane.net": ("inbox", "INBOX")}

    m = by_qid(doc, "4PbCNM3z5lz3tBr")
    assert sorted(m["queue_ids"]) == ["4PbCNM3z5lz3tBr", "4PbCNs434mz3tG3"]
    assert m["message_id"] == ("jLcVVvtZxINYc_DS26xSRfy9CISqI0OA_etCB7ngaq4.uNXJeYh2dM5u7mZxWJd-"
                               "UcjP1aHjH-LE7XCfhJT5pVY@urgencycompany.shop")
    assert (m["client_ip"], m["from"]) == ("80.94.91.183", "realactionpro@urgencycompany.shop")
    assert (m["spam"]["flag"], m["spam"]["score"]) == (False, pytest.approx(3.525))
    assert outcome(m) == {"user01.test@uhu-banane.net": ("inbox", "INBOX")}


def test_message_id_filter_as_pasted_from_headers(capsys: pytest.CaptureFixture[str]) -> None:
    """The support agent pastes ``Message-ID: <...>`` from the customer's mail (with the brackets)."""
    code = main(["log", "--json", "--tz", "UTC", str(DATA / PIXELPARK),
                 "--message-id", "<4015654248368255857774234470754174220313@mastersan.gen.tr>"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    check_contract(doc)
    assert [sorted(m["queue_ids"]) for m in doc["messages"]] == [["4PbC7269xVz3tBr", "4PbC774GLyz3tG3"]]


# -- real Postfix 3.7 + Dovecot 2.3 LDA / Pigeonhole, two separate files ------------------------------

LOCAL_EXPECTED: dict[str, tuple[str, str | None, str, list[str], dict[str, tuple[str, str | None]]]] = {
    # qid: (message-id, client ip, sender, recipients, outcome per recipient)
    "DD5C2216055": ("r2-clean-1@partner-example.co.jp", "198.51.100.20", "tanaka@partner-example.co.jp",
                    ["user1@example.jp"], {"user1@example.jp": ("inbox", "INBOX")}),
    "66CEC216254": ("r2-spam-1@lottery-example.biz", "203.0.113.66", "win@lottery-example.biz",
                    ["user1@example.jp"], {"user1@example.jp": ("folder", "Junk")}),
    "E5F38216335": ("r2-news-1@shop.example.com", "192.0.2.44", "newsletter@shop.example.com",
                    ["user1@example.jp"], {"user1@example.jp": ("discarded", None)}),
    # Sieve failed (fileinto a folder that does not exist); implicit keep stored it in INBOX
    "71C19216461": ("r2-ml-1@lists.example.org", "192.0.2.80", "owner-ml@lists.example.org",
                    ["user1@example.jp"], {"user1@example.jp": ("inbox", "INBOX")}),
    "EFBEF216532": ("r2-multi-1@partner-example.co.jp", "198.51.100.20", "tanaka@partner-example.co.jp",
                    ["user1@example.jp", "user2@example.jp"],
                    {"user1@example.jp": ("inbox", "INBOX"), "user2@example.jp": ("inbox", "INBOX")}),
    "874C3216A25": ("r2-defer-1@partner-example.co.jp", "198.51.100.20", "tanaka@partner-example.co.jp",
                    ["sato@partner.example.net"], {"sato@partner.example.net": ("deferred", None)}),
    "432FE216A46": ("r2-quota-1@partner-example.co.jp", "198.51.100.20", "tanaka@partner-example.co.jp",
                    ["user3@example.jp"], {"user3@example.jp": ("bounced", None)}),
    "BFC4C216A57": ("r2-spam-2@lottery-example.biz", "203.0.113.70", "win@lottery-example.biz",
                    ["user2@example.jp"], {"user2@example.jp": ("folder", "Junk")}),
}


def check_local(doc: dict[str, Any]) -> None:
    for qid, (mid, ip, sender, rcpts, outcomes) in LOCAL_EXPECTED.items():
        m = by_qid(doc, qid)
        assert m["queue_ids"] == [qid]
        assert (m["message_id"], m["client_ip"], m["from"]) == (mid, ip, sender), qid
        assert sorted(m["to"]) == rcpts, qid
        assert outcome(m) == outcomes, qid
        # no content filter ran on this server: no verdict may be invented
        assert m["spam"] == {"flag": None, "score": None, "tests": []}, qid
    quota = by_qid(doc, "432FE216A46")["deliveries"][0]["status_text"]
    assert "Quota exceeded" in quota
    defer = by_qid(doc, "874C3216A25")["deliveries"][0]["status_text"]
    assert "Connection refused" in defer

    # rejected during the SMTP dialogue (NOQUEUE): client, HELO, envelope, recipient
    rejects = {tuple(m["to"]): m for m in doc["messages"] if not m["queue_ids"]}
    assert set(rejects) == {("old.staff@example.jp",), ("nosuchuser@example.jp",),
                            ("someone@elsewhere.example.com",)}
    for (rcpt,), ip in ((("old.staff@example.jp",), "203.0.113.66"), (("nosuchuser@example.jp",), "203.0.113.67"),
                        (("someone@elsewhere.example.com",), "203.0.113.69")):
        m = rejects[(rcpt,)]
        assert (m["client_ip"], m["helo"], m["from"]) == (ip, "lottery-example.biz", "win@lottery-example.biz")
        assert outcome(m) == {rcpt: ("rejected", None)}
    assert "former employee" in rejects[("old.staff@example.jp",)]["deliveries"][0]["status_text"]
    assert "Relay access denied" in rejects[("someone@elsewhere.example.com",)]["deliveries"][0]["status_text"]

    # header_checks REJECT after DATA: the cleanup line carries client, HELO and envelope
    m = by_qid(doc, "1196B21630C")
    assert (m["client_ip"], m["helo"], m["from"], m["to"]) == ("203.0.113.68", "lottery-example.biz",
                                                              "win@lottery-example.biz", ["user2@example.jp"])
    assert outcome(m) == {"user2@example.jp": ("rejected", None)}
    assert "lottery spam refused" in m["deliveries"][0]["status_text"]

    # header_checks DISCARD: accepted, then dropped by cleanup for its recipient
    m = by_qid(doc, "8F0A6216555")
    assert (m["client_ip"], m["from"], m["to"]) == ("192.0.2.44", "newsletter@shop.example.com",
                                                    ["user2@example.jp"])
    assert outcome(m) == {"user2@example.jp": ("discarded", None)}

    # the non-delivery notice Postfix generated (null sender), which itself bounced
    m = by_qid(doc, "59772216A55")
    assert (m["message_id"], m["from"], m["to"]) == ("20261128043227.59772216A55@mx1.example.jp", "",
                                                     ["tanaka@partner-example.co.jp"])
    assert outcome(m) == {"tanaka@partner-example.co.jp": ("bounced", None)}
    assert len(doc["messages"]) == len(LOCAL_EXPECTED) + 3 + 3


def test_local_postfix_and_dovecot_logs_are_joined(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / LOCAL_POSTFIX, DATA / LOCAL_DOVECOT)
    check_local(doc)


def test_local_logs_in_reverse_order(capsys: pytest.CaptureFixture[str]) -> None:
    forward = run_json(capsys, DATA / LOCAL_POSTFIX, DATA / LOCAL_DOVECOT)
    backward = run_json(capsys, DATA / LOCAL_DOVECOT, DATA / LOCAL_POSTFIX)
    assert canonical(backward) == canonical(forward)
    check_local(backward)


def test_dovecot_log_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """Without the MTA's log the delivery agent's lines still say what happened per mailbox."""
    doc = run_json(capsys, DATA / LOCAL_DOVECOT)
    seen = {(m["message_id"], d["to"]): (d["disposition"], d["folder"])
            for m in doc["messages"] for d in m["deliveries"]}
    assert seen[("r2-spam-1@lottery-example.biz", "user1@example.jp")] == ("folder", "Junk")
    assert seen[("r2-news-1@shop.example.com", "user1@example.jp")] == ("discarded", None)
    assert seen[("r2-multi-1@partner-example.co.jp", "user2@example.jp")] == ("inbox", "INBOX")
    assert seen[("r2-quota-1@partner-example.co.jp", "user3@example.jp")][0] == "bounced"


def test_lmtp_deliveries_with_sieve(capsys: pytest.CaptureFixture[str]) -> None:
    """Dovecot's own log file (log_path) after a restart: the "master:" line comes first."""
    doc = run_json(capsys, DATA / LMTP_POSTFIX, DATA / LMTP_DOVECOT)
    expected = {
        "D2B9521805B": ("r2-lmtp-1@partner-example.co.jp", "198.51.100.20", {"user1@example.jp": ("inbox", "INBOX")}),
        "5ADEA21806A": ("r2-lmtp-2@lottery-example.biz", "203.0.113.80", {"user2@example.jp": ("folder", "Junk")}),
        "D91FF21807D": ("r2-lmtp-3@shop.example.com", "192.0.2.44", {"user1@example.jp": ("discarded", None)}),
        "62CEA21807E": ("r2-lmtp-4@lottery-example.biz", "203.0.113.81",
                        {"user1@example.jp": ("folder", "Junk"), "user2@example.jp": ("folder", "Junk")}),
    }
    assert len(doc["messages"]) == len(expected)
    for qid, (mid, ip, outcomes) in expected.items():
        m = by_qid(doc, qid)
        assert (m["message_id"], m["client_ip"], sorted(m["to"])) == (mid, ip, sorted(outcomes)), qid
        assert outcome(m) == outcomes, qid
    reverse = run_json(capsys, DATA / LMTP_DOVECOT, DATA / LMTP_POSTFIX)
    assert canonical(reverse) == canonical(doc)


# -- real Postfix + spamd (content filter, re-injection) + Dovecot: the post's steps 3 and 4 -----------

SPAMC_EXPECTED: dict[str, tuple[set[str], str, str, bool, float, str, dict[str, tuple[str, str | None]]]] = {
    # message-id: (queue ids, client ip, sender, spam?, score, a rule, outcome per recipient)
    "r2-sa-1@lottery-example.biz": ({"72EBE21E384", "0DC4A21E386"}, "203.0.113.66", "win@lottery-example.biz",
                                    True, 104.7, "USER_IN_BLOCKLIST", {"user2@example.jp": ("inbox", "INBOX")}),
    "r2-sa-2@lottery-example.biz": ({"F35AC21E384", "66C9021E0F1"}, "203.0.113.66", "win@lottery-example.biz",
                                    True, 103.7, "USER_IN_BLOCKLIST", {"user1@example.jp": ("folder", "Junk")}),
    "r2-sa-3@partner-example.co.jp": ({"7DED721E3A5", "0653421E221"}, "198.51.100.20",
                                      "tanaka@partner-example.co.jp", False, 1.3, "RCVD_ILLEGAL_IP",
                                      {"user1@example.jp": ("inbox", "INBOX")}),
    "r2-sa-4@gtube.example.net": ({"0832321E3AA", "5A4E521E3AB"}, "192.0.2.99", "bulk@gtube.example.net",
                                  True, 1004.7, "GTUBE", {"user2@example.jp": ("inbox", "INBOX")}),
    "r2-sa-5@lottery-example.biz": ({"8647221E013", "E1E3621E014"}, "203.0.113.71", "win@lottery-example.biz",
                                    True, 103.7, "USER_IN_BLOCKLIST",
                                    {"user1@example.jp": ("folder", "Junk"), "user2@example.jp": ("inbox", "INBOX")}),
}


def check_spamc(doc: dict[str, Any]) -> None:
    assert len(doc["messages"]) == len(SPAMC_EXPECTED)
    for mid, (qids, ip, sender, flag, score, rule, outcomes) in SPAMC_EXPECTED.items():
        m = by_mid(doc, mid)
        assert set(m["queue_ids"]) == qids, mid  # the copy re-injected after spamd is the same message
        assert (m["client_ip"], m["from"]) == (ip, sender), mid  # not the filter's 127.0.0.1
        assert sorted(m["to"]) == sorted(outcomes), mid
        assert m["spam"]["flag"] is flag, mid
        assert m["spam"]["score"] == pytest.approx(score), mid
        assert rule in m["spam"]["tests"], mid
        assert outcome(m) == outcomes, mid


def test_spamd_verdicts_joined_to_deliveries(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / SPAMC_POSTFIX, DATA / SPAMC_SPAMD, DATA / SPAMC_DOVECOT)
    check_spamc(doc)


def test_spamd_files_in_any_order(capsys: pytest.CaptureFixture[str]) -> None:
    forward = run_json(capsys, DATA / SPAMC_POSTFIX, DATA / SPAMC_SPAMD, DATA / SPAMC_DOVECOT)
    for order in ((SPAMC_DOVECOT, SPAMC_SPAMD, SPAMC_POSTFIX), (SPAMC_SPAMD, SPAMC_DOVECOT, SPAMC_POSTFIX)):
        assert canonical(run_json(capsys, *(DATA / n for n in order))) == canonical(forward)


def test_block_list_verification_on_real_logs(capsys: pytest.CaptureFixture[str]) -> None:
    """"Scored as spam, delivered": the block list only added score for user2."""
    code = main(["log", "--json", "--tz", "UTC", "--year", "2026", str(DATA / SPAMC_POSTFIX), str(DATA / SPAMC_SPAMD),
                 str(DATA / SPAMC_DOVECOT), "--sender-domain", "lottery-example.biz",
                 "--since", "2026-11-28T04:30:00+00:00"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0
    report = doc["verification"]
    assert report["total"] == 3
    assert report["spam_flagged"] == 3
    assert report["by_disposition"] == {"inbox": 2, "folder": 2}  # per recipient: sa-5 went to two


# -- Postfix rejects at SMTP time (fail2ban test logs) ----------------------------------------------------

def test_noqueue_rejects(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "fail2ban_postfix_rbl_relay_address.log")
    got = sorted((m["client_ip"], m["helo"], m["from"], tuple(m["to"]), outcome(m)[m["to"][0]][0])
                 for m in doc["messages"])
    assert got == sorted([
        ("93.184.216.34", "badguy.example.com", "spammer@example.com", ("goodguy@example.com",), "rejected"),
        ("93.184.216.34", "badguy.example.com", "spammer@example.com", ("goodguy@example.com",), "rejected"),
        ("87.236.233.182", "WIN-5N8GBBS0R5I", "spammer@example.com", ("goodguy@example.com",), "rejected"),
        # postscreen separates the fields with ", "
        ("216.245.194.173", "badguy.example.com", "spammer@example.com", ("goodguy@example.com",), "rejected"),
        ("1.1.1.1", "XL-20141217WFEH", "ramdomname@mydomain.com", ("target@example.com",), "rejected"),
        ("1.1.1.1", "jkqw4bd90", "randomname@example.com", ("target-not-existing@mydomain.com",), "rejected"),
    ])
    texts = [m["deliveries"][0]["status_text"] for m in doc["messages"]]
    assert sum("rbl.example.com" in t for t in texts) == 4
    assert any("Relay access denied" in t for t in texts)
    assert any("User unknown in virtual mailbox table" in t for t in texts)


def test_noqueue_discard_is_no_reject(capsys: pytest.CaptureFixture[str]) -> None:
    """``NOQUEUE: discard``: Postfix said 250 and dropped the message; the sender saw no refusal."""
    doc = run_json(capsys, DATA / "local_postfix37_noqueue_discard.log")
    got = sorted((m["client_ip"], m["helo"], m["from"], tuple(m["to"]), tuple(outcome(m).items()))
                 for m in doc["messages"])
    trap = (("trap@example.jp", ("discarded", None)),)
    assert got == [("203.0.113.72", "lottery-example.biz", "win@lottery-example.biz", ("trap@example.jp",), trap),
                   ("203.0.113.73", "lottery-example.biz", "win@lottery-example.biz", ("trap@example.jp",), trap)]


def test_auth_noise_gives_no_messages(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("fail2ban_postfix_sasl.log", "fail2ban_sendmail_auth.log", "fail2ban_dovecot_auth.log"):
        assert run_json(capsys, DATA / name)["messages"] == [], name


def test_defective_lines_of_a_shipped_log(capsys: pytest.CaptureFixture[str]) -> None:
    """Stray quotes after lines, a cut line and out-of-order stamps (as the file was published)."""
    doc = run_json(capsys, DATA / "postfix_ecs_pipeline_inqueue.log")
    m = by_qid(doc, "98AEDA06BC")
    assert m["message_id"] == "mx6uP6mfTTuDn6rxYiVTog@ismtpd0036p1iad1.sendgrid.net"
    assert (m["client_ip"], m["from"], m["to"]) == ("167.89.25.242",
                                                    "bounces+5595449-1d87-cram=domain.tld@emails.bradsdeals.com",
                                                    ["cram@domain.tld"])
    assert len(m["deliveries"]) == 1 and "queued as 7E5372C0C21" in m["deliveries"][0]["status_text"]
    rejected = [m for m in doc["messages"] if m["client_ip"] == "185.170.209.188"]
    assert len(rejected) == 1
    assert (rejected[0]["helo"], rejected[0]["to"]) == ("austin.researchconclude.bid", ["cram@domain.tld"])
    assert outcome(rejected[0]) == {"cram@domain.tld": ("rejected", None)}


def test_long_queue_ids_and_null_sender(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "postfix_spamd_longqid_msimerson.log")
    m = by_qid(doc, "3mPVKl0Mhjz7sXv")
    assert (m["message_id"], m["from"]) == ("E1ZB06G-0006n5-Vp@anc-dev-web1.slc.example.net", "")
    assert m["to"] == ["56597@continuity.delivery"]
    # handed to another server: what became of it there is not in this log
    assert outcome(m) == {"56597@continuity.delivery": ("unknown", None)}


# -- amavis lines without the MTA's lines (amavis logging to its own file) ---------------------------

def test_amavis_blocked_line_alone(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "amavis_crowdsec_blocked_infected.log")
    [m] = doc["messages"]
    assert m["queue_ids"] == ["83B741009CD35"]
    assert m["message_id"] == "20240223075525.8CD9941B67@xxx.xxx.shop"
    assert (m["client_ip"], m["from"], m["to"]) == ("192.168.0.1", "someone1@something1.com",
                                                    ["someon2@something2.com"])
    assert m["spam"]["flag"] is not True and m["spam"]["score"] is None  # a virus, "Hits: -"
    assert outcome(m) == {"someon2@something2.com": ("discarded", None)}  # {DiscardedInbound,...}
    assert "INFECTED" in m["deliveries"][0]["status_text"]


def test_old_amavis_summary_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """amavisd-new 2.4-era lines (no Queue-ID, no Message-ID, no {policy} braces)."""
    doc = run_json(capsys, DATA / "amavis_zentyal_loghelper.log")
    assert len(doc["messages"]) == 13
    got = [(m["from"], m["to"], m["spam"]["flag"], m["spam"]["score"], m["deliveries"][0]["disposition"])
           for m in doc["messages"]]
    rcpt = ["macaco@monos.org"]
    # "Passed ..., queued_as: X": handed back to the MTA, whose lines are not in this file
    assert ("spam@zentyal.org", rcpt, True, 4.637, "unknown") in got
    assert ("spam@zentyal.org", rcpt, False, 3.904, "unknown") in got
    # "Blocked SPAM": not delivered (discarded or bounced, the old line does not say which)
    blocked = [g for g in got if g[2] is True and g[4] != "unknown"]
    assert sorted(g[3] or 0.0 for g in blocked) == [0.0, 4.736, 4.906]  # one with "Hits: -"
    assert all(g[4] in ("discarded", "bounced") for g in blocked)
    # viruses and banned files are no spam verdicts; blocked ones were not delivered either
    others = [g for g in got if g[2] is not True and g[4] != "unknown"]
    assert len(others) == 4 and all(g[4] in ("discarded", "bounced") for g in others)


# -- Exim (test-suite logs of the Exim project) -------------------------------------------------------

def test_exim_deferrals(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "exim_testsuite_0099_defer.log")
    got = {m["queue_ids"][0]: (m["from"], m["to"], outcome(m)) for m in doc["messages"]}
    rcpts = {"10HmaX-0005vi-00": "userx@simple", "10HmaY-0005vi-00": "usery@complex",
             "10HmaZ-0005vi-00": "userz@simple", "10HmbA-0005vi-00": "with@complex",
             "10HmbB-0005vi-00": "without@complex", "10HmbC-0005vi-00": "userx@nonexist",
             "10HmbD-0005vi-00": "userx@mxt2.test.ex", "10HmbE-0005vi-00": "userx@mxnonexist.test.ex"}
    assert got == {q: ("CALLER@test.ex", [r], {r: ("deferred", None)}) for q, r in rcpts.items()}


def test_exim_new_message_id_format(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "exim_testsuite_0151_newid.log")
    m = by_qid(doc, "10HmaX-000000005vi-0000")
    assert (m["from"], m["to"]) == ("CALLER@test.ex", ["postmaster@test.ex"])
    assert outcome(m) == {"postmaster@test.ex": ("inbox", "INBOX")}


def test_exim_acl_rejects_and_local_deliveries(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "exim_testsuite_0021_acl.log")
    m = by_qid(doc, "10HmbD-0005vi-00")
    assert (m["from"], m["to"], outcome(m)) == ("ok@test1", ["userx@test.ex"],
                                                {"userx@test.ex": ("inbox", "INBOX")})
    m = by_qid(doc, "10HmaX-0005vi-00")
    assert m["from"] == "userx@test1"
    assert [d["disposition"] for d in m["deliveries"]] == ["rejected"]
    assert "don't like sender" in m["deliveries"][0]["status_text"]
    # a bounce (null sender) made for the rejected message
    m = by_qid(doc, "10HmbC-0005vi-00")
    assert (m["from"], outcome(m)) == ("", {"userx@test1": ("inbox", "INBOX")})
    m = by_qid(doc, "10HmbH-0005vi-00")
    assert (m["from"], m["client_ip"], outcome(m)) == ("ok@test3", "10.9.8.8", {"x@y": ("inbox", "INBOX")})


def test_exim_remote_delivery_and_server_side(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, DATA / "exim_testsuite_0036_remote.log")
    server = by_qid(doc, "10HmaY-0005vi-00")
    assert server["message_id"] == "E10HmaX-0005vi-00@myhost.test.ex"
    assert server["helo"] == "myhost.test.ex"
    assert outcome(server) == {"abcd@eximtesthost.test.ex": ("inbox", "INBOX"),
                               "userx@alias-eximtesthost.test.ex": ("inbox", "INBOX")}
    client = by_qid(doc, "10HmaX-0005vi-00")
    assert {d["disposition"] for d in client["deliveries"]} == {"unknown"}  # relayed elsewhere
    assert all("250 OK id=10HmaY-0005vi-00" in d["status_text"] for d in client["deliveries"])


# -- damaged, compressed and rotated input ------------------------------------------------------------

def test_gzip_and_bzip2_copies_give_the_same_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = run_json(capsys, DATA / PIXELPARK, DATA / LOCAL_POSTFIX, DATA / LOCAL_DOVECOT)
    gz = tmp_path / "mail.log.2.gz"
    gz.write_bytes(gzip.compress((DATA / PIXELPARK).read_bytes()))
    bz = tmp_path / "mail.log.1.bz2"
    bz.write_bytes(bz2.compress((DATA / LOCAL_POSTFIX).read_bytes()))
    packed = run_json(capsys, bz, DATA / LOCAL_DOVECOT, gz)
    assert canonical(packed) == canonical(plain)
    assert packed["unparsed_lines"] == plain["unparsed_lines"]


def test_rotated_parts_in_reverse_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A log split like logrotate does (mail.log.1 older, mail.log newer), given newest first."""
    for name, cut in ((PIXELPARK, 90), (LOCAL_POSTFIX, 40)):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines(keepends=True)
        old, new = tmp_path / f"{name}.1", tmp_path / name
        old.write_text("".join(lines[:cut]), encoding="utf-8")
        new.write_text("".join(lines[cut:]), encoding="utf-8")
        whole = run_json(capsys, DATA / name)
        parts = run_json(capsys, new, old)
        assert canonical(parts) == canonical(whole), name


GARBAGE = [
    b"\x00\x01\x02\x03\xff\xfe binary \x00 junk",
    b"\xe3\x81\x82\xe3\x81\x84\xff\xff\xff not utf-8 at the end \xc3",
    b"<34>1 2026-03-09T16:29:02Z --- structured syslog but nothing we know",
    b"\x1b[31mterminal colour codes\x1b[0m",
    b"Nov 28 04:32:10 mx1 postfix/smtpd[1]: " + b"A" * 20000,
    b"\r",
    b"\x00" * 300,
]


def test_binary_garbage_between_real_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in (PIXELPARK, LOCAL_POSTFIX):
        clean = run_json(capsys, DATA / name)
        lines = (DATA / name).read_bytes().splitlines(keepends=True)
        mixed = bytearray()
        for i, line in enumerate(lines):
            mixed += line
            if i % 9 == 4:
                mixed += GARBAGE[(i // 9) % len(GARBAGE)] + b"\n"
        path = tmp_path / f"garbage-{name}"
        path.write_bytes(bytes(mixed))
        inserted = sum(1 for i in range(len(lines)) if i % 9 == 4)
        doc = run_json(capsys, path)
        assert canonical(doc) == canonical(clean), name
        assert clean["unparsed_lines"] < doc["unparsed_lines"] <= clean["unparsed_lines"] + inserted


def test_cut_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Lines cut off by a full disk or a size limit: no crash, the other messages are unchanged."""
    lines = (DATA / LOCAL_POSTFIX).read_text(encoding="utf-8").splitlines()
    cut = []
    for line in lines:
        if " connect from " in line or " disconnect from " in line:
            line = line[: len(line) // 2]
        cut.append(line)
    cut[-1] = cut[-1][:60]  # the file ends in the middle of the last line, without a newline
    path = tmp_path / "cut.log"
    path.write_text("\n".join(cut), encoding="utf-8")
    doc = run_json(capsys, path, DATA / LOCAL_DOVECOT)
    check_local(doc)


def test_whole_corpus_in_reverse_order(capsys: pytest.CaptureFixture[str]) -> None:
    """All files at once, forwards and backwards (the Exim test-suite logs are left out: the suite
    reuses the same message ids at the same munged time in every test, so together they would be one
    log with colliding ids, which no real server writes)."""
    names = [n for n in corpus_files() if not n.startswith("exim_testsuite_")]
    forward = run_json(capsys, *(DATA / n for n in names))
    backward = run_json(capsys, *(DATA / n for n in reversed(names)))
    assert canonical(backward) == canonical(forward)
    assert forward["unparsed_lines"] == sum(run_json(capsys, DATA / n)["unparsed_lines"] for n in names)


@pytest.mark.parametrize("name", [PIXELPARK, LOCAL_POSTFIX, SPAMC_POSTFIX, "exim_testsuite_0021_acl.log"])
@pytest.mark.parametrize("jobs", [2, 3, 5])
def test_parallel_reading_matches_one_pass(name: str, jobs: int) -> None:
    """``spam-wizard log --json`` splits a big plain file between processes; the seams between the
    parts must not cut a message in two (here with small files and forced splits)."""
    out = io.StringIO()
    stats = LogStats()
    write_json_records(str(DATA / name), jobs, UTC, (2026, 12), frozenset(), out, stats)
    parallel = {"messages": json.loads("[" + out.getvalue() + "]")}
    one_pass = {"messages": [r.to_json() for r in iter_records([DATA / name], tz=UTC, year_ref=(2026, 12))]}
    assert canonical(parallel) == canonical(one_pass)
