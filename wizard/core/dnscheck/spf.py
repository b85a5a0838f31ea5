"""SPF evaluation per RFC 7208 ``check_host()`` on an injected resolver.

No maintained Python SPF library takes an injected dnspython resolver (pyspf swaps a module-global
lookup function, which is neither thread-safe nor per-call), so this is the RFC's core: all mechanisms
(``all include a mx ptr ip4 ip6 exists``), the ``redirect`` and ``exp`` modifiers, macro expansion
(section 7), the limit of 10 DNS-querying terms (4.6.4), 10 names per ``mx``/``ptr``, 2 void lookups,
and ``permerror`` / ``temperror`` reported as results. Tested against the RFC's Appendix A examples.
"""

from __future__ import annotations

import ipaddress
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from wizard.core.dnscheck.resolver import Answer, DnsClient
from wizard.core.model import JsonValue

RESULTS = ("none", "neutral", "pass", "fail", "softfail", "temperror", "permerror")
DNS_TERM_LIMIT = 10
VOID_LIMIT = 2
NAME_LIMIT = 10

_QUALIFIERS = {"+": "pass", "-": "fail", "~": "softfail", "?": "neutral"}
_MECHANISMS = ("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists")
_MODIFIER_RE = re.compile(r"^([a-z][a-z0-9_.-]*)=(.*)$", re.IGNORECASE)
_MACRO_RE = re.compile(r"%(?:\{([a-zA-Z])(\d*)([rR]?)([.\-+,/_=]*)\}|(.))", re.DOTALL)
_IPAny = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class SpfResult:
    """The outcome of ``check_host(ip, domain, sender)``."""

    domain: str | None
    ip: str | None
    result: str | None
    """One of :data:`RESULTS`, or None when not checked."""
    record: str | None = None
    explanation: str = ""
    mechanism: str | None = None
    """The term that matched (``"include:_spf.example.net"``), if one did."""
    lookups: int = 0
    void_lookups: int = 0
    errors: tuple[str, ...] = ()

    def to_json(self) -> dict[str, JsonValue]:
        """The issue's contract ``{"domain", "record", "result", "explanation"}``."""
        return {"domain": self.domain, "record": self.record, "result": self.result,
                "explanation": self.explanation}


class _PermError(Exception):
    pass


class _TempError(Exception):
    pass


@dataclass
class _State:
    client: DnsClient
    ip: _IPAny
    sender: str
    helo: str
    lookups: int = 0
    voids: int = 0
    errors: list[str] = field(default_factory=list)
    validated_ptr: str | None = None

    def count_term(self, term: str) -> None:
        self.lookups += 1
        if self.lookups > DNS_TERM_LIMIT:
            raise _PermError(f"more than {DNS_TERM_LIMIT} DNS-querying terms (at {term})")

    def lookup(self, name: str, rdtype: str, *, counts_void: bool = True) -> Answer:
        answer = self.client.query(name, rdtype)
        if answer.failed:
            self.errors.append(answer.describe())
            raise _TempError(f"DNS lookup failed: {answer.describe()}")
        if answer.void and counts_void:
            self.voids += 1
            if self.voids > VOID_LIMIT:
                raise _PermError(f"more than {VOID_LIMIT} void DNS lookups (at {name})")
        return answer


def check_host(client: DnsClient, ip: str, domain: str, sender: str = "", helo: str = "") -> SpfResult:
    """Evaluate the SPF policy of ``domain`` for a client at ``ip``.

    ``sender`` is the MAIL FROM address (``""`` for the null sender: then ``postmaster@helo`` is used
    as RFC 7208 section 2.4 says). Never raises: DNS trouble is ``temperror``, broken records are
    ``permerror``, and the reason is in ``explanation``.
    """
    domain = (domain or "").strip().rstrip(".").lower()
    try:
        addr = ipaddress.ip_address(ip.strip())
    except ValueError:
        return SpfResult(domain or None, ip, None, explanation="not an IP address")
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    if not sender:
        sender = f"postmaster@{helo or domain}"
    elif "@" not in sender:
        sender = f"postmaster@{sender}"
    state = _State(client, addr, sender, helo or "unknown")
    if not _valid_domain(domain):
        return SpfResult(domain or None, str(addr), "none", explanation="no valid domain to check")
    record: str | None = None
    try:
        record = _fetch_record(state, domain, top=True)
        if record is None:
            result, explanation, mechanism = "none", f"{domain} publishes no SPF record", None
        else:
            result, mechanism, exp = _evaluate(state, domain, record, depth=0)
            explanation = _describe(result, domain, mechanism, exp)
    except _PermError as exc:
        result, explanation, mechanism = "permerror", str(exc), None
    except _TempError as exc:
        result, explanation, mechanism = "temperror", str(exc), None
    return SpfResult(domain, str(addr), result, record, explanation, mechanism, state.lookups,
                     state.voids, tuple(state.errors))


