"""DNS block lists: IP lists for relays, domain lists for the sender domain, answers decoded.

The lists come from ``resources/dnsbl.json`` (see its ``_about``). A refusal answer (Spamhaus
127.255.255.x, SURBL/URIBL 127.0.0.1, ...) and an answer outside 127.0.0.0/8 (a resolver that rewrites
NXDOMAIN into an advert server) are reported with ``listed = None``: never as a listing.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.core.dnscheck.resolver import DnsClient, Status
from wizard.core.model import JsonValue
from wizard.resources import resource_path

_LOOPBACK = ipaddress.ip_network("127.0.0.0/8")


@dataclass(frozen=True, slots=True)
class DnsblZone:
    """One block list as configured."""

    zone: str
    name: str
    kind: str = "ip"
    """``"ip"`` or ``"domain"``."""
    codes: Mapping[str, str] = field(default_factory=dict)
    bitmask: Mapping[int, str] = field(default_factory=dict)
    errors: Mapping[str, str] = field(default_factory=dict)
    error_ranges: tuple[str, ...] = ()
    error_default: str = "query refused (not a listing)"
    ipv6: bool = False
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class DnsblResult:
    """The answer of one list for one IP or domain.

    ``listed``: True (listed), False (not listed), None (unknown: refused, failed, not asked).
    """

    zone: str
    name: str
    subject: str
    listed: bool | None
    codes: tuple[str, ...] = ()
    meaning: str = ""
    status: str = "ok"
    refused: bool = False

    def to_json(self) -> dict[str, JsonValue]:
        """The contract form ``{"zone", "listed", "codes", "meaning"}``."""
        return {"zone": self.zone, "listed": self.listed, "codes": list(self.codes), "meaning": self.meaning}


@dataclass(frozen=True, slots=True)
class DnsblConfig:
    """Both kinds of lists, plus problems met reading the file (data, never raised)."""

    ip: tuple[DnsblZone, ...] = ()
    domain: tuple[DnsblZone, ...] = ()
    errors: tuple[str, ...] = ()


def default_config_path() -> Path:
    """``resources/dnsbl.json``."""
    return resource_path("dnsbl.json")


def load_config(path: Path | str | None = None) -> DnsblConfig:
    """Read the list configuration; a missing or broken file gives no lists and an error message."""
    target = Path(path) if path is not None else default_config_path()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return DnsblConfig(errors=(f"block list configuration {target.name} unreadable: {exc}",))
    if not isinstance(data, dict):
        return DnsblConfig(errors=(f"block list configuration {target.name} is not an object",))
    errors: list[str] = []
    kinds: dict[str, list[DnsblZone]] = {"ip": [], "domain": []}
    for kind, zones in kinds.items():
        for index, item in enumerate(data.get(kind) or []):
            try:
                zone = _zone(item, kind)
            except (TypeError, ValueError, KeyError) as exc:
                errors.append(f"{target.name}: {kind}[{index}] ignored: {exc}")
                continue
            if zone.enabled:
                zones.append(zone)
    return DnsblConfig(tuple(kinds["ip"]), tuple(kinds["domain"]), tuple(errors))


def _zone(item: Any, kind: str) -> DnsblZone:
    if not isinstance(item, dict) or not isinstance(item.get("zone"), str) or not item["zone"].strip():
        raise ValueError("needs a 'zone' string")
    zone = item["zone"].strip().strip(".").lower()
    codes = {str(k): str(v) for k, v in dict(item.get("codes") or {}).items()}
    bitmask = {int(k): str(v) for k, v in dict(item.get("bitmask") or {}).items()}
    errors = {str(k): str(v) for k, v in dict(item.get("errors") or {}).items()}
    ranges = tuple(str(r) for r in item.get("error_ranges") or ())
    for text in ranges:
        ipaddress.ip_network(text, strict=False)
    return DnsblZone(zone=zone, name=str(item.get("name") or zone), kind=kind, codes=codes,
                     bitmask=bitmask, errors=errors, error_ranges=ranges,
                     error_default=str(item.get("error_default") or "query refused (not a listing)"),
                     ipv6=bool(item.get("ipv6", False)), enabled=bool(item.get("enabled", True)))


def ip_query_name(ip: str, zone: str) -> str | None:
    """``4.3.2.1.zone`` for IPv4, nibbles for IPv6; None for text that is not an IP."""
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return None
    if addr.version == 4:
        return ".".join(reversed(str(addr).split("."))) + "." + zone
    return ".".join(reversed(addr.exploded.replace(":", ""))) + "." + zone


def check_ip(client: DnsClient, ip: str, zone: DnsblZone) -> DnsblResult:
    """Ask ``zone`` about ``ip``."""
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return DnsblResult(zone.zone, zone.name, ip, None, meaning="not an IP address", status="error")
    if addr.version == 6 and not zone.ipv6:
        return DnsblResult(zone.zone, zone.name, ip, None, meaning="not checked: this list has no IPv6 data",
                           status="skipped")
    if not addr.is_global:
        return DnsblResult(zone.zone, zone.name, ip, None, meaning="not checked: private or reserved address",
                           status="skipped")
    name = ip_query_name(str(addr), zone.zone)
    assert name is not None
    return _ask(client, name, str(addr), zone)


def check_domain(client: DnsClient, domain: str, zone: DnsblZone) -> DnsblResult:
    """Ask a domain list about ``domain`` (pass the organisational domain)."""
    return _ask(client, f"{domain.rstrip('.')}.{zone.zone}", domain, zone)


def _ask(client: DnsClient, name: str, subject: str, zone: DnsblZone) -> DnsblResult:
    answer = client.query(name, "A")
    if answer.status in (Status.NXDOMAIN, Status.NODATA):
        return DnsblResult(zone.zone, zone.name, subject, False, meaning="not listed",
                           status=answer.status.value)
    if answer.failed:
        reason = {"timeout": "no answer in time", "servfail": "the list's servers failed to answer",
                  "skipped": "not checked"}.get(answer.status.value, answer.error or "lookup error")
        return DnsblResult(zone.zone, zone.name, subject, None, meaning=f"unknown: {reason}",
                           status=answer.status.value)
    codes = tuple(sorted(set(answer.values), key=_ip_key))
    listed_meanings: list[str] = []
    error_meanings: list[str] = []
    for code in codes:
        kind, text = decode(zone, code)
        (listed_meanings if kind == "listed" else error_meanings).append(text)
    if listed_meanings:
        return DnsblResult(zone.zone, zone.name, subject, True, codes,
                           "; ".join(dict.fromkeys(listed_meanings)), "ok")
    return DnsblResult(zone.zone, zone.name, subject, None, codes, "; ".join(dict.fromkeys(error_meanings)),
                       "refused", refused=True)


def decode(zone: DnsblZone, code: str) -> tuple[str, str]:
    """Classify one answer address: ``("listed", meaning)`` or ``("error", meaning)``."""
    try:
        addr = ipaddress.ip_address(code)
    except ValueError:
        return "error", f"unexpected answer {code!r}"
    if code in zone.errors:
        return "error", zone.errors[code]
    if any(addr in ipaddress.ip_network(r, strict=False) for r in zone.error_ranges):
        return "error", zone.error_default
    if addr.version != 4 or addr not in _LOOPBACK:
        return "error", (f"unexpected answer {code}: the resolver seems to rewrite 'no such name' "
                         "answers; ask through another resolver")
    if code in zone.codes:
        return "listed", zone.codes[code]
    if zone.bitmask:
        last = int(code.rsplit(".", 1)[1])
        names = [text for bit, text in sorted(zone.bitmask.items()) if last & bit]
        if names:
            return "listed", ", ".join(names)
        return "error", f"answer {code} has no known list bit"
    return "listed", f"listed ({code})"


def _ip_key(text: str) -> tuple[int, str]:
    try:
        return int(ipaddress.ip_address(text)), text
    except ValueError:
        return 0, text
