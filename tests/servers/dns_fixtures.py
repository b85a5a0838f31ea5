"""pytest fixtures for the DNS checks: a real DNS server on 127.0.0.1 with zones for every case.

Import the fixtures into a test module (``from tests.servers.dns_fixtures import dns_server, ...``);
they are not in a conftest on purpose (tests/conftest.py is shared).
"""

from __future__ import annotations

from collections.abc import Iterator

import dns.resolver
import pytest

from tests.servers.dns_server import DnsTestServer
from wizard.core.dnscheck.resolver import DnsClient, ResolverConfig, make_resolver

Z = "zen.spamhaus.org"


def rev(ip: str) -> str:
    """Reversed IPv4 octets (no zone)."""
    return ".".join(reversed(ip.split(".")))


def ptr_name(ip: str) -> str:
    """in-addr.arpa name of an IPv4 address."""
    return rev(ip) + ".in-addr.arpa"


# Relay IPs used throughout (public addresses so the geo and DNSBL code treats them as such)
IP_LISTED = "45.33.32.156"      # ZEN SBL + XBL, PTR not confirmed
IP_PBL = "60.70.80.90"          # ZEN PBL, no PTR
IP_REFUSED = "91.92.93.94"      # ZEN answers 127.255.255.254, PTR SERVFAIL
IP_REWRITE = "23.24.25.26"      # SpamCop answers outside 127/8 (NXDOMAIN rewriting), PTR never answers
IP_CLEAN = "8.8.8.8"            # listed nowhere, FCrDNS ok
IP_JP = "133.242.0.1"           # a Japanese relay with FCrDNS
IP_TC = "104.16.0.1"            # PTR answer only over TCP (UDP truncated)

BASE_RECORDS: dict[str, list[tuple[str, str]]] = {
    # --- reverse DNS ---
    ptr_name(IP_CLEAN): [("PTR", "dns.google.")],
    "dns.google": [("A", IP_CLEAN)],
    ptr_name(IP_LISTED): [("PTR", "scanme.spam.example.")],
    "scanme.spam.example": [("A", "45.33.32.157")],
    ptr_name(IP_JP): [("PTR", "mx01.provider.example.jp.")],
    "mx01.provider.example.jp": [("A", IP_JP)],
    ptr_name(IP_TC): [("PTR", "relay.big.example.")],
    "relay.big.example": [("A", IP_TC)],
    # --- block lists ---
    f"{rev(IP_LISTED)}.{Z}": [("A", "127.0.0.2"), ("A", "127.0.0.4")],
    f"{rev(IP_LISTED)}.bl.spamcop.net": [("A", "127.0.0.2")],
    f"{rev(IP_PBL)}.{Z}": [("A", "127.0.0.11")],
    f"{rev(IP_REFUSED)}.{Z}": [("A", "127.255.255.254")],
    f"{rev(IP_REWRITE)}.bl.spamcop.net": [("A", "198.51.100.7")],
    "spammer.example.dbl.spamhaus.org": [("A", "127.0.1.2")],
    "refused.example.dbl.spamhaus.org": [("A", "127.255.255.254")],
    "spammer.example.multi.surbl.org": [("A", "127.0.0.80")],   # 64 ABUSE + 16 MW
    "refused.example.multi.uribl.com": [("A", "127.0.0.1")],
    # --- sender domains ---
    "spammer.example": [("MX", "10 mx2.spammer.example."), ("MX", "5 mx1.spammer.example."),
                        ("TXT", '"v=spf1 ip4:45.33.32.0/24 include:_spf.spammer.example -all"')],
    "_spf.spammer.example": [("TXT", '"v=spf1 include:_spf2.spammer.example ~all"')],
    "_spf2.spammer.example": [("TXT", '"v=spf1 ip4:60.70.80.0/24 -all"')],
    "mx1.spammer.example": [("A", "45.33.32.10")],
    "mx2.spammer.example": [("A", "45.33.32.11")],
    "_dmarc.spammer.example": [("TXT", '"v=DMARC1; p=reject; adkim=s"')],
    "mail.shop.example.co.jp": [("A", IP_JP),
                                ("TXT", '"v=spf1 a:mx01.provider.example.jp -all"')],
    "shop.example.co.jp": [("MX", "10 mx01.provider.example.jp."),
                           ("TXT", '"v=spf1 redirect=_spf.shop.example.co.jp"')],
    "_spf.shop.example.co.jp": [("TXT", '"v=spf1 a:mx01.provider.example.jp ~all"')],
    "_dmarc.example.co.jp": [("TXT", '"v=DMARC1; p=quarantine; sp=none; rua=mailto:d@example.co.jp"')],
    "example.co.jp": [("A", "133.242.0.2")],
    "nullmx.example": [("MX", "0 .")],
    "nomx.example": [("A", "192.0.2.44")],
    "noaddr.example": [("TXT", '"hello"')],
    "refused.example": [("MX", "10 mx.refused.example.")],
    # --- SPF edge cases ---
    "loop.example": [("TXT", '"v=spf1 include:loop2.example -all"')],
    "loop2.example": [("TXT", '"v=spf1 include:loop.example -all"')],
    "many.example": [("TXT", '"v=spf1 ' + " ".join(f"a:h{i}.many.example" for i in range(11)) + ' -all"')],
    **{f"h{i}.many.example": [("A", f"192.0.2.{i + 1}")] for i in range(11)},
    "void.example": [("TXT", '"v=spf1 a:nx1.void.example a:nx2.void.example a:nx3.void.example -all"')],
    "two.example": [("TXT", '"v=spf1 -all"'), ("TXT", '"v=spf1 +all"')],
    "syntax.example": [("TXT", '"v=spf1 ip4:1.2.3.4 frobnicate -all"')],
    "tempfail.example": [("TXT", '"v=spf1 include:servfail.example -all"')],
    "timeout.example": [("TXT", '"v=spf1 include:silent.example -all"')],
    "tcp.example": [("TXT", '"v=spf1 ' + " ".join(f"ip4:10.{i}.0.0/16" for i in range(60))
                     + ' ip4:104.16.0.0/16 -all"')],
    "ipv6.example": [("TXT", '"v=spf1 ip6:2001:db8::/32 -all"')],
    "exp.example": [("TXT", '"v=spf1 -all exp=explain.exp.example"')],
    "explain.exp.example": [("TXT", '"%{i} is not one of %{d}\'s designated mail servers."')],
}
"""Zone data shared by the DNS tests (names lower-case without the final dot)."""

BASE_OPTIONS: dict[str, object] = {
    "servfail": [ptr_name(IP_REFUSED), "servfail.example"],
    "silent": [ptr_name(IP_REWRITE), "silent.example"],
    "truncate": [ptr_name(IP_TC), "tcp.example"],
}


def client_for(server: DnsTestServer, *, timeout: float = 0.4, lifetime: float = 1.0,
               deadline: float | None = None) -> DnsClient:
    """A client talking only to ``server``, with a private cache (tests stay independent)."""
    config = ResolverConfig((server.address,), timeout, lifetime)
    resolver = make_resolver(config, cache=dns.resolver.LRUCache())
    return DnsClient(resolver, deadline=deadline)


@pytest.fixture
def dns_server() -> Iterator[DnsTestServer]:
    """The shared test zones on a fresh server."""
    with DnsTestServer(BASE_RECORDS, **BASE_OPTIONS) as server:  # type: ignore[arg-type]
        yield server


@pytest.fixture
def dns_client(dns_server: DnsTestServer) -> DnsClient:
    """A client for :func:`dns_server`."""
    return client_for(dns_server)
