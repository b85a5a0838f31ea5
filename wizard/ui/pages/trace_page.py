"""Step 2: where did the spam come from? Verdict banner in plain words, the Received chain bottom-up,
the handoff and the claimed origin explained, findings by severity, the customer's PC (IP / name) to
compare with, live DNS checks and the server's delivery log."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wizard.core.model import MessageAnalysis
from wizard.ui.models import format_time, plain, sample_name
from wizard.ui.page_base import QuietCompletePage
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.dns_panel import DnsPanel
from wizard.ui.widgets.findings_list import FindingsList
from wizard.ui.widgets.hop_table import HopTable
from wizard.ui.widgets.log_panel import LogPanel

TONES = {
    "good": "background:#e6f4ea; border:1px solid #7cb88a; color:#10361b;",
    "bad": "background:#fde7e9; border:1px solid #d9534f; color:#5c0b10;",
    "neutral": "background:#eef2f7; border:1px solid #9aa9bb; color:#1c2b3a;",
}


def split_customer_input(text: str) -> tuple[list[str], list[str], list[str]]:
    """Split what the agent typed into (IPs or networks, host names, rejected items)."""
    ips: list[str] = []
    hosts: list[str] = []
    bad: list[str] = []
    for item in text.replace(",", " ").replace("、", " ").replace("　", " ").split():
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            name = item.lower().rstrip(".")
            if name and len(name) <= 253 and all(ch.isalnum() or ch in "-._" for ch in name) and name.isascii():
                hosts.append(name)
            else:
                bad.append(item)
        else:
            ips.append(item)
    return ips, hosts, bad


def sender_ip(analysis: MessageAnalysis) -> str | None:
    """The address to talk about: the handoff, else the claimed origin."""
    if analysis.handoff is not None:
        return analysis.handoff.ip
    if analysis.claimed_origin is not None:
        return analysis.claimed_origin.ip
    return None


class TracePage(QuietCompletePage):
    """Step 2: trace the origin."""

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self._countries: dict[str, str] = {}
        self._checked: list[MessageAnalysis] = []
        self._dirty = False
        self._shown: list[MessageAnalysis] = []
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(30)
        self._words_timer.timeout.connect(self._show_words)
        self._home = "JP"
        self._warm_steps: Iterator[None] | None = None
        self._warm_waits = 0
        self._warm_gated = False
        self._drawn = False
        """Drawn off screen once (the wizard asks for it when the window is first shown)."""
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_step)
        self.setTitle(self.tr("Step 2: Trace where the spam came from"))
        self.setSubTitle(self.tr("Read the Received lines from the bottom up. The line where the mail was "
                                 "handed to our server shows the real sender's address."))

        self.sample_label = QLabel(self.tr("Sa&mple:"), self)
        self.sample_box = QComboBox(self)
        self.sample_box.setObjectName("sampleSelector")
        self.sample_box.setAccessibleName(self.tr("Sample shown"))
        self.sample_box.setMinimumContentsLength(30)
        self.sample_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sample_label.setBuddy(self.sample_box)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.sample_label)
        top.addWidget(self.sample_box, 1)
        top.addWidget(self.status)

        self.banner = QLabel(self)
        self.banner.setObjectName("verdictBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        font = self.banner.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.banner.setFont(font)
        self.banner.setAccessibleName(self.tr("Verdict"))
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = QLabel(self)
        self.explain.setObjectName("traceExplanation")
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        self.explain.setWordWrap(True)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain.setAccessibleName(self.tr("Handoff and claimed origin explained"))

        self.hops = HopTable(self)
        self.log = LogPanel(runner, session, self)
        route = QSplitter(Qt.Orientation.Vertical, self)
        route.setObjectName("routeSplitter")
        route.addWidget(self.hops)
        route.addWidget(self.log)  # the server's record of the same mail, right under its route
        route.setChildrenCollapsible(False)
        route.setSizes([190, 230])
        self.findings = FindingsList(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("traceTabs")
        self.tabs.addTab(route, self.tr("&Route and server log"))
        self.tabs.addTab(self.findings, self.tr("&Findings"))
        self.dns = DnsPanel(runner, self)
        self.dns.set_offline(bool(session.extra.get("offline", False)))
        self.dns.countryFound.connect(self.set_country)
        self.tabs.addTab(self.dns, self.tr("&DNS and block lists"))

        self.customer_label = QLabel(self.tr("Customer's &PC IP or name:"), self)
        self.customer_edit = QLineEdit(self)
        self.customer_edit.setObjectName("customerMachine")
        self.customer_edit.setPlaceholderText(self.tr("e.g. 198.51.100.77 pc1.example.co.jp"))
        self.customer_edit.setAccessibleName(self.tr("Customer's PC IP address or host name"))
        self.customer_label.setBuddy(self.customer_edit)
        self.customer_button = QPushButton(self.tr("Compar&e"), self)
        self.customer_button.setAutoDefault(False)
        self.customer_status = QLabel(self)
        self.customer_status.setTextFormat(Qt.TextFormat.PlainText)
        self.customer_status.setWordWrap(True)
        customer_row = QHBoxLayout()
        customer_row.addWidget(self.customer_label)
        customer_row.addWidget(self.customer_edit, 1)
        customer_row.addWidget(self.customer_button)
        self.registerField("trace.customer", self.customer_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.explain)
        layout.addWidget(self.tabs, 1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addLayout(customer_row)
        layout.addWidget(self.customer_status)

        self.setTabOrder(self.sample_box, self.tabs)
        self.setTabOrder(self.tabs, self.customer_edit)
        self.setTabOrder(self.customer_edit, self.customer_button)

        self.sample_box.currentIndexChanged.connect(self._show_current)
        self.customer_edit.returnPressed.connect(self.apply_customer)
        self.customer_edit.textEdited.connect(lambda _t: self.customer_status.clear())
        self.customer_button.clicked.connect(self.apply_customer)
        session.analysesChanged.connect(self._on_analyses_changed)
        session.analysisPendingChanged.connect(self._on_pending)
        session.customerChanged.connect(self._sync_customer_field)
        self._sync_customer_field()
        self._refresh()

    # -- analyses -------------------------------------------------------------------------------
    def analyses(self) -> list[MessageAnalysis]:
        """All analyses in sample order (spam first, known-good after)."""
        good = {s.source for s in self.session.samples if s.kind == "good"}
        items = list(self.session.analyses)
        return sorted(items, key=lambda a: a.source.rsplit("#", 1)[0] in good)

    def current_analysis(self) -> MessageAnalysis | None:
        """The analysis shown (selected in the sample box)."""
        items = self.analyses()
        index = self.sample_box.currentIndex()
        return items[index] if 0 <= index < len(items) else None

    def _on_analyses_changed(self) -> None:
        if self.isVisible():
            self._refresh()
        else:
            # Step 2 is where the agent goes next: the network checks start and the page is built and
            # laid out while hidden, but each in its own event-loop turn after the analysis has been
            # delivered to every page (prepare), so no single turn stalls the window.
            self._dirty = True
            QTimer.singleShot(0, self, self._start_checks)
            self.prepare(draw=not self._drawn)

    # -- preparing the page while it is hidden -----------------------------------------------------
    def prepare(self, draw: bool = True) -> None:
        """Build, lay out and draw this page off screen, one small step per event-loop turn.

        The first switch to step 2 used to pay for all of it at once (filling the tables, polishing
        and laying out some hundred widgets, shaping the Japanese text): over 100 ms with the window
        frozen. Prepared here, while the agent is still on step 1, the switch only repaints."""
        self._warm_steps = self._warm_up(draw)
        self._warm_gated = self._drawn
        self._warm_waits = 0
        self._warm_timer.start(0)

    @property
    def preparing(self) -> bool:
        """True while :meth:`prepare` has steps left."""
        return self._warm_steps is not None

    def _warm_step(self) -> None:
        steps = self._warm_steps
        if steps is None:
            return
        if self.isVisible():  # shown meanwhile: showEvent did what was needed
            self._warm_steps = None
            return
        # Not while the samples are analysed, and after an analysis only in idle time: while pool
        # threads run Python (the checks) every step would also wait for the interpreter lock. Waits
        # at most about a second, then goes on anyway. The first drawing (at start-up, while the
        # offline databases load) does not wait for the runner.
        busy = self.session.analysis_pending or (self.runner.busy and self._warm_gated)
        if busy and self._warm_waits < 40:
            self._warm_waits += 1
            self._warm_timer.start(30)
            return
        self._warm_waits = 0
        try:
            next(steps)
        except StopIteration:
            self._warm_steps = None
            return
        self._warm_timer.start(0)

    def _start_checks(self) -> None:
        items = self.analyses()
        if items != self._checked:  # the network checks start before the page is shown
            self._checked = list(items)
            self.dns.set_analyses(items)

    def _warm_up(self, draw: bool) -> Iterator[None]:
        if self._dirty:
            self._refresh()
            yield
        if draw:
            yield from self._draw_off_screen()
        # Lay the page out at the size it will be shown at (the wizard gives every page the frame of
        # the current one), so the switch finds every child already placed and measured.
        wizard = self.wizard()
        current = wizard.currentPage() if wizard is not None else None
        layout = self.layout()
        if current is not None and current is not self and layout is not None:
            if self.size() != current.size():
                self.resize(current.size())
            layout.activate()
            yield

    def _draw_off_screen(self) -> Iterator[None]:
        # Drawing each part into a throw-away pixmap polishes it, shapes its text and loads the glyphs
        # (the bulk of a first show); one part per turn keeps each step short.
        # Qt lays a hidden widget out for render() by pretending, for the moment, that the page is
        # shown: the window's layout then squeezes the visible page to make room. Laying the window
        # out again at once (before anything is painted) puts the visible page back.
        for widget in (self.hops, self.log, self.findings, self.dns, self):
            if widget.width() > 0 and widget.height() > 0:
                widget.render(QPixmap(widget.size()))
                self._restore_window_layout()
                yield
        self._drawn = True

    def _restore_window_layout(self) -> None:
        frame = self.parentWidget()
        layout = frame.layout() if frame is not None else None
        if layout is not None:  # the wizard's page frame: lays the visible page out at full size again
            layout.invalidate()
            layout.activate()

    def _refresh(self) -> None:
        self._dirty = False
        self._shown = list(self.session.analyses)
        items = self.analyses()
        if items != self._checked:
            self._checked = list(items)
            self.dns.set_analyses(items)
        good = {s.source for s in self.session.samples if s.kind == "good"}
        previous = self.sample_box.currentIndex()
        self.sample_box.blockSignals(True)
        self.sample_box.clear()
        for analysis in items:
            tag = self.tr("good") if analysis.source.rsplit("#", 1)[0] in good else self.tr("spam")
            subject = plain(analysis.subject, 70) or self.tr("(no subject)")
            label = f"[{tag}] {plain(sample_name(analysis.source), 40)} — {subject}"
            self.sample_box.addItem(label)
        self.sample_box.setCurrentIndex(max(0, min(previous, len(items) - 1)) if items else -1)
        self.sample_box.blockSignals(False)
        self.sample_box.setEnabled(len(items) > 1)
        self._on_pending(self.session.analysis_pending)
        self._show_current()

    def _on_pending(self, pending: bool) -> None:
        if pending:
            self.status.setText(self.tr("Analysing…"))
        else:
            self.customer_status.clear()  # "comparing…" is over: the banner now says the result
            count = len(self.session.analyses)
            self.status.setText(self.tr("%n message(s) analysed", "", count))
        self.update_complete()

    def _show_current(self) -> None:
        analysis = self.current_analysis()
        self.hops.set_analysis(analysis)
        findings = [(analysis.source, f) for f in analysis.findings] if analysis is not None else []
        for error in self.session.errors:
            from wizard.core.model import finding

            findings.append((error.source, finding("input_unreadable", "critical", message=error.message)))
        self.findings.set_findings(findings)
        self._show_words()

    # -- words ----------------------------------------------------------------------------------
    def set_country(self, ip: str, country: str) -> None:
        """Country code (``US``) of a relay IP, from the DNS panel's geo data; refreshes the banner."""
        if country and self._countries.get(ip) != country.upper():
            self._countries[ip] = country.upper()
            self._words_timer.start()  # several countries arrive together: one update

    def _show_words(self) -> None:
        analysis = self.current_analysis()
        text, tone = self.verdict(analysis)
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ {TONES[tone]} padding: 8px; border-radius: 4px; }}")
        self.banner.setProperty("tone", tone)
        self.explain.setText(self.explanation(analysis))

    def set_home_country(self, code: str) -> None:
        """The country that counts as "not abroad" (default JP)."""
        self._home = code.upper() or "JP"
        self.dns.set_home_country(self._home)

    def _where(self, ip: str) -> str:
        country = self._countries.get(ip)
        if not country:
            return ""
        if country == self._home:
            return self.tr(", in Japan") if self._home == "JP" else self.tr(", in the home country")
        return self.tr(", abroad (%1)").replace("%1", country)

    def verdict(self, analysis: MessageAnalysis | None) -> tuple[str, str]:
        """(banner text, tone ``good``/``bad``/``neutral``) for ``analysis``."""
        if analysis is None:
            if self.session.analysis_pending:
                return self.tr("Analysing the samples…"), "neutral"
            if self.session.errors:
                return self.tr("The samples could not be read. Go back and ask for the full headers."), "bad"
            return self.tr("No sample yet. Go back to step 1 and paste the headers."), "neutral"
        ip = sender_ip(analysis)
        if analysis.customer_is_origin is True:
            return (self.tr("Sent from the customer's PC (%1). The customer's machine is the sender.")
                    .replace("%1", plain(ip or "?", 60)), "bad")
        if analysis.authenticated_submission:
            auth_ip = next((h.from_ip for h in analysis.hops if h.auth and h.from_ip), ip)
            return (self.tr("Sent through a logged-in submission from %1: someone used the customer's "
                            "account and password.").replace("%1", plain(auth_ip or "?", 60)), "bad")
        if ip is None:
            return (self.tr("No outside sender address in the Received lines. Ask for the complete headers "
                            "of the message."), "neutral")
        where = self._where(ip)
        if analysis.handoff is None:
            return (self.tr("Claims to come from %1%2, but no outside relay handed it to us: check the "
                            "headers.").replace("%1", plain(ip, 60)).replace("%2", where), "neutral")
        if analysis.customer_is_origin is False:
            return (self.tr("Sent from %1%2; not from the customer's PC.").replace("%1", plain(ip, 60))
                    .replace("%2", where), "good")
        return (self.tr("Sent from %1%2. Enter the customer's PC address below to confirm it is not theirs.")
                .replace("%1", plain(ip, 60)).replace("%2", where), "neutral")

    def explanation(self, analysis: MessageAnalysis | None) -> str:
        """Plain-words explanation of the handoff, the claimed origin and the other samples."""
        if analysis is None:
            return ""
        lines: list[str] = []
        handoff = analysis.handoff
        if handoff is not None:
            hop = analysis.hops[handoff.hop] if 0 <= handoff.hop < len(analysis.hops) else None
            name = handoff.rdns or self.tr("no DNS name")
            by = plain(hop.by, 60) if hop is not None and hop.by else self.tr("our server")
            when = format_time(hop.timestamp) if hop is not None else ""
            lines.append(self.tr("Handoff: %1 (%2) handed the mail to %3 %4. This address is the one that "
                                 "really sent it to us, and the one to check against block lists.")
                         .replace("%1", plain(handoff.ip, 60)).replace("%2", plain(name, 80))
                         .replace("%3", by).replace("%4", when).replace("  ", " "))
        origin = analysis.claimed_origin
        if origin is not None and (handoff is None or origin.ip != handoff.ip or origin.hop != handoff.hop):
            kind = self.tr("a private address") if origin.private else self.tr("a public address")
            lines.append(self.tr("Claimed origin: the lowest line names %1 (%2). Lines below the handoff are "
                                 "written by the sender and can be forged.")
                         .replace("%1", plain(origin.ip, 60)).replace("%2", kind))
        spam = self.session.spam_analyses()
        if len(spam) > 1:
            customer = sum(1 for a in spam if a.customer_is_origin is True or a.authenticated_submission)
            senders = sorted({ip for a in spam if (ip := sender_ip(a))})
            if customer:
                lines.append(self.tr("Across the %1 spam samples: %2 came from the customer's PC or account.")
                             .replace("%1", str(len(spam))).replace("%2", str(customer)))
            else:
                abroad = sum(1 for ip in senders if self._countries.get(ip, self._home) != self._home)
                if abroad and self._countries:
                    text = self.tr("Across the %1 spam samples: %2 different sending addresses, none of them "
                                   "the customer's; %3 of them abroad.").replace("%3", str(abroad))
                else:
                    text = self.tr("Across the %1 spam samples: %2 different sending addresses, none of them "
                                   "the customer's.")
                lines.append(text.replace("%1", str(len(spam))).replace("%2", str(len(senders))))
        return "\n".join(lines)

    # -- the customer's machine -----------------------------------------------------------------
    def _sync_customer_field(self) -> None:
        text = " ".join([*self.session.customer_ips, *self.session.customer_hosts])
        if self.customer_edit.text().split() != text.split():
            self.customer_edit.setText(text)

    def apply_customer(self) -> bool:
        """Store the typed IPs / names in the session (which re-analyses every sample)."""
        ips, hosts, bad = split_customer_input(self.customer_edit.text())
        if bad:
            self.customer_status.setText(self.tr("Not an IP address or PC name: %1")
                                         .replace("%1", plain(" ".join(bad), 80)))
            return False
        if ips == self.session.customer_ips and hosts == self.session.customer_hosts:
            return True
        self.customer_status.setText(self.tr("Comparing the samples with the customer's PC…"))
        self.session.set_customer_machine(ips, hosts)
        return True

    def set_offline(self, offline: bool) -> None:
        """Switch the network checks off (or on)."""
        self.session.extra["offline"] = offline
        self.dns.set_offline(offline)

    # -- wizard protocol ------------------------------------------------------------------------
    def initializePage(self) -> None:
        self._sync_customer_field()
        current = self.session.analyses
        same = len(self._shown) == len(current) and all(
            a is b for a, b in zip(self._shown, current, strict=True))
        if self._dirty or not same:
            self._refresh()  # re-entering with the same analyses keeps the agent's sample selection

    def showEvent(self, event: QShowEvent) -> None:
        self._warm_steps = None
        if self._dirty:
            self._refresh()
        super().showEvent(event)

    def isComplete(self) -> bool:
        # A re-analysis (new customer address) keeps Next enabled: toggling it repaints the whole
        # window twice; validatePage holds the step until the new verdict is in instead.
        return bool(self.session.analyses)

    def validatePage(self) -> bool:
        if self.session.analysis_pending:
            self.customer_status.setText(self.tr("Still comparing the samples; press Next again in a moment."))
            return False
        ips, hosts, bad = split_customer_input(self.customer_edit.text())
        if bad:
            self.apply_customer()
            return False
        if ips != self.session.customer_ips or hosts != self.session.customer_hosts:
            self.apply_customer()  # re-analysis starts; Next stays disabled until it is done
            return False
        return True
