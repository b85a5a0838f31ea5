"""Reading what the customer sent: pasted header text, ``.eml``, mbox, Outlook ``.msg``, stdin.

Everything ends up as :class:`RawMessage` objects: one per message, with the header block split into
``(name, value)`` fields (values still folded as written, so Received lines can be shown as-is) and the
repairs that were needed recorded as findings. Defects never raise; only input that cannot be mail
headers at all (or is too large) becomes an :class:`~wizard.core.model.InputError` with a message that
tells the agent what to ask the customer for.

Inputs: pasted text (one or several header blocks one after another: a new block starts at a
``Received:`` / ``Return-Path:`` / ``Delivered-To:`` ... line after a blank line or body text, or after a
complete header set with no blank line at all), ``.eml``, mbox (``From `` separators after an empty line
with a date in them, so ``>From`` and unquoted ``From `` body lines do not split), Outlook ``.msg``
(extract-msg, the transport headers), UTF-16 text (Notepad) and stdin bytes. Text input and stdin are
limited to ``policy.max_input_bytes`` as a whole; an mbox *file* is memory-mapped and only its header
blocks are copied, so the limit applies per message there. Header bytes are decoded as ASCII, UTF-8,
Shift_JIS (cp932), EUC-JP or raw ISO-2022-JP, per line. Fields are split with a strict field-name rule
(``Name:`` then whitespace) so that continuation lines that lost their indentation are recognised.

Repairs (finding codes, all ``info`` unless noted):

====================================  ==========================================================
``paste_unfolded_lines_repaired``     folded continuation lines that lost their indentation (the
                                      Outlook "Internet headers" box) were joined to the field above
``mixed_line_endings``                CRLF / LF / CR mixed in one input
``blank_lines_between_headers``       every other line blank (a double-spaced paste), collapsed
``leading_text_skipped``              text before the first header line was skipped
``quoted_paste_unquoted``             every line quoted with ``>`` (headers sent back in a reply): unquoted
``raw_8bit_header`` (warning)         header bytes not in ASCII; decoded with the charset in params
``nul_bytes_removed``                 NUL bytes removed
``byte_order_mark``                   a BOM at the start (UTF-8 / UTF-16), removed
``body_pasted_along``                 a message body followed the headers in a paste
``msg_without_transport_headers``     (warning) an Outlook .msg without Internet headers (a sent or
                                      draft item): only the visible fields were available
``msg_not_a_mail_item``               an Outlook .msg that is not a mail item (``class_type``)
====================================  ==========================================================
"""

from __future__ import annotations

import contextlib
import mmap
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wizard.core.model import Finding, InputError, finding
from wizard.core.policy import DEFAULT_POLICY, AnalysisPolicy

__all__ = [
    "NOT_HEADERS_MESSAGE",
    "RawMessage",
    "decode_words",
    "is_mbox",
    "iter_mbox",
    "mbox_spans",
    "read_bytes",
    "read_path",
    "read_text",
    "unfold",
]

NOT_HEADERS_MESSAGE = (
    "This does not look like mail headers. Ask the customer to open the message's source / Internet "
    "headers (Outlook: File > Properties > Internet headers; Thunderbird: View > Message Source; "
    "Gmail: Show original) and paste the whole box."
)
EMPTY_MESSAGE = (
    "The input is empty. Ask the customer to paste the message's Internet headers (Outlook: File > "
    "Properties > Internet headers) or to send the message as an attachment (.eml / .msg)."
)
MSG_UNREADABLE_MESSAGE = (
    "This Outlook .msg file could not be read ({detail}). Ask the customer to save the message again "
    "(File > Save As) or to paste the Internet headers (File > Properties > Internet headers)."
)

MSG_NO_HEADERS_MESSAGE = (
    "This Outlook .msg file has no Internet headers (it was probably saved from Sent Items or is a "
    "draft). Ask the customer for a message as it was received: open it from the Inbox and copy File > "
    "Properties > Internet headers."
)


