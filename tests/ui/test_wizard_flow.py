"""The whole demo flow through the real pages, in Japanese and English: paste -> trace -> recipients ->
block list -> quarantine -> summary, and the customer-sent branch. Each page's content is checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from tests.ui.conftest import settle
from wizard.app import demo_dir
from wizard.ui.wizard import PageId

NEXT = QWizard.WizardButton.NextButton


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def click_next(qtbot, app) -> None:
    window = app.window
    before = window.currentId()
    qtbot.waitUntil(lambda: window.button(NEXT).isEnabled(), timeout=20000)
    qtbot.mouseClick(window.button(NEXT), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.currentId() != before, timeout=5000)
    settle(qtbot, app)


def test_demo_flow_paste_to_summary(make_wizard, qtbot, lang):
    app = make_wizard()
    window = app.window
    settle(qtbot, app)

    # step 1: the demo samples, subjects decoded, guide and talk script in the UI language
    assert window.currentId() == PageId.PASTE
    paste = window.currentPage()
    rows = [paste.sample_list.item(i).text() for i in range(paste.sample_list.count())]
    assert len(rows) == 8
    assert any("【当選通知】賞金のお受け取り手続きのご案内" in row for row in rows)  # ISO-2022-JP decoded
    assert sum(row.startswith(f"[{tr('PastePage', 'good')}]") for row in rows) == 2
    assert window.field("paste.sampleCount") == 6  # known-good mail is not counted
    assert paste.client_box.count() == 7
    assert paste.select_client("outlook_classic")
    guide = paste.guide_text()
    assert ("プロパティ" if lang == "ja" else "Properties") in guide
    assert paste.select_client("becky") and "Becky!" in paste.guide_text()
    assert window.talk.page == "paste"
    assert ("ヘッダー情報" if lang == "ja" else "header") in window.talk.plain_text()
    assert window.windowTitle() == ("迷惑メール対応ウィザード" if lang == "ja" else "Spam Support Wizard")

    # step 2: verdict in plain words, the hop table bottom-up, findings, explanation
    click_next(qtbot, app)
    assert window.currentId() == PageId.TRACE
    trace = window.currentPage()
    assert trace.banner.property("tone") == "good", trace.banner.text()
    banner = trace.banner.text()
    assert "159.89.201.17" in banner
    expected = "お客様のパソコンから送信されたものではありません" if lang == "ja" else "not from the customer's PC"
    assert expected in banner
    model = trace.hops.model
    assert model.rowCount() == 2
    step1 = [model.index(0, c).data() for c in range(model.columnCount())]
    assert step1[2] == "159.89.201.17" and step1[-1] == tr("HopTableModel", "Handed to us here")
    assert model.index(1, model.columnCount() - 1).data() == tr("HopTableModel", "Our server")
    assert "mx01.mail.example.ne.jp" in trace.explain.text()
    assert trace.findings.model.rowCount() >= 3
    severities = [trace.findings.model.index(r, 0).data(trace.findings.model.SeverityRole)
                  for r in range(trace.findings.model.rowCount())]
    ranks = [{"critical": 2, "warning": 1, "info": 0}[s] for s in severities]
    assert ranks == sorted(ranks, reverse=True)
    assert window.talk.page == "trace"
    # another sample: the sender wrote an extra bottom line (claimed origin differs from the handoff)
    index = next(i for i in range(trace.sample_box.count()) if "spam_03.eml" in trace.sample_box.itemText(i))
    trace.sample_box.setCurrentIndex(index)
    assert "88.198.47.12" in trace.banner.text()
    assert model.rowCount() == 3
    assert trace.customer_edit.text() == "198.51.100.77 pc1.example.co.jp"
    assert window.nextId() == PageId.RECIPIENTS

    # step 3-5: the other engineers' pages, fed by the session; the agent's decisions go to the session
    click_next(qtbot, app)
    assert window.currentId() == PageId.RECIPIENTS and window.talk.page == "recipients"
    assert window.currentPage().title()
    app.session.set_decision("departed", {"tanaka@example.co.jp"})
    app.session.set_decision("delete_address", "tanaka@example.co.jp")
    click_next(qtbot, app)
    assert window.currentId() == PageId.BLOCKLIST and window.talk.page == "blocklist"
    app.session.set_decision("block_entries", ["*@lottery-example.biz"])
    click_next(qtbot, app)
    assert window.currentId() == PageId.QUARANTINE and window.talk.page == "quarantine"
    app.session.set_decision("action", "folder")
    click_next(qtbot, app)

    # step 6: the case note and the follow-up
    assert window.currentId() == PageId.SUMMARY and window.talk.page == "summary"
    summary = window.currentPage()
    note = summary.note.toPlainText()
    for needle in ("lottery-example.biz (6)", "tanaka@example.co.jp (4)", "info@example.co.jp (2)",
                   "159.89.201.17", "*@lottery-example.biz", "198.51.100.77"):
        assert needle in note
    assert tr("SummaryPage", "move to the server's spam folder") in note
    assert ("ウェブメール" if lang == "ja" else "webmail") in summary.next_checks.text()
    assert ("明日" if lang == "ja" else "tomorrow's delivery log") in summary.next_checks.text()
    assert "tanaka@example.co.jp" in summary.decided.text()
    assert window.field("summary.note") == note
    qtbot.mouseClick(summary.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == note
    assert app.session.step == "summary"


def test_customer_sent_branch(make_wizard, qtbot, lang):
    app = make_wizard(case="customer_sent")
    window = app.window
    settle(qtbot, app)
    click_next(qtbot, app)
    trace = window.currentPage()
    assert window.currentId() == PageId.TRACE
    assert trace.banner.property("tone") == "bad"
    assert "198.51.100.77" in trace.banner.text()
    assert window.nextId() == PageId.CUSTOMER_SENT

    click_next(qtbot, app)
    assert window.currentId() == PageId.CUSTOMER_SENT and window.talk.page == "customer_sent"
    page = window.currentPage()
    reason = page.reason.text()
    assert "customer_sent.eml" in reason and "ご請求書の送付について" in reason
    assert tr("CustomerSentPage", "%n sample(s) came from the customer's own PC or network.", 1) in reason
    assert len(page.checks) == 6
    page.checks["password"].setFocus()
    qtbot.keyClick(page.checks["password"], Qt.Key.Key_Space)
    malware = page.checks["malware"]
    qtbot.mouseClick(malware, Qt.MouseButton.LeftButton, pos=QPoint(6, malware.height() // 2))
    assert page.checks["password"].isChecked() and page.checks["malware"].isChecked()
    assert app.session.extra["customer_sent"]["checks"]["password"] is True
    assert window.nextId() == PageId.SUMMARY

    click_next(qtbot, app)
    summary = window.currentPage()
    assert window.currentId() == PageId.SUMMARY
    decided = summary.decided.text()
    assert "2" in decided and "6" in decided
    open_item = tr("CustomerSentPage", "New password entered in every mail app and &smartphone").replace("&", "")
    assert open_item in summary.next_checks.text()
    note = summary.note.toPlainText()
    assert tr("SummaryPage", "Trace: %1 of %2 spam samples were sent from the customer's PC or account.") \
        .replace("%1", "1").replace("%2", "1") in note
    window.back()
    assert window.currentId() == PageId.CUSTOMER_SENT


def test_typing_the_customer_ip_switches_the_branch(make_wizard, qtbot, lang):
    app = make_wizard()
    window = app.window
    settle(qtbot, app)
    click_next(qtbot, app)
    trace = window.currentPage()
    assert window.nextId() == PageId.RECIPIENTS
    trace.customer_edit.setFocus()
    trace.customer_edit.selectAll()
    qtbot.keyClicks(trace.customer_edit, "159.89.201.17")
    qtbot.keyClick(trace.customer_edit, Qt.Key.Key_Return)
    # Enter applied the address; the page stays until the re-analysis is in
    assert window.currentId() == PageId.TRACE
    settle(qtbot, app)
    assert window.currentId() == PageId.TRACE
    assert app.session.customer_ips == ["159.89.201.17"]
    qtbot.waitUntil(lambda: trace.banner.property("tone") == "bad")
    assert window.nextId() == PageId.CUSTOMER_SENT
    trace.customer_edit.setText("pc#1!")
    qtbot.mouseClick(trace.customer_button, Qt.MouseButton.LeftButton)
    assert "pc#1!" in trace.customer_status.text()
    assert app.session.customer_ips == ["159.89.201.17"]


def test_paste_add_remove_mark_good(make_wizard, qtbot, lang):
    app = make_wizard(demo=False)
    window = app.window
    paste = window.currentPage()
    assert not window.button(NEXT).isEnabled()
    assert paste.feedback.text() == tr("PastePage", "Paste the header text the customer sent, or drop .eml / "
                                       ".msg / .mbox files on this page.")

    paste.paste_box.setPlainText((demo_dir() / "spam_01.eml").read_text(encoding="utf-8"))
    qtbot.waitUntil(paste.add_button.isEnabled, timeout=10000)
    assert paste.feedback.property("state") == "ok"
    assert "Congratulations! You have won USD 1,500,000" in paste.feedback.text()
    assert window.button(NEXT).isEnabled()  # Next would add the pasted text itself
    qtbot.mouseClick(paste.add_button, Qt.MouseButton.LeftButton)
    assert paste.sample_list.count() == 1 and paste.paste_box.toPlainText() == ""

    paste.paste_box.setPlainText("Hello, I keep getting spam. Please help me!\nRegards, Sato")
    qtbot.waitUntil(lambda: paste.feedback.property("state") == "error", timeout=10000)
    assert "Received:" in paste.feedback.text()
    assert not paste.add_button.isEnabled()
    paste.paste_box.clear()

    paste.paste_box.setPlainText((demo_dir() / "good_01.eml").read_text(encoding="utf-8"))
    qtbot.waitUntil(paste.add_button.isEnabled, timeout=10000)
    qtbot.mouseClick(paste.add_button, Qt.MouseButton.LeftButton)
    assert paste.sample_list.count() == 2
    paste.sample_list.setCurrentRow(1)
    qtbot.mouseClick(paste.good_button, Qt.MouseButton.LeftButton)
    assert [s.kind for s in app.session.samples] == ["spam", "good"]
    assert paste.sample_list.item(1).text().startswith(f"[{tr('PastePage', 'good')}]")
    assert paste.good_button.text() == tr("PastePage", "Mark as &spam")
    paste.sample_list.setCurrentRow(0)
    qtbot.mouseClick(paste.remove_button, Qt.MouseButton.LeftButton)
    assert [s.source for s in app.session.samples] == ["paste-2"]
    assert not paste.isComplete()  # only known-good mail left: nothing to trace
    assert not window.button(NEXT).isEnabled()


def test_dropped_files_become_samples(make_wizard, qtbot, lang, tmp_path: Path):
    from PySide6.QtCore import QMimeData, QUrl

    app = make_wizard(demo=False)
    paste = app.window.currentPage()
    mbox = tmp_path / "export.mbox"
    parts = []
    for name in ("spam_05.eml", "spam_06.eml"):
        parts.append("From MAILER-DAEMON Mon Mar  9 09:05:00 2026\n" + (demo_dir() / name).read_text("utf-8"))
    mbox.write_text("\n".join(parts), encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_dir() / "spam_01.eml")), QUrl.fromLocalFile(str(mbox))])
    paste.paste_box.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: len(app.session.samples) == 3, timeout=10000)
    names = [s.source for s in app.session.samples]
    assert names == ["spam_01.eml", "export.mbox [1]", "export.mbox [2]"]
    assert paste.paste_box.toPlainText() == ""  # the drop did not paste file names as text
    settle(qtbot, app)
    assert len(app.session.analyses) == 3


def test_junk_paste_gets_a_clear_message(make_wizard, qtbot, lang):
    app = make_wizard(demo=False)
    paste = app.window.currentPage()
    junk = ("\x00\x01binary\ufffd junk " * 40000) + "\n" + ("x" * 200000)
    paste.paste_box.setPlainText(junk)
    assert paste.feedback.property("state") == "busy"
    qtbot.waitUntil(lambda: paste.feedback.property("state") == "error", timeout=20000)
    assert paste.feedback.text()
    assert not paste.add_button.isEnabled()


def test_demo_log_shows_the_block_list_only_added_score(make_wizard, qtbot, lang):
    """The post's turn: the server log, matched on the trace page and checked on the summary page."""
    from wizard.app import load_demo_log

    app = make_wizard(decided=True)
    window = app.window
    assert load_demo_log(window)
    trace = window.pages[PageId.TRACE]
    qtbot.waitUntil(lambda: isinstance(app.session.extra.get("maillog"), list), timeout=30000)
    settle(qtbot, app)
    assert window.go_to(PageId.SUMMARY)
    summary = window.currentPage()
    settle(qtbot, app)
    qtbot.waitUntil(lambda: "USER_IN_BLOCKLIST" in summary.note.toPlainText(), timeout=20000)
    note = summary.note.toPlainText()
    assert tr("SummaryPage", "Server log check:") in note
    assert "INBOX" in note and "lottery-example.biz" in note
    # the trace page's log table matched the first sample by our server's queue id
    log_rows = [trace.log.table.item(r, 2).text() for r in range(trace.log.table.rowCount())
                if trace.log.table.item(r, 2) is not None]
    assert "159.89.201.17" in log_rows


