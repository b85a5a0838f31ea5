"""What leaves the case store: the ticket note, the HTML report (redacted or not) and case files.

All Qt-free. Texts for the note and the report live in ``resources/reports/{ja,en}.json``. The HTML
report escapes every value it shows (it is fed to Qt's rich-text engine for the PDF). A case file is one
JSON document with a format tag, a schema version and a SHA-256 checksum of the case; anything else is
refused with a :class:`CaseFileError` before the store is touched.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from wizard.core.cases.model import (
    VERIFY_FOLLOWUP_PREFIX,
    Case,
    CaseFormatError,
    canonical_json,
    case_from_json,
    clean_text,
    from_iso,
    snapshot_messages,
    to_iso,
    utcnow,
)
from wizard.core.cases.recap import RecapItem, recap
from wizard.core.cases.textscan import (
    EMAIL_RE,
    HOST_RE,
    IPV4_RE,
    IPV6_RE,
    LOCAL_PART_RE,
    find_emails,
    find_hosts,
    find_ips,
    is_ip,
    public_suffix,
)
from wizard.resources import resource_path

LANGUAGES = ("ja", "en")
CASE_FILE_FORMAT = "spam-wizard-case"
CASE_FILE_SCHEMA = 1
MAX_CASE_FILE_BYTES = 256 * 1024 * 1024


# -- texts ----------------------------------------------------------------------------------------
@lru_cache(maxsize=4)
def texts(lang: str) -> dict[str, Any]:
    """The report texts for ``lang`` (``ja`` or ``en``; anything else falls back to English)."""
    lang = lang if lang in LANGUAGES else "en"
    with open(resource_path("reports", f"{lang}.json"), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _local(value: datetime) -> datetime:
    return value.astimezone() if value.tzinfo else value.replace(tzinfo=UTC).astimezone()


def format_datetime(value: datetime, lang: str) -> str:
    """``value`` in local time, written the way ``lang`` writes it."""
    v = _local(value)
    fmt: str = texts(lang)["datetime_format"]
    return fmt.format(year=v.year, month=v.month, day=v.day, hour=v.hour, minute=v.minute)


def format_day(value: datetime | date, lang: str) -> str:
    """A day with its weekday (``Tuesday 3/10``, ``3月10日（火曜日）``), local time."""
    d = _local(value).date() if isinstance(value, datetime) else value
    t = texts(lang)
    weekday: str = t["weekdays"][d.weekday()]
    fmt: str = t["day_format"]
    return fmt.format(weekday=weekday, month=d.month, day=d.day, year=d.year)


def value_text(value: Any, lang: str) -> str:
    """A decision value in words (known action / sensitivity ids translated, lists joined)."""
    if value is None:
        return str(texts(lang)["none"])
    if isinstance(value, list):
        return ", ".join(value_text(v, lang) for v in value) if value else str(texts(lang)["none"])
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text(v, lang)}" for k, v in value.items())
    if isinstance(value, bool):
        return str(value).lower()
    words: dict[str, str] = texts(lang)["values"]
    return words.get(str(value), str(value))


def kind_text(kind: str, lang: str) -> str:
    """A decision kind in words."""
    kinds: dict[str, str] = texts(lang)["kinds"]
    return kinds.get(kind, kind)


def followup_what(what: str, lang: str) -> str:
    """A follow-up's text; the ones the wizard creates (``verify:<kind>``) in ``lang``."""
    if what.startswith(VERIFY_FOLLOWUP_PREFIX):
        kinds: dict[str, str] = texts(lang).get("followup_verify", {})
        return kinds.get(what[len(VERIFY_FOLLOWUP_PREFIX):], what)
    return what


