"""Read one large plain log file with several processes and get exactly what one process gets.

Splitting lines and parsing the dialects, most of the work, runs in worker processes on byte ranges of
the file. A worker does not correlate: it records, on a tape, every call its lines make on the
:class:`~wizard.core.maillog.events.Sink` and every step of the parsers that keep state across lines
(spamd's message per child, amavis' ``SPAM-TAG`` lines, Sendmail's recipient counts). This process
replays the tapes in file order into one :class:`Correlator` and one set of those parser states, so
the records, and the order they come out in, are the serial ones whatever the ranges are.

That holds because what the workers do depends on each line alone and on how the serial reader
(:func:`wizard.core.maillog.reader.iter_file_blocks`) would have cut the file into blocks (a block
with a NUL or ESC byte is cleaned line by line): :func:`_pieces` cuts exactly as it does, also for a
range that starts or ends inside one of its blocks.
"""

from __future__ import annotations

import itertools
import marshal
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import tzinfo
from typing import Any, BinaryIO, TextIO, cast

from wizard.core.cpus import usable_cpus
from wizard.core.maillog import reader
from wizard.core.maillog.amavis import AmavisParser
from wizard.core.maillog.correlate import Correlator, LogStats
from wizard.core.maillog.dispatch import LineDispatcher
from wizard.core.maillog.events import Sink
from wizard.core.maillog.match import normalize_mid
from wizard.core.maillog.records import MailRecord
from wizard.core.maillog.sendmail import SendmailParser
from wizard.core.maillog.spamd import SpamdParser
from wizard.core.model import InputError

MIN_PARALLEL_BYTES = 24 << 20
"""Smaller files are read in one process (starting workers costs more than it saves)."""
MAX_AUTO_JOBS = 3
"""``--jobs`` by default: this many worker processes at most. The replay in this process takes about
two fifths of the work, so it is the bottleneck from two or three workers on; more only add memory."""

_SINK_CALLS = ("client", "message_id", "sender", "recipient", "delivery", "removed", "reject", "spam",
               "filtered", "mailbox")
_STEPS = (("spamd", "_verdict_step"), ("spamd", "_processing_step"), ("spamd", "_result_step"),
          ("amavis", "_tag_step"), ("amavis", "_summary_step"),
          ("sendmail", "_pending_step"), ("sendmail", "_done_step"))
"""Parser methods that read or change state kept across lines (the rest of each parser depends on
the line alone)."""

_FEED = 1 << 20
"""Characters of text parsed at once in a worker (the serial reader's blocks are 4 MiB)."""

_STAMPS: dict[tuple[tzinfo, tuple[int, int]], dict[str, float]] = {}
"""Stamp -> POSIX time per (zone, year reference), kept by a worker process from range to range."""

Tape = tuple[int, int, bytes, list[tuple[Any, ...]]]
"""(lines, unparsed lines, opcodes, arguments): one opcode (an index into the sink calls, then the
steps) and one argument tuple per recorded call."""


# -- cutting the file like the serial reader ----------------------------------------------------------
def _read_at(f: BinaryIO, pos: int, size: int) -> bytes:
    f.seek(pos)
    return f.read(size)


def _last_newline_before(f: BinaryIO, pos: int) -> int:
    """Position of the last ``\\n`` before ``pos``, or -1."""
    step = 1 << 14
    while pos > 0:
        lo = max(0, pos - step)
        found = _read_at(f, lo, pos - lo).rfind(b"\n")
        if found >= 0:
            return lo + found
        pos = lo
        step = min(step * 4, 1 << 22)
    return -1


def _first_newline_from(f: BinaryIO, pos: int) -> int:
    """Position of the first ``\\n`` at or after ``pos``, or -1."""
    step = 1 << 14
    while True:
        data = _read_at(f, pos, step)
        if not data:
            return -1
        found = data.find(b"\n")
        if found >= 0:
            return pos + found
        pos += len(data)
        step = min(step * 4, 1 << 22)