def too_large_message(size: int, limit: int) -> str:
    """The refusal text for an input above ``policy.max_input_bytes``."""
    return (
        f"The input is too large ({size:,} bytes; the limit is {limit:,}). Ask the customer for the "
        "headers of one or a few messages only (Outlook: File > Properties > Internet headers), "
        "not a whole mailbox."
    )


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One message as read: its header fields and what had to be repaired to read them."""

    source: str
    """``"{input}#{n}"``, n counting from 1 per input."""
    fields: tuple[tuple[str, str], ...]
    """Header fields in order: name as written, value as written (folding kept, ``\\n`` line ends)."""
    findings: tuple[Finding, ...] = ()
    has_body: bool = False

    @property
    def header_text(self) -> str:
        """The repaired header block as text (``Name: value`` lines, LF line ends)."""
        return "".join(f"{name}: {value}\n" for name, value in self.fields)


# --- line classification -----------------------------------------------------------------------

# A field line: a name of the characters real header names use, a colon and then whitespace or the
# end of the line. Requiring the space keeps damaged continuations such as ``SFV:NSPM;H:...`` (the
# Forefront report) or ``h=Date:From:To`` (DKIM) from being taken as new fields.
_FIELD = re.compile(r"([A-Za-z][A-Za-z0-9_.-]{0,76})[ \t]*:(?=[ \t]|$)")
# Names that open a message in an Internet-headers box or a file (trace fields come first).
_START_NAMES = frozenset(
    {
        "received", "return-path", "delivered-to", "x-original-to", "envelope-to", "x-received",
        "arc-seal", "x-apparently-to", "x-envelope-from", "x-gm-message-state",
    }
)
_OUTLOOK_PREFIX = "microsoft mail internet headers version 2.0"
_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_MBOX_FROM = re.compile(rb"^From \S*[ \t]+\S.*$", re.MULTILINE)
# A separator: after an empty line, "From sender date" with a clock time and a year in it, and a
# header line right after (so an unquoted "From the desk of..." in a body does not split).
_MBOX_SPLIT = re.compile(
    rb"\n\r?\n(From \S+ [^\n]{0,80}?\d{1,2}:\d{2}[^\n]{0,40}\r?\n)(?=[A-Za-z][A-Za-z0-9_.-]{0,76}:)"
)
_MAIL_SUFFIXES = (".eml", ".mbox", ".mbx", ".msg", ".mht")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
Buffer = bytes | mmap.mmap


# "Content-Type:multipart/..." and "Sender:x@y" (Japanese mobile carriers and other mailers) are valid
# fields; a continuation that lost its indentation is not taken for one unless the name is one of these.
_FIELD_NO_SPACE = re.compile(r"([A-Za-z][A-Za-z0-9-]{0,76}):(?=\S)")
_NO_SPACE_NAMES = frozenset({
    "from", "to", "cc", "bcc", "subject", "date", "message-id", "sender", "reply-to", "return-path",
    "received", "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
    "in-reply-to", "references", "x-mailer", "x-priority", "user-agent", "delivered-to", "x-original-to",
})


def _field_name(line: str) -> str | None:
    if not line or line[0] in " \t":
        return None
    m = _FIELD.match(line)
    if m:
        return m.group(1)
    m = _FIELD_NO_SPACE.match(line)
    return m.group(1) if m and m.group(1).lower() in _NO_SPACE_NAMES else None


# --- RFC 2047 -----------------------------------------------------------------------------------

_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,40})\?([QqBb])\?([^?\s]*)\?=")
_ENCODED_RUN = re.compile(r"(=\?[^?\s]{1,40}\?[QqBb]\?[^?\s]*\?=)(?:[ \t\r\n]+(?==\?))?")
_CHARSET_ALIASES = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms932": "cp932",
    "windows-31j": "cp932", "iso-2022-jp": "iso2022_jp_ext", "csiso2022jp": "iso2022_jp_ext",
    "euc-jp": "euc_jis_2004", "x-euc-jp": "euc_jis_2004", "gb2312": "gb18030", "gbk": "gb18030",
    "ks_c_5601-1987": "cp949", "unknown-8bit": "utf-8", "x-unknown": "utf-8",
}
_FALLBACKS = {"iso2022_jp_ext": ("iso2022_jp_2", "iso2022_jp_3"), "euc_jis_2004": ("euc_jp", "cp932")}


def _decode_charset(data: bytes, charset: str) -> str:
    name = charset.lower().split("*", 1)[0]  # RFC 2231 language suffix
    name = _CHARSET_ALIASES.get(name, name)
    for candidate in (name, *_FALLBACKS.get(name, ())):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode(name, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _word_bytes(encoding: str, payload: str) -> bytes:
    import base64
    import binascii
    import quopri

    if encoding in "Bb":
        raw = payload.encode("ascii", "replace")
        try:
            return base64.b64decode(raw + b"=" * (-len(raw) % 4))
        except (binascii.Error, ValueError):
            return raw
    return quopri.decodestring(payload.replace("_", " ").encode("ascii", "replace"), header=True)


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words for display (never raises).

    Adjacent encoded words in the same charset are joined *before* decoding, because Japanese mailers
    split multi-byte characters across words; whitespace between encoded words is dropped (RFC 2047
    6.2). ISO-2022-JP, Shift_JIS (read as cp932), EUC-JP and UTF-8 are decoded with fallbacks to their
    supersets; undecodable bytes become U+FFFD.
    """
    if "=?" not in value:
        return value
    out: list[str] = []
    pos = 0
    pend_charset: str | None = None
    pend: list[bytes] = []

    def flush() -> None:
        nonlocal pend_charset
        if pend_charset is not None:
            out.append(_decode_charset(b"".join(pend), pend_charset))
            pend.clear()
            pend_charset = None

    for m in _ENCODED_RUN.finditer(value):
        word = _ENCODED_WORD.match(m.group(1))
        if word is None:  # pragma: no cover - the run pattern contains the word pattern
            continue
        if m.start() > pos:
            flush()
            out.append(value[pos : m.start()])
        charset = word.group(1).lower()
        if pend_charset is not None and charset != pend_charset:
            flush()
        pend_charset = charset
        pend.append(_word_bytes(word.group(2), word.group(3)))
        pos = m.end()
    flush()
    out.append(value[pos:])
    return "".join(out)


