"""Find the log record of a pasted message: by the queue id our own server wrote into its Received
line (the most specific), else by Message-ID (preferring a record for the same recipient)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wizard.core.maillog.records import MailRecord
from wizard.core.model import MessageAnalysis


def normalize_mid(value: str | None) -> str:
    """Message-ID without angle brackets or blanks, lower-cased (for comparison only)."""
    if not value:
        return ""
    return value.strip().strip("<>").strip().lower()


@dataclass(frozen=True, slots=True)
class LogMatch:
    """A record found for a sample, and how."""

    record: MailRecord
    via: str
    """``queue_id`` or ``message_id``."""
    hop: int | None = None
    """Index of the Received hop whose id matched (hops[0] is the topmost)."""


class RecordIndex:
    """Records indexed by queue id and Message-ID."""

    def __init__(self, records: Iterable[MailRecord] = ()) -> None:
        self._by_qid: dict[str, MailRecord] = {}
        self._by_mid: dict[str, list[MailRecord]] = {}
        for rec in records:
            self.add(rec)

    def add(self, rec: MailRecord) -> None:
        """Index one record."""
        for q in (*rec.queue_ids, *rec.session_ids):
            self._by_qid[q] = rec
        if rec.message_id:
            self._by_mid.setdefault(normalize_mid(rec.message_id), []).append(rec)

    def by_message_id(self, mid: str) -> list[MailRecord]:
        """Every record with this Message-ID."""
        return list(self._by_mid.get(normalize_mid(mid), ()))

    def match(self, analysis: MessageAnalysis) -> LogMatch | None:
        """The record of one pasted message, or None."""
        for index, hop in enumerate(analysis.hops):
            qid = (hop.id or "").strip().strip(";,.")
            if qid and qid in self._by_qid:
                return LogMatch(self._by_qid[qid], "queue_id", index)
        candidates = self._by_mid.get(normalize_mid(analysis.message_id)) if analysis.message_id else None
        if not candidates:
            return None
        wanted = {a.lower() for a in analysis.to}
        wanted |= {h.for_.strip("<>").lower() for h in analysis.hops if h.for_}
        for rec in reversed(candidates):
            if wanted & {t.lower() for t in rec.to}:
                return LogMatch(rec, "message_id")
        return LogMatch(candidates[-1], "message_id")


def match_samples(analyses: Iterable[MessageAnalysis], records: Iterable[MailRecord]
                  ) -> list[tuple[MessageAnalysis, LogMatch | None]]:
    """Each analysis with its record (or None)."""
    index = RecordIndex(records)
    return [(a, index.match(a)) for a in analyses]
