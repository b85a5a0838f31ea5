"""The case store on SQLite and PostgreSQL: save/load, optimistic versioning, concurrent writers,
search, follow-ups, migrations.

PostgreSQL tests need ``SPAM_WIZARD_TEST_PG_URL`` (``tests/servers/pg_server.sh start`` prints one);
each test gets its own schema so tests never see each other's rows.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from wizard.core.cases.migrations import LATEST_VERSION, MIGRATIONS
from wizard.core.cases.model import Call, FollowUp, SampleRecord, new_case, utcnow
from wizard.core.cases.store import (
    CaseExists,
    CaseNotFound,
    Conflict,
    Store,
    StoreError,
    merge_cases,
    open_store,
)
from wizard.resources import resource_path

PG_ENV = "SPAM_WIZARD_TEST_PG_URL"
PG_URL = os.environ.get(PG_ENV, "").strip()
DEMO = resource_path("samples", "demo")


def _pg_schema_url(base: str) -> Iterator[str]:
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store URL for each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cases.db'}"
        return
    if not PG_URL:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (start one with tests/servers/pg_server.sh start)")
    yield from _pg_schema_url(PG_URL)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()


def demo_case(agent: str = "Aoki"):  # type: ignore[no-untyped-def]
    case = new_case("佐藤様", "example.co.jp", agent=agent)
    samples = tuple(
        SampleRecord(source=p.name, text=p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(Path(DEMO).glob("spam_0*.eml"))[:3]
    )
    return case.with_changes(samples=samples, state={"customer_ips": ["198.51.100.77"]})


def test_save_and_load_round_trip(store: Store) -> None:
    case = demo_case().decide("departed", ["tanaka@example.co.jp"], agent="Aoki")
    case = case.decide("deleted_address", "tanaka@example.co.jp", agent="Aoki")
    case = case.with_changes(followups=(FollowUp(due=date.today(), what="今日のログで確認"),),
                             findings={"messages": [{"source": "spam_01.eml", "hops": []}]})
    saved = store.save(case)
    assert saved.version == 1
    loaded = store.load(case.id)
    assert loaded.record.customer == "佐藤様"
    assert loaded.version == 1
    assert [s.text for s in loaded.samples] == [s.text for s in case.samples]
    assert [(d.kind, d.value, d.agent) for d in loaded.decisions] == [
        ("departed", ["tanaka@example.co.jp"], "Aoki"),
        ("deleted_address", "tanaka@example.co.jp", "Aoki"),
    ]
    assert loaded.decisions[0].at == case.decisions[0].at
    assert loaded.calls[0].agent == "Aoki"
    assert loaded.findings == case.findings
    assert loaded.state == {"customer_ips": ["198.51.100.77"]}
    assert loaded.followups[0].what == "今日のログで確認"
    assert loaded.current("deleted_address") == "tanaka@example.co.jp"


def test_second_save_changes_only_what_changed(store: Store) -> None:
    saved = store.save(demo_case())
    ended = (Call(start=saved.calls[0].start, agent="Aoki", end=utcnow(), notes="様子見",
                  uid=saved.calls[0].uid),)
    second = store.save(saved.with_changes(calls=ended, samples=saved.samples[1:]).decide("action", "move"))
    assert second.version == 2
    loaded = store.load(saved.id)
    assert len(loaded.samples) == len(saved.samples) - 1
    assert all(s.version == 1 for s in loaded.samples)  # untouched rows keep the version they were written at
    assert loaded.calls[0].version == 2 and loaded.calls[0].notes == "様子見"
    assert loaded.decisions[-1].version == 2


def test_unknown_case(store: Store) -> None:
    with pytest.raises(CaseNotFound):
        store.load("no-such-case")


def test_stale_save_is_refused_and_reports_what_changed(store: Store) -> None:
    base = store.save(demo_case())
    theirs = store.save(base.decide("blocklist", ["lottery-example.biz"], agent="Baba"))
    mine = base.decide("action", "move", agent="Aoki")
    with pytest.raises(Conflict) as info:
        store.save(mine)
    conflict = info.value
    assert conflict.expected == 1 and conflict.actual == 2
    assert [d.value for d in conflict.decisions_since] == [["lottery-example.biz"]]
    assert conflict.agents == ("Baba",)
    assert store.load(base.id).current("action") is None  # nothing of the stale save was written
    assert conflict.theirs is not None
    merged = store.save(merge_cases(base, mine, conflict.theirs))
    assert merged.version == theirs.version + 1
    assert merged.current("blocklist") == ["lottery-example.biz"]
    assert merged.current("action") == "move"


def test_create_twice_is_a_conflict(store: Store) -> None:
    case = demo_case()
    store.save(case)
    with pytest.raises(Conflict):
        store.save(case)


def test_merge_keeps_both_sides_edits_and_removals(store: Store) -> None:
    base = store.save(demo_case())
    theirs = store.save(base.with_changes(samples=base.samples[:2]).decide("action", "tag", agent="B"))
    mine = replace(base, samples=(*base.samples[1:], SampleRecord(source="paste#9", text="Received: from x")),
                   record=replace(base.record, step="blocklist")).decide("sensitivity", "high", agent="A")
    merged = merge_cases(base, mine, theirs)
    sources = [s.source for s in merged.samples]
    assert base.samples[0].source not in sources  # I removed it
    assert base.samples[2].source not in sources  # they removed it
    assert "paste#9" in sources
    assert merged.record.step == "blocklist"
    assert merged.current("action") == "tag" and merged.current("sensitivity") == "high"
    assert store.save(merged).version == 3


def _concurrent_writers(url: str, case_id: str, writer: str, rounds: int, barrier: threading.Barrier,
                        errors: list[BaseException], conflicts: list[int]) -> None:
    try:
        store = open_store(url)
        try:
            barrier.wait()
            for n in range(rounds):
                while True:
                    base = store.load(case_id)
                    mine = base.decide("note", f"{writer}-{n}", agent=writer)
                    try:
                        store.save(mine)
                        break
                    except Conflict as conflict:
                        conflicts.append(1)
                        assert conflict.theirs is not None
                        try:
                            store.save(merge_cases(base, mine, conflict.theirs))
                            break
                        except Conflict:
                            continue  # the other writer won again: reload and redo
        finally:
            store.close()
    except BaseException as exc:  # pragma: no cover - reported by the main thread
        errors.append(exc)


def test_two_concurrent_writers_lose_no_update(store: Store, store_url: str) -> None:
    case = store.save(demo_case())
    rounds = 25
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    conflicts: list[int] = []
    threads = [
        threading.Thread(target=_concurrent_writers,
                         args=(store_url, case.id, name, rounds, barrier, errors, conflicts))
        for name in ("A", "B")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    final = store.load(case.id)
    notes = sorted(d.value for d in final.decisions if d.kind == "note")
    expected = sorted(f"{w}-{n}" for w in "AB" for n in range(rounds))
    assert notes == expected  # every confirmed save of both agents is there
    assert final.version == 1 + 2 * rounds  # one version per confirmed save, none overwritten


def test_lost_update_is_impossible_without_merge(store: Store) -> None:
    base = store.save(demo_case())
    a = store.load(base.id).decide("action", "move", agent="A")
    b = store.load(base.id).decide("action", "delete", agent="B")
    store.save(a)
    with pytest.raises(Conflict):
        store.save(b)
    assert store.load(base.id).current("action") == "move"


def test_search_by_customer_address_domain_ip(store: Store) -> None:
    case = store.save(demo_case())
    other = store.save(new_case("山田様", "yamada.example.jp", agent="B"))
    for query in ("佐藤", "tanaka@example.co.jp", "TANAKA@EXAMPLE.CO.JP", "lottery-example.biz",
                  "159.89.201.17", "198.51.100.77", "example.co.jp"):
        assert [r.id for r in store.search(query)] == [case.id], query
    assert [r.id for r in store.search("yamada")] == [other.id]
    assert store.search("203.0.113.250") == []
    assert store.search("%") == []  # LIKE wildcards are literal
    assert {r.id for r in store.search("")} == {case.id, other.id}


def test_list_and_followups_due(store: Store) -> None:
    today = date(2026, 3, 10)
    a = store.save(new_case("A様", "a.example", agent="x").with_changes(
        followups=(FollowUp(due=today, what="ログ確認"),
                   FollowUp(due=today + timedelta(days=1), what="later"),
                   FollowUp(due=today - timedelta(days=2), what="old", done=True))))
    closed = new_case("B様", "b.example", agent="x")
    closed = closed.with_changes(record=replace(closed.record, status="closed"),
                                 followups=(FollowUp(due=today, what="closed case"),))
    store.save(closed)
    assert [r.id for r in store.list_cases()] == [a.id]
    assert {r.id for r in store.list_cases(None)} == {a.id, closed.id}
    due = store.followups_due(today)
    assert [(r.id, f.what) for r, f in due] == [(a.id, "ログ確認")]


def test_import_refuses_existing_unless_replace(store: Store) -> None:
    case = store.save(demo_case())
    with pytest.raises(CaseExists):
        store.import_case(case)
    changed = case.decide("action", "move", agent="other desk")
    imported = store.import_case(changed, replace=True)
    assert imported.current("action") == "move"
    assert imported.version > case.version  # copies read before the import now conflict
    with pytest.raises(Conflict):
        store.save(case)


def test_migration_from_version_1_keeps_data(store_url: str) -> None:
    from wizard.core.cases.pg_store import PgStore
    from wizard.core.cases.sqlite_store import SqliteStore
    from wizard.core.cases.store import sqlite_path_from_url

    if store_url.startswith("sqlite"):
        old = SqliteStore(sqlite_path_from_url(store_url), migrate_to=1)
    else:
        old = PgStore(store_url, migrate_to=1)
    assert old.schema_version == 1
    with old._transaction(write=True):
        old._execute(
            "INSERT INTO cases (id, customer, domain, status, step, version, created, updated, findings,"
            " state)"
            " VALUES ('old-1', '古い様', 'old.example.co.jp', 'open', 'trace', 3, ?, ?, 'null', '{}')",
            (utcnow().isoformat(), utcnow().isoformat()),
        )
        old._execute(
            "INSERT INTO samples (case_id, uid, pos, version, source, body, kind, pasted_at)"
            " VALUES ('old-1', 'u1', 0, 1, 'paste#1', 'To: someone@old.example.co.jp', 'spam', ?)",
            (utcnow().isoformat(),),
        )
    old.close()
    new = open_store(store_url)
    try:
        assert new.schema_version == LATEST_VERSION == MIGRATIONS[-1].version
        case = new.load("old-1")
        assert case.record.step == "trace" and case.version == 3
        assert [r.id for r in new.search("someone@old.example.co.jp")] == ["old-1"]
        assert new.save(case).version == 4
    finally:
        new.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(f"sqlite:///{path}")


def test_bad_urls_and_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store("mysql://x/y")
    with pytest.raises(StoreError):
        open_store("sqlite:///")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{junk}")


@pytest.mark.postgres
def test_unreachable_postgres_is_a_clear_error() -> None:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(StoreError, match="cannot connect") as info:
        open_store(f"postgresql://nobody:secret@127.0.0.1:{port}/none")
    assert "secret" not in str(info.value)


def test_binary_junk_in_samples_is_stored(store: Store) -> None:
    junk = "Received: from x\x00y ([203.0.113.9])\udcff\udc80 by mx.example.co.jp\n" + "\x01\x02" * 10
    case = demo_case().with_changes(samples=(SampleRecord(source="junk\x00.eml", text=junk),))
    saved = store.save(case.decide("note", "NUL \x00 here"))
    loaded = store.load(saved.id)
    assert loaded.samples[0].text.startswith("Received: from x\ufffdy ([203.0.113.9])\ufffd\ufffd by")
    assert loaded.current("note") == "NUL \x00 here"  # JSON escapes it: kept as it was
    assert [r.id for r in store.search("203.0.113.9")] == [saved.id]
    assert store.save(loaded).version == 2


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (start one with tests/servers/pg_server.sh start)")
    yield from _pg_schema_url(PG_URL)


@pytest.mark.postgres
def test_postgres_reconnects_after_the_connection_drops(pg_url: str) -> None:
    import psycopg

    store = open_store(pg_url)
    try:
        saved = store.save(demo_case())
        pid = store._conn.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreError):
            store.load(saved.id)  # the broken connection is reported ...
        assert store.load(saved.id).version == 1  # ... and replaced on the next use
    finally:
        store.close()
