"""Words for the "since last call" recap of a resumed case (codes from ``wizard.core.cases.recap``,
prefixed ``recap.`` here so they never collide with finding codes) and for decision kinds and values."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    "recap.previous_call": QT_TRANSLATE_NOOP("Findings", "Previous call: {when}, {agent}. {notes}"),
    "recap.decided_deleted_address": QT_TRANSLATE_NOOP("Findings", "Deleted the address {address} ({when})."),
    "recap.decided_departed": QT_TRANSLATE_NOOP(
        "Findings", "Marked as belonging to someone who left: {addresses} ({when})."),
    "recap.decided_blocklist": QT_TRANSLATE_NOOP("Findings", "Block list set: {entries} ({when})."),
    "recap.decided_action": QT_TRANSLATE_NOOP("Findings", "Action for spam set to \"{value}\" ({when})."),
    "recap.decided_sensitivity": QT_TRANSLATE_NOOP(
        "Findings", "Filter sensitivity set to \"{value}\" ({when})."),
    "recap.decided_profile": QT_TRANSLATE_NOOP("Findings", "Server profile: {value} ({when})."),
    "recap.decided_note": QT_TRANSLATE_NOOP("Findings", "Note: {text} ({when})."),
    "recap.decided_other": QT_TRANSLATE_NOOP("Findings", "{kind}: {value} ({when})."),
    "recap.verify_deleted_address": QT_TRANSLATE_NOOP(
        "Findings", "Address {address} deleted on {day}: load today's log and check that mail to it is now "
        "refused."),
    "recap.verify_blocklist": QT_TRANSLATE_NOOP(
        "Findings", "Block list set on {day}: load today's log to check it (on a score-based filter an "
        "entry only adds points)."),
    "recap.verify_action": QT_TRANSLATE_NOOP(
        "Findings", "Action \"{value}\" set on {day}: load today's log and check that spam no longer reaches "
        "the inbox; ask the customer to look at the spam folder in webmail for wanted mail."),
    "recap.verify_sensitivity": QT_TRANSLATE_NOOP(
        "Findings", "Sensitivity \"{value}\" set on {day}: ask whether wanted mail is being caught or spam "
        "still gets through."),
    "recap.followup_due": QT_TRANSLATE_NOOP("Findings", "Follow-up due {due}: {what}"),
}

VALUES: dict[str, str] = {
    "deliver": QT_TRANSLATE_NOOP("Findings", "deliver normally"),
    "tag": QT_TRANSLATE_NOOP("Findings", "tag the subject"),
    "folder": QT_TRANSLATE_NOOP("Findings", "move to the server's spam folder"),
    "delete": QT_TRANSLATE_NOOP("Findings", "delete on the server"),
    "reject": QT_TRANSLATE_NOOP("Findings", "refuse at the server"),
    "low": QT_TRANSLATE_NOOP("Findings", "low"),
    "medium": QT_TRANSLATE_NOOP("Findings", "medium"),
    "high": QT_TRANSLATE_NOOP("Findings", "high"),
}
"""Decision values shown in words (action ids of ``wizard.core.profiles.ACTIONS``, sensitivities)."""

KINDS: dict[str, str] = {
    "deleted_address": QT_TRANSLATE_NOOP("Findings", "Address deleted"),
    "departed": QT_TRANSLATE_NOOP("Findings", "Addresses of people who left"),
    "blocklist": QT_TRANSLATE_NOOP("Findings", "Block list"),
    "action": QT_TRANSLATE_NOOP("Findings", "Action for spam"),
    "sensitivity": QT_TRANSLATE_NOOP("Findings", "Filter sensitivity"),
    "profile": QT_TRANSLATE_NOOP("Findings", "Server profile"),
    "note": QT_TRANSLATE_NOOP("Findings", "Note"),
    "verification": QT_TRANSLATE_NOOP("Findings", "Verification"),
}
"""Decision kinds in words."""

FOLLOWUPS: dict[str, str] = {
    "verify:blocklist": QT_TRANSLATE_NOOP("Findings", "check in the delivery log what the block list did"),
    "verify:action": QT_TRANSLATE_NOOP(
        "Findings", "check in the delivery log that spam is handled by the chosen action"),
    "verify:deleted_address": QT_TRANSLATE_NOOP(
        "Findings", "check in the delivery log that mail to the deleted address is refused"),
    "verify:sensitivity": QT_TRANSLATE_NOOP("Findings", "ask whether the new sensitivity suits the customer"),
}
"""Follow-ups the wizard creates (``verify:<kind>``) in words."""

STEPS: dict[str, str] = {
    "paste": QT_TRANSLATE_NOOP("Findings", "1. Paste the headers"),
    "trace": QT_TRANSLATE_NOOP("Findings", "2. Trace the origin"),
    "customer_sent": QT_TRANSLATE_NOOP("Findings", "2b. Customer's PC or account"),
    "recipients": QT_TRANSLATE_NOOP("Findings", "3. Address to delete"),
    "blocklist": QT_TRANSLATE_NOOP("Findings", "4. Block list"),
    "quarantine": QT_TRANSLATE_NOOP("Findings", "5. What the filter does"),
    "summary": QT_TRANSLATE_NOOP("Findings", "6. Summary and follow-up"),
}
"""Where a case stands (the wizard's page keys) in words."""
