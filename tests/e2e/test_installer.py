"""Build the desktop bundle from a clean checkout and run the frozen app's --self-test offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _clean_checkout(dest: Path) -> Path:
    """A clone of the committed tree (what CI and a release build see), or the tree itself outside git."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(dest)], check=True)
        return dest
    return ROOT


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="PySide6 tools (pyside6-lrelease) missing")
def test_bundle_builds_and_self_test_passes(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller")
    src = _clean_checkout(tmp_path / "src")
    dist = tmp_path / "dist"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, str(src / "installer" / "build.py"), "--dist", str(dist),
         "--work", str(tmp_path / "work"), "--self-test"],
        cwd=src, env=env, capture_output=True, text=True, timeout=1800,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    bundle = dist / "spam-wizard"
    assert (bundle / ("spam-wizard.exe" if os.name == "nt" else "spam-wizard")).exists()
    # resources travel inside the bundle: translations compiled, profiles and scenarios present
    internal = next(p for p in (bundle / "_internal", bundle) if (p / "resources").exists())
    assert list((internal / "resources" / "i18n").glob("*.qm")), "no compiled translations in the bundle"
    assert (internal / "resources" / "profiles").is_dir()
    assert (internal / "resources" / "scenarios").is_dir()
    if sys.platform.startswith("linux"):
        tarballs = list(dist.glob("spam-wizard-*-linux-*.tar.gz"))
        assert len(tarballs) == 1
        with tarfile.open(tarballs[0]) as tar:
            names = tar.getnames()
        assert any(n.endswith("/spam-wizard.desktop") for n in names)
        assert any(n.endswith("/install.sh") for n in names)
        assert any(n.endswith("/spam-wizard/spam-wizard") for n in names)
