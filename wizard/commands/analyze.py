"""``spam-wizard analyze``: trace where mail came from, from pasted headers, .eml, mbox or .msg files.

Readable output: per message a hop table bottom-up (the order the agent reads it), the verdict in one
line and the findings. ``--json`` prints the contract of :func:`wizard.core.analyze.batch_json`.
Exit 0 when every input was read, 1 when one could not be read (the others are still reported),
2 on bad usage (e.g. an invalid ``--customer-ip``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from wizard.commands.stdout_bytes import binary_stdout
from wizard.core.analyze import (
    AnalysisBatch,
    JsonChunk,
    analyze_bytes,
    analyze_paths,
    batch_json,
    encode_json_texts,
    mbox_json_parallel,
    message_json,
    path_json_texts,
)
from wizard.core.jsonbytes import json_bytes
from wizard.core.model import InputError, MessageAnalysis, Severity
from wizard.core.policy import AnalysisPolicy

HELP = "Trace the origin of a mail from its headers (paste, .eml, mbox, .msg or stdin)."

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``spam-wizard analyze``."""
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="files to read (.eml, mbox, .msg, text with pasted headers); '-' or none: stdin")
    parser.add_argument("--json", action="store_true", help="print the JSON contract instead of tables")
    parser.add_argument("--trusted", action="append", default=[], metavar="CIDR|HOST",
                        help="the provider's own servers (network or host; '.example.ne.jp' = suffix); "
                        "repeatable")
    parser.add_argument("--customer-ip", action="append", default=[], metavar="IP",
                        help="the customer's PC address(es), to answer 'did the customer send it'")
    parser.add_argument("--customer-host", action="append", default=[], metavar="NAME",
                        help="the customer's PC host name(s)")
    parser.add_argument("--workers", type=_positive_int, default=0, metavar="N",
                        help="worker processes for large mbox files with --json (default: one per CPU; "
                        "1: none)")
    try:
        from wizard.commands.analyze_dns import add_dns_arguments
    except ImportError:
        return
    add_dns_arguments(parser)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text stream (tests)
        return str(sys.stdin.read(limit + 1)).encode("utf-8", "surrogateescape")
    data: bytes = stream.read(limit + 1)
    return data


def _analyse(files: list[str], policy: AnalysisPolicy) -> AnalysisBatch:
    messages: list[MessageAnalysis] = []
    errors: list[InputError] = []
    for name in files or ["-"]:
        if name == "-":
            batch = analyze_bytes(_read_stdin(policy.max_input_bytes), "-", policy)
        else:
            batch = analyze_paths([name], policy)
        messages.extend(batch.messages)
        errors.extend(batch.errors)
    return AnalysisBatch(tuple(messages), tuple(errors))


def run(args: argparse.Namespace) -> int:
    """Run the command; see the module docstring for the exit codes."""
    try:
        policy = AnalysisPolicy.from_strings(
            trusted=args.trusted,
            customer_ips=args.customer_ip,
            customer_hosts=args.customer_host,
            home_country=str(getattr(args, "home_country", None) or "JP"),
        )
    except ValueError as exc:
        print(f"spam-wizard analyze: {exc}", file=sys.stderr)
        return EXIT_USAGE
    want_dns = bool(getattr(args, "dns", False))
    if args.json and not want_dns and not _isatty():
        return _run_json_fast(list(args.files), policy, int(getattr(args, "workers", 0) or 0))
    batch = _analyse(list(args.files), policy)
    dns: list[dict[str, Any]] | None = None
    if want_dns:
        from wizard.commands.analyze_dns import dns_json

        dns = list(dns_json(batch.messages, args))
    if args.json:
        doc = batch_json(batch)
        if dns is not None:
            for mj, dj in zip(doc["messages"], dns, strict=False):
                mj["dns"] = dj
        indent = 2 if _isatty() else None
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=indent) + "\n")
    else:
        out: list[str] = []
        for k, m in enumerate(batch.messages):
            out.extend(format_message(m))
            if dns is not None and k < len(dns):
                out.append("DNS: " + json.dumps(dns[k], ensure_ascii=False))
            out.append("")
        sys.stdout.write("\n".join(out))
        for e in batch.errors:
            print(f"{e.source}: {e.message}", file=sys.stderr)
    return EXIT_INPUT if batch.errors else EXIT_OK


def _run_json_fast(files: list[str], policy: AnalysisPolicy, workers: int = 0) -> int:
    """``--json`` to a pipe or file: compact JSON, large mbox files analysed in worker processes.

    The document holds the same values as ``batch_json(batch)``, written compactly (no spaces); it is
    assembled from per-message JSON, written run by run while the workers go on with the next ones.
    """
    errors: list[InputError] = []
    out = binary_stdout()
    out.write(b'{"messages":[')
    wrote = False
    for name in files or ["-"]:
        chunks = mbox_json_parallel(name, policy, workers or None) if name != "-" and workers != 1 else None
        if chunks is None:
            if name == "-":
                batch = analyze_bytes(_read_stdin(policy.max_input_bytes), "-", policy)
                texts = [json_bytes(message_json(m)) for m in batch.messages]
                errors.extend(batch.errors)
            else:
                texts, errs = path_json_texts(name, policy)
                errors.extend(errs)
            chunks = iter([JsonChunk(encode_json_texts(texts), len(texts), ())])
        for chunk in chunks:
            if chunk.count:
                out.write(b"," + chunk.text if wrote else chunk.text)
                wrote = True
            errors.extend(chunk.errors)
    out.write(b'],"errors":' + json_bytes([e.to_json() for e in errors]) + b"}\n")
    out.flush()
    return EXIT_INPUT if errors else EXIT_OK


