"""Findings of the case, most severe first, with a count line above them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from wizard.core.model import Finding, Severity
from wizard.ui.models import FindingsModel


class FindingsList(QWidget):
    """A read-only list of findings; every text is plain (made by ``describe()``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(2, 140)
        self.view.setTabKeyNavigation(False)
        self.view.setAccessibleName(self.tr("Findings, most serious first"))
        self.summary.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.set_findings([])

    def set_findings(self, items: list[tuple[str, Finding]]) -> None:
        """Show ``(sample source, finding)`` pairs."""
        self.model.set_findings(items)
        counts = self.model.counts()
        if not items:
            self.summary.setText(self.tr("No findings."))
        else:
            self.summary.setText(
                self.tr("%1 critical, %2 warnings, %3 notes")
                .replace("%1", str(counts[Severity.CRITICAL]))
                .replace("%2", str(counts[Severity.WARNING]))
                .replace("%3", str(counts[Severity.INFO]))
            )
