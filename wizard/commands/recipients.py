"""``spam-wizard recipients``: which of the customer's addresses the spam targets, and what to delete.

Reads spam samples (like ``analyze``), optionally known-good samples, the control panel's account list
(CSV) and a delivery log. Readable output is a table and the recommendation; ``--json`` prints::

    {"addresses": [{"address", "count", "log_count", "first_seen", "last_seen", "via": [s],
                    "departed", "kind", "status", "last_login", "good_count", "registered"}],
     "flood_start": ISO-8601|null, "recommendation": s|null, "domains": [s], "messages": n,
     "log_records": n, "findings": [{"code", "severity", "params"}], "errors": [{"source", "message"}]}

Exit 0 when every input was read, 1 when one could not be (the others are still reported), 2 on bad
usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import Any

from wizard.core.accounts import AccountList, load_accounts, merge_accounts
from wizard.core.analyze import analyze_paths
from wizard.core.model import Finding, InputError, JsonValue, MessageAnalysis, Severity, iso_utc
from wizard.core.policy import AnalysisPolicy
from wizard.core.recipients import (
    LogRecord,
    RecipientReport,
    analyze_recipients,
    log_records_from,
    sender_domains,
    verify_deletion,
)

HELP = "Which of the customer's addresses the spam targets, since when, and which one to delete."

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``spam-wizard recipients``."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="spam samples (.eml, mbox, .msg, pasted text)")
    parser.add_argument("--accounts", action="append", default=[], metavar="CSV",
                        help="account list exported from the control panel (CSV); repeatable")
    parser.add_argument("--departed", action="append", default=[], metavar="ADDR",
                        help="an address whose owner has left the company; repeatable")
    parser.add_argument("--good", action="append", default=[], metavar="FILE",
                        help="known-good (legitimate) mail, to warn before deleting an address it uses")
    parser.add_argument("--log", action="append", default=[], metavar="FILE",
                        help="the mail server's delivery log (envelope recipients of the flood)")
    parser.add_argument("--domain", action="append", default=[], metavar="DOMAIN",
                        help="the customer's domain(s) (default: from the account list or the samples)")
    parser.add_argument("--trusted", action="append", default=[], metavar="CIDR|HOST",
                        help="the provider's own servers (as for analyze)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _read_log(paths: list[str], errors: list[InputError]) -> list[object]:
    try:
        from wizard.core.maillog import LogStats, iter_records
    except ImportError:  # the log reader is optional for this command
        errors.extend(InputError(p, "delivery logs cannot be read in this build") for p in paths)
        return []
    stats = LogStats()
    records: list[object] = list(iter_records(paths, stats=stats))
    for problem in stats.errors:
        source = str(getattr(problem, "source", None) or getattr(problem, "path", None) or problem)
        message = str(getattr(problem, "message", None) or problem)
        errors.append(InputError(source, message))
    return records


def build(args: argparse.Namespace) -> tuple[RecipientReport, list[AccountList], list[InputError]]:
    """Run the analysis for parsed arguments (shared with tests)."""
    policy = AnalysisPolicy.from_strings(trusted=args.trusted)
    batch = analyze_paths(list(args.files), policy)
    errors: list[InputError] = list(batch.errors)
    good: list[MessageAnalysis] = []
    if args.good:
        good_batch = analyze_paths(list(args.good), policy)
        good = list(good_batch.messages)
        errors.extend(good_batch.errors)
    lists = [load_accounts(p) for p in args.accounts]
    for item in lists:
        errors.extend(InputError(item.source, str(f.params.get("error", f.code)))
                      for f in item.findings if f.code in ("accounts_unreadable", "accounts_not_text",
                                                           "accounts_too_large"))
    raw = _read_log(list(args.log), errors) if args.log else []
    records: list[LogRecord] = log_records_from(raw, sender_domains(batch.messages)) if raw else []
    report = analyze_recipients(batch.messages, good=good, log_records=records,
                                accounts=merge_accounts(lists), departed=args.departed, domains=args.domain)
    if raw and report.recommendation:  # did the log already see the deletion at work?
        report = replace(report, findings=report.findings + tuple(verify_deletion(raw, report.recommendation)))
    return report, lists, errors


def to_json(report: RecipientReport, lists: list[AccountList],
            errors: list[InputError]) -> dict[str, JsonValue]:
    """The command's JSON document."""
    data = report.to_json()
    findings: list[JsonValue] = list(data["findings"])
    for item in lists:
        findings.extend(f.to_json() for f in item.findings)
    data["findings"] = findings
    data["errors"] = [e.to_json() for e in errors]
    return data


def _text(report: RecipientReport, lists: list[AccountList], errors: list[InputError]) -> str:
    lines: list[str] = []
    if report.addresses:
        width = max(len(a.address) for a in report.addresses)
        lines.append(f"{'address':<{width}}  samples  log  first seen (UTC)            last seen (UTC)"
                     "             notes")
        for a in report.addresses:
            notes = []
            if a.departed:
                notes.append("LEFT")
            if a.kind:
                notes.append(a.kind)
            if a.status:
                notes.append(a.status)
            if a.good_count:
                notes.append(f"{a.good_count} legit")
            lines.append(f"{a.address:<{width}}  {a.count:>7}  {a.log_count:>3}  "
                         f"{iso_utc(a.first_seen) or '-':<26}  {iso_utc(a.last_seen) or '-':<26}  "
                         f"{', '.join(notes)}")
    else:
        lines.append("No sample is addressed to the customer's domains.")
    lines.append("")
    lines.append(f"Flood started: {iso_utc(report.flood_start) or 'unknown'}")
    lines.append(f"Delete: {report.recommendation or '(nothing recommended yet)'}")
    all_findings: list[Finding] = list(report.findings)
    for item in lists:
        all_findings.extend(item.findings)
    for f in all_findings:
        mark = {Severity.CRITICAL: "!!", Severity.WARNING: "! ", Severity.INFO: "  "}[f.severity]
        params = ", ".join(f"{k}={v}" for k, v in f.params.items())
        lines.append(f"{mark} {f.code}: {params}")
    for e in errors:
        lines.append(f"error: {e.source}: {e.message}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run the command; see the module docstring for the exit codes."""
    try:
        report, lists, errors = build(args)
    except ValueError as exc:
        print(f"spam-wizard recipients: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        out: Any = to_json(report, lists, errors)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(_text(report, lists, errors))
    for e in errors:
        print(f"spam-wizard recipients: {e.source}: {e.message}", file=sys.stderr)
    return EXIT_INPUT if errors else EXIT_OK
