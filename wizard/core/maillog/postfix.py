"""Postfix: smtpd, postscreen, cleanup, qmgr, pickup, the delivery agents (smtp, lmtp, local, virtual,
pipe, error, discard) and bounce, for short hex and long (``enable_long_queue_ids``) queue ids.

Lines look like ``<stamp> <host> postfix/<service>[pid]: <qid>: key=value, ...``; the dispatcher has
already split off the stamp, host and program, so :meth:`PostfixParser.handle` gets the text after
``: ``. Only rejects go through a regular expression; everything else is ``str.partition``.
"""

from __future__ import annotations

import re

from wizard.core.maillog.events import Sink, strip_angle

_NOT_QID = frozenset({"NOQUEUE", "warning", "error", "fatal", "panic", "statistics", "Anonymous",
                      "Trusted", "Untrusted", "Verified", "Info", "INFO"})
_KV = re.compile(r"(\w+)=(?:<([^>]*)>|([^\s,;]*))")


def is_queue_id(token: str) -> bool:
    """A Postfix queue id: 5+ hex digits (short form) or the 12+ character base-52 long form."""
    return (5 <= len(token) <= 24 and token.isascii() and token.isalnum() and not token.islower()
            and token not in _NOT_QID)


def split_client(text: str) -> tuple[str | None, str | None]:
    """``host[ip]``, ``host[ip]:port`` or ``[ip]:port`` -> (host or None, ip or None)."""
    open_ = text.find("[")
    if open_ < 0:
        return (text.strip() or None), None
    close = text.find("]", open_)
    if close < 0:
        return (text[:open_] or None), None
    host = text[:open_].strip() or None
    ip = text[open_ + 1:close]
    if ip[:1] in "iI" and ip[:5].lower() == "ipv6:":
        ip = ip[5:]
    return host, ip or None


def parse_reject(rest: str) -> tuple[str | None, str | None, dict[str, str], str]:
    """``RCPT from host[ip]: 550 text; from=<a> to=<b> proto=ESMTP helo=<h>`` ->
    (host, ip, {from, to, proto, helo}, text)."""
    _stage, _, rest = rest.partition(" from ")
    client, _, rest = rest.partition(": ")
    idx = rest.rfind("; from=<")
    if idx < 0:
        idx = rest.rfind("; proto=")
    if idx >= 0:
        text, kv_text = rest[:idx], rest[idx + 2:]
    else:
        text, kv_text = rest, ""
    fields: dict[str, str] = {}
    for key, angled, plain in _KV.findall(kv_text):  # one of the two values took part (the other is "")
        fields.setdefault(key, angled or plain)
    host, ip = split_client(client)
    return host, ip, fields, text.strip()


