"""Certificate checker for the control panel's "security error".

:func:`check_certificate` connects to ``host:port``, reads the certificate chain the server sends even when
it is invalid (TLS with verification off), then checks it separately with ``cryptography``: self-signed,
unknown issuer, incomplete chain (missing intermediate), host name not covered (with the names it does
cover and a URL that would fit), expired / not yet valid, weak key, weak signature; and whether the site
asks for HSTS (browsers then offer no way past the warning). Connection problems (timeout, refused, name
not found, handshake failure) are reported as problems with their own codes, never raised.

:func:`browser_advice` picks the words for each browser from ``resources/guides/cert/{ja,en}.json``.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import socket
import ssl
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from wizard.core.model import JsonValue, iso_utc
from wizard.resources import resource_path

if TYPE_CHECKING:  # cryptography is imported where it is used: it costs 0.3 s, the wizard starts faster
    from cryptography import x509

_ENCODING_DER = 2
"""``_ssl.ENCODING_DER``: the format argument of the private chain certificates' ``public_bytes``."""

BROWSERS = ("chrome", "edge", "firefox", "safari_mac", "safari_iphone")

PROBLEM_CODES = (
    "self_signed", "unknown_issuer", "incomplete_chain", "hostname_mismatch", "expired", "not_yet_valid",
    "weak_key", "weak_signature", "hsts",
    "timeout", "refused", "dns_failed", "handshake_failed", "unreachable", "no_certificate", "bad_target",
)
CONNECTION_CODES = frozenset({"timeout", "refused", "dns_failed", "handshake_failed", "unreachable",
                              "no_certificate", "bad_target"})
"""Problems meaning no certificate could be read at all."""

NO_BYPASS_CODES = frozenset({"hsts", "handshake_failed"})
"""Problems after which browsers give no "proceed anyway": another device / the support side must help."""


@dataclass(frozen=True, slots=True)
class CertProblem:
    """One thing a browser will object to (or why nothing could be read)."""

    code: str
    detail: str
    params: Mapping[str, str] = field(default_factory=dict)
    """The facts in ``detail`` (names, dates...) for translated wording; not part of the JSON contract."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def to_json(self) -> dict[str, JsonValue]:
        """Contract form ``{"code", "detail"}``."""
        return {"code": self.code, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class CertReport:
    """Result of :func:`check_certificate`."""

    host: str
    port: int
    subject: str | None = None
    issuer: str | None = None
    san: tuple[str, ...] = ()
    not_before: datetime | None = None
    not_after: datetime | None = None
    problems: tuple[CertProblem, ...] = ()
    chain_length: int = 0
    """Certificates the server sent."""
    suggested_url: str | None = None
    """A URL whose host name the certificate covers, when the one used does not fit."""
    expect_host: str | None = None
    key: str | None = None
    """e.g. ``RSA 2048`` / ``EC 256``."""
    signature: str | None = None
    another_device: bool = False
    """True when a bypass in the browser is unlikely to work: another device (or help) is the better move."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        """The problem codes in order."""
        return tuple(p.code for p in self.problems)

    @property
    def connected(self) -> bool:
        """True when a certificate was read."""
        return not any(p.code in CONNECTION_CODES for p in self.problems)

    def to_json(self, advice: dict[str, str] | None = None) -> dict[str, JsonValue]:
        """Contract form used by ``spam-wizard check-cert --json``."""
        return {
            "host": self.host,
            "port": self.port,
            "subject": self.subject,
            "issuer": self.issuer,
            "san": list(self.san),
            "not_before": iso_utc(self.not_before),
            "not_after": iso_utc(self.not_after),
            "problems": [p.to_json() for p in self.problems],
            "advice": dict(advice or {}),
        }


def parse_target(text: str, default_port: int = 443) -> tuple[str, int]:
    """``host``, ``host:port``, ``[v6]:port`` or a URL -> (host, port). Raises ValueError when unusable.

    The scheme of a URL is ignored: the certificate question is about HTTPS, so ``http://host`` is
    checked on the HTTPS port too."""
    value = text.strip()
    if "://" in value:
        value = value.partition("://")[2]
        value = value.split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
    port = default_port
    if value.startswith("["):
        host, _sep, rest = value[1:].partition("]")
        if rest.startswith(":"):
            port = int(rest[1:])
    elif value.count(":") == 1:
        host, _sep, port_text = value.partition(":")
        port = int(port_text)
    else:
        host = value
    host = host.strip().rstrip(".")
    if not host or not 0 < port < 65536 or any(c.isspace() for c in host):
        raise ValueError(f"not a host[:port]: {text!r}")
    return host, port


# -- fetching -----------------------------------------------------------------------------------------
def fetch_chain(host: str, port: int, *, server_name: str | None = None, timeout: float = 10.0,
                probe_http: bool = True) -> tuple[list[bytes], dict[str, str]]:
    """Connect and return the DER certificates the server sent (leaf first) and the HTTP response headers
    of ``HEAD /`` (lower-cased names; empty when not probed or no answer). Raises ``OSError`` subclasses
    (``TimeoutError``, ``ConnectionRefusedError``, ``socket.gaierror``, ``ssl.SSLError``) on failure."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
    with contextlib.suppress(ssl.SSLError):
        ctx.set_ciphers("ALL:@SECLEVEL=0")  # read weak certificates too: judging them is our job
    sni = server_name or host
    if _is_ip(sni):
        sni = None  # type: ignore[assignment]
    deadline = time.monotonic() + timeout
    with socket.create_connection((host, port), timeout=timeout) as raw:
        raw.settimeout(max(0.1, deadline - time.monotonic()))
        with ctx.wrap_socket(raw, server_hostname=sni) as tls:
            chain: list[bytes] = []
            getter = getattr(tls, "get_unverified_chain", None)
            sslobj = getattr(tls, "_sslobj", None)
            if getter is None and sslobj is not None:
                getter = getattr(sslobj, "get_unverified_chain", None)
            if getter is not None:
                for cert in getter() or []:
                    der = cert if isinstance(cert, bytes) else cert.public_bytes(_ENCODING_DER)
                    if isinstance(der, str):
                        der = ssl.PEM_cert_to_DER_cert(der)
                    chain.append(bytes(der))
            if not chain:
                leaf = tls.getpeercert(binary_form=True)
                if leaf:
                    chain.append(leaf)
            headers: dict[str, str] = {}
            if probe_http:
                headers = _head(tls, server_name or host, port, deadline)
            return chain, headers


