"""``spam-wizard check-address``: why does the password-reset form say "unknown address"?

Compares what the customer typed with the registered address(es) and explains every difference, then
spells the right address for reading aloud. ``--json`` prints::

    {"match": s|null, "differences": [{"kind", "position", "typed", "expected"}], "suggestion": s|null,
     "readback": {"ja": s, "en": s}}

``position`` is the 0-based character index in the typed text. Exit 0 (also when it does not match:
the differences are the answer), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json

from wizard.core.address import check_address, readback_en

HELP = "Explain why a typed address is 'unknown' (full-width, look-alikes, typos) and spell it for the phone."

_WORDS = {
    "fullwidth": "full-width characters (Japanese input on)",
    "at_sign": "look-alike @ sign",
    "dot": "Japanese period or look-alike dot",
    "hyphen": "long-vowel mark or dash instead of a hyphen",
    "space": "space",
    "invisible": "invisible character",
    "kana": "typed in kana",
    "accent": "accented letter",
    "case": "upper/lower case (normally does not matter)",
    "confusable": "look-alike character",
    "swapped": "swapped letters",
    "extra": "extra character",
    "missing": "missing character",
    "wrong_char": "wrong character",
    "domain_suffix": "different domain ending",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``spam-wizard check-address``."""
    parser.add_argument("typed", metavar="TYPED", help="the address exactly as the customer typed it")
    parser.add_argument("--known", nargs="+", action="extend", default=[], metavar="ADDR",
                        help="registered address(es) to compare with")
    parser.add_argument("--nato", action="store_true", help="English read-back with code words")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _visible(text: str) -> str:
    return "".join(c if c.isprintable() and not c.isspace() else f"<U+{ord(c):04X}>" for c in text)


def run(args: argparse.Namespace) -> int:
    """Run the command (exit 0)."""
    known = [part for item in args.known for part in item.replace(";", ",").split(",") if part.strip()]
    result = check_address(args.typed, known)
    data = result.to_json()
    readback = {"ja": result.readback_ja, "en": result.readback_en}
    if args.nato:
        target = result.match or result.suggestion or result.normalized
        readback["en"] = readback_en(target, nato=True)
        data["readback"] = readback
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if result.match and not result.differences:
        print(f"OK: exactly the registered address {result.match}")
    elif result.match:
        print(f"Matches {result.match} (only upper/lower case differs)")
    elif result.suggestion:
        print(f"Not registered as typed. Closest registered address: {result.suggestion}")
    else:
        print("No registered address is close to what was typed.")
    for d in result.differences:
        print(f"  position {d.position + 1}: {_WORDS.get(d.kind, d.kind)}: typed '{_visible(d.typed)}'"
              f" -> expected '{_visible(d.expected)}'")
    for f in result.findings:
        print(f"  note: {f.code}")
    print(f"Read-back (ja): {readback['ja']}")
    print(f"Read-back (en): {readback['en']}")
    return 0
