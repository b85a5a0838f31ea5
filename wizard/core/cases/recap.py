""""Since last call": what was decided on earlier calls and what to verify on this one (Qt-free).

Items carry a stable ``code`` and JSON ``params``; the words are chosen by the UI (translated) or by
:mod:`wizard.core.cases.exports` (texts in ``resources/reports``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from wizard.core.cases.model import Call, Case, Decision, utcnow

VERIFY_KINDS = ("deleted_address", "blocklist", "action", "sensitivity")
"""Decisions whose effect must be checked against real behaviour on a later call (the post's lesson)."""


@dataclass(frozen=True, slots=True)
class RecapItem:
    """One line of the recap: ``decided_*``, ``verify_*``, ``followup_due`` or ``previous_call``."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    at: datetime | None = None


def previous_call(case: Case, now: datetime | None = None) -> Call | None:
    """The latest call that has ended before ``now`` (the call this one follows), or None."""
    now = now or utcnow()
    ended = [c for c in case.calls if c.end is not None and c.start <= now]
    return max(ended, key=lambda c: c.start) if ended else None


def _verified(case: Case, decision: Decision) -> bool:
    for later in case.decisions:
        if later.kind != "verification" or later.at < decision.at:
            continue
        value = later.value
        if isinstance(value, dict) and value.get("kind") == decision.kind:
            return True
    return False


def _value_param(decision: Decision) -> dict[str, Any]:
    value = decision.value
    if decision.kind == "blocklist":
        entries = value if isinstance(value, list) else [value]
        return {"entries": ", ".join(str(v) for v in entries)}
    if decision.kind == "departed":
        entries = value if isinstance(value, list) else [value]
        return {"addresses": ", ".join(str(v) for v in entries)}
    if decision.kind == "deleted_address":
        return {"address": str(value)}
    if decision.kind == "note":
        return {"text": str(value)}
    return {"value": value if isinstance(value, str | int | float) or value is None else str(value)}


def recap(case: Case, now: datetime | None = None, today: date | None = None) -> list[RecapItem]:
    """What the agent should know when the case is resumed.

    First the previous call (who, when, its notes), then the decisions made since that call began,
    then what to verify now (each decided block list / action / deletion / sensitivity not yet
    verified), then follow-ups due today or overdue.
    """
    now = now or utcnow()
    today = today or now.astimezone().date()
    items: list[RecapItem] = []
    prev = previous_call(case, now)
    if prev is not None:
        items.append(RecapItem("previous_call", {"agent": prev.agent, "notes": prev.notes}, prev.start))
    since = prev.start if prev is not None else None
    for decision in case.decisions:
        if decision.kind == "verification":
            continue
        if since is None or decision.at >= since:
            params = _value_param(decision)
            params["agent"] = decision.agent
            items.append(RecapItem(f"decided_{decision.kind}", params, decision.at))
    for kind in VERIFY_KINDS:
        last = case.last_decision(kind)
        if last is None or last.value in (None, "", []) or _verified(case, last):
            continue
        items.append(RecapItem(f"verify_{kind}", _value_param(last), last.at))
    for followup in case.followups:
        if not followup.done and followup.due <= today:
            items.append(
                RecapItem("followup_due", {"what": followup.what, "due": followup.due.isoformat()}, None)
            )
    return items
