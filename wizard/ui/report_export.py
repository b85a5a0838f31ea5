"""Printable case report: HTML and PDF through Qt's own QTextDocument and QPdfWriter, plain or redacted,
plus the ticket note for the clipboard and the case file for hand-over.

The HTML comes from :func:`wizard.core.cases.exports.html_report`, which escapes every value taken from
mail or the case, so giving it to ``QTextDocument.setHtml`` renders only our own markup.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.cases.exports import case_file_bytes, html_report, ticket_note
from wizard.core.cases.model import Case
from wizard.ui.tasks import TaskRunner

CJK_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic",
                "Yu Gothic", "Meiryo", "Hiragino Sans")


def report_font(lang: str) -> QFont:
    """A font that renders the report's language (Japanese glyphs shaped as Japanese)."""
    font = QFont()
    font.setPointSize(10)
    if lang == "ja":
        available = set(QFontDatabase.families())
        for family in CJK_FAMILIES:
            if family in available:
                font.setFamilies([family])
                break
    return font


def report_document(case: Case, lang: str, redact: bool) -> QTextDocument:
    """The report as a QTextDocument (GUI thread)."""
    doc = QTextDocument()
    doc.setDefaultFont(report_font(lang))
    doc.setHtml(html_report(case, lang, redact=redact))
    return doc


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".report-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_html(case: Case, path: Path, lang: str = "ja", redact: bool = False) -> None:
    """Write the HTML report (UTF-8)."""
    _atomic_write(Path(path), html_report(case, lang, redact=redact).encode("utf-8"))


def write_pdf(case: Case, path: Path, lang: str = "ja", redact: bool = False) -> None:
    """Print the report to an A4 PDF with Qt's PDF writer (GUI thread)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(f"Case {case.id}")
        writer.setCreator("spam-wizard")
        doc = report_document(case, lang, redact)
        doc.print_(writer)
        del writer  # finishes the file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_case_file(case: Case, path: Path) -> None:
    """Write the hand-over case file."""
    _atomic_write(Path(path), case_file_bytes(case))


class ReportExportWidget(QWidget):
    """Buttons for the summary step: copy the ticket note, save the report as HTML or PDF (optionally
    redacted, in Japanese or English) and save the case file for hand-over. ``exported(str)`` carries
    each written path; ``failed(str)`` a message."""

    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case: Case | None = None
        self.lang_combo = QComboBox(self)
        self.lang_combo.addItem(self.tr("Japanese"), "ja")
        self.lang_combo.addItem(self.tr("English"), "en")
        self.lang_combo.setAccessibleName(self.tr("Report language"))
        lang_label = QLabel(self.tr("Report &language:"), self)
        lang_label.setBuddy(self.lang_combo)
        self.redact_box = QCheckBox(self.tr("&Mask addresses, host names and IPs"), self)
        self.redact_box.setAccessibleName(self.tr("Redacted report"))
        self.copy_button = QPushButton(self.tr("&Copy ticket note"), self)
        self.copy_button.clicked.connect(self.copy_note)
        self.html_button = QPushButton(self.tr("Save &HTML…"), self)
        self.html_button.clicked.connect(lambda: self._choose("html"))
        self.pdf_button = QPushButton(self.tr("Save &PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self._choose("pdf"))
        self.case_button = QPushButton(self.tr("Save case &file for hand-over…"), self)
        self.case_button.clicked.connect(lambda: self._choose("case"))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(lang_label)
        row.addWidget(self.lang_combo)
        row.addWidget(self.redact_box)
        row.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.html_button, self.pdf_button, self.case_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.set_case(None)

    def set_case(self, case: Case | None) -> None:
        """The case to export (None disables the buttons)."""
        self.case = case
        for button in (self.copy_button, self.html_button, self.pdf_button, self.case_button):
            button.setEnabled(case is not None)

    @property
    def lang(self) -> str:
        """The chosen report language."""
        return str(self.lang_combo.currentData() or "ja")

    def note_text(self) -> str:
        """The ticket note as it would be copied."""
        return ticket_note(self.case, self.lang, redact=self.redact_box.isChecked()) if self.case else ""

    def copy_note(self) -> None:
        """Put the ticket note on the clipboard."""
        if self.case is None:
            return
        QGuiApplication.clipboard().setText(self.note_text())
        self.status.setText(self.tr("Ticket note copied."))

    def export(self, kind: str, path: Path) -> bool:
        """Write ``kind`` (``html``, ``pdf`` or ``case``) to ``path``; True on success."""
        if self.case is None:
            return False
        redact = self.redact_box.isChecked()
        try:
            if kind == "html":
                write_html(self.case, path, self.lang, redact)
            elif kind == "pdf":
                write_pdf(self.case, path, self.lang, redact)
            else:
                write_case_file(self.case, path)
        except OSError as exc:
            message = self.tr("Could not write {path}: {error}").format(path=str(path),
                                                                          error=exc.strerror or str(exc))
            self.status.setText(message)
            self.failed.emit(message)
            return False
        self.status.setText(self.tr("Saved {path}").format(path=str(path)))
        self.exported.emit(str(path))
        return True

    def _choose(self, kind: str) -> None:
        if self.case is None:
            return
        suffix = {"html": ".html", "pdf": ".pdf", "case": ".case.json"}[kind]
        filters = {"html": self.tr("HTML (*.html)"), "pdf": self.tr("PDF (*.pdf)"),
                   "case": self.tr("Case files (*.json)")}[kind]
        masked = "-redacted" if kind != "case" and self.redact_box.isChecked() else ""
        proposal = f"case-{self.case.id}{masked}{suffix}"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save"), proposal, filters)
        if path:
            self.export(kind, Path(path))
