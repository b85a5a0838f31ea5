"""Step 4: set up the block list.

Shows the sender pattern across the spam samples (one fixed domain, random local parts), the suggested
entry and which sender it matches (envelope / From), an editable list of entries, and the filter
profile. On score-based filters a prominent warning says that an entry only adds points: the post's
mistake was to believe it rejects mail.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from shiboken6 import Shiboken

from wizard.core.blocksuggest import (
    BlockSuggestion,
    check_entry,
    own_domains_of,
    partner_domains_of,
    suggest_block,
)
from wizard.core.export.patterns import PatternError, parse_pattern
from wizard.core.model import Finding, MessageAnalysis
from wizard.core.profiles import Profile
from wizard.ui.messages import describe
from wizard.ui.models import plain, sample_name
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.filter_common import (
    Banner,
    catalog,
    is_japanese,
    make_compact_table,
    scope_label,
    session_profile,
    sim_samples,
)


def _entry_checks(texts: list[str], spam: list[MessageAnalysis], good: list[MessageAnalysis],
                  extra: tuple[str, ...]) -> list[PatternError | Finding]:
    own = own_domains_of(spam, extra)
    partners = partner_domains_of(good)
    out: list[PatternError | Finding] = []
    for text in texts:
        try:
            pattern = parse_pattern(text)
        except PatternError as exc:
            out.append(exc)
            continue
        out.extend(check_entry(pattern, own, partners))
    return out


def _suggest(spam: list[MessageAnalysis], good: list[MessageAnalysis], own: tuple[str, ...]) -> BlockSuggestion:
    return suggest_block(spam, good, own)


class BlocklistPage(QWizardPage):
    """Wizard page 4 ("set up the block list")."""

    def __init__(self, session: CaseSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self._owner = object()
        """Owner key of this page's background requests (dropped when the page is destroyed)."""
        token = self._owner
        self._check_owner = object()
        check_token = self._check_owner
        self.destroyed.connect(lambda *_: (runner.cancel_owner(token), runner.cancel_owner(check_token)))
        self.suggestion: BlockSuggestion | None = None
        self._loading = False
        self._dirty = False
        """The case changed while the page was hidden: recomputed when it is shown."""
        self._checks_dirty = False
        self.setTitle(self.tr("Step 4: Set up the block list"))
        self.setSubTitle(self.tr(
            "Find the fixed sender domain behind the spam and decide what to enter in the filter's block "
            "list. Check first what an entry really does on this filter."))

        # -- profile --------------------------------------------------------------------------------
        self.profile_combo = QComboBox(self)
        self.profile_combo.setAccessibleName(self.tr("Filter profile"))
        profile_label = QLabel(self.tr("Filter &profile:"), self)
        profile_label.setBuddy(self.profile_combo)
        for profile in catalog().profiles:
            self.profile_combo.addItem(profile.title_ja if is_japanese() else profile.title, profile.name)
        self.profile_description = self._plain_label("profileDescription")
        self.effect_banner = Banner(self, "critical")
        self.effect_banner.setObjectName("blocklistEffectWarning")
        self.effect_banner.setAccessibleName(self.tr("What a block-list entry does on this filter"))

        # -- sender table ---------------------------------------------------------------------------
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("senderTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Sample"), self.tr("Envelope sender"), self.tr("From"), self.tr("Domain"),
            self.tr("Local part random?")])
        make_compact_table(self.table)
        self.table.setAccessibleName(self.tr("Senders of the spam samples"))
        self.table.setMinimumHeight(110)
        table_label = QLabel(self.tr("Senders of the &spam samples:"), self)
        table_label.setBuddy(self.table)

        self.suggestion_label = self._plain_label("suggestionLabel")
        self.suggestion_warnings = Banner(self, "warning")
        self.suggestion_warnings.setObjectName("suggestionWarnings")
        self.use_button = QPushButton(self.tr("&Use the suggested entry"), self)
        self.use_button.setAccessibleName(self.tr("Add the suggested entry to the block list"))
        self.use_button.clicked.connect(self._use_suggestion)

        # -- entries --------------------------------------------------------------------------------
        self.entry_edit = QLineEdit(self)
        self.entry_edit.setPlaceholderText("*@example.com")
        self.entry_edit.setMaxLength(300)
        self.entry_edit.setAccessibleName(self.tr("New block-list entry"))
        entry_label = QLabel(self.tr("New &entry:"), self)
        entry_label.setBuddy(self.entry_edit)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(self._add_typed)
        self.entry_edit.returnPressed.connect(self._add_typed)
        self.entry_error = self._plain_label("entryError")
        self.entry_error.setStyleSheet("QLabel { color: #b00020; }")
        self.entry_error.hide()  # shown only with an error: the sender table needs the room
        self.entries = QListWidget(self)
        self.entries.setObjectName("entriesList")
        self.entries.setAccessibleName(self.tr("Block-list entries"))
        self.entries.setMaximumHeight(self.entries.fontMetrics().height() * 3 + 14)  # usually one entry or two
        entries_label = QLabel(self.tr("Block-list en&tries:"), self)
        entries_label.setBuddy(self.entries)
        self.remove_button = QPushButton(self.tr("&Remove selected"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        self.entry_warnings = Banner(self, "critical")
        self.entry_warnings.setObjectName("entryWarnings")

        # -- layout ---------------------------------------------------------------------------------
        top = QHBoxLayout()
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo, 1)
        pattern_box = QGroupBox(self.tr("Sender pattern"), self)
        pb = QVBoxLayout(pattern_box)
        pb.addWidget(table_label)
        pb.addWidget(self.table, 1)
        pb.addWidget(self.suggestion_label)
        pb.addWidget(self.suggestion_warnings)
        pb.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignLeft)
        entry_box = QGroupBox(self.tr("Block list"), self)
        eb = QVBoxLayout(entry_box)
        row = QHBoxLayout()
        row.addWidget(entry_label)
        row.addWidget(self.entry_edit, 1)
        row.addWidget(self.add_button)
        eb.addLayout(row)
        eb.addWidget(self.entry_error)
        eb.addWidget(entries_label)
        row2 = QHBoxLayout()
        row2.addWidget(self.entries, 1)
        row2.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        eb.addLayout(row2)
        eb.addWidget(self.entry_warnings)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.profile_description)
        layout.addWidget(self.effect_banner)
        layout.addWidget(pattern_box, 1)
        layout.addWidget(entry_box)

        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        session.analysesChanged.connect(self._case_changed)
        session.samplesChanged.connect(self._case_changed)
        session.decisionsChanged.connect(self._sync_from_session)
        self._sync_from_session()
        self.refresh()

    # -- helpers ------------------------------------------------------------------------------------
    def _plain_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def profile(self) -> Profile | None:
        """The profile currently chosen."""
        return session_profile(self.session)

    def entry_texts(self) -> list[str]:
        """The entries as listed."""
        return [self.entries.item(i).text() for i in range(self.entries.count())]

    # -- session sync -------------------------------------------------------------------------------
    def _sync_from_session(self) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            index = self.profile_combo.findData(self.session.profile)
            if index >= 0 and index != self.profile_combo.currentIndex():
                self.profile_combo.setCurrentIndex(index)
            if self.entry_texts() != list(self.session.block_entries):
                self.entries.clear()
                for text in self.session.block_entries:
                    self.entries.addItem(plain(text, 260))
            self._show_profile()
            self._check_entries()
        finally:
            self._loading = False

    def _profile_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        name = self.profile_combo.itemData(index)
        if name and name != self.session.profile:
            self.session.set_decision("profile", name)
        self._show_profile()

    def _show_profile(self) -> None:
        profile = self.profile()
        if profile is None:
            self.profile_description.setText(self.tr("No filter profile could be loaded."))
            self.effect_banner.hide()
            return
        ja = is_japanese()
        self.profile_description.setText(profile.description_ja if ja else profile.description)
        bl = profile.blocklist
        if bl.effect == "score":
            self.effect_banner.set_level("critical")
            self.effect_banner.setText(self.tr(
                "On this filter a block-list entry does NOT block mail. It only adds %1 points to the spam "
                "score. The customer sees a change only if the quarantine action (next step) is set to tag, "
                "spam folder or delete. Check it on the next page before you tell the customer it is done.")
                .replace("%1", f"{bl.points:g}"))
        elif bl.effect == "reject":
            self.effect_banner.set_level("info")
            self.effect_banner.setText(self.tr(
                "On this filter a block-list entry rejects the mail at SMTP time: it never reaches the "
                "mailbox, and the sending server gets an error."))
        else:
            self.effect_banner.set_level("warning")
            self.effect_banner.setText(self.tr(
                "On this filter a block-list entry silently discards the mail: nobody can get it back."))
        self.effect_banner.show()

    # -- suggestion ---------------------------------------------------------------------------------
    def _case_changed(self) -> None:
        # A hidden page does no work: starting a pool job here made every analysis (step 1) compete with
        # the window for the interpreter lock. The page catches up in initializePage / showEvent.
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def refresh(self) -> None:
        """Recompute the sender table and the suggestion from the case's analyses (in the background)."""
        self._dirty = False
        samples = sim_samples(self.session)
        spam = [s.analysis for s in samples if s.kind != "good"]
        good = [s.analysis for s in samples if s.kind == "good"]
        own = (self.session.domain,) if self.session.domain else ()
        self.runner.cancel_owner(self._owner)
        if not spam:
            self._show_suggestion(None)
            return
        self.runner.submit(lambda: _suggest(spam, good, own), self._show_suggestion, owner=self._owner,
                           on_error=lambda message: self.suggestion_label.setText(message))

    def _show_suggestion(self, suggestion: BlockSuggestion | None) -> None:
        if not Shiboken.isValid(self.table):
            return
        self.suggestion = suggestion
        rows = suggestion.rows if suggestion else ()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            values = [sample_name(row.source), row.envelope or "—", row.from_addr or "—", row.domain or "—",
                      self.tr("yes") if row.random_local else self.tr("no")]
            for j, value in enumerate(values):
                item = QTableWidgetItem(plain(value, 120))
                item.setToolTip(plain(value, 400))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # re-applied: the contents sizing above undid the stretch
        header.setStretchLastSection(True)
        if suggestion is None:
            self.suggestion_label.setText(self.tr("No spam samples yet: add them on the first page."))
            self.suggestion_warnings.hide()
            self.use_button.setEnabled(False)
            return
        if suggestion.patterns:
            self.suggestion_label.setText(
                self.tr("Suggested entry: %1. It matches %2 of %3 spam samples (%4 with a random-looking "
                        "local part), on the %5.")
                .replace("%1", ", ".join(suggestion.patterns))
                .replace("%2", str(suggestion.matched)).replace("%3", str(suggestion.total))
                .replace("%4", str(suggestion.random_locals))
                .replace("%5", scope_label(suggestion.match_scope)))
        else:
            self.suggestion_label.setText(
                self.tr("No entry is suggested for %1.").replace("%1", plain(suggestion.domain or "—", 80)))
        warnings = [describe(f) for f in suggestion.findings if f.code != "block_suggested"]
        self.suggestion_warnings.setText("\n".join(warnings))
        self.suggestion_warnings.set_level(
            "critical" if any(f.severity.value == "critical" for f in suggestion.findings) else "warning")
        self.suggestion_warnings.setVisible(bool(warnings))
        self.use_button.setEnabled(bool(suggestion.patterns))

    # -- entries ------------------------------------------------------------------------------------
    def _use_suggestion(self) -> None:
        if self.suggestion is None:
            return
        for text in self.suggestion.patterns:
            self._add(text)

    def _add_typed(self) -> None:
        if self._add(self.entry_edit.text()):
            self.entry_edit.clear()

    def _add(self, text: str) -> bool:
        try:
            pattern = parse_pattern(text)
        except PatternError as exc:
            self.entry_error.setText(self.tr("Not added: %1").replace("%1", self._reason(exc)))
            self.entry_error.show()
            return False
        self.entry_error.clear()
        self.entry_error.hide()
        if pattern.text not in self.entry_texts():
            self.entries.addItem(pattern.text)
            self._entries_changed()
        return True

    def _reason(self, exc: PatternError) -> str:
        """Why an entry was refused, in the UI language (the exact detail in parentheses)."""
        words = {
            "empty": self.tr("the entry is empty"),
            "too_long": self.tr("the entry is too long"),
            "bad_char": self.tr("it contains a character a block list cannot take"),
            "bad_syntax": self.tr("it is not of the form *@domain or user@domain"),
            "bad_domain": self.tr("the domain is not valid"),
        }.get(exc.code, "")
        detail = plain(exc.reason, 200)
        return f"{words} ({detail})" if words else detail

    def _remove_selected(self) -> None:
        rows = sorted((self.entries.row(i) for i in self.entries.selectedItems()), reverse=True)
        if not rows and self.entries.currentRow() >= 0:
            rows = [self.entries.currentRow()]
        for row in rows:
            self.entries.takeItem(row)
        if rows:
            self._entries_changed()

    def _entries_changed(self) -> None:
        self.session.extra["blocklist_set_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        self._loading = True
        try:
            self.session.set_decision("block_entries", self.entry_texts())
        finally:
            self._loading = False
        self._check_entries()

    def _check_entries(self) -> None:
        """Hard warnings for the listed entries (big provider, own domain, partner), computed on the
        runner: the first registrable-domain lookup loads the public suffix list (~0.1 s)."""
        texts = self.entry_texts()
        if not texts:
            self.runner.cancel_owner(self._check_owner)
            self.entry_warnings.clear()
            self.entry_warnings.hide()
            return
        if not self.isVisible():
            self._checks_dirty = True  # checked when the page is shown
            return
        self._checks_dirty = False
        samples = sim_samples(self.session)
        spam = [s.analysis for s in samples if s.kind != "good"]
        good = [s.analysis for s in samples if s.kind == "good"]
        extra = (self.session.domain,) if self.session.domain else ()
        self.runner.cancel_owner(self._check_owner)
        self.runner.submit(lambda: _entry_checks(texts, spam, good, extra), self._show_entry_checks,
                           owner=self._check_owner)

    def _show_entry_checks(self, checks: list[PatternError | Finding]) -> None:
        if not Shiboken.isValid(self.entry_warnings):
            return
        lines = [self._reason(c) if isinstance(c, PatternError) else describe(c) for c in checks]
        self.entry_warnings.setText("\n".join(lines))
        self.entry_warnings.setVisible(bool(lines))

    # -- wizard hooks -------------------------------------------------------------------------------
    def initializePage(self) -> None:
        """Entering the page: make sure the view matches the session."""
        self._sync_from_session()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        if self._checks_dirty:
            self._check_entries()
        super().showEvent(event)

    def cleanupPage(self) -> None:
        """Leaving backwards: drop late results."""
        self.runner.cancel_owner(self._owner)
