"""Verification of the block-list change and matching of pasted samples to log records."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wizard.core.analyze import analyze_text
from wizard.core.maillog import (
    RecordIndex,
    describe_en,
    hourly_spam,
    iter_records,
    match_samples,
    normalize_mid,
    parse_entries,
    records_from_lines,
    verify,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "maillog"
DEMO = ROOT / "resources" / "samples" / "demo"
JST = timezone(timedelta(hours=9))


@pytest.fixture(scope="module")
def story() -> list:  # type: ignore[type-arg]
    with (DATA / "story_day.log").open(encoding="utf-8") as f:
        return records_from_lines(f, tz=JST, year_ref=(2026, 12))


@pytest.fixture(scope="module")
def demo() -> list:  # type: ignore[type-arg]
    return list(iter_records([DEMO / "maillog" / "maillog"], tz=JST))


def test_parse_entries() -> None:
    entries = parse_entries(["*@lottery-example.biz", "spam.example", "@x.example", "boss@corp.example", "", "no"])
    assert [(e.domain, e.local) for e in entries] == [("lottery-example.biz", None), ("spam.example", None),
                                                      ("x.example", None), ("corp.example", "boss")]
    assert entries[0].matches("abc@lottery-example.biz")
    assert entries[0].matches("abc@mail.lottery-example.biz")
    assert not entries[0].matches("abc@lottery-example.biz.evil")
    assert entries[3].matches("Boss@corp.example") and not entries[3].matches("other@corp.example")


def test_the_post_finding_block_list_only_scores(demo: list) -> None:  # type: ignore[type-arg]
    since = datetime(2026, 3, 10, 14, 0, tzinfo=JST)
    until = datetime(2026, 3, 13, 10, 30, tzinfo=JST)
    report = verify(demo, ["lottery-example.biz"], since, until)
    codes = [f.code for f in report.findings]
    assert codes[0] == "blocklist_scored_but_delivered"
    params = dict(report.findings[0].params)
    assert params["domain"] == "lottery-example.biz"
    assert params["rules"] == "USER_IN_BLOCKLIST" and params["score_delta"] == "100"
    assert params["delivered_to"] == "INBOX" and params["count"] == report.total > 10
    assert params["since"] == "2026-03-10 14:00"
    text = describe_en(report.findings[0])
    assert text.startswith("After 2026-03-10 14:00,") and "the block list only adds score" in text
    assert "recipient_unknown_rejected" in codes
    gone = next(f for f in report.findings if f.code == "recipient_unknown_rejected")
    assert gone.params["address"] == "tanaka@example.co.jp"


def test_after_the_action_change_it_works(demo: list) -> None:  # type: ignore[type-arg]
    report = verify(demo, ["*@lottery-example.biz"], datetime(2026, 3, 13, 10, 30, tzinfo=JST))
    codes = [f.code for f in report.findings]
    assert "blocklist_moved_to_folder" in codes and "blocklist_scored_but_delivered" not in codes
    moved = next(f for f in report.findings if f.code == "blocklist_moved_to_folder")
    assert moved.params["folder"] == "Junk"
    assert report.by_disposition == {"folder": report.total}


def test_story_day_mixed_and_hourly(story: list) -> None:  # type: ignore[type-arg]
    report = verify(story, ["lottery-example.biz"], datetime(2026, 3, 9, 14, 0, tzinfo=JST))
    codes = {f.code for f in report.findings}
    assert {"blocklist_partly_delivered", "blocklist_moved_to_folder", "spam_started"} <= codes
    hourly = hourly_spam(story)
    assert set(hourly) == {"tanaka@example.co.jp", "info@example.co.jp"}
    assert min(hourly["tanaka@example.co.jp"]) == "2026-03-09T00:00:00+09:00"
    assert sum(hourly["info@example.co.jp"].values()) > 10
    json_form = report.to_json()
    assert json_form["per_recipient_hourly"]["info@example.co.jp"]


def test_nothing_from_the_listed_domain(story: list) -> None:  # type: ignore[type-arg]
    report = verify(story, ["*@nobody.example"], None)
    assert report.findings[0].code == "blocklist_no_messages"
    assert report.total == 0


def test_demo_samples_match_their_records(demo: list) -> None:  # type: ignore[type-arg]
    analyses = []
    for path in sorted(DEMO.glob("*.eml")):
        analyses.extend(analyze_text(path.read_text(encoding="utf-8", errors="replace"), path.name).messages)
    assert len(analyses) >= 9
    for analysis, found in match_samples(analyses, demo):
        assert found is not None, analysis.source
        assert normalize_mid(found.record.message_id) == normalize_mid(analysis.message_id)
    spam01 = next(a for a in analyses if a.source.startswith("spam_01"))
    found = RecordIndex(demo).match(spam01)
    assert found is not None and found.via == "queue_id"
    rec = found.record
    assert rec.queue_ids == ("4Q7R2k0Z3xz1XLm",) and rec.client_ip == "159.89.201.17"
    assert rec.spam.score == 7.2 and rec.deliveries[0].disposition == "inbox"


def test_match_by_message_id_only() -> None:
    lines = (DATA / "amavis_postfix.log").read_text(encoding="utf-8").splitlines()
    records = records_from_lines(lines, tz=JST, year_ref=(2026, 12))
    text = ("Received: from a by b with ESMTP id NOTINLOG; Tue, 10 Mar 2026 09:00:05 +0900\n"
            "Message-ID: <PRIZE-0001@lottery-example.biz>\nTo: sato@example.co.jp\nFrom: x@y\nSubject: s\n\n")
    (analysis,) = analyze_text(text, "paste").messages
    found = RecordIndex(records).match(analysis)
    assert found is not None and found.via == "message_id"
    assert found.record.queue_ids == ("3C7A21E0A1", "5D1E81E0B7")
