"""Working regulations: versions, amendments, replacement; the state on any past day; the indicator."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congvu.core.indicators import Period
from congvu.regulations import services
from congvu.regulations.models import WorkingRegulation
from congvu.regulations.selectors import regulation_coverage
from congvu.reports.engine import evaluate
from congvu.units.models import UnitType
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _issue(unit, kind="issued", day=dt.date(2018, 3, 1), **extra):
    return services.issue_regulation(
        unit=unit,
        kind=kind,
        title="Quy chế làm việc",
        number=f"{day.year}/QĐ",
        signed_on=day,
        by=None,
        **extra,
    )


def test_replacement_closes_the_old_version_the_day_before(ward):
    first = _issue(ward)
    second = _issue(ward, "replacement", dt.date(2021, 6, 15))
    first.refresh_from_db()
    assert first.valid_to == dt.date(2021, 6, 14)
    assert second.replaces == first and second.valid_to is None
    assert list(WorkingRegulation.objects.in_force(dt.date(2020, 1, 1))) == [first]
    assert list(WorkingRegulation.objects.in_force(dt.date(2021, 6, 15))) == [second]
    assert [e.action for e in first.events.all()] == ["issued", "replaced"]


def test_amendments_do_not_change_what_is_in_force(ward):
    base = _issue(ward)
    amendment = _issue(ward, "amendment", dt.date(2020, 2, 1))
    assert amendment.amends == base
    assert list(WorkingRegulation.objects.in_force(dt.date(2020, 3, 1))) == [base]


def test_wrong_kinds_are_field_errors(ward):
    with pytest.raises(ValidationError) as error:
        _issue(ward, "replacement")
    assert "kind" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        _issue(ward, "amendment")
    assert "amends" in error.value.error_dict
    _issue(ward)
    with pytest.raises(ValidationError) as error:
        _issue(ward, "issued", dt.date(2019, 1, 1))
    assert "kind" in error.value.error_dict
    with pytest.raises(ValidationError):
        _issue(ward, "replacement", dt.date(2017, 1, 1))  # before the current one


def test_indicator_stays_right_for_past_dates_after_a_replacement(city, ward, other_ward):
    UnitFactory(code="P-AB-1C-X", unit_type=UnitType.ONE_STOP, parent=ward)  # not expected to have one
    UnitFactory(code="TR-X", unit_type=UnitType.SCHOOL, parent=city)  # not expected either
    for unit in (city, ward, other_ward):
        _issue(unit)
    assert evaluate("units.with_working_regulation", city, Period.year(2019))["value"] == 100.0
    old = WorkingRegulation.objects.get(unit=ward)
    services.end_regulation(regulation=old, valid_to=dt.date(2022, 12, 31), note="Bãi bỏ", by=None)
    result = evaluate("units.with_working_regulation", city, Period.year(2023))
    assert result["value"] == pytest.approx(66.67) and result["breakdown"]["missing"] == ["P-AB"]
    _issue(ward, "issued", dt.date(2024, 2, 1))
    for year, expected in ((2019, 100.0), (2020, 100.0), (2023, 66.67), (2024, 100.0)):
        assert evaluate("units.with_working_regulation", city, Period.year(year))["value"] == pytest.approx(
            expected
        )


def test_units_that_ended_are_not_counted_after_their_end(city, ward):
    gone = UnitFactory(code="P-CU", parent=city, valid_to=dt.date(2020, 6, 30))
    _issue(city)
    _issue(ward)
    assert regulation_coverage(city.__class__.objects.under(city), dt.date(2019, 12, 31)) == (2, 3)
    assert regulation_coverage(city.__class__.objects.under(city), dt.date(2020, 12, 31)) == (2, 2)
    assert gone.pk


def test_upload_is_checked_and_served_only_in_scope(login, unit_head, other_unit_head, ward):
    client = login(unit_head)
    bad = SimpleUploadedFile("quy-che.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("regulations:regulation_new"),
        {
            "unit": ward.pk,
            "kind": "issued",
            "title": "Quy chế",
            "number": "1/QĐ",
            "signed_on": "01/02/2019",
            "file": bad,
        },
    )
    assert response.status_code == 200 and "không đúng định dạng" in response.content.decode()
    assert not WorkingRegulation.objects.exists()
    good = SimpleUploadedFile("quy-che.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("regulations:regulation_new"),
        {
            "unit": ward.pk,
            "kind": "issued",
            "title": "Quy chế",
            "number": "1/QĐ",
            "signed_on": "01/02/2019",
            "file": good,
        },
    )
    assert response.status_code == 302
    regulation = WorkingRegulation.objects.get()
    download = client.get(reverse("regulations:regulation_file", args=[regulation.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    other = login(other_unit_head).get(reverse("regulations:regulation_file", args=[regulation.pk]))
    assert other.status_code == 404


def test_list_flags_units_without_a_regulation_on_a_past_day(login, programme_office, city, ward, other_ward):
    _issue(ward, day=dt.date(2018, 1, 1))
    _issue(other_ward, day=dt.date(2020, 1, 1))
    client = login(programme_office)
    page = client.get(
        reverse("regulations:regulation_list"), {"on": "31/12/2019", "missing": "on"}
    ).content.decode()
    table = page.split("<tbody>")[1]
    assert "Phường Ngoài Phạm Vi" in table and "Phường An Bình" not in table
    page = client.get(
        reverse("regulations:regulation_list"), {"on": "31/12/2020", "q": "ngoai pham vi"}
    ).content.decode()
    table = page.split("<tbody>")[1]
    assert (
        "Phường Ngoài Phạm Vi" in table and "Chưa có quy chế" not in table and "Phường An Bình" not in table
    )


def test_repeal_from_the_page_flags_the_unit_and_rejects_bad_dates(login, unit_head, ward):
    regulation = _issue(ward)
    client = login(unit_head)
    url = reverse("regulations:regulation_end", args=[regulation.pk])
    response = client.post(url, {"valid_to": "01/01/2010", "note": "Sai ngày"})
    assert response.status_code == 400 and "Ngày hết hiệu lực phải sau" in response.content.decode()
    assert client.post(url, {"valid_to": "31/12/2022", "note": "Bãi bỏ"}).status_code == 302
    regulation.refresh_from_db()
    assert regulation.valid_to == dt.date(2022, 12, 31)
    assert [e.action for e in regulation.events.all()] == ["issued", "repealed"]
    page = client.get(reverse("regulations:regulation_list"), {"missing": "on"}).content.decode()
    assert "Phường An Bình" in page.split("<tbody>")[1]


def test_home_cards_show_what_waits(login, programme_office, ward, city):
    _issue(city)
    page = login(programme_office).get(reverse("accounts:staff_home")).content.decode()
    assert "Đơn vị chưa có quy chế làm việc" in page and "Đề nghị khen thưởng chờ quyết định" in page