def _head(tls: ssl.SSLSocket, host: str, port: int, deadline: float) -> dict[str, str]:
    """Best-effort ``HEAD /``: only the response headers matter (HSTS)."""
    host_header = host if port == 443 else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        host_header = f"[{host}]" if port == 443 else f"[{host}]:{port}"
    try:
        tls.settimeout(max(0.1, min(3.0, deadline - time.monotonic())))
        tls.sendall(f"HEAD / HTTP/1.1\r\nHost: {host_header}\r\nUser-Agent: spam-wizard-certcheck\r\n"
                    "Connection: close\r\n\r\n".encode("ascii", "replace"))
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 32768:
            chunk = tls.recv(4096)
            if not chunk:
                break
            data += chunk
    except (OSError, ValueError):
        return {}
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1", "replace")
    lines = head.split("\r\n")
    if not lines or not lines[0].startswith("HTTP/"):
        return {}
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


# -- checking ------------------------------------------------------------------------------------------
def load_trust(paths: Iterable[str | Path] = (), *, system: bool = False) -> list[x509.Certificate]:
    """Trusted CA certificates from PEM (or DER) files, plus the system store when ``system``."""
    out: list[x509.Certificate] = []
    files = [Path(p) for p in paths]
    if system:
        default = ssl.get_default_verify_paths()
        if default.cafile:
            files.append(Path(default.cafile))
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        out.extend(_load_certs(data))
    return out


def _load_certs(data: bytes) -> list[x509.Certificate]:
    from cryptography import x509

    if b"-----BEGIN CERTIFICATE-----" in data:
        try:
            return list(x509.load_pem_x509_certificates(data))
        except ValueError:
            return []
    try:
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        return []


def _name(name: x509.Name) -> str:
    try:
        return name.rfc4514_string()
    except ValueError:
        return str(name)


