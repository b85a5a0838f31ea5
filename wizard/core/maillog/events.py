"""The calls a dialect parser makes for each line it understands.

Dialect modules never build records themselves: they translate one log line into one call on a
:class:`Sink` (the correlator, or a recorder in tests). Times are POSIX seconds (UTC). ``qid`` is the
MTA's queue / message id as logged; ``mid`` a Message-ID without angle brackets.
"""

from __future__ import annotations

from typing import Protocol


class Sink(Protocol):
    """Receiver of parsed log events (implemented by :class:`~wizard.core.maillog.correlate.Correlator`)."""

    def client(self, ts: float, qid: str, host: str | None, ip: str | None, helo: str | None,
               loghost: str | None) -> None:
        """A message entered the queue from an SMTP client (or a local submission when ip is None)."""

    def message_id(self, ts: float, qid: str, mid: str) -> None:
        """The queued message carries this Message-ID."""

    def sender(self, ts: float, qid: str, sender: str, local: bool) -> None:
        """Envelope sender (``""`` for ``<>``); ``local`` for pickup / re-injected copies."""

    def recipient(self, ts: float, qid: str, rcpt: str) -> None:
        """A recipient known before any delivery attempt (Exim ``for``, sa-exim)."""

    def delivery(self, ts: float, qid: str, rcpt: str, status: str, relay: str | None, text: str,
                 via: str) -> None:
        """A delivery attempt. ``status``: sent, deferred, bounced, expired, discarded, rejected.
        ``via``: the transport (local, virtual, lmtp, smtp, pipe, error, discard, an Exim transport)."""

    def removed(self, ts: float, qid: str) -> None:
        """The MTA is done with this queue id (Postfix ``removed``, Exim ``Completed``)."""

    def reject(self, ts: float, qid: str | None, ip: str | None, host: str | None, helo: str | None,
               sender: str | None, rcpt: str | None, text: str, loghost: str | None) -> None:
        """Refused during the SMTP dialogue (or by a header check / milter before queueing)."""

    def spam(self, ts: float, qid: str | None, mid: str | None, flag: bool | None, score: float | None,
             required: float | None, tests: tuple[str, ...], engine: str,
             rule_scores: tuple[tuple[str, float], ...] = ()) -> None:
        """A content filter's verdict, tied to the message by queue id and/or Message-ID."""

    def filtered(self, ts: float, qid: str | None, mid: str | None, queued_as: tuple[str, ...],
                 blocked: bool, text: str, sender: str | None = None, rcpts: tuple[str, ...] = (),
                 ip: str | None = None) -> None:
        """A content filter (amavis) passed the message on under new queue ids, or blocked it. A
        ``qid`` starting with ``amavis:`` stands for a filter line that names no MTA queue id."""

    def mailbox(self, ts: float, mid: str | None, user: str, disposition: str, folder: str | None,
                text: str, session: str | None = None) -> None:
        """The delivery agent (Dovecot LDA/LMTP, Sieve) stored or dropped the message for ``user``;
        ``session`` is the LMTP session id (it is the ``with LMTP id`` of Dovecot's Received line)."""


def strip_angle(value: str) -> str:
    """``<a@b>`` -> ``a@b`` (also trims whitespace and a trailing comma)."""
    value = value.strip().rstrip(",")
    if value.startswith("<"):
        value = value[1:]
        end = value.find(">")
        if end >= 0:
            value = value[:end]
    return value
