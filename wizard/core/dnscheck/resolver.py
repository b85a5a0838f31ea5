"""Building dnspython resolvers and turning their answers and exceptions into plain data.

Every check in this package takes a :class:`DnsClient`: a dnspython ``Resolver`` (injected: the tests
point it at a server on 127.0.0.1) plus an optional overall deadline and cancel check. A lookup never
raises; it returns an :class:`Answer` whose ``status`` says what happened.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import dns.exception
import dns.name
import dns.nameserver
import dns.rdatatype
import dns.resolver
import dns.reversename

DEFAULT_TIMEOUT = 2.0
"""Seconds to wait for one server's answer before retrying."""
DEFAULT_LIFETIME = 5.0
"""Seconds one lookup may take in all (retries included)."""

_cache_lock = threading.Lock()
_shared_caches: dict[tuple[str, ...], dns.resolver.LRUCache] = {}


def shared_cache(nameservers: tuple[str, ...] = ()) -> dns.resolver.LRUCache:
    """The process-wide answer cache for one set of name servers (dnspython's caches are
    thread-safe), created on first use. Different servers may answer differently, so they never
    share entries."""
    with _cache_lock:
        cache = _shared_caches.get(nameservers)
        if cache is None:
            cache = _shared_caches[nameservers] = dns.resolver.LRUCache(max_size=20000)
        return cache


@dataclass(frozen=True, slots=True)
class ResolverConfig:
    """Where and how patiently to ask. Empty ``nameservers`` means the system's resolver."""

    nameservers: tuple[str, ...] = ()
    timeout: float = DEFAULT_TIMEOUT
    lifetime: float = DEFAULT_LIFETIME


def parse_nameserver(text: str) -> tuple[str, int]:
    """``IP``, ``IP:PORT``, ``[IPv6]:PORT`` or a bare IPv6 address -> (ip, port).

    Raises ``ValueError`` with a readable message for anything else.
    """
    item = text.strip()
    port = 53
    host = item
    if item.startswith("["):
        end = item.find("]")
        if end < 0:
            raise ValueError(f"not a name server address: {text!r}")
        host = item[1:end]
        rest = item[end + 1:]
        if rest:
            if not rest.startswith(":"):
                raise ValueError(f"not a name server address: {text!r}")
            port = _port(rest[1:], text)
    elif item.count(":") == 1:
        host, port_text = item.split(":")
        port = _port(port_text, text)
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"not a name server IP address: {text!r}") from None
    return str(ip), port


