"""The case runner: all lookups concurrent, shared and deduplicated, one deadline, offline switch,
results delivered as they finish, and the JSON contract."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.servers.dns_fixtures import (
    BASE_OPTIONS,
    BASE_RECORDS,
    IP_CLEAN,
    IP_JP,
    IP_LISTED,
    IP_REFUSED,
    IP_REWRITE,
    client_for,
    ptr_name,
)
from tests.servers.dns_server import DnsTestServer
from wizard.core.dnscheck.dnsbl import DnsblConfig, load_config
from wizard.core.dnscheck.resolver import ResolverConfig
from wizard.core.dnscheck.runner import (
    PENDING,
    TIMED_OUT,
    DnsOptions,
    assemble,
    check_case,
    plan_case,
    run_plan,
)
from wizard.core.model import AuthResults, Handoff, Hop, MessageAnalysis


@pytest.fixture(scope="module")
def empty_server() -> Iterator[DnsTestServer]:
    """Answers NXDOMAIN to everything."""
    with DnsTestServer({}) as server:
        yield server

CONTRACT_RELAY = {"ip", "ptr", "fcrdns", "country", "asn_org", "dnsbl"}


def message(source: str, relays: list[tuple[str, str | None, bool]], *, from_: str | None = None,
            return_path: str | None = None, dkim: str | None = None) -> MessageAnalysis:
    """A message whose hops (top first) are (ip, header rdns, trusted); the first untrusted is the handoff."""
    hops = tuple(Hop(raw=f"from x ([{ip}]) by y", from_ip=ip, from_rdns=rdns, from_helo=rdns, trusted=trusted)
                 for ip, rdns, trusted in relays)
    handoff = next((Handoff(h.from_ip or "", h.from_rdns, h.from_helo, i) for i, h in enumerate(hops)
                    if not h.trusted), None)
    return MessageAnalysis(source=source, hops=hops, handoff=handoff, from_=from_, return_path=return_path,
                           auth_results=AuthResults(dkim=dkim))


def options(server: DnsTestServer, **kw: Any) -> DnsOptions:
    base: dict[str, Any] = {"resolver": ResolverConfig((server.address,), 0.4, 1.0), "deadline": 5.0}
    base.update(kw)
    return DnsOptions(**base)


def test_whole_case_and_contract() -> None:
    msg = message("a#1", [(IP_JP, "mx01.provider.example.jp", True),
                          (IP_LISTED, "bogus.spam.example", False)],
                  from_="Promo <promo@spammer.example>", return_path="bounce@spammer.example", dkim="none")
    with DnsTestServer(BASE_RECORDS, **BASE_OPTIONS) as server:  # type: ignore[arg-type]
        [report] = check_case([msg], options(server))
    doc = report.to_json()
    assert {"relays", "spf", "dmarc", "mx", "errors"} <= set(doc)
    assert set(doc["spf"]) == {"domain", "record", "result", "explanation"}
    assert set(doc["dmarc"]) == {"domain", "record", "policy", "aligned"}
    jp, listed = doc["relays"]
    assert set(jp) >= CONTRACT_RELAY and set(listed) >= CONTRACT_RELAY
    assert jp["fcrdns"] is True and jp["country"] == "JP" and jp["dnsbl"] == []  # trusted: not listed-checked
    assert listed["country"] == "US" and listed["fcrdns"] is False
    zen = next(d for d in listed["dnsbl"] if d["zone"] == "zen.spamhaus.org")
    assert zen["listed"] is True and zen["codes"] == ["127.0.0.2", "127.0.0.4"]
    assert doc["spf"]["result"] == "pass" and doc["spf"]["domain"] == "spammer.example"
    assert doc["dmarc"]["policy"] == "reject" and doc["dmarc"]["aligned"] is True
    assert doc["mx"] == ["mx1.spammer.example", "mx2.spammer.example"]
    assert report.abroad is True and report.abroad_country == "US"
    codes = {f.code for f in report.findings}
    assert {"dns_relay_listed", "dns_relay_abroad", "dns_domain_listed", "dns_rdns_changed"} <= codes
    assert doc["geo_source"]["data_date"]


def test_refusal_timeout_servfail_in_one_case() -> None:
    msg = message("b#1", [(IP_REFUSED, None, False), (IP_REWRITE, None, False)], from_="x@gmai1.com")
    with DnsTestServer(BASE_RECORDS, **BASE_OPTIONS) as server:  # type: ignore[arg-type]
        [report] = check_case([msg], options(server))
    doc = report.to_json()
    refused, rewrite = doc["relays"]
    zen = next(d for d in refused["dnsbl"] if d["zone"] == "zen.spamhaus.org")
    assert zen["listed"] is None and "refused" in zen["meaning"]
    assert refused["fcrdns"] is None  # PTR SERVFAIL
    assert rewrite["fcrdns"] is None  # PTR never answered
    spamcop = next(d for d in rewrite["dnsbl"] if d["zone"] == "bl.spamcop.net")
    assert spamcop["listed"] is None
    assert any("servfail" in e for e in doc["errors"]) and any("timeout" in e for e in doc["errors"])
    assert {"dns_domain_lookalike", "dns_query_refused"} <= {f.code for f in report.findings}
    assert not any(f.code == "dns_relay_listed" for f in report.findings)


def test_lookups_run_concurrently_and_are_shared() -> None:
    ips = [f"45.1.{i}.1" for i in range(12)]
    records = dict(BASE_RECORDS)
    for ip in ips:
        records[ptr_name(ip)] = [("PTR", f"h{ip.replace('.', '-')}.example.")]
        records[f"h{ip.replace('.', '-')}.example"] = [("A", ip)]
    msgs = [message(f"m#{n}", [(ip, None, True) for ip in ips]) for n in range(3)]  # same relays 3 times
    with DnsTestServer(records, gate=[ptr_name(ip) for ip in ips]) as server:
        # Generous client timeouts: on a loaded machine the twelve threads may start far apart, and a
        # retry would be counted as a second query. The barrier itself proves the concurrency.
        slow_ok = ResolverConfig((server.address,), 15.0, 30.0)
        reports = check_case(msgs, options(server, resolver=slow_ok, deadline=60.0, dnsbl=DnsblConfig()))
        assert not server.gate_broken
        for ip in ips:
            assert len(server.queries(ptr_name(ip))) == 1  # asked once for the three messages
    for report in reports:
        assert [r.ptr.fcrdns if r.ptr else None for r in report.relays] == [True] * len(ips)


def test_overall_deadline_reports_timeouts() -> None:
    msg = message("c#1", [("45.2.0.1", None, False)], from_="a@spammer.example")
    silent = [ptr_name("45.2.0.1"), "spammer.example"]
    with DnsTestServer(BASE_RECORDS, silent=silent) as server:
        opts = options(server, deadline=0.8, dnsbl=DnsblConfig())
        [report] = check_case([msg], opts)
    relay = report.relays[0]
    assert relay.ptr is None or relay.ptr.fcrdns is None
    assert report.mx == () or report.mx[0].exists is None
    assert report.errors


def test_offline_asks_nothing() -> None:
    msg = message("d#1", [(IP_CLEAN, "dns.google", False)], from_="a@spammer.example")
    with DnsTestServer(BASE_RECORDS) as server:
        [report] = check_case([msg], options(server, offline=True))
        assert server.queries() == []
    doc = report.to_json()
    assert doc["checked"] is False
    assert doc["spf"]["explanation"] == "not checked" and doc["spf"]["result"] is None
    assert doc["relays"][0]["ptr"] is None and doc["relays"][0]["fcrdns"] is None
    assert doc["relays"][0]["country"] == "US"  # the geo data is offline
    assert "not checked: offline" in doc["errors"]
    assert any(f.code == "dns_not_checked" for f in report.findings)


def test_results_arrive_one_by_one_and_partial_assembly() -> None:
    msg = message("e#1", [(IP_CLEAN, None, False)], from_="a@spammer.example",
                  return_path="a@spammer.example")
    with DnsTestServer(BASE_RECORDS, delays={ptr_name(IP_CLEAN): 0.5}) as server:
        opts = options(server, dnsbl=load_config())
        plan = plan_case([msg], opts)
        client = client_for(server, deadline=time.monotonic() + 5)
        seen: list[tuple[str, ...]] = []
        lock = threading.Lock()

        def on_result(key: tuple[str, ...], result: object) -> None:
            with lock:
                seen.append(key)

        partial = assemble(plan, {}, final=False)
        assert partial[0].spf_state == PENDING and partial[0].relays[0].ptr_state == PENDING
        results = run_plan(plan, client, on_result)
    assert set(seen) == set(plan.tasks) and len(seen) == plan.total
    assert seen[-1] == ("ptr", IP_CLEAN)  # the slow answer came last
    final = assemble(plan, results, final=True)
    assert final[0].complete and final[0].relays[0].ptr is not None
    missing = assemble(plan, {k: v for k, v in results.items() if k[0] != "auth"}, final=True)
    assert missing[0].spf_state == TIMED_OUT


def test_cancel_stops_early() -> None:
    msg = message("f#1", [(f"45.3.{i}.1", None, False) for i in range(5)])
    with DnsTestServer(BASE_RECORDS, default_delay=0.3) as server:
        plan = plan_case([msg], options(server))
        flag = threading.Event()
        client = client_for(server, deadline=time.monotonic() + 5)
        client = type(client)(client.resolver, deadline=client.deadline, cancelled=flag.is_set)
        got: list[object] = []

        def on_result(key: tuple[str, ...], result: object) -> None:
            got.append(result)
            flag.set()

        run_plan(plan, client, on_result)
    assert len(got) <= 1 + len([k for k in plan.tasks if k[0] == "geo"])


def test_no_relays_no_domains() -> None:
    with DnsTestServer(BASE_RECORDS) as server:
        [report] = check_case([MessageAnalysis(source="empty")], options(server))
    doc = report.to_json()
    assert doc["relays"] == [] and doc["mx"] == [] and doc["spf"]["result"] is None


def test_bad_nameserver_is_data() -> None:
    [report] = check_case([MessageAnalysis(source="x", from_="a@b.example")],
                          DnsOptions(resolver=ResolverConfig(("not-an-ip",))))
    assert report.errors


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=40, deadline=None)
@given(from_=st.one_of(st.none(), _TEXT, _TEXT.map(lambda t: f"x@{t}")),
       return_path=st.one_of(st.none(), _TEXT),
       hops=st.lists(st.tuples(st.one_of(st.none(), _TEXT, st.ip_addresses().map(str)),
                               st.one_of(st.none(), _TEXT), st.booleans()), max_size=4),
       dkim=st.lists(_TEXT, max_size=2))
def test_hostile_fields_never_raise(empty_server: DnsTestServer, from_: str | None, return_path: str | None,
                                    hops: list[tuple[str | None, str | None, bool]], dkim: list[str]) -> None:
    parsed = tuple(Hop(raw="x", from_ip=ip, from_rdns=rdns, trusted=trusted) for ip, rdns, trusted in hops)
    handoff = next((Handoff(h.from_ip, h.from_rdns, rdns, i) for i, (h, (_, rdns, _)) in
                    enumerate(zip(parsed, hops, strict=True)) if h.from_ip and not h.trusted), None)
    msg = MessageAnalysis(source="h", from_=from_, return_path=return_path, hops=parsed, handoff=handoff,
                          dkim_domains=tuple(dkim),
                          headers=(("Authentication-Results", f"x; dkim=pass header.d={''.join(dkim[:1])}"),))
    [offline] = check_case([msg], DnsOptions(offline=True))
    assert offline.to_json()["checked"] is False
    config = ResolverConfig((empty_server.address,), 0.3, 0.6)
    [report] = check_case([msg], DnsOptions(resolver=config, deadline=2.0, dnsbl=DnsblConfig()))
    doc = report.to_json()
    json.dumps(doc)
    assert {"relays", "spf", "dmarc", "mx", "errors"} <= set(doc)
