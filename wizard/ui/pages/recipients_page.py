"""Step 3: find the address to delete, and help the customer into the control panel.

Shows which of the customer's addresses the spam targets (samples + delivery log), lets the agent mark
addresses as "left the company" or import the panel's account list, states the recommendation with its
warnings and what will happen next, and offers two helpers for the barriers of the original case: the
"unknown address" checker and the certificate checker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.core.accounts import AccountList, load_accounts, merge_accounts
from wizard.core.address import AddressCheck
from wizard.core.certcheck import CertReport
from wizard.core.model import Finding, Severity
from wizard.core.recipients import (
    LogRecord,
    RecipientReport,
    analyze_recipients,
    log_records_from,
    normalize_address,
    sender_domains,
    verify_deletion,
)
from wizard.ui.messages import describe
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.address_check import AddressCheckWidget
from wizard.ui.widgets.cert_check import CertCheckWidget
from wizard.ui.widgets.recipients_table import RecipientsTable, breakable

ACCOUNTS_KEY = "accounts"
"""``session.extra`` key holding the imported :class:`AccountList` objects (a list)."""
ADDRESS_KEY = "address_check"
"""``session.extra`` key: the latest address check, ``{"typed", "match", "differences", "suggestion",
"readback"}``."""
CERT_KEY = "cert_check"
"""``session.extra`` key: the latest certificate check (the ``check-cert --json`` document plus
``suggested_url`` and ``another_device``)."""
REPORT_KEY = "recipients"
"""``session.extra`` key where the page leaves its latest :class:`RecipientReport` for the summary."""
LOG_KEYS = ("log_records", "maillog", "log")
"""``session.extra`` keys where a loaded delivery log may be: a list of mail-log records (objects with
``to`` and ``first_seen``) or of ``(recipients, timestamp)`` pairs."""
INLINE_RECORDS = 2000
"""Up to this many log records the report is computed at once, above it on the task runner."""


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RecipientsPage(QWizardPage):
    """Wizard page 3 ("find the address to delete")."""

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.report: RecipientReport = RecipientReport()
        self._updating = False
        self._request: int | None = None
        self._auto_choose = True  # off once the agent picks "(not decided)" on purpose
        self.setTitle(self.tr("Step 3: Find the address to delete"))
        self.setSubTitle(self.tr(
            "Which of the customer's addresses the spam is sent to, how often and since when. If one belongs "
            "to someone who has left, deleting it is the cleanest fix."))

        self.summary = _plain(QLabel(self))
        self.summary.setObjectName("recipientsSummary")

        self.table = RecipientsTable(self)
        self.table.setMinimumHeight(120)
        table_label = QLabel(self.tr("T&argeted addresses (tick the ones whose owner has left):"), self)
        table_label.setBuddy(self.table)

        self.import_button = QPushButton(self.tr("&Import account list (CSV)…"), self)
        self.import_button.setAccessibleName(
            self.tr("Import the account list exported from the control panel"))
        self.import_button.clicked.connect(self._choose_accounts)
        self.accounts_label = _plain(QLabel(self))

        self.delete_combo = QComboBox(self)
        self.delete_combo.setAccessibleName(self.tr("Address to delete"))
        self.delete_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.delete_combo.setMinimumContentsLength(24)
        delete_label = QLabel(self.tr("Address to &delete:"), self)
        delete_label.setBuddy(self.delete_combo)
        self.delete_combo.activated.connect(self._delete_chosen)

        self.recommendation = _plain(QLabel(self))
        self.recommendation.setObjectName("recipientsRecommendation")
        self.warnings = _plain(QLabel(self))
        self.warnings.setObjectName("recipientsWarnings")
        self.prediction = _plain(QLabel(self))
        self.prediction.setObjectName("recipientsPrediction")

        self.address_check = AddressCheckWidget(self)
        self.cert_check = CertCheckWidget(runner, self)
        self.helpers = QTabWidget(self)
        self.helpers.addTab(self.address_check, self.tr("\"&Unknown address\" checker"))
        self.helpers.addTab(self.cert_check, self.tr("Security error (certi&ficate) checker"))
        self.helpers.setAccessibleName(self.tr("Helpers for logging in to the control panel"))

        top = QHBoxLayout()
        top.addWidget(table_label, 1)
        top.addWidget(self.import_button)
        choose = QHBoxLayout()
        choose.addWidget(delete_label)
        choose.addWidget(self.delete_combo, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.accounts_label)
        layout.addLayout(choose)
        layout.addWidget(self.recommendation)
        layout.addWidget(self.warnings)
        layout.addWidget(self.prediction)
        layout.addWidget(self.helpers, 3)

        self.table.departedToggled.connect(self._toggle_departed)
        self.address_check.checked.connect(self._address_checked)
        self.cert_check.finished.connect(self._cert_checked)
        self._dirty = False
        """The case changed while the page was hidden: recounted when it is shown."""
        session.analysesChanged.connect(self._case_changed)
        session.samplesChanged.connect(self._case_changed)
        session.decisionsChanged.connect(self._decisions_changed)
        self.refresh()

    # -- data ------------------------------------------------------------------------------------
    def account_lists(self) -> list[AccountList]:
        """Account lists imported in this case."""
        value = self.session.extra.get(ACCOUNTS_KEY)
        return [v for v in value if isinstance(v, AccountList)] if isinstance(value, list) else []

    def _raw_log(self) -> list[object]:
        for key in LOG_KEYS:
            value = self.session.extra.get(key)
            if value and isinstance(value, list | tuple):
                return list(value)
        return []

    def _case_changed(self) -> None:
        # A hidden page does no work: with the demo log loaded the count takes ~12 ms on the GUI
        # thread, on every analysis while the agent is on step 1 or 2. initializePage / showEvent
        # count the current case.
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Recompute the report from the session and redraw. Samples alone are counted at once; with a
        large delivery log loaded the counting runs on the task runner (the window never stalls)."""
        self._dirty = False
        spam = self.session.spam_analyses()
        spam_ids = {id(a) for a in spam}
        good = [a for a in self.session.analyses if id(a) not in spam_ids]
        raw = self._raw_log()
        senders = sender_domains(spam)
        accounts = merge_accounts(self.account_lists())
        departed = set(self.session.departed)
        domains = [self.session.domain] if self.session.domain else []
        chosen = self.session.delete_address

        def job() -> RecipientReport:
            records: list[LogRecord] = log_records_from(raw, senders) if raw else []
            report = analyze_recipients(spam, good=good, log_records=records, accounts=accounts,
                                        departed=departed, domains=domains)
            address = chosen or report.recommendation
            if raw and address:  # the log can already show the deletion at work (or not)
                report = replace(report, findings=report.findings + tuple(verify_deletion(raw, address)))
            return report

        if self._request is not None:
            self.runner.cancel(self._request)
            self._request = None
        if len(raw) <= INLINE_RECORDS:
            self._report_ready(job())
            return
        self.summary.setText(self.tr("Counting the delivery log…"))
        self._request = self.runner.submit(job, self._report_ready, owner=self,
                                           on_error=self._report_failed)

    def _report_ready(self, report: RecipientReport) -> None:
        self._request = None
        self.report = report
        self.session.extra[REPORT_KEY] = report
        self._show()

    def _report_failed(self, message: str) -> None:
        self._request = None
        self.summary.setText(self.tr("The recipients could not be counted: %1").replace("%1", message[:300]))

    def _show(self) -> None:
        report = self.report
        self.table.set_rows(list(report.addresses))
        if report.addresses:
            self.summary.setText(self.tr(
                "%1 of the customer's addresses receive the spam (%2 samples). The flood started %3.")
                .replace("%1", str(len(report.addresses)))
                .replace("%2", str(report.messages))
                .replace("%3", _when(report.flood_start) if report.flood_start
                         else self.tr("at an unknown time")))
        elif report.messages:
            self.summary.setText(self.tr("None of the samples is addressed to the customer's domains."))
        else:
            self.summary.setText(self.tr("No samples yet: paste the spam's headers on the first page."))

        lists = self.account_lists()
        if lists:
            n = sum(len(a.accounts) for a in lists)
            bad = sum(1 for a in lists for f in a.findings if f.code == "accounts_bad_row")
            self.accounts_label.setText(self.tr("Account list: %1 accounts imported, %2 lines with problems.")
                                        .replace("%1", str(n)).replace("%2", str(bad)))
        else:
            self.accounts_label.setText("")
        self.accounts_label.setVisible(bool(lists))

        self._updating = True
        self.delete_combo.clear()
        self.delete_combo.addItem(self.tr("(not decided)"), None)
        for row in report.addresses:
            self.delete_combo.addItem(row.address, row.address)
        current = self.session.delete_address
        if current is None and report.recommendation and self._auto_choose:
            current = report.recommendation
            self.session.set_decision("delete_address", current)
        index = self.delete_combo.findData(current) if current else 0
        if index < 0 and current:
            self.delete_combo.addItem(current, current)
            index = self.delete_combo.count() - 1
        self.delete_combo.setCurrentIndex(max(index, 0))
        self._updating = False

        recommend = [f for f in report.findings if f.code in ("recipients_recommend_delete",
                                                              "recipients_ask_departed", "recipients_none")]
        self.recommendation.setText("\n".join(finding_text(f) for f in recommend))
        warnings = [f for f in report.findings if f.severity != Severity.INFO
                    and f.code not in ("recipients_predict_move", "recipients_none")]
        for item in lists:
            warnings.extend(f for f in item.findings if f.severity != Severity.INFO)
        self.warnings.setText("\n".join("⚠ " + finding_text(f) for f in warnings[:12]))
        self.warnings.setVisible(bool(warnings))
        predict = [f for f in report.findings if f.code.startswith("recipients_predict")
                   or f.code == "recipients_delete_verified"]
        self.prediction.setText("\n".join(finding_text(f) for f in predict))
        self.prediction.setVisible(bool(predict))
        self.address_check.set_known(self.known_addresses())

    def known_addresses(self) -> list[str]:
        """Registered addresses for the address checker: the customer's, the targeted ones, then the
        account list (the checker keeps the first 200)."""
        out: list[str] = []

        def add(items: Iterable[str]) -> None:
            for item in items:
                if item and "@" in item and item not in out:
                    out.append(item)

        add([normalize_address(self.session.customer) or ""])
        add(r.address for r in self.report.addresses)
        add(a.address for lst in self.account_lists() for a in lst.accounts)
        return out

    # -- actions ---------------------------------------------------------------------------------
    def _address_checked(self, result: Any) -> None:
        """Keep the latest address check in the case (for the summary / ticket note)."""
        if isinstance(result, AddressCheck):
            self.session.extra[ADDRESS_KEY] = {"typed": result.typed, **result.to_json()}
        else:
            self.session.extra.pop(ADDRESS_KEY, None)

    def _cert_checked(self, report: Any) -> None:
        """Keep the latest certificate check in the case (for the summary / ticket note)."""
        if isinstance(report, CertReport):
            data = report.to_json(self.cert_check.advice)
            data["suggested_url"] = report.suggested_url
            data["another_device"] = report.another_device
            self.session.extra[CERT_KEY] = data
            self.session.changed.emit()

    def _toggle_departed(self, address: str, checked: bool) -> None:
        self._auto_choose = True
        departed = set(self.session.departed)
        if checked:
            departed.add(address)
        else:
            departed.discard(address)
            if self.session.delete_address == address:
                self.session.set_decision("delete_address", None)
        self.session.set_decision("departed", departed)
        self.refresh()

    def _delete_chosen(self, index: int) -> None:
        if self._updating:
            return
        value = self.delete_combo.itemData(index)
        self._auto_choose = value is not None
        self.session.set_decision("delete_address", value)
        self.refresh()

    def _decisions_changed(self) -> None:
        if self._updating:
            return
        known = {r.address for r in self.report.addresses if r.departed}
        if known != {a for a in self.session.departed if a in {r.address for r in self.report.addresses}}:
            self.refresh()

    def _choose_accounts(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import account list"), "", self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_accounts(path)

    def import_accounts(self, path: str) -> None:
        """Read an account-list CSV in the background and add it to the case."""
        self.import_button.setEnabled(False)
        self.accounts_label.setVisible(True)
        self.accounts_label.setText(self.tr("Reading the account list…"))
        self.runner.submit(lambda: load_accounts(path), self._accounts_loaded, owner=self,
                           on_error=self._accounts_failed)

    def _accounts_loaded(self, result: Any) -> None:
        self.import_button.setEnabled(True)
        if isinstance(result, AccountList):
            lists = self.account_lists()
            lists.append(result)
            self.session.extra[ACCOUNTS_KEY] = lists
            self.session.changed.emit()
        self.refresh()

    def _accounts_failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.accounts_label.setText(self.tr("The account list could not be read: %1").replace("%1", message))

    # -- wizard hooks ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        """Called by QWizard when the page is shown: recompute from the latest session."""
        self.refresh()

    def cleanupPage(self) -> None:
        """Leaving backwards: drop late certificate/account answers."""
        self.runner.cancel_owner(self)
        self._request = None
        self.cert_check.cancel()


def _when(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def _param(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 160:
        return value[:159] + "…"
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            return _when(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def finding_text(item: Finding) -> str:
    """Translated text of one finding, dates in local time, lists joined."""
    return breakable(describe(Finding(item.code, item.severity,
                                      {k: _param(v) for k, v in item.params.items()})))
