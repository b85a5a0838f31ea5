"""``spam-wizard case``: the cases kept across calls, from a terminal.

``list`` the open cases (or ``--search`` by customer, address, domain or IP), ``show ID`` one case as the
ticket note with what to verify now, ``export ID FILE`` a case file for hand-over (or ``--as html|note``
a report, ``--redact`` masked), ``import FILE`` a case file from another desk. ``--store URL`` picks
the store (``sqlite:///path/to/file.db`` or ``postgresql://user@host/db``; default: the local file in
the user data directory, or ``$SPAM_WIZARD_STORE_URL``). Exit 0 ok, 1 when a case, file or store could
not be read (nothing is changed), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from wizard.commands.stdout_bytes import binary_stdout
from wizard.core.cases.exports import (
    CaseFileError,
    case_file_bytes,
    html_report,
    read_case_file,
    recap_text,
    ticket_note,
)
from wizard.core.cases.model import CaseRecord
from wizard.core.cases.recap import recap
from wizard.core.cases.store import (
    CaseExists,
    CaseNotFound,
    Store,
    StoreError,
    StoreUrlError,
    open_store,
)

HELP = "Cases kept across calls: list, show, export (hand-over / report) and import."

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Sub-commands and options of ``spam-wizard case``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument("--store", metavar="URL", default=None,
                        help="sqlite:///path/to/file.db or postgresql://user@host/db "
                        "(default: $SPAM_WIZARD_STORE_URL or the local file in the user data folder)")
    sub = parser.add_subparsers(dest="action", metavar="list|show|export|import", required=True)
    p_list = sub.add_parser("list", parents=[common], help="open cases and follow-ups due today")
    p_list.add_argument("--all", action="store_true", help="closed cases too")
    p_list.add_argument("--search", metavar="TEXT", help="customer, mail address, domain or IP")
    p_show = sub.add_parser("show", parents=[common], help="one case: ticket note and what to verify now")
    p_show.add_argument("id", metavar="ID")
    p_show.add_argument("--lang", choices=("ja", "en"), default="ja")
    p_export = sub.add_parser("export", parents=[common], help="write a case file (hand-over) or a report")
    p_export.add_argument("id", metavar="ID")
    p_export.add_argument("file", metavar="FILE", help="file to write ('-': standard output)")
    p_export.add_argument("--as", dest="kind", choices=("case", "html", "note"), default="case",
                          help="case: case file for import elsewhere (default); html: printable report; "
                          "note: ticket note")
    p_export.add_argument("--lang", choices=("ja", "en"), default="ja")
    p_export.add_argument("--redact", action="store_true",
                          help="mask addresses, host names and IPs (reports only)")
    p_import = sub.add_parser("import", parents=[common], help="read a case file from another desk")
    p_import.add_argument("file", metavar="FILE", help="case file ('-': standard input)")
    p_import.add_argument("--replace", action="store_true",
                          help="replace the case if it is already in this store")


def _record_json(record: CaseRecord) -> dict[str, Any]:
    return record.to_json()


def _error(args: argparse.Namespace, message: str, code: int) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        print(f"spam-wizard case: {message}", file=sys.stderr)
    return code


def _write_atomic(path: str, data: bytes) -> None:
    if path == "-":
        out = binary_stdout()
        out.write(data)
        out.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".case-", dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_input(path: str) -> bytes:
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            return str(sys.stdin.read()).encode("utf-8")
        data: bytes = stream.read()
        return data
    return Path(path).read_bytes()


def run(args: argparse.Namespace) -> int:
    """Run ``spam-wizard case ...``."""
    try:
        store = open_store(args.store)
    except StoreError as exc:
        return _error(args, str(exc), EXIT_USAGE if isinstance(exc, StoreUrlError) else EXIT_INPUT)
    try:
        handler = {"list": _list, "show": _show, "export": _export, "import": _import}[args.action]
        return handler(args, store)
    except CaseNotFound as exc:
        return _error(args, str(exc), EXIT_INPUT)
    except StoreError as exc:
        return _error(args, str(exc), EXIT_INPUT)
    finally:
        store.close()


def _list(args: argparse.Namespace, store: Store) -> int:
    if args.search:
        records = store.search(args.search)
        if not args.all:
            records = [r for r in records if r.status != "closed"]
    else:
        records = store.list_cases(None if args.all else ("open", "waiting"))
    due = store.followups_due(date.today())
    if args.json:
        print(json.dumps({
            "cases": [_record_json(r) for r in records],
            "followups_due": [{"case": r.id, "due": f.due.isoformat(), "what": f.what} for r, f in due],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not records:
        print("No cases." if not args.search else f"No case matches {args.search!r}.")
    for r in records:
        print(f"{r.id:<22} {r.status:<8} {r.step:<14} {r.updated.astimezone():%Y-%m-%d %H:%M}  "
              f"{r.customer} <{r.domain}>")
    if due:
        print("\nFollow-ups due (today or overdue):")
        for r, f in due:
            print(f"  {f.due.isoformat()}  {r.id}  {f.what}")
    return EXIT_OK


def _show(args: argparse.Namespace, store: Store) -> int:
    case = store.load(args.id)
    items = recap(case)
    if args.json:
        print(json.dumps({
            "case": case.to_json(),
            "recap": [{"code": i.code, "params": i.params, "at": i.at.isoformat() if i.at else None,
                       "text": recap_text(i, args.lang)} for i in items],
        }, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(ticket_note(case, args.lang), end="")
    return EXIT_OK


def _export(args: argparse.Namespace, store: Store) -> int:
    case = store.load(args.id)
    if args.kind == "case":
        if args.redact:
            return _error(args, "--redact applies to reports (--as html or --as note), not to case files",
                          EXIT_USAGE)
        data = case_file_bytes(case)
    elif args.kind == "html":
        data = html_report(case, args.lang, redact=args.redact).encode("utf-8")
    else:
        data = ticket_note(case, args.lang, redact=args.redact).encode("utf-8")
    try:
        _write_atomic(args.file, data)
    except OSError as exc:
        return _error(args, f"cannot write {args.file}: {exc.strerror or exc}", EXIT_INPUT)
    if args.file != "-":
        if args.json:
            print(json.dumps({"exported": case.id, "version": case.version, "file": args.file,
                              "as": args.kind, "redacted": bool(args.redact)}, ensure_ascii=False))
        else:
            print(f"Case {case.id} (version {case.version}) written to {args.file}")
    return EXIT_OK


def _import(args: argparse.Namespace, store: Store) -> int:
    try:
        data = _read_input(args.file)
    except OSError as exc:
        return _error(args, f"cannot read {args.file}: {exc.strerror or exc}", EXIT_INPUT)
    try:
        case = read_case_file(data)
    except CaseFileError as exc:
        return _error(args, f"{args.file}: {exc}; nothing was imported", EXIT_INPUT)
    try:
        stored = store.import_case(case, replace=args.replace)
    except CaseExists as exc:
        return _error(args, f"{exc}; use --replace to overwrite it; nothing was imported", EXIT_INPUT)
    if args.json:
        print(json.dumps({"imported": stored.id, "version": stored.version,
                          "customer": stored.record.customer}, ensure_ascii=False))
    else:
        print(f"Imported case {stored.id} ({stored.record.customer}), version {stored.version}")
    return EXIT_OK
