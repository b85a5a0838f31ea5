"""What the filter will really do to these very samples, before anyone changes a setting.

For each sample (spam and known-good) and a choice of block-list entries, action and sensitivity, the
simulation gives the spam score (the one the server wrote into ``X-Spam-Status`` when present, otherwise
an estimate marked ``score_estimated``), the block-list effect (points added, SMTP reject or discard) and
the outcome the customer sees: ``inbox``, ``tagged``, ``folder``, ``deleted`` or ``rejected``.

Findings: ``blocklist_without_action`` (the post's mistake: entries raise scores but the customer sees
nothing), ``false_positive_risk`` (known-good mail would be caught), and the post's cautions for the
chosen action (``spam_folder_webmail_only``, ``false_positives_possible``, ``sensitivity_adjustable``,
``deleted_mail_unrecoverable`` ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from wizard.core.blocksuggest import (
    check_entry,
    envelope_sender,
    from_address,
    looks_random,
    own_domains_of,
    partner_domains_of,
    registrable_domain,
)
from wizard.core.export.patterns import BlockPattern, PatternError, parse_pattern
from wizard.core.model import Finding, JsonValue, MessageAnalysis, finding
from wizard.core.profiles import Profile

OUTCOMES = ("inbox", "tagged", "folder", "deleted", "rejected")
_BLOCK_RULES = {"USER_IN_BLOCKLIST", "USER_IN_BLACKLIST"}
_ACTION_OUTCOME = {"deliver": "inbox", "tag": "tagged", "folder": "folder", "delete": "deleted",
                   "reject": "rejected"}


@dataclass(frozen=True, slots=True)
class SimSample:
    """A sample as the simulation sees it: its analysis and whether it is spam or known-good mail."""

    analysis: MessageAnalysis
    kind: str = "spam"


@dataclass(frozen=True, slots=True)
class ScoreEstimate:
    """The sample's score before the new entries, and where it came from."""

    score: float
    estimated: bool
    basis: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SimResult:
    """One row of the matrix."""

    source: str
    kind: str
    base_score: float
    score: float
    score_estimated: bool
    estimate_basis: tuple[str, ...]
    blocklist_hit: bool
    matched_entries: tuple[str, ...]
    matched_on: tuple[str, ...]
    block_points: float
    threshold: float | None
    outcome: str
    folder: str | None
    outcome_without_entries: str

    def to_json(self) -> dict[str, JsonValue]:
        """The CLI contract (``source``, ``score``, ``blocklist_hit``, ``outcome``, ``folder``) + extras."""
        return {
            "source": self.source,
            "score": round(self.score, 3),
            "blocklist_hit": self.blocklist_hit,
            "outcome": self.outcome,
            "folder": self.folder,
            "score_estimated": self.score_estimated,
            "kind": self.kind,
            "base_score": round(self.base_score, 3),
            "matched_entries": list(self.matched_entries),
            "matched_on": list(self.matched_on),
            "threshold": self.threshold,
        }


@dataclass(frozen=True, slots=True)
class SimReport:
    """Every row for one combination of entries, action and sensitivity, and the findings."""

    profile: str
    entries: tuple[str, ...]
    action: str
    sensitivity: str | None
    threshold: float | None
    results: tuple[SimResult, ...]
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, JsonValue]:
        """``{"results": [...], "findings": [...]}`` as the ``simulate`` command prints it."""
        return {"results": [r.to_json() for r in self.results],
                "findings": [f.to_json() for f in self.findings]}


