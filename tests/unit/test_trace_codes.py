"""Every finding code the intake / trace / headers modules can emit is documented in a module table."""

from __future__ import annotations

import re
from pathlib import Path

import wizard.core.headers_spam as headers_spam
import wizard.core.intake as intake
import wizard.core.trace as trace

CORE = Path(trace.__file__).parent


def test_codes_documented() -> None:
    docs = (trace.__doc__ or "") + (headers_spam.__doc__ or "") + (intake.__doc__ or "")
    emitted: set[str] = set()
    for name in ("intake.py", "trace.py", "headers_spam.py", "analyze.py"):
        emitted |= set(re.findall(r'finding\(\s*"([a-z0-9_]+)"', (CORE / name).read_text()))
    assert emitted
    missing = sorted(code for code in emitted if f"``{code}``" not in docs)
    assert missing == []
