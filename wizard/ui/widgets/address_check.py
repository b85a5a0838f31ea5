"""The "unknown address" checker: typed vs registered address, every difference, and a read-back."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.address import AddressCheck, Difference, check_address, readback_en
from wizard.ui.messages import describe
from wizard.ui.widgets.recipients_table import breakable

MAX_TYPED = 256
MAX_KNOWN = 200
"""Registered addresses prefilled (a bigger list would make the check on each keystroke noticeable)."""


def _show(text: str) -> str:
    """Make invisible and space characters visible for the list (``U+200B`` etc.)."""
    out: list[str] = []
    for ch in text:
        if ch == " ":
            out.append("␣")
        elif ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs") or ch == "\u00ad":
            out.append(f"[U+{ord(ch):04X}]")
        else:
            out.append(ch)
    return "".join(out)[:80]


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AddressCheckWidget(QWidget):
    """Type what the customer typed; the registered addresses are prefilled from the case.

    ``checked(object)`` carries the :class:`AddressCheck` after each comparison (None when cleared).
    """

    checked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: AddressCheck | None = None
        self._known_edited = False

        self.typed = QLineEdit(self)
        self.typed.setMaxLength(MAX_TYPED)
        self.typed.setPlaceholderText(self.tr("exactly as the customer typed it, e.g. ｔａｎａｋａ＠…"))
        self.typed.setAccessibleName(self.tr("Address as the customer typed it"))
        self.known = QLineEdit(self)
        self.known.setMaxLength(MAX_KNOWN * 60)
        self.known.setPlaceholderText(self.tr("registered addresses, separated by commas"))
        self.known.setAccessibleName(self.tr("Registered addresses"))
        self.known.textEdited.connect(self._known_was_edited)

        form = QFormLayout()
        typed_label = QLabel(self.tr("What the customer t&yped:"), self)
        typed_label.setBuddy(self.typed)
        known_label = QLabel(self.tr("Re&gistered address:"), self)
        known_label.setBuddy(self.known)
        form.addRow(typed_label, self.typed)
        form.addRow(known_label, self.known)

        self.verdict = _plain(QLabel(self))
        self.verdict.setObjectName("addressVerdict")
        self.differences = QListWidget(self)
        self.differences.setAccessibleName(self.tr("Differences"))
        self.differences.setWordWrap(True)
        self.differences.setMaximumHeight(140)
        self.notes = _plain(QLabel(self))

        self.readback_ja = _plain(QLabel(self))
        self.readback_ja.setObjectName("readbackJa")
        self.readback_en = _plain(QLabel(self))
        self.readback_en.setObjectName("readbackEn")
        self.nato = QCheckBox(self.tr("Spell with &words (t as in tango)"), self)
        self.copy_ja = QPushButton(self.tr("Copy &Japanese"), self)
        self.copy_ja.setAccessibleName(self.tr("Copy the Japanese read-back"))
        self.copy_en = QPushButton(self.tr("Copy Eng&lish"), self)
        self.copy_en.setAccessibleName(self.tr("Copy the English read-back"))
        self.copy_ja.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.readback_ja.text()))
        self.copy_en.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.readback_en.text()))
        self.nato.toggled.connect(self._update_readback)

        readback_title = QLabel(self.tr("Read this back to the customer, letter by letter:"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.nato)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_ja)
        buttons.addWidget(self.copy_en)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.differences)
        layout.addWidget(self.notes)
        layout.addWidget(readback_title)
        layout.addWidget(self.readback_ja)
        layout.addWidget(self.readback_en)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_check)
        self.typed.textChanged.connect(self._timer.start)
        self.known.textChanged.connect(self._timer.start)
        self.run_check()

    def _known_was_edited(self, _text: str) -> None:
        self._known_edited = True

    def set_known(self, addresses: list[str]) -> None:
        """Prefill the registered addresses (kept once the agent edited the field)."""
        if not self._known_edited:
            self.known.setText(", ".join(addresses[:MAX_KNOWN]))

    def known_addresses(self) -> list[str]:
        """The registered addresses as entered."""
        parts = self.known.text().replace("、", ",").replace(";", ",").replace("\n", ",").split(",")
        return [p.strip() for p in parts if p.strip()]

    def _describe(self, diff: Difference) -> str:
        pos = str(diff.position + 1)
        typed = _show(diff.typed)
        expected = _show(diff.expected)
        texts = {
            "fullwidth": self.tr("Character %1: “%2” is full-width (Japanese input on); it must be “%3”."),
            "at_sign": self.tr("Character %1: “%2” is not the normal @ sign; it must be “%3”."),
            "dot": self.tr("Character %1: “%2” is a Japanese period or dot, not “%3”."),
            "hyphen": self.tr("Character %1: “%2” is a long-vowel mark or dash, not the hyphen “%3”."),
            "space": self.tr("Character %1: a space “%2” that must not be there."),
            "invisible": self.tr("Character %1: an invisible character %2 (often from copy and paste); "
                                 "delete it."),
            "kana": self.tr("Character %1: “%2” was typed in kana; it must be the letters “%3”."),
            "accent": self.tr("Character %1: “%2” has an accent; it must be “%3”."),
            "case": self.tr("Character %1: “%2” instead of “%3”: upper/lower case normally does not matter "
                            "for addresses."),
            "confusable": self.tr("Character %1: “%2” looks like “%3” but is a different character."),
            "swapped": self.tr("Character %1: “%2” is swapped; it must be “%3”."),
            "extra": self.tr("Character %1: “%2” is extra."),
            "missing": self.tr("Before character %1: “%3” is missing."),
            "wrong_char": self.tr("Character %1: “%2” should be “%3”."),
            "domain_suffix": self.tr("Character %1: the address ends in “%2” but the registered one ends "
                                     "in “%3”."),
        }
        template = texts.get(diff.kind, self.tr("Character %1: “%2” should be “%3”."))
        at = max(self.typed.text().rfind("@"), self.typed.text().rfind("＠"))
        if diff.kind == "case" and 0 <= at < diff.position:
            template = self.tr("Character %1: “%2” instead of “%3”: upper/lower case never matters after the @.")
        return template.replace("%1", pos).replace("%2", typed).replace("%3", expected)

    def run_check(self) -> None:
        """Compare now (cheap: pure string work)."""
        typed = self.typed.text()
        self.differences.clear()
        if not typed:
            self.result = None
            self.verdict.setText(self.tr("Type what the customer typed to see why it is not recognised."))
            self.notes.setText("")
            self._update_readback()
            self.checked.emit(None)
            return
        result = check_address(typed, self.known_addresses())
        self.result = result
        if result.match and not result.differences:
            self.verdict.setText(self.tr("This is exactly the registered address %1.")
                                 .replace("%1", result.match))
        elif result.match:
            self.verdict.setText(self.tr("This is the registered address %1; only upper/lower case differs.")
                                 .replace("%1", result.match))
        elif result.suggestion:
            self.verdict.setText(self.tr("Not the same as %1: %2 difference(s).")
                                 .replace("%1", result.suggestion)
                                 .replace("%2", str(len(result.differences))))
        else:
            self.verdict.setText(self.tr("No registered address is close to what was typed."))
        self.verdict.setText(breakable(self.verdict.text()))
        for diff in result.differences:
            self.differences.addItem(self._describe(diff))
        self.notes.setText(breakable("\n".join(describe(f) for f in result.findings
                                                if f.code != "address_case_only")))
        self._update_readback()
        self.checked.emit(result)

    def _update_readback(self) -> None:
        result = self.result
        if result is None:
            self.readback_ja.setText("")
            self.readback_en.setText("")
            return
        target = result.match or result.suggestion or result.normalized
        self.readback_ja.setText(result.readback_ja)
        self.readback_en.setText(readback_en(target, nato=self.nato.isChecked()))
        self.readback_ja.setToolTip(target)
