"""Quarantine page: the simulation matrix, the unmistakable warning for "deliver" with a block list,
and moving spam to the folder changes the outcomes while known-good mail stays in the inbox."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_blocklist_page import demo_session
from wizard.ui.pages.quarantine_page import REPORT_KEY, QuarantinePage
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner

BLOCK = "*@lottery-example.biz"


def _column(page: QuarantinePage, col: int) -> list[str]:
    return [page.matrix.item(r, col).text() for r in range(page.matrix.rowCount())]


def _wait_report(page: QuarantinePage, qtbot: QtBot, action: str) -> None:
    qtbot.waitUntil(lambda: page.report is not None and page.report.action == action
                    and page.matrix.rowCount() == len(page.report.results))


@pytest.fixture
def page(qtbot: QtBot) -> QuarantinePage:
    session = demo_session()
    session.set_decision("block_entries", [BLOCK])
    runner = TaskRunner()
    widget = QuarantinePage(session, runner)
    widget._runner_keepalive = runner  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.initializePage()
    widget.show()
    _wait_report(widget, qtbot, "deliver")
    return widget


def test_deliver_with_block_list_is_the_posts_mistake(page: QuarantinePage) -> None:
    assert set(page.action_buttons) == {"deliver", "tag", "delete", "folder"}
    assert page.action_buttons["deliver"].isChecked()
    assert page.matrix.rowCount() == 8
    assert set(_column(page, 4)) == {"Inbox"}
    assert set(_column(page, 3)[:6]) == {"yes"} and set(_column(page, 3)[6:]) == {"no"}
    assert "107.2 (+100 block list)" in _column(page, 2)
    assert page.mistake_banner.isVisible()
    assert "changes nothing the customer can see" in page.mistake_banner.text()
    assert page.mistake_banner.level == "critical"
    assert "0 of 6 spam samples would leave the inbox" in page.summary_label.text()


def test_moving_to_folder_changes_outcomes(page: QuarantinePage, qtbot: QtBot) -> None:
    page.set_action("folder")
    _wait_report(page, qtbot, "folder")
    assert page.session.action == "folder"
    outcomes = _column(page, 4)
    kinds = _column(page, 1)
    for kind, outcome in zip(kinds, outcomes, strict=True):
        assert outcome == ("Spam folder (Spam)" if kind == "Spam" else "Inbox")
    assert not page.mistake_banner.isVisible()
    cautions = page.cautions_label.text()
    assert "only be seen in webmail" in cautions and "not 100% accurate" in cautions
    assert "sensitivity can be changed" in cautions
    assert page.session.extra[REPORT_KEY].action == "folder"
    assert "6 of 6 spam samples would leave the inbox; 2 of 2 known-good" in page.summary_label.text()


def test_sensitivity_and_delete(page: QuarantinePage, qtbot: QtBot) -> None:
    page.session.set_decision("block_entries", [])
    page.set_action("delete")
    _wait_report(page, qtbot, "delete")
    qtbot.waitUntil(lambda: page.report is not None and page.report.entries == ())
    assert "cannot be recovered" in page.cautions_label.text()
    page.sensitivity_combo.setCurrentIndex(page.sensitivity_combo.findData("low"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.sensitivity == "low")
    assert page.session.sensitivity == "low"
    outcomes = dict(zip([s.split("#")[0] for s in _column(page, 0)], _column(page, 4), strict=True))
    assert outcomes["spam_05.eml"] == "Deleted" and outcomes["spam_01.eml"] == "Inbox"  # 7.2 < 8.0


def test_false_positive_shown(page: QuarantinePage, qtbot: QtBot) -> None:
    page.session.set_decision("block_entries", [BLOCK, "*@partner-example.co.jp"])
    page.set_action("folder")
    qtbot.waitUntil(lambda: page.report is not None and len(page.report.entries) == 2
                    and page.report.action == "folder")
    assert page.other_findings.isVisible() and "Known-good mail" in page.other_findings.text()


def test_export_dialog(page: QuarantinePage, qtbot: QtBot, tmp_path: object) -> None:
    page.set_action("folder")
    dialog = page.make_export_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "blocklist_from *@lottery-example.biz" in dialog.preview.toPlainText() or \
        "blacklist_from *@lottery-example.biz" in dialog.preview.toPlainText()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("sieve"))
    assert 'fileinto "Spam";' in dialog.preview.toPlainText()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("postfix"))
    assert "lottery-example.biz\tREJECT" in dialog.preview.toPlainText()
    assert "refused during the SMTP dialogue" in dialog.notes.text()
    page.session.set_decision("block_entries", ["x?y*@example.com"])
    glob = page.make_export_dialog()
    assert glob is not None
    qtbot.addWidget(glob)
    glob.format_combo.setCurrentIndex(glob.format_combo.findData("postfix"))
    assert "cannot be exported" in glob.notes.text() and "cannot express" in glob.notes.text()
    assert not glob.save_button.isEnabled() and glob.preview.toPlainText() == ""
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("sieve"))
    target = f"{tmp_path}/spam.sieve"
    assert dialog.save_to(target)
    with open(target, encoding="utf-8") as handle:
        assert "fileinto" in handle.read()


def test_no_samples(qtbot: QtBot) -> None:
    widget = QuarantinePage(CaseSession(), TaskRunner())
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.report is not None)
    assert widget.matrix.rowCount() == 0 and not widget.mistake_banner.isVisible()


def test_both_languages(qtbot: QtBot, ui_language: str) -> None:
    session = demo_session()
    session.set_decision("block_entries", [BLOCK])
    runner = TaskRunner()
    widget = QuarantinePage(session, runner)
    qtbot.addWidget(widget)
    widget.initializePage()
    _wait_report(widget, qtbot, "deliver")
    banner = widget.mistake_banner.text()
    if ui_language == "ja":
        assert "お客様から見える変化はありません" in banner
        assert "受信箱" in _column(widget, 4)
        assert "スパムフォルダー" in widget.action_buttons["folder"].text()
    else:
        assert "changes nothing the customer can see" in banner
    widget.set_action("folder")
    _wait_report(widget, qtbot, "folder")
    if ui_language == "ja":
        assert "ウェブメールでしか見られません" in widget.cautions_label.text()
        assert "スパムフォルダー(Spam)" in _column(widget, 4)


def test_sample_names_and_hidden_page_catches_up(qtbot: QtBot) -> None:
    session = demo_session()
    session.set_decision("block_entries", [BLOCK])
    runner = TaskRunner()
    widget = QuarantinePage(session, runner)
    qtbot.addWidget(widget)
    widget.initializePage()
    _wait_report(widget, qtbot, "deliver")
    names = _column(widget, 0)
    assert "spam_01.eml" in names and not any(n.endswith("#1") for n in names)
    qtbot.waitUntil(lambda: not runner.busy)
    # hidden: a new case does not start a simulation (the window stays free while step 1 analyses)
    session.set_analyses(session.analyses[:2], [])
    assert not runner.busy and widget.matrix.rowCount() == 8
    widget.show()
    qtbot.waitUntil(lambda: widget.matrix.rowCount() == 2)
    runner.wait_idle(10000)
