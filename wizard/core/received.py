"""Parse one Received header into a :class:`~wizard.core.model.Hop`.

The fields follow SpamAssassin's relay metadata (``Mail::SpamAssassin::Message::Metadata::Received``):
HELO name, reverse-DNS name as recorded by the receiving server, client IP, ident, ``by`` host,
protocol, queue id, ``for``, envelope sender and an authentication marker.

How it works: the line is unfolded and split once into top-level clauses (``from``/``by``/``via``/
``with``/``id``/``for``), each with its parenthesised comments. A registry of MTA families
(:data:`FAMILIES`) recognises who wrote the line; the family only decides how the ``from`` part is
read (whether its first word is the HELO name or the reverse-DNS name), so lines from MTAs nobody
listed still yield every field the generic reading can find. All regular expressions are anchored
or bounded so that hostile input cannot make them backtrack catastrophically, and the parsed part of
a line is capped (the raw text is kept whole).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from wizard.core.dates import parse_mail_date
from wizard.core.ipaddr import is_private_ip, normalise_ip
from wizard.core.model import Hop

__all__ = ["FAMILIES", "is_private_ip", "normalise_ip", "parse_received"]

_MAX_BODY = 4096
"""Characters of a line that are parsed; real Received lines are far shorter."""

_KEYWORDS = frozenset({"from", "by", "via", "with", "id", "for"})
# A comment nested up to three deep, a lone paren, or a word. Possessive: no backtracking.
_PIECE = re.compile(r"\((?:[^()]++|\((?:[^()]++|\([^()]*+\))*+\))*+\)|[()]|[^()\s]++")
_IPV4 = r"\d{1,3}(?:\.\d{1,3}){3}"
_IPV6 = r"[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{2,60}(?:%[\w.~-]{1,20})?"
_IP = rf"(?:(?:IPv6:)?{_IPV6}|{_IPV4})"
# "(host [ip])", "(ident@host [ip] (may be forged))", "([ip]:port helo=x)", "(host. [IPv6:...])"
_BRACKET_IP = re.compile(rf"\[({_IP})(?::\d{{1,5}})?\]")
_WORD_BRACKET = re.compile(rf"\[({_IP})(?::\d{{1,5}}|\.\d{{1,5}})?\]")
_CLIENT_SAID = re.compile(r"(?:HELO|EHLO|LHLO)(?:\s|$)|helo=|account\s\S+\s(?:HELO|EHLO)\s", re.IGNORECASE)
_PLAIN_HOST = re.compile(r"[A-Za-z0-9][\w-]{0,62}(?:\.[\w-]{1,63}){1,10}\.?")
_BARE_IP = re.compile(rf"^\s?(?:(\S{{1,64}})@)?\[?({_IP})\]?(?::\d{{1,5}})?(?:$|[\s,])")
_HELO_EQ = re.compile(r"\bhelo=(\S{1,255})", re.IGNORECASE)
_IDENT_EQ = re.compile(r"\bident=(\S{0,255})", re.IGNORECASE)
_HELO_WORD = re.compile(r"(?:^|[\s,\"])(?:HELO|EHLO|LHLO)(?:\s(\S{1,255})|$)")
_ACCOUNT = re.compile(r"^account\s(\S{1,255})")
_ENVFROM = re.compile(r"(?:envelope-(?:from|sender)[ =:]\s?|return-path:?\s)<?([^\s<>,;()]{0,320})>?", re.IGNORECASE)
_AUTH_PROTO = re.compile(r"(?:ES|L|UTF8S|UTF8L)MTPS?A|ASMTP|HTTP(?:[SU]|REST)?|SMTPS?A", re.IGNORECASE)
_AUTH_COMMENT = re.compile(
    r"^(?:Authenticated sender:\s?\S{1,255}"
    r"|AUTH[:=]\s?[^,)]{1,100}"
    r"|(?:[\w-]{1,30}\s)?authenticated(?: bits=\d{1,4}| as \S{1,255}| user \S{1,255}| sender \S{1,255})?"
    r"|via HTTPS?)",
    re.IGNORECASE,
)
_TRAILING_DATE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},?\s)?\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]{0,6}\s\d{2,4}\s\d{1,2}:\d{2}(?::\d{2})?[^;]{0,60}$"
    r"|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}[^;]{0,60}$"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s{1,2}\d{1,2}"
    r"\s\d{1,2}:\d{2}:\d{2}\s(?:[A-Z]{3,5}\s)?\d{4}[^;]{0,30}$",
    re.IGNORECASE,
)
_LOGIN_COMMENT = re.compile(r"with (?:login|plain|cram-md5|digest-md5|xoauth2?)\b", re.IGNORECASE)
_GMAIL_SUBMISSION_ID = re.compile(r"^[a-z0-9]{1,4}sm[0-9]{2,9}[a-z]{3}\.[0-9]{1,3}\.[0-9]{4}\.")
_NOT_A_HOST = frozenset({"unknown", "softdnserr", "may", "unverified", "verified", ""})
# Words written where the reverse-DNS name usually stands: CommuniGate's "(account NAME [IP])", InterMail's
# "(really [IP])" (the address the connection really came from), and client-said HELO markers.
_NOT_RDNS_WORDS = frozenset(
    {"account", "verified", "unverified", "helo", "ehlo", "lhlo", "helo=", "from", "really"}
)
_NON_RELAY_PROTOCOLS = (
    "local",
    "bsmtp",
    "pop",
    "imap",
    "utf8pop",
    "utf8imap",
    "nntp",
    "qmail-scanner",
    "kmail",
)
_DAEMON_CHANNEL = re.compile(r"[A-Za-z0-9-]{1,40}-daemon(?:\.|$)", re.IGNORECASE)
_LOCAL_SOCKET = re.compile(r"\[(?:local|unix)\b", re.IGNORECASE)
_TRAILING_ID = re.compile(r"\bid ([^\s;]{3,100})")
_EXCHANGE_BUILD = re.compile(r"\d{1,3}(?:\.\d{1,5}){2,3}")


@dataclass(slots=True)
class _Clause:
    keyword: str
    words: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    """The tokenised line: clauses in order plus the joined text used by family matchers."""

    text: str
    clauses: list[_Clause]

    def first(self, keyword: str) -> _Clause | None:
        """The first clause introduced by ``keyword`` (``""`` for text before any keyword)."""
        for clause in self.clauses:
            if clause.keyword == keyword:
                return clause
        return None

    def index(self) -> dict[str, _Clause]:
        """Keyword -> first clause with that keyword."""
        found: dict[str, _Clause] = {}
        for clause in self.clauses:
            found.setdefault(clause.keyword, clause)
        return found


@dataclass(frozen=True, slots=True)
class _Fields:
    helo: str | None = None
    rdns: str | None = None
    ip: str | None = None
    ident: str | None = None


FromReader = Callable[[_Clause], _Fields]


def _tokenise(text: str) -> _Line:
    clauses: list[_Clause] = [_Clause("")]
    current = clauses[0]
    keywords = _KEYWORDS
    for token in _PIECE.findall(text):
        if token[0] == "(":
            if len(token) > 1:
                current.comments.append(token[1:-1].strip())
            continue  # a lone paren is unbalanced noise
        if token == ")":
            continue
        if len(token) <= 4:
            low = token.lower()
            if low in keywords:
                current = _Clause(low)
                clauses.append(current)
                continue
        current.words.append(token)
    if not clauses[0].words and not clauses[0].comments:
        clauses.pop(0)
    return _Line(text, clauses)


def _host(text: str | None) -> str | None:
    """A recorded host name, or None for the placeholders MTAs write when they have none."""
    if not text:
        return None
    text = text.strip().rstrip(".")
    if text.lower() in _NOT_A_HOST or text.startswith("<unknown"):
        return None
    return text


def _split_ident(host: str) -> tuple[str | None, str]:
    if host[:6].upper() == "IDENT:":
        host = host[6:]
    if "@" in host:
        ident, _, host = host.rpartition("@")
        return ident or None, host
    return None, host


def _address_comment(comments: list[str]) -> tuple[int, str | None, str, str | None]:
    """Find the comment holding the client address.

    Returns (index, host written before the address or None, normalised ip, ident), or index -1.
    Comments that only repeat what the client said (``HELO [1.2.3.4]``, ``helo=[1.2.3.4]``) are
    skipped: a sender chooses those freely.
    """
    for index, comment in enumerate(comments):
        if not comment or _CLIENT_SAID.match(comment):
            continue
        if "[" in comment:
            for bracket in _BRACKET_IP.finditer(comment):
                address = normalise_ip(bracket.group(1))
                if address is None:
                    continue
                before = comment[: bracket.start()]
                parts = before.split()
                host = parts[-1] if parts else None
                if host and host.endswith("="):
                    continue
                ident = None
                if host and comment[:8].lower() == "account ":
                    host = None  # CommuniGate "(account NAME [IP] verified)"
                if host:
                    ident, host = _split_ident(host)
                    if host.lower() in _NOT_RDNS_WORDS:
                        host = None
                return index, host or None, address, ident
        bare = _BARE_IP.match(comment)
        address = normalise_ip(bare.group(2)) if bare is not None else None
        if bare is not None and address is not None:
            ident = bare.group(1)
            if ident and ident[:6].upper() == "IDENT:":
                ident = ident[6:]
            return index, None, address, ident or None
    return -1, None, "", None


def _comment_helo(comments: list[str]) -> tuple[str | None, str | None, str | None]:
    """(helo from ``helo=``, helo from a ``(HELO x)`` comment, ident from ``ident=``).

    An empty ``(HELO )`` gives ``""`` so that callers can tell "said nothing" from "not recorded".
    """
    helo_eq = helo_word = ident = None
    for comment in comments:
        if "lo" not in comment and "LO" not in comment and "=" not in comment:
            continue  # no HELO/EHLO/LHLO, helo= or ident= here
        lower = comment.lower()
        if helo_eq is None and "helo=" in lower:
            match = _HELO_EQ.search(comment)
            if match:
                helo_eq = match.group(1).rstrip(')"')
        if helo_word is None and "lo" in lower:
            match = _HELO_WORD.search(comment)
            if match:
                helo_word = (match.group(1) or "").strip('"')
        if ident is None and "ident=" in lower:
            match = _IDENT_EQ.search(comment)
            if match:
                ident = match.group(1) or None
    return helo_eq, helo_word, ident


def _word_ip(word: str) -> str | None:
    """The address in a ``from`` word: ``1.2.3.4``, ``[1.2.3.4]``, ``[1.2.3.4]:25``, ``[1.2.3.4.5678]``."""
    if word.startswith("["):
        match = _WORD_BRACKET.match(word)
        return normalise_ip(match.group(1)) if match else None
    if word[:1].isdigit() or ":" in word:
        return normalise_ip(word.rstrip(","))
    return None


def _read_from(clause: _Clause, first_is_rdns: bool) -> _Fields:
    """The generic reading of a ``from`` clause.

    ``first_is_rdns``: the MTA writes the verified reverse-DNS name first (Exim, qmail) instead of
    the HELO name (Postfix, Sendmail, Exchange and most others).
    """
    words = clause.words
    first = words[0] if words else None
    literal_ip = _word_ip(first) if first is not None else None
    index, comment_host, comment_ip, ident = _address_comment(clause.comments)
    helo_eq, helo_word, ident_eq = _comment_helo(clause.comments)

    ip: str | None = None
    if index >= 0:
        ip = comment_ip
    else:
        # "from host [1.2.3.4]" (Exim, fetchmail, MDaemon) or "from [1.2.3.4]" / "from 1.2.3.4"
        for word in words[1:3]:
            candidate = _word_ip(word) if word.startswith("[") else None
            if candidate:
                ip = candidate
                break
        if ip is None and literal_ip is not None:
            ip = literal_ip
    said = helo_eq if helo_eq is not None else helo_word

    helo: str | None = None
    rdns = _host(comment_host) if comment_host is not None else None
    if rdns is not None and normalise_ip(rdns) is None:
        # Postfix / Sendmail / Gmail: "from HELO (RDNS [IP])"
        helo = first
    elif first is not None and literal_ip is not None and ip == literal_ip and index < 0:
        # the first word is the client address itself; a HELO can only come from a comment
        rdns, helo = None, said
    elif said is not None:
        # Exim "from RDNS ([IP] helo=HELO)", qmail "from RDNS (HELO x) (IP)", CommuniGate "[IP] (HELO x)"
        helo = said
        rdns = _host(first) if first is not None and literal_ip is None else None
    elif first_is_rdns and first is not None and literal_ip is None:
        rdns = _host(first)
        helo = first if rdns is not None else None
        if rdns is not None and index != 0:
            # Exim's odd "from RDNS (HELO) [IP]" form keeps the HELO in a plain comment
            for comment in clause.comments:
                if _PLAIN_HOST.fullmatch(comment):
                    helo = comment
                    break
    else:
        rdns, helo = None, first
    return _Fields(helo=helo or None, rdns=rdns, ip=ip, ident=ident or ident_eq)


@lru_cache(maxsize=4096)
def _read_from_cached(words: tuple[str, ...], comments: tuple[str, ...], first_is_rdns: bool) -> _Fields:
    # The hops our own servers add repeat the same "from" part in every message: read it once.
    return _read_from(_Clause("from", list(words), list(comments)), first_is_rdns)


def _read_from_rdns_first(clause: _Clause) -> _Fields:
    return _read_from_cached(tuple(clause.words), tuple(clause.comments), True)


def _read_from_helo_first(clause: _Clause) -> _Fields:
    return _read_from_cached(tuple(clause.words), tuple(clause.comments), False)


@dataclass(frozen=True, slots=True)
class Family:
    """One MTA format: how to recognise its lines and how to read their ``from`` part.

    A line belongs to the family when it contains one of ``needles`` (case-sensitive), one of
    ``lower_needles`` (in the lower-cased line) or matches ``pattern``. Substring tests come first
    because they are far cheaper than regular expressions.
    """

    name: str
    needles: tuple[str, ...] = ()
    lower_needles: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    read_from: FromReader = _read_from_helo_first

    def matches(self, text: str, lower: str) -> bool:
        """Whether the unfolded line ``text`` (and its lower-cased copy) is in this format."""
        for needle in self.needles:
            if needle in text:
                return True
        for needle in self.lower_needles:
            if needle in lower:
                return True
        return self.pattern is not None and self.pattern.search(text) is not None


FAMILIES: tuple[Family, ...] = (
    Family(
        "exchange",
        (
            "Microsoft SMTP Server",
            " mapi id ",
            "Frontend Transport",
            "Mailbox Transport",
            "Microsoft Exchange",
            "Internet Mail Service",
            ".prod.outlook.com with HTTPS",
        ),
        lower_needles=(".prod.outlook.com with https",),  # Microsoft also writes PROD.OUTLOOK.COM
    ),
    Family("exchange-smtpsvc", ("SMTPSVC",)),
    Family(
        "gmail",
        (
            "mx.google.com",
            "smtp.gmail.com",
            "Google Transport Security",
            "by 2002:a",
            ".google.com with",
            "gmailapi.google.com",
        ),
    ),
    # ESPs first: their lines are recognised by their own host names, not by the software
    Family("amazon-ses", ("(SimpleEmailService", "by email-smtp.", "smtp-out.amazonses.com with")),
    Family("sendgrid", ("(SG)", "by filterdrecv", "sendgrid.net with", " by ismtpd")),
    Family("mailgun", (".mailgun.org with", ".mailgun.net with", "by mxa.mailgun", "by m.mailgun")),
    Family(
        "qmail",
        (
            "(qmail ",
            "(qmail-",
            "invoked from network",
            "invoked by uid",
            "invoked for bounce",
            "invoked by alias",
            "with qmail-scanner",
        ),
        read_from=_read_from_rdns_first,
    ),
    Family("qpsmtpd", ("(qpsmtpd",), read_from=_read_from_rdns_first),
    Family("dovecot", (" with LMTP id ", "(Dovecot)", " with LMTPS id ")),
    Family(
        "exim",
        ("(Exim ", "(envelope-from <"),
        pattern=re.compile(r"id [0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}(?![\w-])"),
        read_from=_read_from_rdns_first,
    ),
    Family(
        "courier",
        ("(Courier", "(courier-", "(AUTH: ", "softdnserr", "[::ffff:"),
        pattern=re.compile(r"id [0-9A-F]{16}\.[0-9A-F]{8}"),
    ),
    Family("domino", ("Lotus Domino", "(Domino ", "Domino Release")),
    Family("communigate", ("CommuniGate",)),
    Family("mdaemon", ("MDaemon",)),
    Family(
        "oracle-messaging",
        (
            "(Oracle Communications Messaging",
            "Java(tm) System Messaging",
            "(iPlanet Messaging",
            "(Sun ONE Messaging",
            "(Sun Internet Mail Server",
        ),
    ),
    Family("zmailer", ("rhost-flags", "(ZMailer", " via listexpand"), read_from=_read_from_rdns_first),
    Family("xmail", ("[XMail ",)),
    Family("imail", ("(SMTPD32-", "(IMail ")),  # Ipswitch IMail: "from helo [ip] by host (SMTPD32-7.07)"
    Family("lsmtp", ("(LSMTP for Windows",)),
    Family("mailenable", ("with MailEnable ",)),
    Family("zonemta", ("(ZoneMTA",)),
    Family("ecelerity", ("(ecelerity",)),
    Family("opensmtpd", ("(OpenSMTPD)",)),
    Family("amavis", ("(amavisd-new", "(amavis,", "(amavisd")),
    Family("zimbra", lower_needles=("zimbra",)),
    # InterMail / Openwave: "(InterMail vM.x ...)" or its queue id "<20071118085627.YVPI22254.host@client>"
    Family("intermail", ("(InterMail ",), pattern=re.compile(r"id <\d{14}\.[A-Z]{4}\d{1,9}\.")),
    Family("postfix", ("(Postfix", "Postfix, from userid", "(Authenticated sender: ")),
    Family(
        "sendmail",
        ("(authenticated bits=", "/Submit)", "(Switch-"),
        pattern=re.compile(r"\(\d{1,2}\.\d{1,2}\.\d{1,2}(?:\.\w{1,12})?/\d"),
    ),
    Family("fetchmail", lower_needles=("with pop", "with imap", "fetchmail", "getmail")),
    Family(
        "webmail",
        lower_needles=(" with http", "squirrelmail", "nasmail", "roundcube", "(via http", " via http"),
    ),
)
"""Ordered by priority: the first family that matches names the line."""

# qmail without a "(qmail ...)" marker is recognised by its shape; tried only when nothing else matched.
_QMAIL_SHAPE = re.compile(
    r"from \S{1,255} (?:\((?:HELO|EHLO) [^)]{0,255}\) )?\((?:\S{1,128}@)?\[?[0-9a-fA-F.:]{3,45}\]?\)"
    r"(?: \(envelope-sender <[^>]{0,255}>\))? by \S{1,255} (?:\(\S{1,64}\) )?"
    r"with (?:\([^)]{0,80}\) )?(?:E?SMTPS?A?|QMQP)(?: for \S{1,255})?$"
)
_QMAIL = next(family for family in FAMILIES if family.name == "qmail")
_EXCHANGE = next(family for family in FAMILIES if family.name == "exchange")


class _Markers(NamedTuple):
    """Every family marker numbered in priority order (FAMILIES order, then needles, lower-case needles,
    pattern), split by how it is tested; each list is in priority order."""

    after_paren: dict[str, tuple[tuple[str, int], ...]]
    """Case-sensitive markers ``(...`` holding no other ``(``, by the character after the parenthesis, as
    (rest, priority): such a marker occurs exactly when the text after some ``(`` starts with its rest."""
    text: tuple[tuple[str, int], ...]
    """Other case-sensitive markers."""
    lower: tuple[tuple[str, int], ...]
    """Markers looked for in the lower-cased line."""
    patterns: tuple[tuple[re.Pattern[str], int], ...]
    families: tuple[Family, ...]
    """The family of each priority."""


def _markers() -> _Markers:
    after_paren: dict[str, list[tuple[str, int]]] = {}
    text: list[tuple[str, int]] = []
    lower: list[tuple[str, int]] = []
    patterns: list[tuple[re.Pattern[str], int]] = []
    families: list[Family] = []
    for family in FAMILIES:
        for needle in family.needles:
            if needle.startswith("(") and len(needle) > 1 and "(" not in needle[1:]:
                after_paren.setdefault(needle[1], []).append((needle[1:], len(families)))
            else:
                text.append((needle, len(families)))
            families.append(family)
        for needle in family.lower_needles:
            lower.append((needle, len(families)))
            families.append(family)
        if family.pattern is not None:
            patterns.append((family.pattern, len(families)))
            families.append(family)
    return _Markers(
        {char: tuple(rests) for char, rests in after_paren.items()},
        tuple(text),
        tuple(lower),
        tuple(patterns),
        tuple(families),
    )


_MARKERS = _markers()


def _family(text: str, lower: str) -> Family | None:
    """The first family (in priority order) whose markers occur in the line (``lower``: lower-cased).

    The best (lowest) matching priority is sought kind by kind, each search stopping at the best so far.
    """
    markers = _MARKERS
    best = len(markers.families)
    if "(" in text:
        for part in text.split("(")[1:]:
            for rest, priority in markers.after_paren.get(part[:1], ()):
                if priority < best and part.startswith(rest):
                    best = priority
                    break  # in priority order: the first rest that fits is this part's best
    for haystack, needles in ((text, markers.text), (lower, markers.lower)):
        for needle, priority in needles:
            if priority > best:
                break
            if needle in haystack:
                best = priority
                break
    for pattern, priority in markers.patterns:
        if priority > best:
            break
        if pattern.search(text) is not None:
            best = priority
            break
    if best < len(markers.families):
        return markers.families[best]
    if _QMAIL_SHAPE.match(text):
        return _QMAIL
    return None


def _clean_addr(word: str | None) -> str | None:
    if not word:
        return None
    word = word.strip().strip(",;").strip("<>").strip()
    return word or None


def _protocol(words: list[str]) -> str | None:
    """The ``with`` protocol: one word, except Microsoft's and XMail's multi-word names."""
    if not words:
        return None
    first = words[0]
    if first == "Microsoft":
        return " ".join(words[:4]).strip(";,")
    if first == "MailEnable" and len(words) > 1:
        return f"{first} {words[1]}".strip(";,")  # "with MailEnable ESMTP"
    if first.startswith("[") and not first.endswith("]"):
        taken = [first]
        for word in words[1:5]:
            taken.append(word)
            if word.endswith("]"):
                break
        return " ".join(taken)
    return first.strip(";,") or None


def _auth(
    line: _Line, lower: str, with_: str | None, from_clause: _Clause | None, by: str | None, id_: str | None
) -> str | None:
    """The authentication marker of the line, as written, or None."""
    if with_:
        proto = with_.split(None, 1)[0]
        if _AUTH_PROTO.fullmatch(proto):
            return proto.upper()
        if "HTTP-DAV" in with_:
            return "HTTP-DAV"
    if "auth" in lower or "via http" in lower:
        for clause in line.clauses:
            if clause.keyword not in ("", "from", "by", "via", "with"):
                continue
            for comment in clause.comments:
                low = comment.lower()
                if "auth" in low:
                    if "not authenticated" in low or "unauthenticated" in low:
                        continue
                    match = _AUTH_COMMENT.match(comment)
                    if match:
                        return match.group().strip()
                elif low.startswith("via http"):
                    return comment.strip()
    if from_clause is not None and _LOGIN_COMMENT.search(lower) is not None:
        for comment in from_clause.comments:
            login = _LOGIN_COMMENT.search(comment) if " with " in comment else None
            if login:
                return login.group()  # Yahoo-style "(user@1.2.3.4 with login)"
    if from_clause is not None and "account" in lower and "CommuniGate" in line.text:
        for comment in from_clause.comments:
            account = _ACCOUNT.match(comment)
            if account:
                return f"account {account.group(1)}"
    via = line.first("via")
    if via is not None and via.words and via.words[0].upper().startswith("HTTP") and by:
        return "via " + via.words[0]
    if by in ("mx.google.com", "smtp.gmail.com") and id_ and _GMAIL_SUBMISSION_ID.match(id_):
        return "Gmail submission"
    return None


def _envfrom(line: _Line, text: str) -> str | None:
    if "nvelope-" in text or "NVELOPE-" in text or "eturn-" in text or "ETURN-" in text:
        match = _ENVFROM.search(text)
        if match:
            return match.group(1)
    # XMail: "... for <rcpt> from <sender>"
    seen_by = False
    for clause in line.clauses:
        if clause.keyword == "by":
            seen_by = True
        elif clause.keyword == "from" and seen_by and clause.words and clause.words[0].startswith("<"):
            return clause.words[0].strip("<>")
    return None


def _split_date(text: str) -> tuple[str, datetime | None, str]:
    """(text before the date, the date, text after it such as Courier's trailing ``id``)."""
    head, sep, tail = text.rpartition(";")
    if sep:
        when = parse_mail_date(tail)
        if when is not None or not tail.strip() or len(tail) > 200:
            return head, when, tail
    # some MTAs omit the ";" before the date
    window_start = max(0, len(text) - 120)
    match = _TRAILING_DATE.search(text, window_start)
    if match:
        when = parse_mail_date(match.group())
        if when is not None:
            return text[: match.start()], when, match.group()
    return text, None, ""


def parse_received(value: str) -> Hop:
    """Parse the value of one Received header (without the ``Received:`` name) into a Hop.

    Folding whitespace is undone here. Never raises: text that is not a Received line gives a Hop
    with only ``raw`` (and ``relay=False``). ``delay_s`` and ``trusted`` are left for the trace.
    """
    raw = value if isinstance(value, str) else str(value)
    try:
        return _parse(raw)
    except Exception:  # the parser must never stop an analysis; keep the line as text
        return Hop(raw=raw, relay=False)


def _parse(raw: str) -> Hop:
    text = " ".join(raw.split())
    if text[:9].lower() == "received:":
        text = text[9:].lstrip()
    body, when, after = _split_date(text)
    body = body[:_MAX_BODY].strip().rstrip(";").strip()
    if not body:
        return Hop(raw=raw, timestamp=when, relay=False)
    line = _tokenise(body)
    lower = body.lower()
    family = _family(body, lower)

    first = line.index()
    from_clause = first.get("from")
    by_clause = first.get("by")
    with_clause = first.get("with")
    id_clause = first.get("id")
    for_clause = first.get("for")

    by = by_clause.words[0].rstrip(";,") if by_clause and by_clause.words else None
    with_ = _protocol(with_clause.words) if with_clause else None
    id_ = _clean_addr(id_clause.words[0]) if id_clause and id_clause.words else None
    if id_ is None and " id " in after:
        # Courier writes the queue id after the date
        trailing = _TRAILING_ID.search(after)
        id_ = trailing.group(1) if trailing else None
    for_ = _clean_addr(for_clause.words[0]) if for_clause and for_clause.words else None
    if family is _EXCHANGE and id_ and _EXCHANGE_BUILD.fullmatch(id_):
        id_ = None  # Exchange writes its build number where others write a queue id

    fields = _Fields()
    leading_comment = False
    # "from" must start the line; otherwise it is a qmail/pickup line or a wrapped comment.
    if from_clause is not None and line.clauses and line.clauses[0] is from_clause:
        _glue_helo_comment(from_clause, body)
        reader = family.read_from if family is not None else _read_from_helo_first
        fields = reader(from_clause)
    elif line.clauses and line.clauses[0].keyword == "" and not line.clauses[0].words:
        # "(from user@localhost) by host ..." (Sendmail submission, Norton gateway): inside the comment
        inner = line.clauses[0].comments[0] if line.clauses[0].comments else ""
        if inner[:5].lower() == "from ":
            sub = _tokenise(inner)
            sub_from = sub.first("from")
            if sub_from is not None:
                fields = _read_from_helo_first(sub_from)
                if fields.ip is None and fields.helo and "@" in fields.helo:
                    # Sendmail "(from user@localhost)": a local login, not a HELO name
                    fields = _Fields(ident=fields.helo.rpartition("@")[0] or None)
                from_clause = sub_from
                leading_comment = True

    envfrom = _envfrom(line, text)
    local_channel = False
    if from_clause is not None and from_clause.words:
        first_word = from_clause.words[0]
        if _not_a_client(from_clause.words):
            fields = _Fields()  # "from mail pickup service", "from userid 1000"
        elif fields.ip is None and not from_clause.comments and _DAEMON_CHANNEL.match(first_word):
            # Sun / Oracle Messaging Server's internal channels: "from sims-ms-daemon by host",
            # "from conversion-daemon.host by host" (message store, conversion): not a network client
            fields = _Fields()
            local_channel = True
        elif fields.ip is None and "@" in first_word and with_ and with_.lower().startswith("qmail-scanner"):
            # qmail-scanner: "from sender@domain by host by uid N with qmail-scanner-x": the envelope sender
            fields = _Fields()
            envfrom = envfrom or first_word.strip("<>")
        elif family is not None and family.name == "exim" and with_ and with_.lower().startswith("local"):
            # Exim local submission: "from <login> (helo=...) by host with local-esmtp"
            helo_eq, _, _ = _comment_helo(from_clause.comments)
            fields = _Fields(helo=helo_eq, ident=from_clause.words[0])

    relay = not local_channel and _is_relay(from_clause, line, with_, fields, by, leading_comment)
    auth = _auth(line, lower, with_, from_clause, by, id_)
    return Hop(
        raw=raw,
        from_helo=fields.helo,
        from_rdns=fields.rdns,
        from_ip=fields.ip,
        ident=fields.ident,
        by=by,
        with_=with_,
        id=id_,
        for_=for_,
        envfrom=envfrom,
        auth=auth,
        timestamp=when,
        relay=relay,
        mta=family.name if family is not None else None,
    )


def _glue_helo_comment(clause: _Clause, body: str) -> None:
    """``from x([203.0.113.5]) (unknown [198.51.100.7])``: a HELO name with parentheses in it.

    The client chooses its HELO freely, and Postfix and Sendmail write it verbatim; a comment glued to
    the first word (no space before the parenthesis) is part of that name, not the server's record of
    the client's address, which follows it.
    """
    if not clause.words or not clause.comments or len(clause.comments) < 2:
        return
    first = clause.words[0]
    if f" {first}(" not in body and not body.startswith(f"from {first}("):
        return
    clause.words[0] = f"{first}({clause.comments[0]})"
    del clause.comments[0]


def _not_a_client(words: list[str]) -> bool:
    """``from mail pickup service`` (Microsoft) and ``from userid 1000``: local submissions."""
    if len(words) < 2:
        return False
    first, second = words[0].lower(), words[1].lower()
    return (first == "mail" and second == "pickup") or (first == "userid" and second.isdigit())


def _is_relay(
    from_clause: _Clause | None,
    line: _Line,
    with_: str | None,
    fields: _Fields,
    by: str | None,
    leading_comment: bool,
) -> bool:
    """Whether the line records a network hand-over (as opposed to a local pickup or a fetch)."""
    if from_clause is None:
        return False
    if leading_comment:
        return fields.ip is not None
    if not line.clauses or line.clauses[0] is not from_clause:
        return False
    words = from_clause.words
    if _not_a_client(words):
        return False
    if with_:
        proto = with_.split(None, 1)[0].lower()
        if proto.startswith(_NON_RELAY_PROTOCOLS):
            return False
    if fields.ip is not None:
        return True
    # A hand-over whose client address was not recorded is still a hand-over (the trace reports it);
    # local sockets ("[local]", "[unix socket]") and clauses with nothing in them are not.
    for comment in from_clause.comments:
        if _LOCAL_SOCKET.search(comment):
            return False
    return by is not None and bool(words or from_clause.comments)
