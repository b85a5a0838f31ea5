"""Training scenarios: load, validate, play a trainee's actions, and score them against a rubric.

A scenario (``resources/scenarios/<id>.json``, format documented in ``resources/scenarios/README.md``)
holds a persona and opening line, the samples (files of mail headers), log excerpts, an account list,
the filter profile and its hidden semantics, scripted customer replies keyed to the trainee's actions,
the calls of the case, and a rubric of critical actions with points and explanations.

A *run* is the ordered list of the trainee's actions (``Action(name, arg)``), from the practice UI or an
answers file. :func:`play` replays it: the customer's replies in order (the transcript), the final state
(what was deleted, blocked, which action and sensitivity), and each rubric item judged. Rubric items that
depend on what the filter really does are judged by the same core the wizard uses (:mod:`filtersim`), so
"block list + deliver" loses its points because the simulation says nothing changes for the customer,
not because a scenario author said so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.core.model import JsonValue

FORMAT_TAG = "spam-wizard-scenario"
FORMAT_VERSION = 1

ACTIONS: dict[str, str] = {
    # talking to the customer
    "ask_headers": "Ask the customer to send the headers of a spam",
    "ask_mail_client": "Ask which mail program the customer uses",
    "guide_headers": "Guide the customer to show and copy the headers",
    "ask_since_when": "Ask since when the spam arrives",
    "ask_customer_ip": "Ask for the customer's IP address / PC name",
    # analysis
    "trace_origin": "Trace the Received chain bottom-up",
    "check_log": "Check the server's delivery log for these messages",
    "check_dns": "Check block lists / SPF / DMARC of the sender",
    "conclude_origin": "State where the mail came from (arg: external | customer | account)",
    # step 3: the address to delete
    "review_recipients": "Review which addresses the spam targets",
    "mark_departed": "Mark an address as belonging to someone who left (arg: address)",
    "delete_address": "Have the customer delete an address (arg: address)",
    "check_address": "Compare the address the customer typed with the registered one",
    "read_back_address": "Read the registered address back letter by letter",
    "check_cert": "Check the control panel's certificate",
    "guide_cert_warning": "Guide the customer past the browser's certificate warning",
    "suggest_other_device": "Suggest trying another device (smartphone / other PC)",
    "agree_callback": "Agree to continue in a later call",
    # steps 4-5: block list and action
    "review_senders": "Review the sender pattern across samples",
    "block": "Add a block-list entry (arg: pattern such as *@domain)",
    "simulate": "Simulate what the filter will do to the samples",
    "set_action": "Choose the action for spam (arg: deliver | tag | folder | delete | reject)",
    "set_sensitivity": "Choose the sensitivity level (arg: level name)",
    "warn_false_positives": "Warn that good mail can be caught (check the spam folder)",
    "warn_webmail_only": "Explain the spam folder is only visible in webmail",
    "explain_sensitivity": "Explain the sensitivity can be tuned",
    "whitelist": "Add an allow-list entry for a legitimate sender (arg: pattern)",
    # customer-sent branch
    "advise_password_change": "Have the customer change the mail password",
    "advise_malware_scan": "Have the customer run a malware scan on the PC",
    "check_submission_log": "Check the submission (authenticated sending) log",
    "explain_backscatter": "Explain bounces for mail the customer never sent (forged sender)",
    "advise_spf_dmarc": "Advise publishing SPF / DMARC for the customer's domain",
    # follow-up
    "verify_log": "Verify in the delivery log what happened after the change",
    "schedule_followup": "Agree when to check again",
    "write_case_note": "Write the case note for the ticket",
    "next_call": "The case continues in the next call",
}
"""Every action a trainee can take, with the sentence the practice UI shows for it."""

ACTIONS_WITH_ARG = {"mark_departed", "delete_address", "block", "set_action", "set_sensitivity",
                    "conclude_origin", "whitelist"}
_CONDITION_KEYS = {"done", "not_done", "before", "all", "any", "not", "final", "sim"}


class ScenarioError(ValueError):
    """A scenario file that cannot be used; ``issues`` lists every problem with its place."""

    def __init__(self, source: str, issues: Sequence[str]) -> None:
        super().__init__(f"{source}: " + "; ".join(issues))
        self.source = source
        self.issues = tuple(issues)


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the trainee did."""

    name: str
    arg: str | None = None

    def to_json(self) -> dict[str, JsonValue]:
        """``{"do": name, "arg": arg}``."""
        return {"do": self.name, "arg": self.arg}


@dataclass(frozen=True, slots=True)
class Reply:
    """A scripted customer line, said when the trainee does ``on`` (optionally with a matching arg)."""

    on: str
    text: Mapping[str, str]
    arg: str | None = None
    call: int | None = None
    once: bool = True


@dataclass(frozen=True, slots=True)
class Call:
    """One phone call of the case."""

    number: int
    when: Mapping[str, str]
    opening: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class RubricItem:
    """A critical action with its points, the condition that earns them and why it matters."""

    id: str
    points: int
    condition: Mapping[str, Any]
    why: Mapping[str, str]
    title: Mapping[str, str]
    lesson: bool = False
    """True where the post's closing lesson (verify real behaviour) applies when the item is missed."""


@dataclass(frozen=True, slots=True)
class Scenario:
    """A validated training scenario."""

    id: str
    title: Mapping[str, str]
    summary: Mapping[str, str]
    persona: Mapping[str, Any]
    samples: tuple[tuple[str, str, str], ...]
    """``(name, text, kind)`` for each sample; kind is ``spam`` or ``good``."""
    logs: tuple[tuple[str, str], ...]
    accounts_csv: str | None
    profile: str
    hidden: Mapping[str, Any]
    calls: tuple[Call, ...]
    replies: tuple[Reply, ...]
    rubric: tuple[RubricItem, ...]
    ideal: tuple[Action, ...]
    wrong_paths: Mapping[str, tuple[Action, ...]]
    wrong_path_losses: Mapping[str, tuple[str, ...]]
    """For each wrong path, the rubric items it must lose (checked by the tests)."""
    initial: Mapping[str, Any] = field(default_factory=dict)
    """The filter settings the customer has when the case starts (``action``, ``sensitivity``,
    ``block_entries``)."""
    source: str = ""

    @property
    def max_score(self) -> int:
        """Sum of all rubric points."""
        return sum(item.points for item in self.rubric)


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One rubric item judged."""

    id: str
    points: int
    max: int
    passed: bool
    why: str

    def to_json(self) -> dict[str, JsonValue]:
        """``{"id", "points", "max", "passed", "why"}``."""
        return {"id": self.id, "points": self.points, "max": self.max, "passed": self.passed, "why": self.why}


@dataclass(frozen=True, slots=True)
class FinalState:
    """What the case looks like after the run."""

    deleted: tuple[str, ...] = ()
    departed: tuple[str, ...] = ()
    block_entries: tuple[str, ...] = ()
    allow_entries: tuple[str, ...] = ()
    action: str | None = None
    sensitivity: str | None = None
    conclusion: str | None = None
    call: int = 1


@dataclass(frozen=True, slots=True)
class PlayResult:
    """The judged run: score, items, the customer's lines in order, and the final state."""

    scenario: str
    score: int
    max_score: int
    items: tuple[ItemResult, ...]
    transcript: tuple[tuple[str, str], ...]
    """``(speaker, text)`` pairs: ``customer`` lines and ``trainee`` actions, in the chosen language."""
    state: FinalState
    lesson: str | None = None
    sim_findings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, JsonValue]:
        """The ``scenario play --json`` contract: ``{"scenario", "score", "max_score", "items"}``."""
        return {"scenario": self.scenario, "score": self.score, "max_score": self.max_score,
                "items": [i.to_json() for i in self.items]}


