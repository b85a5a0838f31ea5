"""``spam-wizard simulate`` and ``spam-wizard export`` as a support agent runs them (in-process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo"
SPAM = [str(p) for p in sorted(DEMO.glob("spam_*.eml"))]
GOOD = [str(p) for p in sorted(DEMO.glob("good_*.eml"))]
BLOCK = "*@lottery-example.biz"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _goods() -> list[str]:
    return [x for g in GOOD for x in ("--good", g)]


def test_seed_sequence_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "simulate", *SPAM, *_goods(), "--profile", "hosting_provider",
                        "--block", BLOCK, "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"results", "findings"}
    assert len(data["results"]) == 8
    for row in data["results"]:
        assert {"source", "score", "blocklist_hit", "outcome", "folder"} <= set(row)
        assert isinstance(row["blocklist_hit"], bool)
        assert row["outcome"] == "inbox" and row["folder"] is None
    codes = [f["code"] for f in data["findings"]]
    assert "blocklist_without_action" in codes
    mistake = next(f for f in data["findings"] if f["code"] == "blocklist_without_action")
    assert mistake["severity"] == "critical" and set(mistake) == {"code", "severity", "params"}

    code, out, _ = _run(capsys, "simulate", *SPAM, *_goods(), "--profile", "hosting_provider",
                        "--block", BLOCK, "--action", "folder", "--json")
    data = json.loads(out)
    spam = [r for r in data["results"] if r["kind"] == "spam"]
    good = [r for r in data["results"] if r["kind"] == "good"]
    assert len(spam) == 6 and all(r["outcome"] == "folder" and r["folder"] == "Spam" for r in spam)
    assert all(r["blocklist_hit"] for r in spam)
    assert len(good) == 2 and all(r["outcome"] == "inbox" and not r["blocklist_hit"] for r in good)
    codes = {f["code"] for f in data["findings"]}
    assert "blocklist_without_action" not in codes
    assert {"spam_folder_webmail_only", "false_positives_possible", "sensitivity_adjustable"} <= codes
    score = {Path(r["source"].split("#")[0]).name: r["score"] for r in data["results"]}
    assert score["spam_01.eml"] == pytest.approx(107.2) and score["good_01.eml"] == pytest.approx(-1.9)


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "simulate", SPAM[0], "--profile", "cpanel", "--block", BLOCK,
                        "--action", "delete", "--sensitivity", "3")
    assert code == 0
    assert "deleted" in out and "deleted_mail_unrecoverable" in out


@pytest.mark.parametrize(("args", "words"), [
    (["--profile", "nope"], "no such profile"),
    (["--profile", "hosting_provider", "--action", "reject"], "not offered"),
    (["--profile", "hosting_provider", "--sensitivity", "ultra"], "not a level"),
    (["--profile", "hosting_provider", "--block", "*@x.com\nrequired_score 0"], "refused"),
])
def test_bad_usage_exit_2(capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    code, _, err = _run(capsys, "simulate", SPAM[0], *args)
    assert code == 2 and words in err


def test_unreadable_sample_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "simulate", SPAM[0], str(tmp_path / "missing.eml"), "--profile",
                        "hosting_provider", "--json")
    assert code == 1
    data = json.loads(out)
    assert len(data["results"]) == 1 and data["errors"]


def test_export_to_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "user_prefs"
    code, out, err = _run(capsys, "export", "--format", "spamassassin", "--block", BLOCK, "--action", "tag",
                          "--profile", "hosting_provider", "-o", str(target))
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert "required_score 5.0" in text and "rewrite_header Subject [SPAM]" in text
    assert "_from *@lottery-example.biz" in text and "adds 100 points" in err
    code, out, _ = _run(capsys, "export", "--format", "postfix", "--block", BLOCK)
    assert code == 0 and "lottery-example.biz\tREJECT" in out
    code, _, err = _run(capsys, "export", "--format", "sieve", "--block", BLOCK, "--action", "reject",
                        "--profile", "rspamd")
    assert code == 2 and "not by Sieve" in err
