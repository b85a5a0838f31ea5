"""Dovecot LDA / LMTP and Pigeonhole Sieve delivery lines.

Syslog form: ``dovecot: lmtp(tanaka@example.co.jp)<4711><Ab3dEfGh>: msgid=<m@x>: saved mail to INBOX``;
``log_path`` form: ``lmtp(user)<pid><session>: Info: msgid=...``; older forms ``lmtp(4711, user): SESSION:
msgid=...``, ``deliver(user): msgid=...``. Sieve adds ``sieve: msgid=<m@x>: stored mail into mailbox
'Junk'`` (Pigeonhole 0.4: ``fileinto action: stored mail into mailbox 'Junk'``) and ``marked message to
be discarded if not explicitly delivered (discard action)``.
"""

from __future__ import annotations

from wizard.core.maillog.events import Sink

_AGENTS = ("lmtp(", "lda(", "deliver(", "dovecot-lda(")


def _folder_name(text: str) -> str:
    text = text.strip().rstrip(".")
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text


def classify_action(action: str) -> tuple[str, str | None] | None:
    """Delivery text after ``msgid=<..>: `` -> (disposition, folder) or None when it is no outcome."""
    low = action.lower()
    for marker in ("stored mail into mailbox ", "saved mail to "):
        idx = low.find(marker)
        if idx >= 0:
            folder = _folder_name(action[idx + len(marker):])
            if folder.upper() == "INBOX":
                return "inbox", "INBOX"
            return "folder", folder
    if "discard" in low and ("marked message to be discarded" in low or "discard action" in low
                             or low.startswith("discarded")):
        return "discarded", None
    if low.startswith(("rejected", "reject action")) or " rejected message" in low:
        return "bounced", None  # LDA/LMTP refusal or Sieve reject: the sender gets a bounce
    if "save failed" in low or "quota" in low or "failed to save" in low:
        return "deferred", None
    if "forwarded to" in low or "redirect action" in low:
        return "unknown", None
    return None


class DovecotParser:
    """Turns Dovecot delivery lines into ``Sink.mailbox`` calls."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink

    def handle(self, ts: float, msg: str) -> bool:
        """``msg`` starts at the agent (``lmtp(user)...: ...``). True for any Dovecot line."""
        if not msg.startswith(_AGENTS):
            return bool(msg)
        head, _, rest = msg.partition(": ")
        open_ = head.find("(")
        close = head.find(")", open_)
        user = head[open_ + 1:close] if close > open_ else ""
        if ", " in user:  # Dovecot 2.2: lmtp(4711, user)
            user = user.rpartition(", ")[2]
        idx = rest.find("msgid=")
        if idx < 0 or not user:
            return True
        tail = rest[idx + 6:]
        mid: str | None
        if tail.startswith("<"):
            end = tail.find(">")
            mid = tail[1:end] if end > 0 else None
            action = tail[end + 1:].lstrip(":").strip() if end > 0 else ""
        else:
            value, _, action = tail.partition(": ")
            mid = None if value in ("", "unspecified") else value
        outcome = classify_action(action)
        if outcome is None:
            return True
        disposition, folder = outcome
        prefix = "Sieve: " if "sieve:" in rest[:idx] else ""
        session: str | None = None
        tail_head = head[close + 1:]
        if tail_head.count("<") >= 2:  # lmtp(user)<pid><session>
            session = tail_head.rpartition("<")[2].rstrip(">") or None
        elif "," in head[open_:close]:  # lmtp(pid, user): SESSION: msgid=...
            first = rest.partition(": ")[0]
            session = first if first.isalnum() or "+" in first or "/" in first else None
        self._sink.mailbox(ts, mid, user, disposition, folder, prefix + action[:300], session)
        return True
