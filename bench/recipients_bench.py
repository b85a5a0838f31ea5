"""Figures for the recipients step (printed, never asserted).

* address check against a large account list (the "unknown address" checker runs on every keystroke);
* recipient analysis over a day of delivery-log records plus samples;
* account-list CSV import.

Run: ``python bench/recipients_bench.py``.
"""

from __future__ import annotations

import random
import string
import time
from datetime import UTC, datetime, timedelta

from wizard.core.accounts import parse_accounts
from wizard.core.address import check_address
from wizard.core.model import Hop, MessageAnalysis
from wizard.core.recipients import analyze_recipients


def _addresses(n: int, rng: random.Random) -> list[str]:
    out = []
    for i in range(n):
        local = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 12)))
        out.append(f"{local}{i}@example.co.jp")
    return out


def bench_address(n: int) -> None:
    rng = random.Random(1)
    known = _addresses(n, rng)
    target = known[n // 2]
    typed = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in target[:6]) + target[6:]
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        result = check_address(typed, known)
    elapsed = (time.perf_counter() - start) / runs
    print(f"check_address vs {n:>6} registered: {elapsed * 1000:8.2f} ms per check "
          f"(suggestion ok: {result.suggestion == target})")


def bench_recipients(records: int) -> None:
    rng = random.Random(2)
    base = datetime(2026, 3, 7, tzinfo=UTC)
    addrs = _addresses(200, rng)
    log = [((rng.choice(addrs),), base + timedelta(seconds=rng.randint(0, 86400))) for _ in range(records)]
    spam = [MessageAnalysis(source=f"s{i}", to=(addrs[0],), hops=(Hop(raw="r", for_=addrs[0],
            timestamp=base + timedelta(minutes=i), trusted=True),)) for i in range(50)]
    start = time.perf_counter()
    report = analyze_recipients(spam, log_records=log, domains=["example.co.jp"])
    elapsed = time.perf_counter() - start
    print(f"analyze_recipients: 50 samples + {records} log records: {elapsed * 1000:8.1f} ms "
          f"({records / elapsed:,.0f} records/s, {len(report.addresses)} addresses)")


def bench_accounts(rows: int) -> None:
    rng = random.Random(3)
    lines = ["メールアドレス,状態,最終ログイン,種別,転送先"]
    for addr in _addresses(rows, rng):
        lines.append(f"{addr},有効,2026/03/0{rng.randint(1, 9)} 10:00,メールボックス,")
    data = "\r\n".join(lines).encode("cp932")
    start = time.perf_counter()
    result = parse_accounts(data)
    elapsed = time.perf_counter() - start
    print(f"parse_accounts: {rows} rows (cp932, {len(data) / 1024:.0f} KiB): {elapsed * 1000:8.1f} ms "
          f"({len(result.accounts)} accounts)")


if __name__ == "__main__":
    for n in (10, 1000, 10000):
        bench_address(n)
    bench_recipients(100_000)
    bench_accounts(10_000)
