"""amavisd-new: the per-message summary line (``Passed SPAM``, ``Blocked SPAM``, ``Passed CLEAN``, ...)
and the ``SPAM-TAG`` line with per-rule scores.

``(27143-01) Passed SPAM {RelayedTaggedInbound}, [203.0.113.5]:41234 [203.0.113.5] <a@b> -> <c@d>,
Queue-ID: 4C5F31E0B2, Message-ID: <m@x>, mail_id: x, Hits: 7.2, size: 2345, queued_as: 4C9A11E0C1,
3045 ms``. ``Queue-ID`` is the MTA's id of the copy amavis received; ``queued_as`` the re-injected
copy's.
"""

from __future__ import annotations

import re

from wizard.core.maillog.events import Sink

_ADDR = re.compile(r"<([^<>]*)>")
_SCORE = re.compile(r"\bscore=(-?[\d.]+)")
_REQUIRED = re.compile(r"\brequired=(-?[\d.]+)")
_SPAM_CATEGORIES = ("SPAM", "SPAMMY")


def _tests_list(text: str) -> str | None:
    """What the first ``tests=[...]`` or ``Tests: [...]`` holds, or None (``str.find`` is several times
    faster here than a regular expression search, which tries every position)."""
    low = text.find("tests=[")
    high = text.find("Tests: [")
    if low < 0 and high < 0:
        return None
    start = high + 8 if low < 0 or 0 <= high < low else low + 7
    end = text.find("]", start)
    return text[start:end] if end >= 0 else None


def _field(text: str, key: str) -> str | None:
    idx = text.find(key)
    if idx < 0:
        return None
    start = idx + len(key)
    end = text.find(", ", start)
    return (text[start:] if end < 0 else text[start:end]).strip() or None


def _route(rest: str) -> tuple[str | None, tuple[str, ...], str | None]:
    """``[ip]:port [ip] <from> -> <to1>,<to2>, ...`` -> (sender, recipients, first client IP)."""
    before, arrow, after = rest.partition(" -> ")
    if not arrow:
        return None, (), None
    start = before.rfind("<")
    sender = before[start + 1:].rstrip(">") if start >= 0 and before.endswith(">") else None
    rcpts = tuple(_ADDR.findall(after.partition(", ")[0]))
    ip: str | None = None
    open_ = before.find("[")
    if open_ >= 0 and (start < 0 or open_ < start):
        ip = before[open_ + 1:before.find("]", open_)] or None
    return sender, rcpts, ip


def _num(text: str | None) -> float | None:
    if text is None or text == "-":
        return None
    try:
        return float(text)
    except ValueError:
        return None


def parse_tests(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, float], ...]]:
    """``BAYES_99=3.5,USER_IN_BLOCKLIST=100`` -> (names, ((name, score), ...))."""
    names: list[str] = []
    scores: list[tuple[str, float]] = []
    for item in text.split(","):
        name, _, value = item.strip().partition("=")
        if not name:
            continue
        names.append(name)
        try:  # noqa: SIM105 - contextlib.suppress costs a context manager per rule of every message
            scores.append((name, float(value)))
        except ValueError:
            pass
    return tuple(names), tuple(scores)


class AmavisParser:
    """Turns amavis summary lines into ``Sink.spam`` and ``Sink.filtered`` calls."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._tags: dict[str, tuple[tuple[str, ...], tuple[tuple[str, float], ...], float | None,
                                    float | None]] = {}

    def handle(self, ts: float, msg: str) -> bool:
        """One amavis line (text after ``amavis[pid]: ``). True when understood."""
        log_id = ""
        if msg.startswith("("):
            log_id, _, msg = msg[1:].partition(") ")
        if msg.startswith(("Passed ", "Blocked ", "Not-Delivered ")):
            return self._summary(ts, msg, log_id)
        if msg[:9].upper() == "SPAM-TAG,":
            return self._spam_tag(msg, log_id)
        return bool(msg)

    def _summary(self, ts: float, msg: str, log_id: str) -> bool:
        head, _, rest = msg.partition(", ")
        words = head.split()
        blocked = words[0] != "Passed"
        category = words[1].rstrip(",") if len(words) > 1 else ""
        qid = _field(rest, "Queue-ID: ")
        mid_raw = _field(rest, "Message-ID: ")
        mid = mid_raw.strip("<>") if mid_raw else None
        score = _num(_field(rest, "Hits: "))
        queued = _field(rest, "queued_as: ")
        queued_as = tuple(queued.replace("/", " ").split()) if queued else ()
        tests: tuple[str, ...] = ()
        rule_scores: tuple[tuple[str, float], ...] = ()
        listed = _tests_list(rest)
        if listed is not None:
            tests, rule_scores = parse_tests(listed)
        flag: bool | None = None
        if category in _SPAM_CATEGORIES:
            flag = True
        elif category == "CLEAN":
            flag = False
        key = qid or (f"amavis:{log_id}" if log_id else None)
        action = head if len(head) < 200 else head[:200]
        quarantine = _field(rest, "quarantine: ") if "quarantine: " in rest else None
        text = f"amavis: {action}" + (f" (quarantine: {quarantine})" if quarantine else "")
        if queued_as and not blocked:
            text += f", queued as {' '.join(queued_as)}"
        sender, rcpts, ip = _route(rest)
        self._summary_step(ts, log_id, key, mid, flag, score, tests, rule_scores, queued_as, blocked, text,
                           sender, rcpts, ip)
        return True

    def _spam_tag(self, msg: str, log_id: str) -> bool:
        # "SPAM-TAG, <a@b> -> <c@d>, Yes, score=7.2 required=5 tests=[...]": joined to the summary
        # line of the same amavis log id, which carries the queue id.
        listed = _tests_list(msg)
        tests, rule_scores = parse_tests(listed) if listed is not None else ((), ())
        s = _SCORE.search(msg)
        r = _REQUIRED.search(msg)
        self._tag_step(log_id, tests, rule_scores, _num(s.group(1)) if s else None,
                       _num(r.group(1)) if r else None)
        return True

    # The steps that read or change the SPAM-TAG state. The parsing above depends on the line alone;
    # parallel reading records these calls in the workers and replays them in one process.
    def _tag_step(self, log_id: str, tests: tuple[str, ...], rule_scores: tuple[tuple[str, float], ...],
                  score: float | None, required: float | None) -> None:
        if len(self._tags) > 4096:
            self._tags.clear()
        self._tags[log_id] = (tests, rule_scores, score, required)

    def _summary_step(self, ts: float, log_id: str, key: str | None, mid: str | None, flag: bool | None,
                      score: float | None, tests: tuple[str, ...], rule_scores: tuple[tuple[str, float], ...],
                      queued_as: tuple[str, ...], blocked: bool, text: str, sender: str | None,
                      rcpts: tuple[str, ...], ip: str | None) -> None:
        required: float | None = None
        tagged = self._tags.pop(log_id, None)
        if tagged is not None:
            tests = tests or tagged[0]
            rule_scores = rule_scores or tagged[1]
            score = score if score is not None else tagged[2]
            required = tagged[3]
        if flag is not None or score is not None:
            self._sink.spam(ts, key, mid, flag, score, required, tests, "amavis", rule_scores)
        self._sink.filtered(ts, key, mid, queued_as, blocked, text, sender, rcpts, ip)
