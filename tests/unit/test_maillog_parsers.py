"""Dialect parsers line by line: real lines from tests/data/maillog/shared (public repositories, see its
README) and lines written from each format's documentation, checked through a recording sink."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.maillog.dispatch import LineDispatcher
from wizard.core.maillog.dovecot import classify_action
from wizard.core.maillog.exim import is_exim_id, parse_host
from wizard.core.maillog.postfix import is_queue_id, parse_reject, split_client

JST = timezone(timedelta(hours=9))


class Recorder:
    """A Sink that keeps every call as (method, kwargs-ish tuple)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        def record(*args: Any) -> None:
            self.calls.append((name, args[1:]))  # drop the time stamp
        return record

    def of(self, kind: str) -> list[tuple[Any, ...]]:
        return [args for name, args in self.calls if name == kind]


def feed(*lines: str) -> tuple[Recorder, LineDispatcher]:
    rec = Recorder()
    disp = LineDispatcher(rec, JST, (2026, 12))  # type: ignore[arg-type]
    disp.feed(lines)
    return rec, disp


@pytest.mark.parametrize(("token", "expected"), [
    ("C6E0DDB74006", True), ("3D74ADB7400B", True), ("44JCRG5tYPzCqt2", True), ("4Q7R2k0Z3xz1XLm", True),
    ("NOQUEUE", False), ("warning", False), ("statistics", False), ("connect from x", False), ("", False),
])
def test_postfix_queue_ids(token: str, expected: bool) -> None:
    assert is_queue_id(token) is expected


def test_split_client_forms() -> None:
    assert split_client("mail-wm1-f52.google.com[209.85.128.52]") == ("mail-wm1-f52.google.com", "209.85.128.52")
    assert split_client("[216.245.194.173]:60591") == (None, "216.245.194.173")
    assert split_client("unknown[2001:db8::1]:25") == ("unknown", "2001:db8::1")
    assert split_client("localhost") == ("localhost", None)


def test_postfix_transaction_calls() -> None:
    rec, disp = feed(
        "Oct 10 15:59:29 mail postfix/smtpd[1827]: 3D74ADB7400B: client=example.com[127.0.0.1]",
        "Oct 10 15:59:29 mail postfix/cleanup[1695]: 3D74ADB7400B: message-id=<f93388828093534f92d85ffe21b2a719@example.info>",
        "Oct 10 15:59:29 mail postfix/qmgr[18719]: 3D74ADB7400B: from=<test2@example.info>, size=2140, nrcpt=1 (queue active)",
        "Oct 10 15:59:30 mail postfix/smtp[1810]: 3D74ADB7400B: to=<test@example.to>, relay=example.to[192.168.0.20]:25, "
        "delay=1.7, delays=0.02/0/1.7/0.06, dsn=2.0.0, status=sent (250 [Sniper] OK 1539154772 snipe-queue 10549)",
        "Oct 10 15:59:30 mail postfix/qmgr[18719]: 3D74ADB7400B: removed",
    )
    assert rec.of("client") == [("3D74ADB7400B", "example.com", "127.0.0.1", None, "mail")]
    assert rec.of("message_id") == [("3D74ADB7400B", "f93388828093534f92d85ffe21b2a719@example.info")]
    assert rec.of("sender") == [("3D74ADB7400B", "test2@example.info", False)]
    assert rec.of("delivery") == [("3D74ADB7400B", "test@example.to", "sent", "example.to[192.168.0.20]:25",
                                   "250 [Sniper] OK 1539154772 snipe-queue 10549", "smtp")]
    assert rec.of("removed") == [("3D74ADB7400B",)]
    assert disp.unparsed == 0


