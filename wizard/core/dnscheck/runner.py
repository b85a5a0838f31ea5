"""Run every DNS and reputation check of a case concurrently, within one overall deadline.

The work is planned first (:func:`plan_case`): one task per distinct question (PTR+FCrDNS of an IP,
one block list for one IP, SPF+DMARC of a message, MX of a domain, ...), shared by all messages that
ask it. :func:`run_plan` runs the tasks on a thread pool sized to the work, all sharing one resolver
(and its cache) and one deadline, and calls ``on_result`` as each finishes. :func:`assemble` turns the
results collected so far into one :class:`DnsReport` per message; missing results are "pending" while
running and "timed out" once the run is over. :func:`check_case` does all three.

The offline switch plans no network task: only the offline geo database is consulted, everything else
is reported as "not checked".
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wizard.core.dnscheck.dmarc import DmarcResult, check_dmarc
from wizard.core.dnscheck.dnsbl import DnsblConfig, DnsblResult, check_domain, check_ip, load_config
from wizard.core.dnscheck.domains import domain_of, normalise_domain, org_domain
from wizard.core.dnscheck.geo import GeoDatabase, GeoResult, GeoSource, default_database
from wizard.core.dnscheck.mx import MxResult, check_mx
from wizard.core.dnscheck.ptr import PtrResult, check_ptr, header_mismatch, normalise_host
from wizard.core.dnscheck.resolver import DnsClient, ResolverConfig, make_resolver
from wizard.core.dnscheck.spf import SpfResult, check_host
from wizard.core.model import Finding, JsonValue, MessageAnalysis, finding

TaskKey = tuple[str, ...]
"""``("ptr", ip)``, ``("dnsbl", ip, zone)``, ``("auth", index)``, ``("mx", domain)``,
``("dbl", domain, zone)`` and :data:`GEO_KEY`."""
GEO_KEY: TaskKey = ("geo",)
"""The one task that looks every relay up in the offline geo database (result: :class:`GeoBatch`)."""


@dataclass(frozen=True, slots=True)
class GeoBatch:
    """Offline geo results by IP."""

    by_ip: dict[str, GeoResult]

PENDING = "pending"
TIMED_OUT = "timed out"
NOT_CHECKED = "not checked"


@dataclass(frozen=True, slots=True)
class DnsOptions:
    """How to check. ``deadline`` is the overall budget in seconds for the whole case."""

    resolver: ResolverConfig = field(default_factory=ResolverConfig)
    deadline: float = 10.0
    offline: bool = False
    home_country: str = "JP"
    dnsbl: DnsblConfig | None = None
    """None: ``resources/dnsbl.json``."""
    geo: bool = True
    max_workers: int = 128


@dataclass(frozen=True, slots=True)
class RelayCheck:
    """One public relay IP of a message and what was found about it."""

    ip: str
    hop: int
    header_rdns: str | None = None
    trusted: bool = False
    handoff: bool = False
    ptr: PtrResult | None = None
    ptr_state: str = PENDING
    geo: GeoResult | None = None
    dnsbl: tuple[DnsblResult, ...] = ()
    dnsbl_pending: tuple[str, ...] = ()
    """Zones still unanswered (or that timed out, once the run is over)."""

    @property
    def header_mismatch(self) -> bool | None:
        """True when the header's rDNS name is not among today's PTR names."""
        return self.ptr.header_mismatch if self.ptr is not None else None

    def to_json(self, timed_out_meaning: str = TIMED_OUT) -> dict[str, JsonValue]:
        """The contract's relay object (plus ``hop``, ``abroad`` and ``header_rdns``)."""
        dnsbl = [item.to_json() for item in self.dnsbl]
        dnsbl += [{"zone": zone, "listed": None, "codes": [], "meaning": timed_out_meaning}
                  for zone in self.dnsbl_pending]
        return {
            "ip": self.ip,
            "ptr": self.ptr.ptr if self.ptr else None,
            "fcrdns": self.ptr.fcrdns if self.ptr else None,
            "country": self.geo.country if self.geo else None,
            "asn_org": self.geo.asn_org if self.geo else None,
            "dnsbl": dnsbl,
            "hop": self.hop,
            "abroad": self.geo.abroad if self.geo else None,
            "header_rdns": self.header_rdns,
            "header_rdns_mismatch": self.header_mismatch,
        }