def _cn(name: x509.Name) -> str | None:
    from cryptography.x509.oid import NameOID

    try:
        values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    except ValueError:
        return None
    if not values:
        return None
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def _san(cert: x509.Certificate) -> list[str]:
    from cryptography import x509
    from cryptography.x509.oid import ExtensionOID

    try:
        ext = cert.extensions.get_extension_for_oid(ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
    except (x509.ExtensionNotFound, ValueError):
        return []
    value = ext.value
    assert isinstance(value, x509.SubjectAlternativeName)
    names: list[str] = list(value.get_values_for_type(x509.DNSName))
    names.extend(str(ip) for ip in value.get_values_for_type(x509.IPAddress))
    return names


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    from cryptography.exceptions import InvalidSignature

    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except InvalidSignature:
        return False
    except Exception:  # e.g. SHA-1/MD5 signatures the high-level check refuses: verify by hand
        return _verify_legacy(cert, issuer)
    return True


def _verify_legacy(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    try:
        key = issuer.public_key()
        algorithm = cert.signature_hash_algorithm
        if algorithm is None:
            return False
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(), algorithm)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(algorithm))
        else:
            return False
    except Exception:  # InvalidSignature, unsupported algorithms: not issued by it as far as we can tell
        return False
    return True


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def host_matches(host: str, names: Sequence[str]) -> bool:
    """RFC 6125 matching as browsers do it: exact, or one ``*`` as the whole left-most label."""
    wanted = host.lower().rstrip(".")
    if _is_ip(wanted):
        return any(_is_ip(n) and ipaddress.ip_address(n) == ipaddress.ip_address(wanted) for n in names)
    for name in names:
        pattern = name.lower().rstrip(".")
        if pattern == wanted:
            return True
        if pattern.startswith("*.") and "." in wanted:
            head, _dot, rest = wanted.partition(".")
            if rest == pattern[2:] and head and rest.count(".") >= 1:
                return True
    return False


def _suggest(expected: str, names: Sequence[str], port: int) -> str | None:
    """A URL with a name the certificate covers, preferring the one closest to what was used."""
    candidates = [n for n in names if not _is_ip(n)]
    if not candidates:
        return None
    wanted = expected.lower()
    first_label = wanted.split(".")[0]

    def score(name: str) -> tuple[int, int]:
        plain = name.lower()
        if plain.startswith("*."):
            plain = first_label + plain[1:]
        shared = sum(1 for a, b in zip(reversed(plain.split(".")), reversed(wanted.split(".")), strict=False)
                     if a == b)
        return (-(shared + (plain.split(".")[0] == first_label)), len(plain))

    best = sorted(candidates, key=score)[0]
    if best.startswith("*."):
        best = (first_label if first_label and not _is_ip(wanted) else "www") + best[1:]
    return f"https://{best}/" if port == 443 else f"https://{best}:{port}/"


def _key_text(cert: x509.Certificate) -> tuple[str | None, bool]:
    from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa

    try:
        key = cert.public_key()
    except Exception:  # unsupported key types must not break the report
        return None, False
    if isinstance(key, rsa.RSAPublicKey):
        return f"RSA {key.key_size}", key.key_size < 2048
    if isinstance(key, ec.EllipticCurvePublicKey):
        return f"EC {key.curve.key_size}", key.curve.key_size < 256
    if isinstance(key, dsa.DSAPublicKey):
        return f"DSA {key.key_size}", True
    return type(key).__name__.replace("PublicKey", ""), False


def _sig_hash(cert: x509.Certificate) -> str | None:
    try:
        algorithm = cert.signature_hash_algorithm
    except Exception:
        return None
    return algorithm.name if algorithm is not None else None


