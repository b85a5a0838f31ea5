"""``spam-wizard analyze``: the JSON contract (keys exactly), readable output and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo"
CHAINS = ROOT / "tests" / "data" / "chains"

MESSAGE_KEYS = {"source", "message_id", "subject", "from", "to", "date", "hops", "handoff", "claimed_origin",
                "customer_is_origin", "auth_results", "spam", "findings"}
HOP_KEYS = {"from_helo", "from_rdns", "from_ip", "ident", "by", "with", "id", "for", "envfrom", "auth",
            "timestamp", "delay_s", "relay", "trusted", "raw"}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    rc = main(["analyze", "--json", *args])
    out = capsys.readouterr().out
    return rc, json.loads(out)


def test_json_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    rc, doc = run_json(capsys, str(DEMO / "spam_01.eml"), str(CHAINS / "webmail.eml"), "--customer-ip",
                       "198.51.100.77")
    assert rc == 0
    assert set(doc) == {"messages", "errors"}
    assert doc["errors"] == []
    for m in doc["messages"]:
        assert set(m) == MESSAGE_KEYS
        assert isinstance(m["to"], list)
        for h in m["hops"]:
            assert set(h) == HOP_KEYS
            assert h["timestamp"] is None or h["timestamp"].endswith("+00:00")
        assert m["handoff"] is None or set(m["handoff"]) == {"ip", "rdns", "helo", "hop"}
        assert m["claimed_origin"] is None or set(m["claimed_origin"]) == {"ip", "hop", "private"}
        assert set(m["auth_results"]) == {"spf", "dkim", "dmarc"}
        assert set(m["spam"]) == {"flag", "score", "required", "tests"}
        for f in m["findings"]:
            assert set(f) == {"code", "severity", "params"}
            assert f["severity"] in ("info", "warning", "critical")
    m = doc["messages"][0]
    assert m["source"] == f"{DEMO / 'spam_01.eml'}#1"
    assert m["date"] == "2026-03-07T00:12:41+00:00"
    assert m["handoff"] == {"ip": "159.89.201.17", "rdns": None, "helo": "mail.lottery-example.biz", "hop": 1}
    assert m["hops"][0]["by"] == "mbox01.mail.example.ne.jp"  # hops[0] is the topmost header
    assert m["hops"][0]["timestamp"] == "2026-03-07T00:12:45+00:00"
    assert m["customer_is_origin"] is False
    assert m["spam"] == {"flag": True, "score": 7.2, "required": 5.0, "tests": [
        "BAYES_99", "BAYES_999", "FREEMAIL_FROM", "HTML_MESSAGE", "RDNS_NONE", "SPF_SOFTFAIL", "LOTS_OF_MONEY",
        "MONEY_FREEMAIL_REPTO"]}


def test_customer_null_without_info(capsys: pytest.CaptureFixture[str]) -> None:
    rc, doc = run_json(capsys, str(DEMO / "customer_sent.eml"))
    assert rc == 0 and doc["messages"][0]["customer_is_origin"] is None
    rc, doc = run_json(capsys, str(DEMO / "customer_sent.eml"), "--customer-host", "pc1.example.co.jp")
    assert doc["messages"][0]["customer_is_origin"] is True


def test_exit_1_when_one_input_unreadable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("just some words\nnothing else\n")
    rc, doc = run_json(capsys, str(tmp_path / "missing.eml"), str(DEMO / "spam_05.eml"), str(junk))
    assert rc == 1
    assert len(doc["messages"]) == 1
    assert [e["source"] for e in doc["errors"]] == [f"{tmp_path / 'missing.eml'}#1", f"{junk}#1"]
    assert all(set(e) == {"source", "message"} for e in doc["errors"])


@pytest.mark.parametrize("bad", [["--customer-ip", "not-an-ip"], ["--trusted", "bad host!"], ["--nope"]])
def test_exit_2_on_bad_usage(capsys: pytest.CaptureFixture[str], bad: list[str]) -> None:
    assert main(["analyze", *bad, str(DEMO / "spam_01.eml")]) == 2
    assert capsys.readouterr().out == ""


def test_stdin_and_several_messages(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DEMO / "spam_01.eml").read_bytes() + b"\n" + (DEMO / "spam_05.eml").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    rc, doc = run_json(capsys)
    assert rc == 0
    assert [m["source"] for m in doc["messages"]] == ["-#1", "-#2"]


def test_readable_output(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["analyze", str(DEMO / "spam_03.eml"), "--trusted", "192.0.2.0/24"])
    out = capsys.readouterr().out
    assert rc == 0
    lines = out.splitlines()
    table = [ln for ln in lines if ln[:3].strip().isdigit()]
    assert [ln.split()[0] for ln in table] == ["2", "1", "0"]  # bottom-up
    assert "HANDOFF" in table[1]
    assert any(ln.startswith("Verdict: handed to us by 88.198.47.12") for ln in lines)
    assert "【当選通知】" in out
    assert "spam_flagged" in out


def test_subprocess_stdin_garbage() -> None:
    proc = subprocess.run([sys.executable, "-m", "wizard", "analyze", "--json", "-"], input=b"\x00\xff garbage",
                          capture_output=True, timeout=120, check=False)
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert doc["messages"] == [] and doc["errors"][0]["source"] == "-#1"
    assert "Internet headers" in doc["errors"][0]["message"]


def test_dns_option_adds_one_dns_object_per_message(capsys: pytest.CaptureFixture[str]) -> None:
    rc, doc = run_json(capsys, "--dns", "--offline", str(DEMO / "spam_01.eml"), str(DEMO / "spam_05.eml"))
    assert rc == 0
    assert [set(m) for m in doc["messages"]] == [MESSAGE_KEYS | {"dns"}] * 2


def test_parallel_mbox_json_equals_sequential(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    import wizard.core.analyze as core

    mbox = tmp_path / "folder.mbox"
    parts = []
    for k, name in enumerate(["spam_01.eml", "spam_02.eml", "spam_03.eml", "good_01.eml", "spam_05.eml"]):
        parts.append(f"From MAILER-DAEMON Sat Mar  7 09:1{k}:00 2026\n".encode() + (DEMO / name).read_bytes()
                     + b"\nbody\n\n")
    mbox.write_bytes(b"".join(parts))
    rc, seq = run_json(capsys, "--workers", "1", str(mbox))
    assert rc == 0 and len(seq["messages"]) == 5
    monkeypatch.setattr(core, "_PARALLEL_MIN_MESSAGES", 2)
    chunks = list(core.mbox_json_parallel(mbox, workers=2) or [])
    assert len(chunks) > 1 and all(c.errors == () for c in chunks)
    assert sum(c.count for c in chunks) == 5
    assert json.loads("[" + b", ".join(c.text for c in chunks).decode() + "]") == seq["messages"]
    rc, par = run_json(capsys, "--workers", "2", str(mbox))
    assert rc == 0 and par == seq
