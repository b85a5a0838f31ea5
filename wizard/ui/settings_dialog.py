"""Preferences: UI language, our own mail servers (trusted for the trace), offline mode for DNS checks,
the agent's name and the case store (a local file, or a desk's shared PostgreSQL store).

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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.i18n import SETTINGS_LANGUAGE, settings, system_language

SETTINGS_TRUSTED = "analysis/trusted"
SETTINGS_OFFLINE = "network/offline"
SETTINGS_STORE_URL = "cases/store_url"
"""The case store URL (``postgresql://...`` for a desk's team store); empty: a local file."""
SETTINGS_AGENT = "cases/agent"
"""The agent's name recorded with calls and decisions; empty: the login name."""
STORE_SCHEMES = ("sqlite:///", "postgresql://", "postgres://")


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
        self.agent_edit = QLineEdit(str(self._store.value(SETTINGS_AGENT, "") or ""), self)
        self.agent_edit.setPlaceholderText(self.tr("your name as it appears on cases"))
        self.agent_edit.setAccessibleName(self.tr("Agent name"))
        self.store_edit = QLineEdit(str(self._store.value(SETTINGS_STORE_URL, "") or ""), self)
        self.store_edit.setPlaceholderText(
            self.tr("empty: this computer; postgresql://host/db for a shared desk store"))
        self.store_edit.setAccessibleName(self.tr("Case store"))
        form = QFormLayout()
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language_box)
        trusted_label = QLabel(self.tr("Our &mail servers (networks or host names):"), self)
        trusted_label.setBuddy(self.trusted_edit)
        form.addRow(language_label, self.language_box)
        form.addRow(trusted_label, self.trusted_edit)
        form.addRow(self.offline_box)
        agent_label = QLabel(self.tr("A&gent name:"), self)
        agent_label.setBuddy(self.agent_edit)
        form.addRow(agent_label, self.agent_edit)
        store_label = QLabel(self.tr("Case &store (takes effect at the next start):"), self)
        store_label.setBuddy(self.store_edit)
        form.addRow(store_label, self.store_edit)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        about = QPushButton(self.tr("&About…"), self)
        about.clicked.connect(self._about)
        buttons.addButton(about, QDialogButtonBox.ButtonRole.HelpRole)
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
        url = self.store_edit.text().strip()
        if url and not url.startswith(STORE_SCHEMES):
            self.error_label.setText(self.tr("The case store must be empty, sqlite:///path or postgresql://…"))
            self.store_edit.setFocus()
            return
        self._store.setValue(SETTINGS_OFFLINE, self.offline())
        self._store.setValue(SETTINGS_AGENT, self.agent_edit.text().strip())
        self._store.setValue(SETTINGS_STORE_URL, url)
        self._store.sync()
        super().accept()

    def _about(self) -> None:
        from wizard.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()
