"""The analysis core must never pull in Qt: importing every core module leaves PySide6 unloaded."""

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys
import wizard.core as core
for info in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
    importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "wizard.ui")))
print("\n".join(bad))
raise SystemExit(1 if bad else 0)
"""


def test_core_imports_no_qt() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
