"""Branch after the trace: the customer's own PC or mail account sent the spam. Instead of deleting an
address, the agent walks through securing the account and the machine, as a checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget, QWizardPage

from wizard.core.model import MessageAnalysis
from wizard.ui.customer_checks import CHECK_IDS, EXTRA_KEY, check_label
from wizard.ui.models import plain, sample_name
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner


class CustomerSentPage(QWizardPage):
    """The customer's PC or account is the sender: password, malware scan, submission log."""

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.setTitle(self.tr("Step 2b: The customer's PC or account sent this mail"))
        self.setSubTitle(self.tr("Deleting an address will not help here. Secure the account and the PC first, "
                                 "then check that no more mail goes out."))
        self.reason = QLabel(self)
        self.reason.setObjectName("customerSentReason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("QLabel { background:#fde7e9; border:1px solid #d9534f; color:#5c0b10; "
                                  "padding:8px; border-radius:4px; }")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QGroupBox(self.tr("Checklist (tick each item when it is done)"), self)
        box_layout = QVBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for check_id in CHECK_IDS:
            check = QCheckBox(check_label(check_id), box)
            check.setObjectName(f"check_{check_id}")
            check.toggled.connect(self._store)
            self.checks[check_id] = check
            box_layout.addWidget(check)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setText(self.tr(
            "Why: a PC infected with malware can send spam through the customer's own connection, and a "
            "stolen password lets anyone send through our server as the customer. Changing the password "
            "stops the second at once; the scan is needed for the first. Our submission log shows from "
            "where the account logged in to send."))
        self.progress = QLabel(self)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(box)
        layout.addWidget(self.why)
        layout.addWidget(self.progress)
        layout.addStretch(1)

    def sender_samples(self) -> list[MessageAnalysis]:
        """Spam samples sent from the customer's PC or account."""
        return [a for a in self.session.spam_analyses() if a.customer_is_origin is True or a.authenticated_submission]

    def initializePage(self) -> None:
        samples = self.sender_samples()
        machine = [a for a in samples if a.customer_is_origin is True]
        account = [a for a in samples if a.authenticated_submission]
        lines: list[str] = []
        if machine:
            lines.append(self.tr("%n sample(s) came from the customer's own PC or network.", "", len(machine)))
        if account:
            lines.append(self.tr("%n sample(s) went out through a logged-in submission with the customer's "
                                 "account.", "", len(account)))
        for analysis in samples[:4]:
            ip = analysis.handoff.ip if analysis.handoff else (
                analysis.claimed_origin.ip if analysis.claimed_origin else "?")
            name = plain(sample_name(analysis.source), 40)
            lines.append(f"• {name}: {plain(ip, 45)} — {plain(analysis.subject, 70)}")
        self.reason.setText("\n".join(lines) or self.tr("No sample points to the customer's PC or account."))
        saved = self.session.extra.get(EXTRA_KEY, {}).get("checks", {})
        for check_id, check in self.checks.items():
            check.blockSignals(True)
            check.setChecked(bool(saved.get(check_id, False)))
            check.blockSignals(False)
        self._store()
        first = self.checks[CHECK_IDS[0]]
        first.setFocus()

    def _store(self) -> None:
        samples = self.sender_samples()
        state = {
            "checks": {k: c.isChecked() for k, c in self.checks.items()},
            "samples": [a.source for a in samples],
            "machine": any(a.customer_is_origin is True for a in samples),
            "account": any(a.authenticated_submission for a in samples),
        }
        self.session.extra[EXTRA_KEY] = state
        done = sum(state["checks"].values())
        self.progress.setText(self.tr("%1 of %2 done. Open items go into the follow-up list of the summary.")
                              .replace("%1", str(done)).replace("%2", str(len(self.checks))))
        self.session.decisionsChanged.emit()
        self.session.changed.emit()
