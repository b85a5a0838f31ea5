"""Join log events into one :class:`MailRecord` per message, emitted as soon as the message is done.

A message is keyed by every queue id it had. Copies re-injected by a content filter (spamd via a pipe
and ``sendmail``, amavis via SMTP on 127.0.0.1:10025) get a new queue id; they are joined to the
original through ``queued as`` / amavis ``queued_as`` or through the Message-ID when the copy comes
from pickup or a loopback client. A message is finished when all its queue ids are ``removed`` (or
``Completed``) and no filtered copy is still expected; messages idle longer than a window of log time
are emitted as they stand. Only unfinished messages are held, so memory stays flat in the log's size.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from wizard.core.maillog.dispatch import LineDispatcher
from wizard.core.maillog.reader import Progress, ReadStats, read_blocks, year_reference
from wizard.core.maillog.records import Delivery, MailRecord, SpamInfo
from wizard.core.model import InputError

_FILTER_WORDS = ("spam", "amavis", "filter", "clam", "scan", "dspam", "rspam", "mailscanner", "mimedefang",
                 "policy", "dkim", "sieve-filter")
_FILTER_RE = re.compile("|".join(map(re.escape, _FILTER_WORDS)))
"""Any of the words (one scan instead of one per word)."""
_LOCAL_VIAS = frozenset({"local", "virtual", "lmtp", "pipe", "maildrop", "dovecot", "deliver", "lda"})
_REINJECT_WINDOW = 300.0
_NO_SPAM = SpamInfo()
"""The verdict of every unscanned message (immutable: shared)."""
_ORPHANS = 20000


def is_loopback(ip: str | None) -> bool:
    """127/8, ::1 and the ``localhost`` names as logged."""
    if not ip:
        return False
    return ip.startswith("127.") or ip in ("::1", "localhost", "::ffff:127.0.0.1")


def _relay_is_loopback(relay: str) -> bool:
    ip = relay.partition("[")[2].partition("]")[0]
    return is_loopback(ip) or relay.startswith(("127.", "localhost", "[127.", "[::1]"))


def _queued_as(text: str) -> str | None:
    idx = text.find("queued as ")
    if idx < 0:
        return None
    token = text[idx + 10:].split()[0].strip(")>,;.") if text[idx + 10:].split() else ""
    return token or None


class _Msg:
    __slots__ = ("blocked", "continued", "deliveries", "first", "handoffs", "helo", "ip", "last", "local",
                 "loghost", "mailboxes", "mid", "note", "open", "qids", "rcpts", "rejected", "rhost",
                 "rule_scores", "sender", "sessions", "spam_engine", "spam_flag", "spam_required",
                 "spam_score", "spam_tests")

    def __init__(self, ts: float) -> None:
        self.qids: list[str] = []
        self.open: set[str] = set()
        self.mid: str | None = None
        self.ip: str | None = None
        self.rhost: str | None = None
        self.helo: str | None = None
        self.loghost: str | None = None
        self.sender: str | None = None
        self.local = False
        self.rcpts: dict[str, None] = {}
        self.deliveries: dict[str, tuple[str, str | None, str, str, float]] = {}
        self.handoffs: set[tuple[float, str | None, str]] = set()
        self.continued = 0
        self.rejected: dict[str, str] = {}
        self.mailboxes: dict[str, tuple[str, str | None, str, float]] = {}
        self.sessions: list[str] = []
        self.blocked: str | None = None
        self.note: str | None = None
        self.spam_flag: bool | None = None
        self.spam_score: float | None = None
        self.spam_required: float | None = None
        self.spam_tests: tuple[str, ...] = ()
        self.spam_engine: str | None = None
        self.rule_scores: tuple[tuple[str, float], ...] = ()
        self.first = ts
        self.last = ts

    @property
    def awaiting(self) -> bool:
        return len(self.handoffs) > self.continued


@dataclass
class LogStats:
    """Counters of one run: lines seen, lines nobody understood, files that could not be read."""

    lines: int = 0
    unparsed_lines: int = 0
    records: int = 0
    errors: list[InputError] = field(default_factory=list)


class Correlator:
    """The :class:`~wizard.core.maillog.events.Sink` that builds records; finished ones queue up in
    :attr:`ready` (a deque the caller drains)."""

    def __init__(self, tz: tzinfo, window: float = 3600.0) -> None:
        self.tz = tz
        self.window = window
        self.ready: deque[MailRecord] = deque()
        self._by_qid: dict[str, _Msg] = {}
        self._by_mid: dict[str, _Msg] = {}
        self._active: dict[int, _Msg] = {}
        self._expect: OrderedDict[str, _Msg] = OrderedDict()
        self._orphan_spam: OrderedDict[str, tuple[float, bool | None, float | None, float | None,
                                                  tuple[str, ...], str, tuple[tuple[str, float], ...]]]
        self._orphan_spam = OrderedDict()
        self._orphan_box: OrderedDict[str, list[tuple[float, str, str, str | None, str, str | None]]]
        self._orphan_box = OrderedDict()
        self._next_sweep = 0.0
        self._now = 0.0
        self._dt_cache: dict[float, datetime] = {}

    def _dt(self, ts: float, tz: tzinfo | None = None) -> datetime:
        """Aware datetime for a POSIX time in the log's zone (cached: stamps repeat)."""
        cache = self._dt_cache
        value = cache.get(ts)
        if value is None:
            if len(cache) > 4096:
                cache.clear()
            value = cache[ts] = datetime.fromtimestamp(ts, self.tz)
        return value

    # -- record bookkeeping -------------------------------------------------------------------------
    def _get(self, ts: float, qid: str) -> _Msg:
        rec = self._by_qid.get(qid)
        if rec is None:
            rec = self._expect.pop(qid, None) if self._expect else None
            if rec is None or id(rec) not in self._active:
                rec = _Msg(ts)
                self._active[id(rec)] = rec
            else:
                rec.continued += 1
            rec.qids.append(qid)
            rec.open.add(qid)
            self._by_qid[qid] = rec
        if ts > rec.last:
            rec.last = ts
        if ts > self._now:
            self._now = ts
            if ts >= self._next_sweep:
                self._sweep(ts)
        return rec

    def _merge(self, dst: _Msg, src: _Msg) -> None:
        if dst is src:
            return
        for q in src.qids:
            if q not in dst.qids:
                dst.qids.append(q)
            self._by_qid[q] = dst
        dst.open |= src.open
        if dst.ip is None:
            dst.ip, dst.rhost, dst.helo = src.ip, src.rhost, src.helo
        dst.helo = dst.helo or src.helo
        dst.loghost = dst.loghost or src.loghost
        if dst.sender is None:
            dst.sender = src.sender
        dst.mid = dst.mid or src.mid
        if src.rcpts:
            dst.rcpts.update(src.rcpts)
        if src.deliveries:
            dst.deliveries.update(src.deliveries)
        if src.handoffs:
            dst.handoffs |= src.handoffs
        dst.continued += src.continued + 1
        if src.rejected:
            dst.rejected.update(src.rejected)
        if src.mailboxes:
            dst.mailboxes.update(src.mailboxes)
        if src.sessions:
            dst.sessions.extend(x for x in src.sessions if x not in dst.sessions)
        dst.blocked = dst.blocked or src.blocked
        dst.note = dst.note or src.note
        if src.spam_flag is not None or src.spam_score is not None:
            self._set_spam(dst, src.spam_flag, src.spam_score, src.spam_required, src.spam_tests,
                           src.spam_engine or "", src.rule_scores)
        dst.first = min(dst.first, src.first)
        dst.last = max(dst.last, src.last)
        self._active.pop(id(src), None)
        if dst.mid:
            self._by_mid[dst.mid] = dst

    def _set_spam(self, rec: _Msg, flag: bool | None, score: float | None, required: float | None,
                  tests: tuple[str, ...], engine: str, rule_scores: tuple[tuple[str, float], ...]) -> None:
        if flag is not None:
            rec.spam_flag = flag if rec.spam_flag is None else (rec.spam_flag or flag)
        if score is not None and (rec.spam_score is None or flag or not rec.spam_flag):
            rec.spam_score = score
        if required is not None:
            rec.spam_required = required
        if tests:
            rec.spam_tests = tests
        if rule_scores:
            rec.rule_scores = rule_scores
        if engine:
            rec.spam_engine = rec.spam_engine or engine

    # -- Sink ---------------------------------------------------------------------------------------
    def client(self, ts: float, qid: str, host: str | None, ip: str | None, helo: str | None,
               loghost: str | None) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._get(ts, qid)
        if ip is not None and (rec.ip is None or (is_loopback(rec.ip) and not is_loopback(ip))):
            rec.ip, rec.rhost = ip, host
            rec.helo = helo or rec.helo
        elif ip is None:
            rec.local = True
        if loghost and rec.loghost is None:
            rec.loghost = loghost

    def message_id(self, ts: float, qid: str, mid: str) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._get(ts, qid)
        other = self._by_mid.get(mid)
        if other is not None and other is not rec and id(other) in self._active and (
                rec.local or is_loopback(rec.ip) or other.awaiting):
            self._merge(other, rec)
            rec = other
        else:
            rec.mid = rec.mid or mid
            self._by_mid[mid] = rec
        if self._orphan_spam:
            found = self._orphan_spam.pop(mid, None)
            if found is not None:
                self._set_spam(rec, *found[1:])
        if self._orphan_box:
            boxes = self._orphan_box.pop(mid, None)
            for b_ts, user, disp, folder, text, session in boxes or ():
                rec.mailboxes[user.lower()] = (disp, folder, text, b_ts)
                if session:
                    rec.sessions.append(session)

    def sender(self, ts: float, qid: str, sender: str, local: bool) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._get(ts, qid)
        if rec.sender is None:
            rec.sender = sender
        if local and rec.ip is None:
            rec.local = True

    def recipient(self, ts: float, qid: str, rcpt: str) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        if rcpt and rcpt != "*":
            self._get(ts, qid).rcpts[rcpt] = None

    def delivery(self, ts: float, qid: str, rcpt: str, status: str, relay: str | None, text: str,
                 via: str) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._get(ts, qid)
        if status == "sent" and relay and self._is_handoff(rec, relay, text, via):
            rec.handoffs.add((ts, relay, text))
            if rcpt != "*":
                rec.rcpts[rcpt] = None
            return
        if rcpt != "*":
            rec.rcpts[rcpt] = None
        old = rec.deliveries.get(rcpt)
        if old is not None and (old[0] == "sent"
                                or (old[0] in ("bounced", "discarded") and status == "deferred")):
            return
        rec.deliveries[rcpt] = (status, relay, text, via, ts)

    def _is_handoff(self, rec: _Msg, relay: str, text: str, via: str) -> bool:
        if via != "pipe" and via != "smtp" and via != "lmtp":
            return False
        if "discard" in text.lower():
            return False  # the filter answered and dropped it (clamsmtpd, amavis "discarded")
        queued = _queued_as(text) if "queued as" in text else None
        if via == "pipe":
            if _FILTER_RE.search(relay.lower()) is None:
                return False
        elif via == "smtp" or via == "lmtp":
            if not _relay_is_loopback(relay):
                # relayed to another server: one record when that server's lines are in this log too
                if queued is not None and queued in self._by_qid and self._by_qid[queued] is not rec:
                    self._merge(rec, self._by_qid[queued])
                    return True
                return False
            port = relay.rpartition("]")[2].lstrip(":")
            if queued is None and (via == "lmtp" or not port or port in ("24", "25", "143")):
                return False
        if queued is not None:
            other = self._by_qid.get(queued)
            if other is not None:
                self._merge(rec, other)
            else:
                self._expect[queued] = rec
                if len(self._expect) > _ORPHANS:
                    self._expect.popitem(last=False)
        return True

    def removed(self, ts: float, qid: str) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._by_qid.get(qid)
        if rec is None:
            return
        rec.open.discard(qid)
        if ts > rec.last:
            rec.last = ts
        if not rec.open and len(rec.handoffs) <= rec.continued:  # not awaiting a filtered copy
            self._emit(rec)

    def reject(self, ts: float, qid: str | None, ip: str | None, host: str | None, helo: str | None,
               sender: str | None, rcpt: str | None, text: str, loghost: str | None) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        if qid is None:
            if not rcpt and sender is None:
                return  # refused before any envelope (CONNECT, EHLO, rate limits): not a message
            rec = _Msg(ts)
            rec.ip, rec.rhost, rec.helo, rec.loghost = ip, host, helo, loghost
            rec.sender = sender
            key = rcpt or ""
            if rcpt:
                rec.rcpts[rcpt] = None
            rec.rejected[key] = text
            self.ready.append(self._finish(rec))
            return
        rec = self._get(ts, qid)
        if ip is not None and rec.ip is None:
            rec.ip, rec.rhost = ip, host
        rec.helo = rec.helo or helo
        if sender is not None and rec.sender is None:
            rec.sender = sender
        rec.rejected[rcpt or "*"] = text
        if rcpt and rcpt != "*":
            rec.rcpts[rcpt] = None
        if rcpt in (None, "*"):
            self._emit(rec)

    def spam(self, ts: float, qid: str | None, mid: str | None, flag: bool | None, score: float | None,
             required: float | None, tests: tuple[str, ...], engine: str,
             rule_scores: tuple[tuple[str, float], ...] = ()) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._by_qid.get(qid) if qid else None
        if rec is None and qid and mid is None:
            rec = self._get(ts, qid)
        if rec is None and mid:
            rec = self._by_mid.get(mid)
            if rec is not None and id(rec) not in self._active:
                rec = None
        if rec is None:
            if mid:
                self._orphan_spam[mid] = (ts, flag, score, required, tests, engine, rule_scores)
                if len(self._orphan_spam) > _ORPHANS:
                    self._flush_orphan_spam(self._orphan_spam.popitem(last=False))
            return
        self._set_spam(rec, flag, score, required, tests, engine, rule_scores)

    def filtered(self, ts: float, qid: str | None, mid: str | None, queued_as: tuple[str, ...],
                 blocked: bool, text: str, sender: str | None = None, rcpts: tuple[str, ...] = (),
                 ip: str | None = None) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._by_qid.get(qid) if qid else None
        if rec is None and mid:
            rec = self._by_mid.get(mid)
            if rec is not None and id(rec) not in self._active:
                rec = None
        if rec is None:
            if not qid:
                return
            rec = self._get(ts, qid)
        if sender is not None and rec.sender is None:
            rec.sender = sender
        for rcpt in rcpts:
            rec.rcpts.setdefault(rcpt, None)
        if ip and rec.ip is None:
            rec.ip = ip
        if mid and rec.mid is None:
            rec.mid = mid
            self._by_mid.setdefault(mid, rec)
        if blocked:
            rec.blocked = text
        else:
            rec.note = text
        linked = False
        for q in queued_as:
            other = self._by_qid.get(q)
            if other is not None:
                self._merge(rec, other)
                linked = True
            else:
                self._expect[q] = rec
        if qid and qid.startswith("amavis:"):
            # the filter's own line without an MTA queue id: done unless a queued copy carries it on
            rec.open.discard(qid)
            if not linked and not rec.open:
                self._emit(rec)

    def mailbox(self, ts: float, mid: str | None, user: str, disposition: str, folder: str | None,
                text: str, session: str | None = None) -> None:
        """See :class:`~wizard.core.maillog.events.Sink`."""
        rec = self._by_mid.get(mid) if mid else None
        if rec is not None and id(rec) in self._active:
            rec.mailboxes[user.lower()] = (disposition, folder, text, ts)
            if session and session not in rec.sessions:
                rec.sessions.append(session)
            if ts > rec.last:
                rec.last = ts
            return
        key = mid or f"\x00{user}\x00{ts}"
        self._orphan_box.setdefault(key, []).append((ts, user, disposition, folder, text, session))
        if len(self._orphan_box) > _ORPHANS:
            self._flush_orphan_box(*self._orphan_box.popitem(last=False))

    # -- emission -----------------------------------------------------------------------------------
    def _emit(self, rec: _Msg) -> None:
        if self._active.pop(id(rec), None) is None:
            return
        by_qid = self._by_qid
        for q in rec.qids:
            if by_qid.get(q) is rec:
                del by_qid[q]
        mid = rec.mid
        if mid and self._by_mid.get(mid) is rec:
            del self._by_mid[mid]
        if rec.sender is None and not rec.rcpts and rec.mid is None and not rec.deliveries \
                and not rec.rejected and rec.spam_flag is None:
            return  # a queue id with nothing else known (a connection cut short, an excerpt's edge)
        self.ready.append(self._finish(rec))

    def _sweep(self, now: float) -> None:
        self._next_sweep = now + 30.0
        for rec in list(self._active.values()):
            idle = now - rec.last
            if idle > self.window or (not rec.open and idle > _REINJECT_WINDOW):
                self._emit(rec)

    def _flush_orphan_spam(self, item: tuple[str, tuple[float, bool | None, float | None, float | None,
                                                        tuple[str, ...], str, tuple[tuple[str, float], ...]]]
                           ) -> None:
        mid, (ts, flag, score, required, tests, engine, rule_scores) = item
        rec = _Msg(ts)
        rec.mid = mid
        self._set_spam(rec, flag, score, required, tests, engine, rule_scores)
        self.ready.append(self._finish(rec))

    def _flush_orphan_box(self, key: str,
                          boxes: list[tuple[float, str, str, str | None, str, str | None]]) -> None:
        rec = _Msg(boxes[0][0])
        rec.mid = None if key.startswith("\x00") else key
        for ts, user, disp, folder, text, session in boxes:
            if session:
                rec.sessions.append(session)
            rec.rcpts[user] = None
            rec.mailboxes[user.lower()] = (disp, folder, text, ts)
            rec.last = max(rec.last, ts)
        if rec.mid is not None and rec.mid in self._orphan_spam:
            self._set_spam(rec, *self._orphan_spam.pop(rec.mid)[1:])
        self.ready.append(self._finish(rec))

    def flush(self) -> None:
        """End of input: everything still open is emitted as it stands."""
        for rec in list(self._active.values()):
            self._emit(rec)
        while self._orphan_box:
            self._flush_orphan_box(*self._orphan_box.popitem(last=False))
        while self._orphan_spam:
            self._flush_orphan_spam(self._orphan_spam.popitem(last=False))

    # -- the record -----------------------------------------------------------------------------------
    def _finish(self, rec: _Msg) -> MailRecord:
        flag, score = rec.spam_flag, rec.spam_score
        if flag is None and score is None and rec.spam_required is None and not rec.spam_tests \
                and rec.spam_engine is None and not rec.rule_scores:
            spam = _NO_SPAM
        else:
            spam = SpamInfo(flag, score, rec.spam_required, rec.spam_tests, rec.spam_engine, rec.rule_scores)
        known = rec.rcpts
        rcpts = list(known)
        for table in (rec.deliveries, rec.rejected):
            for key in table:
                if key not in known and key != "*" and key != "":
                    rcpts.append(key)
        if not rcpts and rec.mailboxes and not rec.deliveries:
            rcpts = list(rec.mailboxes)
        outcome = self._outcome
        deliveries = tuple([outcome(rec, rcpt, spam) for rcpt in rcpts])
        cache = self._dt_cache
        last = cache.get(rec.last) or self._dt(rec.last)
        if not rcpts and ("" in rec.rejected or "*" in rec.rejected):
            text = rec.rejected.get("") or rec.rejected.get("*") or ""
            deliveries = (Delivery("", "rejected", None, "rejected at SMTP time: " + text, last),)
        qids = tuple([q for q in rec.qids if not q.startswith("amavis:")])
        # positional (in field order): a frozen dataclass with 13 keyword arguments is slower to build
        return MailRecord(qids, rec.mid, rec.ip, rec.rhost, rec.helo, rec.sender, tuple(rcpts), spam, deliveries,
                          cache.get(rec.first) or self._dt(rec.first), last, rec.loghost, tuple(rec.sessions))

    @staticmethod
    def _mailbox_for(rec: _Msg, rcpt: str) -> tuple[str, str | None, str, float] | None:
        if not rec.mailboxes:
            return None
        low = rcpt.lower()
        found = rec.mailboxes.get(low) or rec.mailboxes.get(low.partition("@")[0])
        if found is None and len(rec.mailboxes) == 1 and len(rec.rcpts) <= 1:
            found = next(iter(rec.mailboxes.values()))
        return found

    def _outcome(self, rec: _Msg, rcpt: str, spam: SpamInfo) -> Delivery:
        cache = self._dt_cache
        if rec.rejected:
            rejected = rec.rejected.get(rcpt) or rec.rejected.get("*")
            if rejected is not None:
                when = cache.get(rec.last) or self._dt(rec.last)
                if rejected.startswith("discarded: "):  # NOQUEUE: discard - the client was told 250
                    return Delivery(rcpt, "discarded", None, rejected + " (accepted, then dropped)", when)
                return Delivery(rcpt, "rejected", None, "rejected at SMTP time: " + rejected, when)
        d = rec.deliveries.get(rcpt)
        star = rec.deliveries.get("*")
        if d is None or (d[0] == "deferred" and star is not None and star[0] != "deferred"):
            d = star or d
        box = self._mailbox_for(rec, rcpt) if rec.mailboxes else None
        if d is not None:
            status, relay, text, via, ts = d
            when = cache.get(ts) or self._dt(ts)
            if status == "sent":
                if via.startswith("file:"):
                    folder = via[5:]
                    return Delivery(rcpt, "folder", folder, f"saved to folder '{folder}'{_verdict_words(spam)}",
                                        when)
                if box is not None:
                    return _from_mailbox(rcpt, box, spam, cache.get(box[3]) or self._dt(box[3]))
                if via == "discard" or "discard" in text.lower():
                    return Delivery(rcpt, "discarded", None, f"discarded: {text}{_verdict_words(spam)}", when)
                if via in _LOCAL_VIAS or (via.startswith("exim") and relay is None):
                    return _inbox(rcpt, f"{via}: {text}", spam, when)
                if rec.blocked is not None:
                    return Delivery(rcpt, "discarded", None, f"{rec.blocked}{_verdict_words(spam)}", when)
                return Delivery(rcpt, "unknown", None, f"relayed to {relay}: {text}{_verdict_words(spam)}", when)
            if status in ("bounced", "expired"):
                return Delivery(rcpt, "bounced", None, f"bounced ({status}): {text}", when)
            if status == "discarded":
                return Delivery(rcpt, "discarded", None, f"discarded: {text}{_verdict_words(spam)}", when)
            if status == "deferred":
                return Delivery(rcpt, "deferred", None,
                                f"deferred, not delivered by the end of the log: {text}", when)
            return Delivery(rcpt, "unknown", None, f"{status}: {text}", when)
        when = cache.get(rec.last) or self._dt(rec.last)
        if rec.blocked is not None:
            disp = "rejected" if "reject" in rec.blocked.lower() else "discarded"
            return Delivery(rcpt, disp, None, f"{rec.blocked}{_verdict_words(spam)}", when)
        if box is not None:
            return _from_mailbox(rcpt, box, spam, cache.get(box[3]) or self._dt(box[3]))
        if rec.handoffs:
            relay = sorted(rec.handoffs, key=lambda h: h[0])[-1][1]
            return Delivery(rcpt, "unknown", None,
                            f"handed to the content filter {relay}; "
                            f"no later delivery found in the log{_verdict_words(spam)}", when)
        if rec.note is not None:
            return Delivery(rcpt, "unknown", None,
                            f"{rec.note}; no later delivery found in the log{_verdict_words(spam)}", when)
        return Delivery(rcpt, "unknown", None, f"no delivery recorded in the log{_verdict_words(spam)}", when)


