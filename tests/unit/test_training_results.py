"""Practice results are kept per trainee so progress shows."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from wizard.core.scenarios import find_scenario, play
from wizard.core.training_results import ResultsStore


def test_history_and_best_per_trainee(tmp_path: Path) -> None:
    scenario = find_scenario("seed_post")
    store = ResultsStore(tmp_path / "t.db")
    t0 = datetime(2026, 3, 9, tzinfo=UTC)
    store.record("aoki", play(scenario, scenario.wrong_paths["blocklist_with_deliver"]), 600, t0)
    store.record("aoki", play(scenario, scenario.ideal), 420, t0 + timedelta(days=1))
    store.record("baba", play(scenario, scenario.wrong_paths["delete_before_origin"]), 500, t0)
    store.close()
    store = ResultsStore(tmp_path / "t.db")  # kept across restarts
    rows = store.history("aoki", "seed_post")
    assert [r.percent for r in rows] == [round(100 * 95 / 135), 100]
    assert "action_that_acts" in rows[0].missed and rows[1].missed == ()
    assert store.best("aoki")["seed_post"].percent == 100
    assert store.trainees() == ["aoki", "baba"]
    assert store.history("nobody") == []
    store.close()