@dataclass(frozen=True, slots=True)
class DnsReport:
    """Everything the DNS checks found for one message."""

    source: str
    checked: bool
    relays: tuple[RelayCheck, ...] = ()
    spf: SpfResult | None = None
    spf_state: str = PENDING
    dmarc: DmarcResult | None = None
    mx: tuple[MxResult, ...] = ()
    mx_state: str = PENDING
    domain_dnsbl: tuple[DnsblResult, ...] = ()
    abroad: bool | None = None
    """Whether the handoff relay (else the claimed origin) is outside the home country."""
    abroad_country: str | None = None
    geo_source: GeoSource | None = None
    findings: tuple[Finding, ...] = ()
    errors: tuple[str, ...] = ()
    complete: bool = False

    def to_json(self) -> dict[str, JsonValue]:
        """The issue's contract ``{"relays", "spf", "dmarc", "mx", "errors"}`` plus additive keys
        (``checked``, ``abroad``, ``domain_dnsbl``, ``mx_domains``, ``geo_source``, ``findings``)."""
        timed_out = TIMED_OUT if self.checked else NOT_CHECKED
        spf = self.spf.to_json() if self.spf else {
            "domain": None, "record": None, "result": None,
            "explanation": self.spf_state if self.checked else NOT_CHECKED}
        dmarc = self.dmarc.to_json() if self.dmarc else {
            "domain": None, "record": None, "policy": None, "aligned": None}
        return {
            "relays": [relay.to_json(timed_out) for relay in self.relays],
            "spf": spf,
            "dmarc": dmarc,
            "mx": list(self.mx[0].hosts) if self.mx else [],
            "errors": list(self.errors),
            "checked": self.checked,
            "abroad": self.abroad,
            "domain_dnsbl": [{"domain": item.subject, **item.to_json()} for item in self.domain_dnsbl],
            "mx_domains": [item.to_json() for item in self.mx],
            "geo_source": self.geo_source.to_json() if self.geo_source else None,
            "findings": [item.to_json() for item in self.findings],
        }


# -- planning ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _RelaySpec:
    ip: str
    hop: int
    header_rdns: str | None
    trusted: bool
    handoff: bool


@dataclass(frozen=True, slots=True)
class _AuthSpec:
    ip: str | None
    spf_domain: str | None
    sender: str
    helo: str
    from_domain: str | None
    dkim_pass: tuple[str, ...] | None
    dkim_domains: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MessagePlan:
    """Which questions one message asks."""

    source: str
    relays: tuple[_RelaySpec, ...]
    auth: _AuthSpec
    mx_domains: tuple[str, ...]
    dbl_domains: tuple[str, ...]
    claimed_origin: str | None


@dataclass
class CasePlan:
    """All tasks of a case (deduplicated) and the per-message plans."""

    options: DnsOptions
    dnsbl: DnsblConfig
    messages: list[MessagePlan] = field(default_factory=list)
    tasks: dict[TaskKey, Callable[[DnsClient], Any]] = field(default_factory=dict)
    geo: GeoDatabase | None = None

    @property
    def total(self) -> int:
        """Number of tasks."""
        return len(self.tasks)


def _public_ip(text: str | None) -> str | None:
    if not text:
        return None
    try:
        addr = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return str(addr) if addr.is_global else None


_DKIM_PASS_RE = re.compile(r"\bdkim\s*=\s*pass\b[^;]*?\bheader\.(?:d|i)\s*=\s*\"?@?([^\s;\"]+)", re.I)
_DKIM_ANY_RE = re.compile(r"\bdkim\s*=\s*([a-z]+)", re.I)


def _dkim_pass_domains(message: MessageAnalysis) -> tuple[str, ...] | None:
    """``d=`` domains with a DKIM pass in Authentication-Results; None when no verdict was recorded."""
    passed: list[str] = []
    seen_verdict = message.auth_results.dkim is not None
    headers = message.header_all("Authentication-Results") + message.header_all("ARC-Authentication-Results")
    for value in headers:
        if _DKIM_ANY_RE.search(value):
            seen_verdict = True
        for match in _DKIM_PASS_RE.finditer(value):
            domain = normalise_domain(match.group(1).rpartition("@")[2])
            if domain:
                passed.append(domain)
    if not seen_verdict:
        return None
    if not passed and (message.auth_results.dkim or "").lower() == "pass":
        return tuple(d for d in (normalise_domain(x) for x in message.dkim_domains) if d)
    return tuple(dict.fromkeys(passed))


