"""The summary page's proof: what arrived from the blocked senders after the block list was set, what
became of it (in plain words), and a per-recipient, per-hour chart of incoming spam.

Reads the records the trace page's :class:`~wizard.ui.widgets.log_panel.LogPanel` stored in
``session.extra["maillog"]``; the report runs on the one :class:`TaskRunner` and is kept in
``session.extra["verification"]``. The chart is drawn with QPainter (QtCharts is not in
PySide6-Essentials).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from wizard.core.maillog import MailRecord, VerificationReport, verify
from wizard.ui.messages import describe
from wizard.ui.models import plain
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner

DISPOSITIONS = {
    "inbox": QT_TRANSLATE_NOOP("VerificationPanel", "inbox"),
    "folder": QT_TRANSLATE_NOOP("VerificationPanel", "spam folder"),
    "discarded": QT_TRANSLATE_NOOP("VerificationPanel", "discarded"),
    "rejected": QT_TRANSLATE_NOOP("VerificationPanel", "refused at SMTP time"),
    "bounced": QT_TRANSLATE_NOOP("VerificationPanel", "bounced"),
    "deferred": QT_TRANSLATE_NOOP("VerificationPanel", "deferred"),
    "unknown": QT_TRANSLATE_NOOP("VerificationPanel", "unknown"),
}
"""Words for the log's final dispositions (the JSON keeps the English keys)."""


def disposition_label(key: str) -> str:
    """A disposition in the UI language."""
    text = DISPOSITIONS.get(key)
    return QCoreApplication.translate("VerificationPanel", text) if text else key

SERIES_COLOURS = ("#c0392b", "#2471a3", "#d68910", "#1e8449", "#7d3c98")
OTHERS_COLOUR = "#7f8c8d"
MAX_SERIES = 4


def _to_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, QDateTime):
        return value.toPython() if value.isValid() else None  # type: ignore[no-any-return]
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