def test_own_mnemonics_do_not_clash(make_wizard, qtbot, lang):
    """Alt+letter must reach one control: the wizard's buttons, the talk panel and each of the shell's pages
    (widgets embedded from other areas are left to their own tests)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    from wizard.ui.widgets.dns_panel import DnsPanel
    from wizard.ui.widgets.log_panel import LogPanel
    from wizard.ui.widgets.verification_panel import VerificationPanel

    foreign = (DnsPanel, LogPanel, VerificationPanel)
    app = make_wizard()
    window = app.window
    settle(qtbot, app)

    def own(widget) -> bool:
        parent = widget
        while parent is not None:
            if isinstance(parent, foreign):
                return False
            parent = parent.parentWidget()
        return True

    def letter(text: str) -> str | None:
        found = re.search(r"&([^&\s])", text)
        return found.group(1).lower() if found else None

    for page_id in (PageId.PASTE, PageId.TRACE, PageId.SUMMARY):
        window.restart()
        assert window.go_to(page_id)
        settle(qtbot, app)
        texts: list[str] = []
        roots = [window.currentPage(), window.sideWidget()]
        for root in roots:
            texts += [b.text() for b in root.findChildren(QAbstractButton) if b.isVisibleTo(window) and own(b)]
            texts += [lb.text() for lb in root.findChildren(QLabel) if lb.buddy() is not None and own(lb)
                      and lb.isVisibleTo(window)]
            for tabs in root.findChildren(QTabWidget):
                if own(tabs):
                    texts += [tabs.tabText(i) for i in range(tabs.count())]
        texts += [window.button(b).text() for b in (QWizard.WizardButton.NextButton,
                                                    QWizard.WizardButton.BackButton,
                                                    QWizard.WizardButton.CustomButton1)
                  if window.button(b).isVisible()]
        letters = [x for x in (letter(t) for t in texts) if x]
        clashes = {x for x in letters if letters.count(x) > 1}
        assert not clashes, (page_id.key, sorted(clashes), texts)
