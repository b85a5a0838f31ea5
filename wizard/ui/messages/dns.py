"""Words for the DNS and reputation findings (``dns_*`` codes from ``wizard.core.dnscheck.runner``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    "dns_not_checked": QT_TRANSLATE_NOOP(
        "Findings", "Network checks were not run (offline): reverse DNS, block lists, SPF, DMARC and MX "
        "are not checked."),
    "dns_relay_no_ptr": QT_TRANSLATE_NOOP(
        "Findings", "The relay {ip} has no reverse DNS name. Legitimate mail servers almost always "
        "have one."),
    "dns_relay_fcrdns_fail": QT_TRANSLATE_NOOP(
        "Findings", "The reverse DNS name of {ip} ({ptr}) does not point back to it: the name is not "
        "confirmed."),
    "dns_rdns_changed": QT_TRANSLATE_NOOP(
        "Findings", "Our server recorded {ip} as \"{header}\", but DNS now says \"{now}\"."),
    "dns_relay_listed": QT_TRANSLATE_NOOP(
        "Findings", "The sending server {ip} is on the block list {list}: {meaning}"),
    "dns_query_refused": QT_TRANSLATE_NOOP(
        "Findings", "The block list {zone} refused the question ({meaning}). This is not a listing; ask "
        "through a registered resolver."),
    "dns_relay_abroad": QT_TRANSLATE_NOOP(
        "Findings", "The server that handed the mail to us ({ip}) is abroad: {country_name}, network of "
        "{asn_org}."),
    "dns_spf_fail": QT_TRANSLATE_NOOP(
        "Findings", "SPF fail: {domain} says {ip} may not send its mail. The sender address is forged."),
    "dns_spf_softfail": QT_TRANSLATE_NOOP(
        "Findings", "SPF softfail: {domain} does not authorise {ip} (a weak \"probably not\")."),
    "dns_spf_neutral": QT_TRANSLATE_NOOP(
        "Findings", "SPF neutral: {domain} makes no statement about {ip}."),
    "dns_spf_none": QT_TRANSLATE_NOOP(
        "Findings", "SPF none: {domain} publishes no SPF record, so the sender address cannot be checked."),
    "dns_spf_permerror": QT_TRANSLATE_NOOP(
        "Findings", "The SPF record of {domain} is broken: {explanation}"),
    "dns_spf_temperror": QT_TRANSLATE_NOOP(
        "Findings", "SPF for {domain} could not be checked now (DNS error): {explanation}"),
    "dns_dmarc_none": QT_TRANSLATE_NOOP(
        "Findings", "{domain} publishes no DMARC policy: receivers are not asked to reject forged mail."),
    "dns_dmarc_not_aligned": QT_TRANSLATE_NOOP(
        "Findings", "Neither SPF nor DKIM confirms the From domain {domain} (DMARC policy: {policy})."),
    "dns_domain_nxdomain": QT_TRANSLATE_NOOP(
        "Findings", "The sender domain {domain} does not exist. Replies cannot reach it."),
    "dns_domain_lookalike": QT_TRANSLATE_NOOP(
        "Findings", "The sender domain {domain} does not exist and imitates {of}."),
    "dns_domain_null_mx": QT_TRANSLATE_NOOP(
        "Findings", "The sender domain {domain} declares that it receives no mail (null MX)."),
    "dns_domain_no_mx": QT_TRANSLATE_NOOP(
        "Findings", "The sender domain {domain} has no mail server: replies cannot be delivered."),
    "dns_domain_listed": QT_TRANSLATE_NOOP(
        "Findings", "The sender domain {domain} is on the block list {list}: {meaning}"),
}
