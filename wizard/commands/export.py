"""``spam-wizard export``: the block list, action and sensitivity as a configuration a real engine accepts.

Formats: ``spamassassin`` (user_prefs), ``sieve`` (RFC 5228 script), ``rspamd`` (multimap + actions +
map file in one text), ``postfix`` (check_sender_access table). Hostile or inexpressible entries are
refused with a message (exit 2); nothing is written then.
"""

from __future__ import annotations

import argparse
import sys

from wizard.core.export import FORMATS, ExportError, render
from wizard.core.profiles import ProfileError, get_profile, list_profiles

HELP = "Export block list / action / sensitivity for SpamAssassin, Sieve, Rspamd or Postfix."

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
_DEFAULT_PROFILE = {"spamassassin": "spamassassin", "sieve": "spamassassin", "rspamd": "rspamd",
                    "postfix": "postfix_access"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``spam-wizard export``."""
    parser.add_argument("--format", required=True, choices=FORMATS, help="configuration format")
    parser.add_argument("--block", action="append", default=[], metavar="PATTERN",
                        help="block-list entry such as *@example.com; repeatable")
    parser.add_argument("--action", metavar="ACTION", help="deliver, tag, folder, delete or reject")
    parser.add_argument("--sensitivity", metavar="LEVEL", help="a sensitivity level name of the profile")
    parser.add_argument("--profile", metavar="NAME",
                        help="filter profile (default: the plain profile of the format's engine)")
    parser.add_argument("--sa-version", metavar="VERSION",
                        help="target SpamAssassin version (default: the installed one, else 4.0): "
                        "before 4.0 blacklist_from is written instead of blocklist_from")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def run(args: argparse.Namespace) -> int:
    """Render and write the configuration."""
    name = args.profile or _DEFAULT_PROFILE[args.format]
    try:
        profile = get_profile(name)
    except ProfileError as exc:
        print(f"spam-wizard export: {exc} (profiles: {', '.join(list_profiles())})", file=sys.stderr)
        return EXIT_USAGE
    sa_version = args.sa_version
    if args.format == "spamassassin" and sa_version is None:
        from wizard.core.export.spamassassin import installed_version

        sa_version = installed_version()
    try:
        result = render(args.format, args.block, profile, args.action, args.sensitivity, sa_version)
    except ExportError as exc:
        print(f"spam-wizard export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(result.text)
        except OSError as exc:
            print(f"spam-wizard export: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_INPUT
    else:
        sys.stdout.write(result.text)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    return EXIT_OK
