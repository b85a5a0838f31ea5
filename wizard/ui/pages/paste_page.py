"""Step 1: collect spam samples. Paste box with live feedback, file drop/open (.eml, .msg, .mbox),
the list of collected samples (remove one, mark as known-good), and the "how to show the headers"
guide per mail client, worded for reading aloud."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.resources import resource_path
from wizard.ui.i18n import current_language, mono_font
from wizard.ui.models import plain
from wizard.ui.page_base import QuietCompletePage
from wizard.ui.state import CaseSession, Sample
from wizard.ui.tasks import TaskRunner

FEEDBACK_DELAY_MS = 300
BIG_INPUT_DELAY_MS = 900
MAX_SAMPLES_PER_FILE = 50
MAX_FILE_BYTES = 64 * 1024 * 1024
MAIL_SUFFIXES = (".eml", ".msg", ".mbox", ".mbx", ".txt", ".emlx")


@cache
def load_guides(lang: str) -> list[dict[str, Any]]:
    """Mail-client guides: ``[{"id", "name", "steps": [str], "note"?}]`` from ``resources/guides/headers``."""
    path = resource_path("guides", "headers", f"{lang}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    clients = data.get("clients", []) if isinstance(data, dict) else []
    return [c for c in clients if isinstance(c, dict) and c.get("id") and isinstance(c.get("steps"), list)]


def read_mail_files(paths: list[str]) -> tuple[list[tuple[str, str, str | None]], list[tuple[str, str]]]:
    """Read and analyse dropped files (pool thread). Returns ([(name, header text, subject)], [(name,
    problem)])."""
    from wizard.core.analyze import analyze_bytes

    found: list[tuple[str, str, str | None]] = []
    problems: list[tuple[str, str]] = []
    for path_text in paths:
        path = Path(path_text)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                problems.append((path.name, "too_big"))
                continue
            data = path.read_bytes()
        except OSError as exc:
            problems.append((path.name, exc.strerror or str(exc)))
            continue
        batch = analyze_bytes(data, path.name)
        for error in batch.errors:
            problems.append((path.name, error.message))
        messages = batch.messages
        if len(messages) > MAX_SAMPLES_PER_FILE:
            problems.append((path.name, f"only the first {MAX_SAMPLES_PER_FILE} of {len(messages)} messages"))
            messages = messages[:MAX_SAMPLES_PER_FILE]
        for number, message in enumerate(messages, 1):
            name = path.name if len(messages) == 1 else f"{path.name} [{number}]"
            text = message.raw_headers or data.decode("utf-8", "replace")
            found.append((name, text, message.subject))
    return found, problems


def preview_text(text: str) -> Any:
    """Analyse pasted text for the live feedback (pool thread)."""
    from wizard.core.analyze import analyze_text

    return analyze_text(text, "paste")


class PasteBox(QPlainTextEdit):
    """The paste box: text is pasted as plain text; dropped files are handed to the page."""

    filesDropped = Signal(list)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = [url.toLocalFile() for url in source.urls() if url.isLocalFile()]
        if files:
            self.filesDropped.emit(files)
            return
        if source.hasText():
            self.insertPlainText(source.text())


class PastePage(QuietCompletePage):
    """Step 1: paste headers and collect samples."""

    sampleCountChanged = Signal(int)

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self._preview: Any = None
        self._preview_for: str | None = None
        self._paste_counter = 0
        self.setTitle(self.tr("Step 1: Paste the headers of the spam"))
        self.setSubTitle(self.tr("Ask for the headers of one or more spam messages. Paste each one and add it, "
                                 "or drop .eml / .msg / .mbox files here."))
        self.setAcceptDrops(True)

        # paste box and feedback
        self.paste_label = QLabel(self.tr("&Paste the header text here:"), self)
        self.paste_box = PasteBox(self)
        self.paste_box.setObjectName("pasteBox")
        self.paste_box.setFont(mono_font())
        self.paste_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.paste_box.setPlaceholderText(self.tr("Received: from …\nReceived: from …\nSubject: …\nFrom: …"))
        self.paste_box.setAccessibleName(self.tr("Pasted mail headers"))
        self.paste_box.setTabChangesFocus(True)
        self.paste_label.setBuddy(self.paste_box)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("pasteFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.setMinimumHeight(44)
        self.feedback.setAccessibleName(self.tr("What the pasted text contains"))
        self.add_button = QPushButton(self.tr("&Add as sample"), self)
        self.open_button = QPushButton(self.tr("&Open files…"), self)
        self.clear_button = QPushButton(self.tr("C&lear box"), self)
        for button in (self.add_button, self.open_button, self.clear_button):
            button.setAutoDefault(False)
        paste_buttons = QHBoxLayout()
        paste_buttons.addWidget(self.add_button)
        paste_buttons.addWidget(self.open_button)
        paste_buttons.addWidget(self.clear_button)
        paste_buttons.addStretch(1)

        # sample list
        self.samples_label = QLabel(self.tr("Collected &samples:"), self)
        self.sample_list = QListWidget(self)
        self.sample_list.setObjectName("sampleList")
        self.sample_list.setAccessibleName(self.tr("Collected samples"))
        self.sample_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.sample_list.setUniformItemSizes(True)
        self.samples_label.setBuddy(self.sample_list)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.good_button = QPushButton(self.tr("Mark as known-&good mail"), self)
        for button in (self.remove_button, self.good_button):
            button.setAutoDefault(False)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.remove_button)
        list_buttons.addWidget(self.good_button)
        list_buttons.addStretch(1)
        self.file_status = QLabel(self)
        self.file_status.setTextFormat(Qt.TextFormat.PlainText)
        self.file_status.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.paste_label)
        left_layout.addWidget(self.paste_box, 3)
        left_layout.addWidget(self.feedback)
        left_layout.addLayout(paste_buttons)
        left_layout.addWidget(self.samples_label)
        left_layout.addWidget(self.sample_list, 2)
        left_layout.addLayout(list_buttons)
        left_layout.addWidget(self.file_status)

        # guide
        self.client_label = QLabel(self.tr("How to show the headers, for the customer's mail &client:"), self)
        self.client_label.setWordWrap(True)
        self.client_box = QComboBox(self)
        self.client_box.setAccessibleName(self.tr("Customer's mail client"))
        self.client_label.setBuddy(self.client_box)
        self.guide = QTextBrowser(self)
        self.guide.setObjectName("headerGuide")
        self.guide.setOpenLinks(False)
        self.guide.setTabChangesFocus(True)
        self.guide.setAccessibleName(self.tr("Steps to read to the customer"))
        self.copy_guide_button = QPushButton(self.tr("Copy st&eps"), self)
        self.copy_guide_button.setAutoDefault(False)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.client_label)
        right_layout.addWidget(self.client_box)
        right_layout.addWidget(self.guide, 1)
        right_layout.addWidget(self.copy_guide_button, 0, Qt.AlignmentFlag.AlignLeft)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.setTabOrder(self.paste_box, self.add_button)
        self.setTabOrder(self.add_button, self.open_button)
        self.setTabOrder(self.open_button, self.clear_button)
        self.setTabOrder(self.clear_button, self.sample_list)
        self.setTabOrder(self.sample_list, self.remove_button)
        self.setTabOrder(self.remove_button, self.good_button)
        self.setTabOrder(self.good_button, self.client_box)
        self.setTabOrder(self.client_box, self.guide)
        self.setTabOrder(self.guide, self.copy_guide_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_preview)
        self.paste_box.textChanged.connect(self._on_text_changed)
        self.paste_box.filesDropped.connect(self.add_files)
        self.add_button.clicked.connect(self.add_pasted)
        self.open_button.clicked.connect(self._open_files)
        self.clear_button.clicked.connect(self.paste_box.clear)
        self.remove_button.clicked.connect(self.remove_selected)
        self.good_button.clicked.connect(self.toggle_good)
        self.sample_list.currentRowChanged.connect(self._update_buttons)
        self.client_box.currentIndexChanged.connect(self._show_guide)
        self.copy_guide_button.clicked.connect(self._copy_guide)
        session.samplesChanged.connect(self._refresh_samples)
        session.analysesChanged.connect(self._refresh_samples)

        for client in load_guides(current_language()) or load_guides("en"):
            self.client_box.addItem(str(client.get("name", client["id"])), client["id"])
        self._show_guide()
        self._refresh_samples()
        self._set_feedback(self._idle_text(), "idle")
        # wizard field: other pages and the case store read "paste.sampleCount" like any QWizard field
        self.registerField("paste.sampleCount", self, "sampleCount", self.sampleCountChanged)

    def _sample_count(self) -> int:
        return sum(1 for s in self.session.samples if s.kind != "good")

    sampleCount = Property(int, _sample_count, notify=sampleCountChanged)
    """Spam samples collected (known-good mail not counted)."""

    # -- the guide ------------------------------------------------------------------------------
    def select_client(self, client_id: str) -> bool:
        """Show the guide for ``client_id`` (e.g. ``outlook_classic``)."""
        index = self.client_box.findData(client_id)
        if index >= 0:
            self.client_box.setCurrentIndex(index)
        return index >= 0

    def guide_text(self) -> str:
        """The shown guide as plain text."""
        return self.guide.toPlainText()

    def _current_guide(self) -> dict[str, Any] | None:
        client_id = self.client_box.currentData()
        for client in load_guides(current_language()) or load_guides("en"):
            if client["id"] == client_id:
                return client
        return None

    def _show_guide(self) -> None:
        import html

        client = self._current_guide()
        if client is None:
            self.guide.setPlainText(self.tr("No guide available."))
            return
        parts = [f"<p><b>{html.escape(str(client.get('name', '')))}</b></p><ol>"]
        parts += [f"<li style='margin-bottom:4px'>{html.escape(str(step))}</li>" for step in client["steps"]]
        parts.append("</ol>")
        if client.get("note"):
            parts.append(f"<p><i>{html.escape(str(client['note']))}</i></p>")
        self.guide.setHtml("".join(parts))

    def _copy_guide(self) -> None:
        QGuiApplication.clipboard().setText(self.guide_text())

    # -- live feedback --------------------------------------------------------------------------
    def _idle_text(self) -> str:
        return self.tr("Paste the header text the customer sent, or drop .eml / .msg / .mbox files on this page.")

    def _set_feedback(self, text: str, state: str) -> None:
        colours = {"ok": "#1b5e20", "warn": "#8a5a00", "error": "#b00020", "idle": "palette(text)",
                   "busy": "palette(text)"}
        self.feedback.setStyleSheet(f"color: {colours.get(state, 'palette(text)')};")
        self.feedback.setText(text)
        self.feedback.setProperty("state", state)

    def _on_text_changed(self) -> None:
        self.runner.cancel_owner(self)
        self._preview = None
        self._preview_for = None
        text = self.paste_box.toPlainText()
        if not text.strip():
            self._timer.stop()
            self._set_feedback(self._idle_text(), "idle")
        else:
            self._set_feedback(self.tr("Reading…"), "busy")
            self._timer.start(BIG_INPUT_DELAY_MS if len(text) > 200_000 else FEEDBACK_DELAY_MS)
        self._update_buttons()
        self.update_complete()

    def _start_preview(self) -> None:
        text = self.paste_box.toPlainText()
        if not text.strip():
            return
        self.runner.cancel_owner(self)
        self.runner.submit(lambda: preview_text(text), lambda batch: self._on_preview(text, batch),
                           owner=self, on_error=self._on_preview_failed)

    def preview_pending(self) -> bool:
        """True while the pasted text waits for (or is in) its background parse."""
        text = self.paste_box.toPlainText()
        return bool(text.strip()) and self._preview_for != text

    def _on_preview(self, text: str, batch: Any) -> None:
        if text != self.paste_box.toPlainText():
            return
        self._preview = batch
        self._preview_for = text
        messages = list(batch.messages)
        if not messages:
            self._set_feedback(self._error_text(batch), "error")
        else:
            first = messages[0]
            relays = sum(1 for hop in first.hops if hop.source_header.lower() == "received")
            if len(messages) == 1:
                head = self.tr("Recognised one message with %n Received line(s).", "", relays)
            else:
                head = self.tr("Recognised %n messages pasted one after another.", "", len(messages))
            details = self.tr("Subject: %1 / From: %2").replace(
                "%1", plain(first.subject, 90) or self.tr("(none)")).replace(
                "%2", plain(first.from_, 90) or self.tr("(none)"))
            state = "ok"
            if relays == 0:
                head += " " + self.tr("There are no Received lines: this is only the visible part of the mail. "
                                      "Ask for the full headers (see the guide).")
                state = "warn"
            self._set_feedback(f"{head}\n{details}", state)
        self._update_buttons()
        self.update_complete()

    def _error_text(self, batch: Any) -> str:
        errors = list(getattr(batch, "errors", ()))
        codes = {getattr(e, "code", "") for e in errors}
        if "too_big" in codes or "too_large" in codes:
            return self.tr("This text is too large to be mail headers. Ask the customer for the headers "
                           "of one message only.")
        if "empty" in codes:
            return self._idle_text()
        return self.tr("This does not look like mail headers. Ask the customer for the full header "
                       "text: the lines that start with \"Received:\", \"From:\" and \"Subject:\" "
                       "(the guide on the right shows where to find them).")

    def _on_preview_failed(self, message: str) -> None:
        self._set_feedback(self.tr("The text could not be read: %1").replace("%1", plain(message, 200)), "error")

    def preview_ok(self) -> bool:
        """True when the text in the box was parsed into at least one message."""
        return (self._preview is not None and self._preview_for == self.paste_box.toPlainText()
                and bool(self._preview.messages))

    # -- samples --------------------------------------------------------------------------------
    def _unique_name(self, base: str) -> str:
        taken = {s.source for s in self.session.samples}
        if base not in taken:
            return base
        number = 2
        while f"{base} ({number})" in taken:
            number += 1
        return f"{base} ({number})"

    def add_pasted(self) -> bool:
        """Add the pasted text as sample(s); returns False when it is not (yet) recognised."""
        if not self.preview_ok():
            return False
        text = self.paste_box.toPlainText()
        messages = list(self._preview.messages)
        new: list[Sample] = []
        self._paste_counter += 1
        if len(messages) == 1:
            new.append(Sample(self._unique_name(f"paste-{self._paste_counter}"), text))
        else:
            for number, message in enumerate(messages, 1):
                new.append(Sample(self._unique_name(f"paste-{self._paste_counter} [{number}]"),
                                  message.raw_headers))
        self.session.set_samples([*self.session.samples, *new])
        self.paste_box.clear()
        self.file_status.setText(self.tr("Added %n sample(s).", "", len(new)))
        return True

    def add_files(self, paths: list[str]) -> None:
        """Read dropped or chosen files in the background and add their messages as samples."""
        paths = [p for p in paths if p]
        if not paths:
            return
        self.file_status.setText(self.tr("Reading %n file(s)…", "", len(paths)))
        self.runner.submit(lambda: read_mail_files(paths), self._on_files_read,
                           owner=("files", id(self)), on_error=self._on_preview_failed)

    def _on_files_read(self, result: tuple[list[tuple[str, str, str | None]], list[tuple[str, str]]]) -> None:
        found, problems = result
        new = [Sample(self._unique_name(name), text) for name, text, _subject in found]
        if new:
            self.session.set_samples([*self.session.samples, *new])
        lines = [self.tr("Added %n sample(s).", "", len(new))]
        for name, problem in problems[:5]:
            if problem == "too_big":
                problem = self.tr("file too large")
            lines.append(self.tr("%1: %2").replace("%1", plain(name, 60)).replace("%2", plain(problem, 160)))
        self.file_status.setText("\n".join(lines))

    def _open_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Open mail files"), "",
            self.tr("Mail files (*.eml *.msg *.mbox *.mbx *.txt);;All files (*)"))
        self.add_files(paths)

    def remove_selected(self) -> None:
        """Remove the selected sample."""
        row = self.sample_list.currentRow()
        if 0 <= row < len(self.session.samples):
            samples = list(self.session.samples)
            del samples[row]
            self.session.set_samples(samples)
            self.sample_list.setCurrentRow(min(row, len(samples) - 1))

    def toggle_good(self) -> None:
        """Mark the selected sample as known-good mail (or back as spam)."""
        row = self.sample_list.currentRow()
        if 0 <= row < len(self.session.samples):
            samples = list(self.session.samples)
            current = samples[row]
            samples[row] = replace(current, kind="spam" if current.kind == "good" else "good")
            self.session.set_samples(samples)
            self.sample_list.setCurrentRow(row)

    def _subjects(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for analysis in self.session.analyses:
            key = analysis.source.rsplit("#", 1)[0]
            out.setdefault(key, analysis.subject or "")
        return out

    def _refresh_samples(self) -> None:
        row = self.sample_list.currentRow()
        subjects = self._subjects()
        self.sample_list.clear()
        for sample in self.session.samples:
            kind = self.tr("good") if sample.kind == "good" else self.tr("spam")
            subject = subjects.get(sample.source, "")
            text = f"[{kind}]  {plain(sample.source, 50)}"
            if subject:
                text += f"  —  {plain(subject, 90)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sample.source)
            self.sample_list.addItem(item)
        if self.session.samples:
            self.sample_list.setCurrentRow(max(0, min(row, len(self.session.samples) - 1)))
        spam = sum(1 for s in self.session.samples if s.kind != "good")
        good = len(self.session.samples) - spam
        self.samples_label.setText(self.tr("Collected &samples: %1 spam, %2 known-good")
                                   .replace("%1", str(spam)).replace("%2", str(good)))
        self.sampleCountChanged.emit(spam)
        self._update_buttons()
        self.update_complete()

    def _update_buttons(self) -> None:
        row = self.sample_list.currentRow()
        has = 0 <= row < len(self.session.samples)
        self.remove_button.setEnabled(has)
        self.good_button.setEnabled(has)
        if has and self.session.samples[row].kind == "good":
            self.good_button.setText(self.tr("Mark as &spam"))
        else:
            self.good_button.setText(self.tr("Mark as known-&good mail"))
        self.add_button.setEnabled(self.preview_ok())

    # -- drops on the page ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    # -- wizard protocol ------------------------------------------------------------------------
    def isComplete(self) -> bool:
        has_spam = any(s.kind != "good" for s in self.session.samples)
        return has_spam or self.preview_ok()

    def validatePage(self) -> bool:
        if self.preview_ok():
            self.add_pasted()
        return any(s.kind != "good" for s in self.session.samples)
