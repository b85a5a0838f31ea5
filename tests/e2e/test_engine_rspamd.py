"""The Rspamd export checked by Rspamd itself: ``rspamadm configtest`` accepts every action's config,
and a real rspamd (started by the test on 127.0.0.1, DNS pointed at a closed local port so nothing
leaves the machine) adds the block-list symbol with the simulated points and takes the simulated action.

Needs the Debian package ``rspamd`` (skipped with that reason when it is missing).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
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
ISOLATION = {
    # nothing may leave the machine: rspamd's resolver goes to a closed local port, and the fuzzy
    # module (which resolves its servers with the system resolver while loading) is off
    "local.d/options.inc": 'dns {\n    nameserver = ["127.0.0.1:9"];\n    timeout = 0.2s;\n    retransmits = 1;\n}\n',
    "local.d/fuzzy_check.conf": "enabled = false;\n",
}


def _need(binary: str) -> None:
    if shutil.which(binary) is None:
        pytest.skip(f"{binary} is not installed (Debian package rspamd)")


def _write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def _isolated() -> list[str]:
    """Run in a fresh network namespace: rspamd then reaches nothing but its own loopback."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.skip("unshare/ip (util-linux, iproute2) needed to isolate rspamd from the network")
    prefix = ["unshare", "-n"] if os.geteuid() == 0 else ["unshare", "-r", "-n"]
    if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot create a network namespace here")
    return prefix


@pytest.mark.parametrize("action", ["deliver", "tag", "folder", "delete", "reject"])
def test_configtest_accepts_export(action: str, tmp_path: Path) -> None:
    _need("rspamadm")
    text = render("rspamd", [BLOCK, "one@spam-example.net"], get_profile("rspamd") if action != "delete"
                  else get_profile("hosting_provider"), action).text
    _write_tree(tmp_path, split_files(text))
    _write_tree(tmp_path, ISOLATION)
    proc = subprocess.run([*_isolated(), "rspamadm", f"--var=LOCAL_CONFDIR={tmp_path}", "configtest", "-c",
                           "/etc/rspamd/rspamd.conf"], capture_output=True, text=True, timeout=300, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0 and "syntax OK" in output, output
    # in the empty network namespace rspamd says it has no way to resolve names: that is the point
    problems = [ln for ln in output.splitlines() if ln.strip() and ln.strip() != "syntax OK"
                and "no ways to resolve addresses" not in ln]
    assert problems == [], problems


SAMPLES = ("spam_01.eml", "spam_04.eml", "good_01.eml")

SCAN_SCRIPT = r"""
set -u
root="$1"; shift
ip link set lo up
rspamd -c "$root/rspamd.conf" --var=LOCAL_CONFDIR="$root" --var=DBDIR="$root" --var=RUNDIR="$root" \
    --var=LOGDIR="$root" $RSPAMD_USER || exit 3
ready=0
for _ in $(seq 1 600); do
    if (exec 3<>/dev/tcp/127.0.0.1/11333) 2>/dev/null; then ready=1; break; fi
    sleep 0.5
done
status=0
if [ "$ready" = 1 ]; then
    while [ "$#" -ge 3 ]; do
        rspamc -h 127.0.0.1:11333 -j --from "$2" symbols < "$1" > "$3" || status=4
        shift 3
    done
else
    status=5
fi
[ -f "$root/rspamd.pid" ] && kill "$(cat "$root/rspamd.pid")"
pid="$(cat "$root/rspamd.pid" 2>/dev/null || true)"
for _ in $(seq 1 100); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
exit "$status"
"""

CONF = """.include "$CONFDIR/common.conf"
options {
    pidfile = "$RUNDIR/rspamd.pid";
    .include "$CONFDIR/options.inc"
    .include(try=true; priority=1,duplicate=merge) "$LOCAL_CONFDIR/local.d/options.inc"
}
logging {
    type = "file";
    filename = "$LOGDIR/rspamd.log";
    level = "error";
}
worker "normal" {
    bind_socket = "127.0.0.1:11333";
    count = 1;
    .include "$CONFDIR/worker-normal.inc"
}
"""


@pytest.fixture(scope="module")
def scans() -> Iterator[dict[str, dict[str, object]]]:
    """A private rspamd with the exported block list (action reject at 10), started in its own network
    namespace (so its port cannot clash and nothing leaves the machine); every sample scanned once.
    Returns rspamc's JSON per sample name."""
    _need("rspamd")
    _need("rspamc")
    prefix = _isolated()
    root = Path(tempfile.mkdtemp(prefix="wizard-rspamd-", dir="/tmp"))
    root.chmod(0o777)
    try:
        text = render("rspamd", [BLOCK], get_profile("rspamd"), "reject", "10").text
        _write_tree(root, split_files(text))
        _write_tree(root, ISOLATION)
        _write_tree(root, {"rspamd.conf": CONF})
        args: list[str] = []
        for name in SAMPLES:
            analysis = analyze_paths([DEMO / name]).messages[0]
            args += [str(DEMO / name), envelope_sender(analysis) or "", str(root / f"{name}.json")]
        for path in root.rglob("*"):
            path.chmod(0o777 if path.is_dir() else 0o666)
        env = dict(os.environ, RSPAMD_USER="-u nobody -g nogroup" if os.geteuid() == 0 else "")
        proc = subprocess.run([*prefix, "bash", "-c", SCAN_SCRIPT, "scan", str(root), *args], env=env,
                              capture_output=True, text=True, timeout=900, check=False)
        if proc.returncode != 0:
            logfile = root / "rspamd.log"
            log = logfile.read_text(errors="replace")[-3000:] if logfile.exists() else ""
            pytest.fail(f"rspamd scan failed ({proc.returncode}): {proc.stdout}{proc.stderr}{log}")
        yield {name: json.loads((root / f"{name}.json").read_text()) for name in SAMPLES}
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("name", SAMPLES)
def test_rspamd_scores_and_acts_as_simulated(scans: dict[str, dict[str, object]], name: str) -> None:
    path = DEMO / name
    analysis = analyze_paths([path]).messages[0]
    row = simulate([SimSample(analysis, "good" if name.startswith("good") else "spam")], get_profile("rspamd"),
                   [BLOCK], "reject", "10").results[0]
    result = scans[name]
    symbols = result.get("symbols", {})
    assert isinstance(symbols, dict)
    if row.blocklist_hit:
        assert symbols["WIZARD_BLOCKLIST"]["score"] == pytest.approx(row.block_points)
        # blocked mail is rejected by rspamd as in the simulation (the symbol alone reaches 20 >= 10)
        assert row.outcome == "rejected" and result["action"] == "reject"
    else:
        assert "WIZARD_BLOCKLIST" not in symbols
