"""PTR/FCrDNS, DNS block lists, DMARC, MX and the geo database against the real test DNS server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.servers import dns_fixtures
from tests.servers.dns_fixtures import (
    IP_CLEAN,
    IP_JP,
    IP_LISTED,
    IP_PBL,
    IP_REFUSED,
    IP_REWRITE,
    IP_TC,
)
from wizard.core.dnscheck.dmarc import check_dmarc, parse_record
from wizard.core.dnscheck.dnsbl import DnsblZone, check_domain, check_ip, decode, ip_query_name, load_config
from wizard.core.dnscheck.domains import aligned, domain_of, org_domain
from wizard.core.dnscheck.geo import GeoDatabase
from wizard.core.dnscheck.mx import check_mx, lookalike
from wizard.core.dnscheck.ptr import check_ptr
from wizard.core.dnscheck.resolver import DnsClient

dns_server = dns_fixtures.dns_server
dns_client = dns_fixtures.dns_client
CONFIG = load_config()
ZEN = next(z for z in CONFIG.ip if z.zone == "zen.spamhaus.org")
SPAMCOP = next(z for z in CONFIG.ip if z.zone == "bl.spamcop.net")
DBL = next(z for z in CONFIG.domain if z.zone == "dbl.spamhaus.org")
SURBL = next(z for z in CONFIG.domain if z.zone == "multi.surbl.org")
URIBL = next(z for z in CONFIG.domain if z.zone == "multi.uribl.com")


# -- PTR / FCrDNS ----------------------------------------------------------------------------------
def test_fcrdns_confirmed(dns_client: DnsClient) -> None:
    result = check_ptr(dns_client, IP_CLEAN, header_rdns="dns.google.")
    assert (result.ptr, result.fcrdns, result.header_mismatch) == ("dns.google", True, False)


def test_ptr_not_pointing_back_and_header_differs(dns_client: DnsClient) -> None:
    result = check_ptr(dns_client, IP_LISTED, header_rdns="bogus.spam.example")
    assert result.ptr == "scanme.spam.example"
    assert result.fcrdns is False
    assert result.header_mismatch is True


def test_no_ptr(dns_client: DnsClient) -> None:
    result = check_ptr(dns_client, IP_PBL, header_rdns="unknown")
    assert (result.ptr, result.fcrdns, result.header_mismatch) == (None, False, False)
    assert check_ptr(dns_client, IP_PBL).header_mismatch is None


def test_ptr_servfail_and_timeout_are_unknown(dns_client: DnsClient) -> None:
    failed = check_ptr(dns_client, IP_REFUSED)
    assert (failed.fcrdns, failed.status) == (None, "servfail") and failed.errors
    slow = check_ptr(dns_client, IP_REWRITE)
    assert (slow.fcrdns, slow.status) == (None, "timeout")


def test_ptr_over_tcp(dns_client: DnsClient) -> None:
    assert check_ptr(dns_client, IP_TC).fcrdns is True


def test_ptr_bad_ip(dns_client: DnsClient) -> None:
    assert check_ptr(dns_client, "999.1.1.1").status == "error"


# -- block lists -----------------------------------------------------------------------------------
def test_ip_query_names() -> None:
    assert ip_query_name("1.2.3.4", "zen.spamhaus.org") == "4.3.2.1.zen.spamhaus.org"
    name = ip_query_name("2001:db8::1", "zen.spamhaus.org")
    assert name is not None and name.startswith("1.0.0.0.")
    assert name.endswith(".8.b.d.0.1.0.0.2.zen.spamhaus.org")
    assert ip_query_name("nope", "z") is None


def test_listed_with_codes_decoded(dns_client: DnsClient) -> None:
    result = check_ip(dns_client, IP_LISTED, ZEN)
    assert result.listed is True
    assert result.codes == ("127.0.0.2", "127.0.0.4")
    assert "SBL" in result.meaning and "XBL" in result.meaning
    pbl = check_ip(dns_client, IP_PBL, ZEN)
    assert pbl.listed is True and "PBL" in pbl.meaning


def test_unlisted(dns_client: DnsClient) -> None:
    result = check_ip(dns_client, IP_CLEAN, ZEN)
    assert (result.listed, result.codes, result.meaning) == (False, (), "not listed")


def test_refusal_is_never_listed(dns_client: DnsClient) -> None:
    result = check_ip(dns_client, IP_REFUSED, ZEN)
    assert result.listed is None
    assert result.refused
    assert result.codes == ("127.255.255.254",)
    assert "refused" in result.meaning and "resolver" in result.meaning
    assert result.to_json()["listed"] is None


def test_answer_outside_loopback_is_not_a_listing(dns_client: DnsClient) -> None:
    result = check_ip(dns_client, IP_REWRITE, SPAMCOP)
    assert result.listed is None and "rewrite" in result.meaning


@pytest.mark.parametrize(("code", "kind"), [
    ("127.255.255.252", "error"), ("127.255.255.253", "error"), ("127.255.255.255", "error"),
    ("127.0.0.3", "listed"), ("127.0.0.9", "listed"), ("127.0.0.10", "listed"), ("10.0.0.1", "error"),
])
def test_spamhaus_code_table(code: str, kind: str) -> None:
    assert decode(ZEN, code)[0] == kind


def test_private_and_ipv6_not_asked(dns_client: DnsClient) -> None:
    assert check_ip(dns_client, "10.1.2.3", ZEN).listed is None
    assert check_ip(dns_client, "2001:4860::1", SPAMCOP).status == "skipped"


def test_dnsbl_timeout_is_unknown(dns_client: DnsClient) -> None:
    zone = DnsblZone("example", "Silent list", kind="domain")
    result = check_domain(dns_client, "silent", zone)  # "silent.example" never answers
    assert result.listed is None and result.status == "timeout"
    failed = check_domain(dns_client, "servfail", zone)
    assert failed.listed is None and failed.status == "servfail"


def test_domain_lists(dns_client: DnsClient) -> None:
    assert check_domain(dns_client, "spammer.example", DBL).listed is True
    surbl = check_domain(dns_client, "spammer.example", SURBL)
    assert surbl.listed is True and "MW" in surbl.meaning and "ABUSE" in surbl.meaning
    refused = check_domain(dns_client, "refused.example", URIBL)
    assert refused.listed is None and refused.refused
    dbl_refused = check_domain(dns_client, "refused.example", DBL)
    assert dbl_refused.listed is None
    assert check_domain(dns_client, "shop.example.co.jp", DBL).listed is False


def test_config_file_errors_are_data(tmp_path: Path) -> None:
    bad = tmp_path / "dnsbl.json"
    bad.write_text("{not json", encoding="utf-8")
    assert load_config(bad).errors and not load_config(bad).ip
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"ip": [{"zone": "ok.example"}, {"name": "no zone"},
                                          {"zone": "off.example", "enabled": False}]}), encoding="utf-8")
    config = load_config(partial)
    assert [z.zone for z in config.ip] == ["ok.example"] and len(config.errors) == 1
    assert load_config(tmp_path / "missing.json").errors


def test_shipped_config_has_the_expected_lists() -> None:
    assert not CONFIG.errors
    zones = {z.zone for z in CONFIG.ip} | {z.zone for z in CONFIG.domain}
    assert {"zen.spamhaus.org", "dbl.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org"} <= zones


# -- DMARC -----------------------------------------------------------------------------------------
def test_parse_dmarc_record() -> None:
    assert parse_record("v=DMARC1; p=none") == (("v", "DMARC1"), ("p", "none"))
    assert parse_record("p=none; v=DMARC1") is None
    assert parse_record("v=spf1 -all") is None


def test_dmarc_at_the_organisational_domain(dns_client: DnsClient) -> None:
    result = check_dmarc(dns_client, "shop.example.co.jp", spf_result="pass",
                         spf_domain="mail.shop.example.co.jp", dkim_pass_domains=None,
                         dkim_signature_domains=())
    assert result.org_domain == "example.co.jp"
    assert result.record_domain == "example.co.jp"
    assert result.policy == "none"  # sp= applies below the organisational domain
    assert result.aligned is True   # relaxed SPF alignment: same organisational domain


def test_dmarc_strict_dkim_and_not_aligned(dns_client: DnsClient) -> None:
    result = check_dmarc(dns_client, "spammer.example", spf_result="fail", spf_domain="spammer.example",
                         dkim_pass_domains=("mail.spammer.example",))
    assert result.policy == "reject"
    assert result.spf_aligned is False and result.dkim_aligned is False
    assert result.aligned is False
    unknown = check_dmarc(dns_client, "spammer.example", spf_result="fail", spf_domain="spammer.example",
                          dkim_pass_domains=None, dkim_signature_domains=("spammer.example",))
    assert unknown.aligned is None


def test_dmarc_none_and_failures(dns_client: DnsClient) -> None:
    none = check_dmarc(dns_client, "nomx.example")
    assert (none.record, none.status) == (None, "none")
    broken = check_dmarc(dns_client, "servfail.example")
    assert broken.status in ("none", "temperror")
    assert check_dmarc(dns_client, None).status == "not_checked"


def test_domain_helpers() -> None:
    assert org_domain("a.b.example.co.jp") == "example.co.jp"
    assert domain_of('"X" <Someone@Mail.Example.COM>') == "mail.example.com"
    assert domain_of("no address") is None
    assert aligned("mail.example.com", "example.com", "r")
    assert not aligned("mail.example.com", "example.com", "s")


# -- MX ----------------------------------------------------------------------------------------------
def test_mx_sorted_by_preference(dns_client: DnsClient) -> None:
    result = check_mx(dns_client, "spammer.example")
    assert result.exists is True and result.hosts == ("mx1.spammer.example", "mx2.spammer.example")


def test_mx_nxdomain_lookalike(dns_client: DnsClient) -> None:
    result = check_mx(dns_client, "gmai1.com")
    assert result.exists is False and result.lookalike_of == "gmail.com"
    assert check_mx(dns_client, "totally-unrelated-name.example").lookalike_of is None


def test_mx_null_implicit_and_none(dns_client: DnsClient) -> None:
    assert check_mx(dns_client, "nullmx.example").null_mx
    implicit = check_mx(dns_client, "nomx.example")
    assert implicit.implicit and implicit.hosts == ("nomx.example",)
    none = check_mx(dns_client, "noaddr.example")
    assert none.exists is True and none.hosts == () and none.status == "no_mx"
    failed = check_mx(dns_client, "servfail.example")
    assert failed.exists is None and failed.errors


def test_lookalike() -> None:
    assert lookalike("yahooo.co.jp") == "yahoo.co.jp"
    assert lookalike("docomo.ne.jp") is None


# -- geo ---------------------------------------------------------------------------------------------
def test_geo_offline_database() -> None:
    db = GeoDatabase()
    jp = db.lookup(IP_JP, "JP")
    assert jp.country == "JP" and jp.abroad is False and jp.asn_org
    us = db.lookup(IP_CLEAN, "JP")
    assert us.country == "US" and us.abroad is True and us.asn_org == "GOOGLE"
    assert db.lookup("10.0.0.1").private
    assert db.lookup("not an ip").country is None
    assert db.lookup("2001:4860:4860::8888").country == "US"
    source = db.source()
    assert source is not None and source.data_date and "MaxMind" in source.attribution


def test_geo_missing_file_is_an_error_not_an_exception() -> None:
    db = GeoDatabase("no-such-file.dat.gz")
    assert db.lookup(IP_CLEAN).country is None
    assert db.error
