"""Rspamd: a multimap rule (``local.d/multimap.conf``) with its map file, and ``local.d/actions.conf``.

The output is one text holding the three files, each introduced by a ``# ===== path =====`` line.
Only ``*@domain`` and full-address entries are expressible with ``email:domain`` / ``email:addr`` maps;
other wildcards are refused.
"""

from __future__ import annotations

from wizard.core.export import ExportError, ExportOptions, ExportResult
from wizard.core.export._common import header_lines, safe_value
from wizard.core.export.patterns import BlockPattern

MAP_DIR = "${LOCAL_CONFDIR}/local.d/maps.d"
_EXTRACT = {"envelope": "smtp", "from": "mime", "both": "both"}


def ucl_quote(text: str) -> str:
    """A UCL double-quoted string; controls, ``$`` (variable expansion), quotes and backslashes are
    refused rather than escaped, so the value cannot change meaning in any UCL parser version."""
    for ch in text:
        if ord(ch) < 32 or ord(ch) == 127:
            raise ExportError(f"rspamd string contains a control character (U+{ord(ch):04X})")
        if ch in '$"\\{}':
            raise ExportError(f"rspamd string contains {ch!r}, which the wizard does not write into UCL")
    return '"' + text + '"'


def export(patterns: tuple[BlockPattern, ...], opts: ExportOptions) -> ExportResult:
    """The three rspamd files in one text."""
    bad = [p.text for p in patterns if p.kind not in ("domain", "address")]
    if bad:
        raise ExportError("rspamd maps here take *@domain or user@domain only; refused: " + ", ".join(bad))
    domains = [p.domain for p in patterns if p.kind == "domain"]
    addresses = [p.text for p in patterns if p.kind == "address"]
    symbol = opts.rule if opts.rule.replace("_", "").isalnum() and opts.rule.isascii() else "WIZARD_BLOCKLIST"
    extract = _EXTRACT.get(opts.matches, "smtp")
    out = header_lines("rspamd", opts.profile, opts.action, opts.sensitivity)
    out += ["", "# ===== local.d/multimap.conf ====="]
    for suffix, filt, items in (("", "email:domain", domains), ("_ADDR", "email:addr", addresses)):
        if not items:
            continue
        name = "domains" if filt == "email:domain" else "addresses"
        out += [
            f"{symbol}{suffix} {{",
            '  type = "from";',
            f'  extract_from = "{extract}";',
            f'  filter = "{filt}";',
            f'  map = "{MAP_DIR}/wizard_blocklist_{name}.map";',
            f"  score = {opts.points:.1f};",
            '  description = "Spam Support Wizard block list";',
            "}",
        ]
    out += ["", "# ===== local.d/actions.conf ====="]
    thr = opts.threshold
    # rspamd requires the action thresholds in increasing order (greylist < add_header < rewrite_subject
    # < reject); the chosen action gets the threshold and every other action is switched off (null), so
    # the outcome is exactly the simulated one and no default threshold can collide with ours.
    chosen = {"tag": "rewrite_subject", "folder": "add_header", "delete": "add_header",
              "reject": "reject"}.get(opts.action) if thr is not None else None
    for action in ("greylist", "add_header", "rewrite_subject", "reject"):
        out.append(f"{action} = {thr:.1f};" if action == chosen and thr is not None else f"{action} = null;")
    if chosen == "rewrite_subject":
        tag = safe_value(opts.tag_text, "subject tag")
        out.append(f"subject = {ucl_quote(tag + ' %s')};")
    if opts.action == "deliver" or chosen is None:
        out.append("# action deliver: every action is off; spam is only scored")
    elif opts.action == "folder":
        out.append("# the delivery agent files mail with X-Spam: Yes into the spam folder (Sieve export)")
    elif opts.action == "delete":
        out.append("# deleting is done by the delivery agent (Sieve discard of X-Spam: Yes)")
    for name, items in (("domains", domains), ("addresses", addresses)):
        if items:
            out += ["", f"# ===== local.d/maps.d/wizard_blocklist_{name}.map =====", *items]
    notes = (f"Each entry adds {opts.points:g} points (symbol {symbol}).",)
    return ExportResult("rspamd", "\n".join(out) + "\n", "rspamd_wizard.conf", notes)


def split_files(text: str) -> dict[str, str]:
    """The export text split into its files (path relative to ``/etc/rspamd`` -> content)."""
    files: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("# ===== ") and line.endswith(" ====="):
            current = files.setdefault(line[8:-6].strip(), [])
        elif current is not None:
            current.append(line)
    return {path: "\n".join(lines).strip("\n") + "\n" for path, lines in files.items()}
