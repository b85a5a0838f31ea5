"""A fast path for the strictly formed Received lines that make up most real mail.

:func:`fast_parse` recognises the common, regular shapes (Postfix, Sendmail, Gmail, Lotus Domino,
Exim, qmail, Courier, Microsoft 365 / Exchange, CommuniGate, MDaemon, webmail ``with HTTP``) with one
anchored regular expression each and returns the :class:`~wizard.core.model.Hop` that
:func:`wizard.core.received.parse_received` would return, or None for anything else (the general
parser then runs). The shapes are deliberately strict: host names are dotted words starting with a
letter, comments contain no nested parentheses, no word is one of the clause keywords. On such lines
the general parser's readings are fixed, so each field can be taken straight from the match; every
case where a reading could depend on details (authentication markers, ``envelope-`` text elsewhere,
MTA families that read the ``from`` part differently) makes the fast path decline.

The MTA family is decided by the general parser's own family lookup on the same text, so a change to
its markers is followed here. ``tests/unit/test_received_fast.py`` checks that both parsers agree on
every corpus line the fast path accepts and on random near-misses.
"""

from __future__ import annotations

import re
from datetime import datetime

from wizard.core.dates import parse_mail_date
from wizard.core.ipaddr import normalise_ip
from wizard.core.model import Hop

__all__ = ["fast_parse"]

try:  # the general parser's internals: if they move, the fast path switches itself off
    from wizard.core.received import (
        _EXCHANGE,
        _EXCHANGE_BUILD,
        _GMAIL_SUBMISSION_ID,
        _LOGIN_COMMENT,
        _MAX_BODY,
        _TRAILING_ID,
        _family,
        _host,
        _read_from_helo_first,
    )

    # canonical IPv4 text is taken as is (see _CANON_V4)
    _ENABLED = normalise_ip("203.0.113.25") == "203.0.113.25"
    # the login-marker pattern without IGNORECASE, searched in lower-cased ASCII text (where both agree):
    # a case-insensitive search costs about six times as much
    _LOGIN_LOWER = re.compile(_LOGIN_COMMENT.pattern)
except ImportError:  # pragma: no cover - only when received.py is reorganised
    _ENABLED = False

_HOST = r"[A-Za-z][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10}"
_IPV4 = r"\d{1,3}(?:\.\d{1,3}){3}"
# an IPv4 address in canonical form (no leading zeros, octets <= 255): normalise_ip returns it unchanged
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_CANON_V4 = rf"{_OCTET}(?:\.{_OCTET}){{3}}"
_IPV6 = r"[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7}"
_ADDR = r"[A-Za-z0-9][A-Za-z0-9._+=-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}"
_ID = r"[A-Za-z0-9][A-Za-z0-9._-]{4,63}"
# Postfix lines also carry single-label HELO names ("babylon", "computer_3436"), reverse-DNS names that start
# with a digit and short queue ids; words that could be clause keywords are refused after the match.
_WORD = r"[A-Za-z][A-Za-z0-9_-]{0,62}(?:\.[A-Za-z0-9_-]{1,63}){0,10}"
_RDNS = r"[A-Za-z0-9][A-Za-z0-9_-]{0,62}(?:\.[A-Za-z0-9_-]{1,63}){1,10}"
_SHORT_ID = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
_KEYWORDS = frozenset({"from", "by", "via", "with", "id", "for"})
# a "with" protocol that is one word and never an authentication marker or a non-relay protocol
_PROTO = r"(?:E?SMTPS?|esmtps?|smtps?|LMTP|lmtp)"
_AUTH_PROTO_WORD = r"(?:ESMTPS?A|esmtps?a)"
_COMMENT = r"\((?P<{name}>[A-Za-z0-9_ .,=/:-]{{1,120}})\)"

