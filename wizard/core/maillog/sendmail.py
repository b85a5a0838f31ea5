"""Sendmail (``sm-mta``, ``sendmail``, ``sm-msp-queue``, ``sm-acceptingconnections``).

``QID: from=<a>, size=N, class=0, nrcpts=1, msgid=<m>, proto=ESMTP, daemon=MTA, relay=host [ip]``,
``QID: to=<b>, delay=00:00:01, mailer=local, pri=.., dsn=2.0.0, stat=Sent``, rejects
``ruleset=check_rcpt, arg1=<b>, relay=host [ip], reject=550 5.7.1 ...`` and ``QID: <b>... User unknown``.
A message whose ``nrcpts=0`` was refused for every recipient.
"""

from __future__ import annotations

from wizard.core.maillog.events import Sink, strip_angle

_LOCAL_MAILERS = ("local", "prog", "*file*", "cyrus", "cyrusv2", "lmtp", "dovecot", "procmail", "mda")


def _kv(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in text.split(", "):
        key, sep, value = part.partition("=")
        if sep and key and " " not in key:
            out.setdefault(key, value)
    return out


def _relay(value: str) -> tuple[str | None, str | None]:
    value = value.replace(" (may be forged)", "")
    host, _, rest = value.partition("[")
    if not _:
        return (value.strip() or None), None
    ip = rest.partition("]")[0]
    if ip.lower().startswith("ipv6:"):
        ip = ip[5:]
    return host.strip() or None, ip or None


def is_sendmail_qid(token: str) -> bool:
    """Sendmail queue ids: 14+ alphanumerics (``r0NNNlC0030222``)."""
    return 12 <= len(token) <= 20 and token.isascii() and token.isalnum()


class SendmailParser:
    """Turns Sendmail lines into :class:`~wizard.core.maillog.events.Sink` calls."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._pending: dict[str, int] = {}

    def handle(self, ts: float, msg: str, loghost: str | None) -> bool:
        """The text after ``sm-mta[pid]: ``. True when understood."""
        head, sep, rest = msg.partition(": ")
        qid: str | None = None
        if sep and is_sendmail_qid(head):
            qid = head
        else:
            rest = msg
        if rest.startswith("ruleset="):
            self._ruleset(ts, qid, rest, loghost)
        elif qid is None:
            return bool(msg)
        elif rest.startswith("from="):
            self._from(ts, qid, rest, loghost)
        elif rest.startswith("to="):
            self._to(ts, qid, rest)
        elif rest.startswith("<") and "... " in rest:
            addr, _, reason = rest.partition("... ")
            self._sink.reject(ts, qid, None, None, None, None, strip_angle(addr), reason, loghost)
        elif rest.startswith("Milter") and "X-Spam-Status: " in rest:
            self._milter_spam(ts, qid, rest)
        elif rest.startswith("Milter") and "reject=" in rest:
            self._sink.reject(ts, qid, None, None, None, None, None,
                              "milter: " + rest.partition("reject=")[2], loghost)
        return True

    def _from(self, ts: float, qid: str, rest: str, loghost: str | None) -> None:
        fields = _kv(rest)
        sender = strip_angle(fields.get("from", ""))
        host, ip = _relay(fields.get("relay", ""))
        self._sink.client(ts, qid, host, ip, None, loghost)
        self._sink.sender(ts, qid, sender, ip is None)
        mid = fields.get("msgid")
        if mid:
            self._sink.message_id(ts, qid, strip_angle(mid))
        try:
            nrcpts = int(fields.get("nrcpts", "-1"))
        except ValueError:
            nrcpts = -1
        if nrcpts == 0:
            self._sink.removed(ts, qid)
        elif nrcpts > 0:
            self._pending_step(qid, nrcpts)

    def _to(self, ts: float, qid: str, rest: str) -> None:
        stat_idx = rest.find(", stat=")
        if stat_idx < 0:
            return
        stat = rest[stat_idx + 7:]
        fields = _kv(rest[:stat_idx])
        to_text = rest[3:].partition(", ctladdr=")[0].partition(", delay=")[0]
        rcpts = [strip_angle(r) for r in to_text.split(",") if r.strip()]
        mailer = fields.get("mailer", "")
        relay = fields.get("relay")
        low = stat.lower()
        if low.startswith("sent"):
            status = "sent"
        elif low.startswith("deferred"):
            status = "deferred"
        else:
            status = "bounced"
        via = "local" if mailer in _LOCAL_MAILERS else "smtp"
        if mailer == "discard":
            status, via = "discarded", "discard"
        for rcpt in rcpts:
            self._sink.delivery(ts, qid, rcpt, status, relay, stat, via)
        if status != "deferred":
            self._done_step(ts, qid, len(rcpts))

    # The steps that read or change the recipient counts. The parsing around them depends on the line
    # alone; parallel reading records these calls in the workers and replays them in one process.
    def _pending_step(self, qid: str, nrcpts: int) -> None:
        self._pending[qid] = nrcpts
        if len(self._pending) > 100000:
            self._pending.clear()

    def _done_step(self, ts: float, qid: str, count: int) -> None:
        left = self._pending.get(qid)
        if left is not None:
            left -= count
            if left <= 0:
                del self._pending[qid]
                self._sink.removed(ts, qid)
            else:
                self._pending[qid] = left

    def _ruleset(self, ts: float, qid: str | None, rest: str, loghost: str | None) -> None:
        fields = _kv(rest)
        reject = fields.get("reject")
        if reject is None:
            return
        host, ip = _relay(fields.get("relay", ""))
        rule = fields.get("ruleset", "")
        arg1 = strip_angle(fields.get("arg1", ""))
        rcpt = arg1 if rule == "check_rcpt" else None
        sender = arg1 if rule == "check_mail" else None
        text = rest.partition("reject=")[2]
        self._sink.reject(ts, qid, ip, host, None, sender, rcpt, text, loghost)

    def _milter_spam(self, ts: float, qid: str, rest: str) -> None:
        value = rest.partition("X-Spam-Status: ")[2]
        flag = value.lower().startswith("yes")
        score = required = None
        tests: tuple[str, ...] = ()
        for item in value.replace(",", " ").split():
            key, _, val = item.partition("=")
            try:
                if key == "score" or key == "hits":
                    score = float(val)
                elif key == "required":
                    required = float(val)
            except ValueError:
                continue
        if "tests=" in value:
            tests = tuple(t for t in value.partition("tests=")[2].split()[0].split(",") if t)
        self._sink.spam(ts, qid, None, flag, score, required, tests, "spamassassin")
