"""Preferences: UI language, our own mail servers (trusted for the trace), offline mode for DNS checks.

Values live in QSettings; the wizard applies them when the dialog is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.i18n import SETTINGS_LANGUAGE, settings, system_language

SETTINGS_TRUSTED = "analysis/trusted"
SETTINGS_OFFLINE = "network/offline"


def read_trusted(store: QSettings) -> list[str]:
    """Trusted networks / host names saved in the settings."""
    value = store.value(SETTINGS_TRUSTED, "")
    text = value if isinstance(value, str) else " ".join(str(v) for v in (value or []))
    return [item for item in text.replace(",", " ").split() if item]


def read_offline(store: QSettings) -> bool:
    """Whether network checks are switched off."""
    value = store.value(SETTINGS_OFFLINE, False)
    return value in (True, "true", "1", 1)


class SettingsDialog(QDialog):
    """Language, trusted servers and offline switch."""

    def __init__(self, store: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store or settings()
        self.setWindowTitle(self.tr("Settings"))
        self.language_box = QComboBox(self)
        self.language_box.addItem(self.tr("System default"), "")
        self.language_box.addItem("日本語", "ja")
        self.language_box.addItem("English", "en")
        saved = self._store.value(SETTINGS_LANGUAGE, "")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(saved if isinstance(saved, str) else "")))
        self.language_box.setAccessibleName(self.tr("Language"))
        self.trusted_edit = QLineEdit(" ".join(read_trusted(self._store)), self)
        self.trusted_edit.setPlaceholderText(self.tr("e.g. 192.0.2.0/24 .mail.example.ne.jp"))
        self.trusted_edit.setAccessibleName(self.tr("Our mail servers"))
        self.offline_box = QCheckBox(self.tr("&Offline: skip DNS and block-list look-ups"), self)
        self.offline_box.setChecked(read_offline(self._store))
        form = QFormLayout()
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language_box)
        trusted_label = QLabel(self.tr("Our &mail servers (networks or host names):"), self)
        trusted_label.setBuddy(self.trusted_edit)
        form.addRow(language_label, self.language_box)
        form.addRow(trusted_label, self.trusted_edit)
        form.addRow(self.offline_box)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def language(self) -> str:
        """The language to use now (the system's when "System default" is chosen)."""
        choice = self.language_box.currentData()
        return choice if choice else system_language()

    def trusted_entries(self) -> list[str]:
        """Trusted networks / host names as typed."""
        return [item for item in self.trusted_edit.text().replace(",", " ").split() if item]

    def offline(self) -> bool:
        """Whether network checks are off."""
        return self.offline_box.isChecked()

    def accept(self) -> None:
        from wizard.core.policy import AnalysisPolicy

        try:
            AnalysisPolicy.from_strings(trusted=self.trusted_entries())
        except ValueError as exc:
            self.error_label.setText(self.tr("Not a network or host name: %1").replace("%1", str(exc)))
            self.trusted_edit.setFocus()
            return
        self._store.setValue(SETTINGS_LANGUAGE, self.language_box.currentData() or "")
        self._store.setValue(SETTINGS_TRUSTED, " ".join(self.trusted_entries()))
        self._store.setValue(SETTINGS_OFFLINE, self.offline())
        self._store.sync()
        super().accept()
