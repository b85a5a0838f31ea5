"""Write the story logs (run once; the outputs are committed):

* ``tests/data/maillog/story_day.log``: one day (Mon 2026-03-09) of example.co.jp's server in classic
  syslog form: Postfix with a spamd ``pipe`` content filter (re-injection through pickup, so two queue
  ids per message), LMTP to Dovecot and Pigeonhole Sieve. Spam from lottery-example.biz reaches tanaka@
  (tagged, delivered to INBOX); tanaka@ is deleted at 12:41 and then refused with ``550 5.1.1 User
  unknown``; the spam moves to info@; the block list is set at 14:00 (``USER_IN_BLOCKLIST``, +100) and
  the mail is still delivered to INBOX; the action is switched to the spam folder at 17:00 (Sieve
  ``fileinto`` 'Junk').
* ``resources/samples/demo/maillog/maillog``: the demo case's week (Sat 07 - Fri 13 March 2026) on the
  provider's mx01 (Postfix with long queue ids, spamass-milter + spamd) and mbox01 (Dovecot LMTP), RFC 3339
  stamps, containing the demo samples' queue ids, LMTP session ids and Message-IDs.

Line formats follow the Postfix, SpamAssassin spamd, Dovecot and Pigeonhole documentation and the real
lines in ``shared/``.
"""

from __future__ import annotations

import random
import string
from datetime import datetime, timedelta, timezone
from pathlib import Path

JST = timezone(timedelta(hours=9))
ROOT = Path(__file__).resolve().parents[3]
SPAM_IPS = [("unknown", "159.89.201.17"), ("static.12.47.198.88.clients.your-server.de", "88.198.47.12"),
            ("unknown", "167.99.77.13"), ("unknown", "5.188.62.140"), ("unknown", "103.75.190.21")]
SPAM_TESTS = ["BAYES_99", "BAYES_999", "FREEMAIL_FROM", "HTML_MESSAGE", "RDNS_NONE", "SPF_SOFTFAIL",
              "LOTS_OF_MONEY", "MONEY_FREEMAIL_REPTO", "RCVD_IN_XBL", "URIBL_ABUSE_SURBL"]

BLOCKLIST_AT = datetime(2026, 3, 10, 14, 0, tzinfo=JST)
ACTION_AT = datetime(2026, 3, 13, 10, 30, tzinfo=JST)
DELETED_AT = datetime(2026, 3, 9, 17, 0, tzinfo=JST)

