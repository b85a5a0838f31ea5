"""Reverse DNS of a relay and forward confirmation (FCrDNS), compared with what the header recorded."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from wizard.core.dnscheck.resolver import DnsClient
from wizard.core.model import JsonValue

NAME_LIMIT = 10


@dataclass(frozen=True, slots=True)
class PtrResult:
    """What DNS says about one relay IP now.

    ``fcrdns`` is True when a PTR name resolves back to the IP, False when there is no PTR or none
    resolves back, None when a lookup failed (unknown). ``header_mismatch`` is True when the name the
    receiving server recorded in the Received header is not among today's PTR names.
    """

    ip: str
    ptr: str | None
    names: tuple[str, ...] = ()
    fcrdns: bool | None = None
    header_rdns: str | None = None
    header_mismatch: bool | None = None
    status: str = "ok"
    errors: tuple[str, ...] = ()

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form (``ptr`` and ``fcrdns`` are the contract's relay fields)."""
        return {"ip": self.ip, "ptr": self.ptr, "names": list(self.names), "fcrdns": self.fcrdns,
                "header_rdns": self.header_rdns, "header_mismatch": self.header_mismatch,
                "status": self.status, "errors": list(self.errors)}


def normalise_host(name: str | None) -> str | None:
    """Lower-case without the final dot; None for empty text."""
    if not name:
        return None
    text = name.strip().strip("[]").rstrip(".").lower()
    return text or None


def check_ptr(client: DnsClient, ip: str, header_rdns: str | None = None) -> PtrResult:
    """PTR of ``ip``, then A/AAAA of each name (up to 10) to confirm it points back."""
    header = normalise_host(header_rdns)
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return PtrResult(ip, None, status="error", header_rdns=header, errors=(f"{ip}: not an IP address",))
    answer = client.ptr(str(addr))
    if answer.failed:
        return PtrResult(str(addr), None, header_rdns=header, status=answer.status.value,
                         errors=(answer.describe(),))
    names = tuple(dict.fromkeys(answer.values))[:NAME_LIMIT]
    mismatch = header_mismatch(header, names)
    if not names:
        return PtrResult(str(addr), None, (), False, header, mismatch, answer.status.value)
    rdtype = "A" if addr.version == 4 else "AAAA"
    errors: list[str] = []
    confirmed: str | None = None
    for name in names:
        forward = client.query(name, rdtype)
        if forward.failed:
            errors.append(forward.describe())
            continue
        if any(_same(value, addr) for value in forward.values):
            confirmed = name
            break
    if confirmed is not None:
        fcrdns: bool | None = True
    else:
        fcrdns = None if errors else False
    shown = confirmed or names[0]
    return PtrResult(str(addr), shown, names, fcrdns, header, mismatch, "ok", tuple(errors))


def header_mismatch(header: str | None, names: tuple[str, ...]) -> bool | None:
    """True when the header's name is not among ``names`` (``unknown`` then means "had none");
    None without a header name."""
    if header is None:
        return None
    if header == "unknown":
        return bool(names)
    return header not in names


def _same(text: str, addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    try:
        return ipaddress.ip_address(text) == addr
    except ValueError:
        return False
