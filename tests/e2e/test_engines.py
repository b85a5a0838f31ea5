"""The exports checked by the real engines: SpamAssassin (--lint, -t), Pigeonhole sieve-test / sievec,
Postfix postmap. The engines' verdicts must match the wizard's simulation on the same samples.

Skipped (with the reason) only when a binary is absent; CI installs spamassassin, dovecot-sieve and
postfix (see the filter area's notes in resources/profiles/README.md).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from wizard.cli import main
from wizard.core.analyze import analyze_paths
from wizard.core.blocksuggest import envelope_sender
from wizard.core.export import ExportError, ExportOptions, render
from wizard.core.export import sieve as sieve_export
from wizard.core.export.spamassassin import installed_version
from wizard.core.filtersim import SimSample, simulate
from wizard.core.model import MessageAnalysis
from wizard.core.profiles import get_profile

pytestmark = pytest.mark.engines

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo"
DATA = ROOT / "tests" / "data" / "filter"
BLOCK = "*@lottery-example.biz"
HOSTILE = ['"; discard; "@x.com', "*@evil.com\nrequired_score -100", "*@evil.com}\nif true { discard; }",
           "*@evil.com; keep", "*@" + "a" * 300 + ".com", "*@$(id).com", "*@evil.com\x00"]


def _need(binary: str) -> str:
    path = shutil.which(binary)
    if path is None and os.environ.get("SPAM_WIZARD_REQUIRE_ENGINES"):
        pytest.fail(f"{binary} is not installed but SPAM_WIZARD_REQUIRE_ENGINES is set")
    if path is None:
        pytest.skip(f"{binary} is not installed (CI installs it: apt-get install spamassassin dovecot-sieve "
                    "postfix)")
    return path


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    """A world-readable temp dir (sieve-test runs as an unprivileged user and must read the files)."""
    path = Path(tempfile.mkdtemp(prefix="wizard-engines-", dir="/tmp"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _analysis(path: Path) -> MessageAnalysis:
    batch = analyze_paths([path])
    assert batch.messages and not batch.errors, batch.errors
    return batch.messages[0]


# -- SpamAssassin ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sa(workdir: Path) -> dict[str, str]:
    """Isolated SpamAssassin: plugin .pre files only (no site local.cf), no network, own HOME."""
    _need("spamassassin")
    site = workdir / "sa-site"
    site.mkdir()
    pres = sorted(Path("/etc/spamassassin").glob("*.pre")) or sorted(Path("/usr/share/spamassassin").glob("*.pre"))
    assert pres, "no SpamAssassin .pre plugin files found in /etc/spamassassin"
    for pre in pres:
        shutil.copy(pre, site / pre.name)
    home = workdir / "sa-home"
    home.mkdir()
    return {"site": str(site), "home": str(home)}


def _sa(sa: dict[str, str], args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, HOME=sa["home"])
    return subprocess.run(["spamassassin", "-L", f"--siteconfigpath={sa['site']}", *args], input=stdin,
                          capture_output=True, env=env, timeout=300, check=False)


def _sa_score(sa: dict[str, str], prefs: Path, message: Path) -> tuple[float, set[str]]:
    data = message.read_bytes()
    if b"\n\n" not in data.replace(b"\r\n", b"\n"):
        data += b"\n\nBody.\n"
    proc = _sa(sa, ["-t", "-p", str(prefs)], data)
    out = proc.stdout.decode("utf-8", "replace")
    unfolded = re.sub(r"\r?\n[ \t]+", " ", out)
    # the sample's own X-Spam-Status (from its original server) may still be in the output: take the one
    # written by the local SpamAssassin
    version = installed_version()
    found = [m for m in re.finditer(r"^X-Spam-Status: (?:Yes|No), score=(-?[\d.]+) required=[\d.]+"
                                    r"\s+tests=(.*?)\s+(?:autolearn|version)=.*$", unfolded, re.M)
             if f"version={version}" in m.group(0)]
    assert found, out[:2000] + proc.stderr.decode("utf-8", "replace")[:2000]
    match = found[0]
    tests = {t for t in re.split(r"[,\s]+", match.group(2)) if t}
    return float(match.group(1)), tests


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o644)
    return path


def test_installed_spamassassin_accepts_export(sa: dict[str, str], workdir: Path) -> None:
    version = installed_version()
    assert version, "spamassassin --version gave no version"
    profile = get_profile("hosting_provider")
    for action in ("deliver", "tag", "folder"):
        text = render("spamassassin", [BLOCK, "one@spam-example.net", "*@*.sub-example.org"], profile,
                      action, "standard", version).text
        expected = "blocklist_from" if int(version.split(".")[0]) >= 4 else "blacklist_from"
        assert f"{expected} {BLOCK}" in text
        prefs = _write(workdir / f"prefs-{action}", text)
        proc = _sa(sa, ["--lint", "-p", str(prefs)])
        assert proc.returncode == 0, proc.stderr.decode()


@pytest.mark.parametrize(("sample", "hit"), [
    (DEMO / "spam_01.eml", True),
    (DEMO / "spam_04.eml", True),
    (DEMO / "good_01.eml", False),
    (DATA / "spam_fromonly.eml", True),
    (DATA / "spam_envonly.eml", True),
    (DATA / "good_a.eml", False),
])
def test_spamassassin_score_change_matches_simulation(sa: dict[str, str], workdir: Path, sample: Path,
                                                      hit: bool) -> None:
    # the promo samples match on the From header only / on the envelope sender only
    entry = BLOCK if sample.parent == DEMO else "*@promo-example.biz"
    profile = get_profile("spamassassin")
    version = installed_version()
    base = _write(workdir / "prefs-base", render("spamassassin", [], profile, "folder", None, version).text)
    blocked = _write(workdir / f"prefs-{entry[2:]}",
                     render("spamassassin", [entry], profile, "folder", None, version).text)
    before, _ = _sa_score(sa, base, sample)
    after, tests = _sa_score(sa, blocked, sample)
    report = simulate([SimSample(_analysis(sample))], profile, [entry], "folder")
    row = report.results[0]
    assert row.blocklist_hit is hit
    assert bool({"USER_IN_BLOCKLIST", "USER_IN_BLACKLIST"} & tests) is hit, tests
    # the engine's score change is the simulation's block-list effect (SpamAssassin 4.0's
    # USER_IN_BLACKLIST compatibility meta may add 0.01)
    assert abs((after - before) - row.block_points) < 0.1, (before, after, row.block_points)


def test_spamassassin_old_keyword_still_linted(sa: dict[str, str], workdir: Path) -> None:
    text = render("spamassassin", [BLOCK], get_profile("cpanel"), "tag", "5", "3.4.6").text
    assert "blacklist_from" in text
    proc = _sa(sa, ["--lint", "-p", str(_write(workdir / "prefs-34", text))])
    assert proc.returncode == 0, proc.stderr.decode()


def test_spamassassin_lint_catches_what_we_never_write(sa: dict[str, str], workdir: Path) -> None:
    # the check itself works: an injected second line would be a config change lint accepts silently,
    # so the export must not contain one; a broken line makes lint fail
    bad = _write(workdir / "prefs-bad", "blocklist_from\nrequired_score five\n")
    assert _sa(sa, ["--lint", "-p", str(bad)]).returncode != 0


# -- Sieve -------------------------------------------------------------------------------------------

def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


def _sieve_outcome(workdir: Path, script: Path, message: Path, sender: str | None) -> str:
    msg = workdir / f"msg-{message.name}"
    shutil.copy(message, msg)
    msg.chmod(0o644)
    cmd = [*_as_user(), "sieve-test"]
    if sender:
        cmd += ["-f", sender]
    proc = subprocess.run([*cmd, str(script), str(msg)], capture_output=True, text=True, timeout=120,
                          cwd=workdir, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    performed = proc.stdout.split("Implicit keep:")[0]
    keep = proc.stdout.split("Implicit keep:")[1] if "Implicit keep:" in proc.stdout else ""
    if re.search(r"^\s*\* discard\s*$", performed, re.M):
        return "deleted"
    folder = re.search(r"store message in folder: (.+)", performed)
    if folder and folder.group(1).strip() != "INBOX":  # an explicit keep stores into INBOX
        return "folder:" + folder.group(1).strip()
    if folder:
        return "inbox"
    assert "INBOX" in keep, proc.stdout
    return "inbox"


@pytest.mark.parametrize("action", ["folder", "delete", "deliver", "tag"])
def test_sieve_test_matches_simulation(workdir: Path, action: str) -> None:
    _need("sieve-test")
    profile = get_profile("hosting_provider")
    script = _write(workdir / f"wizard-{action}.sieve", render("sieve", [BLOCK], profile, action).text)
    samples = sorted(DEMO.glob("spam_*.eml")) + sorted(DEMO.glob("good_*.eml"))
    analyses = [_analysis(p) for p in samples]
    report = simulate([SimSample(a, "good" if p.name.startswith("good") else "spam")
                       for p, a in zip(samples, analyses, strict=True)], profile, [BLOCK], action)
    for path, analysis, row in zip(samples, analyses, report.results, strict=True):
        got = _sieve_outcome(workdir, script, path, envelope_sender(analysis))
        want = {"folder": f"folder:{row.folder}", "deleted": "deleted", "inbox": "inbox",
                "tagged": "inbox"}[row.outcome]
        assert got == want, (path.name, got, row)


def test_sieve_quoting_is_inert(workdir: Path) -> None:
    _need("sieve-test")
    sievec = _need("sievec")
    patterns = ()
    opts = ExportOptions(action="folder", threshold=5.0, sensitivity="x", tag_text="[SPAM]",
                         folder='Sp"am\\ }; discard; {', points=100.0, matches="both", profile="t", rule="R")
    script = _write(workdir / "quoted.sieve", sieve_export.export(patterns, opts).text)
    proc = subprocess.run([*_as_user(), sievec, str(script), str(workdir / "quoted.svbin")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # the hostile folder name is one literal mailbox name, and nothing is discarded
    assert _sieve_outcome(workdir, script, DEMO / "spam_01.eml", None) == 'folder:Sp"am\\ }; discard; {'
    assert _sieve_outcome(workdir, script, DEMO / "good_01.eml", None) == "inbox"
    with pytest.raises(ExportError, match="control character"):
        sieve_export.export(patterns, replace(opts, folder='Spam"\nkeep;'))


# -- Postfix -----------------------------------------------------------------------------------------

def _access_lookup(table: str, sender: str) -> str | None:
    """What smtpd's check_sender_access finds for ``sender``, per access(5): the address, the domain
    and its parent domains (parent_domain_matches_subdomains default), ``.parent`` keys, ``local@``."""
    local, _, domain = sender.rpartition("@")
    keys = [sender, domain]
    labels = domain.split(".")
    for i in range(1, len(labels)):
        parent = ".".join(labels[i:])
        keys += [parent, "." + parent]
    keys.append(local + "@")
    for key in keys:
        proc = subprocess.run(["postmap", "-q", key, table], capture_output=True, text=True, timeout=60,
                              check=False)
        if proc.returncode == 0 and proc.stdout.strip():
            return proc.stdout.strip()
    return None


def test_postmap_rejects_blocked_sender_only(workdir: Path) -> None:
    _need("postmap")
    text = render("postfix", [BLOCK, "one@spam-example.net"], get_profile("postfix_access")).text
    table_file = _write(workdir / "sender_access", text)
    subprocess.run(["postmap", f"hash:{table_file}"], check=True, timeout=60)
    table = f"hash:{table_file}"
    assert (_access_lookup(table, "x7kq2p@lottery-example.biz") or "").startswith("REJECT")
    assert (_access_lookup(table, "one@spam-example.net") or "").startswith("REJECT")
    assert _access_lookup(table, "two@spam-example.net") is None
    assert _access_lookup(table, "suzuki@partner-example.co.jp") is None
    dump = subprocess.run(["postmap", "-s", table], capture_output=True, text=True, check=True, timeout=60)
    keys = sorted(line.split()[0] for line in dump.stdout.splitlines())
    assert keys == ["lottery-example.biz", "one@spam-example.net"]
    # the simulation says the same for the demo samples
    profile = get_profile("postfix_access")
    for path in (DEMO / "spam_05.eml", DEMO / "good_02.eml"):
        a = _analysis(path)
        row = simulate([SimSample(a)], profile, [BLOCK]).results[0]
        verdict = _access_lookup(table, envelope_sender(a) or "")
        assert (row.outcome == "rejected") is bool(verdict and verdict.startswith("REJECT")), (path, row)


# -- hostile input through the CLI ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["spamassassin", "sieve", "postfix", "rspamd"])
def test_hostile_patterns_refused_by_cli(fmt: str, workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for text in HOSTILE:
        out = workdir / f"hostile-{fmt}"
        out.unlink(missing_ok=True)
        action = "deliver" if fmt == "postfix" else "folder"
        code = main(["export", "--format", fmt, "--block", BLOCK, "--block", text, "--action", action,
                     "-o", str(out)])
        captured = capsys.readouterr()
        assert code == 2 and "refused" in captured.err, (text, captured.err)
        assert not out.exists()


def test_accepted_unusual_patterns_stay_inert_in_engines(sa: dict[str, str], workdir: Path) -> None:
    _need("sievec")
    entries = ["*@例え.jp", "x?y*@example.com", "first.last+tag=1@example.org"]
    profile = get_profile("spamassassin")
    prefs = _write(workdir / "prefs-unusual", render("spamassassin", entries, profile, "folder").text)
    assert _sa(sa, ["--lint", "-p", str(prefs)]).returncode == 0
    body = [ln for ln in prefs.read_text().splitlines() if ln and not ln.startswith("#")]
    assert len(body) == 1 + len(entries)  # required_score + one line per entry, nothing else
    script = _write(workdir / "unusual.sieve", render("sieve", entries, profile, "folder").text)
    proc = subprocess.run([*_as_user(), "sievec", str(script), str(workdir / "unusual.svbin")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
