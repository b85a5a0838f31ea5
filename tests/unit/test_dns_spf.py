"""SPF evaluation (RFC 7208) against a real DNS server: the RFC's Appendix A examples, the macro
examples of section 7.4, include chains, loops, the lookup and void-lookup limits, and DNS failures."""

from __future__ import annotations

import ipaddress

import pytest

from tests.servers import dns_fixtures
from tests.servers.dns_fixtures import client_for
from tests.servers.dns_server import DnsTestServer
from wizard.core.dnscheck.resolver import DnsClient
from wizard.core.dnscheck.spf import _PermError, check_host, expand_macros

dns_server = dns_fixtures.dns_server
dns_client = dns_fixtures.dns_client

# RFC 7208 Appendix A: the example zone
APPENDIX_A: dict[str, list[tuple[str, str]]] = {
    "example.com": [("MX", "10 mail-a.example.com."), ("MX", "20 mail-b.example.com."),
                    ("A", "192.0.2.10"), ("A", "192.0.2.11")],
    "amy.example.com": [("A", "192.0.2.65")],
    "bob.example.com": [("A", "192.0.2.66")],
    "mail-a.example.com": [("A", "192.0.2.129")],
    "mail-b.example.com": [("A", "192.0.2.130")],
    "www.example.com": [("CNAME", "example.com.")],
    "example.org": [("MX", "10 mail-c.example.org.")],
    "mail-c.example.org": [("A", "192.0.2.140")],
    "10.2.0.192.in-addr.arpa": [("PTR", "example.com.")],
    "11.2.0.192.in-addr.arpa": [("PTR", "example.com.")],
    "65.2.0.192.in-addr.arpa": [("PTR", "amy.example.com.")],
    "66.2.0.192.in-addr.arpa": [("PTR", "bob.example.com.")],
    "129.2.0.192.in-addr.arpa": [("PTR", "mail-a.example.com.")],
    "130.2.0.192.in-addr.arpa": [("PTR", "mail-b.example.com.")],
    "140.2.0.192.in-addr.arpa": [("PTR", "mail-c.example.org.")],
    "4.0.0.10.in-addr.arpa": [("PTR", "bob.example.com.")],
}

# (record of example.com, {ip: expected result}) from Appendix A.1
SIMPLE_EXAMPLES = [
    ("v=spf1 +all", {"192.0.2.10": "pass", "172.16.0.1": "pass", "10.1.1.1": "pass"}),
    ("v=spf1 a -all", {"192.0.2.10": "pass", "192.0.2.11": "pass", "192.0.2.12": "fail"}),
    ("v=spf1 a:example.org -all", {"192.0.2.10": "fail", "192.0.2.140": "fail"}),
    ("v=spf1 mx -all", {"192.0.2.129": "pass", "192.0.2.130": "pass", "192.0.2.10": "fail"}),
    ("v=spf1 mx:example.org -all", {"192.0.2.140": "pass", "192.0.2.129": "fail"}),
    ("v=spf1 mx mx:example.org -all",
     {"192.0.2.129": "pass", "192.0.2.130": "pass", "192.0.2.140": "pass", "192.0.2.10": "fail"}),
    ("v=spf1 mx/30 mx:example.org/30 -all",
     {"192.0.2.131": "pass", "192.0.2.128": "pass", "192.0.2.143": "pass", "192.0.2.132": "fail"}),
    ("v=spf1 ptr -all", {"192.0.2.65": "pass", "192.0.2.140": "fail", "10.0.0.4": "fail"}),
    ("v=spf1 ip4:192.0.2.128/28 -all", {"192.0.2.65": "fail", "192.0.2.129": "pass"}),
]


def _server(extra: dict[str, list[tuple[str, str]]]) -> DnsTestServer:
    return DnsTestServer({**APPENDIX_A, **extra})


