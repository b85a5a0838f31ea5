"""A Postfix ``check_sender_access`` table: ``domain REJECT text`` lines (access(5)).

Lookup keys follow access(5): ``user@domain`` (one address), ``domain`` (the domain, and its
subdomains while ``parent_domain_matches_subdomains`` lists ``smtpd_access_maps``, the default) and
``.domain`` (subdomains). Other wildcards cannot be expressed and are refused. The reply text is fixed.
"""

from __future__ import annotations

from wizard.core.export import ExportError, ExportOptions, ExportResult
from wizard.core.export._common import header_lines
from wizard.core.export.patterns import BlockPattern

REPLY = "REJECT Sender blocked at the recipient's request"


def key_for(pattern: BlockPattern) -> str:
    """The access(5) lookup key for a pattern; raises :class:`ExportError` when inexpressible."""
    if pattern.kind == "domain":
        return pattern.domain
    if pattern.kind == "subdomains":
        return "." + pattern.base_domain
    if pattern.kind == "address":
        return pattern.text
    raise ExportError(f"a Postfix access table cannot express {pattern.text!r}: use *@domain, *@*.domain "
                      "or user@domain")


def export(patterns: tuple[BlockPattern, ...], opts: ExportOptions) -> ExportResult:
    """The access table text."""
    lines = header_lines("postfix check_sender_access", opts.profile, opts.action, opts.sensitivity)
    lines += [
        "# main.cf: smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access",
        "# then:    postmap /etc/postfix/sender_access && postfix reload",
        "# Compared with the SMTP envelope sender (MAIL FROM) only, never the From header.",
    ]
    keys = [key_for(p) for p in patterns]
    if not keys:
        raise ExportError("no block-list entries to export")
    lines += [f"{key}\t{REPLY}" for key in dict.fromkeys(keys)]
    notes = ["Listed senders are refused during the SMTP dialogue; the sending server gets a 5xx reply."]
    if any(p.kind == "domain" for p in patterns):
        notes.append("A bare domain key also matches its subdomains while parent_domain_matches_subdomains "
                     "includes smtpd_access_maps (Postfix default).")
    return ExportResult("postfix", "\n".join(lines) + "\n", "sender_access", tuple(notes))
