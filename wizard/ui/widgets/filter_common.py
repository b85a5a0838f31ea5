"""Helpers shared by the block-list and quarantine pages: samples for the simulation, labels for
actions and outcomes (translated), a prominent banner label."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableWidget, QWidget

from wizard.core.filtersim import SimSample
from wizard.core.profiles import Profile, ProfileCatalog, load_catalog
from wizard.ui.state import CaseSession

_CATALOG: ProfileCatalog | None = None


def catalog() -> ProfileCatalog:
    """The shipped profiles (loaded once; small TOML files)."""
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = load_catalog()
    return _CATALOG


def session_profile(session: CaseSession) -> Profile | None:
    """The profile the case uses (the first shipped one when the name is unknown)."""
    cat = catalog()
    return cat.get(session.profile) or (cat.profiles[0] if cat.profiles else None)


def sim_samples(session: CaseSession) -> list[SimSample]:
    """The case's analyses as simulation samples, known-good mail marked ``good``."""
    good = {s.source for s in session.samples if s.kind == "good"}
    out = []
    for analysis in session.analyses:
        kind = "good" if analysis.source.split("#")[0] in good or analysis.source in good else "spam"
        out.append(SimSample(analysis, kind))
    return out


def is_japanese() -> bool:
    """True when the UI runs in Japanese (chooses the profile's ``*_ja`` texts)."""
    from wizard.ui.i18n import current_language

    return current_language() == "ja"


def profile_title(profile: Profile) -> str:
    """The profile's title in the UI language."""
    return profile.title_ja if is_japanese() else profile.title


def action_label(action: str) -> str:
    """Translated name of an action."""
    labels = {
        "deliver": QCoreApplication.translate("Filter", "Deliver normally (only marked in the headers)"),
        "tag": QCoreApplication.translate("Filter", "Deliver with a tag at the start of the subject"),
        "folder": QCoreApplication.translate("Filter", "Move to the server's spam folder"),
        "delete": QCoreApplication.translate("Filter", "Delete on the server"),
        "reject": QCoreApplication.translate("Filter", "Reject at the server (sender gets an error)"),
    }
    return labels.get(action, action)


def outcome_label(outcome: str, folder: str | None = None) -> str:
    """Translated outcome as shown in the matrix."""
    if outcome == "folder":
        return QCoreApplication.translate("Filter", "Spam folder (%1)").replace("%1", folder or "")
    labels = {
        "inbox": QCoreApplication.translate("Filter", "Inbox"),
        "tagged": QCoreApplication.translate("Filter", "Inbox, subject tagged"),
        "deleted": QCoreApplication.translate("Filter", "Deleted"),
        "rejected": QCoreApplication.translate("Filter", "Rejected"),
    }
    return labels.get(outcome, outcome)


def scope_label(scope: str | None) -> str:
    """Which sender a pattern matches, in words."""
    labels = {
        "both": QCoreApplication.translate("Filter", "envelope sender and From header"),
        "envelope": QCoreApplication.translate("Filter", "envelope sender (Return-Path) only"),
        "from": QCoreApplication.translate("Filter", "From header only"),
        "mixed": QCoreApplication.translate("Filter", "envelope sender on some samples, From on others"),
    }
    return labels.get(scope or "", QCoreApplication.translate("Filter", "no sample"))


class Banner(QLabel):
    """A framed, word-wrapped plain-text label for warnings that must not be missed."""

    STYLES: ClassVar[dict[str, str]] = {
        "critical": "QLabel { background: #fde2e1; color: #7a0b0b; border: 2px solid #c62828; "
                    "padding: 8px; font-weight: bold; }",
        "warning": "QLabel { background: #fff4d6; color: #5c4100; border: 1px solid #d49b00; "
                   "padding: 6px; }",
        "info": "QLabel { background: #e8f1fb; color: #0b3a66; border: 1px solid #7aa7d6; padding: 6px; }",
    }

    def __init__(self, parent: QWidget | None = None, level: str = "warning") -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_level(level)

    def set_level(self, level: str) -> None:
        """Change the colour scheme (critical / warning / info)."""
        self.level = level
        self.setStyleSheet(self.STYLES.get(level, self.STYLES["info"]))


def make_compact_table(table: QTableWidget) -> None:
    """One line per sample, read-only, whole rows selected: all six samples of a case fit without
    scrolling (the block-list senders table and the simulation matrix share this look)."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.setTabKeyNavigation(False)

