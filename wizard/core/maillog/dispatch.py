"""One pass over log lines: split the time stamp, host and program, then hand the message text to the
dialect parser chosen by program name (a dict lookup, cached per name) before any regular expression.

Time stamps: classic syslog ``Mar  9 16:29:02`` (no year: taken from a reference month, a stamp in a
later month belongs to the year before), RFC 3339 ``2026-03-09T16:29:02.123456+09:00``, and Exim's
``2026-03-09 16:29:02 [+0900]``. Naive stamps are read in ``tz``. Conversions are cached per stamp.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from wizard.core.maillog.amavis import AmavisParser
from wizard.core.maillog.dovecot import DovecotParser
from wizard.core.maillog.events import Sink
from wizard.core.maillog.exim import EximParser
from wizard.core.maillog.postfix import PostfixParser
from wizard.core.maillog.sendmail import SendmailParser
from wizard.core.maillog.spamd import SpamdParser

Handler = Callable[[str, float, str, "str | None"], bool]
"""``handler(argument, ts, msg, host) -> understood`` (argument: the Postfix service or the pid)."""

MONTHS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
          "Oct": 10, "Nov": 11, "Dec": 12}
_CLASSIC = re.compile(r"([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)? ")
_RFC3339 = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:[.,]\d+)?(Z|[+-]\d\d:?\d\d)?$")
_SPAMD_FILE = re.compile(r"[A-Z][a-z]{2} ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) "
                         r"\[(\d+)\] [a-z]+: ")
"""spamd's own log file (``spamd -s FILE``): ``Sat Nov 28 04:37:40 2026 [7335] info: spamd: ...``."""
_EXIM_STAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d+)?(?: ([+-]\d{4}))? ")
_SENDMAIL_NAMES = ("sm-mta", "sendmail", "sm-msp-queue", "sm-acceptingconnections", "sm-submit")
_DOVECOT_AGENTS = ("lmtp(", "lda(", "deliver(", "dovecot-lda(")
_MISSING: object = object()
_MAX_LINE = 16384
_LINE = re.compile(r"^(?:([A-Za-z].{11}:.{2}) (?!<)([^ \n]*) ([^ \n]*:) (.*)|(.*))$", re.MULTILINE)
"""Each line of a block: (stamp, host, program, message, "") for the common syslog form, else
("", "", "", "", line); the first form is exactly what :meth:`LineDispatcher.feed`'s fast path takes."""


def _offset(text: str | None) -> tzinfo | None:
    if not text:
        return None
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    try:
        minutes = int(digits[:2]) * 60 + int(digits[2:4])
    except ValueError:
        return None
    if minutes > 18 * 60:
        return None
    return timezone(sign * timedelta(minutes=minutes))


