"""Frozen records of a case that spans several calls (Qt-free).

A :class:`Case` is the unit of work: the case row (:class:`CaseRecord`), every call, the samples as
pasted, every decision with its time and agent, the follow-ups due, a snapshot of the findings and the
remaining wizard state. Rows carry a ``uid`` (stable across saves, used to merge two agents' edits) and
the case ``version`` at which they were last written (``0`` while unsaved).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from wizard.core.model import JsonValue, MessageAnalysis

CASE_STATUSES = ("open", "waiting", "closed")
"""``open``: being worked on; ``waiting``: a follow-up is pending; ``closed``: done."""

DECISION_KINDS = (
    "deleted_address",
    "departed",
    "blocklist",
    "action",
    "sensitivity",
    "profile",
    "note",
    "verification",
)
"""Known decision kinds. Other kinds are kept as they are (later steps may add their own)."""

VERIFY_FOLLOWUP_PREFIX = "verify:"
"""Follow-ups the wizard creates itself are ``verify:<decision kind>`` (words chosen at display)."""


def utcnow() -> datetime:
    """The current time, timezone-aware UTC, to the microsecond."""
    return datetime.now(UTC)


def new_uid() -> str:
    """A fresh row id (32 hex digits)."""
    return uuid.uuid4().hex


def new_case_id(now: datetime | None = None) -> str:
    """A readable, sortable, unique case id such as ``20260328-5f3a9c1e``."""
    when = (now or utcnow()).astimezone(UTC)
    return f"{when:%Y%m%d}-{uuid.uuid4().hex[:8]}"


def to_iso(value: datetime) -> str:
    """ISO-8601 text in UTC (naive datetimes are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def from_iso(text: str) -> datetime:
    """Parse :func:`to_iso` output (or any ISO-8601 datetime) as an aware UTC datetime."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def canonical_json(value: JsonValue) -> str:
    """Deterministic compact JSON (sorted keys), used for storage, comparison and checksums."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def clean_text(text: str) -> str:
    """``text`` as UTF-8 stores accept it: NUL characters (PostgreSQL refuses them) and lone
    surrogates (undecodable bytes kept by ``surrogateescape``; not UTF-8) become U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """The case row: who, which domain, where the case stands and its optimistic-lock version."""

    id: str
    customer: str
    domain: str
    status: str = "open"
    step: str = "paste"
    version: int = 0
    created: datetime = field(default_factory=utcnow)
    updated: datetime = field(default_factory=utcnow)

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form (datetimes as ISO-8601 UTC)."""
        return {
            "id": self.id,
            "customer": self.customer,
            "domain": self.domain,
            "status": self.status,
            "step": self.step,
            "version": self.version,
            "created": to_iso(self.created),
            "updated": to_iso(self.updated),
        }


@dataclass(frozen=True, slots=True)
class Call:
    """One phone call on the case. ``end`` is None while the call is going on."""

    start: datetime
    agent: str
    end: datetime | None = None
    notes: str = ""
    uid: str = field(default_factory=new_uid)
    version: int = 0

    def content(self) -> tuple[Any, ...]:
        """The fields that matter for change detection (not uid/version)."""
        return (to_iso(self.start), self.end and to_iso(self.end), self.agent, self.notes)

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {
            "uid": self.uid,
            "start": to_iso(self.start),
            "end": to_iso(self.end) if self.end else None,
            "agent": self.agent,
            "notes": self.notes,
            "version": self.version,
        }


@dataclass(frozen=True, slots=True)
class SampleRecord:
    """One pasted or dropped input, verbatim (``kind``: ``spam`` or ``good``)."""

    source: str
    text: str
    kind: str = "spam"
    pasted_at: datetime = field(default_factory=utcnow)
    uid: str = field(default_factory=new_uid)
    version: int = 0

    def content(self) -> tuple[Any, ...]:
        """The fields that matter for change detection."""
        return (self.source, self.text, self.kind, to_iso(self.pasted_at))

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {
            "uid": self.uid,
            "source": self.source,
            "text": self.text,
            "kind": self.kind,
            "pasted_at": to_iso(self.pasted_at),
            "version": self.version,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision, as a log entry: the latest entry of a kind is the current value."""

    kind: str
    value: JsonValue
    at: datetime = field(default_factory=utcnow)
    agent: str = ""
    uid: str = field(default_factory=new_uid)
    version: int = 0

    def content(self) -> tuple[Any, ...]:
        """The fields that matter for change detection."""
        return (self.kind, canonical_json(self.value), to_iso(self.at), self.agent)

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {
            "uid": self.uid,
            "kind": self.kind,
            "value": self.value,
            "at": to_iso(self.at),
            "agent": self.agent,
            "version": self.version,
        }


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Something to check on a later call, due on a day."""

    due: date
    what: str
    done: bool = False
    uid: str = field(default_factory=new_uid)
    version: int = 0

    def content(self) -> tuple[Any, ...]:
        """The fields that matter for change detection."""
        return (self.due.isoformat(), self.what, self.done)

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {
            "uid": self.uid,
            "due": self.due.isoformat(),
            "what": self.what,
            "done": self.done,
            "version": self.version,
        }


@dataclass(frozen=True, slots=True)
class Case:
    """Everything kept about a case. ``findings`` is a JSON snapshot (see :func:`analyses_snapshot`);
    ``state`` holds the rest of the wizard state (customer IPs / host names, notes, extra areas)."""

    record: CaseRecord
    calls: tuple[Call, ...] = ()
    samples: tuple[SampleRecord, ...] = ()
    decisions: tuple[Decision, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    findings: JsonValue = None
    state: Mapping[str, JsonValue] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """The case id."""
        return self.record.id

    @property
    def version(self) -> int:
        """The version this copy was read at (0: never saved)."""
        return self.record.version

    def current(self, kind: str, default: JsonValue = None) -> JsonValue:
        """The current value of a decision kind (the latest entry), or ``default``."""
        for decision in reversed(self.decisions):
            if decision.kind == kind:
                return decision.value
        return default

    def last_decision(self, kind: str) -> Decision | None:
        """The latest decision of ``kind``, or None."""
        for decision in reversed(self.decisions):
            if decision.kind == kind:
                return decision
        return None

    def with_changes(self, **changes: Any) -> Case:
        """A copy with fields replaced (``record`` fields may be given as ``record=...``)."""
        return replace(self, **changes)

    def decide(self, kind: str, value: JsonValue, agent: str = "", at: datetime | None = None) -> Case:
        """A copy with a decision appended (nothing appended when the value is already current)."""
        last = self.last_decision(kind)
        if last is not None and canonical_json(last.value) == canonical_json(value):
            return self
        decision = Decision(kind=kind, value=value, at=at or utcnow(), agent=agent)
        return replace(self, decisions=(*self.decisions, decision))

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form of the whole case (the body of a case file)."""
        return {
            "record": self.record.to_json(),
            "calls": [c.to_json() for c in self.calls],
            "samples": [s.to_json() for s in self.samples],
            "decisions": [d.to_json() for d in self.decisions],
            "followups": [f.to_json() for f in self.followups],
            "findings": self.findings,
            "state": dict(self.state),
        }


class CaseFormatError(ValueError):
    """A case in JSON form is missing fields or has values of the wrong type."""


def _req(obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise CaseFormatError(f"{where}: missing {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CaseFormatError(f"{where}: {key!r} has the wrong type")
    return value


def _opt_dt(obj: Mapping[str, Any], key: str, where: str) -> datetime | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise CaseFormatError(f"{where}: {key!r} has the wrong type")
    return _dt(value, where, key)


def _dt(text: str, where: str, key: str) -> datetime:
    try:
        return from_iso(text)
    except ValueError:
        raise CaseFormatError(f"{where}: {key!r} is not an ISO date/time") from None


def _list(obj: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise CaseFormatError(f"case: {key!r} must be a list of objects")
    return value


def case_from_json(obj: Any) -> Case:
    """Rebuild a :class:`Case` from :meth:`Case.to_json` output; raises :class:`CaseFormatError`."""
    if not isinstance(obj, dict):
        raise CaseFormatError("case: not an object")
    rec = _req(obj, "record", dict, "case")
    record = CaseRecord(
        id=_req(rec, "id", str, "record"),
        customer=_req(rec, "customer", str, "record"),
        domain=_req(rec, "domain", str, "record"),
        status=_req(rec, "status", str, "record"),
        step=_req(rec, "step", str, "record"),
        version=_req(rec, "version", int, "record"),
        created=_dt(_req(rec, "created", str, "record"), "record", "created"),
        updated=_dt(_req(rec, "updated", str, "record"), "record", "updated"),
    )
    if not record.id.strip() or len(record.id) > 200:
        raise CaseFormatError("record: 'id' is empty or too long")
    calls = tuple(
        Call(
            uid=_req(c, "uid", str, "call"),
            start=_dt(_req(c, "start", str, "call"), "call", "start"),
            end=_opt_dt(c, "end", "call"),
            agent=_req(c, "agent", str, "call"),
            notes=_req(c, "notes", str, "call"),
            version=_req(c, "version", int, "call"),
        )
        for c in _list(obj, "calls")
    )
    samples = tuple(
        SampleRecord(
            uid=_req(s, "uid", str, "sample"),
            source=_req(s, "source", str, "sample"),
            text=_req(s, "text", str, "sample"),
            kind=_req(s, "kind", str, "sample"),
            pasted_at=_dt(_req(s, "pasted_at", str, "sample"), "sample", "pasted_at"),
            version=_req(s, "version", int, "sample"),
        )
        for s in _list(obj, "samples")
    )
    decisions = []
    for d in _list(obj, "decisions"):
        if "value" not in d:
            raise CaseFormatError("decision: missing 'value'")
        decisions.append(
            Decision(
                uid=_req(d, "uid", str, "decision"),
                kind=_req(d, "kind", str, "decision"),
                value=d["value"],
                at=_dt(_req(d, "at", str, "decision"), "decision", "at"),
                agent=_req(d, "agent", str, "decision"),
                version=_req(d, "version", int, "decision"),
            )
        )
    followups = []
    for f in _list(obj, "followups"):
        try:
            due = date.fromisoformat(_req(f, "due", str, "followup"))
        except ValueError:
            raise CaseFormatError("followup: 'due' is not an ISO date") from None
        followups.append(
            FollowUp(
                uid=_req(f, "uid", str, "followup"),
                due=due,
                what=_req(f, "what", str, "followup"),
                done=_req(f, "done", bool, "followup"),
                version=_req(f, "version", int, "followup"),
            )
        )
    state = obj.get("state", {})
    if not isinstance(state, dict):
        raise CaseFormatError("case: 'state' must be an object")
    uids = [row.uid for rows in (calls, samples, decisions, followups) for row in rows]
    if len(uids) != len(set(uids)):
        raise CaseFormatError("case: duplicate row uid")
    return Case(
        record=record,
        calls=calls,
        samples=samples,
        decisions=tuple(decisions),
        followups=tuple(followups),
        findings=obj.get("findings"),
        state=state,
    )


def new_case(customer: str, domain: str, agent: str = "", now: datetime | None = None) -> Case:
    """A fresh, unsaved case (version 0) with its first call started."""
    when = now or utcnow()
    record = CaseRecord(id=new_case_id(when), customer=customer, domain=domain, created=when, updated=when)
    return Case(record=record, calls=(Call(start=when, agent=agent),))


def analysis_snapshot(analysis: MessageAnalysis) -> dict[str, JsonValue]:
    """What a report needs from one analysed message, as JSON (the ``analyze --json`` keys)."""
    return {
        "source": analysis.source,
        "message_id": analysis.message_id,
        "subject": analysis.subject,
        "from": analysis.from_,
        "to": list(analysis.to),
        "date": to_iso(analysis.date) if analysis.date else None,
        "hops": [hop.to_json() for hop in analysis.hops],
        "handoff": analysis.handoff.to_json() if analysis.handoff else None,
        "claimed_origin": analysis.claimed_origin.to_json() if analysis.claimed_origin else None,
        "customer_is_origin": analysis.customer_is_origin,
        "auth_results": analysis.auth_results.to_json(),
        "spam": analysis.spam.to_json(),
        "findings": [f.to_json() for f in analysis.findings],
    }


def analyses_snapshot(analyses: Iterable[MessageAnalysis]) -> dict[str, JsonValue]:
    """The findings snapshot stored with a case: ``{"messages": [...]}``."""
    return {"messages": [analysis_snapshot(a) for a in analyses]}


def snapshot_messages(case: Case) -> list[dict[str, Any]]:
    """The analysed messages of a case's findings snapshot (tolerates a missing or odd snapshot)."""
    findings = case.findings
    if not isinstance(findings, dict):
        return []
    messages = findings.get("messages")
    if not isinstance(messages, list):
        return []
    return [m for m in messages if isinstance(m, dict)]
