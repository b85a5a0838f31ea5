"""Block-list suggestion: fixed domain + random local parts -> *@domain; refusals for big providers,
the customer's own domain and partners; match scope (envelope / From)."""

from __future__ import annotations

from tests.filter_fixtures import DATA, load
from wizard.core.blocksuggest import (
    check_entry,
    looks_random,
    registrable_domain,
    sender_rows,
    suggest_block,
)
from wizard.core.export.patterns import parse_pattern
from wizard.core.model import MessageAnalysis


def _spam() -> list[MessageAnalysis]:
    return [load(DATA / n) for n in ("spam_a.eml", "spam_b.eml", "spam_c.eml")]


def _good() -> list[MessageAnalysis]:
    return [load(DATA / n) for n in ("good_a.eml", "good_b.eml")]


def codes(findings: tuple[object, ...]) -> set[str]:
    return {f.code for f in findings}  # type: ignore[attr-defined]


def test_random_local_parts() -> None:
    for local in ("q8x2k9vz", "zt7p3wqx", "x7kq2p", "pq83mzt", "k3n8tq", "a9f3e2c1d0b7"):
        assert looks_random(local), local
    for local in ("info", "tanaka", "suzuki", "news", "yamada.taro", "taro2024", "support"):
        assert not looks_random(local), local


def test_registrable_domain() -> None:
    assert registrable_domain("mta.news.shop-example.jp") == "shop-example.jp"
    assert registrable_domain("mail.example.co.jp") == "example.co.jp"
    assert registrable_domain("") == ""


def test_suggests_star_at_domain_matching_both_senders() -> None:
    s = suggest_block(_spam(), _good())
    assert s.patterns == ("*@promo-example.biz",)
    assert not s.refused
    assert s.match_scope == "both"
    assert (s.matched, s.total, s.random_locals) == (3, 3, 3)
    assert "block_suggested" in codes(s.findings)
    rows = sender_rows(_spam())
    assert rows[0].envelope == "q8x2k9vz@promo-example.biz" and rows[0].random_local


def test_from_only_scope_is_reported() -> None:
    s = suggest_block([load(DATA / "spam_fromonly.eml")])
    # the Return-Path is another domain: the most common domain is a tie; the suggestion must say which
    # sender it matched on
    assert s.match_scope in ("from", "envelope")
    assert "block_scope_partial" in codes(s.findings)


def test_refuses_big_provider() -> None:
    s = suggest_block([load(DATA / "spam_gmail.eml")])
    assert s.refused and s.patterns == ()
    assert "block_big_provider" in codes(s.findings)


def test_refuses_own_domain_and_partner() -> None:
    own = check_entry(parse_pattern("*@example.co.jp"), own=("example.co.jp",))
    assert codes(own) == {"block_own_domain"}
    partner = check_entry(parse_pattern("*@partner-example.co.jp"), partners=("partner-example.co.jp",))
    assert codes(partner) == {"block_partner_domain"}
    sub = check_entry(parse_pattern("*@*.partner-example.co.jp"), partners=("partner-example.co.jp",))
    assert "block_partner_domain" in codes(sub)
    wild = check_entry(parse_pattern("*@hotmail.co.jp"), big_providers=("hotmail.*",))
    assert codes(wild) == {"block_big_provider"}
    # one address at a big provider is fine
    assert check_entry(parse_pattern("lucky.winner.2026@gmail.com"), big_providers=("gmail.com",)) == ()


def test_spam_to_own_domain_is_refused_automatically() -> None:
    # spam "from" the customer's own domain (spoofed): the To domain marks it as hers
    spam = [load(DATA / "spam_a.eml")]
    forged = spam[0].__class__(source="x", from_="<abc123xyz@example.co.jp>", return_path="abc123xyz@example.co.jp",
                               to=("yamada@example.co.jp",))
    s = suggest_block([forged, forged])
    assert s.refused and "block_own_domain" in codes(s.findings)


def test_no_senders() -> None:
    s = suggest_block([MessageAnalysis(source="empty")])
    assert s.refused and s.patterns == () and "block_no_sender" in codes(s.findings)
    assert suggest_block([]).patterns == ()
