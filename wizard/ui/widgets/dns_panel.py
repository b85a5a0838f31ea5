"""Live DNS and reputation checks on the trace page: each check shown as it arrives.

All lookups run through the one :class:`~wizard.ui.tasks.TaskRunner` (one cancellable request per
case; the core runs its own lookups concurrently inside it). The worker assembles a snapshot of the
results after every finished check and reports progress; the panel picks the newest snapshot up on the
GUI thread (at most every 100 ms) and updates its rows in place, so the window never waits for DNS.
Rows are kept from one snapshot to the next: only texts that changed are set, rows no longer in the
results are removed, the tree does not repaint while a snapshot is filled in, and the first column is
sized once per snapshot that added rows (not on every cell, and not while the panel is hidden).
Everything from the network is shown as plain text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.dnscheck.dnsbl import DnsblResult
from wizard.core.dnscheck.resolver import ResolverConfig
from wizard.core.dnscheck.runner import (
    NOT_CHECKED,
    PENDING,
    TIMED_OUT,
    DnsOptions,
    DnsReport,
    RelayCheck,
    assemble,
    plan_case,
    run_plan,
)
from wizard.core.model import MessageAnalysis
from wizard.ui.tasks import CancelToken, TaskRunner

MAX_TEXT = 300


def _clip(text: str | None) -> str:
    value = "".join(ch if ch.isprintable() else " " for ch in (text or ""))
    return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…"


class _Snapshot:
    """The newest reports, handed from the worker to the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reports: list[DnsReport] | None = None
        self.done = 0
        self.total = 0

    def put(self, reports: list[DnsReport], done: int, total: int) -> None:
        with self._lock:
            self._reports, self.done, self.total = reports, done, total

    def take(self) -> list[DnsReport] | None:
        with self._lock:
            reports, self._reports = self._reports, None
            return reports


