"""SpamAssassin / rspamd / Microsoft verdicts and authentication results."""

from __future__ import annotations

import pytest

from wizard.core.headers_spam import decode_forefront, parse_auth_results, read_spam_facts


def facts(*fields: tuple[str, str]):
    return read_spam_facts(list(fields))


def codes(f) -> set[str]:
    return {x.code for x in f.findings}


def test_spamassassin_status() -> None:
    f = facts(
        ("X-Spam-Flag", "YES"),
        ("X-Spam-Status", "Yes, score=7.2 required=5.0 tests=BAYES_99,FREEMAIL_FROM,\n\tRDNS_NONE "
                          "autolearn=no autolearn_force=no version=3.4.6"),
    )
    assert f.spam.flag is True and f.spam.score == 7.2 and f.spam.required == 5.0
    assert f.spam.tests == ("BAYES_99", "FREEMAIL_FROM", "RDNS_NONE")
    assert f.spam.engine == "spamassassin"
    assert "spam_flagged" in codes(f)


def test_spamassassin_old_hits_form_and_negative() -> None:
    f = facts(("X-Spam-Status", "No, hits=-2.6 required=5.0 tests=BAYES_00 autolearn=ham version=2.64"))
    assert f.spam.flag is False and f.spam.score == -2.6 and f.spam.tests == ("BAYES_00",)
    assert "spam_flagged" not in codes(f)


def test_spamassassin_tests_none() -> None:
    f = facts(("X-Spam-Status", "No, score=0.0 required=5.0 tests=none autolearn=unavailable version=3.4.6"))
    assert f.spam.tests == ()


def test_flag_only() -> None:
    f = facts(("X-Spam-Flag", "NO"), ("X-Spam-Score", "1.3"))
    assert f.spam.flag is False and f.spam.score == 1.3


def test_rspamd() -> None:
    f = facts(("X-Spamd-Result", "default: True [16.40 / 15.00]; R_SPF_FAIL(1.00)[-all]; "
                                 "BAYES_SPAM(5.10)[99.99%]; MIME_GOOD(-0.10)[text/plain]"))
    assert f.spam.engine == "rspamd" and f.spam.flag is True
    assert f.spam.score == 16.4 and f.spam.required == 15.0
    assert "R_SPF_FAIL" in f.spam.tests and "BAYES_SPAM" in f.spam.tests


def test_microsoft_forefront() -> None:
    report = ("CIP:103.75.190.21;CTRY:MY;LANG:ja;SCL:9;SRV:;IPV:NLI;SFV:SPM;H:mail.example.biz;"
              "PTR:InfoDomainNonexistent;CAT:PHSH;SFS:(13230031)(4636009);DIR:INB;")
    d = decode_forefront(report)
    assert d["CIP"] == "103.75.190.21" and d["CTRY"] == "MY" and d["SFS"] == "(13230031)(4636009)"
    f = facts(("X-Forefront-Antispam-Report", report), ("X-Microsoft-Antispam", "BCL:8;ARA:1|2;"))
    assert f.scl == 9 and f.bcl == 8
    assert f.spam.engine == "microsoft" and f.spam.flag is True
    assert {"ms_scl_high", "ms_phish", "ms_bulk", "spam_flagged"} <= codes(f)


def test_microsoft_scl_header_wins_and_low_scl() -> None:
    f = facts(("X-MS-Exchange-Organization-SCL", "1"),
              ("X-Forefront-Antispam-Report", "CIP:192.0.2.1;SCL:1;SFV:NSPM;CAT:NONE;DIR:INB;"))
    assert f.scl == 1 and f.spam.flag is False
    assert "ms_scl_high" not in codes(f)
    f = facts(("X-MS-Exchange-Organization-SCL", "-1"))
    assert f.scl == -1 and f.spam.flag is False


def test_spamassassin_wins_over_microsoft() -> None:
    f = facts(("X-MS-Exchange-Organization-SCL", "6"), ("X-Spam-Status", "No, score=1.0 required=5.0"))
    assert f.spam.engine == "spamassassin" and f.scl == 6


def test_authentication_results_rfc8601() -> None:
    value = ("mx.example.ne.jp;\n\tspf=fail (sender IP is 203.0.113.5) smtp.mailfrom=bad@example.biz;\n"
             "\tdkim=fail (bad signature) header.d=example.biz header.s=s1;\n"
             "\tdkim=pass header.d=other.example header.i=@other.example;\n"
             "\tdmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=example.biz policy.dmarc=reject")
    parsed = parse_auth_results(value)
    assert parsed["spf"][0] == "fail"
    assert parsed["dkim"][0] == "pass"  # one valid signature wins
    f = facts(("Authentication-Results", value))
    assert f.auth_results.spf == "fail" and f.auth_results.dkim == "pass" and f.auth_results.dmarc == "fail"
    assert f.spf_domain == "bad@example.biz"
    assert {"spf_fail", "dmarc_fail"} <= codes(f)


def test_topmost_authentication_results_wins_then_arc_and_received_spf() -> None:
    f = facts(
        ("Authentication-Results", "mx.ours.example; spf=softfail smtp.mailfrom=x@example.biz"),
        ("Authentication-Results", "mx.theirs.example; spf=pass smtp.mailfrom=x@example.biz; dkim=pass "
                                   "header.d=example.biz"),
        ("ARC-Authentication-Results", "i=1; mx.google.com; dmarc=pass (p=NONE) header.from=example.biz"),
    )
    assert f.auth_results.spf == "softfail" and f.auth_results.dkim == "pass" and f.auth_results.dmarc == "pass"
    f = facts(("Received-SPF", "Fail (mailfrom) identity=mailfrom; client-ip=203.0.113.5; "
                               "envelope-from=spammer@example.biz; receiver=mx"))
    assert f.auth_results.spf == "fail" and f.spf_domain == "spammer@example.biz"


@pytest.mark.parametrize("sig", [
    "v=1; a=rsa-sha256; c=relaxed/relaxed; d=Example.COM; s=sel; h=From:To; bh=x; b=y",
    "v=1;d=example.com;s=sel",
])
def test_dkim_signature_domains(sig: str) -> None:
    f = facts(("DKIM-Signature", sig))
    assert f.dkim_domains == ("example.com",)
    assert "dkim_none" not in codes(f)


def test_nothing() -> None:
    f = facts(("Subject", "hi"))
    assert f.spam.flag is None and f.spam.engine is None
    assert f.auth_results.spf is None
    assert codes(f) == {"dkim_none"}