# The demo samples (resources/samples/demo/*.eml): time at mx01, queue id, LMTP session, Message-ID,
# envelope sender, recipient, client, score, tests.
DEMO = [
    ("2026-03-07T09:12:44", "4Q7R2k0Z3xz1XLm", "aGq5LyFk6WUwVAAAWfWc0A", "20260307001241.7f3a9c1e@lottery-example.biz",
     "x7kq2p@lottery-example.biz", "tanaka@example.co.jp", ("unknown", "159.89.201.17"), 7.2,
     "BAYES_99,BAYES_999,FREEMAIL_FROM,HTML_MESSAGE,RDNS_NONE,SPF_SOFTFAIL,LOTS_OF_MONEY,MONEY_FREEMAIL_REPTO"),
    ("2026-03-07T09:17:05", "4Q7R8D1mC4z1XLr", "ENe1NnFl6WV8VgAAWfWc0A", "20260307001702.0b91d4aa@lottery-example.biz",
     "pq83mzt@lottery-example.biz", "tanaka@example.co.jp", ("unknown", "159.89.201.17"), 6.4,
     "BAYES_95,FREEMAIL_FROM,HTML_MESSAGE,RDNS_NONE,SPF_SOFTFAIL,LOTS_OF_MONEY"),
    ("2026-03-08T11:03:12", "4Q8F0c6vXbz1XM2", "kBw0GYZi6mW2cQAAWfWc0A", "20260308020310.c44e1b27@lottery-example.biz",
     "r2d9wk@lottery-example.biz", "tanaka@example.co.jp",
     ("static.12.47.198.88.clients.your-server.de", "88.198.47.12"), 8.9,
     "BAYES_99,BAYES_999,FREEMAIL_FROM,HTML_MESSAGE,SPF_SOFTFAIL,LOTS_OF_MONEY,RCVD_IN_SBL_CSS"),
    ("2026-03-08T23:40:58", "4Q8YqB0rS1z1XMb", "UQhPBz9m7GU0dwAAWfWc0A", "20260308144055.59e07c3d@lottery-example.biz",
     "zz0v5l1@lottery-example.biz", "tanaka@example.co.jp", ("unknown", "167.99.77.13"), 4.1,
     "FREEMAIL_FROM,HTML_MESSAGE,RDNS_NONE,SPF_SOFTFAIL"),
    ("2026-03-09T09:05:36", "4Q9K5n2PQmz1XNs", "0HnnKWhq7mXzAQAAWfWc0A", "20260309000533.a6f0e812@lottery-example.biz",
     "k3n8tq@lottery-example.biz", "info@example.co.jp", ("unknown", "5.188.62.140"), 9.8,
     "BAYES_99,BAYES_999,FREEMAIL_FROM,HTML_MESSAGE,RDNS_NONE,SPF_SOFTFAIL,RCVD_IN_XBL,URIBL_ABUSE_SURBL"),
    ("2026-03-09T10:15:05", "4Q9LqR3Vb8z1XNy", "2Jq0H1Vq7mVnRgAAWfWc0A", "5f1c2e9a-3b7d-4c11-9e0a-partner@partner-example.co.jp",
     "suzuki@partner-example.co.jp", "sato@example.co.jp", ("mail.partner-example.co.jp", "210.130.137.80"), -1.9,
     "BAYES_00,DKIM_SIGNED,DKIM_VALID,DKIM_VALID_AU,SPF_PASS"),
    ("2026-03-09T12:00:20", "4Q9P6s0KkLz1XQ1", "9LcdFQxu7mW2SQAAWfWc0A", "news.7731.20260309120000@shop-example.jp",
     "bounce-7731-sato=example.co.jp@mta.news.shop-example.jp", "sato@example.co.jp",
     ("mta12.news.shop-example.jp", "153.127.40.12"), -0.8, "DKIM_SIGNED,DKIM_VALID,DKIM_VALID_AU,HTML_MESSAGE,SPF_PASS"),
    ("2026-03-09T16:29:13", "4Q9WJ2xYb5z1XP7", "bH4cFhl17mUXTgAAWfWc0A", "000301dab2c4$7e1f3a40$7a5daec0$@example.co.jp",
     "sato@example.co.jp", "tanaka@example.co.jp", ("pc1.example.co.jp", "198.51.100.77"), None, ""),
    ("2026-03-09T16:29:14", "4Q9WJ34ZtRz1XP8", "fT2sMkly7mVdKQAAWfWc0A", "20260309072902.1e5c9b30@lottery-example.biz",
     "w1bx7ey@lottery-example.biz", "info@example.co.jp", ("unknown", "103.75.190.21"), 7.7,
     "BAYES_99,FREEMAIL_FROM,HTML_MESSAGE,RDNS_NONE,SPF_SOFTFAIL,LOTS_OF_MONEY,MONEY_FREEMAIL_REPTO"),
]


