"""Step 6: the case note for the ticket (copy button, in the UI language), what was decided, what to
check at the next call, and the delivery-log verification of the change."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.core.model import MessageAnalysis
from wizard.ui.customer_checks import CHECK_IDS, EXTRA_KEY, check_label
from wizard.ui.i18n import mono_font
from wizard.ui.models import format_time, plain
from wizard.ui.report_export import ReportExportWidget
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.verification_panel import VerificationPanel


def action_text(action: str | None) -> str:
    """The quarantine action in plain words."""
    words = {
        "deliver": QCoreApplication.translate("SummaryPage", "deliver normally (spam only marked in the headers)"),
        "tag": QCoreApplication.translate("SummaryPage", "deliver with a tag at the start of the subject"),
        "folder": QCoreApplication.translate("SummaryPage", "move to the server's spam folder"),
        "delete": QCoreApplication.translate("SummaryPage", "delete on the server"),
        "reject": QCoreApplication.translate("SummaryPage", "reject at the server"),
    }
    if not action:
        return QCoreApplication.translate("SummaryPage", "not chosen")
    return words.get(action, plain(action, 40))


def _domain(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    return address.rsplit("@", 1)[1].strip(" <>\"'").lower() or None


def _bare(address: str) -> str:
    if "<" in address and ">" in address:
        address = address[address.rfind("<") + 1 : address.rfind(">")]
    return address.strip().lower()


@dataclass(frozen=True)
class TraceFacts:
    """What the note says about the spam samples."""

    count: int
    customer: int
    checked: bool
    senders: Counter[str]
    domains: Counter[str]
    targets: Counter[str]
    first: datetime | None
    last: datetime | None


def trace_facts(analyses: list[MessageAnalysis]) -> TraceFacts:
    """Counts the note is built from (senders, domains, targets, customer involvement, dates)."""
    targets: Counter[str] = Counter()
    for analysis in analyses:
        for address in analysis.to:
            targets[_bare(address)] += 1
    dates = sorted(a.date for a in analyses if a.date is not None)
    return TraceFacts(
        count=len(analyses),
        customer=sum(1 for a in analyses if a.customer_is_origin is True or a.authenticated_submission),
        checked=any(a.customer_is_origin is not None for a in analyses),
        senders=Counter(a.handoff.ip for a in analyses if a.handoff is not None),
        domains=Counter(d for a in analyses if (d := _domain(a.return_path) or _domain(a.from_))),
        targets=targets,
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )


class SummaryPage(QWizardPage):
    """Step 6: summary and follow-up."""

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.setTitle(self.tr("Step 6: Summary and follow-up"))
        self.setSubTitle(self.tr("Copy the case note into the ticket, and agree with the customer what will be "
                                 "checked at the next call."))
        self.note_label = QLabel(self.tr("Case &note for the ticket:"), self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("caseNote")
        self.note.setFont(mono_font())
        self.note.setAccessibleName(self.tr("Case note"))
        self.note.setTabChangesFocus(True)
        self.note_label.setBuddy(self.note)
        self.copy_button = QPushButton(self.tr("C&opy note"), self)
        self.copy_button.setAutoDefault(False)
        self.copy_button.setAccessibleName(self.tr("Copy the case note"))
        self.regen_button = QPushButton(self.tr("&Rewrite from the case"), self)
        self.regen_button.setAutoDefault(False)
        self.copied = QLabel(self)
        self.copied.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.regen_button)
        buttons.addWidget(self.copied, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.note_label)
        left_layout.addWidget(self.note, 1)
        left_layout.addLayout(buttons)

        self.decided_title = QLabel(self.tr("What was decided"), self)
        self.decided = QLabel(self)
        self.decided.setObjectName("decidedList")
        self.next_title = QLabel(self.tr("Check at the next call"), self)
        self.next_checks = QLabel(self)
        self.next_checks.setObjectName("nextCallList")
        for title in (self.decided_title, self.next_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        for label in (self.decided, self.next_checks):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right = QWidget(self)
        self.right_layout = QVBoxLayout(right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.addWidget(self.decided_title)
        self.right_layout.addWidget(self.decided)
        self.right_layout.addWidget(self.next_title)
        self.right_layout.addWidget(self.next_checks)
        self.right_layout.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 380])
        self.verification = VerificationPanel(runner, session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("summaryTabs")
        self.tabs.addTab(self.splitter, self.tr("Case note and follow-u&p"))
        self.tabs.addTab(self.verification, self.tr("Check in the server &log"))
        self.report = ReportExportWidget(runner, self)
        self.report.setObjectName("reportExport")
        self.tabs.addTab(self.report, self.tr("Report and hand-o&ver"))
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)

        self.registerField("summary.note", self.note, "plainText", self.note.textChanged)
        self.copy_button.clicked.connect(self.copy_note)
        self.verification.reportReady.connect(self._on_report)
        self.regen_button.clicked.connect(self.refresh)
        self.setTabOrder(self.note, self.copy_button)
        self.setTabOrder(self.copy_button, self.regen_button)

    # -- content --------------------------------------------------------------------------------
    def decisions(self) -> list[str]:
        """What was decided, one plain line each."""
        s = self.session
        out: list[str] = []
        sent = s.extra.get(EXTRA_KEY)
        if sent and sent.get("samples"):
            done = [k for k in CHECK_IDS if sent.get("checks", {}).get(k)]
            out.append(self.tr("The customer's PC or account is the sender: secure it first (%1 of %2 "
                               "checklist items done).").replace("%1", str(len(done)))
                       .replace("%2", str(len(CHECK_IDS))))
        if s.departed:
            departed = ", ".join(plain(a, 80) for a in sorted(s.departed))
            out.append(self.tr("Left the company: %1").replace("%1", departed))
        if s.delete_address:
            out.append(self.tr("Delete the address %1 in the control panel.")
                       .replace("%1", plain(s.delete_address, 100)))
        if s.block_entries:
            out.append(self.tr("Block list: %1").replace("%1", ", ".join(plain(e, 80) for e in s.block_entries)))
        if s.action:
            out.append(self.tr("Spam filter action: %1").replace("%1", action_text(s.action)))
        if s.sensitivity:
            out.append(self.tr("Sensitivity: %1").replace("%1", plain(s.sensitivity, 40)))
        if not out:
            out.append(self.tr("Nothing decided yet."))
        return out

    def next_call(self) -> list[str]:
        """What to check at the next call, one plain line each."""
        s = self.session
        out: list[str] = []
        sent = s.extra.get(EXTRA_KEY)
        if sent and sent.get("samples"):
            for check_id in CHECK_IDS:
                if not sent.get("checks", {}).get(check_id):
                    out.append(self.tr("Still open: %1").replace("%1", check_label(check_id).replace("&", "")))
            out.append(self.tr("Check the submission log again: no more logins from unknown places after the "
                               "password change."))
        if s.delete_address:
            out.append(self.tr("%1 was deleted: mail to it is now refused by our server. Check whether the spam "
                               "moves on to other addresses (in the original case it did).")
                       .replace("%1", plain(s.delete_address, 100)))
        if s.block_entries:
            out.append(self.tr("Block list set: load tomorrow's delivery log and check what became of mail from "
                               "%1.").replace("%1", ", ".join(plain(e, 60) for e in s.block_entries)))
            if s.action in (None, "deliver"):
                out.append(self.tr("Warning: with the action \"deliver normally\" a block-list entry only adds "
                                   "spam score, and the mail still reaches the inbox."))
        if s.action == "folder":
            out.append(self.tr("Spam now goes to the server's spam folder, which is only visible in webmail: ask "
                               "the customer to look there for wanted mail for a while; sensitivity can be "
                               "lowered if good mail is caught."))
        elif s.action == "delete":
            out.append(self.tr("Spam is deleted on the server and cannot be recovered: ask whether any expected "
                               "mail has gone missing."))
        elif s.action == "tag":
            out.append(self.tr("Spam arrives with a tag in the subject: the customer can sort it with a rule in "
                               "the mail app."))
        out.append(self.tr("If spam continues, ask for the headers of a new one and compare it with this case."))
        return out

    def case_note(self) -> str:
        """The case note in the UI language (plain text)."""
        s = self.session
        spam = s.spam_analyses()
        facts = trace_facts(spam)
        now = QLocale().toString(QDateTime.currentDateTime(), "yyyy-MM-dd HH:mm")
        lines = [self.tr("[Spam case] %1").replace("%1", now)]
        if s.customer:
            lines.append(self.tr("Customer: %1").replace("%1", plain(s.customer, 80)))
        good = sum(1 for x in s.samples if x.kind == "good")
        lines.append(self.tr("Samples: %1 spam, %2 known-good").replace("%1", str(facts.count))
                     .replace("%2", str(good)))
        if facts.first is not None and facts.last is not None:
            lines.append(self.tr("Spam dated %1 to %2").replace("%1", format_time(facts.first)[:16])
                         .replace("%2", format_time(facts.last)[:16]))
        senders = facts.senders
        customer_count = facts.customer
        machine = " ".join([*s.customer_ips, *s.customer_hosts])
        if customer_count:
            lines.append(self.tr("Trace: %1 of %2 spam samples were sent from the customer's PC or account.")
                         .replace("%1", str(customer_count)).replace("%2", str(facts.count)))
        elif senders:
            ips = ", ".join(plain(ip, 45) for ip, _n in senders.most_common(5))
            if facts.checked:
                lines.append(self.tr("Trace: handed to our server from outside (%1); not from the customer's PC "
                                     "(%2).").replace("%1", ips).replace("%2", plain(machine, 80)))
            else:
                lines.append(self.tr("Trace: handed to our server from outside (%1); the customer's PC was not "
                                     "compared.").replace("%1", ips))
        domains = facts.domains
        if domains:
            lines.append(self.tr("Sender domains: %1").replace(
                "%1", ", ".join(f"{plain(d, 60)} ({n})" for d, n in domains.most_common(4))))
        targets = facts.targets
        if targets:
            lines.append(self.tr("Sent to: %1").replace(
                "%1", ", ".join(f"{plain(t, 60)} ({n})" for t, n in targets.most_common(5))))
        lines.append("")
        lines.append(self.tr("Decided:"))
        lines += [f"- {item}" for item in self.decisions()]
        lines.append("")
        lines.append(self.tr("Next call:"))
        lines += [f"- {item}" for item in self.next_call()]
        checked = self.log_findings()
        if checked:
            lines.append("")
            lines.append(self.tr("Server log check:"))
            lines += [f"- {item}" for item in checked]
        if s.notes:
            lines += ["", self.tr("Notes:"), s.notes]
        return "\n".join(lines)

    def log_findings(self) -> list[str]:
        """What the delivery-log check found (the verification panel's findings), once a log was read."""
        if not isinstance(self.session.extra.get("maillog"), list):
            return []
        items = self.verification.findings
        return [plain(items.item(i).text(), 400) for i in range(min(items.count(), 8))]

    def refresh(self) -> None:
        """Rebuild the note and the lists from the session."""
        self.note.setPlainText(self.case_note())
        self.decided.setText("\n".join(f"• {item}" for item in self.decisions()))
        self.next_checks.setText("\n".join(f"• {item}" for item in self.next_call()))
        self.copied.clear()

    def copy_note(self) -> None:
        """Copy the note to the clipboard."""
        QGuiApplication.clipboard().setText(self.note.toPlainText())
        self.copied.setText(self.tr("Copied. Paste it into the ticket."))

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.report:
            self.update_report()

    def update_report(self) -> None:
        """Give the report tab the case as the window holds it now (printable report, redacted variant,
        case file for hand-over)."""
        from wizard.ui.case_binding import case_from_session, default_agent

        self.report.set_case(case_from_session(self.session, None, default_agent(), None))

    def initializePage(self) -> None:
        self.refresh()
        if self.tabs.currentWidget() is self.report:
            self.update_report()
        if isinstance(self.session.extra.get("maillog"), list):
            self.verification.refresh()  # a log was imported on the trace page: check the change in it

    def _on_report(self, _report: object) -> None:
        self.note.setPlainText(self.case_note())