def _port(text: str, whole: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ValueError(f"bad port in name server address: {whole!r}")
    return int(text)


def make_resolver(config: ResolverConfig | None = None,
                  cache: dns.resolver.CacheBase | None = None) -> dns.resolver.Resolver:
    """A dnspython resolver for ``config`` sharing ``cache`` (default: :func:`shared_cache` of its servers).

    Without explicit name servers the system configuration is read; when there is none the resolver
    has no servers and every lookup reports an error (never an exception).
    """
    config = config or ResolverConfig()
    if config.nameservers:
        resolver = dns.resolver.Resolver(configure=False)
        servers: list[dns.nameserver.Nameserver | str] = []
        for item in config.nameservers:
            ip, port = parse_nameserver(item)
            servers.append(dns.nameserver.Do53Nameserver(ip, port))
        resolver.nameservers = servers
    else:
        try:
            resolver = dns.resolver.Resolver(configure=True)
        except (dns.resolver.NoResolverConfiguration, OSError):
            resolver = dns.resolver.Resolver(configure=False)
    resolver.timeout = config.timeout
    resolver.lifetime = config.lifetime
    resolver.retry_servfail = False
    resolver.cache = cache if cache is not None else shared_cache(config.nameservers)
    resolver.use_edns(0, 0, 1232)
    return resolver


class Status(StrEnum):
    """How one lookup ended."""

    OK = "ok"
    NXDOMAIN = "nxdomain"
    NODATA = "nodata"
    SERVFAIL = "servfail"
    TIMEOUT = "timeout"
    ERROR = "error"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Answer:
    """One lookup as data. ``values`` are text forms: addresses for A/AAAA, names (lower-case, no final
    dot) for PTR/CNAME/NS, ``"PREF HOST"`` for MX, the joined strings for TXT."""

    name: str
    rdtype: str
    status: Status
    values: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when records came back."""
        return self.status is Status.OK

    @property
    def void(self) -> bool:
        """NXDOMAIN or NODATA: the name answered, with nothing (RFC 7208's "void lookup")."""
        return self.status in (Status.NXDOMAIN, Status.NODATA)

    @property
    def failed(self) -> bool:
        """No usable answer: SERVFAIL, timeout, another error, or skipped for the deadline."""
        return self.status in (Status.SERVFAIL, Status.TIMEOUT, Status.ERROR, Status.SKIPPED)

    def describe(self) -> str:
        """Short English description for ``errors`` lists (``"example.com/TXT: timeout"``)."""
        detail = f" ({self.error})" if self.error else ""
        return f"{self.name}/{self.rdtype}: {self.status.value}{detail}"


class DnsClient:
    """A resolver plus an overall deadline (``time.monotonic()`` value) and a cancel check.

    Thread-safe: the runner shares one client between its worker threads.
    """

    def __init__(self, resolver: dns.resolver.Resolver, *, deadline: float | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.resolver = resolver
        self.deadline = deadline
        self._cancelled = cancelled

    @classmethod
    def from_config(cls, config: ResolverConfig | None = None, *, deadline: float | None = None,
                    cancelled: Callable[[], bool] | None = None) -> DnsClient:
        """Shorthand for ``DnsClient(make_resolver(config), ...)``."""
        return cls(make_resolver(config), deadline=deadline, cancelled=cancelled)

    def remaining(self) -> float:
        """Seconds this client may still spend on one lookup."""
        lifetime = float(self.resolver.lifetime)
        if self.deadline is None:
            return lifetime
        return min(lifetime, self.deadline - time.monotonic())

    def cancelled(self) -> bool:
        """True once the owner gave up on the whole case."""
        return bool(self._cancelled and self._cancelled())

    def query(self, name: str, rdtype: str) -> Answer:
        """Look ``name`` up; never raises."""
        shown = name.rstrip(".").lower()
        if self.cancelled():
            return Answer(shown, rdtype, Status.SKIPPED, error="cancelled")
        lifetime = self.remaining()
        if lifetime <= 0:
            return Answer(shown, rdtype, Status.TIMEOUT, error="overall deadline reached")
        try:
            qname = dns.name.from_text(name)
            answer = self.resolver.resolve(qname, rdtype, lifetime=lifetime, search=False)
        except dns.resolver.NXDOMAIN:
            return Answer(shown, rdtype, Status.NXDOMAIN)
        except dns.resolver.NoAnswer:
            return Answer(shown, rdtype, Status.NODATA)
        except dns.exception.Timeout:
            return Answer(shown, rdtype, Status.TIMEOUT, error="no answer in time")
        except dns.resolver.NoNameservers as exc:
            return Answer(shown, rdtype, Status.SERVFAIL, error=_short(exc))
        except dns.exception.DNSException as exc:
            return Answer(shown, rdtype, Status.ERROR, error=_short(exc))
        except (OSError, ValueError) as exc:
            return Answer(shown, rdtype, Status.ERROR, error=_short(exc))
        values = tuple(_value(rdata) for rdata in answer)
        return Answer(shown, rdtype, Status.OK, values)

    def ptr(self, ip: str) -> Answer:
        """Reverse lookup of ``ip`` (its in-addr.arpa / ip6.arpa name)."""
        try:
            rev = dns.reversename.from_address(ip).to_text()
        except (ValueError, dns.exception.SyntaxError) as exc:
            return Answer(ip, "PTR", Status.ERROR, error=_short(exc))
        return self.query(rev, "PTR")


def _value(rdata: object) -> str:
    rdtype = getattr(rdata, "rdtype", None)
    if rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
        return str(getattr(rdata, "address", ""))
    if rdtype == dns.rdatatype.MX:
        exchange = getattr(rdata, "exchange", dns.name.root)
        return f"{getattr(rdata, 'preference', 0)} {_name_text(exchange)}"
    if rdtype == dns.rdatatype.TXT:
        strings: tuple[bytes, ...] = getattr(rdata, "strings", ())
        return b"".join(strings).decode("utf-8", "replace")
    target = getattr(rdata, "target", None)
    if isinstance(target, dns.name.Name):
        return _name_text(target)
    return str(rdata)


def _name_text(name: dns.name.Name) -> str:
    text = name.to_text(omit_final_dot=True).lower()
    return "." if name == dns.name.root else text


def _short(exc: BaseException, limit: int = 200) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
