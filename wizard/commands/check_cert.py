"""``spam-wizard check-cert``: what security error will the control panel give, and what to say.

Connects to HOST[:PORT] (default 443), reads the certificate even when it is invalid and lists the
problems with per-browser advice worded for reading aloud. ``--json`` prints::

    {"host", "port", "subject", "issuer", "san": [s], "not_before", "not_after",
     "problems": [{"code", "detail"}],
     "advice": {"chrome", "edge", "firefox", "safari_mac", "safari_iphone"}}

Exit 0 when a certificate was read (problems or not), 1 when none could be (timeout, refused, name not
found, handshake failure), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json

from wizard.core.certcheck import CONNECTION_CODES, browser_advice, check_certificate, parse_target

HELP = "Check the control panel's certificate (self-signed, wrong host, expired...) with browser advice."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``spam-wizard check-cert``."""
    parser.add_argument("target", metavar="HOST[:PORT]", help="host, host:port or https:// URL")
    parser.add_argument("--expect-host", metavar="NAME",
                        help="the host name the customer types in the browser (if not HOST)")
    parser.add_argument("--ca", action="append", default=[], metavar="FILE",
                        help="also trust this CA certificate (PEM); repeatable")
    parser.add_argument("--no-system-ca", action="store_true", help="do not trust the system's CA store")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds (default 10)")
    parser.add_argument("--lang", choices=("ja", "en"), default="en", help="language of the advice")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Run the command; see the module docstring for the exit codes."""
    try:
        parse_target(args.target)
    except ValueError as exc:
        print(f"spam-wizard check-cert: {exc}")
        return 2
    if not 0 < args.timeout <= 300:
        print("spam-wizard check-cert: --timeout must be between 0 and 300 seconds")
        return 2
    report = check_certificate(args.target, expect_host=args.expect_host, timeout=args.timeout,
                               ca_files=args.ca, system_trust=not args.no_system_ca)
    advice = browser_advice(report, args.lang)
    failed = any(c in CONNECTION_CODES for c in report.codes)
    if args.json:
        print(json.dumps(report.to_json(advice), ensure_ascii=False, indent=2))
        return 1 if failed else 0
    print(f"{report.host}:{report.port}")
    if report.subject:
        print(f"  subject:  {report.subject}")
        print(f"  issuer:   {report.issuer}")
        print(f"  names:    {', '.join(report.san) or '(none)'}")
        print(f"  valid:    {report.not_before} .. {report.not_after}")
        print(f"  key:      {report.key}, signature {report.signature}")
    if not report.problems:
        print("OK: browsers should open it without a warning.")
    for p in report.problems:
        print(f"  PROBLEM {p.code}: {p.detail}")
    if report.suggested_url:
        print(f"  Suggested URL: {report.suggested_url}")
    if report.another_device:
        print("  Better move: another device (no bypass possible in the browser).")
    for browser, text in advice.items():
        print(f"  [{browser}] {text}")
    return 1 if failed else 0