def test_postfix_reject_forms() -> None:
    host, ip, fields, text = parse_reject(
        "RCPT from foo[192.51.100.65]: 554 5.7.1 <bad.domain>: Helo command rejected: match bad.domain; "
        "from=<foo@good.domain> to=<foo@porcupine.org> proto=SMTP helo=<bad.domain>")
    assert (host, ip) == ("foo", "192.51.100.65")
    assert fields == {"from": "foo@good.domain", "to": "foo@porcupine.org", "proto": "SMTP", "helo": "bad.domain"}
    assert text == "554 5.7.1 <bad.domain>: Helo command rejected: match bad.domain"
    rec, _ = feed(
        "May  5 15:51:11 xxx postfix/postscreen[1148]: NOQUEUE: reject: RCPT from [216.245.194.173]:60591: 550 5.7.1 "
        "Service unavailable; client [216.245.194.173] blocked using rbl.example.com; from=<spammer@example.com>, "
        "to=<goodguy@example.com>, proto=ESMTP, helo=<badguy.example.com>")
    (args,) = rec.of("reject")
    assert args[:6] == (None, "216.245.194.173", None, "badguy.example.com", "spammer@example.com", "goodguy@example.com")
    assert "blocked using rbl.example.com" in args[6]


def test_stamp_forms_and_year_rollover() -> None:
    disp = LineDispatcher(Recorder(), JST, (2026, 1))  # type: ignore[arg-type]
    dec = disp.classic_time("Dec 31 23:59:59")
    jan = disp.classic_time("Jan  1 00:00:01")
    assert dec is not None and jan is not None
    assert datetime.fromtimestamp(dec, JST) == datetime(2025, 12, 31, 23, 59, 59, tzinfo=JST)
    assert jan - dec == 2
    iso = disp.iso_time("2026-03-09T16:29:02.123456+09:00")
    assert iso == datetime(2026, 3, 9, 7, 29, 2, tzinfo=UTC).timestamp()
    assert disp.line_time("2026-03-09 16:29:02 1aBcDe-000Abc-Xy Completed") == \
        datetime(2026, 3, 9, 16, 29, 2, tzinfo=JST).timestamp()
    assert disp.line_time("Mar 7 02:09:33 server postfix/smtpd[1]: x") is not None  # one space, one digit


def test_spamd_verdict_joined_to_message_id() -> None:
    rec, _ = feed(
        "Feb 15 17:42:09 vps spamd[8772]: spamd: processing message <m1@x> for debian-spamd:114",
        "Feb 15 17:42:09 vps spamd[8772]: spamd: identified spam (999.9/5.0) for debian-spamd:114 in 0.2 seconds, 2979 bytes.",
        "Feb 15 17:42:09 vps spamd[8772]: spamd: result: Y 999 - DKIM_SIGNED,GTUBE scantime=0.2,size=2979,user=debian-spamd,"
        "uid=114,required_score=5.0,rhost=::1,raddr=::1,rport=34624,mid=<m1@x>,autolearn=no autolearn_force=no",
        "Feb 15 18:15:50 vps spamd[8772]: spamd: clean message (-0.1/5.0) for debian-spamd:114 in 0.2 seconds, 3297 bytes.",
    )
    spam = rec.of("spam")
    assert spam[0][:6] == (None, "m1@x", True, 999.9, 5.0, ())
    assert spam[1][:6] == (None, "m1@x", True, 999.9, 5.0, ("DKIM_SIGNED", "GTUBE"))


def test_amavis_summary_and_spam_tag() -> None:
    rec, _ = feed(
        "Mar 10 09:00:04 mx2 amavis[2231]: (02231-07) SPAM-TAG, <a@b> -> <c@d>, Yes, score=107.2 tagged_above=2 "
        "required=6.2 tests=[BAYES_99=3.5, USER_IN_BLOCKLIST=100] autolearn=disabled",
        "Mar 10 09:00:04 mx2 amavis[2231]: (02231-07) Passed SPAM {RelayedTaggedInbound}, [203.0.113.45]:51234 "
        "[203.0.113.45] <a@b> -> <c@d>, Queue-ID: 3C7A21E0A1, Message-ID: <m@x>, mail_id: k, Hits: 107.2, "
        "size: 4211, queued_as: 5D1E81E0B7, 2113 ms",
        "Mar 10 09:05:15 mx2 amavis[2232]: (02232-01) Blocked SPAM {DiscardedInbound,Quarantined}, [198.51.100.200]:40444 "
        "[198.51.100.200] <w@l> -> <i@e>, quarantine: spam-Zq.gz, Queue-ID: 8F2C41E0C3, Message-ID: <m2@l>, "
        "mail_id: Zq, Hits: 31.9, size: 9876, 2890 ms",
    )
    spam = rec.of("spam")
    assert spam[0][:6] == ("3C7A21E0A1", "m@x", True, 107.2, 6.2, ("BAYES_99", "USER_IN_BLOCKLIST"))
    assert spam[0][7] == (("BAYES_99", 3.5), ("USER_IN_BLOCKLIST", 100.0))
    filtered = rec.of("filtered")
    assert filtered[0][:4] == ("3C7A21E0A1", "m@x", ("5D1E81E0B7",), False)
    assert filtered[1][:4] == ("8F2C41E0C3", "m2@l", (), True)
    assert "quarantine: spam-Zq.gz" in filtered[1][4]


