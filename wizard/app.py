"""Composition root of the desktop wizard: QApplication, translator, fonts, settings, the case session,
the task runner and the wizard window.

``spam-wizard`` (no sub-command) calls :func:`main`. Options: ``--demo`` (the seed story's case
preloaded), ``--demo --screenshots DIR`` (every page in both languages to PNG, then exit),
``--lang ja|en`` and ``--self-test`` (open every page offscreen with the demo case, check the
resources, exit 0 when all is well).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

DEMO_SPAM = ("spam_01.eml", "spam_02.eml", "spam_03.eml", "spam_04.eml", "spam_05.eml", "spam_06.eml")
DEMO_GOOD = ("good_01.eml", "good_02.eml")
DEMO_CUSTOMER_SENT = ("customer_sent.eml",)
DEMO_TRUSTED = ("192.0.2.0/24", ".mail.example.ne.jp")
DEMO_CUSTOMER_IPS = ("198.51.100.77",)
DEMO_CUSTOMER_HOSTS = ("pc1.example.co.jp",)
SCREEN_SIZE = (1280, 800)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spam-wizard", description="Spam Support Wizard (desktop).")
    parser.add_argument("--demo", action="store_true", help="open with the demo case preloaded")
    parser.add_argument("--demo-case", choices=("spam", "customer_sent"), default="spam",
                        help="which demo case --demo loads (default: the seed story's spam)")
    parser.add_argument("--screenshots", metavar="DIR", help="with --demo: render every page to PNG and exit")
    parser.add_argument("--lang", choices=("ja", "en"), help="UI language (default: saved setting or system)")
    parser.add_argument("--self-test", action="store_true", help="open every page offscreen and check resources")
    parser.add_argument("--practice", nargs="?", const="", metavar="SCENARIO",
                        help="practise a training scenario with a simulated customer (a list opens without an id)")
    parser.add_argument("--trainee", default="", help="the trainee's name for --practice (results are kept per name)")
    parser.add_argument("--store", metavar="URL", help="case store: sqlite:///path/to/file.db or postgresql://... "
                        "(default: setting cases/store_url, $SPAM_WIZARD_STORE_URL, else a local file)")
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)  # start-up benchmark
    return parser


def demo_dir() -> Path:
    """``resources/samples/demo``."""
    from wizard.resources import resource_path

    return resource_path("samples", "demo")


DEMO_DECISIONS = {
    "departed": {"tanaka@example.co.jp"},
    "delete_address": "tanaka@example.co.jp",
    "block_entries": ["*@lottery-example.biz"],
    "action": "folder",
}
"""What the agent of the seed story decided (used for the screenshots and the tests of the summary)."""


def load_demo(session: object, case: str = "spam", decided: bool = False) -> list[str]:
    """Put the demo case into ``session`` (a CaseSession); with ``decided`` also the story's decisions.

    Returns the problems found (missing files)."""
    from wizard.ui.state import CaseSession, Sample

    assert isinstance(session, CaseSession)
    problems: list[str] = []
    samples: list[Sample] = []
    names = [(n, "spam") for n in DEMO_SPAM] + [(n, "good") for n in DEMO_GOOD]
    if case == "customer_sent":
        names = [(n, "spam") for n in DEMO_CUSTOMER_SENT]
    for name, kind in names:
        path = demo_dir() / name
        try:
            text = path.read_bytes().decode("utf-8", "replace")
        except OSError:
            problems.append(f"demo sample missing: {path}")
            continue
        samples.append(Sample(name, text, kind))
    session.customer = "佐藤様 / Sato (sato@example.co.jp)"
    session.domain = "example.co.jp"
    session.extra["trusted"] = list(DEMO_TRUSTED)
    session.extra["demo"] = case
    session.customer_ips = list(DEMO_CUSTOMER_IPS)
    session.customer_hosts = list(DEMO_CUSTOMER_HOSTS)
    session.set_samples(samples)
    if decided and case == "spam":
        # when, in the story's server log, the block list was set and the action was switched
        session.extra["blocklist_set_at"] = "2026-03-10T14:00:00+09:00"
        session.extra["action_changed_at"] = "2026-03-13T11:00:00+09:00"
        for name, value in DEMO_DECISIONS.items():
            session.set_decision(name, value.copy() if isinstance(value, set | list) else value)
    return problems


def demo_log() -> Path:
    """The demo case's server delivery log (``resources/samples/demo/maillog/maillog``)."""
    return demo_dir() / "maillog" / "maillog"


