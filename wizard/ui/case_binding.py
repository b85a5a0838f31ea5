"""Autosave and resume: keeps the window's :class:`CaseSession` and a stored case in step.

Every change of the session is saved a moment later (changes are gathered for ``debounce_ms``); a step
change is saved at once. Saves run on the shared :class:`TaskRunner`, one at a time; a change arriving
during a save is saved right after it. If another agent saved the same case in between, the store's
:class:`Conflict` is merged (both sides' decisions and samples are kept, the latest decision of a kind
wins), the merge is saved, the session is refreshed and ``conflictMerged`` tells the agent who changed
what. Nothing is ever overwritten silently.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from wizard.core.cases.model import (
    VERIFY_FOLLOWUP_PREFIX,
    Call,
    Case,
    CaseRecord,
    FollowUp,
    SampleRecord,
    analyses_snapshot,
    canonical_json,
    new_case,
    utcnow,
)
from wizard.core.cases.recap import VERIFY_KINDS
from wizard.core.cases.store import Conflict, Store, merge_cases
from wizard.ui.state import CaseSession, Sample
from wizard.ui.tasks import TaskRunner

SESSION_DECISIONS: dict[str, str] = {
    "departed": "departed",
    "delete_address": "deleted_address",
    "block_entries": "blocklist",
    "action": "action",
    "sensitivity": "sensitivity",
    "profile": "profile",
}
"""CaseSession attribute -> decision kind in the store."""

_DEFAULTS: dict[str, Any] = {
    "departed": [], "delete_address": None, "block_entries": [], "action": None, "sensitivity": None,
    "profile": "hosting_provider",
}

MAX_MERGE_ATTEMPTS = 5


def default_agent() -> str:
    """The login name, as the agent's name when none is configured."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def _json_safe(value: Any) -> Any:
    """``value`` if ``json.dumps`` accepts it (sets become sorted lists), else None."""
    if isinstance(value, set | frozenset):
        value = sorted(value, key=str)
    try:
        return json.loads(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        return None


def _decision_value(name: str, value: Any) -> Any:
    if name == "departed":
        return sorted(str(v) for v in (value or ()))
    if name == "block_entries":
        return [str(v) for v in (value or ())]
    return _json_safe(value)


def case_from_session(session: CaseSession, base: Case | None, agent: str, call_uid: str | None) -> Case:
    """The case as the window holds it now, built on ``base`` (the copy last read or saved).

    Samples keep their row ids and paste times when unchanged; every decision that differs from the
    base's current value is appended with the time and the agent; the current call gets its end time and
    the session's notes.
    """
    now = utcnow()
    if base is None:
        base = new_case(session.customer, session.domain, agent=agent, now=now)
        if session.case_id:
            base = replace(base, record=replace(base.record, id=session.case_id))
    by_key = {(s.source, s.text, s.kind): s for s in base.samples}
    samples = tuple(
        by_key.get((s.source, s.text, s.kind)) or SampleRecord(source=s.source, text=s.text, kind=s.kind,
                                                                pasted_at=now)
        for s in session.samples
    )
    case = replace(
        base,
        record=replace(base.record, customer=session.customer, domain=session.domain, step=session.step),
        samples=samples,
    )
    for name, kind in SESSION_DECISIONS.items():
        value = _decision_value(name, getattr(session, name, None))
        current = case.last_decision(kind)
        if current is None and value == _decision_value(name, _DEFAULTS[name]):
            continue  # an untouched default is not a decision
        if current is None or canonical_json(current.value) != canonical_json(value):
            case = case.decide(kind, value, agent=agent, at=now)
            if kind in VERIFY_KINDS and value not in (None, "", []):
                case = _with_verify_followup(case, kind, now)
    findings = analyses_snapshot(session.analyses) if session.analyses else base.findings
    extra = {k: v for k, v in ((k, _json_safe(v)) for k, v in session.extra.items()) if v is not None}
    state = dict(base.state)
    state.update({
        "customer_ips": list(session.customer_ips),
        "customer_hosts": list(session.customer_hosts),
        "notes": session.notes,
        "extra": extra,
    })
    calls = tuple(
        replace(c, end=now, notes=session.notes) if c.uid == call_uid else c for c in case.calls
    )
    return replace(case, findings=findings, state=state, calls=calls)


def _with_verify_followup(case: Case, kind: str, now: datetime) -> Case:
    """A follow-up "verify <kind>" due the next day (moved there again if one is still open)."""
    what = VERIFY_FOLLOWUP_PREFIX + kind
    due = now.astimezone().date() + timedelta(days=1)
    kept = tuple(f for f in case.followups if f.done or f.what != what)
    return replace(case, followups=(*kept, FollowUp(due=due, what=what)))


def fill_session(session: CaseSession, case: Case) -> None:
    """Put a stored case into the session (analyses are recomputed by the wizard from the samples)."""
    session.case_id = case.id
    session.customer = case.record.customer
    session.domain = case.record.domain
    for name, kind in SESSION_DECISIONS.items():
        value = case.current(kind, _DEFAULTS[name]) if case.last_decision(kind) else _DEFAULTS[name]
        if name == "departed":
            value = set(value or ())
        elif name == "block_entries":
            value = list(value or ())
        setattr(session, name, value)
    state = case.state
    session.customer_ips = [str(v) for v in state.get("customer_ips", []) or []]
    session.customer_hosts = [str(v) for v in state.get("customer_hosts", []) or []]
    session.notes = str(state.get("notes", "") or "")
    extra = state.get("extra")
    # settings-derived keys (trusted servers, offline) stay unless the case has its own
    session.extra = {**session.extra, **(extra if isinstance(extra, dict) else {})}
    session.step = case.record.step
    samples = [Sample(s.source, s.text, s.kind) for s in case.samples]
    if samples != session.samples:
        session.set_samples(samples)
    session.customerChanged.emit()
    session.decisionsChanged.emit()
    session.stepChanged.emit(session.step)
    session.changed.emit()


class CaseBinding(QObject):
    """Binds one :class:`CaseSession` to a :class:`Store`: autosave, resume, conflict merging.

    ``saved(int)`` carries the version of each confirmed save; ``conflictMerged(object)`` the
    :class:`Conflict` that was merged; ``saveFailed(str)`` a store error (the next change retries).
    """

    saved = Signal(int)
    conflictMerged = Signal(object)
    saveFailed = Signal(str)

    def __init__(self, session: CaseSession, store: Store, runner: TaskRunner, agent: str = "",
                 parent: QObject | None = None, debounce_ms: int = 400) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        self.runner = runner
        self.agent = agent or default_agent()
        self._base: Case | None = None
        self._call_uid: str | None = None
        self._in_flight = False
        self._dirty = False
        self._paused = 0
        self._loading = False
        self._pending_new: Case | None = None
        self._pending_calls: tuple[Call, ...] = ()
        self._followups_done: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.save_now)
        session.changed.connect(self._on_changed)
        session.stepChanged.connect(self._on_step)

    # -- public ---------------------------------------------------------------------------------
    @property
    def case(self) -> Case | None:
        """The case as last read from or confirmed by the store."""
        return self._base

    @property
    def pending(self) -> bool:
        """True while changes are waiting to be saved or a save is running."""
        return self._in_flight or self._dirty or self._timer.isActive()

    def start_new(self, customer: str = "", domain: str = "") -> str:
        """Begin a new case for the session (saved right away); returns its id."""
        case = new_case(customer or self.session.customer, domain or self.session.domain, agent=self.agent)
        self._call_uid = case.calls[0].uid
        self._base = None
        self.session.case_id = case.id
        self.session.customer = case.record.customer
        self.session.domain = case.record.domain
        self._pending_new = case
        self.save_now()
        return case.id

    def resume(self, case_id: str) -> str:
        """Load a stored case into the session, start a new call on it; returns the step to open."""
        return self.resume_case(self.store.load(case_id))

    def resume_case(self, case: Case) -> str:
        """Like :meth:`resume` with a case already loaded (e.g. by the start screen, off the GUI thread)."""
        call = Call(start=utcnow(), agent=self.agent)
        self._call_uid = call.uid
        today = call.start.astimezone().date()
        # this call is the follow-up: the recap shown on resume tells the agent what to verify
        self._followups_done = {f.uid for f in case.followups if not f.done and f.due <= today}
        self._base = case
        self._loading = True
        try:
            fill_session(self.session, case)
        finally:
            self._loading = False
        self._timer.stop()
        self._dirty = False
        self._pending_calls = (call,)
        self.save_now()
        return case.record.step

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Hold saves while the window walks through pages (one save at the end)."""
        self.hold()
        try:
            yield
        finally:
            self.release()

    def hold(self) -> None:
        """Hold saves (changes are kept and saved at :meth:`release`); calls nest."""
        self._paused += 1

    def release(self) -> None:
        """End one :meth:`hold`; the last one saves what changed meanwhile."""
        self._paused = max(0, self._paused - 1)
        if self._paused == 0 and self._dirty:
            self.save_now()

    def save_now(self) -> None:
        """Save at once (or right after the save that is running)."""
        self._timer.stop()
        if self._paused or self.session.case_id is None:
            self._dirty = True
            return
        if self._in_flight:
            self._dirty = True
            return
        self._dirty = False
        candidate = self._candidate()
        base = self._base
        store = self.store
        self._in_flight = True
        self.runner.submit(lambda: _save_merging(store, base, candidate), self._on_saved, owner=self,
                           on_error=self._on_failed)

    def flush(self, timeout_ms: int = 10000) -> bool:
        """Save whatever is pending and wait for it (closing the window). True when all is saved."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        self._timer.stop()
        deadline = QDeadlineTimer(timeout_ms)
        while self._in_flight and not deadline.hasExpired():
            self.runner.wait_idle(max(1, min(200, deadline.remainingTime())))
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()  # deliver the finished save's result
            self._timer.stop()
        if self._in_flight:
            return False
        if self.session.case_id is None:
            return True
        if not self._dirty and self._base is not None and not self._changed_since_base():
            return True
        try:
            saved, conflict = _save_merging(self.store, self._base, self._candidate())
        except Exception as exc:  # a store error on shutdown: report, keep the window's data
            self.saveFailed.emit(str(exc))
            return False
        self._dirty = False
        self._after_save(saved, conflict)
        return True

    # -- internals ------------------------------------------------------------------------------
    def _candidate(self) -> Case:
        base = self._base
        if base is None and self._pending_new is not None:
            base = self._pending_new
        if base is not None and self._pending_calls:
            base = replace(base, calls=(*base.calls, *self._pending_calls))
        if base is not None and self._followups_done:
            base = replace(base, followups=tuple(
                replace(f, done=True) if f.uid in self._followups_done else f for f in base.followups))
        return case_from_session(self.session, base, self.agent, self._call_uid)

    def _changed_since_base(self) -> bool:
        assert self._base is not None
        candidate = case_from_session(self.session, self._base, self.agent, None)
        return canonical_json(_comparable(candidate)) != canonical_json(_comparable(self._base))

    def _on_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        if not self._in_flight and not self._paused:
            self._timer.start()

    def _on_step(self, _step: str) -> None:
        if not self._loading:
            self.save_now()

    def _on_saved(self, result: tuple[Case, Conflict | None]) -> None:
        self._in_flight = False
        saved, conflict = result
        self._after_save(saved, conflict)
        if self._dirty and not self._paused:
            self.save_now()

    def _after_save(self, saved: Case, conflict: Conflict | None) -> None:
        self._base = saved
        self._pending_new = None
        self._pending_calls = ()
        self._followups_done = set()
        if conflict is not None:
            self._loading = True
            try:
                fill_session(self.session, saved)
            finally:
                self._loading = False
            self.conflictMerged.emit(conflict)
        self.saved.emit(saved.version)

    def _on_failed(self, message: str) -> None:
        self._in_flight = False
        self._dirty = True
        self.saveFailed.emit(message)


