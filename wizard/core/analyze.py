"""The one entry point of the analysis: input in, :class:`AnalysisBatch` out.

``analyze_bytes`` / ``analyze_text`` / ``analyze_paths`` read the input (:mod:`wizard.core.intake`),
parse each Received line (:mod:`wizard.core.received`), trace the origin (:mod:`wizard.core.trace`)
and read the filter and authentication headers (:mod:`wizard.core.headers_spam`). Messages are named
``"{source}#{n}"``, n counting from 1 per input. Nothing raises for bad input: an unreadable input
becomes an :class:`~wizard.core.model.InputError` in ``errors`` and the other inputs are still
analysed. :func:`batch_json` is the CLI's JSON contract (``{"messages": [...], "errors": [...]}``).
"""

from __future__ import annotations

import mmap
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.utils import getaddresses, parseaddr
from pathlib import Path

from wizard.core.cpus import usable_cpus
from wizard.core.dates import date_has_zone, parse_mail_date
from wizard.core.headers_spam import read_spam_facts
from wizard.core.intake import (
    RawMessage,
    decode_words,
    is_mbox,
    iter_mbox,
    mbox_spans,
    read_bytes,
    read_path,
    read_text,
    unfold,
)
from wizard.core.jsonbytes import json_bytes
from wizard.core.model import Finding, InputError, JsonValue, MessageAnalysis
from wizard.core.policy import DEFAULT_POLICY, AnalysisPolicy
from wizard.core.received import parse_received
from wizard.core.received_fast import fast_parse
from wizard.core.trace import message_findings, originating_hops, trace

__all__ = [
    "AnalysisBatch",
    "JsonChunk",
    "analyze_bytes",
    "analyze_paths",
    "analyze_raw",
    "analyze_text",
    "batch_json",
    "encode_json_texts",
    "mbox_json_parallel",
    "message_json",
    "path_json_texts",
]

INTERNAL_ERROR_MESSAGE = (
    "This message could not be analysed because of an internal error ({detail}). The other messages "
    "are still shown; please report this input to the developers."
)


@dataclass(frozen=True, slots=True)
class AnalysisBatch:
    """All messages found in one or more inputs, and the inputs that could not be read."""

    messages: tuple[MessageAnalysis, ...] = ()
    errors: tuple[InputError, ...] = ()

    def to_json(self) -> dict[str, JsonValue]:
        """The JSON contract (see :func:`batch_json`)."""
        return batch_json(self)


# "Name" <a@b>, Name <a@b>, a@b: the common shapes, read without the stdlib's slow address parser.
_SIMPLE_ADDR = re.compile(
    r'\s*(?:(?:"[^"\\]*"|[^<>",;:@()\[\]"])*?\s*<([^<>\s",;()]+@[^<>\s",;()]+)>'
    r'|([^<>\s",;:()]+@[^<>\s",;()]+))\s*'
)