LESSON = {
    "ja": "実際の挙動を確かめずに「こう動くはずだ」と思い込まないこと。設定の前にシミュレーションで、"
          "設定の後に配送記録で、本当に起きたことを確かめましょう。",
    "en": "Never assume how a setting behaves: check what it really does, with the simulation before the "
          "change and with the delivery log after it.",
}


# -- loading and validation ---------------------------------------------------------------------------
def _texts(value: Any, where: str, issues: list[str], required: bool = True) -> dict[str, str]:
    if value is None and not required:
        return {}
    if isinstance(value, str):
        return {"ja": value, "en": value}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        issues.append(f"{where}: expected a text or an object {{\"ja\": ..., \"en\": ...}}")
        return {}
    if required and not ({"ja", "en"} <= set(value)):
        issues.append(f"{where}: needs both \"ja\" and \"en\"")
    return dict(value)


def _validate_condition(cond: Any, where: str, issues: list[str]) -> None:
    if not isinstance(cond, dict):
        issues.append(f"{where}: a condition must be an object")
        return
    keys = set(cond) & _CONDITION_KEYS
    if len(keys) != 1:
        issues.append(f"{where}: a condition needs exactly one of {sorted(_CONDITION_KEYS)}")
        return
    key = keys.pop()
    value = cond[key]
    if key in ("done", "not_done"):
        if value not in ACTIONS:
            issues.append(f"{where}.{key}: unknown action {value!r}")
        for extra in set(cond) - {key, "arg", "arg_matches", "call"}:
            issues.append(f"{where}: unknown key {extra!r}")
        if "arg_matches" in cond:
            try:
                re.compile(str(cond["arg_matches"]))
            except re.error as exc:
                issues.append(f"{where}.arg_matches: bad regular expression ({exc})")
    elif key == "before":
        if not (isinstance(value, list) and len(value) == 2 and all(v in ACTIONS for v in value)):
            issues.append(f"{where}.before: expects [first_action, later_action] with known actions")
    elif key in ("all", "any"):
        if not isinstance(value, list) or not value:
            issues.append(f"{where}.{key}: expects a non-empty list of conditions")
        else:
            for i, sub in enumerate(value):
                _validate_condition(sub, f"{where}.{key}[{i}]", issues)
    elif key == "not":
        _validate_condition(value, f"{where}.not", issues)
    elif key == "final":
        allowed = {"action", "sensitivity", "deleted", "blocked", "conclusion", "not_blocked"}
        if not isinstance(value, dict) or not set(value) <= allowed:
            issues.append(f"{where}.final: expects an object with keys from {sorted(allowed)}")
    elif key == "sim":
        allowed = {"finding_absent", "finding_present", "spam_outcome_in", "good_outcome_in"}
        if not isinstance(value, dict) or not set(value) <= allowed:
            issues.append(f"{where}.sim: expects an object with keys from {sorted(allowed)}")


def _actions(value: Any, where: str, issues: list[str]) -> tuple[Action, ...]:
    try:
        actions = parse_actions(value)
    except ValueError as exc:
        issues.append(f"{where}: {exc}")
        return ()
    return actions


