"""Kill the saving process with SIGKILL in the middle of saves, many times over: every save that was
confirmed (printed after ``save`` returned) is in the store afterwards and the file passes
``PRAGMA integrity_check``.

A killed process loses nothing that reached the kernel, so what this proves is the store's commit
protocol (a confirmed save is a committed transaction; a half-done one leaves no trace). Durability
against power loss comes from ``synchronous=FULL`` in WAL mode, which a process kill cannot show; the
database therefore lives on a RAM disk when one exists, to keep fsync waits out of the test's run time.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from wizard.core.cases.sqlite_store import SqliteStore

CHILD = textwrap.dedent(
    r"""
    import os, sys
    from wizard.core.cases.model import SampleRecord, new_case
    from wizard.core.cases.store import open_store

    store = open_store("sqlite:///" + sys.argv[1])
    round_no = sys.argv[2]
    body = ("Received: from mail.lottery-example.biz (unknown [159.89.201.17]) by mx01.mail.example.ne.jp\n"
            * 300)
    print("ready", flush=True)
    n = 0
    case = None
    while True:
        n += 1
        if case is None or n % 7 == 0:
            case = new_case(f"round {round_no}", "example.co.jp", agent="crash")
        case = case.decide("note", f"{round_no}-{n}", agent="crash")
        case = case.with_changes(samples=(*case.samples[-3:], SampleRecord(f"paste#{n}", body + str(n))))
        case = store.save(case)
        last = case.decisions[-1]
        # confirmed: save() returned after COMMIT with synchronous=FULL
        sys.stdout.write(f"saved {case.id} {case.version} {last.uid}\n")
        sys.stdout.flush()
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_saves_loses_no_confirmed_save(tmp_path: Path) -> None:
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="spam-wizard-crash-", dir=shm)) if shm.is_dir() and os.access(
        shm, os.W_OK) else tmp_path
    try:
        _run_rounds(folder / "cases.db")
    finally:
        if folder != tmp_path:
            shutil.rmtree(folder, ignore_errors=True)


def _run_rounds(db: Path) -> None:
    rng = random.Random(8)
    confirmed: list[tuple[str, int, str]] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for round_no in range(30):
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(round_no)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        # let it save a varying number of times, then kill it wherever it happens to be
        wanted = rng.randint(1, 6)
        lines = []
        while len(lines) < wanted:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, err
        lines += out.splitlines(keepends=True)
        for line in lines:
            if line.startswith("saved ") and line.endswith("\n"):  # a torn last line is not confirmed
                _, case_id, version, uid = line.split()
                confirmed.append((case_id, int(version), uid))
    assert len(confirmed) >= 30
    store = SqliteStore(db)
    try:
        assert store.integrity_check() == "ok"
        for case_id, version, uid in confirmed:
            case = store.load(case_id)
            assert case.version >= version
            assert uid in {d.uid for d in case.decisions}, (case_id, version)
    finally:
        store.close()
