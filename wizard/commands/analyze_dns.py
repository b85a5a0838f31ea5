"""The ``--dns`` part of ``spam-wizard analyze``: live DNS and reputation checks per message.

``analyze`` calls :func:`add_dns_arguments` while building its parser and :func:`dns_json` after the
analysis; each message's JSON then gets a ``"dns"`` object::

    {"relays": [{"ip", "ptr", "fcrdns", "country", "asn_org",
                 "dnsbl": [{"zone", "listed", "codes", "meaning"}], ...}],
     "spf": {"domain", "record", "result", "explanation"},
     "dmarc": {"domain", "record", "policy", "aligned"},
     "mx": [host, ...], "errors": [text, ...], ...}

Keys after those of the contract are additive (``checked``, ``abroad``, ``domain_dnsbl``, ``mx_domains``,
``geo_source``, ``findings``; per relay ``hop``, ``abroad``, ``header_rdns``, ``header_rdns_mismatch``).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any

from wizard.core.model import MessageAnalysis


def _nameserver(text: str) -> str:
    from wizard.core.dnscheck.resolver import parse_nameserver

    try:
        parse_nameserver(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 300:
        raise argparse.ArgumentTypeError(f"seconds must be between 0 and 300: {text!r}")
    return value


def _country(text: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", text.strip()):
        raise argparse.ArgumentTypeError(f"not a two-letter country code: {text!r}")
    return text.strip().upper()


def add_dns_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--dns``, ``--nameserver``, ``--dns-timeout``, ``--dns-deadline``, ``--offline``,
    ``--home-country`` and ``--dnsbl-config`` to ``parser``."""
    group = parser.add_argument_group("live DNS checks")
    group.add_argument("--dns", action="store_true",
                       help="add a 'dns' object per message: reverse DNS/FCrDNS, country and network owner "
                       "of each relay, DNS block lists, SPF, DMARC, MX")
    group.add_argument("--nameserver", action="append", default=[], type=_nameserver, metavar="IP[:PORT]",
                       help="ask this DNS server (repeatable; default: the system's resolver)")
    group.add_argument("--dns-timeout", type=_seconds, default=2.0, metavar="S",
                       help="seconds to wait for one DNS answer (default 2)")
    group.add_argument("--dns-deadline", type=_seconds, default=10.0, metavar="S",
                       help="seconds all checks of the run may take together (default 10)")
    group.add_argument("--offline", action="store_true",
                       help="with --dns: no network lookups (country from the offline database only; "
                       "the rest is reported as not checked)")
    group.add_argument("--home-country", type=_country, default="JP", metavar="CC",
                       help="country code relays are compared with for the 'abroad' flag (default JP)")
    group.add_argument("--dnsbl-config", metavar="FILE", default=None,
                       help="block list configuration (default: resources/dnsbl.json)")


def options_from_args(args: argparse.Namespace) -> Any:
    """The :class:`~wizard.core.dnscheck.runner.DnsOptions` the arguments describe."""
    from wizard.core.dnscheck.dnsbl import load_config
    from wizard.core.dnscheck.resolver import ResolverConfig
    from wizard.core.dnscheck.runner import DnsOptions

    timeout = float(getattr(args, "dns_timeout", 2.0) or 2.0)
    deadline = float(getattr(args, "dns_deadline", 10.0) or 10.0)
    config_path = getattr(args, "dnsbl_config", None)
    return DnsOptions(
        resolver=ResolverConfig(tuple(getattr(args, "nameserver", []) or ()), timeout,
                                lifetime=max(timeout, min(deadline, timeout * 2.5))),
        deadline=deadline,
        offline=bool(getattr(args, "offline", False)),
        home_country=str(getattr(args, "home_country", "JP") or "JP"),
        dnsbl=load_config(config_path) if config_path else None,
    )


def dns_json(analyses: Sequence[MessageAnalysis], args: argparse.Namespace) -> list[dict[str, Any]]:
    """One ``"dns"`` object per message, in order, all messages checked concurrently."""
    from wizard.core.dnscheck.runner import check_case

    if not analyses:
        return []
    options = options_from_args(args)
    reports = check_case(analyses, options)
    out: list[dict[str, Any]] = []
    for report in reports:
        doc = report.to_json()
        if options.dnsbl is not None and options.dnsbl.errors:
            doc["errors"] = list(options.dnsbl.errors) + doc["errors"]
        out.append(doc)
    return out


def dns_lines(doc: dict[str, Any]) -> list[str]:
    """The ``"dns"`` object of one message as readable lines for the table output of ``analyze``."""
    lines = ["DNS checks:" if doc.get("checked", True) else "DNS checks: not checked (offline)"]
    for relay in doc.get("relays", []):
        ptr = relay.get("ptr") or "no PTR"
        fcrdns = {True: "FCrDNS ok", False: "FCrDNS failed", None: "FCrDNS unknown"}[relay.get("fcrdns")]
        where = relay.get("country") or "?"
        if relay.get("abroad"):
            where += " (abroad)"
        owner = relay.get("asn_org") or "?"
        lines.append(f"  {relay.get('ip')}: {ptr}, {fcrdns}, {where}, {owner}")
        for item in relay.get("dnsbl", []):
            state = {True: "LISTED", False: "not listed", None: "unknown"}[item.get("listed")]
            codes = f" [{', '.join(item.get('codes', []))}]" if item.get("codes") else ""
            meaning = f": {item.get('meaning')}" if item.get("listed") is not False else ""
            lines.append(f"      {item.get('zone')}: {state}{codes}{meaning}")
    spf = doc.get("spf") or {}
    lines.append(f"  SPF {spf.get('domain') or '-'}: {spf.get('result') or 'not checked'}"
                 f" ({spf.get('explanation') or ''})")
    dmarc = doc.get("dmarc") or {}
    aligned = {True: "aligned", False: "not aligned", None: "alignment unknown"}[dmarc.get("aligned")]
    lines.append(f"  DMARC {dmarc.get('domain') or '-'}: policy {dmarc.get('policy') or 'none'}, {aligned}")
    lines.append(f"  MX: {', '.join(doc.get('mx', [])) or '-'}")
    for item in doc.get("domain_dnsbl", []):
        if item.get("listed") is not False:
            state = "LISTED" if item.get("listed") else "unknown"
            lines.append(f"  {item.get('domain')} on {item.get('zone')}: {state}: {item.get('meaning')}")
    source = doc.get("geo_source")
    if source:
        lines.append(f"  (country data: {source.get('source')}, {source.get('attribution')})")
    lines.extend(f"  error: {text}" for text in doc.get("errors", []))
    return lines
