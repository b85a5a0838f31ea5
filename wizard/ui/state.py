"""The case being worked on, shared by every page (pages never import each other).

A plain QObject holding core objects plus the agent's choices, with change signals. The case store
(autosave) and the practice mode listen to it; pages read and write it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from wizard.core.model import InputError, MessageAnalysis


@dataclass(frozen=True, slots=True)
class Sample:
    """One pasted or dropped input as the agent gave it (text kept verbatim for re-analysis)."""

    source: str
    text: str
    kind: str = "spam"  # "spam" or "good" (known-good mail the agent adds for the filter simulation)


class CaseSession(QObject):
    """Mutable state of one case in the window. Every setter emits ``changed`` (autosave hooks on it)."""

    changed = Signal()
    samplesChanged = Signal()
    analysesChanged = Signal()
    customerChanged = Signal()
    decisionsChanged = Signal()
    stepChanged = Signal(str)
    analysisPendingChanged = Signal(bool)
    """True while the samples are being (re-)analysed in the background (the wizard's analyzer sets it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case_id: str | None = None
        self.customer: str = ""
        self.domain: str = ""
        self.samples: list[Sample] = []
        self.analyses: list[MessageAnalysis] = []
        self.errors: list[InputError] = []
        self.customer_ips: list[str] = []
        self.customer_hosts: list[str] = []
        self.departed: set[str] = set()
        self.delete_address: str | None = None
        self.block_entries: list[str] = []
        self.profile: str = "hosting_provider"
        self.action: str | None = None
        self.sensitivity: str | None = None
        self.notes: str = ""
        self.step: str = "paste"
        self.extra: dict[str, Any] = {}
        """Room for later steps (log records, verification results, cert checks) keyed by area."""
        self.analysis_pending: bool = False

    # -- samples and analyses -------------------------------------------------------------------
    def set_samples(self, samples: list[Sample]) -> None:
        """Replace the collected samples."""
        self.samples = list(samples)
        self.samplesChanged.emit()
        self.changed.emit()

    def set_analyses(self, analyses: list[MessageAnalysis], errors: list[InputError]) -> None:
        """Store the core's analysis of the current samples."""
        self.analyses = list(analyses)
        self.errors = list(errors)
        self.analysesChanged.emit()
        self.changed.emit()

    def set_analysis_pending(self, pending: bool) -> None:
        """Mark the analyses as being recomputed (pages show "analysing" and hold Next)."""
        if pending != self.analysis_pending:
            self.analysis_pending = pending
            self.analysisPendingChanged.emit(pending)

    def spam_analyses(self) -> list[MessageAnalysis]:
        """Analyses of samples the agent marked as spam (the default)."""
        good = {s.source for s in self.samples if s.kind == "good"}
        return [a for a in self.analyses if a.source.split("#")[0] not in good]

    # -- customer -------------------------------------------------------------------------------
    def set_customer_machine(self, ips: list[str], hosts: list[str]) -> None:
        """The customer's PC IP addresses / host names as the agent typed them."""
        self.customer_ips = list(ips)
        self.customer_hosts = list(hosts)
        self.customerChanged.emit()
        self.changed.emit()

    # -- decisions ------------------------------------------------------------------------------
    def set_decision(self, name: str, value: Any) -> None:
        """Record a decision (``delete_address``, ``block_entries``, ``action``, ``sensitivity``,
        ``profile``, ``notes``, ``departed``)."""
        if not hasattr(self, name):
            raise AttributeError(name)
        setattr(self, name, value)
        self.decisionsChanged.emit()
        self.changed.emit()

    def set_step(self, step: str) -> None:
        """Where the case stands (the page id name), for resume."""
        if step != self.step:
            self.step = step
            self.stepChanged.emit(step)
            self.changed.emit()
