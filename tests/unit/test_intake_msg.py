"""Outlook .msg intake. extract-msg cannot write .msg files and no small real sample is at hand, so
the tests build minimal ones with a tiny Compound File Binary writer (below): a message class, a
subject and the transport headers (PR_TRANSPORT_MESSAGE_HEADERS, 0x007D), which is what the intake
reads. Real Outlook files carry many more properties; extract-msg reads those the same way."""

from __future__ import annotations

import itertools
import struct
from pathlib import Path

from wizard.core.analyze import analyze_bytes, analyze_paths
from wizard.core.intake import read_bytes

DEMO = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo"

# ---- minimal CFB v3 writer (test helper) ----------------------------------------------------------

END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR, MINI, CUTOFF = 512, 64, 4096


def _sort_key(name):
    return (len(name), name.upper())


def build_cfb(entries):
    """entries: {path: bytes} where path is "a/b/stream" (storages implied). Returns the file bytes."""
    # --- tree of storages
    tree = {"": {"type": 5, "children": {}, "data": b""}}
    for path, data in entries.items():
        parts = path.split("/")
        node = tree[""]
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if part not in node["children"]:
                node["children"][part] = {"type": 2 if last else 1, "children": {}, "data": data if last else b""}
            node = node["children"][part]
    # --- flatten to directory entries (ids)
    nodes = []

    def add(name, node):
        idx = len(nodes)
        nodes.append({"name": name, **node, "left": NOSTREAM, "right": NOSTREAM, "child": NOSTREAM})
        kids = sorted(node["children"].items(), key=lambda kv: _sort_key(kv[0]))
        ids = [add(n, k) for n, k in kids]
        if ids:
            # a right-leaning chain of siblings (valid ordering, all black)
            nodes[idx]["child"] = ids[0]
            for a, b in itertools.pairwise(ids):
                nodes[a]["right"] = b
        return idx

    add("Root Entry", tree[""])
    # --- mini stream
    mini = bytearray()
    minifat = []
    for n in nodes:
        if n["type"] == 2 and len(n["data"]) < CUTOFF:
            n["start"] = len(mini) // MINI if n["data"] else END
            count = -(-len(n["data"]) // MINI)
            for k in range(count):
                minifat.append(n["start"] + k + 1 if k < count - 1 else END)
            mini += n["data"] + b"\0" * (count * MINI - len(n["data"]))
            n["mini"] = True
    # --- sector allocation
    sectors = []  # list of bytes
    fat = []

    def alloc(data, marker=None):
        count = max(1, -(-len(data) // SECTOR))
        start = len(sectors)
        for k in range(count):
            sectors.append(data[k * SECTOR:(k + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(marker if marker is not None else (start + k + 1 if k < count - 1 else END))
        return start

    sectors.append(b"")  # placeholder for the FAT sector 0
    fat.append(FATSECT)
    dir_count = -(-len(nodes) // 4)
    dir_start = len(sectors)
    for _ in range(dir_count):
        sectors.append(b"")
        fat.append(None)
    for k in range(dir_count):
        fat[dir_start + k] = dir_start + k + 1 if k < dir_count - 1 else END
    minifat_bytes = b"".join(struct.pack("<I", x) for x in minifat)
    minifat_start = alloc(minifat_bytes.ljust(-(-len(minifat_bytes) // SECTOR) * SECTOR, b"\xff")) if minifat else END
    minifat_count = -(-len(minifat_bytes) // SECTOR) if minifat else 0
    nodes[0]["start"] = alloc(bytes(mini)) if mini else END
    nodes[0]["data"] = bytes(mini)
    for n in nodes:
        if n["type"] == 2 and not n.get("mini"):
            n["start"] = alloc(n["data"])
    assert len(fat) <= 128, "too big for this tiny writer"
    fat_bytes = b"".join(struct.pack("<I", FREE if x is None else x) for x in fat).ljust(SECTOR, b"\xff")
    sectors[0] = fat_bytes
    # --- directory
    raw = bytearray()
    for n in nodes:
        name = n["name"].encode("utf-16-le") + b"\0\0"
        e = name.ljust(64, b"\0")
        e += struct.pack("<HBB", len(name), n["type"], 1)
        e += struct.pack("<III", n["left"], n["right"], n["child"])
        e += b"\0" * 16 + b"\0" * 4 + b"\0" * 16
        start = n.get("start", 0) if n["type"] != 1 else 0
        size = len(n["data"]) if n["type"] != 1 else 0
        e += struct.pack("<IQ", start, size)
        raw += e
    while len(raw) < dir_count * SECTOR:
        e = b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM)
        raw += e.ljust(128, b"\0")
    for k in range(dir_count):
        sectors[dir_start + k] = bytes(raw[k * SECTOR:(k + 1) * SECTOR])
    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, dir_start, 0, CUTOFF, minifat_start, minifat_count, END, 0)
    header += struct.pack("<I", 0) + b"\xff" * (109 * 4 - 4)
    assert len(header) == 512
    return bytes(header) + b"".join(sectors)


def build_msg(headers: str | None, subject: str = "test", message_class: str = "IPM.Note",
              extra: dict[int, str] | None = None) -> bytes:
    """A minimal .msg: message class, subject and (optionally) the transport headers."""
    def u(s):
        return s.encode("utf-16-le")
    props = [(0x001A, message_class), (0x0037, subject)]
    if headers is not None:
        props.append((0x007D, headers))
    props.extend((extra or {}).items())
    entries = {}
    table = bytearray(b"\0" * 8 + struct.pack("<IIII", 0, 0, 0, 0) + b"\0" * 8)
    for pid, value in props:
        data = u(value)
        entries[f"__substg1.0_{pid:04X}001F"] = data
        table += struct.pack("<IIII", (pid << 16) | 0x001F, 6, len(data) + 2, 0)
    entries["__properties_version1.0"] = bytes(table)
    entries["__nameid_version1.0/__substg1.0_00020102"] = b""
    entries["__nameid_version1.0/__substg1.0_00030102"] = b""
    entries["__nameid_version1.0/__substg1.0_00040102"] = b""
    return build_cfb(entries)


# ---- tests -------------------------------------------------------------------------------------------


def test_msg_with_transport_headers(tmp_path: Path) -> None:
    headers = (DEMO / "spam_01.eml").read_text().replace("\n", "\r\n")
    data = build_msg(headers, "Congratulations")
    assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    path = tmp_path / "spam.msg"
    path.write_bytes(data)
    batch = analyze_paths([path])
    assert batch.errors == ()
    (m,) = batch.messages
    assert m.source == f"{path}#1"
    assert m.handoff is not None and m.handoff.ip == "159.89.201.17"
    assert m.subject == "Congratulations! You have won USD 1,500,000"
    assert m.spam.score == 7.2
    assert "msg_without_transport_headers" not in {f.code for f in m.findings}


def test_msg_with_outlook_prefix_line() -> None:
    headers = "Microsoft Mail Internet Headers Version 2.0\r\n" + (DEMO / "spam_05.eml").read_text()
    batch = analyze_bytes(build_msg(headers), "x.msg")
    assert batch.errors == () and batch.messages[0].to == ("info@example.co.jp",)


def test_msg_without_transport_headers() -> None:
    # Sender (PR_SENDER_NAME / PR_SENDER_EMAIL_ADDRESS) and subject only, as in a Sent Items copy.
    data = build_msg(None, "a draft", extra={0x0C1A: "Sato", 0x0C1F: "sato@example.co.jp"})
    msgs, errors = read_bytes(data, "sent.msg")
    if msgs:
        assert "msg_without_transport_headers" in {f.code for f in msgs[0].findings}
        batch = analyze_bytes(data, "sent.msg")
        assert "no_received_headers" in {f.code for f in batch.messages[0].findings}
    else:
        assert errors[0].code == "msg_no_headers"
    msgs, errors = read_bytes(build_msg(None, "x"), "empty.msg")
    assert msgs == [] and errors[0].code == "msg_no_headers" and "Internet headers" in errors[0].message


def test_msg_of_another_item_class() -> None:
    headers = (DEMO / "spam_01.eml").read_text()
    msgs, _ = read_bytes(build_msg(headers, "x", message_class="IPM.Note.SMIME"), "x.msg")
    assert "msg_not_a_mail_item" not in {f.code for f in msgs[0].findings}
    msgs, _ = read_bytes(build_msg(headers, "x", message_class="IPM.Contact"), "x.msg")
    assert msgs == [] or "msg_not_a_mail_item" in {f.code for f in msgs[0].findings}


def test_truncated_msg_is_an_input_error() -> None:
    data = build_msg((DEMO / "spam_01.eml").read_text())
    msgs, errors = read_bytes(data[: len(data) // 2], "cut.msg")
    assert msgs == [] and errors and errors[0].source == "cut.msg#1"
    assert "Internet headers" in errors[0].message
