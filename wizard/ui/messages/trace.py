"""Words for the intake, trace and filter-header finding codes (wizard/core/intake.py, trace.py,
headers_spam.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    # intake: paste damage repaired
    "mixed_line_endings": QT_TRANSLATE_NOOP(
        "Findings", "Mixed line endings were normalised (CRLF {crlf}, LF {lf}, CR {cr})."),
    "quoted_paste_unquoted": QT_TRANSLATE_NOOP(
        "Findings", "The headers were quoted with \">\" (sent back in a reply); the quoting was removed."),
    "blank_lines_between_headers": QT_TRANSLATE_NOOP(
        "Findings", "Blank lines inside the header block were removed (a common copy-and-paste slip)."),
    "leading_text_skipped": QT_TRANSLATE_NOOP(
        "Findings", "{lines} line(s) of text before the headers were skipped."),
    "paste_unfolded_lines_repaired": QT_TRANSLATE_NOOP(
        "Findings", "{lines} folded line(s) had lost their indentation (Outlook's header box) and were rejoined."),
    "body_pasted_along": QT_TRANSLATE_NOOP(
        "Findings", "The message body was pasted along; only the headers are analysed."),
    "raw_8bit_header": QT_TRANSLATE_NOOP(
        "Findings", "Some headers hold raw 8-bit text; decoded as {charsets}."),
    "msg_without_transport_headers": QT_TRANSLATE_NOOP(
        "Findings", "This Outlook .msg file has no Internet headers (it was saved from a draft or a copy). "
        "Ask the customer for the headers of the received message instead."),
    "msg_not_a_mail_item": QT_TRANSLATE_NOOP(
        "Findings", "This Outlook file is not a mail item ({class_type})."),
    "byte_order_mark": QT_TRANSLATE_NOOP("Findings", "A byte order mark ({encoding}) was removed."),
    "nul_bytes_removed": QT_TRANSLATE_NOOP("Findings", "{count} NUL byte(s) were removed from the paste."),
    # trace
    "no_received_headers": QT_TRANSLATE_NOOP(
        "Findings", "There are no Received lines: ask for the full headers, not only From/To/Subject."),
    "trust_inferred": QT_TRANSLATE_NOOP(
        "Findings", "{host} was taken to be one of our own servers (no trusted servers are configured)."),
    "handoff_without_ip": QT_TRANSLATE_NOOP(
        "Findings", "The server {host} recorded no IP address for the sender that handed the mail over."),
    "forged_received": QT_TRANSLATE_NOOP(
        "Findings", "A Received line looks forged ({reason}): it was written by the sender, not by a server."),
    "chain_break": QT_TRANSLATE_NOOP(
        "Findings", "The chain is broken below our servers: {by} is not the server that the line above "
        "names ({expected}). Lines from here down can be invented by the sender."),
    "chain_mismatch": QT_TRANSLATE_NOOP(
        "Findings", "The server names do not line up: {by} was expected to be {expected}."),
    "no_handoff": QT_TRANSLATE_NOOP(
        "Findings", "No outside server handed this mail over: it stayed within trusted servers."),
    "negative_delay": QT_TRANSLATE_NOOP(
        "Findings", "A Received line is older than the line below it ({delay_s} s): a clock is wrong or "
        "the line was forged."),
    "absurd_delay": QT_TRANSLATE_NOOP(
        "Findings", "One hop took {delay_s} s (more than a day): a clock is wrong or the mail was held."),
    "handoff_private": QT_TRANSLATE_NOOP(
        "Findings", "The mail was handed over from a private address ({ip}): a server inside the network."),
    "sent_via_authenticated_submission": QT_TRANSLATE_NOOP(
        "Findings", "Sent with a mail account's password ({auth}, login {login}) from {ip}: if this is the "
        "customer's account, the password may be stolen."),
    "claimed_origin_forgeable": QT_TRANSLATE_NOOP(
        "Findings", "The first sender named in the chain ({ip}) is below the handoff and could be forged."),
    "customer_is_origin": QT_TRANSLATE_NOOP(
        "Findings", "The customer's own machine ({ip}) sent this message."),
    "customer_not_in_chain": QT_TRANSLATE_NOOP(
        "Findings", "The customer's PC does not appear anywhere in the delivery chain."),
    "missing_message_id": QT_TRANSLATE_NOOP("Findings", "The message has no Message-ID."),
    "missing_date": QT_TRANSLATE_NOOP("Findings", "The message has no Date header."),
    "envelope_from_mismatch": QT_TRANSLATE_NOOP(
        "Findings", "The envelope sender ({envelope_from}) differs from the From shown to the customer "
        "({header_from})."),
    "reply_to_mismatch": QT_TRANSLATE_NOOP(
        "Findings", "Replies would go to {reply_to}, not to the sender shown ({header_from})."),
    "date_in_future": QT_TRANSLATE_NOOP(
        "Findings", "The Date ({date}) is later than when our server received it ({received})."),
    # filter headers
    "spf_fail": QT_TRANSLATE_NOOP("Findings", "SPF failed for {mailfrom}: the sending server is not allowed "
                                  "to send for that domain."),
    "spf_softfail": QT_TRANSLATE_NOOP("Findings", "SPF soft-failed for {mailfrom}."),
    "dkim_none": QT_TRANSLATE_NOOP("Findings", "The message carries no DKIM signature."),
    "dkim_fail": QT_TRANSLATE_NOOP("Findings", "The DKIM signature did not verify ({result})."),
    "dmarc_fail": QT_TRANSLATE_NOOP("Findings", "DMARC failed for the sender's domain."),
    "spam_flagged": QT_TRANSLATE_NOOP(
        "Findings", "Our filter ({engine}) scored it as spam: {score} points (limit {required})."),
    "ms_scl_high": QT_TRANSLATE_NOOP("Findings", "Microsoft's filter rated it as spam (SCL {scl})."),
    "ms_bulk": QT_TRANSLATE_NOOP("Findings", "Microsoft's filter rated it as bulk mail (BCL {bcl})."),
    "ms_phish": QT_TRANSLATE_NOOP("Findings", "Microsoft's filter flagged it as {category}."),
    "forged_hop": QT_TRANSLATE_NOOP("Findings", "A Received line looks forged."),
}