class Writer:
    def __init__(self, rnd: random.Random, classic: bool) -> None:
        self.r = rnd
        self.classic = classic
        self.lines: list[tuple[datetime, int, str]] = []
        self.seq = 0
        self.pid = 2000

    def p(self) -> int:
        self.pid += self.r.randrange(1, 9)
        return self.pid

    def add(self, when: datetime, host: str, prog: str, msg: str) -> None:
        self.seq += 1
        self.lines.append((when, self.seq, f"{host} {prog}: {msg}"))

    def render(self) -> str:
        out = []
        for when, _, text in sorted(self.lines):
            if self.classic:
                stamp = when.strftime("%b ") + f"{when.day:>2}" + when.strftime(" %H:%M:%S")
            else:
                stamp = when.isoformat(timespec="microseconds")
            out.append(f"{stamp} {text}\n")
        return "".join(out)

    def token(self, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def long_qid(self) -> str:
        return "4Q" + self.token(5, "BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789") + "z1X" + self.token(3)

    def short_qid(self) -> str:
        return self.token(10, "0123456789ABCDEF")


def spam_tests(r: random.Random, blocked: bool) -> tuple[float, str]:
    tests = sorted(r.sample(SPAM_TESTS, r.randrange(4, 7)))
    score = round(r.uniform(5.3, 11.0), 1)
    if blocked:
        tests = sorted([*tests, "USER_IN_BLOCKLIST"])
        score = round(score + 100, 1)
    return score, ",".join(tests)


# -- the demo week: mx01 (Postfix + spamass-milter/spamd) and mbox01 (Dovecot LMTP) ----------------------
def demo_message(w: Writer, t0: datetime, qid: str, session: str, mid: str, sender: str, rcpt: str,
                 client: tuple[str, str], score: float | None, tests: str, folder: str | None,
                 sasl: bool = False) -> None:
    r = w.r
    sp, cp, spd, lp = w.p(), w.p(), w.p(), w.p()
    host, ip = client
    service = "postfix/submission/smtpd" if sasl else "postfix/smtpd"
    w.add(t0 - timedelta(seconds=1), "mx01", f"{service}[{sp}]", f"connect from {host}[{ip}]")
    extra = f", sasl_method=PLAIN, sasl_username={sender}" if sasl else ""
    w.add(t0, "mx01", f"{service}[{sp}]", f"{qid}: client={host}[{ip}]{extra}")
    w.add(t0, "mx01", f"postfix/cleanup[{cp}]", f"{qid}: message-id=<{mid}>")
    size = r.randrange(2500, 9000)
    if score is not None:
        w.add(t0, "mx01", f"spamd[{spd}]", f"spamd: connection from localhost [127.0.0.1]:{r.randrange(40000, 60000)} "
              "to port 783, fd 6")
        w.add(t0, "mx01", f"spamd[{spd}]", f"spamd: processing message <{mid}> for spamass-milter:112")
        spam = score >= 5.0
        word = "identified spam" if spam else "clean message"
        w.add(t0, "mx01", f"spamd[{spd}]", f"spamd: {word} ({score}/5.0) for spamass-milter:112 in 0.7 seconds, "
              f"{size} bytes.")
        w.add(t0, "mx01", f"spamd[{spd}]", f"spamd: result: {'Y' if spam else '.'} {int(score)} - {tests} "
              f"scantime=0.7,size={size},user=spamass-milter,uid=112,required_score=5.0,rhost=localhost,"
              f"raddr=127.0.0.1,rport={r.randrange(40000, 60000)},mid=<{mid}>,autolearn=no autolearn_force=no")
    w.add(t0, "mx01", "postfix/qmgr[1187]", f"{qid}: from=<{sender}>, size={size}, nrcpt=1 (queue active)")
    w.add(t0, "mx01", f"{service}[{sp}]", f"disconnect from {host}[{ip}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")
    t1 = t0 + timedelta(seconds=1)
    dp = w.p()
    if folder is None:
        w.add(t1, "mbox01", "dovecot", f"lmtp({rcpt})<{dp}><{session}>: msgid=<{mid}>: saved mail to INBOX")
    else:
        w.add(t1, "mbox01", "dovecot", f"lmtp({rcpt})<{dp}><{session}>: sieve: msgid=<{mid}>: fileinto action: "
              f"stored mail into mailbox '{folder}'")
    w.add(t1, "mx01", f"postfix/lmtp[{lp}]", f"{qid}: to=<{rcpt}>, relay=mbox01.mail.example.ne.jp[192.0.2.26]:24, "
          f"delay=1.1, delays=0.8/0.01/0.05/0.24, dsn=2.0.0, status=sent (250 2.0.0 <{rcpt}> {session} Saved)")
    w.add(t1, "mx01", "postfix/qmgr[1187]", f"{qid}: removed")


def demo_reject(w: Writer, t0: datetime, rcpt: str, sender: str, client: tuple[str, str]) -> None:
    sp = w.p()
    host, ip = client
    w.add(t0, "mx01", f"postfix/smtpd[{sp}]", f"connect from {host}[{ip}]")
    w.add(t0, "mx01", f"postfix/smtpd[{sp}]", f"NOQUEUE: reject: RCPT from {host}[{ip}]: 550 5.1.1 <{rcpt}>: Recipient "
          f"address rejected: User unknown in virtual mailbox table; from=<{sender}> to=<{rcpt}> proto=ESMTP "
          "helo=<mail.lottery-example.biz>")
    w.add(t0 + timedelta(seconds=1), "mx01", f"postfix/smtpd[{sp}]",
          f"disconnect from {host}[{ip}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4")


def demo_week() -> str:
    r = random.Random(20260307)
    w = Writer(r, classic=False)
    for when, qid, session, mid, sender, rcpt, client, score, tests, in DEMO:
        t0 = datetime.fromisoformat(when).replace(tzinfo=JST)
        demo_message(w, t0, qid, session, mid, sender, rcpt, client, score, tests, None,
                     sasl=sender == "sato@example.co.jp")
    fixed = {datetime.fromisoformat(d[0]).replace(tzinfo=JST) for d in DEMO}
    t = datetime(2026, 3, 7, 9, 0, tzinfo=JST)
    end = datetime(2026, 3, 13, 18, 0, tzinfo=JST)
    while t < end:
        t += timedelta(minutes=r.randrange(9, 31), seconds=r.randrange(60))
        if any(abs((t - f).total_seconds()) < 120 for f in fixed):
            continue
        sender = f"{w.token(r.randrange(5, 8), string.ascii_lowercase + string.digits)}@lottery-example.biz"
        client = r.choice(SPAM_IPS)
        targets = ["tanaka@example.co.jp"] + (["info@example.co.jp"] if t >= datetime(2026, 3, 9, 9, 0, tzinfo=JST) else [])
        rcpt = r.choice(targets)
        if rcpt.startswith("tanaka") and t >= DELETED_AT:
            demo_reject(w, t, rcpt, sender, client)
            continue
        score, tests = spam_tests(r, t >= BLOCKLIST_AT)
        folder = "Junk" if t >= ACTION_AT else None
        mid = f"{t.strftime('%Y%m%d%H%M%S')}.{w.token(8, '0123456789abcdef')}@lottery-example.biz"
        demo_message(w, t, w.long_qid(), w.token(22), mid, sender, rcpt, client, score, tests, folder)
    return w.render()


# -- one day on a small server: Postfix + spamd pipe + Dovecot LMTP/Sieve, classic syslog ---------------------
def story_message(w: Writer, t0: datetime, sender: str, rcpt: str, client: tuple[str, str], score: float,
                  tests: str, folder: str | None) -> None:
    r = w.r
    q1, q2 = w.short_qid(), w.short_qid()
    mid = f"{t0.strftime('%Y%m%d%H%M%S')}.{w.token(8, '0123456789abcdef')}@{sender.partition('@')[2]}"
    sp, cp, spd = w.p(), w.p(), w.p()
    host, ip = client
    size = r.randrange(2500, 9000)
    spam = score >= 5.0
    w.add(t0, "mail", f"postfix/smtpd[{sp}]", f"connect from {host}[{ip}]")
    w.add(t0, "mail", f"postfix/smtpd[{sp}]", f"{q1}: client={host}[{ip}]")
    w.add(t0, "mail", f"postfix/cleanup[{cp}]", f"{q1}: message-id=<{mid}>")
    w.add(t0, "mail", "postfix/qmgr[801]", f"{q1}: from=<{sender}>, size={size}, nrcpt=1 (queue active)")
    w.add(t0, "mail", f"postfix/smtpd[{sp}]", f"disconnect from {host}[{ip}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")
    t1 = t0 + timedelta(seconds=1)
    w.add(t1, "mail", f"spamd[{spd}]", f"spamd: connection from ::1 [::1]:{r.randrange(40000, 60000)} to port 783, fd 5")
    w.add(t1, "mail", f"spamd[{spd}]", "spamd: setuid to debian-spamd succeeded")
    w.add(t1, "mail", f"spamd[{spd}]", f"spamd: processing message <{mid}> for debian-spamd:114")
    word = "identified spam" if spam else "clean message"
    w.add(t1, "mail", f"spamd[{spd}]", f"spamd: {word} ({score}/5.0) for debian-spamd:114 in 0.4 seconds, {size} bytes.")
    w.add(t1, "mail", f"spamd[{spd}]", f"spamd: result: {'Y' if spam else '.'} {int(score)} - {tests} scantime=0.4,"
          f"size={size},user=debian-spamd,uid=114,required_score=5.0,rhost=::1,raddr=::1,rport={r.randrange(40000, 60000)},"
          f"mid=<{mid}>,autolearn=no autolearn_force=no")
    w.add(t1, "mail", "postfix/pickup[800]", f"{q2}: uid=114 from=<{sender}>")
    w.add(t1, "mail", f"postfix/cleanup[{cp}]", f"{q2}: message-id=<{mid}>")
    w.add(t1, "mail", f"postfix/pipe[{spd + 1}]", f"{q1}: to=<{rcpt}>, relay=spamassassin, delay=0.52, "
          "delays=0.08/0/0/0.44, dsn=2.0.0, status=sent (delivered via spamassassin service)")
    w.add(t1, "mail", "postfix/qmgr[801]", f"{q1}: removed")
    w.add(t1, "mail", "postfix/qmgr[801]", f"{q2}: from=<{sender}>, size={size + 800}, nrcpt=1 (queue active)")
    sess = w.token(22)
    dp = w.p()
    t2 = t1 + timedelta(seconds=1)
    if folder is None:
        w.add(t2, "mail", "dovecot", f"lmtp({rcpt})<{dp}><{sess}>: msgid=<{mid}>: saved mail to INBOX")
    else:
        w.add(t2, "mail", "dovecot", f"lmtp({rcpt})<{dp}><{sess}>: sieve: msgid=<{mid}>: stored mail into mailbox "
              f"'{folder}'")
    w.add(t2, "mail", f"postfix/lmtp[{dp + 1}]", f"{q2}: to=<{rcpt}>, relay=mail.example.co.jp[private/dovecot-lmtp], "
          f"delay=0.06, delays=0.01/0.01/0.01/0.03, dsn=2.0.0, status=sent (250 2.0.0 <{rcpt}> {sess} Saved)")
    w.add(t2, "mail", "postfix/qmgr[801]", f"{q2}: removed")


def story_day() -> str:
    r = random.Random(20260309)
    w = Writer(r, classic=True)
    day = datetime(2026, 3, 9, 0, 5, tzinfo=JST)
    deleted = day.replace(hour=12, minute=41)
    blocklist = day.replace(hour=14, minute=0)
    action = day.replace(hour=17, minute=0)
    t = day
    while t.day == 9:
        sender = f"{w.token(r.randrange(5, 8), string.ascii_lowercase + string.digits)}@lottery-example.biz"
        client = r.choice(SPAM_IPS)
        rcpt = "tanaka@example.co.jp" if t < deleted or r.random() < 0.3 else "info@example.co.jp"
        if t >= deleted and rcpt.startswith("tanaka"):
            sp = w.p()
            w.add(t, "mail", f"postfix/smtpd[{sp}]", f"connect from {client[0]}[{client[1]}]")
            w.add(t, "mail", f"postfix/smtpd[{sp}]", f"NOQUEUE: reject: RCPT from {client[0]}[{client[1]}]: 550 5.1.1 "
                  f"<{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table; from=<{sender}> "
                  f"to=<{rcpt}> proto=ESMTP helo=<mail.lottery-example.biz>")
            w.add(t, "mail", f"postfix/smtpd[{sp}]", f"disconnect from {client[0]}[{client[1]}] ehlo=1 mail=1 rcpt=0/1 "
                  "quit=1 commands=3/4")
        elif t >= deleted or rcpt.startswith("tanaka"):
            score, tests = spam_tests(r, t >= blocklist)
            story_message(w, t, sender, rcpt, client, score, tests, "Junk" if t >= action else None)
        if r.random() < 0.15:
            story_message(w, t + timedelta(minutes=3), "suzuki@partner-example.co.jp", "sato@example.co.jp",
                          ("mail.partner-example.co.jp", "210.130.137.80"), -1.9,
                          "BAYES_00,DKIM_SIGNED,DKIM_VALID,DKIM_VALID_AU,SPF_PASS", None)
        t += timedelta(minutes=r.randrange(12, 28), seconds=r.randrange(60))
    return w.render()


def main() -> None:
    (ROOT / "tests/data/maillog/story_day.log").write_text(story_day(), encoding="utf-8")
    demo = ROOT / "resources/samples/demo/maillog/maillog"
    demo.parent.mkdir(parents=True, exist_ok=True)
    demo.write_text(demo_week(), encoding="utf-8")


if __name__ == "__main__":
    main()
