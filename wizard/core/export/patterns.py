"""Block-list patterns: parse, validate and match ``*@domain``-style entries.

The syntax is SpamAssassin's ``blocklist_from`` glob (``*`` any run of characters, ``?`` one
character, compared case-insensitively with the whole address). To keep every exporter injection-safe
the wizard accepts a conservative subset: local parts of letters, digits, ``. _ + - =`` and the
wildcards; domains of LDH labels, optionally starting with a ``*.`` label, non-ASCII domains converted
to their ``xn--`` form. Anything else is refused with a message saying which character or rule failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MAX_PATTERN_LEN = 254
_LOCAL_OK = re.compile(r"[A-Za-z0-9._+=*?-]+")
_LABEL_OK = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


class PatternError(ValueError):
    """A block-list pattern the wizard refuses; the message says why (English, for CLI and logs)."""

    def __init__(self, text: str, reason: str, code: str) -> None:
        shown = text if len(text) <= 60 else text[:57] + "..."
        super().__init__(f"block-list pattern {shown!r} refused: {reason}")
        self.text = text
        self.reason = reason
        self.code = code


@dataclass(frozen=True, slots=True)
class BlockPattern:
    """A validated pattern. ``kind``: ``domain`` (``*@example.com``), ``subdomains``
    (``*@*.example.com``), ``address`` (``user@example.com``) or ``glob`` (other wildcards)."""

    local: str
    domain: str
    kind: str
    original: str

    @property
    def text(self) -> str:
        """Canonical form, e.g. ``*@example.com``."""
        return f"{self.local}@{self.domain}"

    @property
    def base_domain(self) -> str:
        """The domain without a leading ``*.`` (what the entry is about)."""
        return self.domain[2:] if self.domain.startswith("*.") else self.domain

    def matches(self, address: str | None) -> bool:
        """True when ``address`` (a bare ``local@domain``) matches, case-insensitively."""
        if not address:
            return False
        return _glob_regex(self.text).fullmatch(address.strip().lower()) is not None


@lru_cache(maxsize=1024)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    parts = []
    for ch in pattern.lower():
        if ch == "*":
            parts.append(".*")
        elif ch == "?":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.DOTALL)


def _describe_char(ch: str) -> str:
    if ch == "\n" or ch == "\r":
        return "a line break"
    if ord(ch) < 32 or ord(ch) == 127:
        return f"a control character (U+{ord(ch):04X})"
    if ch.isspace():
        return "a space"
    return f"the character {ch!r}"


def parse_pattern(text: str) -> BlockPattern:
    """Validate one entry as typed by the agent; raises :class:`PatternError` with the reason.

    Accepted shorthands: ``example.com`` and ``@example.com`` mean ``*@example.com``;
    ``*.example.com`` means ``*@*.example.com``.
    """
    original = text
    text = text.strip()
    if not text:
        raise PatternError(original, "empty", "empty")
    if len(text) > MAX_PATTERN_LEN:
        raise PatternError(original, f"longer than {MAX_PATTERN_LEN} characters", "too_long")
    for ch in text:
        if ord(ch) < 32 or ord(ch) == 127 or ch.isspace():
            raise PatternError(original, f"contains {_describe_char(ch)}", "bad_char")
    if text.count("@") > 1:
        raise PatternError(original, "more than one @", "bad_syntax")
    if "@" in text:
        local, domain = text.split("@")
        local = local or "*"
    else:
        local, domain = "*", text
    if not _LOCAL_OK.fullmatch(local):
        bad = next((c for c in local if not _LOCAL_OK.fullmatch(c)), "?")
        raise PatternError(original, f"local part contains {_describe_char(bad)} (allowed: letters, digits, "
                                     ". _ + - = and the wildcards * ?)", "bad_char")
    if not local.isascii():
        raise PatternError(original, "local part is not ASCII", "bad_char")
    domain = domain.rstrip(".").lower()
    if not domain:
        raise PatternError(original, "no domain", "bad_syntax")
    wildcard = domain.startswith("*.")
    body = domain[2:] if wildcard else domain
    if not body.isascii():
        try:
            body = body.encode("idna").decode("ascii")
        except UnicodeError:
            raise PatternError(original, "the domain is not a valid internationalised domain name",
                               "bad_domain") from None
    labels = body.split(".")
    for label in labels:
        if not label:
            raise PatternError(original, "empty label in the domain (two dots in a row?)", "bad_domain")
        if not _LABEL_OK.fullmatch(label):
            odd = next((c for c in label if not (c.isalnum() and c.isascii()) and c != "-"), None)
            reason = (f"domain contains {_describe_char(odd)}" if odd is not None
                      else f"domain label {label[:70]!r} is not a valid host label")
            raise PatternError(original, reason, "bad_domain")
    if len(labels) < 2:
        raise PatternError(original, "the domain needs at least two labels (e.g. example.com)", "bad_domain")
    if len(body) > 253:
        raise PatternError(original, "domain longer than 253 characters", "too_long")
    domain = ("*." if wildcard else "") + body
    if local == "*":
        kind = "subdomains" if wildcard else "domain"
    elif wildcard or "*" in local or "?" in local:
        kind = "glob"
    else:
        kind = "address"
    return BlockPattern(local=local, domain=domain, kind=kind, original=original)


def parse_patterns(texts: list[str] | tuple[str, ...]) -> tuple[tuple[BlockPattern, ...],
                                                                tuple[PatternError, ...]]:
    """Parse many entries; duplicates (same canonical form) are dropped, refusals returned separately."""
    good: list[BlockPattern] = []
    bad: list[PatternError] = []
    seen: set[str] = set()
    for text in texts:
        try:
            pattern = parse_pattern(text)
        except PatternError as exc:
            bad.append(exc)
            continue
        if pattern.text not in seen:
            seen.add(pattern.text)
            good.append(pattern)
    return tuple(good), tuple(bad)
