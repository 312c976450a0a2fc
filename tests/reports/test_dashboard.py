"""The staff dashboard, indicator pages, catalogue and API: figures, links, scope."""

import datetime as dt
import json

from django.urls import reverse

from congvu.accounts.models import Role
from tests.factories import UnitFactory, grant


def test_leadership_sees_cards_with_change_and_a_league_table(
    fake_indicators, login, leadership, city, ward, other_ward
):
    fake_indicators.shares[("P-AB", 2019)] = (97, 100)
    fake_indicators.shares[("P-AB", 2018)] = (95, 100)
    fake_indicators.shares[("P-NPV", 2019)] = (45, 50)
    client = login(leadership)
    response = client.get(reverse("reports:dashboard"), {"unit": "TP", "year": "2019"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tỷ lệ thử nghiệm" in body
    assert "94,67 %" in body  # (97 + 45) / 150
    assert "-0,33 điểm %" in body  # 94.67 against 95.0 in 2018
    league = response.context["league"]
    assert [(row["unit"].code, row["rank"]) for row in league] == [("P-AB", 1), ("P-NPV", 2)]
    chart = json.loads(json.dumps(response.context["chart_data"]))  # what the page embeds for Chart.js
    assert chart["code"] == "test.share" and chart["units"]["values"] == [97.0, 90.0]
    assert len(chart["months"]["labels"]) == 12 and "2019" in chart["years"]["labels"]
    assert 'id="report-chart-data"' in body and "vendor/chart.umd.js" in body


def test_every_number_links_to_its_detail_and_the_records(fake_indicators, login, leadership, city, ward):
    fake_indicators.shares[("P-AB", 2019)] = (3, 4)
    client = login(leadership)
    body = client.get(reverse("reports:dashboard"), {"unit": "TP", "year": "2019"}).content.decode()
    detail = reverse("reports:indicator_detail", args=["test.share"]) + "?unit=TP&amp;year=2019"
    assert detail in body
    page = client.get(
        reverse("reports:indicator_detail", args=["test.share"]), {"unit": "TP", "year": "2019"}
    )
    text = page.content.decode()
    assert page.status_code == 200 and "75 %" in text and "good / all × 100" in text
    assert reverse("people:staff_list") + "?unit=TP&amp;from=01%2F01%2F2019&amp;to=31%2F12%2F2019" in text
    assert "Tốt" in text  # the breakdown
    # An indicator whose drill-down page does not exist (yet) shows no broken link.
    private = client.get(
        reverse("reports:indicator_detail", args=["test.private"]), {"unit": "TP", "year": "2019"}
    )
    assert private.status_code == 200 and "Chưa có trang danh sách hồ sơ" in private.content.decode()
    assert client.get(reverse("reports:indicator_detail", args=["no.such"])).status_code == 404


def test_dashboard_defaults_to_the_users_unit_and_refuses_others(login, unit_head, ward, other_ward, city):
    client = login(unit_head)
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 200 and response.context["unit"] == ward
    choices = [choice["code"] for choice in response.context["unit_choices"]]
    assert "P-AB" in choices and "P-NPV" not in choices and "TP" not in choices
    assert client.get(reverse("reports:dashboard"), {"unit": "P-NPV"}).status_code == 404
    assert client.get(reverse("reports:dashboard"), {"unit": "TP"}).status_code == 404


def test_former_unit_defaults_to_its_last_year_and_bad_dates_are_explained(login, leadership, city):
    city.valid_to = dt.date(2025, 6, 30)
    city.save()
    client = login(leadership)
    assert client.get(reverse("reports:dashboard")).context["period"].start.year == 2025
    response = client.get(
        reverse("reports:dashboard"), {"unit": "TP", "from": "31/02/2019", "to": "01/03/2019"}
    )
    assert response.status_code == 200
    assert "Ngày “31/02/2019” không hợp lệ" in response.content.decode()


def test_roles_without_reports_are_refused(login, reception_officer, official):
    assert login(reception_officer).get(reverse("reports:dashboard")).status_code == 403
    assert login(official).get(reverse("reports:dashboard")).status_code == 403


def test_dashboard_query_count_is_bounded(
    fake_indicators, login, leadership, city, ward, other_ward, django_assert_max_num_queries
):
    for n in range(10):
        UnitFactory(code=f"TR{n:02d}", name=f"Trường {n}", parent=city)
    client = login(leadership)
    client.get(reverse("reports:dashboard"), {"unit": "TP", "year": "2019"})
    with django_assert_max_num_queries(250):
        client.get(reverse("reports:dashboard"), {"unit": "TP", "year": "2019"})


def test_catalogue_page_and_api(fake_indicators, login, programme_office, city):
    client = login(programme_office)
    page = client.get(reverse("reports:catalogue")).content.decode()
    assert (
        "test.share" in page
        and "Test share" in page
        and "good / all × 100" in page
        and "Quyết định thử nghiệm" in page
    )
    items = client.get(reverse("api:reports_catalogue")).json()
    spec = next(item for item in items if item["code"] == "test.share")
    assert spec["name_en"] == "Test share" and spec["kind"] == "share" and spec["public"] is True
    assert spec["drilldown"] == "people:staff_list"


def test_api_values_league_and_errors(fake_indicators, login, unit_head, leadership, city, ward, other_ward):
    fake_indicators.counts[("P-AB", 2019)] = 6
    client = login(leadership)
    payload = client.get(reverse("api:reports_indicators"), {"unit": "TP", "year": "2019"}).json()
    assert payload["period"] == {"from": "2019-01-01", "to": "2019-12-31"}
    assert {r["code"]: r["value"] for r in payload["indicators"]}["test.count"] == 6
    league = client.get(
        reverse("api:reports_league"), {"unit": "TP", "year": "2019", "code": "test.count"}
    ).json()
    assert league[0]["unit_code"] == "P-AB" and league[0]["rank"] == 1
    bad = client.get(reverse("api:reports_indicators"), {"unit": "TP", "date_from": "x", "date_to": "y"})
    assert bad.status_code == 422 and "không hợp lệ" in bad.json()["detail"]
    assert (
        client.get(reverse("api:reports_league"), {"unit": "TP", "year": "2019", "code": "nope"}).status_code
        == 422
    )
    ward_client = login(unit_head)
    assert (
        ward_client.get(reverse("api:reports_indicators"), {"unit": "P-NPV", "year": "2019"}).status_code
        == 404
    )


def test_print_view_is_a_standalone_printable_page(fake_indicators, login, leadership, city, ward):
    fake_indicators.counts[("P-AB", 2019)] = 12
    response = login(leadership).get(reverse("reports:print"), {"unit": "TP", "year": "2019"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "reports/print.css" in body and "print-button" in body and "Số lượng thử nghiệm" in body
    assert 'class="sidebar"' not in body


def test_a_unit_head_of_the_new_ward_sees_the_old_wards_in_past_years(fake_indicators, login, ward, new_ward):
    from tests.factories import UserFactory

    head = UserFactory(username="truongmoi")
    grant(head, Role.UNIT_HEAD, new_ward)
    fake_indicators.counts[("P-AB", 2019)] = 8
    response = login(head).get(
        reverse("reports:dashboard"), {"unit": new_ward.code, "year": "2019", "chart": "test.count"}
    )
    assert {r["code"]: r["value"] for r in response.context["rows"]}["test.count"] == 8
    assert [row["unit"].code for row in response.context["league"]] == ["P-AB"]


def test_breakdown_chart_for_flat_numeric_breakdowns():
    from congvu.reports.present import flatten_breakdown, numeric_breakdown

    assert numeric_breakdown({"Quầy 1": 98.5, "Quầy 2": 91}) == [("Quầy 1", 98.5), ("Quầy 2", 91)]
    assert numeric_breakdown({"levels": {"a": 1}}) == [] and numeric_breakdown(None) == []
    assert flatten_breakdown({"levels": {"Tốt": 3}, "n": 1200}) == [("levels › Tốt", "3"), ("n", "1.200")]
