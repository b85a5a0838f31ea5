"""Block-list suggestion: one fixed sender domain with random local parts gives ``*@domain``.

The suggestion is refused (with a finding saying why) for free-mail and big providers
(``resources/profiles/big_providers.txt``), for the customer's own domain and for the domains of her
known-good mail (partners). It says whether the entry would match the envelope sender (Return-Path),
the From header, or both, on each sample. Registrable domains come from ``publicsuffixlist``.
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.utils import getaddresses, parseaddr
from functools import cache, lru_cache

from wizard.core.export.patterns import BlockPattern, PatternError, parse_pattern
from wizard.core.model import Finding, MessageAnalysis, finding
from wizard.core.profiles import load_big_providers

_WORDS = {
    "info", "news", "newsletter", "noreply", "no-reply", "support", "admin", "contact", "sales", "mail",
    "service", "office", "webmaster", "postmaster", "help", "notice", "notification", "account", "team",
    "hello", "billing", "order", "shop", "bounce", "bounces", "mailer-daemon", "return",
}
_VOWELS = set("aeiouy")


@cache
def _psl() -> object:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


@lru_cache(maxsize=4096)
def registrable_domain(domain: str) -> str:
    """The registrable domain (``mail.example.co.jp`` -> ``example.co.jp``); the input when unknown."""
    domain = domain.strip().rstrip(".").lower()
    if not domain:
        return domain
    try:
        found = _psl().privatesuffix(domain)  # type: ignore[attr-defined]
    except Exception:  # the library rejects odd input (IP literals, empty labels): keep the input
        found = None
    return str(found) if found else domain


def bare_address(value: str | None) -> str | None:
    """``Name <a@b>`` -> ``a@b`` (lower-cased domain); None when there is no address."""
    if value is None:
        return None
    _, addr = parseaddr(value)
    addr = addr.strip()
    if "@" not in addr:
        return None
    local, _, domain = addr.rpartition("@")
    return f"{local}@{domain.lower().rstrip('.')}"


def envelope_sender(analysis: MessageAnalysis) -> str | None:
    """The envelope sender: Return-Path, else the envelope-from recorded by the topmost hop that has one."""
    if analysis.return_path:
        return bare_address(analysis.return_path) or None
    for hop in analysis.hops:
        if hop.envfrom:
            return bare_address(hop.envfrom)
    return None


def from_address(analysis: MessageAnalysis) -> str | None:
    """The From header's address (bare)."""
    return bare_address(analysis.from_)


def looks_random(local: str) -> bool:
    """A heuristic: does this local part look machine-generated (``x8k2q9zt``, ``qwhrtkpl``)?"""
    lp = local.lower().split("+", 1)[0]
    if len(lp) < 6 or lp in _WORDS:
        return False
    letters = sum(c.isalpha() for c in lp)
    digits = sum(c.isdigit() for c in lp)
    if letters >= 2 and digits >= 2 and not re.fullmatch(r"[a-z]+[._-]?\d{2,4}", lp):
        return True
    if re.fullmatch(r"[0-9a-f]{10,}", lp):
        return True
    alpha = [c for c in lp if c.isalpha()]
    if len(alpha) >= 6:
        vowels = sum(c in _VOWELS for c in alpha)
        if vowels / len(alpha) < 0.2:
            return True
        if re.search(r"[bcdfghjklmnpqrstvwxz]{5,}", lp):
            return True
    return False


@dataclass(frozen=True, slots=True)
class SenderRow:
    """One sample's senders, for the pattern table."""

    source: str
    envelope: str | None
    from_addr: str | None
    domain: str | None
    """Registrable domain of the envelope sender (the From header's when there is no envelope)."""
    local_part: str | None
    random_local: bool


def sender_rows(analyses: Iterable[MessageAnalysis]) -> tuple[SenderRow, ...]:
    """The sender facts of every analysis, in order."""
    rows = []
    for a in analyses:
        env = envelope_sender(a)
        frm = from_address(a)
        addr = env or frm
        local, domain = (addr.rsplit("@", 1) if addr else (None, None))
        rows.append(SenderRow(a.source, env, frm, registrable_domain(domain) if domain else None, local,
                              looks_random(local) if local else False))
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class BlockSuggestion:
    """The proposed entries (empty when refused) and why."""

    patterns: tuple[str, ...]
    domain: str | None
    match_scope: str | None
    """``both``, ``envelope``, ``from`` or ``mixed``: which sender the entry matched on the samples."""
    matched: int
    total: int
    random_locals: int
    refused: bool
    findings: tuple[Finding, ...]
    rows: tuple[SenderRow, ...]


def _domain_in(domain: str, listed: Iterable[str]) -> str | None:
    reg = registrable_domain(domain)
    for item in listed:
        item = item.lower()
        if any(fnmatch.fnmatchcase(candidate, item) for candidate in (domain, reg)):
            return item
        if domain.endswith("." + item) or reg == item:
            return item
    return None


