"""SpamAssassin ``user_prefs``: ``required_score``, ``blocklist_from`` and ``rewrite_header Subject``.

SpamAssassin 4.0 renamed ``blacklist_from`` to ``blocklist_from`` (the old name stays as an alias until
4.1); 3.4 only knows ``blacklist_from``. :func:`keyword_for` picks the one the target version accepts
(``sa_version`` option; :func:`installed_version` asks the local ``spamassassin`` binary).
"""

from __future__ import annotations

import re
import shutil
import subprocess

from wizard.core.export import ExportError, ExportOptions, ExportResult
from wizard.core.export._common import header_lines, safe_value
from wizard.core.export.patterns import BlockPattern


def keyword_for(version: str | None) -> str:
    """``blocklist_from`` for SpamAssassin >= 4.0 (and when unknown), ``blacklist_from`` before."""
    if not version:
        return "blocklist_from"
    match = re.match(r"\s*(\d+)", version)
    if match and int(match.group(1)) < 4:
        return "blacklist_from"
    return "blocklist_from"


def installed_version(binary: str = "spamassassin") -> str | None:
    """The version of the local ``spamassassin`` (``4.0.1``), or None when it is not installed."""
    path = shutil.which(binary)
    if path is None:
        return None
    try:
        proc = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"SpamAssassin version (\d+(?:\.\d+)*)", proc.stdout)
    return match.group(1) if match else None


def export(patterns: tuple[BlockPattern, ...], opts: ExportOptions) -> ExportResult:
    """The ``user_prefs`` text."""
    keyword = keyword_for(opts.sa_version)
    lines = header_lines("spamassassin user_prefs", opts.profile, opts.action, opts.sensitivity)
    notes: list[str] = []
    if opts.threshold is not None:
        lines.append(f"required_score {opts.threshold:.1f}")
    for pattern in patterns:
        # parse_pattern allows only [A-Za-z0-9._+=*?-] and LDH labels: nothing here can end the line
        lines.append(f"{keyword} {pattern.text}")
    if opts.action == "tag":
        tag = safe_value(opts.tag_text, "subject tag")
        lines.append(f"rewrite_header Subject {tag}")
    if patterns:
        notes.append(f"Each entry adds {opts.points:g} points ({opts.rule or 'USER_IN_BLOCKLIST'}); "
                     "it does not reject mail.")
    if opts.action == "deliver":
        notes.append("Action 'deliver': SpamAssassin only adds X-Spam headers; nothing moves. "
                     "Use the Sieve export (folder/delete) or the tag action for a visible effect.")
        lines.append("# action deliver: mail is only marked (X-Spam-Flag); nothing the customer sees changes")
    elif opts.action in ("folder", "delete"):
        notes.append("SpamAssassin only marks mail: filing into the spam folder or deleting is done by the "
                     "delivery agent (see the Sieve export).")
    elif opts.action == "reject":
        raise ExportError("SpamAssassin user_prefs cannot reject mail; use the rspamd or postfix export")
    if keyword == "blacklist_from":
        notes.append("Written for SpamAssassin before 4.0 (blacklist_from).")
    return ExportResult("spamassassin", "\n".join(lines) + "\n", "user_prefs", tuple(notes))
