"""json_bytes: compact UTF-8 JSON, and the same values when orjson refuses the input."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from wizard.core.jsonbytes import json_bytes

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(_VALUES)
def test_same_values_as_the_stdlib(value: object) -> None:
    """Any contract-shaped value reads back equal; text with lone surrogates reads back with U+FFFD."""
    out = json_bytes(value)
    expected = json.loads(
        json.dumps(value, ensure_ascii=False).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    )
    assert json.loads(out.decode("utf-8")) == expected


def test_compact_and_not_ascii_escaped() -> None:
    assert json_bytes({"subject": "迷惑メール", "to": ["a@b"], "n": None}) == (
        '{"subject":"迷惑メール","to":["a@b"],"n":null}'.encode()
    )


def test_lone_surrogate_and_huge_integer_fall_back() -> None:
    """orjson refuses both; the stdlib path writes them (the surrogate as U+FFFD, a pair joined)."""
    out = json_bytes({"a": "x\udce9", "b": "\ud83d\ude00", "n": 2**70})
    assert json.loads(out) == {"a": "x\ufffd", "b": "😀", "n": 2**70}
