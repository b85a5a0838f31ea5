"""Analysis settings as one immutable object (the ``email.policy`` habit: clone to change)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, replace
from typing import Any

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class AnalysisPolicy:
    """What the analysis may assume about the provider's own servers and about the customer.

    ``trusted_networks`` / ``trusted_hosts`` describe the provider's own mail servers (from flags or a
    profile). ``trusted_hosts`` entries match a host name exactly or, when they start with a dot, as a
    suffix (``.example.ne.jp``). ``customer_ips`` / ``customer_hosts`` identify the customer's PC(s).
    """

    trusted_networks: tuple[IPNetwork, ...] = ()
    trusted_hosts: tuple[str, ...] = ()
    customer_ips: tuple[IPNetwork, ...] = ()
    customer_hosts: tuple[str, ...] = ()
    home_country: str = "JP"
    max_input_bytes: int = 10 * 1024 * 1024

    def clone(self, **changes: Any) -> AnalysisPolicy:
        """A copy with ``changes`` applied; the original is untouched."""
        return replace(self, **changes)

    @classmethod
    def from_strings(
        cls,
        trusted: list[str] | tuple[str, ...] = (),
        customer_ips: list[str] | tuple[str, ...] = (),
        customer_hosts: list[str] | tuple[str, ...] = (),
        home_country: str = "JP",
    ) -> AnalysisPolicy:
        """Build a policy from command-line style strings.

        Each ``trusted`` item is a CIDR / IP (network) or else a host name. Raises ``ValueError`` with a
        readable message for an item that is neither.
        """
        nets: list[IPNetwork] = []
        hosts: list[str] = []
        for item in trusted:
            item = item.strip()
            if not item:
                continue
            try:
                nets.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                if not _looks_like_host(item):
                    raise ValueError(f"not an IP network or host name: {item!r}") from None
                hosts.append(item.lower().rstrip("."))
        cust: list[IPNetwork] = []
        for item in customer_ips:
            try:
                cust.append(ipaddress.ip_network(item.strip(), strict=False))
            except ValueError:
                raise ValueError(f"not an IP address or network: {item!r}") from None
        return cls(
            trusted_networks=tuple(nets),
            trusted_hosts=tuple(hosts),
            customer_ips=tuple(cust),
            customer_hosts=tuple(h.strip().lower().rstrip(".") for h in customer_hosts if h.strip()),
            home_country=home_country.upper(),
        )


def _looks_like_host(text: str) -> bool:
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-._")
    return bool(text) and all(ch in allowed for ch in text.lower()) and len(text) <= 253


DEFAULT_POLICY = AnalysisPolicy()
