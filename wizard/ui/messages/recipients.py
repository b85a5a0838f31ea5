"""Words for the recipient, account-list, address-check and certificate finding codes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    # recipients
    "recipients_none": QT_TRANSLATE_NOOP(
        "Findings", "None of the samples is addressed to the customer's domains ({domains})."),
    "recipients_recommend_delete": QT_TRANSLATE_NOOP(
        "Findings", "Delete {address}: it belongs to someone who left and receives the spam "
                    "({count} seen, since {first_seen})."),
    "recipients_predict_bounce": QT_TRANSLATE_NOOP(
        "Findings", "After deletion, mail to {address} is refused while it is being sent (550 5.1.1 "
                    "user unknown): the sender gets an error, nothing is stored, and nobody can read "
                    "mail sent to it any more."),
    "recipients_predict_move": QT_TRANSLATE_NOOP(
        "Findings", "The spammer may move on to other addresses once {address} is gone, as in the original "
                    "case. Also targeted now: {others}. Plan the block list step next."),
    "recipients_ask_departed": QT_TRANSLATE_NOOP(
        "Findings", "Ask the customer whether any of these addresses belongs to someone who has left: "
                    "{addresses}."),
    "recipients_is_alias": QT_TRANSLATE_NOOP(
        "Findings", "{address} is an alias (to {targets}): deleting it removes only the alias, but check "
                    "nobody still gives it out."),
    "recipients_is_forward": QT_TRANSLATE_NOOP(
        "Findings", "{address} forwards mail to {targets}: deleting it stops that forwarding too."),
    "recipients_forward_target": QT_TRANSLATE_NOOP(
        "Findings", "{address} is the forwarding target of {sources}: deleting it breaks those forwards "
                    "(their mail would bounce)."),
    "recipients_legit_mail": QT_TRANSLATE_NOOP(
        "Findings", "{address} also receives legitimate mail ({count} known-good samples): those senders "
                    "will get errors after deletion; tell them the new address first."),
    "recipients_not_registered": QT_TRANSLATE_NOOP(
        "Findings", "{address} is not in the account list: it may be delivered by a catch-all or an alias, "
                    "so there is no mailbox to delete."),
    "recipients_stale_login": QT_TRANSLATE_NOOP(
        "Findings", "{address} has not logged in since {last_login}: ask whether it is still used."),
    "recipients_delete_verified": QT_TRANSLATE_NOOP(
        "Findings", "Verified in the log: {count} attempts to {address} were refused at SMTP time since "
                    "{since} (550 5.1.1), as predicted."),
    "recipients_still_delivered": QT_TRANSLATE_NOOP(
        "Findings", "{count} messages to {address} were still delivered after {since}: the address may "
                    "still exist as an alias, or a catch-all accepts it."),
    "recipients_departed_not_targeted": QT_TRANSLATE_NOOP(
        "Findings", "{address} is marked as departed but none of the samples is addressed to it."),
    # account list import
    "accounts_bad_row": QT_TRANSLATE_NOOP(
        "Findings", "Account list line {line} skipped or partly read ({reason}): {text}"),
    "accounts_duplicate": QT_TRANSLATE_NOOP(
        "Findings", "Account list line {line}: {address} already appeared on line {first_line}."),
    "accounts_empty": QT_TRANSLATE_NOOP("Findings", "The account list {source} has no usable rows."),
    "accounts_no_address_column": QT_TRANSLATE_NOOP(
        "Findings", "No address column found in {source}: export the list again as CSV with headers."),
    "accounts_no_header": QT_TRANSLATE_NOOP(
        "Findings", "{source} has no header line; the column with @ signs was read as the addresses."),
    "accounts_encoding_guess": QT_TRANSLATE_NOOP(
        "Findings", "{source} is neither UTF-8 nor Shift_JIS (CP932); some names may look garbled."),
    "accounts_unreadable": QT_TRANSLATE_NOOP("Findings", "Cannot read {source}: {error}"),
    "accounts_not_text": QT_TRANSLATE_NOOP(
        "Findings", "{source} is not a text (CSV) file. Export the account list as CSV."),
    "accounts_too_large": QT_TRANSLATE_NOOP("Findings", "{source} is too large ({size} bytes)."),
    # address check
    "address_ime_on": QT_TRANSLATE_NOOP(
        "Findings", "Most of the address was typed in full-width characters: the Japanese input (IME) was "
                    "on. Ask the customer to press the 半角/全角 key and type it again."),
    "address_no_close_match": QT_TRANSLATE_NOOP(
        "Findings", "The typed address is not close to any registered address (closest: {closest}, "
                    "{distance} changes away). Ask which address was registered."),
    "address_not_an_address": QT_TRANSLATE_NOOP(
        "Findings", "The typed text has no @ sign, so it cannot be an address."),
    "address_no_known": QT_TRANSLATE_NOOP(
        "Findings", "No registered address given: only typing slips can be shown."),
    "address_case_only": QT_TRANSLATE_NOOP(
        "Findings", "Only upper/lower case differs: for addresses this normally does not matter."),
}
