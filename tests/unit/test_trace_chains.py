"""Whole chains: customer PC, compromised account, forged bottom lines, webmail, forwarding, Microsoft 365,
and the demo case."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.core.analyze import analyze_paths
from wizard.core.model import Hop, MessageAnalysis
from wizard.core.policy import AnalysisPolicy
from wizard.core.trace import hosts_match, originating_hops, registered_domain, trace

ROOT = Path(__file__).resolve().parents[2]
CHAINS = ROOT / "tests" / "data" / "chains"
DEMO = ROOT / "resources" / "samples" / "demo"
CUSTOMER = AnalysisPolicy.from_strings(customer_ips=["198.51.100.77"], customer_hosts=["pc1.example.co.jp"])
PROVIDER = AnalysisPolicy.from_strings(trusted=["192.0.2.0/24", ".mail.example.ne.jp"],
                                       customer_ips=["198.51.100.77"])


def one(path: Path, policy: AnalysisPolicy = CUSTOMER) -> MessageAnalysis:
    batch = analyze_paths([path], policy)
    assert batch.errors == ()
    assert len(batch.messages) == 1
    return batch.messages[0]


def codes(m: MessageAnalysis) -> list[str]:
    return [f.code for f in m.findings]


def params(m: MessageAnalysis, code: str) -> list[dict[str, object]]:
    return [dict(f.params) for f in m.findings if f.code == code]


def test_customer_pc_is_origin() -> None:
    m = one(CHAINS / "customer_pc.eml")
    assert m.handoff is not None and m.handoff.ip == "198.51.100.77" and m.handoff.hop == 1
    assert m.customer_is_origin is True
    assert "customer_is_origin" in codes(m)
    assert m.authenticated_submission is False
    assert [h.trusted for h in m.hops] == [True, False]
    assert m.hops[1].delay_s == 39.0  # against the Date header (16:28:23 -> 16:29:02)
    assert m.hops[0].delay_s == 12.0


def test_customer_matched_by_host_name_only() -> None:
    m = one(CHAINS / "customer_pc.eml", AnalysisPolicy.from_strings(customer_hosts=["pc1"]))
    assert m.customer_is_origin is True


def test_no_customer_info_gives_null() -> None:
    m = one(CHAINS / "customer_pc.eml", AnalysisPolicy())
    assert m.customer_is_origin is None
    assert "customer_not_in_chain" not in codes(m)


def test_compromised_account() -> None:
    m = one(CHAINS / "compromised_account.eml")
    assert m.authenticated_submission is True
    assert m.handoff is not None and m.handoff.ip == "185.117.88.33"
    (p,) = params(m, "sent_via_authenticated_submission")
    assert p["login"] == "info@example.co.jp" and p["ip"] == "185.117.88.33" and p["hop"] == 1
    assert m.customer_is_origin is False
    assert "reply_to_mismatch" in codes(m)


def test_customer_sent_demo() -> None:
    m = one(DEMO / "customer_sent.eml")
    assert m.customer_is_origin is True
    assert m.authenticated_submission is True
    assert m.handoff is not None and m.handoff.rdns == "pc1.example.co.jp"


def test_forged_bottom_lines() -> None:
    m = one(CHAINS / "forged_bottom.eml")
    assert m.handoff is not None and m.handoff.ip == "5.188.62.140" and m.handoff.hop == 1
    forged = params(m, "forged_received")
    assert {(p["hop"], p["reason"]) for p in forged} == {(2, "claims_trusted_server")}
    assert m.claimed_origin is not None and m.claimed_origin.hop == 1
    # The customer's IP appears only in a forged line below the break: not the origin.
    assert m.customer_is_origin is False
    assert m.claimed_origin is not None and m.claimed_origin.ip == "5.188.62.140"
    assert "negative_delay" in codes(m)


def test_forged_bottom_with_provider_profile() -> None:
    m = one(CHAINS / "forged_bottom.eml", PROVIDER)
    assert "trust_inferred" not in codes(m)
    assert m.handoff is not None and m.handoff.ip == "5.188.62.140"
    assert any(p["reason"] == "claims_trusted_server" for p in params(m, "forged_received"))


def test_webmail() -> None:
    m = one(CHAINS / "webmail.eml")
    assert m.handoff is not None and m.handoff.ip == "203.0.113.50" and m.handoff.hop == 2
    assert m.authenticated_submission is True
    (p,) = params(m, "sent_via_authenticated_submission")
    assert p["login"] == "sato@example.co.jp"
    assert [h.trusted for h in m.hops] == [True, True, True]
    # X-Originating-IP repeats the handoff address: no extra hop
    assert all(h.source_header == "Received" for h in m.hops)


def test_originating_ip_is_an_extra_bottom_hop() -> None:
    m = one(DEMO / "spam_01.eml", AnalysisPolicy())
    assert len(m.hops) == 2
    hops = originating_hops([("X-Originating-IP", "[203.0.113.9]"), ("X-Sender-IP", "not an ip")])
    assert len(hops) == 1 and hops[0].from_ip == "203.0.113.9" and hops[0].source_header == "X-Originating-IP"
    result = trace([*m.hops, *hops])
    assert result.claimed_origin is not None and result.claimed_origin.ip == "203.0.113.9"
    assert any(f.code == "claimed_origin_forgeable" for f in result.findings)


def test_forwarded_by_old_provider() -> None:
    m = one(CHAINS / "forwarded.eml")
    assert m.handoff is not None and m.handoff.ip == "210.130.137.81"
    assert m.claimed_origin is not None and m.claimed_origin.ip == "103.75.190.21"
    assert m.claimed_origin.hop == 3 and m.claimed_origin.private is False
    assert "claimed_origin_forgeable" in codes(m)
    assert "forged_received" not in codes(m)


def test_microsoft365_chain() -> None:
    m = one(CHAINS / "microsoft365.eml")
    assert m.handoff is not None and m.handoff.ip == "103.75.190.21" and m.handoff.hop == 3
    assert [h.trusted for h in m.hops] == [True, True, True, False]
    assert m.authenticated_submission is False
    assert m.spam.engine == "microsoft" and m.spam.flag is True and m.spam.score == 6.0
    assert m.auth_results.dmarc == "fail" and m.auth_results.spf == "softfail"
    assert {"ms_scl_high", "dmarc_fail", "spam_flagged"} <= set(codes(m))


@pytest.mark.parametrize(
    ("name", "ip", "to"),
    [
        ("spam_01.eml", "159.89.201.17", "tanaka@example.co.jp"),
        ("spam_02.eml", "159.89.201.17", "tanaka@example.co.jp"),
        ("spam_03.eml", "88.198.47.12", "tanaka@example.co.jp"),
        ("spam_04.eml", "167.99.77.13", "tanaka@example.co.jp"),
        ("spam_05.eml", "5.188.62.140", "info@example.co.jp"),
        ("spam_06.eml", "103.75.190.21", "info@example.co.jp"),
        ("good_01.eml", "210.130.137.80", "sato@example.co.jp"),
        ("good_02.eml", "153.127.40.12", "sato@example.co.jp"),
    ],
)
@pytest.mark.parametrize("policy", [CUSTOMER, PROVIDER], ids=["inferred", "profile"])
def test_demo_case(name: str, ip: str, to: str, policy: AnalysisPolicy) -> None:
    m = one(DEMO / name, policy)
    assert m.handoff is not None and m.handoff.ip == ip and m.handoff.hop == 1
    assert m.to == (to,)
    assert m.customer_is_origin is False
    assert m.hops[0].trusted and not m.hops[1].trusted
    assert "forged_received" not in codes(m)
    if name.startswith("spam"):
        assert m.from_ is not None and m.from_.endswith("@lottery-example.biz")
        assert m.auth_results.spf == "softfail" and m.auth_results.dkim == "none"
    else:
        assert m.auth_results.dkim == "pass" and m.dkim_domains


def test_demo_subjects_decoded() -> None:
    assert one(DEMO / "spam_03.eml").subject == "【当選通知】賞金のお受け取り手続きのご案内"
    assert one(DEMO / "good_01.eml").subject == "3月分のお見積りについて"


def test_negative_and_absurd_delays() -> None:
    from datetime import UTC, datetime, timedelta

    t = datetime(2026, 3, 9, 7, 0, tzinfo=UTC)
    hops = [
        Hop(raw="a", from_ip="192.168.0.2", by="mbox", timestamp=t),
        Hop(raw="b", from_ip="198.51.100.9", by="mx", timestamp=t + timedelta(minutes=5)),
        Hop(raw="c", from_ip="203.0.113.7", by="x", timestamp=t - timedelta(days=3)),
    ]
    r = trace(hops)
    by_code = {f.code: dict(f.params) for f in r.findings}
    assert by_code["negative_delay"]["hop"] == 0 and by_code["negative_delay"]["delay_s"] == -300.0
    assert by_code["absurd_delay"]["hop"] == 1
    assert r.hops[2].delay_s is None


def test_no_received() -> None:
    r = trace([])
    assert [f.code for f in r.findings] == ["no_received_headers"]
    assert r.handoff is None and r.claimed_origin is None


def test_private_only_internal_mail() -> None:
    hops = [Hop(raw="a", from_ip="10.0.0.5", from_helo="pc", by="mail.corp.example")]
    r = trace(hops)
    assert r.handoff is None
    assert r.claimed_origin is not None and r.claimed_origin.private is True
    assert "no_handoff" in [f.code for f in r.findings]


def test_helpers() -> None:
    assert registered_domain("mbox01.mail.example.ne.jp") == "example.ne.jp"
    assert registered_domain("192.0.2.1") is None
    assert hosts_match("mx01", "MX01.mail.example.ne.jp")
    assert hosts_match("[192.0.2.25]", "192.0.2.25")
    assert not hosts_match("mail.a-example.com", "mail.b-example.com")


def test_traced_hop_copies_every_field_in_order() -> None:
    """``_with_trace`` builds the Hop positionally (speed); a reordered or added field must not slip."""
    import dataclasses
    from datetime import UTC, datetime

    from wizard.core.model import Hop
    from wizard.core.trace import _with_trace

    values: dict[str, object] = {}
    for k, f in enumerate(dataclasses.fields(Hop)):
        if f.name == "timestamp":
            values[f.name] = datetime(2026, 3, 9, 1, 2, 3, tzinfo=UTC)
        elif f.name in ("relay", "trusted"):
            values[f.name] = False
        elif f.name == "delay_s":
            values[f.name] = None
        else:
            values[f.name] = f"value-{k}"
    hop = Hop(**values)  # type: ignore[arg-type]
    traced = _with_trace(hop, True, 12.5)
    assert dataclasses.replace(hop, trusted=True, delay_s=12.5) == traced
