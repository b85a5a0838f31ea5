"""The certificate checker: connect to the control panel in the background and say what the customer
will see in each browser and what to do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.certcheck import (
    BROWSERS,
    CONNECTION_CODES,
    CertProblem,
    CertReport,
    browser_advice,
    check_certificate,
)
from wizard.ui.i18n import current_language, settings
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.recipients_table import breakable

MAX_FIELD = 300
SETTINGS_HOST = "recipients/cert_host"
SETTINGS_EXPECT = "recipients/cert_expect_host"


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CertCheckWidget(QWidget):
    """Host:port field, Check button (runs through the task runner), problems and per-browser advice.

    ``finished(object)`` carries the :class:`CertReport` once a check ends (tests wait on it).
    """

    finished = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.timeout_s = 8.0
        self.ca_files: list[str] = []
        self.system_trust = True
        self.report: CertReport | None = None
        self.advice: dict[str, str] = {}
        self._request: int | None = None

        self.host = QLineEdit(self)
        self.host.setMaxLength(MAX_FIELD)
        self.host.setPlaceholderText(self.tr("e.g. cp.example.ne.jp:8443"))
        self.host.setAccessibleName(self.tr("Control panel host and port"))
        self.expect = QLineEdit(self)
        self.expect.setMaxLength(MAX_FIELD)
        self.expect.setPlaceholderText(self.tr("the host name in the customer's address bar, if different"))
        self.expect.setAccessibleName(self.tr("Host name the customer uses"))
        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.check_button.setAccessibleName(self.tr("Check the certificate"))
        self.check_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Checking"))
        self.busy.setVisible(False)

        host_label = QLabel(self.tr("Control &panel address:"), self)
        host_label.setBuddy(self.host)
        expect_label = QLabel(self.tr("Name in the br&owser (optional):"), self)
        expect_label.setBuddy(self.expect)
        row = QHBoxLayout()
        row.addWidget(self.host, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.cancel_button)
        form = QFormLayout()
        form.addRow(host_label, row)
        form.addRow(expect_label, self.expect)

        self.status = _plain(QLabel(self))
        self.status.setObjectName("certStatus")
        self.details = _plain(QLabel(self))
        self.details.setObjectName("certDetails")
        self.problems = _plain(QLabel(self))
        self.problems.setObjectName("certProblems")

        self.browser = QComboBox(self)
        self.browser.setAccessibleName(self.tr("Customer's browser"))
        names = {
            "chrome": self.tr("Google Chrome"), "edge": self.tr("Microsoft Edge"),
            "firefox": self.tr("Mozilla Firefox"), "safari_mac": self.tr("Safari on Mac"),
            "safari_iphone": self.tr("Safari on iPhone"),
        }
        for key in BROWSERS:
            self.browser.addItem(names[key], key)
        browser_label = QLabel(self.tr("Customer's b&rowser:"), self)
        browser_label.setBuddy(self.browser)
        self.advice_label = _plain(QLabel(self))
        self.advice_label.setObjectName("certAdvice")
        self.another_device = _plain(QLabel(self))
        self.another_device.setObjectName("certAnotherDevice")
        self.another_device.setVisible(False)
        self.copy_button = QPushButton(self.tr("Copy ad&vice"), self)
        self.copy_button.clicked.connect(self._copy_advice)
        brow = QHBoxLayout()
        brow.addWidget(browser_label)
        brow.addWidget(self.browser, 1)
        brow.addWidget(self.copy_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addWidget(self.problems)
        layout.addLayout(brow)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.another_device)
        layout.addStretch(1)

        self.host.textChanged.connect(lambda t: self.check_button.setEnabled(bool(t.strip())))
        self.host.returnPressed.connect(self.start_check)
        self.check_button.clicked.connect(self.start_check)
        self.cancel_button.clicked.connect(self.cancel)
        self.browser.currentIndexChanged.connect(self._show_advice)
        self.status.setText(self.tr("Enter the address of the control panel and press Check."))
        store = settings()
        self.host.setText(str(store.value(SETTINGS_HOST, "") or "")[:MAX_FIELD])
        self.expect.setText(str(store.value(SETTINGS_EXPECT, "") or "")[:MAX_FIELD])

    # -- running ---------------------------------------------------------------------------------
    def start_check(self) -> None:
        """Run the check on the task runner; the window stays usable meanwhile."""
        target = self.host.text().strip()
        if not target:
            return
        self.cancel()
        expect = self.expect.text().strip() or None
        store = settings()
        store.setValue(SETTINGS_HOST, target)
        store.setValue(SETTINGS_EXPECT, expect or "")
        timeout = self.timeout_s
        ca_files = list(self.ca_files)
        system = self.system_trust
        lang = current_language()

        def job() -> tuple[CertReport, dict[str, str]]:
            report = check_certificate(target, expect_host=expect, timeout=timeout, ca_files=ca_files,
                                       system_trust=system)
            return report, browser_advice(report, lang)

        self._set_busy(True)
        self.status.setText(self.tr("Connecting to %1…").replace("%1", target[:100]))
        self._request = self.runner.submit(job, self._done, owner=self, on_error=self._failed)

    def cancel(self) -> None:
        """Drop a running check (its late answer is ignored)."""
        if self._request is not None:
            self.runner.cancel(self._request)
            self._request = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.check_button.setEnabled(not busy and bool(self.host.text().strip()))

    def _failed(self, message: str) -> None:
        self._request = None
        self._set_busy(False)
        self.status.setText(self.tr("The check failed: %1").replace("%1", message[:300]))
        self.finished.emit(None)

    def _done(self, result: Any) -> None:
        self._request = None
        self._set_busy(False)
        report, advice = result
        self.report = report
        self.advice = advice
        self._show_report(report)
        self.finished.emit(report)

    # -- showing ---------------------------------------------------------------------------------
    def _show_report(self, report: CertReport) -> None:
        codes = report.codes
        where = breakable(f"{report.host[:255]}:{report.port}")
        if "timeout" in codes:
            self.status.setText(self.tr("No answer from %1 within %2 seconds. The panel may be unreachable "
                                        "from here, or the port is wrong.")
                                .replace("%1", where).replace("%2", f"{self.timeout_s:g}"))
        elif any(c in CONNECTION_CODES for c in codes):
            self.status.setText(self.tr("Could not read a certificate from %1.").replace("%1", where))
        elif not codes:
            self.status.setText(self.tr("The certificate of %1 is valid: no warning expected.")
                                .replace("%1", where))
        else:
            self.status.setText(self.tr("Browsers will show a security warning for %1 (%2 problem(s)).")
                                .replace("%1", where).replace("%2", str(len(codes))))
        if report.subject:
            self.details.setText(breakable(
                self.tr("Issued to: %1\nIssued by: %2\nNames covered: %3\nValid: %4 to %5")
                .replace("%1", report.subject[:200]).replace("%2", (report.issuer or "")[:200])
                .replace("%3", ", ".join(report.san)[:400] or "—")
                .replace("%4", report.not_before.date().isoformat() if report.not_before else "?")
                .replace("%5", report.not_after.date().isoformat() if report.not_after else "?")))
        else:
            self.details.setText("")
        self.problems.setText(breakable("\n".join(f"• {self._problem_title(p.code)}: {self.problem_text(p)}"
                                                  for p in report.problems)))
        self.another_device.setVisible(report.another_device)
        self.another_device.setText(self.tr(
            "Better move: ask the customer to try a smartphone or another computer. On this one the "
            "browser offers no way past the warning.") if report.another_device else "")
        self._show_advice()

    def _problem_title(self, code: str) -> str:
        titles = {
            "self_signed": self.tr("Self-signed certificate"),
            "unknown_issuer": self.tr("Issuer not trusted"),
            "incomplete_chain": self.tr("Intermediate certificate missing"),
            "hostname_mismatch": self.tr("Host name not covered"),
            "expired": self.tr("Expired"),
            "not_yet_valid": self.tr("Not valid yet"),
            "weak_key": self.tr("Weak key"),
            "weak_signature": self.tr("Weak signature"),
            "hsts": self.tr("Strict HTTPS (HSTS)"),
            "timeout": self.tr("Timed out"),
            "refused": self.tr("Connection refused"),
            "dns_failed": self.tr("Host name not found"),
            "handshake_failed": self.tr("Secure connection failed"),
            "unreachable": self.tr("Unreachable"),
            "no_certificate": self.tr("No certificate"),
            "bad_target": self.tr("Address not usable"),
        }
        return titles.get(code, code)

    def problem_text(self, problem: CertProblem) -> str:
        """One problem in the UI language, facts filled in (plain text)."""
        params = {k: str(v)[:300] for k, v in problem.params.items()}
        texts = {
            "self_signed": self.tr("The certificate for {name} is signed by itself, not by a certificate "
                                   "authority."),
            "unknown_issuer": self.tr("It was issued under {issuer}, which browsers do not trust."),
            "incomplete_chain": self.tr("The server does not send the intermediate certificate of {issuer}."),
            "hostname_mismatch": self.tr("{host} is not covered. The certificate is for: {names}."),
            "expired": self.tr("Expired on {date}."),
            "not_yet_valid": self.tr("Valid only from {date}; also check the clock of the customer's PC."),
            "weak_key": self.tr("{key} key: browsers need RSA 2048 or EC 256 bits or more."),
            "weak_signature": self.tr("Signed with {algorithm}, which browsers reject."),
            "hsts": self.tr("The site demands strict HTTPS (HSTS): browsers show no button to continue."),
            "timeout": self.tr("No answer from {host} within {seconds} seconds."),
            "refused": self.tr("{host} refused the connection: nothing listens on that port."),
            "dns_failed": self.tr("The host name in {host} was not found."),
            "handshake_failed": self.tr("No secure connection could be set up ({reason})."),
            "unreachable": self.tr("Cannot connect to {host} ({reason})."),
            "no_certificate": self.tr("The server sent no readable certificate."),
            "bad_target": self.tr("Not a usable address: {text}"),
        }
        if problem.code == "expired" and params.get("intermediate"):
            template = self.tr("The intermediate certificate {intermediate} expired on {date}.")
        else:
            template = texts.get(problem.code, problem.detail[:300])
        text = template.format_map(_Missing(params))
        if problem.code == "hostname_mismatch" and params.get("url"):
            text += self.tr(" Use %1 instead.").replace("%1", params["url"])
        return text

    def _show_advice(self) -> None:
        key = self.browser.currentData()
        self.advice_label.setText(breakable(self.advice.get(str(key), "")) if self.report is not None else "")

    def _copy_advice(self) -> None:
        """Copy the advice as written (without the label's wrapping aids)."""
        QGuiApplication.clipboard().setText(self.advice.get(str(self.browser.currentData()), ""))

    def select_browser(self, key: str) -> None:
        """Choose the browser whose advice is shown (``chrome``, ``edge``, ``firefox``, ``safari_mac``,
        ``safari_iphone``)."""
        index = self.browser.findData(key)
        if index >= 0:
            self.browser.setCurrentIndex(index)
