"""About dialog: application icon, version and the licences of bundled components."""

from __future__ import annotations

import json
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard import __version__
from wizard.resources import resource_path


def bundled_components() -> list[dict[str, str]]:
    """Name, installed version, licence, URL and note of each bundled component."""
    data = json.loads(resource_path("licenses.json").read_text(encoding="utf-8"))
    rows = []
    for item in data["components"]:
        dist = item.get("dist")
        try:
            installed = metadata.version(dist) if dist else ""
        except metadata.PackageNotFoundError:
            installed = ""
        rows.append({
            "name": item["name"], "version": installed, "license": item["license"],
            "url": item.get("url", ""), "note": item.get("note", ""),
        })
    return rows


class AboutDialog(QDialog):
    """Icon, name, version and a table of third-party licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Spam Support Wizard"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        icon_label = QLabel()
        icon_path = resource_path("icons", "spam-wizard.svg")
        if icon_path.exists():
            icon_label.setPixmap(QIcon(str(icon_path)).pixmap(64, 64))
        head.addWidget(icon_label)
        title = QLabel(self.tr("Spam Support Wizard {version}").format(version=__version__))
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setObjectName("aboutTitle")
        head.addWidget(title, 1)
        layout.addLayout(head)
        blurb = QLabel(self.tr("A troubleshooting wizard for spam cases on support calls. "
                               "This application includes the following components:"))
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        rows = bundled_components()
        table = QTableWidget(len(rows), 4, self)
        table.setObjectName("licenseTable")
        table.setAccessibleName(self.tr("Bundled components and their licences"))
        table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence"),
                                         self.tr("Notes")])
        for r, row in enumerate(rows):
            for c, key in enumerate(("name", "version", "license", "note")):
                item = QTableWidgetItem(row[key] or (row["url"] if key == "note" else ""))
                item.setToolTip(row["url"])
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, c, item)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.resizeRowsToContents()
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
