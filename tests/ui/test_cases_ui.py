"""The case UI: autosave through the binding, resume at the saved step, the "since last call" panel,
merging two agents' edits, and the report export (PDF checked with pdftotext, redacted variant checked
for leaks)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from wizard.core.cases.demo import demo_case
from wizard.core.cases.exports import case_identifiers
from wizard.core.cases.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'cases.db'}")
    yield s
    s.close()


@pytest.fixture
def runner(qapp: object) -> Iterator[object]:
    from wizard.ui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    r.wait_idle(20000)


def _binding(store: Store, runner: object, agent: str = "青木"):  # type: ignore[no-untyped-def]
    from wizard.ui.case_binding import CaseBinding
    from wizard.ui.state import CaseSession

    session = CaseSession()
    return session, CaseBinding(session, store, runner, agent=agent, debounce_ms=50)  # type: ignore[arg-type]


def test_autosave_and_step_change_saves_at_once(qtbot, store: Store, runner: object) -> None:  # type: ignore[no-untyped-def]
    from wizard.ui.state import Sample

    session, binding = _binding(store, runner)
    session.customer, session.domain = "佐藤様", "example.co.jp"
    with qtbot.waitSignal(binding.saved, timeout=10000):
        case_id = binding.start_new()
    assert store.load(case_id).record.customer == "佐藤様"
    text = (Path(__file__).resolve().parents[2] / "resources/samples/demo/spam_01.eml").read_text("utf-8")
    with qtbot.waitSignal(binding.saved, timeout=10000):
        session.set_samples([Sample("spam_01.eml", text)])
        session.set_decision("departed", {"tanaka@example.co.jp"})
        session.set_decision("block_entries", ["lottery-example.biz"])
    qtbot.waitUntil(lambda: not binding.pending, timeout=10000)
    stored = store.load(case_id)
    assert [s.source for s in stored.samples] == ["spam_01.eml"]
    assert stored.current("departed") == ["tanaka@example.co.jp"]
    assert stored.current("blocklist") == ["lottery-example.biz"]
    assert stored.decisions[-1].agent == "青木"
    assert [f.what for f in stored.followups] == ["verify:blocklist"]  # check the block list tomorrow
    with qtbot.waitSignal(binding.saved, timeout=10000):
        session.set_step("blocklist")  # no debounce for a step change
    assert store.load(case_id).record.step == "blocklist"
    failures: list[str] = []
    binding.saveFailed.connect(failures.append)
    session.notes = "最後のメモ"
    session.changed.emit()
    assert binding.flush(), failures
    assert store.load(case_id).state["notes"] == "最後のメモ"


def test_resume_fills_the_session_and_returns_the_step(qtbot, store: Store, runner: object) -> None:  # type: ignore[no-untyped-def]
    store.import_case(demo_case(3))
    session, binding = _binding(store, runner, agent="馬場")
    with qtbot.waitSignal(binding.saved, timeout=10000):
        step = binding.resume("demo-0001")
    assert step == "blocklist"
    assert session.case_id == "demo-0001" and session.customer == "佐藤様"
    assert len(session.samples) == 6
    assert session.departed == {"tanaka@example.co.jp"}
    assert session.delete_address == "tanaka@example.co.jp"
    assert session.block_entries == ["lottery-example.biz"]
    assert session.customer_ips == ["198.51.100.77"]
    stored = store.load("demo-0001")
    assert len(stored.calls) == 4 and stored.calls[-1].agent == "馬場"  # this call is recorded
    assert stored.version == 2
    assert all(f.done for f in stored.followups)  # this call was the follow-up that was due


def test_two_windows_on_one_case_merge_instead_of_overwriting(qtbot, store: Store, runner: object) -> None:  # type: ignore[no-untyped-def]
    store.import_case(demo_case(3))
    s1, b1 = _binding(store, runner, agent="青木")
    s2, b2 = _binding(store, runner, agent="馬場")
    with qtbot.waitSignal(b1.saved, timeout=10000):
        b1.resume("demo-0001")
    with qtbot.waitSignal(b2.saved, timeout=10000):
        b2.resume("demo-0001")
    with qtbot.waitSignal(b1.saved, timeout=10000):
        s1.set_decision("action", "folder")
    with qtbot.waitSignal(b2.conflictMerged, timeout=10000) as merged:
        s2.set_decision("sensitivity", "high")
    qtbot.waitUntil(lambda: not b1.pending and not b2.pending, timeout=10000)
    conflict = merged.args[0]
    assert [d.kind for d in conflict.decisions_since] == ["action"] and conflict.agents == ("青木",)
    final = store.load("demo-0001")
    assert final.current("action") == "folder" and final.current("sensitivity") == "high"
    assert s2.action == "folder"  # the second window now shows the first agent's decision


def test_since_last_call_panel(qtbot, ui_language: str, store: Store, runner: object) -> None:  # type: ignore[no-untyped-def]
    from wizard.ui.start_screen import SinceLastCallPanel, StartScreen

    store.import_case(demo_case(3))
    screen = StartScreen(runner, store)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.cases.topLevelItemCount() == 1, timeout=10000)
    assert screen.select_case("demo-0001")  # the first case is selected and its recap loads
    qtbot.waitUntil(lambda: "demo-0001" in screen.since.text(), timeout=10000)
    text = screen.since.text()
    if ui_language == "en":
        assert "Block list set on Tuesday" in text and "load today's log to check it" in text
        assert "Previous call:" in text and "Verify now:" in text
    else:
        assert "火曜日" in text and "ブロックリスト" in text and "本日のログ" in text
    assert "lottery-example.biz" in text
    # follow-ups due: the demo's Wednesday check is overdue by now
    assert screen.followups.count() == 1
    # the same panel for a fixed day, independent of today's date
    panel = SinceLastCallPanel()
    qtbot.addWidget(panel)
    panel.set_case(demo_case(4), now=datetime(2026, 3, 16, 1, tzinfo=UTC), today=date(2026, 3, 16))
    codes = [i.code for i in panel.items]
    assert "verify_action" in codes and "verify_blocklist" not in codes
    # search by IP and address
    screen.search.setText("159.89.201.17")
    qtbot.waitUntil(lambda: screen.cases.topLevelItemCount() == 1 and screen.search.text() != "", timeout=5000)
    with qtbot.waitSignal(screen.listsLoaded, timeout=10000):
        screen.search.setText("203.0.113.99")
    assert screen.cases.topLevelItemCount() == 0
    with qtbot.waitSignal(screen.openCase, timeout=5000) as opened:
        screen.search.setText("")
        qtbot.waitUntil(lambda: screen.cases.topLevelItemCount() == 1, timeout=10000)
        screen.resume_button.click()
    assert opened.args == ["demo-0001"]


def test_start_screen_import_refuses_damaged_file(qtbot, store: Store, runner: object, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wizard.core.cases.exports import case_file_bytes
    from wizard.ui.start_screen import StartScreen

    screen = StartScreen(runner, store)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    bad = tmp_path / "bad.json"
    bad.write_bytes(case_file_bytes(demo_case(3))[:-40])
    assert screen.import_file(bad) is not None
    assert store.list_cases(None) == []
    good = tmp_path / "good.json"
    good.write_bytes(case_file_bytes(demo_case(3)))
    with qtbot.waitSignal(screen.listsLoaded, timeout=10000):
        assert screen.import_file(good) is None
    assert screen.cases.topLevelItemCount() == 1


def _pdf_text(path: Path) -> str:
    proc = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          timeout=60, check=True)
    # the PDF's fonts map some glyphs to ligatures (ﬁ) and Kangxi radicals (⽇): compare in NFKC
    return unicodedata.normalize("NFKC", proc.stdout)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_report_export_pdf_html_and_redacted(qtbot, ui_language: str, runner: object, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wizard.ui.report_export import ReportExportWidget

    case = demo_case(4)
    widget = ReportExportWidget(runner)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.set_case(case)
    widget.lang_combo.setCurrentIndex(widget.lang_combo.findData(ui_language))
    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(widget.exported, timeout=10000):
        assert widget.export("pdf", pdf)
    text = _pdf_text(pdf)
    flat = "".join(text.split())
    assert "demo-0001" in flat
    assert "159.89.201.17" in flat and "tanaka@example.co.jp" in flat
    if ui_language == "en":
        assert "Deliveryroute" in flat and "Decisions" in flat and "Verificationresults" in flat
    else:
        assert "配送経路" in flat and "決定事項" in flat and "確認結果" in flat
    html_file = tmp_path / "report.html"
    assert widget.export("html", html_file)
    assert "159.89.201.17" in html_file.read_text("utf-8")

    widget.redact_box.setChecked(True)
    red_pdf = tmp_path / "redacted.pdf"
    assert widget.export("pdf", red_pdf)
    red_html = tmp_path / "redacted.html"
    assert widget.export("html", red_html)
    ids = case_identifiers(case)
    red_texts = {"pdf": "".join(_pdf_text(red_pdf).split()), "html": red_html.read_text("utf-8"),
                 "note": widget.note_text()}
    for kind, red in red_texts.items():
        for value in ids["emails"] | ids["ips"]:
            assert value not in red, (kind, value)
        for leak in ("lottery-example", "example.co.jp", "佐藤"):
            assert leak not in red, (kind, leak)
    assert "****@***.co.jp" in red_texts["pdf"] and "***.co.jp" in red_texts["html"]

    widget.copy_note()
    from PySide6.QtGui import QGuiApplication

    assert "demo-0001" in QGuiApplication.clipboard().text()


def test_resume_opens_the_wizard_at_the_saved_step(qtbot, ui_language: str, store: Store) -> None:  # type: ignore[no-untyped-def]
    from wizard.app import WizardApp
    from wizard.ui.case_binding import CaseBinding, open_wizard_at
    from wizard.ui.wizard import PageId

    store.import_case(demo_case(3))
    app = WizardApp(offline=True)
    binding = CaseBinding(app.session, store, app.runner, agent="馬場", debounce_ms=50)
    step = binding.resume("demo-0001")
    window = app.build_window()
    qtbot.addWidget(window)
    window.show()
    open_wizard_at(window, step, binding)
    qtbot.waitUntil(lambda: window.currentId() == PageId.BLOCKLIST, timeout=30000)
    qtbot.waitUntil(lambda: not app.runner.busy and not binding.pending, timeout=30000)
    stored = store.load("demo-0001")
    assert stored.record.step == "blocklist"  # walking past earlier pages did not rewind the case
    assert app.session.block_entries == ["lottery-example.biz"]
    app.runner.wait_idle(20000)


def test_launcher_resumes_from_the_start_screen_and_comes_back(qtbot, ui_language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wizard.app import WizardApp
    from wizard.ui.start_screen import CaseLauncher
    from wizard.ui.wizard import PageId

    url = f"sqlite:///{tmp_path / 'desk.db'}"
    seed = open_store(url)
    seed.import_case(demo_case(3))
    seed.close()
    app = WizardApp(offline=True)
    launcher = CaseLauncher(app, url, agent="馬場")
    qtbot.addWidget(launcher.screen)
    launcher.start()
    qtbot.waitUntil(lambda: launcher.screen.cases.topLevelItemCount() == 1, timeout=10000)
    with qtbot.waitSignal(launcher.wizardOpened, timeout=10000) as opened:
        launcher.screen.resume_button.click()
    window = opened.args[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.currentId() == PageId.BLOCKLIST, timeout=30000)
    assert not launcher.screen.isVisible()
    panel_text = window.since_last_call.text()
    assert "lottery-example.biz" in panel_text
    assert ("Block list set on" in panel_text) if ui_language == "en" else ("ブロックリスト" in panel_text)
    qtbot.waitUntil(lambda: not app.runner.busy and not launcher.binding.pending, timeout=30000)
    window.next()  # to the quarantine step: saved at once
    qtbot.waitUntil(lambda: launcher.store.load("demo-0001").record.step == "quarantine", timeout=10000)
    window.reject()  # closing the wizard goes back to the start screen
    qtbot.waitUntil(lambda: launcher.screen.isVisible(), timeout=5000)
    app.runner.wait_idle(20000)
    stored = launcher.store.load("demo-0001")
    assert stored.calls[-1].agent == "馬場" and stored.calls[-1].end is not None
    # a new case from the same screen gets a fresh session
    with qtbot.waitSignal(launcher.wizardOpened, timeout=10000) as opened2:
        case_id = launcher.new_case("山田様", "yamada.example.jp")
    qtbot.addWidget(opened2.args[0])
    assert app.session.samples == [] and app.session.customer == "山田様"
    qtbot.waitUntil(lambda: not launcher.binding.pending, timeout=10000)
    assert launcher.store.load(case_id).record.domain == "yamada.example.jp"
    opened2.args[0].reject()
    app.runner.wait_idle(20000)