def unfold(value: str) -> str:
    """A folded header value on one line (line breaks followed by whitespace removed, RFC 5322)."""
    if "\n" not in value and "\r" not in value:
        return value.strip()
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n\t", "\t").replace("\n ", " ").replace("\n", " ").strip()


# --- bytes -> text ------------------------------------------------------------------------------

_JP_CHARSETS = ("cp932", "euc_jis_2004")


def _jp_score(text: str) -> int:
    score = 0
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF or 0xFF01 <= o <= 0xFF5E:
            score += 2
        elif 0xFF61 <= o <= 0xFF9F or 0x80 <= o < 0x3040:  # half-width kana, Latin-1 junk
            score -= 1
    return score


def _decode_line(raw: bytes) -> tuple[str, str]:
    """One header line that is not ASCII -> (text, charset used)."""
    if b"\x1b$" in raw or b"\x1b(" in raw:
        try:
            return raw.decode("iso2022_jp_ext"), "iso-2022-jp"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[int, str, str] | None = None
    for cs in _JP_CHARSETS:
        try:
            text = raw.decode(cs)
        except UnicodeDecodeError:
            continue
        score = _jp_score(text)
        if best is None or score > best[0]:
            best = (score, text, "shift_jis" if cs == "cp932" else "euc-jp")
    if best is not None:
        return best[1], best[2]
    return raw.decode("utf-8", errors="replace"), "unknown"


def _decode_header_bytes(block: bytes) -> tuple[str, list[str]]:
    """Decode a header block; returns the text and the charsets used for non-ASCII lines."""
    try:
        text = block.decode("ascii")
    except UnicodeDecodeError:
        pass
    else:
        if "\x1b" not in text:
            return text, []
    charsets: list[str] = []
    parts: list[str] = []
    in_header = True  # only header lines count for the raw_8bit_header finding, not a body pasted along
    seen_text = False
    for raw in re.split(rb"(\r\n|\r|\n)", block):
        if raw in (b"\r\n", b"\n", b"\r"):
            parts.append(raw.decode("ascii"))
            continue
        if not raw.strip():
            if seen_text:
                in_header = False
        else:
            seen_text = True
            if not in_header and _HEADER_RESTART.match(raw):
                in_header = True  # the next pasted message's header block
        if raw.isascii() and b"\x1b" not in raw:
            parts.append(raw.decode("ascii"))
            continue
        text, cs = _decode_line(raw)
        if in_header and cs not in charsets:
            charsets.append(cs)
        parts.append(text)
    return "".join(parts), charsets