def plan_message(message: MessageAnalysis) -> MessagePlan:
    """Work out the questions for one message (no I/O)."""
    relays: list[_RelaySpec] = []
    seen: set[str] = set()
    handoff_ip = _public_ip(message.handoff.ip) if message.handoff else None
    for index, hop in enumerate(message.hops):
        ip = _public_ip(hop.from_ip)
        if not hop.relay or ip is None or ip in seen:
            continue
        seen.add(ip)
        relays.append(_RelaySpec(ip, index, normalise_host(hop.from_rdns), hop.trusted,
                                 ip == handoff_ip))
    if handoff_ip and handoff_ip not in seen and message.handoff is not None:
        relays.insert(0, _RelaySpec(handoff_ip, message.handoff.hop, normalise_host(message.handoff.rdns),
                                    False, True))
    handoff_hop = None
    if message.handoff is not None and 0 <= message.handoff.hop < len(message.hops):
        handoff_hop = message.hops[message.handoff.hop]
    sender = (message.return_path or "").strip().strip("<>")
    if message.return_path is None and handoff_hop is not None and handoff_hop.envfrom:
        sender = handoff_hop.envfrom.strip().strip("<>")
    helo = (message.handoff.helo if message.handoff and message.handoff.helo else "") or ""
    spf_domain = domain_of(sender) if sender else normalise_domain(helo)
    from_domain = domain_of(message.from_)
    mx_domains = tuple(dict.fromkeys(d for d in (from_domain, domain_of(sender)) if d))
    dbl_domains = tuple(dict.fromkeys(org_domain(d) for d in mx_domains))
    auth = _AuthSpec(handoff_ip, spf_domain, sender, helo, from_domain, _dkim_pass_domains(message),
                     tuple(d for d in (normalise_domain(x) for x in message.dkim_domains) if d))
    claimed = _public_ip(message.claimed_origin.ip) if message.claimed_origin else None
    return MessagePlan(message.source, tuple(relays), auth, mx_domains, dbl_domains, claimed)


def plan_case(analyses: Sequence[MessageAnalysis], options: DnsOptions | None = None) -> CasePlan:
    """Plan every task of a case (deduplicated across messages). Reads the block-list file."""
    options = options or DnsOptions()
    dnsbl = options.dnsbl if options.dnsbl is not None else load_config()
    plan = CasePlan(options, dnsbl, geo=default_database() if options.geo else None)
    geo_ips: list[str] = []
    for index, message in enumerate(analyses):
        mplan = plan_message(message)
        plan.messages.append(mplan)
        for relay in mplan.relays:
            geo_ips.append(relay.ip)
            if options.offline:
                continue
            plan.tasks.setdefault(("ptr", relay.ip), _ptr_task(relay.ip))
            if not relay.trusted:
                for zone in dnsbl.ip:
                    plan.tasks.setdefault(("dnsbl", relay.ip, zone.zone), _dnsbl_task(relay.ip, zone))
        if options.offline:
            continue
        auth = mplan.auth
        if auth.ip or auth.spf_domain or auth.from_domain:
            plan.tasks[("auth", str(index))] = _auth_task(auth)
        for domain in mplan.mx_domains:
            plan.tasks.setdefault(("mx", domain), _mx_task(domain))
        for domain in mplan.dbl_domains:
            for zone in dnsbl.domain:
                plan.tasks.setdefault(("dbl", domain, zone.zone), _dbl_task(domain, zone))
    if plan.geo is not None and geo_ips:
        # One task for all local lookups (run_plan does it before starting the network threads).
        plan.tasks[GEO_KEY] = _geo_task(plan.geo, tuple(dict.fromkeys(geo_ips)), options.home_country)
    return plan


def _geo_task(db: GeoDatabase, ips: tuple[str, ...], home: str) -> Callable[[DnsClient], Any]:
    return lambda client: GeoBatch({ip: db.lookup(ip, home) for ip in ips})


