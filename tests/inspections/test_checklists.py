"""Checklist templates are versioned: a new version never changes visits already recorded."""

import pytest
from django.urls import reverse

from congvu.inspections.checklist import DEFAULT_CHECKLIST, default_template_version
from congvu.inspections.models import ChecklistItem, TemplateVersion
from congvu.inspections.selectors import items_of
from tests.inspections.factories import closed_visit, make_round

pytestmark = pytest.mark.django_db


def test_default_checklist_covers_the_rules():
    version = default_template_version()
    codes = set(items_of(version).values_list("code", flat=True))
    assert {
        "the-cong-chuc",
        "ruou-bia",
        "hut-thuoc",
        "thai-do",
        "duong-day-nong",
        "mo-hom-thu",
        "so-tiep-nhan",
        "quy-che",
        "bai-tri",
        "gio-lam-viec",
        "viec-rieng",
        "trang-phuc",
    } <= codes
    assert len(codes) == sum(len(items) for _title, items in DEFAULT_CHECKLIST)
    assert default_template_version() == version  # created once


def test_new_version_leaves_recorded_visits_alone(login, programme_office, inspector, city, ward):
    visit = closed_visit(city, ward, head=inspector)
    old = visit.template_version
    client = login(programme_office)
    client.post(
        reverse("inspections:template_new_version", args=[old.template_id]), {"note": "Thêm tiêu chí tỉnh"}
    )
    draft = TemplateVersion.objects.get(number=2)
    assert not draft.is_published and items_of(draft).count() == items_of(old).count()
    section = draft.sections.first()
    client.post(
        reverse("inspections:version_detail", args=[draft.pk]),
        {
            "op": "item",
            "item-section": section.pk,
            "item-code": "dong-phuc-tinh",
            "item-text": "Mặc đồng phục ngày thứ Hai",
            "item-default_severity": "minor",
        },
    )
    removed = items_of(draft).get(code="hut-thuoc")
    client.post(reverse("inspections:version_detail", args=[draft.pk]), {"op": "remove", "item": removed.pk})
    client.post(reverse("inspections:version_detail", args=[draft.pk]), {"op": "publish"})
    draft.refresh_from_db()
    assert draft.is_published
    visit.refresh_from_db()
    assert visit.template_version == old
    assert items_of(old).filter(code="hut-thuoc").exists()
    assert not items_of(old).filter(code="dong-phuc-tinh").exists()
    assert set(visit.answers.values_list("item__section__version", flat=True)) == {old.pk}
    # New rounds may now pick the new version.
    new_round = make_round(city)
    assert new_round.template_version == old or new_round.template_version.template == old.template


def test_published_version_cannot_be_edited(login, programme_office):
    version = default_template_version()
    count = ChecklistItem.objects.count()
    response = login(programme_office).post(
        reverse("inspections:version_detail", args=[version.pk]), {"op": "section", "section-title": "Mới"}
    )
    assert response.status_code == 403 and ChecklistItem.objects.count() == count


def test_duplicate_code_gets_a_field_error(login, programme_office):
    version = default_template_version()
    client = login(programme_office)
    client.post(reverse("inspections:template_new_version", args=[version.template_id]))
    draft = TemplateVersion.objects.get(number=2)
    response = client.post(
        reverse("inspections:version_detail", args=[draft.pk]),
        {
            "op": "item",
            "item-section": draft.sections.first().pk,
            "item-code": "ruou-bia",
            "item-text": "Trùng",
            "item-default_severity": "minor",
        },
    )
    assert response.status_code == 200 and "Mã tiêu chí đã có" in response.content.decode()


def test_a_ward_programme_office_cannot_change_the_shared_checklist(login, ward_insider):
    version = default_template_version()
    response = login(ward_insider).post(
        reverse("inspections:template_new_version", args=[version.template_id])
    )
    assert response.status_code == 403 and TemplateVersion.objects.count() == 1
