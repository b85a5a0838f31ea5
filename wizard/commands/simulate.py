"""``spam-wizard simulate``: what a filter profile will really do to these samples.

Prints, per sample, the score (from X-Spam-Status, or an estimate marked as such), whether a block-list
entry hits, and the outcome (inbox, tagged, folder, deleted, rejected); then the findings, including
``blocklist_without_action`` (the entries change scores but nothing the customer sees).
``--json`` prints ``{"results": [{"source", "score", "blocklist_hit", "outcome", "folder", ...}],
"findings": [...]}``. Exit 0 ok, 1 a sample could not be read (the others are still simulated),
2 bad usage (unknown profile, action or sensitivity, refused pattern).
"""

from __future__ import annotations

import argparse
import json
import sys

from wizard.core.analyze import analyze_paths
from wizard.core.export.patterns import PatternError, parse_pattern
from wizard.core.filtersim import SimSample, simulate
from wizard.core.model import InputError
from wizard.core.profiles import ProfileError, get_profile, list_profiles

HELP = "Simulate block list, action and sensitivity of a filter profile on sample mails."

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``spam-wizard simulate``."""
    parser.add_argument("samples", nargs="+", metavar="SAMPLE",
                        help="spam samples (.eml, mbox, .msg, pasted headers)")
    parser.add_argument("--profile", required=True, metavar="NAME",
                        help="filter profile (resources/profiles/NAME.toml), e.g. hosting_provider, cpanel")
    parser.add_argument("--block", action="append", default=[], metavar="PATTERN",
                        help="block-list entry such as *@example.com; repeatable")
    parser.add_argument("--action", metavar="ACTION", help="deliver, tag, folder, delete or reject")
    parser.add_argument("--sensitivity", metavar="LEVEL", help="a sensitivity level name of the profile")
    parser.add_argument("--good", action="append", default=[], metavar="SAMPLE",
                        help="known-good mail that must stay in the inbox; repeatable")
    parser.add_argument("--domain", action="append", default=[], metavar="DOMAIN",
                        help="the customer's own domain(s) (also taken from the samples' To)")
    parser.add_argument("--json", action="store_true", help="print the JSON contract")


def _usage(message: str) -> int:
    print(f"spam-wizard simulate: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    """Run the simulation and print it."""
    try:
        profile = get_profile(args.profile)
    except ProfileError as exc:
        return _usage(f"{exc} (profiles: {', '.join(list_profiles()) or 'none'})")
    if args.action and args.action not in profile.actions:
        return _usage(f"action {args.action!r} is not offered by {profile.name} "
                      f"(offered: {', '.join(profile.actions)})")
    if args.sensitivity and profile.level(args.sensitivity) is None:
        levels = ", ".join(lv.name for lv in profile.levels) or "none"
        return _usage(f"sensitivity {args.sensitivity!r} is not a level of {profile.name} (levels: {levels})")
    for text in args.block:
        try:
            parse_pattern(text)
        except PatternError as exc:
            return _usage(str(exc))
    errors: list[InputError] = []
    samples: list[SimSample] = []
    for kind, paths in (("spam", args.samples), ("good", args.good)):
        if not paths:
            continue
        batch = analyze_paths(paths)
        errors.extend(batch.errors)
        samples.extend(SimSample(a, kind) for a in batch.messages)
    report = simulate(samples, profile, args.block, args.action, args.sensitivity, args.domain)
    if args.json:
        out = report.to_json()
        if errors:
            out["errors"] = [e.to_json() for e in errors]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"profile {profile.name}; action {report.action}; sensitivity {report.sensitivity or '-'} "
              f"(threshold {report.threshold if report.threshold is not None else '-'})")
        print(f"{'sample':<32} {'kind':<5} {'score':>9} {'block':<5} outcome")
        for r in report.results:
            score = f"{'~' if r.score_estimated else ''}{r.score:.1f}"
            outcome = f"{r.outcome} ({r.folder})" if r.folder else r.outcome
            hit = "yes" if r.blocklist_hit else "no"
            print(f"{r.source[:32]:<32} {r.kind:<5} {score:>9} {hit:<5} {outcome}")
        for f in report.findings:
            params = ", ".join(f"{k}={v}" for k, v in f.params.items())
            print(f"[{f.severity.value}] {f.code}" + (f": {params}" if params else ""))
        for e in errors:
            print(f"error: {e.source}: {e.message}", file=sys.stderr)
    return EXIT_INPUT if errors else EXIT_OK
