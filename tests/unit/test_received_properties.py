"""Property tests: the Received and date parsers never raise and stay linear on hostile input."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.dates import parse_mail_date
from wizard.core.model import Hop
from wizard.core.received import (
    _QMAIL,
    _QMAIL_SHAPE,
    FAMILIES,
    Family,
    _family,
    is_private_ip,
    normalise_ip,
    parse_received,
)

FRAGMENTS = [
    "from",
    "by",
    "with",
    "id",
    "for",
    "via",
    "(",
    ")",
    "[",
    "]",
    ";",
    " ",
    "\r\n\t",
    "HELO",
    "helo=",
    "ESMTPSA",
    "unknown",
    "[192.0.2.1]",
    "(198.51.100.2)",
    "[IPv6:2001:db8::1]",
    "::ffff:",
    "@",
    "<",
    ">",
    "(Postfix)",
    "(Exim 4.96)",
    "Microsoft SMTP Server",
    "(qmail 1 invoked from network)",
    "Mon, 1 Jan 2024",
    "12:00:00",
    "+0900",
    "(JST)",
    "Authenticated sender:",
    "AUTH:",
    "account",
    "verified",
    "\x00",
    "é",
    "迷惑",
]


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parse_received_never_raises(text: str) -> None:
    hop = parse_received(text)
    assert isinstance(hop, Hop)
    assert hop.raw == text
    if hop.from_ip is not None:
        assert normalise_ip(hop.from_ip) == hop.from_ip
    if hop.timestamp is not None:
        assert hop.timestamp.tzinfo is not None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_parse_received_on_received_like_noise(text: str) -> None:
    hop = parse_received(text)
    assert hop.raw == text
    if hop.relay:
        assert hop.by is not None or hop.from_ip is not None
    if hop.from_ip is not None:
        is_private_ip(hop.from_ip)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parse_mail_date_never_raises(text: str) -> None:
    value = parse_mail_date(text)
    assert value is None or (isinstance(value, datetime) and value.utcoffset() is not None)


@settings(max_examples=200, deadline=None)
@given(st.binary().map(lambda raw: raw.decode("latin-1")))
def test_bytes_decoded_as_latin1(text: str) -> None:
    parse_received(text)
    parse_mail_date(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_ip_helpers_never_raise(text: str) -> None:
    normalised = normalise_ip(text)
    assert normalised is None or normalise_ip(normalised) == normalised
    assert isinstance(is_private_ip(text), bool)


HUGE = [
    "(" * 1_000_000,
    ")" * 1_000_000,
    "[" * 1_000_000,
    "from " + "[1.2.3.4] (" * 100_000,
    "from " + "x" * 1_000_000,
    "from x by y; " + "1 Jan 2020 " * 100_000,
    ";" * 1_000_000,
    "from a (" + "b [1.2.3.4] " * 80_000 + ") by c",
    "from a (HELO " + "x" * 1_000_000 + ") (1.2.3.4) by b with SMTP",
    " " * 1_000_000 + "from a ([192.0.2.1]) by b",
    "from a " + "(" * 300_000 + ")" * 300_000 + " by b",
    "1:" * 500_000,
    "from a (" + "1." * 500_000 + ") by b",
    "Mon, 1 Jan 2024 " + "12:00:00 " * 100_000,
]


def test_megabyte_lines_finish() -> None:
    # Completing at all is the assertion: a catastrophic regex would hang this test.
    for text in HUGE:
        hop = parse_received(text)
        assert hop.raw == text
        parse_mail_date(text)
        normalise_ip(text)


_MARKERS = [m for f in FAMILIES for m in (*f.needles, *f.lower_needles)]


def _family_by_scan(text: str) -> Family | None:
    """The family lookup written plainly: each family's own test, in priority order, then qmail's shape."""
    lower = text.lower()
    found = next((f for f in FAMILIES if f.matches(text, lower)), None)
    if found is None and _QMAIL_SHAPE.match(text):
        return _QMAIL
    return found


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from([*_MARKERS, *FRAGMENTS, "(", "((", "(P", "x"]) | st.text(max_size=12), max_size=8))
def test_family_lookup_equals_the_plain_scan(parts: list[str]) -> None:
    """The indexed lookup (markers after "(" found by the following character) names the same family as
    testing every marker in priority order, also with several markers, nested and unclosed parentheses."""
    for text in ("".join(parts), " ".join(parts), "".join(parts).lower(), "".join(parts).upper()):
        assert _family(text, text.lower()) is _family_by_scan(text)