def recap_text(item: RecapItem, lang: str) -> str:
    """One recap item as a sentence in ``lang``."""
    templates: dict[str, str] = texts(lang)["recap"]
    params = {k: (value_text(v, lang) if k == "value" else ("" if v is None else str(v)))
              for k, v in item.params.items()}
    if "what" in params:
        params["what"] = followup_what(params["what"], lang)
    if item.at is not None:
        params["when"] = format_datetime(item.at, lang)
        params["day"] = format_day(item.at, lang)
    template = templates.get(item.code)
    if template is None:
        if item.code.startswith("decided_"):
            params.setdefault("kind", kind_text(item.code[len("decided_"):], lang))
            params.setdefault("value", "")
            template = templates["decided_other"]
        else:
            return item.code
    try:
        return template.format(**params).strip()
    except (KeyError, IndexError, ValueError):
        return f"{item.code}: {item.params}"


# -- redaction ------------------------------------------------------------------------------------
_GENERIC_LABEL = re.compile(
    r"^(?:mx|mail|smtp|smtps|pop|pop3|imap|relay|out|outbound|in|inbound|mta|mx-in|mailgw|gw|web|www|pc|"
    r"ns|dns|webmail|mail-out|mail-in|submission|spam|filter)\d*$",
    re.IGNORECASE,
)


class Redactor:
    """Masks mail addresses, host names and IP addresses the way the seed post does
    (``****@***.co.jp``, ``mx.***.co.jp``, ``***.***.***.**``), keeping the public suffix visible.

    The same input always gets the same mask within one redactor; two different inputs that would get
    the same mask are told apart by a ``#2``, ``#3``... suffix. ``known`` names (the case's own host
    names, even single labels without a public suffix) are masked wherever they appear.
    """

    def __init__(self, known: Iterable[str] = ()) -> None:
        self._masks: dict[str, str] = {}
        self._taken: dict[str, str] = {}
        names = {k.strip().strip("[]<>").rstrip(".").lower() for k in known if k and k.strip()}
        names = {n for n in names if len(n) >= 2 and not is_ip(n) and "@" not in n}
        self._known = (
            re.compile(
                r"(?<![\w.-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                + r")(?![\w-])",
                re.IGNORECASE,
            )
            if names
            else None
        )

    def _unique(self, original: str, mask: str) -> str:
        key = original.lower()
        if key in self._masks:
            return self._masks[key]
        candidate, n = mask, 1
        while candidate in self._taken and self._taken[candidate] != key:
            n += 1
            candidate = f"{mask}#{n}"
        self._taken[candidate] = key
        self._masks[key] = candidate
        return candidate

    @staticmethod
    def _host_mask(host: str) -> str:
        name = host.rstrip(".")
        suffix = public_suffix(name)
        if suffix and name.lower() != suffix and name.lower().endswith("." + suffix):
            head = name[: -len(suffix) - 1].split(".")
            masked = [lab if _GENERIC_LABEL.match(lab) else "***" for lab in head[:-1]] + ["***"]
            return ".".join([*masked, name[-len(suffix):]])
        labels = name.split(".")
        first = labels[0] if _GENERIC_LABEL.match(labels[0]) else "***"
        return ".".join([first, *(["***"] if len(labels) > 1 else [])])

    def mask_host(self, host: str) -> str:
        """The mask of one host name."""
        return self._unique(host.rstrip("."), self._host_mask(host))

    def mask_email(self, address: str) -> str:
        """The mask of one mail address: ``****@`` plus the masked domain."""
        domain = address.rsplit("@", 1)[1]
        return self._unique(address, "****@" + self._host_mask(domain))

    def mask_ip(self, ip: str) -> str:
        """The mask of one IP address: every digit becomes ``*`` (``***.***.***.**``)."""
        prefix = ip[:5] if ip[:5].lower() == "ipv6:" else ""
        core = ip[len(prefix):]
        try:
            ipaddress.ip_address(core)
        except ValueError:
            return self._unique(ip, "***")
        return self._unique(ip, prefix + re.sub(r"[0-9A-Fa-f]", "*", core))

    def mask(self, text: str) -> str:
        """``text`` with every address, IP and host name masked."""
        if not text:
            return text
        spans: list[tuple[int, int, str]] = []
        for m in EMAIL_RE.finditer(text):
            spans.append((m.start(), m.end(), self.mask_email(m.group(0))))
        for m in LOCAL_PART_RE.finditer(text):
            spans.append((m.start(), m.end(), "****@"))
        for regex in (IPV6_RE, IPV4_RE):
            for m in regex.finditer(text):
                if is_ip(m.group(0)):
                    spans.append((m.start(), m.end(), self.mask_ip(m.group(0))))
        for m in HOST_RE.finditer(text):
            host = m.group(0).rstrip(".")
            if not is_ip(host) and public_suffix(host) not in (None, host.lower()):
                spans.append((m.start(), m.start() + len(host), self.mask_host(host)))
        if self._known is not None:
            for m in self._known.finditer(text):
                spans.append((m.start(), m.end(), self.mask_host(m.group(0))))
        if not spans:
            return text
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        out: list[str] = []
        pos = 0
        for start, end, repl in spans:
            if start < pos:
                continue  # overlaps an earlier, longer match (an address's domain, say)
            out.append(text[pos:start])
            out.append(repl)
            pos = end
        out.append(text[pos:])
        return "".join(out)


