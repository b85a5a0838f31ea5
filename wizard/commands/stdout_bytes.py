"""Bytes to standard output: the byte layer under ``sys.stdout``, or an adapter when a test has put a
text-only stream there."""

from __future__ import annotations

import io
import sys
from typing import Any, BinaryIO, TextIO, cast


def binary_stdout() -> BinaryIO:
    """The byte stream under ``sys.stdout`` (the text layer flushed first, so nothing written through it
    comes out later), or an adapter that decodes UTF-8 into a stream that has no byte layer."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return cast(BinaryIO, buffer)
    return cast(BinaryIO, _TextAsBinary(sys.stdout))


class _TextAsBinary(io.RawIOBase):
    """Bytes written to a text stream (a test's replacement ``sys.stdout``)."""

    def __init__(self, text: TextIO) -> None:
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._text.write(bytes(data).decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self._text.flush()
