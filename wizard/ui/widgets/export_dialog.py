""""Export configuration…": pick a format, preview the text, save it to a file or copy it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.export import FORMATS, ExportError, ExportResult, render
from wizard.core.profiles import Profile


class ExportDialog(QDialog):
    """Shows the configuration for the case's entries, action and sensitivity in one engine's format."""

    def __init__(self, profile: Profile, entries: list[str], action: str | None, sensitivity: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export configuration"))
        self.profile = profile
        self.entries = list(entries)
        self.action = action
        self.sensitivity = sensitivity
        self.result: ExportResult | None = None
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName(self.tr("Configuration format"))
        names = {"spamassassin": self.tr("SpamAssassin user_prefs"), "sieve": self.tr("Sieve script"),
                 "rspamd": self.tr("Rspamd multimap + actions"),
                 "postfix": self.tr("Postfix sender access map")}
        ordered = list(profile.exports) + [f for f in FORMATS if f not in profile.exports]
        for fmt in ordered:
            self.format_combo.addItem(names[fmt], fmt)
        format_label = QLabel(self.tr("&Format:"), self)
        format_label.setBuddy(self.format_combo)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(self.tr("Configuration text"))
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notes = QLabel(self)
        self.notes.setObjectName("exportNotes")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save to file…"), self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.save_button.clicked.connect(self._save)
        self.copy_button.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(format_label)
        top.addWidget(self.format_combo, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.notes)
        layout.addLayout(row)
        self.resize(640, 420)
        self.format_combo.currentIndexChanged.connect(self._render)
        self._render()

    def _render(self) -> None:
        fmt = str(self.format_combo.currentData())
        try:
            self.result = render(fmt, self.entries, self.profile, self.action, self.sensitivity)
        except ExportError as exc:
            self.result = None
            self.preview.setPlainText("")
            self.notes.setText(self.tr("This format cannot be exported: %1").replace("%1", str(exc)))
        else:
            self.preview.setPlainText(self.result.text)
            self.notes.setText("\n".join(self.result.notes))
        self.save_button.setEnabled(self.result is not None)
        self.copy_button.setEnabled(self.result is not None)

    def _copy(self) -> None:
        if self.result is not None:
            QGuiApplication.clipboard().setText(self.result.text)

    def _save(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save configuration"), self.result.filename)
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        """Write the current text to ``path``; shows the error in the notes line on failure."""
        if self.result is None:
            return False
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(self.result.text)
        except OSError as exc:
            self.notes.setText(self.tr("Could not save: %1").replace("%1", str(exc.strerror or exc)))
            return False
        return True