def load_demo_log(window: object) -> bool:
    """Import the demo server log on the trace page (as the agent does with the import button)."""
    from wizard.ui.wizard import PageId, SpamWizard

    assert isinstance(window, SpamWizard)
    window.ensure_pages()
    trace = window.pages.get(PageId.TRACE)
    path = demo_log()
    if trace is None or not path.is_file():
        return False
    trace.log.load_files([str(path)])  # type: ignore[attr-defined]
    return True


def _quiet_offscreen_messages() -> None:
    """The offscreen platform warns about every window size hint; keep headless runs' output readable."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous = None

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "does not support propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


class WizardApp:
    """Owns the session, the runner and the (re-buildable) wizard window."""

    def __init__(self, offline: bool = False) -> None:
        from wizard.ui.i18n import settings
        from wizard.ui.settings_dialog import read_offline, read_trusted
        from wizard.ui.state import CaseSession
        from wizard.ui.tasks import TaskRunner

        self.store = settings()
        self.runner = TaskRunner()
        self.session = CaseSession()
        self.session.extra["trusted"] = read_trusted(self.store)
        self.session.extra["offline"] = offline or read_offline(self.store)
        self.window: object = None
        self.on_rebuilt: Callable[[object], None] | None = None

    def build_window(self, lazy: bool = False) -> object:
        """Create the wizard for the current language (``lazy``: pages after step 1 are built once
        their modules were imported in the background)."""
        from wizard.ui.wizard import SpamWizard

        window = SpamWizard(self.session, self.runner, self.store, lazy=lazy)
        window.languageChangeRequested.connect(self.switch_language)
        # The window's objects live as long as the app: keeping them out of the collector's scans
        # cuts the pauses a full collection causes while results arrive (measured by the UI bench).
        if window.pages_ready:
            gc.freeze()
        else:
            window.pagesReady.connect(gc.freeze)
        self.window = window
        return window

    def switch_language(self, lang: str) -> None:
        """Install ``lang`` and rebuild the window on the same step (the case is kept)."""
        from PySide6.QtCore import QObject

        from wizard.ui.i18n import install
        from wizard.ui.wizard import PageId, SpamWizard

        old = self.window
        assert isinstance(old, SpamWizard)
        target = old.page_id() or PageId.PASTE
        old.save_geometry()
        for obj in [old, *old.findChildren(QObject)]:
            self.runner.cancel_owner(obj)
        install(lang)
        new = self.build_window()
        assert isinstance(new, SpamWizard)
        new.setGeometry(old.geometry())
        new.show()
        new.go_to(target)
        old.hide()
        old.deleteLater()
        if self.on_rebuilt is not None:
            self.on_rebuilt(new)


def wait_until(predicate: Callable[[], bool], timeout_ms: int = 20000) -> bool:
    """Run the event loop until ``predicate()`` is true or the time is up (no sleeping)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer

    if predicate():
        return True
    loop = QEventLoop()
    deadline = QDeadlineTimer(timeout_ms)
    tick = QTimer()
    tick.setInterval(15)

    def check() -> None:
        if predicate() or deadline.hasExpired():
            loop.quit()

    tick.timeout.connect(check)
    tick.start()
    loop.exec()
    tick.stop()
    return predicate()


def settled(app: WizardApp) -> bool:
    """No background work and no pending analysis."""
    return not app.runner.busy and not app.session.analysis_pending


MAIN_FLOW = ("PASTE", "TRACE", "RECIPIENTS", "BLOCKLIST", "QUARANTINE", "SUMMARY")
BRANCH_FLOW = ("PASTE", "TRACE", "CUSTOMER_SENT", "SUMMARY")


def walk(app: WizardApp, flow: Sequence[str], visit: Callable[[str, object], None],
         timeout_ms: int = 20000) -> list[str]:
    """Go through ``flow`` with Next, calling ``visit(page_key, window)`` on each page once the page has
    settled. Returns the problems met (a page that did not come, a page that blocked)."""
    from wizard.ui.wizard import PageId, SpamWizard

    window = app.window
    assert isinstance(window, SpamWizard)
    problems: list[str] = []
    window.restart()
    for index, name in enumerate(flow):
        page_id = PageId[name]
        if window.currentId() != page_id:
            problems.append(f"expected page {name}, got {window.currentId()}")
            break
        wait_until(lambda: settled(app), timeout_ms)
        page = window.currentPage()
        wait_until(lambda page=page: page.isComplete() and settled(app), 3000)
        visit(page_id.key, window)
        if index + 1 < len(flow):
            window.next()
            wait_until(lambda: settled(app), timeout_ms)
            if window.currentId() == page_id:
                problems.append(f"page {name} did not let the flow go on (Next blocked)")
                break
    return problems


