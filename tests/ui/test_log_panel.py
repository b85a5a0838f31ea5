"""Log panel (trace page) and verification panel (summary page): import with progress and cancel, the
matched record per sample, the plain-words report and the hourly chart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from wizard.core.analyze import analyze_text
from wizard.core.maillog import MailRecord
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.log_panel import LogPanel
from wizard.ui.widgets.verification_panel import VerificationPanel

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo"
DEMO_LOG = DEMO / "maillog" / "maillog"
JST = timezone(timedelta(hours=9))


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait_idle(60000)


@pytest.fixture
def session() -> CaseSession:
    s = CaseSession()
    analyses = []
    for name in ("spam_01.eml", "spam_05.eml"):
        analyses.extend(analyze_text((DEMO / name).read_text(encoding="utf-8"), name).messages)
    s.set_analyses(analyses, [])
    return s


def table_text(panel: LogPanel) -> list[list[str]]:
    t = panel.table
    return [[t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())]
            for r in range(t.rowCount())]


def test_import_matches_samples(qtbot: QtBot, runner: TaskRunner, session: CaseSession) -> None:
    panel = LogPanel(runner, session)
    qtbot.addWidget(panel)
    assert "(no log imported)" in table_text(panel)[0][-1]
    with qtbot.waitSignal(panel.recordsLoaded, timeout=60000) as blocker:
        panel.load_files([str(DEMO_LOG)])
        assert panel.busy and panel.cancel_button.isEnabled() and not panel.import_button.isEnabled()
    assert blocker.args[0] > 400
    records = session.extra["maillog"]
    assert isinstance(records[0], MailRecord)
    rows = table_text(panel)
    first = rows[0]
    assert first[0] == "spam_01.eml" and first[1] == "queue id"
    assert first[2] == "159.89.201.17"
    assert first[4].startswith("spam 7.2")
    assert first[5] == "tanaka@example.co.jp" and first[6].startswith("delivered to the inbox")
    assert rows[1][5] == "info@example.co.jp"
    assert not panel.busy and panel.import_button.isEnabled()
    assert "messages from" in panel.status.text()


def test_progress_and_cancel(qtbot: QtBot, runner: TaskRunner, session: CaseSession, tmp_path: Path) -> None:
    big = tmp_path / "big.log"
    chunk = DEMO_LOG.read_bytes()
    with big.open("wb") as f:
        for _ in range(60):  # ~40 MB: several read blocks, so progress is reported before the end
            f.write(chunk)
    panel = LogPanel(runner, session)
    qtbot.addWidget(panel)
    panel.load_files([str(big)])
    assert panel.progress.isVisible() or not panel.isVisible()
    qtbot.waitUntil(lambda: panel.progress.value() > 0 or not panel.busy, timeout=60000)
    panel.cancel_button.click()
    assert not panel.busy
    assert panel.status.text() == "Import cancelled."
    runner.wait_idle(60000)
    qtbot.wait(50)
    assert "maillog" not in session.extra
    assert panel.import_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_unreadable_file_is_reported(qtbot: QtBot, runner: TaskRunner, session: CaseSession,
                                     tmp_path: Path) -> None:
    panel = LogPanel(runner, session)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.recordsLoaded, timeout=60000):
        panel.load_files([str(tmp_path / "nope.log")])
    assert "cannot read" in panel.status.text()
    assert session.extra["maillog"] == []


def test_verification_report_and_chart(qtbot: QtBot, runner: TaskRunner, session: CaseSession) -> None:
    log_panel = LogPanel(runner, session)
    qtbot.addWidget(log_panel)
    with qtbot.waitSignal(log_panel.recordsLoaded, timeout=60000):
        log_panel.load_files([str(DEMO_LOG)])
    session.extra["blocklist_set_at"] = datetime(2026, 3, 10, 14, 0, tzinfo=JST)
    session.extra["action_changed_at"] = datetime(2026, 3, 13, 10, 30, tzinfo=JST).isoformat()
    session.set_decision("block_entries", ["*@lottery-example.biz"])
    panel = VerificationPanel(runner, session)
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    log_panel.recordsLoaded.connect(panel.refresh)
    assert panel.entries_label.text() == "*@lottery-example.biz"
    assert panel.until_check.isChecked()
    with qtbot.waitSignal(panel.reportReady, timeout=60000) as blocker:
        panel.run()
    report = blocker.args[0]
    assert report.findings[0].code == "blocklist_scored_but_delivered"
    texts = [panel.findings.item(i).text() for i in range(panel.findings.count())]
    assert "the block list only adds score while the action is 'deliver'" in texts[0]
    assert "lottery-example.biz" in texts[0]
    assert panel.chart.bar_count() > 20
    assert panel.chart.series_names()[:2] == ["tanaka@example.co.jp", "info@example.co.jp"]
    assert "tanaka@example.co.jp" in panel.chart.accessibleDescription()
    panel.chart.repaint()  # the QPainter path runs without warnings
    assert session.extra["verification"] is report
    assert "inbox" in panel.counts.text()


def test_verification_without_log(qtbot: QtBot, runner: TaskRunner) -> None:
    s = CaseSession()
    panel = VerificationPanel(runner, s)
    qtbot.addWidget(panel)
    panel.run()
    assert "Import the server log" in panel.findings.item(0).text()
    assert panel.chart.bar_count() == 0
