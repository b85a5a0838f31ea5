"""Build the one-folder desktop application (and, on Linux, its tarball).

    python installer/build.py [--dist DIR] [--work DIR] [--self-test] [--no-tarball]

Steps: compile the Qt translations, render the icons from resources/icons/spam-wizard.svg, run
PyInstaller with installer/spam_wizard.spec, pack the Linux tarball, and optionally run the frozen
``--self-test`` offscreen. Runs the same on Windows and macOS (no tarball there).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SVG = ROOT / "resources" / "icons" / "spam-wizard.svg"


def version() -> str:
    """The package version, read from wizard/__init__.py without importing Qt."""
    for line in (ROOT / "wizard" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("no __version__ in wizard/__init__.py")


def compile_translations() -> None:
    """Run the project's translation build step (pyside6-lrelease over resources/i18n/*.ts)."""
    subprocess.run([sys.executable, "-m", "wizard.i18n_build"], cwd=ROOT, check=True)


def render_icons(out: Path) -> None:
    """PNG (Linux), ICO (Windows) and, where iconutil exists, ICNS (macOS) from the SVG icon."""
    out.mkdir(parents=True, exist_ok=True)
    code = f"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication(sys.argv)
renderer = QSvgRenderer({str(SVG)!r})
for size in (16, 32, 48, 64, 128, 256, 512):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save({str(out)!r} + f"/spam-wizard-{{size}}.png")
    if size == 256:
        image.save({str(out)!r} + "/spam-wizard.png")
        image.save({str(out)!r} + "/spam-wizard.ico")
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    shutil.copy2(SVG, out / "spam-wizard.svg")
    if shutil.which("iconutil"):
        iconset = out / "spam-wizard.iconset"
        iconset.mkdir(exist_ok=True)
        for size in (16, 32, 128, 256, 512):
            shutil.copy2(out / f"spam-wizard-{size}.png", iconset / f"icon_{size}x{size}.png")
        subprocess.run(["iconutil", "-c", "icns", str(iconset), "-o", str(out / "spam-wizard.icns")], check=True)


def write_version_info(path: Path) -> None:
    """Windows version resource for the executable (read by the spec on Windows only)."""
    parts = [int(p) for p in version().split(".")[:3]] + [0]
    nums = ", ".join(str(p) for p in (parts + [0, 0, 0, 0])[:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({nums}), prodvers=({nums}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('041104B0', [
      StringStruct('CompanyName', 'Spam Support Wizard project'),
      StringStruct('FileDescription', 'Spam Support Wizard'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('ProductName', 'Spam Support Wizard'),
      StringStruct('ProductVersion', '{version()}'),
      StringStruct('OriginalFilename', 'spam-wizard.exe')])]),
        VarFileInfo([VarStruct('Translation', [0x0411, 1200, 0x0409, 1200])])]
)
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run_pyinstaller(dist: Path, work: Path, icons: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder."""
    env = dict(os.environ, SPAM_WIZARD_ICON_DIR=str(icons))
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(INSTALLER / "spam_wizard.spec")],
        cwd=ROOT, check=True, env=env,
    )
    return dist / "spam-wizard"


def make_tarball(bundle: Path, icons: Path, dist: Path) -> Path:
    """Linux tarball: the bundle, the .desktop file, the icon and the per-user install script."""
    name = f"spam-wizard-{version()}"
    arch = platform.machine() or "unknown"
    target = dist / f"{name}-linux-{arch}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname=f"{name}/spam-wizard")
        tar.add(INSTALLER / "linux" / "spam-wizard.desktop", arcname=f"{name}/spam-wizard.desktop")
        tar.add(INSTALLER / "linux" / "install.sh", arcname=f"{name}/install.sh")
        tar.add(icons / "spam-wizard.png", arcname=f"{name}/spam-wizard.png")
        tar.add(icons / "spam-wizard.svg", arcname=f"{name}/spam-wizard.svg")
    return target


def self_test(bundle: Path) -> int:
    """Run the frozen app's ``--self-test`` offscreen; returns its exit code."""
    exe = bundle / ("spam-wizard.exe" if os.name == "nt" else "spam-wizard")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([str(exe), "--self-test"], env=env, capture_output=True, text=True, timeout=300)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    return proc.returncode


def folder_size(path: Path) -> int:
    """Total size in bytes of the files below ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Build the bundle; exit status non-zero when a step or the self-test fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=INSTALLER / "dist")
    parser.add_argument("--work", type=Path, default=INSTALLER / "build" / "pyinstaller")
    parser.add_argument("--self-test", action="store_true", help="run the frozen app's --self-test")
    parser.add_argument("--no-tarball", action="store_true")
    args = parser.parse_args(argv)
    started = time.monotonic()
    icons = INSTALLER / "build" / "icons"
    compile_translations()
    render_icons(icons)
    write_version_info(INSTALLER / "build" / "version_info.txt")
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve(), icons)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.1f} MB) in {time.monotonic() - started:.0f} s")
    if sys.platform.startswith("linux") and not args.no_tarball:
        print(f"tarball: {make_tarball(bundle, icons, args.dist.resolve())}")
    if args.self_test:
        code = self_test(bundle)
        print(f"self-test exit code: {code}")
        return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
