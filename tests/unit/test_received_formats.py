"""Table-driven Received parsing: every line in tests/data/received/*.json with its expected fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wizard.core.model import iso_utc
from wizard.core.received import parse_received

DATA = Path(__file__).resolve().parent.parent / "data" / "received"
FIELDS = ("from_helo", "from_rdns", "from_ip", "ident", "by", "with", "id", "for", "envfrom", "auth")


def _cases() -> list[Any]:
    cases = []
    for path in sorted(DATA.glob("*.json")):
        table = json.loads(path.read_text(encoding="utf-8"))
        for number, case in enumerate(table["cases"]):
            expect = dict(case["expect"])
            expect.setdefault("relay", True)
            expect.setdefault("mta", table["family"])
            cases.append(pytest.param(case["line"], expect, id=f"{path.stem}-{number}"))
    return cases


CASES = _cases()


@pytest.mark.parametrize(("line", "expect"), CASES)
def test_received_line(line: str, expect: dict[str, Any]) -> None:
    hop = parse_received(line)
    got = hop.to_json()
    for name in FIELDS:
        assert got[name] == expect.get(name), name
    assert got["timestamp"] == expect.get("timestamp")
    assert hop.relay is expect["relay"]
    assert hop.mta == expect["mta"]
    assert hop.raw == line
    assert hop.delay_s is None and hop.trusted is False


def test_table_size() -> None:
    families = {case.values[1]["mta"] for case in CASES}
    assert len(CASES) >= 80
    assert len(families - {None}) >= 14


def test_folded_and_unfolded_give_the_same_hop() -> None:
    for case in CASES:
        line = case.values[0]
        folded = parse_received(line)
        flat = parse_received(" ".join(line.split()))
        assert folded.to_json() | {"raw": ""} == flat.to_json() | {"raw": ""}


def test_crlf_folding() -> None:
    hop = parse_received(
        "from mail.example.net (mail.example.net [192.0.2.7])\r\n\tby mx.example.jp (Postfix) with ESMTP"
        " id 4AbC\r\n\tfor <a@example.jp>; Tue, 11 Jul 2023 10:15:03 +0900 (JST)"
    )
    assert (hop.from_ip, hop.by, hop.id, iso_utc(hop.timestamp)) == (
        "192.0.2.7",
        "mx.example.jp",
        "4AbC",
        "2023-07-11T01:15:03+00:00",
    )


def test_header_name_is_tolerated() -> None:
    hop = parse_received(
        "Received: from a.example (a.example [192.0.2.1]) by b.example with SMTP; 1 Jan 2024 00:00 +0000"
    )
    assert hop.from_ip == "192.0.2.1" and hop.by == "b.example"
