"""Read one large plain log file with several processes and write the ``--json`` records.

The file is cut into byte ranges on line boundaries; each worker runs the whole pipeline (dispatch and
correlation) on its range and writes its finished records, already JSON-encoded, to a temporary file.
What a cut splits is put back together here: the messages still open at the end of a range and the
ones at the start of the next range whose arrival lies before the cut (held back by
:attr:`Correlator.hold_before`) are joined with :meth:`Correlator.adopt`, together with filter
verdicts and mailbox lines that found no message at the start of a range.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any, TextIO

from wizard.core.maillog.correlate import Correlator, LogStats, _Msg
from wizard.core.maillog.dispatch import LineDispatcher
from wizard.core.maillog.match import normalize_mid
from wizard.core.maillog.reader import BLOCK, ReadStats, _clean
from wizard.core.maillog.records import MailRecord

SEAM_WINDOW = 900.0
"""Seconds of log time after a cut in which a message without its arrival is taken as the previous
range's (messages that take longer to pass the queue are joined by queue id anyway only if open)."""
MIN_PARALLEL_BYTES = 24 << 20


@dataclass
class _Result:
    lines: int = 0
    unparsed: int = 0
    records: int = 0
    leftovers: list[_Msg] = field(default_factory=list)
    held: list[_Msg] = field(default_factory=list)
    spam: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    boxes: list[tuple[str, list[tuple[Any, ...]]]] = field(default_factory=list)


