"""The case store: a protocol, its errors, optimistic-lock conflicts, merging, and ``open_store(url)``.

``sqlite:///path/to/cases.db`` opens a local SQLite file (the default lives in the user data
directory), ``postgresql://user@host/db`` a team store shared by a support desk. Every save carries the
version it read; a stale save raises :class:`Conflict`, which says what the other agent changed since,
and :func:`merge_cases` combines both sides so nobody's work is silently overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import unquote, urlsplit

from wizard.core.cases.model import (
    Call,
    Case,
    CaseRecord,
    Decision,
    FollowUp,
    SampleRecord,
    canonical_json,
)

STORE_URL_ENV = "SPAM_WIZARD_STORE_URL"
"""Environment variable naming the store when no ``--store`` / setting is given."""


class StoreError(Exception):
    """The store cannot be opened or used (bad URL, unreachable server, newer schema, I/O error)."""


class StoreUrlError(StoreError):
    """The store URL itself is wrong (unknown scheme, no path): a usage error, not an I/O error."""


class CaseNotFound(StoreError):
    """No case with that id in the store."""

    def __init__(self, case_id: str) -> None:
        super().__init__(f"no case {case_id!r} in this store")
        self.case_id = case_id


class CaseExists(StoreError):
    """An import would overwrite a case that is already in the store."""

    def __init__(self, case_id: str, version: int) -> None:
        super().__init__(f"case {case_id!r} is already in this store (version {version})")
        self.case_id = case_id
        self.version = version


class Conflict(StoreError):
    """A save was based on a stale version: someone else saved the case in between.

    ``theirs`` is the case as stored now (None if it vanished); the ``*_since`` tuples list the rows the
    other side added or changed after ``expected``; ``fields`` names the case-row fields that differ.
    """

    def __init__(self, case_id: str, expected: int, actual: int | None, theirs: Case | None,
                 mine: Case | None = None) -> None:
        self.case_id = case_id
        self.expected = expected
        self.actual = actual
        self.theirs = theirs
        rows_since = _rows_since(theirs, expected) if theirs is not None else ((), (), (), ())
        self.calls_since: tuple[Call, ...] = rows_since[0]
        self.samples_since: tuple[SampleRecord, ...] = rows_since[1]
        self.decisions_since: tuple[Decision, ...] = rows_since[2]
        self.followups_since: tuple[FollowUp, ...] = rows_since[3]
        self.fields: tuple[str, ...] = ()
        if theirs is not None and mine is not None:
            self.fields = tuple(
                name for name in ("customer", "domain", "status", "step")
                if getattr(theirs.record, name) != getattr(mine.record, name)
            )
        super().__init__(
            f"case {case_id!r} was saved by someone else (read version {expected}, now {actual})"
        )

    @property
    def agents(self) -> tuple[str, ...]:
        """Agents behind the other side's decisions and calls since ``expected``."""
        names = [d.agent for d in self.decisions_since] + [c.agent for c in self.calls_since]
        return tuple(dict.fromkeys(n for n in names if n))


def _rows_since(
    case: Case, version: int
) -> tuple[tuple[Call, ...], tuple[SampleRecord, ...], tuple[Decision, ...], tuple[FollowUp, ...]]:
    return (
        tuple(r for r in case.calls if r.version > version),
        tuple(r for r in case.samples if r.version > version),
        tuple(r for r in case.decisions if r.version > version),
        tuple(r for r in case.followups if r.version > version),
    )