def analyze_chain(
    chain_der: Sequence[bytes],
    host: str,
    port: int,
    *,
    expect_host: str | None = None,
    trust: Sequence[x509.Certificate] = (),
    now: datetime | None = None,
    headers: dict[str, str] | None = None,
) -> CertReport:
    """Judge a certificate chain as a browser would (without its trust store unless given in ``trust``)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    now = now or datetime.now(UTC)
    certs: list[x509.Certificate] = []
    for der in chain_der:
        try:
            certs.append(x509.load_der_x509_certificate(der))
        except ValueError:
            continue
    if not certs:
        return CertReport(host, port, problems=(CertProblem("no_certificate", "the server sent no readable "
                                                             "certificate"),), expect_host=expect_host)
    leaf = certs[0]
    problems: list[CertProblem] = []
    san = _san(leaf)
    subject = _name(leaf.subject)
    issuer = _name(leaf.issuer)

    # Chain building: from the leaf through what the server sent, to a trusted certificate.
    trusted_ders = {t.public_bytes(Encoding.DER) for t in trust}
    path = [leaf]
    pool = certs[1:]
    anchored = leaf.public_bytes(Encoding.DER) in trusted_ders
    while not anchored:
        top = path[-1]
        parent = next((t for t in trust if _issued_by(top, t)), None)
        if parent is not None:
            anchored = True
            break
        parent = next((c for c in pool if c not in path and _issued_by(top, c)), None)
        if parent is None:
            break
        path.append(parent)
        if parent.public_bytes(Encoding.DER) in trusted_ders:
            anchored = True
    if not anchored:
        top = path[-1]
        self_issued = top.issuer == top.subject and _issued_by(top, top)
        if top is leaf and self_issued:
            own = _cn(leaf.subject) or subject
            problems.append(CertProblem("self_signed", f"the certificate for {own} is signed by itself, not by "
                                                       "a certificate authority", {"name": own}))
        elif self_issued or top is not leaf:
            # Servers send intermediates but never need to send the root: what is missing is trust.
            root = top.subject if self_issued else top.issuer
            problems.append(CertProblem("unknown_issuer", f"issued under {_name(root)}, which is not a "
                                                          "trusted certificate authority",
                                        {"issuer": _name(root)}))
        else:
            problems.append(CertProblem("incomplete_chain", f"the server did not send the certificate of "
                                                            f"{_name(top.issuer)} (an intermediate "
                                                            "certificate), or that issuer is unknown",
                                        {"issuer": _name(top.issuer)}))

    wanted = (expect_host or host).lower().rstrip(".")
    names = san or ([c] if (c := _cn(leaf.subject)) else [])
    suggested: str | None = None
    if not host_matches(wanted, san):
        covered = ", ".join(names) if names else "no names"
        suggested = _suggest(wanted, names, port)
        detail = f"{wanted} is not covered; the certificate is for: {covered}"
        if not san and names:
            detail += " (only in the old Common Name field, which browsers ignore)"
        if suggested:
            detail += f"; use {suggested}"
        problems.append(CertProblem("hostname_mismatch", detail,
                                    {"host": wanted, "names": ", ".join(names), "url": suggested or ""}))

    not_before = leaf.not_valid_before_utc
    not_after = leaf.not_valid_after_utc
    if now > not_after:
        problems.append(CertProblem("expired", f"expired on {not_after.date().isoformat()}",
                                    {"date": not_after.date().isoformat(), "intermediate": ""}))
    elif now < not_before:
        problems.append(CertProblem("not_yet_valid", f"valid only from {not_before.date().isoformat()}; "
                                                      "also check the clock of the customer's PC",
                                    {"date": not_before.date().isoformat()}))
    for extra in path[1:]:
        if now > extra.not_valid_after_utc and extra.public_bytes(Encoding.DER) not in trusted_ders:
            when = extra.not_valid_after_utc.date().isoformat()
            problems.append(CertProblem("expired", f"the intermediate {_name(extra.subject)} expired on {when}",
                                        {"date": when, "intermediate": _name(extra.subject)}))

    key_text, weak = _key_text(leaf)
    if weak:
        problems.append(CertProblem("weak_key", f"{key_text} key (browsers need RSA 2048 / EC 256 or more)",
                                    {"key": key_text or ""}))
    sig = _sig_hash(leaf)
    for cert in path:
        if cert.issuer == cert.subject and cert is not leaf:
            continue  # a root's own signature is not checked by browsers
        name = _sig_hash(cert)
        if name in ("sha1", "md5"):
            who = "the certificate" if cert is leaf else f"the intermediate {_name(cert.subject)}"
            problems.append(CertProblem("weak_signature", f"{who} is signed with {name.upper()}",
                                        {"algorithm": name.upper(),
                                         "intermediate": "" if cert is leaf else _name(cert.subject)}))
            break

    hsts = (headers or {}).get("strict-transport-security")
    if hsts and problems:
        problems.append(CertProblem("hsts", f"the site asks for strict HTTPS ({hsts[:80]}): browsers show no "
                                            "button to continue past the warning", {"header": hsts[:80]}))
    another = any(p.code in NO_BYPASS_CODES for p in problems) or (
        weak and key_text is not None and key_text.startswith("RSA") and int(key_text.split()[1]) < 1024
    ) or sig == "md5"
    return CertReport(
        host=host, port=port, subject=subject, issuer=issuer, san=tuple(san), not_before=not_before,
        not_after=not_after, problems=tuple(problems), chain_length=len(certs), suggested_url=suggested,
        expect_host=expect_host, key=key_text, signature=sig, another_device=another,
    )


def check_certificate(
    target: str,
    port: int | None = None,
    *,
    expect_host: str | None = None,
    timeout: float = 10.0,
    trust: Sequence[x509.Certificate] = (),
    ca_files: Iterable[str | Path] = (),
    system_trust: bool = True,
    now: datetime | None = None,
    probe_http: bool = True,
) -> CertReport:
    """Connect to ``target`` (``host`` or ``host:port`` or a URL) and judge its certificate.

    ``expect_host`` is the name the customer types in the browser when it differs from where we connect
    (e.g. connecting to an IP). Trusted CAs: ``trust`` + ``ca_files`` + the system store (``system_trust``).
    Never raises for network trouble: it is reported as a problem (``timeout``, ``refused``,
    ``dns_failed``, ``handshake_failed``, ``unreachable``, ``bad_target``).
    """
    try:
        host, parsed_port = parse_target(target, port or 443)
    except ValueError as exc:
        return CertReport(target[:200], port or 443,
                          problems=(CertProblem("bad_target", str(exc)[:300], {"text": target[:200]}),))
    try:
        chain, headers = fetch_chain(host, parsed_port, server_name=expect_host, timeout=timeout,
                                     probe_http=probe_http)
    except TimeoutError:
        return _failed(host, parsed_port, expect_host, "timeout",
                       f"no answer from {host}:{parsed_port} within {timeout:g} seconds",
                       seconds=f"{timeout:g}")
    except ConnectionRefusedError:
        return _failed(host, parsed_port, expect_host, "refused",
                       f"{host}:{parsed_port} refused the connection (nothing listens on that port)")
    except socket.gaierror as exc:
        return _failed(host, parsed_port, expect_host, "dns_failed", f"the name {host} was not found ({exc})")
    except ssl.SSLError as exc:
        reason = str(exc.reason or exc)[:200]
        return _failed(host, parsed_port, expect_host, "handshake_failed",
                       f"the secure connection could not be set up: {reason}", reason=reason)
    except (OSError, ValueError, UnicodeError) as exc:
        return _failed(host, parsed_port, expect_host, "unreachable", f"cannot connect: {exc}",
                       reason=str(exc)[:200])
    anchors = list(trust) + load_trust(ca_files, system=system_trust)
    return analyze_chain(chain, host, parsed_port, expect_host=expect_host, trust=anchors, now=now,
                         headers=headers)


def _failed(host: str, port: int, expect_host: str | None, code: str, detail: str,
            **params: str) -> CertReport:
    facts = {"host": f"{host}:{port}", **params}
    return CertReport(host, port, problems=(CertProblem(code, detail, facts),), expect_host=expect_host,
                      another_device=False)


# -- advice --------------------------------------------------------------------------------------------
def load_guide(lang: str) -> dict[str, Any]:
    """The per-browser wording in ``resources/guides/cert/<lang>.json`` (English when missing)."""
    for candidate in (lang, "en"):
        path = resource_path("guides", "cert", f"{candidate}.json")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    return {}


def browser_advice(report: CertReport, lang: str = "en",
                   guide: dict[str, Any] | None = None) -> dict[str, str]:
    """What the customer will see and what to do, per browser, worded for reading aloud."""
    guide = guide if guide is not None else load_guide(lang)
    browsers: dict[str, Any] = guide.get("browsers", {})
    common: dict[str, Any] = guide.get("common", {})
    codes = [p.code for p in report.problems]
    out: dict[str, str] = {}
    for browser in BROWSERS:
        entry: dict[str, Any] = browsers.get(browser, {})
        parts: list[str] = []
        if not codes:
            parts.append(str(common.get("ok", "")))
        elif any(c in CONNECTION_CODES for c in codes):
            parts.append(str(common.get(codes[0], common.get("unreachable", ""))))
        else:
            see = entry.get("see", {})
            primary = next((c for c in codes if c in see), None)
            if primary:
                parts.append(str(see[primary]))
            if report.suggested_url and "hostname_mismatch" in codes:
                parts.append(str(common.get("use_url", "")).replace("{url}", report.suggested_url))
            if report.another_device:
                parts.append(str(entry.get("no_bypass", common.get("no_bypass", ""))))
            else:
                parts.append(str(entry.get("bypass", "")))
            if "not_yet_valid" in codes or "expired" in codes:
                parts.append(str(common.get("clock", "")))
            if "incomplete_chain" in codes and entry.get("incomplete_chain"):
                parts.append(str(entry["incomplete_chain"]))
            if report.another_device:
                parts.append(str(common.get("another_device", "")))
            else:
                parts.append(str(common.get("if_stuck", "")))
        joiner = str(common.get("joiner", " "))
        out[browser] = joiner.join(p.strip() for p in parts if p.strip())
    return out
