"""Verification of a block-list change against the delivery log: what arrived from the listed senders
after the change, and what became of it, stated as findings; plus per-recipient hourly spam counts.

Streaming: feed records to :class:`Verifier` one by one, then call :meth:`Verifier.report`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from wizard.core.maillog.records import MailRecord
from wizard.core.model import Finding, JsonValue, finding

BLOCKLIST_RULES: Mapping[str, float] = {
    "USER_IN_BLOCKLIST": 100.0, "USER_IN_BLACKLIST": 100.0,
    "USER_IN_BLOCKLIST_TO": 10.0, "USER_IN_BLACKLIST_TO": 10.0,
    "BLOCKLIST_FROM": 100.0, "BLACKLIST_FROM": 100.0,
}
"""SpamAssassin's block-list rules and their default scores (used when the log gives no per-rule score)."""

MAX_LISTED = 500

TEXTS_EN: Mapping[str, str] = {
    "blocklist_scored_but_delivered": (
        "After {since}, {count} messages from {domain} were scored as spam ({rules}, +{score_delta}) and all "
        "were delivered to {delivered_to}: the block list only adds score while the action is 'deliver'."),
    "blocklist_partly_delivered": (
        "After {since}, {count} messages from {domain} arrived; {delivered} of them were still delivered to "
        "{delivered_to} although scored as spam ({rules})."),
    "blocklist_not_applied": (
        "After {since}, {count} messages from {domain} were delivered to {delivered_to} without being scored "
        "as spam: the block list is not being applied (is the spam filter switched on for this address?)."),
    "blocklist_moved_to_folder": (
        "After {since}, {count} messages from {domain} were moved to the folder '{folder}': "
        "the action works."),
    "blocklist_discarded": "After {since}, {count} messages from {domain} were discarded on the server.",
    "blocklist_rejected": "After {since}, {count} messages from {domain} were refused by the server.",
    "blocklist_no_messages": "No message from {domain} arrived after {since} in this log.",
    "recipient_unknown_rejected": (
        "{count} messages to {address} were refused as 'user unknown' (the address no longer exists), "
        "the first at {first}."),
    "spam_started": "Spam to {recipient} started at {first} ({count} messages in this log).",
}
"""Plain English for the finding codes above (the UI has translated copies in its message table)."""


def describe_en(item: Finding) -> str:
    """The finding in plain English (CLI output)."""
    template = TEXTS_EN.get(item.code)
    if template is None:
        return item.code
    try:
        return template.format(**{k: ("" if v is None else v) for k, v in item.params.items()})
    except (KeyError, IndexError, ValueError):
        return template


@dataclass(frozen=True, slots=True)
class BlockEntry:
    """One block-list entry: a whole domain (``*@domain``, ``domain``, ``@domain``) or one address."""

    raw: str
    domain: str
    local: str | None = None

    def matches(self, address: str | None) -> bool:
        """True for an envelope sender this entry covers (subdomains included for domain entries)."""
        if not address or "@" not in address:
            return False
        local, _, dom = address.lower().rpartition("@")
        dom = dom.rstrip(".")
        if self.local is not None:
            return local == self.local and dom == self.domain
        return dom == self.domain or dom.endswith("." + self.domain)


