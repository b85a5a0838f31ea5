"""The wizard window: six steps (plus the customer-sent branch), the talk-script side panel, the busy
indicator, and the case analyzer that re-runs the core whenever the samples or the customer's machine
change."""

from __future__ import annotations

import importlib
import sys
from enum import IntEnum

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from wizard.core.model import InputError, MessageAnalysis
from wizard.ui.pages.paste_page import PastePage
from wizard.ui.state import CaseSession, Sample
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.talk_panel import TalkPanel


class PageId(IntEnum):
    """Page ids in the order of the call."""

    PASTE = 0
    TRACE = 1
    CUSTOMER_SENT = 2
    RECIPIENTS = 3
    BLOCKLIST = 4
    QUARANTINE = 5
    SUMMARY = 6

    @property
    def key(self) -> str:
        """Lower-case name: the talk-script file name and the session's step."""
        return self.name.lower()


PAGE_CLASSES: dict[PageId, tuple[str, str]] = {
    PageId.PASTE: ("wizard.ui.pages.paste_page", "PastePage"),
    PageId.TRACE: ("wizard.ui.pages.trace_page", "TracePage"),
    PageId.CUSTOMER_SENT: ("wizard.ui.pages.customer_sent_page", "CustomerSentPage"),
    PageId.RECIPIENTS: ("wizard.ui.pages.recipients_page", "RecipientsPage"),
    PageId.BLOCKLIST: ("wizard.ui.pages.blocklist_page", "BlocklistPage"),
    PageId.QUARANTINE: ("wizard.ui.pages.quarantine_page", "QuarantinePage"),
    PageId.SUMMARY: ("wizard.ui.pages.summary_page", "SummaryPage"),
}
"""Where each page lives. Only the first page is imported with the window; the others (and the
libraries they pull in: dnspython, cryptography, ...) are imported while the agent reads step 1."""


def page_class(page_id: PageId) -> type[QWizardPage]:
    """Import and return the page class for ``page_id``."""
    module_name, class_name = PAGE_CLASSES[page_id]
    cls: type[QWizardPage] = getattr(importlib.import_module(module_name), class_name)
    return cls


def _import_pages() -> int:
    """Import every page module (runs on a pool thread: imports need no GUI)."""
    for module_name, _class_name in PAGE_CLASSES.values():
        importlib.import_module(module_name)
    return len(PAGE_CLASSES)


def preload_geo() -> bool:
    """Load the offline country database (runs on a pool thread while the agent reads step 1).

    It builds several hundred thousand Python objects. Loaded on the first DNS check instead (right
    after the samples are analysed), the cyclic collector scanned it again and again while it was young,
    holding the interpreter lock for 50-120 ms per scan: the window froze. Here the collector is paused
    for the load and the result moved into the permanent generation (``gc.freeze``) before it resumes,
    so no collection ever scans it."""
    import gc

    from wizard.core.dnscheck.geo import default_database

    enabled = gc.isenabled()
    gc.disable()
    try:
        default_database().source()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return True


def customer_is_sender(analyses: list[MessageAnalysis]) -> bool:
    """True when any spam sample came from the customer's PC or out of the customer's account."""
    return any(a.customer_is_origin is True or a.authenticated_submission for a in analyses)


def analyze_samples(samples: tuple[Sample, ...], trusted: tuple[str, ...], ips: tuple[str, ...],
                    hosts: tuple[str, ...]) -> tuple[list[MessageAnalysis], list[InputError]]:
    """Analyse every sample with one policy (runs on a pool thread)."""
    from wizard.core.analyze import analyze_text
    from wizard.core.policy import AnalysisPolicy

    try:
        policy = AnalysisPolicy.from_strings(trusted=list(trusted), customer_ips=list(ips),
                                             customer_hosts=list(hosts))
    except ValueError:
        policy = AnalysisPolicy.from_strings(trusted=list(trusted))
    analyses: list[MessageAnalysis] = []
    errors: list[InputError] = []
    for sample in samples:
        batch = analyze_text(sample.text, sample.source, policy)
        analyses.extend(batch.messages)
        errors.extend(batch.errors)
    return analyses, errors


