"""Wall time of the DNS checks of one case with 40 relay IPs (PTR + forward A each) against the test
DNS server answering every query after 200 ms.

The floor is two round trips (PTR, then A): 0.4 s. Printed beside it: the same work done sequentially
and on a default-sized ``ThreadPoolExecutor`` (min(32, CPUs + 4) workers). Figures are printed, never
asserted. Run: ``python bench/dns_bench.py [--relays N] [--delay S]``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dns.resolver

from tests.servers.dns_server import DnsTestServer
from wizard.core.dnscheck.dnsbl import DnsblConfig
from wizard.core.dnscheck.geo import default_database
from wizard.core.dnscheck.ptr import check_ptr
from wizard.core.dnscheck.resolver import DnsClient, ResolverConfig, make_resolver
from wizard.core.dnscheck.runner import DnsOptions, check_case
from wizard.core.model import Hop, MessageAnalysis


def _records(ips: list[str]) -> dict[str, list[tuple[str, str]]]:
    records: dict[str, list[tuple[str, str]]] = {}
    for ip in ips:
        host = "relay-" + ip.replace(".", "-") + ".bench.example"
        records[".".join(reversed(ip.split("."))) + ".in-addr.arpa"] = [("PTR", host + ".")]
        records[host] = [("A", ip)]
    return records


def _serve(records: dict[str, list[tuple[str, str]]], delay: float, ports: Any, stop: Any) -> None:
    """Child process: the test server, so its threads do not share the benchmark's interpreter lock
    (a real DNS server is another machine)."""
    with DnsTestServer(records, default_delay=delay) as server:
        ports.put(server.port)
        stop.wait()


class _Remote:
    def __init__(self, port: int) -> None:
        self.address = f"127.0.0.1:{port}"


def _client(server: _Remote) -> DnsClient:
    config = ResolverConfig((server.address,), timeout=2.0, lifetime=5.0)
    return DnsClient(make_resolver(config, cache=dns.resolver.LRUCache()))  # cold cache every run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--relays", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--skip-sequential", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the wizard runner (median shown)")
    args = parser.parse_args()
    ips = [f"45.{10 + i // 250}.{i % 250}.1" for i in range(args.relays)]
    hops = tuple(Hop(raw=f"from relay ([{ip}])", from_ip=ip, trusted=True) for ip in ips)
    case = [MessageAnalysis(source="bench#1", hops=hops)]
    started = time.perf_counter()
    default_database().source()  # the offline geo data loads once per process; not part of a case
    geo_load = time.perf_counter() - started
    ctx = multiprocessing.get_context("spawn")
    ports = ctx.Queue()
    stop = ctx.Event()
    child = ctx.Process(target=_serve, args=(_records(ips), args.delay, ports, stop), daemon=True)
    child.start()
    server = _Remote(ports.get(timeout=30))
    try:
        options = DnsOptions(resolver=ResolverConfig((server.address,), 2.0, 5.0), deadline=30.0,
                             dnsbl=DnsblConfig())
        runs: list[float] = []
        confirmed = 0
        for _ in range(args.repeat):
            client = _client(server)  # a cold cache for every run
            client.deadline = time.monotonic() + 30.0
            started = time.perf_counter()
            [report] = check_case(case, options, client=client)
            runs.append(time.perf_counter() - started)
            confirmed = sum(1 for r in report.relays if r.ptr is not None and r.ptr.fcrdns)
        runs.sort()
        runner_s = runs[len(runs) // 2]

        workers = min(32, (os.cpu_count() or 1) + 4)
        client = _client(server)
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor() as pool:
            list(pool.map(lambda ip: check_ptr(client, ip), ips))
        pool_s = time.perf_counter() - started

        sequential_s = None
        if not args.skip_sequential:
            client = _client(server)
            started = time.perf_counter()
            for ip in ips:
                check_ptr(client, ip)
            sequential_s = time.perf_counter() - started
    finally:
        stop.set()
        child.join(timeout=5)

    floor = 2 * args.delay
    print(f"DNS bench: {args.relays} relay IPs, PTR + A each, server delay {args.delay * 1000:.0f} ms")
    print(f"  floor (two round trips)          {floor:6.2f} s   (target <= {floor + 0.1:.2f} s)")
    print(f"  wizard runner (pool sized to work){runner_s:6.2f} s   median of {len(runs)} (best {runs[0]:.2f} s); "
          f"FCrDNS confirmed {confirmed}/{len(ips)}")
    print(f"  default ThreadPoolExecutor ({workers:2d} w) {pool_s:6.2f} s")
    if sequential_s is not None:
        print(f"  sequential                       {sequential_s:6.2f} s")
    print(f"  (offline geo database load, once per process: {geo_load:.2f} s)")
    if hasattr(os, "getloadavg"):
        load = os.getloadavg()[0]
        print(f"  (machine: {os.cpu_count()} CPUs, load average {load:.1f}: figures stretch on a busy machine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
