"""Every Japanese catalogue is complete: no unfinished entry, and each translation keeps the source's
placeholders ({name}, %1) so nothing is dropped or shown raw on screen."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
TS_FILES = sorted(I18N.glob("*_ja.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?::[^}]*)?\}|%\d")


def entries(path: Path):
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        yield message.findtext("source") or "", translation


@pytest.mark.parametrize("path", TS_FILES, ids=[p.name for p in TS_FILES])
def test_no_unfinished_translations(path: Path) -> None:
    unfinished = [src for src, tr in entries(path) if tr.get("type") == "unfinished" or
                  (not (tr.text or "").strip() and tr.find("numerusform") is None)]
    assert unfinished == []


@pytest.mark.parametrize("path", TS_FILES, ids=[p.name for p in TS_FILES])
def test_placeholders_kept(path: Path) -> None:
    broken = []
    for src, tr in entries(path):
        text = tr.text or "".join(n.text or "" for n in tr.findall("numerusform"))
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)) and tr.find("numerusform") is None:
            broken.append(src)
    assert broken == []


def test_every_area_has_a_japanese_catalogue() -> None:
    names = {p.name for p in TS_FILES}
    assert {"wizard_ja.ts", "dns_ja.ts", "maillog_ja.ts", "recipients_ja.ts", "filter_ja.ts", "cases_ja.ts",
            "training_ja.ts", "trace_ja.ts"} <= names