def _ptr_task(ip: str) -> Callable[[DnsClient], Any]:
    return lambda client: check_ptr(client, ip)


def _dnsbl_task(ip: str, zone: Any) -> Callable[[DnsClient], Any]:
    return lambda client: check_ip(client, ip, zone)


def _dbl_task(domain: str, zone: Any) -> Callable[[DnsClient], Any]:
    return lambda client: check_domain(client, domain, zone)


def _mx_task(domain: str) -> Callable[[DnsClient], Any]:
    return lambda client: check_mx(client, domain)


def _auth_task(spec: _AuthSpec) -> Callable[[DnsClient], Any]:
    def run(client: DnsClient) -> tuple[SpfResult | None, DmarcResult | None]:
        spf: SpfResult | None = None
        if spec.ip and spec.spf_domain:
            spf = check_host(client, spec.ip, spec.spf_domain, spec.sender, spec.helo)
        elif spec.spf_domain or spec.ip:
            reason = "no relay handed this message over" if not spec.ip else "no envelope sender domain"
            spf = SpfResult(spec.spf_domain, spec.ip, None, explanation=f"not checked: {reason}")
        dmarc = None
        if spec.from_domain:
            dmarc = check_dmarc(client, spec.from_domain,
                                spf_result=spf.result if spf and spf.result else None,
                                spf_domain=spec.spf_domain, dkim_pass_domains=spec.dkim_pass,
                                dkim_signature_domains=spec.dkim_domains)
        return spf, dmarc

    return run


# -- running -----------------------------------------------------------------------------------------
def run_plan(plan: CasePlan, client: DnsClient,
             on_result: Callable[[TaskKey, Any], None] | None = None) -> dict[TaskKey, Any]:
    """Run all tasks concurrently until done or the client's deadline; returns the results by key.

    ``on_result(key, result)`` is called from worker threads as each task finishes.
    """
    results: dict[TaskKey, Any] = {}
    if not plan.tasks:
        return results
    network = {key: fn for key, fn in plan.tasks.items() if key != GEO_KEY}
    if GEO_KEY in plan.tasks:
        # The offline lookups are pure Python work of a few milliseconds: done here first, they do
        # not compete for the interpreter with the threads waiting on DNS answers.
        results[GEO_KEY] = _guarded(plan.tasks[GEO_KEY], client)
        if on_result is not None and not client.cancelled():
            on_result(GEO_KEY, results[GEO_KEY])
    if not network:
        return results
    workers = max(1, min(plan.options.max_workers, len(network)))
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dnscheck")
    try:
        futures = {pool.submit(_guarded, fn, client): key for key, fn in network.items()}
        timeout = None if client.deadline is None else max(0.0, client.deadline - time.monotonic()) + 0.5
        for future in concurrent.futures.as_completed(futures, timeout=timeout):
            key = futures[future]
            result = future.result()
            results[key] = result
            if on_result is not None and not client.cancelled():
                on_result(key, result)
            if client.cancelled():
                break
    except concurrent.futures.TimeoutError:
        pass  # stragglers are reported as timed out by assemble()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return results


def _guarded(fn: Callable[[DnsClient], Any], client: DnsClient) -> Any:
    try:
        return fn(client)
    except Exception as exc:  # a bug in one check must not lose the others
        return _TaskError(f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True, slots=True)
class _TaskError:
    message: str


