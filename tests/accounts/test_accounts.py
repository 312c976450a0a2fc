"""Login with throttling, roles and the scoping helper."""

import pytest
from django.urls import reverse

from congvu.accounts.models import Role
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped, scoped_units, unit_in_scope
from congvu.accounts.selectors import users_with_role, users_with_role_nearest
from congvu.people.models import Staff
from tests.factories import StaffFactory, UnitFactory, UserFactory, grant

pytestmark = pytest.mark.django_db


def test_login_and_logout(client, reception_officer):
    response = client.post(
        reverse("accounts:login"), {"username": "tiepnhan", "password": "mat-khau-thu-nghiem"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:staff_home")
    assert client.get(reverse("accounts:staff_home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:staff_home")).status_code == 302


def test_wrong_password_gets_a_vietnamese_message(client, reception_officer):
    response = client.post(reverse("accounts:login"), {"username": "tiepnhan", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


def test_login_is_throttled_after_repeated_failures(client, reception_officer):
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "tiepnhan", "password": "sai"})
    response = client.post(
        reverse("accounts:login"), {"username": "tiepnhan", "password": "mat-khau-thu-nghiem"}
    )
    assert response.status_code == 429
    assert "Đăng nhập sai nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_scope_covers_subtree_and_predecessors(city, ward, other_ward, new_ward):
    head = UserFactory(username="moi")
    grant(head, Role.UNIT_HEAD, new_ward)
    school = UnitFactory(name="Trường An Bình", parent=ward)
    assert set(scoped_units(head)) == {new_ward, ward, school}
    assert unit_in_scope(head, school) and not unit_in_scope(head, other_ward)


def test_scoped_querysets_and_404(unit_head, ward, other_ward):
    inside = StaffFactory(unit=ward)
    outside = StaffFactory(unit=other_ward)
    assert inside in scoped(Staff.objects.all(), unit_head)
    assert outside not in scoped(Staff.objects.all(), unit_head)
    from django.http import Http404

    with pytest.raises(Http404):
        get_scoped_or_404(Staff.objects.all(), unit_head, pk=outside.pk)


def test_scope_by_role(reception_officer, ward):
    assert has_role(reception_officer, Role.RECEPTION)
    assert not has_role(reception_officer, Role.UNIT_HEAD)
    assert not list(scoped_units(reception_officer, roles=[Role.UNIT_HEAD]))


def test_users_without_roles_see_nothing(official, ward):
    assert not has_role(official)
    assert not scoped(Staff.objects.all(), official).exists()


def test_who_to_notify(unit_head, programme_office, ward, one_stop):
    assert list(users_with_role(Role.UNIT_HEAD, one_stop)) == [unit_head]
    assert list(users_with_role(Role.PROGRAMME_OFFICE, one_stop)) == [programme_office]
    assert list(users_with_role_nearest(Role.UNIT_HEAD, one_stop)) == [unit_head]


def test_staff_pages_need_login_and_a_role(client, official):
    assert client.get(reverse("people:staff_list")).status_code == 302
    client.force_login(official)
    assert client.get(reverse("people:staff_list")).status_code == 403
    assert client.get(reverse("accounts:staff_home")).status_code == 200


def test_within_narrows_the_scope_to_a_chosen_units_lineage(
    programme_office, city, ward, other_ward, new_ward
):
    """The Nội vụ office (city scope) picks the new ward: it sees the records of the ward it succeeded,
    not the sibling ward's."""
    of_old_ward = StaffFactory(unit=ward)
    of_sibling = StaffFactory(unit=other_ward)
    narrowed = scoped(Staff.objects.all(), programme_office, within=new_ward)
    assert of_old_ward in narrowed and of_sibling not in narrowed
    assert set(scoped_units(programme_office, within=ward)) == {ward}


def test_within_cannot_widen_the_scope(unit_head, city, other_ward):
    """A unit outside the user's scope as `within` gives nothing, not that unit's records."""
    StaffFactory(unit=other_ward)
    assert not scoped(Staff.objects.all(), unit_head, within=other_ward).exists()
    assert (
        not scoped(Staff.objects.all(), unit_head, within=city)
        .exclude(unit__code__startswith="P-AB")
        .exists()
    )


def test_a_unit_named_outside_the_scope_looks_missing(unit_head, other_ward):
    from django.http import Http404

    from congvu.accounts.scope import require_unit_in_scope

    with pytest.raises(Http404):
        require_unit_in_scope(unit_head, other_ward)


def test_an_unlimited_scope_stays_unlimited_when_combined(system_admin, city, other_ward):
    """A superuser's scope OR'd with a narrower condition is still everything (an empty Q() would
    vanish from the OR and leave only the narrower condition)."""
    from django.db.models import Q

    from congvu.accounts.scope import scope_q

    system_admin.is_superuser = True
    outside = StaffFactory(unit=other_ward)
    combined = Staff.objects.filter(scope_q(system_admin) | Q(pk__in=[]))
    assert outside in combined
