"""Benchmark: Received lines and mail dates parsed per second (printed, never asserted).

Run: python bench/received_parse.py [--seconds N]
Uses the Received table in tests/data/received/ and a handful of common date forms, and reports
CPU-time rates so that a busy machine skews the figures less.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from wizard.core.dates import parse_mail_date
from wizard.core.received import parse_received

ROOT = Path(__file__).resolve().parent.parent
DATES = [
    "Mon, 1 Jan 2024 12:00:00 +0900",
    "Tue, 07 Jan 2020 10:00:00 -0800 (PST)",
    "Wed, 9 Mar 2022 16:29:02 +0900 (JST)",
    "Mon, 1 Jan 2024 12:00:00 JST",
    "Wed Mar 09 16:29:02 2022",
    "2023-07-11 01:15:03.123456789 +0000 UTC m=+1234.567890123",
    "1 Jan 24 12:00:00 +0900",
]


def _lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((ROOT / "tests" / "data" / "received").glob("*.json")):
        lines.extend(case["line"] for case in json.loads(path.read_text(encoding="utf-8"))["cases"])
    return lines


def _rate(items: list[str], func: Callable[[str], object], seconds: float) -> tuple[float, int]:
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            func(item)
        done += len(items)
    return done / (time.process_time() - start), done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    lines = _lines()
    rate, done = _rate(lines, parse_received, args.seconds)
    print(
        f"parse_received: {rate:,.0f} lines/s CPU ({1e6 / rate:.1f} us/line, {done} lines,"
        f" {len(lines)} distinct)"
    )
    rate, done = _rate(DATES, parse_mail_date, args.seconds)
    print(f"parse_mail_date: {rate:,.0f} dates/s CPU ({1e6 / rate:.1f} us/date, {done} dates)")


if __name__ == "__main__":
    main()
