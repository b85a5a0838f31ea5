"""What to say next: the talk script of the current page, in the UI language, with a copy button.

Scripts are Markdown files in ``resources/talkscripts/<lang>/<page>.md`` (our own text, never mail
content). The wizard calls :meth:`TalkPanel.show_page` whenever the page changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from wizard.resources import resource_path
from wizard.ui.i18n import current_language


def script_path(lang: str, page: str) -> Path:
    """``resources/talkscripts/<lang>/<page>.md``."""
    return resource_path("talkscripts", lang, f"{page}.md")


@cache
def load_script(lang: str, page: str) -> str | None:
    """The script's Markdown, or None when there is none for this page and language."""
    for candidate in (script_path(lang, page), script_path(lang, page).with_suffix(".txt")):
        try:
            return candidate.read_text(encoding="utf-8")
        except OSError:
            continue
    return None


class TalkPanel(QWidget):
    """Side panel: "What to say", the script, and a copy button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page = ""
        self._documents: dict[str, QTextDocument] = {}
        self._swap = QTimer(self)
        self._swap.setSingleShot(True)
        self._swap.setInterval(0)
        self._swap.timeout.connect(self._show_document)
        self.title = QLabel(self.tr("&What to say"), self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("Talk script for this step"))
        self.text.setTabChangesFocus(True)
        self.title.setBuddy(self.text)
        self.copy_button = QPushButton(self.tr("Cop&y script"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the talk script"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)

    @property
    def page(self) -> str:
        """Key of the page whose script is shown."""
        return self._page

    def show_page(self, page: str) -> None:
        """Show the script for ``page`` in the current language.

        The view takes the new script in the next event-loop turn: laying it out costs about 10 ms,
        and the wizard's page switch already fills the turn it happens in. :attr:`page` and
        :meth:`plain_text` answer for the new page at once."""
        self._page = page
        self.status.clear()
        self._document(page)
        self._swap.start()

    def _show_document(self) -> None:
        document = self._document(self._page)
        if self.text.document() is not document:
            self.text.setDocument(document)
        self.text.verticalScrollBar().setValue(0)

    def prepare(self, page: str) -> None:
        """Build (and lay out) ``page``'s script before it is needed: the wizard calls this for the next
        step while the agent is on the current one, so switching steps only swaps documents."""
        document = self._document(page)
        width = self.text.viewport().width()
        if self.text.isVisible() and width > 0 and document.textWidth() != width:
            document.setTextWidth(width)
            document.size()  # lays it out now

    def _document(self, page: str) -> QTextDocument:
        """One styled document per page, kept: parsing the Markdown and styling it laid the shown
        document out again after every change (15 ms per step on this machine)."""
        document = self._documents.get(page)
        if document is None:
            document = QTextDocument(self)  # not attached to the view yet: no layout while it is built
            document.setDefaultFont(self.text.font())
            text = load_script(current_language(), page) or load_script("en", page)
            if text is None:
                document.setPlainText(self.tr("No talk script for this step."))
            else:
                document.setMarkdown(text)
                self._style_quotes(document)
            self._documents[page] = document
        return document

    @staticmethod
    def _style_quotes(document: QTextDocument) -> None:
        """Quoted lines are what the agent says: small indent (the Markdown default wastes a third of the
        narrow panel) and a colour that sets them apart from the instructions."""
        block = document.begin()
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.hasProperty(QTextFormat.Property.BlockQuoteLevel) or fmt.leftMargin() >= 20:
                cursor = QTextCursor(block)
                fmt.setLeftMargin(8)
                fmt.setRightMargin(0)
                cursor.setBlockFormat(fmt)
                char = QTextCharFormat()
                char.setForeground(QColor("#0b4f8a"))
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                cursor.mergeCharFormat(char)
            block = block.next()

    def plain_text(self) -> str:
        """The script as plain text (what the copy button puts on the clipboard)."""
        return self._document(self._page).toPlainText() if self._page else self.text.toPlainText()

    def copy(self) -> None:
        """Copy the script to the clipboard."""
        QGuiApplication.clipboard().setText(self.plain_text())
        self.status.setText(self.tr("Copied."))
