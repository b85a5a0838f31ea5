"""The team case store on PostgreSQL (psycopg 3, imported only when a ``postgresql://`` URL is used).

Same tables as the SQLite store; the schema version lives in ``spam_wizard_schema``. Saves are a
conditional ``UPDATE ... WHERE version = read_version`` inside a transaction, so of two agents saving
the same case from the same version exactly one wins and the other gets a :class:`Conflict`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from wizard.core.cases._sql import SqlStore
from wizard.core.cases.migrations import LATEST_VERSION
from wizard.core.cases.store import StoreError

_PLACEHOLDER = re.compile(r"\?")


def _redact_url(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", url)


class PgStore(SqlStore):
    """A case store in a PostgreSQL database shared by the support desk."""

    begin_write = "BEGIN"
    begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def __init__(self, url: str, *, migrate_to: int = LATEST_VERSION, connect_timeout_s: int = 10) -> None:
        super().__init__()
        self.url = _redact_url(url)
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                "the PostgreSQL team store needs psycopg 3 (pip install 'psycopg[binary]')"
            ) from exc
        self._psycopg = psycopg
        self._dsn = re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)
        self._timeout = connect_timeout_s
        self._conn = self._connect()
        try:
            self._migrate(migrate_to)
        except BaseException:
            self._conn.close()
            raise

    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self._dsn, autocommit=True, connect_timeout=self._timeout)
        except self._psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.url}: {str(exc).strip()}") from exc

    def _ensure_connection(self) -> None:
        if self._conn.closed or self._conn.broken:
            self._conn = self._connect()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(_PLACEHOLDER.sub("%s", sql), tuple(params))

    def _prepare_migration(self) -> None:
        # Two desks starting at once must not both create the tables: serialise on an advisory lock.
        self._execute("SELECT pg_advisory_xact_lock(?)", (0x5A3C_0008,))
        self._execute("CREATE TABLE IF NOT EXISTS spam_wizard_schema (version INTEGER NOT NULL)")

    def _read_schema_version(self) -> int:
        if self._all("SELECT to_regclass('spam_wizard_schema')")[0][0] is None:
            return 0
        rows = self._all("SELECT version FROM spam_wizard_schema")
        return int(rows[0][0]) if rows else 0

    def _write_schema_version(self, version: int) -> None:
        self._execute("DELETE FROM spam_wizard_schema")
        self._execute("INSERT INTO spam_wizard_schema (version) VALUES (?)", (version,))

    def _translate_error(self, exc: Exception) -> StoreError | None:
        if isinstance(exc, self._psycopg.Error):
            return StoreError(f"{self.url}: {str(exc).strip()}")
        return None

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()