def _describe(result: str, domain: str, mechanism: str | None, exp: str | None) -> str:
    if mechanism is None and result == "neutral":
        text = f"no term of {domain}'s SPF record matched (default neutral)"
    elif mechanism is None:
        text = f"{domain}: {result}"
    else:
        text = f"matched {mechanism!r} in {domain}'s SPF record"
    if exp:
        text += f"; the domain explains: {exp}"
    return text


def _valid_domain(domain: str) -> bool:
    if not domain or len(domain) > 253 or "." not in domain:
        return False
    return all(0 < len(label) <= 63 for label in domain.split("."))


def _fetch_record(state: _State, domain: str, *, top: bool) -> str | None:
    """The single ``v=spf1`` TXT record of ``domain``; None when there is none."""
    answer = state.client.query(domain, "TXT")
    if answer.failed:
        state.errors.append(answer.describe())
        raise _TempError(f"DNS lookup failed: {answer.describe()}")
    if answer.void and not top:
        state.voids += 1
        if state.voids > VOID_LIMIT:
            raise _PermError(f"more than {VOID_LIMIT} void DNS lookups (at {domain})")
    records = [text for text in answer.values
               if text[:6].lower() == "v=spf1" and (len(text) == 6 or text[6] == " ")]
    if len(records) > 1:
        raise _PermError(f"{domain} publishes {len(records)} SPF records (only one is allowed)")
    return records[0] if records else None


def _evaluate(state: _State, domain: str, record: str, depth: int) -> tuple[str, str | None, str | None]:
    """-> (result, matched term, explanation text)."""
    if depth > 20:  # unreachable with the term limit, kept as a guard
        raise _PermError("include/redirect nesting too deep")
    terms = record[6:].split()
    directives: list[tuple[str, str, str]] = []
    redirect: str | None = None
    exp: str | None = None
    for term in terms:
        modifier = _MODIFIER_RE.match(term)
        if modifier and modifier.group(1).lower() not in _MECHANISMS:
            name, value = modifier.group(1).lower(), modifier.group(2)
            if name == "redirect":
                if redirect is not None:
                    raise _PermError("redirect= appears twice")
                redirect = value
            elif name == "exp":
                if exp is not None:
                    raise _PermError("exp= appears twice")
                exp = value
            else:
                _check_macros(value)  # unknown modifiers are ignored but must be well-formed
            continue
        qualifier = "+"
        if term[0] in _QUALIFIERS:
            qualifier, term = term[0], term[1:]
        match = re.match(r"^([a-z0-9]+)(.*)$", term, re.IGNORECASE)
        if not match or match.group(1).lower() not in _MECHANISMS:
            raise _PermError(f"unknown term {term!r}")
        directives.append((qualifier, match.group(1).lower(), match.group(2)))
    for qualifier, mechanism, rest in directives:
        if _matches(state, domain, mechanism, rest, depth):
            result = _QUALIFIERS[qualifier]
            text = None
            if result == "fail" and exp is not None:
                text = _explain(state, domain, exp)
            shown = ("" if qualifier == "+" else qualifier) + mechanism + rest
            return result, shown, text
    if redirect is not None:
        state.count_term("redirect")
        target = _domain_spec(state, domain, redirect)
        inner = _fetch_record(state, target, top=False)
        if inner is None:
            raise _PermError(f"redirect target {target} has no SPF record")
        result, matched, text = _evaluate(state, target, inner, depth + 1)
        return result, (f"redirect={target}" + (f" > {matched}" if matched else "")), text
    return "neutral", None, None


