"""Step 5: choose the quarantine action.

Radio buttons for the actions the profile offers, the sensitivity, and the simulation matrix (rows =
samples incl. known-good mail; columns = score, block-list hit, outcome) updating live. The post's
mistake (``blocklist_without_action``: entries that change scores but nothing the customer sees) is shown
as a red banner at the top; the post's cautions for the chosen action are listed next to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from shiboken6 import Shiboken

from wizard.core.filtersim import SimReport, SimSample, cautions, simulate
from wizard.core.model import Finding
from wizard.core.profiles import Profile
from wizard.ui.messages import describe
from wizard.ui.models import plain, sample_name
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.export_dialog import ExportDialog
from wizard.ui.widgets.filter_common import (
    Banner,
    action_label,
    is_japanese,
    make_compact_table,
    outcome_label,
    profile_title,
    session_profile,
    sim_samples,
)

CAUTION_CODES = {"false_positives_possible", "spam_folder_webmail_only", "spam_folder_check_regularly",
                 "deleted_mail_unrecoverable", "rejected_mail_bounces", "tag_needs_client_rule",
                 "sensitivity_adjustable", "deliver_only_marks"}
REPORT_KEY = "filter_simulation"
"""``session.extra`` key where the page leaves its latest :class:`SimReport` (for the summary page)."""


def _run(samples: list[SimSample], profile: Profile, entries: list[str], action: str | None,
         sensitivity: str | None, own: tuple[str, ...]) -> SimReport:
    return simulate(samples, profile, entries, action, sensitivity, own)


class QuarantinePage(QWizardPage):
    """Wizard page 5 ("choose a quarantine action")."""

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self._owner = object()
        """Owner key of this page's background requests (dropped when the page is destroyed)."""
        token = self._owner
        self.destroyed.connect(lambda *_: runner.cancel_owner(token))
        self.report: SimReport | None = None
        self._profile_name: str | None = None
        self._loading = False
        self._dirty = False
        """The case changed while the page was hidden: simulated again when it is shown."""
        self.setTitle(self.tr("Step 5: Choose what happens to spam"))
        self.setSubTitle(self.tr(
            "See what each setting does to these very samples before the customer changes it."))

        self.profile_label = QLabel(self)
        self.profile_label.setTextFormat(Qt.TextFormat.PlainText)
        self.profile_label.setWordWrap(True)
        self.mistake_banner = Banner(self, "critical")
        self.mistake_banner.setObjectName("blocklistWithoutAction")
        self.mistake_banner.setAccessibleName(self.tr("Warning: the block list has no visible effect"))
        self.mistake_banner.hide()

        self.action_box = QGroupBox(self.tr("Action for mail judged as spam"), self)
        self.action_layout = QVBoxLayout(self.action_box)
        self.action_group = QButtonGroup(self)
        self.action_group.setExclusive(True)
        self.action_buttons: dict[str, QRadioButton] = {}
        self.action_group.buttonToggled.connect(self._action_toggled)

        self.sensitivity_combo = QComboBox(self)
        self.sensitivity_combo.setAccessibleName(self.tr("Filter sensitivity"))
        sens_label = QLabel(self.tr("Filter se&nsitivity:"), self)
        sens_label.setBuddy(self.sensitivity_combo)
        self.sensitivity_combo.currentIndexChanged.connect(self._sensitivity_changed)

        self.cautions_label = Banner(self, "warning")
        self.cautions_label.setObjectName("actionCautions")
        self.cautions_label.setAccessibleName(self.tr("Cautions for the chosen action"))

        self.matrix = QTableWidget(0, 5, self)
        self.matrix.setObjectName("simulationMatrix")
        self.matrix.setHorizontalHeaderLabels([self.tr("Sample"), self.tr("Kind"), self.tr("Score"),
                                               self.tr("Block-list hit"), self.tr("Outcome")])
        make_compact_table(self.matrix)
        self.matrix.setAccessibleName(self.tr("What the filter will do to each sample"))
        matrix_label = QLabel(self.tr("&What happens to each sample:"), self)
        matrix_label.setBuddy(self.matrix)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("simulationSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.other_findings = Banner(self, "warning")
        self.other_findings.setObjectName("simulationFindings")
        self.other_findings.hide()

        self.export_button = QPushButton(self.tr("E&xport configuration…"), self)
        self.export_button.setAccessibleName(self.tr("Export the filter configuration for an engine"))
        self.export_button.clicked.connect(self.open_export)

        left = QVBoxLayout()
        left.addWidget(self.action_box)
        srow = QHBoxLayout()
        srow.addWidget(sens_label)
        srow.addWidget(self.sensitivity_combo, 1)
        left.addLayout(srow)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.cautions_label)
        right.addStretch(1)
        choice = QHBoxLayout()
        choice.addLayout(left, 1)
        choice.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profile_label)
        layout.addWidget(self.mistake_banner)
        layout.addLayout(choice)
        layout.addWidget(matrix_label)
        layout.addWidget(self.matrix, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.other_findings)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)

        session.analysesChanged.connect(self._case_changed)
        session.samplesChanged.connect(self._case_changed)
        session.decisionsChanged.connect(self._decisions_changed)
        self._rebuild_controls()
        self.update_simulation()

    # -- controls -----------------------------------------------------------------------------------
    def profile(self) -> Profile | None:
        """The case's filter profile."""
        return session_profile(self.session)

    def _rebuild_controls(self) -> None:
        profile = self.profile()
        self._profile_name = profile.name if profile else None
        self._loading = True
        try:
            for button in list(self.action_buttons.values()):
                self.action_group.removeButton(button)
                self.action_layout.removeWidget(button)
                button.deleteLater()
            self.action_buttons.clear()
            self.sensitivity_combo.clear()
            if profile is None:
                self.profile_label.setText(self.tr("No filter profile could be loaded."))
                return
            self.profile_label.setText(self.tr("Filter: %1").replace("%1", profile_title(profile)))
            for number, action in enumerate(profile.actions, start=1):
                text = f"&{number} {action_label(action)}"
                button = QRadioButton(text, self.action_box)
                button.setObjectName(f"action_{action}")
                button.setAccessibleName(action_label(action))
                self.action_group.addButton(button)
                self.action_layout.addWidget(button)
                self.action_buttons[action] = button
            chosen = self.session.action if self.session.action in profile.actions else profile.default_action
            self.action_buttons[chosen].setChecked(True)
            ja = is_japanese()
            for level in profile.levels:
                self.sensitivity_combo.addItem(level.label_ja if ja else level.label, level.name)
            self.sensitivity_combo.setEnabled(profile.sensitivity_adjustable and len(profile.levels) > 1)
            wanted = self.session.sensitivity or profile.default_sensitivity
            index = self.sensitivity_combo.findData(wanted)
            if index < 0:
                index = self.sensitivity_combo.findData(profile.default_sensitivity)
            self.sensitivity_combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self._show_cautions()

    def chosen_action(self) -> str | None:
        """The action whose radio button is checked."""
        for action, button in self.action_buttons.items():
            if button.isChecked():
                return action
        return None

    def chosen_sensitivity(self) -> str | None:
        """The sensitivity level name selected (None when the profile has none)."""
        data = self.sensitivity_combo.currentData()
        return str(data) if data is not None else None

    def set_action(self, action: str) -> None:
        """Check the radio button for ``action`` (as the agent would)."""
        button = self.action_buttons.get(action)
        if button is not None:
            button.setChecked(True)

    def _action_toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked or self._loading:
            return
        action = self.chosen_action()
        self._show_cautions()
        if action and action != self.session.action:
            self._loading = True
            try:
                self.session.set_decision("action", action)
            finally:
                self._loading = False
        self.update_simulation()

    def _sensitivity_changed(self, _index: int) -> None:
        if self._loading:
            return
        level = self.chosen_sensitivity()
        if level != self.session.sensitivity:
            self._loading = True
            try:
                self.session.set_decision("sensitivity", level)
            finally:
                self._loading = False
        self.update_simulation()

    def _decisions_changed(self) -> None:
        if self._loading:
            return
        profile = self.profile()
        if profile is None or profile.name != self._profile_name:
            self._rebuild_controls()
        elif self.session.action in self.action_buttons and self.session.action != self.chosen_action():
            self._loading = True
            try:
                self.action_buttons[self.session.action].setChecked(True)
            finally:
                self._loading = False
            self._show_cautions()
        self._case_changed()

    def _show_cautions(self) -> None:
        profile, action = self.profile(), self.chosen_action()
        if profile is None or action is None:
            self.cautions_label.hide()
            return
        items = cautions(profile, action)
        text = "\n".join("• " + self.describe(f) for f in items)
        self.cautions_label.setText(text)
        worst = max((f.severity.rank for f in items), default=0)
        self.cautions_label.set_level({2: "critical", 1: "warning"}.get(worst, "info"))
        self.cautions_label.setVisible(bool(items))

    def describe(self, item: Finding) -> str:
        """The finding in words, with action / outcome / reason parameters shown in the UI language."""
        params = dict(item.params)
        if "action" in params:
            params["action"] = action_label(str(params["action"]))
        if "outcome" in params:
            params["outcome"] = outcome_label(str(params["outcome"]), self.profile().folder_name
                                              if self.profile() else None)  # type: ignore[union-attr]
        if "points" in params:
            params["points"] = f"{float(params['points'] or 0):g}"
        if params.get("reason") == "blocklist":
            params["reason"] = self.tr("block list")
        elif params.get("reason") == "score":
            params["reason"] = self.tr("spam score")
        return describe(Finding(item.code, item.severity, params))

    # -- simulation ---------------------------------------------------------------------------------
    def _case_changed(self) -> None:
        # A hidden page does no work (a pool job started on every analysis in step 1 competed with the
        # window for the interpreter lock); initializePage / showEvent simulate the current case.
        if self.isVisible():
            self.update_simulation()
        else:
            self._dirty = True

    def update_simulation(self) -> None:
        """Re-run the simulation for the current choice (in the background; late answers dropped)."""
        self._dirty = False
        profile = self.profile()
        self.runner.cancel_owner(self._owner)
        if profile is None:
            return
        samples = sim_samples(self.session)
        entries = list(self.session.block_entries)
        action, level = self.chosen_action(), self.chosen_sensitivity()
        own = (self.session.domain,) if self.session.domain else ()
        self.runner.submit(lambda: _run(samples, profile, entries, action, level, own), self._show_report,
                           owner=self._owner, on_error=lambda message: self.summary_label.setText(message))

    def _show_report(self, report: SimReport) -> None:
        if not Shiboken.isValid(self.matrix):
            return
        self.report = report
        self.session.extra[REPORT_KEY] = report
        self.matrix.setRowCount(len(report.results))
        good_brush = QColor("#e6f4ea")
        bad_brush = QColor("#fde2e1")
        for i, r in enumerate(report.results):
            score = f"{r.score:.1f}"
            if r.score_estimated:
                score = self.tr("≈%1 (estimated)").replace("%1", f"{r.score:.1f}")
            if r.block_points:
                score += self.tr(" (+%1 block list)").replace("%1", f"{r.block_points:g}")
            hit = self.tr("yes") if r.blocklist_hit else self.tr("no")
            kind = self.tr("Known-good") if r.kind == "good" else self.tr("Spam")
            values = [plain(sample_name(r.source), 80), kind, score, hit, outcome_label(r.outcome, r.folder)]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if r.kind == "good" and r.outcome != "inbox":
                    item.setBackground(bad_brush)
                elif r.kind != "good" and r.outcome != "inbox" and j == 4:
                    item.setBackground(good_brush)
                self.matrix.setItem(i, j, item)
        self.matrix.resizeColumnsToContents()
        mistake = [f for f in report.findings if f.code == "blocklist_without_action"]
        if mistake:
            self.mistake_banner.setText("⚠ " + self.describe(mistake[0]))
        self.mistake_banner.setVisible(bool(mistake))
        spam = [r for r in report.results if r.kind != "good"]
        good = [r for r in report.results if r.kind == "good"]
        self.summary_label.setText(
            self.tr("%1 of %2 spam samples would leave the inbox; %3 of %4 known-good messages would stay in "
                    "the inbox.")
            .replace("%1", str(sum(r.outcome not in ("inbox", "tagged") for r in spam)))
            .replace("%2", str(len(spam)))
            .replace("%3", str(sum(r.outcome == "inbox" for r in good))).replace("%4", str(len(good))))
        others: list[Finding] = [f for f in report.findings
                                 if f.code not in CAUTION_CODES and f.code != "blocklist_without_action"
                                 and f.severity.value != "info"]
        self.other_findings.setText("\n".join("• " + self.describe(f) for f in others))
        self.other_findings.set_level("critical" if any(f.severity.value == "critical" for f in others)
                                      else "warning")
        self.other_findings.setVisible(bool(others))

    # -- export -------------------------------------------------------------------------------------
    def make_export_dialog(self) -> ExportDialog | None:
        """The export dialog for the current choice (not shown)."""
        profile = self.profile()
        if profile is None:
            return None
        return ExportDialog(profile, list(self.session.block_entries), self.chosen_action(),
                            self.chosen_sensitivity(), self)

    def open_export(self) -> None:
        """Open the export dialog (modal)."""
        dialog = self.make_export_dialog()
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()

    # -- wizard hooks -------------------------------------------------------------------------------
    def initializePage(self) -> None:
        """Entering the page: controls for the case's profile, a fresh simulation."""
        if self.profile() is None or self.profile().name != self._profile_name:  # type: ignore[union-attr]
            self._rebuild_controls()
        self.update_simulation()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.update_simulation()
        super().showEvent(event)

    def cleanupPage(self) -> None:
        """Leaving backwards: drop late results."""
        self.runner.cancel_owner(self._owner)