def _addresses(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        flat = unfold(value)
        m = _SIMPLE_ADDR.fullmatch(flat)
        found = [m.group(1) or m.group(2)] if m else [a for _n, a in getaddresses([flat])]
        for addr in found:
            addr = addr.strip()
            if addr and addr not in out:
                out.append(addr)
    return tuple(out)


def _address(value: str | None) -> str | None:
    if value is None:
        return None
    text = unfold(value)
    m = _SIMPLE_ADDR.fullmatch(text)
    if m:
        return m.group(1) or m.group(2)
    addr = parseaddr(text)[1].strip()
    if addr:
        return addr
    text = decode_words(text).strip()
    return text or None


def analyze_raw(
    raw: RawMessage, policy: AnalysisPolicy = DEFAULT_POLICY, *, keep_headers: bool = True
) -> MessageAnalysis:
    """Analyse one message read by the intake.

    ``keep_headers=False`` leaves ``headers`` and ``raw_headers`` empty (batch JSON output does not
    carry them; the UI needs them).
    """
    fields = raw.fields
    headers: list[tuple[str, str]] = []
    index: dict[str, list[str]] = {}
    for name, value in fields:
        index.setdefault(name.lower(), []).append(value)
        if keep_headers:
            flat = unfold(value)
            headers.append((name, decode_words(flat) if "=?" in flat else flat))

    def first(lname: str) -> str | None:
        values = index.get(lname)
        return values[0] if values else None

    # the fast path gives the general parser's exact Hop for the common strict shapes, else None
    hops = [fast_parse(v) or parse_received(v) for v in index.get("received", ())]
    hops.extend(originating_hops(index, [h.from_ip for h in hops]))

    date_text = first("date")
    date = parse_mail_date(unfold(date_text)) if date_text is not None else None
    mid_text = first("message-id")
    message_id = unfold(mid_text) or None if mid_text is not None else None
    subject_text = first("subject")
    subject = decode_words(unfold(subject_text)) if subject_text is not None else None
    from_addr = _address(first("from"))
    rp_text = first("return-path")
    return_path: str | None = None
    if rp_text is not None:
        rp = unfold(rp_text)
        m = _SIMPLE_ADDR.fullmatch(rp)
        return_path = (m.group(1) or m.group(2)) if m else parseaddr(rp)[1].strip()
    reply_to = _address(first("reply-to"))

    result = trace(hops, policy, date)
    facts = read_spam_facts(index)
    top_ts = next((h.timestamp for h in result.hops if h.source_header == "Received" and h.timestamp), None)
    msg_found = message_findings(
        message_id=message_id,
        date=date,
        date_present=date_text is not None,
        return_path=return_path,
        from_addr=from_addr,
        reply_to=reply_to,
        top_timestamp=top_ts,
        date_zoned=date_text is None or date_has_zone(unfold(date_text)),
    )
    findings: list[Finding] = [*raw.findings, *result.findings, *facts.findings, *msg_found]
    return MessageAnalysis(
        source=raw.source,
        message_id=message_id,
        subject=subject,
        from_=from_addr,
        to=_addresses(index.get("to", ())),
        cc=_addresses(index.get("cc", ())),
        date=date,
        return_path=return_path,
        hops=result.hops,
        handoff=result.handoff,
        claimed_origin=result.claimed_origin,
        customer_is_origin=result.customer_is_origin,
        authenticated_submission=result.authenticated_submission,
        auth_results=facts.auth_results,
        dkim_domains=facts.dkim_domains,
        spam=facts.spam,
        findings=tuple(findings),
        headers=tuple(headers),
        raw_headers=raw.header_text if keep_headers else "",
    )


def _analyse_all(
    raws: list[RawMessage], errors: list[InputError], policy: AnalysisPolicy, keep_headers: bool = True
) -> tuple[list[MessageAnalysis], list[InputError]]:
    out: list[MessageAnalysis] = []
    for raw in raws:
        try:
            out.append(analyze_raw(raw, policy, keep_headers=keep_headers))
        except Exception as exc:  # one bad message must not lose the others; the error says so
            errors.append(InputError(raw.source, INTERNAL_ERROR_MESSAGE.format(detail=type(exc).__name__),
                                     code="internal"))
    return out, errors


def analyze_bytes(data: bytes, source: str, policy: AnalysisPolicy = DEFAULT_POLICY) -> AnalysisBatch:
    """Analyse bytes (a file's contents, stdin): ``.eml``, mbox, ``.msg`` or pasted header text."""
    raws, errors = read_bytes(data, source, policy)
    msgs, errs = _analyse_all(raws, list(errors), policy)
    return AnalysisBatch(tuple(msgs), tuple(errs))


def analyze_text(text: str, source: str, policy: AnalysisPolicy = DEFAULT_POLICY) -> AnalysisBatch:
    """Analyse pasted text (the wizard's paste box): one or several header blocks."""
    raws, errors = read_text(text, source, policy)
    msgs, errs = _analyse_all(raws, list(errors), policy)
    return AnalysisBatch(tuple(msgs), tuple(errs))


def analyze_paths(
    paths: Iterable[str | Path], policy: AnalysisPolicy = DEFAULT_POLICY, *, keep_headers: bool = True
) -> AnalysisBatch:
    """Analyse files; each file's messages are named ``"{path}#{n}"``. Unreadable files are errors.

    ``keep_headers=False``: see :func:`analyze_raw`.
    """
    msgs: list[MessageAnalysis] = []
    errs: list[InputError] = []
    for path in paths:
        raws, errors = read_path(path, policy)
        m, e = _analyse_all(raws, list(errors), policy, keep_headers)
        msgs.extend(m)
        errs.extend(e)
    return AnalysisBatch(tuple(msgs), tuple(errs))


_PARALLEL_MIN_MESSAGES = 2000


def _json_texts(
    items: Iterable[RawMessage | InputError], policy: AnalysisPolicy
) -> tuple[list[bytes], list[InputError]]:
    """Analyse and encode message by message (nothing kept but the compact JSON). The cyclic garbage
    collector is paused meanwhile: the analysis makes no reference cycles, and on a 20,000-message
    folder its repeated scans of the growing heap cost about a quarter of the run."""
    import gc

    out: list[bytes] = []
    errors: list[InputError] = []
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
                continue
            try:
                m = analyze_raw(item, policy, keep_headers=False)
            except Exception as exc:  # same containment as _analyse_all
                message = INTERNAL_ERROR_MESSAGE.format(detail=type(exc).__name__)
                errors.append(InputError(item.source, message, code="internal"))
                continue
            out.append(json_bytes(message_json(m)))
    finally:
        if was_enabled:
            gc.enable()
    return out, errors


def path_json_texts(
    path: str | Path, policy: AnalysisPolicy = DEFAULT_POLICY
) -> tuple[list[bytes], list[InputError]]:
    """One file, in one process, as compact UTF-8 JSON, one per message, of the :func:`message_json`
    contract (the CLI's ``--json`` path). An mbox is streamed from a memory map; other files go through
    :func:`read_path`."""
    name = str(path)
    try:
        with open(name, "rb") as fh:
            if os.fstat(fh.fileno()).st_size and is_mbox(fh.read(4096)):
                with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                    return _json_texts(iter_mbox(mm, name, policy), policy)
    except (OSError, ValueError):
        pass  # read_path reports the error in its words
    raws, errors = read_path(path, policy)
    texts, errs = _json_texts(raws, policy)
    return texts, [*errors, *errs]


@dataclass(frozen=True, slots=True)
class JsonChunk:
    """A run of consecutive messages as contract JSON: ``text`` is their compact UTF-8 JSON objects
    joined with ``,`` (ready to be written between ``[`` and ``]``)."""

    text: bytes
    count: int
    errors: tuple[InputError, ...]


def encode_json_texts(texts: list[bytes]) -> bytes:
    """Per-message JSON (from :func:`json_bytes`) joined with ``,``."""
    return b",".join(texts)


def _mbox_json_part(path: str, spans: list[tuple[int, int]], first_n: int, policy: AnalysisPolicy) -> JsonChunk:
    """Worker: analyse a range of an mbox and return it as one encoded chunk (one large bytes object
    crosses the process boundary instead of thousands of strings)."""
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        texts, errors = _json_texts(iter_mbox(mm, path, policy, spans, first_n), policy)
    return JsonChunk(encode_json_texts(texts), len(texts), tuple(errors))


def mbox_json_parallel(
    path: str | Path, policy: AnalysisPolicy = DEFAULT_POLICY, workers: int | None = None
) -> Iterator[JsonChunk] | None:
    """Analyse a large mbox file in worker processes; the messages come back as :class:`JsonChunk`
    runs in file order, each as soon as it and those before it are done, so the caller can write
    while the workers go on.

    Returns None when the file is not an mbox, is small, or only one CPU is available: the caller then
    uses :func:`path_json_texts`. This is for the command line and batch use; the desktop UI analyses
    pastes, never whole folders, in its one background runner.
    """
    workers = workers or usable_cpus()
    if workers < 2:
        return None
    name = str(path)
    try:
        with open(name, "rb") as fh:
            if not is_mbox(fh.read(4096)) or os.fstat(fh.fileno()).st_size == 0:
                return None
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                spans = mbox_spans(mm)
    except (OSError, ValueError):
        return None
    if len(spans) < _PARALLEL_MIN_MESSAGES:
        return None
    # many small chunks: the first is written early and the last ones keep both workers busy to the end
    parts = workers * 8
    size = -(-len(spans) // parts)
    chunks = [(spans[k : k + size], k + 1) for k in range(0, len(spans), size)]
    return _run_chunks(name, chunks, policy, workers)


def _run_chunks(
    name: str, chunks: list[tuple[list[tuple[int, int]], int]], policy: AnalysisPolicy, workers: int
) -> Iterator[JsonChunk]:
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=workers)
        futures = [pool.submit(_mbox_json_part, name, chunk, first, policy) for chunk, first in chunks]
    except (OSError, RuntimeError, ImportError):  # no processes allowed here: one process does it all
        yield from (_mbox_json_part(name, chunk, first, policy) for chunk, first in chunks)
        return
    try:
        for fut in futures:
            yield fut.result()
    finally:  # also when the reader stops early (a closed pipe): drop the chunks not started
        pool.shutdown(wait=True, cancel_futures=True)


def message_json(m: MessageAnalysis) -> dict[str, JsonValue]:
    """One message in the JSON contract of ``spam-wizard analyze --json``."""
    return {
        "source": m.source,
        "message_id": m.message_id,
        "subject": m.subject,
        "from": m.from_,
        "to": list(m.to),
        "date": m.date.isoformat() if m.date is not None else None,
        "hops": [h.to_json() for h in m.hops],
        "handoff": m.handoff.to_json() if m.handoff is not None else None,
        "claimed_origin": m.claimed_origin.to_json() if m.claimed_origin is not None else None,
        "customer_is_origin": m.customer_is_origin,
        "auth_results": m.auth_results.to_json(),
        "spam": m.spam.to_json(),
        "findings": [f.to_json() for f in m.findings],
    }


def batch_json(batch: AnalysisBatch) -> dict[str, JsonValue]:
    """``{"messages": [...], "errors": [...]}`` exactly as the analyze contract describes."""
    return {
        "messages": [message_json(m) for m in batch.messages],
        "errors": [e.to_json() for e in batch.errors],
    }
