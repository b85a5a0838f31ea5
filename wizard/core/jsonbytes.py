"""Compact JSON as UTF-8 bytes for the batch outputs (``analyze --json`` on whole folders).

orjson writes the same JSON values several times faster than the stdlib encoder. It refuses text that is
not valid Unicode (lone surrogates, which undecodable input can leave behind) and integers beyond 64
bits; those documents go through the stdlib encoder instead, with surrogates written as U+FFFD.
"""

from __future__ import annotations

import json

import orjson

__all__ = ["json_bytes"]


def json_bytes(value: object) -> bytes:
    """``value`` as compact JSON (no spaces after ``,`` and ``:``), UTF-8 encoded, never ASCII-escaped."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:  # a TypeError subclass, raised for everything orjson refuses
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        # a lone surrogate becomes U+FFFD (the UTF-16 round trip pairs what can be paired)
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8")
