"""Bundle size and cold start of the frozen application next to the unfrozen one.

    python bench/installer_bench.py [--bundle installer/dist/spam-wizard] [--build] [--runs 5]

Cold start = process start until the first window is shown (the app's hidden ``--exit-when-shown``
flag prints SHOWN and quits), offscreen, median of ``--runs`` runs after one warm-up run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cold_start(cmd: list[str], runs: int) -> list[float]:
    """Wall seconds until SHOWN, for each run (the first, warm-up, run is dropped)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run([*cmd, "--exit-when-shown", "--lang", "en"], env=env, capture_output=True,
                              text=True, timeout=120)
        elapsed = time.perf_counter() - start
        if "SHOWN" not in proc.stdout:
            raise SystemExit(f"{cmd[0]} did not show a window:\n{proc.stdout}\n{proc.stderr}")
        times.append(elapsed)
    return times[1:]


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "installer" / "dist" / "spam-wizard")
    parser.add_argument("--build", action="store_true", help="build the bundle first")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.build or not args.bundle.exists():
        subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--dist",
                        str(args.bundle.parent), "--no-tarball"], check=True)
    exe = args.bundle / ("spam-wizard.exe" if os.name == "nt" else "spam-wizard")
    size = sum(p.stat().st_size for p in args.bundle.rglob("*") if p.is_file() and not p.is_symlink())
    tarballs = sorted(args.bundle.parent.glob("spam-wizard-*.tar.gz"))
    frozen = cold_start([str(exe)], args.runs)
    unfrozen = cold_start([sys.executable, "-m", "wizard"], args.runs)
    print(f"bundle folder: {size / 1e6:.1f} MB ({args.bundle})")
    if tarballs:
        print(f"tarball:       {tarballs[-1].stat().st_size / 1e6:.1f} MB ({tarballs[-1].name})")
    print(f"cold start to first window (median of {args.runs}):")
    print(f"  frozen bundle: {statistics.median(frozen):.2f} s  (runs: {', '.join(f'{t:.2f}' for t in frozen)})")
    print(f"  unfrozen app:  {statistics.median(unfrozen):.2f} s  (runs: {', '.join(f'{t:.2f}' for t in unfrozen)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
