"""The "unknown address" checker: why does the panel not know the address the customer typed?

:func:`check_address` compares what the customer typed with the registered addresses and explains every
difference, position by position, in terms an agent can say on the phone: full-width characters typed
with the Japanese input method on, look-alike ``@`` / dots / hyphens, spaces and invisible characters,
kana typed instead of letters, confusable characters (l/1/I, O/0, rn/m, vv/w), letter case, domain suffix
slips (.co.jp / .jp / .com / .ne.jp) and missing, extra, wrong or swapped letters against the closest
registered address (Damerau-Levenshtein). :func:`readback_ja` / :func:`readback_en` spell an address
letter by letter for reading aloud.

Positions are 0-based indexes into the typed text (code points); for a missing character, the index of
the typed character it should come before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from wizard.core.model import Finding, JsonValue, finding

KINDS = (
    "fullwidth", "at_sign", "dot", "hyphen", "space", "invisible", "kana", "accent", "case", "confusable",
    "swapped", "extra", "missing", "wrong_char", "domain_suffix",
)
"""Every ``Difference.kind``."""

_AT = {"＠", "﹫"}
_DOTS = {"．", "。", "・", "｡", "･", "․", "·", "﹒", "‧", "∙", "、", "､"}
_HYPHENS = {"ー", "－", "‐", "‑", "‒", "–", "—", "―", "−", "ｰ", "﹣", "⁃"}
_INVISIBLE = {"\u00ad", "\u034f", "\u061c", "\u180e", "\ufeff"} | {chr(c) for c in range(0x200B, 0x2010)} | {
    chr(c) for c in range(0x2060, 0x2065)} | {chr(c) for c in range(0x202A, 0x202F)} | {
    chr(c) for c in range(0x2066, 0x206A)}

_CONFUSABLE_GROUPS = ("l1i|!", "o0", "s5", "z2", "b8", "g9q", "uv", ".,")
_CONFUSABLE_MULTI = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("nn", "m"))

_KANA = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o", "か": "ka", "き": "ki", "く": "ku", "け": "ke",
    "こ": "ko", "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so", "た": "ta", "ち": "chi",
    "つ": "tsu", "て": "te", "と": "to", "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho", "ま": "ma", "み": "mi", "む": "mu",
    "め": "me", "も": "mo", "や": "ya", "ゆ": "yu", "よ": "yo", "ら": "ra", "り": "ri", "る": "ru",
    "れ": "re", "ろ": "ro", "わ": "wa", "を": "wo", "ん": "n", "が": "ga", "ぎ": "gi", "ぐ": "gu",
    "げ": "ge", "ご": "go", "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo", "だ": "da",
    "ぢ": "di", "づ": "du", "で": "de", "ど": "do", "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be",
    "ぼ": "bo", "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po", "ゔ": "vu",
}
_SMALL_Y = {"ゃ": "ya", "ゅ": "yu", "ょ": "yo"}
_SMALL_V = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}


@dataclass(frozen=True, slots=True)
class Difference:
    """One difference between the typed text and the registered address."""

    kind: str
    position: int
    typed: str
    expected: str

    def to_json(self) -> dict[str, JsonValue]:
        """Contract form ``{"kind", "position", "typed", "expected"}``."""
        return {"kind": self.kind, "position": self.position, "typed": self.typed, "expected": self.expected}


@dataclass(frozen=True, slots=True)
class AddressCheck:
    """Result of :func:`check_address`."""

    typed: str
    match: str | None
    """The registered address the typed text is (differing at most in letter case), else None."""
    differences: tuple[Difference, ...]
    suggestion: str | None
    """The closest registered address when the typed text is not exactly it, else None."""
    readback_ja: str
    readback_en: str
    normalized: str
    """The typed text with the typing slips (full-width, spaces, kana...) undone."""
    distance: int | None = None
    """Damerau-Levenshtein distance (case-insensitive) from ``normalized`` to the suggestion."""
    findings: tuple[Finding, ...] = ()

    def to_json(self) -> dict[str, JsonValue]:
        """Contract form used by ``spam-wizard check-address --json``."""
        return {
            "match": self.match,
            "differences": [d.to_json() for d in self.differences],
            "suggestion": self.suggestion,
            "readback": {"ja": self.readback_ja, "en": self.readback_en},
        }


# -- step 1: undo typing slips -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Norm:
    text: str
    index: tuple[int, ...]
    """For each char of ``text``, the typed position it came from."""
    slips: tuple[tuple[int, str, str, str], ...]
    """(typed position, kind, typed char, normalized replacement)."""


def _to_hiragana(ch: str) -> str:
    code = ord(ch)
    return chr(code - 0x60) if 0x30A1 <= code <= 0x30F6 else ch


def _kana_romaji(chars: list[str], i: int) -> tuple[str, int]:
    """Romaji for the kana at ``chars[i]`` (with a following small kana); returns (text, chars used)."""
    ch = _to_hiragana(chars[i])
    nxt = _to_hiragana(chars[i + 1]) if i + 1 < len(chars) else ""
    if ch == "っ":
        if nxt in _KANA:
            return _KANA[nxt][0], 1
        return "xtu", 1
    if ch in _SMALL_Y:
        return "x" + _SMALL_Y[ch], 1
    if ch in _SMALL_V:
        return "x" + _SMALL_V[ch], 1
    base = _KANA.get(ch)
    if base is None:
        return "", 1
    if nxt in _SMALL_Y:
        y = _SMALL_Y[nxt]
        if base in ("shi", "chi", "ji"):
            return base[:-1] + y[1:], 2
        return base[:-1] + y, 2
    if nxt in _SMALL_V and base[-1] in "ui":
        return base[:-1] + _SMALL_V[nxt], 2
    return base, 1


def _is_kana(ch: str) -> bool:
    code = ord(ch)
    return (0x3041 <= code <= 0x3096) or (0x30A1 <= code <= 0x30F6)


def normalize_typed(typed: str) -> _Norm:
    """Undo the typing slips in ``typed``; keep track of where each character came from."""
    out: list[str] = []
    index: list[int] = []
    slips: list[tuple[int, str, str, str]] = []
    chars = list(typed)
    i = 0
    while i < len(chars):
        ch = chars[i]
        kind: str | None = None
        repl = ch
        used = 1
        code = ord(ch)
        if ch in _AT:
            kind, repl = "at_sign", "@"
        elif ch in _DOTS:
            kind, repl = "dot", "."
        elif ch in _HYPHENS:
            kind, repl = "hyphen", "-"
        elif ch in _INVISIBLE or (code > 0x7F and unicodedata.category(ch) in ("Cf", "Cc")):
            kind, repl = "invisible", ""
        elif ch.isspace() or unicodedata.category(ch) == "Zs" or code < 0x20 or code == 0x7F:
            spacing = ch.isspace() or unicodedata.category(ch) == "Zs"
            kind, repl = ("space", "") if spacing else ("invisible", "")
        elif 0xFF01 <= code <= 0xFF5E:
            kind, repl = "fullwidth", chr(code - 0xFEE0)
        elif _is_kana(ch):
            romaji, used = _kana_romaji(chars, i)
            if romaji:
                kind, repl = "kana", romaji
        elif code > 0x7F:
            stripped = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            if stripped and stripped.isascii() and stripped.isprintable() and stripped != ch:
                accent = len(stripped) == 1 and stripped.isalpha()
                kind, repl = ("accent" if accent else "fullwidth"), stripped
        typed_part = "".join(chars[i:i + used])
        if kind is not None:
            slips.append((i, kind, typed_part, repl))
        for c in repl:
            out.append(c)
            index.append(i)
        i += used
    return _Norm("".join(out), tuple(index), tuple(slips))


# -- step 2: distance and alignment -------------------------------------------------------------------
def damerau_levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment variant). With ``limit``,
    stops early and returns ``limit + 1`` once the distance is sure to exceed it."""
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if limit is not None and min(cur) > limit and (not prev or min(prev) > limit):
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


