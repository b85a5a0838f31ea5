"""Filter profiles: what a block-list entry, an action and a sensitivity level really do on one filter.

Profiles are TOML files in ``resources/profiles/`` (format documented in that folder's README). Loading
never raises for a bad file: :func:`load_catalog` returns the good profiles plus one
:class:`ProfileIssue` per problem (file, key, message). :func:`get_profile` is the convenience for callers
that need exactly one profile and raises :class:`ProfileError` (a ``ValueError``) with those issues.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.resources import resource_path

FORMAT_VERSION = 1
ACTIONS = ("deliver", "tag", "folder", "delete", "reject")
"""Every action a profile may offer: deliver as is, deliver with a subject tag, move to the spam folder,
delete on the server, reject at SMTP time."""
BLOCK_EFFECTS = ("score", "reject", "discard")
MATCH_SCOPES = ("envelope", "from", "both")
FOLDER_VISIBILITY = ("webmail", "imap", "none")
EXPORT_FORMATS = ("spamassassin", "sieve", "rspamd", "postfix")
_MAX_FILE_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class ProfileIssue:
    """One problem in a profile file: where (file and dotted key) and what."""

    source: str
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.key}" if self.key else self.source
        return f"{where}: {self.message}"


class ProfileError(ValueError):
    """Raised by :func:`get_profile` when the profile is missing or invalid."""

    def __init__(self, issues: tuple[ProfileIssue, ...]) -> None:
        super().__init__("; ".join(str(i) for i in issues))
        self.issues = issues


@dataclass(frozen=True, slots=True)
class SensitivityLevel:
    """One sensitivity setting and the score at or above which mail counts as spam."""

    name: str
    threshold: float
    label: str
    label_ja: str


@dataclass(frozen=True, slots=True)
class BlocklistSpec:
    """What a block-list entry does on this filter."""

    effect: str
    """``score`` (adds ``points``), ``reject`` (refused at SMTP time) or ``discard`` (silently dropped)."""
    points: float
    matches: str
    """Which sender the entry is compared with: ``envelope`` (Return-Path / MAIL FROM), ``from``
    (the From header) or ``both`` (either one matching is enough)."""
    rule: str
    note: str
    note_ja: str


@dataclass(frozen=True, slots=True)
class Profile:
    """One filter as the support agent meets it in a control panel or a config file."""

    name: str
    title: str
    title_ja: str
    description: str
    description_ja: str
    engine: str
    exports: tuple[str, ...]
    blocklist: BlocklistSpec
    actions: tuple[str, ...]
    default_action: str
    tag_text: str
    folder_name: str
    folder_visible_in: str
    sensitivity_adjustable: bool
    levels: tuple[SensitivityLevel, ...]
    default_sensitivity: str | None
    source: str

    def level(self, name: str | None) -> SensitivityLevel | None:
        """The sensitivity level called ``name`` (the default when ``name`` is None), or None."""
        wanted = name or self.default_sensitivity
        for lvl in self.levels:
            if lvl.name == wanted:
                return lvl
        return None

    @property
    def score_based(self) -> bool:
        """True when a block-list entry only adds points (the post's surprise)."""
        return self.blocklist.effect == "score"


@dataclass(frozen=True, slots=True)
class ProfileCatalog:
    """Every profile that loaded, in name order, plus the problems of those that did not."""

    profiles: tuple[Profile, ...]
    issues: tuple[ProfileIssue, ...]

    def get(self, name: str) -> Profile | None:
        """The profile called ``name`` or None."""
        for profile in self.profiles:
            if profile.name == name:
                return profile
        return None

    def names(self) -> tuple[str, ...]:
        """Profile names in display order."""
        return tuple(p.name for p in self.profiles)


def default_dir() -> Path:
    """``resources/profiles`` in the checkout or the bundle."""
    return resource_path("profiles")


class _Reader:
    """Typed access to the TOML tree that records an issue (never raises) for each bad key."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.issues: list[ProfileIssue] = []

    def bad(self, key: str, message: str) -> None:
        self.issues.append(ProfileIssue(self.source, key, message))

    def table(self, data: Mapping[str, Any], key: str, required: bool = True) -> Mapping[str, Any]:
        value = data.get(key.rsplit(".", 1)[-1])
        if value is None:
            if required:
                self.bad(key, "missing table")
            return {}
        if not isinstance(value, dict):
            self.bad(key, f"must be a table, not {type(value).__name__}")
            return {}
        return value

    def text(self, data: Mapping[str, Any], key: str, default: str | None = None,
             choices: tuple[str, ...] | None = None, max_len: int = 2000) -> str:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if value is None:
            self.bad(key, "missing")
            return ""
        if not isinstance(value, str):
            self.bad(key, f"must be a string, not {type(value).__name__}")
            return default or ""
        if len(value) > max_len:
            self.bad(key, f"longer than {max_len} characters")
        if any(ord(c) < 32 and c not in "\n\t" for c in value):
            self.bad(key, "contains control characters")
        if choices is not None and value not in choices:
            self.bad(key, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def number(self, data: Mapping[str, Any], key: str, default: float | None = None,
               low: float = -1000.0, high: float = 1000.0) -> float:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if value is None:
            self.bad(key, "missing")
            return 0.0
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(key, f"must be a number, not {type(value).__name__}")
            return 0.0
        if not low <= float(value) <= high:
            self.bad(key, f"{value} is outside {low}..{high}")
        return float(value)

    def flag(self, data: Mapping[str, Any], key: str, default: bool) -> bool:
        value = data.get(key.rsplit(".", 1)[-1], default)
        if not isinstance(value, bool):
            self.bad(key, f"must be true or false, not {type(value).__name__}")
            return default
        return value

    def names(self, data: Mapping[str, Any], key: str, choices: tuple[str, ...],
              required: bool = True) -> tuple[str, ...]:
        value = data.get(key.rsplit(".", 1)[-1])
        if value is None:
            if required:
                self.bad(key, "missing list")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.bad(key, "must be a list of strings")
            return ()
        out: list[str] = []
        for item in value:
            if item not in choices:
                self.bad(key, f"{item!r} is not one of {', '.join(choices)}")
            elif item in out:
                self.bad(key, f"{item!r} listed twice")
            else:
                out.append(item)
        return tuple(out)

    def unknown(self, data: Mapping[str, Any], prefix: str, known: set[str]) -> None:
        for key in data:
            if key not in known:
                self.bad(f"{prefix}{key}", "unknown key (typo?)")


def parse_profile(data: Mapping[str, Any], source: str) -> tuple[Profile | None, tuple[ProfileIssue, ...]]:
    """Validate one decoded TOML document; returns the profile (None when invalid) and every issue."""
    r = _Reader(source)
    r.unknown(data, "", {"format", "name", "title", "title_ja", "description", "description_ja", "engine",
                         "exports", "blocklist", "actions", "folder", "sensitivity"})
    fmt = data.get("format")
    if fmt != FORMAT_VERSION:
        r.bad("format", f"must be {FORMAT_VERSION} (got {fmt!r})")
    name = r.text(data, "name", max_len=64)
    if name and not all(c.isascii() and (c.isalnum() or c == "_") for c in name):
        r.bad("name", "use ASCII letters, digits and _ only")
    expected = Path(source).stem
    if name and expected and source.endswith(".toml") and name != expected:
        r.bad("name", f"must equal the file name ({expected!r})")
    title = r.text(data, "title", max_len=200)
    title_ja = r.text(data, "title_ja", default=title, max_len=200)
    description = r.text(data, "description", default="")
    description_ja = r.text(data, "description_ja", default=description)
    engine = r.text(data, "engine", max_len=64)
    exports = r.names(data, "exports", EXPORT_FORMATS, required=False)

    bl = r.table(data, "blocklist")
    r.unknown(bl, "blocklist.", {"effect", "points", "matches", "rule", "note", "note_ja"})
    effect = r.text(bl, "blocklist.effect", choices=BLOCK_EFFECTS) if bl else "score"
    points = 0.0
    if effect == "score":
        points = r.number(bl, "blocklist.points", low=0.001, high=1000.0)
    elif "points" in bl:
        r.bad("blocklist.points", f"only meaningful with effect = \"score\" (effect is {effect!r})")
    matches = r.text(bl, "blocklist.matches", choices=MATCH_SCOPES) if bl else "both"
    rule = r.text(bl, "blocklist.rule", default="", max_len=64)
    note = r.text(bl, "blocklist.note", default="")
    note_ja = r.text(bl, "blocklist.note_ja", default=note)

    act = r.table(data, "actions")
    r.unknown(act, "actions.", {"available", "default", "tag_text"})
    actions = r.names(act, "actions.available", ACTIONS) if act else ()
    if act and not actions:
        r.bad("actions.available", "list at least one action")
    default_action = r.text(act, "actions.default", default=actions[0] if actions else "deliver")
    if actions and default_action not in actions:
        r.bad("actions.default", f"{default_action!r} is not in actions.available")
    tag_text = r.text(act, "actions.tag_text", default="[SPAM]", max_len=64)
    if "tag" in actions and not tag_text.strip():
        r.bad("actions.tag_text", "empty, but the profile offers the tag action")

    folder = r.table(data, "folder", required="folder" in actions)
    r.unknown(folder, "folder.", {"name", "visible_in"})
    folder_name = r.text(folder, "folder.name", default="Spam", max_len=64)
    visible = r.text(folder, "folder.visible_in", default="imap", choices=FOLDER_VISIBILITY)

    sens = r.table(data, "sensitivity", required=False)
    r.unknown(sens, "sensitivity.", {"adjustable", "default", "levels"})
    adjustable = r.flag(sens, "sensitivity.adjustable", default=False)
    levels: list[SensitivityLevel] = []
    raw_levels = sens.get("levels", [])
    if not isinstance(raw_levels, list):
        r.bad("sensitivity.levels", "must be an array of tables ([[sensitivity.levels]])")
        raw_levels = []
    for i, item in enumerate(raw_levels):
        key = f"sensitivity.levels[{i}]"
        if not isinstance(item, dict):
            r.bad(key, "must be a table")
            continue
        r.unknown(item, key + ".", {"name", "threshold", "label", "label_ja"})
        lname = r.text(item, key + ".name", max_len=32)
        if any(lvl.name == lname for lvl in levels):
            r.bad(key + ".name", f"{lname!r} listed twice")
        levels.append(SensitivityLevel(
            lname, r.number(item, key + ".threshold", low=-100.0, high=1000.0),
            r.text(item, key + ".label", default=lname, max_len=200),
            r.text(item, key + ".label_ja", default=lname, max_len=200)))
    needs_threshold = any(a in actions for a in ("tag", "folder", "delete")) or (
        "reject" in actions and effect == "score")
    if needs_threshold and not levels:
        r.bad("sensitivity.levels", "the profile's actions act on a spam score: list at least one level")
    default_level: str | None = None
    if levels:
        default_level = r.text(sens, "sensitivity.default", default=levels[0].name)
        if default_level not in {lvl.name for lvl in levels}:
            r.bad("sensitivity.default", f"{default_level!r} is not a level name")
    if adjustable and len(levels) < 2:
        r.bad("sensitivity.adjustable", "true, but fewer than two levels are listed")

    if r.issues:
        return None, tuple(r.issues)
    return Profile(
        name=name, title=title, title_ja=title_ja, description=description, description_ja=description_ja,
        engine=engine, exports=exports,
        blocklist=BlocklistSpec(effect, points, matches, rule, note, note_ja),
        actions=actions, default_action=default_action, tag_text=tag_text, folder_name=folder_name,
        folder_visible_in=visible, sensitivity_adjustable=adjustable, levels=tuple(levels),
        default_sensitivity=default_level, source=source,
    ), ()


def load_profile_file(path: Path) -> tuple[Profile | None, tuple[ProfileIssue, ...]]:
    """Read and validate one ``.toml`` profile; problems come back as issues, never raised."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, (ProfileIssue(source, "", f"cannot read: {exc.strerror or exc}"),)
    if len(raw) > _MAX_FILE_BYTES:
        return None, (ProfileIssue(source, "", f"larger than {_MAX_FILE_BYTES} bytes"),)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, (ProfileIssue(source, "", "not UTF-8 text"),)
    except tomllib.TOMLDecodeError as exc:
        return None, (ProfileIssue(source, "", f"TOML syntax error: {exc}"),)
    return parse_profile(data, source)


def load_catalog(directory: Path | None = None) -> ProfileCatalog:
    """Load every ``*.toml`` profile in ``directory`` (default: ``resources/profiles``)."""
    folder = directory or default_dir()
    profiles: list[Profile] = []
    issues: list[ProfileIssue] = []
    try:
        paths = sorted(folder.glob("*.toml"))
    except OSError as exc:
        return ProfileCatalog((), (ProfileIssue(str(folder), "", f"cannot list: {exc}"),))
    for path in paths:
        profile, problems = load_profile_file(path)
        issues.extend(problems)
        if profile is not None:
            profiles.append(profile)
    order = {"hosting_provider": 0}
    profiles.sort(key=lambda p: (order.get(p.name, 1), p.name))
    return ProfileCatalog(tuple(profiles), tuple(issues))


def list_profiles(directory: Path | None = None) -> tuple[str, ...]:
    """Names of the valid profiles, the post's provider first."""
    return load_catalog(directory).names()


def get_profile(name: str, directory: Path | None = None) -> Profile:
    """The valid profile called ``name``; raises :class:`ProfileError` saying why it is unavailable."""
    folder = directory or default_dir()
    if not name or not all(c.isascii() and (c.isalnum() or c == "_") for c in name):
        raise ProfileError((ProfileIssue(str(folder), "", f"not a profile name: {name[:80]!r}"),))
    path = folder / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(list_profiles(folder)) or "none"
        raise ProfileError((ProfileIssue(str(path), "", f"no such profile (available: {known})"),))
    profile, issues = load_profile_file(path)
    if profile is None:
        raise ProfileError(issues)
    return profile


def load_big_providers(directory: Path | None = None) -> tuple[str, ...]:
    """Free-mail and big-provider domains from ``big_providers.txt`` (``#`` comments; ``*`` wildcards)."""
    path = (directory or default_dir()) / "big_providers.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ()
    out = []
    for line in text.splitlines():
        item = line.split("#", 1)[0].strip().lower()
        if item:
            out.append(item)
    return tuple(out)
