"""Practice mode: the same wizard beside a simulated customer, a timer, and a debrief.

:class:`PracticeController` loads a scenario's samples into the case session and records what the
trainee does: wizard steps and decisions are turned into scenario actions automatically (opening the
trace page is ``trace_origin``, adding a block-list entry is ``block ...``, choosing the spam folder is
``set_action folder``), and what is said to the customer is chosen in the :class:`CustomerPanel`.
Finishing scores the run with the core (:func:`wizard.core.scenarios.play`), keeps it per trainee and
shows the :class:`DebriefDialog`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.scenarios import ACTIONS, ACTIONS_WITH_ARG, Action, PlayResult, Scenario, play
from wizard.core.training_results import ResultsStore
from wizard.ui.state import CaseSession, Sample

ACTION_TEXTS: dict[str, str] = {
    "ask_headers": QT_TRANSLATE_NOOP("Practice", "Ask the customer to send the headers of a spam"),
    "ask_mail_client": QT_TRANSLATE_NOOP("Practice", "Ask which mail program the customer uses"),
    "guide_headers": QT_TRANSLATE_NOOP("Practice", "Guide the customer to show and copy the headers"),
    "ask_since_when": QT_TRANSLATE_NOOP("Practice", "Ask since when the spam arrives"),
    "ask_customer_ip": QT_TRANSLATE_NOOP("Practice", "Ask for the customer's IP address / PC name"),
    "trace_origin": QT_TRANSLATE_NOOP("Practice", "Trace the Received chain bottom-up"),
    "check_log": QT_TRANSLATE_NOOP("Practice", "Check the server's delivery log for these messages"),
    "check_dns": QT_TRANSLATE_NOOP("Practice", "Check block lists / SPF / DMARC of the sender"),
    "conclude_origin": QT_TRANSLATE_NOOP("Practice", "State where the mail came from"),
    "review_recipients": QT_TRANSLATE_NOOP("Practice", "Review which addresses the spam targets"),
    "mark_departed": QT_TRANSLATE_NOOP("Practice", "Mark an address as belonging to someone who left"),
    "delete_address": QT_TRANSLATE_NOOP("Practice", "Have the customer delete an address"),
    "check_address": QT_TRANSLATE_NOOP("Practice", "Compare the address the customer typed with the registered one"),
    "read_back_address": QT_TRANSLATE_NOOP("Practice", "Read the registered address back letter by letter"),
    "check_cert": QT_TRANSLATE_NOOP("Practice", "Check the control panel's certificate"),
    "guide_cert_warning": QT_TRANSLATE_NOOP("Practice", "Guide the customer past the browser's certificate warning"),
    "suggest_other_device": QT_TRANSLATE_NOOP("Practice", "Suggest trying another device (smartphone / other PC)"),
    "agree_callback": QT_TRANSLATE_NOOP("Practice", "Agree to continue in a later call"),
    "review_senders": QT_TRANSLATE_NOOP("Practice", "Review the sender pattern across samples"),
    "block": QT_TRANSLATE_NOOP("Practice", "Add a block-list entry"),
    "simulate": QT_TRANSLATE_NOOP("Practice", "Simulate what the filter will do to the samples"),
    "set_action": QT_TRANSLATE_NOOP("Practice", "Choose the action for spam"),
    "set_sensitivity": QT_TRANSLATE_NOOP("Practice", "Choose the sensitivity level"),
    "warn_false_positives": QT_TRANSLATE_NOOP("Practice", "Warn that good mail can be caught (check the spam folder)"),
    "warn_webmail_only": QT_TRANSLATE_NOOP("Practice", "Explain the spam folder is only visible in webmail"),
    "explain_sensitivity": QT_TRANSLATE_NOOP("Practice", "Explain the sensitivity can be tuned"),
    "whitelist": QT_TRANSLATE_NOOP("Practice", "Add an allow-list entry for a legitimate sender"),
    "advise_password_change": QT_TRANSLATE_NOOP("Practice", "Have the customer change the mail password"),
    "advise_malware_scan": QT_TRANSLATE_NOOP("Practice", "Have the customer run a malware scan on the PC"),
    "check_submission_log": QT_TRANSLATE_NOOP("Practice", "Check the submission (authenticated sending) log"),
    "explain_backscatter": QT_TRANSLATE_NOOP("Practice", "Explain bounces for mail the customer never sent"),
    "advise_spf_dmarc": QT_TRANSLATE_NOOP("Practice", "Advise publishing SPF / DMARC for the customer's domain"),
    "verify_log": QT_TRANSLATE_NOOP("Practice", "Verify in the delivery log what happened after the change"),
    "schedule_followup": QT_TRANSLATE_NOOP("Practice", "Agree when to check again"),
    "write_case_note": QT_TRANSLATE_NOOP("Practice", "Write the case note for the ticket"),
    "next_call": QT_TRANSLATE_NOOP("Practice", "The case continues in the next call"),
}
"""The practice panel's wording of every scenario action (translated through the "Practice" context)."""

