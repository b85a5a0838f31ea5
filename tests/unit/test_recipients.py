"""Recipient analysis: targeted addresses, counts, flood start, recommendation, warnings, prediction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from wizard.core.accounts import Account, parse_accounts
from wizard.core.model import Hop, MessageAnalysis
from wizard.core.recipients import (
    analyze_recipients,
    flood_start,
    log_records_from,
    normalize_address,
)

DEMO = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo"
T0 = datetime(2026, 3, 7, 0, 12, tzinfo=UTC)


def msg(to: str | tuple[str, ...] = (), *, cc: tuple[str, ...] = (), for_: str | None = None,
        at: datetime | None = T0, source: str = "s#1", trusted: bool = True) -> MessageAnalysis:
    hops = (Hop(raw="Received: ...", for_=for_, timestamp=at, trusted=trusted),) if (for_ or at) else ()
    return MessageAnalysis(source=source, to=(to,) if isinstance(to, str) else to, cc=cc, hops=hops,
                           date=at)


def codes(report: object) -> list[str]:
    return [f.code for f in report.findings]  # type: ignore[attr-defined]


def test_counts_first_last_and_via() -> None:
    spam = [
        msg("tanaka@example.co.jp", for_="<tanaka@example.co.jp>", at=T0),
        msg('"Tanaka" <TANAKA@example.co.jp>', at=T0 + timedelta(minutes=5)),
        msg("undisclosed-recipients:;", for_="info@example.co.jp", at=T0 + timedelta(minutes=9)),
        msg("someone@elsewhere.example", cc=("tanaka@example.co.jp",), for_="tanaka@example.co.jp",
            at=T0 + timedelta(minutes=14)),
    ]
    report = analyze_recipients(spam, domains=["example.co.jp"])
    assert [(a.address, a.count) for a in report.addresses] == [("tanaka@example.co.jp", 3),
                                                                ("info@example.co.jp", 1)]
    tanaka = report.get("Tanaka@Example.co.jp")
    assert tanaka is not None
    assert tanaka.first_seen == T0 and tanaka.last_seen == T0 + timedelta(minutes=14)
    assert tanaka.via == ("to", "for", "cc")
    assert report.get("info@example.co.jp").via == ("for",)  # type: ignore[union-attr]
    assert report.flood_start == T0
    assert report.recommendation is None
    assert codes(report) == ["recipients_ask_departed"]


def test_domains_inferred_from_our_received_for() -> None:
    spam = [msg(("victim@other.example", "tanaka@example.co.jp"), for_="tanaka@example.co.jp")]
    report = analyze_recipients(spam)
    assert report.domains == ("example.co.jp",)
    assert [a.address for a in report.addresses] == ["tanaka@example.co.jp"]


def test_untrusted_lower_for_is_ignored_when_a_trusted_hop_exists() -> None:
    message = MessageAnalysis(source="x", to=(), hops=(
        Hop(raw="top", for_="tanaka@example.co.jp", trusted=True, timestamp=T0),
        Hop(raw="forged", for_="ceo@example.co.jp", trusted=False),
    ))
    report = analyze_recipients([message], domains=["example.co.jp"])
    assert [a.address for a in report.addresses] == ["tanaka@example.co.jp"]


def test_recommend_departed_with_prediction() -> None:
    spam = [msg("tanaka@example.co.jp", at=T0 + timedelta(minutes=i)) for i in range(5)]
    spam.append(msg("info@example.co.jp", at=T0 + timedelta(hours=2)))
    report = analyze_recipients(spam, departed=["Tanaka@example.co.jp"], domains=["example.co.jp"])
    assert report.recommendation == "tanaka@example.co.jp"
    assert codes(report) == ["recipients_recommend_delete", "recipients_predict_bounce",
                             "recipients_predict_move"]
    move = report.findings[2]
    assert move.params["others"] == "info@example.co.jp" and move.severity.value == "warning"
    assert report.findings[0].params["count"] == 5


def test_departed_but_not_targeted() -> None:
    report = analyze_recipients([msg("tanaka@example.co.jp")], departed=["old@example.co.jp"],
                                domains=["example.co.jp"])
    assert "recipients_departed_not_targeted" in codes(report)
    assert report.recommendation is None


def test_warnings_alias_forward_target_and_legit_mail() -> None:
    accounts = [
        Account("tanaka@example.co.jp", status="departed", kind="alias", forward_to=("sato@example.co.jp",)),
        Account("sales@example.co.jp", kind="forward", forward_to=("tanaka@example.co.jp",)),
        Account("sato@example.co.jp"),
    ]
    spam = [msg("tanaka@example.co.jp")]
    good = [msg("tanaka@example.co.jp", source="good#1"), msg("sato@example.co.jp", source="good#2")]
    report = analyze_recipients(spam, good=good, accounts=accounts)
    assert report.recommendation == "tanaka@example.co.jp"
    assert codes(report)[:4] == ["recipients_recommend_delete", "recipients_is_alias",
                                 "recipients_forward_target", "recipients_legit_mail"]
    by_code = {f.code: f for f in report.findings}
    assert by_code["recipients_forward_target"].params["sources"] == "sales@example.co.jp"
    assert by_code["recipients_legit_mail"].params["count"] == 1
    row = report.get("tanaka@example.co.jp")
    assert row is not None and row.kind == "alias" and row.registered is True and row.good_count == 1


def test_forwarding_account_warning() -> None:
    accounts = [Account("fwd@example.co.jp", status="departed", kind="forward", forward_to=("x@y.example",))]
    report = analyze_recipients([msg("fwd@example.co.jp")], accounts=accounts)
    assert "recipients_is_forward" in codes(report)


def test_not_registered_is_not_recommended() -> None:
    accounts = [Account("sato@example.co.jp")]
    report = analyze_recipients([msg("tanaka@example.co.jp")], accounts=accounts,
                                departed=["tanaka@example.co.jp"])
    assert report.recommendation is None
    assert "recipients_not_registered" in codes(report)


def test_stale_login_hint() -> None:
    accounts = [Account("tanaka@example.co.jp", last_login=T0 - timedelta(days=200))]
    report = analyze_recipients([msg("tanaka@example.co.jp")], accounts=accounts, now=T0)
    assert "recipients_stale_login" in codes(report)


def test_account_csv_status_marks_departed() -> None:
    csv = "メールアドレス,状態\ntanaka@example.co.jp,退職済み\ninfo@example.co.jp,有効\n"
    accounts = parse_accounts(csv).accounts
    report = analyze_recipients([msg("tanaka@example.co.jp"), msg("info@example.co.jp")], accounts=accounts)
    assert report.recommendation == "tanaka@example.co.jp"
    assert report.get("tanaka@example.co.jp").departed  # type: ignore[union-attr]


def test_log_records_counted_and_flood_start_from_dense_log() -> None:
    base = datetime(2026, 3, 7, 0, 0, tzinfo=UTC)
    records = [(("tanaka@example.co.jp",), base - timedelta(days=10))]  # one stray mail long before
    records += [(("tanaka@example.co.jp",), base + timedelta(minutes=3 * i)) for i in range(100)]
    records += [(("sato@example.co.jp", "other@elsewhere.example"), base + timedelta(hours=1))]
    report = analyze_recipients([msg("tanaka@example.co.jp", at=base + timedelta(minutes=4))],
                                log_records=records, domains=["example.co.jp"])
    tanaka = report.get("tanaka@example.co.jp")
    assert tanaka is not None and tanaka.count == 1 and tanaka.log_count == 101
    assert tanaka.via == ("to", "envelope")
    assert tanaka.first_seen == base - timedelta(days=10)
    assert report.flood_start == base
    assert report.log_records == 102
    assert report.get("other@elsewhere.example") is None


def test_log_records_from_duck_types() -> None:
    @dataclass
    class Rec:
        to: tuple[str, ...]
        first_seen: datetime

    got = log_records_from([Rec(("a@example.co.jp",), T0), ("b@example.co.jp", None), 42, ("x",)])
    assert got == [(("a@example.co.jp",), T0), (("b@example.co.jp",), None)]


def test_flood_start_gaps() -> None:
    times = [T0, T0 + timedelta(days=2), T0 + timedelta(days=2, minutes=5), T0 + timedelta(days=2, hours=3)]
    assert flood_start(times, timedelta(hours=6)) == T0 + timedelta(days=2)
    assert flood_start([], timedelta(hours=6)) is None


def test_nothing_for_the_customer() -> None:
    report = analyze_recipients([msg("someone@else.example", at=None)], domains=["example.co.jp"])
    assert report.addresses == ()
    assert codes(report) == ["recipients_none"]


def test_normalize_address() -> None:
    assert normalize_address('"Tanaka, T." <Tanaka@Example.CO.JP>') == "tanaka@example.co.jp"
    assert normalize_address("ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ") == "tanaka@example.co.jp"
    assert normalize_address("undisclosed-recipients:;") is None


def test_json_shape() -> None:
    report = analyze_recipients([msg("tanaka@example.co.jp")], departed=["tanaka@example.co.jp"])
    data = report.to_json()
    assert set(data) == {"addresses", "flood_start", "recommendation", "domains", "messages", "log_records",
                         "findings"}
    assert set(data["addresses"][0]) == {"address", "count", "log_count", "first_seen", "last_seen", "via",
                                         "departed", "kind", "status", "last_login", "good_count",
                                         "registered"}


def test_demo_samples_end_to_end() -> None:
    from wizard.core.analyze import analyze_paths
    from wizard.core.policy import AnalysisPolicy

    policy = AnalysisPolicy.from_strings(trusted=["192.0.2.0/24", ".mail.example.ne.jp"])
    spam = analyze_paths(sorted(DEMO.glob("spam_*.eml")), policy).messages
    good = analyze_paths(sorted(DEMO.glob("good_*.eml")), policy).messages
    report = analyze_recipients(spam, good=good, departed=["tanaka@example.co.jp"])
    assert [(a.address, a.count) for a in report.addresses] == [("tanaka@example.co.jp", 4),
                                                                ("info@example.co.jp", 2)]
    assert report.recommendation == "tanaka@example.co.jp"
    assert report.flood_start == datetime(2026, 3, 7, 0, 12, 45, tzinfo=UTC)
    tanaka = report.get("tanaka@example.co.jp")
    assert tanaka is not None and tanaka.good_count == 0 and "for" in tanaka.via
    assert report.findings[-1].params["others"] == "info@example.co.jp"


def test_x_original_to_counts_as_envelope() -> None:
    message = MessageAnalysis(source="x", to=("undisclosed-recipients:;",),
                              headers=(("X-Original-To", "info@example.co.jp"),
                                       ("Delivered-To", "sato@example.co.jp")))
    report = analyze_recipients([message], domains=["example.co.jp"])
    assert [(a.address, a.via) for a in report.addresses] == [("info@example.co.jp", ("envelope",))]


def test_log_objects_filtered_to_the_flood() -> None:
    from wizard.core.recipients import sender_domains

    @dataclass
    class Spam:
        flag: bool | None

    @dataclass
    class Rec:
        to: tuple[str, ...]
        first_seen: datetime
        from_: str | None
        spam: Spam

    samples = [MessageAnalysis(source="s", return_path="x1@lottery-example.biz",
                               from_='"Prize" <x2@lottery-example.biz>')]
    senders = sender_domains(samples)
    assert senders == {"lottery-example.biz"}
    records = [
        Rec(("tanaka@example.co.jp",), T0, "q9@lottery-example.biz", Spam(None)),  # same sender domain
        Rec(("info@example.co.jp",), T0, "other@spam.example", Spam(True)),  # flagged by the filter
        Rec(("sato@example.co.jp",), T0, "partner@partner-example.co.jp", Spam(False)),  # legitimate
    ]
    got = log_records_from(records, senders)
    assert [r[0] for r in got] == [("tanaka@example.co.jp",), ("info@example.co.jp",)]
    assert len(log_records_from(records)) == 3


def test_verify_deletion_from_log_objects() -> None:
    from wizard.core.recipients import verify_deletion

    @dataclass
    class Delivery:
        to: str
        disposition: str
        status_text: str
        time: datetime | None = None

    @dataclass
    class Rec:
        first_seen: datetime
        deliveries: tuple[Delivery, ...]

    refused = "rejected at SMTP time: 550 5.1.1 <tanaka@example.co.jp>: User unknown"
    log = [
        Rec(T0, (Delivery("tanaka@example.co.jp", "inbox", "delivered"),)),
        Rec(T0 + timedelta(hours=1), (Delivery("tanaka@example.co.jp", "rejected", refused),)),
        Rec(T0 + timedelta(hours=2), (Delivery("Tanaka@example.co.jp", "rejected", refused),
                                      Delivery("info@example.co.jp", "inbox", "delivered"))),
    ]
    found = verify_deletion(log, "tanaka@example.co.jp")
    assert [(f.code, f.params["count"], f.params["since"]) for f in found] == [
        ("recipients_delete_verified", 2, "2026-03-07T01:12:00+00:00")]
    log.append(Rec(T0 + timedelta(hours=3), (Delivery("tanaka@example.co.jp", "inbox", "delivered"),)))
    assert [f.code for f in verify_deletion(log, "tanaka@example.co.jp")] == [
        "recipients_delete_verified", "recipients_still_delivered"]
    assert verify_deletion(log, "info@example.co.jp") == []
    assert verify_deletion([object(), ("x", None)], "tanaka@example.co.jp") == []
