"""Configuration exporters, one module per engine, all injection-safe.

Every exporter takes validated :class:`~wizard.core.export.patterns.BlockPattern` objects (hostile text
never gets that far: :func:`render` refuses the whole export with :class:`ExportError` naming each bad
entry) and writes only fixed keywords plus values that passed a per-format check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wizard.core.export.patterns import BlockPattern, PatternError, parse_patterns
from wizard.core.profiles import Profile

FORMATS = ("spamassassin", "sieve", "rspamd", "postfix")


class ExportError(ValueError):
    """The export is refused; the message says why (one line per problem)."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The configuration text, a suggested file name and notes for the agent / administrator."""

    format: str
    text: str
    filename: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What every exporter needs besides the entries."""

    action: str
    threshold: float | None
    sensitivity: str | None
    tag_text: str
    folder: str
    points: float
    matches: str
    profile: str
    rule: str
    sa_version: str | None = None


def options_for(profile: Profile, action: str | None = None, sensitivity: str | None = None,
                sa_version: str | None = None) -> ExportOptions:
    """Resolve action / sensitivity against the profile; raises :class:`ExportError` for unknown ones."""
    chosen = action or profile.default_action
    if chosen not in profile.actions:
        raise ExportError(f"action {chosen!r} is not offered by profile {profile.name!r} "
                          f"(offered: {', '.join(profile.actions)})")
    level = profile.level(sensitivity)
    if sensitivity and level is None:
        raise ExportError(f"sensitivity {sensitivity!r} is not a level of profile {profile.name!r} "
                          f"(levels: {', '.join(lv.name for lv in profile.levels) or 'none'})")
    return ExportOptions(
        action=chosen, threshold=level.threshold if level else None,
        sensitivity=level.name if level else None,
        tag_text=profile.tag_text, folder=profile.folder_name, points=profile.blocklist.points or 100.0,
        matches=profile.blocklist.matches, profile=profile.name, rule=profile.blocklist.rule,
        sa_version=sa_version)


def parse_entries(entries: Sequence[str]) -> tuple[BlockPattern, ...]:
    """Validate entries; raises :class:`ExportError` listing every refused one."""
    good, bad = parse_patterns(tuple(entries))
    if bad:
        raise ExportError("\n".join(str(e) for e in bad))
    return good


def render(fmt: str, entries: Sequence[str], profile: Profile, action: str | None = None,
           sensitivity: str | None = None, sa_version: str | None = None) -> ExportResult:
    """The configuration for ``fmt`` (one of :data:`FORMATS`); raises :class:`ExportError` when refused."""
    patterns = parse_entries(entries)
    opts = options_for(profile, action, sensitivity, sa_version)
    if fmt == "spamassassin":
        from wizard.core.export import spamassassin

        return spamassassin.export(patterns, opts)
    if fmt == "sieve":
        from wizard.core.export import sieve

        return sieve.export(patterns, opts)
    if fmt == "rspamd":
        from wizard.core.export import rspamd

        return rspamd.export(patterns, opts)
    if fmt == "postfix":
        from wizard.core.export import postfix

        return postfix.export(patterns, opts)
    raise ExportError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


__all__ = ["FORMATS", "ExportError", "ExportOptions", "ExportResult", "PatternError", "options_for",
           "parse_entries", "render"]