# -- assembling --------------------------------------------------------------------------------------
def assemble(plan: CasePlan, results: dict[TaskKey, Any], *, final: bool) -> list[DnsReport]:
    """One report per planned message from the results so far. ``final``: the run is over, so a
    missing result means it timed out."""
    missing = TIMED_OUT if final else PENDING
    offline = plan.options.offline
    batch_done = results.get(GEO_KEY)
    source_info = plan.geo.source() if plan.geo is not None and isinstance(batch_done, GeoBatch) and any(
        g.country for g in batch_done.by_ip.values()) else None
    reports: list[DnsReport] = []
    for index, mplan in enumerate(plan.messages):
        errors: list[str] = []
        if offline:
            errors.append("not checked: offline")
        relays: list[RelayCheck] = []
        for spec in mplan.relays:
            ptr = _get(results, ("ptr", spec.ip), PtrResult, errors)
            if ptr is not None and spec.header_rdns is not None:
                ptr = _with_header(ptr, spec.header_rdns)
            batch = _get(results, GEO_KEY, GeoBatch, errors)
            geo = batch.by_ip.get(spec.ip) if batch is not None else None
            listed: list[DnsblResult] = []
            pending: list[str] = []
            if not offline and not spec.trusted:
                for zone in plan.dnsbl.ip:
                    item = _get(results, ("dnsbl", spec.ip, zone.zone), DnsblResult, errors)
                    if item is None:
                        pending.append(zone.zone)
                    else:
                        listed.append(item)
            ptr_state = NOT_CHECKED if offline else ("done" if ptr is not None else missing)
            relays.append(RelayCheck(spec.ip, spec.hop, spec.header_rdns, spec.trusted, spec.handoff, ptr,
                                     ptr_state, geo, tuple(listed), tuple(pending)))
            if ptr is not None:
                errors.extend(ptr.errors)
        spf: SpfResult | None = None
        dmarc: DmarcResult | None = None
        spf_state = NOT_CHECKED if offline else missing
        auth = results.get(("auth", str(index)))
        if isinstance(auth, tuple):
            spf, dmarc = auth
            spf_state = "done"
            if spf is not None:
                errors.extend(spf.errors)
            if dmarc is not None:
                errors.extend(dmarc.errors)
        elif isinstance(auth, _TaskError):
            errors.append(f"SPF/DMARC check failed: {auth.message}")
            spf_state = "error"
        mx: list[MxResult] = []
        for domain in mplan.mx_domains:
            item = _get(results, ("mx", domain), MxResult, errors)
            if item is not None:
                mx.append(item)
                errors.extend(item.errors)
        mx_state = NOT_CHECKED if offline else ("done" if len(mx) == len(mplan.mx_domains) else missing)
        dbl: list[DnsblResult] = []
        for domain in mplan.dbl_domains:
            for zone in plan.dnsbl.domain:
                item = _get(results, ("dbl", domain, zone.zone), DnsblResult, errors)
                if item is not None:
                    dbl.append(item)
        if final and not offline:
            errors.extend(_timeouts(mplan, relays, spf_state, mx_state))
        abroad, country = _abroad(relays, mplan.claimed_origin)
        report = DnsReport(mplan.source, not offline, tuple(relays), spf, spf_state, dmarc, tuple(mx),
                           mx_state, tuple(dbl), abroad, country, source_info, (),
                           tuple(dict.fromkeys(errors)), final)
        reports.append(_with_findings(report, plan.options.home_country))
    return reports


def _get(results: dict[TaskKey, Any], key: TaskKey, kind: type, errors: list[str]) -> Any:
    value = results.get(key)
    if isinstance(value, _TaskError):
        errors.append(f"{'/'.join(key)}: check failed: {value.message}")
        return None
    return value if isinstance(value, kind) else None


def _with_header(ptr: PtrResult, header: str) -> PtrResult:
    return replace(ptr, header_rdns=header, header_mismatch=header_mismatch(header, ptr.names))


def _timeouts(mplan: MessagePlan, relays: list[RelayCheck], spf_state: str, mx_state: str) -> list[str]:
    out: list[str] = []
    for relay in relays:
        if relay.ptr is None:
            out.append(f"PTR of {relay.ip}: timed out (overall deadline)")
        for zone in relay.dnsbl_pending:
            out.append(f"{zone} for {relay.ip}: timed out (overall deadline)")
    if spf_state == TIMED_OUT:
        out.append("SPF/DMARC: timed out (overall deadline)")
    if mx_state == TIMED_OUT:
        out.append("MX: timed out (overall deadline)")
    return out


def _abroad(relays: list[RelayCheck], claimed: str | None) -> tuple[bool | None, str | None]:
    ordered = [r for r in relays if r.handoff] + [r for r in relays if r.ip == claimed and not r.handoff]
    for relay in ordered:
        if relay.geo is not None and relay.geo.abroad is not None:
            return relay.geo.abroad, relay.geo.country
    return None, None


