"""``spam-wizard analyze --json`` on real mail that nobody on the team wrote.

Every file in ``tests/data/realworld/`` (sources and licences in ``SOURCES.md``) is one published
message from another project's test data. Each one must be read without error as exactly one message,
with the JSON contract intact and no absurd findings. For a curated set, the facts a support agent can
read off the headers by hand are checked: the hops, the handoff (first untrusted relay, as the trace
infers it with no trust configuration), the claimed origin, decoded From/Subject, SPF/DKIM/DMARC, the
spam score and whether the mail went out through an authenticated submission to *us*.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from wizard.cli import main
from wizard.core.analyze import analyze_paths, analyze_text
from wizard.core.model import MessageAnalysis

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "realworld"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix == ".eml")

MESSAGE_KEYS = {"source", "message_id", "subject", "from", "to", "date", "hops", "handoff", "claimed_origin",
                "customer_is_origin", "auth_results", "spam", "findings"}
HOP_KEYS = {"from_helo", "from_rdns", "from_ip", "ident", "by", "with", "id", "for", "envfrom", "auth",
            "timestamp", "delay_s", "relay", "trusted", "raw"}

# Findings that would be false alarms on these chains: each one was read by hand and none contains a
# line that claims to be written by the receiving server.
NEVER = {"forged_received", "received_parse_error"}


def run_cli(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, Any]]:
    rc = main(["analyze", "--json", str(path)])
    return rc, json.loads(capsys.readouterr().out)


def one(capsys: pytest.CaptureFixture[str], name: str) -> dict[str, Any]:
    rc, doc = run_cli(capsys, CORPUS / name)
    assert rc == 0 and doc["errors"] == []
    assert len(doc["messages"]) == 1
    msg: dict[str, Any] = doc["messages"][0]
    return msg


@cache
def analysis(name: str) -> MessageAnalysis:
    batch = analyze_paths([CORPUS / name])
    assert len(batch.messages) == 1
    return batch.messages[0]


def codes(msg: dict[str, Any]) -> set[str]:
    return {f["code"] for f in msg["findings"]}


def params(msg: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f["params"] for f in msg["findings"] if f["code"] == code]


def test_corpus_is_big_enough_and_attributed() -> None:
    assert len(FILES) >= 40
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for path in FILES:
        assert f"`{path.name}`" in sources, f"{path.name} has no entry in SOURCES.md"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_file_is_one_message(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    rc, doc = run_cli(capsys, path)
    assert rc == 0
    assert set(doc) == {"messages", "errors"} and doc["errors"] == []
    assert len(doc["messages"]) == 1, [m["source"] for m in doc["messages"]]
    msg = doc["messages"][0]
    assert set(msg) == MESSAGE_KEYS
    assert msg["source"] == f"{path}#1"
    raw = path.read_bytes()
    received = sum(1 for line in raw.split(b"\n\n", 1)[0].splitlines() if line[:9].lower() == b"received:")
    assert sum(1 for h in msg["hops"] if not h["raw"].startswith("X-")) == received
    for hop in msg["hops"]:
        assert set(hop) == HOP_KEYS
        assert hop["timestamp"] is None or hop["timestamp"].endswith("+00:00")
    for f in msg["findings"]:
        assert f["severity"] in ("info", "warning", "critical")
    assert not codes(msg) & NEVER, params(msg, "forged_received")
    assert "raw_8bit_header" not in codes(msg) or any(b > 127 for b in raw.split(b"\n\n", 1)[0])
    # A well-formed file is not a damaged paste.
    assert "paste_unfolded_lines_repaired" not in codes(msg)


def test_every_received_line_has_its_date(capsys: pytest.CaptureFixture[str]) -> None:
    for path in FILES:
        _, doc = run_cli(capsys, path)
        for msg in doc["messages"]:
            for hop in msg["hops"]:
                if hop["raw"].lower().startswith("x-"):
                    continue  # X-Originating-IP and kin carry no date
                assert hop["timestamp"] is not None, (path.name, hop["raw"])


# --- Gmail, Google Workspace, Outlook.com, Microsoft 365 --------------------------------------------


def test_gmail_forwarding_chain_with_internal_hops(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailauth_gmail_forward_arc_pass.eml")
    hops = msg["hops"]
    assert len(hops) == 5
    # Gmail's own "Received: by 2002:..." lines carry no client: not relays, never suspicious.
    assert [h["relay"] for h in hops] == [False, True, False, True, True]
    assert hops[0]["by"] == "2002:a4a:8e45:0:0:0:0:0" and hops[0]["from_ip"] is None
    assert hops[1]["from_rdns"] == "mail-sor-f41.google.com" and hops[1]["from_ip"] == "209.85.220.41"
    assert hops[1]["trusted"] is True  # Google forwarding to Google: internal
    assert msg["handoff"] == {"ip": "217.146.67.33", "rdns": "uvn-67-33.tll01.zonevs.eu",
                              "helo": "uvn-67-33.tll01.zonevs.eu", "hop": 3}
    assert msg["claimed_origin"] == {"ip": "217.146.67.33", "hop": 3, "private": False}
    assert msg["auth_results"] == {"spf": "neutral", "dkim": "pass", "dmarc": None}
    assert msg["from"] == "andris@ekiri.ee" and msg["subject"] == "ARC test"
    assert not codes(msg) & {"negative_delay", "absurd_delay", "chain_break", "forged_received"}
    assert analysis("mailauth_gmail_forward_arc_pass.eml").authenticated_submission is False


def test_gmail_forward_with_dmarc_fail(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailauth_gmail_forward_zonemta_dmarc_fail.eml")
    assert msg["handoff"] is not None and msg["handoff"]["ip"] == "217.146.68.193" and msg["handoff"]["hop"] == 3
    assert msg["auth_results"] == {"spf": "neutral", "dkim": "pass", "dmarc": "fail"}
    assert "dmarc_fail" in codes(msg)
    assert msg["hops"][4]["from_helo"] == "foo" and msg["hops"][4]["from_ip"] == "127.0.0.1"
    assert not codes(msg) & {"negative_delay", "chain_break"}


def test_gmail_receiving_from_mailgun(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailauth_gmail_mailgun_bimi.eml")
    assert len(msg["hops"]) == 3
    assert msg["handoff"] == {"ip": "141.193.32.19", "rdns": "m32-19.eu.mailgun.net",
                              "helo": "m32-19.eu.mailgun.net", "hop": 1}
    assert msg["hops"][1]["with"] == "UTF8SMTPS"
    assert msg["auth_results"] == {"spf": "pass", "dkim": "pass", "dmarc": "pass"}
    # Two encoded words separated by folding whitespace: the whitespace is not part of the text.
    assert msg["subject"] == "Nodemailer is unicode friendly \u27141604667239916"
    assert msg["from"] == "info@srv.dev"
    assert "negative_delay" not in codes(msg)


def test_roundcube_postfix_to_gmail(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailauth_roundcube_to_gmail.eml")
    assert msg["handoff"] is not None and msg["handoff"]["ip"] == "217.146.67.33" and msg["handoff"]["hop"] == 1
    assert msg["auth_results"] == {"spf": "pass", "dkim": "pass", "dmarc": None}
    assert msg["subject"] == "This is a test"
    assert not codes(msg) & {"negative_delay", "chain_break"}


def test_outlook_com_to_gmail(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "rspamd_outlookcom_to_gmail_arc.eml")
    hops = msg["hops"]
    assert len(hops) == 5
    assert msg["handoff"] == {"ip": "40.92.74.29", "rdns": "mail-oln040092074029.outbound.protection.outlook.com",
                              "helo": "EUR04-DB3-obe.outbound.protection.outlook.com", "hop": 1}
    # Microsoft's internal IPv6 hops, "via Frontend Transport" and the mapi submission are normal.
    assert hops[3]["from_ip"] == "2a01:111:e400:7e0e::4d"
    assert hops[3]["by"] == "VI1EUR04FT008.mail.protection.outlook.com"
    assert hops[4]["with"] == "mapi" and hops[4]["from_ip"] == "fe80::d82c:67bf:ec39:a403"
    assert msg["claimed_origin"] is not None and msg["claimed_origin"]["ip"].startswith("2a01:111:")
    assert msg["auth_results"] == {"spf": "pass", "dkim": "pass", "dmarc": "pass"}
    assert msg["from"] == "testcpsf@outlook.com"
    assert not codes(msg) & {"negative_delay", "absurd_delay", "chain_break", "chain_mismatch"}


def test_exchange_frontend_transport_behind_private_relay(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "rspamd_exchange_external_relay.eml")
    assert [h["from_ip"] for h in msg["hops"]] == ["192.168.1.1", "37.48.67.26"]
    assert msg["hops"][0]["trusted"] is True
    assert msg["handoff"] == {"ip": "37.48.67.26", "rdns": None, "helo": "external.client", "hop": 1}
    assert msg["hops"][1]["by"] == "trusted.relay"


def test_gmail_outbound_to_postfix(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_relayUS_gmail_postfix.eml")
    assert msg["handoff"] == {"ip": "74.125.82.66", "rdns": "mail-wm0-f66.google.com",
                              "helo": "mail-wm0-f66.google.com", "hop": 0}
    assert msg["hops"][1]["relay"] is False and msg["hops"][1]["by"] == "mail-wm0-f66.google.com"
    assert not codes(msg) & {"negative_delay", "chain_break"}


def test_gmail_esmtpsa_submission_over_ipv6(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_dmarc_rejectko_gmail_esmtpsa_ipv6.eml")
    hops = msg["hops"]
    assert hops[0]["from_ip"] == "2607:f8b0:4864:20::432"  # "[IPv6:2607:f8b0:4864:20::432]"
    assert msg["handoff"] is not None and msg["handoff"]["ip"] == "2607:f8b0:4864:20::432"
    assert hops[1]["auth"] == "ESMTPSA" and hops[1]["from_ip"] == "2409:4063:231e:c527:1997:664a:34e5:7d88"
    assert hops[1]["from_helo"] == "PC"
    # The sender logged in to Gmail, not to the receiving provider.
    assert analysis("sa_dmarc_rejectko_gmail_esmtpsa_ipv6.eml").authenticated_submission is False
    assert "sent_via_authenticated_submission" not in codes(msg)
    # smtp.gmail.com handing over to Gmail's outbound mail-pf1-x432.google.com is one operator: the
    # claimed origin is the Gmail user's own address.
    assert msg["claimed_origin"] == {"ip": "2409:4063:231e:c527:1997:664a:34e5:7d88", "hop": 1, "private": False}


def test_google_alerts_2004(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_nice_spf1_google_alerts.eml")
    assert msg["handoff"] is not None and msg["handoff"]["ip"] == "216.239.51.5"
    assert [h["relay"] for h in msg["hops"]] == [True, False, False]
    assert not codes(msg) & {"negative_delay", "chain_break"}


# --- Japanese providers -----------------------------------------------------------------------------


def test_docomo_via_gmail(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "jpmobile_docomo_via_gmail_sjis.eml")
    assert [h["relay"] for h in msg["hops"]] == [False, False, True]
    assert msg["handoff"] == {"ip": "203.138.203.3", "rdns": "mail103.docomo.ne.jp", "helo": "docomo.ne.jp", "hop": 2}
    assert msg["auth_results"]["spf"] == "pass"
    assert msg["subject"] is not None and msg["subject"].startswith("テスト")
    assert msg["from"] == "docomo@docomo.ne.jp"
    assert msg["date"] == "2010-03-19T17:10:49+09:00"


def test_softbank_via_gmail_fields_without_space(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "jpmobile_softbank_via_gmail_utf8.eml")
    assert msg["handoff"] is not None and msg["handoff"]["ip"] == "123.108.236.45"
    assert msg["subject"] is not None and msg["subject"].startswith("テストです")
    assert msg["from"] == "softbank@softbank.ne.jp"
    # "Sender:softbank@..." is a field of its own, not a continuation of To.
    assert msg["to"] == ["info@jpm-rails.org"]


def test_au_iso_2022_jp_subject(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "jpmobile_au_iso2022jp.eml")
    assert msg["subject"] == "※本文はこのままで送信してね"
    assert msg["from"] == "ogawa.jpmobile@ezweb.ne.jp"
    assert msg["hops"][0]["from_ip"] == "127.0.0.1"


def test_postfix_bounce_is_one_message(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "jpmobile_postfix_bounce_docomo.eml")
    assert msg["subject"] == "Undelivered Mail Returned to Sender"
    assert msg["from"] == "MAILER-DAEMON@example.jp"
    assert len(msg["hops"]) == 1 and msg["hops"][0]["relay"] is False


def test_japanese_sender_through_mailing_list(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_cjk_mhonarc_japan.eml")
    hops = msg["hops"]
    assert len(hops) == 8
    assert hops[1]["trusted"] is True  # mpehp1.mpe-garching.mpg.de -> o05.xray.mpe.mpg.de: internal
    assert msg["handoff"] == {"ip": "64.5.98.30", "rdns": "lorien.mallorn.com", "helo": "lorien.mallorn.com", "hop": 2}
    # qmail-scanner names the envelope sender where others name a host.
    assert hops[6]["relay"] is False and hops[6]["from_helo"] is None and hops[6]["from_rdns"] is None
    assert hops[6]["envfrom"] == "shinichiro@stained-g.net"
    assert hops[7]["from_helo"] == "lune.stained-g" and hops[7]["from_ip"] == "202.214.129.125"
    # stained-g.net is hosted on st26.arena.ne.jp (the qmail-scanner line says so): a consistent chain
    # down to the sender's own dial-up address.
    assert msg["claimed_origin"] == {"ip": "202.214.129.125", "hop": 7, "private": False}
    assert "chain_break" not in codes(msg)


# --- Sendmail, Postfix, qmail, Exim, Exchange and friends -------------------------------------------


def test_sendmail_list_loop(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_sample_nonspam.eml")
    hops = msg["hops"]
    assert len(hops) == 8
    assert [h["relay"] for h in hops] == [True, False, True, True, False, True, True, True]
    assert msg["handoff"] == {"ip": "199.172.62.20", "rdns": "europe.std.com", "helo": "europe.std.com", "hop": 0}
    assert hops[7]["from_helo"] == "[208.192.102.193]" and hops[7]["from_rdns"] == "ppp0c199.std.com"
    assert msg["claimed_origin"] == {"ip": "208.192.102.199", "hop": 7, "private": False}
    assert msg["from"] == "dawson@world.std.com"
    assert msg["subject"] == "TBTF ping for 2001-04-20: Reviving"
    assert not codes(msg) & {"negative_delay", "chain_break"}


def test_qmail_hostedemail_authenticated_elsewhere(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailparser_test_11_hostedemail.eml")
    hops = msg["hops"]
    assert len(hops) == 4 and hops[0]["relay"] is False
    assert msg["handoff"] == {"ip": "64.98.42.207", "rdns": "smtprelay0207.b.hostedemail.com",
                              "helo": "smtprelay.b.hostedemail.com", "hop": 1}
    assert hops[3]["auth"] == "ESMTPA" and hops[3]["from_helo"] == "computer_3436"
    assert msg["claimed_origin"] == {"ip": "43.230.105.145", "hop": 3, "private": False}
    # The login happened at hostedemail (the sender's provider), not at the receiving server.
    assert analysis("mailparser_test_11_hostedemail.eml").authenticated_submission is False
    assert msg["from"] == "suvorov.s@nalg.ru"
    assert msg["subject"] == "письмо уведом-е"
    assert not codes(msg) & {"negative_delay", "chain_break"}


def test_exim_with_port_and_envelope_from(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailparser_test_6_exim_postfix.eml")
    top = msg["hops"][0]
    assert (top["from_rdns"], top["from_ip"], top["id"], top["envfrom"]) == (
        "smtp11.ggg.com", "66.202.209.213", "1dWJDl-00035d-BU", "noreply@ggg.com")
    assert msg["handoff"] == {"ip": "66.202.209.213", "rdns": "smtp11.ggg.com", "helo": "smtp11.ggg.com", "hop": 0}
    assert msg["auth_results"] == {"spf": "pass", "dkim": "pass", "dmarc": None}
    assert msg["subject"] == "Быстрее вкладывайте в золото!"
    assert not codes(msg) & {"negative_delay", "chain_break"}


def test_websense_gateway_and_exchange_smtpsvc(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailparser_test_2.eml")
    hops = msg["hops"]
    assert msg["handoff"] == {"ip": "217.76.210.112", "rdns": "smtp2.regione.vda.it",
                              "helo": "smtp2.regione.vda.it", "hop": 1}
    assert hops[3]["from_helo"] == "WWWGESTIONE3" and hops[3]["from_ip"] == "172.30.104.243"
    assert hops[3]["with"] == "Microsoft SMTPSVC"
    # "by Websense Email Security Gateway" names no host: nothing to contradict.
    assert "chain_break" not in codes(msg)
    assert msg["claimed_origin"] == {"ip": "217.76.210.112", "hop": 1, "private": False}


def test_qmail_static_address_spam(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mailparser_test_3.eml")
    assert msg["handoff"] == {"ip": "67.175.76.202", "rdns": "67.175.76.202.static.randtelekom.com.tr",
                              "helo": "67.175.76.202.static.randtelekom.com.tr", "hop": 1}
    assert msg["subject"] == "Hi there"


def test_intermail_really_and_cyrus(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mikelmail_bigpond_really.eml")
    hops = msg["hops"]
    assert hops[0]["relay"] is False  # Cyrus LMTP over a unix socket
    assert msg["handoff"] == {"ip": "144.140.93.154", "rdns": "omta02sl.mx.bigpond.com",
                              "helo": "omta02sl.mx.bigpond.com", "hop": 2}
    # "(really [124.183.219.10])": the address the connection really came from, no reverse DNS name.
    assert hops[4]["from_rdns"] is None and hops[4]["from_helo"] == "[10.0.0.1]"
    assert msg["claimed_origin"] == {"ip": "124.183.219.10", "hop": 4, "private": False}
    assert not codes(msg) & {"negative_delay", "chain_break"}


def test_yahoo_inbound_spam(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mikelmail_yahoo_spam_bad_date.eml")
    hops = msg["hops"]
    assert len(hops) == 2  # X-Originating-IP repeats the handoff: no extra hop
    assert msg["handoff"] == {"ip": "74.206.28.55", "rdns": None, "helo": "reactive-outpost.com", "hop": 0}
    assert msg["date"] is None  # "Date:" holds HTML junk
    assert msg["auth_results"]["spf"] == "pass"
    # "dkim=neutral (no sig)": there was no signature, which is not a failed one.
    assert "dkim_fail" not in codes(msg)


def test_sun_internet_mail_server_dsn(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "python_msg_16.eml")
    hops = msg["hops"]
    assert msg["from"] == "postmaster@ucla.edu"
    assert hops[1]["relay"] is False  # "from sims-ms-daemon": the message store, not a client
    assert msg["handoff"] == {"ip": "169.232.10.18", "rdns": "cougar.noc.ucla.edu",
                              "helo": "cougar.noc.ucla.edu", "hop": 0}


def test_groupwise_forward_is_one_message(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "python_msg_46.eml")
    assert msg["subject"] == "GroupwiseForwardingTest" and msg["from"] == "sender@example.net"
    assert msg["handoff"] == {"ip": "64.5.53.58", "rdns": "example.org", "helo": "example.org", "hop": 0}


def test_exim_bracket_client_in_bounce(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "python_msg_25.eml")
    assert msg["handoff"] == {"ip": "204.245.199.98", "rdns": None, "helo": "zinfandel.lacita.com", "hop": 0}


def test_ipswitch_imail_and_lsmtp(capsys: pytest.CaptureFixture[str]) -> None:
    imail = one(capsys, "python_msg_26.eml")
    assert (imail["hops"][0]["from_helo"], imail["hops"][0]["from_ip"]) == ("xcar", "192.168.0.2")
    lsmtp = one(capsys, "python_msg_15.eml")
    assert lsmtp["handoff"] == {"ip": "195.41.46.149", "rdns": None, "helo": "fepD.post.tele.dk", "hop": 0}


def test_forged_looking_spam_2001(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_spam_001_forged_exchange55.eml")
    hops = msg["hops"]
    assert msg["handoff"] == {"ip": "193.120.211.219", "rdns": "mail.webnote.net", "helo": "webnote.net", "hop": 0}
    assert hops[1]["from_rdns"] == "USR-157-050.dr.cgocable.ca" and hops[1]["from_ip"] == "24.226.157.50"
    assert hops[2]["from_helo"] == "R00UqS18S" and hops[2]["from_ip"] == "216.214.106.173"
    assert msg["claimed_origin"] == {"ip": "216.214.106.173", "hop": 2, "private": False}
    assert msg["date"] == "2001-02-18T00:29:13+00:00"  # "DATE: 18 Feb 01 12:29:13 AM"
    assert msg["subject"] == "There yours for FREE!"


def test_reinjected_by_local_postfix(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_spam_002_reinjected.eml")
    assert msg["hops"][0]["relay"] is False  # "by mail (Postfix, from userid 500)": local re-injection
    assert msg["handoff"] == {"ip": "209.90.19.2", "rdns": "ns1.userchoice.com", "helo": "godzilla.justlinux.com",
                              "hop": 1}
    assert msg["claimed_origin"] == {"ip": "192.216.54.160", "hop": 2, "private": False}
    assert msg["subject"] == "ADV: --YOUR BRAND NEW HOUSE--"


def test_fetchmail_and_forged_webmail_line(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_spam_004_fetchmail_webmail.eml")
    hops = msg["hops"]
    assert hops[1]["relay"] is False and hops[1]["with"] == "IMAP"
    assert msg["handoff"] == {"ip": "193.120.149.226", "rdns": "gw.netnoteinc.com",
                              "helo": "mail.netnoteinc.com", "hop": 2}
    assert hops[6]["auth"] == "HTTP" and hops[6]["from_ip"] == "144.137.3.98"
    assert analysis("sa_spam_004_fetchmail_webmail.eml").authenticated_submission is False
    # "Date: Fri, 7 Dec 2001 07:01:03" names no zone: 7 hours after the top line is within any offset.
    assert "date_in_future" not in codes(msg)


def test_ximian_list_with_spamassassin_status(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_nice_001_ximian_list.eml")
    assert msg["handoff"] == {"ip": "212.17.35.15", "rdns": "dogma.slashnull.org",
                              "helo": "dogma.slashnull.org", "hop": 0}
    assert msg["hops"][3]["ident"] == "nobody"  # "(IDENT:nobody@localhost [127.0.0.1])"
    assert msg["claimed_origin"] == {"ip": "62.122.4.47", "hop": 4, "private": False}
    assert msg["spam"] == {"flag": False, "score": 2.0, "required": 5.0, "tests": []}
    assert msg["subject"] is not None and msg["subject"].startswith("[HC Announce] Ximian Evolution 0.10")


def test_ezmlm_list_via_fetchmail(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_ezmlm_fetchmail_qmail_list.eml")
    assert len(msg["hops"]) == 7  # X-Originating-Ip repeats a recorded client: no extra hop
    assert msg["hops"][1]["relay"] is False and msg["hops"][1]["with"] == "POP3"
    assert msg["handoff"] == {"ip": "64.49.198.145", "rdns": "mail1.mailwizards.com",
                              "helo": "mail1.mailwizards.com", "hop": 3}
    assert msg["spam"]["score"] == -10.4 and msg["spam"]["flag"] is False
    assert "USER_IN_WHITELIST_TO" in msg["spam"]["tests"]
    # The bottom line is 89 s older than the Date header: the sender's PC clock, not a forgery. The
    # 33-minute step between the two securityfocus.com servers is real clock skew and stays reported.
    assert [p["hop"] for p in params(msg, "negative_delay")] == [5]


def test_mailman_reminder_relay_without_address(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_mailman_reminder_smtpsvc.eml")
    assert msg["spam"]["score"] == -19.7
    assert msg["hops"][5]["with"] == "Microsoft SMTPSVC" and msg["hops"][5]["from_ip"] == "192.168.1.70"
    assert params(msg, "handoff_without_ip") == [{"hop": 2, "host": "vm6-ext.prodigy.net"}]


def test_esp_senders(capsys: pytest.CaptureFixture[str]) -> None:
    chimp = one(capsys, "sa_esp_mailchimp.eml")
    assert chimp["handoff"] is not None and chimp["handoff"]["ip"] == "198.2.129.163"
    assert chimp["hops"][0]["envfrom"] == "bounce-mc.us2_146119310.3574838-3df1488522@mail163.atl81.rsgsv.net"
    grid = one(capsys, "sa_esp_sendgrid_id.eml")
    assert grid["handoff"] == {"ip": "149.149.149.149", "rdns": "test.outbound-mail.sendgrid.net",
                               "helo": "test.outbound-mail.sendgrid.net", "hop": 0}
    assert grid["hops"][0]["with"] == "ESMTPS"


def test_authentication_results_real_world(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_authres_realworld.eml")
    assert msg["auth_results"] == {"spf": "pass", "dkim": "pass", "dmarc": "pass"}


def test_x_originating_ip_is_an_extra_hop(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_orig_ip_hdr.eml")
    assert [h["from_ip"] for h in msg["hops"]] == ["1.2.3.4", "198.51.100.1"]
    assert msg["claimed_origin"] == {"ip": "198.51.100.1", "hop": 1, "private": False}


def test_gtube_without_received(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "sa_sample_spam_gtube.eml")
    assert msg["hops"] == [] and "no_received_headers" in codes(msg)
    assert msg["subject"] == "Test spam mail (GTUBE)"


def test_anonymised_chain_with_trace_fields_at_the_bottom(capsys: pytest.CaptureFixture[str]) -> None:
    msg = one(capsys, "mikelmail_anonymised_relay_chain.eml")
    assert len(msg["hops"]) == 3 and all(h["from_ip"] is None for h in msg["hops"])
    assert msg["from"] == "xxx@xxxx.xxx"


# --- trust inference on shapes seen in the corpus, with the customer's side changed ------------------


def _paste(text: str) -> MessageAnalysis:
    batch = analyze_text(text, "paste")
    assert len(batch.messages) == 1 and batch.errors == ()
    return batch.messages[0]


def test_customer_pc_on_the_providers_own_access_network() -> None:
    # The customer's PC has an rDNS name in the provider's domain (FLETS-style access line): it is
    # not one of the provider's servers, it is the handoff (the seed story's "is my PC the sender").
    m = _paste(
        "Received: from mx01.mail.example.ne.jp (mx01.mail.example.ne.jp [192.0.2.25])\n"
        "\tby mbox01.mail.example.ne.jp (Postfix) with LMTP id ABC123\n"
        "\tfor <kobayashi@example.ne.jp>; Tue, 10 Mar 2026 10:02:12 +0900 (JST)\n"
        "Received: from DESKTOP-7Q2MK4L (p1234051-ipngn200.tokyo.example.ne.jp [203.0.113.51])\n"
        "\tby mx01.mail.example.ne.jp (Postfix) with ESMTP id 4QBm1k2Lpz\n"
        "\tfor <kobayashi@example.ne.jp>; Tue, 10 Mar 2026 10:02:11 +0900 (JST)\n"
        "From: x@example.com\nSubject: t\nDate: Tue, 10 Mar 2026 10:02:10 +0900\nMessage-ID: <a@b.example>\n"
    )
    assert m.handoff is not None and m.handoff.ip == "203.0.113.51" and m.handoff.hop == 1
    assert [f.params["hop"] for f in m.findings if f.code == "trust_inferred"] == [0]


def test_helo_claiming_google_is_not_trusted_at_gmail() -> None:
    # Gmail records the reverse-DNS name ("unknown" here): a client saying HELO smtp.google.com is not
    # one of Google's servers.
    m = _paste(
        "Received: by 2002:a05:6a10:8e0c:b0:5a1:2b3c:4d5e with SMTP id n12csp1234567pxb;\n"
        "        Mon, 1 Jan 2024 01:00:01 -0800 (PST)\n"
        "Received: from smtp.google.com (unknown [198.51.100.5])\n"
        "        by mx.google.com with ESMTP id a1si123456plb.1.2024.01.01.01.00.00\n"
        "        for <victim@gmail.com>;\n"
        "        Mon, 01 Jan 2024 01:00:00 -0800 (PST)\n"
        "From: x@example.com\nSubject: t\nDate: Mon, 01 Jan 2024 09:00:00 +0000\nMessage-ID: <a@b.example>\n"
    )
    assert m.handoff is not None and m.handoff.ip == "198.51.100.5" and m.handoff.hop == 1
    assert not any(f.code == "trust_inferred" for f in m.findings)


def test_domino_gateway_hop_is_internal() -> None:
    # Lotus Domino records the HELO name and the address but never a reverse-DNS name.
    m = _paste(
        "Received: from mx1.example.co.jp ([192.0.2.30]) by notes1.example.co.jp\n"
        "          (Lotus Domino Release 9.0.1FP10) with ESMTP id 2024010110000012-345 ;\n"
        "          Mon, 1 Jan 2024 10:00:01 +0900\n"
        "Received: from evil.example (evil.example [198.51.100.7])\n"
        "\tby mx1.example.co.jp (Postfix) with ESMTP id 4QBm1k2Lpz\n"
        "\tfor <a@example.co.jp>; Mon, 1 Jan 2024 10:00:00 +0900 (JST)\n"
        "From: x@example.com\nSubject: t\nDate: Mon, 1 Jan 2024 09:59:59 +0900\nMessage-ID: <a@b.example>\n"
    )
    assert m.hops[0].mta == "domino" and m.hops[0].trusted is True
    assert m.handoff is not None and m.handoff.ip == "198.51.100.7" and m.handoff.hop == 1
