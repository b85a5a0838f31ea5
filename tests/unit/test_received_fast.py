"""The Received fast path gives exactly the general parser's Hop wherever it accepts a line.

Every Received line of the repository's corpora (the format tables, chains, intake samples, real-world
mail, the demo samples and, when generated, the benchmark mbox) is parsed both ways; random near-miss
variations of the accepted shapes must never make the fast path answer differently (declining is fine).
"""

from __future__ import annotations

import json
import mailbox
from email import policy as email_policy
from email.parser import BytesHeaderParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wizard.core.intake import read_path
from wizard.core.received import parse_received
from wizard.core.received_fast import fast_parse

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
BENCH = (ROOT / "bench" / "out" / "analyze_3k.mbox", ROOT / "bench" / "out" / "analyze_20k.mbox")
BENCH_MESSAGES = 1500
"""Messages of the benchmark mbox compared (both parsers on all 20,000 would take a minute)."""


def _table_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((DATA / "received").glob("*.json")):
        table = json.loads(path.read_text(encoding="utf-8"))
        lines.extend(case["line"] for case in table.get("cases", ()))
    return lines


def _file_lines() -> list[str]:
    lines: list[str] = []
    folders = [DATA / "chains", DATA / "intake", DATA / "realworld", ROOT / "resources" / "samples"]
    files = {p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()}
    files |= set(DATA.rglob("*.eml"))
    for path in sorted(files):
        if path.suffix.lower() not in (".eml", ".mbox", ".txt", ".msg"):
            continue
        raws, _errors = read_path(path)
        for raw in raws:
            lines.extend(value for name, value in raw.fields if name.lower() == "received")
    return lines


def _bench_lines() -> list[str]:
    path = next((p for p in BENCH if p.exists()), None)
    if path is None:
        return []
    parser = BytesHeaderParser(policy=email_policy.compat32)
    box = mailbox.mbox(str(path), create=False)
    lines: list[str] = []
    try:
        for count, key in enumerate(box.iterkeys()):
            if count >= BENCH_MESSAGES:
                break
            with box.get_file(key) as fh:
                msg = parser.parse(fh)
            lines.extend(str(v) for v in msg.get_all("Received", []))
    finally:
        box.close()
    return lines


def _agree(line: str) -> bool:
    fast = fast_parse(line)
    return fast is None or fast == parse_received(line)


def test_corpus_lines_agree() -> None:
    lines = _table_lines() + _file_lines()
    assert len(lines) > 150
    accepted = 0
    for line in lines:
        fast = fast_parse(line)
        if fast is not None:
            accepted += 1
            assert fast == parse_received(line), line
    print(f"fast path accepted {accepted} of {len(lines)} corpus Received lines")
    assert accepted > 0


def test_bench_lines_agree_and_mostly_accepted() -> None:
    lines = _bench_lines()
    if not lines:
        pytest.skip("bench mbox not generated (python bench/analyze_gen_mbox.py)")
    accepted = 0
    for line in lines:
        fast = fast_parse(line)
        if fast is not None:
            accepted += 1
            assert fast == parse_received(line), line
    share = accepted / len(lines)
    print(f"fast path accepted {accepted} of {len(lines)} bench Received lines ({share:.1%})")
    assert share > 0.8


TEMPLATES = [
    "from mail-gw.example.net (mail-gw.example.net [203.0.113.25])\n\tby mx1.example.jp (Postfix) with ESMTPS id "
    "4QbXk72Yq1z9sRk\n\tfor <taro@example.jp>; Tue, 11 Jul 2023 10:15:03 +0900 (JST)",
    "from mail-gw.example.net (mail-gw.example.net [203.0.113.25])\n\t(using TLSv1.3 with cipher "
    "TLS_AES_256_GCM_SHA384 (256/256 bits)\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits) "
    "server-digest SHA256)\n\t(No client certificate requested)\n\tby mx1.example.jp (Postfix) with ESMTPS id "
    "4QbXk72Yq1z9sRk\n\tfor <taro@example.jp>; Tue, 11 Jul 2023 10:15:03 +0900 (JST)",
    "from babylon (10.5.19.248.rfc1918.example [10.5.19.248]) by relay (Postfix) with ESMTP id AB1 "
    "(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256) for <a@example.com>; Sun, 23 Sep 2001 20:13:47 -0700",
    "from [192.168.1.5] (unknown [198.51.100.7])\n\t(Authenticated sender: user1@example.jp)\n\tby smtp.example.jp "
    "(Postfix) with ESMTPSA id 4ABCDEFGH;\n\tWed, 4 Mar 2026 12:00:00 +0900",
    "from mail.example.org (mail.example.org. [198.51.100.9])\n        by mx.google.com with ESMTPS id "
    "abc123def456\n        for <a@example.com>\n        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);"
    "\n        Sat, 07 Mar 2026 09:01:02 -0800 (PST)",
    "from host.example.net ([203.0.113.8] helo=mx.example.net)\n\tby mail.example.jp with esmtps  (TLS1.3) tls "
    "TLS_AES_256_GCM_SHA384\n\t(Exim 4.96)\n\t(envelope-from <bounce@example.net>)\n\tid 1pQrSt-000AbC-2x\n\t"
    "for taro@example.jp;\n\tSat, 07 Mar 2026 01:02:03 +0000",
    "from unknown (HELO mail.example.com) (203.0.113.4)\n  by mx.example.jp with SMTP; 7 Mar 2026 01:02:03 -0000",
    "from mail.example.com (mail.example.com [::ffff:203.0.113.4])\n  by mx.example.jp with ESMTP; "
    "Sat, 07 Mar 2026 01:02:03 +0900\n  id 000000000001234A.ABCDEF12.00001234",
    "from TYCP286MB1234.JPNP286.PROD.OUTLOOK.COM (2603:1096:400:1b4::5) by\n OS3P286MB2345.JPNP286.PROD.OUTLOOK.COM "
    "(2603:1096:604:3d::9) with Microsoft SMTP\n Server (version=TLS1_2,\n "
    "cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7409.41 via Frontend\n Transport; "
    "Sat, 7 Mar 2026 01:02:03 +0000",
    "from [203.0.113.7] (HELO mail.example.com)\n  by cgp.example.jp (CommuniGate Pro SMTP 6.3.4)\n  with ESMTPS id "
    "1234567 for taro@example.jp; Sat, 07 Mar 2026 01:02:03 +0900",
    "from mail.example.com by md.example.jp (MDaemon PRO v21.0.2)\n\twith ESMTP id md50001234567.msg\n\tfor "
    "<taro@example.jp>; Sat, 07 Mar 2026 01:02:03 +0900",
    "from [203.0.113.9]\n\tby webmail.example.jp\n\twith HTTP (HTTP/1.1 POST); Sat, 07 Mar 2026 01:02:03 +0900",
    "from mail.example.com ([203.0.113.10])\n          by domino.example.jp (Lotus Domino Release 9.0.1FP10)\n"
    "          with ESMTP id 2026030909051234-1234 ;\n          Sat, 07 Mar 2026 01:02:03 +0900",
]

PIECES = [
    " ", "(", ")", "[", "]", ";", "@", "<", ">", ".", "=", ":", "-", ",", '"', "a", "Z", "0", "9", "\t", "\u00e9",
    "HELO ", "EHLO", "helo=", "ident=", "auth", "AUTH=", "authenticated", "with ", "with login", "id ", "for ",
    "via ", "via HTTP", "by ", "from ", "envelope-from <x@y.z>", "Return-Path: ", "unknown", "softdnserr",
    "mx.google.com", "(qmail ", "Microsoft SMTP Server", "zimbra", "(Exim 4.9)", "(Postfix)", "ESMTPSA", "LMTP",
    "local", "IDENT:", "user@", "account ", "[::ffff:", "192.0.2.300", "2001:db8::1", "-daemon", "Received: ",
    "smtp.gmail.com", "x(y)", "((", "))", " id 1.2.3.4", "15.20.1.2", "mail pickup", "userid 1",
]


@st.composite
def near_miss(draw: st.DrawFn) -> str:
    line = draw(st.sampled_from(TEMPLATES))
    for _ in range(draw(st.integers(1, 3))):
        pos = draw(st.integers(0, len(line)))
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        piece = draw(st.sampled_from(PIECES))
        if action == "insert":
            line = line[:pos] + piece + line[pos:]
        elif action == "delete":
            line = line[:pos] + line[pos + draw(st.integers(1, 12)) :]
        else:
            line = line[:pos] + piece + line[pos + len(piece) :]
    return line


def test_templates_are_accepted() -> None:
    for line in TEMPLATES:
        fast = fast_parse(line)
        assert fast is not None, line
        assert fast == parse_received(line)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(near_miss())
@example("from a.example (b.example [1.2.3.4]) by c.example (Postfix) with ESMTP id ABCDE; x")
def test_near_misses_never_disagree(line: str) -> None:
    assert _agree(line), line


def test_not_a_received_line() -> None:
    for line in ("", "garbage", "from", "by mx.example.jp with SMTP; Sat, 07 Mar 2026 01:02:03 +0900", "from x"):
        assert fast_parse(line) is None
