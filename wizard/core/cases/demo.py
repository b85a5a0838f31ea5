"""The seed post's case as stored after its calls: samples, decisions over several days, follow-ups.

Used by ``--demo`` (a case to resume on the start screen), by training and by the tests. The samples
are ``resources/samples/demo``; the findings snapshot is built from their Received headers.
"""

from __future__ import annotations

import ipaddress
import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from wizard.core.cases.model import (
    VERIFY_FOLLOWUP_PREFIX,
    Call,
    Case,
    CaseRecord,
    Decision,
    FollowUp,
    SampleRecord,
    to_iso,
)
from wizard.core.model import JsonValue
from wizard.resources import resource_path

JST = timezone(timedelta(hours=9))
PROVIDER_NET = ipaddress.ip_network("192.0.2.0/24")
CUSTOMER_IP = "198.51.100.77"


def _snapshot(source: str, text: str) -> dict[str, JsonValue]:
    from wizard.core.intake import decode_words, read_text, unfold
    from wizard.core.received import parse_received

    messages, _errors = read_text(text, source)
    fields = messages[0].fields if messages else ()

    def first(name: str) -> str | None:
        for key, value in fields:
            if key.lower() == name:
                return decode_words(unfold(value))
        return None

    hops: list[dict[str, Any]] = [
        parse_received(unfold(value)).to_json() for key, value in fields if key.lower() == "received"
    ]
    for upper, lower in itertools.pairwise(hops):
        if upper["timestamp"] and lower["timestamp"]:
            upper["delay_s"] = (
                datetime.fromisoformat(upper["timestamp"]) - datetime.fromisoformat(lower["timestamp"])
            ).total_seconds()
    handoff = None
    for index, row in enumerate(hops):
        ip = row.get("from_ip")
        try:
            trusted = ip is not None and ipaddress.ip_address(ip) in PROVIDER_NET
        except ValueError:
            trusted = False
        row["trusted"] = trusted
        if ip and not trusted and handoff is None:
            handoff = {"ip": ip, "rdns": row.get("from_rdns"), "helo": row.get("from_helo"), "hop": index}
    origin_ip = handoff["ip"] if handoff else None
    return {
        "source": source,
        "message_id": first("message-id"),
        "subject": first("subject"),
        "from": first("from"),
        "to": [first("to") or ""],
        "date": None,
        "hops": hops,
        "handoff": handoff,
        "claimed_origin": {"ip": origin_ip, "hop": handoff["hop"], "private": False} if handoff else None,
        "customer_is_origin": bool(origin_ip == CUSTOMER_IP) if origin_ip else None,
        "auth_results": {"spf": None, "dkim": None, "dmarc": None},
        "spam": {"flag": None, "score": None, "required": None, "tests": []},
        "findings": [{"code": "origin_abroad", "severity": "info", "params": {"ip": origin_ip}}]
        if origin_ip and origin_ip != CUSTOMER_IP else [],
    }


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=JST).astimezone(UTC)


def demo_case(calls: int = 3, *, first_day: date = date(2026, 3, 9), case_id: str = "demo-0001") -> Case:
    """The seed story after ``calls`` calls (1-4), starting on Monday ``first_day``.

    1. Monday morning: headers pasted, trace says abroad (not her PC); ``tanaka@`` belongs to someone who
       left; password reset and certificate trouble, she will call back at 14:00.
    2. Monday 14:00: ``tanaka@`` deleted.
    3. Tuesday: spam now hits ``info@``; the sender domain goes on the block list; check tomorrow.
    4. Friday: the log shows "scored as spam, delivered"; the action becomes "move to spam folder".
    """
    mon = first_day
    tue = mon + timedelta(days=1)
    fri = mon + timedelta(days=4)
    folder = resource_path("samples", "demo")
    names = ["spam_01.eml", "spam_02.eml", "spam_03.eml", "spam_04.eml"]
    if calls >= 3:
        names += ["spam_05.eml", "spam_06.eml"]
    samples = []
    snapshots = []
    for n, name in enumerate(names):
        path = folder / name
        text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        pasted = _at(mon if n < 4 else tue, 10, 5 + n)
        samples.append(
            SampleRecord(source=name, text=text, pasted_at=pasted, uid=f"demo-sample-{n}", version=1)
        )
        if text:
            snapshots.append(_snapshot(name, text))
    call_rows = [
        Call(start=_at(mon, 10, 0), end=_at(mon, 11, 50), agent="青木",
             notes="ヘッダー確認：海外から、お客様PCではない。パスワード再設定（入力ミス）、"
                   "コントロールパネルは証明書エラー。14時に再度お電話いただく。",
             uid="demo-call-1", version=1),
        Call(start=_at(mon, 14, 0), end=_at(mon, 14, 30), agent="青木",
             notes="スマートフォンからログインでき、tanaka@ を削除。様子見。", uid="demo-call-2", version=1),
        Call(start=_at(tue, 10, 0), end=_at(tue, 10, 40), agent="青木",
             notes="info@ にも同様の迷惑メール。送信元ドメインをブロックリストに登録。",
             uid="demo-call-3", version=1),
        Call(start=_at(fri, 9, 30), end=_at(fri, 10, 0), agent="馬場",
             notes="ログでは「スパム判定・配送」。処理方法を迷惑メールフォルダーへ移動に変更。",
             uid="demo-call-4", version=1),
    ][:calls]
    decisions = [
        Decision("departed", ["tanaka@example.co.jp"], _at(mon, 11, 10), "青木", "demo-d-1", 1),
    ]
    if calls >= 2:
        decisions.append(
            Decision("deleted_address", "tanaka@example.co.jp", _at(mon, 14, 20), "青木", "demo-d-2", 1)
        )
    if calls >= 3:
        decisions.append(
            Decision("blocklist", ["lottery-example.biz"], _at(tue, 10, 25), "青木", "demo-d-3", 1)
        )
    followups = []
    if calls >= 3:
        followups.append(
            FollowUp(tue + timedelta(days=1), VERIFY_FOLLOWUP_PREFIX + "blocklist", calls >= 4, "demo-f-1", 1)
        )
    if calls >= 4:
        decisions.append(Decision(
            "verification",
            {"kind": "blocklist", "result": "scored as spam, delivered (the list only adds points)"},
            _at(fri, 9, 40), "馬場", "demo-d-4", 1))
        decisions.append(Decision("action", "folder", _at(fri, 9, 50), "馬場", "demo-d-5", 1))
        decisions.append(Decision("sensitivity", "medium", _at(fri, 9, 52), "馬場", "demo-d-6", 1))
        followups.append(FollowUp(fri + timedelta(days=3), VERIFY_FOLLOWUP_PREFIX + "action", False, "demo-f-2", 1))
    step = {1: "recipients", 2: "recipients", 3: "blocklist", 4: "summary"}[max(1, min(calls, 4))]
    last = call_rows[-1].end or call_rows[-1].start
    record = CaseRecord(id=case_id, customer="佐藤様", domain="example.co.jp",
                        status="waiting" if followups else "open", step=step, version=1,
                        created=call_rows[0].start, updated=last)
    case = Case(
        record=record,
        calls=tuple(call_rows),
        samples=tuple(samples),
        decisions=tuple(decisions),
        followups=tuple(followups),
        findings={"messages": snapshots},
        state={"customer_ips": [CUSTOMER_IP], "customer_hosts": ["pc1.example.co.jp"],
               "notes": call_rows[-1].notes, "demo_built": to_iso(record.created),
               "extra": {"trusted": ["192.0.2.0/24", ".mail.example.ne.jp"]}},
    )
    return replace(case)
