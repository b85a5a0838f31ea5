"""Every finding code the core can emit has words in the UI (wizard/ui/messages/*), and each has a
Japanese translation: a code shown raw on the trace page is a bug an agent would read aloud."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "wizard" / "core").rglob("*.py"):
        codes |= set(re.findall(r'finding\(\s*"([a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    return codes


def ui_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    pattern = re.compile(r'"([a-z0-9_]+)":\s*QT_TRANSLATE_NOOP\(\s*"Findings",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
    for path in (ROOT / "wizard" / "ui" / "messages").glob("*.py"):
        for code, literal in pattern.findall(path.read_text(encoding="utf-8")):
            texts[code] = "".join(eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', literal))
    return texts


def japanese_findings() -> dict[str, str]:
    out: dict[str, str] = {}
    for ts in (ROOT / "resources" / "i18n").glob("*_ja.ts"):
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != "Findings":
                continue
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
                    out[message.findtext("source") or ""] = translation.text or ""
    return out


def test_every_emitted_code_has_ui_words() -> None:
    missing = sorted(emitted_codes() - set(ui_texts()))
    assert missing == []


def test_every_finding_text_is_translated_to_japanese() -> None:
    ja = japanese_findings()
    untranslated = sorted(code for code, text in ui_texts().items() if not ja.get(text))
    assert untranslated == []
