"""``spam-wizard log``: read mail server logs and print one record per message (what the server did).

JSON is streamed: each message is written as soon as the log shows it finished, inside one JSON
document ``{"messages": [...], "verification": {...}|null, "unparsed_lines": n}``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from typing import TextIO

from wizard.core.maillog import (
    LogStats,
    MailRecord,
    Verifier,
    describe_en,
    iter_records,
    local_tz,
    normalize_mid,
)
from wizard.core.maillog.parallel import (
    MAX_AUTO_JOBS,
    MIN_PARALLEL_BYTES,
    auto_jobs,
    can_parallelize,
    iter_records_parallel,
)
from wizard.core.maillog.reader import year_reference

HELP = "read mail server logs (Postfix, Exim, Sendmail, spamd, amavis, Dovecot): what became of each message"

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``spam-wizard log``."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="log files (plain, .gz, .bz2, .xz; rotated files in any order)")
    parser.add_argument("--json", action="store_true", help="print the JSON contract instead of text")
    parser.add_argument("--message-id", action="append", default=[], metavar="ID",
                        help="only messages with this Message-ID (repeatable)")
    parser.add_argument("--sender-domain", action="append", default=[], metavar="D",
                        help="verify a block-list entry for this sender domain (repeatable)")
    parser.add_argument("--block", action="append", default=[], metavar="ENTRY",
                        help="block-list entry to verify (*@domain, domain or address; repeatable)")
    parser.add_argument("--since", metavar="ISO", help="when the block list was set (ISO 8601)")
    parser.add_argument("--until", metavar="ISO",
                        help="only verify messages before this time (e.g. when the action was changed)")
    parser.add_argument("--tz", metavar="ZONE",
                        help="zone of log stamps without one: +09:00, UTC or a name like Asia/Tokyo "
                             "(default: this computer's)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help=f"processes for one plain log file of {MIN_PARALLEL_BYTES >> 20} MB or more "
                             f"(default: one per CPU, at most {MAX_AUTO_JOBS}; 1: this process only); "
                             "the output is the same whatever the number")
    parser.add_argument("--year", type=int, metavar="YYYY",
                        help="year of the newest classic syslog lines (default: from the file dates)")


def parse_tz(text: str | None) -> tzinfo:
    """``+09:00`` / ``-0500`` / ``UTC`` / ``Asia/Tokyo`` -> tzinfo; raises ValueError."""
    if not text:
        return local_tz()
    if text.upper() in ("UTC", "Z", "GMT"):
        return timezone.utc  # noqa: UP017 - explicit for readers on 3.11
    if text[0] in "+-":
        digits = text[1:].replace(":", "")
        if not digits.isdigit() or len(digits) not in (2, 4):
            raise ValueError(f"not a UTC offset: {text!r}")
        minutes = int(digits[:2]) * 60 + (int(digits[2:]) if len(digits) == 4 else 0)
        return timezone((-1 if text[0] == "-" else 1) * timedelta(minutes=minutes))
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {text!r}") from exc


def _iso(text: str | None, tz: tzinfo, option: str) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{option} is not an ISO 8601 time: {text!r}") from None
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def _fmt_time(value: datetime) -> str:
    return value.isoformat(sep=" ", timespec="seconds")


def _text_record(rec: MailRecord) -> str:
    lines = [f"{_fmt_time(rec.first_seen)}  queue {', '.join(rec.queue_ids) or '-'}"
             f"  message-id {rec.message_id or '-'}"]
    client = rec.client_ip or "-"
    if rec.client_host:
        client = f"{rec.client_host} [{client}]"
    helo = f" helo {rec.helo}" if rec.helo else ""
    sender = "<>" if rec.from_ == "" else (rec.from_ or "-")
    lines.append(f"  from {sender}  client {client}{helo}")
    if rec.spam.flag is not None or rec.spam.score is not None:
        verdict = "SPAM" if rec.spam.flag else "not spam"
        score = f" score {rec.spam.score:g}" if rec.spam.score is not None else ""
        tests = f" ({', '.join(rec.spam.tests[:8])})" if rec.spam.tests else ""
        lines.append(f"  filter: {verdict}{score}{tests}")
    for d in rec.deliveries:
        folder = f" '{d.folder}'" if d.disposition == "folder" and d.folder else ""
        lines.append(f"  -> {d.to or '(no recipient)'}: {d.disposition}{folder} - {d.status_text}")
    return "\n".join(lines)


def _wanted(rec: MailRecord, mids: set[str]) -> bool:
    return not mids or normalize_mid(rec.message_id) in mids


def _emit_json(out: TextIO, records: list[str], first: bool) -> bool:
    if records:
        out.write(("" if first else ",\n") + ",\n".join(records))
        records.clear()
        return False
    return first


def run(args: argparse.Namespace) -> int:
    """Read the logs and print the records (JSON or text). Exit 1 when a file could not be read."""
    # millions of short-lived objects and few cycles: collect the young generation less often, and
    # don't walk the objects created before the run (about 3% of the run's instructions)
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(200000, 20, 20)
    try:
        return _run(args)
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _run(args: argparse.Namespace) -> int:
    try:
        tz = parse_tz(args.tz)
    except ValueError as exc:
        print(f"spam-wizard log: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        since = _iso(args.since, tz, "--since")
        until = _iso(args.until, tz, "--until")
    except ValueError as exc:
        print(f"spam-wizard log: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if (since is not None or until is not None) and not (args.sender_domain or args.block):
        print("spam-wizard log: --since/--until need --sender-domain or --block", file=sys.stderr)
        return EXIT_USAGE
    entries = list(args.block) + [f"*@{d.strip().lstrip('@')}" for d in args.sender_domain if d.strip()]
    verifier = Verifier(entries, since, until) if entries else None
    mids = {normalize_mid(m) for m in args.message_id if m.strip()}
    missing = [f for f in args.files if not os.path.isfile(f)]
    for f in missing:
        print(f"spam-wizard log: cannot read {f}: no such file", file=sys.stderr)
    files = [f for f in args.files if f not in missing]
    year_ref = (args.year, 12) if args.year else None
    stats = LogStats()
    out = sys.stdout
    jobs = auto_jobs() if args.jobs is None else args.jobs
    records: Iterator[MailRecord]
    if can_parallelize(files, jobs):  # the same records in the same order, read by several processes
        records = iter_records_parallel(files[0], jobs, tz, year_ref or year_reference(files), stats)
    elif files:
        records = iter_records(files, tz=tz, year_ref=year_ref, stats=stats)
    else:
        records = iter([])
    if args.json:
        out.write('{"messages": [\n')
        first = True
        batch: list[str] = []
        for rec in records:
            if verifier is not None:
                verifier.add(rec)
            if mids and not _wanted(rec, mids):
                continue
            batch.append(rec.json_text())
            if len(batch) >= 512:
                first = _emit_json(out, batch, first)
        first = _emit_json(out, batch, first)
        verification = verifier.report().to_json() if verifier is not None else None
        out.write('\n], "verification": ' + json.dumps(verification, ensure_ascii=False)
                  + f', "unparsed_lines": {stats.unparsed_lines}}}\n')
    else:
        count = 0
        for rec in records:
            if verifier is not None:
                verifier.add(rec)
            if mids and not _wanted(rec, mids):
                continue
            count += 1
            out.write(_text_record(rec) + "\n\n")
        out.write(f"{count} message(s); {stats.lines} line(s) read, {stats.unparsed_lines} not understood\n")
        if verifier is not None:
            report = verifier.report()
            out.write("\nVerification of the block list "
                      f"({', '.join(report.entries)}) since {_fmt_time(since) if since else 'the start'}:\n")
            for f in report.findings:
                out.write(f"  - {describe_en(f)}\n")
            if report.by_disposition:
                counts = ", ".join(f"{k}: {v}" for k, v in sorted(report.by_disposition.items()))
                out.write(f"  outcomes after the change: {counts}\n")
    out.flush()
    for err in stats.errors:
        print(f"spam-wizard log: {err.message}", file=sys.stderr)
    return EXIT_INPUT if (missing or stats.errors) else EXIT_OK
