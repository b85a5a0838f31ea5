"""UI figures (printed, never asserted):

1. cold start of ``spam-wizard`` to the first shown window (process launch -> window shown and the
   event loop running), several runs; target < 1.0 s (importing QtWidgets alone is about 0.5 s);
2. the longest main-thread stall while the six-sample demo case is analysed and shown on the trace
   page, measured with a 2 ms QTimer heartbeat; target < 50 ms.

Run: ``QT_QPA_PLATFORM=offscreen python bench/ui_startup_bench.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time


def _env(cache: str) -> dict[str, str]:
    # Bytecode cached as in an installed app (this machine sets PYTHONDONTWRITEBYTECODE, which would
    # make every start recompile the sources).
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPYCACHEPREFIX=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_start(runs: int, cache: str) -> list[float]:
    """Seconds from process launch to the first shown window."""
    env = _env(cache)
    out: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "wizard", "--exit-when-shown", "--lang", "ja"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("SHOWN"):
                out.append(time.perf_counter() - start)
                break
        proc.wait(timeout=60)
    return out


QT_WIZARD_FLOOR = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication([])
wizard = QWizard()
page = QWizardPage()
QVBoxLayout(page).addWidget(QLabel("x"))
wizard.addPage(page)
wizard.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def import_floor(runs: int, cache: str, code: str = "from PySide6.QtWidgets import QApplication; QApplication([])"
                 ) -> list[float]:
    """Seconds for a bare interpreter running ``code`` (default: import QtWidgets, create a QApplication)."""
    env = _env(cache)
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True, stderr=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return out


def longest_stall() -> dict[str, float]:
    """Max gap between heartbeat ticks while the six spam samples are analysed and shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from wizard.app import DEMO_SPAM, WizardApp, demo_dir, settled, wait_until
    from wizard.ui import i18n
    from wizard.ui.state import Sample
    from wizard.ui.wizard import PageId

    qapp = QApplication.instance() or QApplication([])
    i18n.set_app_identity()
    i18n.apply_fonts(qapp)  # type: ignore[arg-type]
    i18n.install("ja")
    app = WizardApp(offline=True)
    window = app.build_window()
    window.resize(1280, 800)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    wait_until(lambda: settled(app), 20000)

    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(tick)
    results: dict[str, float] = {}

    def measure(name: str, action: object) -> None:
        gaps.clear()
        clock.start()
        last[0] = 0
        heartbeat.start()
        action()  # type: ignore[operator]
        wait_until(lambda: settled(app), 30000)
        wait_until(lambda: False, 100)  # let the last repaints through
        heartbeat.stop()
        results[name] = float(max(gaps) if gaps else clock.elapsed())

    samples = [Sample(name, (demo_dir() / name).read_text("utf-8")) for name in DEMO_SPAM]
    app.session.customer_ips = ["198.51.100.77"]
    app.session.extra["trusted"] = ["192.0.2.0/24", ".mail.example.ne.jp"]
    measure("add six samples (paste page)", lambda: app.session.set_samples(samples))
    measure("next to the trace page", lambda: window.next())  # type: ignore[attr-defined]
    assert window.currentId() == PageId.TRACE  # type: ignore[attr-defined]
    measure("re-analyse with the customer's PC", lambda: app.session.set_customer_machine(
        ["198.51.100.77"], ["pc1.example.co.jp"]))
    paste_text = "\n".join(s.text for s in samples) * 40  # ~400 KB pasted at once
    window.restart()  # type: ignore[attr-defined]
    page = window.currentPage()  # type: ignore[attr-defined]
    page.paste_box.setPlainText(paste_text)  # the paste itself (Qt lays the text out), then the parse:
    measure("live feedback on a 400 KB paste (parsed in the background)",
            lambda: wait_until(lambda: page.feedback.property("state") != "busy", 30000))
    window.close()  # type: ignore[attr-defined]
    app.runner.wait_idle(20000)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="wizard-pyc-") as cache:
        floor = import_floor(3, cache)
        wizard_floor = import_floor(3, cache, QT_WIZARD_FLOOR)
        starts = cold_start(args.runs, cache)
    print(f"QtWidgets import + QApplication (floor): min {min(floor):.3f} s, median {statistics.median(floor):.3f} s")
    print(f"an empty QWizard shown, then exit (Qt floor): min {min(wizard_floor):.3f} s, "
          f"median {statistics.median(wizard_floor):.3f} s")
    print(f"cold start to first shown window ({args.runs} runs): first {starts[0]:.3f} s, "
          f"min {min(starts):.3f} s, median {statistics.median(starts):.3f} s, max {max(starts):.3f} s "
          f"(target < 1.0 s; the first run also compiles the bytecode)")
    for name, gap in longest_stall().items():
        print(f"longest main-thread stall, {name}: {gap:.0f} ms (target < 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
