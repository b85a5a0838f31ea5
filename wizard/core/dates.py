"""Mail date parsing that survives what real servers write.

``parse_mail_date`` tries the standard library first (RFC 5322 and its obsolete forms) and falls back
to a forgiving token reader for the deviations seen in Received and Date headers: named zones the
stdlib does not know (JST, CEST, KST, ...), zones only given in a ``(JST)`` comment, asctime and
``date(1)`` forms, ISO 8601, dotted or slashed numeric dates, missing seconds and trailing junk.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_tz

__all__ = ["ZONE_OFFSETS", "date_has_zone", "parse_mail_date"]

# Minutes east of UTC. The RFC 822 names keep their RFC meaning (CST is US Central, not China); a
# numeric offset in the same date always wins over a name.
ZONE_OFFSETS: dict[str, int] = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "UCT": 0,
    "ZULU": 0,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
    "AST": -240,
    "ADT": -180,
    "NST": -210,
    "NDT": -150,
    "BST": 60,
    "IST": 330,
    "WEST": 60,
    "CET": 60,
    "MET": 60,
    "MEZ": 60,
    "CEST": 120,
    "MEST": 120,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "JST": 540,
    "KST": 540,
    "HKT": 480,
    "SGT": 480,
    "PHT": 480,
    "AWST": 480,
    "ICT": 420,
    "WIB": 420,
    "ACST": 570,
    "ACDT": 630,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
}

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_MAX_LEN = 300
_TZ_CACHE: dict[int, tzinfo] = {0: UTC}

_COMMENT = re.compile(r"\(([^()]{0,60})\)")
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s{1,5})(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,9})?"
    r"\s{0,3}(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)
_YMD = re.compile(r"\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b")
_DMY = re.compile(r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b")
# The overwhelmingly common RFC 5322 shape, read without the stdlib's general tokenizer.
_RFC = re.compile(
    r"(?:[A-Za-z]{3},?\s{1,5})?(\d{1,2})\s{1,5}([A-Za-z]{3})\s{1,5}(\d{4})\s{1,5}(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s{1,5}([+-]\d{4})(?:\s{0,5}\([^()]{0,40}\))?"
)
# "+0900" -> its zone (None when out of range), filled as offsets are met (at most 20,000 keys)
_RFC_ZONES: dict[str, tzinfo | None] = {}
_NUMERIC_ZONE = re.compile(r"\d:\d\d(?::\d\d)?\s{1,5}[+-](?!0000)\d{4}\b")
_TOKEN = re.compile(
    r"(?P<time>\d{1,2}[:.]\d{1,2}(?:[:.]\d{1,2})?(?:[.,]\d{1,9})?(?![\d.:]))"
    r"|(?P<off>[+-]\d{1,2}(?::?\d{2})?(?!\d))"
    r"|(?P<num>\d{1,12})"
    r"|(?P<word>[A-Za-z]{1,12})"
)


def _tz(minutes: int) -> tzinfo | None:
    if not -24 * 60 < minutes < 24 * 60:
        return None
    zone = _TZ_CACHE.get(minutes)
    if zone is None:
        zone = timezone(timedelta(minutes=minutes))
        _TZ_CACHE[minutes] = zone
    return zone


def _offset_minutes(text: str) -> int | None:
    """``+0900``, ``+09:00``, ``+09``, ``-5`` -> minutes east of UTC, None when out of range."""
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 23 or minutes > 59:
        return None
    return sign * (hours * 60 + minutes)


def _full_year(year: int, digits: int) -> int:
    if digits <= 2:
        return year + (2000 if year < 50 else 1900)
    if digits == 3:
        return year + 1900
    return year


def _build(
    year: int, month: int, day: int, hour: int, minute: int, second: int, zone: tzinfo | None
) -> datetime | None:
    if second == 60:  # leap second: keep the moment, lose a second
        second = 59
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone or UTC)
    except (ValueError, OverflowError):
        return None


def _zone_from_comments(text: str) -> tuple[str, int | None]:
    """Remove ``(...)`` comments, returning the text and a zone named in one of them, if any."""
    found: int | None = None
    for match in _COMMENT.finditer(text):
        inner = match.group(1).strip().upper()
        if found is None and inner in ZONE_OFFSETS:
            found = ZONE_OFFSETS[inner]
    return _COMMENT.sub(" ", text), found


def _month_of(word: str) -> int | None:
    low = word.lower()
    if len(low) < 3:
        return None
    month = _MONTHS.get(low[:3])
    if month is None:
        return None
    # "Mar", "March", "Sept" are months; "Marketing" is not.
    if _MONTH_NAMES[month - 1].startswith(low) or (low == "sept"):
        return month
    return None


def _fast(text: str) -> datetime | None:
    match = _RFC.fullmatch(text)
    if match is None:
        return None
    day, mon, year, hour, minute, second, offset = match.groups()
    month = _MONTHS.get(mon.lower())
    try:
        zone = _RFC_ZONES[offset]
    except KeyError:
        zone = _RFC_ZONES[offset] = _rfc_zone(offset)
    if month is None or zone is None:
        return None
    return _build(int(year), month, int(day), int(hour), int(minute), int(second or 0), zone)


def _rfc_zone(offset: str) -> tzinfo | None:
    """``+0900`` -> its zone; None when the hours or minutes are out of range."""
    hours, minutes = int(offset[1:3]), int(offset[3:5])
    if minutes > 59 or hours > 23:
        return None
    total = hours * 60 + minutes
    return _tz(-total if offset[0] == "-" else total)


def _stdlib(text: str) -> datetime | None:
    # email.utils.parsedate_tz turns an unknown zone name into +0000; only trust it with a real offset.
    if _NUMERIC_ZONE.search(text) is None:
        return None
    try:
        parsed = parsedate_tz(text)
    except Exception:  # the stdlib raises assorted errors on junk; a date is optional
        return None
    if parsed is None or parsed[9] is None:
        return None
    year, month, day, hour, minute, second = parsed[:6]
    offset = parsed[9]
    if not -86400 < offset < 86400 or offset % 60:
        return None
    return _build(year, month, day, hour, minute, second, _tz(offset // 60))


def _iso(text: str, comment_zone: int | None) -> datetime | None:
    match = _ISO.search(text)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    zone_text = match.group(7)
    minutes: int | None
    if zone_text in ("Z", "z"):
        minutes = 0
    elif zone_text:
        minutes = _offset_minutes(zone_text)
    else:
        minutes = _named_zone(text[match.end() :]) if comment_zone is None else comment_zone
    return _build(year, month, day, hour, minute, second, _tz(minutes or 0))


def _named_zone(text: str) -> int | None:
    for word in re.findall(r"[A-Za-z]{1,5}", text[:40]):
        value = ZONE_OFFSETS.get(word.upper())
        if value is not None:
            return value
    return None


def _tokens(text: str, comment_zone: int | None) -> datetime | None:
    year = month = day = None
    year_digits = 4
    hms: tuple[int, int, int] | None = None
    offset: int | None = None
    named: int | None = None
    after_gmt = False
    prev_kind: str | None = None

    numeric = _YMD.search(text)
    if numeric:
        year, month, day = (int(numeric.group(i)) for i in (1, 2, 3))
        text = text[: numeric.start()] + " " + text[numeric.end() :]
    else:
        numeric = _DMY.search(text)
        if numeric:
            first, sep, second_, year = (
                int(numeric.group(1)),
                numeric.group(2),
                int(numeric.group(3)),
                int(numeric.group(4)),
            )
            if sep == "/" and first <= 12:
                month, day = first, second_  # US order for slashes unless impossible
            else:
                day, month = first, second_
            text = text[: numeric.start()] + " " + text[numeric.end() :]

    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "off" and (hms is None or not (len(value) >= 5 or after_gmt)):
            # "9-Mar-2022" or a stray "-12": digits joined by a dash, not a zone offset
            digits = value[1:]
            if not digits.isdigit():
                continue
            kind, value = "num", digits
        if kind == "time":
            if hms is None:
                parts = re.split(r"[:.]", value.split(",")[0])[:3]
                hms = (int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 0)
            after_gmt = False
        elif kind == "off":
            if offset is None:
                offset = _offset_minutes(value)
                if offset is None:
                    offset = 0
            after_gmt = False
        elif kind == "num":
            after_gmt = False
            if len(value) > 4:
                continue
            if prev_kind == "time" and offset is None and len(value) == 4 and year is not None and day:
                # "12:00:00 0900": an offset that lost its sign
                if int(value[:2]) <= 14 and int(value[2:]) < 60:
                    offset = int(value[:2]) * 60 + int(value[2:])
                continue
            number = int(value)
            if len(value) >= 3:
                if year is None:
                    year, year_digits = number, len(value)
            elif day is None and 1 <= number <= 31:
                day = number
            elif year is None:
                year, year_digits = number, len(value)
        else:
            upper = value.upper()
            if month is None:
                found = _month_of(value)
                if found is not None:
                    month = found
                    continue
            if upper in ("AM", "PM") and hms is not None and 1 <= hms[0] <= 12:
                hour = hms[0] % 12 + (12 if upper == "PM" else 0)
                hms = (hour, hms[1], hms[2])
                continue
            if upper in ZONE_OFFSETS and hms is not None:
                if named is None:
                    named = ZONE_OFFSETS[upper]
                after_gmt = upper in ("GMT", "UTC", "UT")
            else:
                after_gmt = False
        prev_kind = kind
        if (
            year is not None
            and month is not None
            and day is not None
            and hms is not None
            and (offset is not None or (named is not None and not after_gmt))
        ):
            break

    if year is None or month is None or day is None or hms is None:
        return None
    if offset is None:
        offset = named if named is not None else comment_zone
    return _build(_full_year(year, year_digits), month, day, hms[0], hms[1], hms[2], _tz(offset or 0))


_JA_YEAR = re.compile(r"(\d{4})\s*\u5e74")  # 2026年
_JA_MONTH = re.compile(r"(\d{1,2})\s*\u6708")  # 3月
_JA_DAY = re.compile(r"(\d{1,2})\s*\u65e5")  # 10日
_JA_WEEKDAY = re.compile(r"[\u65e5\u6708\u706b\u6c34\u6728\u91d1\u571f]\s*,")  # "木," before the day


def _japanese(text: str) -> str:
    """``2026年3月10日 10:02:11 +0900`` or ``木, 10 3月 2026 ...`` -> ``10 Mar 2026 ...``."""
    text = _JA_WEEKDAY.sub(" ", text)
    text = _JA_MONTH.sub(lambda m: " " + _MONTH_NAMES[int(m.group(1)) - 1][:3] + " "
                         if 1 <= int(m.group(1)) <= 12 else " ", text)
    text = _JA_YEAR.sub(r" \1 ", text)
    text = _JA_DAY.sub(r" \1 ", text)
    return text


def parse_mail_date(text: str) -> datetime | None:
    """Parse a date as written in Date or Received headers into an aware datetime.

    The plain RFC 5322 form is read by a strict pattern, other forms with a numeric zone by
    :func:`email.utils.parsedate_tz`, and everything else by the forgiving fallback. Returns None
    when no date can be read; never raises. Dates without any zone information, and the
    ``-0000`` "zone unknown" marker, are taken as UTC. A numeric offset wins over a zone name; a zone
    given only as a comment (``... 12:00:00 (JST)``) is used when nothing else names one.
    """
    if not isinstance(text, str):
        return None
    text = text.strip()[:_MAX_LEN]
    if not text:
        return None
    try:
        result = _fast(text)
        if result is not None:
            return result
        result = _stdlib(text)
        if result is not None:
            return result
        cleaned, comment_zone = _zone_from_comments(text)
        cleaned = cleaned.replace("\t", " ")
        if "\u6708" in cleaned:  # 月: a Japanese-localised date from an old mailer
            cleaned = _japanese(cleaned)
        return _iso(cleaned, comment_zone) or _tokens(cleaned, comment_zone)
    except Exception:  # a date is optional: never let an odd one stop the analysis
        return None


_ANY_OFFSET = re.compile(
    r"\d:\d\d(?::\d\d)?(?:[.,]\d{1,9})?\s{0,5}(?:GMT|UTC)?\s{0,2}[+-]\d{1,2}(?::?\d\d)?\b|\d[Zz]\b"
)
_WORD = re.compile(r"[A-Za-z]{1,5}")


def date_has_zone(text: str) -> bool:
    """Whether a date names its time zone (a numeric offset, ``Z`` or a zone name, also in a comment).

    ``Fri, 7 Dec 2001 07:01:03`` has none: :func:`parse_mail_date` takes it as UTC, but the writer
    meant its own local time, so comparisons with other clocks are only meaningful within +-14 hours.
    """
    if not isinstance(text, str):
        return False
    text = text[:_MAX_LEN]
    if _ANY_OFFSET.search(text):
        return True
    return any(word.upper() in ZONE_OFFSETS for word in _WORD.findall(text))