def parse_scenario(data: Any, source: str, base: Path | None = None) -> Scenario:
    """Validate a decoded scenario document. Raises :class:`ScenarioError` listing every problem."""
    issues: list[str] = []
    if not isinstance(data, dict):
        raise ScenarioError(source, ["the file must hold one JSON object"])
    if data.get("format") != FORMAT_TAG:
        issues.append(f"format: expected {FORMAT_TAG!r}")
    if data.get("version") != FORMAT_VERSION:
        issues.append(f"version: expected {FORMAT_VERSION}")
    sid = data.get("id")
    if not isinstance(sid, str) or not re.fullmatch(r"[a-z0-9_]{1,64}", sid):
        issues.append("id: lower-case letters, digits and _ only")
        sid = "invalid"
    title = _texts(data.get("title"), "title", issues)
    summary = _texts(data.get("summary"), "summary", issues)
    persona = data.get("persona")
    if not isinstance(persona, dict):
        issues.append("persona: expected an object with name and opening")
        persona = {}
    else:
        _texts(persona.get("name"), "persona.name", issues)
        _texts(persona.get("opening"), "persona.opening", issues)
    samples: list[tuple[str, str, str]] = []
    raw_samples = data.get("samples")
    if not isinstance(raw_samples, list) or not raw_samples:
        issues.append("samples: at least one sample is needed")
        raw_samples = []
    for i, item in enumerate(raw_samples):
        where = f"samples[{i}]"
        if not isinstance(item, dict):
            issues.append(f"{where}: expected an object with file or text")
            continue
        kind = item.get("kind", "spam")
        if kind not in ("spam", "good"):
            issues.append(f"{where}.kind: spam or good")
        text = _read_text(item, where, base, issues)
        if text is not None:
            samples.append((str(item.get("name") or item.get("file") or f"sample{i + 1}"), text, kind))
    logs: list[tuple[str, str]] = []
    for i, item in enumerate(data.get("logs") or []):
        text = _read_text(item, f"logs[{i}]", base, issues) if isinstance(item, dict) else None
        if text is not None:
            logs.append((str(item.get("name") or item.get("file") or f"log{i + 1}"), text))
    accounts = None
    if data.get("accounts") is not None:
        accounts = _read_text(data["accounts"], "accounts", base, issues) \
            if isinstance(data["accounts"], dict) else None
    profile = data.get("profile", "hosting_provider")
    if not isinstance(profile, str):
        issues.append("profile: expected a profile name")
        profile = "hosting_provider"
    hidden = data.get("hidden") or {}
    if not isinstance(hidden, dict):
        issues.append("hidden: expected an object")
        hidden = {}
    calls: list[Call] = []
    for i, item in enumerate(data.get("calls") or []):
        if not isinstance(item, dict):
            issues.append(f"calls[{i}]: expected an object")
            continue
        calls.append(Call(i + 1, _texts(item.get("when"), f"calls[{i}].when", issues),
                          _texts(item.get("opening"), f"calls[{i}].opening", issues)))
    if not calls:
        issues.append("calls: at least one call is needed")
    replies: list[Reply] = []
    for i, item in enumerate(data.get("replies") or []):
        where = f"replies[{i}]"
        if not isinstance(item, dict) or item.get("on") not in ACTIONS:
            issues.append(f"{where}.on: must name a known action")
            continue
        replies.append(Reply(item["on"], _texts(item.get("say"), f"{where}.say", issues),
                             item.get("arg"), item.get("call"), bool(item.get("once", True))))
    rubric: list[RubricItem] = []
    seen: set[str] = set()
    for i, item in enumerate(data.get("rubric") or []):
        where = f"rubric[{i}]"
        if not isinstance(item, dict):
            issues.append(f"{where}: expected an object")
            continue
        rid = item.get("id")
        if not isinstance(rid, str) or not rid:
            issues.append(f"{where}.id: required")
            continue
        if rid in seen:
            issues.append(f"{where}.id: duplicate {rid!r}")
        seen.add(rid)
        points = item.get("points")
        if not isinstance(points, int) or points <= 0:
            issues.append(f"{where}.points: a positive whole number")
            points = 0
        _validate_condition(item.get("when"), f"{where}.when", issues)
        rubric.append(RubricItem(rid, points, item.get("when") or {},
                                 _texts(item.get("why"), f"{where}.why", issues),
                                 _texts(item.get("title"), f"{where}.title", issues),
                                 bool(item.get("lesson", False))))
    if not rubric:
        issues.append("rubric: at least one item is needed")
    ideal = _actions(data.get("ideal"), "ideal", issues)
    if not ideal:
        issues.append("ideal: the ideal path is required (it documents and tests the scenario)")
    wrong: dict[str, tuple[Action, ...]] = {}
    loses: dict[str, tuple[str, ...]] = {}
    for name, path in (data.get("wrong_paths") or {}).items():
        where = f"wrong_paths.{name}"
        if not isinstance(path, dict) or not isinstance(path.get("loses"), list):
            issues.append(f"{where}: expects {{\"actions\": [...], \"loses\": [rubric ids]}}")
            continue
        wrong[str(name)] = _actions(path.get("actions"), f"{where}.actions", issues)
        loses[str(name)] = tuple(str(x) for x in path["loses"])
        for rid in loses[str(name)]:
            if rid not in seen:
                issues.append(f"{where}.loses: {rid!r} is not a rubric id")
    initial = data.get("initial") or {}
    if not isinstance(initial, dict) or not set(initial) <= {"action", "sensitivity", "block_entries"}:
        issues.append("initial: expects an object with action, sensitivity and/or block_entries")
        initial = {}
    if issues:
        raise ScenarioError(source, issues)
    return Scenario(sid, title, summary, persona, tuple(samples), tuple(logs), accounts, profile, hidden,
                    tuple(calls), tuple(replies), tuple(rubric), ideal, wrong, loses, initial, source)


