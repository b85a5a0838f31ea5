"""The "unknown address" checker: every difference between typed and registered, exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.core.address import (
    KINDS,
    check_address,
    damerau_levenshtein,
    normalize_typed,
    readback_en,
    readback_ja,
)

KNOWN = [
    "tanaka@example.co.jp",
    "info@example.co.jp",
    "sato@example.co.jp",
    "m.suzuki-01@example.co.jp",
    "yamada_taro@example.co.jp",
    "will@example.co.jp",
]
T = "tanaka@example.co.jp"
S = "m.suzuki-01@example.co.jp"

# (typed, expected match, expected suggestion, [(kind, position, typed, expected), ...])
CASES: list[tuple[str, str | None, str | None, list[tuple[str, int, str, str]]]] = [
    # exact
    (T, T, None, []),
    # Japanese IME slips
    ("ｔａｎａｋａ@example.co.jp", None, T, [("fullwidth", 0, "ｔａｎａｋａ", "tanaka")]),
    ("ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", None, T, [
        ("fullwidth", 0, "ｔａｎａｋａ", "tanaka"), ("at_sign", 6, "＠", "@"),
        ("fullwidth", 7, "ｅｘａｍｐｌｅ", "example"), ("dot", 14, "．", "."),
        ("fullwidth", 15, "ｃｏ", "co"),
        ("dot", 17, "．", "."), ("fullwidth", 18, "ｊｐ", "jp")]),
    ("ｔａｎａｋａ＠ｅｘａｍｐｌｅ。ｃｏ。ｊｐ", None, T, [
        ("fullwidth", 0, "ｔａｎａｋａ", "tanaka"), ("at_sign", 6, "＠", "@"),
        ("fullwidth", 7, "ｅｘａｍｐｌｅ", "example"), ("dot", 14, "。", "."),
        ("fullwidth", 15, "ｃｏ", "co"),
        ("dot", 17, "。", "."), ("fullwidth", 18, "ｊｐ", "jp")]),
    ("tanaka＠example.co.jp", None, T, [("at_sign", 6, "＠", "@")]),
    ("tanaka﹫example.co.jp", None, T, [("at_sign", 6, "﹫", "@")]),
    ("tanaka@example・co・jp", None, T, [("dot", 14, "・", "."), ("dot", 17, "・", ".")]),
    ("tanaka@example｡co.jp", None, T, [("dot", 14, "｡", ".")]),
    ("tanaka@example、co.jp", None, T, [("dot", 14, "、", ".")]),
    ("たなか@example.co.jp", None, T, [("kana", 0, "たなか", "tanaka")]),
    ("いんふぉ@example.co.jp", None, "info@example.co.jp", [("kana", 0, "いんふぉ", "info")]),
    ("たなか＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", None, T, [
        ("kana", 0, "たなか", "tanaka"), ("at_sign", 3, "＠", "@"),
        ("fullwidth", 4, "ｅｘａｍｐｌｅ", "example"),
        ("dot", 11, "．", "."), ("fullwidth", 12, "ｃｏ", "co"), ("dot", 14, "．", "."),
        ("fullwidth", 15, "ｊｐ", "jp")]),
    # hyphen look-alikes and long-vowel marks
    ("m.suzukiー01@example.co.jp", None, S, [("hyphen", 8, "ー", "-")]),
    ("m.suzuki－01@example.co.jp", None, S, [("hyphen", 8, "－", "-")]),
    ("m.suzuki‐01@example.co.jp", None, S, [("hyphen", 8, "‐", "-")]),
    ("m.suzuki‑01@example.co.jp", None, S, [("hyphen", 8, "‑", "-")]),
    ("m.suzuki―01@example.co.jp", None, S, [("hyphen", 8, "―", "-")]),
    ("m.suzukiｰ01@example.co.jp", None, S, [("hyphen", 8, "ｰ", "-")]),
    # spaces and invisible characters
    (" tanaka@example.co.jp", None, T, [("space", 0, " ", "")]),
    ("tanaka @example.co.jp", None, T, [("space", 6, " ", "")]),
    ("tanaka@example.co.jp\u3000", None, T, [("space", 20, "\u3000", "")]),
    ("\u00a0tanaka@example.co.jp", None, T, [("space", 0, "\u00a0", "")]),
    ("tanaka@examp\u200ble.co.jp", None, T, [("invisible", 12, "\u200b", "")]),
    ("tanaka@exam\u00adple.co.jp", None, T, [("invisible", 11, "\u00ad", "")]),
    ("\ufefftanaka@example.co.jp", None, T, [("invisible", 0, "\ufeff", "")]),
    ("tanaka\u200d\u200b@example.co.jp", None, T, [("invisible", 6, "\u200d\u200b", "")]),
    # letter case (does not matter: still a match)
    ("TANAKA@EXAMPLE.CO.JP", T, T, [("case", 0, "TANAKA", "tanaka"), ("case", 7, "EXAMPLE", "example"),
                                   ("case", 15, "CO", "co"), ("case", 18, "JP", "jp")]),
    ("Info@example.co.jp", "info@example.co.jp", "info@example.co.jp", [("case", 0, "I", "i")]),
    ("Ｔａｎａｋａ@example.co.jp", None, T, [("fullwidth", 0, "Ｔａｎａｋａ", "tanaka")]),
    # confusables
    ("tanaka@examp1e.co.jp", None, T, [("confusable", 12, "1", "l")]),
    ("tanaka@exampIe.co.jp", None, T, [("confusable", 12, "I", "l")]),
    ("inf0@example.co.jp", None, "info@example.co.jp", [("confusable", 3, "0", "o")]),
    ("tanaka@exarnple.co.jp", None, T, [("confusable", 10, "rn", "m")]),
    ("wi11@example.co.jp", None, "will@example.co.jp", [("confusable", 2, "11", "ll")]),
    ("vvill@example.co.jp", None, "will@example.co.jp", [("confusable", 0, "vv", "w")]),
    ("tanaka@example,co.jp", None, T, [("confusable", 14, ",", ".")]),
    # domain slips
    ("tanaka@example.jp", None, T, [("domain_suffix", 14, ".jp", ".co.jp")]),
    ("tanaka@example.com", None, T, [("domain_suffix", 14, ".com", ".co.jp")]),
    ("tanaka@example.ne.jp", None, T, [("domain_suffix", 14, ".ne.jp", ".co.jp")]),
    ("tanaka@example.co", None, T, [("domain_suffix", 14, ".co", ".co.jp")]),
    ("tanaka@example.com ", None, T, [("domain_suffix", 14, ".com", ".co.jp"), ("space", 18, " ", "")]),
    ("tanaka@example.cojp", None, T, [("missing", 17, "", ".")]),
    ("tanaka@example.co.pj", None, T, [("swapped", 18, "pj", "jp")]),
    ("tanaka@exmaple.co.jp", None, T, [("swapped", 9, "ma", "am")]),
    # missing / extra / wrong letters
    ("tanaka@exampl.co.jp", None, T, [("missing", 13, "", "e")]),
    ("tanaka@examplee.co.jp", None, T, [("extra", 13, "e", "")]),
    ("tanaka@example.co.jp.", None, T, [("extra", 20, ".", "")]),
    ("tanakaa@example.co.jp", None, T, [("extra", 5, "a", "")]),
    ("tnaaka@example.co.jp", None, T, [("swapped", 1, "na", "an")]),
    ("tanakaexample.co.jp", None, T, [("missing", 6, "", "@")]),
    ("yamada-taro@example.co.jp", None, "yamada_taro@example.co.jp", [("wrong_char", 6, "-", "_")]),
    ("yamadataro@example.co.jp", None, "yamada_taro@example.co.jp", [("missing", 6, "", "_")]),
    ("tanaká@example.co.jp", None, T, [("accent", 5, "á", "a")]),
    # nothing close
    ("suzuki@example.co.jp", None, None, []),
    ("nobody@other.example.com", None, None, []),
]


def test_enough_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(("typed", "match", "suggestion", "diffs"), CASES, ids=[repr(c[0]) for c in CASES])
def test_differences(typed: str, match: str | None, suggestion: str | None,
                     diffs: list[tuple[str, int, str, str]]) -> None:
    result = check_address(typed, KNOWN)
    got = [(d.kind, d.position, d.typed, d.expected) for d in result.differences]
    assert got == diffs
    assert result.match == match
    assert result.suggestion == suggestion
    for d in result.differences:
        assert d.kind in KINDS
        assert typed[d.position:d.position + len(d.typed)] == d.typed


def test_ime_finding_for_an_all_full_width_address() -> None:
    result = check_address("ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", KNOWN)
    assert [f.code for f in result.findings] == ["address_ime_on"]
    assert result.normalized == T


def test_case_only_is_a_match_with_a_note() -> None:
    result = check_address("Tanaka@Example.co.jp", KNOWN)
    assert result.match == T
    assert "address_case_only" in [f.code for f in result.findings]


def test_far_address_says_so() -> None:
    result = check_address("suzuki@example.co.jp", KNOWN)
    codes = [f.code for f in result.findings]
    assert codes == ["address_no_close_match"]
    assert result.readback_en.startswith("s-u-z-u-k-i, at")


def test_no_registered_addresses_still_explains_slips() -> None:
    result = check_address("ｔａｎａｋａ＠example.co.jp", [])
    assert [(d.kind, d.position) for d in result.differences] == [("fullwidth", 0), ("at_sign", 6)]
    assert result.suggestion == T
    assert result.match is None
    assert "address_no_known" in [f.code for f in result.findings]


def test_not_an_address() -> None:
    result = check_address("tanaka", KNOWN)
    assert "address_not_an_address" in [f.code for f in result.findings]


def test_closest_of_several() -> None:
    known = ["tanaka@example.co.jp", "tanaka2@example.co.jp", "tanabe@example.co.jp"]
    assert check_address("tanabee@example.co.jp", known).suggestion == "tanabe@example.co.jp"
    assert check_address("tanaka22@example.co.jp", known).suggestion == "tanaka2@example.co.jp"


def test_json_contract_shape() -> None:
    data = check_address("ｔａｎａｋａ@example.co.jp", KNOWN).to_json()
    assert set(data) == {"match", "differences", "suggestion", "readback"}
    assert set(data["readback"]) == {"ja", "en"}
    assert data["differences"] == [{"kind": "fullwidth", "position": 0, "typed": "ｔａｎａｋａ",
                                    "expected": "tanaka"}]


def test_readback_japanese() -> None:
    assert readback_ja(T) == (
        "ティー・エー・エヌ・エー・ケー・エー、アットマーク、イー・エックス・エー・エム・ピー・エル・イー、"
        "ドット、シー・オー、ドット、ジェー・ピー"
    )
    assert readback_ja("m.suzuki-01@ex.jp") == (
        "エム、ドット、エス・ユー・ゼット・ユー・ケー・アイ、ハイフン、ゼロ・イチ、アットマーク、イー・エックス、"
        "ドット、ジェー・ピー"
    )
    assert readback_ja("yamada_taro@a.jp").split("、")[1] == "アンダーバー"
    assert readback_ja("Ab@c.jp").startswith("大文字のエー・ビー")


def test_readback_english() -> None:
    assert readback_en(T) == "t-a-n-a-k-a, at, e-x-a-m-p-l-e, dot, c-o, dot, j-p"
    assert readback_en("a_1@b.jp") == "a, underscore, one, at, b, dot, j-p"
    assert readback_en("ta@b.jp", nato=True) == (
        "t as in tango, a as in alpha, at, b as in bravo, dot, j as in juliett, p as in papa"
    )


def test_readback_uses_the_registered_address() -> None:
    result = check_address("ｔａｎａｋａ＠example.jp", KNOWN)
    assert result.readback_ja.endswith("シー・オー、ドット、ジェー・ピー")


@pytest.mark.parametrize(("a", "b", "d"), [("", "", 0), ("abc", "abc", 0), ("abc", "acb", 1), ("ab", "b", 1),
                                           ("kitten", "sitting", 3), ("ca", "abc", 3)])
def test_damerau_levenshtein(a: str, b: str, d: int) -> None:
    assert damerau_levenshtein(a, b) == d


def test_kana_with_small_tsu_and_youon() -> None:
    assert normalize_typed("きょうこ").text == "kyouko"
    assert normalize_typed("しゅっと").text == "shutto"


@given(st.text(max_size=60), st.lists(st.text(max_size=40), max_size=4))
def test_never_raises(typed: str, known: list[str]) -> None:
    result = check_address(typed, known)
    for d in result.differences:
        assert d.kind in KINDS
        assert 0 <= d.position <= len(typed)
        assert typed[d.position:d.position + len(d.typed)] == d.typed
    assert isinstance(result.readback_ja, str) and isinstance(result.readback_en, str)
