"""The Received chain as a table, bottom-up, with the selected line's raw text below it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPlainTextEdit, QTableView, QVBoxLayout, QWidget

from wizard.core.model import MessageAnalysis
from wizard.ui.i18n import mono_font
from wizard.ui.models import HopTableModel

RAW_LIMIT = 4000


class HopTable(QWidget):
    """Table of hops (oldest at the top, so it reads in the order the mail travelled) and the raw line."""

    hopSelected = Signal(int)
    """Header index (hops[i]) of the selected row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HopTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the meaning reads from its start
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        # One line per hop (no word wrap): a fixed row height. ResizeToContents asked the model for every
        # cell's size on each layout, thousands of Python calls when the page was first shown.
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self._row_height())
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        self.view.setAccessibleName(self.tr("Received lines, oldest first"))
        self.view.setTabKeyNavigation(False)
        self.caption = QLabel(self.tr("Route of the mail, read from the bottom line of the &header upwards "
                                      "(step 1 is where it started):"), self)
        self.caption.setBuddy(self.view)
        self.caption.setWordWrap(True)
        self.raw = QPlainTextEdit(self)
        self.raw.setReadOnly(True)
        self.raw.setFont(mono_font())
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.raw.setMaximumHeight(64)
        self.raw.setPlaceholderText(self.tr("Select a line to see it exactly as written in the header."))
        self.raw.setAccessibleName(self.tr("Selected Received line as written"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.raw)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

    def _row_height(self) -> int:
        bold = self.view.font()
        bold.setBold(True)  # the handoff row is bold
        return max(self.view.fontMetrics().height(), QFontMetrics(bold).height()) + 8

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.view.verticalHeader().setDefaultSectionSize(self._row_height())
        super().changeEvent(event)

    def set_analysis(self, analysis: MessageAnalysis | None) -> None:
        """Show one message's chain and select its handoff line."""
        self.model.set_analysis(analysis)
        self._fit_columns()
        self.raw.clear()
        if analysis is not None and analysis.hops:
            target = analysis.handoff.hop if analysis.handoff is not None else len(analysis.hops) - 1
            row = self.model.row_of_header_index(target)
            if row >= 0:
                self.view.selectRow(row)

    def _fit_columns(self) -> None:
        widths = {0: 32, 1: 178, 2: 112, 3: 162, 4: 136, 5: 56}
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.raw.clear()
            return
        entry = self.model.hop_at(rows[0].row())
        if entry is None:
            return
        index, hop = entry
        text = hop.raw if len(hop.raw) <= RAW_LIMIT else hop.raw[:RAW_LIMIT] + " …"
        self.raw.setPlainText(f"{hop.source_header}: {text}")
        self._raw_to_top()
        self.hopSelected.emit(index)

    def _raw_to_top(self) -> None:
        self.raw.verticalScrollBar().setValue(0)

    def showEvent(self, event: QShowEvent) -> None:
        # Laid out while hidden (at another width), the raw line could stay scrolled past its first
        # line, the one that says who handed the mail over.
        super().showEvent(event)
        self._raw_to_top()
