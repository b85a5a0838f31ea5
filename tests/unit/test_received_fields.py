"""Focused Received parser behaviour: address extraction, forged-looking comments, auth markers."""

from __future__ import annotations

import pytest

from wizard.core.received import FAMILIES, is_private_ip, normalise_ip, parse_received


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.2.3.4", "1.2.3.4"),
        ("[1.2.3.4]", "1.2.3.4"),
        (" [192.0.2.1] ", "192.0.2.1"),
        ("[1.2.3.4]:25", "1.2.3.4"),
        ("[IPv6:2001:DB8::1]", "2001:db8::1"),
        ("IPv6:2001:db8:0:0:0:0:0:1", "2001:db8::1"),
        ("fe80::1%eth0", "fe80::1"),
        ("[fe80::19bd:c588:dd17:5226%6]", "fe80::19bd:c588:dd17:5226"),
        ("::ffff:1.2.3.4", "1.2.3.4"),
        ("[::ffff:198.51.100.7]", "198.51.100.7"),
        ("010.001.002.003", "10.1.2.3"),
        ("0.0.0.0", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("\u0661.\u0662.\u0663.\u0664", "1.2.3.4"),  # Arabic-Indic digits are read, written as ASCII
        ("256.1.1.1", None),
        ("1.2.3", None),
        ("example.com", None),
        ("", None),
        ("unknown", None),
        ("[]", None),
        ("2001:db8::g", None),
    ],
)
def test_normalise_ip(text: str, expected: str | None) -> None:
    assert normalise_ip(text) == expected


@pytest.mark.parametrize(
    ("ip", "private"),
    [
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("172.32.0.1", False),
        ("192.168.10.23", True),
        ("127.0.0.1", True),
        ("169.254.1.1", True),
        ("100.64.0.1", True),
        ("100.127.255.255", True),
        ("100.128.0.1", False),
        ("0.0.0.0", True),
        ("::1", True),
        ("fe80::1", True),
        ("fd12:3456::1", True),
        ("::ffff:10.0.0.1", True),
        ("192.0.2.1", False),
        ("198.51.100.7", False),
        ("203.0.113.9", False),
        ("2001:db8::1", False),
        ("8.8.8.8", False),
        ("2603:1096:400:15c::9", False),
        ("not an ip", False),
    ],
)
def test_is_private_ip(ip: str, private: bool) -> None:
    assert is_private_ip(ip) is private


def test_helo_literal_is_not_taken_as_client_address() -> None:
    # the client chooses its HELO; the address the server saw is in the other comment
    hop = parse_received(
        "from unknown (HELO [10.0.0.1]) (203.0.113.5) by mx.example.net with SMTP; 1 Jan 2024 00:00:00 +0000"
    )
    assert hop.from_ip == "203.0.113.5"
    assert hop.from_helo == "[10.0.0.1]"
    hop = parse_received(
        "from [203.0.113.5] (helo=[10.9.9.9]) by mx.example.net with esmtp (Exim 4.96) id 1abcde-000001-AB"
    )
    assert hop.from_ip == "203.0.113.5"
    assert hop.from_helo == "[10.9.9.9]"


def test_nested_and_unbalanced_parentheses() -> None:
    hop = parse_received(
        "from a.example (b.example [192.0.2.3] (may be forged (really))) by c.example (8.15.2/8.15.2) with ESMTP id x1"
    )
    assert (hop.from_rdns, hop.from_ip, hop.by, hop.id) == ("b.example", "192.0.2.3", "c.example", "x1")
    hop = parse_received("from a.example (b.example [192.0.2.3] by c.example with ESMTP id x2; 1 Jan 2024 00:00 +0000")
    assert hop.by == "c.example" and hop.id == "x2" and hop.timestamp is not None


def test_missing_semicolon_before_date() -> None:
    hop = parse_received(
        "from (192.0.2.194 [192.0.2.194]) by mail.example.com with ESMTP id BQB0hUH2"
        " Thu, 20 Feb 2003 16:13:20 -0700 (PST)"
    )
    assert hop.from_ip == "192.0.2.194"
    assert hop.id == "BQB0hUH2"
    assert hop.timestamp is not None and hop.timestamp.isoformat() == "2003-02-20T16:13:20-07:00"


def test_no_date() -> None:
    hop = parse_received("from hotmail.example (bay1.example.com [192.0.2.95]) by daffy.example.com;")
    assert hop.from_ip == "192.0.2.95" and hop.by == "daffy.example.com" and hop.timestamp is None


