"""``spam-wizard scenario list|play|from-case``: the JSON contracts and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from wizard.cli import main
from wizard.core.scenarios import find_scenario


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json(capsys) -> None:
    code, out, _ = run(capsys, "scenario", "list", "--json")
    assert code == 0
    data = json.loads(out)
    ids = {s["id"] for s in data["scenarios"]}
    assert {"seed_post", "customer_pc_infected", "hijacked_account", "freemail_sender",
            "newsletter_false_positive", "backscatter", "japanese_paste"} <= ids
    assert all(s["max_score"] > 0 and s["title"]["ja"] and s["title"]["en"] for s in data["scenarios"])


def test_play_contract_for_the_post_block_list_trap(capsys, tmp_path: Path) -> None:
    scenario = find_scenario("seed_post")
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(f"{a.name} {a.arg or ''}".strip()
                                 for a in scenario.wrong_paths["blocklist_with_deliver"]), encoding="utf-8")
    code, out, _ = run(capsys, "scenario", "play", "seed_post", "--answers", str(answers), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"scenario", "score", "max_score", "items"}
    assert data["scenario"] == "seed_post" and data["max_score"] == scenario.max_score
    items = {i["id"]: i for i in data["items"]}
    assert all(set(i) == {"id", "points", "max", "passed", "why"} for i in data["items"])
    assert items["action_that_acts"] == {"id": "action_that_acts", "points": 0, "max": 20, "passed": False,
                                         "why": items["action_that_acts"]["why"]}
    assert data["score"] == sum(i["points"] for i in data["items"]) < data["max_score"]


def test_play_json_answers_and_japanese_reasons(capsys, tmp_path: Path) -> None:
    scenario = find_scenario("freemail_sender")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps([a.to_json() for a in scenario.ideal]), encoding="utf-8")
    code, out, _ = run(capsys, "scenario", "play", "freemail_sender", "--answers", str(answers), "--json",
                       "--lang", "ja")
    assert code == 0
    data = json.loads(out)
    assert data["score"] == data["max_score"]
    assert any("gmail" in i["why"] for i in data["items"])


def test_readable_output_shows_lesson(capsys, tmp_path: Path) -> None:
    answers = tmp_path / "a.txt"
    answers.write_text("block *@lottery-example.biz\nset_action deliver\n", encoding="utf-8")
    code, out, _ = run(capsys, "scenario", "play", "seed_post", "--answers", str(answers))
    assert code == 0
    assert "action_that_acts" in out and "assume" in out


def test_bad_answers_and_unknown_scenario_exit_1(capsys, tmp_path: Path) -> None:
    answers = tmp_path / "a.txt"
    answers.write_text("teleport\n", encoding="utf-8")
    code, _, err = run(capsys, "scenario", "play", "seed_post", "--answers", str(answers))
    assert code == 1 and "unknown action 'teleport'" in err
    code, _, err = run(capsys, "scenario", "play", "no_such", "--answers", str(answers))
    assert code == 1 and "no such scenario" in err
    code, _, err = run(capsys, "scenario", "play", "seed_post", "--answers", str(tmp_path / "missing"))
    assert code == 1 and "cannot read" in err


def test_bad_usage_exit_2(capsys) -> None:
    code, _, _ = run(capsys, "scenario", "play", "seed_post")
    assert code == 2
