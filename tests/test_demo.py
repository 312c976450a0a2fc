"""The Lạng Sơn demo data: the city as it was, the 2025 reform, accounts that see only their units."""

import datetime as dt

import pytest
from django.core.management import call_command

from congvu.accounts.models import User
from congvu.accounts.scope import scoped_units
from congvu.people.models import Staff, StaffCategory, Transfer
from congvu.units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_db_blocker):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_demo_city_units_staff_and_reform(demo):
    city = Unit.objects.get(code="LS-TP")
    assert city.name == "Thành phố Lạng Sơn" and city.valid_to == dt.date(2025, 6, 30)
    old_wards = Unit.objects.filter(parent=city, unit_type__in=["phuong", "xa"])
    assert sorted(old_wards.values_list("name", flat=True)) == sorted(
        [
            "Phường Chi Lăng",
            "Phường Đông Kinh",
            "Phường Hoàng Văn Thụ",
            "Phường Tam Thanh",
            "Phường Vĩnh Trại",
            "Xã Hoàng Đồng",
            "Xã Mai Pha",
            "Xã Quảng Lạc",
        ]
    )
    new_wards = Unit.objects.filter(valid_from=dt.date(2025, 7, 1), unit_type="phuong")
    assert sorted(new_wards.values_list("name", flat=True)) == sorted(
        ["Phường Tam Thanh", "Phường Lương Văn Tri", "Phường Kỳ Lừa", "Phường Đông Kinh"]
    )
    tam_thanh = Unit.objects.get(code="LS-P-TAMTHANH-2025")
    assert set(tam_thanh.predecessions.values_list("predecessor__name", flat=True)) == {
        "Phường Tam Thanh",
        "Xã Hoàng Đồng",
    }
    assert Staff.objects.count() == 1200
    cbcc = Staff.objects.filter(category__in=[StaffCategory.CAN_BO, StaffCategory.CONG_CHUC]).count()
    assert cbcc == 125
    in_2019 = Staff.objects.filter(employed_from__lte=dt.date(2019, 6, 30))
    assert in_2019.filter(category__in=[StaffCategory.CAN_BO, StaffCategory.CONG_CHUC]).count() == 124
    assert in_2019.filter(category=StaffCategory.VIEN_CHUC).count() == 1059
    assert Transfer.objects.filter(effective_date=dt.date(2025, 7, 1)).count() == 1200
    assert not Staff.objects.filter(unit__path__startswith=city.path).exists()


def test_seed_is_idempotent(demo):
    counts = (Unit.objects.count(), Staff.objects.count(), User.objects.count(), Transfer.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert counts == (
        Unit.objects.count(),
        Staff.objects.count(),
        User.objects.count(),
        Transfer.objects.count(),
    )


def test_each_demo_account_sees_only_its_units(demo, client):
    reception = User.objects.get(username="tiepnhan.tamthanh")
    names = set(scoped_units(reception).values_list("name", flat=True))
    assert {"Phường Tam Thanh", "Xã Hoàng Đồng"} <= names
    assert "Phường Chi Lăng" not in names and "Phường Kỳ Lừa" not in names
    assert client.login(username="tiepnhan.tamthanh", password="congvu-demo-2026")
    home = client.get("/quan-ly/").content.decode()
    assert "Cán bộ tiếp nhận" in home and "Phường Tam Thanh" in home
    leadership = User.objects.get(username="lanhdao")
    assert "Phường Chi Lăng" in set(scoped_units(leadership).values_list("name", flat=True))
    assert "Phường Kỳ Lừa" not in set(scoped_units(leadership).values_list("name", flat=True))


def test_demo_accounts_command_lists_one_account_per_role(demo, capsys):
    call_command("demo_accounts", port="8000")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out
    for username in [
        "quantri",
        "noivu",
        "lanhdao",
        "kiemtra",
        "truongdonvi.tamthanh",
        "xuly.tamthanh",
        "tiepnhan.tamthanh",
        "canbo",
    ]:
        assert username in out
