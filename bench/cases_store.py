"""Case store figures: confirmed-save latency (SQLite WAL + synchronous=FULL, and PostgreSQL when
``SPAM_WIZARD_TEST_PG_URL`` is set), load latency of a six-sample case, search over many cases.

    python bench/cases_store.py [N_CASES]

Prints figures only (nothing is asserted).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace

from wizard.core.cases.demo import demo_case
from wizard.core.cases.store import Store, open_store


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(len(values) * 0.95) - 1] if len(values) >= 20 else values[-1]
    return f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def run(store: Store, label: str, n_cases: int) -> None:
    template = demo_case(4)
    base = store.import_case(replace(template, record=replace(template.record, id="bench-" + uuid.uuid4().hex[:8])))
    saves = []
    case = base
    for n in range(50):
        case = case.decide("note", f"n{n}", agent="bench")
        t = time.perf_counter()
        case = store.save(case)
        saves.append(time.perf_counter() - t)
    loads = []
    for _ in range(30):
        t = time.perf_counter()
        store.load(case.id)
        loads.append(time.perf_counter() - t)
    t = time.perf_counter()
    for i in range(n_cases):
        store.import_case(replace(template, record=replace(template.record, id=f"bulk-{uuid.uuid4().hex[:10]}-{i}")))
    bulk = time.perf_counter() - t
    searches = []
    for query in ("159.89.201.17", "tanaka@example.co.jp", "佐藤", "nothing-matches-this"):
        t = time.perf_counter()
        store.search(query)
        searches.append(time.perf_counter() - t)
    print(f"{label}: save (confirmed, 6 samples, {len(case.decisions)} decisions): {_ms(saves)}")
    print(f"{label}: load: {_ms(loads)}")
    print(f"{label}: import {n_cases} cases: {bulk:.2f} s ({n_cases / bulk:.0f} cases/s)")
    print(f"{label}: search over {n_cases + 1} cases: {_ms(searches)}")


def main() -> None:
    n_cases = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{folder}/bench.db")
        try:
            run(store, "sqlite", n_cases)
        finally:
            store.close()
    pg = os.environ.get("SPAM_WIZARD_TEST_PG_URL")
    if pg:
        store = open_store(pg)
        try:
            run(store, "postgresql", n_cases)
        finally:
            store.close()
    else:
        print("postgresql: skipped (set SPAM_WIZARD_TEST_PG_URL)")


if __name__ == "__main__":
    main()
