"""Training scenarios: every shipped scenario validates, its ideal path scores full marks, and each of its
typical wrong paths loses exactly the rubric items it names, with the reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.core.scenarios import (
    ACTIONS,
    Action,
    ScenarioError,
    find_scenario,
    list_scenarios,
    parse_answers_text,
    parse_scenario,
    play,
    scenario_dir,
)

SCENARIOS = list_scenarios()
IDS = [s.id for s in SCENARIOS]


def test_at_least_seven_scenarios_cover_the_required_cases() -> None:
    assert len(SCENARIOS) >= 7
    assert "seed_post" in IDS


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_file_name_matches_id(scenario) -> None:
    assert Path(scenario.source).stem == scenario.id


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_ideal_path_scores_full_marks(scenario) -> None:
    result = play(scenario, scenario.ideal)
    missed = [i.id for i in result.items if not i.passed]
    assert missed == [] and result.score == result.max_score == scenario.max_score
    assert result.lesson is None


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_each_scenario_has_a_typical_wrong_path(scenario) -> None:
    assert scenario.wrong_paths, "every scenario documents at least one typical wrong path"


WRONG = [(s, name) for s in SCENARIOS for name in s.wrong_paths]


@pytest.mark.parametrize(("scenario", "path"), WRONG, ids=[f"{s.id}-{n}" for s, n in WRONG])
def test_wrong_path_loses_the_named_items_with_reasons(scenario, path) -> None:
    for lang in ("en", "ja"):
        result = play(scenario, scenario.wrong_paths[path], lang)
        lost = {i.id: i for i in result.items if not i.passed}
        assert set(lost) == set(scenario.wrong_path_losses[path])
        expected_loss = sum(i.max for i in lost.values())
        assert result.score == scenario.max_score - expected_loss
        for item in lost.values():
            assert item.points == 0 and item.why.strip(), item.id


def test_seed_post_block_list_with_deliver_is_caught_by_the_simulation() -> None:
    scenario = find_scenario("seed_post")
    result = play(scenario, scenario.wrong_paths["blocklist_with_deliver"], "en")
    items = {i.id: i for i in result.items}
    assert not items["action_that_acts"].passed and items["action_that_acts"].points == 0
    assert "only adds score" in items["action_that_acts"].why
    assert "blocklist_without_action" in result.sim_findings
    assert result.lesson and "assume" in result.lesson
    ja = play(scenario, scenario.wrong_paths["blocklist_with_deliver"], "ja")
    assert ja.lesson and "思い込" in ja.lesson


def test_seed_post_deleting_before_checking_the_origin_loses_points() -> None:
    scenario = find_scenario("seed_post")
    result = play(scenario, scenario.wrong_paths["delete_before_origin"])
    items = {i.id: i for i in result.items}
    assert not items["traced_before_deleting"].passed
    assert items["traced_before_deleting"].max == 20
    assert "PC" in items["traced_before_deleting"].why


def test_transcript_follows_the_calls_and_replies() -> None:
    scenario = find_scenario("seed_post")
    result = play(scenario, scenario.ideal, "ja")
    customer_lines = [text for who, text in result.transcript if who == "customer"]
    assert customer_lines[0].startswith("週末から")
    assert "Outlookだけど。" in customer_lines
    assert any("お昼" in line for line in customer_lines)  # "let's continue after lunch"
    assert any("未知" in line for line in customer_lines)  # the unknown-address slip


def test_answers_file_forms() -> None:
    text = "# call 1\nask_headers\nblock *@lottery-example.biz   # the domain\nset_action folder\n"
    assert parse_answers_text(text) == (
        Action("ask_headers"), Action("block", "*@lottery-example.biz"), Action("set_action", "folder"))
    as_json = json.dumps({"actions": [{"do": "trace_origin"}, "delete_address a@example.co.jp"]})
    assert parse_answers_text(as_json) == (Action("trace_origin"), Action("delete_address", "a@example.co.jp"))
    with pytest.raises(ValueError, match="unknown action 'hack'"):
        parse_answers_text("hack the planet")
    with pytest.raises(ValueError, match="needs an argument"):
        parse_answers_text("block")
    with pytest.raises(ValueError, match="not valid JSON"):
        parse_answers_text("[{")


def test_invalid_scenario_lists_every_problem() -> None:
    bad = {"format": "x", "version": 9, "id": "Bad Id", "samples": [], "calls": [],
           "rubric": [{"id": "a", "points": -1, "when": {"done": "fly"}},
                      {"id": "a", "points": 1, "when": {"before": ["trace_origin"]}}],
           "wrong_paths": {"w": {"actions": ["ask_headers"], "loses": ["nope"]}}}
    with pytest.raises(ScenarioError) as info:
        parse_scenario(bad, "bad.json", None)
    text = str(info.value)
    for expected in ("format", "version", "id:", "samples", "calls", "points", "unknown action 'fly'",
                     "duplicate 'a'", "before", "'nope' is not a rubric id", "ideal"):
        assert expected in text, expected


def test_broken_json_file_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b"\xff\xfe{not json")
    with pytest.raises(ScenarioError, match="not valid UTF-8 JSON"):
        find_scenario(str(path))


def test_every_action_has_a_sentence() -> None:
    assert all(text and text[0].isupper() for text in ACTIONS.values())


def test_scenarios_folder_is_found() -> None:
    assert scenario_dir().is_dir()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_hidden_origin_agrees_with_the_analysis_core(scenario) -> None:
    """A scenario's hidden truth must be what the wizard's own analysis finds in its samples."""
    from wizard.core.analyze import analyze_text
    from wizard.core.policy import AnalysisPolicy

    origin = scenario.hidden.get("origin")
    assert origin in ("external", "customer", "account")
    ips = [scenario.hidden["customer_ip"]] if scenario.hidden.get("customer_ip") else ["198.18.0.1"]
    policy = AnalysisPolicy.from_strings(customer_ips=ips)
    messages = [m for name, text, kind in scenario.samples if kind == "spam"
                for m in analyze_text(text, name, policy).messages]
    assert messages
    if origin == "customer":
        assert all(m.customer_is_origin for m in messages)
    elif origin == "account":
        assert any(m.authenticated_submission for m in messages)
    else:
        assert not any(m.customer_is_origin for m in messages)
        assert not any(m.authenticated_submission for m in messages)