@pytest.mark.parametrize(("action", "expected"), [
    ("saved mail to INBOX", ("inbox", "INBOX")),
    ("saved mail to 'Junk'", ("folder", "Junk")),
    ("stored mail into mailbox 'Junk'", ("folder", "Junk")),
    ("fileinto action: stored mail into mailbox 'INBOX.Spam'", ("folder", "INBOX.Spam")),
    ("marked message to be discarded if not explicitly delivered (discard action)", ("discarded", None)),
    ("save failed to INBOX: Quota exceeded (mailbox for user is full)", ("deferred", None)),
    ("sent vacation response to <a@b>", None),
])
def test_dovecot_actions(action: str, expected: tuple[str, str | None] | None) -> None:
    assert classify_action(action) == expected


def test_dovecot_line_forms() -> None:
    rec, disp = feed(
        "Mar 10 09:00:05 mx2 dovecot: lmtp(info@example.co.jp)<4120><pJ0kA3Uu72UYEAAAdhx0Zw>: msgid=<m@x>: saved mail to INBOX",
        "Mar 10 11:21:07 lmtp(info@example.co.jp)<5013><Yc5bNy>: Info: sieve: msgid=<m2@x>: fileinto action: "
        "stored mail into mailbox 'Junk'",
        "Mar 10 11:23:30 lmtp(5015, sato@example.co.jp): Ae7dPy: msgid=<m3@x>: saved mail to INBOX",
        "Mar 10 11:24:00 host deliver(sato): msgid=<m4@x>: saved mail to Promotions",
    )
    boxes = rec.of("mailbox")
    assert [b[:4] for b in boxes] == [("m@x", "info@example.co.jp", "inbox", "INBOX"),
                                       ("m2@x", "info@example.co.jp", "folder", "Junk"),
                                       ("m3@x", "sato@example.co.jp", "inbox", "INBOX"),
                                       ("m4@x", "sato", "folder", "Promotions")]
    assert boxes[0][5] == "pJ0kA3Uu72UYEAAAdhx0Zw"
    assert boxes[2][5] == "Ae7dPy"
    assert disp.unparsed == 0


@pytest.mark.parametrize(("token", "expected"), [
    ("1aBcDe-000Abc-Xy", True), ("10HmaX-000000005vi-0000", True), ("1VxPit-000MMd-U4", True),
    ("10HmaX-0005vi-00", True), ("Completed", False), ("2013-06-10", False),
])
def test_exim_ids(token: str, expected: bool) -> None:
    assert is_exim_id(token) is expected


def test_exim_host_field() -> None:
    assert parse_host("H=mail.example (helo.example) [192.0.2.1]:25 P=esmtp") == \
        ("mail.example", "helo.example", "192.0.2.1")
    assert parse_host("H=(ylmf-pc) [198.51.100.9]:61000") == (None, "ylmf-pc", "198.51.100.9")
    assert parse_host("H=mx.example [192.0.2.2]") == ("mx.example", "mx.example", "192.0.2.2")


