"""Translator install and language switch, the application font, and the QSettings names.

The UI language follows the system locale unless the agent chose one in the settings dialog
(``ui/language`` in QSettings). Japanese is rendered with a Japanese CJK font so kanji never show in
their Chinese glyph variants.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QGuiApplication

from wizard import i18n_build

ORGANIZATION = "SpamSupportWizard"
APPLICATION = "spam-wizard"
LANGUAGES = ("ja", "en")
SETTINGS_LANGUAGE = "ui/language"

# Japanese faces first: a font chosen for Chinese would draw 直, 骨, 写 in their Chinese forms.
UI_FONT_FAMILIES = [
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Yu Gothic UI",
    "Meiryo UI",
    "Meiryo",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "IPAexGothic",
    "IPAGothic",
]
MONO_FONT_FAMILIES = ["Noto Sans Mono CJK JP", "DejaVu Sans Mono", "Consolas", "Menlo", "MS Gothic", "monospace"]

_log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = "en"


def settings() -> QSettings:
    """The application's QSettings (organisation/application names set by :func:`set_app_identity`)."""
    return QSettings(ORGANIZATION, APPLICATION)


def set_app_identity() -> None:
    """Organisation and application names used by QSettings (call before the first QSettings)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


def system_language() -> str:
    """``ja`` when the system locale is Japanese, else ``en``."""
    for name in QLocale.system().uiLanguages():
        lang = name.replace("_", "-").split("-")[0].lower()
        if lang in LANGUAGES:
            return lang
    return "en"


def preferred_language(store: QSettings | None = None) -> str:
    """The language saved in the settings, or the system's."""
    value = (store or settings()).value(SETTINGS_LANGUAGE, "")
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def current_language() -> str:
    """The language installed last (``ja`` or ``en``)."""
    return _current


def ensure_catalogue(lang: str) -> bool:
    """Compile ``wizard_<lang>.qm`` when it is missing or stale and lrelease is available.

    Returns True when an up-to-date catalogue exists afterwards.
    """
    if i18n_build.is_stale(lang) and i18n_build.lrelease_available():
        try:
            i18n_build.build(lang)
        except (RuntimeError, OSError) as exc:
            _log.warning("could not compile translations for %s: %s", lang, exc)
    return i18n_build.qm_file(lang).exists()


def install(lang: str) -> bool:
    """Install the translators for ``lang`` (replacing earlier ones) and set the default locale.

    Returns True when the wizard's own catalogue was loaded (English works without one).
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "en"
    _current = lang
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English))
    loaded = False
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    if ensure_catalogue(lang):
        ours = QTranslator(app)
        if ours.load(str(i18n_build.qm_file(lang))):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
            loaded = True
    return loaded or lang == "en"


def apply_fonts(app: QGuiApplication) -> None:
    """Make the UI font a Japanese CJK face (with the platform default as the last fallback)."""
    font = QFont(app.font())
    families = [*UI_FONT_FAMILIES, font.family()]
    font.setFamilies(families)
    app.setFont(font)


def mono_font(point_size: int | None = None) -> QFont:
    """A fixed-pitch font that still shows Japanese as Japanese (for raw header lines)."""
    font = QFont()
    font.setFamilies(MONO_FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    if point_size:
        font.setPointSize(point_size)
    return font