ARG_HINTS: dict[str, str] = {
    "conclude_origin": QT_TRANSLATE_NOOP("Practice", "external, customer or account"),
    "mark_departed": QT_TRANSLATE_NOOP("Practice", "address"),
    "delete_address": QT_TRANSLATE_NOOP("Practice", "address"),
    "block": QT_TRANSLATE_NOOP("Practice", "pattern, e.g. *@domain"),
    "set_action": QT_TRANSLATE_NOOP("Practice", "deliver, tag, folder, delete"),
    "set_sensitivity": QT_TRANSLATE_NOOP("Practice", "low, standard, high"),
    "whitelist": QT_TRANSLATE_NOOP("Practice", "pattern"),
}

STEP_ACTIONS = {"trace": "trace_origin", "recipients": "review_recipients", "blocklist": "review_senders",
                "quarantine": "simulate", "summary": "write_case_note"}
"""Opening these wizard pages counts as these actions."""


def action_text(name: str) -> str:
    """The action's sentence in the current UI language."""
    return QCoreApplication.translate("Practice", ACTION_TEXTS.get(name, ACTIONS.get(name, name)))


def lang_code() -> str:
    """The UI language (``ja`` or ``en``): scenario texts come in both."""
    from wizard.ui.i18n import current_language

    return current_language()


