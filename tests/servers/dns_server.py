"""A small authoritative DNS server for tests, on 127.0.0.1 (UDP and TCP, same ephemeral port).

Built on dnspython's message API (``dns.message.from_wire`` / ``make_response``). Every query is handled
on its own thread, so per-name delays overlap the way they do against a real slow server. Behaviour per
name (lower-case, no trailing dot):

* ``records``: ``{name: [(type, rdata_text), ...]}``; a name that is absent (and has no names below it)
  answers NXDOMAIN, a present name without the asked type answers NOERROR/NODATA. CNAMEs are chased
  inside the data.
* ``delays``: seconds to wait before answering (``default_delay`` for all others).
* ``servfail``: answer SERVFAIL.  ``refused``: answer REFUSED.
* ``silent``: never answer (the client times out).
* ``truncate``: over UDP answer with the TC bit and no records; the full answer only over TCP.
* ``gate``: names whose first UDP queries are held until ALL of them have arrived (a barrier): proof
  that a client asks them concurrently; a sequential client gets no answer (``gate_broken``).

Usage::

    with DnsTestServer(records) as server:
        resolver_config = ResolverConfig(nameservers=(server.address,))
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterable, Mapping
from types import TracebackType

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset

Records = Mapping[str, Iterable[tuple[str, str]]]


def _norm(name: str) -> str:
    return name.lower().rstrip(".")


class DnsTestServer:
    """A threaded UDP+TCP DNS server answering from in-memory data."""

    def __init__(self, records: Records, *, delays: Mapping[str, float] | None = None,
                 default_delay: float = 0.0, servfail: Iterable[str] = (), refused: Iterable[str] = (),
                 silent: Iterable[str] = (), truncate: Iterable[str] = (), ttl: int = 300,
                 gate: Iterable[str] = ()) -> None:
        self.records: dict[str, list[tuple[str, str]]] = {
            _norm(name): [(kind, _split_txt(kind, text)) for kind, text in items]
            for name, items in records.items()
        }
        self.delays = {_norm(k): v for k, v in (delays or {}).items()}
        self.default_delay = default_delay
        self.servfail = {_norm(n) for n in servfail}
        self.refused = {_norm(n) for n in refused}
        self.silent = {_norm(n) for n in silent}
        self.truncate = {_norm(n) for n in truncate}
        self.ttl = ttl
        self.gate = {_norm(n) for n in gate}
        self._barrier = threading.Barrier(len(self.gate)) if self.gate else None
        self.gate_broken = False
        """True when the gated names were not all asked at the same time (the client was sequential)."""
        self.port = 0
        self.log: list[tuple[str, str, str]] = []
        """(name, type, "udp"|"tcp") of every query received, in arrival order."""
        self._log_lock = threading.Lock()
        self._udp: socket.socket | None = None
        self._tcp: socket.socket | None = None
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    # -- lifecycle ----------------------------------------------------------------------------------
    @property
    def address(self) -> str:
        """``127.0.0.1:PORT`` as the ``--nameserver`` option takes it."""
        return f"127.0.0.1:{self.port}"

    def start(self) -> DnsTestServer:
        """Bind UDP and TCP on the same free port and start serving."""
        for _ in range(50):
            udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                tcp.bind(("127.0.0.1", port))
            except OSError:
                udp.close()
                tcp.close()
                continue
            break
        else:  # pragma: no cover - the machine has no free ports
            raise RuntimeError("no free port for the test DNS server")
        tcp.listen(64)
        udp.settimeout(0.2)
        tcp.settimeout(0.2)
        self._udp, self._tcp, self.port = udp, tcp, port
        for target in (self._serve_udp, self._serve_tcp):
            thread = threading.Thread(target=target, daemon=True, name=f"dns-test-{target.__name__}")
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        """Stop serving and close the sockets (query threads still sleeping are daemons)."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        for sock in (self._udp, self._tcp):
            if sock is not None:
                sock.close()

    def __enter__(self) -> DnsTestServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def queries(self, name: str | None = None) -> list[tuple[str, str, str]]:
        """Logged queries, optionally only those for ``name``."""
        with self._log_lock:
            items = list(self.log)
        return [q for q in items if name is None or q[0] == _norm(name)]

    # -- serving ------------------------------------------------------------------------------------
    def _serve_udp(self) -> None:
        assert self._udp is not None
        while not self._stop.is_set():
            try:
                data, peer = self._udp.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer_udp, args=(data, peer), daemon=True).start()

    def _answer_udp(self, data: bytes, peer: tuple[str, int]) -> None:
        wire = self._respond(data, "udp")
        if wire is not None and not self._stop.is_set():
            try:
                assert self._udp is not None
                self._udp.sendto(wire, peer)
            except OSError:
                pass

    def _serve_tcp(self) -> None:
        assert self._tcp is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._tcp.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer_tcp, args=(conn,), daemon=True).start()

    def _answer_tcp(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        with conn:
            try:
                while not self._stop.is_set():
                    head = _recv_exact(conn, 2)
                    if head is None:
                        return
                    (length,) = struct.unpack("!H", head)
                    data = _recv_exact(conn, length)
                    if data is None:
                        return
                    wire = self._respond(data, "tcp")
                    if wire is None:
                        return
                    conn.sendall(struct.pack("!H", len(wire)) + wire)
            except OSError:
                return

    def _respond(self, data: bytes, transport: str) -> bytes | None:
        try:
            query = dns.message.from_wire(data)
        except Exception:
            return None
        if not query.question:
            return None
        question = query.question[0]
        qname = _norm(question.name.to_text())
        qtype = dns.rdatatype.to_text(question.rdtype)
        with self._log_lock:
            self.log.append((qname, qtype, transport))
        if self._barrier is not None and qname in self.gate and transport == "udp":
            try:  # answer only once every gated name is being asked at the same time
                self._barrier.wait(timeout=30)
            except threading.BrokenBarrierError:
                self.gate_broken = True
                return None
        delay = self.delays.get(qname, self.default_delay)
        if delay:
            time.sleep(delay)
        if qname in self.silent:
            return None
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        if qname in self.servfail:
            response.set_rcode(dns.rcode.SERVFAIL)
            return response.to_wire()
        if qname in self.refused:
            response.set_rcode(dns.rcode.REFUSED)
            return response.to_wire()
        if qname in self.truncate and transport == "udp":
            response.flags |= dns.flags.TC
            return response.to_wire()
        try:
            self._fill(response, qname, question.rdtype)
        except Exception:  # bad test data: answer SERVFAIL rather than kill the thread
            response = dns.message.make_response(query)
            response.set_rcode(dns.rcode.SERVFAIL)
            return response.to_wire()
        if transport == "tcp":
            return response.to_wire(max_size=65535)
        limit = max(512, query.payload) if query.edns >= 0 else 512
        try:
            return response.to_wire(max_size=limit)
        except dns.exception.TooBig:
            short = dns.message.make_response(query)
            short.flags |= dns.flags.AA | dns.flags.TC
            return short.to_wire()

    def _fill(self, response: dns.message.Message, qname: str, rdtype: int) -> None:
        name = qname
        for _ in range(8):  # CNAME chain length limit
            items = self.records.get(name)
            if items is None:
                if name == qname and not any(k.endswith("." + name) for k in self.records):
                    response.set_rcode(dns.rcode.NXDOMAIN)
                return
            wanted = [text for kind, text in items if dns.rdatatype.from_text(kind) == rdtype]
            if wanted:
                response.answer.append(dns.rrset.from_text_list(
                    name + ".", self.ttl, dns.rdataclass.IN, rdtype, wanted))
                return
            cnames = [text for kind, text in items if kind.upper() == "CNAME"]
            if not cnames:
                return  # NODATA
            response.answer.append(dns.rrset.from_text_list(
                name + ".", self.ttl, dns.rdataclass.IN, dns.rdatatype.CNAME, cnames[:1]))
            name = _norm(cnames[0])


def _split_txt(kind: str, text: str) -> str:
    """A long quoted TXT value becomes several 250-character strings (one string holds at most 255)."""
    if kind.upper() != "TXT" or not (text.startswith('"') and text.endswith('"')) or len(text) <= 257:
        return text
    body = text[1:-1]
    return " ".join('"' + body[i:i + 250] + '"' for i in range(0, len(body), 250))


def _recv_exact(conn: socket.socket, size: int) -> bytes | None:
    buf = b""
    while len(buf) < size:
        chunk = conn.recv(size - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf
