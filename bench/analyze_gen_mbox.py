"""Generate a realistic mbox for the analyze benchmark (default: 20,000 messages).

Each message has 4-10 Received lines written by a mix of MTAs (Postfix, Exim, Sendmail, qmail, Courier,
Microsoft Exchange / 365, Gmail, Lotus Domino, CommuniGate, MDaemon, webmail HTTP hops), with dates in
several time zones, authentication results, DKIM signatures, SpamAssassin or Microsoft filter headers,
RFC 2047 subjects (ISO-2022-JP, UTF-8, Shift_JIS) and for about a third a body of a few lines to a few KB
(``From `` lines in bodies quoted mboxrd-style). Deterministic (seeded).

    python bench/analyze_gen_mbox.py [--count N] [--out bench/out/analyze_20k.mbox]
"""

from __future__ import annotations

import argparse
import base64
import random
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

ZONES = [timezone(timedelta(hours=h)) for h in (9, 0, -5, -8, 1, 8, 2)]
WORDS = ["prize", "invoice", "account", "delivery", "notice", "update", "security", "payment", "meeting",
         "order"]
JP = ["お見積り", "ご請求書", "重要なお知らせ", "当選通知", "アカウント確認", "配送のご案内", "会議の件",
      "週刊ニュース"]
DOMAINS = ["lottery-example.biz", "partner-example.co.jp", "shop-example.jp", "bank-example.com",
           "news-example.org", "mail-example.net", "corp-example.de", "example.com.cn"]


def ip(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 223)
        if a not in (10, 127, 172, 192):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ip6(rng: random.Random) -> str:
    return "2603:1096:" + ":".join(f"{rng.randint(0, 0xffff):x}" for _ in range(3)) + "::" + f"{rng.randint(1, 99):x}"


def qid(rng: random.Random, n: int = 12, alphabet: str = "0123456789ABCDEFGHJKLMNPQRSTVWXYZ") -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def date(t: datetime, rng: random.Random) -> str:
    zone = rng.choice(ZONES)
    text = format_datetime(t.astimezone(zone))
    if zone.utcoffset(None) == timedelta(hours=9) and rng.random() < 0.5:
        text += " (JST)"
    return text


def received(rng: random.Random, client: tuple[str, str], by: str, rcpt: str, t: datetime, kind: str) -> str:
    helo, addr = client
    rdns = helo if rng.random() < 0.7 else "unknown"
    d = date(t, rng)
    if kind == "postfix":
        return (f"from {helo} ({rdns} [{addr}])\n\tby {by} (Postfix) with ESMTPS id {qid(rng, 13)}\n"
                f"\tfor <{rcpt}>; {d}")
    if kind == "postfix-auth":
        return (f"from [192.168.{rng.randint(0, 9)}.{rng.randint(2, 250)}] (unknown [{addr}])\n"
                f"\t(Authenticated sender: user{rng.randint(1, 999)}@{by.split('.', 1)[1]})\n"
                f"\tby {by} (Postfix) with ESMTPSA id {qid(rng, 10)};\n\t{d}")
    if kind == "exim":
        return (f"from {rdns} ([{addr}] helo={helo})\n\tby {by} with esmtps  (TLS1.3) tls "
                f"TLS_AES_256_GCM_SHA384\n\t(Exim 4.96)\n\t(envelope-from <bounce@{helo}>)\n"
                f"\tid {qid(rng, 6, 'abcdefghijkABCDEFGH0123456789')}-{qid(rng, 6)}-{qid(rng, 2)}\n"
                f"\tfor {rcpt};\n\t{d}")
    if kind == "sendmail":
        return (f"from {helo} ({rdns} [{addr}])\n\tby {by} (8.15.2/8.15.2) with ESMTP id "
                f"{qid(rng, 14, 'abcdefghij0123456789')}\n\tfor <{rcpt}>; {d}")
    if kind == "qmail":
        return f"from {rdns} (HELO {helo}) ({addr})\n  by {by} with SMTP; {d}"
    if kind == "courier":
        return (f"from {helo} ({rdns} [::ffff:{addr}])\n  by {by} with ESMTP; {d}\n"
                f"  id 00000000000{rng.randint(10000, 99999)}.{qid(rng, 8, '0123456789ABCDEF')}"
                f".0000{rng.randint(1000, 9999)}")
    if kind == "exchange":
        return (f"from {helo} ({addr}) by\n {by} ({ip6(rng)}) with Microsoft SMTP\n Server (version=TLS1_2,\n"
                f" cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7409.41 via Frontend\n Transport; {d}")
    if kind == "gmail":
        return (f"from {helo} ({rdns}. [{addr}])\n        by {by} with ESMTPS id {qid(rng, 20, 'abcdefgh0123')}\n"
                f"        for <{rcpt}>\n        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
                f"        {d}")
    if kind == "domino":
        return (f"from {helo} ([{addr}])\n          by {by} (Lotus Domino Release 9.0.1FP10)\n"
                f"          with ESMTP id 2026030909051234-{rng.randint(1000, 9999)} ;\n          {d}")
    if kind == "communigate":
        return (f"from [{addr}] (HELO {helo})\n  by {by} (CommuniGate Pro SMTP 6.3.4)\n"
                f"  with ESMTPS id {rng.randint(10**6, 10**7)} for {rcpt}; {d}")
    if kind == "mdaemon":
        return f"from {helo} by {by} (MDaemon PRO v21.0.2)\n\twith ESMTP id md50001234567.msg\n\tfor <{rcpt}>; {d}"
    if kind == "webmail":
        return f"from [{addr}]\n\tby {by}\n\twith HTTP (HTTP/1.1 POST); {d}"
    raise ValueError(kind)


KINDS = ["postfix", "postfix", "postfix", "exim", "exim", "sendmail", "qmail", "courier", "exchange", "gmail",
         "domino", "communigate", "mdaemon"]


def subject(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        text = rng.choice(JP) + "（" + rng.choice(WORDS) + "）"
        cs, codec = rng.choice([("ISO-2022-JP", "iso2022_jp"), ("UTF-8", "utf-8"), ("Shift_JIS", "cp932")])
        return f"=?{cs}?B?{base64.b64encode(text.encode(codec)).decode()}?="
    if r < 0.45:
        return "=?utf-8?Q?" + rng.choice(WORDS) + "_=E2=80=93_" + rng.choice(WORDS) + "?="
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(2, 7)))


def message(rng: random.Random, n: int) -> tuple[str, str]:
    sender_dom = rng.choice(DOMAINS)
    sender = f"{qid(rng, rng.randint(5, 8), 'abcdefghijklmnopqrstuvwxyz0123456789')}@{sender_dom}"
    rcpt = rng.choice(["tanaka", "sato", "info", "sales"]) + "@example.co.jp"
    t = datetime(2026, 3, 7, tzinfo=UTC) + timedelta(seconds=n * 13 + rng.randint(0, 60))
    hops = rng.randint(4, 10)
    # servers from the sender's side up to ours; the last two are the provider's
    chain: list[tuple[str, str]] = [(f"mail{rng.randint(1, 9)}.{sender_dom}", ip(rng))]
    for k in range(hops - 2):
        chain.append((f"relay{k}.{rng.choice(DOMAINS)}", ip(rng)))
    chain.append(("mx01.mail.example.ne.jp", "192.0.2.25"))
    lines: list[str] = []
    kinds = [rng.choice(KINDS) for _ in range(hops)]
    if rng.random() < 0.1:
        kinds[0] = "postfix-auth"
    if rng.random() < 0.05:
        kinds[0] = "webmail"
    times = []
    for _ in range(hops):
        t += timedelta(seconds=rng.randint(0, 20))
        times.append(t)
    for k in range(hops):
        client = chain[k] if k < len(chain) else chain[-1]
        by = chain[k + 1][0] if k + 1 < len(chain) else "mbox01.mail.example.ne.jp"
        lines.append("Received: " + received(rng, client, by, rcpt, times[k], kinds[k]))
    lines.reverse()
    head = [f"Return-Path: <{sender}>", f"Delivered-To: {rcpt}", *lines]
    spf = rng.choice(["pass", "softfail", "fail", "none", "neutral"])
    dkim = rng.choice(["pass", "none", "fail"])
    head.append(f"Authentication-Results: mx01.mail.example.ne.jp;\n\tspf={spf} smtp.mailfrom={sender};\n"
                f"\tdkim={dkim} header.d={sender_dom};\n\tdmarc={rng.choice(['pass', 'fail', 'none'])} "
                f"header.from={sender_dom}")
    if dkim != "none":
        head.append(f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={sender_dom};\n\ts=s1; "
                    f"t={int(t.timestamp())}; h=From:To:Subject:Date;\n\tbh={qid(rng, 43)}=;\n\tb={qid(rng, 120)}")
    if rng.random() < 0.7:
        score = round(rng.uniform(-3, 15), 1)
        flag = score >= 5
        if flag:
            head.append("X-Spam-Flag: YES")
        head.append(f"X-Spam-Status: {'Yes' if flag else 'No'}, score={score} required=5.0 tests=BAYES_99,\n\t"
                    f"FREEMAIL_FROM,HTML_MESSAGE,RDNS_NONE autolearn=no autolearn_force=no version=3.4.6")
    else:
        scl = rng.choice([-1, 1, 5, 6, 9])
        head.append(f"X-MS-Exchange-Organization-SCL: {scl}")
        head.append(f"X-Forefront-Antispam-Report:\n CIP:{chain[-2][1]};CTRY:US;LANG:en;SCL:{scl};SRV:;IPV:NLI;"
                    f"SFV:{'SPM' if scl >= 5 else 'NSPM'};H:{chain[-2][0]};PTR:InfoDomainNonexistent;CAT:NONE;"
                    "SFS:(13230031)(4636009);DIR:INB;")
    if rng.random() < 0.2:
        head.append(f"X-Originating-IP: [{ip(rng)}]")
    head += [
        f"From: \"{rng.choice(WORDS).capitalize()} Dept\" <{sender}>",
        f"To: {rcpt}",
        f"Subject: {subject(rng)}",
        f"Date: {date(times[0] - timedelta(seconds=rng.randint(1, 30)), rng)}",
        f"Message-ID: <{qid(rng, 16)}.{n}@{sender_dom}>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    body = ""
    if rng.random() < 0.35:
        body_lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14)))
                      for _ in range(rng.randint(3, 120))]
        if rng.random() < 0.2:
            body_lines.insert(1, ">From the prize department, quoted as mboxrd does")
        body = "\n".join(body_lines) + "\n"
    return sender, "\n".join(head) + "\n\n" + body


def main() -> None:
    """Write the mbox and print its size."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--out", default=str(Path(__file__).parent / "out" / "analyze_20k.mbox"))
    ap.add_argument("--seed", type=int, default=20260307)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for n in range(1, args.count + 1):
            sender, text = message(rng, n)
            fh.write(f"From {sender} Sat Mar  7 09:{n % 60:02d}:00 2026\n{text}\n")
    print(f"wrote {args.count} messages, {out.stat().st_size:,} bytes to {out}")


if __name__ == "__main__":
    main()
