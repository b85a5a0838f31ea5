"""Domain helpers: the domain of an address and the organisational domain from the public suffix list.

``publicsuffixlist`` ships the list inside the package (no network); it is parsed on first use, not at
import.
"""

from __future__ import annotations

import re
import threading
from email.utils import parseaddr
from typing import Any

_psl_lock = threading.Lock()
_psl: Any = None
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$")


def _list() -> Any:
    global _psl
    with _psl_lock:
        if _psl is None:
            from publicsuffixlist import PublicSuffixList

            _psl = PublicSuffixList()
        return _psl


def normalise_domain(text: str | None) -> str | None:
    """Lower-case ASCII (IDNA) form of a domain, without the final dot; None when it is not one."""
    if not text:
        return None
    value = text.strip().strip("<>[]").rstrip(".").lower()
    if not value:
        return None
    if not value.isascii():
        try:
            value = value.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return value if _DOMAIN_RE.match(value) else None


def domain_of(address: str | None) -> str | None:
    """The domain part of a mail address (``"Name" <a@b.example>`` forms too), normalised."""
    if not address:
        return None
    _, addr = parseaddr(address)
    addr = addr or address.strip().strip("<>")
    if "@" not in addr:
        return None
    return normalise_domain(addr.rpartition("@")[2])


def org_domain(domain: str) -> str:
    """The organisational (registrable) domain per the public suffix list; ``domain`` itself when the
    list has no answer (a bare suffix or an unknown TLD)."""
    value = normalise_domain(domain) or domain.lower().rstrip(".")
    found = _list().privatesuffix(value)
    return str(found) if found else value


def aligned(a: str, b: str, mode: str = "r") -> bool:
    """DMARC identifier alignment: strict (``s``) needs equal names, relaxed the same org domain."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if mode == "s":
        return a == b
    return a == b or org_domain(a) == org_domain(b)