class PostfixParser:
    """Turns Postfix lines into :class:`~wizard.core.maillog.events.Sink` calls."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._client = sink.client
        self._message_id = sink.message_id
        self._sender = sink.sender
        self._delivery = sink.delivery
        self._removed = sink.removed
        self._qids: dict[str, bool] = {}
        """Tokens before the first ``: `` -> whether they are queue ids (each id has several lines)."""

    def handle(self, comp: str, ts: float, msg: str, host: str | None) -> bool:
        """One line of a Postfix service ``comp`` (``smtpd``, ``qmgr``, ...). True when understood."""
        qid, sep, rest = msg.partition(": ")
        if not sep:
            return bool(msg)  # connect/disconnect/"removed"-less noise: known, nothing to record
        known = self._qids.get(qid)
        if known is None:
            known = is_queue_id(qid)
            if len(qid) < 25:  # only short tokens: the text before ": " of any line could be long
                if len(self._qids) > 4096:
                    self._qids.clear()
                self._qids[qid] = known
        if not known:
            if qid == "NOQUEUE":
                return self._noqueue(ts, rest, host)
            return True  # warnings, statistics, TLS chatter: Postfix's own, nothing to correlate
        first = rest[:4]
        if first == "to=<":
            self._to_line(comp, ts, qid, rest)
        elif rest == "removed":
            self._removed(ts, qid)
        elif first == "from":
            if rest.startswith("from=<"):
                end = rest.find(">", 6)
                if end >= 0:
                    sender = rest[6:end]
                    self._sender(ts, qid, sender, False)
                    if ", status=expired" in rest:
                        self._delivery(ts, qid, "*", "expired", None, rest[end + 3:], comp)
        elif first == "clie":
            value = rest[7:].partition(",")[0]
            chost, ip = split_client(value)
            self._client(ts, qid, chost, ip, None, host)
        elif first == "mess":
            if rest.startswith("message-id="):
                end = rest.find(">", 12) if rest[11:12] == "<" else -1
                # "<id>" (what strip_angle gives when the value starts with "<" and has a ">")
                mid = rest[12:end] if end >= 0 else strip_angle(rest[11:])
                if mid:
                    self._message_id(ts, qid, mid)
        elif first == "uid=":
            _uid, _, tail = rest.partition(" from=<")
            if tail:
                self._client(ts, qid, None, None, None, host)
                self._sender(ts, qid, tail.partition(">")[0], True)
        elif first in ("reje", "milt", "disc"):
            self._qid_reject(comp, ts, qid, rest, host)
        return True

    def _to_line(self, comp: str, ts: float, qid: str, rest: str) -> None:
        end = rest.find(">", 4)
        if end < 0:
            return
        rcpt = rest[4:end]
        k = rest.find(", status=", end)
        if k < 0:
            return
        status, _, text = rest[k + 9:].partition(" ")
        if text[:1] == "(" and text[-1:] == ")":
            text = text[1:-1]
        relay: str | None = None
        r = rest.find("relay=", end, k)
        if r >= 0:
            r_end = rest.find(",", r)
            relay = rest[r + 6:r_end if 0 <= r_end < k else k]
        self._delivery(ts, qid, rcpt, status, relay, text, comp)

    def _noqueue(self, ts: float, rest: str, host: str | None) -> bool:
        kind, _, tail = rest.partition(": ")
        if kind not in ("reject", "milter-reject", "discard"):
            return True  # "NOQUEUE: filter:", "NOQUEUE: lost connection ...": nothing to record
        chost, ip, fields, text = parse_reject(tail)
        rcpt = fields.get("to")
        if kind == "discard":
            text = "discarded: " + text
        self._sink.reject(ts, None, ip, chost, fields.get("helo"), fields.get("from"), rcpt or None, text,
                          host)
        return True

    def _qid_reject(self, comp: str, ts: float, qid: str, rest: str, host: str | None) -> None:
        kind, _, tail = rest.partition(": ")
        if kind not in ("reject", "milter-reject", "discard"):
            return
        if comp == "cleanup" and " from " not in tail.partition(":")[0] and "from=" not in tail:
            text = tail
            chost = ip = None
            fields: dict[str, str] = {}
        elif comp == "cleanup" and tail.startswith(("header ", "body ")):
            # "header Subject: x from host[ip]; from=<a> to=<b> proto=ESMTP helo=<h>: 5.7.1 text"
            what, _, after = tail.partition("; from=")
            kv_text = "from=" + after
            reason = ""
            helo = kv_text.find(" helo=<")
            end = kv_text.find(">", helo + 7) if helo >= 0 else -1
            if end >= 0:  # "... helo=<h>: 5.7.1 text"; DISCARD / HOLD without text end at "helo=<h>"
                kv_text, reason = kv_text[:end + 1], kv_text[end + 1:].removeprefix(":").strip()
            else:
                kv_text, _, reason = kv_text.rpartition(": ")
            fields = {}
            for key, angled, plain in _KV.findall(kv_text):
                fields.setdefault(key, angled or plain)
            client = what.rpartition(" from ")[2]
            chost, ip = split_client(client)
            text = f"{reason} ({what.rpartition(' from ')[0]})" if reason else what
        else:
            chost, ip, fields, text = parse_reject(tail)
        rcpt = fields.get("to") or None
        if comp == "cleanup" or tail.startswith(("DATA", "END-OF-MESSAGE", "BDAT", "CONNECT")):
            # the whole message is refused, whichever recipient Postfix happened to name
            if rcpt:
                self._sink.recipient(ts, qid, rcpt)
            rcpt = "*"
        if kind == "discard":
            if fields.get("from") is not None:
                self._sender(ts, qid, fields["from"], False)
            self._delivery(ts, qid, rcpt or "*", "discarded", None, text, comp)
            return
        self._sink.reject(ts, qid, ip, chost, fields.get("helo"), fields.get("from"), rcpt, text, host)
