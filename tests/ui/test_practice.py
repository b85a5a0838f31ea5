"""Practice mode: the post's scenario completed through the practice UI (customer panel + wizard), with
the debrief checked; a wrong path shows the lost points and the closing lesson; results are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.core.scenarios import find_scenario
from wizard.core.training_results import ResultsStore


@pytest.fixture
def store(tmp_path: Path):
    s = ResultsStore(tmp_path / "training.db")
    yield s
    s.close()


def say(panel, qtbot, name: str, arg: str | None = None) -> None:
    """Choose an action in the customer panel and press Go (as a trainee would)."""
    index = panel.action_combo.findData(name)
    assert index >= 0, name
    panel.action_combo.setCurrentIndex(index)
    panel.arg_edit.setText(arg or "")
    qtbot.mouseClick(panel.do_button, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)


def open_practice(qtbot, store, scenario_id: str = "seed_post"):
    from wizard.app import start_practice

    app, window = start_practice(scenario_id, "trainee-a", store)
    qtbot.addWidget(window)
    window.resize(1600, 860)
    window.show()
    qtbot.waitUntil(lambda: bool(app.session.analyses) and not app.runner.busy, timeout=30000)
    return app, window


def test_post_scenario_through_the_practice_ui(qtbot, ui_language, store) -> None:
    from wizard.ui.wizard import PageId

    app, window = open_practice(qtbot, store)
    panel = window.panel
    wizard = window.wizard
    wizard.ensure_pages()
    # the customer's opening line is on screen, in the UI language
    assert ("週末から" if ui_language == "ja" else "Since the weekend") in panel.transcript.toPlainText()

    say(panel, qtbot, "ask_headers")
    say(panel, qtbot, "ask_mail_client")
    assert ("Outlookだけど" if ui_language == "ja" else "Outlook.") in panel.transcript.toPlainText()
    say(panel, qtbot, "guide_headers")
    wizard.next()  # paste -> trace: counts as tracing the origin
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.TRACE)
    say(panel, qtbot, "check_log")
    say(panel, qtbot, "conclude_origin", "external")
    wizard.next()  # trace -> recipients (the customer is not the sender)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.RECIPIENTS)
    app.session.set_decision("departed", {"tanaka@example.co.jp"})
    app.session.set_decision("delete_address", "tanaka@example.co.jp")
    for name in ("check_address", "read_back_address", "check_cert", "suggest_other_device", "agree_callback",
                 "next_call", "schedule_followup", "next_call"):
        say(panel, qtbot, name)
    assert ("お昼" if ui_language == "ja" else "after lunch") in panel.transcript.toPlainText()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.BLOCKLIST)
    app.session.set_decision("block_entries", ["*@lottery-example.biz"])
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.QUARANTINE)
    app.session.set_decision("action", "folder")
    for name in ("warn_false_positives", "warn_webmail_only", "explain_sensitivity", "verify_log",
                 "schedule_followup"):
        say(panel, qtbot, name)
    recorded = [a.name for a in window.controller.actions]
    assert {"trace_origin", "review_recipients", "review_senders", "simulate"} <= set(recorded)
    assert ("block", "*@lottery-example.biz") in [(a.name, a.arg) for a in window.controller.actions]
    assert ("set_action", "folder") in [(a.name, a.arg) for a in window.controller.actions]

    with qtbot.waitSignal(window.controller.finished, timeout=30000):
        qtbot.mouseClick(panel.finish_button, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)
    debrief = window.debrief
    assert debrief is not None and debrief.isVisible()
    scenario = find_scenario("seed_post")
    text = debrief.score_label.text()
    assert f"{scenario.max_score} / {scenario.max_score}" in text
    assert debrief.table.rowCount() == len(scenario.rubric)
    assert not debrief.lesson_label.isVisible()
    history = store.history("trainee-a", "seed_post")
    assert len(history) == 1 and history[0].percent == 100
    debrief.close()


def test_block_list_with_deliver_loses_points_and_shows_the_lesson(qtbot, ui_language, store) -> None:
    app, window = open_practice(qtbot, store)
    panel = window.panel
    say(panel, qtbot, "ask_headers")
    app.session.set_decision("block_entries", ["*@lottery-example.biz"])
    app.session.set_decision("action", "deliver")
    with qtbot.waitSignal(window.controller.finished, timeout=30000):
        panel.finish_button.click()
    debrief = window.debrief
    result = window.controller.result
    assert result is not None and result.score < result.max_score
    rows = {debrief.table.item(r, 0).text(): debrief.table.item(r, 2).text()
            for r in range(debrief.table.rowCount())}
    lost_title = next(t for t in rows if ("効く処置" in t or "acts" in t))
    assert lost_title.startswith("✘")
    assert ("スコアを加えるだけ" if ui_language == "ja" else "only adds score") in rows[lost_title]
    assert debrief.lesson_label.isVisible()
    assert ("思い込" if ui_language == "ja" else "assume") in debrief.lesson_label.text()
    debrief.close()


def test_launcher_lists_scenarios_and_best_results(qtbot, ui_language, store) -> None:
    from wizard.core.scenarios import list_scenarios, play
    from wizard.ui.practice import PracticeLauncher

    scenario = find_scenario("seed_post")
    store.record("trainee-b", play(scenario, scenario.ideal), 300.0)
    launcher = PracticeLauncher(list_scenarios(), store, "trainee-b")
    qtbot.addWidget(launcher)
    assert launcher.list.count() >= 7
    texts = [launcher.list.item(i).text() for i in range(launcher.list.count())]
    assert any("100%" in t for t in texts)
    launcher.name_edit.clear()
    from PySide6.QtWidgets import QDialogButtonBox

    assert not launcher.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
