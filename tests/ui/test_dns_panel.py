"""The DNS panel: results appear as they arrive, the window keeps taking input while lookups are
pending against a slow real DNS server, offline mode asks nothing, a new case cancels the old one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.servers.dns_fixtures import BASE_OPTIONS, BASE_RECORDS, IP_JP, IP_LISTED, ptr_name
from tests.servers.dns_server import DnsTestServer
from wizard.core.model import Handoff, Hop, MessageAnalysis
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.dns_panel import DnsPanel

SLOW = 1.5


def spam_message() -> MessageAnalysis:
    hops = (Hop(raw="from mx01 ([133.242.0.1]) by mail", from_ip=IP_JP, from_rdns="mx01.provider.example.jp",
                trusted=True),
            Hop(raw="from bogus ([45.33.32.156]) by mx01", from_ip=IP_LISTED, from_rdns="bogus.spam.example"))
    handoff = Handoff(IP_LISTED, "bogus.spam.example", "x", 1)
    return MessageAnalysis(source="paste#1", hops=hops, handoff=handoff,
                           from_="promo@spammer.example", return_path="bounce@spammer.example")


@pytest.fixture
def slow_server() -> Iterator[DnsTestServer]:
    delays = {ptr_name(IP_LISTED): SLOW}
    with DnsTestServer(BASE_RECORDS, delays=delays, **BASE_OPTIONS) as server:  # type: ignore[arg-type]
        yield server


class TraceLike(QWidget):
    """A stand-in for the trace page: an input field above the panel."""

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.edit = QLineEdit(self)
        self.panel = DnsPanel(runner, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.panel)


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[TraceLike]:
    runner = TaskRunner()
    widget = TraceLike(runner)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.panel.cancel()
    runner.wait_idle(10000)


def _texts(panel: DnsPanel) -> list[str]:
    out: list[str] = []
    stack = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        out.append(f"{item.text(0)} | {item.text(1)}")
        stack.extend(item.child(i) for i in range(item.childCount()))
    return out


def _row(panel: DnsPanel, *path: str) -> str:
    for text in _texts(panel):
        if all(p in text for p in path):
            return text
    return ""


def test_input_handled_while_lookups_pending_and_results_arrive(
        qtbot: QtBot, page: TraceLike, slow_server: DnsTestServer) -> None:
    panel = page.panel
    abroad: list[object] = []
    panel.abroadChanged.connect(abroad.append)
    panel.set_resolver_config([slow_server.address], 3.0)
    panel.set_analyses([spam_message()])
    assert panel.running
    # typing is handled while the slow PTR answer is outstanding
    page.edit.setFocus()
    qtbot.keyClicks(page.edit, "customer 198.51.100.7")
    assert page.edit.text() == "customer 198.51.100.7"
    assert panel.running
    # the fast answers show up before the slow one
    qtbot.waitUntil(lambda: "LISTED" in _row(panel, "Spamhaus ZEN"), timeout=5000)
    assert "pending" in _row(panel, "Reverse DNS (PTR)", "pending") or not panel.running
    assert panel.running, "the slow PTR answer should still be outstanding"
    qtbot.keyClicks(page.edit, " ok")
    assert page.edit.text().endswith(" ok")
    with qtbot.waitSignal(panel.finished, timeout=15000):
        pass
    assert "scanme.spam.example" in _row(panel, "Reverse DNS (PTR)", "scanme")
    assert "reject" in _row(panel, "DMARC")
    assert "pass" in _row(panel, "SPF")
    assert True in abroad
    summary = panel.summary()
    assert summary["abroad"] is True and summary["listed"] is True and summary["complete"] is True
    assert "MaxMind" in panel.source.text()


def test_offline_asks_nothing(qtbot: QtBot, page: TraceLike, slow_server: DnsTestServer) -> None:
    panel = page.panel
    panel.set_resolver_config([slow_server.address], 3.0)
    panel.set_offline(True)
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.set_analyses([spam_message()])
    assert slow_server.queries() == []
    assert "not checked" in _row(panel, "Reverse DNS (PTR)")
    assert "US" in _row(panel, "Country", "US")
    assert "Offline" in panel.status.text()


def test_new_case_cancels_the_old(qtbot: QtBot, page: TraceLike, slow_server: DnsTestServer) -> None:
    panel = page.panel
    panel.set_resolver_config([slow_server.address], 3.0)
    panel.set_analyses([spam_message()])
    other = MessageAnalysis(source="paste#2", from_="x@gmai1.com")
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.set_analyses([other])
    assert "imitates gmail.com" in _row(panel, "gmai1.com", "DOES NOT EXIST")
    assert _row(panel, IP_LISTED) == ""  # nothing of the first case is shown


def test_translated(qtbot: QtBot, ui_language: str) -> None:
    from wizard.core.model import finding
    from wizard.ui.messages import describe

    runner = TaskRunner()
    panel = DnsPanel(runner)
    qtbot.addWidget(panel)
    panel.set_offline(True)
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.set_analyses([spam_message()])
    header = panel.tree.headerItem().text(0)
    relays = panel.tree.topLevelItem(0).text(1)
    text = describe(finding("dns_relay_abroad", "info", ip="45.33.32.156", country_name="United States",
                            asn_org="Example", country="US", home="JP"))
    if ui_language == "ja":
        assert header == "確認項目"
        assert "海外" in text
        assert "中継サーバー" in _row(panel, "中継サーバー")
    else:
        assert header == "Check"
        assert "abroad" in text
        assert "2 public relays" in relays
    runner.wait_idle(10000)


def test_panel_deleted_while_lookups_run(qtbot: QtBot, slow_server: DnsTestServer) -> None:
    runner = TaskRunner()
    panel = DnsPanel(runner)
    panel.set_resolver_config([slow_server.address], 3.0)
    panel.set_analyses([spam_message()])
    assert runner.busy
    gone: list[bool] = []
    panel.destroyed.connect(lambda *_: gone.append(True))
    panel.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert runner.wait_idle(15000)


def _all_items(panel: DnsPanel) -> list[object]:
    out: list[object] = []
    stack = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return out


def test_rows_are_updated_in_place_and_stale_rows_removed(qtbot: QtBot) -> None:
    runner = TaskRunner()
    panel = DnsPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_offline(True)
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.set_analyses([spam_message()])
    before = _all_items(panel)
    texts = _texts(panel)
    assert _row(panel, IP_LISTED)
    # the same case checked again: the rows stay the very same items (nothing rebuilt), same texts
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.set_analyses([spam_message()])
    after = _all_items(panel)
    assert len(after) == len(before) and all(a is b for a, b in zip(after, before, strict=True))
    assert _texts(panel) == texts
    # another case: the old relay's rows are gone, the new case's rows are there
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.set_analyses([MessageAnalysis(source="paste#2", from_="x@gmai1.com")])
    assert _row(panel, IP_LISTED) == ""
    assert _row(panel, "Relays", "0 public") and _row(panel, "Sender domain (MX)")
    assert len(_all_items(panel)) < len(before)
    # two samples: each under its own "Sample n" row; back to one: those rows go again
    with qtbot.waitSignal(panel.finished, timeout=10000):
        panel.set_analyses([spam_message(), spam_message()])
    assert panel.tree.topLevelItemCount() == 2
    panel.set_analyses([])  # nothing to check: cleared at once
    assert panel.tree.topLevelItemCount() == 0
    runner.wait_idle(10000)
