"""``spam-wizard analyze --dns --nameserver 127.0.0.1:PORT --json`` against the real test DNS server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.servers.dns_fixtures import BASE_OPTIONS, BASE_RECORDS
from tests.servers.dns_server import DnsTestServer
from wizard.cli import main

DATA = Path(__file__).resolve().parent.parent / "data" / "dns"
RELAY_KEYS = {"ip", "ptr", "fcrdns", "country", "asn_org", "dnsbl"}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(["analyze", *argv])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith("{") else {}


def test_dns_object_per_message(capsys: pytest.CaptureFixture[str]) -> None:
    with DnsTestServer(BASE_RECORDS, **BASE_OPTIONS) as server:  # type: ignore[arg-type]
        code, doc = _run(capsys, str(DATA / "listed_abroad.eml"), str(DATA / "lookalike.eml"), "--json",
                         "--dns", "--nameserver", server.address, "--dns-timeout", "0.5",
                         "--trusted", "133.242.0.0/24")
    assert code == 0
    messages = doc["messages"]
    assert isinstance(messages, list) and len(messages) == 2
    first, second = (m["dns"] for m in messages)
    assert {"relays", "spf", "dmarc", "mx", "errors"} <= set(first)
    assert set(first["spf"]) >= {"domain", "record", "result", "explanation"}
    assert set(first["dmarc"]) >= {"domain", "record", "policy", "aligned"}
    for relay in first["relays"] + second["relays"]:
        assert set(relay) >= RELAY_KEYS
        for item in relay["dnsbl"]:
            assert set(item) >= {"zone", "listed", "codes", "meaning"}
            assert item["listed"] in (True, False, None)
    spam = next(r for r in first["relays"] if r["ip"] == "45.33.32.156")
    zen = next(d for d in spam["dnsbl"] if d["zone"] == "zen.spamhaus.org")
    assert zen["listed"] is True and zen["codes"] == ["127.0.0.2", "127.0.0.4"]
    assert spam["country"] == "US" and spam["fcrdns"] is False
    assert first["spf"]["result"] == "pass"
    assert first["dmarc"]["policy"] == "reject"
    assert first["mx"] == ["mx1.spammer.example", "mx2.spammer.example"]
    refused = next(r for r in second["relays"] if r["ip"] == "91.92.93.94")
    zen2 = next(d for d in refused["dnsbl"] if d["zone"] == "zen.spamhaus.org")
    assert zen2["listed"] is None and "refused" in zen2["meaning"]
    assert refused["fcrdns"] is None  # PTR SERVFAIL
    assert second["mx"] == []
    assert any(f["code"] == "dns_domain_lookalike" for f in second["findings"])
    assert second["spf"]["result"] == "none"


def test_offline(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _run(capsys, str(DATA / "listed_abroad.eml"), "--json", "--dns", "--offline")
    assert code == 0
    dns = doc["messages"][0]["dns"]  # type: ignore[index]
    assert dns["checked"] is False and "not checked: offline" in dns["errors"]
    assert dns["spf"]["result"] is None


def test_without_dns_flag_no_dns_key(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = _run(capsys, str(DATA / "listed_abroad.eml"), "--json")
    assert code == 0 and "dns" not in doc["messages"][0]  # type: ignore[index]


@pytest.mark.parametrize("bad", [["--nameserver", "dns.example"], ["--nameserver", "127.0.0.1:70000"],
                                 ["--dns-timeout", "0"], ["--dns-timeout", "x"], ["--home-country", "JPN"]])
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], bad: list[str]) -> None:
    assert main(["analyze", str(DATA / "listed_abroad.eml"), "--dns", *bad]) == 2
    capsys.readouterr()


def test_dead_server_reports_unknowns(capsys: pytest.CaptureFixture[str]) -> None:
    server = DnsTestServer({}).start()
    address = server.address
    server.stop()  # nothing listens on this port any more
    code, doc = _run(capsys, str(DATA / "listed_abroad.eml"), "--json", "--dns", "--nameserver", address,
                     "--dns-timeout", "0.3", "--dns-deadline", "1.5")
    assert code == 0
    dns = doc["messages"][0]["dns"]  # type: ignore[index]
    assert dns["errors"]
    for relay in dns["relays"]:
        assert relay["ptr"] is None and relay["fcrdns"] is None
        assert all(item["listed"] is None for item in relay["dnsbl"])
    assert dns["spf"]["result"] == "temperror"
    assert dns["mx"] == []


def test_dns_lines_readable() -> None:
    from wizard.commands.analyze_dns import dns_lines

    with DnsTestServer(BASE_RECORDS, **BASE_OPTIONS) as server:  # type: ignore[arg-type]
        import argparse

        from wizard.commands.analyze_dns import add_dns_arguments, dns_json
        from wizard.core.analyze import analyze_paths

        parser = argparse.ArgumentParser()
        add_dns_arguments(parser)
        args = parser.parse_args(["--dns", "--nameserver", server.address, "--dns-timeout", "0.5"])
        batch = analyze_paths([DATA / "listed_abroad.eml"])
        [doc] = dns_json(batch.messages, args)
    text = "\n".join(dns_lines(doc))
    assert "zen.spamhaus.org: LISTED [127.0.0.2, 127.0.0.4]" in text
    assert "SPF spammer.example: pass" in text
    assert "MaxMind" in text
