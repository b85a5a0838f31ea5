"""``spam-wizard``: the analysis core from a terminal, or the desktop wizard when no command is given.

Each sub-command lives in its own module under ``wizard.commands`` and exposes ``HELP`` (one line),
``add_arguments(parser)`` and ``run(args) -> int``. Exit codes: 0 success, 1 an input could not be read
(the others are still reported), 2 bad usage. The JSON output contracts are built in those modules.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

COMMANDS: dict[str, str] = {
    "analyze": "wizard.commands.analyze",
    "log": "wizard.commands.log",
    "recipients": "wizard.commands.recipients",
    "check-address": "wizard.commands.check_address",
    "check-cert": "wizard.commands.check_cert",
    "simulate": "wizard.commands.simulate",
    "export": "wizard.commands.export",
    "case": "wizard.commands.case",
    "scenario": "wizard.commands.scenario",
}

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def _load(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def _print_overview() -> None:
    lines = [
        "usage: spam-wizard [COMMAND] [options]",
        "",
        "Without a command the desktop wizard opens (options: --demo, --screenshots DIR, --self-test,",
        "--lang ja|en). Commands (spam-wizard COMMAND --help for each):",
    ]
    for name in COMMANDS:
        try:
            summary = getattr(_load(name), "HELP", "")
        except ImportError:
            continue
        lines.append(f"  {name:<14} {summary}")
    print("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``spam-wizard`` console script and of ``python -m wizard``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        _print_overview()
        return EXIT_OK
    if args and args[0] in ("-V", "--version"):
        from wizard import __version__

        print(f"spam-wizard {__version__}")
        return EXIT_OK
    if args and args[0] in COMMANDS:
        name = args[0]
        module = _load(name)
        parser = argparse.ArgumentParser(prog=f"spam-wizard {name}", description=getattr(module, "HELP", None))
        module.add_arguments(parser)
        try:
            parsed = parser.parse_args(args[1:])
        except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
            return int(exc.code or 0)
        try:
            result: int = module.run(parsed)
        except BrokenPipeError:
            # The reader went away (``spam-wizard log ... | head``): stop quietly, as other CLI tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK
        return result
    if args and not args[0].startswith("-"):
        print(f"spam-wizard: unknown command {args[0]!r} (see spam-wizard --help)", file=sys.stderr)
        return EXIT_USAGE
    from wizard.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