def case_identifiers(case: Case) -> dict[str, set[str]]:
    """Every address, IP and host name the case holds (samples, snapshot, decisions, state, record)."""
    texts_: list[str] = [case.record.domain, canonical_json(case.findings), canonical_json(dict(case.state))]
    texts_.extend(s.text for s in case.samples)
    texts_.extend(canonical_json(d.value) for d in case.decisions)
    texts_.extend(c.notes for c in case.calls)
    texts_.extend(f.what for f in case.followups)
    names: set[str] = set()
    for message in snapshot_messages(case):
        for hop in message.get("hops") or []:
            if isinstance(hop, dict):
                names.update(str(hop[k]) for k in ("from_helo", "from_rdns", "by") if hop.get(k))
    for key in ("customer_hosts",):
        value = case.state.get(key)
        if isinstance(value, list):
            names.update(str(v) for v in value)
    joined = "\n".join(texts_)
    if case.record.domain:
        names.add(case.record.domain)
    return {
        "emails": set(find_emails(joined)),
        "ips": set(find_ips(joined)),
        "hosts": set(find_hosts(joined)) | names,
    }


def redactor_for(case: Case) -> Redactor:
    """A redactor that knows the case's own host names (so even ``pc1`` or ``DESKTOP-1`` get masked)."""
    ids = case_identifiers(case)
    return Redactor(known=ids["hosts"])


