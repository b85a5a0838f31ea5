"""Certificate checker against a real TLS server on 127.0.0.1 with certificates made at test time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from hypothesis import given
from hypothesis import strategies as st

from tests.servers.tls_server import (
    NOW,
    Pki,
    SilentServer,
    TlsTestServer,
    closed_port,
    make_key,
    resign_sha1,
)
from wizard.core.certcheck import (
    BROWSERS,
    CertReport,
    analyze_chain,
    browser_advice,
    check_certificate,
    host_matches,
    load_guide,
    parse_target,
)

HOST = "cp.example.ne.jp"


@pytest.fixture(scope="module")
def pki() -> Pki:
    return Pki()


@pytest.fixture(scope="module")
def ca_file(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pki.root_pem(tmp_path_factory.mktemp("ca"))


def run(server: TlsTestServer, ca_file: Path | None, expect: str | None = HOST, **kw: object) -> CertReport:
    return check_certificate(server.address, expect_host=expect, timeout=10,
                             ca_files=[ca_file] if ca_file else [], system_trust=False, **kw)  # type: ignore[arg-type]


@pytest.fixture()
def valid_server(pki: Pki) -> Iterator[TlsTestServer]:
    leaf, key = pki.leaf(HOST)
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        yield server


def test_valid_chain_from_trusted_test_ca(valid_server: TlsTestServer, ca_file: Path) -> None:
    report = run(valid_server, ca_file)
    assert report.codes == ()
    assert report.san == (HOST,)
    assert report.chain_length == 2
    assert report.subject is not None and f"CN={HOST}" in report.subject
    assert report.issuer is not None and "CN=Test Intermediate CA" in report.issuer
    assert report.not_before is not None and report.not_after is not None
    assert report.not_before < NOW < report.not_after
    assert report.another_device is False
    assert report.key == "EC 256"


def test_valid_chain_but_ca_not_trusted_is_unknown_issuer(valid_server: TlsTestServer) -> None:
    report = run(valid_server, None)
    assert report.codes == ("unknown_issuer",)
    assert "Test Root CA" in report.problems[0].detail


def test_self_signed(ca_file: Path) -> None:
    leaf, key = Pki.self_signed(HOST)
    with TlsTestServer([leaf], key) as server:
        report = run(server, ca_file)
    assert report.codes == ("self_signed",)
    assert report.another_device is False


def test_wrong_host_lists_names_and_suggests_url(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST, san=[HOST, "panel.example.ne.jp"])
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        report = run(server, ca_file, expect="cp.example.jp")
        port = server.port
    assert report.codes == ("hostname_mismatch",)
    detail = report.problems[0].detail
    assert "cp.example.jp is not covered" in detail
    assert HOST in detail and "panel.example.ne.jp" in detail
    assert report.suggested_url == f"https://{HOST}:{port}/"


def test_connecting_by_ip_without_expected_name_is_a_mismatch(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST)
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        report = run(server, ca_file, expect=None)
    assert report.codes == ("hostname_mismatch",)
    assert report.suggested_url is not None and report.suggested_url.startswith(f"https://{HOST}:")


def test_ip_san_matches_ip(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf("127.0.0.1", san=["127.0.0.1"])
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        report = run(server, ca_file, expect=None)
    assert report.codes == ()


def test_expired(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST, not_before=NOW - dt.timedelta(days=400),
                         not_after=NOW - dt.timedelta(days=2))
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        report = run(server, ca_file)
    assert report.codes == ("expired",)
    assert (NOW - dt.timedelta(days=2)).date().isoformat() in report.problems[0].detail


def test_not_yet_valid(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST, not_before=NOW + dt.timedelta(days=3), not_after=NOW + dt.timedelta(days=90))
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        report = run(server, ca_file)
    assert report.codes == ("not_yet_valid",)
    assert "clock" in report.problems[0].detail


def test_missing_intermediate(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST)
    with TlsTestServer([leaf], key) as server:
        report = run(server, ca_file)
    assert report.codes == ("incomplete_chain",)
    assert "Test Intermediate CA" in report.problems[0].detail
    assert report.chain_length == 1


def test_weak_rsa_key(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST, key=make_key("rsa", 1024))
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        report = run(server, ca_file)
    assert report.codes == ("weak_key",)
    assert report.key == "RSA 1024"


def test_strong_rsa_key_is_fine(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST, key=make_key("rsa", 2048))
    with TlsTestServer([leaf, pki.intermediate], key) as server:
        report = run(server, ca_file)
    assert report.codes == ()
    assert report.key == "RSA 2048"


def test_sha1_signature() -> None:
    root_key = make_key("rsa", 2048)
    assert isinstance(root_key, rsa.RSAPrivateKey)
    root, _k = Pki.self_signed("Test SHA-1 Root", key=root_key)
    leaf_key = make_key()
    leaf = Pki._build(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]), root.subject,
                      leaf_key.public_key(), root_key, san=[HOST], algorithm=hashes.SHA256())
    leaf = resign_sha1(leaf, root_key)
    report = analyze_chain([_der(leaf)], "127.0.0.1", 443, expect_host=HOST, trust=[root])
    assert report.codes == ("weak_signature",)
    assert report.signature == "sha1"
    assert "SHA1" in report.problems[0].detail
    with TlsTestServer([leaf], leaf_key) as server:
        served = check_certificate(server.address, expect_host=HOST, timeout=10, trust=[root],
                                   system_trust=False)
    assert served.codes == ("weak_signature",)


def test_several_problems_at_once_like_the_story(ca_file: Path) -> None:
    """The story's panel: self-signed and reached under a name it does not carry."""
    leaf, key = Pki.self_signed("server01.hosting.example.net")
    with TlsTestServer([leaf], key) as server:
        report = run(server, ca_file, expect="cp.example.ne.jp")
    assert report.codes == ("self_signed", "hostname_mismatch")
    assert "server01.hosting.example.net" in report.problems[1].detail


