"""Generate a realistic Postfix + spamd + amavis + Dovecot mail log for the ``spam-wizard log`` benchmark.

Traffic mix per message: inbound through amavis (clean / tagged spam / blocked spam) with LMTP
delivery to Dovecot and Sieve filing into Junk, inbound through a spamd pipe + pickup re-injection
with local delivery, outbound relays (some deferred first), NOQUEUE rejects and postscreen chatter.
Messages overlap in time the way a busy server's do.

    python bench/maillog_gen.py [--lines 2000000] [--out bench/out/maillog_2m.log] [--seed 1]
"""

from __future__ import annotations

import argparse
import heapq
import random
import string
import time
from pathlib import Path

HEX = "0123456789ABCDEF"
HOST = "mx01"
DOMAINS = ["example.co.jp", "example.ne.jp", "example.jp", "example.com"]
SPAM_DOMAINS = ["lottery-example.biz", "cheap-pills.example", "win-prize.example", "promo.example.net"]
REMOTE = ["mail.example.org", "mx.example.net", "smtp.partner.example", "mx1.customer.example"]
RULES_SPAM = ["BAYES_99", "URIBL_BLACK", "RCVD_IN_SBL", "HTML_MESSAGE", "RDNS_NONE", "FREEMAIL_FROM",
              "MIME_HTML_ONLY", "USER_IN_BLOCKLIST", "SPF_FAIL", "DKIM_ADSP_NXDOMAIN"]
RULES_HAM = ["BAYES_00", "DKIM_SIGNED", "DKIM_VALID", "SPF_PASS", "HTML_MESSAGE", "RCVD_IN_DNSWL_LOW"]
USERS = [f"user{i:04d}" for i in range(2000)] + ["tanaka", "info", "sales", "support"]


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.pid = 1000
        self.heap: list[tuple[float, int, str]] = []
        self.seq = 0

    def qid(self) -> str:
        return "".join(self.r.choice(HEX) for _ in range(10))

    def mid(self, domain: str) -> str:
        token = "".join(self.r.choice(string.ascii_letters + string.digits) for _ in range(20))
        return f"{token}.{self.r.randrange(10**6)}@{domain}"

    def ip(self) -> str:
        return f"{self.r.randrange(1, 223)}.{self.r.randrange(256)}.{self.r.randrange(256)}.{self.r.randrange(1, 255)}"

    def p(self) -> int:
        self.pid = self.pid + self.r.randrange(1, 7)
        if self.pid > 99999:
            self.pid = 1000
        return self.pid

    def put(self, t: float, prog: str, msg: str) -> None:
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, f"{HOST} {prog}: {msg}"))

    def rcpt(self) -> str:
        return f"{self.r.choice(USERS)}@{self.r.choice(DOMAINS)}"

    def inbound_amavis(self, t: float) -> None:
        r = self.r
        spam_kind = r.random()
        sdom = r.choice(SPAM_DOMAINS) if spam_kind < 0.45 else r.choice(REMOTE)
        sender = f"{''.join(r.choice(string.ascii_lowercase) for _ in range(8))}@{sdom}"
        client, cip = f"mail{r.randrange(99)}.{sdom}", self.ip()
        rcpts = [self.rcpt() for _ in range(1 if r.random() < 0.85 else r.randrange(2, 4))]
        q1, q2, mid = self.qid(), self.qid(), self.mid(sdom)
        sp, cp, qp = self.p(), self.p(), 900
        self.put(t, f"postfix/postscreen[{sp}]", f"CONNECT from [{cip}]:{r.randrange(1024, 65535)} to [192.0.2.10]:25")
        self.put(t + 0.01, f"postfix/postscreen[{sp}]", f"PASS OLD [{cip}]:{r.randrange(1024, 65535)}")
        self.put(t + 0.02, f"postfix/smtpd[{sp + 1}]", f"connect from {client}[{cip}]")
        self.put(t + 0.2, f"postfix/smtpd[{sp + 1}]", f"{q1}: client={client}[{cip}]")
        self.put(t + 0.3, f"postfix/cleanup[{cp}]", f"{q1}: message-id=<{mid}>")
        size = r.randrange(1500, 90000)
        self.put(t + 0.31, f"postfix/qmgr[{qp}]", f"{q1}: from=<{sender}>, size={size}, nrcpt={len(rcpts)} (queue active)")
        self.put(t + 0.35, f"postfix/smtpd[{sp + 1}]",
                 f"disconnect from {client}[{cip}] ehlo=1 mail=1 rcpt={len(rcpts)} data=1 quit=1 commands=5")
        if spam_kind < 0.30:
            score, cat = round(r.uniform(6, 30), 3), "SPAM"
        elif spam_kind < 0.45:
            score, cat = round(r.uniform(15, 120), 3), "BLOCKED"
        else:
            score, cat = round(r.uniform(-3, 3), 3), "CLEAN"
        rules = r.sample(RULES_SPAM if cat != "CLEAN" else RULES_HAM, 4)
        tests = ",".join(f"{x}={r.uniform(0.1, 3.5):.3f}" for x in rules)
        ap = self.p()
        t2 = t + r.uniform(0.8, 3.0)
        rc = ",".join(f"<{x}>" for x in rcpts)
        if cat == "BLOCKED":
            self.put(t2, f"amavis[{ap}]", f"({ap}-01) Blocked SPAM {{DiscardedInbound,Quarantined}}, [{cip}]:{r.randrange(1024, 65535)} "
                     f"[{cip}] <{sender}> -> {rc}, quarantine: spam-{r.randrange(10**8)}.gz, Queue-ID: {q1}, "
                     f"Message-ID: <{mid}>, mail_id: x{r.randrange(10**8)}, Hits: {score}, size: {size}, "
                     f"Tests: [{tests}], {r.randrange(300, 5000)} ms")
            for x in rcpts:
                self.put(t2 + 0.01, f"postfix/smtp[{ap + 1}]",
                         f"{q1}: to=<{x}>, relay=127.0.0.1[127.0.0.1]:10024, delay=2.1, delays=0.3/0/0/1.8, "
                         f"dsn=2.7.0, status=sent (250 2.7.0 Ok, discarded, id={ap}-01 - spam)")
            self.put(t2 + 0.02, f"postfix/qmgr[{qp}]", f"{q1}: removed")
            return
        lp = self.p()
        self.put(t2 - 0.05, f"postfix/smtpd[{lp}]", "connect from localhost[127.0.0.1]")
        self.put(t2 - 0.04, f"postfix/smtpd[{lp}]", f"{q2}: client=localhost[127.0.0.1]")
        self.put(t2 - 0.03, f"postfix/cleanup[{cp}]", f"{q2}: message-id=<{mid}>")
        self.put(t2 - 0.02, f"postfix/qmgr[{qp}]", f"{q2}: from=<{sender}>, size={size + 900}, nrcpt={len(rcpts)} (queue active)")
        tag = "{RelayedTaggedInbound}" if cat == "SPAM" else "{RelayedInbound}"
        self.put(t2, f"amavis[{ap}]", f"({ap}-01) Passed {'SPAM' if cat == 'SPAM' else 'CLEAN'} {tag}, [{cip}]:{r.randrange(1024, 65535)} "
                 f"[{cip}] <{sender}> -> {rc}, Queue-ID: {q1}, Message-ID: <{mid}>, mail_id: x{r.randrange(10**8)}, "
                 f"Hits: {score}, size: {size}, queued_as: {q2}, Tests: [{tests}], {r.randrange(300, 5000)} ms")
        self.put(t2 + 0.01, f"postfix/smtpd[{lp}]", "disconnect from localhost[127.0.0.1] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5")
        for x in rcpts:
            self.put(t2 + 0.02, f"postfix/smtp[{ap + 1}]",
                     f"{q1}: to=<{x}>, relay=127.0.0.1[127.0.0.1]:10024, delay=2.1, delays=0.3/0/0/1.8, dsn=2.0.0, "
                     f"status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as {q2})")
        self.put(t2 + 0.03, f"postfix/qmgr[{qp}]", f"{q1}: removed")
        dp = self.p()
        for x in rcpts:
            sess = "".join(r.choice(string.ascii_letters) for _ in range(22))
            if cat == "SPAM" and r.random() < 0.6:
                self.put(t2 + 0.1, "dovecot", f"lmtp({x})<{dp}><{sess}>: sieve: msgid=<{mid}>: fileinto action: stored mail into mailbox 'Junk'")
            else:
                self.put(t2 + 0.1, "dovecot", f"lmtp({x})<{dp}><{sess}>: msgid=<{mid}>: saved mail to INBOX")
            self.put(t2 + 0.12, f"postfix/lmtp[{dp + 1}]",
                     f"{q2}: to=<{x}>, relay=mbox01.example.ne.jp[private/dovecot-lmtp], delay=0.05, "
                     f"delays=0.01/0/0.01/0.03, dsn=2.0.0, status=sent (250 2.0.0 <{x}> {sess} Saved)")
        self.put(t2 + 0.13, f"postfix/qmgr[{qp}]", f"{q2}: removed")

    def inbound_spamd(self, t: float) -> None:
        r = self.r
        spam = r.random() < 0.5
        sdom = r.choice(SPAM_DOMAINS) if spam else r.choice(REMOTE)
        sender = f"{''.join(r.choice(string.ascii_lowercase) for _ in range(7))}@{sdom}"
        client, cip = f"out{r.randrange(99)}.{sdom}", self.ip()
        x = self.rcpt()
        q1, q2, mid = self.qid(), self.qid(), self.mid(sdom)
        sp, cp, qp, spd = self.p(), self.p(), 900, self.p()
        self.put(t, f"postfix/smtpd[{sp}]", f"connect from {client}[{cip}]")
        self.put(t + 0.1, f"postfix/smtpd[{sp}]", f"{q1}: client={client}[{cip}]")
        self.put(t + 0.2, f"postfix/cleanup[{cp}]", f"{q1}: message-id=<{mid}>")
        size = r.randrange(1500, 50000)
        self.put(t + 0.21, f"postfix/qmgr[{qp}]", f"{q1}: from=<{sender}>, size={size}, nrcpt=1 (queue active)")
        self.put(t + 0.22, f"spamd[{spd}]", f"spamd: connection from ::1 [::1]:{r.randrange(30000, 60000)} to port 783, fd 5")
        self.put(t + 0.23, f"spamd[{spd}]", "spamd: setuid to debian-spamd succeeded")
        self.put(t + 0.24, f"spamd[{spd}]", f"spamd: processing message <{mid}> for debian-spamd:114")
        self.put(t + 0.25, f"postfix/smtpd[{sp}]", f"disconnect from {client}[{cip}] ehlo=2 starttls=1 mail=1 rcpt=1 bdat=1 quit=1 commands=7")
        score = round(r.uniform(5.5, 110), 1) if spam else round(r.uniform(-2, 4), 1)
        rules = ",".join(sorted(r.sample(RULES_SPAM if spam else RULES_HAM, 5)))
        word = "identified spam" if spam else "clean message"
        self.put(t + 0.5, f"spamd[{spd}]", f"spamd: {word} ({score}/5.0) for debian-spamd:114 in 0.3 seconds, {size} bytes.")
        self.put(t + 0.5, f"spamd[{spd}]", f"spamd: result: {'Y' if spam else '.'} {int(score)} - {rules} scantime=0.3,size={size},"
                 f"user=debian-spamd,uid=114,required_score=5.0,rhost=::1,raddr=::1,rport={r.randrange(30000, 60000)},"
                 f"mid=<{mid}>,autolearn=no autolearn_force=no")
        self.put(t + 0.51, f"postfix/pickup[{qp + 1}]", f"{q2}: uid=114 from=<{sender}>")
        self.put(t + 0.52, f"postfix/cleanup[{cp}]", f"{q2}: message-id=<{mid}>")
        self.put(t + 0.53, f"postfix/pipe[{spd + 1}]", f"{q1}: to=<{x}>, relay=spamassassin, delay=0.36, delays=0.13/0/0/0.23, "
                 "dsn=2.0.0, status=sent (delivered via spamassassin service)")
        self.put(t + 0.54, f"postfix/qmgr[{qp}]", f"{q1}: removed")
        self.put(t + 0.55, f"postfix/qmgr[{qp}]", f"{q2}: from=<{sender}>, size={size + 700}, nrcpt=1 (queue active)")
        self.put(t + 0.56, f"spamd[{spd - 50}]", "prefork: child states: II")
        self.put(t + 0.6, f"postfix/local[{spd + 2}]", f"{q2}: to=<{x}>, relay=local, delay=0.01, delays=0.01/0/0/0, dsn=2.0.0, "
                 "status=sent (delivered to mailbox)")
        self.put(t + 0.61, f"postfix/qmgr[{qp}]", f"{q2}: removed")

    def outbound(self, t: float) -> None:
        r = self.r
        sender = f"{r.choice(USERS)}@{r.choice(DOMAINS)}"
        to = f"{''.join(r.choice(string.ascii_lowercase) for _ in range(6))}@{r.choice(REMOTE)}"
        q, mid, sp = self.qid(), self.mid(DOMAINS[0]), self.p()
        cip = f"10.0.{r.randrange(256)}.{r.randrange(1, 255)}"
        self.put(t, f"postfix/submission/smtpd[{sp}]", f"connect from unknown[{cip}]")
        self.put(t + 0.1, f"postfix/submission/smtpd[{sp}]", f"{q}: client=unknown[{cip}], sasl_method=PLAIN, sasl_username={sender}")
        self.put(t + 0.2, f"postfix/cleanup[{self.p()}]", f"{q}: message-id=<{mid}>")
        self.put(t + 0.21, "postfix/qmgr[900]", f"{q}: from=<{sender}>, size={r.randrange(900, 30000)}, nrcpt=1 (queue active)")
        self.put(t + 0.3, f"postfix/submission/smtpd[{sp}]", f"disconnect from unknown[{cip}] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8")
        host = to.partition("@")[2]
        rip = self.ip()
        tt = t + 1.0
        if r.random() < 0.1:
            self.put(tt, f"postfix/smtp[{self.p()}]", f"{q}: to=<{to}>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, "
                     f"status=deferred (connect to {host}[{rip}]:25: Connection timed out)")
            tt += r.uniform(60, 900)
        self.put(tt, f"postfix/smtp[{self.p()}]", f"{q}: to=<{to}>, relay={host}[{rip}]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, "
                 f"status=sent (250 2.0.0 Ok: queued as {self.qid()})")
        self.put(tt + 0.01, "postfix/qmgr[900]", f"{q}: removed")

    def reject(self, t: float) -> None:
        r = self.r
        cip = self.ip()
        sp = self.p()
        host = r.choice(["unknown", f"host{r.randrange(999)}.dynamic.example"])
        sdom = r.choice(SPAM_DOMAINS)
        x = self.rcpt()
        self.put(t, f"postfix/smtpd[{sp}]", f"connect from {host}[{cip}]")
        kind = r.random()
        if kind < 0.4:
            self.put(t + 0.2, f"postfix/smtpd[{sp}]", f"NOQUEUE: reject: RCPT from {host}[{cip}]: 550 5.1.1 <{x}>: Recipient address "
                     f"rejected: User unknown in virtual mailbox table; from=<spam@{sdom}> to=<{x}> proto=ESMTP helo=<{host}>")
        elif kind < 0.8:
            self.put(t + 0.2, f"postfix/smtpd[{sp}]", f"NOQUEUE: reject: RCPT from {host}[{cip}]: 554 5.7.1 Service unavailable; "
                     f"Client host [{cip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{cip}; "
                     f"from=<spam@{sdom}> to=<{x}> proto=ESMTP helo=<{host}>")
        else:
            self.put(t + 0.2, f"postfix/smtpd[{sp}]", f"lost connection after EHLO from {host}[{cip}]")
        self.put(t + 0.3, f"postfix/smtpd[{sp}]", f"disconnect from {host}[{cip}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4")
        if r.random() < 0.3:
            self.put(t + 0.4, f"postfix/anvil[{self.p()}]", f"statistics: max connection rate 3/60s for (smtp:{cip}) at {time.strftime('%b %d %H:%M:%S')}")


def stamp(t: float) -> str:
    lt = time.localtime(t)
    return time.strftime("%b ", lt) + f"{lt.tm_mday:>2}" + time.strftime(" %H:%M:%S", lt)


def generate(lines: int, out: Path, seed: int = 1) -> int:
    """Write about ``lines`` lines to ``out``; returns the number written."""
    g = Gen(seed)
    t = time.mktime((2026, 3, 6, 0, 0, 0, 0, 0, -1))
    written = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    kinds = (g.inbound_amavis, g.inbound_amavis, g.inbound_amavis, g.inbound_spamd, g.inbound_spamd,
             g.outbound, g.reject, g.reject)
    with out.open("w", encoding="utf-8") as f:
        buf: list[str] = []
        while written < lines:
            t += g.r.expovariate(1 / 0.35)
            g.r.choice(kinds)(t)
            while g.heap and g.heap[0][0] <= t:
                ts, _, line = heapq.heappop(g.heap)
                buf.append(f"{stamp(ts)} {line}\n")
                written += 1
            if len(buf) > 5000:
                f.writelines(buf)
                buf.clear()
        while g.heap:
            ts, _, line = heapq.heappop(g.heap)
            buf.append(f"{stamp(ts)} {line}\n")
            written += 1
        f.writelines(buf)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "maillog_2m.log")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    n = generate(args.lines, args.out, args.seed)
    print(f"wrote {n} lines to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
