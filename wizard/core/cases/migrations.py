"""Schema of the case store and its migrations (the same SQL runs on SQLite and PostgreSQL).

The schema version lives in ``PRAGMA user_version`` on SQLite and in the one-row table
``spam_wizard_schema`` on PostgreSQL. Each migration moves the schema from ``version - 1`` to
``version`` inside the same transaction that records the new version, so a crash leaves either the old
or the new schema, never half of one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: the SQL statements that take the schema to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "cases, calls, samples, decisions, follow-ups",
        (
            """CREATE TABLE cases (
                id TEXT PRIMARY KEY,
                customer TEXT NOT NULL,
                domain TEXT NOT NULL,
                status TEXT NOT NULL,
                step TEXT NOT NULL,
                version INTEGER NOT NULL,
                created TEXT NOT NULL,
                updated TEXT NOT NULL,
                findings TEXT NOT NULL,
                state TEXT NOT NULL
            )""",
            """CREATE TABLE calls (
                case_id TEXT NOT NULL REFERENCES cases(id),
                uid TEXT NOT NULL,
                pos INTEGER NOT NULL,
                version INTEGER NOT NULL,
                started TEXT NOT NULL,
                ended TEXT,
                agent TEXT NOT NULL,
                notes TEXT NOT NULL,
                PRIMARY KEY (case_id, uid)
            )""",
            """CREATE TABLE samples (
                case_id TEXT NOT NULL REFERENCES cases(id),
                uid TEXT NOT NULL,
                pos INTEGER NOT NULL,
                version INTEGER NOT NULL,
                source TEXT NOT NULL,
                body TEXT NOT NULL,
                kind TEXT NOT NULL,
                pasted_at TEXT NOT NULL,
                PRIMARY KEY (case_id, uid)
            )""",
            """CREATE TABLE decisions (
                case_id TEXT NOT NULL REFERENCES cases(id),
                uid TEXT NOT NULL,
                pos INTEGER NOT NULL,
                version INTEGER NOT NULL,
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                agent TEXT NOT NULL,
                PRIMARY KEY (case_id, uid)
            )""",
            """CREATE TABLE followups (
                case_id TEXT NOT NULL REFERENCES cases(id),
                uid TEXT NOT NULL,
                pos INTEGER NOT NULL,
                version INTEGER NOT NULL,
                due TEXT NOT NULL,
                what TEXT NOT NULL,
                done INTEGER NOT NULL,
                PRIMARY KEY (case_id, uid)
            )""",
        ),
    ),
    Migration(
        2,
        "search column (customer, addresses, domains, IPs) and indexes for the start screen",
        (
            "ALTER TABLE cases ADD COLUMN search_text TEXT",
            "CREATE INDEX cases_status_updated ON cases (status, updated)",
            "CREATE INDEX followups_due ON followups (due, done)",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def pending(current: int, target: int = LATEST_VERSION) -> tuple[Migration, ...]:
    """The migrations to apply, in order, to go from ``current`` to ``target``."""
    return tuple(m for m in MIGRATIONS if current < m.version <= target)
