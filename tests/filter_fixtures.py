"""Test helpers for the filter area (block list, simulation, export): MessageAnalysis objects built from
.eml header files with the stdlib only, so these tests do not depend on the analysis core's progress.
The e2e tests use the real ``wizard.core.analyze`` through the CLI."""

from __future__ import annotations

import re
from email import message_from_string
from email.header import decode_header, make_header
from email.policy import compat32
from pathlib import Path

from wizard.core.model import MessageAnalysis, SpamVerdict

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "samples" / "demo"
DATA = ROOT / "tests" / "data" / "filter"


def _decode(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return str(make_header(decode_header(value)))
    except Exception:
        return value


def analysis_from_text(text: str, source: str) -> MessageAnalysis:
    """A MessageAnalysis with the fields the filter code reads."""
    msg = message_from_string(text, policy=compat32)
    status = " ".join((msg.get("X-Spam-Status") or "").split())
    score = re.search(r"score=(-?\d+(?:\.\d+)?)", status)
    required = re.search(r"required=(-?\d+(?:\.\d+)?)", status)
    tests = re.search(r"tests=(\S+)", status)
    flag = msg.get("X-Spam-Flag")
    verdict = SpamVerdict(
        flag=(flag.strip().upper() == "YES") if flag else (status.lower().startswith("yes") if status else None),
        score=float(score.group(1)) if score else None,
        required=float(required.group(1)) if required else None,
        tests=tuple(t for t in tests.group(1).split(",") if t) if tests else (),
    )
    rp = msg.get("Return-Path")
    headers = tuple((k, _decode(v) or "") for k, v in msg.items())
    return MessageAnalysis(
        source=source, message_id=msg.get("Message-ID"), subject=_decode(msg.get("Subject")),
        from_=_decode(msg.get("From")), to=tuple(a.strip() for a in (msg.get("To") or "").split(",") if a.strip()),
        return_path=rp.strip().strip("<>") if rp is not None else None, spam=verdict, headers=headers,
        raw_headers=text,
    )


def load(path: Path) -> MessageAnalysis:
    """Analysis of one .eml file (source = file name)."""
    return analysis_from_text(path.read_text(encoding="utf-8", errors="replace"), path.name)


def demo_case() -> tuple[list[MessageAnalysis], list[MessageAnalysis]]:
    """(spam, good) analyses of the demo case."""
    spam = [load(p) for p in sorted(DEMO.glob("spam_*.eml"))]
    good = [load(p) for p in sorted(DEMO.glob("good_*.eml"))]
    return spam, good