_HEADER_RESTART = re.compile(
    rb"(?i)(?:received|return-path|delivered-to|x-original-to|arc-seal|x-received|microsoft mail internet headers)"
    rb"[ \t]*:?"
)


# --- splitting text into messages ------------------------------------------------------------------


@dataclass(slots=True)
class _Builder:
    fields: list[list[str]]
    findings: list[Finding]
    repaired: int = 0
    has_body: bool = False
    seen: set[str] = field(default_factory=set)
    boundary: str | None = None  # multipart boundary of the message's own body
    in_parts: bool = False  # between the first "--boundary" and "--boundary--"
    encapsulated: bool = False  # "Content-Type: message/rfc822": the whole body is one message

    def note_content_type(self, value: str) -> None:
        """Remember the top-level MIME type so that headers inside the body do not start messages."""
        flat = " ".join(value.split())
        low = flat.lower()
        if low.startswith("message/rfc822"):
            self.encapsulated = True
        elif low.startswith("multipart/"):
            m = _BOUNDARY.search(flat)
            if m:
                self.boundary = m.group(1) or m.group(2)

    def inside_own_body(self, line: str) -> bool:
        """Is ``line`` (in the body) part of this message's own MIME body?"""
        if self.encapsulated:
            return True
        if self.boundary is None:
            return False
        stripped = line.rstrip()
        if stripped == "--" + self.boundary:
            self.in_parts = True
        elif stripped == "--" + self.boundary + "--":
            self.in_parts = False
            return True
        return self.in_parts


_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200}))', re.IGNORECASE)


def _own_message_fields_follow(lines: list[str], i: int) -> bool:
    """Does the header block starting at ``lines[i]`` have fields of a message of its own (a second
    paste), rather than being a trace field written out of order at the end of the same header?"""
    for line in lines[i + 1 : i + 400]:
        if not line.strip():
            return False
        name = _field_name(line)
        if name is not None and name.lower() in ("date", "message-id", "from", "subject", "received"):
            return True
    return False


def _looks_like_block(lines: list[str], i: int) -> bool:
    """Is ``lines[i]`` (a field line) followed by more header lines (a header block starts here)?"""
    score = 0
    for line in lines[i + 1 : i + 4]:
        if not line.strip():
            break
        if line[0] in " \t" or _field_name(line) is not None:
            score += 1
    return score >= 1 or i + 1 >= len(lines)


def _split_messages(lines: list[str]) -> tuple[list[_Builder], int]:
    """Split repaired lines into header blocks. Returns the builders and the count of skipped lines."""
    msgs: list[_Builder] = []
    cur: _Builder | None = None
    in_body = False
    skipped = 0
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if cur is not None and in_body and cur.inside_own_body(line):
            if line.strip():
                cur.has_body = True
            i += 1
            continue
        if cur is None or in_body:
            if line.strip().lower() == _OUTLOOK_PREFIX:  # a (further) Outlook header box starts
                cur = None
                in_body = False
                i += 1
                continue
            name = _field_name(line)
            starts = False
            if name is not None:
                lname = name.lower()
                if cur is None:
                    starts = lname in _START_NAMES or _looks_like_block(lines, i)
                else:
                    starts = lname in _START_NAMES and _looks_like_block(lines, i)
            if not starts:
                if cur is None:
                    if line.strip():
                        skipped += 1
                elif line.strip():
                    cur.has_body = True
                i += 1
                continue
            cur = _Builder(fields=[], findings=[])
            msgs.append(cur)
            in_body = False
        assert cur is not None
        if not line.strip():
            if not in_body and cur.boundary is None and not cur.encapsulated:
                content_type = next((v for n, v in cur.fields if n.lower() == "content-type"), None)
                if content_type is not None:
                    cur.note_content_type(content_type)
            in_body = True
            i += 1
            continue
        if line.strip().lower() == _OUTLOOK_PREFIX:
            i += 1
            continue
        name = _field_name(line)
        if name is None:
            if line[0] in " \t":
                cur.fields[-1][1] += "\n" + line
            else:  # lost its folding whitespace (Outlook box): a continuation of the field above
                cur.fields[-1][1] += "\n " + line
                cur.repaired += 1
            i += 1
            continue
        lname = name.lower()
        # Back-to-back pastes with no blank line between: a new trace block after the message's own
        # Message-ID and Date have been seen (trace fields are always prepended to a message).
        if (
            lname in ("received", "delivered-to")
            and "message-id" in cur.seen
            and "date" in cur.seen
            and ("from" in cur.seen or "subject" in cur.seen)
            and _looks_like_block(lines, i)
            and _own_message_fields_follow(lines, i)
        ):
            prev = cur
            cur = _Builder(fields=[], findings=[])
            msgs.append(cur)
            # A Return-Path just above belongs to the new message when the old one had its own.
            if (
                prev.fields
                and prev.fields[-1][0].lower() == "return-path"
                and sum(1 for f in prev.fields if f[0].lower() == "return-path") > 1
            ):
                cur.fields.append(prev.fields.pop())
                cur.seen.add("return-path")
            continue
        cur.seen.add(lname)
        value = line[line.index(":") + 1 :]
        if value[:1] in (" ", "\t"):
            value = value[1:]
        cur.fields.append([line[: line.index(":")].rstrip(), value])
        i += 1
    return msgs, skipped