def _with_findings(report: DnsReport, home: str) -> DnsReport:
    items: list[Finding] = []
    if not report.checked:
        items.append(finding("dns_not_checked", "info"))
    for relay in report.relays:
        if relay.ptr is not None and relay.ptr.status in ("ok", "nxdomain", "nodata"):
            if not relay.ptr.names:
                items.append(finding("dns_relay_no_ptr", "warning", ip=relay.ip, hop=relay.hop))
            elif relay.ptr.fcrdns is False:
                items.append(finding("dns_relay_fcrdns_fail", "warning", ip=relay.ip, ptr=relay.ptr.ptr))
            if relay.header_mismatch:
                items.append(finding("dns_rdns_changed", "info", ip=relay.ip, header=relay.header_rdns,
                                     now=relay.ptr.ptr or ""))
        for item in relay.dnsbl:
            if item.listed:
                items.append(finding("dns_relay_listed", "critical", ip=relay.ip, zone=item.zone,
                                     list=item.name, meaning=item.meaning, codes=list(item.codes)))
            elif item.refused:
                items.append(finding("dns_query_refused", "warning", zone=item.zone, meaning=item.meaning))
        if relay.handoff and relay.geo is not None and relay.geo.abroad:
            items.append(finding("dns_relay_abroad", "info", ip=relay.ip, country=relay.geo.country,
                                 country_name=relay.geo.country_name or relay.geo.country,
                                 asn_org=relay.geo.asn_org or "", home=home))
    spf = report.spf
    if spf is not None and spf.result in ("fail", "softfail", "none", "permerror", "temperror", "neutral"):
        severity = "warning" if spf.result in ("fail", "softfail", "permerror") else "info"
        items.append(finding(f"dns_spf_{spf.result}", severity, domain=spf.domain or "", ip=spf.ip or "",
                             explanation=spf.explanation))
    dmarc = report.dmarc
    if dmarc is not None and dmarc.domain:
        if dmarc.record is None and dmarc.status == "none":
            items.append(finding("dns_dmarc_none", "info", domain=dmarc.domain))
        elif dmarc.record is not None and dmarc.aligned is False:
            items.append(finding("dns_dmarc_not_aligned", "warning", domain=dmarc.domain,
                                 policy=dmarc.policy or "none"))
    for mx in report.mx:
        if mx.exists is False:
            if mx.lookalike_of:
                items.append(finding("dns_domain_lookalike", "critical", domain=mx.domain,
                                     of=mx.lookalike_of))
            else:
                items.append(finding("dns_domain_nxdomain", "critical", domain=mx.domain))
        elif mx.null_mx:
            items.append(finding("dns_domain_null_mx", "warning", domain=mx.domain))
        elif mx.exists and not mx.hosts and mx.status == "no_mx":
            items.append(finding("dns_domain_no_mx", "warning", domain=mx.domain))
    for entry in report.domain_dnsbl:
        if entry.listed:
            items.append(finding("dns_domain_listed", "critical", domain=entry.subject, zone=entry.zone,
                                 list=entry.name, meaning=entry.meaning, codes=list(entry.codes)))
        elif entry.refused:
            items.append(finding("dns_query_refused", "warning", zone=entry.zone, meaning=entry.meaning))
    unique: dict[tuple[str, str], Finding] = {}
    for found in items:
        unique.setdefault((found.code, repr(sorted(found.params.items()))), found)
    return replace(report, findings=tuple(unique.values()))


# -- one call ----------------------------------------------------------------------------------------
def check_case(analyses: Sequence[MessageAnalysis], options: DnsOptions | None = None, *,
               client: DnsClient | None = None,
               on_result: Callable[[TaskKey, Any], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> list[DnsReport]:
    """Plan, run and assemble: one :class:`DnsReport` per message, within ``options.deadline``.

    ``client`` may be injected (its own deadline is then respected); otherwise one is built from
    ``options.resolver``. Never raises for DNS trouble.
    """
    options = options or DnsOptions()
    plan = plan_case(analyses, options)
    if client is None:
        try:
            resolver = make_resolver(options.resolver)
        except ValueError as exc:
            return [DnsReport(m.source, False, errors=(str(exc),), complete=True) for m in plan.messages]
        client = DnsClient(resolver, deadline=time.monotonic() + options.deadline, cancelled=cancelled)
    results = run_plan(plan, client, on_result)
    return assemble(plan, results, final=True)
