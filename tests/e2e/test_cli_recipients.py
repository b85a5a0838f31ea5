"""CLI contracts of ``recipients``, ``check-address`` and ``check-cert`` (run in-process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.servers.tls_server import Pki, SilentServer, TlsTestServer, closed_port
from wizard.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "samples" / "demo"
ACCOUNTS = ROOT / "tests" / "data" / "recipients" / "accounts_cp932.csv"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_recipients_json_demo_with_accounts(capsys: pytest.CaptureFixture[str]) -> None:
    spam = sorted(str(p) for p in DEMO.glob("spam_*.eml"))
    code, data = run_json(capsys, "recipients", *spam, "--accounts", str(ACCOUNTS), "--good",
                          str(DEMO / "good_01.eml"), "--trusted", "192.0.2.0/24", "--json")
    assert code == 0
    assert set(data) == {"addresses", "flood_start", "recommendation", "domains", "messages", "log_records",
                         "findings", "errors"}
    rows = {a["address"]: a for a in data["addresses"]}
    assert list(rows) == ["tanaka@example.co.jp", "info@example.co.jp"]
    tanaka = rows["tanaka@example.co.jp"]
    assert (tanaka["count"], tanaka["departed"], tanaka["kind"], tanaka["registered"]) == (4, True,
                                                                                             "mailbox", True)
    assert tanaka["first_seen"] == "2026-03-07T00:12:45+00:00"
    assert tanaka["last_seen"] == "2026-03-08T14:40:58+00:00"
    assert "for" in tanaka["via"] and "to" in tanaka["via"]
    assert rows["info@example.co.jp"]["kind"] == "alias"
    assert data["flood_start"] == "2026-03-07T00:12:45+00:00"
    assert data["recommendation"] == "tanaka@example.co.jp"
    assert data["messages"] == 6 and data["errors"] == []
    codes = [f["code"] for f in data["findings"]]
    assert codes[:3] == ["recipients_recommend_delete", "recipients_predict_bounce",
                         "recipients_predict_move"]
    assert all(set(f) == {"code", "severity", "params"} for f in data["findings"])


def test_recipients_departed_by_hand_and_unreadable_input(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    code, data = run_json(capsys, "recipients", str(DEMO / "spam_05.eml"), str(tmp_path / "missing.eml"),
                          "--departed", "info@example.co.jp", "--json")
    assert code == 1
    assert data["recommendation"] == "info@example.co.jp"
    assert data["errors"] and "missing.eml" in data["errors"][0]["source"]


def test_recipients_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recipients", str(DEMO / "spam_01.eml"), "--departed", "tanaka@example.co.jp"]) == 0
    out = capsys.readouterr().out
    assert "tanaka@example.co.jp" in out and "Delete: tanaka@example.co.jp" in out


def test_recipients_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recipients"]) == 2
    capsys.readouterr()


def test_check_address_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "check-address", "ｔａｎａｋａ＠example.jp", "--known",
                          "tanaka@example.co.jp", "info@example.co.jp", "--json")
    assert code == 0
    assert data == {
        "match": None,
        "differences": [
            {"kind": "fullwidth", "position": 0, "typed": "ｔａｎａｋａ", "expected": "tanaka"},
            {"kind": "at_sign", "position": 6, "typed": "＠", "expected": "@"},
            {"kind": "domain_suffix", "position": 14, "typed": ".jp", "expected": ".co.jp"},
        ],
        "suggestion": "tanaka@example.co.jp",
        "readback": {
            "ja": "ティー・エー・エヌ・エー・ケー・エー、アットマーク、"
                  "イー・エックス・エー・エム・ピー・エル・イー、ドット、シー・オー、ドット、ジェー・ピー",
            "en": "t-a-n-a-k-a, at, e-x-a-m-p-l-e, dot, c-o, dot, j-p",
        },
    }


def test_check_address_exact_match(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, "check-address", "info@example.co.jp", "--known", "info@example.co.jp",
                          "--json")
    assert code == 0 and data["match"] == "info@example.co.jp" and data["differences"] == []
    assert data["suggestion"] is None


def test_check_address_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-address", "tanaka@examp\u200ble.co.jp", "--known", "tanaka@example.co.jp"]) == 0
    out = capsys.readouterr().out
    assert "invisible character" in out and "<U+200B>" in out


CERT_KEYS = {"host", "port", "subject", "issuer", "san", "not_before", "not_after", "problems", "advice"}
BROWSERS = {"chrome", "edge", "firefox", "safari_mac", "safari_iphone"}


def test_check_cert_json_self_signed_wrong_host(capsys: pytest.CaptureFixture[str]) -> None:
    leaf, key = Pki.self_signed("server01.hosting.example.net", san=["cp.example.ne.jp"])
    with TlsTestServer([leaf], key) as server:
        code, data = run_json(capsys, "check-cert", server.address, "--expect-host", "cp.example.jp",
                              "--no-system-ca", "--json")
        port = server.port
    assert code == 0
    assert set(data) == CERT_KEYS
    assert (data["host"], data["port"]) == ("127.0.0.1", port)
    assert data["san"] == ["cp.example.ne.jp"]
    assert "CN=server01.hosting.example.net" in data["subject"]
    assert [p["code"] for p in data["problems"]] == ["self_signed", "hostname_mismatch"]
    assert f"https://cp.example.ne.jp:{port}/" in data["problems"][1]["detail"]
    assert set(data["advice"]) == BROWSERS
    assert all(isinstance(v, str) and v for v in data["advice"].values())
    assert data["not_before"].endswith("+00:00") and data["not_after"].endswith("+00:00")


def test_check_cert_json_valid_with_ca(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pki = Pki()
    leaf, key = pki.leaf("cp.example.ne.jp")
    ca = pki.root_pem(tmp_path)
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        code, data = run_json(capsys, "check-cert", server.address, "--expect-host", "cp.example.ne.jp",
                              "--ca", str(ca), "--no-system-ca", "--lang", "ja", "--json")
    assert code == 0
    assert data["problems"] == []
    assert "警告なし" in data["advice"]["chrome"]


def test_check_cert_timeout_and_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with SilentServer() as server:
        code, data = run_json(capsys, "check-cert", server.address, "--timeout", "0.5", "--json")
    assert code == 1
    assert [p["code"] for p in data["problems"]] == ["timeout"]
    assert data["subject"] is None and data["san"] == []
    code, data = run_json(capsys, "check-cert", f"127.0.0.1:{closed_port()}", "--json")
    assert code == 1 and data["problems"][0]["code"] == "refused"


def test_check_cert_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-cert", "host:notaport"]) == 2
    assert main(["check-cert", "host", "--timeout", "0"]) == 2
    capsys.readouterr()


def test_recipients_with_the_demo_delivery_log(capsys: pytest.CaptureFixture[str]) -> None:
    spam = sorted(str(p) for p in DEMO.glob("spam_*.eml"))
    code, data = run_json(capsys, "recipients", *spam, "--log", str(DEMO / "maillog" / "maillog"),
                          "--departed", "tanaka@example.co.jp", "--trusted", "192.0.2.0/24", "--json")
    assert code == 0
    rows = {a["address"]: a for a in data["addresses"]}
    assert rows["tanaka@example.co.jp"]["log_count"] > 100
    assert rows["info@example.co.jp"]["log_count"] > 10
    assert "envelope" in rows["tanaka@example.co.jp"]["via"]
    assert data["log_records"] > 0
    assert data["flood_start"].startswith("2026-03-07T00:12")
    # Legitimate mail in the log (to sato@) is not part of the flood.
    assert "sato@example.co.jp" not in rows
    # The log already shows the deletion at work: later attempts refused with 550 5.1.1.
    verified = [f for f in data["findings"] if f["code"] == "recipients_delete_verified"]
    assert verified and verified[0]["params"]["count"] > 100