@pytest.mark.parametrize(
    ("line", "auth"),
    [
        ("from a (a [192.0.2.1]) by b (Postfix) with ESMTPSA id 1", "ESMTPSA"),
        ("from a (a [192.0.2.1]) by b (Postfix) with LMTPSA id 1", "LMTPSA"),
        ("from a (a [192.0.2.1]) by b with UTF8SMTPSA id 1", "UTF8SMTPSA"),
        ("from a ([192.0.2.1]) by b with esmtpa (Exim 4.96) id 1qAAAA-000000-00", "ESMTPA"),
        (
            "from a (a [192.0.2.1]) (Authenticated sender: u@example.jp) by b (Postfix) with ESMTP id 1",
            "Authenticated sender: u@example.jp",
        ),
        (
            "from a (a [192.0.2.1]) (authenticated bits=0) by b (8.15.2/8.15.2) with ESMTP id 1",
            "authenticated bits=0",
        ),
        (
            "from a (a [192.0.2.1]) by b (7.0.030.2) (authenticated as r.user) id 4AB",
            "authenticated as r.user",
        ),
        (
            "from a ([192.0.2.1]) (AUTH: PLAIN u@example.jp, TLS: TLSv1.2) by b with esmtp",
            "AUTH: PLAIN u@example.jp",
        ),
        (
            "from [192.0.2.1] (account u@example.jp HELO pc) by b (CommuniGate Pro SMTP 6.3) with ESMTP id 9",
            "account u@example.jp",
        ),
        (
            "from a ([192.0.2.1]) by b with Microsoft Exchange Server HTTP-DAV ; 1 Jan 2024 00:00 +0000",
            "HTTP-DAV",
        ),
        ("from a (a [192.0.2.1]) (not authenticated) by b (8.15.2/8.15.2) with ESMTP id 1", None),
        ("from a (a [192.0.2.1]) (AUTH=LOGIN user) by b with ESMTP id 1", "AUTH=LOGIN user"),
        ("from a (user@192.0.2.1 with login) by smtp.example.com with SMTP", "with login"),
        ("from a (a [192.0.2.1]) by b (Postfix) with ESMTPS id 1", None),
        (
            "from a (192.0.2.1) by b (10.0.0.1) with Microsoft SMTP Server id 15.20.1.2 via Frontend Transport",
            None,
        ),
    ],
)
def test_auth_markers(line: str, auth: str | None) -> None:
    assert parse_received(line).auth == auth


@pytest.mark.parametrize(
    "line",
    [
        "(qmail 1234 invoked by uid 89); 1 Jan 2024 00:00:00 -0000",
        "(qmail 1234 invoked from network); 1 Jan 2024 00:00:00 -0000",
        "by host.example (Postfix, from userid 1000) id ABC; Mon, 1 Jan 2024 12:00:00 +0900",
        "from userid 33 by host.example with local (Exim 4.96) id 1q-2-3",
        "from localhost [127.0.0.1] by localhost with POP3 (fetchmail-6.3.26) for <u@localhost>",
        "from imap.example.jp [192.0.2.10] by localhost with IMAP (fetchmail-6.4.37)",
        "from mail pickup service by mail1.example.com with Microsoft SMTPSVC; 13 Feb 2003 19:05 -0500",
        "(from root@localhost) by host.example (8.15.2/8.15.2/Submit) id 3AB; 1 Jan 2024 00:00 +0000",
        "from faerber.example by slarti.example with BSMTP (rsmtp-qm-ot 0.4) for asrg@example.org",
        "",
        "   \n\t  ",
        "garbage without any structure",
    ],
)
def test_not_relays(line: str) -> None:
    hop = parse_received(line)
    assert hop.relay is False
    assert hop.raw == line


def test_lmtp_from_localhost_is_a_private_relay() -> None:
    hop = parse_received("from localhost (localhost [127.0.0.1]) by imap.example.jp with LMTP id 9 for <u@example.jp>")
    assert hop.relay is True and hop.from_ip == "127.0.0.1" and is_private_ip(hop.from_ip)


def test_family_registry_is_ordered_and_named() -> None:
    names = [family.name for family in FAMILIES]
    assert names.index("exchange") < names.index("postfix")
    assert len(names) == len(set(names))


def test_family_matches_agrees_with_the_parser() -> None:
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "data" / "received"
    for path in sorted(data.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            text = " ".join(case["line"].split())
            hop = parse_received(case["line"])
            first = next((f.name for f in FAMILIES if f.matches(text, text.lower())), None)
            if first is not None:
                assert hop.mta == first, case["line"]


def test_unknown_mta_still_yields_fields() -> None:
    hop = parse_received(
        "from relay7.example.net (relay7.example.net [192.0.2.77]) by gw.example.org"
        " (SuperMTA 9.1) with ESMTPS id QWERTY123 for <x@example.org>; Tue, 11 Jul 2023 10:15:03 +0900"
    )
    assert hop.mta is None
    assert (hop.from_helo, hop.from_rdns, hop.from_ip, hop.by, hop.with_, hop.id, hop.for_) == (
        "relay7.example.net",
        "relay7.example.net",
        "192.0.2.77",
        "gw.example.org",
        "ESMTPS",
        "QWERTY123",
        "x@example.org",
    )
    assert hop.relay is True


def test_host_called_mail_is_not_a_pickup() -> None:
    hop = parse_received("from mail [192.0.2.44] by mx.example.jp with SMTP (MDaemon PRO v21.0.3) id md5000001.msg")
    assert (hop.from_helo, hop.from_ip, hop.relay) == ("mail", "192.0.2.44", True)
