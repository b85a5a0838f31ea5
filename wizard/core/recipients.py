"""Which of the customer's addresses the spam targets, since when, and which one to delete.

Sources, per message: To, Cc, the ``for`` clause of our own Received line (the envelope recipient the
receiving server recorded; it shows Bcc'd targets that To/Cc do not), and, when a delivery log is loaded,
the envelope recipients of each delivery. Log records are accepted as plain ``(recipients, timestamp)``
pairs so this module does not depend on the log parser's types.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from wizard.core.accounts import Account
from wizard.core.model import Finding, JsonValue, MessageAnalysis, finding, iso_utc

LogRecord = tuple[Iterable[str], datetime | None]
"""One delivery from a log: the envelope recipients and when it happened."""

FLOOD_GAP = timedelta(hours=6)
"""Two logged deliveries further apart than this are not the same flood."""

SAMPLE_GAP = timedelta(days=3)
"""The same for pasted samples only: they are a few picks out of the flood, so gaps are wider."""

STALE_LOGIN = timedelta(days=90)

_ADDR_RE = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


@dataclass(frozen=True, slots=True)
class TargetedAddress:
    """One of the customer's addresses and how the spam reaches it."""

    address: str
    count: int
    """Spam samples addressed to it (each message counted once)."""
    log_count: int = 0
    """Deliveries to it in the loaded log."""
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    via: tuple[str, ...] = ()
    """Where it was seen: ``to``, ``cc``, ``for`` (our Received line), ``envelope`` (log, or the
    ``X-Original-To`` header)."""
    departed: bool = False
    kind: str | None = None
    """From the account list: ``mailbox``, ``alias``, ``forward``, ``list``; None when unknown."""
    status: str | None = None
    last_login: datetime | None = None
    good_count: int = 0
    """Known-good (legitimate) samples addressed to it."""
    registered: bool | None = None
    """In the account list? None when no list was imported."""

    @property
    def total(self) -> int:
        """Samples plus log deliveries."""
        return self.count + self.log_count

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form used by ``spam-wizard recipients --json``."""
        return {
            "address": self.address,
            "count": self.count,
            "log_count": self.log_count,
            "first_seen": iso_utc(self.first_seen),
            "last_seen": iso_utc(self.last_seen),
            "via": list(self.via),
            "departed": self.departed,
            "kind": self.kind,
            "status": self.status,
            "last_login": iso_utc(self.last_login),
            "good_count": self.good_count,
            "registered": self.registered,
        }


@dataclass(frozen=True, slots=True)
class RecipientReport:
    """Result of :func:`analyze_recipients`."""

    addresses: tuple[TargetedAddress, ...] = ()
    """Most targeted first."""
    flood_start: datetime | None = None
    """Start of the latest continuous burst of spam (gaps under :data:`FLOOD_GAP`)."""
    recommendation: str | None = None
    """The address to delete: departed and targeted (the most targeted one if several)."""
    findings: tuple[Finding, ...] = ()
    domains: tuple[str, ...] = ()
    """The customer's domains the analysis considered."""
    messages: int = 0
    log_records: int = 0
    extra: Mapping[str, JsonValue] = field(default_factory=dict)

    def get(self, address: str) -> TargetedAddress | None:
        """The entry for ``address`` (case-insensitive), if targeted."""
        wanted = address.strip().lower()
        return next((a for a in self.addresses if a.address == wanted), None)

    def to_json(self) -> dict[str, JsonValue]:
        """JSON form used by ``spam-wizard recipients --json``."""
        return {
            "addresses": [a.to_json() for a in self.addresses],
            "flood_start": iso_utc(self.flood_start),
            "recommendation": self.recommendation,
            "domains": list(self.domains),
            "messages": self.messages,
            "log_records": self.log_records,
            "findings": [f.to_json() for f in self.findings],
        }


_PLAIN_RE = re.compile(r"<?([A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>?")


