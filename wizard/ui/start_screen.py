"""The start screen: open cases, follow-ups due, search, and "since last call" for the selected case.

Store queries run on the shared :class:`TaskRunner`. ``openCase(str)`` asks the app to resume a case,
``newCase()`` to start one. Everything taken from the store (customer names, addresses, notes) is shown
as plain text.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.cases.exports import CaseFileError, read_case_file
from wizard.core.cases.model import Case, CaseRecord, FollowUp
from wizard.core.cases.recap import RecapItem, recap
from wizard.core.cases.store import CaseExists, Store
from wizard.ui.messages.cases import FOLLOWUPS, KINDS, STEPS, TEXTS, VALUES
from wizard.ui.settings_dialog import SETTINGS_AGENT, SETTINGS_STORE_URL
from wizard.ui.tasks import TaskRunner

MAX_CELL = 120


def _short(text: Any, limit: int = MAX_CELL) -> str:
    value = " ".join(str(text or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()


def format_when(value: datetime) -> str:
    """A stored time in the UI language's short date-time form, local time."""
    return QLocale().toString(_qdatetime(value), QLocale.FormatType.ShortFormat)


def format_day(value: datetime | date) -> str:
    """A day with its weekday name ("Tuesday 3/10" / "3/10 火曜日"), local time."""
    day = value.astimezone().date() if isinstance(value, datetime) else value
    qdate = QDate(day.year, day.month, day.day)
    locale = QLocale()
    return f"{locale.dayName(qdate.dayOfWeek())} {locale.toString(qdate, QLocale.FormatType.ShortFormat)}"


def value_words(value: Any) -> str:
    """A decision value in the UI language."""
    if value is None:
        return "-"
    if isinstance(value, list | tuple | set):
        return ", ".join(value_words(v) for v in value) or "-"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_words(v)}" for k, v in value.items())
    text = str(value)
    return QCoreApplication.translate("Findings", VALUES[text]) if text in VALUES else text


def followup_words(what: str) -> str:
    """A follow-up's text (the wizard's own ``verify:<kind>`` ones translated)."""
    return QCoreApplication.translate("Findings", FOLLOWUPS[what]) if what in FOLLOWUPS else what


def recap_line(item: RecapItem) -> str:
    """One recap item as a translated sentence."""
    key = "recap." + item.code
    template = TEXTS.get(key)
    params: dict[str, str] = {}
    for name, value in item.params.items():
        if name == "value":
            params[name] = value_words(value)
        elif name == "what":
            params[name] = _short(followup_words(str(value)), 400)
        else:
            params[name] = _short(value, 400)
    if template is None:
        kind = item.code.removeprefix("decided_")
        kind_words = QCoreApplication.translate("Findings", KINDS[kind]) if kind in KINDS else kind
        params.setdefault("kind", kind_words)
        params.setdefault("value", "")
        template = TEXTS["recap.decided_other"]
    if item.at is not None:
        params["when"] = format_when(item.at)
        params["day"] = format_day(item.at)
    text = QCoreApplication.translate("Findings", template)
    try:
        return text.format(**params).strip()
    except (KeyError, IndexError, ValueError):
        return f"{item.code}: {item.params}"


class SinceLastCallPanel(QWidget):
    """What was decided on earlier calls and what to verify now, for one case (plain text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sinceLastCall")
        self.title = QLabel(self.tr("<b>Since last call</b>"), self)
        self.title.setTextFormat(Qt.TextFormat.RichText)  # our own fixed markup, no case data
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setObjectName("sinceLastCallText")
        self.view.setAccessibleName(self.tr("Since last call: decisions and what to verify now"))
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.view.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.items: list[RecapItem] = []
        self.set_case(None)

    def set_case(self, case: Case | None, now: datetime | None = None, today: date | None = None) -> None:
        """Show the recap of ``case`` (None: a hint to pick one)."""
        if case is None:
            self.items = []
            self.view.setPlainText(self.tr("Select a case to see what was decided and what to check now."))
            return
        self.items = recap(case, now=now, today=today)
        decided = [recap_line(i) for i in self.items if i.code.startswith(("previous_call", "decided_"))]
        verify = [recap_line(i) for i in self.items if i.code.startswith(("verify_", "followup_due"))]
        parts = [self.tr("Case {id}: {customer}").format(id=case.id, customer=_short(case.record.customer))]
        parts.append("")
        parts.append(self.tr("Decided:"))
        parts += [f"• {line}" for line in decided] or [self.tr("• nothing yet")]
        parts.append("")
        parts.append(self.tr("Verify now:"))
        parts += [f"• {line}" for line in verify] or [self.tr("• nothing to verify")]
        self.view.setPlainText("\n".join(parts))

    def text(self) -> str:
        """The panel's text as shown."""
        return self.view.toPlainText()