def test_hsts_means_no_bypass_and_another_device(ca_file: Path) -> None:
    leaf, key = Pki.self_signed(HOST)
    with TlsTestServer([leaf], key, hsts=True) as server:
        report = run(server, ca_file)
    assert report.codes == ("self_signed", "hsts")
    assert report.another_device is True
    advice = browser_advice(report, "en")
    assert "another computer" in advice["chrome"]
    assert "no 'Proceed' link" in advice["chrome"]


def test_hsts_alone_on_a_valid_site_is_not_a_problem(pki: Pki, ca_file: Path) -> None:
    leaf, key = pki.leaf(HOST)
    with TlsTestServer([leaf, pki.intermediate], key, hsts=True) as server:
        report = run(server, ca_file)
    assert report.codes == ()


def test_timeout_on_a_server_that_never_answers() -> None:
    with SilentServer() as server:
        report = check_certificate(server.address, timeout=0.5, system_trust=False)
    assert report.codes == ("timeout",)
    assert "0.5 seconds" in report.problems[0].detail
    assert report.subject is None and report.connected is False


def test_refused() -> None:
    report = check_certificate(f"127.0.0.1:{closed_port()}", timeout=2, system_trust=False)
    assert report.codes == ("refused",)


def test_handshake_failure_on_a_non_tls_port() -> None:
    with SilentServer(reply=b"220 mail.example.ne.jp ESMTP Postfix\r\n" * 200) as server:
        report = check_certificate(server.address, timeout=2, system_trust=False)
    assert report.codes == ("handshake_failed",)


