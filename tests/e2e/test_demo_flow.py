"""The desktop entry points as a user and the installer call them: ``spam-wizard --self-test`` and
``spam-wizard --demo --screenshots DIR`` (offscreen), run as real processes."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

PAGES = ("paste", "trace", "recipients", "blocklist", "quarantine", "summary", "summary_log", "customer_sent",
         "trace_branch")


def _run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_self_test_opens_every_page():
    done = _run("--self-test")
    assert done.returncode == 0, done.stderr
    assert "self-test: ok" in done.stdout


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshots_of_every_page(tmp_path: Path, lang: str):
    done = _run("--demo", "--screenshots", str(tmp_path), "--lang", lang)
    assert done.returncode == 0, done.stderr
    for page in PAGES:
        shot = tmp_path / f"{lang}_{page}.png"
        assert shot.is_file(), shot
        assert _png_size(shot) == (1280, 800)


def test_screenshots_need_demo(tmp_path: Path):
    done = _run("--screenshots", str(tmp_path))
    assert done.returncode == 2
    assert "--demo" in done.stderr


def test_bad_option_is_usage_error():
    assert _run("--no-such-option").returncode == 2
