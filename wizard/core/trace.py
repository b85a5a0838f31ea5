"""Origin tracing: from parsed Received hops to "who handed us this mail, and where does it claim to
come from".

Trust model
-----------
Every Received line is written by the server named in its ``by`` part, about the client that
connected to it. Only lines written by *our* servers can be believed, so the chain is walked from the
top (the newest line, written by the server that delivered the mail to the mailbox) downwards, in the
manner of SpamAssassin's trusted-network walk (``Mail::SpamAssassin::Message::Metadata::Received``).
A relay hop's client is *trusted* (one of our own servers, so the line below it was written by us too)
when:

1. its IP is in ``policy.trusted_networks``, or its reverse-DNS name as recorded by our server matches
   ``policy.trusted_hosts`` (exact name, or a suffix for entries starting with ``"."``). The HELO name,
   which the client chooses, is used only for formats that record no rDNS at all (Exchange, Gmail);
2. its IP is private or loopback (RFC 1918, fc00::/7, 127/8, ::1, CGNAT): an internal hop inside the
   provider's network. Only reached while the walk is still trusted, so a private address that a
   sender wrote further down is never believed;
3. with no trusted networks or hosts configured at all: its recorded reverse-DNS name is in the same
   registrable domain (public suffix list) as a ``by`` host of a line already believed (the top line
   and every line written by a trusted server). This is how ``mx01.mail.example.ne.jp`` handing over
   to ``mbox01.mail.example.ne.jp``, or Microsoft's internal ``*.outlook.com`` hops, are recognised as
   internal without configuration. Formats that never record rDNS (Exchange, Gmail) are judged by the
   HELO name instead. Such hops get the ``trust_inferred`` finding so the agent can confirm; a sender
   whose own rDNS is in the provider's domain would be believed, which is why a configured provider
   profile switches this inference off;
4. it authenticated to our server (``ESMTPA``/``ESMTPSA``, ``Authenticated sender:``, webmail
   ``with HTTP`` after login, ...) and is not one of our servers by rules 1-3: an *authenticated
   submission*. The hop is trusted (the user is ours) but it is also where the mail entered: the walk
   stops there and that hop is the handoff (the compromised-account case: its IP is the one to check).

Non-relay lines (local pickup, ``qmail invoked``, fetchmail/POP/IMAP pickups) are skipped by the walk.

Results
-------
- **handoff**: the first hop from the top whose client is not one of our servers: the address that
  handed the mail to us, the one to look up in block lists (an authenticated client is the handoff of
  its submission).
- **claimed origin**: from the handoff downwards, as long as each line's ``by`` matches the client of the
  line above (host names compared loosely: exact, first label, same registrable domain, or by IP; see
  :func:`_consistent` for what cannot be compared and therefore passes), the
  bottom-most public client IP (``X-Originating-IP`` and kin are read as an extra hop at the bottom).
  Everything below the handoff was written by the sender's side, so the claimed origin is forgeable
  (``claimed_origin_forgeable`` when it lies below the handoff). Without a public one, the bottom-most
  client at all (``private: true``).
- **customer_is_origin**: with customer IPs or host names in the policy: true when the handoff, the
  claimed origin or any consistent relay at or below the handoff is the customer's; false when none
  is; null when no customer information was given.
- **delays**: ``delay_s`` of hop i is timestamp(i) - timestamp(i+1) (the line below). The bottom-most
  Received line is measured against the ``Date`` header.

Finding codes (trace page)
--------------------------
==================================  =========  ===============================================================
code                                severity   meaning / params
==================================  =========  ===============================================================
``no_received_headers``             warning    no Received lines: ask for the complete headers
``no_handoff``                      info       every hop is one of our servers (internal mail) or no client IP
``handoff_without_ip``              info       the first outside client was recorded without an IP (``hop``,
                                               ``host``)
``handoff_private``                 info       the handoff client has a private address (``ip``, ``hop``)
``trust_inferred``                  info       a hop was trusted by the same-domain inference (``hop``,
                                               ``host``)
``sent_via_authenticated_submission``  warning  the mail was submitted with a login to our server: the
                                               account's password may be stolen (``hop``, ``ip``, ``login``,
                                               ``auth``)
``claimed_origin_forgeable``        info       the claimed origin lies below the handoff (``ip``, ``hop``)
``forged_received``                 warning    a line below the handoff claims to be written by one of our
                                               own servers: forged by the sender (``hop``, ``reason``:
                                               ``claims_trusted_server``)
``chain_break``                     info       below the handoff, a ``by`` names neither the client of the
                                               line above nor anything related: renamed servers or a forged
                                               line. The consistent chain (claimed origin, customer check)
                                               ends above it (``hop``, ``by``, ``expected``)
``chain_mismatch``                  info       in our own part, a ``by`` differs from the client above
                                               (``hop``, ``by``, ``expected``)
``negative_delay``                  info       a line is older than the line below it by more than a
                                               minute, or the bottom line older than the Date header by
                                               more than 15 minutes (``hop``, ``delay_s``); below the
                                               handoff: warning
``absurd_delay``                    info       more than a day between two lines (``hop``, ``delay_s``)
``customer_is_origin``              critical   the customer's machine is the origin/handoff (``ip``, ``hop``)
``customer_not_in_chain``           info       customer information given and not found in the chain
``envelope_from_mismatch``          info       Return-Path and From are in different domains
                                               (``envelope_from``, ``header_from``)
``reply_to_mismatch``               info       Reply-To in another domain than From (``reply_to``,
                                               ``header_from``)
``missing_message_id``              info       no Message-ID
``missing_date``                    info       no Date header
``date_in_future``                  warning    Date more than two hours after the top Received (16 hours
                                               for a Date without a zone) (``date``, ``received``)
``received_parse_error``            info       a Received line could not be parsed (``hop``)
==================================  =========  ===============================================================

Authentication and filter findings (``spf_fail``, ``spf_softfail``, ``dkim_none``, ``dkim_fail``,
``dmarc_fail``, ``spam_flagged``, ``ms_scl_high``, ``ms_bulk``, ``ms_phish``) come from
:mod:`wizard.core.headers_spam`; input repairs (``paste_unfolded_lines_repaired``, ``mixed_line_endings``,
``raw_8bit_header``, ``body_pasted_along``, ...) from :mod:`wizard.core.intake`.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from wizard.core.ipaddr import is_private_ip as _is_private_ip
from wizard.core.ipaddr import normalise_ip, rdns_looks_dynamic
from wizard.core.model import ClaimedOrigin, Finding, Handoff, Hop, finding
from wizard.core.policy import DEFAULT_POLICY, AnalysisPolicy

# The trace asks about the same client address several times per message (trust walk, handoff, origin).
is_private_ip = lru_cache(maxsize=8192)(_is_private_ip)

__all__ = [
    "ORIGINATING_HEADERS",
    "TraceResult",
    "hosts_match",
    "message_findings",
    "originating_hops",
    "registered_domain",
    "trace",
]

ORIGINATING_HEADERS = (
    "X-Originating-IP",
    "X-Sender-IP",
    "X-AOL-IP",
    "X-Source-IP",
    "X-Yahoo-Post-IP",
    "X-Client-IP",
    "X-Real-IP",
    "X-Originating-Client",
)
"""Headers that name the submitting client's IP (webmail and provider front ends): an extra hop."""
_ORIGINATING_LOWER = {h.lower(): h for h in ORIGINATING_HEADERS}

