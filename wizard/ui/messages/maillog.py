"""Words for the delivery-log verification findings (``wizard.core.maillog.verify``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    "blocklist_scored_but_delivered": QT_TRANSLATE_NOOP(
        "Findings",
        "After {since}, {count} messages from {domain} were scored as spam ({rules}, +{score_delta}) and all "
        "were delivered to {delivered_to}: the block list only adds score while the action is 'deliver'."),
    "blocklist_partly_delivered": QT_TRANSLATE_NOOP(
        "Findings",
        "After {since}, {count} messages from {domain} arrived; {delivered} of them were still delivered to "
        "{delivered_to} although scored as spam ({rules})."),
    "blocklist_not_applied": QT_TRANSLATE_NOOP(
        "Findings",
        "After {since}, {count} messages from {domain} were delivered to {delivered_to} without being scored "
        "as spam: the block list is not being applied (is the spam filter switched on for this address?)."),
    "blocklist_moved_to_folder": QT_TRANSLATE_NOOP(
        "Findings",
        "After {since}, {count} messages from {domain} were moved to the folder '{folder}': the action works."),
    "blocklist_discarded": QT_TRANSLATE_NOOP(
        "Findings", "After {since}, {count} messages from {domain} were discarded on the server."),
    "blocklist_rejected": QT_TRANSLATE_NOOP(
        "Findings", "After {since}, {count} messages from {domain} were refused by the server."),
    "blocklist_no_messages": QT_TRANSLATE_NOOP(
        "Findings", "No message from {domain} arrived after {since} in this log."),
    "recipient_unknown_rejected": QT_TRANSLATE_NOOP(
        "Findings",
        "{count} messages to {address} were refused as 'user unknown' (the address no longer exists), "
        "the first at {first}."),
    "spam_started": QT_TRANSLATE_NOOP(
        "Findings", "Spam to {recipient} started at {first} ({count} messages in this log)."),
}
