"""Messages per second of ``spam-wizard analyze --json`` next to the stdlib ``email`` compat32 header-only
parse of the same mbox, in one run, and the ratio (target: at least 0.5).

    python bench/analyze_gen_mbox.py          # once: bench/out/analyze_20k.mbox
    python bench/analyze_bench.py [MBOX] [--no-subprocess] [--profile]

Figures are printed, never asserted. "one process" runs ``wizard.cli.main(["analyze", "--json", "--workers",
"1", MBOX])`` in this interpreter with stdout going to a null sink (JSON fully serialised and written), so its
CPU time compares with the stdlib's single process; "subprocess" runs the installed console script as a user
does (stdout to /dev/null, interpreter start-up and imports included, the CLI's default of one worker process
per CPU). The stdlib parse runs first and last and the ratios use the mean of its two runs (this machine's
speed drifts by a fifth over minutes). The last line sums up both ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import mailbox
import os
import pstats
import resource
import subprocess
import sys
import time
from email import policy as email_policy
from email.parser import BytesHeaderParser
from pathlib import Path

DEFAULT = Path(__file__).parent / "out" / "analyze_20k.mbox"


class _NullBytes(io.RawIOBase):
    """The byte layer of :class:`_Null` (the CLI writes its JSON as UTF-8 bytes)."""

    def __init__(self) -> None:
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.count += len(b)
        return len(b)


class _Null(io.TextIOBase):
    """A text sink that counts what is written (so the JSON is really produced and written)."""

    def __init__(self) -> None:
        self.chars = 0
        self.buffer = _NullBytes()

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


def stdlib_rate(path: Path) -> tuple[int, float, float]:
    """compat32 header-only parse of every message via mailbox.mbox; every field value read once.
    Returns (messages, wall seconds, CPU seconds)."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    box = mailbox.mbox(str(path), create=False)
    parser = BytesHeaderParser(policy=email_policy.compat32)
    n = 0
    for key in box.iterkeys():
        with box.get_file(key) as fh:
            msg = parser.parse(fh)
        for _name, _value in msg.items():
            pass
        n += 1
    box.close()
    return n, time.perf_counter() - t0, time.process_time() - c0


def wizard_rate(path: Path, profile: bool = False) -> tuple[int, float, float, int]:
    """In-process ``spam-wizard analyze --json --workers 1 MBOX`` (one process, so CPU time is
    comparable). Returns (messages, wall seconds, CPU seconds, characters written)."""
    from wizard.cli import main
    from wizard.core.intake import read_path

    sink = _Null()
    prof = cProfile.Profile() if profile else None
    c0 = time.process_time()
    t0 = time.perf_counter()
    if prof is not None:
        prof.enable()
    with contextlib.redirect_stdout(sink):
        rc = main(["analyze", "--json", "--workers", "1", str(path)])
    if prof is not None:
        prof.disable()
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    if prof is not None:
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    n = len(read_path(path)[0])
    if rc != 0:
        print(f"  (analyze exit code {rc})")
    return n, elapsed, cpu, sink.chars + sink.buffer.count


def subprocess_rate(path: Path) -> tuple[float, float, int]:
    """The console script as a user runs it (stdout to /dev/null, default worker count).
    Returns (wall seconds, CPU seconds of the process and its workers, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(["spam-wizard", "analyze", "--json", str(path)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def fast_path_share(path: Path, limit: int = 2000) -> tuple[int, int]:
    """(Received lines the fast path accepts, Received lines) over the first ``limit`` messages."""
    from wizard.core.received_fast import fast_parse

    box = mailbox.mbox(str(path), create=False)
    parser = BytesHeaderParser(policy=email_policy.compat32)
    accepted = total = 0
    for count, key in enumerate(box.iterkeys()):
        if count >= limit:
            break
        with box.get_file(key) as fh:
            msg = parser.parse(fh)
        for value in msg.get_all("Received", []):
            total += 1
            accepted += fast_parse(str(value)) is not None
    box.close()
    return accepted, total


def main() -> None:
    """Run both measurements and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mbox", nargs="?", default=str(DEFAULT))
    ap.add_argument("--no-subprocess", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile the in-process run (to stderr)")
    args = ap.parse_args()
    path = Path(args.mbox)
    if not path.exists():
        sys.exit(f"{path} missing: run python bench/analyze_gen_mbox.py first")
    size = path.stat().st_size
    print(f"mbox: {path} ({size / 1e6:.1f} MB)")
    # The stdlib parse runs first and again last; the ratios use the mean of both, so a machine that
    # speeds up or slows down during the run does not favour either side.
    n_std, t_std1, c_std1 = stdlib_rate(path)
    print(f"stdlib email compat32 header-only (mailbox.mbox + BytesHeaderParser), first run: {n_std} messages, "
          f"wall {t_std1:.2f} s = {n_std / t_std1:,.0f} msg/s, CPU {c_std1:.2f} s = {n_std / c_std1:,.0f} msg/s")
    n_w, t_w, c_w, chars = wizard_rate(path, args.profile)
    print(f"spam-wizard analyze --json, one process (full analysis + JSON, {chars / 1e6:.0f} MB written): "
          f"{n_w} messages, wall {t_w:.2f} s = {n_w / t_w:,.0f} msg/s, CPU {c_w:.2f} s = {n_w / c_w:,.0f} msg/s")
    accepted, lines = fast_path_share(path)
    print(f"Received fast path accepted {accepted} of {lines} lines of the first 2,000 messages "
          f"({accepted / max(lines, 1):.1%}); the others go through the general parser")
    from wizard.core.cpus import usable_cpus

    workers = usable_cpus()
    sub: tuple[float, float, int] | None = None
    if not args.no_subprocess:
        sub = subprocess_rate(path)
    _n, t_std2, c_std2 = stdlib_rate(path)
    print(f"stdlib email compat32 header-only, second run: wall {t_std2:.2f} s = {n_std / t_std2:,.0f} msg/s, "
          f"CPU {c_std2:.2f} s = {n_std / c_std2:,.0f} msg/s")
    t_std, c_std = (t_std1 + t_std2) / 2, (c_std1 + c_std2) / 2
    cpu_ratio = (n_w / c_w) / (n_std / c_std)
    print(f"ratio spam-wizard / stdlib (mean of its two runs), one process: CPU {cpu_ratio:.2f}, "
          f"wall {(n_w / t_w) / (n_std / t_std):.2f}  (target >= 0.50)")
    wall_ratio: float | None = None
    if sub is not None:
        t_s, c_s, rc = sub
        rate = n_w / t_s
        wall_ratio = rate / (n_std / t_std)
        print(f"spam-wizard analyze --json (subprocess as a user runs it: start-up included, the CLI's "
              f"default of one worker process per CPU = {workers}): wall {t_s:.2f} s = {rate:,.0f} msg/s "
              f"(exit {rc}); CPU of all its processes {c_s:.2f} s = {n_w / c_s:,.0f} msg/s; "
              f"ratio to stdlib wall {wall_ratio:.2f}")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (a busy machine skews wall figures)")
    summary = f"SUMMARY: single-process CPU ratio {cpu_ratio:.2f}"
    if wall_ratio is not None:
        summary += f"; wall ratio with the CLI's default {workers} worker processes {wall_ratio:.2f}"
    print(summary + " (target >= 0.50; the stdlib side is one process)")


if __name__ == "__main__":
    main()
