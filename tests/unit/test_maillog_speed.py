"""The fast paths of the log reader give exactly what the plain line loop gives: ``feed_text`` (one
regular expression over a whole block) against ``feed`` (line by line) on every test log and on
generated junk, and spamd's per-child state when children's lines interleave."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.maillog.correlate import records_from_lines
from wizard.core.maillog.dispatch import LineDispatcher

JST = timezone(timedelta(hours=9))
DATA = Path(__file__).resolve().parents[1] / "data"


class Recorder:
    """A Sink that keeps every call with all its arguments."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        def record(*args: Any) -> None:
            self.calls.append((name, args))
        return record


def _both(text: str) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    slow, fast = Recorder(), Recorder()
    a = LineDispatcher(slow, JST, (2026, 12))  # type: ignore[arg-type]
    b = LineDispatcher(fast, JST, (2026, 12))  # type: ignore[arg-type]
    a.feed(text.split("\n"))
    b.feed_text(text)
    return (slow.calls, a.lines, a.unparsed), (fast.calls, b.lines, b.unparsed)


EDGES = "\n".join([
    "",
    "Mar  6 00:00:00 mx01 postfix/smtpd[1]: connect from unknown[192.0.2.1]",
    "Mar  6 00:00:00 mx01 postfix/smtpd[1]: ",
    "Mar  6 00:00:00 mx01 postfix/smtpd[1]:",
    "Mar  6 00:00:00  postfix/qmgr[2]: ABCDE12345: removed",
    "Mar  6 00:00:00 <mail.info> mx01 postfix/qmgr[2]: ABCDE12345: removed",
    "Xyz 99 99:99:99 mx01 postfix/qmgr[2]: ABCDE12345: removed",
    "Feb 30 10:00:00 mx01 postfix/qmgr[2]: ABCDE12345: removed",
    "Mar  6 00:00:01 lmtp(user@example.jp)<77><sess>: Info: msgid=<m@x>: saved mail to INBOX",
    "Mar  6 00:00:01 mx01 dovecot: lmtp(user@example.jp)<77><sess>: msgid=<m@x>: saved mail to Junk",
    "Mar  6 00:00:02 mx01 kernel: [  1.0] eth0: link up",
    "Mar  6 00:00:02 mx01 spamd[9]: spamd: connection from ::1 [::1]:1 to port 783, fd 5",
    "Mar  6 00:00:02 mx01 spamd[9]: prefork: child states: II",
    "2026-03-06T00:00:03.123456+09:00 mx01 postfix/qmgr[2]: ABCDE12345: removed",
    "2026-03-06 00:00:04 1wAbCd-000Abc-1x <= a@b.example H=x [192.0.2.9] P=esmtp S=1 id=m@x",
    "   ",
    "Mar  6 00:00:05 mx01 postfix/smtpd[1]  double  space: x",
    "Mär  6 00:00:05 mx01 postfix/smtpd[1]: connect from x",
    "\u00e9\u00e9\u00e9 garbage line \u2028 with separators \x0b",
    "Mar  6 00:00:06 mx01 postfix/cleanup[3]: ABCDE12345: message-id=<m@x>",
])


def test_feed_text_equals_feed_on_edge_lines() -> None:
    slow, fast = _both(EDGES)
    assert fast == slow
    assert slow[1] == EDGES.count("\n") + 1


def test_feed_text_equals_feed_on_every_test_log() -> None:
    files = [p for p in sorted(DATA.glob("maillog*/**/*")) if p.is_file() and p.suffix not in (".md", ".py")]
    assert files
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace").replace("\r", "")
        slow, fast = _both(text)
        assert fast == slow, path.name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(EDGES.split("\n")) | st.text(max_size=60), max_size=30))
def test_feed_text_equals_feed_on_junk(lines: list[str]) -> None:
    text = "\n".join(lines)
    slow, fast = _both(text)
    assert fast == slow


def test_interleaved_spamd_children_keep_their_own_message() -> None:
    # two spamd children at work at once: each verdict belongs to the message its own child processed
    lines = [
        "Mar  6 00:00:00 mx01 postfix/cleanup[3]: AAAAA11111: message-id=<a@x>",
        "Mar  6 00:00:00 mx01 postfix/cleanup[3]: BBBBB22222: message-id=<b@x>",
        "Mar  6 00:00:01 mx01 spamd[101]: spamd: processing message <a@x> for debian-spamd:114",
        "Mar  6 00:00:01 mx01 spamd[102]: spamd: processing message <b@x> for debian-spamd:114",
        "Mar  6 00:00:02 mx01 spamd[101]: spamd: identified spam (82.3/5.0) for debian-spamd:114 in 0.3 s",
        "Mar  6 00:00:02 mx01 spamd[102]: spamd: clean message (1.1/5.0) for debian-spamd:114 in 0.3 s",
        "Mar  6 00:00:03 mx01 postfix/qmgr[2]: AAAAA11111: removed",
        "Mar  6 00:00:03 mx01 postfix/qmgr[2]: BBBBB22222: removed",
    ]
    records = {r.message_id: r for r in records_from_lines(lines, tz=JST)}
    assert records["a@x"].spam.flag is True and records["a@x"].spam.score == 82.3
    assert records["b@x"].spam.flag is False and records["b@x"].spam.score == 1.1