class SaveStatusLabel(QLabel):
    """One line under the wizard: saved / could not save / merged another agent's changes."""

    def __init__(self, binding: CaseBinding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSaveStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Case save status"))
        self._binding = binding
        binding.saved.connect(self._saved)
        binding.saveFailed.connect(self._failed)
        binding.conflictMerged.connect(self._merged)

    def _saved(self, version: int) -> None:
        if not self.property("merged"):
            self.setText(self.tr("Saved (version {version})").format(version=version))
        self.setProperty("merged", False)

    def _failed(self, message: str) -> None:
        self.setText(self.tr("Could not save the case: {error}").format(error=message[:300]))

    def _merged(self, conflict: Conflict) -> None:
        agents = ", ".join(conflict.agents) or "?"
        self.setText(self.tr("The case {id} was also changed by {agents}; both sides were kept.").format(
            id=conflict.case_id, agents=agents))
        self.setProperty("merged", True)


def _comparable(case: Case) -> dict[str, Any]:
    data = case.to_json()
    data["record"].pop("updated", None)
    data["record"].pop("version", None)
    data["calls"] = [{k: v for k, v in c.items() if k not in ("end", "version")} for c in data["calls"]]
    for key in ("samples", "decisions", "followups"):
        data[key] = [{k: v for k, v in r.items() if k != "version"} for r in data[key]]
    return data


def _save_merging(store: Store, base: Case | None, mine: Case) -> tuple[Case, Conflict | None]:
    """Save ``mine``; on a conflict merge it with the stored copy against ``base`` and try again.
    Runs on a pool thread. Returns the saved case and the (last) conflict that was merged."""
    first_conflict: Conflict | None = None
    candidate = mine
    for _ in range(MAX_MERGE_ATTEMPTS):
        try:
            return store.save(candidate), first_conflict
        except Conflict as conflict:
            first_conflict = first_conflict or conflict
            if conflict.theirs is None:
                raise
            merge_base = base if base is not None else replace(
                conflict.theirs, calls=(), samples=(), decisions=(), followups=(), state={}, findings=None,
                record=CaseRecord(id=conflict.theirs.id, customer="", domain=""))
            candidate = merge_cases(merge_base, mine, conflict.theirs)
            base, mine = conflict.theirs, candidate
    raise first_conflict if first_conflict is not None else RuntimeError("save failed")



def open_wizard_at(wizard: Any, step: str, binding: CaseBinding | None = None) -> None:
    """Walk ``wizard`` (a SpamWizard) forward to the page called ``step`` (a ``PageId`` key), as the
    agent would through Next, once the resumed samples are analysed. With ``binding``, saves are held
    until the walk is over, so the stored step is never rewound to the pages passed on the way."""
    from wizard.ui.wizard import PageId

    try:
        target = PageId[step.upper()]
    except KeyError:
        target = None
    session: CaseSession = wizard.session
    if binding is not None:
        binding.hold()

    def finish() -> None:
        if binding is not None:
            binding.release()

    if target is None or wizard.go_to(target) or not getattr(session, "analysis_pending", False):
        finish()
        return

    def retry(pending: bool) -> None:
        if pending:
            return
        session.analysisPendingChanged.disconnect(retry)
        wizard.go_to(target)
        finish()

    session.analysisPendingChanged.connect(retry)