class StartScreen(QWidget):
    """Open cases, follow-ups due, search (customer, address, domain, IP) and "since last call"."""

    openCase = Signal(str)
    newCase = Signal()
    practiceRequested = Signal()
    listsLoaded = Signal()
    recapShown = Signal(str)

    def __init__(self, runner: TaskRunner, store: Store | None, parent: QWidget | None = None,
                 store_error: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setWindowTitle(self.tr("Spam Support Wizard: cases"))
        self.runner = runner
        self.store = store
        self.records: list[CaseRecord] = []
        self.due: list[tuple[CaseRecord, FollowUp]] = []

        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Customer, mail address, domain or IP address"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.cases = QTreeWidget(self)
        self.cases.setObjectName("openCases")
        self.cases.setColumnCount(5)
        self.cases.setHeaderLabels([self.tr("Customer"), self.tr("Domain"), self.tr("Step"), self.tr("Saved"),
                                    self.tr("Case")])
        self.cases.setRootIsDecorated(False)
        self.cases.setUniformRowHeights(True)
        self.cases.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setAccessibleName(self.tr("Open cases"))
        self.cases.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.cases.header().setStretchLastSection(True)
        for column, width in enumerate((200, 150, 190, 140)):
            self.cases.setColumnWidth(column, width)
        self.cases.currentItemChanged.connect(self._on_current)
        self.cases.itemActivated.connect(lambda item, _c: self._emit_open(item))
        self.cases_label = QLabel(self.tr("&Open cases:"), self)
        self.cases_label.setBuddy(self.cases)

        self.followups = QListWidget(self)
        self.followups.setObjectName("followupsDue")
        self.followups.setAccessibleName(self.tr("Follow-ups due today"))
        self.followups.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.followups.itemActivated.connect(self._on_followup)
        self.followups.currentItemChanged.connect(self._on_followup_current)
        followups_label = QLabel(self.tr("&Follow-ups due today:"), self)
        followups_label.setBuddy(self.followups)

        self.since = SinceLastCallPanel(self)

        self.new_button = QPushButton(self.tr("&New case"), self)
        self.new_button.setAccessibleName(self.tr("Start a new case"))
        self.new_button.clicked.connect(self.newCase.emit)
        self.resume_button = QPushButton(self.tr("&Resume"), self)
        self.resume_button.setAccessibleName(self.tr("Resume the selected case"))
        self.resume_button.setEnabled(False)
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(lambda: self._emit_open(self.cases.currentItem()))
        self.import_button = QPushButton(self.tr("&Import case file…"), self)
        self.import_button.setAccessibleName(self.tr("Import a case file handed over by another desk"))
        self.import_button.clicked.connect(self._choose_import)
        self.practice_button = QPushButton(self.tr("&Practice…"), self)
        self.practice_button.setObjectName("practiceButton")
        self.practice_button.setAccessibleName(self.tr("Practise a training scenario with a simulated customer"))
        self.practice_button.clicked.connect(self.practiceRequested.emit)
        self.status = QLabel(self)
        self.status.setObjectName("startStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search, 1)
        left_layout.addLayout(row)
        left_layout.addWidget(self.cases_label)
        left_layout.addWidget(self.cases, 3)
        left_layout.addWidget(followups_label)
        left_layout.addWidget(self.followups, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.since)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.practice_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resume_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.cases)
        self.setTabOrder(self.cases, self.followups)
        self.setTabOrder(self.followups, self.since.view)
        self.setTabOrder(self.since.view, self.new_button)
        self.setTabOrder(self.new_button, self.import_button)
        self.setTabOrder(self.import_button, self.resume_button)

        if store is None:
            self.status.setText(self.tr("The case store could not be opened: {error}").format(
                error=_short(store_error, 400)))
            self.import_button.setEnabled(False)
        else:
            self.refresh()

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the case list (filtered by the search text) and the follow-ups due today."""
        store = self.store
        if store is None:
            return
        query = self.search.text().strip()
        today = date.today()
        self.runner.cancel_owner(self)

        def load() -> tuple[list[CaseRecord], list[tuple[CaseRecord, FollowUp]]]:
            records = store.search(query) if query else store.list_cases()
            return records, store.followups_due(today)

        self.runner.submit(load, self._loaded, owner=self, on_error=self._failed)

    def _loaded(self, result: tuple[list[CaseRecord], list[tuple[CaseRecord, FollowUp]]]) -> None:
        self.records, self.due = result
        current = self.selected_case_id()
        self.cases.clear()
        for record in self.records:
            step = QCoreApplication.translate("Findings", STEPS[record.step]) if record.step in STEPS else record.step
            item = QTreeWidgetItem([_short(record.customer), _short(record.domain), step,
                                    format_when(record.updated), record.id])
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
            item.setToolTip(0, _short(record.customer, 400))
            self.cases.addTopLevelItem(item)
            if record.id == current:
                self.cases.setCurrentItem(item)
        if self.cases.currentItem() is None and self.cases.topLevelItemCount():
            self.cases.setCurrentItem(self.cases.topLevelItem(0))
        self.followups.clear()
        for record, followup in self.due:
            text = self.tr("{due}  {customer}: {what}").format(
                due=QLocale().toString(QDate(followup.due.year, followup.due.month, followup.due.day),
                                       QLocale.FormatType.ShortFormat),
                customer=_short(record.customer, 40), what=_short(followup_words(followup.what)))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            self.followups.addItem(item)
        if not self.records:
            self.status.setText(self.tr("No case matches the search.") if self.search.text().strip()
                                else self.tr("No open cases. Start a new one."))
        else:
            self.status.setText("")
        self.resume_button.setEnabled(self.cases.currentItem() is not None)
        self.listsLoaded.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(
            self.tr("The case store could not be read: {error}").format(error=_short(message, 400)))
        self.listsLoaded.emit()

    def selected_case_id(self) -> str | None:
        """The id of the highlighted case, or None."""
        item = self.cases.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def select_case(self, case_id: str) -> bool:
        """Highlight a case in the list (its recap loads); False if it is not listed."""
        for index in range(self.cases.topLevelItemCount()):
            item = self.cases.topLevelItem(index)
            if item.data(0, Qt.ItemDataRole.UserRole) == case_id:
                self.cases.setCurrentItem(item)
                return True
        return False

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self.resume_button.setEnabled(current is not None)
        case_id = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self._show_recap(str(case_id) if case_id else None)

    def _on_followup_current(self, current: QListWidgetItem | None,
                             _previous: QListWidgetItem | None) -> None:
        if current is not None:
            case_id = current.data(Qt.ItemDataRole.UserRole)
            if not self.select_case(str(case_id)):
                self._show_recap(str(case_id))

    def _on_followup(self, item: QListWidgetItem) -> None:
        self.openCase.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _show_recap(self, case_id: str | None) -> None:
        store = self.store
        owner = self.since
        self.runner.cancel_owner(owner)
        if case_id is None or store is None:
            self.since.set_case(None)
            return

        def shown(case: Case) -> None:
            self.since.set_case(case)
            self.recapShown.emit(case.id)

        self.runner.submit(lambda: store.load(case_id), shown, owner=owner,
                           on_error=lambda message: self.status.setText(_short(message, 400)))

    def _emit_open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.openCase.emit(str(item.data(0, Qt.ItemDataRole.UserRole)))

    # -- import ---------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import case file"), "", self.tr("Case files (*.json);;All files (*)"))
        if path:
            error = self.import_file(Path(path))
            if error:
                QMessageBox.warning(self, self.tr("Import case file"), error)

    def import_file(self, path: Path, replace: bool = False) -> str | None:
        """Import a case file into the store; returns an error message (nothing imported) or None."""
        if self.store is None:
            return self.tr("The case store is not open.")
        try:
            data = path.read_bytes()
        except OSError as exc:
            return self.tr("The file could not be read: {error}").format(error=exc.strerror or str(exc))
        try:
            case = read_case_file(data)
        except CaseFileError as exc:
            return self.tr("This file was not imported: {error}").format(error=str(exc))
        try:
            stored = self.store.import_case(case, replace=replace)
        except CaseExists:
            return self.tr("Case {id} is already here; nothing was imported.").format(id=case.id)
        except Exception as exc:  # a store error: say so, keep the screen usable
            return self.tr("The case store refused the import: {error}").format(error=_short(exc, 400))
        self.status.setText(self.tr("Imported case {id}.").format(id=stored.id))
        self.refresh()
        return None


class NewCaseDialog(QDialog):
    """Customer and domain for a new case (both optional; they can be filled in later)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.customer = QLineEdit(self)
        self.customer.setAccessibleName(self.tr("Customer name"))
        self.customer.setMaxLength(200)
        self.domain = QLineEdit(self)
        self.domain.setAccessibleName(self.tr("Customer's mail domain"))
        self.domain.setPlaceholderText("example.co.jp")
        self.domain.setMaxLength(253)
        form = QFormLayout(self)
        customer_label = QLabel(self.tr("&Customer:"), self)
        customer_label.setBuddy(self.customer)
        domain_label = QLabel(self.tr("Mail &domain:"), self)
        domain_label.setBuddy(self.domain)
        form.addRow(customer_label, self.customer)
        form.addRow(domain_label, self.domain)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        """(customer, domain) as typed, trimmed."""
        return self.customer.text().strip(), self.domain.text().strip().lower().rstrip(".")


class CaseLauncher(QObject):
    """The app's case flow: start screen -> wizard on a new or resumed case -> back to the start screen.

    ``app`` is the :class:`wizard.app.WizardApp`; every case gets a fresh :class:`CaseSession` (settings
    such as trusted servers carried over) and a :class:`CaseBinding` that autosaves it. A resumed wizard
    opens at the stored step with the "since last call" panel and the save status in its side panel.
    ``wizardOpened(object)`` carries each wizard window shown.
    """

    wizardOpened = Signal(object)

    def __init__(self, app: Any, store_url: str | None = None, agent: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        from wizard.core.cases.store import StoreError, open_store

        self.app = app
        self.agent = agent
        self.store: Store | None = None
        error = ""
        try:
            self.store = open_store(store_url)
        except StoreError as exc:
            error = str(exc)
        self.screen = StartScreen(app.runner, self.store, store_error=error)
        self.screen.openCase.connect(self.open_case)
        self.screen.newCase.connect(self.ask_new_case)
        self.binding: Any = None
        self.window: Any = None
        self._recap_case: Case | None = None
        self._fresh = True

    def start(self) -> None:
        """Show the start screen."""
        self.screen.resize(1100, 700)
        self.screen.show()

    def _new_session(self) -> None:
        from wizard.ui.state import CaseSession

        if self._fresh:
            self._fresh = False
            return
        old = self.app.session
        session = CaseSession()
        for key in ("trusted", "offline"):
            if key in old.extra:
                session.extra[key] = old.extra[key]
        self.app.session = session

    def _bind(self) -> Any:
        from wizard.ui.case_binding import CaseBinding

        assert self.store is not None
        if self.binding is not None:
            self.binding.flush()
            self.binding.deleteLater()
        self.binding = CaseBinding(self.app.session, self.store, self.app.runner, agent=self.agent)
        return self.binding

    def ask_new_case(self) -> None:
        """Ask for customer and domain, then open the wizard on a new case."""
        dialog = NewCaseDialog(self.screen)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.new_case(*dialog.values())

    def new_case(self, customer: str = "", domain: str = "") -> str | None:
        """Open the wizard on a new, already saved case; returns its id."""
        if self.store is None:
            return None
        self._new_session()
        self.app.session.customer, self.app.session.domain = customer, domain
        case_id = self._bind().start_new(customer, domain)
        self._recap_case = None
        self._show_wizard("paste")
        return str(case_id)

    def open_case(self, case_id: str) -> None:
        """Load a case (off the GUI thread) and open the wizard where it stands."""
        store = self.store
        if store is None:
            return
        self.app.runner.submit(lambda: store.load(case_id), self._resume, owner=self,
                               on_error=lambda message: self.screen.status.setText(_short(message, 400)))

    def _resume(self, case: Case) -> None:
        from wizard.ui.case_binding import open_wizard_at

        self._new_session()
        self._recap_case = case  # the recap is about the case as it was before this call
        step = self._bind().resume_case(case)
        window = self._show_wizard(step)
        open_wizard_at(window, step, self.binding)

    def _show_wizard(self, step: str) -> Any:
        window = self.app.build_window()
        self._decorate(window)
        self.app.on_rebuilt = self._decorate
        window.show()
        self.screen.hide()
        self.wizardOpened.emit(window)
        return window

    def _decorate(self, window: Any) -> None:
        """Put "since last call" and the save status into the wizard's side panel."""
        from wizard.ui.case_binding import SaveStatusLabel

        side = getattr(window, "side_panel", None)
        layout = side.layout() if side is not None else None
        if layout is None:
            return
        index = 2 if layout.count() > 2 else layout.count()
        if self._recap_case is not None:
            panel = SinceLastCallPanel(side)
            panel.set_case(self._recap_case)
            panel.setMaximumHeight(260)
            layout.insertWidget(index, panel)
            window.since_last_call = panel
            index += 1
        if self.binding is not None:
            status = SaveStatusLabel(self.binding, side)
            layout.insertWidget(index, status)
            window.save_status = status
        if window is not self.window:
            self.window = window
            window.finished.connect(self._wizard_closed)

    def _wizard_closed(self, _result: int = 0) -> None:
        if self.binding is not None:
            self.binding.flush()
        self.screen.refresh()
        self.screen.show()




def store_settings(settings: Any, url: str | None = None) -> tuple[str | None, str]:
    """(store URL, agent name) from ``--store`` / QSettings / ``$SPAM_WIZARD_STORE_URL`` (in that order;
    None lets :func:`open_store` pick the local default)."""
    from wizard.ui.case_binding import default_agent

    def value(key: str) -> str:
        raw = settings.value(key, "") if settings is not None else ""
        return raw.strip() if isinstance(raw, str) else ""

    return (url or value(SETTINGS_STORE_URL) or None), (value(SETTINGS_AGENT) or default_agent())
