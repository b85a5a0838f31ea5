"""A Sieve script (RFC 5228) that files spam into the spam folder or discards it.

The spam verdict comes from the content filter's ``X-Spam-Flag: YES`` (its threshold is the exported
``required_score``); block-list entries are tested directly with ``address`` (From header) and/or
``envelope`` (MAIL FROM) ``:all :matches`` tests. Strings are quoted per RFC 5228 section 2.4.2
(backslash and double quote escaped); values with control characters are refused.
"""

from __future__ import annotations

from wizard.core.export import ExportError, ExportOptions, ExportResult
from wizard.core.export._common import header_lines, safe_value
from wizard.core.export.patterns import BlockPattern


def quote(text: str) -> str:
    """An RFC 5228 quoted string; refuses CR, LF, NUL and other controls (they could end the string's
    line or confuse implementations)."""
    for ch in text:
        if ord(ch) < 32 or ord(ch) == 127:
            raise ExportError(f"Sieve string contains a control character (U+{ord(ch):04X})")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def string_list(items: list[str]) -> str:
    """``["a", "b"]`` with each item quoted."""
    return "[" + ", ".join(quote(i) for i in items) + "]"


def export(patterns: tuple[BlockPattern, ...], opts: ExportOptions) -> ExportResult:
    """The Sieve script text."""
    if opts.action == "reject":
        raise ExportError("rejecting is done by the MTA at SMTP time, not by Sieve; use the postfix or "
                          "rspamd export")
    lines = header_lines("sieve", opts.profile, opts.action, opts.sensitivity)
    notes: list[str] = []
    if opts.action in ("deliver", "tag"):
        why = " (the subject tag is added by SpamAssassin rewrite_header)" if opts.action == "tag" else ""
        lines.append(f"# action {opts.action}: spam stays in the inbox{why}")
        lines.append("keep;")
        notes.append("With this action the Sieve script changes nothing: the block-list entries only raise "
                     "the spam score.")
        return ExportResult("sieve", "\n".join(lines) + "\n", "spam.sieve", tuple(notes))
    texts = [p.text for p in patterns]
    use_envelope = bool(texts) and opts.matches in ("envelope", "both")
    use_from = bool(texts) and opts.matches in ("from", "both")
    requires = ["fileinto"] if opts.action == "folder" else []
    if use_envelope:
        requires.append("envelope")
    if requires:
        lines.append(f"require {string_list(requires)};")
    tests = ['header :contains "X-Spam-Flag" "YES"']
    if use_from:
        tests.append(f'address :all :matches "from" {string_list(texts)}')
    if use_envelope:
        tests.append(f'envelope :all :matches "from" {string_list(texts)}')
    condition = tests[0] if len(tests) == 1 else "anyof (" + ",\n          ".join(tests) + ")"
    if opts.action == "folder":
        folder = safe_value(opts.folder, "spam folder name")
        body = f"fileinto {quote(folder)};"
    else:
        body = "discard;"
        notes.append("discard deletes the mail for good: it cannot be recovered.")
    lines += [f"if {condition} {{", f"    {body}", "    stop;", "}"]
    return ExportResult("sieve", "\n".join(lines) + "\n", "spam.sieve", tuple(notes))
