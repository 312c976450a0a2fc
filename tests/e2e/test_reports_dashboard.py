"""Leadership opens the reports dashboard in a real browser: cards, Chart.js charts, drill-down."""

import pytest

from tests.e2e.conftest import log_in
from tests.reports.fakes import fake_registry

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fake_indicators():
    with fake_registry() as figures:
        yield figures


def test_dashboard_shows_a_figure_and_draws_the_charts(
    browser_page, fake_indicators, leadership, city, ward, other_ward
):
    fake_indicators.shares[("P-AB", 2019)] = (97, 100)
    fake_indicators.shares[("P-NPV", 2019)] = (48, 50)
    fake_indicators.shares[("P-AB", 2018)] = (90, 100)
    page = browser_page
    log_in(page, leadership.username)
    page.goto(page.base_url + "/quan-ly/bao-cao/?unit=TP&year=2019")
    card = page.locator(".indicator-card[data-code='test.share']")
    assert card.locator(".stat-value").inner_text() == "96,67 %"
    assert "+6,67 điểm %" in card.inner_text()
    for canvas in ("chart-years", "chart-months", "chart-units"):
        assert page.evaluate(f"() => Chart.getChart('{canvas}') !== undefined"), canvas
    assert "Phường An Bình" in page.locator("table.league").inner_text()

    card.click()
    page.wait_for_load_state()
    assert page.locator(".indicator-value").inner_text() == "96,67 %"
    page.click("text=Xem danh sách hồ sơ")
    page.wait_for_load_state()
    assert "/quan-ly/can-bo/" in page.url


def test_public_page_without_login(browser_page, fake_indicators, city, ward):
    fake_indicators.counts[("P-AB", 2019)] = 42
    page = browser_page
    page.goto(page.base_url + "/cong-khai/P-AB/2019/")
    assert page.locator(".public-card[data-code='test.count'] .stat-value").inner_text() == "42"
    assert page.evaluate("() => Chart.getChart('public-counts') !== undefined")