def _pieces(f: BinaryIO, start: int, end: int, block: int) -> Iterator[tuple[bytes, bool]]:
    """The lines that start in ``[start, end)`` (both line starts) as the serial reader hands them over:
    byte strings of whole lines joined by ``\\n`` (without the last line end), each with the flag
    "cleaned line by line" of the serial block it is part of.

    The serial reader reads ``block`` bytes at a time from the start of the file; a read with a line
    end gives a block (what was carried over plus everything up to its last line end); a read without
    one is carried over (cut to 64 KiB past ``block`` bytes: an absurd line); what is left at the end
    of the file is cleaned. This replays that loop from the last read that ended a block before
    ``start`` (or from the file's start), so the flags and the cut-off lines come out the same.
    """
    if start >= end:
        return
    first_end = _first_newline_from(f, start)
    # the block holding ``start`` ends in the read with the line's end and begins after the last line
    # end before that read; the unterminated last line is what is carried over after the last line end
    prev = _last_newline_before(f, first_end // block * block) if first_end >= 0 else start - 1
    j = prev // block + 1 if prev >= 0 else 0
    seg_start = prev + 1
    tail = _read_at(f, seg_start, j * block - seg_start) if j * block > seg_start else b""
    while True:
        data = _read_at(f, j * block, block)
        if not data:
            break
        j += 1
        cut = data.rfind(b"\n")
        if cut < 0:
            tail += data
            if len(tail) > block:
                tail = tail[:65536]
            continue
        whole = tail + data[:cut]
        tail = data[cut + 1:]
        nl = (j - 1) * block + cut  # the line end that closes this block
        first = max(start, seg_start)
        last_end = min(end - 1, nl)  # the line end of the last line taken from this block
        if first <= last_end:
            # the block maps onto the file linearly except inside a cut-off first line
            lo = 0 if first == seg_start else len(whole) - (nl - first)
            hi = len(whole) - (nl - last_end)
            yield whole[lo:hi], b"\x00" in whole or b"\x1b" in whole
        if nl >= end - 1:
            return
        seg_start = nl + 1
    if tail and start <= seg_start < end:
        yield tail, True


def segment_cuts(path: str, block: int | None = None) -> list[int]:
    """The positions where the serial reader's blocks end (just after the last line end of each read):
    ranges cut there read without looking outside themselves."""
    block = block or reader.BLOCK
    size = os.path.getsize(path)
    cuts: list[int] = []
    with open(path, "rb") as f:
        for k in range(1, (size + block - 1) // block):
            nl = _last_newline_before(f, k * block)
            if nl >= (k - 1) * block and nl + 1 < size and (not cuts or nl + 1 > cuts[-1]):
                cuts.append(nl + 1)
    return cuts


def split_ranges(path: str, parts: int, block: int | None = None) -> list[tuple[int, int]]:
    """About ``parts`` byte ranges of about equal size covering ``path``. They are cut where the serial
    reader's blocks end when the file has enough of them (a range then reads nothing outside itself),
    else at the line starts nearest to equal parts (a small file, as in the tests)."""
    size = os.path.getsize(path)
    cuts = segment_cuts(path, block)
    parts = max(1, parts)
    if len(cuts) + 1 >= parts:  # the blocks are about equal: spread the cuts over them
        chosen = [cuts[round(i * (len(cuts) + 1) / parts) - 1] for i in range(1, parts)]
    else:
        chosen = []
        with open(path, "rb") as f:
            for i in range(1, parts):
                nl = _first_newline_from(f, max(0, size * i // parts - 1))
                if 0 <= nl < size - 1 and (not chosen or nl + 1 > chosen[-1]):
                    chosen.append(nl + 1)
    bounds = [0, *chosen, size]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


# -- the workers ----------------------------------------------------------------------------------------
class _TapeSink:
    """Records calls instead of making them (the sink's methods and the parsers' steps)."""

    def __init__(self) -> None:
        self.ops = bytearray()
        self.args: list[tuple[Any, ...]] = []
        for op, name in enumerate(_SINK_CALLS):
            setattr(self, name, self.recorder(op))

    def recorder(self, op: int) -> Callable[..., None]:
        """A function that records its arguments under ``op``."""
        add_op = self.ops.append
        add_args = self.args.append

        def record(*args: Any) -> None:
            add_op(op)
            add_args(args)
        return record


def read_range(path: str, start: int, end: int, tz: tzinfo, year_ref: tuple[int, int],
               block: int | None = None) -> Tape:
    """Parse the lines starting in ``[start, end)`` of a plain file onto a tape (see :data:`Tape`)."""
    block = block or reader.BLOCK
    tape = _TapeSink()
    disp = LineDispatcher(cast(Sink, tape), tz, year_ref)
    # a worker reads many ranges: keep the stamp conversions (a pure function of stamp, zone and year)
    disp._cache = _STAMPS.setdefault((tz, year_ref), {})
    for op, (parser, step) in enumerate(_STEPS, len(_SINK_CALLS)):
        setattr(getattr(disp, parser), step, tape.recorder(op))
    rstats = reader.ReadStats()
    with open(path, "rb") as f:
        for piece, dirty in _pieces(f, start, end, block):
            text = piece.decode("utf-8", "replace")
            if "\r" in text:
                text = text.replace("\r", "")
            if dirty:
                disp.feed(reader._clean(text.split("\n"), rstats))
                continue
            pos = 0
            while len(text) - pos > _FEED:  # lines are parsed alone: feed about 1 MB at once (memory)
                cut = text.find("\n", pos + _FEED)
                if cut < 0:
                    break
                disp.feed_text(text[pos:cut])
                pos = cut + 1
            disp.feed_text(text[pos:] if pos else text)
    result = disp.lines, disp.unparsed + rstats.binary_lines, bytes(tape.ops), tape.args
    disp._cache = {}
    disp.forget()  # the dispatcher's caches hold its own methods: free the tape now, not at a rare full GC
    return result


def _work(task: tuple[str, int, int, tzinfo, tuple[int, int], int]) -> bytes:
    return marshal.dumps(read_range(*task))


# -- replaying ------------------------------------------------------------------------------------------
class _Replay:
    """The one Correlator and the parsers' state that the tapes are played into, in file order."""

    def __init__(self, tz: tzinfo, window: float) -> None:
        self.corr = Correlator(tz, window)
        parsers = {"spamd": SpamdParser(self.corr), "amavis": AmavisParser(self.corr),
                   "sendmail": SendmailParser(self.corr)}
        self.calls: list[Callable[..., None]] = [getattr(self.corr, name) for name in _SINK_CALLS]
        self.calls += [getattr(parsers[parser], step) for parser, step in _STEPS]

    def play(self, tape: Tape, stats: LogStats) -> None:
        """Make the recorded calls."""
        lines, unparsed, ops, args = tape
        calls = self.calls
        for op, a in zip(ops, args, strict=True):
            calls[op](*a)
        stats.lines += lines
        stats.unparsed_lines += unparsed


def _start_method() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def iter_ranges(path: str, ranges: list[tuple[int, int]], tz: tzinfo, year_ref: tuple[int, int],
                stats: LogStats | None = None, jobs: int = 2, window: float = 3600.0,
                block: int | None = None) -> Iterator[MailRecord]:
    """The records of ``path`` read as ``ranges`` (consecutive, covering the file, cut at line starts)
    by ``jobs`` worker processes (0: in this process): the same records in the same order as
    :func:`~wizard.core.maillog.correlate.iter_records` gives for the file.

    When a worker cannot be started or dies, the rest is read in this process. A file that cannot be
    read lands in ``stats.errors`` as in the serial reader.
    """
    stats = stats if stats is not None else LogStats()
    block = block or reader.BLOCK
    replay = _Replay(tz, window)
    ready = replay.corr.ready
    tasks = deque((path, a, b, tz, year_ref, block) for a, b in ranges)
    pool: ProcessPoolExecutor | None = None
    pending: deque[Future[bytes]] = deque()
    try:
        if jobs > 0 and len(tasks) > 1:
            try:
                pool = ProcessPoolExecutor(jobs, mp_context=_start_method())
            except (OSError, NotImplementedError, ValueError):
                pool = None
        while tasks or pending:
            tape: Tape | None = None
            if pool is not None:
                try:
                    # a few ranges ahead of the replay, not all: finished tapes wait in memory
                    while tasks and len(pending) < 2 * jobs:
                        pending.append(pool.submit(_work, tasks[0]))
                        tasks.popleft()
                    tape = marshal.loads(pending[0].result())
                    pending.popleft()
                except Exception:  # any worker failure: read the rest in this process
                    # wait: an executor left shutting down in the background can block the exit (3.11)
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = None
                    done = len(ranges) - len(tasks) - len(pending)
                    tasks = deque((path, a, b, tz, year_ref, block) for a, b in ranges[done:])
                    pending.clear()
                    continue
            else:
                try:
                    tape = read_range(*tasks.popleft())
                except reader._READ_ERRORS as exc:
                    stats.errors.append(InputError(path, f"cannot read {path}: {exc}"))
                    tasks.clear()
                    break
            replay.play(tape, stats)
            while ready:
                stats.records += 1
                yield ready.popleft()
        replay.corr.flush()
        while ready:
            stats.records += 1
            yield ready.popleft()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def iter_records_parallel(path: str, jobs: int, tz: tzinfo, year_ref: tuple[int, int],
                          stats: LogStats | None = None, window: float = 3600.0) -> Iterator[MailRecord]:
    """Every message of one plain log file, read by ``jobs`` worker processes: the same records in the
    same order as :func:`~wizard.core.maillog.correlate.iter_records` (a generator)."""
    block = reader.BLOCK
    # one range per serial block: small tasks keep the workers and the replay busy together
    ranges = split_ranges(path, max(jobs, -(-os.path.getsize(path) // block)), block)
    return iter_ranges(path, ranges, tz, year_ref, stats, jobs, window, block)


def auto_jobs() -> int:
    """Processes to use by default: the CPUs this process may run on, at most :data:`MAX_AUTO_JOBS`."""
    return min(usable_cpus(), MAX_AUTO_JOBS)


def can_parallelize(paths: list[str], jobs: int) -> bool:
    """One plain (uncompressed) file big enough to be worth several processes."""
    if jobs < 2 or len(paths) != 1:
        return False
    try:
        with open(paths[0], "rb") as f:
            magic = f.read(6)
        size = os.path.getsize(paths[0])
    except OSError:
        return False
    compressed = magic[:2] == b"\x1f\x8b" or magic[:3] == b"BZh" or magic[:6] == b"\xfd7zXZ\x00"
    return not compressed and size >= MIN_PARALLEL_BYTES


def write_json_records(path: str, jobs: int, tz: tzinfo, year_ref: tuple[int, int], mids: frozenset[str],
                       out: TextIO, stats: LogStats, header: str = "") -> bool:
    """Write ``header`` and then ``path``'s records as JSON array items (``,\\n`` between them) to
    ``out``, read by ``jobs`` processes: the serial records in the serial order. Returns True when at
    least one record was written."""
    out.write(header)
    sep = ""
    for rec in iter_records_parallel(path, jobs, tz, year_ref, stats):
        if mids and normalize_mid(rec.message_id) not in mids:
            continue
        out.write(sep + rec.json_text())
        sep = ",\n"
    return bool(sep)
