"""Result types of the log reader: one :class:`MailRecord` per message, with per-recipient outcomes.

Dispositions are a closed set (see :data:`DISPOSITIONS`); the free-form ``status_text`` says the same in
plain English and keeps the server's own reply where there is one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

_enc = json.encoder.encode_basestring


def _s(value: str | None) -> str:
    return "null" if value is None else str(_enc(value))


def _num(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "null"
    return repr(float(value))


_ISO: dict[tuple[datetime, Any, int], str] = {}
_TESTS: dict[tuple[str, ...], str] = {}


def _iso(value: datetime) -> str:
    """``value.isoformat()``, cached (records share their stamps). The zone and ``fold`` are part of the
    key: aware datetimes that are equal can still print differently."""
    key = (value, value.tzinfo, value.fold)
    text = _ISO.get(key)
    if text is None:
        if len(_ISO) > 8192:
            _ISO.clear()
        text = _ISO[key] = value.isoformat()
    return text


DISPOSITIONS = ("inbox", "folder", "discarded", "rejected", "bounced", "deferred", "unknown")
"""Every value ``Delivery.disposition`` can take."""
_DISPOSITIONS_JSON = {d: str(_enc(d)) for d in DISPOSITIONS}


def _tests_json(tests: tuple[str, ...]) -> str:
    """The items of the ``tests`` array (rule lists repeat from message to message: cached)."""
    text = _TESTS.get(tests)
    if text is None:
        if len(_TESTS) > 4096:
            _TESTS.clear()
        text = _TESTS[tests] = ", ".join(map(_enc, tests))
    return text


@dataclass(frozen=True, slots=True)
class SpamInfo:
    """The content filter's verdict as logged (spamd, amavis, sa-exim). All None/empty when unscanned."""

    flag: bool | None = None
    score: float | None = None
    required: float | None = None
    tests: tuple[str, ...] = ()
    engine: str | None = None
    rule_scores: tuple[tuple[str, float], ...] = ()
    """Per-rule scores where the log gives them (amavis ``tests=[RULE=score,...]``)."""

    def to_json(self) -> dict[str, Any]:
        """Contract form: ``{"flag", "score", "tests"}``."""
        return {"flag": self.flag, "score": self.score, "tests": list(self.tests)}


@dataclass(frozen=True, slots=True)
class Delivery:
    """What finally became of the message for one recipient."""

    to: str
    disposition: str
    folder: str | None
    status_text: str
    time: datetime | None = None
    tagged: bool = False
    """Delivered with a spam tag (subject / header) rather than moved or dropped."""

    def to_json(self) -> dict[str, Any]:
        """Contract form: ``{"to", "disposition", "folder", "status_text"}``."""
        return {"to": self.to, "disposition": self.disposition, "folder": self.folder,
                "status_text": self.status_text}


@dataclass(frozen=True, slots=True)
class MailRecord:
    """One message as the server's logs tell it: every queue id it had, where it came from, the
    filter's verdict and the outcome per recipient."""

    queue_ids: tuple[str, ...]
    message_id: str | None
    client_ip: str | None
    client_host: str | None
    helo: str | None
    from_: str | None
    to: tuple[str, ...]
    spam: SpamInfo
    deliveries: tuple[Delivery, ...]
    first_seen: datetime
    last_seen: datetime
    host: str | None = None
    """The log's host name column (the server that wrote the lines), when there was one."""
    session_ids: tuple[str, ...] = ()
    """Delivery-agent session ids (Dovecot LMTP), which appear as ``with LMTP id`` in Received lines."""

    def to_json(self) -> dict[str, Any]:
        """The ``spam-wizard log --json`` contract form of one message."""
        return {
            "queue_ids": list(self.queue_ids),
            "message_id": self.message_id,
            "client_ip": self.client_ip,
            "helo": self.helo,
            "from": self.from_,
            "to": list(self.to),
            "spam": self.spam.to_json(),
            "deliveries": [d.to_json() for d in self.deliveries],
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
        }

    def json_text(self) -> str:
        """``json.dumps(self.to_json(), ensure_ascii=False)``, built directly (the CLI's hot path)."""
        spam = self.spam
        flag = "null" if spam.flag is None else ("true" if spam.flag else "false")
        enc = _enc
        disp = _DISPOSITIONS_JSON
        deliveries = ", ".join([
            f'{{"to": {enc(d.to)}, "disposition": {disp.get(d.disposition) or enc(d.disposition)}, '
            f'"folder": {"null" if d.folder is None else enc(d.folder)}, "status_text": {enc(d.status_text)}}}'
            for d in self.deliveries])
        mid, ip, helo, sender = self.message_id, self.client_ip, self.helo, self.from_
        return (f'{{"queue_ids": [{", ".join(map(enc, self.queue_ids))}], '
                f'"message_id": {"null" if mid is None else enc(mid)}, '
                f'"client_ip": {"null" if ip is None else enc(ip)}, "helo": {"null" if helo is None else enc(helo)}, '
                f'"from": {"null" if sender is None else enc(sender)}, "to": [{", ".join(map(enc, self.to))}], '
                f'"spam": {{"flag": {flag}, "score": {"null" if spam.score is None else _num(spam.score)}, '
                f'"tests": [{_tests_json(spam.tests) if spam.tests else ""}]}}, "deliveries": [{deliveries}], '
                f'"first_seen": "{_iso(self.first_seen)}", "last_seen": "{_iso(self.last_seen)}"}}')

    @property
    def sender_domain(self) -> str | None:
        """Domain of the envelope sender, lower-case, or None for ``<>`` / unknown."""
        if not self.from_ or "@" not in self.from_:
            return None
        return self.from_.rpartition("@")[2].lower().rstrip(".>") or None
