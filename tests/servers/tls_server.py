"""A real TLS server on 127.0.0.1 for certificate-check tests, plus certificates made at test time.

* :class:`TlsTestServer` serves a given certificate chain (leaf first, intermediates after it) on an
  ephemeral port from a thread; after the handshake it answers any HTTP request with ``200 OK`` (and a
  ``Strict-Transport-Security`` header when ``hsts``).
* :class:`SilentServer` accepts TCP connections and never says a word: a TLS handshake against it
  times out.
* :class:`Pki` makes keys, CAs and leaf certificates with ``cryptography`` (valid, self-signed, expired,
  not yet valid, wrong host, weak key, SHA-1 signed...).

Usage::

    pki = Pki()
    leaf, key = pki.leaf("cp.example.ne.jp")
    with TlsTestServer([leaf], key) as server:
        check_certificate(f"127.0.0.1:{server.port}", expect_host="cp.example.ne.jp", ...)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
import tempfile
import threading
from pathlib import Path
from types import TracebackType
from typing import Self

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
NOW = dt.datetime.now(dt.UTC)


def make_key(kind: str = "ec", bits: int = 256) -> PrivateKey:
    """An EC (P-256/P-384, by ``bits``) or RSA key."""
    if kind == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return ec.generate_private_key(ec.SECP384R1() if bits >= 384 else ec.SECP256R1())


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Spam Wizard Test"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


class Pki:
    """A root CA and an intermediate CA, and leaves issued by them on request."""

    def __init__(self, root_cn: str = "Test Root CA", intermediate_cn: str = "Test Intermediate CA") -> None:
        self.root_key = make_key()
        self.root = self._build(_name(root_cn), _name(root_cn), self.root_key.public_key(), self.root_key,
                                ca=True)
        self.intermediate_key = make_key()
        self.intermediate = self._build(_name(intermediate_cn), self.root.subject,
                                        self.intermediate_key.public_key(), self.root_key, ca=True)

    @staticmethod
    def _build(subject: x509.Name, issuer: x509.Name, public_key: object, signing_key: PrivateKey, *,
               ca: bool = False, san: list[str] | None = None, not_before: dt.datetime | None = None,
               not_after: dt.datetime | None = None,
               algorithm: hashes.HashAlgorithm | None = None) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(public_key)  # type: ignore[arg-type]
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or NOW - dt.timedelta(days=1))
            .not_valid_after(not_after or NOW + dt.timedelta(days=90))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if san:
            entries: list[x509.GeneralName] = []
            for name in san:
                try:
                    entries.append(x509.IPAddress(ipaddress.ip_address(name)))
                except ValueError:
                    entries.append(x509.DNSName(name))
            builder = builder.add_extension(x509.SubjectAlternativeName(entries), critical=False)
        return builder.sign(signing_key, algorithm or hashes.SHA256())

    def leaf(self, host: str = "cp.example.ne.jp", *, san: list[str] | None = None,
             by_root: bool = False, not_before: dt.datetime | None = None,
             not_after: dt.datetime | None = None, key: PrivateKey | None = None,
             algorithm: hashes.HashAlgorithm | None = None) -> tuple[x509.Certificate, PrivateKey]:
        """A leaf for ``host`` (SAN ``san`` or ``[host]``), issued by the intermediate (or the root)."""
        key = key or make_key()
        issuer_cert, issuer_key = (self.root, self.root_key) if by_root else (self.intermediate,
                                                                              self.intermediate_key)
        cert = self._build(_name(host), issuer_cert.subject, key.public_key(), issuer_key,
                           san=san if san is not None else [host], not_before=not_before,
                           not_after=not_after, algorithm=algorithm)
        return cert, key

    @classmethod
    def self_signed(cls, host: str = "cp.example.ne.jp", *, san: list[str] | None = None,
                    key: PrivateKey | None = None) -> tuple[x509.Certificate, PrivateKey]:
        """A self-signed leaf, as the control panel of the story has."""
        key = key or make_key()
        cert = cls._build(_name(host), _name(host), key.public_key(), key,
                          san=san if san is not None else [host])
        return cert, key

    def root_pem(self, folder: Path) -> Path:
        """Write the root CA to ``folder/ca.pem`` (for ``--ca``)."""
        path = folder / "ca.pem"
        path.write_bytes(self.root.public_bytes(serialization.Encoding.PEM))
        return path


class _LoopbackServer:
    """A listening socket on 127.0.0.1:<ephemeral> with an accept loop on a thread; subclasses say what
    happens to each accepted connection (:meth:`_accepted`) and what to release on close (:meth:`_release`)."""

    def __init__(self, name: str) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.port: int = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)

    @property
    def address(self) -> str:
        """``127.0.0.1:port``."""
        return f"127.0.0.1:{self.port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and release what the server holds."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)
        self._release()
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            self._accepted(conn)

    def _accepted(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def _release(self) -> None:
        """Nothing to release by default."""


class TlsTestServer(_LoopbackServer):
    """Serves ``chain`` with ``key`` on 127.0.0.1:<ephemeral>; a thread per connection."""

    def __init__(self, chain: list[x509.Certificate], key: PrivateKey, *, hsts: bool = False) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="tls-test-")
        folder = Path(self._dir.name)
        cert_file = folder / "chain.pem"
        key_file = folder / "key.pem"
        cert_file.write_bytes(b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain))
        key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                               serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.set_ciphers("DEFAULT:@SECLEVEL=0")  # so weak test keys and SHA-1 load at all
        self.context.load_cert_chain(cert_file, key_file)
        self.hsts = hsts
        self._threads: list[threading.Thread] = []
        self.connections = 0
        super().__init__("tls-test-server")

    def _release(self) -> None:
        """Wait for the connection threads and remove the temporary files."""
        for thread in self._threads:
            thread.join(5)
        self._dir.cleanup()

    def _accepted(self, conn: socket.socket) -> None:
        self.connections += 1
        thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
        self._threads.append(thread)
        thread.start()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            with self.context.wrap_socket(conn, server_side=True) as tls:
                data = b""
                while b"\r\n\r\n" not in data and len(data) < 65536:
                    chunk = tls.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                extra = b"Strict-Transport-Security: max-age=31536000\r\n" if self.hsts else b""
                tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n"
                            + extra + b"\r\n")
                with contextlib.suppress(OSError):
                    tls.unwrap()
        except (OSError, ssl.SSLError):
            pass
        finally:
            conn.close()


class SilentServer(_LoopbackServer):
    """Accepts TCP connections and never answers (for timeout tests); with ``reply``, sends those bytes
    instead (not TLS: the handshake fails) and closes."""

    def __init__(self, reply: bytes | None = None) -> None:
        self.reply = reply
        self._held: list[socket.socket] = []
        super().__init__("silent-server")

    def _release(self) -> None:
        """Drop every held connection."""
        for conn in self._held:
            conn.close()

    def _accepted(self, conn: socket.socket) -> None:
        if self.reply is not None:
            with contextlib.suppress(OSError):
                conn.sendall(self.reply)
            conn.close()
            return
        self._held.append(conn)


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _der(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _der_len(len(body)) + body


_SHA256_RSA = bytes.fromhex("06092a864886f70d01010b")
_SHA1_RSA = bytes.fromhex("06092a864886f70d010105")


def resign_sha1(cert: x509.Certificate, issuer_key: rsa.RSAPrivateKey) -> x509.Certificate:
    """The same certificate signed with SHA-1 (``cryptography`` no longer signs SHA-1 itself): the
    algorithm OID in the to-be-signed part is swapped and the signature made by hand."""
    from cryptography.hazmat.primitives.asymmetric import padding

    tbs = cert.tbs_certificate_bytes
    assert tbs.count(_SHA256_RSA) == 1, "needs an RSA/SHA-256 certificate to start from"
    tbs = tbs.replace(_SHA256_RSA, _SHA1_RSA)
    signature = issuer_key.sign(tbs, padding.PKCS1v15(), hashes.SHA1())
    algorithm = _der(0x30, _SHA1_RSA + b"\x05\x00")
    der = _der(0x30, tbs + algorithm + _der(0x03, b"\x00" + signature))
    return x509.load_der_x509_certificate(der)
SlowServer = SilentServer
"""The name the brief uses: accepts TCP and never answers the TLS handshake."""
