"""Property tests: arbitrary text and bytes into intake and analysis. Only the documented input error
comes out; nothing raises; a 10 MB paste is analysed or refused with a message."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.analyze import AnalysisBatch, analyze_bytes, analyze_text, batch_json
from wizard.core.model import InputError, MessageAnalysis

DEMO = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo"
SAMPLES = [p.read_bytes() for p in sorted(DEMO.glob("*.eml"))]


def check(batch: AnalysisBatch, source: str) -> None:
    assert isinstance(batch, AnalysisBatch)
    for m in batch.messages:
        assert isinstance(m, MessageAnalysis)
        assert m.source.startswith(source + "#")
    for e in batch.errors:
        assert isinstance(e, InputError)
        assert e.code != "internal", e.message  # an internal error means a bug in the core
        assert e.message
    json.dumps(batch_json(batch))  # the contract is always serialisable


header_names = st.sampled_from(["Received", "From", "To", "Subject", "Date", "Message-ID", "Return-Path",
                                "X-Spam-Status", "Authentication-Results", "X-Originating-IP",
                                "X-Forefront-Antispam-Report", "DKIM-Signature", "X-MS-Exchange-Organization-SCL"])
values = st.text(st.characters(codec="utf-8"), max_size=120) | st.sampled_from([
    "from a ([1.2.3.4]) by b with ESMTPSA; Mon, 9 Mar 2026 00:00:00 +0000",
    "=?ISO-2022-JP?B?GyRCRXZBKkRMQ04bKEI=?=", "Yes, score=x required=y tests=", "CIP:;SCL:abc;",
    "spf=; dkim=", "[999.1.1.1]", "<>", "from [IPv6:::ffff:10.0.0.1] by x", "((((", "=?utf-8?B?====?=",
])
header_blocks = st.lists(st.tuples(header_names, values, st.sampled_from(["\n", "\r\n", "\r", "\n\t", "\n\n"])),
                         max_size=12).map(lambda xs: "".join(f"{n}: {v}{e}" for n, v, e in xs))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    check(analyze_text(text, "paste"), "paste")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    check(analyze_bytes(data, "in.eml"), "in.eml")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header_blocks)
def test_header_shaped_text(text: str) -> None:
    check(analyze_text(text, "paste"), "paste")
    check(analyze_bytes(text.encode("utf-8", "surrogatepass"), "x"), "x")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.integers(0, 4000), st.binary(max_size=40),
       st.sampled_from([b"", b"From - Sat Mar 07 09:12:45 2026\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xd0\xcf\x11\xe0"
                        b"\xa1\xb1\x1a\xe1"]))
def test_mutated_samples(sample: bytes, pos: int, junk: bytes, prefix: bytes) -> None:
    pos = min(pos, len(sample))
    check(analyze_bytes(prefix + sample[:pos] + junk + sample[pos:], "m"), "m")


def test_ten_megabyte_paste_is_analysed() -> None:
    # Just under the limit: many messages and a long body; analysed, not refused.
    one = (DEMO / "spam_01.eml").read_text() + "\n" + "body line of text\n" * 200 + "\n"
    text = (one * (10 * 1024 * 1024 // len(one)))[: 10 * 1024 * 1024 - 10]
    batch = analyze_text(text, "paste")
    assert batch.messages and not [e for e in batch.errors if e.code == "internal"]


def test_over_ten_megabytes_is_refused_with_a_message() -> None:
    text = "Received: from x by y\n" * (11 * 1024 * 1024 // 22)
    batch = analyze_text(text, "paste")
    assert batch.messages == ()
    assert batch.errors[0].code == "too_large" and "too large" in batch.errors[0].message
    batch = analyze_bytes(text.encode(), "-")
    assert batch.errors[0].source == "-#1"


def test_one_huge_header_line() -> None:
    text = "Received: from " + "a" * (9 * 1024 * 1024) + "\nSubject: x\n"
    check(analyze_text(text, "paste"), "paste")
    text = "Subject: " + "=?utf-8?B?" + "QUFB" * 1_000_000 + "?=\nReceived: " + "(" * 500_000 + "\n"
    check(analyze_text(text, "paste"), "paste")