def estimate_score(analysis: MessageAnalysis) -> ScoreEstimate:
    """The server's score from ``X-Spam-Status`` when present; otherwise a rough header-based estimate."""
    spam = analysis.spam
    if spam.score is not None:
        return ScoreEstimate(float(spam.score), False, ("x_spam_status",))
    basis: list[str] = []
    if spam.flag is True:
        return ScoreEstimate(float(spam.required or 5.0) + 1.0, True, ("x_spam_flag",))
    scl = analysis.header("X-MS-Exchange-Organization-SCL")
    if scl is not None and scl.strip().lstrip("-").isdigit():
        value = int(scl.strip())
        return ScoreEstimate(6.0 if value >= 5 else 0.0, True, ("ms_scl",))
    score = 0.0
    env, frm = envelope_sender(analysis), from_address(analysis)
    if env and frm and registrable_domain(env.rsplit("@", 1)[1]) != registrable_domain(frm.rsplit("@", 1)[1]):
        score += 1.5
        basis.append("return_path_mismatch")
    sender = env or frm
    if sender and looks_random(sender.rsplit("@", 1)[0]):
        score += 1.0
        basis.append("random_local_part")
    spf = (analysis.auth_results.spf or "").lower()
    if spf in ("fail", "softfail"):
        score += 1.0
        basis.append("spf_" + spf)
    dkim = (analysis.auth_results.dkim or "").lower()
    if dkim in ("fail", "none") or (not dkim and not analysis.dkim_domains):
        score += 0.5
        basis.append("no_valid_dkim")
    if not analysis.message_id:
        score += 0.8
        basis.append("no_message_id")
    if not basis:
        basis.append("no_signals")
    return ScoreEstimate(round(score, 2), True, tuple(basis))


def _outcome(profile: Profile, action: str, threshold: float | None, score: float,
             hit: bool) -> tuple[str, str | None]:
    effect = profile.blocklist.effect
    if hit and effect == "reject":
        return "rejected", None
    if hit and effect == "discard":
        return "deleted", None
    if threshold is None or score < threshold:
        return "inbox", None
    outcome = _ACTION_OUTCOME.get(action, "inbox")
    return outcome, (profile.folder_name if outcome == "folder" else None)


def _parse_entries(entries: Iterable[str | BlockPattern]) -> tuple[list[BlockPattern], list[Finding]]:
    patterns: list[BlockPattern] = []
    problems: list[Finding] = []
    for entry in entries:
        if isinstance(entry, BlockPattern):
            pat = entry
        else:
            try:
                pat = parse_pattern(entry)
            except PatternError as exc:
                problems.append(finding("pattern_refused", "warning", pattern=exc.text[:80],
                                        reason=exc.reason))
                continue
        if all(p.text != pat.text for p in patterns):
            patterns.append(pat)
    return patterns, problems


def cautions(profile: Profile, action: str) -> tuple[Finding, ...]:
    """The post's cautions for ``action`` on this profile (shown next to the chosen action)."""
    out: list[Finding] = []
    if action in ("tag", "folder", "delete", "reject"):
        out.append(finding("false_positives_possible", "warning", action=action))
    if action == "folder":
        if profile.folder_visible_in == "webmail":
            out.append(finding("spam_folder_webmail_only", "warning", folder=profile.folder_name))
        else:
            out.append(finding("spam_folder_check_regularly", "info", folder=profile.folder_name))
    if action == "delete":
        out.append(finding("deleted_mail_unrecoverable", "critical"))
    if action == "reject":
        out.append(finding("rejected_mail_bounces", "warning"))
    if action == "tag":
        out.append(finding("tag_needs_client_rule", "info", tag=profile.tag_text))
    if action != "deliver" and profile.sensitivity_adjustable:
        out.append(finding("sensitivity_adjustable", "info"))
    if action == "deliver" and profile.score_based:
        out.append(finding("deliver_only_marks", "info"))
    return tuple(out)


def simulate(samples: Sequence[SimSample], profile: Profile, entries: Iterable[str | BlockPattern] = (),
             action: str | None = None, sensitivity: str | None = None,
             own_domains: Iterable[str] = ()) -> SimReport:
    """Simulate one combination. Unknown action / sensitivity fall back to the profile's defaults with a
    finding (never raised)."""
    findings: list[Finding] = []
    patterns, problems = _parse_entries(entries)
    findings.extend(problems)
    chosen = action or profile.default_action
    if chosen not in profile.actions:
        findings.append(finding("action_not_offered", "critical", action=chosen, profile=profile.name,
                                offered=", ".join(profile.actions)))
        chosen = profile.default_action
    level = profile.level(sensitivity)
    if sensitivity and level is None:
        findings.append(finding("sensitivity_unknown", "warning", sensitivity=sensitivity,
                                levels=", ".join(lv.name for lv in profile.levels)))
        level = profile.level(None)
    threshold = level.threshold if level else None

    spam_analyses = [s.analysis for s in samples if s.kind != "good"]
    good_analyses = [s.analysis for s in samples if s.kind == "good"]
    own = tuple(own_domains) + own_domains_of(spam_analyses)
    partners = partner_domains_of(good_analyses)
    for pat in patterns:
        findings.extend(check_entry(pat, own, partners))

    results: list[SimResult] = []
    scope = profile.blocklist.matches
    for sample in samples:
        a = sample.analysis
        est = estimate_score(a)
        env, frm = envelope_sender(a), from_address(a)
        matched: list[str] = []
        matched_on: set[str] = set()
        scope_only: set[str] = set()
        for pat in patterns:
            on_env, on_from = pat.matches(env), pat.matches(frm)
            counted = (scope in ("envelope", "both") and on_env) or (scope in ("from", "both") and on_from)
            if counted:
                matched.append(pat.text)
                if on_env and scope in ("envelope", "both"):
                    matched_on.add("envelope")
                if on_from and scope in ("from", "both"):
                    matched_on.add("from")
            elif on_env or on_from:
                scope_only.add(pat.text)
        for text in sorted(scope_only):
            findings.append(finding("blocklist_scope_mismatch", "warning", source=a.source, pattern=text,
                                    compares=scope))
        hit = bool(matched)
        points = 0.0
        if hit and profile.blocklist.effect == "score":
            already = bool(_BLOCK_RULES & {t.upper() for t in a.spam.tests})
            points = 0.0 if already else profile.blocklist.points
        score = est.score + points
        outcome, folder = _outcome(profile, chosen, threshold, score, hit)
        before, _ = _outcome(profile, chosen, threshold, est.score, False)
        results.append(SimResult(a.source, sample.kind, est.score, score, est.estimated, est.basis, hit,
                                 tuple(matched), tuple(sorted(matched_on)), points, threshold, outcome,
                                 folder, before))

    hits = [r for r in results if r.blocklist_hit]
    if patterns and profile.score_based and (chosen == "deliver" or threshold is None
                                             or (hits and all(r.outcome == "inbox" for r in hits))):
        findings.append(finding("blocklist_without_action", "critical", action=chosen,
                                points=profile.blocklist.points, hits=len(hits),
                                entries=", ".join(p.text for p in patterns)))
    if patterns and samples:
        for pat in patterns:
            if not any(pat.text in r.matched_entries for r in results if r.kind != "good"):
                findings.append(finding("blocklist_no_match", "warning", pattern=pat.text))
    if patterns and profile.blocklist.effect == "reject":
        findings.append(finding("blocklist_rejects_at_smtp", "info", compares=scope))
    for r in results:
        if r.kind == "good" and r.outcome != "inbox":
            severity = "critical" if r.outcome in ("deleted", "rejected") else "warning"
            findings.append(finding("false_positive_risk", severity, source=r.source, outcome=r.outcome,
                                    reason="blocklist" if r.blocklist_hit else "score",
                                    score=round(r.score, 2)))
    if any(r.score_estimated for r in results):
        findings.append(finding("score_estimated", "info",
                                sources=", ".join([r.source for r in results if r.score_estimated][:20])))
    findings.extend(cautions(profile, chosen))
    return SimReport(profile.name, tuple(p.text for p in patterns), chosen, level.name if level else None,
                     threshold, tuple(results), tuple(findings))


def simulate_all(samples: Sequence[SimSample], profile: Profile, entries: Iterable[str | BlockPattern] = (),
                 own_domains: Iterable[str] = ()) -> dict[tuple[str, str | None], SimReport]:
    """Every combination of the profile's actions and sensitivity levels for these entries."""
    entry_list = list(entries)
    levels: list[str | None] = [lv.name for lv in profile.levels] or [None]
    return {(act, lvl): simulate(samples, profile, entry_list, act, lvl, own_domains)
            for act in profile.actions for lvl in levels}


def summary_counts(report: SimReport) -> dict[str, Any]:
    """Outcome counts per kind, e.g. ``{"spam": {"folder": 6}, "good": {"inbox": 2}}``."""
    out: dict[str, dict[str, int]] = {}
    for r in report.results:
        bucket = out.setdefault(r.kind, {})
        bucket[r.outcome] = bucket.get(r.outcome, 0) + 1
    return dict(out)