def take_screenshots(app: WizardApp, out_dir: Path, langs: Sequence[str] = ("ja", "en")) -> list[str]:
    """Render every page of the demo (main flow and the customer-sent branch) in each language."""
    from wizard.ui.i18n import install
    from wizard.ui.wizard import SpamWizard

    out_dir.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for lang in langs:
        install(lang)
        for case, flow in (("spam", MAIN_FLOW), ("customer_sent", BRANCH_FLOW)):
            fresh = WizardApp(offline=True)
            load_demo(fresh.session, case, decided=True)
            window = fresh.build_window()
            assert isinstance(window, SpamWizard)
            window.setGeometry(0, 0, *SCREEN_SIZE)
            window.show()
            if case == "spam":
                load_demo_log(window)
            def shoot(key: str, win: object, lang: str = lang, case: str = case,
                      fresh: WizardApp = fresh) -> None:
                assert isinstance(win, SpamWizard)
                if case == "customer_sent" and key not in ("trace", "customer_sent"):
                    return
                name = f"{lang}_{key}.png" if case == "spam" else f"{lang}_{key}_branch.png"
                if key == "customer_sent":
                    name = f"{lang}_customer_sent.png"
                # Results that just arrived have posted layout requests: grab() would draw the old
                # geometry (a wrapped label cut to one line). Let the event loop lay out first.
                wait_until(lambda: False, 60)
                win.grab().save(str(out_dir / name))
                if key == "summary" and case == "spam":
                    page = win.currentPage()
                    page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
                    wait_until(lambda: not fresh.runner.busy, 20000)
                    wait_until(lambda: False, 60)
                    win.grab().save(str(out_dir / f"{lang}_summary_log.png"))
                    page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]

            problems += [f"{lang}/{case}: {p}" for p in walk(fresh, flow, shoot)]
            window.close()
            window.deleteLater()
            fresh.runner.wait_idle(10000)
    return problems


def self_test(app: WizardApp) -> list[str]:
    """Open every page with the demo case (both branches) and check the resources; returns problems."""
    from wizard import i18n_build
    from wizard.resources import resource_path
    from wizard.ui.i18n import LANGUAGES
    from wizard.ui.pages.paste_page import load_guides
    from wizard.ui.widgets.talk_panel import load_script
    from wizard.ui.wizard import PageId, SpamWizard

    problems: list[str] = []
    for lang in LANGUAGES:
        for page_id in PageId:
            if load_script(lang, page_id.key) is None:
                problems.append(f"talk script missing: {lang}/{page_id.key}")
        if len(load_guides(lang)) < 7:
            problems.append(f"header guides incomplete for {lang}")
    if not resource_path("icons", "spam-wizard.svg").is_file():
        problems.append("application icon missing")
    if not i18n_build.qm_file("ja").exists():
        problems.append("Japanese catalogue wizard_ja.qm missing (run python -m wizard.i18n_build)")
    seen: list[str] = []
    for case, flow in (("spam", MAIN_FLOW), ("customer_sent", BRANCH_FLOW)):
        fresh = WizardApp(offline=True)
        problems += load_demo(fresh.session, case)
        window = fresh.build_window()
        assert isinstance(window, SpamWizard)
        window.setGeometry(0, 0, *SCREEN_SIZE)
        window.show()

        def visit(key: str, win: object, problems: list[str] = problems) -> None:
            assert isinstance(win, SpamWizard)
            seen.append(key)
            if not win.currentPage().title():
                problems.append(f"page {key} has no title")
            if win.talk.page != key or not win.talk.plain_text().strip():
                problems.append(f"talk panel empty on {key}")

        problems += [f"{case}: {p}" for p in walk(fresh, flow, visit)]
        window.close()
        window.deleteLater()
        fresh.runner.wait_idle(10000)
    missing = {p.key for p in PageId} - set(seen)
    if missing:
        problems.append(f"pages never opened: {', '.join(sorted(missing))}")
    return problems


def start_practice(scenario_id: str, trainee: str, store: object = None) -> tuple[WizardApp, object]:
    """Build the practice window for one scenario: the wizard (offline) beside the simulated customer.

    Returns the app and the :class:`~wizard.ui.practice.PracticeWindow` (not shown yet)."""
    from wizard.core.scenarios import find_scenario
    from wizard.ui.practice import PracticeController, PracticeWindow

    app = WizardApp(offline=True)
    controller = PracticeController(find_scenario(scenario_id), app.session, trainee, store)  # type: ignore[arg-type]
    window = PracticeWindow(app.build_window(), controller)  # type: ignore[arg-type]
    app.on_rebuilt = window.replace_wizard
    return app, window