def _verdict_words(spam: SpamInfo) -> str:
    if not spam.flag:
        return ""
    score = f" {spam.score:g}" if spam.score is not None else ""
    tests = f", {', '.join(spam.tests[:6])}" if spam.tests else ""
    return f" (scored as spam{score}{tests})"


def _inbox(rcpt: str, how: str, spam: SpamInfo, when: datetime | None) -> Delivery:
    if spam.flag:
        score = f" {spam.score:g}" if spam.score is not None else ""
        tests = f" ({', '.join(spam.tests[:6])})" if spam.tests else ""
        return Delivery(rcpt, "inbox", "INBOX",
                        f"scored as spam{score}{tests}, tagged and delivered to INBOX [{how}]", when,
                        tagged=True)
    return Delivery(rcpt, "inbox", "INBOX", f"delivered to INBOX [{how}]", when)


def _from_mailbox(rcpt: str, box: tuple[str, str | None, str, float], spam: SpamInfo, when: datetime) -> Delivery:
    disposition, folder, text, _ts = box
    if disposition == "inbox":
        return _inbox(rcpt, text, spam, when)
    verdict = _verdict_words(spam)
    if disposition == "folder":
        return Delivery(rcpt, "folder", folder, f"moved to folder '{folder}'{verdict} [{text}]", when)
    if disposition == "discarded":
        return Delivery(rcpt, "discarded", None, f"discarded by the mail filter{verdict} [{text}]", when)
    return Delivery(rcpt, disposition, folder, f"{text}{verdict}", when)


