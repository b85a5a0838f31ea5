"""Find mail addresses, IP addresses and host names in free text (for search and redaction)."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from functools import lru_cache

from publicsuffixlist import PublicSuffixList

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?",
    re.ASCII,
)
IPV4_RE = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)", re.ASCII)
IPV6_RE = re.compile(
    r"(?<![\w:.])(?:IPv6:)?(?=[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:)[0-9A-Fa-f:]{2,39}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?"
    r"(?![\w:])",
    re.ASCII,
)
HOST_RE = re.compile(
    r"(?<![\w.-])(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}(?![\w-])\.?",
    re.ASCII,
)
LOCAL_PART_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._+-]{0,63}@(?![A-Za-z0-9])", re.ASCII)
"""A mail address cut after its ``@`` (``tanaka@`` in a note)."""
SPECIAL_TLDS = frozenset(
    {"example", "test", "invalid", "localhost", "local", "lan", "internal", "home", "corp"}
)
"""Special-use and common private top-level names treated as host names too (RFC 2606 / 6761 / 6762)."""


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def public_suffix(host: str) -> str | None:
    """The public suffix of ``host`` (``co.jp`` for ``mx.foo.co.jp``), a special-use TLD, or None."""
    name = host.lower().rstrip(".")
    last = name.rsplit(".", 1)[-1]
    if last in SPECIAL_TLDS:
        return last
    suffix: str | None = _psl().publicsuffix(name, accept_unknown=False)
    return suffix


def is_ip(text: str) -> bool:
    """True when ``text`` is an IPv4 or IPv6 address (``IPv6:`` prefix allowed)."""
    candidate = text[5:] if text[:5].lower() == "ipv6:" else text
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return True


def find_emails(text: str) -> Iterator[str]:
    """Mail addresses in ``text``, each once, in order of appearance."""
    yield from dict.fromkeys(m.group(0) for m in EMAIL_RE.finditer(text))


def find_ips(text: str) -> Iterator[str]:
    """IPv4 and IPv6 addresses in ``text`` (validated, as written), each once."""
    for regex in (IPV4_RE, IPV6_RE):
        for candidate in dict.fromkeys(m.group(0) for m in regex.finditer(text)):
            if is_ip(candidate):
                yield candidate


def find_hosts(text: str) -> Iterator[str]:
    """Host names in ``text`` whose ending is a known public suffix or a special-use TLD, each once."""
    for host in dict.fromkeys(m.group(0).rstrip(".") for m in HOST_RE.finditer(text)):
        if "." in host and not is_ip(host) and public_suffix(host) not in (None, host.lower()):
            yield host


@lru_cache(maxsize=256)
def _terms_of(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for email in find_emails(text):
        seen[email.lower()] = None
        seen[email.rsplit("@", 1)[1].lower()] = None
    for ip in find_ips(text):
        seen[ip.lower()] = None
    for host in find_hosts(text):
        seen[host.lower()] = None
    return tuple(seen)


def search_terms(*texts: str, limit: int = 65536) -> str:
    """Lower-cased, de-duplicated addresses, IPs and host names of ``texts`` (plus the domains of the
    addresses), joined by spaces and capped at ``limit`` characters: the searchable form of a case.
    Results per text are cached, so re-saving a case with large samples stays cheap."""
    seen: dict[str, None] = {}
    for text in texts:
        seen.update(dict.fromkeys(_terms_of(text)))
    return " ".join(seen)[:limit]
