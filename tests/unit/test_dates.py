"""Mail dates in the forms real servers write, and garbage that must give None."""

from __future__ import annotations

import pytest

from wizard.core.dates import date_has_zone, parse_mail_date

FORMS = [
    # RFC 5322 and the usual variations
    ("Mon, 1 Jan 2024 12:00:00 +0900", "2024-01-01T12:00:00+09:00"),
    ("Tue, 07 Jan 2020 10:00:00 -0800 (PST)", "2020-01-07T10:00:00-08:00"),
    ("Wed, 9 Mar 2022 16:29:02 +0900 (JST)", "2022-03-09T16:29:02+09:00"),
    ("7 Jan 2020 10:00:00 +0900", "2020-01-07T10:00:00+09:00"),
    ("Sun,  8 Mar 2026 03:14:09 +0900", "2026-03-08T03:14:09+09:00"),
    ("  Mon, 1 Jan 2024   12:00:00   +0000  ", "2024-01-01T12:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00 +0100", "2024-01-01T12:00:00+01:00"),
    ("Mon, 1 Jan 2024 1:02:03 +0100", "2024-01-01T01:02:03+01:00"),
    ("Mon, 1 Jan 2024 12:00:00 -0000", "2024-01-01T12:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00:00 +0530", "2024-01-01T12:00:00+05:30"),
    ("Mon, 1 Jan 2024 12:00:60 +0000", "2024-01-01T12:00:59+00:00"),
    # named zones, alone or in comments
    ("Mon, 1 Jan 2024 12:00:00 JST", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 KST", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 GMT", "2024-01-01T12:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00:00 UT", "2024-01-01T12:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00:00 UTC", "2024-01-01T12:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00:00 Z", "2024-01-01T12:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00:00 EST", "2024-01-01T12:00:00-05:00"),
    ("Tue, 11 Jul 2023 08:00:00 PDT", "2023-07-11T08:00:00-07:00"),
    ("Tue, 11 Jul 2023 08:00:00 CEST", "2023-07-11T08:00:00+02:00"),
    ("Tue, 11 Jul 2023 08:00:00 CST", "2023-07-11T08:00:00-06:00"),
    ("1 Jan 2024 12:00:00 (JST)", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 (UTC)", "2024-01-01T12:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00:00 +0900 (KST)", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 GMT+0900", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 GMT+9", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 +09:00", "2024-01-01T12:00:00+09:00"),
    # two-digit and odd years
    ("1 Jan 24 12:00:00 +0900", "2024-01-01T12:00:00+09:00"),
    ("Fri, 27 Feb 04 14:16:56 -0800", "2004-02-27T14:16:56-08:00"),
    ("Wed, 26 Mar 03 20:43:24 -0600", "2003-03-26T20:43:24-06:00"),
    ("Thu, 1 Jan 99 00:00:00 +0000", "1999-01-01T00:00:00+00:00"),
    ("Thu, 1 Jan 103 00:00:00 +0000", "2003-01-01T00:00:00+00:00"),
    # asctime / date(1) / Exchange / Domino
    ("Wed Mar 09 16:29:02 2022", "2022-03-09T16:29:02+00:00"),
    ("Wed Mar  9 16:29:02 JST 2022", "2022-03-09T16:29:02+09:00"),
    ("Wed Mar 9 16:29:02 2022 +0900", "2022-03-09T16:29:02+09:00"),
    ("Sun Nov 13 14:50:12 2005", "2005-11-13T14:50:12+00:00"),
    ("Fri Sep 14 14:36:56 EDT 2018", "2018-09-14T14:36:56-04:00"),
    # ISO 8601 and numeric dates
    ("2022-03-09T16:29:02+09:00", "2022-03-09T16:29:02+09:00"),
    ("2022-03-09 16:29:02.123 Z", "2022-03-09T16:29:02+00:00"),
    ("2023-07-11 01:15:03.123456789 +0000 UTC m=+1234.567890123", "2023-07-11T01:15:03+00:00"),
    ("2024/01/02 03:04:05 +0900", "2024-01-02T03:04:05+09:00"),
    ("09.03.2022 16:29:02 +0100", "2022-03-09T16:29:02+01:00"),
    ("Mon 1 Jan 2024 12.00.00 +0900", "2024-01-01T12:00:00+09:00"),
    ("9-Mar-2022 16:29:02 CEST", "2022-03-09T16:29:02+02:00"),
    # fractions, AM/PM, full names, trailing junk
    ("Tue, 11 Jul 2023 01:15:03.123 +0000 (UTC)", "2023-07-11T01:15:03+00:00"),
    ("Tuesday, January 7, 2020 10:00:00 PM PST", "2020-01-07T22:00:00-08:00"),
    ("Tue, 7 January 2020 10:00:00 +0000", "2020-01-07T10:00:00+00:00"),
    ("Mon, 1 Jan 2024 12:00:00 +0900 id 12345", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 +0900 (JST)garbage more", "2024-01-01T12:00:00+09:00"),
    ("Mon, 1 Jan 2024 12:00:00 0900", "2024-01-01T12:00:00+09:00"),
    (
        "Wed, 12 Jul 2023 11:22:33 +0900\n  id 000000000002A5D1.0000000064AE0F59.00003C4A",
        "2023-07-12T11:22:33+09:00",
    ),
    ("Mon, 1 Jan 2024 12:00:00 +9999", "2024-01-01T12:00:00+00:00"),
    # seen in real mail (tests/data/realworld): folded dates, zone comments, AM/PM with a two-digit year
    ("Fri, 6 Apr 2001 09:23:06 -0800 (GMT-0800)", "2001-04-06T09:23:06-08:00"),
    ("Fri, 07 Dec 2001\n    11:07:40 +1100 (EST)", "2001-12-07T11:07:40+11:00"),
    ("Sun,\n 23 Sep 2001 20:14:35 -0700 (PDT)", "2001-09-23T20:14:35-07:00"),
    ("18 Feb 01 12:29:13 AM", "2001-02-18T00:29:13+00:00"),
    ("Mon, 1 Jan 2024 10:00:00 +0900 (\u6771\u4eac (\u6a19\u6e96\u6642))", "2024-01-01T10:00:00+09:00"),
    # Japanese-localised dates from old mailers
    ("2026\u5e743\u670810\u65e5 10:02:11 +0900", "2026-03-10T10:02:11+09:00"),
    ("2026\u5e7403\u670810\u65e5(\u706b) 10:02:11 +0900", "2026-03-10T10:02:11+09:00"),
    ("\u6728, 10 3\u6708 2026 10:02:11 +0900", "2026-03-10T10:02:11+09:00"),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text: str, expected: str) -> None:
    parsed = parse_mail_date(text)
    assert parsed is not None
    assert parsed.tzinfo is not None and parsed.utcoffset() is not None
    assert parsed.isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "garbage",
        "Mon, 32 Jan 2024 12:00:00 +0900",
        "Fri, 29 Feb 2019 12:00:00 +0000",
        "Mon, 1 Jan 2024",
        "12:00:00",
        "Mon, 1 Foo 2024 12:00:00 +0000",
        "Mon, 1 Jan 2024 25:00:00 +0000",
        "Mon, 1 Jan 2024 12:61:00 +0000",
        "(JST)",
        "\x00\x01\x02",
        "Marketing 12 2024 10:00:00",
        "2026\u5e7413\u670810\u65e5 10:02",
    ],
)
def test_unreadable_gives_none(text: str) -> None:
    assert parse_mail_date(text) is None