@pytest.mark.parametrize(("record", "cases"), SIMPLE_EXAMPLES, ids=[r for r, _ in SIMPLE_EXAMPLES])
def test_rfc7208_appendix_a1(record: str, cases: dict[str, str]) -> None:
    with _server({"example.com": [*APPENDIX_A["example.com"], ("TXT", f'"{record}"')]}) as server:
        client = client_for(server)
        for ip, expected in cases.items():
            result = check_host(client, ip, "example.com", "user@example.com")
            assert result.result == expected, (record, ip, result)
            assert result.record == record


def test_rfc7208_appendix_a3_dnsbl_style_exists_with_macros() -> None:
    extra = {
        "example.com": [*APPENDIX_A["example.com"], ("TXT",
                        '"v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all"')],
        "mobile-users._spf.example.com": [("TXT", '"v=spf1 exists:%{l1r+}.%{d}"')],
        "remote-users._spf.example.com": [("TXT", '"v=spf1 exists:%{ir}.%{l1r+}.%{d}"')],
        "mary.mobile-users._spf.example.com": [("A", "127.0.0.2")],
        "fred.mobile-users._spf.example.com": [("A", "127.0.0.2")],
        "15.15.168.192.joel.remote-users._spf.example.com": [("A", "127.0.0.2")],
        "16.15.168.192.joel.remote-users._spf.example.com": [("A", "127.0.0.2")],
    }
    with _server(extra) as server:
        client = client_for(server)
        assert check_host(client, "198.51.100.1", "example.com", "mary@example.com").result == "pass"
        assert check_host(client, "198.51.100.1", "example.com", "fred@example.com").result == "pass"
        assert check_host(client, "192.168.15.15", "example.com", "joel@example.com").result == "pass"
        assert check_host(client, "192.168.15.17", "example.com", "joel@example.com").result == "fail"
        assert check_host(client, "198.51.100.1", "example.com", "john@example.com").result == "fail"
        assert check_host(client, "192.0.2.129", "example.com", "john@example.com").result == "pass"


_IP4 = ipaddress.IPv4Address("192.0.2.3")
_IP6 = ipaddress.IPv6Address("2001:db8::cb01")
_SENDER = "strong-bad@email.example.com"


