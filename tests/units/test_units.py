"""The unit tree, successor links and the public directory."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congvu.units.models import Unit, UnitSuccession
from congvu.units.selectors import lineage_units, predecessor_units, search_units
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_paths_follow_the_tree_and_moves(city, ward, other_ward):
    school = UnitFactory(name="Trường Tiểu học An Bình", parent=ward)
    assert school.path == f"{city.path}{ward.pk}/{school.pk}/"
    assert set(Unit.objects.under(ward)) == {ward, school}
    ward.parent = other_ward
    ward.save()
    school.refresh_from_db()
    assert school.path.startswith(other_ward.path)
    assert school.depth == 3


def test_a_unit_cannot_be_its_own_ancestor(ward, city):
    city.parent = ward
    with pytest.raises(ValidationError):
        city.full_clean()


def test_current_units_respect_validity_dates(city, ward):
    old = UnitFactory(name="Xã Cũ", parent=city, valid_to=dt.date(2025, 6, 30))
    assert old in Unit.objects.current(dt.date(2020, 1, 1))
    assert old not in Unit.objects.current(dt.date(2025, 7, 1))
    assert old.display_name(dt.date(2026, 1, 1)) == "Xã Cũ (cũ)"


def test_search_without_accents(city):
    UnitFactory(name="Xã Hoàng Đồng", parent=city)
    assert [u.name for u in search_units("hoang dong")] == ["Xã Hoàng Đồng"]
    assert [u.name for u in search_units("HOÀNG đồng")] == ["Xã Hoàng Đồng"]


def test_predecessors_are_followed_transitively(ward, new_ward, city):
    newer = UnitFactory(name="Phường Mới Hơn", parent=city)
    UnitSuccession.objects.create(
        predecessor=new_ward, successor=newer, kind="renamed_to", effective_date=dt.date(2027, 1, 1)
    )
    assert set(predecessor_units([newer])) == {new_ward, ward}
    assert set(lineage_units(newer)) == {newer, new_ward, ward}


def test_public_directory_lists_current_units_with_contacts(client, city, ward):
    UnitFactory(name="Xã Đã Giải Thể", parent=city, valid_to=dt.date(2020, 1, 1))
    response = client.get(reverse("units:directory"), {"q": "an binh"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Phường An Bình" in body and "0205 3888 888" in body and "p-ab@example.gov.vn" in body
    assert "Xã Đã Giải Thể" not in client.get(reverse("units:directory")).content.decode()


def test_directory_escapes_and_limits_the_query(client, ward):
    response = client.get(reverse("units:directory"), {"q": "<script>alert(1)</script>" * 20})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_directory_search_for_a_former_unit_points_to_its_successor(client, city):
    old = UnitFactory(code="P-CU", name="Phường Cầu Cũ", parent=city, valid_to=dt.date(2025, 6, 30))
    new = UnitFactory(code="P-MOI2", name="Phường Hợp Nhất", parent=city, valid_from=dt.date(2025, 7, 1))
    UnitSuccession.objects.create(
        predecessor=old, successor=new, kind=UnitSuccession.Kind.MERGED_INTO, effective_date=new.valid_from
    )
    body = client.get("/don-vi/", {"q": "cau cu"}).content.decode()
    assert "former-units" in body and "Phường Hợp Nhất" in body
    assert "former-units" not in client.get("/don-vi/").content.decode()
