"""Open log files (plain, ``.gz``, ``.bz2``, ``.xz`` by content, not by name) and read them in large
decoded blocks of lines, in time order.

Rotated files of one log (``mail.log``, ``mail.log.1``, ``mail.log.2.gz``) may be given in any order:
they are sorted by their first time stamp and read one after another. Files of *different* logs
(``mail.log`` beside ``dovecot.log``) are merged line by line on their time stamps so that one
message's lines from both arrive together.
"""

from __future__ import annotations

import bz2
import gzip
import heapq
import lzma
import os
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Protocol

from wizard.core.model import InputError

BLOCK = 1 << 22
_READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error, ValueError)
_ROTATION = re.compile(r"(?:[.-]\d{1,8})?(?:\.(?:gz|bz2|xz))?$")


class Progress(Protocol):
    """What :func:`read_blocks` reports to (the UI's CancelToken fits)."""

    @property
    def cancelled(self) -> bool:
        """True when the reader should stop."""

    def progress(self, done: int, total: int) -> None:
        """Bytes read so far of ``total``."""


@dataclass
class ReadStats:
    """Counters filled while reading."""

    bytes_total: int = 0
    bytes_read: int = 0
    binary_lines: int = 0
    errors: list[InputError] = field(default_factory=list)


def open_log(path: str | os.PathLike[str]) -> tuple[BinaryIO, BinaryIO]:
    """(decompressed stream, raw file for progress). Compression is detected from the magic bytes."""
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, closed by it
    magic = raw.read(6)
    raw.seek(0)
    stream: BinaryIO
    if magic[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
    elif magic[:3] == b"BZh":
        stream = bz2.BZ2File(raw, "rb")  # type: ignore[assignment]
    elif magic[:6] == b"\xfd7zXZ\x00":
        stream = lzma.LZMAFile(raw, "rb")  # type: ignore[assignment]  # noqa: SIM115
    else:
        stream = raw
    return stream, raw


def _clean(lines: list[str], stats: ReadStats) -> list[str]:
    """Drop binary garbage: lines with NUL or mostly control characters."""
    kept: list[str] = []
    for line in lines:
        if "\x00" in line or (line and sum(1 for c in line[:200] if c < " " and c != "\t") > 8):
            stats.binary_lines += 1
            continue
        kept.append(line)
    return kept


def iter_file_blocks(path: str | os.PathLike[str], stats: ReadStats, cancel: Progress | None = None,
                     as_text: bool = False) -> Iterator[list[str] | str]:
    """Lists of lines (line ends removed, UTF-8 with replacement) from one file. With ``as_text`` a
    block without binary garbage comes as one string (lines joined by ``\\n``) instead of a list."""
    stream, raw = open_log(path)
    with raw, stream:
        tail = b""
        last_pos = 0
        while True:
            if cancel is not None and cancel.cancelled:
                return
            block = stream.read(BLOCK)
            if not block:
                break
            pos = raw.tell()
            stats.bytes_read += pos - last_pos
            last_pos = pos
            cut = block.rfind(b"\n")
            if cut < 0:
                tail += block
                if len(tail) > BLOCK:  # one absurd "line": keep its start only
                    tail = tail[:65536]
                continue
            data = tail + block[:cut]
            tail = block[cut + 1:]
            text = data.decode("utf-8", "replace")
            if "\r" in text:
                text = text.replace("\r", "")
            if "\x00" in text or "\x1b" in text:
                yield _clean(text.split("\n"), stats)
            else:
                yield text if as_text else text.split("\n")
            if cancel is not None:
                cancel.progress(stats.bytes_read, stats.bytes_total)
        if tail:
            lines = tail.decode("utf-8", "replace").replace("\r", "").split("\n")
            yield _clean(lines, stats)


def first_time(path: str | os.PathLike[str], line_time: Callable[[str], float | None]) -> float | None:
    """Time stamp of the first datable line among the first 200 lines, or None."""
    stream, raw = open_log(path)
    with raw, stream:
        head = stream.read(65536).decode("utf-8", "replace")
    for line in head.splitlines()[:200]:
        ts = line_time(line)
        if ts is not None:
            return ts
    return None


def log_family(path: str | os.PathLike[str]) -> str:
    """``/var/log/mail.log.2.gz`` -> ``mail.log`` (rotated files share a family)."""
    name = Path(path).name
    stripped = _ROTATION.sub("", name)
    return stripped or name


def year_reference(paths: Sequence[str | os.PathLike[str]]) -> tuple[int, int]:
    """(year, month) of the newest file's modification time: classic syslog stamps carry no year."""
    newest = 0.0
    for p in paths:
        try:
            newest = max(newest, os.stat(p).st_mtime)
        except OSError:
            continue
    when = datetime.fromtimestamp(newest) if newest else datetime.now()
    return when.year, when.month


def ordered_families(paths: Sequence[str | os.PathLike[str]], line_time: Callable[[str], float | None],
                     stats: ReadStats) -> list[list[str]]:
    """Group readable files by log family, each group sorted by first time stamp."""
    families: dict[str, list[tuple[float, str]]] = {}
    for p in paths:
        path = os.fspath(p)
        try:
            size = os.path.getsize(path)
            ts = first_time(path, line_time)
        except _READ_ERRORS as exc:
            stats.errors.append(InputError(path, f"cannot read {path}: {exc}"))
            continue
        stats.bytes_total += size
        families.setdefault(log_family(path), []).append((ts if ts is not None else float("inf"), path))
    return [[p for _, p in sorted(group)] for group in families.values()]


def _family_blocks(group: list[str], stats: ReadStats, cancel: Progress | None,
                   as_text: bool = False) -> Iterator[list[str] | str]:
    for path in group:
        try:
            yield from iter_file_blocks(path, stats, cancel, as_text)
        except _READ_ERRORS as exc:
            stats.errors.append(InputError(path, f"cannot read {path}: {exc}"))


def read_blocks(paths: Sequence[str | os.PathLike[str]], line_time: Callable[[str], float | None],
                stats: ReadStats, cancel: Progress | None = None) -> Iterator[list[str] | str]:
    """Blocks of lines from every file, in time order (see the module docstring). A block is a list
    of lines or, for one log family, a string of lines joined by ``\\n`` (see :func:`iter_file_blocks`)."""
    groups = ordered_families(paths, line_time, stats)
    if len(groups) == 1:
        yield from _family_blocks(groups[0], stats, cancel, as_text=True)
        return
    if not groups:
        return

    def timed(group: list[str]) -> Iterator[tuple[float, int, str]]:
        last = 0.0
        seq = 0
        for block in _family_blocks(group, stats, cancel):
            for line in block:
                ts = line_time(line) if line else None
                if ts is not None:
                    last = ts
                seq += 1
                yield last, seq, line

    batch: list[str] = []
    for _ts, _seq, line in heapq.merge(*(timed(g) for g in groups)):
        batch.append(line)
        if len(batch) >= 20000:
            yield batch
            batch = []
    if batch:
        yield batch
