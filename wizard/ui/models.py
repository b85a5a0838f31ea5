"""Qt item models over the core's dataclasses (hops, findings) and the plain-text helpers every view of
mail-derived text uses: control characters made visible, length limited, never rich text."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from wizard.core.model import Finding, Hop, MessageAnalysis, Severity

_Index = QModelIndex | QPersistentModelIndex
_CONTROL = {c: 0xFFFD for c in range(0x20) if c not in (0x09,)}
_CONTROL.update({0x7F: 0xFFFD, 0x2028: 0x20, 0x2029: 0x20, 0x202E: 0xFFFD, 0x202D: 0xFFFD})


def plain(text: object, limit: int = 200) -> str:
    """One display line of untrusted text: newlines to spaces, controls to U+FFFD, at most ``limit``
    characters (an ellipsis marks the cut). Views still show it as plain text, never as markup."""
    if text is None:
        return ""
    value = str(text)
    if len(value) > limit * 4:
        value = value[: limit * 4]
    value = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").translate(_CONTROL)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return value


def sample_name(source: str) -> str:
    """A sample's name for display: ``spam_01.eml#1`` shows as ``spam_01.eml`` (``#2``... are kept)."""
    return source[:-2] if source.endswith("#1") else source


def format_delay(seconds: float | None) -> str:
    """``12 s``, ``3 min 05 s``, ``2 h 01 min``; empty when unknown."""
    if seconds is None:
        return ""
    sign = "−" if seconds < 0 else ""
    value = abs(round(seconds))
    if value < 60:
        return f"{sign}{value} s"
    if value < 3600:
        return f"{sign}{value // 60} min {value % 60:02d} s"
    if value < 86400 * 3:
        return f"{sign}{value // 3600} h {value % 3600 // 60:02d} min"
    return f"{sign}{value // 86400} d"


def format_time(value: datetime | None) -> str:
    """A header time in this computer's time zone, ``2026-03-09 16:29:14``."""
    if value is None:
        return ""
    try:
        return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except (ValueError, OverflowError, OSError):
        return value.isoformat()