class Store(Protocol):
    """What every case store offers (SQLite and PostgreSQL implement it the same way)."""

    url: str

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        ...

    def load(self, case_id: str) -> Case:
        """The case as stored now; raises :class:`CaseNotFound`."""
        ...

    def save(self, case: Case) -> Case:
        """Save ``case`` (version 0: create). Returns it with the new version; a stale version raises
        :class:`Conflict` and changes nothing. Returns only after the commit is durable."""
        ...

    def import_case(self, case: Case, *, replace: bool = False) -> Case:
        """Insert a case exactly as given (versions kept), in one transaction; an existing id raises
        :class:`CaseExists` unless ``replace``."""
        ...

    def list_cases(self, statuses: Sequence[str] | None = ("open", "waiting"),
                   limit: int = 500) -> list[CaseRecord]:
        """Case rows with one of ``statuses`` (all when None), most recently updated first."""
        ...

    def search(self, query: str, limit: int = 200) -> list[CaseRecord]:
        """Cases whose customer, addresses, domains or IPs contain ``query`` (case-insensitive)."""
        ...

    def followups_due(self, day: date) -> list[tuple[CaseRecord, FollowUp]]:
        """Open follow-ups due on or before ``day`` on cases that are not closed."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...


class _Row(Protocol):
    @property
    def uid(self) -> str: ...

    def content(self) -> tuple[Any, ...]: ...


R = TypeVar("R", bound=_Row)


def _merge_rows(base: Sequence[R], mine: Sequence[R], theirs: Sequence[R]) -> list[R]:
    """Three-way merge of uid-keyed rows: theirs plus my additions and edits, minus my removals."""
    base_by = {r.uid: r for r in base}
    mine_by = {r.uid: r for r in mine}
    result: list[R] = []
    for row in theirs:
        if row.uid in base_by and row.uid not in mine_by:
            continue  # I removed it
        mine_row = mine_by.get(row.uid)
        if mine_row is not None and row.uid in base_by and mine_row.content() != base_by[row.uid].content():
            result.append(mine_row)  # I edited it: mine wins
        else:
            result.append(row)
    theirs_uids = {r.uid for r in theirs}
    result.extend(r for r in mine if r.uid not in base_by and r.uid not in theirs_uids)
    return result


def merge_cases(base: Case, mine: Case, theirs: Case) -> Case:
    """Combine my edits (``mine`` against ``base``, the copy I read) with the stored ``theirs``.

    Rows are merged by uid; decisions are ordered by time so the latest decision of a kind stays the
    current one whoever made it; record fields, the findings snapshot and state keys take my value
    where I changed them, theirs otherwise. The result carries ``theirs``' version, ready to save.
    """
    rec_changes = {
        name: getattr(mine.record, name)
        for name in ("customer", "domain", "status", "step")
        if getattr(mine.record, name) != getattr(base.record, name)
    }
    record = CaseRecord(
        id=theirs.record.id,
        customer=rec_changes.get("customer", theirs.record.customer),
        domain=rec_changes.get("domain", theirs.record.domain),
        status=rec_changes.get("status", theirs.record.status),
        step=rec_changes.get("step", theirs.record.step),
        version=theirs.record.version,
        created=theirs.record.created,
        updated=theirs.record.updated,
    )
    decisions = sorted(_merge_rows(base.decisions, mine.decisions, theirs.decisions), key=lambda d: d.at)
    mine_changed_findings = canonical_json(mine.findings) != canonical_json(base.findings)
    findings = mine.findings if mine_changed_findings else theirs.findings
    state = dict(theirs.state)
    for key in set(base.state) | set(mine.state):
        if key not in mine.state:
            if key in base.state:
                state.pop(key, None)
        elif key not in base.state or canonical_json(mine.state[key]) != canonical_json(base.state[key]):
            state[key] = mine.state[key]
    return Case(
        record=record,
        calls=tuple(_merge_rows(base.calls, mine.calls, theirs.calls)),
        samples=tuple(_merge_rows(base.samples, mine.samples, theirs.samples)),
        decisions=tuple(decisions),
        followups=tuple(_merge_rows(base.followups, mine.followups, theirs.followups)),
        findings=findings,
        state=state,
    )


def default_store_url() -> str:
    """``$SPAM_WIZARD_STORE_URL`` or the SQLite file ``cases.db`` in the user data directory."""
    env = os.environ.get(STORE_URL_ENV, "").strip()
    if env:
        return env
    from platformdirs import user_data_dir

    return "sqlite:///" + str(Path(user_data_dir("spam-wizard")) / "cases.db")


def sqlite_path_from_url(url: str) -> str:
    """The file path in a ``sqlite:///path`` URL (``sqlite:////abs`` and ``sqlite:///rel`` both work,
    like SQLAlchemy: three slashes then the path); ``:memory:`` allowed."""
    if not url.startswith("sqlite:///"):
        raise StoreUrlError(f"not a SQLite URL (expected sqlite:///path/to/file.db): {url!r}")
    path = unquote(url[len("sqlite:///"):].split("?", 1)[0])
    if not path:
        raise StoreUrlError("the SQLite URL has no file path (expected sqlite:///path/to/file.db)")
    return path


def open_store(url: str | None = None) -> Store:
    """Open the store named by ``url`` (default: :func:`default_store_url`), creating or migrating its
    schema. Raises :class:`StoreError` with a readable message when that is impossible."""
    url = (url or default_store_url()).strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        from wizard.core.cases.sqlite_store import SqliteStore

        return SqliteStore(sqlite_path_from_url(url))
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        from wizard.core.cases.pg_store import PgStore

        return PgStore(url)
    raise StoreUrlError(
        f"unknown store URL {url!r}: use sqlite:///path/to/file.db or postgresql://user@host/database"
    )