def split_ranges(path: str, parts: int) -> list[tuple[int, int]]:
    """``parts`` byte ranges of ``path`` that start and end on line boundaries."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as f:
        for k in range(1, parts):
            f.seek(max(cuts[-1], size * k // parts))
            f.readline()
            pos = f.tell()
            if pos >= size:
                break
            cuts.append(pos)
    cuts.append(size)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _wanted(rec: MailRecord, mids: frozenset[str]) -> bool:
    return not mids or normalize_mid(rec.message_id) in mids


def _work(task: tuple[str, int, int, bool, bool, tzinfo, tuple[int, int], frozenset[str], str]) -> _Result:
    path, start, end, first, last, tz, year_ref, mids, out_path = task
    corr = Correlator(tz)
    disp = LineDispatcher(corr, tz, year_ref)
    result = _Result()
    ready = corr.ready
    rstats = ReadStats()
    with open(path, "rb") as f, open(out_path, "w", encoding="utf-8") as out:
        f.seek(start)
        left = end - start
        tail = b""
        while left > 0:
            block = f.read(min(BLOCK, left))
            if not block:
                break
            left -= len(block)
            cut = block.rfind(b"\n") if left > 0 or block.endswith(b"\n") else len(block)
            if cut < 0:
                tail += block
                continue
            data, tail = tail + block[:cut], block[cut + 1:]
            text = data.decode("utf-8", "replace").replace("\r", "")
            dirty = "\x00" in text or "\x1b" in text
            lines = _clean(text.split("\n"), rstats) if dirty else text.split("\n", 50)[:50]
            if not first and corr.hold_before is None:
                for line in lines[:50]:
                    ts = disp.line_time(line)
                    if ts is not None:
                        corr.hold_before = ts + SEAM_WINDOW
                        break
            if dirty:
                disp.feed(lines)
            else:
                disp.feed_text(text)
            if ready:
                out.write("".join(",\n" + r.json_text() for r in ready if _wanted(r, mids)))
                result.records += len(ready)
                ready.clear()
        if tail:
            disp.feed(_clean(tail.decode("utf-8", "replace").replace("\r", "").split("\n"), rstats))
        if not first and corr.hold_before is not None:
            limit = corr.hold_before
            for mid, item in list(corr._orphan_spam.items()):
                if item[0] < limit:
                    result.spam.append((mid, item))
                    del corr._orphan_spam[mid]
            for key, boxes in list(corr._orphan_box.items()):
                if boxes[0][0] < limit:
                    result.boxes.append((key, boxes))
                    del corr._orphan_box[key]
        if last:
            corr.flush()
        else:
            result.leftovers = corr.leftovers()
            while corr._orphan_box:
                corr._flush_orphan_box(*corr._orphan_box.popitem(last=False))
            while corr._orphan_spam:
                corr._flush_orphan_spam(corr._orphan_spam.popitem(last=False))
        if ready:
            out.write("".join(",\n" + r.json_text() for r in ready if _wanted(r, mids)))
            result.records += len(ready)
            ready.clear()
    result.held = corr.held
    result.lines = disp.lines
    result.unparsed = disp.unparsed + rstats.binary_lines
    return result


def _seam(prev: _Result, nxt: _Result, tz: tzinfo, final: bool = True) -> list[MailRecord]:
    """Join what the cut between ``prev`` and ``nxt`` split. Unless ``final``, messages still open
    afterwards (a deferred message waiting for its next try) are handed on in ``nxt.leftovers`` to
    the next seam instead of being finished here."""
    corr = Correlator(tz)
    for rec in prev.leftovers:
        corr.adopt(rec)
    for rec in nxt.held:
        qids = set(rec.qids)
        open_ = set(rec.open)
        corr.adopt(rec)
        target = next((corr._by_qid[q] for q in rec.qids if q in corr._by_qid), None)
        if target is not None and target is not rec:
            target.open = (target.open - qids) | open_
    for mid, (ts, flag, score, required, tests, engine, rule_scores) in nxt.spam:
        corr.spam(ts, None, mid, flag, score, required, tests, engine, rule_scores)
    for _key, boxes in nxt.boxes:
        for ts, user, disp, folder, text, session in boxes:
            corr.mailbox(ts, None if _key.startswith("\x00") else _key, user, disp, folder, text, session)
    for rec in list(corr._active.values()):
        if not rec.open and not rec.awaiting:
            corr._emit(rec)
    if final:
        corr.flush()
    else:
        nxt.leftovers[:0] = corr.leftovers()
        while corr._orphan_box:
            corr._flush_orphan_box(*corr._orphan_box.popitem(last=False))
        while corr._orphan_spam:
            corr._flush_orphan_spam(corr._orphan_spam.popitem(last=False))
    return list(corr.ready)


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
    """Write ``header`` and then ``path``'s records as JSON array items (``,\\n`` between them) to ``out``.

    Returns True when at least one record was written. Raises (``OSError``, a worker's exception)
    before anything is written when the workers fail, so the caller can fall back to one process.
    """
    ranges = split_ranges(path, jobs)
    with tempfile.TemporaryDirectory(prefix="spamwizard-log-") as tmp:
        tasks = [(path, a, b, i == 0, i == len(ranges) - 1, tz, year_ref, mids, os.path.join(tmp, f"{i}.json"))
                 for i, (a, b) in enumerate(ranges)]
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        # concurrent.futures raises on a worker crash or an unpicklable result (Pool would hang)
        with ProcessPoolExecutor(len(tasks), mp_context=multiprocessing.get_context(method)) as pool:
            results = list(pool.map(_work, tasks))
        out.write(header)
        wrote = False

        def emit(text: str) -> None:
            nonlocal wrote
            if not text:
                return
            out.write(text[2:] if not wrote else text)
            wrote = True

        for i, task in enumerate(tasks):
            with open(task[-1], encoding="utf-8") as f:
                while block := f.read(BLOCK):
                    emit(block)
            if i + 1 < len(results):
                joined = _seam(results[i], results[i + 1], tz, final=i + 2 == len(results))
                emit("".join(",\n" + r.json_text() for r in joined if _wanted(r, mids)))
                stats.records += len(joined)
        for r in results:
            stats.lines += r.lines
            stats.unparsed_lines += r.unparsed
            stats.records += r.records
    return wrote