def test_bad_target_text() -> None:
    report = check_certificate("cp.example.ne.jp:99999", system_trust=False)
    assert report.codes == ("bad_target",)
    report = check_certificate("", system_trust=False)
    assert report.codes == ("bad_target",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cp.example.ne.jp", ("cp.example.ne.jp", 443)),
        ("cp.example.ne.jp:8443", ("cp.example.ne.jp", 8443)),
        ("https://cp.example.ne.jp:8443/login?x=1", ("cp.example.ne.jp", 8443)),
        ("https://cp.example.ne.jp/", ("cp.example.ne.jp", 443)),
        ("[2001:db8::1]:8443", ("2001:db8::1", 8443)),
        ("2001:db8::1", ("2001:db8::1", 443)),
        (" 192.0.2.10:10443 ", ("192.0.2.10", 10443)),
    ],
)
def test_parse_target(text: str, expected: tuple[str, int]) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    ("host", "names", "ok"),
    [
        ("cp.example.ne.jp", ["cp.example.ne.jp"], True),
        ("CP.Example.NE.JP.", ["cp.example.ne.jp"], True),
        ("cp.example.ne.jp", ["*.example.ne.jp"], True),
        ("a.cp.example.ne.jp", ["*.example.ne.jp"], False),
        ("example.ne.jp", ["*.example.ne.jp"], False),
        ("cp.example.jp", ["cp.example.ne.jp"], False),
        ("192.0.2.1", ["192.0.2.1"], True),
        ("192.0.2.1", ["cp.example.ne.jp"], False),
    ],
)
def test_host_matching(host: str, names: list[str], ok: bool) -> None:
    assert host_matches(host, names) is ok


def test_wildcard_suggestion_uses_the_typed_first_label(pki: Pki) -> None:
    leaf, _key = pki.leaf("*.example.ne.jp", san=["*.example.ne.jp"])
    report = analyze_chain([_der(leaf), _der(pki.intermediate)], "192.0.2.5", 8443,
                           expect_host="cp.example.jp", trust=[pki.root])
    assert report.codes == ("hostname_mismatch",)
    assert report.suggested_url == "https://cp.example.ne.jp:8443/"


def test_garbage_chain_is_reported_not_raised() -> None:
    report = analyze_chain([b"\x00not a certificate"], "h", 443)
    assert report.codes == ("no_certificate",)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_guides_cover_every_browser_and_problem(lang: str) -> None:
    guide = load_guide(lang)
    for browser in BROWSERS:
        entry = guide["browsers"][browser]
        for code in ("hostname_mismatch", "self_signed", "unknown_issuer", "incomplete_chain", "expired",
                     "not_yet_valid", "weak_signature", "weak_key"):
            assert entry["see"][code].strip(), (browser, code)
        assert entry["bypass"].strip() and entry["no_bypass"].strip()
    for key in ("ok", "use_url", "clock", "if_stuck", "another_device", "timeout", "refused", "dns_failed",
                "handshake_failed", "unreachable"):
        assert guide["common"][key].strip(), key


def test_advice_words_per_browser(ca_file: Path) -> None:
    leaf, key = Pki.self_signed("server01.hosting.example.net", san=[HOST])
    with TlsTestServer([leaf], key) as server:
        report = run(server, ca_file, expect="cp.example.jp")
    en = browser_advice(report, "en")
    ja = browser_advice(report, "ja")
    assert set(en) == set(BROWSERS) == set(ja)
    assert "NET::ERR_CERT_AUTHORITY_INVALID" in en["chrome"]
    assert "Accept the Risk and Continue" in en["firefox"]
    assert "visit this website" in en["safari_iphone"]
    assert report.suggested_url is not None and report.suggested_url in en["edge"]
    assert "詳細設定" in ja["chrome"] and report.suggested_url in ja["chrome"]
    assert "危険性を承知で続行" in ja["firefox"]


def test_advice_for_timeout_and_valid() -> None:
    timeout = CertReport("h", 1, problems=(), extra={})
    assert "fine" in browser_advice(timeout, "en")["chrome"]
    from wizard.core.certcheck import CertProblem

    failed = CertReport("h", 1, problems=(CertProblem("timeout", "x"),))
    assert "did not answer" in browser_advice(failed, "en")["safari_mac"]


def _der(cert: object) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding

    return cert.public_bytes(Encoding.DER)  # type: ignore[attr-defined, no-any-return]


@given(st.text(max_size=80))
def test_parse_target_only_raises_value_error(text: str) -> None:
    try:
        host, port = parse_target(text)
    except ValueError:
        return
    assert host and 0 < port < 65536


@given(st.lists(st.binary(max_size=300), max_size=3))
def test_analyze_chain_never_raises(chain: list[bytes]) -> None:
    report = analyze_chain(chain, "h", 443)
    assert report.codes == ("no_certificate",) or report.subject is not None