class HourlyChart(QWidget):
    """Stacked bars: spam messages per hour, one colour per recipient (the busiest few, then others)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hours: list[str] = []
        self._series: list[tuple[str, list[int]]] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Spam per hour and recipient"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        """Wide and short."""
        return QSize(520, 200)

    def set_data(self, hourly: dict[str, dict[str, int]]) -> None:
        """``recipient -> hour ISO -> count`` (from the verification report)."""
        hours = sorted({h for counts in hourly.values() for h in counts})
        if len(hours) > 24 * 31:  # keep it readable: the last month
            hours = hours[-24 * 31:]
        totals = sorted(hourly.items(), key=lambda kv: -sum(kv[1].values()))
        series: list[tuple[str, list[int]]] = []
        for rcpt, counts in totals[:MAX_SERIES]:
            series.append((rcpt, [counts.get(h, 0) for h in hours]))
        if len(totals) > MAX_SERIES:
            rest = [0] * len(hours)
            for _rcpt, counts in totals[MAX_SERIES:]:
                for i, h in enumerate(hours):
                    rest[i] += counts.get(h, 0)
            series.append((self.tr("others"), rest))
        self._hours, self._series = hours, series
        summary = "; ".join(f"{plain(name, 60)}: {sum(values)}" for name, values in series)
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def bar_count(self) -> int:
        """Hours with at least one message (for tests and the accessible summary)."""
        return sum(1 for i in range(len(self._hours)) if any(values[i] for _, values in self._series))

    def series_names(self) -> list[str]:
        """Legend entries in drawing order."""
        return [name for name, _ in self._series]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Axes, stacked bars, a few hour labels and the legend."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = QRectF(self.rect()).adjusted(36, 8, -8, -40)
        painter.fillRect(self.rect(), self.palette().base())
        text_pen = QPen(self.palette().text().color())
        painter.setPen(text_pen)
        if not self._hours or rect.width() <= 10 or rect.height() <= 10:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No spam counted yet."))
            return
        totals = [sum(values[i] for _, values in self._series) for i in range(len(self._hours))]
        peak = max(max(totals), 1)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.topLeft())
        painter.drawText(QRectF(0, rect.top() - 4, 32, 16), Qt.AlignmentFlag.AlignRight, str(peak))
        painter.drawText(QRectF(0, rect.bottom() - 12, 32, 16), Qt.AlignmentFlag.AlignRight, "0")
        n = len(self._hours)
        slot = rect.width() / n
        bar = max(1.0, slot * 0.8)
        for i in range(n):
            y = rect.bottom()
            for s, (_name, values) in enumerate(self._series):
                if not values[i]:
                    continue
                h = rect.height() * values[i] / peak
                colour = SERIES_COLOURS[s] if s < MAX_SERIES else OTHERS_COLOUR
                if s == len(self._series) - 1 and len(self._series) > MAX_SERIES:
                    colour = OTHERS_COLOUR
                painter.fillRect(QRectF(rect.left() + i * slot, y - h, bar, h), QColor(colour))
                y -= h
        step = max(1, int(n / max(1, rect.width() / 90)))
        for i in range(0, n, step):
            label = self._hours[i][5:13].replace("T", " ") + "h"
            painter.drawText(QRectF(rect.left() + i * slot - 2, rect.bottom() + 2, 90, 14),
                             Qt.AlignmentFlag.AlignLeft, label)
        x = rect.left()
        for s, (name, _values) in enumerate(self._series):
            colour = SERIES_COLOURS[s] if s < MAX_SERIES else OTHERS_COLOUR
            if s == len(self._series) - 1 and len(self._series) > MAX_SERIES:
                colour = OTHERS_COLOUR
            painter.fillRect(QRectF(x, rect.bottom() + 22, 10, 10), QColor(colour))
            label = plain(name, 40)
            painter.setPen(text_pen)
            painter.drawText(QRectF(x + 14, rect.bottom() + 19, 220, 16), Qt.AlignmentFlag.AlignLeft, label)
            x += 24 + painter.fontMetrics().horizontalAdvance(label)
        painter.end()


class VerificationPanel(QWidget):
    """Block-list verification against the imported log: findings in words, counts and the chart.

    ``reportReady(object)`` carries the :class:`~wizard.core.maillog.VerificationReport`.
    """

    reportReady = Signal(object)

    def __init__(self, runner: TaskRunner, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._session = session
        self.entries_label = QLabel(self)
        self.entries_label.setTextFormat(Qt.TextFormat.PlainText)
        self.entries_label.setWordWrap(True)
        self.since_edit = QDateTimeEdit(self)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.until_check = QCheckBox(self.tr("Only &until (e.g. when the action was changed):"), self)
        self.until_edit = QDateTimeEdit(self)
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.until_edit.setEnabled(False)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.verify_button = QPushButton(self.tr("&Check the log"), self)
        self.verify_button.clicked.connect(self.run)
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.findings.setAccessibleName(self.tr("What the log shows"))
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        self.chart = HourlyChart(self)

        form = QFormLayout()
        since_label = QLabel(self.tr("Block list &set at:"), self)
        since_label.setBuddy(self.since_edit)
        form.addRow(self.tr("Entries:"), self.entries_label)
        form.addRow(since_label, self.since_edit)
        form.addRow(self.until_check, self.until_edit)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignBottom)
        findings_label = QLabel(self.tr("&Findings:"), self)
        findings_label.setBuddy(self.findings)
        chart_label = QLabel(self.tr("Spam per hour and recipient:"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(findings_label)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.counts)
        layout.addWidget(chart_label)
        layout.addWidget(self.chart, 1)
        session.decisionsChanged.connect(self._load_inputs)
        self._load_inputs()

    def _records(self) -> list[MailRecord]:
        value = self._session.extra.get("maillog")
        return value if isinstance(value, list) else []

    def _load_inputs(self) -> None:
        entries = list(self._session.block_entries)
        self.entries_label.setText(plain(", ".join(entries), 300) if entries
                                   else self.tr("(no block-list entries decided yet)"))
        since = _to_datetime(self._session.extra.get("blocklist_set_at"))
        if since is None:
            flagged = [r.first_seen for r in self._records() if r.spam.flag]
            since = min(flagged) if flagged else datetime.now().astimezone()
        self.since_edit.setDateTime(QDateTime(since.astimezone().replace(tzinfo=None)))
        until = _to_datetime(self._session.extra.get("action_changed_at"))
        if until is not None:
            self.until_edit.setDateTime(QDateTime(until.astimezone().replace(tzinfo=None)))
            self.until_check.setChecked(True)

    def refresh(self) -> None:
        """Re-read the inputs and run the check (connect ``LogPanel.recordsLoaded`` here)."""
        self._load_inputs()
        self.run()

    def run(self) -> None:
        """Run the verification in the background."""
        records = self._records()
        entries = list(self._session.block_entries)
        since = _to_datetime(self.since_edit.dateTime())
        since = since.astimezone() if since is not None else None
        until = _to_datetime(self.until_edit.dateTime()) if self.until_check.isChecked() else None
        until = until.astimezone() if until is not None else None
        self._session.extra["blocklist_set_at"] = since.isoformat() if since else None
        if not records:
            self.findings.clear()
            self.findings.addItem(self.tr("Import the server log on the trace page first."))
            self.chart.set_data({})
            return
        self.verify_button.setEnabled(False)
        self._runner.cancel_owner(self)
        self._runner.submit(lambda: verify(records, entries, since, until), self._show, owner=self,
                            on_error=self._failed)

    def _failed(self, message: str) -> None:
        self.verify_button.setEnabled(True)
        self.findings.clear()
        self.findings.addItem(plain(message, 300))

    def _show(self, report: Any) -> None:
        self.verify_button.setEnabled(True)
        assert isinstance(report, VerificationReport)
        self._session.extra["verification"] = report
        self.findings.clear()
        for item in report.findings:
            self.findings.addItem(plain(describe(item), 600))
        if not report.findings:
            self.findings.addItem(self.tr("No block-list entries to check."))
        if report.by_disposition:
            counts = self.tr(", ").join(f"{disposition_label(k)}: {v}"
                                        for k, v in sorted(report.by_disposition.items()))
            self.counts.setText(self.tr("Outcomes after the change: %1").replace("%1", counts))
        else:
            self.counts.setText("")
        self.chart.set_data({k: dict(v) for k, v in report.hourly.items()})
        self.reportReady.emit(report)