class LineDispatcher:
    """Feeds lines to the dialect parsers. ``unparsed`` counts lines nobody understood."""

    def __init__(self, sink: Sink, tz: tzinfo, year_ref: tuple[int, int]) -> None:
        self.tz = tz
        self.year_ref = year_ref
        self.unparsed = 0
        self.lines = 0
        self.last_ts = 0.0
        self._cache: dict[str, float] = {}
        self._progs: dict[str, Handler | None] = {}
        self._entries: dict[str, tuple[Handler | None, str]] = {}
        self._names: dict[str, tuple[Handler | None, str]] = {}
        self.postfix = PostfixParser(sink)
        # one bound method each: feed_text and _entry test them with ``is``
        self._postfix: Handler = self.postfix.handle
        self.spamd = SpamdParser(sink)
        self._spamd: Handler = self.spamd.handle
        self.amavis = AmavisParser(sink)
        self.dovecot = DovecotParser(sink)
        self.exim = EximParser(sink)
        self.sendmail = SendmailParser(sink)

    # -- time stamps -------------------------------------------------------------------------------
    def _naive(self, y: int, mo: int, d: int, h: int, mi: int, s: int, tz: tzinfo | None) -> float | None:
        try:
            return datetime(y, mo, d, h, mi, min(s, 59), tzinfo=tz or self.tz).timestamp()
        except (ValueError, OverflowError):
            return None

    def classic_time(self, stamp: str) -> float | None:
        """``Mar  9 16:29:02`` -> POSIX time (cached)."""
        ts = self._cache.get(stamp)
        if ts is not None:
            return ts
        m = _CLASSIC.match(stamp + " ")
        if m is None:
            return None
        month = MONTHS.get(m.group(1))
        if month is None:
            return None
        ref_year, ref_month = self.year_ref
        year = ref_year if month <= ref_month else ref_year - 1
        ts = self._naive(year, month, int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)),
                         None)
        if ts is not None:
            self._remember(stamp, ts)
        return ts

    def iso_time(self, stamp: str) -> float | None:
        """``2026-03-09T16:29:02.123+09:00`` -> POSIX time (cached without the fraction)."""
        key = stamp[:19] + stamp[-6:] if len(stamp) > 25 else stamp
        ts = self._cache.get(key)
        if ts is not None:
            return ts
        m = _RFC3339.match(stamp)
        if m is None:
            return None
        g = [int(x) for x in m.groups()[:6]]
        ts = self._naive(g[0], g[1], g[2], g[3], g[4], g[5], _offset(m.group(7)))
        if ts is not None:
            self._remember(key, ts)
        return ts

    def _exim_time(self, text: str) -> tuple[float, str] | None:
        m = _EXIM_STAMP.match(text)
        if m is None:
            return None
        key = m.group(0)
        ts = self._cache.get(key)
        if ts is None:
            g = [int(x) for x in m.groups()[:6]]
            ts = self._naive(g[0], g[1], g[2], g[3], g[4], g[5], _offset(m.group(7)))
            if ts is None:
                return None
            self._remember(key, ts)
        return ts, text[m.end():]

    def _remember(self, key: str, ts: float) -> None:
        if len(self._cache) > 20000:
            self._cache.clear()
        self._cache[key] = ts

    def _spamd_file_time(self, line: str) -> tuple[float, str, str] | None:
        m = _SPAMD_FILE.match(line)
        month = MONTHS.get(m.group(1)) if m else None
        if m is None or month is None:
            return None
        g = [int(x) for x in m.group(6, 2, 3, 4, 5)]
        ts = self._naive(g[0], month, g[1], g[2], g[3], g[4], None)
        return None if ts is None else (ts, m.group(7), line[m.end():])

    def line_time(self, line: str) -> float | None:
        """The time stamp of a line in any supported form, or None."""
        if line[:1].isalpha():
            m = _CLASSIC.match(line)
            if m is None:
                spamd_line = self._spamd_file_time(line)
                return spamd_line[0] if spamd_line else None
            return self.classic_time(m.group(0)[:-1])
        if line[10:11] == "T":
            return self.iso_time(line.partition(" ")[0])
        found = self._exim_time(line)
        return found[0] if found else None

    # -- program names ------------------------------------------------------------------------------
    def _classify(self, name: str) -> Handler | None:
        base = name.rpartition("/")[2] if name.startswith("/") else name
        low = base.lower()
        handler: Handler | None = None
        if low.startswith("postfix"):
            handler = self._postfix
        elif low in ("spamd", "spamc", "spamd-child") or low.startswith("spamd"):
            handler = self._spamd
        elif "amavis" in low:
            handler = self._amavis
        elif low.startswith("dovecot"):
            handler = self._dovecot
        elif low.startswith("exim"):
            handler = self._exim
        elif low.startswith(_SENDMAIL_NAMES):
            handler = self._sendmail
        if len(self._progs) < 1000:
            self._progs[name] = handler
        return handler

    def _amavis(self, pid: str, ts: float, msg: str, host: str | None) -> bool:
        return self.amavis.handle(ts, msg)

    def _dovecot(self, pid: str, ts: float, msg: str, host: str | None) -> bool:
        return self.dovecot.handle(ts, msg)

    def _exim(self, pid: str, ts: float, msg: str, host: str | None) -> bool:
        inner = self._exim_time(msg) if msg[:1].isdigit() else None
        if inner is not None:
            ts, msg = inner
        return self.exim.handle(ts, msg, host)

    def _sendmail(self, pid: str, ts: float, msg: str, host: str | None) -> bool:
        return self.sendmail.handle(ts, msg, host)

    def forget(self) -> None:
        """Drop the caches (they hold this dispatcher's own methods: a reference cycle)."""
        self._cache.clear()
        self._progs.clear()
        self._entries.clear()
        self._names.clear()

    # -- the loop -----------------------------------------------------------------------------------
    def _slow(self, line: str) -> tuple[float, str] | None:
        """Stamp forms the fast path skips; Exim main-log lines are handled here completely."""
        first = line[:1]
        if first.isalpha():
            m = _CLASSIC.match(line)
            if m is not None:
                ts = self.classic_time(m.group(0)[:-1])
                if ts is not None:
                    return ts, line[m.end():]
            spamd_line = self._spamd_file_time(line)
            if spamd_line is not None:
                ts, pid, msg = spamd_line
                self.last_ts = ts
                if not self.spamd.handle(pid, ts, msg):
                    self.unparsed += 1
                return None
            # "host exim[pid]: 2021-07-17 23:20:49 ..." (syslog without its own stamp)
            host, _, rest = line.partition(" ")
            prog, sep, msg = rest.partition(": ")
            if sep and prog.lower().startswith("exim"):
                inner = self._exim_time(msg)
                if inner is not None and self.exim.handle(inner[0], inner[1], host):
                    self.last_ts = inner[0]
                    return None
        elif first.isdigit():
            if line[10:11] == "T":
                stamp, _, rest = line.partition(" ")
                ts = self.iso_time(stamp)
                if ts is not None:
                    return ts, rest
            else:
                found = self._exim_time(line)
                if found is not None:
                    ts, rest = found
                    # "2019-10-22 03:39:17 mx1 exim[29786]: msg" or the native main log
                    host, _, tail = rest.partition(" ")
                    prog, sep, msg = tail.partition(": ")
                    if sep and prog.lower().startswith("exim") and "[" in prog:
                        ok = self.exim.handle(ts, msg, host)
                    else:
                        ok = self.exim.handle(ts, rest, None)
                    self.last_ts = ts
                    if not ok:
                        self.unparsed += 1
                    return None
        self.unparsed += 1
        return None

    def _entry(self, prog: str) -> tuple[Handler | None, str]:
        """``postfix/smtpd[123]:`` -> (handler, argument); cached per token (pid included)."""
        name, _, pid = prog[:-1].partition("[")
        pid = pid.rstrip("]")
        handler = self._progs.get(name, _MISSING)
        if handler is _MISSING:
            handler = self._classify(name)
        entry: tuple[Handler | None, str]
        if handler is None:
            entry = (None, "")
        elif name.lower().startswith("postfix"):
            entry = (self._postfix, name.rpartition("/")[2].lower())
        else:
            entry = (handler, pid)  # type: ignore[assignment]
        if handler is not self._spamd and len(self._names) < 1000:
            self._names[name] = entry  # the pid does not matter: one entry per program name
        if len(self._entries) > 20000:
            self._entries.clear()
        self._entries[prog] = entry
        return entry

    def feed(self, lines: Iterable[str]) -> None:
        """Parse ``lines`` (no line ends) in order, calling the sink for everything understood."""
        cache = self._cache
        entries = self._entries
        names = self._names
        classic = self.classic_time
        n = 0
        unparsed = 0
        ts = self.last_ts
        for line in lines:
            n += 1
            if line[15:16] == " " and line[12:13] == ":" and line[:1].isalpha():
                stamp = line[:15]
                t = cache.get(stamp)
                if t is None:
                    t = classic(stamp)
                    if t is None:
                        unparsed += 1
                        continue
                ts = t
                parts = line[16:].split(" ", 2)
                if len(parts) == 3 and parts[1][-1:] == ":" and parts[0][:1] != "<":
                    host, prog, msg = parts
                    if "(" in host:  # Dovecot log_path: "lmtp(user)<pid><id>: Info: ..." (no host column)
                        self._tail(ts, line[16:])
                        continue
                    entry = entries.get(prog)
                    if entry is None:
                        entry = names.get(prog[:prog.find("[")])
                    if entry is None:
                        if "(" in host or "(" in prog:
                            self._tail(ts, line[16:])
                            continue
                        entry = self._entry(prog)
                    fn, arg = entry
                    if fn is None or not fn(arg, ts, msg, host):
                        unparsed += 1
                    continue
                rest = line[16:]
            else:
                if not line or line.isspace():
                    continue
                if len(line) > _MAX_LINE:
                    line = line[:_MAX_LINE]
                self.unparsed += unparsed
                unparsed = 0
                found = self._slow(line)
                if found is None:
                    continue
                ts, rest = found
            self.unparsed += unparsed
            unparsed = 0
            self._tail(ts, rest)
        self.lines += n
        self.unparsed += unparsed
        self.last_ts = ts

    def feed_text(self, text: str) -> None:
        """Same as ``feed(text.split("\\n"))``, faster: one regular expression splits the common
        ``stamp host prog[pid]: msg`` lines in C; every other line goes through :meth:`feed`."""
        cache = self._cache
        entries = self._entries
        names = self._names
        classic = self.classic_time
        postfix = self._postfix
        rows = _LINE.findall(text)
        n = len(rows)
        unparsed = 0
        ts = self.last_ts
        pending: list[str] = []
        for stamp, host, prog, msg, other in rows:
            if not stamp:
                pending.append(other)
                continue
            if pending:
                n -= len(pending)  # feed counts them
                self.last_ts = ts
                self.feed(pending)
                ts = self.last_ts
                pending = []
            t = cache.get(stamp)
            if t is None:
                t = classic(stamp)
                if t is None:
                    unparsed += 1
                    continue
            ts = t
            if "(" in host:  # Dovecot log_path: "lmtp(user)<pid><id>: Info: ..." (no host column)
                self.unparsed += unparsed
                unparsed = 0
                self._tail(ts, host + " " + prog + " " + msg)
                continue
            entry = entries.get(prog)
            if entry is None:
                entry = names.get(prog[:prog.find("[")])
            if entry is None:
                if "(" in host or "(" in prog:
                    self.unparsed += unparsed
                    unparsed = 0
                    self._tail(ts, host + " " + prog + " " + msg)
                    continue
                entry = self._entry(prog)
            fn, arg = entry
            if fn is postfix:
                if ": " not in msg and msg:
                    continue  # connect, disconnect, postscreen, anvil: understood, nothing to record
            elif fn is None:
                unparsed += 1
                continue
            if not fn(arg, ts, msg, host):
                unparsed += 1
        if pending:
            n -= len(pending)
            self.last_ts = ts
            self.feed(pending)
            ts = self.last_ts
        self.lines += n
        self.unparsed += unparsed
        self.last_ts = ts

    def _tail(self, ts: float, rest: str) -> None:
        """The general path after the stamp: ``host prog[pid]: msg`` in all its variants."""
        host, _, rest = rest.partition(" ")
        if host[:1] == "<":  # "<mail.info> host prog[pid]: ..."
            host, _, rest = rest.partition(" ")
        if "(" in host and host.startswith(_DOVECOT_AGENTS):  # dovecot log_path: no host column
            if not self.dovecot.handle(ts, host + " " + rest):
                self.unparsed += 1
            return
        prog, sep, msg = rest.partition(": ")
        name = prog.partition("[")[0]
        if name.startswith(_DOVECOT_AGENTS):  # "deliver(user): msgid=..." as a program name
            if not self.dovecot.handle(ts, rest):
                self.unparsed += 1
            return
        if not sep:
            self.unparsed += 1
            return
        fn, arg = self._entry(prog + ":")
        if fn is None or not fn(arg, ts, msg, host):
            self.unparsed += 1
