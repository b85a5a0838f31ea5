"""The Rspamd export checked by Rspamd itself: ``rspamadm configtest`` accepts every action's config,
and a real rspamd (started by the test on 127.0.0.1, DNS pointed at a closed local port so nothing
leaves the machine) adds the block-list symbol with the simulated points and takes the simulated action.

Needs the Debian package ``rspamd`` (skipped with that reason when it is missing).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wizard.core.analyze import analyze_paths
from wizard.core.blocksuggest import envelope_sender
from wizard.core.export import render
from wizard.core.export.rspamd import split_files
from wizard.core.filtersim import SimSample, simulate
from wizard.core.profiles import get_profile

pytestmark = pytest.mark.engines

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo"
BLOCK = "*@lottery-example.biz"
NOISE = ("address resolution for fuzzy", "cannot read servers definition")


def _need(binary: str) -> None:
    if shutil.which(binary) is None:
        pytest.skip(f"{binary} is not installed (Debian package rspamd)")


def _write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("action", ["deliver", "tag", "folder", "delete", "reject"])
def test_configtest_accepts_export(action: str, tmp_path: Path) -> None:
    _need("rspamadm")
    text = render("rspamd", [BLOCK, "one@spam-example.net"], get_profile("rspamd") if action != "delete"
                  else get_profile("hosting_provider"), action).text
    _write_tree(tmp_path, split_files(text))
    proc = subprocess.run(["rspamadm", f"--var=LOCAL_CONFDIR={tmp_path}", "configtest", "-c",
                           "/etc/rspamd/rspamd.conf"], capture_output=True, text=True, timeout=300, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "syntax OK" in output, output
    problems = [ln for ln in output.splitlines() if ln.strip() and ln.strip() != "syntax OK"
                and not any(n in ln for n in NOISE)]
    assert problems == [], problems


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def rspamd() -> Iterator[str]:
    """A private rspamd with the exported block list (action reject at 10) on 127.0.0.1."""
    _need("rspamd")
    _need("rspamc")
    root = Path(tempfile.mkdtemp(prefix="wizard-rspamd-", dir="/tmp"))
    root.chmod(0o777)
    port = _free_port()
    text = render("rspamd", [BLOCK], get_profile("rspamd"), "reject", "10").text
    _write_tree(root, split_files(text))
    _write_tree(root, {"rspamd.conf": f'''.include "$CONFDIR/common.conf"
options {{
    pidfile = "$RUNDIR/rspamd.pid";
    .include "$CONFDIR/options.inc"
    dns {{
        nameserver = ["127.0.0.1:9"];
        timeout = 0.2s;
        retransmits = 1;
    }}
}}
logging {{
    type = "file";
    filename = "$LOGDIR/rspamd.log";
    level = "error";
}}
worker "normal" {{
    bind_socket = "127.0.0.1:{port}";
    count = 1;
    .include "$CONFDIR/worker-normal.inc"
}}
'''})
    for path in root.rglob("*"):
        path.chmod(0o777 if path.is_dir() else 0o666)
    cmd = ["rspamd", "-c", str(root / "rspamd.conf"), f"--var=LOCAL_CONFDIR={root}", f"--var=DBDIR={root}",
           f"--var=RUNDIR={root}", f"--var=LOGDIR={root}"]
    if os.geteuid() == 0:
        cmd += ["-u", "nobody", "-g", "nogroup"]
    subprocess.run(cmd, check=True, timeout=300)
    pidfile = root / "rspamd.pid"
    deadline = time.monotonic() + 300
    ready = False
    while time.monotonic() < deadline and not ready:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                ready = True
        except OSError:
            time.sleep(0.5)
    try:
        if not ready:
            log = (root / "rspamd.log").read_text(errors="replace")[-3000:] if (root / "rspamd.log").exists() else ""
            pytest.fail("rspamd did not start listening: " + log)
        yield f"127.0.0.1:{port}"
    finally:
        if pidfile.exists():
            try:
                os.kill(int(pidfile.read_text().strip()), signal.SIGTERM)
            except (ValueError, ProcessLookupError):
                pass
        shutil.rmtree(root, ignore_errors=True)


def _scan(host: str, message: Path, sender: str | None) -> dict[str, object]:
    cmd = ["rspamc", "-h", host, "-j"]
    if sender:
        cmd += ["--from", sender]
    proc = subprocess.run([*cmd, "symbols"], input=message.read_bytes(), capture_output=True, timeout=120,
                          check=True)
    data: dict[str, object] = json.loads(proc.stdout)
    return data


@pytest.mark.parametrize("name", ["spam_01.eml", "spam_04.eml", "good_01.eml"])
def test_rspamd_scores_and_acts_as_simulated(rspamd: str, name: str) -> None:
    path = DEMO / name
    analysis = analyze_paths([path]).messages[0]
    row = simulate([SimSample(analysis, "good" if name.startswith("good") else "spam")], get_profile("rspamd"),
                   [BLOCK], "reject", "10").results[0]
    result = _scan(rspamd, path, envelope_sender(analysis))
    symbols = result.get("symbols", {})
    assert isinstance(symbols, dict)
    if row.blocklist_hit:
        assert symbols["WIZARD_BLOCKLIST"]["score"] == pytest.approx(row.block_points)
        # blocked mail is rejected by rspamd as in the simulation (the symbol alone reaches 20 >= 10)
        assert row.outcome == "rejected" and result["action"] == "reject"
    else:
        assert "WIZARD_BLOCKLIST" not in symbols
