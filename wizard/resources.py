"""Find ``resources/`` in a source checkout and inside a PyInstaller bundle (Qt-free)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The folder holding profiles, scenarios, talk scripts, translations, icons and samples."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file or folder below ``resources/`` (it may not exist; callers check)."""
    return resources_root().joinpath(*parts)