_NOT_NAMES = frozenset({"unknown", "localhost", "localhost.localdomain", "user", "pc", "[127.0.0.1]"})
_NO_RDNS_FAMILIES = frozenset({"exchange", "exchange-smtpsvc", "webmail", "domino"})
"""Formats that record the client's HELO name but no reverse-DNS name."""
_NEGATIVE_TOLERANCE_S = 60.0
_DATE_TOLERANCE_S = 900.0
_ABSURD_S = 86400.0
_FUTURE_S = 2 * 3600.0
_LOGIN = re.compile(
    r"(?:Authenticated sender:|authenticated (?:as|user|sender)|AUTH:|auth=pass \(?\w*\)?\s*smtp\.auth=|"
    r"smtp\.auth=|\(authenticated user)\s*<?([^\s<>();,]{1,200})",
    re.IGNORECASE,
)
_IP_IN_TEXT = re.compile(r"[\[(]?((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f:]{2,}:[0-9A-Fa-f:.]*)[\])]?")


@dataclass(frozen=True, slots=True)
class TraceResult:
    """The hops with ``trusted`` and ``delay_s`` filled in, plus the verdicts and their findings."""

    hops: tuple[Hop, ...]
    handoff: Handoff | None
    claimed_origin: ClaimedOrigin | None
    customer_is_origin: bool | None
    authenticated_submission: bool
    findings: tuple[Finding, ...]