class CaseAnalyzer(QObject):
    """Re-analyses the case's samples in the background whenever they or the customer's machine change.

    Changes arriving while a run is going supersede it (its late result is dropped by the runner).
    """

    finished = Signal()

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run)
        session.samplesChanged.connect(self.schedule)
        session.customerChanged.connect(self.schedule)

    def schedule(self) -> None:
        """Analyse soon (several changes in one event-loop turn give one run)."""
        self._session.set_analysis_pending(True)
        self._timer.start()

    def run(self) -> None:
        """Analyse now."""
        self._runner.cancel_owner(self)
        session = self._session
        samples = tuple(session.samples)
        if not samples:
            session.set_analyses([], [])
            session.set_analysis_pending(False)
            self.finished.emit()
            return
        session.set_analysis_pending(True)
        trusted = tuple(str(t) for t in session.extra.get("trusted", ()))
        self._runner.submit(
            lambda: analyze_samples(samples, trusted, tuple(session.customer_ips), tuple(session.customer_hosts)),
            self._done, owner=self, on_error=self._failed,
        )

    def _done(self, result: tuple[list[MessageAnalysis], list[InputError]]) -> None:
        analyses, errors = result
        self._session.set_analyses(analyses, errors)
        self._session.set_analysis_pending(False)
        self.finished.emit()

    def _failed(self, message: str) -> None:
        self._session.set_analyses([], [InputError("analysis", message, "failed")])
        self._session.set_analysis_pending(False)
        self.finished.emit()


