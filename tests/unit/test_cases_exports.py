"""Exports of a case: ticket note, HTML report, redaction, recap and case files (hand-over)."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.cases.demo import demo_case
from wizard.core.cases.exports import (
    CaseFileError,
    Redactor,
    case_file_bytes,
    case_identifiers,
    html_report,
    read_case_file,
    recap_text,
    ticket_note,
)
from wizard.core.cases.model import SampleRecord, new_case
from wizard.core.cases.recap import recap
from wizard.core.cases.store import open_store

WEDNESDAY = datetime(2026, 3, 11, 1, 0, tzinfo=UTC)


def _identifiers(case):  # type: ignore[no-untyped-def]
    ids = case_identifiers(case)
    assert "tanaka@example.co.jp" in ids["emails"]
    assert "159.89.201.17" in ids["ips"] and "198.51.100.77" in ids["ips"]
    return ids


def _assert_no_identifiers(text: str, case) -> None:  # type: ignore[no-untyped-def]
    ids = _identifiers(case)
    lowered = text.lower()
    for value in ids["emails"] | ids["ips"]:
        assert value.lower() not in lowered, value
    for host in ids["hosts"]:
        labels = host.lower().split(".")
        if len(labels) > 2:  # the registrable part must be gone (public suffixes stay)
            assert host.lower() not in lowered, host
    for leak in ("tanaka@", "lottery-example", "example.co.jp", "198.51.100", "159.89.201", "佐藤"):
        assert leak not in text, leak


def test_ticket_note_japanese_and_english() -> None:
    case = demo_case(3)
    ja = ticket_note(case, "ja", now=WEDNESDAY)
    assert "【迷惑メール対応】案件 demo-0001" in ja
    assert "ブロックリスト: lottery-example.biz" in ja
    assert "削除したアドレス: tanaka@example.co.jp" in ja
    assert "お客様のパソコンから送信されたものではありません" in ja
    assert "ブロックリストを設定：本日のログを読み込んで効果を確認" in ja
    en = ticket_note(case, "en", now=WEDNESDAY)
    assert "[Spam support] Case demo-0001" in en
    assert "Block list: lottery-example.biz" in en
    assert "Not sent from the customer's PC." in en
    assert re.search(r"Block list set on Tuesday 3/10: load today's log to check it", en)
    assert "<" not in en.replace("<x", "")  # plain text, no markup of ours


def test_recap_says_what_was_decided_and_what_to_verify() -> None:
    case = demo_case(3)
    items = recap(case, now=WEDNESDAY, today=date(2026, 3, 11))
    codes = [i.code for i in items]
    assert codes[0] == "previous_call"
    assert "decided_blocklist" in codes and "decided_deleted_address" not in codes  # that was call 2
    assert "verify_blocklist" in codes and "verify_deleted_address" in codes
    assert "followup_due" in codes
    texts = [recap_text(i, "en") for i in items]
    assert any(t.startswith("Block list set on Tuesday") and "load today's log to check it" in t
               for t in texts)
    ja = [recap_text(i, "ja") for i in items]
    assert any("火曜日" in t and "ブロックリスト" in t for t in ja)
    # after the Friday call the block list was verified: no more "verify" for it, the action is next
    later = recap(demo_case(4), now=datetime(2026, 3, 16, 1, 0, tzinfo=UTC), today=date(2026, 3, 16))
    later_codes = [i.code for i in later]
    assert "verify_blocklist" not in later_codes and "verify_action" in later_codes


def test_html_report_contents_and_escaping() -> None:
    case = demo_case(4)
    hostile = "<img src=x onerror=alert(1)>"
    case = replace(case, findings={"messages": [{**case.findings["messages"][0], "subject": hostile}]})
    report = html_report(case, "en")
    assert hostile not in report and "&lt;img src=x onerror=alert(1)&gt;" in report
    assert "Delivery route" in report and "159.89.201.17" in report and "mx01.mail.example.ne.jp" in report
    assert "move to the server&#x27;s spam folder" in report
    assert "scored as spam, delivered" in report  # verification result
    rows = re.findall(r"<tr><td>(\d+)</td>", report)
    assert rows[:2] == ["1", "0"]  # bottom-up
    ja = html_report(case, "ja")
    assert "配送経路" in ja and "決定事項" in ja and "確認結果" in ja


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_redacted_report_and_note_leave_no_address_or_ip(lang: str) -> None:
    case = demo_case(4)
    case = replace(case, samples=(*case.samples, SampleRecord(source="customer_sent.eml", text=(
        "Received: from pc1.example.co.jp ([198.51.100.77]) by mx01.mail.example.ne.jp; "
        "Mon, 9 Mar 2026 16:29:02 +0900\nFrom: sato@example.co.jp\nTo: tanaka@example.co.jp\n"))))
    report = html_report(case, lang, redact=True)
    _assert_no_identifiers(report, case)
    assert "***.co.jp" in report and "****@***.co.jp" in report  # the post's style, suffix kept
    assert re.search(r"\*{1,3}\.\*{1,3}\.\*{1,3}\.\*{1,3}", report)
    note = ticket_note(case, lang, redact=True)
    _assert_no_identifiers(note, case)


def test_redactor_masks_like_the_post_and_consistently() -> None:
    r = Redactor(known=["pc1", "DESKTOP-SATO"])
    text = ("Received: from pc1.tanaka.co.jp ([203.0.113.45]) by mx.tanaka.co.jp; "
            "From: a.b@tanaka.co.jp To: c@tanaka.co.jp host DESKTOP-SATO ip 2001:db8::25")
    out = r.mask(text)
    assert "pc1.***.co.jp" in out and "mx.***.co.jp" in out
    assert "***.*.***.**" in out
    assert "****@***.co.jp" in out and "****@***.co.jp#2" in out
    assert "tanaka" not in out and "DESKTOP-SATO" not in out and "2001:db8" not in out
    assert r.mask("again 203.0.113.45 a.b@tanaka.co.jp") == "again ***.*.***.** ****@***.co.jp"
    assert r.mask("203.0.113.46") != r.mask("203.0.113.45")  # different input, different mask
    assert r.mask("日本語のテキストだけ 16:29:14") == "日本語のテキストだけ 16:29:14"


def test_case_file_round_trip(tmp_path: Path) -> None:
    case = demo_case(4)
    data = case_file_bytes(case)
    doc = json.loads(data)
    assert doc["format"] == "spam-wizard-case" and doc["schema"] == 1
    assert doc["checksum"].startswith("sha256:")
    back = read_case_file(data)
    assert back == case
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    try:
        stored = store.import_case(back)
        assert stored.id == case.id and stored.current("action") == "folder"
        assert [s.text for s in stored.samples] == [s.text for s in case.samples]
    finally:
        store.close()


def _damaged_variants(data: bytes) -> dict[str, bytes]:
    doc = json.loads(data)
    edited = json.loads(data)
    edited["case"]["record"]["customer"] = "someone else"
    newer = json.loads(data)
    newer["schema"] = 99
    foreign = json.loads(data)
    foreign["format"] = "something-else"
    bad_type = json.loads(data)
    bad_type["case"]["record"]["version"] = "1"
    from wizard.core.cases.exports import _checksum

    bad_type["checksum"] = _checksum(bad_type["case"])
    return {
        "truncated": data[: len(data) // 2],
        "edited": json.dumps(edited).encode(),
        "newer": json.dumps(newer).encode(),
        "foreign": json.dumps(foreign).encode(),
        "not json": b"PK\x03\x04 this is a zip, not a case",
        "binary": bytes(range(256)) * 10,
        "empty": b"",
        "other json": json.dumps({"messages": [], "errors": []}).encode(),
        "list": json.dumps([doc]).encode(),
        "bad type": json.dumps(bad_type).encode(),
        "deep": b"[" * 100000 + b"]" * 100000,
    }


def test_damaged_or_foreign_case_files_are_refused_and_change_nothing(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    try:
        original = store.import_case(demo_case(2))
        before = store.load(original.id)
        data = case_file_bytes(demo_case(4))
        for name, variant in _damaged_variants(data).items():
            with pytest.raises(CaseFileError) as info:
                store.import_case(read_case_file(variant), replace=True)
            assert str(info.value), name
        assert store.load(original.id) == before
        assert [r.id for r in store.list_cases(None)] == [original.id]
    finally:
        store.close()


@given(st.binary(max_size=3000))
def test_read_case_file_refuses_any_junk_with_its_own_error(data: bytes) -> None:
    with contextlib.suppress(CaseFileError):  # anything else escaping fails the test
        read_case_file(data)


@settings(max_examples=40)
@given(customer=st.text(max_size=60), text=st.text(max_size=400), value=st.text(max_size=60))
def test_any_text_survives_store_export_and_redaction(tmp_path_factory: pytest.TempPathFactory, customer: str,
                                                      text: str, value: str) -> None:
    case = new_case(customer, "example.co.jp", agent=value)
    case = case.with_changes(samples=(SampleRecord(source=value, text=text),)).decide("note", value)
    back = read_case_file(case_file_bytes(case))
    assert back.samples[0].text == text and back.record.customer == customer
    for lang in ("ja", "en"):
        html_report(case, lang, redact=True).encode("utf-8")
        ticket_note(case, lang).encode("utf-8")
    Redactor().mask(text + " 192.0.2.1 a@b.example")
    folder = tmp_path_factory.mktemp("h")
    store = open_store(f"sqlite:///{folder / 'c.db'}")
    try:
        saved = store.save(case)
        assert store.load(saved.id).version == 1
    finally:
        store.close()