_PAIRS = frozenset((x, y) for g in _CONFUSABLE_GROUPS for x in g for y in g if x != y)
_MULTI_PAIRS = frozenset({(x, y) for x, y in _CONFUSABLE_MULTI} | {(y, x) for x, y in _CONFUSABLE_MULTI})


def _confusable(a: str, b: str) -> bool:
    return (a.lower(), b.lower()) in _PAIRS


def _multi(a: str, b: str) -> bool:
    return (a.lower(), b.lower()) in _MULTI_PAIRS


# op: (kind, i0, i1, j0, j1) over normalized[i0:i1] and expected[j0:j1]
_Op = tuple[str, int, int, int, int]


def _align(a: str, b: str) -> tuple[list[_Op], float]:
    """Cheapest explanation of ``a`` (normalized typed) as ``b`` (registered), and its cost."""
    n, m = len(a), len(b)
    la, lb = a.lower(), b.lower()
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[_Op | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0

    def relax(here: float, step: float, op: _Op, ni: int, nj: int) -> None:
        if here + step < cost[ni][nj] - 1e-9:
            cost[ni][nj] = here + step
            back[ni][nj] = op

    for i in range(n + 1):
        row = cost[i]
        for j in range(m + 1):
            here = row[j]
            if here == inf:
                continue
            if i < n and j < m:
                x, y = la[i], lb[j]
                if a[i] == b[j]:
                    relax(here, 0.0, ("match", i, i + 1, j, j + 1), i + 1, j + 1)
                elif x == y:
                    relax(here, 0.05, ("case", i, i + 1, j, j + 1), i + 1, j + 1)
                elif (x, y) in _PAIRS:
                    relax(here, 0.6, ("confusable", i, i + 1, j, j + 1), i + 1, j + 1)
                else:
                    relax(here, 1.0, ("wrong_char", i, i + 1, j, j + 1), i + 1, j + 1)
                if i + 1 < n and j + 1 < m and x != y and x == lb[j + 1] and la[i + 1] == y:
                    relax(here, 0.9, ("swapped", i, i + 2, j, j + 2), i + 2, j + 2)
                if i + 1 < n and (la[i:i + 2], y) in _MULTI_PAIRS:
                    relax(here, 0.7, ("confusable", i, i + 2, j, j + 1), i + 2, j + 1)
                if j + 1 < m and (x, lb[j:j + 2]) in _MULTI_PAIRS:
                    relax(here, 0.7, ("confusable", i, i + 1, j, j + 2), i + 1, j + 2)
            if i < n:
                relax(here, 1.0, ("extra", i, i + 1, j, j), i + 1, j)
            if j < m:
                relax(here, 1.0, ("missing", i, i, j, j + 1), i, j + 1)
    ops: list[_Op] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        ops.append(step)
        i, j = step[1], step[3]
    ops.reverse()
    return ops, cost[n][m]


# -- step 3: domain suffix slips ------------------------------------------------------------------------
# The endings customers actually mix up. A fixed table instead of the full Public Suffix List: loading
# that takes over a second, and this check runs while the agent types.
_SUFFIXES = frozenset({
    "jp", "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ed.jp", "gr.jp", "lg.jp", "ad.jp",
    "com", "net", "org", "info", "biz", "co", "io", "me", "tv", "cc", "xyz", "name", "mobi", "asia", "tokyo",
    "us", "uk", "co.uk", "org.uk", "ac.uk", "de", "fr", "it", "es", "nl", "ch", "at", "be", "eu", "ru",
    "cn", "com.cn", "net.cn", "tw", "com.tw", "hk", "com.hk", "kr", "co.kr", "sg", "com.sg", "au", "com.au",
    "net.au", "nz", "co.nz", "in", "co.in", "ca", "br", "com.br", "edu", "gov", "mil", "int",
})


def _known_suffix(domain: str) -> str | None:
    """The longest listed suffix of ``domain`` (``co.jp``, ``jp``, ``com``) below a registrable label."""
    labels = domain.lower().split(".")
    for cut in range(1, len(labels)):
        candidate = ".".join(labels[cut:])
        if candidate in _SUFFIXES:
            return candidate
    return None


# -- the check -------------------------------------------------------------------------------------
def check_address(typed: str, known: Iterable[str] = ()) -> AddressCheck:
    """Compare ``typed`` with the registered addresses ``known`` and explain every difference."""
    typed = typed[:512]
    registered = [k.strip() for k in known if k and k.strip()]
    norm = normalize_typed(typed)
    findings: list[Finding] = []
    text = norm.text

    best: str | None = None
    best_distance: int | None = None
    if registered:
        best_distance, best = _closest(text.lower(), registered)
        limit = max(2, len(best) // 3)
        local_typed = text.rsplit("@", 1)[0].lower() if "@" in text else ""
        local_best = best.rsplit("@", 1)[0].lower()
        local_far = bool(local_typed) and damerau_levenshtein(local_typed, local_best) > max(
            1, len(local_best) // 2)
        if best_distance > limit or local_far:
            findings.append(finding("address_no_close_match", "warning", closest=best,
                                    distance=best_distance))
            best = None
    else:
        findings.append(finding("address_no_known", "info"))
    if "@" not in text:
        findings.append(finding("address_not_an_address", "warning"))

    diffs: list[tuple[int, int, Difference]] = []  # (position, order, diff)
    slip_expected: dict[int, str] = {pos: repl for pos, _k, _t, repl in norm.slips}
    covered: dict[int, list[str]] = {}
    if best is not None:
        ops = _suffix_aware_ops(text, best)
        for kind, i0, i1, j0, j1 in ops:
            if kind in ("match", "case"):
                for k in range(i0, i1):
                    tpos = norm.index[k]
                    if tpos in slip_expected:
                        covered.setdefault(tpos, []).append(best[j0 + (k - i0)])
                        continue
                    if kind == "case":
                        diffs.append((tpos, 1, Difference("case", tpos, text[k], best[j0 + (k - i0)])))
                continue
            position = norm.index[i0] if i0 < len(norm.index) else len(typed)
            if kind == "missing" and i0 < len(norm.index):
                position = norm.index[i0]
            elif kind == "missing" and i0 > 0:
                position = _after(norm.index[i0 - 1], typed, norm)
            # The typed side as the customer typed it (full-width and all), not the normalised form.
            shown = typed[norm.index[i0]:norm.index[i1 - 1] + 1] if i1 > i0 else ""
            diffs.append((position, 2, Difference(kind, position, shown, best[j0:j1])))
    for pos, kind, typed_part, repl in norm.slips:
        expected = "".join(covered[pos]) if pos in covered and len(covered[pos]) == len(repl) else repl
        diffs.append((pos, 0, Difference(kind, pos, typed_part, expected)))
    diffs.sort(key=lambda t: (t[0], t[1]))
    merged = _merge([d for _p, _o, d in diffs])

    ime_kinds = ("fullwidth", "at_sign", "dot", "hyphen", "kana")
    fullwidth = sum(len(d.typed) for d in merged if d.kind in ime_kinds)
    if fullwidth and fullwidth * 2 >= max(1, len(typed.strip())):
        findings.insert(0, finding("address_ime_on", "warning"))

    match: str | None = None
    if best is not None and text.lower() == best.lower() and not norm.slips:
        match = best
        if text != best:
            findings.append(finding("address_case_only", "info"))
    suggestion = best if best is not None and typed != best else None
    if suggestion is None and best is None and not registered and "@" in text and text != typed:
        suggestion = text
    target = match or best or text
    return AddressCheck(
        typed=typed,
        match=match,
        differences=tuple(merged),
        suggestion=suggestion,
        readback_ja=readback_ja(target),
        readback_en=readback_en(target),
        normalized=text,
        distance=best_distance if best is not None else None,
        findings=tuple(findings),
    )


def _closest(text: str, registered: list[str]) -> tuple[int, str]:
    """The registered address nearest to ``text`` (first listed on ties). Candidates are tried in order
    of length difference, a lower bound of the distance, so long account lists stay fast."""
    order = sorted(range(len(registered)), key=lambda i: (abs(len(registered[i]) - len(text)), i))
    best: tuple[int, int] | None = None
    for i in order:
        if best is not None and abs(len(registered[i]) - len(text)) > best[0]:
            break
        distance = damerau_levenshtein(text, registered[i].lower(), best[0] if best else None)
        if best is None or (distance, i) < best:
            best = (distance, i)
    assert best is not None
    return best[0], registered[best[1]]


def _after(prev_index: int, typed: str, norm: _Norm) -> int:
    """Typed position right after the char at ``prev_index`` (skipping what it consumed, e.g. kana)."""
    following = [i for i in norm.index if i > prev_index]
    return following[0] if following else len(typed.rstrip()) if typed.rstrip() else len(typed)


def _suffix_aware_ops(text: str, best: str) -> list[_Op]:
    """Alignment ops, with a changed public suffix (``.jp`` for ``.co.jp``) reported as one op."""
    if text.count("@") == 1 and best.count("@") == 1:
        _t_local, t_domain = text.split("@")
        _b_local, b_domain = best.split("@")
        t_suffix = _known_suffix(t_domain)
        b_suffix = _known_suffix(b_domain)
        if t_suffix and b_suffix and t_suffix.lower() != b_suffix.lower():
            t_head = len(text) - len(t_suffix) - 1  # index of the dot before the suffix
            b_head = len(best) - len(b_suffix) - 1
            if text[t_head] == "." and best[b_head] == ".":
                ops, cost = _align(text[:t_head], best[:b_head])
                plain, plain_cost = _align(text, best)
                if cost + 1 < plain_cost:
                    ops.append(("domain_suffix", t_head, len(text), b_head, len(best)))
                    return ops
                return plain
    return _align(text, best)[0]


_MERGEABLE = {"fullwidth", "space", "invisible", "kana", "case", "extra", "missing", "wrong_char", "accent",
              "hyphen", "dot", "confusable"}


def _merge(diffs: list[Difference]) -> list[Difference]:
    """Join runs of the same kind that touch in the typed text (``ｔａｎａｋａ`` is one difference)."""
    out: list[Difference] = []
    for d in diffs:
        if out and d.kind == out[-1].kind and d.kind in _MERGEABLE:
            last = out[-1]
            if d.kind == "missing" and d.position == last.position:
                out[-1] = Difference("missing", last.position, "", last.expected + d.expected)
                continue
            if d.kind != "missing" and d.position == last.position + len(last.typed):
                out[-1] = Difference(d.kind, last.position, last.typed + d.typed, last.expected + d.expected)
                continue
        out.append(d)
    return out


# -- read-back ---------------------------------------------------------------------------------------
_JA_LETTERS = {
    "a": "エー", "b": "ビー", "c": "シー", "d": "ディー", "e": "イー", "f": "エフ", "g": "ジー",
    "h": "エイチ", "i": "アイ", "j": "ジェー", "k": "ケー", "l": "エル", "m": "エム", "n": "エヌ",
    "o": "オー", "p": "ピー",
    "q": "キュー", "r": "アール", "s": "エス", "t": "ティー", "u": "ユー", "v": "ブイ", "w": "ダブリュー",
    "x": "エックス", "y": "ワイ", "z": "ゼット",
}
_JA_DIGITS = ["ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"]
_JA_SYMBOLS = {
    "@": "アットマーク", ".": "ドット", "-": "ハイフン", "_": "アンダーバー", "+": "プラス", "=": "イコール",
    "!": "ビックリマーク", "#": "シャープ", "$": "ドル", "%": "パーセント", "&": "アンド",
    "'": "アポストロフィ",
    "*": "アスタリスク", "/": "スラッシュ", "?": "クエスチョン", "^": "キャレット", "`": "バッククォート",
    "{": "左中かっこ", "}": "右中かっこ", "|": "縦棒", "~": "チルダ",
}
_EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_SYMBOLS = {
    "@": "at", ".": "dot", "-": "hyphen", "_": "underscore", "+": "plus", "=": "equals",
    "!": "exclamation mark",
    "#": "hash", "$": "dollar", "%": "percent", "&": "ampersand", "'": "apostrophe", "*": "asterisk",
    "/": "slash", "?": "question mark", "^": "caret", "`": "backquote", "{": "left brace", "}": "right brace",
    "|": "vertical bar", "~": "tilde",
}
NATO = {
    "a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
    "h": "hotel", "i": "india", "j": "juliett", "k": "kilo", "l": "lima", "m": "mike", "n": "november",
    "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform",
    "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee", "z": "zulu",
}


def _groups(address: str) -> list[tuple[bool, str]]:
    """Split into (is_symbol, text) runs: letters/digits together, each symbol alone."""
    out: list[tuple[bool, str]] = []
    for ch in address:
        symbol = not (ch.isascii() and ch.isalnum())
        if not symbol and out and not out[-1][0]:
            out[-1] = (False, out[-1][1] + ch)
        else:
            out.append((symbol, ch))
    return out


def readback_ja(address: str) -> str:
    """Letter-by-letter reading in Japanese: ``ティー・エー…、アットマーク、…、ドット、ジェー・ピー``."""
    parts: list[str] = []
    for symbol, text in _groups(address):
        if symbol:
            parts.append(_JA_SYMBOLS.get(text, f"「{text}」"))
            continue
        names: list[str] = []
        for ch in text:
            if ch.isdigit():
                names.append(_JA_DIGITS[int(ch)])
            else:
                name = _JA_LETTERS[ch.lower()]
                names.append("大文字の" + name if ch.isupper() else name)
        parts.append("・".join(names))
    return "、".join(parts)


def readback_en(address: str, nato: bool = False) -> str:
    """Letter-by-letter reading in English: ``t-a-n-a-k-a, at, …, dot, j-p``; with ``nato`` each letter
    is given with its code word (``t as in tango``)."""
    parts: list[str] = []
    for symbol, text in _groups(address):
        if symbol:
            parts.append(_EN_SYMBOLS.get(text, f'"{text}"'))
            continue
        names: list[str] = []
        for ch in text:
            if ch.isdigit():
                names.append(_EN_DIGITS[int(ch)])
                continue
            name = ("capital " + ch) if ch.isupper() else ch
            names.append(f"{name} as in {NATO[ch.lower()]}" if nato else name)
        parts.append((", " if nato else "-").join(names))
    return ", ".join(parts)
