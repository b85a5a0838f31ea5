"""Turning a real case into a scenario: pseudonyms are consistent, keep each identifier's kind, and leak
nothing of the original case."""

from __future__ import annotations

import ipaddress
import json
from datetime import UTC, datetime
from pathlib import Path

from wizard.core.cases.model import Call, Case, CaseRecord, Decision, SampleRecord
from wizard.core.cases.textscan import find_emails, find_hosts, find_ips
from wizard.core.pseudonymise import Pseudonymiser, scenario_from_case
from wizard.core.scenarios import parse_scenario, play

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo"

COUNTRIES = {"159.89.201.17": "SG", "210.130.137.80": "JP", "5.188.62.140": "RU"}


def fake_country(ip: str) -> str | None:
    """A deterministic stand-in for the geo database: by first octet, so tests need no data file."""
    if ip in COUNTRIES:
        return COUNTRIES[ip]
    first = int(ip.split(".")[0])
    return ["SG", "JP", "RU", "US"][first % 4]


def make_case() -> Case:
    samples = tuple(SampleRecord(p.name, p.read_text(encoding="utf-8"), "good" if "good" in p.name else "spam")
                    for p in sorted(DEMO.glob("*.eml")) if p.name != "customer_sent.eml")
    record = CaseRecord("20260309-abcdef12", "佐藤様", "example.co.jp")
    decisions = (Decision("deleted_address", "tanaka@example.co.jp"),
                 Decision("blocklist", ["*@lottery-example.biz"]),
                 Decision("action", "folder"))
    calls = (Call(datetime(2026, 3, 9, 1, tzinfo=UTC), "agent1", notes="佐藤様 sato@example.co.jp から電話"),)
    return Case(record, calls, samples, decisions, state={"profile": "hosting_provider",
                                                            "customer_ips": ["198.51.100.77"]})


def test_same_input_same_pseudonym_and_kinds_kept() -> None:
    p = Pseudonymiser(b"s" * 32, country_of=fake_country)
    a = p.text("From: x7kq2p@lottery-example.biz via 159.89.201.17 and 10.1.2.3 to info@example.co.jp")
    b = p.text("again x7kq2p@lottery-example.biz 159.89.201.17 10.1.2.3 info@example.co.jp")
    for original in ("x7kq2p@lottery-example.biz", "159.89.201.17", "10.1.2.3"):
        assert p.mapping[original] in a and p.mapping[original] in b
        assert original not in a
    # private stays private, in the same block; abroad stays in its country
    assert ipaddress.ip_address(p.mapping["10.1.2.3"]) in ipaddress.ip_network("10.0.0.0/8")
    assert fake_country(p.mapping["159.89.201.17"]) == "SG"
    assert fake_country(p.mask_ip("210.130.137.80")) == "JP"
    # role mailbox kept, public suffix kept, random local part stays random-looking
    assert p.mapping["info@example.co.jp"].startswith("info@") and p.mapping["info@example.co.jp"].endswith(".co.jp")
    assert p.mapping["x7kq2p@lottery-example.biz"].endswith(".biz")


def test_a_new_secret_gives_a_different_mapping() -> None:
    one = Pseudonymiser(b"1" * 32, country_of=fake_country).text("tanaka@example.co.jp")
    two = Pseudonymiser(b"2" * 32, country_of=fake_country).text("tanaka@example.co.jp")
    assert one != two


def test_scenario_from_case_leaks_nothing_and_is_a_valid_playable_scenario() -> None:
    case = make_case()
    originals_text = "\n".join(s.text for s in case.samples)
    secrets_ = (set(find_emails(originals_text)) | set(find_ips(originals_text)) | set(find_hosts(originals_text))
                | {"tanaka@example.co.jp", "sato@example.co.jp", "example.co.jp", "lottery-example.biz", "佐藤"})
    doc = scenario_from_case(case, secret=b"k" * 32,
                             pseudonymiser=Pseudonymiser(b"k" * 32, country_of=fake_country))
    dumped = json.dumps(doc, ensure_ascii=False)
    leaked = sorted(s for s in secrets_ if s.lower() in dumped.lower())
    assert leaked == []
    scenario = parse_scenario(doc, "draft.json", None)
    result = play(scenario, scenario.ideal)
    assert result.score == result.max_score
    # the draft still analyses like the real case: same number of messages, hops and handoffs
    from wizard.core.analyze import analyze_text

    for (name, text, _kind), original in zip(scenario.samples, case.samples, strict=True):
        new = analyze_text(text, name).messages[0]
        old = analyze_text(original.text, original.source).messages[0]
        assert len(new.hops) == len(old.hops)
        assert (new.handoff is None) == (old.handoff is None)
        assert new.spam.score == old.spam.score
