"""Table of the customer's targeted addresses with a "left the company" checkbox column."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from wizard.core.recipients import TargetedAddress

_Index = QModelIndex | QPersistentModelIndex
MAX_CELL = 120


def breakable(text: str, run: int = 40) -> str:
    """Insert zero-width spaces into unbroken runs longer than ``run`` so word-wrapped labels can break
    them (a 300-character host name must not widen the window)."""
    out: list[str] = []
    count = 0
    for ch in text:
        count = 0 if ch.isspace() or ord(ch) >= 0x2E80 else count + 1  # CJK text may break anywhere
        if count > run:
            out.append("\u200b")
            count = 1
        out.append(ch)
    return "".join(out)


def _when(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


class RecipientsModel(QAbstractTableModel):
    """Rows of :class:`TargetedAddress`; column 0 is checkable ("left the company")."""

    departedToggled = Signal(str, bool)

    COL_DEPARTED, COL_ADDRESS, COL_COUNT, COL_LOG, COL_FIRST, COL_LAST, COL_STATUS = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TargetedAddress] = []

    def set_rows(self, rows: list[TargetedAddress]) -> None:
        """Replace the table content."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TargetedAddress]:
        """Current rows."""
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Left the company"), self.tr("Address"), self.tr("Spam samples"),
            self.tr("In log"), self.tr("First seen"), self.tr("Last seen"), self.tr("Status"),
        ][section]

    def _status(self, row: TargetedAddress) -> str:
        parts: list[str] = []
        if row.kind == "alias":
            parts.append(self.tr("alias"))
        elif row.kind == "forward":
            parts.append(self.tr("forwarding"))
        elif row.kind == "list":
            parts.append(self.tr("mailing list"))
        elif row.kind == "mailbox":
            parts.append(self.tr("mailbox"))
        if row.status == "active":
            parts.append(self.tr("active"))
        elif row.status == "disabled":
            parts.append(self.tr("disabled"))
        elif row.status == "departed":
            parts.append(self.tr("departed"))
        elif row.status:
            parts.append(_clip(row.status))
        if row.registered is False:
            parts.append(self.tr("not in account list"))
        if row.good_count:
            parts.append(self.tr("also gets legitimate mail"))
        return ", ".join(parts) or "—"

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.COL_DEPARTED:
            return Qt.CheckState.Checked if row.departed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.COL_DEPARTED:
            return self.tr("%1 left the company").replace("%1", row.address)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_DEPARTED:
                return None
            values = {
                self.COL_ADDRESS: _clip(row.address),
                self.COL_COUNT: str(row.count),
                self.COL_LOG: str(row.log_count) if row.log_count else "—",
                self.COL_FIRST: _when(row.first_seen),
                self.COL_LAST: _when(row.last_seen),
                self.COL_STATUS: self._status(row),
            }
            return values.get(col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_COUNT, self.COL_LOG):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.COL_DEPARTED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.COL_DEPARTED:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.departedToggled.emit(self._rows[index.row()].address, bool(checked))
        return True


class CenteredCheckDelegate(QStyledItemDelegate):
    """A cell that holds only a tick box: the box drawn in the middle of the cell (the default
    delegate puts it on the left beside an empty text area), and a click on it toggles it."""

    def _check_rect(self, option: QStyleOptionViewItem) -> QRect:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        width = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, option.widget)
        height = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, option, option.widget)
        return QStyle.alignedRect(option.direction, Qt.AlignmentFlag.AlignCenter, QSize(width, height), option.rect)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        checked = opt.checkState == Qt.CheckState.Checked
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        box = QStyleOptionViewItem(option)
        box.rect = self._check_rect(option)
        box.state = (option.state & ~QStyle.StateFlag.State_HasFocus) | (
            QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, box, painter, opt.widget)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
                    index: _Index) -> bool:
        if not (index.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return False
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return isinstance(event, QMouseEvent) and self._check_rect(option).contains(event.position().toPoint())
        if event.type() != QEvent.Type.MouseButtonRelease or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton or not self._check_rect(option).contains(
                event.position().toPoint()):
            return False
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return bool(model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole))


class RecipientsTable(QTableView):
    """The view; toggling the checkbox emits ``departedToggled(address, checked)``."""

    departedToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_model = RecipientsModel(self)
        self.setModel(self.table_model)
        self.table_model.departedToggled.connect(self.departedToggled)
        self.setItemDelegateForColumn(RecipientsModel.COL_DEPARTED, CenteredCheckDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecipientsModel.COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RecipientsModel.COL_STATUS, QHeaderView.ResizeMode.Interactive)
        self.setAccessibleName(self.tr("Targeted addresses"))

    def set_rows(self, rows: list[TargetedAddress]) -> None:
        """Show the targeted addresses."""
        self.table_model.set_rows(rows)

    def keyPressEvent(self, event: Any) -> None:
        """Space toggles "left the company" on the current row (keyboard-first)."""
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            row = self.currentIndex().row()
            rows = self.table_model.rows()
            if 0 <= row < len(rows):
                self.departedToggled.emit(rows[row].address, not rows[row].departed)
                return
        super().keyPressEvent(event)
