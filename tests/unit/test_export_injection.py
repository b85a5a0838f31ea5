"""Exporters: correct output for normal entries, and hostile "domains" refused with a clear message
(the real engines re-check the survivors in tests/e2e/test_engines.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.export import ExportError, render
from wizard.core.export.patterns import PatternError, parse_pattern
from wizard.core.export.sieve import quote
from wizard.core.export.spamassassin import keyword_for
from wizard.core.profiles import get_profile

HOSTILE = [
    '"; discard; "@x.com',
    "*@evil.com\nrequired_score -100",
    "*@evil.com\r\nblocklist_from *@*",
    "*@evil.com}\nif true { discard; }",
    "*@evil.com; keep",
    "evil.com\" } discard; {",
    "*@ev\\il.com",
    "*@evil.com\x00",
    "*@" + "a" * 300 + ".com",
    "*@" + ".".join(["a"] * 200),
    "*@",
    "",
    "   ",
    "a@b@c.com",
    "*@evil..com",
    "*@-evil.com",
    "*@evil.com\tx",
    "*@ev il.com",
    "*@evil.com#",
    "*@$(reboot).com",
    "${LOCAL_CONFDIR}@x.com",
    "*@evil.com\u2028x",
    "tést@example.com",
    "*@localhost",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("fmt", ["spamassassin", "sieve", "rspamd", "postfix"])
def test_hostile_patterns_refused_by_every_exporter(fmt: str, text: str) -> None:
    profile = get_profile({"rspamd": "rspamd", "postfix": "postfix_access"}.get(fmt, "spamassassin"))
    action = {"postfix": "deliver", "rspamd": "folder"}.get(fmt, "folder")
    with pytest.raises(ExportError) as info:
        render(fmt, [text], profile, action)
    message = str(info.value)
    assert "refused" in message and "\n" not in message.split(":", 1)[0]


def test_refusal_messages_say_why() -> None:
    cases = {
        '"; discard; "@x.com': "space",
        "*@evil.com\nrequired_score -100": "line break",
        "*@evil.com;": "';'",
        "*@" + "a" * 300 + ".com": "longer than",
        "*@evil..com": "empty label",
        "*@localhost": "two labels",
    }
    for text, words in cases.items():
        with pytest.raises(PatternError) as info:
            parse_pattern(text)
        assert words in str(info.value), (text, str(info.value))


def test_shorthands_and_idn() -> None:
    assert parse_pattern("Example.COM").text == "*@example.com"
    assert parse_pattern("@example.com").text == "*@example.com"
    assert parse_pattern("*.example.com").text == "*@*.example.com"
    assert parse_pattern("*.example.com").kind == "subdomains"
    assert parse_pattern("user@example.com").kind == "address"
    assert parse_pattern("x?y*@example.com").kind == "glob"
    assert parse_pattern("*@例え.jp").text == "*@xn--r8jz45g.jp"
    p = parse_pattern("*@lottery-example.biz")
    assert p.matches("X7KQ2P@Lottery-Example.biz") and not p.matches("a@lottery-example.biz.evil.com")
    assert not p.matches("a@sub.lottery-example.biz") and not p.matches(None)


@given(st.text(max_size=400))
def test_any_text_is_refused_or_safe(text: str) -> None:
    try:
        pattern = parse_pattern(text)
    except PatternError as exc:
        assert exc.reason
        return
    allowed = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+=*?-@")
    assert set(pattern.text) <= allowed and len(pattern.text) <= 260


def test_spamassassin_user_prefs() -> None:
    profile = get_profile("hosting_provider")
    text = render("spamassassin", ["*@lottery-example.biz"], profile, "tag", "high", "4.0.1").text
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert lines == ["required_score 3.0", "blocklist_from *@lottery-example.biz", "rewrite_header Subject [SPAM]"]
    old = render("spamassassin", ["*@lottery-example.biz"], profile, "deliver", None, "3.4.6").text
    assert "blacklist_from *@lottery-example.biz" in old and "rewrite_header" not in old
    assert keyword_for(None) == "blocklist_from" and keyword_for("3.4.2") == "blacklist_from"


def test_sieve_script() -> None:
    profile = get_profile("hosting_provider")
    text = render("sieve", ["*@lottery-example.biz"], profile, "folder").text
    assert 'require ["fileinto", "envelope"];' in text
    assert 'fileinto "Spam";' in text
    assert 'address :all :matches "from" ["*@lottery-example.biz"]' in text
    assert 'envelope :all :matches "from" ["*@lottery-example.biz"]' in text
    deleted = render("sieve", ["*@lottery-example.biz"], profile, "delete").text
    assert "discard;" in deleted and "fileinto" not in deleted
    kept = render("sieve", ["*@lottery-example.biz"], profile, "deliver").text
    assert "keep;" in kept and "discard" not in kept and "fileinto" not in kept
    assert quote('a"b\\c') == '"a\\"b\\\\c"'
    with pytest.raises(ExportError, match="control character"):
        quote("a\nb")


def test_rspamd_and_postfix() -> None:
    text = render("rspamd", ["*@lottery-example.biz", "bad@spam-example.net"], get_profile("rspamd"),
                  "reject", "10").text
    assert 'filter = "email:domain";' in text and "reject = 10.0;" in text
    assert "\nlottery-example.biz\n" in text and "\nbad@spam-example.net\n" in text
    with pytest.raises(ExportError, match="refused"):
        render("rspamd", ["x*y@example.com"], get_profile("rspamd"), "folder")
    access = render("postfix", ["*@lottery-example.biz", "*@*.spam-example.net", "one@x-example.org"],
                    get_profile("postfix_access")).text
    body = [ln for ln in access.splitlines() if not ln.startswith("#")]
    assert body == ["lottery-example.biz\tREJECT Sender blocked at the recipient's request",
                    ".spam-example.net\tREJECT Sender blocked at the recipient's request",
                    "one@x-example.org\tREJECT Sender blocked at the recipient's request"]
    with pytest.raises(ExportError, match="cannot express"):
        render("postfix", ["a*b@example.com"], get_profile("postfix_access"))


def test_unknown_format_action_sensitivity() -> None:
    profile = get_profile("hosting_provider")
    with pytest.raises(ExportError, match="unknown format"):
        render("exim", [], profile)
    with pytest.raises(ExportError, match="not offered"):
        render("sieve", [], profile, "reject")
    with pytest.raises(ExportError, match="not a level"):
        render("sieve", [], profile, "folder", "ultra")
