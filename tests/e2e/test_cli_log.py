"""``spam-wizard log``: the JSON contract, streaming, filters, verification, text output, exit codes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "maillog"
DEMO_LOG = ROOT / "resources" / "samples" / "demo" / "maillog" / "maillog"
DISPOSITIONS = {"inbox", "folder", "discarded", "rejected", "bounced", "deferred", "unknown"}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["log", "--json", "--tz", "+09:00", "--year", "2026", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def check_contract(doc: dict) -> None:  # type: ignore[type-arg]
    assert set(doc) == {"messages", "verification", "unparsed_lines"}
    assert isinstance(doc["unparsed_lines"], int)
    for m in doc["messages"]:
        assert set(m) == {"queue_ids", "message_id", "client_ip", "helo", "from", "to", "spam", "deliveries",
                          "first_seen", "last_seen"}
        assert set(m["spam"]) == {"flag", "score", "tests"}
        assert all(isinstance(q, str) for q in m["queue_ids"])
        for d in m["deliveries"]:
            assert set(d) == {"to", "disposition", "folder", "status_text"}
            assert d["disposition"] in DISPOSITIONS
            assert isinstance(d["status_text"], str) and d["status_text"]
        assert m["first_seen"] <= m["last_seen"]


def test_contract_on_every_data_file(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in DATA.rglob("*") if p.is_file() and p.suffix != ".py" and p.name != "README.md")
    code, doc = run_json(capsys, *files)
    assert code == 0
    check_contract(doc)
    assert len(doc["messages"]) > 100
    assert doc["verification"] is None


def test_story_day_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = run_json(capsys, str(DATA / "story_day.log"), "--sender-domain", "lottery-example.biz",
                         "--since", "2026-03-09T14:00:00+09:00", "--until", "2026-03-09T17:00:00+09:00")
    assert code == 0
    check_contract(doc)
    tagged = [d for m in doc["messages"] for d in m["deliveries"]
              if m["spam"]["flag"] and "USER_IN_BLOCKLIST" in m["spam"]["tests"] and d["disposition"] == "inbox"]
    assert tagged and all("tagged and delivered to INBOX" in d["status_text"] for d in tagged)
    assert all(d["folder"] == "INBOX" for d in tagged)
    junk = [d for m in doc["messages"] for d in m["deliveries"] if d["disposition"] == "folder"]
    assert junk and all(d["folder"] == "Junk" for d in junk)
    ver = doc["verification"]
    assert ver["findings"][0]["code"] == "blocklist_scored_but_delivered"
    assert ver["findings"][0]["params"]["score_delta"] == "100"
    assert "the block list only adds score while the action is 'deliver'" in ver["findings_text"][0]
    assert ver["since"].startswith("2026-03-09T14:00:00")


def test_message_id_filter(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = run_json(capsys, str(DEMO_LOG), "--message-id", "<20260307001241.7f3a9c1e@lottery-example.biz>")
    assert code == 0
    (m,) = doc["messages"]
    assert m["queue_ids"] == ["4Q7R2k0Z3xz1XLm"]
    assert m["client_ip"] == "159.89.201.17"
    assert m["spam"] == {"flag": True, "score": 7.2, "tests": ["BAYES_99", "BAYES_999", "FREEMAIL_FROM",
                                                               "HTML_MESSAGE", "RDNS_NONE", "SPF_SOFTFAIL",
                                                               "LOTS_OF_MONEY", "MONEY_FREEMAIL_REPTO"]}
    assert m["deliveries"][0]["disposition"] == "inbox"
    assert m["first_seen"] == "2026-03-07T09:12:44+09:00"


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["log", "--tz", "+09:00", "--year", "2026", str(DATA / "amavis_postfix.log"),
                 "--block", "*@lottery-example.biz"])
    out = capsys.readouterr().out
    assert code == 0
    assert "queue 3C7A21E0A1, 5D1E81E0B7" in out
    assert "-> sato@example.co.jp: folder 'Junk'" in out
    assert "3 message(s); 42 line(s) read, 0 not understood" in out
    assert "Verification of the block list (*@lottery-example.biz)" in out


def test_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, doc = run_json(capsys, str(DATA / "sendmail.log"), str(tmp_path / "missing.log"))
    assert code == 1 and len(doc["messages"]) == 3
    assert main(["log", "--since", "yesterday", "--sender-domain", "x.example", str(DATA / "sendmail.log")]) == 2
    assert main(["log", "--since", "2026-03-09T14:00", str(DATA / "sendmail.log")]) == 2
    assert main(["log", "--tz", "Mars/Olympus", str(DATA / "sendmail.log")]) == 2
    assert main(["log"]) == 2
    capsys.readouterr()


def test_garbage_and_compressed_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.log"
    junk.write_bytes(b"\x00\x01garbage\xff\xfe\n" * 50 + b"plain words that are no log\n")
    gz = tmp_path / "mail.log.1.gz"
    with gzip.open(gz, "wb") as f:
        f.write((DATA / "sendmail.log").read_bytes())
    code, doc = run_json(capsys, str(junk), str(gz))
    assert code == 0
    check_contract(doc)
    assert doc["unparsed_lines"] == 51
    assert len(doc["messages"]) == 3


def test_subprocess_streams_one_valid_document() -> None:
    proc = subprocess.run([sys.executable, "-m", "wizard", "log", "--json", "--tz", "UTC", str(DEMO_LOG)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    check_contract(doc)
    assert len(doc["messages"]) > 400


def test_parallel_json_equals_one_process(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard.core.maillog import parallel

    path = str(DATA / "story_day.log")
    code, one = run_json(capsys, "--jobs", "1", path)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    code2, many = run_json(capsys, "--jobs", "3", path)
    assert code == code2 == 0
    check_contract(many)

    def canon(doc: dict) -> list[str]:  # type: ignore[type-arg]
        return sorted(json.dumps(m, sort_keys=True) for m in doc["messages"])

    assert canon(one) == canon(many)
    assert one["unparsed_lines"] == many["unparsed_lines"] == 0
