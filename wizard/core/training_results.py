"""Practice results kept per trainee, so progress shows (stdlib sqlite3 in the user data folder)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wizard.core.scenarios import PlayResult

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY,
    trainee TEXT NOT NULL,
    scenario TEXT NOT NULL,
    score INTEGER NOT NULL,
    max_score INTEGER NOT NULL,
    seconds REAL NOT NULL,
    finished TEXT NOT NULL,
    items TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS results_trainee ON results (trainee, scenario, finished);
"""


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One finished practice run."""

    trainee: str
    scenario: str
    score: int
    max_score: int
    seconds: float
    finished: datetime
    missed: tuple[str, ...]

    @property
    def percent(self) -> int:
        """Score as a whole percentage of the maximum."""
        return round(100 * self.score / self.max_score) if self.max_score else 0


def default_path() -> Path:
    """``training.db`` in the user data folder (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("spam-wizard", appauthor=False)) / "training.db"


class ResultsStore:
    """Appends finished runs and answers "how is this trainee doing"."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def record(self, trainee: str, result: PlayResult, seconds: float, when: datetime | None = None) -> None:
        """Keep one finished run (committed before returning)."""
        finished = (when or datetime.now(UTC)).astimezone(UTC).isoformat()
        items = json.dumps([i.to_json() for i in result.items], ensure_ascii=False)
        with self._db:
            self._db.execute(
                "INSERT INTO results (trainee, scenario, score, max_score, seconds, finished, items)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (trainee.strip() or "?", result.scenario, result.score, result.max_score, seconds, finished, items),
            )

    def history(self, trainee: str, scenario: str | None = None) -> list[ResultRow]:
        """The trainee's runs, oldest first (optionally for one scenario)."""
        sql = "SELECT trainee, scenario, score, max_score, seconds, finished, items FROM results WHERE trainee = ?"
        params: tuple[str, ...] = (trainee.strip(),)
        if scenario:
            sql += " AND scenario = ?"
            params += (scenario,)
        rows = self._db.execute(sql + " ORDER BY finished, id", params).fetchall()
        out = []
        for name, scen, score, max_score, seconds, finished, items in rows:
            missed = tuple(i["id"] for i in json.loads(items) if not i.get("passed"))
            out.append(ResultRow(name, scen, int(score), int(max_score), float(seconds),
                                 datetime.fromisoformat(finished), missed))
        return out

    def best(self, trainee: str) -> dict[str, ResultRow]:
        """The best run per scenario for this trainee."""
        best: dict[str, ResultRow] = {}
        for row in self.history(trainee):
            if row.scenario not in best or row.percent > best[row.scenario].percent:
                best[row.scenario] = row
        return best

    def trainees(self) -> list[str]:
        """Everyone who has practised, alphabetically."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT trainee FROM results ORDER BY trainee")]