def local_tz() -> tzinfo:
    """This machine's current time zone (used for log stamps that carry none)."""
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    return tz


def iter_records(paths: Sequence[str | os.PathLike[str]], *, tz: tzinfo | None = None,
                 year_ref: tuple[int, int] | None = None, window: float = 3600.0,
                 cancel: Progress | None = None, stats: LogStats | None = None) -> Iterator[MailRecord]:
    """Every message in the given log files, in the order they finish (a generator).

    ``tz`` is the zone of stamps without one (default: this machine's); ``year_ref`` the (year, month)
    classic syslog stamps are placed before (default: the newest file's modification time). Unreadable
    files land in ``stats.errors``; unknown lines in ``stats.unparsed_lines``. ``cancel.cancelled`` is
    checked between blocks of lines.
    """
    stats = stats if stats is not None else LogStats()
    zone = tz or local_tz()
    corr = Correlator(zone, window)
    disp = LineDispatcher(corr, zone, year_ref or year_reference(paths))
    rstats = ReadStats()
    ready = corr.ready
    try:
        for block in read_blocks(paths, disp.line_time, rstats, cancel):
            if isinstance(block, str):
                disp.feed_text(block)
            else:
                disp.feed(block)
            stats.lines = disp.lines
            stats.unparsed_lines = disp.unparsed + rstats.binary_lines
            while ready:
                stats.records += 1
                yield ready.popleft()
            if cancel is not None and cancel.cancelled:
                return
        corr.flush()
        while ready:
            stats.records += 1
            yield ready.popleft()
    finally:
        stats.lines = disp.lines
        stats.unparsed_lines = disp.unparsed + rstats.binary_lines
        stats.errors[:] = rstats.errors


def records_from_lines(lines: Iterable[str], *, tz: tzinfo, year_ref: tuple[int, int] = (2026, 12),
                       stats: LogStats | None = None) -> list[MailRecord]:
    """All records of in-memory lines (tests and pasted log excerpts)."""
    corr = Correlator(tz)
    disp = LineDispatcher(corr, tz, year_ref)
    disp.feed(line.rstrip("\r\n") for line in lines)
    corr.flush()
    if stats is not None:
        stats.lines = disp.lines
        stats.unparsed_lines = disp.unparsed
        stats.records = len(corr.ready)
    return list(corr.ready)
