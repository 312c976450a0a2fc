"""The public transparency page: no login, public aggregates only, small groups suppressed."""

from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from congvu.reports.present import suppress
from tests.factories import StaffFactory


def test_public_page_without_login_shows_public_figures_only(fake_indicators, client, city, ward, other_ward):
    fake_indicators.shares[("P-AB", 2019)] = (97, 100)
    fake_indicators.counts[("P-AB", 2019)] = 30
    response = client.get(reverse("reports:public_unit", args=["TP", 2019]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tỷ lệ thử nghiệm" in body and "97 %" in body and "Số lượng thử nghiệm" in body
    assert "Chỉ tiêu nội bộ" not in body  # not public
    assert 'id="public-trend-data"' in body
    assert reverse("units:directory") in body
    assert reverse("reports:public_unit", args=["P-AB", 2019]) in body  # the units of that year


def test_public_page_has_no_personal_data(fake_indicators, client, city, ward):
    StaffFactory(unit=ward, full_name="Nguyễn Thị Bí Mật", badge_number="BIMAT01")
    fake_indicators.shares[("P-AB", 2019)] = (9, 10)
    body = client.get(reverse("reports:public_unit", args=["P-AB", 2019])).content.decode()
    assert "Nguyễn Thị Bí Mật" not in body and "BIMAT01" not in body
    assert "Tốt" not in body  # breakdowns (which may name people or levels) are never published


def test_small_groups_are_suppressed(fake_indicators, client, city, ward, other_ward):
    fake_indicators.shares[("P-AB", 2019)] = (3, 4)  # 4 people: fewer than 5
    fake_indicators.counts[("P-AB", 2019)] = 2
    body = client.get(reverse("reports:public_unit", args=["P-AB", 2019])).content.decode()
    assert "75 %" not in body and "3 / 4" not in body
    assert "dưới 5" in body and "Nhóm quá nhỏ" in body
    with override_settings(TRANSPARENCY_MIN_GROUP=3):
        body = client.get(reverse("reports:public_unit", args=["P-AB", 2019])).content.decode()
    assert "75 %" in body and "dưới 3" in body  # the count of 2 is still under 3


def test_suppression_rule():
    row = {
        "kind": "share",
        "value": 50.0,
        "numerator": 2,
        "denominator": 4,
        "previous": 80.0,
        "previous_denominator": 10,
        "change": -30.0,
        "change_text": "-30",
        "breakdown": {"x": 1},
    }
    hidden = suppress(row, 5)
    assert (
        hidden["suppressed"]
        and hidden["value"] is None
        and hidden["change"] is None
        and hidden["breakdown"] == {}
    )
    assert hidden["previous"] == 80.0
    shown = suppress(dict(row, denominator=5, numerator=3), 5)
    assert not shown["suppressed"] and shown["value"] == 50.0
    assert not suppress({"kind": "count", "value": 0, "numerator": 0, "denominator": None}, 5)["suppressed"]
    people = {"kind": "count", "value": 2, "numerator": 2, "denominator": None, "counts_people": True}
    events = dict(people, counts_people=False)  # e.g. 2 inspection rounds: nobody can be identified
    assert suppress(people, 5)["suppressed"]
    assert not suppress(events, 5)["suppressed"] and suppress(events, 5)["value"] == 2


def test_public_index_and_bad_input(client, city, ward):
    page = client.get(reverse("reports:public_index"))
    assert page.status_code == 200 and "Phường An Bình" in page.content.decode()
    redirect = client.get(reverse("reports:public_index"), {"unit": "P-AB", "year": "2019"})
    assert redirect.status_code == 302 and redirect["Location"] == reverse(
        "reports:public_unit", args=["P-AB", 2019]
    )
    bad = client.get(reverse("reports:public_index"), {"unit": "P-AB", "year": "abc"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()
    assert client.get(reverse("reports:public_unit", args=["KHONG", 2019])).status_code == 404
    assert client.get(reverse("reports:public_unit", args=["P-AB", 1900])).status_code == 404


def test_feedback_link_is_resolved_defensively(client, city):
    """The form's link appears once the feedback part provides `feedback:submit`, and never breaks the page."""
    try:
        url = reverse("feedback:submit")
    except NoReverseMatch:
        url = None
    body = client.get(reverse("reports:public_unit", args=["TP", 2019])).content.decode()
    if url:
        assert f'href="{url}"' in body
    else:
        assert "Gửi phản ánh, kiến nghị" not in body


def test_public_index_unknown_unit(client, city):
    response = client.get(reverse("reports:public_index"), {"unit": "KHONG-CO", "year": "2019"})
    assert response.status_code == 200 and "Không tìm thấy đơn vị." in response.content.decode()


def test_index_offers_one_click_links_to_the_main_units(client, city, ward):
    from django.urls import reverse

    body = client.get(reverse("reports:public_index")).content.decode()
    assert "Xem nhanh" in body
    assert f'href="/cong-khai/{city.code}/' in body


def test_a_former_unit_has_no_year_after_it_ended(client, city):
    import datetime as dt

    from django.urls import reverse

    from tests.factories import UnitFactory

    UnitFactory(code="XA-CU", name="Xã Cũ", parent=city, valid_to=dt.date(2020, 6, 30))
    response = client.get(reverse("reports:public_unit", args=["XA-CU", 2022]))
    assert response.status_code == 302 and response["Location"].endswith("/XA-CU/2020/")