class _StepList(QWidget):
    """The six steps, current one highlighted (where am I in the call)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._labels: dict[PageId, QLabel] = {}
        names = {
            PageId.PASTE: self.tr("1. Paste the headers"),
            PageId.TRACE: self.tr("2. Trace the origin"),
            PageId.CUSTOMER_SENT: self.tr("2b. Customer's PC or account sent it"),
            PageId.RECIPIENTS: self.tr("3. Address to delete"),
            PageId.BLOCKLIST: self.tr("4. Block list"),
            PageId.QUARANTINE: self.tr("5. What the filter does"),
            PageId.SUMMARY: self.tr("6. Summary and follow-up"),
        }
        for page_id, text in names.items():
            label = QLabel(text, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._labels[page_id] = label
            layout.addWidget(label)

    def set_current(self, current: int, branch: bool) -> None:
        for page_id, label in self._labels.items():
            font = label.font()
            font.setBold(page_id == current)
            label.setFont(font)
            skipped = page_id in (PageId.RECIPIENTS, PageId.BLOCKLIST, PageId.QUARANTINE)
            label.setVisible(page_id != PageId.CUSTOMER_SENT or branch)
            label.setEnabled(not (branch and skipped))


class SpamWizard(QWizard):
    """The main window: ``QWizard`` in modern style, pages by :class:`PageId`."""

    languageChangeRequested = Signal(str)

    pagesReady = Signal()

    def __init__(self, session: CaseSession, runner: TaskRunner, settings: QSettings | None = None,
                 parent: QWidget | None = None, lazy: bool = False) -> None:
        """``lazy``: build step 1 now and the other pages once their modules are imported in the
        background (the app's fast start); otherwise every page is built here."""
        super().__init__(parent)
        # Pool threads run Python (analysis, checks, simulation): by default a thread holds the
        # interpreter lock for up to 5 ms before the window may run its next slot, and a repaint calls
        # into Python many times. 1 ms keeps the window's waits short (measured by the UI bench).
        if sys.getswitchinterval() > 0.001:
            sys.setswitchinterval(0.001)
        self.session = session
        self.runner = runner
        self._settings = settings
        self.setObjectName("SpamWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setWindowTitle(self.tr("Spam Support Wizard"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Se&ttings…"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.button(QWizard.WizardButton.CustomButton1).setAccessibleName(self.tr("Settings"))
        self.customButtonClicked.connect(self._on_custom_button)

        self._shown_once = False
        self.analyzer = CaseAnalyzer(session, runner, self)
        if session.samples and (session.analysis_pending or not session.analyses):
            self.analyzer.schedule()
        self.pages: dict[PageId, QWizardPage] = {}
        self._add_page(PageId.PASTE, PastePage)
        self.setStartId(int(PageId.PASTE))
        if lazy:
            runner.submit(_import_pages, lambda _n: self.ensure_pages(), owner=self,
                          on_error=lambda _m: self.ensure_pages())
        else:
            self.ensure_pages()

        self.talk = TalkPanel()
        self.steps = _StepList()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Working in the background"))
        self.busy_label = QLabel(self.tr("Working…"))
        self.busy_label.setTextFormat(Qt.TextFormat.PlainText)
        side = QFrame(self)  # parented: PySide does not hand ownership over in setSideWidget
        self.side_panel = side
        side.setObjectName("sidePanel")
        side.setFixedWidth(330)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 10, 10, 10)
        side_layout.addWidget(self.steps)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        side_layout.addWidget(line)
        side_layout.addWidget(self.talk, 1)
        side_layout.addWidget(self.busy_label)
        side_layout.addWidget(self.busy_bar)
        self.setSideWidget(side)
        self._set_busy(runner.busy)
        runner.busyChanged.connect(self._set_busy)

        self.currentIdChanged.connect(self._on_page_changed)
        session.analysesChanged.connect(self._refresh_steps)
        self.resize(1280, 800)
        self._restore_geometry()

    # -- pages ----------------------------------------------------------------------------------
    def _add_page(self, page_id: PageId, cls: type[QWizardPage]) -> None:
        page = cls(self.session, self.runner, self)  # type: ignore[call-arg]
        self.pages[page_id] = page
        self.setPage(int(page_id), page)

    @property
    def pages_ready(self) -> bool:
        """True once every page exists."""
        return len(self.pages) == len(PageId)

    def ensure_pages(self) -> None:
        """Build the pages not built yet (imports on this thread what the background did not)."""
        if self.pages_ready:
            return
        for page_id in PageId:
            if page_id not in self.pages:
                self._add_page(page_id, page_class(page_id))
        offline = self.session.extra.get("offline")
        trace = self.pages.get(PageId.TRACE)
        if offline is not None and hasattr(trace, "set_offline"):
            trace.set_offline(bool(offline))
        self.runner.submit(preload_geo, lambda _ok: None, owner=self, on_error=lambda _m: None)
        if self.isVisible():
            self._prepare_next_page()
        self.pagesReady.emit()

    def _prepare_next_page(self) -> None:
        """Let step 2 lay itself out and draw off screen in small steps while the agent is on step 1."""
        trace = self.pages.get(PageId.TRACE)
        if trace is not None and hasattr(trace, "prepare") and self.currentId() in (-1, PageId.PASTE):
            QTimer.singleShot(0, trace, trace.prepare)
            QTimer.singleShot(0, self, self._prepare_next_script)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.pages_ready:
                self._prepare_next_page()

    def validateCurrentPage(self) -> bool:
        self.ensure_pages()  # Next pressed before the background import finished
        return super().validateCurrentPage()

    # -- navigation -----------------------------------------------------------------------------
    def customer_is_sender(self) -> bool:
        """The branch condition after the trace step."""
        return customer_is_sender(self.session.spam_analyses())

    def nextId(self) -> int:
        current = self.currentId()
        if current == PageId.TRACE:
            return int(PageId.CUSTOMER_SENT if self.customer_is_sender() else PageId.RECIPIENTS)
        if current in (PageId.CUSTOMER_SENT, PageId.QUARANTINE):
            return int(PageId.SUMMARY)
        if current == PageId.SUMMARY or current < 0:
            return -1
        return current + 1

    def page_id(self) -> PageId | None:
        """The current page as a :class:`PageId`."""
        current = self.currentId()
        return PageId(current) if current in PageId._value2member_map_ else None

    def go_to(self, target: PageId) -> bool:
        """Walk forward (as the agent would, through Next) until ``target``; False if a page blocks."""
        self.ensure_pages()
        if self.currentId() < 0:
            self.restart()
        for _ in range(len(PageId) + 1):
            if self.currentId() == target:
                return True
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                return False
        return self.currentId() == target

    def _on_page_changed(self, page_id: int) -> None:
        if page_id not in PageId._value2member_map_:
            return
        key = PageId(page_id).key
        self.talk.show_page(key)
        self.session.set_step(key)
        self._refresh_steps()
        QTimer.singleShot(0, self, self._prepare_next_script)

    def _prepare_next_script(self) -> None:
        """Lay out the next step's talk script while the agent is on this one."""
        following = self.nextId()
        if following in PageId._value2member_map_:
            self.talk.prepare(PageId(following).key)

    def _refresh_steps(self) -> None:
        current = self.currentId()
        branch = current == PageId.CUSTOMER_SENT or self.customer_is_sender()
        self.steps.set_current(current, branch)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    # -- settings and geometry ------------------------------------------------------------------
    def _on_custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1:
            self.open_settings()

    def open_settings(self) -> None:
        """Show the settings dialog; a language change is handed to the app (which rebuilds the window)."""
        from wizard.ui.i18n import current_language
        from wizard.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        trusted = dialog.trusted_entries()
        if trusted != list(self.session.extra.get("trusted", [])):
            self.session.extra["trusted"] = trusted
            self.analyzer.schedule()
        offline = dialog.offline()
        self.session.extra["offline"] = offline
        trace = self.pages.get(PageId.TRACE)
        if trace is not None and hasattr(trace, "set_offline"):
            trace.set_offline(offline)
        lang = dialog.language()
        if lang != current_language():
            self.languageChangeRequested.emit(lang)

    def _restore_geometry(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def save_geometry(self) -> None:
        """Remember size and position for the next start."""
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())

    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