def _matches(state: _State, domain: str, mechanism: str, rest: str, depth: int) -> bool:
    if mechanism == "all":
        if rest:
            raise _PermError(f"malformed all{rest}")
        return True
    if mechanism in ("ip4", "ip6"):
        return _match_ip(state.ip, mechanism, rest)
    state.count_term(mechanism + rest)
    if mechanism == "include":
        if not rest.startswith(":"):
            raise _PermError("include without a domain")
        target = _domain_spec(state, domain, rest[1:])
        inner = _fetch_record(state, target, top=False)
        if inner is None:
            raise _PermError(f"include:{target} has no SPF record")
        result, _, _ = _evaluate(state, target, inner, depth + 1)
        if result == "pass":
            return True
        if result in ("fail", "softfail", "neutral"):
            return False
        raise _PermError(f"include:{target} gave {result}")
    if mechanism == "exists":
        if not rest.startswith(":"):
            raise _PermError("exists without a domain")
        target = _domain_spec(state, domain, rest[1:])
        return state.lookup(target, "A").ok
    target, cidr4, cidr6 = _target_and_cidr(state, domain, rest, mechanism)
    if mechanism == "a":
        return _host_matches(state, target, cidr4, cidr6)
    if mechanism == "mx":
        answer = state.lookup(target, "MX")
        hosts = _mx_hosts(answer)
        if len(hosts) > NAME_LIMIT:
            raise _PermError(f"mx:{target} has more than {NAME_LIMIT} MX hosts")
        return any(_host_matches(state, host, cidr4, cidr6) for host in hosts)
    if mechanism == "ptr":
        if cidr4 is not None or cidr6 is not None:
            raise _PermError("ptr takes no prefix length")
        name = _validated_ptr(state, target)
        return name is not None
    raise _PermError(f"unknown mechanism {mechanism}")  # pragma: no cover - filtered above


def _match_ip(ip: _IPAny, mechanism: str, rest: str) -> bool:
    if not rest.startswith(":"):
        raise _PermError(f"{mechanism} without an address")
    text = rest[1:]
    try:
        network = ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise _PermError(f"bad address in {mechanism}:{text}") from None
    if "/" in text:
        length = text.rsplit("/", 1)[1]
        if not length.isdigit() or (len(length) > 1 and length.startswith("0")):
            raise _PermError(f"bad prefix length in {mechanism}:{text}")
    if (mechanism == "ip4") != (network.version == 4):
        raise _PermError(f"{mechanism}:{text} has the wrong address family")
    return ip.version == network.version and ip in network


def _target_and_cidr(state: _State, domain: str, rest: str,
                     mechanism: str) -> tuple[str, int | None, int | None]:
    spec = rest
    cidr4: int | None = None
    cidr6: int | None = None
    match = re.search(r"(/(\d+))?(//(\d+))?$", spec)
    if match and match.group(0):
        spec = spec[: match.start()]
        if match.group(2) is not None:
            cidr4 = _prefix(match.group(2), 32)
        if match.group(4) is not None:
            cidr6 = _prefix(match.group(4), 128)
    if spec == "":
        return domain, cidr4, cidr6
    if not spec.startswith(":") or len(spec) == 1:
        raise _PermError(f"malformed {mechanism}{rest}")
    return _domain_spec(state, domain, spec[1:]), cidr4, cidr6


def _prefix(text: str, maximum: int) -> int:
    if len(text) > 1 and text.startswith("0"):
        raise _PermError(f"bad prefix length /{text}")
    value = int(text)
    if value > maximum:
        raise _PermError(f"prefix length /{text} too long")
    return value


def _host_matches(state: _State, host: str, cidr4: int | None, cidr6: int | None) -> bool:
    rdtype = "A" if state.ip.version == 4 else "AAAA"
    answer = state.lookup(host, rdtype)
    prefix = (cidr4 if cidr4 is not None else 32) if state.ip.version == 4 else (
        cidr6 if cidr6 is not None else 128)
    for value in answer.values:
        try:
            network = ipaddress.ip_network(f"{value}/{prefix}", strict=False)
        except ValueError:
            continue
        if state.ip in network:
            return True
    return False


def _mx_hosts(answer: Answer) -> list[str]:
    hosts: list[tuple[int, str]] = []
    for value in answer.values:
        pref, _, host = value.partition(" ")
        if host and host != ".":
            hosts.append((int(pref) if pref.isdigit() else 0, host))
    return [host for _, host in sorted(hosts)]


def _validated_ptr(state: _State, target: str) -> str | None:
    """A validated PTR name of the client equal to or below ``target`` (RFC 7208 5.5)."""
    answer = state.client.ptr(str(state.ip))
    if answer.failed or not answer.ok:
        return None  # errors in the PTR lookup only make the mechanism not match
    rdtype = "A" if state.ip.version == 4 else "AAAA"
    # Only names under the target can match, so only those are validated (same outcome, fewer lookups).
    names = [n for n in answer.values[:NAME_LIMIT] if _is_subdomain(n, target)]
    for name in names:
        forward = state.client.query(name, rdtype)
        if forward.ok and any(_same_ip(v, state.ip) for v in forward.values):
            return name
    return None