@lru_cache(maxsize=8192)
def normalize_address(text: str) -> str | None:
    """The bare, lower-cased address in ``text`` (``"Tanaka <T@Example.co.jp>"`` -> ``t@example.co.jp``)."""
    plain = _PLAIN_RE.fullmatch(text) if text and text.isascii() else None
    if plain is not None:  # the common case (log recipients, for clauses): no normalisation needed
        return plain.group(1).lower()
    cleaned = unicodedata.normalize("NFKC", text or "")
    match = _ADDR_RE.search(cleaned)
    if match is None:
        return None
    return match.group(0).strip(".").lower()


def _addresses(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        parts = [value] if "," not in (value or "") else re.split(r",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", value)
        for part in parts:
            addr = normalize_address(part)
            if addr and addr not in out:
                out.append(addr)
    return out


def _domain(addr: str) -> str:
    return addr.rsplit("@", 1)[-1]


def _our_for(message: MessageAnalysis) -> list[str]:
    """Envelope recipients from our own Received line(s): trusted hops first, else the topmost one."""
    trusted = [h for h in message.hops if h.trusted and h.for_]
    hops = trusted or [h for h in message.hops[:1] if h.for_]
    return _addresses(h.for_ or "" for h in hops)


def _received_time(message: MessageAnalysis) -> datetime | None:
    """When our server received it (topmost timestamp), else the Date header."""
    for hop in message.hops:
        if hop.timestamp is not None:
            return _utc(hop.timestamp)
    return _utc(message.date) if message.date is not None else None


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def flood_start(times: Iterable[datetime], gap: timedelta = FLOOD_GAP) -> datetime | None:
    """The first time of the latest run of events whose consecutive gaps are all under ``gap``."""
    ordered = sorted(_utc(t) for t in times)
    if not ordered:
        return None
    start = ordered[-1]
    for earlier in reversed(ordered[:-1]):
        if start - earlier > gap:
            break
        start = earlier
    return start


@dataclass
class _Acc:
    count: int = 0
    log_count: int = 0
    good: int = 0
    times: list[datetime] = field(default_factory=list)
    via: list[str] = field(default_factory=list)


def analyze_recipients(
    spam: Iterable[MessageAnalysis],
    *,
    good: Iterable[MessageAnalysis] = (),
    log_records: Iterable[LogRecord] = (),
    accounts: Mapping[str, Account] | Sequence[Account] = (),
    departed: Iterable[str] = (),
    domains: Iterable[str] = (),
    now: datetime | None = None,
) -> RecipientReport:
    """Count which of the customer's addresses the spam targets and recommend what to delete.

    The customer's addresses are those in ``domains`` or in the account list; when neither is given,
    the domains of the envelope recipients our server recorded (``for``), else of every To/Cc address.
    ``departed`` are addresses the agent marked as belonging to someone who left (the account list's
    status can say so too). Never raises for odd input; a message without recipients is just skipped.
    """
    spam = list(spam)
    good = list(good)
    account_map: dict[str, Account] = (
        {k.lower(): v for k, v in accounts.items()} if isinstance(accounts, Mapping)
        else {a.address.lower(): a for a in accounts}
    )
    marked = {a for a in (normalize_address(d) for d in departed) if a}
    marked |= {a for a, acc in account_map.items() if acc.departed}
    findings: list[Finding] = []

    wanted = {d.strip().lower().lstrip("@").rstrip(".") for d in domains if d.strip()}
    if not wanted:
        wanted = {_domain(a) for a in account_map}
    if not wanted:
        wanted = {_domain(a) for m in spam for a in _our_for(m)}
    if not wanted:
        wanted = {_domain(a) for m in spam for a in _addresses([*m.to, *m.cc])}
    wanted |= {_domain(a) for a in marked}

    def ours(addr: str) -> bool:
        return _domain(addr) in wanted or addr in account_map

    acc: dict[str, _Acc] = {}
    all_times: list[datetime] = []
    for message in spam:
        seen: dict[str, list[str]] = {}
        sources = (
            ("to", message.to), ("cc", message.cc), ("for", tuple(_our_for(message))),
            # Postfix's X-Original-To: the envelope recipient before alias expansion.
            ("envelope", message.header_all("X-Original-To")),
        )
        for label, values in sources:
            for addr in _addresses(values):
                if ours(addr):
                    seen.setdefault(addr, []).append(label)
        if not seen:
            continue
        when = _received_time(message)
        if when is not None:
            all_times.append(when)
        for addr, labels in seen.items():
            entry = acc.setdefault(addr, _Acc())
            entry.count += 1
            for label in labels:
                if label not in entry.via:
                    entry.via.append(label)
            if when is not None:
                entry.times.append(when)

    n_records = 0
    for recipients, when in log_records:
        n_records += 1
        hit = False
        rcpts = [recipients] if isinstance(recipients, str) else list(recipients)
        for addr in _addresses(rcpts):
            if not ours(addr):
                continue
            hit = True
            entry = acc.setdefault(addr, _Acc())
            entry.log_count += 1
            if "envelope" not in entry.via:
                entry.via.append("envelope")
            if when is not None:
                entry.times.append(_utc(when))
        if hit and when is not None:
            all_times.append(_utc(when))

    for message in good:
        for addr in _addresses([*message.to, *message.cc, *_our_for(message)]):
            if addr in acc:
                acc[addr].good += 1

    targeted: list[TargetedAddress] = []
    for addr, entry in acc.items():
        account = account_map.get(addr)
        targeted.append(TargetedAddress(
            address=addr,
            count=entry.count,
            log_count=entry.log_count,
            first_seen=min(entry.times) if entry.times else None,
            last_seen=max(entry.times) if entry.times else None,
            via=tuple(entry.via),
            departed=addr in marked,
            kind=account.kind if account else None,
            status=account.status if account else None,
            last_login=account.last_login if account else None,
            good_count=entry.good,
            registered=(account is not None) if account_map else None,
        ))
    targeted.sort(key=lambda t: (-t.total, t.first_seen or datetime.max.replace(tzinfo=UTC), t.address))
    start = flood_start(all_times, FLOOD_GAP if n_records else SAMPLE_GAP)

    recommendation: str | None = None
    departed_targets = [t for t in targeted if t.departed and t.registered is not False]
    if not targeted:
        findings.append(finding("recipients_none", "warning", messages=len(spam),
                                domains=", ".join(sorted(wanted)) or "-"))
    elif departed_targets:
        best = departed_targets[0]
        recommendation = best.address
        findings.append(finding("recipients_recommend_delete", "info", address=best.address,
                                count=best.total, first_seen=iso_utc(best.first_seen)))
        findings.extend(_warnings_for(best, account_map))
        findings.append(finding("recipients_predict_bounce", "info", address=best.address))
        others = [t.address for t in targeted if t.address != best.address]
        findings.append(finding("recipients_predict_move", "warning" if others else "info",
                                address=best.address, others=", ".join(others) or "-"))
    else:
        findings.append(finding("recipients_ask_departed", "info",
                                addresses=", ".join(t.address for t in targeted[:5])))
    # "Not logged in for months" is judged against the flood's time, not today's (old cases replay).
    reference = now or (max(all_times) if all_times else datetime.now(UTC))
    for t in targeted:
        if t.registered is False:
            findings.append(finding("recipients_not_registered", "warning", address=t.address))
        if not t.departed and t.last_login is not None and reference - t.last_login > STALE_LOGIN:
            findings.append(finding("recipients_stale_login", "info", address=t.address,
                                    last_login=iso_utc(t.last_login)))
    for addr in sorted(marked - {t.address for t in targeted}):
        findings.append(finding("recipients_departed_not_targeted", "info", address=addr))

    return RecipientReport(
        addresses=tuple(targeted),
        flood_start=start,
        recommendation=recommendation,
        findings=tuple(findings),
        domains=tuple(sorted(wanted)),
        messages=len(spam),
        log_records=n_records,
    )


def _warnings_for(target: TargetedAddress, accounts: Mapping[str, Account]) -> list[Finding]:
    """Reasons to pause before deleting ``target``."""
    out: list[Finding] = []
    account = accounts.get(target.address)
    if account is not None and account.kind == "alias":
        out.append(finding("recipients_is_alias", "warning", address=target.address,
                           targets=", ".join(account.forward_to) or "-"))
    if account is not None and account.kind in ("forward", "list"):
        out.append(finding("recipients_is_forward", "warning", address=target.address,
                           targets=", ".join(account.forward_to) or "-"))
    sources = sorted(a.address for a in accounts.values() if target.address in a.forward_to)
    if sources:
        out.append(finding("recipients_forward_target", "warning", address=target.address,
                           sources=", ".join(sources)))
    if target.good_count:
        out.append(finding("recipients_legit_mail", "warning", address=target.address,
                           count=target.good_count))
    return out


def sender_domains(messages: Iterable[MessageAnalysis]) -> set[str]:
    """Domains of the envelope senders (Return-Path) and From addresses of the samples."""
    out: set[str] = set()
    for message in messages:
        for value in (message.return_path, message.from_):
            addr = normalize_address(value or "")
            if addr:
                out.add(_domain(addr))
    return out


def _is_spam_record(item: object, senders: set[str]) -> bool:
    spam = getattr(item, "spam", None)
    if getattr(spam, "flag", None) is True:
        return True
    sender = normalize_address(str(getattr(item, "from_", "") or ""))
    return bool(sender and _domain(sender) in senders)


def log_records_from(items: Iterable[object], senders: Iterable[str] | None = None) -> list[LogRecord]:
    """Adapt delivery-log results to ``(recipients, timestamp)`` pairs by duck typing.

    Accepts pairs as they are, and objects with ``to`` (or ``recipients``) and ``first_seen`` (or
    ``time`` / ``timestamp``), such as the mail-log reader's records. Anything else is skipped. With
    ``senders`` (domains, see :func:`sender_domains`), log objects are kept only when the filter flagged
    them as spam or their envelope sender is in one of those domains: legitimate mail is not the flood.
    """
    wanted = {d.lower() for d in senders} if senders is not None else None
    out: list[LogRecord] = []
    for item in items:
        if wanted is not None and not isinstance(item, tuple) and not _is_spam_record(item, wanted):
            continue
        if isinstance(item, tuple) and len(item) == 2:
            rcpts, when = item
            if isinstance(rcpts, str):
                rcpts = (rcpts,)
            if isinstance(rcpts, Iterable) and (when is None or isinstance(when, datetime)):
                out.append((tuple(str(r) for r in rcpts), when))
            continue
        rcpts = getattr(item, "to", None) or getattr(item, "recipients", None)
        when = next((v for name in ("first_seen", "time", "timestamp")
                     if isinstance(v := getattr(item, name, None), datetime)), None)
        if isinstance(rcpts, str):
            rcpts = (rcpts,)
        if isinstance(rcpts, Iterable):
            out.append((tuple(str(r) for r in rcpts), when))
    return out


def verify_deletion(log_items: Iterable[object], address: str) -> list[Finding]:
    """What the delivery log says happened to mail for ``address`` once it was deleted (duck-typed over
    mail-log records: ``deliveries`` with ``to``, ``disposition``, ``status_text``, ``time``).

    ``recipients_delete_verified`` (info): attempts refused at SMTP time (550 5.1.1 / user unknown), as
    predicted. ``recipients_still_delivered`` (warning): mail still delivered after the first refusal.
    No finding when the log has no refusal for the address (not deleted yet, or the log is older).
    """
    wanted = normalize_address(address)
    if not wanted:
        return []
    refused: list[datetime] = []
    delivered: list[datetime] = []
    for item in log_items:
        start = getattr(item, "first_seen", None)
        for delivery in getattr(item, "deliveries", ()) or ():
            if normalize_address(str(getattr(delivery, "to", "") or "")) != wanted:
                continue
            when = getattr(delivery, "time", None) or start
            if not isinstance(when, datetime):
                continue
            status = str(getattr(delivery, "status_text", "") or "").lower()
            disposition = getattr(delivery, "disposition", None)
            if disposition in ("rejected", "bounced") and ("5.1.1" in status or "unknown" in status
                                                           or "550" in status):
                refused.append(_utc(when))
            elif disposition in ("inbox", "folder"):
                delivered.append(_utc(when))
    if not refused:
        return []
    since = min(refused)
    out = [finding("recipients_delete_verified", "info", address=wanted, count=len(refused),
                   since=iso_utc(since))]
    late = [t for t in delivered if t > since]
    if late:
        out.append(finding("recipients_still_delivered", "warning", address=wanted, count=len(late),
                           since=iso_utc(since)))
    return out
