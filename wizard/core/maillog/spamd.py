"""SpamAssassin's spamd (and spamc) in syslog.

spamd writes, per message and per child pid: ``processing message <mid> for user:uid``, then
``identified spam (score/required) ...`` or ``clean message (...)``, then ``result: Y|. score - TESTS
scantime=..,...,mid=<mid>,...``. The verdict goes out on ``identified``/``clean`` (with the Message-ID
remembered from ``processing``) and again, with the rule names, on ``result``.
"""

from __future__ import annotations

from wizard.core.maillog.events import Sink


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


class SpamdParser:
    """Turns spamd lines into ``Sink.spam`` calls; remembers the last message per child pid."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._mid: dict[str, str] = {}
        self._verdict: dict[str, tuple[bool, float | None, float | None]] = {}

    def handle(self, pid: str, ts: float, msg: str, host: str | None = None) -> bool:
        """One spamd line (``msg`` is the text after ``spamd[pid]: ``). True when understood. (``host``,
        unused, lets the dispatcher call this directly.)"""
        off = 7 if msg.startswith("spamd: ") else 0  # offsets instead of a copy without the prefix
        if msg.startswith(("identified spam (", "clean message ("), off):
            inner = msg[msg.find("(") + 1:msg.find(")")]
            score_s, _, req_s = inner.partition("/")
            self._verdict_step(pid, ts, msg[off] == "i", _float(score_s), _float(req_s))
            return True
        if msg.startswith("result: ", off):
            self._result(pid, ts, msg[off + 8:])
            return True
        if msg.startswith(("processing message ", "checking message "), off):
            start = msg.find("<")
            end = msg.find(">", start + 1)
            if start >= 0 and end > start:
                self._processing_step(pid, msg[start + 1:end])
            return True
        return len(msg) > off

    def _result(self, pid: str, ts: float, text: str) -> None:
        # "Y 105 - USER_IN_BLOCKLIST,RDNS_NONE scantime=0.1,size=900,...,mid=<x>,autolearn=no"
        flag_s, _, rest = text.partition(" ")
        score_s, _, rest = rest.partition(" - ")
        tests_s, _, kv = rest.partition(" ")
        tests = tuple([t for t in tests_s.split(",") if t and t != "none"])
        mid: str | None = None
        m = kv.find("mid=<")
        if m >= 0:
            end = kv.find(">", m + 5)
            mid = kv[m + 5:end] if end > 0 else None
        elif "mid=" in kv:
            mid = kv.partition("mid=")[2].partition(",")[0] or None
        required: float | None = None
        r = kv.find("required_score=")
        if r >= 0:
            required = _float(kv[r + 15:].partition(",")[0])
        self._result_step(pid, ts, flag_s == "Y", _float(score_s), required, tests, mid)

    # The steps that read or change the per-child state. The parsing above depends on the line alone;
    # parallel reading records these calls in the workers and replays them in one process.
    def _verdict_step(self, pid: str, ts: float, flag: bool, score: float | None, required: float | None) -> None:
        self._verdict[pid] = (flag, score, required)
        mid = self._mid.get(pid)
        if mid is not None:
            self._sink.spam(ts, None, mid, flag, score, required, (), "spamassassin")

    def _processing_step(self, pid: str, mid: str) -> None:
        if len(self._mid) > 4096:
            self._mid.clear()
            self._verdict.clear()
        self._mid[pid] = mid
        self._verdict.pop(pid, None)

    def _result_step(self, pid: str, ts: float, flag: bool, score: float | None, required: float | None,
                     tests: tuple[str, ...], mid: str | None) -> None:
        if mid in (None, "(unknown)"):
            mid = self._mid.get(pid)
        known = self._verdict.pop(pid, None)
        if known is not None and known[0] == flag:
            score = known[1] if known[1] is not None else score
            required = required if required is not None else known[2]
        self._sink.spam(ts, None, mid, flag, score, required, tests, "spamassassin")
