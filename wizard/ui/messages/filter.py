"""Words for the block-list suggestion, filter simulation and export finding codes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    "blocklist_without_action": QT_TRANSLATE_NOOP(
        "Findings",
        "The block list changes nothing the customer can see: with the action \"{action}\" the entries "
        "({entries}) only add {points} points and the spam still arrives in the inbox. Choose the spam "
        "folder, a subject tag or deletion as the action."),
    "false_positive_risk": QT_TRANSLATE_NOOP(
        "Findings",
        "Known-good mail {source} would be caught ({outcome}, score {score}, because of the {reason})."),
    "false_positives_possible": QT_TRANSLATE_NOOP(
        "Findings", "The filter is not 100% accurate: normal mail may be judged as spam too."),
    "spam_folder_webmail_only": QT_TRANSLATE_NOOP(
        "Findings",
        "The spam folder \"{folder}\" can only be seen in webmail: ask the customer to check both "
        "her mail program and webmail for a while."),
    "spam_folder_check_regularly": QT_TRANSLATE_NOOP(
        "Findings", "Spam goes into the folder \"{folder}\": ask the customer to look into it now and then."),
    "sensitivity_adjustable": QT_TRANSLATE_NOOP(
        "Findings", "If normal mail is often judged as spam, the filter's sensitivity can be changed in the "
        "control panel."),
    "deleted_mail_unrecoverable": QT_TRANSLATE_NOOP(
        "Findings", "Deleted mail cannot be recovered: a false positive is lost without anyone noticing."),
    "rejected_mail_bounces": QT_TRANSLATE_NOOP(
        "Findings", "Rejected mail never arrives; the sender's server gets an error instead."),
    "tag_needs_client_rule": QT_TRANSLATE_NOOP(
        "Findings",
        "The mail still arrives in the inbox with \"{tag}\" in the subject; the customer can sort "
        "on it with a rule in her mail program."),
    "deliver_only_marks": QT_TRANSLATE_NOOP(
        "Findings", "\"Deliver normally\" only marks spam in hidden headers: the customer sees no change."),
    "blocklist_no_match": QT_TRANSLATE_NOOP(
        "Findings", "The entry {pattern} matches none of the spam samples."),
    "blocklist_scope_mismatch": QT_TRANSLATE_NOOP(
        "Findings", "{pattern} matches {source} only on a sender this filter does not compare (it compares: "
        "{compares})."),
    "blocklist_rejects_at_smtp": QT_TRANSLATE_NOOP(
        "Findings", "Entries are refused at SMTP time (compared with: {compares}); the mail never reaches "
        "the mailbox."),
    "score_estimated": QT_TRANSLATE_NOOP(
        "Findings", "No spam score in the headers of {sources}: the score shown is an estimate."),
    "action_not_offered": QT_TRANSLATE_NOOP(
        "Findings", "The action \"{action}\" is not offered by {profile} (offered: {offered})."),
    "sensitivity_unknown": QT_TRANSLATE_NOOP(
        "Findings", "Unknown sensitivity \"{sensitivity}\" (levels: {levels}); the default is used."),
    "pattern_refused": QT_TRANSLATE_NOOP("Findings", "Entry refused: {reason}."),
    "block_big_provider": QT_TRANSLATE_NOOP(
        "Findings",
        "{domain} is a free-mail or big provider: blocking {pattern} would block every one of its "
        "users. Block single addresses instead."),
    "block_own_domain": QT_TRANSLATE_NOOP(
        "Findings", "{pattern} would block the customer's own domain {domain}."),
    "block_partner_domain": QT_TRANSLATE_NOOP(
        "Findings", "{pattern} would block {domain}, which sent known-good mail (a partner?)."),
    "block_no_sender": QT_TRANSLATE_NOOP("Findings", "No sender address found in the spam samples."),
    "block_domain_not_fixed": QT_TRANSLATE_NOOP(
        "Findings", "Only {matched} of {total} spam samples come from {domain} (others: {others}); one entry "
        "will not catch them all."),
    "block_single_sample": QT_TRANSLATE_NOOP(
        "Findings", "Only one spam sample: ask for more to confirm that {domain} is fixed."),
    "block_local_not_random": QT_TRANSLATE_NOOP(
        "Findings", "The local parts at {domain} do not look random: a single address entry may be enough."),
    "block_scope_partial": QT_TRANSLATE_NOOP(
        "Findings", "The entry for {domain} matches the samples only on: {scope}. Check which sender the "
        "filter compares."),
    "block_domain_invalid": QT_TRANSLATE_NOOP(
        "Findings", "The sender domain {domain} cannot be used as a block-list entry: {reason}."),
    "block_suggested": QT_TRANSLATE_NOOP(
        "Findings", "Suggested entry {pattern}: matches {matched} of {total} spam samples."),
}
