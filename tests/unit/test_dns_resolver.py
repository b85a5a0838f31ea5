"""Resolver construction and lookups against the real test DNS server (NXDOMAIN, SERVFAIL, timeout, TCP)."""

from __future__ import annotations

import pytest

from tests.servers import dns_fixtures
from tests.servers.dns_fixtures import IP_CLEAN, IP_TC, ptr_name
from tests.servers.dns_server import DnsTestServer
from wizard.core.dnscheck.resolver import DnsClient, ResolverConfig, Status, make_resolver, parse_nameserver

dns_server = dns_fixtures.dns_server
dns_client = dns_fixtures.dns_client


@pytest.mark.parametrize(("text", "expected"), [
    ("127.0.0.1", ("127.0.0.1", 53)),
    ("127.0.0.1:5353", ("127.0.0.1", 5353)),
    ("[::1]:5300", ("::1", 5300)),
    ("::1", ("::1", 53)),
    (" 10.0.0.1 ", ("10.0.0.1", 53)),
])
def test_parse_nameserver(text: str, expected: tuple[str, int]) -> None:
    assert parse_nameserver(text) == expected


@pytest.mark.parametrize("text", ["dns.example", "127.0.0.1:0", "127.0.0.1:99999", "[::1", "1.2.3.4:x", ""])
def test_parse_nameserver_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_nameserver(text)


def test_make_resolver_uses_port_and_times() -> None:
    resolver = make_resolver(ResolverConfig(("127.0.0.1:5353",), timeout=0.3, lifetime=0.9))
    assert resolver.lifetime == 0.9
    assert resolver.timeout == 0.3
    server = resolver.nameservers[0]
    assert getattr(server, "port", None) == 5353


def test_answers_and_failures(dns_client: DnsClient) -> None:
    ok = dns_client.query("dns.google", "A")
    assert ok.status is Status.OK and ok.values == (IP_CLEAN,)
    assert dns_client.query("nothing-here.example", "A").status is Status.NXDOMAIN
    assert dns_client.query("dns.google", "MX").status is Status.NODATA
    fail = dns_client.query("servfail.example", "TXT")
    assert fail.status is Status.SERVFAIL and fail.failed
    slow = dns_client.query("silent.example", "TXT")
    assert slow.status is Status.TIMEOUT and slow.failed
    mx = dns_client.query("spammer.example", "MX")
    assert set(mx.values) == {"10 mx2.spammer.example", "5 mx1.spammer.example"}
    bad = dns_client.query("a" * 70 + ".example", "A")
    assert bad.status is Status.ERROR


def test_truncated_udp_answer_retried_over_tcp(dns_server: DnsTestServer, dns_client: DnsClient) -> None:
    answer = dns_client.ptr(IP_TC)
    assert answer.values == ("relay.big.example",)
    transports = [t for _, _, t in dns_server.queries(ptr_name(IP_TC))]
    assert transports == ["udp", "tcp"]


def test_deadline_passed_means_no_query(dns_server: DnsTestServer, dns_client: DnsClient) -> None:
    late = DnsClient(dns_client.resolver, deadline=0.0)
    answer = late.query("dns.google", "A")
    assert answer.status is Status.TIMEOUT
    assert dns_server.queries("dns.google") == []


def test_cancelled_client_skips(dns_client: DnsClient) -> None:
    client = DnsClient(dns_client.resolver, cancelled=lambda: True)
    assert client.query("dns.google", "A").status is Status.SKIPPED
