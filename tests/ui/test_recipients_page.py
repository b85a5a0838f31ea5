"""Page 3 ("find the address to delete") with the demo samples, in Japanese and English: the targeted
addresses, marking someone as departed, the account-list import, the address checker and the certificate
checker against real TLS servers, including one that never answers (the window stays usable)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from tests.servers.tls_server import Pki, SilentServer, TlsTestServer
from wizard.core.analyze import analyze_text
from wizard.core.policy import AnalysisPolicy
from wizard.ui.pages.recipients_page import RecipientsPage
from wizard.ui.state import CaseSession
from wizard.ui.tasks import TaskRunner
from wizard.ui.widgets.recipients_table import RecipientsModel

ACCOUNTS = Path(__file__).resolve().parents[1] / "data" / "recipients" / "accounts_cp932.csv"
TANAKA = "tanaka@example.co.jp"
INFO = "info@example.co.jp"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture
def page(ui_language: str, qtbot: object) -> Iterator[RecipientsPage]:
    from wizard.app import load_demo

    session = CaseSession()
    runner = TaskRunner()
    assert load_demo(session, "spam") == []
    policy = AnalysisPolicy.from_strings(trusted=session.extra["trusted"])
    analyses = [m for s in session.samples for m in analyze_text(s.text, s.source, policy).messages]
    session.set_analyses(analyses, [])
    widget = RecipientsPage(session, runner)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(1280, 800)
    widget.show()
    yield widget
    widget.cert_check.cancel()
    runner.cancel_owner(widget)
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)  # type: ignore[attr-defined]
    runner.wait_idle(20000)


def rows(page: RecipientsPage) -> list[tuple[str, int, bool]]:
    return [(r.address, r.count, r.departed) for r in page.table.table_model.rows()]


def test_title_and_targeted_addresses(page: RecipientsPage, ui_language: str) -> None:
    assert page.title() == tr("RecipientsPage", "Step 3: Find the address to delete")
    if ui_language == "ja":
        assert page.title() == "手順 3:削除するアドレスを見つける"
    assert rows(page) == [(TANAKA, 4, False), (INFO, 2, False)]
    model = page.table.table_model
    assert model.data(model.index(0, RecipientsModel.COL_ADDRESS)) == TANAKA
    assert model.data(model.index(0, RecipientsModel.COL_COUNT)) == "4"
    assert model.data(model.index(0, RecipientsModel.COL_FIRST)).startswith("2026-03-0")
    assert "2" in page.summary.text() and "6" in page.summary.text()
    # Nobody marked yet: the page asks, nothing is chosen for deletion.
    assert TANAKA in page.recommendation.text() and INFO in page.recommendation.text()
    assert page.session.delete_address is None
    assert page.delete_combo.currentData() is None
    for label in page.findChildren(QLabel):
        if label.text() and label.objectName().startswith("recipients"):
            assert label.textFormat() == Qt.TextFormat.PlainText


def test_mark_departed_records_decisions(page: RecipientsPage, ui_language: str) -> None:
    model = page.table.table_model
    assert model.setData(model.index(0, RecipientsModel.COL_DEPARTED), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert page.session.departed == {TANAKA}
    assert page.session.delete_address == TANAKA
    assert page.delete_combo.currentData() == TANAKA
    assert rows(page)[0] == (TANAKA, 4, True)
    assert model.data(model.index(0, RecipientsModel.COL_DEPARTED), Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    assert TANAKA in page.recommendation.text()
    assert "550 5.1.1" in page.prediction.text()
    assert INFO in page.prediction.text()  # the spammer may move on, as it did in the story
    # Unticking takes the decision back.
    model.setData(model.index(0, RecipientsModel.COL_DEPARTED), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert page.session.departed == set()
    assert page.session.delete_address is None


def test_space_key_marks_the_current_row(page: RecipientsPage, qtbot: object) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.table.table_model.index(1, RecipientsModel.COL_ADDRESS))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert page.session.departed == {INFO}
    assert page.session.delete_address == INFO


def test_decision_from_elsewhere_updates_the_page(page: RecipientsPage) -> None:
    page.session.set_decision("departed", {TANAKA})
    assert rows(page)[0] == (TANAKA, 4, True)
    assert page.session.delete_address == TANAKA


def test_choose_address_in_combo(page: RecipientsPage) -> None:
    index = page.delete_combo.findData(INFO)
    page.delete_combo.setCurrentIndex(index)
    page.delete_combo.activated.emit(index)
    assert page.session.delete_address == INFO


def test_account_csv_import(page: RecipientsPage, qtbot: object, ui_language: str) -> None:
    page.import_accounts(str(ACCOUNTS))
    qtbot.waitUntil(lambda: page.import_button.isEnabled() and bool(page.account_lists()),  # type: ignore[attr-defined]
                    timeout=10000)
    # The export says tanaka@ left (退職): recommended without ticking anything.
    assert page.session.delete_address == TANAKA
    assert rows(page)[0] == (TANAKA, 4, True)
    model = page.table.table_model
    status = model.data(model.index(1, RecipientsModel.COL_STATUS))
    assert tr("RecipientsModel", "alias") in status
    assert "5" in page.accounts_label.text()
    assert "sato@example.co.jp" in page.address_check.known.text()


def test_address_checker(page: RecipientsPage, qtbot: object, ui_language: str) -> None:
    checker = page.address_check
    assert TANAKA in checker.known_addresses()
    checker.typed.setText("ｔａｎａｋａ＠example.jp")
    qtbot.waitUntil(lambda: checker.differences.count() == 3, timeout=5000)  # type: ignore[attr-defined]
    texts = [checker.differences.item(i).text() for i in range(3)]
    assert "ｔａｎａｋａ" in texts[0] and "tanaka" in texts[0]
    assert "＠" in texts[1]
    assert ".co.jp" in texts[2]
    assert checker.readback_ja.text().startswith("ティー・エー・エヌ・エー・ケー・エー、アットマーク")
    assert checker.readback_en.text().startswith("t-a-n-a-k-a, at,")
    stored = page.session.extra["address_check"]
    assert stored["typed"] == "ｔａｎａｋａ＠example.jp" and stored["suggestion"] == TANAKA
    checker.nato.setChecked(True)
    assert checker.readback_en.text().startswith("t as in tango")
    checker.copy_ja.click()
    assert QCoreApplication.instance().clipboard().text() == checker.readback_ja.text()  # type: ignore[attr-defined]
    checker.typed.setText("ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ")
    qtbot.waitUntil(lambda: checker.differences.count() == 7, timeout=5000)  # type: ignore[attr-defined]
    ime = tr("Findings", "Most of the address was typed in full-width characters: the Japanese input (IME) "
             "was on. Ask the customer to press the 半角/全角 key and type it again.")
    assert ime in checker.notes.text()


def test_address_checker_invisible_characters_are_shown(page: RecipientsPage, qtbot: object) -> None:
    checker = page.address_check
    checker.typed.setText("tanaka@examp\u200ble.co.jp")
    qtbot.waitUntil(lambda: checker.differences.count() == 1, timeout=5000)  # type: ignore[attr-defined]
    assert "[U+200B]" in checker.differences.item(0).text()


def test_cert_check_self_signed_with_browser_advice(page: RecipientsPage, qtbot: object,
                                                    ui_language: str) -> None:
    cert = page.cert_check
    page.helpers.setCurrentWidget(cert)
    cert.system_trust = False
    leaf, key = Pki.self_signed("server01.hosting.example.net", san=["cp.example.ne.jp"])
    with TlsTestServer([leaf], key) as server:
        cert.host.setText(server.address)
        cert.expect.setText("cp.example.jp")
        with qtbot.waitSignal(cert.finished, timeout=20000) as blocker:  # type: ignore[attr-defined]
            cert.check_button.click()
    report = blocker.args[0]
    assert report.codes == ("self_signed", "hostname_mismatch")
    stored = page.session.extra["cert_check"]
    assert [p["code"] for p in stored["problems"]] == ["self_signed", "hostname_mismatch"]
    assert stored["suggested_url"] == f"https://cp.example.ne.jp:{server.port}/"
    assert tr("CertCheckWidget", "Self-signed certificate") in cert.problems.text()
    assert "cp.example.ne.jp" in cert.details.text()
    cert.select_browser("chrome")
    assert "NET::ERR_CERT_AUTHORITY_INVALID" in cert.advice_label.text()
    cert.select_browser("firefox")
    expected = "危険性を承知で続行" if ui_language == "ja" else "Accept the Risk and Continue"
    assert expected in cert.advice_label.text()
    assert f"https://cp.example.ne.jp:{server.port}/" in cert.advice_label.text()
    assert not cert.another_device.isVisible()
    assert cert.advice_label.textFormat() == Qt.TextFormat.PlainText


def test_cert_check_hsts_suggests_another_device(page: RecipientsPage, qtbot: object) -> None:
    cert = page.cert_check
    page.helpers.setCurrentWidget(cert)
    cert.system_trust = False
    leaf, key = Pki.self_signed("cp.example.ne.jp")
    with TlsTestServer([leaf], key, hsts=True) as server:
        cert.host.setText(server.address)
        cert.expect.setText("cp.example.ne.jp")
        with qtbot.waitSignal(cert.finished, timeout=20000):  # type: ignore[attr-defined]
            cert.host.returnPressed.emit()
    assert cert.another_device.isVisible()
    assert cert.another_device.text() == tr(
        "CertCheckWidget", "Better move: ask the customer to try a smartphone or another computer. On this "
        "one the browser offers no way past the warning.")


def test_cert_check_timeout_keeps_the_window_usable(page: RecipientsPage, qtbot: object,
                                                    ui_language: str) -> None:
    cert = page.cert_check
    page.helpers.setCurrentWidget(cert)
    cert.timeout_s = 1.5
    with SilentServer() as server:
        cert.host.setText(server.address)
        with qtbot.waitSignal(cert.finished, timeout=20000) as blocker:  # type: ignore[attr-defined]
            cert.check_button.click()
            assert cert.busy.isVisible() and not cert.check_button.isEnabled()
            # While the check waits on the network, the window takes keys.
            cert.expect.setFocus()
            qtbot.keyClicks(cert.expect, "cp.example.ne.jp")  # type: ignore[attr-defined]
            assert cert.expect.text() == "cp.example.ne.jp"
            page.helpers.setCurrentWidget(page.address_check)
            qtbot.keyClicks(page.address_check.typed, "info@example.co.jp")  # type: ignore[attr-defined]
            assert page.address_check.typed.text() == "info@example.co.jp"
            assert page.runner.busy
            page.helpers.setCurrentWidget(cert)
    assert blocker.args[0].codes == ("timeout",)
    assert not cert.busy.isVisible() and cert.check_button.isEnabled()
    expected = (tr("CertCheckWidget", "No answer from %1 within %2 seconds. The panel may be unreachable "
                   "from here, or the port is wrong.")
                .replace("%1", server.address).replace("%2", "1.5"))
    assert cert.status.text() == expected
    if ui_language == "ja":
        assert "応答がありませんでした" in cert.status.text()
    assert "1.5" in cert.problems.text()


def test_cert_check_cancel_drops_the_late_answer(page: RecipientsPage, qtbot: object) -> None:
    cert = page.cert_check
    page.helpers.setCurrentWidget(cert)
    cert.timeout_s = 1.0
    with SilentServer() as server:
        cert.host.setText(server.address)
        cert.check_button.click()
        assert cert.cancel_button.isVisible()
        cert.cancel_button.click()
        assert not cert.busy.isVisible()
        qtbot.waitUntil(lambda: not page.runner.busy, timeout=10000)  # type: ignore[attr-defined]
        page.runner.wait_idle(10000)
    assert cert.report is None


def test_no_samples(ui_language: str, qtbot: object) -> None:
    session = CaseSession()
    runner = TaskRunner()
    widget = RecipientsPage(session, runner)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    assert widget.table.table_model.rowCount() == 0
    assert widget.summary.text() == tr("RecipientsPage",
                                       "No samples yet: paste the spam's headers on the first page.")


def test_large_delivery_log_is_counted_in_the_background(page: RecipientsPage, qtbot: object) -> None:
    from datetime import UTC, datetime, timedelta

    base = datetime(2026, 3, 7, 0, 0, tzinfo=UTC)
    page.session.extra["log_records"] = [((TANAKA,), base + timedelta(minutes=i)) for i in range(5000)]
    page.refresh()
    assert page.summary.text() == tr("RecipientsPage", "Counting the delivery log…")
    assert page.runner.busy
    qtbot.waitUntil(lambda: page.report.log_records == 5000, timeout=20000)  # type: ignore[attr-defined]
    model = page.table.table_model
    assert model.data(model.index(0, RecipientsModel.COL_LOG)) == "5000"
    assert page.report.flood_start == base


def test_hostile_long_values_do_not_widen_the_page(page: RecipientsPage, qtbot: object) -> None:
    from wizard.core.certcheck import CertProblem, CertReport

    long_host = "a" * 250 + ".example.ne.jp"
    width = page.width()
    report = CertReport(long_host, 443, subject="CN=" + "<b>x</b>" * 60, issuer="CN=y", san=(long_host,),
                        problems=(CertProblem("hostname_mismatch", long_host + " is not covered"),))
    page.helpers.setCurrentWidget(page.cert_check)
    page.cert_check._done((report, {"chrome": "use https://" + long_host + "/"}))
    assert "<b>x</b>" in page.cert_check.details.text()
    assert page.cert_check.details.textFormat() == Qt.TextFormat.PlainText
    page.cert_check.copy_button.click()
    assert QCoreApplication.instance().clipboard().text() == "use https://" + long_host + "/"  # type: ignore[attr-defined]
    qtbot.wait(10)  # type: ignore[attr-defined]
    assert page.width() == width
    assert page.sizeHint().width() < 1280


def test_address_checker_case_words(page: RecipientsPage, qtbot: object) -> None:
    checker = page.address_check
    checker.typed.setText("Tanaka@EXAMPLE.co.jp")
    qtbot.waitUntil(lambda: checker.differences.count() == 2, timeout=5000)  # type: ignore[attr-defined]
    local, domain = (checker.differences.item(i).text() for i in range(2))
    assert local == tr("AddressCheckWidget", "Character %1: “%2” instead of “%3”: upper/lower case normally "
                       "does not matter for addresses.").replace("%1", "1").replace("%2", "T").replace("%3", "t")
    assert domain == tr("AddressCheckWidget", "Character %1: “%2” instead of “%3”: upper/lower case never "
                        "matters after the @.").replace("%1", "8").replace("%2", "EXAMPLE")\
        .replace("%3", "example")
    assert checker.verdict.text() == tr("AddressCheckWidget", "This is the registered address %1; only "
                                        "upper/lower case differs.").replace("%1", TANAKA)


def test_demo_delivery_log_from_the_log_panel(page: RecipientsPage, qtbot: object) -> None:
    """The log panel leaves mail-log records in ``session.extra["maillog"]``; only the flood counts."""
    from wizard.core.maillog import iter_records

    demo_log = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo" / "maillog" / "maillog"
    page.session.extra["maillog"] = list(iter_records([demo_log]))
    page.initializePage()
    qtbot.waitUntil(lambda: page.report.log_records > 0, timeout=20000)  # type: ignore[attr-defined]
    rows_ = {r.address: r for r in page.table.table_model.rows()}
    assert rows_[TANAKA].log_count > 100 and rows_[INFO].log_count > 10
    assert "sato@example.co.jp" not in rows_
    # Marking tanaka@ as departed: the log already shows the refusals after the deletion.
    page.session.set_decision("departed", {TANAKA})
    qtbot.waitUntil(lambda: any(f.code == "recipients_delete_verified"  # type: ignore[attr-defined]
                                for f in page.report.findings), timeout=20000)
    assert "550 5.1.1" in page.prediction.text()


def test_not_decided_stays_not_decided(page: RecipientsPage) -> None:
    page.session.set_decision("departed", {TANAKA})
    assert page.session.delete_address == TANAKA
    page.delete_combo.setCurrentIndex(0)
    page.delete_combo.activated.emit(0)
    assert page.session.delete_address is None
    page.refresh()
    assert page.session.delete_address is None and page.delete_combo.currentData() is None


def test_click_on_the_centred_tick_box_marks_the_row(page: RecipientsPage, qtbot: object) -> None:
    page.table.resize(900, 300)
    rect = page.table.visualRect(page.table.table_model.index(1, RecipientsModel.COL_DEPARTED))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,  # type: ignore[attr-defined]
                     pos=rect.center())
    assert page.session.departed == {INFO}
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,  # type: ignore[attr-defined]
                     pos=rect.center())
    assert page.session.departed == set()