def _isatty() -> bool:
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError):
        return False


def _cell(text: object, width: int) -> str:
    s = "-" if text is None or text == "" else " ".join(str(text).split())
    if len(s) > width:
        s = s[: width - 1] + "…"
    return s.ljust(width)


def _fmt_delay(d: float | None) -> str:
    if d is None:
        return "-"
    if abs(d) < 120:
        return f"{d:.0f}s"
    if abs(d) < 7200:
        return f"{d / 60:.0f}m"
    return f"{d / 3600:.1f}h"


def format_message(m: MessageAnalysis) -> list[str]:
    """The readable report of one message (hop table bottom-up, verdict, findings)."""
    lines = [f"== {m.source} =="]
    lines.append(f"Subject: {m.subject if m.subject is not None else '-'}")
    lines.append(f"From: {m.from_ or '-'}   To: {', '.join(m.to) or '-'}   "
                 f"Date: {m.date.isoformat() if m.date else '-'}")
    if m.return_path is not None:
        lines.append(f"Return-Path: <{m.return_path}>   Message-ID: {m.message_id or '-'}")
    head = (f"{'#':>2}  {_cell('from helo / rdns', 34)} {_cell('IP', 22)} {_cell('by', 28)} "
            f"{_cell('with', 9)} {_cell('time', 25)} {_cell('delay', 6)} trust")
    lines.append(head)
    for i in range(len(m.hops) - 1, -1, -1):
        h = m.hops[i]
        if h.source_header != "Received":
            name = h.source_header
        else:
            name = h.from_helo or "-"
            if h.from_rdns and h.from_rdns != h.from_helo:
                name += f" / {h.from_rdns}"
        when = h.timestamp.strftime("%Y-%m-%d %H:%M:%S %z") if h.timestamp else "-"
        marks = []
        if m.handoff is not None and m.handoff.hop == i:
            marks.append("HANDOFF")
        if m.claimed_origin is not None and m.claimed_origin.hop == i:
            marks.append("origin?")
        trust = ("trusted" if h.trusted else ("-" if not h.relay else "untrusted"))
        if not h.relay:
            trust += " (not a relay)"
        lines.append(f"{i:>2}  {_cell(name, 34)} {_cell(h.from_ip, 22)} {_cell(h.by, 28)} "
                     f"{_cell(h.with_, 9)} {_cell(when, 25)} {_cell(_fmt_delay(h.delay_s), 6)} "
                     f"{trust}{' ' + ' '.join(marks) if marks else ''}")
    lines.append("Verdict: " + verdict_line(m))
    a = m.auth_results
    lines.append(f"Auth: spf={a.spf or '-'} dkim={a.dkim or '-'} dmarc={a.dmarc or '-'}"
                 + (f" (DKIM d={', '.join(m.dkim_domains)})" if m.dkim_domains else ""))
    s = m.spam
    if s.engine:
        lines.append(f"Spam filter ({s.engine}): flag={s.flag} score={s.score} required={s.required}"
                     + (f" tests={','.join(s.tests)}" if s.tests else ""))
    if m.findings:
        lines.append("Findings:")
        for f in sorted(m.findings, key=lambda f: -Severity(f.severity).rank):
            params = " ".join(f"{k}={v}" for k, v in f.params.items())
            lines.append(f"  [{f.severity.value}] {f.code}{' ' + params if params else ''}")
    return lines


def verdict_line(m: MessageAnalysis) -> str:
    """One line: who handed the mail over, where it claims to come from, and the customer answer."""
    parts: list[str] = []
    if m.handoff is not None:
        h = m.handoff
        name = h.rdns or "no rDNS"
        parts.append(f"handed to us by {h.ip} ({name}, HELO {h.helo or '-'}) at hop {h.hop}")
    else:
        parts.append("no outside handoff found")
    if m.authenticated_submission:
        parts.append("sent with a login (authenticated submission)")
    if m.claimed_origin is not None:
        c = m.claimed_origin
        if m.handoff is None or c.hop != m.handoff.hop:
            kind = "private" if c.private else "forgeable"
            parts.append(f"claimed origin {c.ip} at hop {c.hop} ({kind})")
    if m.customer_is_origin is True:
        parts.append("THE CUSTOMER'S MACHINE IS IN THE CHAIN")
    elif m.customer_is_origin is False:
        parts.append("not sent by the customer's machine")
    return "; ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - convenience for debugging
    """Run as ``python -m wizard.commands.analyze``."""
    parser = argparse.ArgumentParser(prog="spam-wizard analyze", description=HELP)
    add_arguments(parser)
    return run(parser.parse_args(argv))
