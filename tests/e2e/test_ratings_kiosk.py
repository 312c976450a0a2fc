"""A unit head pairs the counter's tablet; the network drops; three citizens rate; the network comes
back; exactly three ratings are stored. Then a citizen rates an official from the QR on the badge."""

import datetime as dt

import pytest

from congvu.ratings.models import Counter, KioskDevice, Rating, RosterEntry
from congvu.units.models import UnitType
from tests.e2e.conftest import log_in
from tests.factories import StaffFactory, UnitFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def counter_on_duty(ward):
    one_stop = UnitFactory(
        code="P-AB-1C", name="Bộ phận một cửa phường An Bình", unit_type=UnitType.ONE_STOP, parent=ward
    )
    counter = Counter.objects.create(unit=one_stop, code="P-AB-1C-Q1", name="Quầy số 1")
    official = StaffFactory(unit=one_stop, full_name="Đinh Thị Trực Quầy", badge_number="AB00001")
    for session in ("morning", "afternoon"):
        RosterEntry.objects.create(counter=counter, staff=official, date=dt.date(2020, 1, 1), session=session)
    return counter, official


def _rate(page, level, reasons=(), comment=""):
    page.click(f".k-level.{level}")
    for reason in reasons:
        page.click(f"#k-details:not([hidden]) .k-chip[data-reason={reason}]")
    if comment:
        page.fill("#k-comment", comment)
    page.click("#k-send")
    page.wait_for_selector("#k-thanks:not([hidden])")
    page.click("#k-again")
    page.wait_for_selector("#k-choose:not([hidden])")
    page.wait_for_timeout(2100)  # a real citizen takes longer; the server drops taps closer than 2 s


def test_paired_kiosk_keeps_ratings_while_offline_and_sends_each_once(
    browser_page, unit_head, counter_on_duty
):
    page = browser_page
    counter, official = counter_on_duty
    log_in(page, unit_head.username)
    page.goto(page.base_url + f"/quan-ly/hai-long/quay/{counter.pk}/")
    page.click("#pair-button")
    page.wait_for_url(f"**/kiosk/{counter.code}/")
    page.locator("#k-name", has_text="Trực Quầy").wait_for()
    assert KioskDevice.objects.filter(counter=counter, revoked_at__isnull=True).count() == 1

    page.context.set_offline(True)
    _rate(page, "very_satisfied")
    _rate(page, "not_satisfied", reasons=["waiting", "unclear"], comment="Phải chờ lâu")
    _rate(page, "satisfied")
    assert page.locator("#k-queued").inner_text() == "3"
    assert page.locator("#k-banner").is_visible()
    assert "Mất kết nối" in page.locator("#k-banner").inner_text()
    assert Rating.objects.count() == 0

    page.context.set_offline(False)
    page.wait_for_selector("#kiosk[data-queued='0']", state="attached", timeout=20000)
    assert Rating.objects.count() == 3
    assert set(Rating.objects.values_list("level", flat=True)) == {
        "very_satisfied",
        "satisfied",
        "not_satisfied",
    }
    assert set(Rating.objects.values_list("staff", flat=True)) == {official.pk}
    low = Rating.objects.get(level="not_satisfied")
    assert low.reasons == ["waiting", "unclear"] and low.comment == "Phải chờ lâu" and low.channel == "kiosk"
    assert page.locator("#k-banner").is_hidden()

    page.reload()  # nothing is sent twice
    page.wait_for_selector("#k-choose:not([hidden])")
    page.wait_for_timeout(500)
    assert Rating.objects.count() == 3


def test_qr_on_the_badge_rates_the_right_official(phone_page, counter_on_duty):
    page = phone_page
    _counter, official = counter_on_duty
    page.goto(page.base_url + f"/danh-gia/{official.badge_number}/")
    assert "Đinh Thị Trực Quầy" in page.locator(".rate-who").inner_text()
    page.click("label.rate-level.satisfied")
    page.fill("#id_dossier_code", "hs-2026-001")
    page.click("button.rate-submit")
    page.wait_for_selector(".rate-thanks")
    rating = Rating.objects.get()
    assert (rating.staff, rating.channel, rating.dossier_code) == (official, "qr", "HS-2026-001")


def test_kiosk_page_reopens_during_an_outage(browser_page, counter_on_duty):
    from congvu.ratings.services import pair_device

    page = browser_page
    counter, _official = counter_on_duty
    _device, token = pair_device(counter=counter)
    page.goto(page.base_url + f"/kiosk/{counter.code}/")
    page.fill("#k-token", token)
    page.click("#k-token-form button")
    page.locator("#k-name", has_text="Trực Quầy").wait_for()
    page.wait_for_selector("#kiosk[data-offline-ready='1']", state="attached")

    page.context.set_offline(True)
    page.reload()
    page.wait_for_selector("#k-choose:not([hidden])")
    assert "Trực Quầy" in page.locator("#k-name").inner_text()  # the last known official
    _rate(page, "satisfied")
    assert page.locator("#k-queued").inner_text() == "1"
    page.context.set_offline(False)
    page.wait_for_selector("#kiosk[data-queued='0']", state="attached", timeout=20000)
    assert Rating.objects.filter(counter=counter).count() == 1