def practice_from_start(parent: object) -> object:
    """The start screen's "Practice…": choose a scenario and a trainee, then open the practice window
    (returned, so the caller keeps it alive; None when cancelled)."""
    from wizard.core.scenarios import list_scenarios
    from wizard.core.training_results import ResultsStore
    from wizard.ui.practice import PracticeLauncher

    store = ResultsStore()
    launcher = PracticeLauncher(list_scenarios(), store, parent=parent)  # type: ignore[arg-type]
    chosen = launcher.chosen() if launcher.exec() else None
    if chosen is None:
        store.close()
        return None
    _app, window = start_practice(chosen.id, launcher.trainee(), store)
    window.resize(1600, 860)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    return (_app, window, store)


def run_practice(qapp: object, scenario_id: str, trainee: str) -> int:
    """``--practice``: choose a scenario (unless given) and a trainee name, then practise it."""
    from wizard.core.scenarios import ScenarioError, list_scenarios
    from wizard.core.training_results import ResultsStore
    from wizard.ui.practice import PracticeLauncher

    store = ResultsStore()
    try:
        if not scenario_id or not trainee:
            launcher = PracticeLauncher(list_scenarios(), store, trainee)
            if scenario_id:
                ids = [s.id for s in launcher.scenarios]
                launcher.list.setCurrentRow(ids.index(scenario_id) if scenario_id in ids else 0)
            if not launcher.exec():
                return 0
            chosen = launcher.chosen()
            if chosen is None:
                return 0
            scenario_id, trainee = chosen.id, launcher.trainee()
        try:
            app, window = start_practice(scenario_id, trainee, store)
        except ScenarioError as exc:
            print(f"spam-wizard: {exc}", file=sys.stderr)
            return 2
        window.resize(1600, 860)  # type: ignore[attr-defined]
        window.show()  # type: ignore[attr-defined]
        code = int(qapp.exec())  # type: ignore[attr-defined]
        app.runner.wait_idle(5000)
        return code
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop wizard (or its screenshot / self-test modes); returns the exit code."""
    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.screenshots and not args.demo:
        print("spam-wizard: --screenshots needs --demo", file=sys.stderr)
        return 2
    headless = bool(args.screenshots or args.self_test)
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _quiet_offscreen_messages()

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from wizard.resources import resource_path
    from wizard.ui import i18n

    i18n.set_app_identity()
    qapp = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "spam-wizard"])
    assert isinstance(qapp, QApplication)
    qapp.setWindowIcon(QIcon(str(resource_path("icons", "spam-wizard.svg"))))
    i18n.apply_fonts(qapp)
    lang = args.lang or i18n.preferred_language()
    i18n.install(lang)

    if args.screenshots:
        problems = take_screenshots(WizardApp(offline=True), Path(args.screenshots),
                                    (args.lang,) if args.lang else ("ja", "en"))
        for problem in problems:
            print(f"screenshots: {problem}", file=sys.stderr)
        print(f"screenshots written to {args.screenshots}")
        return 1 if problems else 0
    if args.self_test:
        problems = self_test(WizardApp(offline=True))
        for problem in problems:
            print(f"self-test: {problem}", file=sys.stderr)
        print("self-test: ok" if not problems else f"self-test: {len(problems)} problem(s)")
        return 1 if problems else 0

    if args.practice is not None:
        return run_practice(qapp, args.practice, args.trainee)
    app = WizardApp(offline=args.demo)
    if args.demo:
        for problem in load_demo(app.session, args.demo_case):
            print(f"demo: {problem}", file=sys.stderr)
    if not args.demo and not args.exit_when_shown:
        # The case is the unit of work: the start screen (open cases, follow-ups, search) opens the wizard
        # on a new or resumed case, autosaved through the case store (issue 8).
        from wizard.ui.start_screen import CaseLauncher, store_settings

        launcher = CaseLauncher(app, *store_settings(app.store, args.store))
        practice_windows: list[object] = []
        launcher.screen.practiceRequested.connect(
            lambda: practice_windows.append(practice_from_start(launcher.screen)))
        launcher.start()
        code = qapp.exec()
        if launcher.binding is not None:
            launcher.binding.flush()
        app.runner.wait_idle(5000)
        return int(code)
    window = app.build_window(lazy=not args.demo)
    window.show()  # type: ignore[attr-defined]
    if args.demo and args.demo_case == "spam":
        load_demo_log(window)
    if args.exit_when_shown:
        from PySide6.QtCore import QTimer

        def shown() -> None:
            print("SHOWN", flush=True)
            qapp.quit()

        QTimer.singleShot(0, shown)
    code = qapp.exec()
    app.runner.wait_idle(5000)
    return int(code)