def test_exim_flags() -> None:
    rec, _ = feed(
        "1999-03-02 09:44:33 10HmaX-000000005vi-0000 <= CALLER@test.ex U=CALLER P=local S=sss",
        "1999-03-02 09:44:33 10HmaX-000000005vi-0000 => userx <page+userx@test.ex> R=localuser T=local_delivery",
        "1999-03-02 09:44:33 10HmaX-000000005vi-0000 ** |callpager <page+userx@test.ex> R=userforward T=address_pipe: "
        "\"callpager\" command not found for address_pipe transport",
        "1999-03-02 09:44:33 10HmaX-000000005vi-0000 Completed",
        "2013-12-30 00:24:50 1VxPit-000MMd-U4 SA: Action: flagged as Spam but accepted: score=8.2 required=5.0 "
        "(scanned in 6/6 secs | Message-Id: 008701cf04ed_24497d70_6cdc7850_@xxx.xx). From <spammer@xxx.xx> "
        "(host=ip-4.net-3-2-1.rev.xxx.xx [178.123.108.196]) for trap@example.com",
    )
    assert rec.of("sender") == [("10HmaX-000000005vi-0000", "CALLER@test.ex", True)]
    deliveries = rec.of("delivery")
    assert deliveries[0][:3] == ("10HmaX-000000005vi-0000", "page+userx@test.ex", "sent")
    assert deliveries[1][:3] == ("10HmaX-000000005vi-0000", "page+userx@test.ex", "bounced")
    assert rec.of("removed") == [("10HmaX-000000005vi-0000",)]
    assert rec.of("spam")[0][:5] == ("1VxPit-000MMd-U4", "008701cf04ed_24497d70_6cdc7850_@xxx.xx", True, 8.2, 5.0)


def test_sendmail_lines() -> None:
    rec, _ = feed(
        "Aug 14 11:59:58 yyyy sendmail[30222]: r0NNNlC0030222: from=<bounce@example.com>, size=6420, class=0, nrcpts=1, "
        "msgid=<0.0.9881@example.com>, bodytype=8BITMIME, proto=ESMTP, daemon=MTA, relay=[192.0.43.15] (may be forged)",
        "Feb 27 15:49:02 batman sm-mta[88377]: s1REn1un088377: ruleset=check_rcpt, arg1=<non-existing-user@example.com>, "
        "relay=189-30-205-74.paebv701.dsl.brasiltelecom.net.br [189.30.205.74], reject=550 5.1.1 "
        "<non-existing-user@example.com>... User unknown",
        "Mar 10 12:00:02 mail sm-mta[7002]: 62A3C0a1007001: to=<info@example.co.jp>, delay=00:00:01, xdelay=00:00:00, "
        "mailer=local, pri=33910, dsn=2.0.0, stat=Sent",
    )
    assert rec.of("client")[0][:3] == ("r0NNNlC0030222", None, "192.0.43.15")
    assert rec.of("message_id") == [("r0NNNlC0030222", "0.0.9881@example.com")]
    assert rec.of("reject")[0][:6] == ("s1REn1un088377", "189.30.205.74", "189-30-205-74.paebv701.dsl.brasiltelecom.net.br",
                                        None, None, "non-existing-user@example.com")
    assert rec.of("delivery") == [("62A3C0a1007001", "info@example.co.jp", "sent", None, "Sent", "local")]


def test_unknown_and_garbage_lines_are_counted() -> None:
    _, disp = feed(
        "Feb 15 17:42:08 vps opendkim[6851]: F3106E1325: s=20161025 d=gmail.com SSL",
        "complete nonsense",
        "\x00\x01\x02 binary",
        "",
        "Mar 10 12:00:02 mail postfix/smtpd[1]: connect from x[192.0.2.1]",
    )
    assert disp.unparsed == 3
    assert disp.lines == 5


@given(st.lists(st.text(max_size=300), max_size=30))
def test_arbitrary_text_never_raises(lines: list[str]) -> None:
    _, disp = feed(*[line.replace("\n", " ") for line in lines])
    assert disp.lines == len(lines)


@given(st.lists(st.sampled_from([
    "Mar  9 16:29:02 h postfix/smtpd[1]: ", "Mar  9 16:29:02 h postfix/qmgr[1]: ABCDEF123: ",
    "2026-03-09T16:29:02+09:00 h dovecot: lmtp(", "2026-03-09 16:29:02 1aBcDe-000Abc-Xy ",
    "Mar  9 16:29:02 h amavis[1]: (1-1) Passed ", "Mar  9 16:29:02 h spamd[1]: spamd: result: ",
    "Mar  9 16:29:02 h sm-mta[1]: abcdefgh123456: ", "Mar  9 16:29:02 h exim[1]: "]),
    min_size=1, max_size=20), st.lists(st.text(max_size=120), min_size=1, max_size=20))
def test_known_prefixes_with_junk_never_raise(prefixes: list[str], tails: list[str]) -> None:
    lines = [p + t.replace("\n", " ") for p, t in zip(prefixes, tails, strict=False)]
    feed(*lines)