# -- ticket note ----------------------------------------------------------------------------------
def _plain(value: Any, limit: int = 500) -> str:
    """One line of plain text: control characters dropped, length capped."""
    text = clean_text("" if value is None else str(value))
    text = "".join(ch if ch.isprintable() or ch == " " else " " for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ticket_note(case: Case, lang: str = "ja", *, redact: bool = False, now: datetime | None = None) -> str:
    """The case note for the ticket system, plain text in ``lang``."""
    t = texts(lang)
    red = redactor_for(case).mask if redact else (lambda s: s)
    rec = case.record
    lines = [
        t["note_title"].format(id=rec.id),
        f"{t['customer']}: {_plain(red(rec.customer) if not redact else '****')}",
        f"{t['domain']}: {red(_plain(rec.domain))}",
        f"{t['status']}: {rec.status}",
        "",
        f"[{t['calls']}]",
    ]
    for call in case.calls:
        end = format_datetime(call.end, lang) if call.end else t["call_open"]
        start = format_datetime(call.start, lang)
        lines.append(t["call_line"].format(start=start, end=end, agent=_plain(call.agent)))
        if call.notes:
            lines.append("  " + red(_plain(call.notes, 2000)))
    messages = snapshot_messages(case)
    if messages:
        lines += ["", f"[{t['verdict']}]"]
        for n, msg in enumerate(messages, 1):
            lines.append(f"{t['message'].format(n=n)}: {red(_verdict_line(msg, lang))}")
    lines += ["", f"[{t['decisions']}]"]
    current = {}
    for decision in case.decisions:
        if decision.kind != "verification":
            current[decision.kind] = decision
    if not current:
        lines.append(t["none"])
    for kind, decision in current.items():
        lines.append(
            f"- {kind_text(kind, lang)}: {red(_plain(value_text(decision.value, lang), 2000))}"
            f" ({format_datetime(decision.at, lang)}, {_plain(decision.agent)})"
        )
    verifications = [d for d in case.decisions if d.kind == "verification"]
    if verifications:
        lines += ["", f"[{t['verification']}]"]
        lines += [f"- {format_datetime(d.at, lang)}: {red(_plain(value_text(d.value, lang), 2000))}"
                  for d in verifications]
    checks = [i for i in recap(case, now=now) if i.code.startswith(("verify_", "followup_due"))]
    pending = [f for f in case.followups if not f.done]
    if checks or pending:
        lines += ["", f"[{t['to_check']}]"]
        lines += [f"- {red(_plain(recap_text(i, lang), 2000))}" for i in checks]
        listed = {i.params.get("what") for i in checks if i.code == "followup_due"}
        for f in pending:
            if f.what not in listed:
                line = t["followup_line"].format(due=f.due.isoformat(), what=followup_what(f.what, lang))
                lines.append(f"- {red(_plain(line, 2000))}")
    return "\n".join(lines) + "\n"


def _verdict_line(msg: Mapping[str, Any], lang: str) -> str:
    t = texts(lang)
    parts = []
    handoff = msg.get("handoff")
    if isinstance(handoff, dict) and handoff.get("ip"):
        name = handoff.get("rdns") or handoff.get("helo") or "?"
        parts.append(t["handoff"].format(ip=handoff["ip"], name=name))
    origin = msg.get("claimed_origin")
    if isinstance(origin, dict) and origin.get("ip"):
        parts.append(t["claimed_origin"].format(ip=origin["ip"]))
    cio = msg.get("customer_is_origin")
    parts.append(t["customer_origin_yes"] if cio is True else t["customer_origin_no"] if cio is False
                 else t["customer_origin_unknown"])
    return " ".join(_plain(p) for p in parts)


# -- HTML report ----------------------------------------------------------------------------------
_CSS = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 14pt; } h3 { font-size: 11pt; }
table { border-collapse: collapse; margin: 4pt 0; }
td.nw { white-space: nowrap; }
th, td { border: 1px solid #888; padding: 2pt 4pt; vertical-align: top; }
th { background: #e8e8e8; text-align: left; }
.notice { color: #a00; }
.critical { color: #a00; font-weight: bold; } .warning { color: #a60; }
"""


def _delay(value: Any) -> str:
    if not isinstance(value, int | float):
        return ""
    seconds = float(value)
    if abs(seconds) < 120:
        return f"{seconds:.0f} s"
    if abs(seconds) < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _hop_time(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    try:
        return from_iso(value).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return value


def html_report(case: Case, lang: str = "ja", *, redact: bool = False, now: datetime | None = None) -> str:
    """A printable HTML report: case, calls, hop tables with verdicts, findings, decisions,
    verification results and follow-ups. Every value is escaped; with ``redact`` every address, host
    name and IP is masked consistently (and the customer's name hidden)."""
    t = texts(lang)
    redactor = redactor_for(case) if redact else None

    def e(value: Any, limit: int = 500) -> str:
        text = _plain(value, limit)
        if redactor is not None:
            text = redactor.mask(text)
        return html.escape(text, quote=True)

    rec = case.record
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(t['report_title'].format(id=rec.id))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(t['report_title'].format(id=rec.id))}</h1>",
    ]
    if redact:
        out.append(f'<p class="notice">{e(t["redacted_notice"])}</p>')
    customer = "****" if redact else rec.customer
    out.append("<table>")
    for label, value in (
        (t["customer"], customer), (t["domain"], rec.domain), (t["status"], rec.status),
        (t["step"], rec.step), (t["created"], format_datetime(rec.created, lang)),
        (t["updated"], format_datetime(rec.updated, lang)),
    ):
        out.append(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>")
    out.append("</table>")

    out.append(f"<h2>{e(t['calls'])}</h2><table width=\"100%\">")
    out.append(f'<tr><th width="20%">{e(t["start"])}</th><th width="20%">{e(t["end"])}</th>'
               f'<th width="12%">{e(t["agent"])}</th><th width="48%">{e(t["notes"])}</th></tr>')
    for call in case.calls:
        end = format_datetime(call.end, lang) if call.end else t["call_open"]
        out.append(f"<tr><td>{e(format_datetime(call.start, lang))}</td><td>{e(end)}</td>"
                   f"<td>{e(call.agent)}</td><td>{e(call.notes, 4000)}</td></tr>")
    out.append("</table>")

    messages = snapshot_messages(case)
    if messages:
        out.append(f"<h2>{e(t['messages'])}</h2>")
    for n, msg in enumerate(messages, 1):
        out.append(f"<h3>{e(t['message'].format(n=n))}</h3><table>")
        for key in ("subject", "from", "date"):
            out.append(f"<tr><th>{e(t[key])}</th><td>{e(msg.get(key) or '')}</td></tr>")
        to = msg.get("to")
        to_text = ", ".join(map(str, to)) if isinstance(to, list) else ""
        out.append(f"<tr><th>{e(t['to'])}</th><td>{e(to_text)}</td></tr></table>")
        out.append(f"<p><b>{e(t['hops'])}</b></p><table width=\"100%\">")
        columns = ("hop_no", "hop_from", "hop_ip", "hop_by", "hop_with", "hop_time", "hop_delay")
        widths = ("4%", "27%", "17%", "25%", "9%", "12%", "6%")
        heads = "".join(f'<th width="{w}">{e(t[k])}</th>' for k, w in zip(columns, widths, strict=True))
        out.append(f"<tr>{heads}</tr>")
        hops = [h for h in (msg.get("hops") or []) if isinstance(h, dict)]
        for index in range(len(hops) - 1, -1, -1):  # bottom-up: the way the chain is read
            hop = hops[index]
            name = " / ".join(str(hop[k]) for k in ("from_helo", "from_rdns") if hop.get(k))
            out.append(
                f"<tr><td>{index}</td><td>{e(name)}</td><td class=\"nw\">{e(hop.get('from_ip') or '')}</td>"
                f"<td>{e(hop.get('by') or '')}</td><td>{e(hop.get('with') or '')}</td>"
                f"<td>{e(_hop_time(hop.get('timestamp')))}</td>"
                f"<td class=\"nw\">{e(_delay(hop.get('delay_s')))}</td></tr>"
            )
        out.append("</table>")
        out.append(f"<p><b>{e(t['verdict'])}:</b> {e(_verdict_line(msg, lang), 2000)}</p>")
        findings = [f for f in (msg.get("findings") or []) if isinstance(f, dict)]
        out.append(f"<p><b>{e(t['findings'])}</b></p>")
        if not findings:
            out.append(f"<p>{e(t['no_findings'])}</p>")
        else:
            out.append("<ul>")
            for fd in findings:
                severity = str(fd.get("severity", "info"))
                params = fd.get("params") if isinstance(fd.get("params"), dict) else {}
                detail = ", ".join(f"{k}={v}" for k, v in (params or {}).items())
                cls = severity if severity in ("critical", "warning") else "info"
                out.append(f'<li class="{cls}">[{e(severity)}] {e(fd.get("code", ""))}'
                           f"{': ' + e(detail, 1000) if detail else ''}</li>")
            out.append("</ul>")

    out.append(f"<h2>{e(t['decisions'])}</h2>")
    decisions = [d for d in case.decisions if d.kind != "verification"]
    if decisions:
        out.append(f"<table width=\"100%\"><tr><th>{e(t['decision_at'])}</th><th>{e(t['decision_kind'])}</th>"
                   f"<th>{e(t['decision_value'])}</th><th>{e(t['agent'])}</th></tr>")
        for d in decisions:
            out.append(f"<tr><td>{e(format_datetime(d.at, lang))}</td><td>{e(kind_text(d.kind, lang))}</td>"
                       f"<td>{e(value_text(d.value, lang), 4000)}</td><td>{e(d.agent)}</td></tr>")
        out.append("</table>")
    else:
        out.append(f"<p>{e(t['none'])}</p>")

    out.append(f"<h2>{e(t['verification'])}</h2>")
    verifications = [d for d in case.decisions if d.kind == "verification"]
    extra_results = case.state.get("verification")
    if verifications or (isinstance(extra_results, list) and extra_results):
        out.append("<ul>")
        for d in verifications:
            out.append(f"<li>{e(format_datetime(d.at, lang))}: {e(value_text(d.value, lang), 4000)}</li>")
        for item in extra_results if isinstance(extra_results, list) else []:
            out.append(f"<li>{e(value_text(item, lang), 4000)}</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{e(t['no_verification'])}</p>")

    out.append(f"<h2>{e(t['followups'])}</h2>")
    checks = [i for i in recap(case, now=now) if i.code.startswith("verify_")]
    if case.followups or checks:
        out.append("<ul>")
        for item in checks:
            out.append(f"<li>{e(recap_text(item, lang), 2000)}</li>")
        for fu in case.followups:
            done = " " + t["followup_done"] if fu.done else ""
            line = t["followup_line"].format(due=fu.due.isoformat(), what=followup_what(fu.what, lang))
            out.append(f"<li>{e(line, 2000)}{e(done)}</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{e(t['none'])}</p>")
    out.append("</body></html>")
    return "\n".join(out)


# -- case files -----------------------------------------------------------------------------------
class CaseFileError(ValueError):
    """A file that is not a sound case file of a format this program reads (nothing was imported)."""


def _checksum(case_json: Any) -> str:
    # surrogatepass: a sample may hold undecodable bytes as lone surrogates; they must not break export
    return "sha256:" + hashlib.sha256(canonical_json(case_json).encode("utf-8", "surrogatepass")).hexdigest()


def case_file_bytes(case: Case, *, now: datetime | None = None) -> bytes:
    """One JSON document holding the whole case, for handing it over to another desk."""
    body = case.to_json()
    doc = {
        "format": CASE_FILE_FORMAT,
        "schema": CASE_FILE_SCHEMA,
        "exported_at": to_iso(now or utcnow()),
        "checksum": _checksum(body),
        "case": body,
    }
    try:
        return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: \u escapes keep them exactly
        return (json.dumps(doc, ensure_ascii=True, indent=1, sort_keys=True) + "\n").encode("ascii")


def read_case_file(data: bytes) -> Case:
    """Parse and verify a case file; raises :class:`CaseFileError` with a readable message for a
    damaged, truncated, foreign or too new file."""
    if len(data) > MAX_CASE_FILE_BYTES:
        raise CaseFileError(f"the file is too large for a case file ({len(data)} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseFileError("not a case file: the file is not UTF-8 text") from None
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise CaseFileError(f"not a case file, or the file is damaged (invalid JSON: {exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != CASE_FILE_FORMAT:
        raise CaseFileError(f"not a spam-wizard case file (the format tag {CASE_FILE_FORMAT!r} is missing)")
    schema = doc.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise CaseFileError("the case file has no valid schema version")
    if schema > CASE_FILE_SCHEMA:
        raise CaseFileError(
            f"the case file was written by a newer spam-wizard (schema {schema}; this one reads up to"
            f" {CASE_FILE_SCHEMA}); update spam-wizard"
        )
    body = doc.get("case")
    checksum = doc.get("checksum")
    if not isinstance(checksum, str) or body is None:
        raise CaseFileError("the case file is incomplete (no case or no checksum)")
    if _checksum(body) != checksum:
        raise CaseFileError("the case file is damaged: its checksum does not match its contents")
    try:
        return case_from_json(body)
    except CaseFormatError as exc:
        raise CaseFileError(f"the case file is damaged: {exc}") from None
