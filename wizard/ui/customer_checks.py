"""The customer-sent checklist (password, devices, malware scan, submission log, ...), shared by the
branch page that shows it and the summary that reports it (pages never import each other)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

EXTRA_KEY = "customer_sent"
"""``session.extra`` key: ``{"checks": {id: bool}, "samples": [source], "machine": bool, "account": bool}``."""

CHECK_IDS = ("password", "devices", "malware", "submission_log", "rules", "contacts")


def check_label(check_id: str) -> str:
    """Translated label of one checklist item (also used in the case note)."""
    labels = {
        "password": QCoreApplication.translate(
            "CustomerSentPage", "&Password changed for the mail account (a new, unused one)"),
        "devices": QCoreApplication.translate(
            "CustomerSentPage", "New password entered in every mail app and &smartphone"),
        "malware": QCoreApplication.translate(
            "CustomerSentPage", "Full &malware scan of the PC run, with updated definitions"),
        "submission_log": QCoreApplication.translate(
            "CustomerSentPage", "Our submission &log checked for logins from unknown places"),
        "rules": QCoreApplication.translate(
            "CustomerSentPage", "Mailbox &forwarding and auto-reply rules checked for changes"),
        "contacts": QCoreApplication.translate(
            "CustomerSentPage", "Customer advised to warn &contacts who may have received the mail"),
    }
    return labels[check_id]
