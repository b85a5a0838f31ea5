"""The summary page's report tab: the case as the window holds it, exported as a printable report."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import settle
from wizard.ui.wizard import PageId


def test_report_tab_exports_the_current_case(make_wizard, qtbot, lang, tmp_path: Path) -> None:
    app = make_wizard(decided=True)
    settle(qtbot, app)
    window = app.window
    window.ensure_pages()
    assert window.go_to(PageId.SUMMARY)
    settle(qtbot, app)
    page = window.currentPage()
    page.tabs.setCurrentWidget(page.report)
    assert page.report.note_text().strip()
    assert "tanaka@example.co.jp" in page.report.note_text()
    out = tmp_path / "report.html"
    assert page.report.export("html", out) is not False
    qtbot.waitUntil(out.exists, timeout=20000)
    html = out.read_text(encoding="utf-8")
    assert "159.89.201.17" in html