_KNOWN_NAMES = _START_NAMES | {
    "from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type", "reply-to",
    "sender", "x-mailer", "user-agent", "authentication-results", "dkim-signature", "received-spf",
    "list-unsubscribe", "x-spam-status", "x-spam-flag", "content-transfer-encoding", "references",
    "in-reply-to", "thread-topic", "thread-index", "x-originating-ip", "arc-message-signature",
    "arc-authentication-results", "x-ms-exchange-organization-scl", "x-forefront-antispam-report",
    "importance", "x-priority", "precedence", "list-id", "errors-to", "x-sender",
}


def _plausible_headers(fields: list[list[str]]) -> bool:
    """At least one trace field, or two fields of which one is a name mail really uses."""
    names = [f[0].lower() for f in fields]
    if any(n in _START_NAMES for n in names):
        return True
    return len(names) >= 2 and any(n in _KNOWN_NAMES or n.startswith("x-") for n in names)


def _double_spaced(lines: list[str]) -> bool:
    sample = lines[:60]
    if len(sample) < 6:
        return False
    odd = sample[1::2]
    even = sample[0::2]
    return sum(1 for x in odd if not x.strip()) >= 0.9 * len(odd) and sum(
        1 for x in even if x.strip()
    ) >= 0.9 * len(even)


def _text_to_messages(
    text: str, source: str, base_findings: list[Finding], paste: bool
) -> tuple[list[RawMessage], list[InputError]]:
    if "\r" in text:
        crlf = text.count("\r\n")
        cr = text.count("\r") - crlf
        lf = text.count("\n") - crlf
        if sum(1 for c in (crlf, cr, lf) if c) > 1:
            base_findings.append(finding("mixed_line_endings", "info", crlf=crlf, lf=lf, cr=cr))
    lines = _LINE_SPLIT.split(text)
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start:
        lines = lines[start:]
    sample = [ln for ln in lines[:60] if ln.strip()]
    if sample and sum(1 for ln in sample if ln.startswith(">")) >= 0.8 * len(sample):
        # Headers sent back inside a reply ("> Received: ..."): remove one level of quoting.
        lines = [ln[2:] if ln.startswith("> ") else ln[1:] if ln.startswith(">") else ln for ln in lines]
        base_findings.append(finding("quoted_paste_unquoted", "info"))
    if _double_spaced(lines):
        # Keep real paragraph breaks (two or more blank lines in a row become one).
        squashed: list[str] = []
        blank_run = 0
        for line in lines:
            if line.strip():
                if blank_run >= 3:
                    squashed.append("")
                squashed.append(line)
                blank_run = 0
            else:
                blank_run += 1
        lines = squashed
        base_findings.append(finding("blank_lines_between_headers", "info"))
    if not any(line.strip() for line in lines):
        return [], [InputError(f"{source}#1", EMPTY_MESSAGE, code="empty")]
    builders, skipped = _split_messages(lines)
    # A block of 1 field that is not a trace field and no others: probably prose with a colon.
    builders = [b for b in builders if _plausible_headers(b.fields)]
    if not builders:
        return [], [InputError(f"{source}#1", NOT_HEADERS_MESSAGE, code="not_headers")]
    out: list[RawMessage] = []
    for n, b in enumerate(builders, 1):
        found = list(base_findings)
        if n == 1 and skipped:
            found.append(finding("leading_text_skipped", "info", lines=skipped))
        if b.repaired:
            found.append(finding("paste_unfolded_lines_repaired", "info", lines=b.repaired))
        if b.has_body and paste:
            found.append(finding("body_pasted_along", "info"))
        out.append(
            RawMessage(
                source=f"{source}#{n}",
                fields=tuple((name, value) for name, value in b.fields),
                findings=tuple(found),
                has_body=b.has_body,
            )
        )
    return out, []


