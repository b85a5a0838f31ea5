"""Frozen result types shared by every part of the analysis core.

Findings carry a stable ``code``, a ``severity`` and JSON-serialisable ``params``; the words shown to
a person are chosen by the UI (translated) or the CLI, never stored here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

JsonValue = Any
"""A value that ``json.dumps`` accepts (str, int, float, bool, None, lists and dicts of those)."""


class Severity(StrEnum):
    """How much a finding matters to the agent on the call."""

    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Sort key: critical first when sorted descending."""
        return {"info": 0, "warning": 1, "critical": 2}[self.value]


def _freeze(params: Mapping[str, JsonValue] | None) -> Mapping[str, JsonValue]:
    return MappingProxyType(dict(params or {}))


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation about the input: a stable code, a severity and its parameters."""

    code: str
    severity: Severity
    params: Mapping[str, JsonValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", _freeze(self.params))

    def to_json(self) -> dict[str, JsonValue]:
        """The JSON contract form: ``{"code", "severity", "params"}``."""
        return {"code": self.code, "severity": self.severity.value, "params": dict(self.params)}


def finding(code: str, severity: Severity | str, **params: JsonValue) -> Finding:
    """Shorthand used throughout the core: ``finding("forged_hop", "warning", hop=3)``."""
    return Finding(code, Severity(severity), params)


@dataclass(frozen=True, slots=True)
class Hop:
    """One Received header, parsed. Field names follow SpamAssassin's relay metadata.

    ``delay_s`` and ``trusted`` are filled in by the trace (they depend on the neighbours and on the
    policy); the parser leaves them at their defaults.
    """

    raw: str
    from_helo: str | None = None
    from_rdns: str | None = None
    from_ip: str | None = None
    ident: str | None = None
    by: str | None = None
    with_: str | None = None
    id: str | None = None
    for_: str | None = None
    envfrom: str | None = None
    auth: str | None = None
    timestamp: datetime | None = None
    relay: bool = True
    delay_s: float | None = None
    trusted: bool = False
    mta: str | None = None
    """Which format family recognised the line (postfix, exim, exchange, ...), for display only."""
    source_header: str = "Received"
    """``Received`` or the header a synthetic hop came from (``X-Originating-IP`` and kin)."""

    def to_json(self) -> dict[str, JsonValue]:
        """The JSON contract form of a hop (``with``/``for`` without the trailing underscore)."""
        return {
            "from_helo": self.from_helo,
            "from_rdns": self.from_rdns,
            "from_ip": self.from_ip,
            "ident": self.ident,
            "by": self.by,
            "with": self.with_,
            "id": self.id,
            "for": self.for_,
            "envfrom": self.envfrom,
            "auth": self.auth,
            "timestamp": iso_utc(self.timestamp),
            "delay_s": self.delay_s,
            "relay": self.relay,
            "trusted": self.trusted,
            "raw": self.raw,
        }


@dataclass(frozen=True, slots=True)
class Handoff:
    """The first untrusted relay: the address that handed the mail to our servers."""

    ip: str
    rdns: str | None
    helo: str | None
    hop: int

    def to_json(self) -> dict[str, JsonValue]:
        """JSON contract form."""
        return {"ip": self.ip, "rdns": self.rdns, "helo": self.helo, "hop": self.hop}


@dataclass(frozen=True, slots=True)
class ClaimedOrigin:
    """The bottom-most public client on a consistent chain. Forgeable: lines below the handoff are
    written by whoever sent the mail."""

    ip: str
    hop: int
    private: bool

    def to_json(self) -> dict[str, JsonValue]:
        """JSON contract form."""
        return {"ip": self.ip, "hop": self.hop, "private": self.private}


@dataclass(frozen=True, slots=True)
class AuthResults:
    """SPF / DKIM / DMARC verdicts as recorded by a receiving server (not re-checked)."""

    spf: str | None = None
    dkim: str | None = None
    dmarc: str | None = None

    def to_json(self) -> dict[str, JsonValue]:
        """JSON contract form."""
        return {"spf": self.spf, "dkim": self.dkim, "dmarc": self.dmarc}


@dataclass(frozen=True, slots=True)
class SpamVerdict:
    """What a content filter wrote into the headers (SpamAssassin, Microsoft, ...)."""

    flag: bool | None = None
    score: float | None = None
    required: float | None = None
    tests: tuple[str, ...] = ()
    engine: str | None = None

    def to_json(self) -> dict[str, JsonValue]:
        """JSON contract form."""
        return {"flag": self.flag, "score": self.score, "required": self.required, "tests": list(self.tests)}


@dataclass(frozen=True, slots=True)
class MessageAnalysis:
    """Everything the trace step knows about one pasted message."""

    source: str
    message_id: str | None = None
    subject: str | None = None
    from_: str | None = None
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    date: datetime | None = None
    return_path: str | None = None
    """The envelope sender as the final server recorded it (Return-Path), bare address or ``""`` for <>."""
    hops: tuple[Hop, ...] = ()
    """Header order: hops[0] is the topmost (newest) Received header."""
    handoff: Handoff | None = None
    claimed_origin: ClaimedOrigin | None = None
    customer_is_origin: bool | None = None
    authenticated_submission: bool = False
    auth_results: AuthResults = AuthResults()
    dkim_domains: tuple[str, ...] = ()
    spam: SpamVerdict = SpamVerdict()
    findings: tuple[Finding, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    """All header fields in order, names as written, values unfolded and decoded for display."""
    raw_headers: str = ""
    """The header block as received (after repair of paste damage), for re-parsing and export."""

    def header(self, name: str) -> str | None:
        """The first header field called ``name`` (case-insensitive), decoded, or None."""
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None

    def header_all(self, name: str) -> tuple[str, ...]:
        """Every header field called ``name`` (case-insensitive), in order."""
        lname = name.lower()
        return tuple(value for key, value in self.headers if key.lower() == lname)


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read at all (the others are still reported)."""

    source: str
    message: str
    code: str = "unreadable"

    def to_json(self) -> dict[str, JsonValue]:
        """JSON contract form: ``{"source", "message"}``."""
        return {"source": self.source, "message": self.message}


def iso_utc(value: datetime | None) -> str | None:
    """ISO-8601 in UTC with a ``Z``-free ``+00:00`` offset, or None. Naive datetimes are taken as UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    elif value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat()