def own_domains_of(analyses: Iterable[MessageAnalysis], extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The customer's domains: the registrable domains the samples were addressed to, plus ``extra``."""
    out: list[str] = [registrable_domain(d) for d in extra if d.strip()]
    for a in analyses:
        for _, addr in getaddresses(list(a.to) + list(a.cc)):
            if "@" in addr:
                out.append(registrable_domain(addr.rsplit("@", 1)[1]))
    return tuple(dict.fromkeys(d for d in out if d))


def partner_domains_of(good: Iterable[MessageAnalysis]) -> tuple[str, ...]:
    """Registrable sender domains of known-good mail (envelope and From)."""
    out: list[str] = []
    for a in good:
        for addr in (envelope_sender(a), from_address(a)):
            if addr:
                out.append(registrable_domain(addr.rsplit("@", 1)[1]))
    return tuple(dict.fromkeys(d for d in out if d))


def check_entry(pattern: BlockPattern, own: Sequence[str] = (), partners: Sequence[str] = (),
                big_providers: Sequence[str] | None = None) -> tuple[Finding, ...]:
    """Hard warnings for one entry: big provider, the customer's own domain, a partner's domain."""
    big = load_big_providers() if big_providers is None else big_providers
    domain = pattern.base_domain
    out: list[Finding] = []
    hit = _domain_in(domain, big)
    if hit and pattern.kind != "address":
        out.append(finding("block_big_provider", "critical", pattern=pattern.text, domain=domain, listed=hit))
    hit = _domain_in(domain, own)
    if hit:
        out.append(finding("block_own_domain", "critical", pattern=pattern.text, domain=hit))
    hit = _domain_in(domain, partners)
    if hit:
        out.append(finding("block_partner_domain", "critical", pattern=pattern.text, domain=hit))
    return tuple(out)


def match_scope(pattern: BlockPattern, analysis: MessageAnalysis) -> str | None:
    """Which sender of ``analysis`` the pattern matches: ``both``, ``envelope``, ``from`` or None."""
    env = pattern.matches(envelope_sender(analysis))
    frm = pattern.matches(from_address(analysis))
    if env and frm:
        return "both"
    return "envelope" if env else "from" if frm else None


def suggest_block(spam: Sequence[MessageAnalysis], good: Sequence[MessageAnalysis] = (),
                  own_domains: Iterable[str] = (), big_providers: Sequence[str] | None = None
                  ) -> BlockSuggestion:
    """Propose ``*@domain`` for the one sender domain most spam samples share, or say why not."""
    rows = sender_rows(spam)
    total = len(rows)
    findings: list[Finding] = []
    counts: Counter[str] = Counter()
    for a in spam:
        doms = {registrable_domain(addr.rsplit("@", 1)[1])
                for addr in (envelope_sender(a), from_address(a)) if addr}
        counts.update(doms)
    if not counts:
        findings.append(finding("block_no_sender", "info", samples=total))
        return BlockSuggestion((), None, None, 0, total, 0, True, tuple(findings), rows)
    domain, count = counts.most_common(1)[0]
    exact: Counter[str] = Counter()
    for a in spam:
        for addr in (envelope_sender(a), from_address(a)):
            if addr and registrable_domain(addr.rsplit("@", 1)[1]) == domain:
                exact[addr.rsplit("@", 1)[1]] += 1
    locals_at = [r.local_part for r in rows if r.domain == domain and r.local_part]
    random_count = sum(looks_random(lp) for lp in locals_at)
    distinct = len(set(locals_at))
    patterns = [f"*@{d}" for d in sorted(exact)] if len(exact) <= 3 else [f"*@{domain}", f"*@*.{domain}"]
    parsed: list[BlockPattern] = []
    for text in patterns:
        try:
            parsed.append(parse_pattern(text))
        except PatternError as exc:  # a sender domain no filter could take (garbage in the headers)
            findings.append(finding("block_domain_invalid", "warning", domain=domain[:80], reason=exc.reason))
    patterns = [p.text for p in parsed]

    if count < total:
        findings.append(finding("block_domain_not_fixed", "warning", domain=domain, matched=count,
                                total=total, others=", ".join(sorted(d for d in counts if d != domain)[:10])))
    if total == 1:
        findings.append(finding("block_single_sample", "info", domain=domain))
    if locals_at and random_count == 0 and distinct < 2:
        findings.append(finding("block_local_not_random", "info", domain=domain))

    big = load_big_providers() if big_providers is None else big_providers
    own = tuple(own_domains) + own_domains_of(spam)
    partners = partner_domains_of(good)
    refusals: list[Finding] = []
    for pat in parsed:
        refusals.extend(f for f in check_entry(pat, own, partners, big) if f not in refusals)
    refused = bool(refusals) or not parsed
    findings.extend(refusals)

    scopes = set()
    matched = 0
    for a in spam:
        hit_scopes = {s for p in parsed if (s := match_scope(p, a))}
        if hit_scopes:
            matched += 1
            scopes.add("both" if "both" in hit_scopes or hit_scopes == {"envelope", "from"}
                       else hit_scopes.pop())
    scope = scopes.pop() if len(scopes) == 1 else ("mixed" if scopes else None)
    if scope in ("envelope", "from", "mixed"):
        findings.append(finding("block_scope_partial", "warning", domain=domain, scope=scope))
    if not refused:
        findings.append(finding("block_suggested", "info", pattern=", ".join(patterns), domain=domain,
                                matched=matched, total=total, random_locals=random_count, scope=scope))
    return BlockSuggestion(() if refused else tuple(patterns), domain, scope, matched, total, random_count,
                           refused, tuple(findings), rows)
