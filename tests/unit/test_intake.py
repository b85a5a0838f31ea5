"""Intake: paste damage, encodings, mbox, multi-message pastes, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.core.intake import (
    NOT_HEADERS_MESSAGE,
    decode_words,
    read_bytes,
    read_path,
    read_text,
    unfold,
)
from wizard.core.policy import DEFAULT_POLICY

DATA = Path(__file__).resolve().parents[1] / "data" / "intake"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo"


def codes(msg) -> set[str]:
    return {f.code for f in msg.findings}


def field(msg, name: str) -> str | None:
    for k, v in msg.fields:
        if k.lower() == name.lower():
            return v
    return None


def test_outlook_box_repaired() -> None:
    msgs, errors = read_path(DATA / "outlook_box.txt")
    assert errors == []
    assert len(msgs) == 1
    m = msgs[0]
    names = [k for k, _ in m.fields]
    assert names[:2] == ["Received", "Received"]  # the "Microsoft Mail Internet Headers" line is dropped
    assert "paste_unfolded_lines_repaired" in codes(m)
    assert "body_pasted_along" not in codes(m)
    received = unfold(field(m, "Received") or "")
    assert "by mbox01.mail.example.ne.jp" in received and received.endswith("+0900 (JST)")
    # Forefront and DKIM continuations with colons inside stay in their field
    assert "PTR:InfoDomainNonexistent" in unfold(field(m, "X-Forefront-Antispam-Report") or "")
    assert "h=From:To:Subject" in unfold(field(m, "DKIM-Signature") or "")
    assert "FREEMAIL_FROM" in unfold(field(m, "X-Spam-Status") or "")
    assert field(m, "Subject") == "Congratulations!"
    assert not any(k.upper() in ("PTR", "CIP", "H", "S") for k in names)


def test_demo_spam_02_mixed_endings_and_unfolded() -> None:
    msgs, errors = read_path(DEMO / "spam_02.eml")
    assert not errors
    m = msgs[0]
    assert {"mixed_line_endings", "paste_unfolded_lines_repaired"} <= codes(m)
    assert field(m, "Subject") == "Final notice: claim your prize today"
    assert len([k for k, _ in m.fields if k == "Received"]) == 2


def test_cr_only_line_endings() -> None:
    text = (DEMO / "spam_01.eml").read_text().replace("\n", "\r")
    msgs, errors = read_text(text, "paste")
    assert not errors
    assert field(msgs[0], "Message-ID") == "<20260307001241.7f3a9c1e@lottery-example.biz>"


@pytest.mark.parametrize(
    ("name", "charset"),
    [("raw8bit_sjis.eml", "shift_jis"), ("raw8bit_eucjp.eml", "euc-jp"), ("raw8bit_utf8.eml", "utf-8"),
     ("raw8bit_iso2022jp.eml", "iso-2022-jp")],
)
def test_raw_8bit_headers(name: str, charset: str) -> None:
    msgs, errors = read_path(DATA / name)
    assert not errors
    m = msgs[0]
    assert field(m, "Subject") == "3月分のお見積りについて"
    assert (field(m, "From") or "").startswith("鈴木一郎")
    found = [f for f in m.findings if f.code == "raw_8bit_header"]
    assert found and charset in found[0].params["charsets"]


def test_encoded_words() -> None:
    msgs, _ = read_path(DATA / "encoded_words.eml")
    m = msgs[0]
    assert decode_words(unfold(field(m, "Subject") or "")) == "迷惑メールのご確認"
    assert decode_words(field(m, "From") or "").startswith("鈴木一郎 <")
    assert decode_words(field(m, "To") or "").startswith("佐藤様")
    assert decode_words(field(m, "Cc") or "").startswith("田中")
    assert decode_words(field(m, "Thread-Topic") or "") == "お知らせ"


@pytest.mark.parametrize(
    "value",
    ["=?utf-8?B?!!!notbase64?=", "=?x-unknown-charset?Q?abc?=", "=?utf-8?Q?=FF=FE?=", "=?", "=?utf-8?B??="],
)
def test_decode_words_never_raises(value: str) -> None:
    assert isinstance(decode_words(value), str)


def test_thunderbird_mbox() -> None:
    msgs, errors = read_path(DATA / "thunderbird.mbox")
    assert not errors
    assert [m.source.rsplit("#", 1)[1] for m in msgs] == ["1", "2", "3"]
    assert [field(m, "Message-ID") for m in msgs] == [
        "<mbox-1@lottery-example.biz>", "<mbox-2@lottery-example.biz>", "<mbox-3@lottery-example.biz>"]
    assert all(m.has_body for m in msgs)
    assert "body_pasted_along" not in codes(msgs[0])


def test_several_messages_pasted() -> None:
    parts = [(DEMO / f).read_text() for f in ("spam_01.eml", "spam_03.eml", "good_01.eml")]
    # first followed by a body, second glued to the third without a blank line
    text = "\n\n" + parts[0] + "\nbody text of the first\n\n" + parts[1] + parts[2]
    msgs, errors = read_text(text, "paste")
    assert not errors
    assert [m.source for m in msgs] == ["paste#1", "paste#2", "paste#3"]
    assert [field(m, "Message-ID") for m in msgs] == [
        "<20260307001241.7f3a9c1e@lottery-example.biz>",
        "<20260308020310.c44e1b27@lottery-example.biz>",
        "<5f1c2e9a-3b7d-4c11-9e0a-partner@partner-example.co.jp>",
    ]
    assert field(msgs[2], "Return-Path") == "<suzuki@partner-example.co.jp>"
    assert "body_pasted_along" in codes(msgs[0])


def test_forwarded_text_in_body_is_not_a_new_message() -> None:
    text = (DEMO / "spam_01.eml").read_text() + (
        "\n-----Original Message-----\nFrom: someone@example.com\nSent: Monday\nTo: x@example.co.jp\n"
        "Subject: hi\n\ntext\n")
    msgs, _ = read_text(text, "paste")
    assert len(msgs) == 1


def test_leading_text_and_double_spacing() -> None:
    lines = (DEMO / "spam_01.eml").read_text().splitlines()
    text = "Here are the headers you asked for:\n\n" + "\n\n".join(lines) + "\n"
    msgs, errors = read_text(text, "paste")
    assert not errors and len(msgs) == 1
    assert {"blank_lines_between_headers"} <= codes(msgs[0])
    assert field(msgs[0], "Subject") == "Congratulations! You have won USD 1,500,000"


def test_bom_and_nul_bytes() -> None:
    data = b"\xef\xbb\xbf" + (DEMO / "spam_01.eml").read_bytes().replace(b"\nSubject", b"\n\x00Subject")
    msgs, errors = read_bytes(data, "paste")
    assert not errors
    assert {"byte_order_mark", "nul_bytes_removed"} <= codes(msgs[0])
    assert field(msgs[0], "Subject") is not None


def test_utf16_paste() -> None:
    data = (DEMO / "spam_05.eml").read_text().encode("utf-16")
    msgs, errors = read_bytes(data, "paste")
    assert not errors
    assert field(msgs[0], "To") == "info@example.co.jp"


@pytest.mark.parametrize("text", ["", "   \n\n  \r\n"])
def test_empty(text: str) -> None:
    msgs, errors = read_text(text, "paste")
    assert msgs == [] and len(errors) == 1 and errors[0].source == "paste#1"
    assert "paste" in errors[0].message


def test_not_headers() -> None:
    msgs, errors = read_path(DATA / "not_headers.txt")
    assert msgs == []
    assert errors[0].message == NOT_HEADERS_MESSAGE
    assert "Internet headers" in errors[0].message
    msgs, errors = read_text("Note: call back tomorrow\n", "paste")
    assert msgs == [] and errors


def test_too_large_refused() -> None:
    policy = DEFAULT_POLICY.clone(max_input_bytes=1000)
    msgs, errors = read_bytes(b"x" * 1001, "big", policy)
    assert msgs == [] and "too large" in errors[0].message
    msgs, errors = read_text("x" * 1001, "big", policy)
    assert msgs == [] and errors[0].code == "too_large"


def test_missing_file(tmp_path: Path) -> None:
    msgs, errors = read_path(tmp_path / "nope.eml")
    assert msgs == [] and errors[0].source.endswith("nope.eml#1")
    msgs, errors = read_path(tmp_path)
    assert msgs == [] and errors


def test_damaged_msg_file_is_an_input_error() -> None:
    # An OLE signature with garbage behind it: extract-msg fails, the intake reports it.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    msgs, errors = read_bytes(data, "x.msg")
    assert msgs == [] and ".msg" in errors[0].message and errors[0].source == "x.msg#1"


def test_quoted_reply_paste() -> None:
    text = "".join("> " + ln + "\n" for ln in (DEMO / "spam_06.eml").read_text().splitlines())
    msgs, errors = read_text(text, "paste")
    assert not errors
    assert "quoted_paste_unquoted" in codes(msgs[0])
    assert field(msgs[0], "To") == "info@example.co.jp"
    assert len([k for k, _ in msgs[0].fields if k == "Received"]) == 2