@lru_cache(maxsize=1)
def _psl() -> object:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


@lru_cache(maxsize=16384)
def registered_domain(host: str | None) -> str | None:
    """``mbox01.mail.example.ne.jp`` -> ``example.ne.jp`` (public suffix list); None for IPs/junk."""
    if not host:
        return None
    name = host.strip().strip("[]").rstrip(".").lower()
    if not name or "." not in name or normalise_ip(name) is not None or len(name) > 253:
        return None
    try:
        result = _psl().privatesuffix(name)  # type: ignore[attr-defined]
    except Exception:
        return None
    return result if isinstance(result, str) else None


@lru_cache(maxsize=16384)
def _norm_host(host: str | None) -> str | None:
    if not host:
        return None
    h = host.strip().strip("[]<>").rstrip(".;,").lower()
    return h or None


@lru_cache(maxsize=16384)
def hosts_match(a: str | None, b: str | None) -> bool:
    """Loose host comparison used for chain consistency.

    Equal names, equal IPs, equal first labels (``mx01`` vs ``mx01.mail.example.ne.jp``, Microsoft's
    upper-case short names) or the same registrable domain all count as a match.
    """
    na, nb = _norm_host(a), _norm_host(b)
    if na is None or nb is None:
        return False
    if na == nb:
        return True
    ia, ib = normalise_ip(na), normalise_ip(nb)
    if ia is not None or ib is not None:
        return ia is not None and ia == ib
    if na.split(".", 1)[0] == nb.split(".", 1)[0] and ("." not in na or "." not in nb or
                                                       na.split(".", 1)[0] not in ("mail", "smtp", "mx")):
        return True
    ra, rb = registered_domain(na), registered_domain(nb)
    return ra is not None and ra == rb


def _host_in(host: str | None, patterns: Sequence[str]) -> bool:
    h = _norm_host(host)
    if h is None:
        return False
    for p in patterns:
        p = p.lower().rstrip(".")
        if p.startswith("."):
            if h.endswith(p) or h == p[1:]:
                return True
        elif h == p:
            return True
    return False


