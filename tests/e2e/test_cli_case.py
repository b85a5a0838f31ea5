"""``spam-wizard case list|show|export|import`` contracts, run in-process through ``wizard.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.cli import main
from wizard.core.cases.demo import demo_case
from wizard.core.cases.exports import case_file_bytes
from wizard.core.cases.store import open_store


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cases.db'}"


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.case.json"
    path.write_bytes(case_file_bytes(demo_case(3)))
    return path


def _json(capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    out = capsys.readouterr().out
    data: dict = json.loads(out)  # type: ignore[type-arg]
    return data


def test_import_list_show_export_round_trip(store_url: str, case_file: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "import", str(case_file), "--store", store_url, "--json"]) == 0
    assert _json(capsys) == {"imported": "demo-0001", "version": 1, "customer": "佐藤様"}

    assert main(["case", "list", "--store", store_url, "--json"]) == 0
    listing = _json(capsys)
    assert [c["id"] for c in listing["cases"]] == ["demo-0001"]
    assert listing["cases"][0]["step"] == "blocklist" and listing["cases"][0]["status"] == "waiting"
    assert listing["followups_due"][0]["case"] == "demo-0001"

    for query in ("佐藤", "tanaka@example.co.jp", "lottery-example.biz", "159.89.201.17"):
        assert main(["case", "list", "--search", query, "--store", store_url, "--json"]) == 0
        assert [c["id"] for c in _json(capsys)["cases"]] == ["demo-0001"], query
    assert main(["case", "list", "--search", "192.0.2.200", "--store", store_url]) == 0
    assert "No case matches" in capsys.readouterr().out

    assert main(["case", "show", "demo-0001", "--store", store_url, "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "[Spam support] Case demo-0001" in text and "Block list set on Tuesday" in text
    assert main(["case", "show", "demo-0001", "--store", store_url, "--json"]) == 0
    shown = _json(capsys)
    assert shown["case"]["record"]["id"] == "demo-0001"
    assert "verify_blocklist" in [r["code"] for r in shown["recap"]]

    out_file = tmp_path / "handover.json"
    assert main(["case", "export", "demo-0001", str(out_file), "--store", store_url]) == 0
    assert "written to" in capsys.readouterr().out
    other = f"sqlite:///{tmp_path / 'other-desk.db'}"
    assert main(["case", "import", str(out_file), "--store", other]) == 0
    capsys.readouterr()
    a, b = open_store(store_url), open_store(other)
    try:
        assert a.load("demo-0001").to_json() == b.load("demo-0001").to_json()
    finally:
        a.close()
        b.close()


def test_export_reports(store_url: str, case_file: Path, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "import", str(case_file), "--store", store_url]) == 0
    html_file = tmp_path / "r.html"
    assert main(["case", "export", "demo-0001", str(html_file), "--as", "html", "--redact", "--lang", "en",
                 "--store", store_url]) == 0
    report = html_file.read_text(encoding="utf-8")
    assert "Delivery route" in report and "****@***.co.jp" in report
    for secret in ("tanaka@example.co.jp", "159.89.201.17", "lottery-example.biz", "198.51.100.77"):
        assert secret not in report
    assert main(["case", "export", "demo-0001", "-", "--as", "note", "--store", store_url]) == 0
    assert "【迷惑メール対応】案件 demo-0001" in capsys.readouterr().out
    redacted_case_file = ["case", "export", "demo-0001", str(tmp_path / "x.json"), "--redact"]
    assert main([*redacted_case_file, "--store", store_url]) == 2


def test_damaged_and_foreign_imports_are_refused_and_change_nothing(
        store_url: str, case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "import", str(case_file), "--store", store_url]) == 0
    capsys.readouterr()
    store = open_store(store_url)
    before = store.load("demo-0001").to_json()
    store.close()

    data = case_file.read_bytes()
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(data.replace("佐藤様".encode(), "別人様".encode(), 1))
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(data[: len(data) // 3])
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"messages": [], "errors": []}))
    binary = tmp_path / "binary.bin"
    binary.write_bytes(bytes(range(256)) * 50)
    for path, words in ((damaged, "checksum"), (truncated, "damaged"),
                        (foreign, "not a spam-wizard case file"), (binary, "not a case file"),
                        (tmp_path / "missing.json", "cannot read")):
        assert main(["case", "import", str(path), "--store", store_url]) == 1, path
        err = capsys.readouterr().err
        assert words in err, (path, err)
    assert main(["case", "import", str(damaged), "--store", store_url, "--json"]) == 1
    assert "nothing was imported" in _json(capsys)["error"]
    # the same case again: refused unless --replace
    assert main(["case", "import", str(case_file), "--store", store_url]) == 1
    assert "--replace" in capsys.readouterr().err

    store = open_store(store_url)
    try:
        assert store.load("demo-0001").to_json() == before
        assert [r.id for r in store.list_cases(None)] == ["demo-0001"]
    finally:
        store.close()


def test_usage_and_store_errors(store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case"]) == 2
    assert main(["case", "frobnicate"]) == 2
    assert main(["case", "list", "--store", "mysql://nowhere/db"]) == 2
    assert "unknown store URL" in capsys.readouterr().err
    assert main(["case", "show", "nope", "--store", store_url]) == 1
    assert "no case 'nope'" in capsys.readouterr().err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 200)
    assert main(["case", "list", "--store", f"sqlite:///{junk}"]) == 1
    assert "not a usable case store" in capsys.readouterr().err
    assert main(["case", "list", "--store", store_url]) == 0
    assert "No cases." in capsys.readouterr().out
