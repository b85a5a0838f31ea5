"""MX of the sender domain and whether the domain exists at all (NXDOMAIN free-mail lookalikes)."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.dnscheck.resolver import DnsClient, Status
from wizard.core.model import JsonValue

FREE_MAIL = (
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp", "ymail.com", "outlook.com", "outlook.jp",
    "hotmail.com", "hotmail.co.jp", "live.com", "live.jp", "msn.com", "icloud.com", "me.com", "aol.com",
    "gmx.com", "gmx.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "126.com", "naver.com",
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "nifty.com", "biglobe.ne.jp",
    "ocn.ne.jp", "so-net.ne.jp", "proton.me", "protonmail.com", "zoho.com",
)
"""Well-known free-mail / mobile carrier domains that spammers imitate."""


@dataclass(frozen=True, slots=True)
class MxResult:
    """Mail exchangers of a domain and whether the domain exists.

    ``exists``: False on NXDOMAIN, None when the lookup failed. ``implicit``: no MX but an address
    record (RFC 5321 implicit MX). ``null_mx``: ``MX 0 .`` (the domain takes no mail, RFC 7505).
    ``lookalike_of``: the free-mail domain this non-existent domain imitates.
    """

    domain: str
    exists: bool | None
    hosts: tuple[str, ...] = ()
    implicit: bool = False
    null_mx: bool = False
    lookalike_of: str | None = None
    status: str = "ok"
    errors: tuple[str, ...] = ()

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {"domain": self.domain, "exists": self.exists, "hosts": list(self.hosts),
                "implicit": self.implicit, "null_mx": self.null_mx, "lookalike_of": self.lookalike_of,
                "status": self.status, "errors": list(self.errors)}


def check_mx(client: DnsClient, domain: str) -> MxResult:
    """MX records of ``domain`` (by preference); on NODATA, the A/AAAA fallback."""
    domain = domain.lower().rstrip(".")
    answer = client.query(domain, "MX")
    if answer.status is Status.NXDOMAIN:
        return MxResult(domain, False, lookalike_of=lookalike(domain), status="nxdomain")
    if answer.failed:
        return MxResult(domain, None, status=answer.status.value, errors=(answer.describe(),))
    if answer.ok:
        pairs: list[tuple[int, str]] = []
        for value in answer.values:
            pref, _, host = value.partition(" ")
            pairs.append((int(pref) if pref.isdigit() else 0, host))
        pairs.sort()
        hosts = tuple(host for _, host in pairs if host and host != ".")
        null = not hosts and any(host == "." for _, host in pairs)
        return MxResult(domain, True, hosts, null_mx=null)
    errors: list[str] = []
    for rdtype in ("A", "AAAA"):
        fallback = client.query(domain, rdtype)
        if fallback.ok:
            return MxResult(domain, True, (domain,), implicit=True)
        if fallback.failed:
            errors.append(fallback.describe())
    return MxResult(domain, True, status="no_mx", errors=tuple(errors))


def lookalike(domain: str, candidates: tuple[str, ...] = FREE_MAIL) -> str | None:
    """The well-known domain within edit distance 2 of ``domain`` (not equal), if any."""
    best: tuple[int, str] | None = None
    for known in candidates:
        if known == domain or abs(len(known) - len(domain)) > 2:
            continue
        distance = _distance(domain, known)
        if distance <= 2 and (best is None or distance < best[0]):
            best = (distance, known)
    return best[1] if best else None


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]