class PracticeController(QObject):
    """Records a trainee's run against one scenario and scores it."""

    transcriptChanged = Signal()
    finished = Signal(object)

    def __init__(self, scenario: Scenario, session: CaseSession, trainee: str,
                 store: ResultsStore | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scenario = scenario
        self.session = session
        self.trainee = trainee
        self.store = store
        self._clock = clock
        self.started = clock()
        self.actions: list[Action] = []
        self.result: PlayResult | None = None
        self._seen_steps: set[str] = set()
        self._decisions = self._snapshot()
        self._load_case()
        session.stepChanged.connect(self._on_step)
        session.decisionsChanged.connect(self._on_decisions)

    def _load_case(self) -> None:
        s = self.session
        s.customer = self.scenario.persona.get("name", {}).get(lang_code(), "")
        for key, value in self.scenario.initial.items():
            setattr(s, key, list(value) if isinstance(value, list) else value)
        s.profile = self.scenario.profile
        s.extra["practice"] = self.scenario.id
        s.set_samples([Sample(name, text, kind) for name, text, kind in self.scenario.samples])
        self._decisions = self._snapshot()

    def _snapshot(self) -> dict[str, object]:
        s = self.session
        return {"block_entries": list(s.block_entries), "action": s.action, "sensitivity": s.sensitivity,
                "delete_address": s.delete_address, "departed": set(s.departed)}

    # -- recording --------------------------------------------------------------------------------------
    def do(self, name: str, arg: str | None = None) -> None:
        """Record one action (from the customer panel or the wizard)."""
        if name not in ACTIONS or (name in ACTIONS_WITH_ARG and not arg) or self.result is not None:
            return
        self.actions.append(Action(name, arg or None))
        self.transcriptChanged.emit()

    def _on_step(self, step: str) -> None:
        action = STEP_ACTIONS.get(step)
        if action and step not in self._seen_steps:
            self._seen_steps.add(step)
            self.do(action)

    def _on_decisions(self) -> None:
        before, now = self._decisions, self._snapshot()
        self._decisions = now
        for entry in now["block_entries"]:  # type: ignore[union-attr]
            if entry not in before["block_entries"]:  # type: ignore[operator]
                self.do("block", str(entry))
        for address in sorted(now["departed"] - before["departed"]):  # type: ignore[operator]
            self.do("mark_departed", str(address))
        for key, action in (("delete_address", "delete_address"), ("action", "set_action"),
                            ("sensitivity", "set_sensitivity")):
            if now[key] and now[key] != before[key]:
                self.do(action, str(now[key]))

    # -- transcript and scoring ----------------------------------------------------------------------------
    def transcript(self) -> list[tuple[str, str]]:
        """The conversation so far: the customer's scripted lines and the trainee's actions."""
        from wizard.core.scenarios import customer_replies

        lines = customer_replies(self.scenario, self.actions, lang_code())
        out = []
        for who, text in lines:
            if who == "trainee":
                name, _, arg = text.partition(": ")
                key = next((k for k, v in ACTIONS.items() if v == name), None)
                text = action_text(key) + (f": {arg}" if arg else "") if key else text
            out.append((who, text))
        return out

    def elapsed(self) -> float:
        """Seconds since the practice started."""
        return self._clock() - self.started

    def finish(self) -> PlayResult:
        """Score the run, keep it for the trainee, and announce it."""
        if self.result is None:
            self.result = play(self.scenario, self.actions, lang_code())
            if self.store is not None:
                self.store.record(self.trainee, self.result, self.elapsed())
            self.finished.emit(self.result)
        return self.result


class CustomerPanel(QWidget):
    """What the customer says, what the trainee says or does next, the timer and "finish"."""

    def __init__(self, controller: PracticeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("customerPanel")
        layout = QVBoxLayout(self)
        scenario = controller.scenario
        lang = lang_code()
        title = QLabel(scenario.title.get(lang, scenario.id))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        title.setObjectName("scenarioTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        persona = QLabel(self.tr("Customer: {name}").format(name=scenario.persona.get("name", {}).get(lang, "")))
        persona.setTextFormat(Qt.TextFormat.PlainText)
        persona.setWordWrap(True)
        layout.addWidget(persona)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("practiceTimer")
        self.timer_label.setAccessibleName(self.tr("Elapsed time"))
        layout.addWidget(self.timer_label)
        self.transcript = QPlainTextEdit()
        self.transcript.setReadOnly(True)
        self.transcript.setObjectName("practiceTranscript")
        self.transcript.setAccessibleName(self.tr("Conversation with the customer"))
        layout.addWidget(self.transcript, 1)
        form = QFormLayout()
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("practiceAction")
        for name in ACTIONS:
            self.action_combo.addItem(action_text(name), name)
        self.action_combo.currentIndexChanged.connect(self._update_arg)
        label = QLabel(self.tr("&Say or do:"))
        label.setBuddy(self.action_combo)
        form.addRow(label, self.action_combo)
        self.arg_edit = QLineEdit()
        self.arg_edit.setObjectName("practiceArg")
        self.arg_edit.returnPressed.connect(self._do)
        arg_label = QLabel(self.tr("&Detail:"))
        arg_label.setBuddy(self.arg_edit)
        form.addRow(arg_label, self.arg_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.do_button = QPushButton(self.tr("&Go"))
        self.do_button.setObjectName("practiceDo")
        self.do_button.clicked.connect(self._do)
        self.finish_button = QPushButton(self.tr("&Finish and debrief"))
        self.finish_button.setObjectName("practiceFinish")
        self.finish_button.clicked.connect(controller.finish)
        buttons.addWidget(self.do_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout.addLayout(buttons)
        controller.transcriptChanged.connect(self.refresh)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_timer)
        self._tick.start()
        self._update_arg()
        self._update_timer()
        self.refresh()

    def _update_arg(self) -> None:
        name = self.action_combo.currentData()
        needs = name in ACTIONS_WITH_ARG
        self.arg_edit.setEnabled(needs)
        hint = ARG_HINTS.get(name, "")
        self.arg_edit.setPlaceholderText(QCoreApplication.translate("Practice", hint) if hint else "")

    def _update_timer(self) -> None:
        seconds = int(self.controller.elapsed())
        self.timer_label.setText(self.tr("Time: {m:02d}:{s:02d}").format(m=seconds // 60, s=seconds % 60))

    def _do(self) -> None:
        name = self.action_combo.currentData()
        arg = self.arg_edit.text().strip() or None
        if name in ACTIONS_WITH_ARG and not arg:
            self.arg_edit.setFocus()
            return
        self.controller.do(name, arg)
        self.arg_edit.clear()

    def refresh(self) -> None:
        """Show the conversation so far (plain text only)."""
        customer = self.tr("Customer")
        you = self.tr("You")
        lines = [f"{customer if who == 'customer' else you}: {text}" for who, text in self.controller.transcript()]
        self.transcript.setPlainText("\n\n".join(lines))
        bar = self.transcript.verticalScrollBar()
        bar.setValue(bar.maximum())


class DebriefDialog(QDialog):
    """Points per rubric item, what was missed and why it matters, the closing lesson, and progress."""

    def __init__(self, scenario: Scenario, result: PlayResult, history: list[object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Debrief"))
        self.resize(860, 560)
        lang = lang_code()
        titles = {item.id: item.title.get(lang, item.id) for item in scenario.rubric}
        layout = QVBoxLayout(self)
        self.score_label = QLabel(self.tr("Score: {score} / {max}").format(score=result.score, max=result.max_score))
        self.score_label.setObjectName("debriefScore")
        font = self.score_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.score_label.setFont(font)
        layout.addWidget(self.score_label)
        self.table = QTableWidget(len(result.items), 3, self)
        self.table.setObjectName("debriefItems")
        self.table.setHorizontalHeaderLabels([self.tr("Critical action"), self.tr("Points"), self.tr("Why it matters")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, item in enumerate(result.items):
            mark = "✔ " if item.passed else "✘ "
            cells = (mark + titles.get(item.id, item.id), f"{item.points} / {item.max}", item.why)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not item.passed:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        self.lesson_label = QLabel(result.lesson or "")
        self.lesson_label.setObjectName("debriefLesson")
        self.lesson_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lesson_label.setWordWrap(True)
        self.lesson_label.setVisible(bool(result.lesson))
        layout.addWidget(self.lesson_label)
        self.progress = QListWidget()
        self.progress.setObjectName("debriefProgress")
        self.progress.setMaximumHeight(110)
        for row in history or []:
            when = row.finished.astimezone().strftime("%Y-%m-%d %H:%M")  # type: ignore[attr-defined]
            QListWidgetItem(self.tr("{when}: {score} / {max} ({percent}%)").format(
                when=when, score=row.score, max=row.max_score, percent=row.percent), self.progress)  # type: ignore[attr-defined]
        if self.progress.count():
            layout.addWidget(QLabel(self.tr("Your progress on this scenario:")))
            layout.addWidget(self.progress)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class PracticeLauncher(QDialog):
    """Choose a trainee name and a scenario; shows each scenario's best result so far."""

    def __init__(self, scenarios: tuple[Scenario, ...], store: ResultsStore | None = None,
                 trainee: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Practice"))
        self.resize(640, 420)
        self.scenarios = scenarios
        self.store = store
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(trainee)
        self.name_edit.setObjectName("traineeName")
        self.name_edit.textChanged.connect(self._refresh)
        name_label = QLabel(self.tr("&Trainee:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        layout.addLayout(form)
        self.list = QListWidget()
        self.list.setObjectName("scenarioList")
        self.list.setAccessibleName(self.tr("Scenarios"))
        layout.addWidget(self.list, 1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list.currentRowChanged.connect(self._show_summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._refresh()
        self.list.setCurrentRow(0)

    def _refresh(self) -> None:
        lang = lang_code()
        best = self.store.best(self.name_edit.text()) if self.store and self.name_edit.text().strip() else {}
        current = self.list.currentRow()
        self.list.clear()
        for scenario in self.scenarios:
            text = scenario.title.get(lang, scenario.id)
            if scenario.id in best:
                text += self.tr("  (best: {percent}%)").format(percent=best[scenario.id].percent)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
        self.list.setCurrentRow(max(current, 0))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def _show_summary(self, row: int) -> None:
        if 0 <= row < len(self.scenarios):
            self.summary.setText(self.scenarios[row].summary.get(lang_code(), ""))

    def chosen(self) -> Scenario | None:
        """The selected scenario."""
        row = self.list.currentRow()
        return self.scenarios[row] if 0 <= row < len(self.scenarios) else None

    def trainee(self) -> str:
        """The trainee's name as typed."""
        return self.name_edit.text().strip()


class PracticeWindow(QWidget):
    """The wizard (embedded) with the customer panel beside it."""

    def __init__(self, wizard: QWidget, controller: PracticeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Practice: {title}").format(
            title=controller.scenario.title.get(lang_code(), controller.scenario.id)))
        self.controller = controller
        layout = QHBoxLayout(self)
        wizard.setWindowFlags(Qt.WindowType.Widget)
        layout.addWidget(wizard, 3)
        self.wizard = wizard
        self.panel = CustomerPanel(controller)
        self.panel.setMinimumWidth(340)
        layout.addWidget(self.panel, 1)
        self.debrief: DebriefDialog | None = None
        controller.finished.connect(self._debrief)

    def replace_wizard(self, wizard: QWidget) -> None:
        """Put a rebuilt wizard (after a language switch) where the old one was."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        wizard.setWindowFlags(Qt.WindowType.Widget)
        layout.replaceWidget(self.wizard, wizard)
        self.wizard = wizard
        wizard.show()

    def _debrief(self, result: PlayResult) -> None:
        history = (self.controller.store.history(self.controller.trainee, self.controller.scenario.id)
                   if self.controller.store else [])
        self.debrief = DebriefDialog(self.controller.scenario, result, list(history), self)
        self.debrief.open()
