"""Account-list import: loose headers (English and Japanese), encodings, broken rows with line numbers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.accounts import decode_bytes, load_accounts, parse_accounts, parse_datetime

JST = timezone(timedelta(hours=9))

JAPANESE = (
    "メールアドレス,状態,最終ログイン,種別,転送先\r\n"
    "tanaka@example.co.jp,停止,2025/09/30 18:02,メールボックス,\r\n"
    "info@example.co.jp,有効,2026/03/06 10:00,エイリアス,sato@example.co.jp\r\n"
    ",有効,,,\r\n"
    "not-an-address,有効,,,\r\n"
    "sato@example.co.jp,有効,昨日,メールボックス\r\n"
    "SATO@example.co.jp,有効,,,\r\n"
    'old@example.co.jp,退職,-,転送,"a@x.jp, b@x.jp"\r\n'
)


def bad_rows(result: object) -> list[tuple[int, str]]:
    return [(f.params["line"], f.params.get("reason", "duplicate"))
            for f in result.findings  # type: ignore[attr-defined]
            if f.code in ("accounts_bad_row", "accounts_duplicate")]


@pytest.mark.parametrize("encoding", ["cp932", "utf-8", "utf-8-sig", "utf-16"])
def test_japanese_headers_in_every_encoding(encoding: str) -> None:
    result = parse_accounts(JAPANESE.encode(encoding), "panel.csv")
    assert [a.address for a in result.accounts] == [
        "tanaka@example.co.jp", "info@example.co.jp", "sato@example.co.jp", "old@example.co.jp"]
    assert dict(result.columns) == {"address": "メールアドレス", "status": "状態",
                                    "last_login": "最終ログイン", "kind": "種別", "forward_to": "転送先"}
    assert result.encoding == {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, encoding)
    tanaka, info, sato, old = result.accounts
    assert (tanaka.status, tanaka.kind, tanaka.line) == ("disabled", "mailbox", 2)
    assert tanaka.last_login == datetime(2025, 9, 30, 18, 2, tzinfo=JST)
    assert (info.kind, info.forward_to) == ("alias", ("sato@example.co.jp",))
    assert sato.line == 6 and sato.last_login is None
    assert old.departed and old.kind == "forward" and old.forward_to == ("a@x.jp", "b@x.jp")
    assert bad_rows(result) == [(4, "no_address"), (5, "bad_address"), (6, "short_row"), (6, "bad_date"),
                                (7, "duplicate")]


def test_english_export_with_loose_headers_and_title_line() -> None:
    text = (
        "Account list exported 2026-03-09\n"
        "\n"
        "E-mail Address,Account Status,Last Login (JST),Account type,Forward to\n"
        "tanaka@example.co.jp,Disabled,2025-09-30 18:02:00,Mailbox,\n"
        "info@example.co.jp,Active,2026-03-06T10:00:00+09:00,Alias,sato@example.co.jp\n"
        "list@example.co.jp,Enabled,never,Mailing list,a@example.co.jp;b@example.co.jp\n"
        "odd@example.co.jp,Active,,Robot,\n"
    )
    result = parse_accounts(text)
    assert [a.kind for a in result.accounts] == ["mailbox", "alias", "list", "unknown"]
    assert result.accounts[1].last_login == datetime(2026, 3, 6, 1, 0, tzinfo=UTC)
    assert result.accounts[2].last_login is None
    assert result.accounts[2].forward_to == ("a@example.co.jp", "b@example.co.jp")
    assert bad_rows(result) == [(7, "unknown_type")]


def test_tab_separated_and_semicolon() -> None:
    tsv = "Address\tStatus\ntanaka@example.co.jp\tactive\n"
    assert [a.status for a in parse_accounts(tsv).accounts] == ["active"]
    semi = "mail;state\ntanaka@example.co.jp;inactive\ninfo@example.co.jp;locked\n"
    assert [a.status for a in parse_accounts(semi).accounts] == ["disabled", "disabled"]


def test_header_less_file_uses_the_column_with_at_signs() -> None:
    result = parse_accounts("1,tanaka@example.co.jp,x\n2,info@example.co.jp,y\n")
    assert [a.address for a in result.accounts] == ["tanaka@example.co.jp", "info@example.co.jp"]
    assert [f.code for f in result.findings] == ["accounts_no_header"]


def test_no_address_column_at_all() -> None:
    result = parse_accounts("name,phone\nTanaka,03-1234-5678\n")
    assert result.accounts == ()
    assert [f.code for f in result.findings] == ["accounts_no_address_column"]


def test_quoted_multiline_cell_keeps_line_numbers() -> None:
    text = 'address,status\n"tanaka@example.co.jp","active"\n"info@example.co.jp","note\nmore"\nbad,active\n'
    result = parse_accounts(text)
    assert [a.line for a in result.accounts] == [2, 3]
    assert bad_rows(result) == [(5, "bad_address")]


def test_extra_columns_are_flagged() -> None:
    result = parse_accounts("address,status\ntanaka@example.co.jp,active,surprise\n")
    assert bad_rows(result) == [(2, "extra_columns")]
    assert len(result.accounts) == 1


def test_full_width_address_in_the_export_is_normalised() -> None:
    result = parse_accounts("メールアドレス\nＴＡＮＡＫＡ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ\n")
    assert [a.address for a in result.accounts] == ["tanaka@example.co.jp"]


def test_binary_and_empty_input() -> None:
    assert [f.code for f in parse_accounts(b"\x00\x01\x02PK\x03\x04" * 50).findings] == ["accounts_not_text"]
    assert [f.code for f in parse_accounts(b"").findings] == ["accounts_empty"]
    assert [f.code for f in parse_accounts("address\n\n\n").findings] == ["accounts_empty"]


def test_undecodable_bytes_fall_back_with_a_warning() -> None:
    data = b"address\ntanaka@example.co.jp\n" + b"\x81\xff\xfe\n"
    result = parse_accounts(data)
    assert result.encoding == "latin-1"
    assert "accounts_encoding_guess" in [f.code for f in result.findings]


def test_load_accounts_from_file(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(JAPANESE.encode("cp932"))
    assert len(load_accounts(path).accounts) == 4
    missing = load_accounts(tmp_path / "nope.csv")
    assert [f.code for f in missing.findings] == ["accounts_unreadable"]


def test_sample_export_in_test_data() -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "recipients" / "accounts_cp932.csv"
    result = load_accounts(path)
    assert result.encoding == "cp932"
    assert {a.address for a in result.accounts} >= {"tanaka@example.co.jp", "info@example.co.jp"}
    assert result.by_address()["tanaka@example.co.jp"].departed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026/03/09 10:15", datetime(2026, 3, 9, 10, 15, tzinfo=JST)),
        ("2026-03-09", datetime(2026, 3, 9, tzinfo=JST)),
        ("2026年3月9日 10:15", datetime(2026, 3, 9, 10, 15, tzinfo=JST)),
        ("２０２６/０３/０９", datetime(2026, 3, 9, tzinfo=JST)),
        ("2026-03-09T01:15:00Z", datetime(2026, 3, 9, 1, 15, tzinfo=UTC)),
        ("-", None),
        ("なし", None),
        ("soon", None),
    ],
)
def test_dates(text: str, expected: datetime | None) -> None:
    assert parse_datetime(text) == expected


def test_decode_prefers_utf8() -> None:
    assert decode_bytes("状態".encode()) == ("状態", "utf-8")
    assert decode_bytes("状態".encode("cp932")) == ("状態", "cp932")


@given(st.binary(max_size=2000))
def test_never_raises_on_bytes(data: bytes) -> None:
    parse_accounts(data)


@given(st.text(max_size=2000))
def test_never_raises_on_text(text: str) -> None:
    parse_accounts(text)
