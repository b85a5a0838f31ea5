"""The local case store: one SQLite file (stdlib ``sqlite3``) in WAL mode with ``synchronous=FULL``.

WAL with FULL sync makes every commit durable before :meth:`save` returns, so a save the agent saw
confirmed survives the app or the machine dying right after. Writers take the write lock up front
(``BEGIN IMMEDIATE``) so the version check and the write are one atomic step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wizard.core.cases._sql import SqlStore
from wizard.core.cases.migrations import LATEST_VERSION
from wizard.core.cases.store import StoreError


class SqliteStore(SqlStore):
    """A case store in one SQLite file (``:memory:`` for a throwaway one)."""

    begin_write = "BEGIN IMMEDIATE"
    begin_read = "BEGIN"

    def __init__(self, path: str | Path, *, migrate_to: int = LATEST_VERSION,
                 timeout_s: float = 30.0) -> None:
        super().__init__()
        self.path = str(path)
        self.url = "sqlite:///" + self.path
        if self.path != ":memory:":
            try:
                Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {self.path}: {exc.strerror or exc}") from exc
        try:
            self._conn = sqlite3.connect(
                str(Path(self.path).expanduser()) if self.path != ":memory:" else self.path,
                timeout=timeout_s, isolation_level=None, check_same_thread=False,
            )
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if self.path != ":memory:" and (mode is None or str(mode[0]).lower() != "wal"):
                raise StoreError(f"{self.path}: cannot switch the database to WAL mode")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate(migrate_to)
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise StoreError(f"{self.path}: not a usable case store ({exc})") from exc
        except StoreError:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql, tuple(params))

    def _read_schema_version(self) -> int:
        row = self._conn.execute("PRAGMA user_version").fetchone()
        return int(row[0]) if row else 0

    def _write_schema_version(self, version: int) -> None:
        self._conn.execute(f"PRAGMA user_version = {int(version)}")

    def _translate_error(self, exc: Exception) -> StoreError | None:
        if isinstance(exc, sqlite3.Error):
            return StoreError(f"{self.path}: {exc}")
        return None

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check`` ("ok" when the file is sound)."""
        with self._lock:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        with self._lock:
            self._conn.close()
