"""The recipients step's Japanese catalogue is complete, keeps every placeholder and mnemonic letter."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "recipients_ja.ts"


def messages() -> list[tuple[str, str, str]]:
    root = ET.parse(TS).getroot()
    out = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        assert node is not None
        out.append((source, node.text or "", node.get("type", "")))
    return out


def test_complete() -> None:
    items = messages()
    assert len(items) > 100
    assert [s for s, t, kind in items if not t or kind in ("unfinished", "vanished", "obsolete")] == []


def test_placeholders_kept() -> None:
    for source, text, _kind in messages():
        assert sorted(re.findall(r"%\d|\{\w+\}", source)) == sorted(re.findall(r"%\d|\{\w+\}", text)), source


def test_mnemonic_letters_kept() -> None:
    for source, text, _kind in messages():
        letters = re.findall(r"&(\w)", source.replace("&&", ""))
        if letters:
            assert f"(&{letters[0].upper()})" in text.upper(), source