_HANDOFF = QBrush(QColor("#ffe0b2"))
_CLAIMED = QBrush(QColor("#fff6c4"))
_TRUSTED = QBrush(QColor("#e8f3ea"))
_DARK = QBrush(QColor("#202020"))
_RIGHT = int(Qt.AlignmentFlag.AlignRight.value | Qt.AlignmentFlag.AlignVCenter.value)
# Roles as plain ints: views call data() thousands of times while they lay out and paint, and comparing
# Qt enum members in Python costs more than the lookup itself.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_SEVERITY_BRUSH = {
    "critical": QBrush(QColor("#b00020")), "warning": QBrush(QColor("#8a5a00")), "info": QBrush(QColor("#33566e")),
}


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class HopTableModel(QAbstractTableModel):
    """The Received chain of one message, bottom-up (row 0 is the oldest line, where the mail started)."""

    RawRole = Qt.ItemDataRole.UserRole + 1
    _RAW = int(RawRole)
    COLUMNS = ("step", "from", "ip", "by", "time", "delay", "role")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._analysis: MessageAnalysis | None = None
        self._rows: list[tuple[int, Hop]] = []
        self._cells: list[list[str]] = []
        self._row_roles: list[list[str]] = []
        self._row_data: list[dict[int, Any]] = []
        self._bold_font = _bold()
        self._titles: tuple[str, ...] | None = None

    def set_analysis(self, analysis: MessageAnalysis | None) -> None:
        """Show ``analysis``'s hops (or nothing)."""
        self.beginResetModel()
        self._analysis = analysis
        hops = analysis.hops if analysis is not None else ()
        self._rows = [(index, hops[index]) for index in range(len(hops) - 1, -1, -1)]
        # Display strings are made once here: views ask for them on every repaint.
        self._cells = [[self._display(column, index, hop, row) for column in self.COLUMNS]
                       for row, (index, hop) in enumerate(self._rows)]
        self._row_roles = [self._roles(index) for index, _hop in self._rows]
        self._row_data = [self._style(roles, hop) for roles, (_index, hop) in zip(self._row_roles, self._rows,
                                                                                   strict=True)]
        self.endResetModel()

    def _style(self, roles: list[str], hop: Hop) -> dict[int, Any]:
        """Background / foreground / font of a row, worked out once."""
        out: dict[int, Any] = {}
        if "handoff" in roles:
            out[_BACKGROUND] = _HANDOFF
        elif "claimed" in roles:
            out[_BACKGROUND] = _CLAIMED
        elif hop.trusted:
            out[_BACKGROUND] = _TRUSTED
        if roles:
            out[_FOREGROUND] = _DARK
        if "handoff" in roles:
            out[_FONT] = self._bold_font
        return out

    def hop_at(self, row: int) -> tuple[int, Hop] | None:
        """(header index, hop) shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_header_index(self, index: int) -> int:
        """The row showing hops[index] (header order), or -1."""
        for row, (hop_index, _hop) in enumerate(self._rows):
            if hop_index == index:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or int(role) != _DISPLAY:
            return None
        if self._titles is None:  # the window is rebuilt when the language changes
            self._titles = (
                self.tr("#"), self.tr("Sent by (name / DNS)"), self.tr("IP address"),
                self.tr("Received by"), self.tr("Time"), self.tr("Delay"), self.tr("Meaning"),
            )
        return self._titles[section] if 0 <= section < len(self._titles) else None

    def _roles(self, index: int) -> list[str]:
        analysis = self._analysis
        if analysis is None:
            return []
        out: list[str] = []
        if analysis.handoff is not None and analysis.handoff.hop == index:
            out.append("handoff")
        if analysis.claimed_origin is not None and analysis.claimed_origin.hop == index:
            out.append("claimed")
        return out

    def _role_text(self, index: int, hop: Hop) -> str:
        parts: list[str] = []
        roles = self._roles(index)
        if "handoff" in roles:
            parts.append(self.tr("Handed to us here"))
        elif "claimed" in roles:
            parts.append(self.tr("Claimed origin (forgeable)"))
        elif hop.trusted:
            parts.append(self.tr("Our server"))
        elif hop.relay:
            parts.append(self.tr("Outside, written by the sender's side"))
        if hop.auth:
            parts.append(self.tr("Logged-in submission"))
        if not hop.relay:
            parts.append(self.tr("Not a relay"))
        if hop.source_header.lower() != "received":
            parts.append(self.tr("From header %1").replace("%1", plain(hop.source_header, 40)))
        if hop.delay_s is not None and (hop.delay_s < 0 or hop.delay_s > 86400):
            parts.append(self.tr("Odd time"))
        return self.tr(", ", "separator between the meanings of one Received line").join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        role = int(role)
        if role in (_DISPLAY, _ACCESSIBLE, _TOOLTIP):  # tooltip: the whole text of a cut cell
            return self._cells[row][index.column()]
        if role == self._RAW:
            return self._rows[row][1].raw
        if role == _ALIGNMENT:
            return _RIGHT if index.column() in (0, 5) else None  # step, delay
        return self._row_data[row].get(role)

    def _display(self, column: str, hop_index: int, hop: Hop, row: int) -> str:
        if column == "step":
            return str(row + 1)
        if column == "from":
            helo, rdns = hop.from_helo, hop.from_rdns
            if helo and rdns and helo.lower() != rdns.lower():
                return plain(f"{helo} / {rdns}", 80)
            return plain(helo or rdns or "", 80)
        if column == "ip":
            return plain(hop.from_ip or "", 45)
        if column == "by":
            return plain(hop.by or "", 60)
        if column == "time":
            return format_time(hop.timestamp)
        if column == "delay":
            return format_delay(hop.delay_s)
        return self._role_text(hop_index, hop)


def severity_text(severity: Severity) -> str:
    """Translated severity word."""
    from PySide6.QtCore import QCoreApplication

    words = {
        Severity.CRITICAL: QCoreApplication.translate("FindingsModel", "Critical"),
        Severity.WARNING: QCoreApplication.translate("FindingsModel", "Warning"),
        Severity.INFO: QCoreApplication.translate("FindingsModel", "Info"),
    }
    return words[Severity(severity)]


class FindingsModel(QAbstractTableModel):
    """Findings of one or more samples, most severe first: severity, text (``describe()``), sample."""

    SeverityRole = Qt.ItemDataRole.UserRole + 1
    _SEVERITY = int(SeverityRole)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Finding, str]] = []
        self._cells: list[tuple[str, str, str]] = []
        self._brushes: list[QBrush] = []
        self._bold: list[bool] = []
        self._bold_font = _bold()

    def set_findings(self, items: list[tuple[str, Finding]]) -> None:
        """``items``: (sample source, finding). Text is rendered now, in the current language."""
        from wizard.ui.messages import describe

        rows = [(source, item, plain(describe(item), 400)) for source, item in items]
        rows.sort(key=lambda r: -Severity(r[1].severity).rank)
        self.beginResetModel()
        self._rows = rows
        # Display values and styles made once: views ask for them on every layout and repaint.
        self._cells = [(severity_text(Severity(item.severity)), text, plain(sample_name(source), 60))
                       for source, item, text in rows]
        self._brushes = [_SEVERITY_BRUSH[Severity(item.severity).value] for _s, item, _t in rows]
        self._bold = [Severity(item.severity) is Severity.CRITICAL for _s, item, _t in rows]
        self.endResetModel()

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity are shown."""
        out = {s: 0 for s in Severity}
        for _source, item, _text in self._rows:
            out[Severity(item.severity)] += 1
        return out

    def text_at(self, row: int) -> str:
        """The finding text in ``row``."""
        return self._rows[row][2] if 0 <= row < len(self._rows) else ""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Severity"), self.tr("What it means"), self.tr("Sample"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        role = int(role)
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._cells[row][index.column()]
        if role == self._SEVERITY:
            return Severity(self._rows[row][1].severity).value
        if role == _FOREGROUND and index.column() == 0:
            return self._brushes[row]
        if role == _FONT and self._bold[row]:
            return self._bold_font
        return None