def _ip_in(ip: str | None, nets: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    if ip is None or not nets:
        return False
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(addr.version == n.version and addr in n for n in nets)


def _client_name(hop: Hop) -> str | None:
    return hop.from_rdns or hop.from_helo


# One operator's mail systems under several registrable domains: a hand-over between them is not a
# contradiction (Gmail's smtp.gmail.com submission is sent on by mail-*.google.com, and so on).
_OPERATOR_DOMAINS = (
    frozenset({"google.com", "gmail.com", "googlemail.com", "1e100.net"}),
    frozenset({"outlook.com", "hotmail.com", "live.com", "office365.com", "microsoft.com", "msn.com"}),
    frozenset({"yahoo.com", "yahoo.co.jp", "yahoodns.net", "ymail.com", "aol.com"}),
    frozenset({"icloud.com", "me.com", "mac.com", "apple.com"}),
)


def _same_operator(a: str | None, b: str | None) -> bool:
    ra, rb = registered_domain(a), registered_domain(b)
    return ra is not None and rb is not None and any(ra in g and rb in g for g in _OPERATOR_DOMAINS)


def _consistent(upper: Hop, lower: Hop, between: Sequence[Hop] = ()) -> bool:
    """Does ``lower``'s ``by`` name the client recorded in ``upper`` (the relay line above it)?

    Only a real contradiction counts: a ``by`` without a dot (``Websense``, ``EXCH01``), or an upper line
    without a client name, cannot be compared and passes. A ``by``-only line in ``between`` that names the
    upper client (Gmail's ``by mail-sor-f41.google.com with SMTP``) vouches for the line below, and a
    server that wrote both lines after a private/loopback client (a content filter re-injecting mail)
    is consistent too.
    """
    if lower.by is None or lower.source_header != "Received":
        return True  # nothing to compare (synthetic X-Originating-IP hops, lines without "by")
    by = lower.by
    if by[:1].isdigit() or ":" in by or by[:1] == "[":
        by_ip = normalise_ip(by)
        if by_ip is not None:
            return upper.from_ip is None or by_ip == upper.from_ip
    if "." not in by.strip("."):
        return True
    names = [h for h in (upper.from_rdns, upper.from_helo) if h and h.lower() not in _NOT_NAMES]
    if not names:
        return True
    if any(hosts_match(by, h) or _same_operator(by, h) for h in names):
        return True
    if upper.by and upper.from_ip and is_private_ip(upper.from_ip) and hosts_match(by, upper.by):
        return True  # re-injection through a local content filter: the same server wrote both
    return any(mid.by and any(hosts_match(mid.by, h) for h in names) for mid in between)


def _login(hop: Hop) -> str | None:
    m = _LOGIN.search(hop.raw)
    return m.group(1) if m else None


def originating_hops(
    fields: Sequence[tuple[str, str]] | Mapping[str, Sequence[str]], known_ips: Sequence[str | None] = ()
) -> list[Hop]:
    """``X-Originating-IP`` and kin as synthetic hops (``source_header`` set), in header order.

    An address already recorded as a Received client (``known_ips``) adds no hop.
    """
    out: list[Hop] = []
    seen: set[str] = {ip for ip in known_ips if ip}
    if isinstance(fields, Mapping):  # an index {lower-case name: [values]}
        pairs = [(canonical, v) for canonical in ORIGINATING_HEADERS for v in fields.get(canonical.lower(), ())]
    else:
        pairs = [(_ORIGINATING_LOWER[k.lower()], v) for k, v in fields if k.lower() in _ORIGINATING_LOWER]
    for canonical, value in pairs:
        name = canonical
        text = " ".join(value.split())[:200]
        ip = None
        for m in _IP_IN_TEXT.finditer(text):
            ip = normalise_ip(m.group(1))
            if ip is not None:
                break
        if ip is None or ip in seen:
            continue
        seen.add(ip)
        out.append(Hop(raw=f"{name}: {text}", from_ip=ip, relay=True, source_header=canonical))
    return out


def _customer_match(hop: Hop, policy: AnalysisPolicy) -> bool:
    if _ip_in(hop.from_ip, policy.customer_ips):
        return True
    for name in (hop.from_rdns, hop.from_helo):
        h = _norm_host(name)
        if h is None:
            continue
        for c in policy.customer_hosts:
            c = c.lower().rstrip(".")
            if c.startswith("."):
                if h.endswith(c):
                    return True
            elif h == c or (("." not in c or "." not in h) and h.split(".", 1)[0] == c.split(".", 1)[0]):
                return True
    return False


def _seconds(a: datetime | None, b: datetime | None) -> float | None:
    if a is None or b is None:
        return None
    try:
        if (a.tzinfo is None) != (b.tzinfo is None):
            a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
        return (a - b).total_seconds()
    except (OverflowError, ValueError):
        return None


def trace(
    hops: Sequence[Hop],
    policy: AnalysisPolicy = DEFAULT_POLICY,
    date: datetime | None = None,
) -> TraceResult:
    """Walk ``hops`` (header order, hops[0] topmost; synthetic originating hops last) with the trust
    model described in the module docstring. ``date`` is the Date header, used for the bottom delay."""
    found: list[Finding] = []
    hs = list(hops)
    n = len(hs)
    received_idx = [i for i, h in enumerate(hs) if h.source_header == "Received"]
    if not received_idx:
        found.append(finding("no_received_headers", "warning"))

    # --- delays ----------------------------------------------------------------------------
    delays: list[float | None] = [None] * n
    for pos, i in enumerate(received_idx):
        below = received_idx[pos + 1] if pos + 1 < len(received_idx) else None
        delays[i] = _seconds(hs[i].timestamp, hs[below].timestamp if below is not None else date)

    # --- trust walk ------------------------------------------------------------------------
    configured = bool(policy.trusted_networks or policy.trusted_hosts)
    trusted = [False] * n
    handoff_idx: int | None = None
    auth_idx: int | None = None
    our_domains: set[str] = set()  # registrable domains of servers that wrote believable lines
    our_hosts: set[str] = set()  # names our servers call themselves in "by"
    for i in received_idx:
        hop = hs[i]
        by_name = _norm_host(hop.by)
        if by_name is not None:
            our_hosts.add(by_name)
        by_domain = registered_domain(hop.by)
        if by_domain is not None:
            our_domains.add(by_domain)
        if not hop.relay:
            trusted[i] = True  # written by our server, no relay client to judge: keep walking
            continue
        ip = hop.from_ip
        inferred = False
        ok = _ip_in(ip, policy.trusted_networks) or _host_in(hop.from_rdns, policy.trusted_hosts)
        if not ok and (ip is None or hop.from_rdns is None) and hop.mta in _NO_RDNS_FAMILIES:
            ok = _host_in(hop.from_helo, policy.trusted_hosts)
        if not ok and ip is not None and is_private_ip(ip):
            ok = True
        if not ok and not configured:
            name = hop.from_rdns
            if name is None and hop.mta in _NO_RDNS_FAMILIES:
                name = hop.from_helo  # these formats never record rDNS; only the HELO name is there
            rd = registered_domain(name)
            # A customer's PC on the provider's own access network has an rDNS name in the provider's
            # domain too (p123-ipngn.example.ne.jp): such names are never taken for our servers.
            if rd is not None and rd in our_domains and not rdns_looks_dynamic(name, ip):
                ok = inferred = True
        if ok:
            # One of our servers (even when it logged in to the next one, e.g. Microsoft's HTTPS hops).
            trusted[i] = True
            if inferred:
                found.append(finding("trust_inferred", "info", hop=i, host=name))
            continue
        if hop.auth is not None:
            trusted[i] = True
            auth_idx = i
        if ip is not None:
            handoff_idx = i
        else:
            found.append(finding("handoff_without_ip", "info", hop=i, host=_client_name(hop)))
        break

    # --- consistency below the handoff -------------------------------------------------------
    consistent_idx: list[int] = [handoff_idx] if handoff_idx is not None else []
    broken = False
    relays = [i for i in range(n) if hs[i].relay]
    for a, b in itertools.pairwise(relays):
        below_handoff = handoff_idx is not None and b > handoff_idx
        if hs[b].source_header != "Received":
            if below_handoff and not broken:
                consistent_idx.append(b)
            continue
        ok_pair = _consistent(hs[a], hs[b], [h for h in hs[a + 1 : b] if not h.relay])
        if below_handoff:
            by_name = _norm_host(hs[b].by)
            claims_ours = (
                _host_in(hs[b].by, policy.trusted_hosts)
                or _ip_in(normalise_ip(hs[b].by or ""), policy.trusted_networks)
                or (by_name is not None and by_name in our_hosts and "." in by_name)
            )
            if claims_ours:
                found.append(finding("forged_received", "warning", hop=b, reason="claims_trusted_server"))
                broken = True  # nothing at or below a forged line is part of the consistent chain
            if not ok_pair and not broken:
                broken = True
                found.append(finding("chain_break", "info", hop=b, by=hs[b].by, expected=_client_name(hs[a])))
            if not broken:
                consistent_idx.append(b)
        elif not ok_pair and trusted[a] and trusted[b]:
            found.append(finding("chain_mismatch", "info", hop=b, by=hs[b].by, expected=_client_name(hs[a])))
    if received_idx and handoff_idx is None and auth_idx is None:
        found.append(finding("no_handoff", "info"))

    # --- delays: findings ------------------------------------------------------------------
    bottom = received_idx[-1] if received_idx else None
    for i in received_idx:
        d = delays[i]
        if d is None:
            continue
        # The bottom line is measured against the Date header, i.e. the sender's own PC clock, which is
        # often some minutes off: only a larger gap says something.
        tolerance = _DATE_TOLERANCE_S if i == bottom else _NEGATIVE_TOLERANCE_S
        if d < -tolerance:
            sev = "warning" if handoff_idx is not None and i > handoff_idx else "info"
            found.append(finding("negative_delay", sev, hop=i, delay_s=d))
        elif d > _ABSURD_S:
            found.append(finding("absurd_delay", "info", hop=i, delay_s=d))

    # --- handoff / claimed origin ------------------------------------------------------------
    handoff: Handoff | None = None
    if handoff_idx is not None:
        h = hs[handoff_idx]
        assert h.from_ip is not None
        handoff = Handoff(h.from_ip, h.from_rdns, h.from_helo, handoff_idx)
        if is_private_ip(h.from_ip):
            found.append(finding("handoff_private", "info", ip=h.from_ip, hop=handoff_idx))
    if auth_idx is not None:
        h = hs[auth_idx]
        login = _login(h)
        for above in range(auth_idx - 1, -1, -1):  # webmail: the login is on the line above
            if login is not None:
                break
            login = _login(hs[above])
        found.append(finding("sent_via_authenticated_submission", "warning", hop=auth_idx, ip=h.from_ip,
                             login=login, auth=h.auth))

    candidates = consistent_idx if handoff_idx is not None else [
        i for i in range(n) if hs[i].relay and hs[i].from_ip is not None]
    claimed: ClaimedOrigin | None = None
    pick: int | None = None
    fallback: int | None = None
    for i in reversed(candidates):  # bottom-up: the first public client wins
        cip = hs[i].from_ip
        if cip is None:
            continue
        if not is_private_ip(cip):
            pick = i
            break
        if fallback is None:
            fallback = i
    if pick is None:
        pick = fallback
    if pick is not None:
        ip = hs[pick].from_ip
        assert ip is not None
        claimed = ClaimedOrigin(ip, pick, is_private_ip(ip))
        if handoff_idx is not None and pick > handoff_idx:
            found.append(finding("claimed_origin_forgeable", "info", ip=ip, hop=pick))

    # --- customer ----------------------------------------------------------------------------
    customer: bool | None = None
    if policy.customer_ips or policy.customer_hosts:
        look = list(consistent_idx)
        if claimed is not None and claimed.hop not in look:
            look.append(claimed.hop)
        if handoff_idx is None:
            look = [i for i in range(n) if hs[i].relay]
        match = next((i for i in look if _customer_match(hs[i], policy)), None)
        customer = match is not None
        if match is not None:
            found.append(finding("customer_is_origin", "critical", ip=hs[match].from_ip, hop=match))
        else:
            found.append(finding("customer_not_in_chain", "info"))

    new_hops = tuple(
        _with_trace(h, trusted[i], delays[i]) if (trusted[i] or delays[i] is not None) else h
        for i, h in enumerate(hs)
    )
    return TraceResult(
        hops=new_hops,
        handoff=handoff,
        claimed_origin=claimed,
        customer_is_origin=customer,
        authenticated_submission=auth_idx is not None,
        findings=tuple(found),
    )


def _with_trace(h: Hop, trusted: bool, delay_s: float | None) -> Hop:
    # The hot path of big mboxes: dataclasses.replace() introspects the fields on every call, and keyword
    # arguments cost a third more than positional ones (the field order is pinned by a unit test).
    return Hop(
        h.raw, h.from_helo, h.from_rdns, h.from_ip, h.ident, h.by, h.with_, h.id, h.for_, h.envfrom, h.auth,
        h.timestamp, h.relay, delay_s, trusted, h.mta, h.source_header,
    )


def _addr_domain(addr: str | None) -> str | None:
    if not addr or "@" not in addr:
        return None
    dom = addr.rsplit("@", 1)[1].strip().strip(">").rstrip(".").lower()
    return registered_domain(dom) or dom or None


def message_findings(
    *,
    message_id: str | None,
    date: datetime | None,
    date_present: bool,
    return_path: str | None,
    from_addr: str | None,
    reply_to: str | None,
    top_timestamp: datetime | None,
    date_zoned: bool = True,
) -> list[Finding]:
    """Findings about the message's own fields (see the table in the module docstring)."""
    out: list[Finding] = []
    if not message_id:
        out.append(finding("missing_message_id", "info"))
    if not date_present:
        out.append(finding("missing_date", "info"))
    rp, fr = _addr_domain(return_path), _addr_domain(from_addr)
    if rp and fr and rp != fr:
        out.append(
            finding("envelope_from_mismatch", "info", envelope_from=return_path, header_from=from_addr)
        )
    rt = _addr_domain(reply_to)
    if rt and fr and rt != fr:
        out.append(finding("reply_to_mismatch", "info", reply_to=reply_to, header_from=from_addr))
    skew = _seconds(date, top_timestamp)
    # A Date without a zone was read as UTC but meant the writer's local time (up to 14 hours off).
    limit = _FUTURE_S if date_zoned else _FUTURE_S + 14 * 3600.0
    if skew is not None and skew > limit and date is not None and top_timestamp is not None:
        out.append(
            finding("date_in_future", "warning", date=date.isoformat(), received=top_timestamp.isoformat())
        )
    return out
