"""Translation build step: ``resources/i18n/*_<lang>.ts`` -> ``resources/i18n/wizard_<lang>.qm``.

Every area keeps its own ``<area>_ja.ts``; ``lrelease`` merges all of them into one ``wizard_ja.qm``
(and ``*_en.ts`` into ``wizard_en.qm``). The ``.qm`` files are build output (gitignored): CI and the
tests run ``python -m wizard.i18n_build``; the app compiles a missing or stale file at start-up when
``lrelease`` is available. ``--update`` runs ``lupdate`` over the wizard shell's own sources.

Qt-free on purpose: it only runs the Qt tools as programs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from wizard.resources import resource_path

LANGUAGES = ("ja", "en")

# Sources whose strings live in wizard_<lang>.ts (the shell, the UI lead's pages and widgets).
SHELL_SOURCES = (
    "wizard/app.py",
    "wizard/ui/wizard.py",
    "wizard/ui/i18n.py",
    "wizard/ui/models.py",
    "wizard/ui/settings_dialog.py",
    "wizard/ui/pages/paste_page.py",
    "wizard/ui/pages/trace_page.py",
    "wizard/ui/pages/customer_sent_page.py",
    "wizard/ui/customer_checks.py",
    "wizard/ui/pages/summary_page.py",
    "wizard/ui/widgets/talk_panel.py",
    "wizard/ui/widgets/hop_table.py",
    "wizard/ui/widgets/findings_list.py",
    "wizard/ui/messages/ui_shell.py",
)


def i18n_dir() -> Path:
    """``resources/i18n``."""
    return resource_path("i18n")


def ts_files(lang: str) -> list[Path]:
    """Every area's ``.ts`` file for ``lang`` (sorted, so the build is reproducible)."""
    return sorted(i18n_dir().glob(f"*_{lang}.ts"))


def qm_file(lang: str) -> Path:
    """Where the merged catalogue for ``lang`` goes."""
    return i18n_dir() / f"wizard_{lang}.qm"


def _tool(name: str) -> str | None:
    """Find ``pyside6-<name>`` on PATH or the binary shipped inside the PySide6 wheel."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe", Path(folder) / "Qt" / "libexec" / name):
            if candidate.is_file():
                return str(candidate)
    return shutil.which(name)


def lrelease_available() -> bool:
    """True when the catalogues can be compiled here."""
    return _tool("lrelease") is not None


def is_stale(lang: str) -> bool:
    """True when the ``.qm`` is missing or older than one of its ``.ts`` sources."""
    target = qm_file(lang)
    sources = ts_files(lang)
    if not target.exists():
        return bool(sources)
    built = target.stat().st_mtime
    return any(src.stat().st_mtime > built for src in sources)


def build(lang: str, quiet: bool = True) -> Path | None:
    """Compile every ``*_<lang>.ts`` into ``wizard_<lang>.qm``; returns the path, or None when there is
    nothing to compile. Raises ``RuntimeError`` when lrelease is missing or fails."""
    sources = ts_files(lang)
    if not sources:
        return None
    tool = _tool("lrelease")
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found (pip install PySide6-Essentials)")
    target = qm_file(lang)
    # Written beside the target and renamed over it: a running app has the old file memory-mapped,
    # and rewriting it in place would crash that app (SIGBUS).
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    cmd = [tool, *(str(s) for s in sources), "-qm", str(partial)]
    if quiet:
        cmd.insert(1, "-silent")
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not partial.exists():
            detail = done.stderr.strip() or done.stdout.strip()
            raise RuntimeError(f"lrelease failed ({done.returncode}): {detail}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def update(langs: Sequence[str] = LANGUAGES) -> None:
    """Refresh ``wizard_<lang>.ts`` from the shell's sources (keeps existing translations)."""
    tool = _tool("lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found")
    root = resource_path().parent
    files = [str(root / f) for f in SHELL_SOURCES if (root / f).exists()]
    for lang in langs:
        target = i18n_dir() / f"wizard_{lang}.ts"
        # English is the source language: its catalogue only needs the plural forms.
        extra = ["-pluralonly"] if lang == "en" else []
        subprocess.run([tool, "-no-obsolete", "-locations", "none", *extra, *files, "-ts", str(target)],
                       check=True)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m wizard.i18n_build [--update] [--lang ja|en]``: compile the catalogues."""
    parser = argparse.ArgumentParser(prog="python -m wizard.i18n_build", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate on the shell's sources first")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="only this language (repeatable)")
    args = parser.parse_args(argv)
    langs = args.lang or list(LANGUAGES)
    try:
        if args.update:
            update(langs)
        for lang in langs:
            out = build(lang, quiet=False)
            print(f"{lang}: {out if out else 'no .ts files'}")
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"i18n_build: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