@pytest.mark.parametrize(("macro", "expected"), [
    ("%{s}", "strong-bad@email.example.com"),
    ("%{o}", "email.example.com"),
    ("%{d}", "email.example.com"),
    ("%{d4}", "email.example.com"),
    ("%{d3}", "email.example.com"),
    ("%{d2}", "example.com"),
    ("%{d1}", "com"),
    ("%{dr}", "com.example.email"),
    ("%{d2r}", "example.email"),
    ("%{l}", "strong-bad"),
    ("%{l-}", "strong.bad"),
    ("%{lr}", "strong-bad"),
    ("%{lr-}", "bad.strong"),
    ("%{l1r-}", "strong"),
    ("%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"),
    ("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
    ("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"),
    ("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", "3.2.0.192.in-addr.strong.lp._spf.example.com"),
    ("%{d2}.trusted-domains.example.net", "example.com.trusted-domains.example.net"),
    ("%%%_%-", "% %20"),
    ("%{S}", "strong-bad%40email.example.com"),
])
def test_rfc7208_section_7_4_macro_examples(macro: str, expected: str) -> None:
    assert expand_macros(macro, _IP4, _SENDER, "email.example.com") == expected


def test_rfc7208_ipv6_macro_example() -> None:
    expected = ("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com")
    assert expand_macros("%{ir}.%{v}._spf.%{d2}", _IP6, _SENDER, "email.example.com") == expected


@pytest.mark.parametrize("bad", ["%{x}", "%{c}", "%", "%{d0}", "100%"])
def test_bad_macros_are_permerror(bad: str) -> None:
    with pytest.raises(_PermError):
        expand_macros(bad, _IP4, _SENDER, "email.example.com")


def test_include_chain_pass_and_softfail(dns_client: DnsClient) -> None:
    ok = check_host(dns_client, "60.70.80.9", "spammer.example", "x@spammer.example")
    assert ok.result == "pass"
    assert ok.mechanism == "include:_spf.spammer.example"
    direct = check_host(dns_client, "45.33.32.156", "spammer.example", "x@spammer.example")
    assert direct.result == "pass" and direct.mechanism == "ip4:45.33.32.0/24"
    # neither list: the inner ~all makes the include not match, so the outer -all decides
    fail = check_host(dns_client, "8.8.8.8", "spammer.example", "x@spammer.example")
    assert fail.result == "fail"
    assert fail.record is not None and fail.record.startswith("v=spf1")
    assert fail.lookups == 2


def test_redirect_and_a_mechanism(dns_client: DnsClient) -> None:
    result = check_host(dns_client, "133.242.0.1", "shop.example.co.jp", "info@shop.example.co.jp")
    assert result.result == "pass"
    assert result.mechanism is not None and result.mechanism.startswith("redirect=_spf.shop.example.co.jp")
    other = check_host(dns_client, "8.8.8.8", "shop.example.co.jp", "a@shop.example.co.jp")
    assert other.result == "softfail"


def test_include_loop_hits_the_lookup_limit(dns_client: DnsClient) -> None:
    result = check_host(dns_client, "8.8.8.8", "loop.example", "a@loop.example")
    assert result.result == "permerror"
    assert "10" in result.explanation


def test_more_than_ten_lookups_is_permerror(dns_client: DnsClient) -> None:
    result = check_host(dns_client, "8.8.8.8", "many.example", "a@many.example")
    assert result.result == "permerror"
    # ten a: terms are evaluated; the eleventh is refused before its query
    assert result.lookups == 11


def test_void_lookup_limit(dns_client: DnsClient) -> None:
    result = check_host(dns_client, "8.8.8.8", "void.example", "a@void.example")
    assert result.result == "permerror"
    assert "void" in result.explanation


@pytest.mark.parametrize(("domain", "expected"), [
    ("two.example", "permerror"),
    ("syntax.example", "permerror"),
    ("noaddr.example", "none"),
    ("no-such-domain.example", "none"),
    ("servfail.example", "temperror"),
    ("tempfail.example", "temperror"),
    ("timeout.example", "temperror"),
])
def test_errors_are_results(dns_client: DnsClient, domain: str, expected: str) -> None:
    result = check_host(dns_client, "8.8.8.8", domain, f"a@{domain}")
    assert result.result == expected, result


def test_large_record_over_tcp(dns_server: DnsTestServer, dns_client: DnsClient) -> None:
    result = check_host(dns_client, "104.16.0.1", "tcp.example", "a@tcp.example")
    assert result.result == "pass"
    assert ("tcp.example", "TXT", "tcp") in dns_server.queries("tcp.example")


def test_ipv6_and_mapped_addresses(dns_client: DnsClient) -> None:
    assert check_host(dns_client, "2001:db8::1", "ipv6.example", "a@ipv6.example").result == "pass"
    assert check_host(dns_client, "2001:db9::1", "ipv6.example", "a@ipv6.example").result == "fail"
    mapped = check_host(dns_client, "::ffff:45.33.32.1", "spammer.example", "a@spammer.example")
    assert mapped.result == "pass" and mapped.ip == "45.33.32.1"


def test_exp_explanation(dns_client: DnsClient) -> None:
    result = check_host(dns_client, "8.8.8.8", "exp.example", "a@exp.example")
    assert result.result == "fail"
    assert "8.8.8.8 is not one of exp.example's designated mail servers." in result.explanation


def test_null_sender_uses_helo(dns_client: DnsClient) -> None:
    helo = "mail.shop.example.co.jp"
    result = check_host(dns_client, "133.242.0.1", helo, "", helo=helo)
    assert result.result == "pass"


def test_bad_inputs_never_raise(dns_client: DnsClient) -> None:
    assert check_host(dns_client, "not-an-ip", "spammer.example").result is None
    assert check_host(dns_client, "8.8.8.8", "").result == "none"
    assert check_host(dns_client, "8.8.8.8", "x" * 300).result == "none"
    assert check_host(dns_client, "8.8.8.8", "bad..example").result == "none"