def _ptr_macro(state: _State, domain: str) -> str:
    if state.validated_ptr is None:
        answer = state.client.ptr(str(state.ip))
        rdtype = "A" if state.ip.version == 4 else "AAAA"
        found = "unknown"
        for name in (answer.values[:NAME_LIMIT] if answer.ok else ()):
            forward = state.client.query(name, rdtype)
            if forward.ok and any(_same_ip(v, state.ip) for v in forward.values):
                found = name
                if _is_subdomain(name, domain):
                    break
        state.validated_ptr = found
    return state.validated_ptr


def _same_ip(text: str, ip: _IPAny) -> bool:
    try:
        return ipaddress.ip_address(text) == ip
    except ValueError:
        return False


def _is_subdomain(name: str, parent: str) -> bool:
    name, parent = name.lower().rstrip("."), parent.lower().rstrip(".")
    return name == parent or name.endswith("." + parent)


def _domain_spec(state: _State, domain: str, spec: str) -> str:
    expanded = expand_macros(spec, state.ip, state.sender, domain, state.helo,
                             ptr=lambda: _ptr_macro(state, domain))
    expanded = expanded.rstrip(".")
    labels = expanded.split(".")
    if not expanded or any(label == "" for label in labels) or len(labels) < 2:
        raise _PermError(f"bad domain {expanded!r} from {spec!r}")
    while len(expanded) > 253:  # RFC 7208 7.3: drop labels from the left
        expanded = expanded.split(".", 1)[1]
    return expanded


def _check_macros(text: str) -> None:
    if "%" in _MACRO_RE.sub("", text) or any(
            m.group(5) is not None and m.group(5) not in "%_-" for m in _MACRO_RE.finditer(text)):
        raise _PermError(f"bad macro in {text!r}")


def expand_macros(text: str, ip: _IPAny, sender: str, domain: str, helo: str = "unknown", *,
                  explanation: bool = False, ptr: Callable[[], str] | None = None,
                  receiver: str = "unknown") -> str:
    """Expand RFC 7208 section 7 macros in ``text`` (``%{ir}.%{v}._spf.%{d2}`` and the like).

    ``ptr`` is a callable giving the validated client name for ``%{p}`` (``"unknown"`` without one).
    ``c``, ``r`` and ``t`` are only allowed when ``explanation`` is true. Raises ``_PermError`` for a
    malformed macro (caught by :func:`check_host`).
    """
    local, _, sender_domain = sender.rpartition("@")
    local = local or "postmaster"

    def letter_value(letter: str) -> str:
        lower = letter.lower()
        if lower == "s":
            return f"{local}@{sender_domain}"
        if lower == "l":
            return local
        if lower == "o":
            return sender_domain
        if lower == "d":
            return domain
        if lower == "i":
            if ip.version == 4:
                return str(ip)
            return ".".join(ip.exploded.replace(":", ""))
        if lower == "p":
            return ptr() if ptr is not None else "unknown"
        if lower == "v":
            return "in-addr" if ip.version == 4 else "ip6"
        if lower == "h":
            return helo
        if explanation and lower == "c":
            return str(ip)
        if explanation and lower == "r":
            return receiver
        if explanation and lower == "t":
            return str(int(time.time()))
        raise _PermError(f"macro letter {letter!r} not allowed here")

    def replace(match: re.Match[str]) -> str:
        if match.group(5) is not None:
            char = match.group(5)
            if char == "%":
                return "%"
            if char == "_":
                return " "
            if char == "-":
                return "%20"
            raise _PermError(f"bad macro %{char}")
        letter, digits, reverse, delimiters = match.group(1), match.group(2), match.group(3), match.group(4)
        value = letter_value(letter)
        parts = re.split("[" + re.escape(delimiters or ".") + "]", value)
        if reverse:
            parts.reverse()
        if digits:
            count = int(digits)
            if count == 0:
                raise _PermError("macro with zero parts")
            parts = parts[-count:]
        result = ".".join(parts)
        if letter.isupper():
            result = urllib.parse.quote(result, safe="")
        return result

    if "%" in _MACRO_RE.sub("", text):
        raise _PermError(f"bad macro in {text!r}")
    return _MACRO_RE.sub(replace, text)


def _explain(state: _State, domain: str, exp: str) -> str | None:
    try:
        target = _domain_spec(state, domain, exp)
    except _PermError:
        return None
    answer = state.client.query(target, "TXT")
    if not answer.ok or len(answer.values) != 1:
        return None
    try:
        text = expand_macros(answer.values[0], state.ip, state.sender, domain, state.helo,
                             explanation=True, ptr=lambda: _ptr_macro(state, domain))
    except _PermError:
        return None
    return "".join(ch for ch in text if ch.isprintable())[:300]