class DnsPanel(QWidget):
    """Per relay: PTR, FCrDNS, country / abroad, network owner, block lists; then SPF, DMARC, MX.

    Signals: ``abroadChanged(object)`` (True / False / None for the first message's handoff relay),
    ``countryFound(str, str)`` (relay IP, country code) for the trace page's wording, and
    ``finished()`` once a run is over.
    """

    abroadChanged = Signal(object)
    countryFound = Signal(str, str)
    finished = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._analyses: list[MessageAnalysis] = []
        self._offline = False
        self._nameservers: tuple[str, ...] = ()
        self._timeout = 2.0
        self._deadline = 10.0
        self._home = "JP"
        self._request: int | None = None
        self._token: CancelToken | None = None
        self._snapshot = _Snapshot()
        self._reports: list[DnsReport] = []
        self._items: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self._parents: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        self._keys: dict[int, tuple[str, ...]] = {}
        """``id()`` of each row's item (kept alive by ``_items``) -> its key, to know a new row's parent."""
        self._seen: set[tuple[str, ...]] = set()
        """Keys written by the snapshot being shown (the others are removed after it)."""
        self._added = False
        self._resize_pending = False
        self._abroad: bool | None = None
        self._countries: dict[str, str] = {}
        self._running = False

        self.status = QLabel(self)
        self.status.setObjectName("dnsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Network check status"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("dnsResults")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Result")])
        self.tree.setAccessibleName(self.tr("DNS and block list results"))
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Sized by _fit_columns once per snapshot: ResizeToContents would re-measure every row on every
        # changed cell, which is what made each arriving answer cost tens of milliseconds.
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setWordWrap(False)
        self.source = QLabel(self)
        self.source.setObjectName("dnsGeoSource")
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setWordWrap(True)
        font = self.source.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        self.source.setFont(font)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.source)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._pull)
        # A panel deleted while lookups run must not get their answers (its C++ side is gone).
        self.destroyed.connect(partial(runner.cancel_owner, self))
        self._show_idle()

    # -- public API ------------------------------------------------------------------------------
    def set_analyses(self, analyses: Sequence[MessageAnalysis]) -> None:
        """Check these messages (the previous request is cancelled; its late answers are dropped)."""
        self._analyses = list(analyses)
        self._start()

    def set_offline(self, offline: bool) -> None:
        """Offline: no lookups (the offline country data is still shown); re-checks when switched."""
        if offline != self._offline:
            self._offline = offline
            self._start()

    def set_resolver_config(self, nameservers: list[str], timeout: float) -> None:
        """Name servers (``IP[:PORT]``; empty: the system's) and seconds per answer; re-checks."""
        self._nameservers = tuple(n.strip() for n in nameservers if n.strip())
        self._timeout = max(0.1, float(timeout))
        self._deadline = max(self._timeout * 2.5, 10.0)
        self._start()

    def set_home_country(self, code: str) -> None:
        """Country that does not count as "abroad" (default JP)."""
        self._home = (code or "JP").upper()
        self._start()

    def reports(self) -> list[DnsReport]:
        """The reports shown now (partial while running)."""
        return list(self._reports)

    @property
    def running(self) -> bool:
        """True while lookups are outstanding."""
        return self._running

    def summary(self) -> dict[str, Any]:
        """For the verdict banner: ``abroad`` / ``country`` of the first message's handoff relay,
        ``listed`` (any relay or sender domain on a block list), ``complete``."""
        first = self._reports[0] if self._reports else None
        listed = any(item.listed for r in self._reports for relay in r.relays for item in relay.dnsbl) or any(
            item.listed for r in self._reports for item in r.domain_dnsbl)
        return {"abroad": first.abroad if first else None, "country": first.abroad_country if first else None,
                "listed": listed, "complete": bool(first and first.complete)}

    def cancel(self) -> None:
        """Stop the running request (the agent left the page)."""
        if self._request is not None:
            self.runner.cancel(self._request)
            self._request = None
        self._running = False
        self._timer.stop()

    # -- running ---------------------------------------------------------------------------------
    def _options(self) -> DnsOptions:
        return DnsOptions(resolver=ResolverConfig(self._nameservers, self._timeout,
                                                  max(self._timeout, self._timeout * 2.5)),
                          deadline=self._deadline, offline=self._offline, home_country=self._home)

    def _start(self) -> None:
        self.cancel()
        self._snapshot = _Snapshot()
        self._reports = []
        self._set_abroad(None)
        if not self._analyses:
            self._clear_rows()
            self._show_idle()
            return
        analyses = list(self._analyses)
        options = self._options()
        snapshot = self._snapshot
        self._running = True
        self.status.setText(self.tr("Checking DNS and block lists…"))

        def job(token: CancelToken) -> list[DnsReport]:
            return _run_case(analyses, options, snapshot, token)

        self._request = self.runner.submit(job, self._on_done, owner=self, on_error=self._on_error,
                                           on_progress=self._on_progress, cancellable=True)

    def _on_progress(self, done: int, total: int) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _pull(self) -> None:
        reports = self._snapshot.take()
        if reports is not None and self._running:
            self._show(reports)
            text = self.tr("Checking DNS and block lists… %1 of %2 checks done")
            done, total = self._snapshot.done, self._snapshot.total
            self.status.setText(text.replace("%1", str(done)).replace("%2", str(total)))

    def _on_done(self, reports: object) -> None:
        self._request = None
        self._running = False
        self._timer.stop()
        if isinstance(reports, list):
            self._show(reports)
        if self._offline:
            text = self.tr("Offline: network checks not run (country from the offline database).")
            self.status.setText(text)
        else:
            late = sum(1 for r in self._reports
                       if any("timed out" in e or "timeout" in e for e in r.errors))
            self.status.setText(self.tr("Network checks finished.") if not late else
                                self.tr("Network checks finished; some answers timed out."))
        self.finished.emit()

    def _on_error(self, message: str) -> None:
        self._request = None
        self._running = False
        self.status.setText(self.tr("The network checks failed: %1").replace("%1", _clip(message)))
        self.finished.emit()

    def _show_idle(self) -> None:
        self.status.setText(self.tr("No sample to check yet."))
        self.source.clear()

    # -- rendering -------------------------------------------------------------------------------
    def _clear_rows(self) -> None:
        self.tree.clear()
        self._items.clear()
        self._parents.clear()
        self._keys.clear()

    def _show(self, reports: list[DnsReport]) -> None:
        self._reports = reports
        several = len(reports) > 1
        self._seen = set()
        self._added = False
        for index, report in enumerate(reports):
            base: tuple[str, ...] = (str(index), "several" if several else "one")
            parent: QTreeWidgetItem | None = None
            if several:
                parent = self._row(base, None, self.tr("Sample %1").replace("%1", str(index + 1)),
                                   _clip(report.source))
            self._render(base, parent, report)
        self._sweep()
        if self._added:
            self._fit_columns()
        first = reports[0] if reports else None
        self._set_abroad(first.abroad if first else None)
        for report in reports:
            for relay in report.relays:
                if relay.geo is not None and relay.geo.country and self._countries.get(relay.ip) is None:
                    self._countries[relay.ip] = relay.geo.country
                    self.countryFound.emit(relay.ip, relay.geo.country)
        source = next((r.geo_source for r in reports if r.geo_source is not None), None)
        if source is not None:
            self.source.setText(self.tr("Country and network owner: offline data %1 (%2). %3")
                                .replace("%1", _clip(source.source)).replace("%2", source.data_date or "?")
                                .replace("%3", _clip(source.attribution)))

    def _set_abroad(self, value: bool | None) -> None:
        if value != self._abroad:
            self._abroad = value
            self.abroadChanged.emit(value)

    def _sweep(self) -> None:
        """Remove the rows the last snapshot did not write (another case, a relay no longer there)."""
        gone = [key for key in self._items if key not in self._seen]
        if not gone:
            return
        gone_set = set(gone)
        for key in gone:  # a written row's parent is always written: descendants of a gone row are gone
            if self._parents.get(key) in gone_set:
                continue  # removed with its parent
            item = self._items[key]
            parent = item.parent()
            if parent is not None:
                parent.removeChild(item)
            else:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        for key in gone:
            self._keys.pop(id(self._items.pop(key)), None)
            self._parents.pop(key, None)

    def _fit_columns(self) -> None:
        if self.isVisible():
            self._resize_pending = False
            self.tree.resizeColumnToContents(0)
            cap = max(160, self.tree.viewport().width() // 2)  # a long block-list name leaves room for results
            if self.tree.columnWidth(0) > cap:
                self.tree.setColumnWidth(0, cap)
        else:
            self._resize_pending = True  # measured when the panel is first shown

    def showEvent(self, event: QShowEvent) -> None:
        if self._resize_pending:
            self._fit_columns()
        super().showEvent(event)

    def _row(self, key: tuple[str, ...], parent: QTreeWidgetItem | None, label: str,
             value: str) -> QTreeWidgetItem:
        self._seen.add(key)
        item = self._items.get(key)
        if item is None:
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setExpanded(True)
            self._items[key] = item
            self._parents[key] = self._keys.get(id(parent)) if parent is not None else None
            self._keys[id(item)] = key
            self._added = True
        if item.text(0) != label:
            item.setText(0, label)
        if item.text(1) != value:
            item.setText(1, value)
        return item

    def _state(self, state: str) -> str:
        if state == PENDING:
            return self.tr("pending…")
        if state == TIMED_OUT:
            return self.tr("timed out")
        if state == NOT_CHECKED:
            return self.tr("not checked (offline)")
        return self.tr("failed")

    def _render(self, base: tuple[str, ...], parent: QTreeWidgetItem | None, report: DnsReport) -> None:
        relays = self._row((*base, "relays"), parent, self.tr("Relays"),
                           self.tr("%n public relay(s)", "", len(report.relays)))
        for relay in report.relays:
            self._render_relay((*base, "relay", relay.ip), relays, relay, report.checked)
        self._render_spf(base, parent, report)
        self._render_dmarc(base, parent, report)
        self._render_mx(base, parent, report)
        if report.domain_dnsbl:
            lists = self._row((*base, "dbl"), parent, self.tr("Sender domain on block lists"),
                              self._list_summary(report.domain_dnsbl))
            for item in report.domain_dnsbl:
                label = _clip(f"{item.name} ({item.subject})")
                self._row((*base, "dbl", item.subject, item.zone), lists, label, self._dnsbl_text(item))

    def _render_relay(self, key: tuple[str, ...], parent: QTreeWidgetItem, relay: RelayCheck,
                      checked: bool) -> None:
        role = self.tr("handed the mail to us") if relay.handoff else (
            self.tr("our own server") if relay.trusted else self.tr("earlier relay"))
        head = self._row(key, parent, relay.ip, self.tr("hop %1, %2").replace("%1", str(relay.hop + 1))
                         .replace("%2", role))
        ptr = relay.ptr
        if ptr is None:
            ptr_text = self._state(relay.ptr_state if checked else NOT_CHECKED)
            fcrdns = ptr_text
        elif ptr.status in ("servfail", "timeout", "error"):
            ptr_text = self.tr("lookup failed (%1)").replace("%1", ptr.status)
            fcrdns = self.tr("unknown")
        else:
            ptr_text = _clip(ptr.ptr) if ptr.ptr else self.tr("none (no reverse DNS)")
            fcrdns = {True: self.tr("yes: the name points back to this IP"),
                      False: self.tr("no: the name does not point back to this IP"),
                      None: self.tr("unknown")}[ptr.fcrdns]
        self._row((*key, "ptr"), head, self.tr("Reverse DNS (PTR)"), ptr_text)
        self._row((*key, "fcrdns"), head, self.tr("Forward-confirmed (FCrDNS)"), fcrdns)
        if relay.header_rdns:
            if relay.header_mismatch:
                header = self.tr("%1 (differs from what DNS says now)")
                header = header.replace("%1", _clip(relay.header_rdns))
            else:
                header = _clip(relay.header_rdns)
            self._row((*key, "header"), head, self.tr("Name recorded in the header"), header)
        geo = relay.geo
        if geo is None:
            country = self.tr("unknown")
            owner = self.tr("unknown")
        elif geo.private:
            country = self.tr("private or reserved address")
            owner = "—"
        else:
            name = _clip(geo.country_name or geo.country or "")
            country = f"{name} ({geo.country})" if geo.country else self.tr("unknown")
            if geo.abroad:
                country = self.tr("%1: abroad").replace("%1", country)
            owner = _clip(geo.asn_org) if geo.asn_org else self.tr("unknown")
        self._row((*key, "country"), head, self.tr("Country"), country)
        self._row((*key, "owner"), head, self.tr("Network owner"), owner)
        if relay.trusted:
            return
        if not checked:
            self._row((*key, "dnsbl"), head, self.tr("Block lists"), self._state(NOT_CHECKED))
            return
        lists = self._row((*key, "dnsbl"), head, self.tr("Block lists"),
                          self._list_summary(relay.dnsbl, len(relay.dnsbl_pending)))
        for item in relay.dnsbl:
            self._row((*key, "dnsbl", item.zone), lists, _clip(item.name), self._dnsbl_text(item))
        for zone in relay.dnsbl_pending:
            self._row((*key, "dnsbl", zone), lists, _clip(zone), self.tr("pending…"))

    def _list_summary(self, items: Sequence[DnsblResult], pending: int = 0) -> str:
        listed = sum(1 for i in items if i.listed)
        unknown = sum(1 for i in items if i.listed is None)
        parts = [self.tr("listed on %1").replace("%1", str(listed)) if listed else self.tr("not listed")]
        if unknown:
            parts.append(self.tr("%1 unknown").replace("%1", str(unknown)))
        if pending:
            parts.append(self.tr("%1 pending").replace("%1", str(pending)))
        return ", ".join(parts)

    def _dnsbl_text(self, item: DnsblResult) -> str:
        codes = ", ".join(item.codes)
        if item.listed:
            return _clip(self.tr("LISTED: %1 (%2)").replace("%1", item.meaning).replace("%2", codes))
        if item.listed is False:
            return self.tr("not listed")
        if item.refused:
            return _clip(self.tr("not usable: %1 (%2); this is not a listing")
                         .replace("%1", item.meaning).replace("%2", codes))
        return _clip(self.tr("unknown: %1").replace("%1", item.meaning))

    def _render_spf(self, base: tuple[str, ...], parent: QTreeWidgetItem | None, report: DnsReport) -> None:
        spf = report.spf
        if spf is None:
            text = self._state(report.spf_state if report.checked else NOT_CHECKED)
            if report.spf_state == "done":
                text = self.tr("no sender domain or relay to check")
        elif spf.result is None:
            text = _clip(spf.explanation)
        else:
            words = {
                "pass": self.tr("pass: the domain authorises this server"),
                "fail": self.tr("fail: the domain says this server may NOT send its mail"),
                "softfail": self.tr("softfail: the domain does not authorise this server (weak)"),
                "neutral": self.tr("neutral: the domain makes no statement"),
                "none": self.tr("none: the domain publishes no SPF record"),
                "temperror": self.tr("temporary DNS error: try again later"),
                "permerror": self.tr("error in the domain's SPF record"),
            }
            text = words.get(spf.result, spf.result)
        item = self._row((*base, "spf"), parent, self.tr("SPF"), text)
        if spf is not None and spf.domain:
            self._row((*base, "spf", "domain"), item, self.tr("Envelope sender domain"), _clip(spf.domain))
        if spf is not None and spf.record:
            self._row((*base, "spf", "record"), item, self.tr("Record"), _clip(spf.record))
        if spf is not None and spf.result is not None and spf.explanation:
            self._row((*base, "spf", "why"), item, self.tr("Details"), _clip(spf.explanation))

    def _render_dmarc(self, base: tuple[str, ...], parent: QTreeWidgetItem | None, report: DnsReport) -> None:
        dmarc = report.dmarc
        if dmarc is None:
            text = self._state(report.spf_state if report.checked else NOT_CHECKED)
            if report.spf_state == "done":
                text = self.tr("no From domain to check")
        elif dmarc.record is None:
            text = (self.tr("lookup failed") if dmarc.status == "temperror" else
                    self.tr("no DMARC record: the domain asks nothing of receivers"))
        else:
            aligned = {True: self.tr("aligned"), False: self.tr("NOT aligned"),
                       None: self.tr("alignment unknown")}
            text = self.tr("policy %1, %2").replace("%1", _clip(dmarc.policy or "none")).replace(
                "%2", aligned[dmarc.aligned])
        item = self._row((*base, "dmarc"), parent, self.tr("DMARC"), text)
        if dmarc is not None and dmarc.record:
            self._row((*base, "dmarc", "record"), item, self.tr("Record at %1").replace(
                "%1", _clip(dmarc.record_domain)), _clip(dmarc.record))

    def _render_mx(self, base: tuple[str, ...], parent: QTreeWidgetItem | None, report: DnsReport) -> None:
        if not report.mx:
            text = self._state(report.mx_state if report.checked else NOT_CHECKED)
            if report.mx_state == "done":
                text = self.tr("no sender domain")
            self._row((*base, "mx"), parent, self.tr("Sender domain (MX)"), text)
            return
        head = self._row((*base, "mx"), parent, self.tr("Sender domain (MX)"),
                         self.tr("%n domain(s)", "", len(report.mx)))
        for mx in report.mx:
            if mx.exists is False:
                text = self.tr("DOES NOT EXIST")
                if mx.lookalike_of:
                    text = self.tr("DOES NOT EXIST: imitates %1").replace("%1", mx.lookalike_of)
            elif mx.exists is None:
                text = self.tr("lookup failed")
            elif mx.null_mx:
                text = self.tr("takes no mail (null MX)")
            elif mx.implicit:
                text = self.tr("no MX; mail goes to the domain's own address")
            elif not mx.hosts:
                text = self.tr("no mail servers")
            else:
                text = _clip(", ".join(mx.hosts))
            self._row((*base, "mx", mx.domain), head, _clip(mx.domain), text)


def _run_case(analyses: list[MessageAnalysis], options: DnsOptions, snapshot: _Snapshot,
              token: CancelToken) -> list[DnsReport]:
    """The worker: plan, run (reporting a snapshot per finished check), assemble."""
    from wizard.core.dnscheck.resolver import DnsClient, make_resolver

    plan = plan_case(analyses, options)
    try:
        resolver = make_resolver(options.resolver)
    except ValueError as exc:
        return [DnsReport(m.source, False, errors=(str(exc),), complete=True) for m in plan.messages]
    deadline = time.monotonic() + options.deadline
    client = DnsClient(resolver, deadline=deadline, cancelled=lambda: token.cancelled)
    results: dict[tuple[str, ...], Any] = {}
    lock = threading.Lock()
    snapshot.put(assemble(plan, {}, final=False), 0, plan.total)
    token.progress(0, plan.total)

    def on_result(key: tuple[str, ...], result: Any) -> None:
        with lock:
            results[key] = result
            current = dict(results)
        snapshot.put(assemble(plan, current, final=False), len(current), plan.total)
        token.progress(len(current), plan.total)

    final = run_plan(plan, client, on_result)
    return assemble(plan, final, final=True)