# Postfix's TLS comments: "(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519
# server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested)"
_POSTFIX_TLS = (
    r"(?: \((?P<tls>using (?:TLSv1(?:\.[0-3])?|SSLv3) with cipher [A-Za-z0-9_-]{1,60} \(\d{1,4}/\d{1,4} bits\)"
    r"(?: [a-z-]{1,20} [A-Za-z0-9_-]{1,40}(?: \(\d{1,5} bits\))?){0,6})\))?"
    r"(?: \((?:No client certificate requested|Client did not present a certificate)\))?"
)
# Postfix, Sendmail, Gmail, Domino: "from HELO (RDNS [IP]) by HOST (MTA) with PROTO id ID for <ADDR> (tls)"
# Postfix submission: "from [IP] (unknown [IP]) (Authenticated sender: a@b) by HOST (Postfix) with ESMTPSA id ID"
_POSTFIX_LIKE = re.compile(
    rf"from (?P<helo>{_WORD}|\[{_IPV4}\]) \((?:(?P<rdns>(?:{_RDNS}|unknown)\.?) )?\[(?P<ip>{_CANON_V4})\]\)"
    rf"{_POSTFIX_TLS}"
    rf"(?: \(Authenticated sender: (?P<authsender>{_ADDR})\))?"
    rf" by (?P<by>{_WORD})(?: {_COMMENT.format(name='bycomment')})?"
    rf" with (?:(?P<proto>{_PROTO})|(?P<authproto>{_AUTH_PROTO_WORD})) id (?P<id>{_SHORT_ID})"
    rf"(?: {_COMMENT.format(name='idcomment')})?"
    rf"(?: for <(?P<for>{_ADDR})>)?(?: {_COMMENT.format(name='forcomment')})?"
)
# Exim: "from RDNS ([IP] helo=HELO) by HOST with esmtps (TLS1.3) tls CIPHER (Exim 4.96)
#        (envelope-from <a@b>) id ID for a@b"
_EXIM = re.compile(
    rf"from (?P<rdns>{_HOST}|unknown) \(\[(?P<ip>{_CANON_V4})\] helo=(?P<helo>{_HOST})\)"
    rf" by (?P<by>{_HOST})"
    rf" with (?:(?P<proto>{_PROTO})|(?P<authproto>{_AUTH_PROTO_WORD}))"
    r"(?: \(TLS1\.[0-3]\) tls [A-Z0-9_]{5,60})?(?: \(Exim [0-9.]{1,12}\))?"
    rf"(?: \(envelope-from <(?P<envfrom>(?:{_ADDR})?)>\))?"
    rf" id (?P<id>[0-9A-Za-z]{{6}}-[0-9A-Za-z]{{6,11}}-[0-9A-Za-z]{{2,4}})(?: for (?P<for>{_ADDR}))?"
)
# qmail: "from RDNS (HELO HELO) (IP) by HOST with SMTP"
_QMAIL_LIKE = re.compile(
    rf"from (?P<rdns>{_HOST}|unknown) \(HELO (?P<helo>{_HOST})\) \((?P<ip>{_CANON_V4})\) by (?P<by>{_HOST})"
    rf" with (?P<proto>{_PROTO})"
)
# Courier: "from HELO (RDNS [::ffff:IP]) by HOST with ESMTP" (its queue id follows the date)
_COURIER = re.compile(
    rf"from (?P<helo>{_HOST}) \((?P<rdns>{_HOST}|unknown) \[::ffff:(?P<ip>{_CANON_V4})\]\) by (?P<by>{_HOST})"
    rf" with (?P<proto>{_PROTO})"
)
# Microsoft: "from HOST (IP) by HOST (IP) with Microsoft SMTP Server (version=..., cipher=...) id 15.20.x.y
#             via Frontend Transport"
_EXCHANGE_LIKE = re.compile(
    rf"from (?P<helo>{_HOST}) \((?P<ip>{_CANON_V4}|{_IPV6})\) by (?P<by>{_HOST})(?: \((?:{_IPV4}|{_IPV6})\))?"
    rf" with Microsoft SMTP Server(?: {_COMMENT.format(name='tls')})? id (?P<id>[0-9.]{{3,20}})"
    r"(?P<via> via (?:Frontend|Mailbox) Transport)?"
)
# CommuniGate: "from [IP] (HELO HELO) by HOST (CommuniGate Pro SMTP 6.3.4) with ESMTPS id N for a@b"
_COMMUNIGATE = re.compile(
    rf"from \[(?P<ip>{_CANON_V4})\] \(HELO (?P<helo>{_HOST})\) by (?P<by>{_HOST})"
    rf"(?: {_COMMENT.format(name='bycomment')})? with (?P<proto>{_PROTO}) id (?P<id>{_ID})"
    rf"(?: for (?P<for>{_ADDR}))?"
)
# MDaemon and others that record no address: "from HELO by HOST (MDaemon ...) with ESMTP id ID for <a@b>"
_NO_ADDRESS = re.compile(
    rf"from (?P<helo>{_HOST}) by (?P<by>{_HOST})(?: {_COMMENT.format(name='bycomment')})?"
    rf" with (?P<proto>{_PROTO}) id (?P<id>{_ID})(?: for <(?P<for>{_ADDR})>)?"
)
# Webmail: "from [IP] by HOST with HTTP (HTTP/1.1 POST)"
_WEBMAIL = re.compile(
    rf"from \[(?P<ip>{_CANON_V4})\] by (?P<by>{_HOST}) with (?P<proto>HTTPS?)(?: \(HTTP/1\.[01] (?:POST|GET)\))?"
)

_AUTH_UPPER = frozenset({"ESMTPA", "ESMTPSA"})
_MAX_FIELD = 200
"""Longest captured field: the general parser reads some words through bounded patterns."""


def _date(text: str) -> tuple[str, datetime, str] | None:
    head, sep, tail = text.rpartition(";")
    if not sep:
        return None
    when = parse_mail_date(tail)
    if when is None:
        return None
    return head, when, tail


