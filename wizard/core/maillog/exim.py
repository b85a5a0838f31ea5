"""Exim's main log: ``YYYY-MM-DD HH:MM:SS [pid] ID FLAG ...`` with the old 16-character
(``1aBcDe-000Abc-Xy``) and the 4.97+ 23-character (``10HmaX-000000005vi-0000``) message ids.

Flags: ``<=`` arrival, ``=>`` delivery, ``->`` further address of the same delivery, ``*>`` suppressed
delivery, ``**`` failure (bounce), ``==`` deferral; ``Completed`` ends the message. sa-exim adds
``SA: Action: ...`` lines; ACL rejects are ``H=... F=<..> rejected RCPT <..>: text``.
"""

from __future__ import annotations

import re

from wizard.core.maillog.events import Sink, strip_angle

_HOST = re.compile(r"(?:^| )H=(?:([^\s(\[]+) ?)?(?:\(([^)]*)\) ?)?(?:\[([^\]]+)\])?")
_FROM = re.compile(r"(?:^| )F=(<[^>]*>|\S+)")
_ID = re.compile(r" id=(\S+)")
_TRANSPORT = re.compile(r" T=(\S+)")
_SA = re.compile(r"score=(-?[\d.]+) required=(-?[\d.]+)")
_SA_MID = re.compile(r"Message-Id: ([^)]*?)\)")
_SA_FOR = re.compile(r"\) for (.+)$")
_REMOTE_TRANSPORTS = ("remote", "smtp", "relay", "dnslookup")


def is_exim_id(token: str) -> bool:
    """Old (16) or new 4.97+ (23) Exim message id."""
    n = len(token)
    if n == 16:
        return token[6] == "-" and token[13] == "-"
    if n == 23:
        return token[6] == "-" and token[18] == "-"
    return False


