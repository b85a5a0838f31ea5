"""The wizard shell: keyboard use (mnemonics, buddies, accessible names, Enter), the talk panel
following the page, the busy indicator, settings and the language switch, the .ts catalogue."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWizard

from tests.ui.conftest import settle
from wizard.resources import resource_path
from wizard.ui.wizard import PageId

OWN_PAGES = (PageId.PASTE, PageId.TRACE, PageId.CUSTOMER_SENT, PageId.SUMMARY)


def _walk_own_pages(app, qtbot):
    window = app.window
    for page_id in OWN_PAGES:
        window.restart()
        if page_id == PageId.CUSTOMER_SENT:
            app.session.set_customer_machine(["159.89.201.17"], [])  # spam_01 now "from the customer's PC"
            settle(qtbot, app)
        assert window.go_to(page_id), page_id
        settle(qtbot, app)
        yield page_id, window.currentPage()


def test_labels_have_buddies_and_controls_have_names(make_wizard, qtbot, lang):
    app = make_wizard()
    settle(qtbot, app)
    for page_id, page in _walk_own_pages(app, qtbot):
        for label in page.findChildren(QLabel):
            if "&" in label.text() and label.textFormat() != Qt.TextFormat.PlainText:
                assert label.buddy() is not None, f"{page_id.key}: {label.text()!r} has a mnemonic but no buddy"
        for edit in [*page.findChildren(QLineEdit), *page.findChildren(QPlainTextEdit)]:
            if edit.isVisibleTo(page) and not edit.isReadOnly():
                assert edit.accessibleName(), f"{page_id.key}: {edit.objectName()} has no accessible name"
        mnemonics = [b.text() for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
        assert all("&" in text for text in mnemonics if text), f"{page_id.key}: buttons without mnemonic"


def test_keyboard_walk_with_alt_n(make_wizard, qtbot, lang):
    app = make_wizard()
    window = app.window
    settle(qtbot, app)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: window.button(QWizard.WizardButton.NextButton).isEnabled())
    assert window.button(QWizard.WizardButton.NextButton).text().replace("&", "") in (
        "Next >", "次へ(N) >")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.currentId() == PageId.TRACE)
    settle(qtbot, app)
    trace = window.currentPage()
    # Alt+P (the buddy's mnemonic) puts the focus into the customer field
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(trace.customer_edit.hasFocus)
    # Enter on an unchanged field is safe: it goes on to the next step like the Next button
    qtbot.keyClick(trace.customer_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.currentId() == PageId.RECIPIENTS)


def test_talk_panel_follows_the_page_and_copies(make_wizard, qtbot, lang):
    app = make_wizard()
    window = app.window
    settle(qtbot, app)
    expected = {"paste": ("ヘッダー情報", "header"), "trace": ("配送経路", "route"),
                "recipients": ("削除", "delete"), "blocklist": ("ブロックリスト", "block list"),
                "quarantine": ("スパムフォルダー", "spam folder"), "summary": ("様子", "keep an eye")}
    for key, (ja, en) in expected.items():
        window.restart()
        assert window.go_to(PageId[key.upper()])
        assert window.talk.page == key
        text = window.talk.plain_text()
        assert (ja if lang == "ja" else en) in text, key
        assert app.session.step == key
    qtbot.mouseClick(window.talk.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == window.talk.plain_text()


def test_next_step_is_prepared_while_hidden(make_wizard, qtbot, lang):
    """While the agent is on step 1, step 2 is filled and drawn off screen in small steps,
    and the next talk script is built, so the switch itself only repaints."""
    from wizard.app import demo_dir
    from wizard.ui.state import Sample

    app = make_wizard(demo=False)
    window = app.window
    trace = window.pages[PageId.TRACE]
    settle(qtbot, app)
    app.session.set_samples([Sample("spam_01.eml", (demo_dir() / "spam_01.eml").read_text("utf-8"))])
    settle(qtbot, app)
    qtbot.waitUntil(lambda: not trace.preparing and not app.runner.busy)
    assert window.currentId() == PageId.PASTE and not trace.isVisible()
    assert trace.hops.model.rowCount() > 0 and trace.sample_box.count() == 1
    assert trace.banner.text()
    prepared = window.talk._documents.get("trace")
    assert prepared is not None
    window.next()
    assert window.currentId() == PageId.TRACE
    assert window.talk.page == "trace"
    assert ("配送経路" if lang == "ja" else "route") in window.talk.plain_text()
    qtbot.waitUntil(lambda: window.talk.text.document() is prepared)  # swapped in the next turn
    assert trace.hops.model.rowCount() > 0 and trace.sample_box.count() == 1


def test_busy_indicator_follows_the_runner(make_wizard, qtbot, lang):
    app = make_wizard(demo=False)
    window = app.window
    qtbot.waitUntil(lambda: not app.runner.busy)  # pages may start work when they are built
    assert not window.busy_bar.isVisible()
    with qtbot.waitSignal(app.runner.busyChanged) as blocker:
        app.runner.submit(lambda: sum(range(1000)), lambda _r: None)
    assert blocker.args == [True]
    assert window.busy_bar.isVisible()
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible())


def test_late_analysis_is_dropped_when_samples_change(make_wizard, qtbot, lang):
    from wizard.app import demo_dir
    from wizard.ui.state import Sample

    app = make_wizard(demo=False)
    session = app.session
    first = Sample("a.eml", (demo_dir() / "spam_01.eml").read_text("utf-8"))
    second = Sample("b.eml", (demo_dir() / "spam_05.eml").read_text("utf-8"))
    session.set_samples([first])
    session.set_samples([second])  # supersedes the first run before it reports
    settle(qtbot, app)
    assert [a.source for a in session.analyses] == ["b.eml#1"]


def test_settings_dialog_saves_and_language_switch_rebuilds(make_wizard, qtbot, lang, isolated_settings):
    from wizard.ui.i18n import SETTINGS_LANGUAGE
    from wizard.ui.settings_dialog import SETTINGS_OFFLINE, SETTINGS_TRUSTED, SettingsDialog

    app = make_wizard()
    settle(qtbot, app)
    store = QSettings()
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.trusted_edit.setText("192.0.2.0/24 ,, bad/host!")
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted and "bad/host!" in dialog.error_label.text()
    other = "en" if lang == "ja" else "ja"
    dialog.language_box.setCurrentIndex(dialog.language_box.findData(other))
    dialog.trusted_edit.setText("192.0.2.0/24 .mail.example.ne.jp")
    dialog.offline_box.setChecked(True)
    dialog.accept()
    assert store.value(SETTINGS_LANGUAGE) == other
    assert store.value(SETTINGS_TRUSTED) == "192.0.2.0/24 .mail.example.ne.jp"
    assert store.value(SETTINGS_OFFLINE) in (True, "true")
    assert dialog.language() == other

    window = app.window
    assert window.go_to(PageId.TRACE)
    app.on_rebuilt = qtbot.addWidget
    app.switch_language(other)
    new = app.window
    assert new is not window
    qtbot.waitUntil(lambda: new.currentId() == PageId.TRACE)
    assert new.windowTitle() == ("迷惑メール対応ウィザード" if other == "ja" else "Spam Support Wizard")
    assert len(app.session.samples) == 8  # the case survived the rebuild
    settle(qtbot, app)
    app.switch_language(lang)


def test_geometry_is_saved(make_wizard, qtbot, lang, isolated_settings):
    app = make_wizard(demo=False)
    window = app.window
    window.resize(1100, 700)
    window.save_geometry()
    assert QSettings().value("window/geometry") is not None


def test_japanese_catalogue_is_complete():
    path = resource_path("i18n", "wizard_ja.ts")
    root = ET.parse(path).getroot()
    count = 0
    for message in root.iter("message"):
        count += 1
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") not in ("unfinished", "obsolete"), source
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for text in forms:
            assert text.strip(), f"empty translation for {source!r}"
            for placeholder in re.findall(r"%\d|%n|\{\w+\}", source):
                assert placeholder in text, f"{placeholder} lost in {source!r}"
            if re.search(r"&[^&\s]", source):
                assert re.search(r"&[^&\s]", text), f"mnemonic lost in {source!r}"
    assert count > 150


def test_every_page_has_scripts_and_the_guides_cover_all_clients():
    from wizard.ui.pages.paste_page import load_guides
    from wizard.ui.widgets.talk_panel import load_script

    for lang in ("ja", "en"):
        for page_id in PageId:
            assert load_script(lang, page_id.key), (lang, page_id.key)
        ids = [c["id"] for c in load_guides(lang)]
        assert ids == ["outlook_classic", "outlook_new", "thunderbird", "gmail_web", "apple_mail", "mobile",
                       "becky"]
        assert all(len(c["steps"]) >= 4 for c in load_guides(lang))