def _read_text(item: Mapping[str, Any], where: str, base: Path | None, issues: list[str]) -> str | None:
    if isinstance(item.get("text"), str):
        return str(item["text"])
    name = item.get("file")
    if not isinstance(name, str):
        issues.append(f"{where}: needs \"file\" or \"text\"")
        return None
    if base is None:
        issues.append(f"{where}: file references need the scenario's folder")
        return None
    path = (base / name).resolve()
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        issues.append(f"{where}.file: cannot read {name} ({exc.strerror or exc})")
        return None


def load_scenario(path: Path) -> Scenario:
    """Read and validate one scenario file. Raises :class:`ScenarioError` with a readable message."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScenarioError(str(path), [f"cannot read the file ({exc.strerror or exc})"]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScenarioError(str(path), [f"not valid UTF-8 JSON ({exc})"]) from None
    return parse_scenario(data, str(path), path.parent)


def scenario_dir() -> Path:
    """The shipped scenarios folder (``resources/scenarios``)."""
    from wizard.resources import resource_path

    return resource_path("scenarios")


def list_scenarios(directory: Path | None = None) -> tuple[Scenario, ...]:
    """Every valid scenario in the folder, sorted by id (invalid ones raise when loaded directly)."""
    folder = directory or scenario_dir()
    found = [load_scenario(p) for p in sorted(folder.glob("*.json"))]
    return tuple(sorted(found, key=lambda s: s.id))


def find_scenario(name: str, directory: Path | None = None) -> Scenario:
    """The scenario with this id, or a file path. Raises ``ScenarioError`` when there is none."""
    path = Path(name)
    if path.suffix == ".json" and path.exists():
        return load_scenario(path)
    folder = directory or scenario_dir()
    candidate = folder / f"{name}.json"
    if candidate.exists():
        return load_scenario(candidate)
    known = ", ".join(s.id for s in list_scenarios(folder))
    raise ScenarioError(name, [f"no such scenario (known: {known})"])


# -- answers -------------------------------------------------------------------------------------------
def parse_actions(value: Any) -> tuple[Action, ...]:
    """Actions from an answers document: a JSON list of ``{"do", "arg"}`` / ``"name arg"`` strings, or
    an object with ``"actions"``. Raises ``ValueError`` naming the first bad entry."""
    if isinstance(value, dict):
        value = value.get("actions")
    if not isinstance(value, list):
        raise ValueError("expected a list of actions")
    out: list[Action] = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            name, _, arg = item.strip().partition(" ")
            action = Action(name, arg.strip() or None)
        elif isinstance(item, dict) and isinstance(item.get("do"), str):
            arg_value = item.get("arg")
            action = Action(item["do"], None if arg_value is None else str(arg_value))
        else:
            raise ValueError(f"action {i + 1}: expected \"name arg\" or {{\"do\": name, \"arg\": ...}}")
        if action.name not in ACTIONS:
            raise ValueError(f"action {i + 1}: unknown action {action.name!r}")
        if action.name in ACTIONS_WITH_ARG and not action.arg:
            raise ValueError(f"action {i + 1}: {action.name} needs an argument")
        out.append(action)
    return tuple(out)


def parse_answers_text(text: str) -> tuple[Action, ...]:
    """An answers file: JSON (see :func:`parse_actions`) or one ``name [arg]`` per line (# comments)."""
    stripped = text.strip()
    if stripped.startswith(("[", "{")):
        try:
            return parse_actions(json.loads(stripped))
        except json.JSONDecodeError as exc:
            raise ValueError(f"answers file is not valid JSON ({exc})") from None
    lines = [ln.split("#", 1)[0].strip() for ln in text.splitlines()]
    return parse_actions([ln for ln in lines if ln])


# -- playing --------------------------------------------------------------------------------------------
def _state_after(actions: Sequence[Action], initial: Mapping[str, Any] | None = None) -> FinalState:
    start = initial or {}
    deleted: list[str] = []
    departed: list[str] = []
    blocked: list[str] = [str(b) for b in start.get("block_entries", [])]
    allowed: list[str] = []
    action: str | None = start.get("action")
    sensitivity: str | None = start.get("sensitivity")
    conclusion: str | None = None
    call = 1
    for act in actions:
        arg = act.arg or ""
        if act.name == "delete_address" and arg.lower() not in deleted:
            deleted.append(arg.lower())
        elif act.name == "mark_departed" and arg.lower() not in departed:
            departed.append(arg.lower())
        elif act.name == "block" and arg not in blocked:
            blocked.append(arg)
        elif act.name == "whitelist" and arg not in allowed:
            allowed.append(arg)
        elif act.name == "set_action":
            action = arg
        elif act.name == "set_sensitivity":
            sensitivity = arg
        elif act.name == "conclude_origin":
            conclusion = arg
        elif act.name == "next_call":
            call += 1
    return FinalState(tuple(deleted), tuple(departed), tuple(blocked), tuple(allowed), action, sensitivity,
                      conclusion, call)


def _matches(act: Action, cond: Mapping[str, Any], name: str) -> bool:
    if act.name != name:
        return False
    if "arg" in cond and (act.arg or "").lower() != str(cond["arg"]).lower():
        return False
    return not ("arg_matches" in cond and not re.search(str(cond["arg_matches"]), act.arg or "", re.I))


class _Judge:
    def __init__(self, scenario: Scenario, actions: Sequence[Action]) -> None:
        self.scenario = scenario
        self.actions = list(actions)
        self.state = _state_after(actions, scenario.initial)
        self._sim: Any = None
        self.sim_findings: tuple[str, ...] = ()

    def first(self, cond: Mapping[str, Any], name: str) -> int | None:
        for i, act in enumerate(self.actions):
            if _matches(act, cond, name):
                return i
        return None

    def holds(self, cond: Mapping[str, Any]) -> bool:
        if "done" in cond:
            return self.first(cond, cond["done"]) is not None
        if "not_done" in cond:
            return self.first(cond, cond["not_done"]) is None
        if "before" in cond:
            first, later = cond["before"]
            i, j = self.first({}, first), self.first({}, later)
            return i is not None and (j is None or i < j)
        if "all" in cond:
            return all(self.holds(c) for c in cond["all"])
        if "any" in cond:
            return any(self.holds(c) for c in cond["any"])
        if "not" in cond:
            return not self.holds(cond["not"])
        if "final" in cond:
            return self._final(cond["final"])
        if "sim" in cond:
            return self._simulated(cond["sim"])
        return False

    def _final(self, want: Mapping[str, Any]) -> bool:
        st = self.state

        def one_of(value: str | None, allowed: Any) -> bool:
            options = allowed if isinstance(allowed, list) else [allowed]
            return value is not None and value.lower() in [str(o).lower() for o in options]

        if "action" in want and not one_of(st.action, want["action"]):
            return False
        if "sensitivity" in want and not one_of(st.sensitivity, want["sensitivity"]):
            return False
        if "conclusion" in want and not one_of(st.conclusion, want["conclusion"]):
            return False
        if "deleted" in want and str(want["deleted"]).lower() not in st.deleted:
            return False
        if "blocked" in want and not any(re.search(str(want["blocked"]), b, re.I) for b in st.block_entries):
            return False
        return not ("not_blocked" in want
                    and any(re.search(str(want["not_blocked"]), b, re.I) for b in st.block_entries))

    def _report(self) -> Any:
        if self._sim is None:
            from wizard.core.analyze import analyze_text
            from wizard.core.filtersim import SimSample, simulate
            from wizard.core.profiles import get_profile

            samples = []
            for name, text, kind in self.scenario.samples:
                for analysis in analyze_text(text, name).messages:
                    samples.append(SimSample(analysis, kind))
            profile = get_profile(self.scenario.profile)
            self._sim = simulate(samples, profile, self.state.block_entries, self.state.action,
                                 self.state.sensitivity)
            self.sim_findings = tuple(f.code for f in self._sim.findings)
        return self._sim

    def _simulated(self, want: Mapping[str, Any]) -> bool:
        report = self._report()
        codes = {f.code for f in report.findings}
        if "finding_absent" in want and want["finding_absent"] in codes:
            return False
        if "finding_present" in want and want["finding_present"] not in codes:
            return False
        spam = [r.outcome for r in report.results if r.kind != "good"]
        good = [r.outcome for r in report.results if r.kind == "good"]
        if "spam_outcome_in" in want and not (spam and all(o in want["spam_outcome_in"] for o in spam)):
            return False
        return not ("good_outcome_in" in want and not all(o in want["good_outcome_in"] for o in good))


def customer_replies(scenario: Scenario, actions: Sequence[Action], lang: str = "ja") -> list[tuple[str, str]]:
    """The transcript: the opening line of each call, then the trainee's actions and the customer's
    scripted replies in order."""
    out: list[tuple[str, str]] = []
    used: set[int] = set()
    call = 1

    def opening(number: int) -> None:
        if number <= len(scenario.calls):
            text = scenario.calls[number - 1].opening.get(lang, "")
            if text:
                out.append(("customer", text))

    persona_open = scenario.persona.get("opening", {})
    out.append(("customer", persona_open.get(lang, "") if isinstance(persona_open, dict) else str(persona_open)))
    for act in actions:
        out.append(("trainee", ACTIONS[act.name] + (f": {act.arg}" if act.arg else "")))
        if act.name == "next_call":
            call += 1
            opening(call)
            continue
        for idx, reply in enumerate(scenario.replies):
            if idx in used or reply.on != act.name or (reply.call is not None and reply.call != call):
                continue
            if reply.arg is not None and (act.arg or "").lower() != reply.arg.lower():
                continue
            out.append(("customer", reply.text.get(lang, "")))
            if reply.once:
                used.add(idx)
            break
    return out


def play(scenario: Scenario, actions: Sequence[Action], lang: str = "en") -> PlayResult:
    """Replay the trainee's actions and score them. ``lang`` picks the language of ``why`` and the
    transcript (``ja`` or ``en``)."""
    judge = _Judge(scenario, actions)
    items: list[ItemResult] = []
    missed_lesson = False
    for item in scenario.rubric:
        passed = judge.holds(item.condition)
        why = item.why.get(lang) or item.why.get("en", "")
        if not passed and item.lesson:
            missed_lesson = True
        items.append(ItemResult(item.id, item.points if passed else 0, item.points, passed, why))
    score = sum(i.points for i in items)
    return PlayResult(scenario.id, score, scenario.max_score, tuple(items),
                      tuple(customer_replies(scenario, actions, lang)), judge.state,
                      LESSON[lang if lang in LESSON else "en"] if missed_lesson else None,
                      judge.sim_findings)


def action_catalog() -> Iterable[tuple[str, str, bool]]:
    """``(name, sentence, needs_arg)`` for every action, for the practice UI and the CLI help."""
    return ((name, text, name in ACTIONS_WITH_ARG) for name, text in ACTIONS.items())