def _num(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def parse_host(text: str) -> tuple[str | None, str | None, str | None]:
    """``H=host (helo) [ip]:port`` -> (host, helo, ip); Exim omits ``(helo)`` when it equals host."""
    m = _HOST.search(text)
    if m is None:
        return None, None, None
    host, helo, ip = m.group(1), m.group(2), m.group(3)
    if helo is None and host is not None:
        helo = host
    return host, helo, ip


class EximParser:
    """Turns Exim main-log lines into :class:`~wizard.core.maillog.events.Sink` calls."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink

    def handle(self, ts: float, msg: str, loghost: str | None = None) -> bool:
        """The text after the time stamp. True when understood (any Exim line)."""
        if msg.startswith("["):
            end = msg.find("] ")
            if end > 0 and msg[1:end].isdigit():
                msg = msg[end + 2:]
        token, _, rest = msg.partition(" ")
        if not is_exim_id(token):
            if " rejected " in msg and ("H=" in msg or "F=" in msg):
                self._reject(ts, None, msg, loghost)
            return bool(msg)
        qid = token
        flag = rest[:3]
        if flag == "<= ":
            self._arrival(ts, qid, rest[3:], loghost)
        elif flag in ("=> ", "-> ", "*> "):
            self._delivered(ts, qid, rest[3:], flag == "*> ")
        elif flag == "** ":
            rcpt, detail = self._address(rest[3:])
            self._sink.delivery(ts, qid, rcpt, "bounced", None, detail.partition(": ")[2] or detail, "exim")
        elif flag == "== ":
            rcpt, detail = self._address(rest[3:])
            reason = detail.partition(" defer ")[2] or detail
            self._sink.delivery(ts, qid, rcpt, "deferred", None, reason, "exim")
        elif rest == "Completed" or rest.startswith("Completed "):
            self._sink.removed(ts, qid)
        elif rest.startswith("SA: "):
            self._sa_exim(ts, qid, rest[4:])
        elif " rejected " in rest or rest.startswith("rejected "):
            self._reject(ts, qid, rest, loghost)
        return True

    @staticmethod
    def _address(text: str) -> tuple[str, str]:
        first, _, detail = text.partition(" ")
        if detail.startswith("<"):
            orig, _, detail = detail.partition(" ")
            if "@" in orig or not first:
                first = strip_angle(orig)
        return first.rstrip(":"), detail

    def _arrival(self, ts: float, qid: str, text: str, loghost: str | None) -> None:
        sender, _, fields = text.partition(" ")
        host, helo, ip = parse_host(fields)
        self._sink.client(ts, qid, host, ip, helo, loghost)
        local = ip is None or fields.startswith("R=") or (" U=" in fields and " P=local" in fields)
        self._sink.sender(ts, qid, "" if sender == "<>" else sender, local)
        m = _ID.search(fields)
        if m:
            self._sink.message_id(ts, qid, strip_angle(m.group(1)))
        idx = fields.rfind(" for ")
        if idx >= 0:
            for rcpt in fields[idx + 5:].split():
                if "@" in rcpt:
                    self._sink.recipient(ts, qid, strip_angle(rcpt))

    def _delivered(self, ts: float, qid: str, text: str, suppressed: bool) -> None:
        path = text.partition(" ")[0] if text.startswith("/") else ""
        rcpt, detail = self._address(text)
        m = _TRANSPORT.search(" " + detail)
        transport = (m.group(1) if m else "").rstrip(":")
        host, _, ip = parse_host(detail)
        low = transport.lower()
        via = "local"
        if ip is not None or low.startswith(_REMOTE_TRANSPORTS):
            via = "lmtp" if "lmtp" in low else "smtp"
        relay = f"{host or ''}[{ip}]" if ip else transport or None
        reply = detail.partition(' C="')[2].rstrip('"')
        if suppressed:
            self._sink.delivery(ts, qid, rcpt, "suppressed", relay, "delivery suppressed (-N)", "exim")
            return
        if path:
            parts = [p for p in path.split("/") if p and p not in ("cur", "new", "tmp", "Maildir")]
            folder = parts[-1].lstrip(".") if parts else path
            if folder.lower() in ("inbox", "mbox") or len(parts) <= 2:
                self._sink.delivery(ts, qid, rcpt, "sent", relay, f"saved to {path}", "local")
            else:
                self._sink.delivery(ts, qid, rcpt, "sent", relay, f"saved to {path}", "file:" + folder)
            return
        self._sink.delivery(ts, qid, rcpt, "sent", relay, reply or f"transport {transport}", via)

    def _sa_exim(self, ts: float, qid: str, text: str) -> None:
        m = _SA.search(text)
        score = _num(m.group(1)) if m else None
        required = _num(m.group(2)) if m else None
        mid_m = _SA_MID.search(text)
        mid = mid_m.group(1).strip().strip("<>") if mid_m else None
        for_m = _SA_FOR.search(text)
        rcpts = [strip_angle(r) for r in for_m.group(1).split(",")] if for_m else []
        action = text.partition("Action: ")[2].partition(":")[0]
        flag = None if "isn't spam" not in action and "spam" not in action.lower() else (
            "isn't spam" not in action)
        if "tossed" in action or "rejected" in action:
            flag = True
        self._sink.spam(ts, qid, mid, flag, score, required, (), "sa-exim")
        if mid:
            self._sink.message_id(ts, qid, mid)
        for rcpt in rcpts:
            self._sink.recipient(ts, qid, rcpt)
        if "silently tossed" in action:
            for rcpt in rcpts or ["*"]:
                self._sink.delivery(ts, qid, rcpt, "discarded", None, "sa-exim: " + action, "exim")
            self._sink.removed(ts, qid)
        elif "permanently rejected" in action:
            for rcpt in rcpts or [None]:  # type: ignore[list-item]
                self._sink.reject(ts, qid, None, None, None, None, rcpt, "sa-exim: " + action, None)
        elif "temporarily rejected" in action:
            for rcpt in rcpts or ["*"]:
                self._sink.delivery(ts, qid, rcpt, "deferred", None, "sa-exim: " + action, "exim")

    def _reject(self, ts: float, qid: str | None, text: str, loghost: str | None) -> None:
        host, helo, ip = parse_host(text)
        fm = _FROM.search(text)
        sender = strip_angle(fm.group(1)) if fm else None
        rcpt: str | None = None
        idx = text.find("rejected RCPT ")
        reason = text.partition(" rejected ")[2] or text
        if idx >= 0:
            tail = text[idx + 14:]
            rcpt_raw, _, reason = tail.partition(": ")
            rcpt = strip_angle(rcpt_raw)
        self._sink.reject(ts, qid, ip, host, helo, sender, rcpt, reason, loghost)
