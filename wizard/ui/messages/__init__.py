"""Words for finding codes, translated in the UI.

Each area keeps its own module here with ``TEXTS: dict[str, str]`` mapping a finding code to an English
template marked with ``QT_TRANSLATE_NOOP("Findings", ...)``; ``{name}`` placeholders are filled from the
finding's params. :func:`describe` finds the template in any module and translates it at call time.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from PySide6.QtCore import QCoreApplication

from wizard.core.model import Finding


@cache
def _templates() -> dict[str, str]:
    merged: dict[str, str] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        merged.update(getattr(module, "TEXTS", {}))
    return merged


class _SafeDict(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def describe(item: Finding) -> str:
    """The finding in the current UI language, parameters filled in (plain text, never rich text)."""
    template = _templates().get(item.code)
    if template is None:
        params = ", ".join(f"{k}={v}" for k, v in item.params.items())
        return f"{item.code} ({params})" if params else item.code
    text = QCoreApplication.translate("Findings", template)
    values = _SafeDict({k: ("" if v is None else v) for k, v in item.params.items()})
    try:
        return text.format_map(values)
    except (ValueError, IndexError):
        return text
