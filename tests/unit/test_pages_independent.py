"""Pages never import each other: shared pieces live in wizard/ui (widgets, state, helpers)."""

import ast
from pathlib import Path

PAGES = Path(__file__).resolve().parents[2] / "wizard" / "ui" / "pages"


def test_no_page_imports_another_page() -> None:
    offenders = []
    for path in PAGES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("wizard.ui.pages"):
                offenders.append(f"{path.name}: {node.module}")
            elif isinstance(node, ast.Import) and any(a.name.startswith("wizard.ui.pages") for a in node.names):
                offenders.append(path.name)
    assert offenders == []
