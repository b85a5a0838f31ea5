"""Block-list page: the sender table, the suggestion with its match scope, the entries list and the
warning that on score-based filters an entry only adds points."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from wizard.core.analyze import analyze_text
from wizard.ui.pages.blocklist_page import BlocklistPage
from wizard.ui.state import CaseSession, Sample
from wizard.ui.tasks import TaskRunner

DEMO = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo"


def demo_session(with_good: bool = True) -> CaseSession:
    session = CaseSession()
    names = [f"spam_0{i}.eml" for i in range(1, 7)] + (["good_01.eml", "good_02.eml"] if with_good else [])
    samples = [Sample(n, (DEMO / n).read_text(encoding="utf-8"), "good" if n.startswith("good") else "spam")
               for n in names]
    analyses = []
    for s in samples:
        analyses.extend(analyze_text(s.text, s.source).messages)
    session.set_samples(samples)
    session.set_analyses(analyses, [])
    return session


@pytest.fixture
def page(qtbot: QtBot) -> BlocklistPage:
    runner = TaskRunner()
    session = demo_session()
    widget = BlocklistPage(session, runner)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.suggestion is not None and widget.table.rowCount() == 6)
    widget._runner_keepalive = runner  # type: ignore[attr-defined]
    return widget


def test_sender_table_and_suggestion(page: BlocklistPage) -> None:
    table = page.table
    assert table.rowCount() == 6
    envelope = {table.item(r, 1).text() for r in range(6)}
    assert "x7kq2p@lottery-example.biz" in envelope
    assert {table.item(r, 3).text() for r in range(6)} == {"lottery-example.biz"}
    assert {table.item(r, 4).text() for r in range(6)} == {"yes"}
    text = page.suggestion_label.text()
    assert "*@lottery-example.biz" in text and "6 of 6" in text
    assert "envelope sender and From header" in text
    assert page.use_button.isEnabled()


def test_score_based_warning_is_prominent(page: BlocklistPage) -> None:
    assert page.effect_banner.isVisible()
    assert "does NOT block mail" in page.effect_banner.text() and "100 points" in page.effect_banner.text()
    assert page.effect_banner.level == "critical"
    # a Postfix access map really rejects
    index = page.profile_combo.findData("postfix_access")
    page.profile_combo.setCurrentIndex(index)
    assert page.session.profile == "postfix_access"
    assert "rejects the mail at SMTP time" in page.effect_banner.text()


def test_use_suggestion_records_decision(page: BlocklistPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.session.decisionsChanged):
        page.use_button.click()
    assert page.entry_texts() == ["*@lottery-example.biz"]
    assert page.session.block_entries == ["*@lottery-example.biz"]
    assert "blocklist_set_at" in page.session.extra
    qtbot.waitUntil(lambda: not page.runner.busy)
    assert not page.entry_warnings.isVisible()


def test_typed_entries_validated_and_checked(page: BlocklistPage, qtbot: QtBot) -> None:
    page.entry_edit.setText('"; discard; "@x.com')
    page.add_button.click()
    assert page.entry_texts() == [] and "Not added" in page.entry_error.text()
    page.entry_edit.setText("gmail.com")
    page.add_button.click()
    assert page.entry_texts() == ["*@gmail.com"]
    qtbot.waitUntil(lambda: "free-mail" in page.entry_warnings.text())
    assert page.entry_warnings.isVisible() and page.entry_warnings.level == "critical"
    page.entry_edit.setText("*@partner-example.co.jp")
    qtbot.keyClick(page.entry_edit, "\r")
    qtbot.waitUntil(lambda: "partner" in page.entry_warnings.text())
    page.entries.setCurrentRow(0)
    page.remove_button.click()
    assert page.session.block_entries == ["*@partner-example.co.jp"]


def test_hostile_subject_and_sender_shown_literally(qtbot: QtBot) -> None:
    session = CaseSession()
    text = ("Return-Path: <q8x2k9vz@promo-example.biz>\nFrom: \"<b>Boss</b>\" <q8x2k9vz@promo-example.biz>\n"
            "To: a@example.co.jp\nSubject: <img src=x>\nMessage-ID: <1@x>\n\n")
    session.set_samples([Sample("hostile.eml", text)])
    session.set_analyses(list(analyze_text(text, "hostile.eml").messages), [])
    widget = BlocklistPage(session, TaskRunner())
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1)
    assert widget.table.item(0, 1).text() == "q8x2k9vz@promo-example.biz"


def test_sample_names_drop_the_single_message_suffix(page: BlocklistPage) -> None:
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "spam_01.eml" in names and not any(n.endswith("#1") for n in names)


def test_hidden_page_waits_until_shown(qtbot: QtBot) -> None:
    """A hidden page does no work when the case changes (the window stays free while step 1 analyses);
    it catches up when it is shown."""
    runner = TaskRunner()
    session = demo_session()
    widget = BlocklistPage(session, runner)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.suggestion is not None and widget.table.rowCount() == 6)
    qtbot.waitUntil(lambda: not runner.busy)
    text = ("Return-Path: <q8x2k9vz@promo-example.biz>\nFrom: <q8x2k9vz@promo-example.biz>\n"
            "To: a@example.co.jp\nSubject: hi\nMessage-ID: <1@x>\n\n")
    session.set_samples([Sample("other.eml", text)])
    session.set_analyses(list(analyze_text(text, "other.eml").messages), [])
    assert not runner.busy and widget.table.rowCount() == 6  # nothing recomputed while hidden
    widget.show()
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1)
    assert widget.table.item(0, 0).text() == "other.eml"
    assert "promo-example.biz" in widget.suggestion_label.text()
    runner.wait_idle(10000)
