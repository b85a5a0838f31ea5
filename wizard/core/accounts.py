"""Import the account list a control panel exports (CSV): address, status, last login, type, forward-to.

Exports differ between panels and versions, so header names are matched loosely (English and Japanese,
case, spaces and punctuation ignored), the delimiter is sniffed, and the encoding is tried in the order
UTF-8 (with or without BOM), UTF-16 (with BOM, Excel's "Unicode text") and CP932 (Excel on Japanese
Windows). Rows that cannot be used are skipped and reported as findings with their line numbers.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from wizard.core.model import Finding, finding

JST = timezone(timedelta(hours=9))

MAX_BYTES = 20 * 1024 * 1024

# Normalised header name -> field. Keys are compared after _norm_header().
_HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "address": (
        "address", "emailaddress", "email", "mail", "mailaddress", "eメール", "eメールアドレス",
        "メールアドレス", "アドレス", "account", "accountname", "mailaccount", "アカウント",
        "メールアカウント", "アカウント名", "user", "username", "login", "loginid", "ユーザー",
        "ユーザー名", "ユーザ名", "ユーザ", "mailbox", "メールボックス",
    ),
    "status": ("status", "state", "状態", "ステータス", "accountstatus", "enabled", "有効", "利用状況",
               "利用状態"),
    "last_login": (
        "lastlogin", "lastlogon", "lastloginat", "lastlogindate", "lastlogintime", "lastaccess",
        "lastseen", "lastused", "最終ログイン", "最終ログイン日時", "最終ログイン日", "最終アクセス",
        "最終アクセス日時", "最終利用日", "最終利用日時", "最終ログオン",
    ),
    "kind": ("type", "kind", "accounttype", "種別", "種類", "タイプ", "アカウント種別", "区分"),
    "forward_to": (
        "forwardto", "forward", "forwarding", "forwardaddress", "forwardingaddress", "転送先",
        "転送先アドレス", "転送", "destination", "aliasof", "target", "宛先", "配送先",
    ),
}

_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "mailbox": ("mailbox", "mail", "user", "pop", "imap", "pop3", "account", "メールボックス", "メール",
                "通常", "ユーザー", "メールアカウント", "アカウント"),
    "alias": ("alias", "エイリアス", "別名", "別名アドレス"),
    "forward": ("forward", "forwarding", "redirect", "転送", "転送専用", "転送アドレス"),
    "list": ("list", "ml", "mailinglist", "group", "メーリングリスト", "グループ"),
}

_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "active": ("active", "enabled", "enable", "ok", "on", "valid", "有効", "利用中", "使用中", "正常",
               "稼働中", "true", "yes", "1"),
    "disabled": ("disabled", "disable", "inactive", "suspended", "locked", "off", "invalid", "停止", "無効",
                 "利用停止", "停止中", "ロック", "凍結", "false", "no", "0"),
    "departed": ("departed", "left", "retired", "resigned", "former", "退職", "退職済", "退職済み", "退社",
                 "退社済", "退社済み"),
}

_EMPTY_WORDS = {"", "-", "--", "—", "なし", "無し", "未", "未ログイン", "never", "none", "n/a", "null"}

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
    "%Y.%m.%d %H:%M:%S", "%Y.%m.%d", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日",
    "%Y年%m月%d日 %H時%M分", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%b %d %Y", "%d %b %Y",
)

_NUMERIC_DATE = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_ADDRESS_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class Account:
    """One account row of the export."""

    address: str
    """Lower-cased address as exported."""
    status: str | None = None
    """``active``, ``disabled``, ``departed``, or the raw text when it is none of those."""
    last_login: datetime | None = None
    kind: str = "mailbox"
    """``mailbox``, ``alias``, ``forward``, ``list`` or ``unknown``."""
    forward_to: tuple[str, ...] = ()
    line: int = 0
    """Line number of the row in the file (1-based)."""

    @property
    def departed(self) -> bool:
        """True when the export itself says the person left."""
        return self.status == "departed"


@dataclass(frozen=True, slots=True)
class AccountList:
    """Result of an import: the usable accounts and what went wrong."""

    source: str
    accounts: tuple[Account, ...] = ()
    findings: tuple[Finding, ...] = ()
    encoding: str | None = None
    columns: tuple[tuple[str, str], ...] = ()
    """(field, header as written) for each recognised column."""

    def by_address(self) -> dict[str, Account]:
        """Accounts keyed by lower-cased address."""
        return {a.address: a for a in self.accounts}


def _norm_header(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[\s_\-./()（）:：]+", "", text)


def _norm_word(text: str) -> str:
    return re.sub(r"[\s_\-()（）]+", "", unicodedata.normalize("NFKC", text).strip().lower())


_HEADER_INDEX = {
    syn: fld for fld, syns in _HEADER_SYNONYMS.items() for syn in (_norm_header(s) for s in syns)
}


def _field_for(header: str) -> str | None:
    key = _norm_header(header)
    if not key:
        return None
    if key in _HEADER_INDEX:
        return _HEADER_INDEX[key]
    # Loose: "メールアドレス(ID)", "Last login (JST)", "E-mail address 1" ...
    for syn, fld in sorted(_HEADER_INDEX.items(), key=lambda kv: -len(kv[0])):
        if len(syn) >= 4 and key.startswith(syn) and len(key) - len(syn) <= 6:
            return fld
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode an export: UTF-8 (BOM or not), UTF-16 with BOM, then CP932; latin-1 as the last resort."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp932"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def parse_datetime(text: str, tz: timezone = JST) -> datetime | None:
    """Parse a last-login cell; naive values are taken in ``tz`` (the panel's local time). None if empty
    or unreadable."""
    value = unicodedata.normalize("NFKC", text).strip()
    if value.lower() in _EMPTY_WORDS:
        return None
    if "年" in value:  # 2026年3月9日 10:15 -> 2026/3/9 10:15
        value = value.replace("年", "/").replace("月", "/").replace("日", "").replace("時", ":").replace("分", "")
        value = re.sub(r"\s+", " ", value).strip()
    match = _NUMERIC_DATE.match(value)
    if match:  # the common panel format, without trying every strptime pattern
        y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
        try:
            return datetime(y, mo, d, h, mi, s, tzinfo=tz)
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for fmt in _DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


_CLASSIFIERS: dict[int, dict[str, str]] = {}


def _classify(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    index = _CLASSIFIERS.get(id(table))
    if index is None:
        index = {_norm_word(w): name for name, words in reversed(table.items()) for w in words}
        _CLASSIFIERS[id(table)] = index
    return index.get(_norm_word(text))


def _split_addresses(text: str) -> tuple[str, ...]:
    parts = re.split(r"[\s,;、，；]+", unicodedata.normalize("NFKC", text))
    return tuple(p.strip().strip("<>").lower() for p in parts if "@" in p)


def parse_accounts(data: bytes | str, source: str = "accounts.csv", tz: timezone = JST) -> AccountList:
    """Parse an account-list export. Never raises for bad content: problems become findings.

    Findings: ``accounts_empty``, ``accounts_no_address_column``, ``accounts_encoding_guess``,
    ``accounts_bad_row`` (line, reason, text), ``accounts_duplicate`` (line, address, first_line).
    """
    findings: list[Finding] = []
    encoding: str | None = None
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            return AccountList(source, (), (finding("accounts_too_large", "critical", source=source,
                                                    size=len(data), limit=MAX_BYTES),))
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return AccountList(source, (), (finding("accounts_not_text", "critical", source=source),))
        text, encoding = decode_bytes(data)
        if encoding == "latin-1":
            findings.append(finding("accounts_encoding_guess", "warning", source=source, encoding=encoding))
    else:
        text = data.removeprefix("\ufeff")
    if not text.strip():
        return AccountList(source, (), (finding("accounts_empty", "warning", source=source),), encoding)

    lines = text.splitlines()
    sample = "\n".join(lines[:20])
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        findings.append(finding("accounts_bad_row", "warning", line=start, reason="csv", text=str(exc)[:200]))

    # Find the header row (title lines may come first); else a header-less file with an address column.
    header_at: int | None = None
    mapping: dict[int, str] = {}
    best_count = 0
    for index, (_line, row) in enumerate(rows[:10]):
        found = {i: f for i, cell in enumerate(row) if (f := _field_for(cell)) is not None}
        if "address" in found.values() and len(set(found.values())) > best_count:
            header_at = index
            best_count = len(set(found.values()))
            # The first column claiming a field wins.
            mapping = {}
            seen: set[str] = set()
            for i in sorted(found):
                if found[i] not in seen:
                    mapping[i] = found[i]
                    seen.add(found[i])
    columns: list[tuple[str, str]] = []
    if header_at is None:
        data_rows = rows
        for i in range(max((len(r) for _l, r in rows), default=0)):
            column = [r[i] for _l, r in rows[:50] if i < len(r) and r[i].strip()]
            if column and sum("@" in c for c in column) * 2 >= len(column):
                mapping = {i: "address"}
                break
        if not mapping:
            return AccountList(source, (), (*findings, finding("accounts_no_address_column", "critical",
                                                                  source=source)), encoding)
        findings.append(finding("accounts_no_header", "info", source=source))
    else:
        header_row = rows[header_at][1]
        columns = [(fld, header_row[i].strip()) for i, fld in sorted(mapping.items())]
        data_rows = rows[header_at + 1:]
        width = len(header_row)

    accounts: list[Account] = []
    first_line: dict[str, int] = {}
    for line, row in data_rows:
        if not any(cell.strip() for cell in row):
            continue
        if header_at is not None and len(row) != width:
            # Short rows are still read (missing cells count as empty); long ones usually hold an
            # unquoted comma, so the cells may be shifted.
            findings.append(finding("accounts_bad_row", "info" if len(row) < width else "warning",
                                    line=line, reason="short_row" if len(row) < width else "extra_columns",
                                    text=",".join(row)[:200]))
        cells = {fld: (row[i].strip() if i < len(row) else "") for i, fld in mapping.items()}
        raw_address = cells.get("address", "")
        address = unicodedata.normalize("NFKC", raw_address).strip().strip("<>").lower()
        if not address:
            findings.append(finding("accounts_bad_row", "warning", line=line, reason="no_address",
                                    text=",".join(row)[:200]))
            continue
        if not _ADDRESS_RE.match(address):
            findings.append(finding("accounts_bad_row", "warning", line=line, reason="bad_address",
                                    text=raw_address[:200]))
            continue
        if address in first_line:
            findings.append(finding("accounts_duplicate", "warning", line=line, address=address,
                                    first_line=first_line[address]))
            continue
        first_line[address] = line
        status: str | None = None
        if cells.get("status"):
            status = _classify(cells["status"], _STATUS_WORDS) or cells["status"][:40]
        last_login: datetime | None = None
        if cells.get("last_login"):
            last_login = parse_datetime(cells["last_login"], tz)
            if last_login is None and _norm_word(cells["last_login"]) not in _EMPTY_WORDS:
                findings.append(finding("accounts_bad_row", "info", line=line, reason="bad_date",
                                        text=cells["last_login"][:200]))
        forward_to = _split_addresses(cells.get("forward_to", ""))
        kind = "mailbox"
        if cells.get("kind"):
            classified = _classify(cells["kind"], _KIND_WORDS)
            if classified is None:
                findings.append(finding("accounts_bad_row", "info", line=line, reason="unknown_type",
                                        text=cells["kind"][:200]))
                kind = "forward" if forward_to else "unknown"
            else:
                kind = classified
        elif forward_to:
            kind = "forward"
        accounts.append(Account(address, status, last_login, kind, forward_to, line))
    if not accounts:
        findings.append(finding("accounts_empty", "warning", source=source))
    return AccountList(source, tuple(accounts), tuple(findings), encoding, tuple(columns))


def load_accounts(path: str | Path, tz: timezone = JST) -> AccountList:
    """Read and parse an export file. An unreadable file gives an empty list with an ``accounts_unreadable``
    finding (critical) instead of an exception."""
    p = Path(path)
    try:
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return AccountList(str(p), (), (finding("accounts_unreadable", "critical", source=str(p),
                                                error=exc.strerror or str(exc)),))
    return parse_accounts(data, str(p), tz)


def merge_accounts(lists: Iterable[AccountList]) -> dict[str, Account]:
    """All accounts of several imports keyed by address (later imports win)."""
    merged: dict[str, Account] = {}
    for item in lists:
        merged.update(item.by_address())
    return merged
