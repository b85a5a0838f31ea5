"""``spam-wizard scenario list|play``: training scenarios from the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wizard.core.scenarios import ScenarioError, find_scenario, list_scenarios, parse_answers_text, play

HELP = "list training scenarios, or score a scripted run (scenario play NAME --answers FILE)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``list [--json]`` and ``play NAME --answers FILE [--json] [--lang ja|en]``."""
    sub = parser.add_subparsers(dest="verb", required=True)
    lister = sub.add_parser("list", help="the scenarios shipped in resources/scenarios")
    lister.add_argument("--json", action="store_true")
    lister.add_argument("--dir", type=Path, help="another scenarios folder")
    player = sub.add_parser("play", help="score the actions listed in an answers file")
    player.add_argument("name", help="scenario id, or a path to a scenario .json")
    player.add_argument("--answers", required=True, help="answers file (JSON list or one action per line; - for stdin)")
    player.add_argument("--json", action="store_true")
    player.add_argument("--lang", choices=("ja", "en"), default="en")
    player.add_argument("--dir", type=Path, help="another scenarios folder")
    drafter = sub.add_parser("from-case", help="a pseudonymised draft scenario made from a stored case")
    drafter.add_argument("case_id")
    drafter.add_argument("-o", "--output", required=True, help="the draft scenario .json to write")
    drafter.add_argument("--store", help="case store URL (sqlite:///... or postgresql://...)")
    drafter.add_argument("--id", default="from_case", help="scenario id for the draft")


def run(args: argparse.Namespace) -> int:
    """Exit 0 on success, 1 when a scenario or answers file cannot be read, 2 on bad usage."""
    try:
        if args.verb == "list":
            return _list(args)
        if args.verb == "from-case":
            return _from_case(args)
        return _play(args)
    except ScenarioError as exc:
        print(f"spam-wizard scenario: {exc}", file=sys.stderr)
        return 1


def _list(args: argparse.Namespace) -> int:
    scenarios = list_scenarios(args.dir)
    if args.json:
        print(json.dumps({"scenarios": [
            {"id": s.id, "title": dict(s.title), "summary": dict(s.summary), "max_score": s.max_score,
             "calls": len(s.calls), "profile": s.profile} for s in scenarios]}, ensure_ascii=False, indent=2))
    else:
        for s in scenarios:
            print(f"{s.id:<28} {s.max_score:>4} pts  {s.title.get('en', '')}")
    return 0


def _play(args: argparse.Namespace) -> int:
    scenario = find_scenario(args.name, args.dir)
    try:
        text = sys.stdin.read() if args.answers == "-" else Path(args.answers).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"spam-wizard scenario: cannot read answers file: {exc}", file=sys.stderr)
        return 1
    try:
        actions = parse_answers_text(text)
    except ValueError as exc:
        print(f"spam-wizard scenario: {args.answers}: {exc}", file=sys.stderr)
        return 1
    result = play(scenario, actions, args.lang)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{scenario.title.get(args.lang, scenario.id)}: {result.score} / {result.max_score}")
    for item in result.items:
        mark = "OK " if item.passed else "-- "
        print(f"  {mark}{item.id:<28} {item.points:>3}/{item.max:<3} {item.why}")
    if result.lesson:
        print()
        print(result.lesson)
    return 0


def _from_case(args: argparse.Namespace) -> int:
    from wizard.core.cases.store import StoreError, open_store
    from wizard.core.pseudonymise import scenario_from_case

    try:
        store = open_store(args.store)
        try:
            case = store.load(args.case_id)
        finally:
            store.close()
    except StoreError as exc:
        print(f"spam-wizard scenario: {exc}", file=sys.stderr)
        return 1
    doc = scenario_from_case(case, scenario_id=args.id)
    Path(args.output).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"draft scenario written to {args.output}; edit the title, replies and rubric, then validate it "
          f"with: spam-wizard scenario play {args.output} --answers ANSWERS")
    return 0
