"""Filter simulation, including the seed post's sequence: block list + "deliver" changes nothing the
customer sees; switching to the spam folder moves the spam and leaves the known-good mail alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.filter_fixtures import DATA, demo_case, load
from wizard.core.filtersim import SimSample, estimate_score, simulate, simulate_all, summary_counts
from wizard.core.model import MessageAnalysis, SpamVerdict
from wizard.core.profiles import get_profile

BLOCK = "*@lottery-example.biz"


def _demo() -> list[SimSample]:
    spam, good = demo_case()
    return [SimSample(a) for a in spam] + [SimSample(a, "good") for a in good]


def _codes(report: object) -> set[str]:
    return {f.code for f in report.findings}  # type: ignore[attr-defined]


def test_seed_post_sequence() -> None:
    profile = get_profile("hosting_provider")
    samples = _demo()
    # day 2: the block list is set, action stays "deliver normally"
    before = simulate(samples, profile, [BLOCK], "deliver")
    assert "blocklist_without_action" in _codes(before)
    mistake = next(f for f in before.findings if f.code == "blocklist_without_action")
    assert mistake.severity.value == "critical" and mistake.params["hits"] >= 5
    assert all(r.outcome == "inbox" for r in before.results)
    spam_rows = [r for r in before.results if r.kind == "spam"]
    assert all(r.blocklist_hit for r in spam_rows if r.source != "spam_02.eml")
    hit = next(r for r in spam_rows if r.source == "spam_01.eml")
    assert hit.base_score == 7.2 and hit.score == 107.2 and not hit.score_estimated
    assert hit.folder is None
    # three days later: move spam to the server's spam folder
    after = simulate(samples, profile, [BLOCK], "folder")
    assert "blocklist_without_action" not in _codes(after)
    for r in after.results:
        if r.kind == "spam":
            assert (r.outcome, r.folder) == ("folder", "Spam"), r
        else:
            assert (r.outcome, r.folder) == ("inbox", None), r
    assert "false_positive_risk" not in _codes(after)
    # the post's cautions for that action
    assert {"spam_folder_webmail_only", "false_positives_possible", "sensitivity_adjustable"} <= _codes(after)
    assert summary_counts(after)["good"] == {"inbox": 2}


def test_without_block_list_the_low_score_spam_stays() -> None:
    profile = get_profile("hosting_provider")
    report = simulate(_demo(), profile, [], "folder")
    by = {r.source: r for r in report.results}
    assert by["spam_04.eml"].outcome == "inbox"  # score 4.1 < 5.0
    assert by["spam_01.eml"].outcome == "folder"
    assert "blocklist_without_action" not in _codes(report)


def test_sensitivity_changes_threshold() -> None:
    profile = get_profile("hosting_provider")
    low = simulate(_demo(), profile, [], "folder", "low")
    high = simulate(_demo(), profile, [], "folder", "high")
    assert low.threshold == 8.0 and high.threshold == 3.0
    by_low = {r.source: r.outcome for r in low.results}
    by_high = {r.source: r.outcome for r in high.results}
    assert by_low["spam_01.eml"] == "inbox" and by_high["spam_04.eml"] == "folder"


def test_false_positive_risk_when_good_mail_is_blocked() -> None:
    profile = get_profile("hosting_provider")
    report = simulate(_demo(), profile, ["*@partner-example.co.jp"], "delete")
    fp = [f for f in report.findings if f.code == "false_positive_risk"]
    assert fp and fp[0].params["source"] == "good_01.eml" and fp[0].params["reason"] == "blocklist"
    assert fp[0].severity.value == "critical"  # deleted: lost for good
    assert "block_partner_domain" in _codes(report)
    assert "deleted_mail_unrecoverable" in _codes(report)


def test_postfix_rejects_on_envelope_only() -> None:
    profile = get_profile("postfix_access")
    samples = [SimSample(load(DATA / "spam_a.eml")), SimSample(load(DATA / "spam_fromonly.eml")),
               SimSample(load(DATA / "good_a.eml"), "good")]
    report = simulate(samples, profile, ["*@promo-example.biz"])
    by = {r.source: r for r in report.results}
    assert by["spam_a.eml"].outcome == "rejected" and by["spam_a.eml"].matched_on == ("envelope",)
    assert by["spam_fromonly.eml"].outcome == "inbox" and not by["spam_fromonly.eml"].blocklist_hit
    assert by["good_a.eml"].outcome == "inbox"
    codes = _codes(report)
    assert "blocklist_scope_mismatch" in codes and "blocklist_rejects_at_smtp" in codes
    assert "blocklist_without_action" not in codes


def test_estimated_score_is_marked() -> None:
    c = load(DATA / "spam_c.eml")
    est = estimate_score(c)
    assert est.estimated and "random_local_part" in est.basis
    report = simulate([SimSample(c)], get_profile("spamassassin"), ["*@promo-example.biz"], "folder")
    row = report.results[0]
    assert row.score_estimated and row.outcome == "folder" and row.to_json()["score_estimated"] is True
    assert "score_estimated" in _codes(report)
    flagged = MessageAnalysis(source="f", spam=SpamVerdict(flag=True, required=5.0))
    assert estimate_score(flagged).score > 5.0 and estimate_score(flagged).estimated


def test_already_blocklisted_sample_not_counted_twice() -> None:
    a = MessageAnalysis(source="x", from_="<a1b2c3d4@promo-example.biz>",
                        spam=SpamVerdict(True, 103.0, 5.0, ("USER_IN_BLOCKLIST",)))
    row = simulate([SimSample(a)], get_profile("cpanel"), ["*@promo-example.biz"], "folder").results[0]
    assert row.blocklist_hit and row.block_points == 0.0 and row.score == 103.0


def test_bad_input_becomes_findings() -> None:
    profile = get_profile("hosting_provider")
    report = simulate(_demo(), profile, ["bad\"entry;@x.com", BLOCK], "reject", "turbo")
    codes = _codes(report)
    assert {"pattern_refused", "action_not_offered", "sensitivity_unknown"} <= codes
    assert report.action == profile.default_action and report.entries == (BLOCK,)
    assert simulate([], profile, [], None).results == ()


def test_every_combination() -> None:
    profile = get_profile("hosting_provider")
    grid = simulate_all(_demo(), profile, [BLOCK])
    assert len(grid) == len(profile.actions) * len(profile.levels)
    for (action, _level), report in grid.items():
        outcomes = {r.outcome for r in report.results if r.kind == "spam"}
        expected = {"deliver": "inbox", "tag": "tagged", "folder": "folder", "delete": "deleted"}[action]
        assert outcomes == {expected}, (action, outcomes)


def test_json_contract_keys() -> None:
    report = simulate(_demo(), get_profile("hosting_provider"), [BLOCK], "folder")
    data = report.to_json()
    assert set(data) == {"results", "findings"}
    for row in data["results"]:
        assert {"source", "score", "blocklist_hit", "outcome", "folder"} <= set(row)
        assert row["outcome"] in ("inbox", "tagged", "folder", "deleted", "rejected")
    for f in data["findings"]:
        assert set(f) == {"code", "severity", "params"}


@given(st.text(max_size=300), st.text(max_size=300), st.text(max_size=200), st.lists(st.text(max_size=50)))
def test_hostile_headers_never_crash(from_: str, return_path: str, to: str, tests: list[str]) -> None:
    from wizard.core.blocksuggest import suggest_block

    a = MessageAnalysis(source="h", from_=from_, return_path=return_path, to=(to,),
                        spam=SpamVerdict(None, None, None, tuple(tests)))
    report = simulate([SimSample(a), SimSample(a, "good")], get_profile("hosting_provider"),
                      ["*@lottery-example.biz", from_], "folder")
    assert len(report.results) == 2 and all(r.outcome in ("inbox", "folder") for r in report.results)
    suggestion = suggest_block([a, a])
    assert all(p.startswith("*@") for p in suggestion.patterns)
