"""The SQL both stores share; subclasses provide the connection, placeholders and transactions."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from typing import Any

from wizard.core.cases.migrations import LATEST_VERSION, pending
from wizard.core.cases.model import (
    Call,
    Case,
    CaseRecord,
    Decision,
    FollowUp,
    SampleRecord,
    canonical_json,
    clean_text,
    from_iso,
    to_iso,
    utcnow,
)
from wizard.core.cases.store import CaseExists, CaseNotFound, Conflict, StoreError
from wizard.core.cases.textscan import search_terms

Row = Sequence[Any]

_RECORD_COLS = "id, customer, domain, status, step, version, created, updated"

_CHILD_TABLES = {
    "calls": "started, ended, agent, notes",
    "samples": "source, body, kind, pasted_at",
    "decisions": "kind, value, decided_at, agent",
    "followups": "due, what, done",
}


def _child_values(table: str, row: Any) -> tuple[Any, ...]:
    if table == "calls":
        return (to_iso(row.start), to_iso(row.end) if row.end else None, row.agent, row.notes)
    if table == "samples":
        return (row.source, row.text, row.kind, to_iso(row.pasted_at))
    if table == "decisions":
        return (row.kind, canonical_json(row.value), to_iso(row.at), row.agent)
    return (row.due.isoformat(), row.what, int(bool(row.done)))


def _record(row: Row) -> CaseRecord:
    return CaseRecord(
        id=row[0], customer=row[1], domain=row[2], status=row[3], step=row[4], version=int(row[5]),
        created=from_iso(row[6]), updated=from_iso(row[7]),
    )


def case_search_text(case: Case) -> str:
    """What :meth:`search` matches for a case: customer, domain and every address, host and IP in the
    samples, decisions and state."""
    texts = [case.record.customer, case.record.domain]
    texts.extend(s.text[:200_000] for s in case.samples)
    texts.extend(canonical_json(d.value) for d in case.decisions)
    texts.append(canonical_json(dict(case.state)))
    head = f"{case.record.customer.lower()} {case.record.domain.lower()} "
    return head + search_terms(*texts)


class SqlStore:
    """Common implementation. Statements are written with ``?`` placeholders."""

    url: str = ""
    begin_write = "BEGIN"
    begin_read = "BEGIN"

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # -- subclass hooks -------------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns a cursor."""
        raise NotImplementedError

    def _read_schema_version(self) -> int:
        raise NotImplementedError

    def _write_schema_version(self, version: int) -> None:
        raise NotImplementedError

    def _ensure_connection(self) -> None:
        """Reconnect when the connection was lost (a restarted server); called before each transaction."""

    def _prepare_migration(self) -> None:
        """Run first inside the migration transaction (locks, bookkeeping tables)."""

    def _translate_error(self, exc: Exception) -> StoreError | None:
        """A :class:`StoreError` for a driver error, or None to let it propagate."""
        return None

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError

    # -- plumbing -------------------------------------------------------------------------------
    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self._execute(sql, params).fetchall())

    def _write(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run a statement that stores text (cleaned with :func:`clean_text`)."""
        return self._execute(sql, tuple(clean_text(p) if isinstance(p, str) else p for p in params))

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[None]:
        with self._lock:
            try:
                self._ensure_connection()
                self._execute(self.begin_write if write else self.begin_read)
            except Exception as exc:
                raise self._translate_error(exc) or exc from exc
            try:
                yield
            except BaseException as exc:
                with suppress(Exception):  # the original error matters more
                    self._execute("ROLLBACK")
                if isinstance(exc, Exception) and not isinstance(exc, StoreError):
                    translated = self._translate_error(exc)
                    if translated is not None:
                        raise translated from exc
                raise
            else:
                try:
                    self._execute("COMMIT")
                except Exception as exc:
                    raise self._translate_error(exc) or exc from exc

    def _migrate(self, target: int = LATEST_VERSION) -> None:
        with self._transaction(write=True):
            self._prepare_migration()
            current = self._read_schema_version()
            if current > LATEST_VERSION:
                raise StoreError(
                    f"the case store has schema version {current}, newer than this program knows"
                    f" ({LATEST_VERSION}); update spam-wizard"
                )
            for migration in pending(current, target):
                for statement in migration.statements:
                    self._execute(statement)
                self._write_schema_version(migration.version)
        if target >= 2:
            self._backfill_search()

    def _backfill_search(self) -> None:
        with self._transaction(write=True):
            ids = [r[0] for r in self._all("SELECT id FROM cases WHERE search_text IS NULL")]
            for case_id in ids:
                case = self._load(case_id)
                self._write(
                    "UPDATE cases SET search_text = ? WHERE id = ?", (case_search_text(case), case_id)
                )

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._transaction(write=False):
            return self._read_schema_version()

    # -- reading --------------------------------------------------------------------------------
    def load(self, case_id: str) -> Case:
        """The case as stored now; raises :class:`CaseNotFound`."""
        with self._transaction(write=False):
            return self._load(case_id)

    def _load(self, case_id: str) -> Case:
        rows = self._all(f"SELECT {_RECORD_COLS}, findings, state FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise CaseNotFound(case_id)
        row = rows[0]
        children: dict[str, list[Row]] = {}
        for table, cols in _CHILD_TABLES.items():
            children[table] = self._all(
                f"SELECT uid, version, {cols} FROM {table} WHERE case_id = ? ORDER BY pos", (case_id,)
            )
        return Case(
            record=_record(row),
            calls=tuple(
                Call(uid=r[0], version=int(r[1]), start=from_iso(r[2]), end=from_iso(r[3]) if r[3] else None,
                     agent=r[4], notes=r[5])
                for r in children["calls"]
            ),
            samples=tuple(
                SampleRecord(uid=r[0], version=int(r[1]), source=r[2], text=r[3], kind=r[4],
                             pasted_at=from_iso(r[5]))
                for r in children["samples"]
            ),
            decisions=tuple(
                Decision(uid=r[0], version=int(r[1]), kind=r[2], value=json.loads(r[3]), at=from_iso(r[4]),
                         agent=r[5])
                for r in children["decisions"]
            ),
            followups=tuple(
                FollowUp(uid=r[0], version=int(r[1]), due=date.fromisoformat(r[2]), what=r[3],
                         done=bool(r[4]))
                for r in children["followups"]
            ),
            findings=json.loads(row[8]),
            state=json.loads(row[9]),
        )

    def list_cases(self, statuses: Sequence[str] | None = ("open", "waiting"),
                   limit: int = 500) -> list[CaseRecord]:
        """Case rows with one of ``statuses`` (all when None), most recently updated first."""
        with self._transaction(write=False):
            if statuses is None:
                rows = self._all(f"SELECT {_RECORD_COLS} FROM cases ORDER BY updated DESC LIMIT ?", (limit,))
            else:
                marks = ", ".join("?" for _ in statuses) or "NULL"
                rows = self._all(
                    f"SELECT {_RECORD_COLS} FROM cases WHERE status IN ({marks})"
                    " ORDER BY updated DESC LIMIT ?",
                    (*statuses, limit),
                )
        return [_record(r) for r in rows]

    def search(self, query: str, limit: int = 200) -> list[CaseRecord]:
        """Cases whose customer, addresses, domains or IPs contain ``query`` (case-insensitive)."""
        query = query.strip().lower()
        if not query:
            return self.list_cases(None, limit)
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._transaction(write=False):
            rows = self._all(
                f"SELECT {_RECORD_COLS} FROM cases WHERE search_text LIKE ? ESCAPE '\\' OR id = ?"
                " ORDER BY updated DESC LIMIT ?",
                (f"%{escaped}%", query, limit),
            )
        return [_record(r) for r in rows]

    def followups_due(self, day: date) -> list[tuple[CaseRecord, FollowUp]]:
        """Open follow-ups due on or before ``day`` on cases that are not closed."""
        cols = ", ".join(f"c.{c.strip()}" for c in _RECORD_COLS.split(","))
        with self._transaction(write=False):
            rows = self._all(
                f"SELECT {cols}, f.uid, f.version, f.due, f.what, f.done FROM followups f"
                " JOIN cases c ON c.id = f.case_id"
                " WHERE f.done = 0 AND f.due <= ? AND c.status <> 'closed' ORDER BY f.due, c.updated DESC",
                (day.isoformat(),),
            )
        return [
            (_record(r[:8]), FollowUp(uid=r[8], version=int(r[9]), due=date.fromisoformat(r[10]), what=r[11],
                                      done=bool(r[12])))
            for r in rows
        ]

    # -- writing --------------------------------------------------------------------------------
    def save(self, case: Case) -> Case:
        """Save ``case``; version 0 creates it. A stale version raises :class:`Conflict` (nothing
        written). Returns the saved case with its new version once the commit is durable."""
        now = utcnow()
        expected = case.record.version
        new_version = expected + 1
        record = CaseRecord(
            id=case.record.id, customer=case.record.customer, domain=case.record.domain,
            status=case.record.status, step=case.record.step, version=new_version,
            created=case.record.created, updated=now,
        )
        conflict: Conflict | None = None
        with self._transaction(write=True):
            values = (
                record.customer, record.domain, record.status, record.step, new_version,
                to_iso(record.updated), canonical_json(case.findings), canonical_json(dict(case.state)),
                case_search_text(case),
            )
            if expected == 0:
                exists = self._all("SELECT version FROM cases WHERE id = ?", (record.id,))
                if exists:
                    conflict = Conflict(record.id, expected, int(exists[0][0]), self._load(record.id), case)
                else:
                    self._write(
                        "INSERT INTO cases (customer, domain, status, step, version, updated, findings,"
                        " state, search_text, id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*values, record.id, to_iso(record.created)),
                    )
            else:
                cur = self._write(
                    "UPDATE cases SET customer = ?, domain = ?, status = ?, step = ?, version = ?,"
                    " updated = ?, findings = ?, state = ?, search_text = ? WHERE id = ? AND version = ?",
                    (*values, record.id, expected),
                )
                if cur.rowcount != 1:
                    rows = self._all("SELECT version FROM cases WHERE id = ?", (record.id,))
                    actual = int(rows[0][0]) if rows else None
                    theirs = self._load(record.id) if rows else None
                    conflict = Conflict(record.id, expected, actual, theirs, case)
            if conflict is None:
                saved_rows = {
                    table: self._write_children(record.id, table, getattr(case, table), new_version)
                    for table in _CHILD_TABLES
                }
        if conflict is not None:
            raise conflict
        return Case(
            record=record,
            calls=tuple(saved_rows["calls"]),
            samples=tuple(saved_rows["samples"]),
            decisions=tuple(saved_rows["decisions"]),
            followups=tuple(saved_rows["followups"]),
            findings=case.findings,
            state=case.state,
        )

    def _write_children(self, case_id: str, table: str, rows: Sequence[Any], new_version: int) -> list[Any]:
        existing = {
            r[0]: (int(r[1]), int(r[2]), tuple(r[3:]))
            for r in self._all(
                f"SELECT uid, pos, version, {_CHILD_TABLES[table]} FROM {table} WHERE case_id = ?", (case_id,)
            )
        }
        wanted = {row.uid for row in rows}
        for uid in set(existing) - wanted:
            self._execute(f"DELETE FROM {table} WHERE case_id = ? AND uid = ?", (case_id, uid))
        cols = _CHILD_TABLES[table]
        out = []
        for pos, row in enumerate(rows):
            values = tuple(clean_text(v) if isinstance(v, str) else v for v in _child_values(table, row))
            old = existing.get(row.uid)
            if old is None:
                self._write(
                    f"INSERT INTO {table} (case_id, uid, pos, version, {cols})"
                    f" VALUES (?, ?, ?, ?, {', '.join('?' for _ in values)})",
                    (case_id, row.uid, pos, new_version, *values),
                )
                out.append(_with_version(row, new_version))
            elif old[2] != values:
                sets = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
                self._write(
                    f"UPDATE {table} SET pos = ?, version = ?, {sets} WHERE case_id = ? AND uid = ?",
                    (pos, new_version, *values, case_id, row.uid),
                )
                out.append(_with_version(row, new_version))
            else:
                if old[0] != pos:
                    self._write(
                        f"UPDATE {table} SET pos = ? WHERE case_id = ? AND uid = ?", (pos, case_id, row.uid)
                    )
                out.append(_with_version(row, old[1]))
        return out

    def import_case(self, case: Case, *, replace: bool = False) -> Case:
        """Insert a case exactly as given (versions kept) in one transaction; an existing id raises
        :class:`CaseExists` unless ``replace`` (then the stored copy is replaced)."""
        rec = case.record
        with self._transaction(write=True):
            rows = self._all("SELECT version FROM cases WHERE id = ?", (rec.id,))
            if rows and not replace:
                raise CaseExists(rec.id, int(rows[0][0]))
            if rows:
                for table in _CHILD_TABLES:
                    self._execute(f"DELETE FROM {table} WHERE case_id = ?", (rec.id,))
                self._execute("DELETE FROM cases WHERE id = ?", (rec.id,))
            version = max(rec.version, 1, int(rows[0][0]) + 1 if rows else 1)
            self._write(
                f"INSERT INTO cases ({_RECORD_COLS}, findings, state, search_text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rec.id, rec.customer, rec.domain, rec.status, rec.step, version, to_iso(rec.created),
                 to_iso(rec.updated), canonical_json(case.findings), canonical_json(dict(case.state)),
                 case_search_text(case)),
            )
            for table, cols in _CHILD_TABLES.items():
                for pos, row in enumerate(getattr(case, table)):
                    values = _child_values(table, row)
                    self._write(
                        f"INSERT INTO {table} (case_id, uid, pos, version, {cols})"
                        f" VALUES (?, ?, ?, ?, {', '.join('?' for _ in values)})",
                        (rec.id, row.uid, pos, min(max(row.version, 1), version), *values),
                    )
            return self._load(rec.id)


def _with_version(row: Any, version: int) -> Any:
    from dataclasses import replace

    return replace(row, version=version)