def test_non_string_gives_none() -> None:
    assert parse_mail_date(None) is None  # type: ignore[arg-type]
    assert parse_mail_date(b"Mon, 1 Jan 2024 12:00:00 +0000") is None  # type: ignore[arg-type]


def test_numeric_offset_beats_a_contradicting_name() -> None:
    parsed = parse_mail_date("Mon, 1 Jan 2024 12:00:00 +0800 (CST)")
    assert parsed is not None and parsed.isoformat() == "2024-01-01T12:00:00+08:00"


@pytest.mark.parametrize(
    ("text", "zoned"),
    [
        ("Mon, 1 Jan 2024 12:00:00 +0900", True),
        ("Mon, 1 Jan 2024 12:00:00 JST", True),
        ("1 Jan 2024 12:00:00 (JST)", True),
        ("2022-03-09T16:29:02Z", True),
        ("Mon, 1 Jan 2024 12:00:00 GMT+9", True),
        ("Fri, 7 Dec 2001 07:01:03", False),  # tests/data/realworld/sa_spam_004_fetchmail_webmail.eml
        ("18 Feb 01 12:29:13 AM", False),
        ("Mon Mar 9 16:29:02 2022", False),
        ("", False),
    ],
)
def test_date_has_zone(text: str, zoned: bool) -> None:
    assert date_has_zone(text) is zoned
