"""Import a server delivery log on the trace page and show, per pasted sample, what the server did.

The log is read by :func:`wizard.core.maillog.iter_records` on the one :class:`TaskRunner` (cancellable,
with byte progress). Records go to ``session.extra["maillog"]`` (a list of
:class:`~wizard.core.maillog.MailRecord`); each sample of ``session.analyses`` is matched by our server's
queue id or its Message-ID and shown as: client IP, HELO, the filter's verdict and the outcome per
recipient. Everything from the log is shown as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.maillog import LogStats, MailRecord, RecordIndex, iter_records, local_tz
from wizard.core.model import MessageAnalysis
from wizard.ui.models import plain, sample_name
from wizard.ui.state import CaseSession
from wizard.ui.tasks import CancelToken, TaskRunner

MAX_RECORDS = 300_000
"""Records kept in the session (a month of a small provider's log); more are counted, not kept."""


@dataclass
class LoadResult:
    """What one import produced (built on the worker thread)."""

    records: list[MailRecord] = field(default_factory=list)
    stats: LogStats = field(default_factory=LogStats)
    dropped: int = 0
    cancelled: bool = False


def load_logs(paths: list[str], token: CancelToken | None = None) -> LoadResult:
    """Read ``paths`` into records (runs on a pool thread; polls ``token`` between blocks)."""
    result = LoadResult()
    for rec in iter_records(paths, tz=local_tz(), cancel=token, stats=result.stats):
        if len(result.records) < MAX_RECORDS:
            result.records.append(rec)
        else:
            result.dropped += 1
    result.cancelled = bool(token is not None and token.cancelled)
    return result


class LogPanel(QWidget):
    """"Import log file…" with progress and Cancel; the matched record per sample in a table.

    ``recordsLoaded(int)`` is emitted with the number of records after a completed import.
    """

    recordsLoaded = Signal(int)

    COLUMNS = ("Sample", "Found by", "Client IP", "HELO", "Spam filter", "Recipient", "What happened")

    def __init__(self, runner: TaskRunner, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._session = session
        self._request: int | None = None
        self.setAcceptDrops(True)

        self.import_button = QPushButton(self.tr("&Import log file…"), self)
        self.import_button.setToolTip(self.tr("Read the mail server's delivery log (maillog, mail.log; "
                                              ".gz and .bz2 too). You can also drop files here."))
        self.import_button.clicked.connect(self._choose_files)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setAccessibleName(self.tr("Log import progress"))
        self.progress.setVisible(False)
        self.status = QLabel(self.tr("No server log imported yet."), self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(self._column_titles())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("What the server log shows for each sample"))
        self.caption = QLabel(self.tr("&Server log for the pasted samples:"), self)
        self.caption.setBuddy(self.table)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        session.analysesChanged.connect(self.refresh)
        self.refresh()

    def _column_titles(self) -> list[str]:
        return [self.tr("Sample"), self.tr("Found by"), self.tr("Client IP"), self.tr("HELO"),
                self.tr("Spam filter"), self.tr("Recipient"), self.tr("What happened")]

    # -- import -----------------------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import server log"), "",
            self.tr("Mail logs (*.log *.gz *.bz2 *.xz maillog* mail.log* mainlog* *);;All files (*)"))
        if paths:
            self.load_files(paths)

    def load_files(self, paths: list[str]) -> None:
        """Start reading ``paths`` in the background (replaces a running import)."""
        self.cancel()
        self._runner.cancel_owner(self)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.import_button.setEnabled(False)
        names = ", ".join(Path(p).name for p in paths[:3]) + (" …" if len(paths) > 3 else "")
        self.status.setText(self.tr("Reading %1 …").replace("%1", plain(names, 120)))
        self._request = self._runner.submit(
            lambda token: load_logs(list(paths), token), self._on_loaded, owner=self,
            on_error=self._on_error, on_progress=self._on_progress, cancellable=True)

    def cancel(self) -> None:
        """Stop a running import (nothing already stored is changed)."""
        if self._request is not None:
            self._runner.cancel(self._request)
            self._request = None
            self.status.setText(self.tr("Import cancelled."))
        self._idle()

    @property
    def busy(self) -> bool:
        """True while an import runs."""
        return self._request is not None

    def _idle(self) -> None:
        self.cancel_button.setEnabled(False)
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setValue(min(100, int(done * 100 / total)))
        else:
            self.progress.setRange(0, 0)

    def _on_error(self, message: str) -> None:
        self._request = None
        self._idle()
        self.status.setText(self.tr("The log could not be read: %1").replace("%1", plain(message, 300)))

    def _on_loaded(self, result: Any) -> None:
        self._request = None
        self._idle()
        assert isinstance(result, LoadResult)
        if result.cancelled:
            self.status.setText(self.tr("Import cancelled."))
            return
        self._session.extra["maillog"] = result.records
        self._session.extra["maillog_stats"] = {"lines": result.stats.lines,
                                                "unparsed_lines": result.stats.unparsed_lines,
                                                "dropped": result.dropped}
        text = self.tr("%1 messages from %2 lines; %3 lines not understood.")
        text = text.replace("%1", str(len(result.records))).replace("%2", str(result.stats.lines)) \
            .replace("%3", str(result.stats.unparsed_lines))
        for err in result.stats.errors[:3]:
            text += "\n" + plain(err.message, 200)
        self.status.setText(text)
        self.refresh()
        self.recordsLoaded.emit(len(result.records))

    # -- drops ------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged files."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import dropped files."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load_files(paths)

    # -- the table --------------------------------------------------------------------------------
    def records(self) -> list[MailRecord]:
        """The records of the last import (from the session)."""
        value = self._session.extra.get("maillog")
        return value if isinstance(value, list) else []

    def refresh(self) -> None:
        """Re-match the session's samples against the imported records."""
        records = self.records()
        index = RecordIndex(records) if records else None
        rows: list[list[str]] = []
        for analysis in self._session.analyses:
            rows.extend(self._rows_for(analysis, index))
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(plain(value, 300))
                item.setToolTip(plain(value, 600))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _rows_for(self, analysis: MessageAnalysis, index: RecordIndex | None) -> list[list[str]]:
        name = sample_name(analysis.source)
        if index is None:
            return [[name, "", "", "", "", "", self.tr("(no log imported)")]]
        found = index.match(analysis)
        if found is None:
            return [[name, self.tr("not found"), "", "", "", "",
                     self.tr("No record of this message in the imported log.")]]
        rec = found.record
        via = self.tr("queue id") if found.via == "queue_id" else self.tr("Message-ID")
        if rec.spam.flag is None and rec.spam.score is None:
            verdict = self.tr("not scanned")
        else:
            word = self.tr("spam") if rec.spam.flag else self.tr("not spam")
            score = f" {rec.spam.score:g}" if rec.spam.score is not None else ""
            tests = f" ({', '.join(rec.spam.tests[:5])})" if rec.spam.tests else ""
            verdict = f"{word}{score}{tests}"
        deliveries = rec.deliveries or ()
        rows = []
        for i, d in enumerate(deliveries or [None]):  # type: ignore[list-item]
            if d is None:
                what, to = self.tr("no delivery recorded"), ""
            else:
                what, to = f"{self._disposition(d.disposition, d.folder)}: {d.status_text}", d.to
            if i == 0:
                rows.append([name, via, rec.client_ip or "", rec.helo or "", verdict, to, what])
            else:
                rows.append(["", "", "", "", "", to, what])
        return rows

    def _disposition(self, disposition: str, folder: str | None) -> str:
        words = {
            "inbox": self.tr("delivered to the inbox"),
            "folder": self.tr("moved to folder '%1'").replace("%1", folder or ""),
            "discarded": self.tr("deleted on the server"),
            "rejected": self.tr("refused by the server"),
            "bounced": self.tr("returned to the sender"),
            "deferred": self.tr("not delivered yet"),
            "unknown": self.tr("unclear"),
        }
        return words.get(disposition, disposition)