# --- mbox / msg ---------------------------------------------------------------------------------


def _is_mbox(data: bytes) -> bool:
    head = data.lstrip(b"\r\n")[:400]
    if not head.startswith(b"From "):
        return False
    first = head.split(b"\n", 1)[0]
    # "From sender date" - a header line would be "From:" (no space before the colon).
    return not first.startswith(b"From :") and bool(_MBOX_FROM.match(first))


def _mbox_spans(buf: Buffer) -> Iterator[tuple[int, int]]:
    """(start, end) of each message in an mbox buffer; start is the ``From `` separator line."""
    start = 0
    while start < len(buf) and buf[start : start + 1] in (b"\r", b"\n"):
        start += 1
    for m in _MBOX_SPLIT.finditer(buf, start):
        yield start, m.start(1)
        start = m.start(1)
    yield start, len(buf)




def _header_end(buf: Buffer, start: int, end: int) -> tuple[int, int]:
    """(end of the header block, start of the body) within ``buf[start:end]``."""
    lf = buf.find(b"\n\n", start, end)
    crlf = buf.find(b"\n\r\n", start, end if lf < 0 else lf)
    if crlf >= 0:
        return (crlf - 1 if crlf > start and buf[crlf - 1 : crlf] == b"\r" else crlf), crlf + 3
    if lf >= 0:
        return (lf - 1 if lf > start and buf[lf - 1 : lf] == b"\r" else lf), lf + 2
    return end, end
_NON_SPACE = re.compile(rb"\S")


def mbox_spans(buf: Buffer) -> list[tuple[int, int]]:
    """Byte ranges ``(start, end)`` of the messages of an mbox held in ``buf``."""
    return list(_mbox_spans(buf))


def is_mbox(head: bytes) -> bool:
    """Does a file starting with ``head`` look like an mbox (a ``From `` separator line first)?"""
    return _is_mbox(head)


def iter_mbox(
    buf: Buffer,
    source: str,
    policy: AnalysisPolicy = DEFAULT_POLICY,
    spans: Iterable[tuple[int, int]] | None = None,
    first_n: int = 1,
) -> Iterator[RawMessage | InputError]:
    """Messages of an mbox in ``buf`` one by one (``spans`` from :func:`mbox_spans` to read a part,
    numbered from ``first_n``)."""
    return _iter_mbox(buf, source, [], policy.max_input_bytes, spans, first_n)


def _iter_mbox(
    buf: Buffer,
    source: str,
    base: list[Finding],
    limit: int,
    spans: Iterable[tuple[int, int]] | None = None,
    first_n: int = 1,
) -> Iterator[RawMessage | InputError]:
    """Messages of an mbox held in ``buf`` (bytes or an mmap): only header blocks are copied."""
    for n, (s, e) in enumerate(_mbox_spans(buf) if spans is None else spans, first_n):
        name = f"{source}#{n}"
        nl = buf.find(b"\n", s, e)
        hs = nl + 1 if nl >= 0 else e
        he, body_start = _header_end(buf, hs, e)
        has_body = body_start < e and _NON_SPACE.search(buf, body_start, e) is not None
        if he - hs > limit:
            yield InputError(name, too_large_message(he - hs, limit), code="too_large")
            continue
        block = bytes(buf[hs:he])
        if b"\x00" in block:
            block = block.replace(b"\x00", b"")
        text, charsets = _decode_header_bytes(block)
        found = list(base)
        if charsets:
            found.append(finding("raw_8bit_header", "warning", charsets=charsets))
        fields = _fast_fields(text)
        if fields is not None:
            yield RawMessage(name, fields, tuple(found), has_body)
            continue
        msgs, errs = _text_to_messages(text, name, found, paste=False)
        if errs or not msgs:
            err = errs[0] if errs else InputError(name, NOT_HEADERS_MESSAGE, code="not_headers")
            yield InputError(name, err.message, err.code)
            continue
        yield RawMessage(name, msgs[0].fields, msgs[0].findings, has_body)


