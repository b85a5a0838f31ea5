"""Text from a pasted mail is shown literally everywhere: a Subject of ``<img src=x onerror=alert(1)>
<b>bold</b>`` shows those characters (never an image or bold text), and huge or binary junk neither
breaks the layout nor crashes any page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QPlainTextEdit, QTextEdit, QWizard

from tests.ui.conftest import settle
from wizard.ui.wizard import PageId

HOSTILE = "<img src=x onerror=alert(1)><b>bold</b>"
RECEIVED = (
    "Received: from mx01.mail.example.ne.jp (mx01.mail.example.ne.jp [192.0.2.25])\n"
    "\tby mbox01.mail.example.ne.jp (Postfix) with LMTP id q1\n"
    "\tfor <tanaka@example.co.jp>; Sat, 7 Mar 2026 09:12:45 +0900 (JST)\n"
    "Received: from <b>helo</b> (unknown [203.0.113.5])\n"
    "\tby mx01.mail.example.ne.jp (Postfix) with ESMTP id q2\n"
    "\tfor <tanaka@example.co.jp>; Sat, 7 Mar 2026 09:12:44 +0900 (JST)\n"
)


def hostile_mail() -> str:
    return (RECEIVED + f'From: "{HOSTILE}" <x{HOSTILE}@evil.example>\nTo: tanaka@example.co.jp\n'
            f"Subject: {HOSTILE}\nMessage-ID: <1@evil.example>\nDate: Sat, 7 Mar 2026 00:12:41 +0000\n\nbody\n")


def junk_mail() -> str:
    junk = ("\x00\x07\x1b[31m\u202e" + "W" * 3000 + " ") * 30  # controls, RTL override, no-break runs
    return (RECEIVED + f"From: junk@evil.example\nTo: tanaka@example.co.jp\nSubject: {junk}\n"
            "Message-ID: <2@evil.example>\nDate: Sat, 7 Mar 2026 00:12:42 +0000\n\n")


def visible_texts(window: QWizard) -> list[tuple[object, str, bool]]:
    """(widget, text, may_render_markup) for every text-showing widget of the current page + side panel."""
    roots = [window.currentPage(), window.sideWidget()]
    out: list[tuple[object, str, bool]] = []
    for root in roots:
        for label in root.findChildren(QLabel):
            out.append((label, label.text(), label.textFormat() != Qt.TextFormat.PlainText))
        for edit in root.findChildren(QTextEdit):
            out.append((edit, edit.toPlainText(), True))
        for edit in root.findChildren(QPlainTextEdit):
            out.append((edit, edit.toPlainText(), False))
        for combo in root.findChildren(QComboBox):
            out += [(combo, combo.itemText(i), False) for i in range(combo.count())]
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            for row in range(min(model.rowCount(QModelIndex()), 200)):
                for column in range(columns):
                    value = model.index(row, column).data()
                    if isinstance(value, str):
                        out.append((view, value, False))
    return out


def check_page(window: QWizard) -> int:
    """Assert the hostile text is literal wherever it appears; returns how many widgets showed it."""
    shown = 0
    for widget, text, may_render in visible_texts(window):
        if "alert(1)" in text or "bold</b>" in text:
            shown += 1
            assert not may_render or "<" not in text, (
                f"{type(widget).__name__} {widget.objectName()!r} would render markup: {text[:120]!r}")
        if may_render and "bold" in text:
            # a rich-text widget showing the word must show the tags too (they were not interpreted)
            assert "<b>bold</b>" in text or "alert" not in text, f"{type(widget).__name__}: {text[:120]!r}"
    return shown


@pytest.fixture
def hostile_case(make_wizard, qtbot):
    app = make_wizard(demo=False)
    paste = app.window.currentPage()
    # through the paste box, the way an agent does it: the live feedback shows the subject
    paste.paste_box.setPlainText(hostile_mail())
    qtbot.waitUntil(paste.add_button.isEnabled, timeout=10000)
    assert HOSTILE in paste.feedback.text()
    assert paste.feedback.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(paste.add_button, Qt.MouseButton.LeftButton)
    paste.paste_box.setPlainText(junk_mail())
    qtbot.waitUntil(paste.add_button.isEnabled, timeout=20000)
    assert len(paste.feedback.text()) < 2000  # the junk subject is cut for display
    qtbot.mouseClick(paste.add_button, Qt.MouseButton.LeftButton)
    app.session.set_customer_machine(["198.51.100.77"], [])
    settle(qtbot, app)
    return app


def test_hostile_subject_is_literal_on_every_page(hostile_case, qtbot, lang):
    app = hostile_case
    window = app.window
    seen: dict[str, int] = {}
    flow = [PageId.PASTE, PageId.TRACE, PageId.RECIPIENTS, PageId.BLOCKLIST, PageId.QUARANTINE, PageId.SUMMARY]
    for page_id in flow:
        assert window.currentId() == page_id
        settle(qtbot, app)
        seen[page_id.key] = check_page(window)
        assert window.width() <= 1280 and window.height() <= 800, f"layout grew on {page_id.key}"
        assert window.minimumSizeHint().width() <= 1280, f"junk widened {page_id.key}"
        if page_id != PageId.SUMMARY:
            window.next()
            qtbot.waitUntil(lambda p=page_id: window.currentId() != p, timeout=10000)
    # the subject really is on screen where the agent reads it
    assert seen["paste"] >= 1  # the sample list
    assert seen["trace"] >= 1  # sample selector


def test_hostile_trace_widgets(hostile_case, qtbot, lang):
    app = hostile_case
    window = app.window
    window.next()
    qtbot.waitUntil(lambda: window.currentId() == PageId.TRACE)
    trace = window.currentPage()
    combo_texts = [trace.sample_box.itemText(i) for i in range(trace.sample_box.count())]
    assert any(HOSTILE in text for text in combo_texts)
    assert all(len(text) < 300 for text in combo_texts)
    # the forged HELO goes through the hop table and the raw-line viewer as plain text
    model = trace.hops.model
    froms = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "<b>helo</b>" in froms
    trace.hops.view.selectRow(froms.index("<b>helo</b>"))
    assert "<b>helo</b>" in trace.hops.raw.toPlainText()
    for label in (trace.banner, trace.explain, trace.status, trace.customer_status):
        assert label.textFormat() == Qt.TextFormat.PlainText
    # the junk sample: control characters are made visible and the line is cut
    junk_index = next(i for i, t in enumerate(combo_texts) if "WWW" in t)
    trace.sample_box.setCurrentIndex(junk_index)
    assert "\x00" not in trace.sample_box.itemText(junk_index)
    assert "\u202e" not in trace.sample_box.itemText(junk_index)
    assert window.minimumSizeHint().width() <= 1280


def test_hostile_summary_note_is_plain(hostile_case, qtbot, lang):
    app = hostile_case
    window = app.window
    app.session.set_decision("block_entries", [HOSTILE])
    app.session.set_decision("delete_address", f"x{HOSTILE}@example.co.jp")
    window.restart()
    assert window.go_to(PageId.SUMMARY)
    summary = window.currentPage()
    assert HOSTILE in summary.note.toPlainText()
    assert summary.decided.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in summary.decided.text() and HOSTILE in summary.next_checks.text()
    assert check_page(window) >= 3


def test_hostile_subject_on_the_customer_sent_branch(hostile_case, qtbot, lang):
    app = hostile_case
    window = app.window
    app.session.set_customer_machine(["203.0.113.5"], [])  # the hostile sample now "comes from the customer"
    settle(qtbot, app)
    window.restart()
    assert window.go_to(PageId.CUSTOMER_SENT)
    page = window.currentPage()
    assert HOSTILE in page.reason.text()
    assert page.reason.textFormat() == Qt.TextFormat.PlainText
    assert check_page(window) >= 1
    window.next()
    qtbot.waitUntil(lambda: window.currentId() == PageId.SUMMARY)
    assert check_page(window) >= 0
    assert window.minimumSizeHint().width() <= 1280