def fast_parse(value: str) -> Hop | None:
    """The Hop of a strictly formed common Received line, identical to ``parse_received(value)``;
    None when the line is not one of the recognised shapes (the general parser then decides)."""
    if not _ENABLED or not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text.startswith("from ") or not text.isascii():
        return None
    split = _date(text)
    if split is None:
        return None
    head, when, after = split
    if len(head) > _MAX_BODY:
        return None
    body = head.strip().rstrip(";").strip()
    lower = body.lower()
    if _LOGIN_LOWER.search(lower) is not None:
        return None  # a login marker ("with plain"): the general parser reads it
    text_lower = text.lower()
    if "return-" in text_lower or "via http" in lower:
        return None
    if "auth" in lower:
        if "envelope-" in text_lower:
            return None
        return _submission(value, body, lower, when, after)
    if "envelope-" in text_lower:
        # Exim's "(envelope-from <a@b>)" must then be the only envelope marker in the line
        if text_lower.count("envelope-") != 1:
            return None
        match = _EXIM.fullmatch(body)
        if match is None or match.group("envfrom") is None:
            return None
        return _hop(value, _EXIM, match, body, lower, when, after, None)
    for shape in _shapes(body):
        match = shape.fullmatch(body)
        if match is not None:
            return _hop(value, shape, match, body, lower, when, after, None)
    return None


def _shapes(body: str) -> tuple[re.Pattern[str], ...]:
    """The shapes worth trying (a cheap pre-selection; each candidate is still matched in full)."""
    if "Microsoft SMTP Server" in body:
        return (_EXCHANGE_LIKE,)
    if "(HELO " in body:
        return (_QMAIL_LIKE, _COMMUNIGATE)
    if "[::ffff:" in body:
        return (_COURIER,)
    if "[" not in body:
        return (_NO_ADDRESS,)
    return (_POSTFIX_LIKE, _WEBMAIL)


def _submission(value: str, body: str, lower: str, when: datetime, after: str) -> Hop | None:
    """Postfix's submission line, where "(Authenticated sender: a@b)" is the only "auth" in the line."""
    if lower.count("auth") != 1:
        return None
    match = _POSTFIX_LIKE.fullmatch(body)
    if match is None:
        return None
    sender = match.group("authsender")
    if sender is None:
        return None
    auth = None if match.group("authproto") else "Authenticated sender: " + sender
    return _hop(value, _POSTFIX_LIKE, match, body, lower, when, after, auth)


def _hop(
    value: str, shape: re.Pattern[str], match: re.Match[str], body: str, lower: str, when: datetime,
    after: str, auth: str | None,
) -> Hop | None:
    groups = match.groupdict()
    helo: str | None = groups.get("helo")
    if len(body) > _MAX_FIELD:
        # the general parser reads HELO names and envelope addresses through length-bounded patterns
        for name in ("helo", "authsender", "envfrom"):
            field = groups.get(name)
            if field is not None and len(field) > _MAX_FIELD:
                return None
    tls = groups.get("tls")
    if tls is not None and ("lo" in tls or "LO" in tls):
        return None  # the general parser would look for a HELO name in this comment
    family = _family(body, lower)
    ip = groups.get("ip")
    if ip is not None and ":" in ip:
        ip = normalise_ip(ip)
        if ip is None:
            return None
    rdns_text = groups.get("rdns")
    rdns = _host(rdns_text) if rdns_text else None
    if shape is _POSTFIX_LIKE:
        if rdns is not None and rdns[0].isdigit() and normalise_ip(rdns) is not None:
            return None
        for name in ("helo", "by", "id"):
            word = groups[name]
            if word is not None and len(word) <= 4 and word.lower() in _KEYWORDS:
                return None
    helo_first = family is None or family.read_from is _read_from_helo_first
    if shape is _POSTFIX_LIKE or shape is _COURIER:
        # "from HELO (RDNS [IP])": the reader's choice only matters when RDNS is a placeholder
        if rdns is None and not helo_first:
            return None
    elif shape is _EXCHANGE_LIKE or shape is _NO_ADDRESS:
        if not helo_first:
            return None
        if shape is _NO_ADDRESS and helo is not None and "-daemon" in helo.lower():
            return None  # an Oracle Messaging Server channel name: the general parser decides
    elif shape is _WEBMAIL:
        helo = None
    # (Exim, qmail, CommuniGate: the HELO said in a comment decides, whatever the family)
    by = groups["by"]
    proto = groups.get("proto") or groups.get("authproto")
    with_ = "Microsoft SMTP Server" if shape is _EXCHANGE_LIKE else proto
    if auth is None and proto is not None:
        upper = proto.upper()
        if upper in _AUTH_UPPER or shape is _WEBMAIL:
            auth = upper
    id_ = groups.get("id")
    if id_ is None:
        if " id " in after:
            if shape is not _COURIER:
                return None
            trailing = _TRAILING_ID.search(after)
            id_ = trailing.group(1) if trailing else None
    elif family is _EXCHANGE and _EXCHANGE_BUILD.fullmatch(id_):
        id_ = None  # Exchange writes its build number where others write a queue id
    if (by == "mx.google.com" or by == "smtp.gmail.com") and id_ and _GMAIL_SUBMISSION_ID.match(id_):
        return None
    # positional (a third cheaper than keywords on this hot path); the order is Hop's field order, and
    # tests/unit/test_received_fast.py compares every field with the general parser's keyword-built Hop
    return Hop(
        value, helo or None, rdns, ip, None, by, with_, id_, groups.get("for"), groups.get("envfrom"), auth,
        when, True, None, False, family.name if family is not None else None,
    )