def parse_entries(entries: Iterable[str]) -> tuple[BlockEntry, ...]:
    """Block-list entries as typed in a control panel; blanks and nonsense are skipped."""
    out: list[BlockEntry] = []
    for raw in entries:
        text = raw.strip().strip("<>").lower().rstrip(".")
        if not text:
            continue
        if "@" in text:
            local, _, dom = text.rpartition("@")
            if not dom or " " in dom:
                continue
            if local in ("", "*"):
                out.append(BlockEntry(raw.strip(), dom.lstrip("*.")))
            else:
                out.append(BlockEntry(raw.strip(), dom, local))
        elif "." in text and " " not in text:
            out.append(BlockEntry(raw.strip(), text.lstrip("*.")))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class MatchedMessage:
    """One message from a listed sender that arrived after the change."""

    time: datetime
    from_: str | None
    to: tuple[str, ...]
    score: float | None
    flagged: bool | None
    tests: tuple[str, ...]
    outcomes: tuple[tuple[str, str, str | None], ...]
    """(recipient, disposition, folder) per recipient."""

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form."""
        return {"time": self.time.isoformat(), "from": self.from_, "to": list(self.to), "score": self.score,
                "spam": self.flagged, "tests": list(self.tests),
                "outcomes": [{"to": t, "disposition": d, "folder": f} for t, d, f in self.outcomes]}


@dataclass(frozen=True, slots=True)
class VerificationReport:
    """What the log shows about a block-list change."""

    since: datetime | None
    entries: tuple[str, ...]
    domains: tuple[str, ...]
    total: int
    by_disposition: Mapping[str, int]
    spam_flagged: int
    messages: tuple[MatchedMessage, ...]
    findings: tuple[Finding, ...]
    hourly: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """recipient -> hour (ISO, start of the hour) -> spam messages that hour (all senders)."""

    def to_json(self) -> dict[str, JsonValue]:
        """The ``verification`` object of ``spam-wizard log --json``."""
        return {
            "since": self.since.isoformat() if self.since else None,
            "entries": list(self.entries),
            "domains": list(self.domains),
            "total": self.total,
            "by_disposition": dict(self.by_disposition),
            "spam_flagged": self.spam_flagged,
            "messages": [m.to_json() for m in self.messages],
            "findings": [f.to_json() for f in self.findings],
            "findings_text": [describe_en(f) for f in self.findings],
            "per_recipient_hourly": {r: dict(h) for r, h in self.hourly.items()},
        }


def _unknown_user(text: str) -> bool:
    low = text.lower()
    return "user unknown" in low or "unknown user" in low or " 5.1.1 " in text or "no such user" in low


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "the start of the log"


class Verifier:
    """Accumulates records (any order) and builds the :class:`VerificationReport`."""

    def __init__(self, entries: Sequence[str], since: datetime | None, until: datetime | None = None) -> None:
        self.entries = tuple(entries)
        self.parsed = parse_entries(entries)
        self.since = since
        self.until = until
        self._since_ts = since.timestamp() if since else None
        self._until_ts = until.timestamp() if until else None
        self._total = 0
        self._by_disp: Counter[str] = Counter()
        self._flagged = 0
        self._messages: list[MatchedMessage] = []
        self._delivered_flagged = 0
        self._delivered_unflagged = 0
        self._folders: Counter[str] = Counter()
        self._rules: Counter[str] = Counter()
        self._rule_scores: dict[str, float] = {}
        self._unknown_user: dict[str, list[datetime]] = {}
        self._hourly: dict[str, Counter[str]] = {}
        self._first_spam: dict[str, datetime] = {}

    def _listed(self, rec: MailRecord) -> bool:
        return any(e.matches(rec.from_) for e in self.parsed)

    def add(self, rec: MailRecord) -> None:
        """Take one record into account."""
        listed = self._listed(rec)
        if rec.spam.flag or listed:
            hour = rec.first_seen.replace(minute=0, second=0, microsecond=0).isoformat()
            for rcpt in rec.to or ("",):
                if not rcpt:
                    continue
                key = rcpt.lower()
                self._hourly.setdefault(key, Counter())[hour] += 1
                first = self._first_spam.get(key)
                if first is None or rec.first_seen < first:
                    self._first_spam[key] = rec.first_seen
        if not listed:
            return
        deliveries = []
        for d in rec.deliveries:
            if d.disposition == "rejected" and _unknown_user(d.status_text):
                self._unknown_user.setdefault(d.to.lower(), []).append(rec.first_seen)
            else:
                deliveries.append(d)
        if not deliveries and rec.deliveries:
            return  # refused only because the address is gone: not the block list's doing
        if self._since_ts is not None and rec.first_seen.timestamp() < self._since_ts:
            return
        if self._until_ts is not None and rec.first_seen.timestamp() >= self._until_ts:
            return
        self._total += 1
        if rec.spam.flag:
            self._flagged += 1
            for t in rec.spam.tests:
                if t in BLOCKLIST_RULES:
                    self._rules[t] += 1
            for name, score in rec.spam.rule_scores:
                if name in BLOCKLIST_RULES:
                    self._rule_scores[name] = score
        for d in deliveries:
            self._by_disp[d.disposition] += 1
            if d.disposition == "inbox":
                if rec.spam.flag:
                    self._delivered_flagged += 1
                else:
                    self._delivered_unflagged += 1
            elif d.disposition == "folder" and d.folder:
                self._folders[d.folder] += 1
        if len(self._messages) < MAX_LISTED:
            self._messages.append(MatchedMessage(
                rec.first_seen, rec.from_, rec.to, rec.spam.score, rec.spam.flag, rec.spam.tests,
                tuple((d.to, d.disposition, d.folder) for d in deliveries)))

    def report(self) -> VerificationReport:
        """The findings in plain-words parameters (see :data:`TEXTS_EN`)."""
        domains = tuple(dict.fromkeys(e.domain if e.local is None else f"{e.local}@{e.domain}"
                                      for e in self.parsed))
        domain = ", ".join(domains)
        since = _when(self.since)
        found: list[Finding] = []
        deliveries = sum(self._by_disp.values())
        inbox = self._by_disp.get("inbox", 0)
        if self.parsed and self._total == 0:
            found.append(finding("blocklist_no_messages", "info", since=since, domain=domain))
        elif self._total:
            rules = sorted(self._rules) or []
            delta = sum(self._rule_scores.get(r, BLOCKLIST_RULES[r]) for r in rules) if rules else None
            if inbox and inbox == deliveries and self._delivered_unflagged == 0:
                found.append(finding("blocklist_scored_but_delivered", "warning", since=since,
                                     count=self._total, domain=domain, rules=", ".join(rules) or "-",
                                     score_delta=(f"{delta:g}" if delta is not None else "?"),
                                     delivered_to="INBOX"))
            elif self._delivered_unflagged:
                found.append(finding("blocklist_not_applied", "critical", since=since,
                                     count=self._delivered_unflagged, domain=domain, delivered_to="INBOX"))
            elif inbox:
                found.append(finding("blocklist_partly_delivered", "warning", since=since, count=self._total,
                                     domain=domain, delivered=inbox, delivered_to="INBOX",
                                     rules=", ".join(rules) or "-"))
            if self._folders:
                folder, _n = self._folders.most_common(1)[0]
                found.append(finding("blocklist_moved_to_folder", "info", since=since,
                                     count=sum(self._folders.values()), domain=domain, folder=folder))
            if self._by_disp.get("discarded"):
                found.append(finding("blocklist_discarded", "info", since=since,
                                     count=self._by_disp["discarded"], domain=domain))
            if self._by_disp.get("rejected"):
                found.append(finding("blocklist_rejected", "info", since=since,
                                     count=self._by_disp["rejected"], domain=domain))
        for address, times in sorted(self._unknown_user.items()):
            found.append(finding("recipient_unknown_rejected", "info", address=address, count=len(times),
                                 first=_when(min(times))))
        for rcpt, first in sorted(self._first_spam.items(), key=lambda kv: kv[1])[:5]:
            found.append(finding("spam_started", "info", recipient=rcpt, first=_when(first),
                                 count=sum(self._hourly.get(rcpt, Counter()).values())))
        return VerificationReport(
            since=self.since, entries=self.entries, domains=domains, total=self._total,
            by_disposition=dict(self._by_disp), spam_flagged=self._flagged, messages=tuple(self._messages),
            findings=tuple(found),
            hourly={r: dict(sorted(c.items())) for r, c in sorted(self._hourly.items())})


def verify(records: Iterable[MailRecord], entries: Sequence[str],
           since: datetime | None, until: datetime | None = None) -> VerificationReport:
    """One-call form of :class:`Verifier` (``until``: only messages before it, e.g. a later change)."""
    v = Verifier(entries, since, until)
    for rec in records:
        v.add(rec)
    return v.report()


def hourly_spam(records: Iterable[MailRecord]) -> dict[str, dict[str, int]]:
    """recipient -> hour ISO -> count of spam-flagged messages (for the chart)."""
    return {r: dict(h) for r, h in verify(records, (), None).hourly.items()}
