"""UI fixtures: the wizard with the demo case in a chosen language, isolated QSettings, compiled
catalogues. Windows are shown offscreen (tests/conftest.py sets QT_QPA_PLATFORM)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OFFSCREEN_NOISE = "does not support propagateSizeHints"
"""The offscreen platform logs this for every size hint a top-level window sets: not our warning."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def catalogues() -> None:
    """Compile every area's .ts into wizard_<lang>.qm once per run (the project's build step)."""
    from wizard import i18n_build

    for lang in i18n_build.LANGUAGES:
        i18n_build.build(lang)


@pytest.fixture
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings written under tmp_path, never into the user's real configuration."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(params=["ja", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    """Run the test once per UI language."""
    return str(request.param)


@pytest.fixture
def ui_language(qapp: object, lang: str, catalogues: None, isolated_settings: Path) -> Iterator[str]:
    """Install the translators and the CJK font for ``lang``."""
    from wizard.ui import i18n

    i18n.set_app_identity()
    i18n.apply_fonts(qapp)  # type: ignore[arg-type]
    assert i18n.install(lang)
    yield lang
    i18n.install("en")


@pytest.fixture
def make_wizard(ui_language: str, qtbot: object) -> Iterator[Callable[..., object]]:
    """Factory: ``make_wizard(case="spam", decided=False, demo=True)`` -> a shown WizardApp whose
    ``window`` is the SpamWizard at 1280x800. Background work is drained before teardown."""
    from wizard.app import WizardApp, load_demo

    made: list[WizardApp] = []

    def make(case: str = "spam", decided: bool = False, demo: bool = True) -> WizardApp:
        app = WizardApp(offline=True)
        if demo:
            assert load_demo(app.session, case, decided=decided) == []
        window = app.build_window()
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.setGeometry(0, 0, 1280, 800)  # type: ignore[attr-defined]
        window.show()  # type: ignore[attr-defined]
        made.append(app)
        return app

    yield make
    for app in made:
        qtbot.waitUntil(lambda app=app: not app.runner.busy, timeout=20000)  # type: ignore[attr-defined]
        app.runner.wait_idle(20000)


def settle(qtbot: object, app: object, timeout: int = 20000) -> None:
    """Wait until no background work runs and the analysis is current."""
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: not app.runner.busy and not app.session.analysis_pending,  # type: ignore[attr-defined]
        timeout=timeout,
    )
