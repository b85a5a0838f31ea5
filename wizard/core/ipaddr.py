"""Small IP address helpers used by the Received parser and the trace.

Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) count as
*public* here, unlike in :mod:`ipaddress`, so that examples and training cases behave like real mail.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

__all__ = ["is_private_ip", "normalise_ip", "rdns_looks_dynamic"]

_V4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# IPv4 already in canonical form (ASCII octets 0-255 without leading zeros): returned as it is
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_CANONICAL_V4 = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")
_PRIVATE_NETS = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "::/128",
        "::1/128",
        "fc00::/7",
        "fe80::/10",
    )
)
_PRIVATE_V4 = tuple(
    (int(net.network_address), int(net.broadcast_address)) for net in _PRIVATE_NETS if net.version == 4
)


def normalise_ip(text: str) -> str | None:
    """The canonical text of the IP address in ``text``, or None when it is not one.

    Accepts ``[1.2.3.4]``, ``[IPv6:2001:db8::1]``, ``fe80::1%eth0`` (zone dropped), ``[1.2.3.4]:25``
    and IPv4-mapped IPv6 (``::ffff:1.2.3.4`` becomes ``1.2.3.4``). IPv4 octets with leading zeros are
    read as decimal. IPv6 is returned in compressed lower-case form.
    """
    if not isinstance(text, str):
        return None
    value = text.strip()
    if len(value) > 100 or not value:
        return None
    return _normalise(value)


@lru_cache(maxsize=8192)
def _normalise(value: str) -> str | None:
    if _CANONICAL_V4.fullmatch(value):
        return value
    if value.startswith("["):
        end = value.find("]")
        value = value[1:end] if end > 0 else value[1:]
    elif value.endswith("]"):
        value = value[:-1]
    value = value.strip()
    if value[:5].lower() == "ipv6:":
        value = value[5:]
    if "%" in value:
        value = value.split("%", 1)[0]
    if _V4.fullmatch(value):
        octets = [int(part) for part in value.split(".")]
        if any(octet > 255 for octet in octets):
            return None
        return ".".join(str(octet) for octet in octets)
    if ":" not in value:
        return None
    try:
        address = ipaddress.IPv6Address(value)
    except ValueError:
        return None
    mapped = address.ipv4_mapped
    if mapped is not None:
        return str(mapped)
    return address.compressed


def is_private_ip(ip: str) -> bool:
    """True for addresses that cannot be a sender on the Internet.

    Private (RFC 1918, unique-local fc00::/7), loopback, link-local, CGNAT 100.64.0.0/10 and the
    unspecified/"this network" addresses count; documentation ranges do not. Non-IPs give False.
    """
    canonical = normalise_ip(ip)
    if canonical is None:
        return False
    return _private(canonical)


@lru_cache(maxsize=8192)
def _private(canonical: str) -> bool:
    if ":" not in canonical:
        a, b, c, d = map(int, canonical.split("."))
        value = (a << 24) | (b << 16) | (c << 8) | d
        return any(start <= value <= end for start, end in _PRIVATE_V4)
    address = ipaddress.ip_address(canonical)
    return any(address in net for net in _PRIVATE_NETS if net.version == 6)


# Labels access providers put in the reverse-DNS names of their customers' lines (FLETS "ipngn", "ppp",
# "dhcp", "pool", ...). Server names use words like mail/smtp/mx instead.
_DYNAMIC_WORD = re.compile(
    r"(?:^|[.\-_])(?:dyn(?:amic)?|dhcp|ppp(?:oe)?|[av]?dsl|cable|pool|dial(?:up)?|ipngn|flets|ftth|fttx|"
    r"broadband|bband|cust(?:omer)?|client|user|home|res|wifi|wlan|mobile|catv|cpe)\d*(?=[.\-_]|\d|$)",
    re.IGNORECASE,
)
_SERVER_LABEL = re.compile(r"^(?:mail|smtp|mx|mta|relay|out|outbound|mbox|imap|pop|gw|mailgw)", re.IGNORECASE)


def rdns_looks_dynamic(name: str | None, ip: str | None = None) -> bool:
    """Whether a reverse-DNS name looks like an end user's access line rather than a mail server.

    ``p1234051-ipngn200.tokyo.example.ne.jp``, ``KD106154012034.au-net.ne.jp``,
    ``softbank126012034056.bbtec.net``, ``i118-21-1-2.s41.a013.ap.plala.or.jp``: names that carry a
    dynamic-access keyword or the client's own IPv4 address (dotted, dashed or zero-padded). A name
    whose first label starts like a server's (``mail``, ``smtp``, ``mx``, ``out``...) never counts, so
    ``mail-oln040092074029.outbound.protection.outlook.com`` is a server. Used by the trace so that a
    customer's PC on the provider's own access network is not taken for one of its servers.
    """
    if not name:
        return False
    host = name.strip().rstrip(".").lower()
    if not host or _SERVER_LABEL.match(host):
        return False
    if _DYNAMIC_WORD.search(host):
        return True
    canonical = normalise_ip(ip) if ip else None
    if canonical is None or ":" in canonical:
        return False
    octets = canonical.split(".")
    digits = re.findall(r"\d+", host)
    if sum(1 for o in octets if o in digits) >= 3:  # 1-2-3-4, 4.3.2.1, ...
        return True
    padded = "".join(o.zfill(3) for o in octets)
    return padded in host.replace("-", "").replace(".", "")