def _read_msg(data: bytes, source: str) -> tuple[list[RawMessage], list[InputError]]:
    try:
        import extract_msg
    except ImportError:  # pragma: no cover - a declared dependency
        return [], [InputError(f"{source}#1", MSG_UNREADABLE_MESSAGE.format(detail="extract-msg missing"))]
    try:
        msg = extract_msg.openMsg(data, delayAttachments=True)
    except Exception as exc:  # extract-msg raises many types for damaged files
        detail = type(exc).__name__
        return [], [InputError(f"{source}#1", MSG_UNREADABLE_MESSAGE.format(detail=detail), code="msg")]
    try:
        header_text = ""
        try:
            header_text = getattr(msg, "headerText", None) or ""
        except Exception:
            header_text = ""
        extra: list[Finding] = []
        if header_text.strip():
            text = header_text
        else:
            extra.append(finding("msg_without_transport_headers", "warning"))
            try:
                hdr = msg.header  # type: ignore[attr-defined]
                text = "".join(f"{k}: {v}\n" for k, v in hdr.items() if v and str(v).strip())
                subject = getattr(msg, "subject", None)
                if subject and "\nsubject:" not in "\n" + text.lower():
                    text += f"Subject: {' '.join(str(subject).split())}\n"
            except Exception:
                text = ""
        kind = getattr(msg, "classType", None)
    finally:
        with contextlib.suppress(Exception):
            msg.close()
    if kind is not None and not str(kind).lower().startswith("ipm.note"):
        extra.append(finding("msg_not_a_mail_item", "info", class_type=str(kind)[:80]))
    if not text.strip() or (extra and len(text.strip().splitlines()) < 2):
        return [], [InputError(f"{source}#1", MSG_NO_HEADERS_MESSAGE, code="msg_no_headers")]
    msgs, errors = _text_to_messages(text, source, extra, paste=False)
    return msgs[:1] or [], errors


# --- public entry points ------------------------------------------------------------------------


def read_bytes(
    data: bytes, source: str, policy: AnalysisPolicy = DEFAULT_POLICY
) -> tuple[list[RawMessage], list[InputError]]:
    """Read any supported input given as bytes (file contents, stdin).

    ``source`` names the input (a file name, ``"paste"``, ``"-"``); messages are named
    ``"{source}#{n}"``. Never raises for bad input: unreadable input becomes an ``InputError``.
    """
    if len(data) > policy.max_input_bytes:
        return [], [InputError(f"{source}#1", too_large_message(len(data), policy.max_input_bytes),
                               code="too_large")]
    base: list[Finding] = []
    if data.startswith(_OLE_MAGIC):
        return _read_msg(data, source)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(data):
        base.append(finding("byte_order_mark", "info", encoding="utf-16"))
        codec = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        text = data.decode(codec, errors="replace")
        return _finish_text(text, source, base, paste=_is_paste(source), nul_checked=False)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        base.append(finding("byte_order_mark", "info", encoding="utf-8"))
    if b"\x00" in data:
        base.append(finding("nul_bytes_removed", "info", count=data.count(b"\x00")))
        data = data.replace(b"\x00", b"")
    if _is_mbox(data):
        return _read_mbox(data, source, base, policy.max_input_bytes)
    # Decode only the header part strictly; a body in any charset is not our business.
    text, charsets = _decode_all(data)
    if charsets:
        base.append(finding("raw_8bit_header", "warning", charsets=charsets))
    return _text_to_messages(text, source, base, paste=_is_paste(source))


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 8 and (head[1::2].count(0) > 0.8 * len(head[1::2]) or
                               head[0::2].count(0) > 0.8 * len(head[0::2]))


def _decode_all(data: bytes) -> tuple[str, list[str]]:
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        pass
    else:
        if "\x1b" not in text:
            return text, []
    # Headers only matter; a body in another charset must not spoil them, so the header part (up to
    # the first empty line that is followed by non-header text) is decoded line by line and the rest
    # leniently. Splitting whole text line by line is simpler and correct for pasted headers.
    return _decode_header_bytes(data)


def _finish_text(
    text: str, source: str, base: list[Finding], paste: bool, nul_checked: bool
) -> tuple[list[RawMessage], list[InputError]]:
    if text.startswith("\ufeff"):
        text = text[1:]
        base.append(finding("byte_order_mark", "info", encoding="utf-8"))
    if not nul_checked and "\x00" in text:
        base.append(finding("nul_bytes_removed", "info", count=text.count("\x00")))
        text = text.replace("\x00", "")
    return _text_to_messages(text, source, base, paste=paste)


def _read_mbox(
    buf: Buffer, source: str, base: list[Finding], limit: int
) -> tuple[list[RawMessage], list[InputError]]:
    out: list[RawMessage] = []
    errors: list[InputError] = []
    for item in _iter_mbox(buf, source, base, limit):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            out.append(item)
    return out, errors


_FAST_FIELD = re.compile(r"^([!-9;-~]+)[ \t]*:[ \t]?(.*(?:\r?\n[ \t].*)*)", re.MULTILINE)


def _fast_fields(text: str) -> tuple[tuple[str, str], ...] | None:
    """Split a well-formed header block quickly; None when it is not well formed (use the repairer)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    fields = _FAST_FIELD.findall(text)
    if not fields:
        return None
    # Every line must be accounted for: the number of field starts equals the unindented lines.
    starts = text.count("\n") + 1 - text.count("\n ") - text.count("\n\t")
    if starts != len(fields) or text[:1] in (" ", "\t"):
        return None
    return tuple(fields)


def _is_paste(source: str) -> bool:
    return not source.lower().endswith(_MAIL_SUFFIXES)


def read_text(
    text: str, source: str, policy: AnalysisPolicy = DEFAULT_POLICY
) -> tuple[list[RawMessage], list[InputError]]:
    """Read pasted text (the wizard's paste box). Same results as :func:`read_bytes`."""
    limit = policy.max_input_bytes
    if len(text) > limit or (len(text) * 3 > limit and len(text.encode("utf-8", "replace")) > limit):
        size = len(text.encode("utf-8", "replace"))
        return [], [InputError(f"{source}#1", too_large_message(size, limit), code="too_large")]
    base: list[Finding] = []
    if text.lstrip("\r\n").startswith("From ") and _is_mbox(text.encode("utf-8", "replace")[:400]):
        return _read_mbox(text.encode("utf-8", "surrogatepass"), source, base, limit)
    return _finish_text(text, source, base, paste=_is_paste(source), nul_checked=False)


def read_path(
    path: str | Path, policy: AnalysisPolicy = DEFAULT_POLICY
) -> tuple[list[RawMessage], list[InputError]]:
    """Read a file (``.eml``, ``.msg``, mbox or a text file of pasted headers); ``"-"`` is not handled
    here (the CLI reads stdin itself). File system errors become an ``InputError``."""
    p = Path(path)
    source = str(path)
    try:
        with p.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(4096)
            if size and _is_mbox(head):
                # An mbox (a Thunderbird folder) can be far larger than a paste: map it and copy only
                # the header blocks; the size limit then applies per message.
                with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                    return _read_mbox(mm, source, [], policy.max_input_bytes)
            if size > policy.max_input_bytes:
                return [], [InputError(f"{source}#1", too_large_message(size, policy.max_input_bytes),
                                       code="too_large")]
            data = head + fh.read()
    except IsADirectoryError:
        return [], [InputError(f"{source}#1", "This is a folder, not a file.", code="io")]
    except (OSError, ValueError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return [], [InputError(f"{source}#1", f"The file could not be read: {detail}.", code="io")]
    return read_bytes(data, source, policy)
