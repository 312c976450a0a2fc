"""Named fixture people and places, shared by every app's tests.

The city ("Thành phố Thử Nghiệm") has two wards: Phường An Bình (in scope for the ward fixtures) and
Phường Ngoài Phạm Vi (out of scope for them). A new ward created in the 2025 reform succeeds An Bình.
"""

import datetime as dt
import os

import pytest
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from congvu.accounts.models import Role
from congvu.core.plugins import app_modules
from congvu.units.models import UnitSuccession, UnitType
from tests.factories import StaffFactory, UnitFactory, UserFactory, grant

PASSWORD = "mat-khau-thu-nghiem"

# Property tests draw the same examples on every run, so a green suite means the same thing twice and a
# failure seen once is seen again. `HYPOTHESIS_PROFILE=explore make test` draws fresh random examples
# (and prints the seed to reproduce a failure with `--hypothesis-seed`).
hypothesis_settings.register_profile(
    "repeatable", derandomize=True, database=None, print_blob=True, deadline=None
)
hypothesis_settings.register_profile(
    "explore", derandomize=False, database=None, print_blob=True, deadline=None
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_plugin_lookup():
    """A test that swaps an app's plugin module must not leave its copy in the cached lookup."""
    yield
    app_modules.cache_clear()


@pytest.fixture(autouse=True)
def vietnamese():
    """Each test starts in Vietnamese, the default language, whatever an earlier request switched to."""
    translation.activate("vi")
    yield
    translation.activate("vi")


@pytest.fixture(autouse=True)
def force_login_passes_the_second_factor(monkeypatch):
    """`client.force_login(user)` stands for a finished login, second factor included: a user who must
    use one gets a confirmed authenticator in the session. The login steps themselves are tested in
    tests/accounts through the real pages (with `force_login(user, second_factor=False)` for a session
    that skipped it)."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None, second_factor=True):
        from congvu.accounts import second_factor as factor

        original(self, user, backend)
        if second_factor and factor.is_required(user):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="thử nghiệm", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def city(db):
    return UnitFactory(code="TP", name="Thành phố Thử Nghiệm", unit_type=UnitType.CITY)


@pytest.fixture
def ward(city):
    """The ward the ward fixture people work in."""
    return UnitFactory(code="P-AB", name="Phường An Bình", parent=city)


@pytest.fixture
def one_stop(ward):
    return UnitFactory(
        code="P-AB-1C", name="Bộ phận một cửa phường An Bình", unit_type=UnitType.ONE_STOP, parent=ward
    )


@pytest.fixture
def other_ward(city):
    """A sibling ward outside the ward people's scope."""
    return UnitFactory(code="P-NPV", name="Phường Ngoài Phạm Vi", parent=city)


@pytest.fixture
def new_ward(ward, city):
    """A ward created in the 2025 reform that succeeds Phường An Bình."""
    unit = UnitFactory(code="P-MOI", name="Phường Mới", parent=city.parent, valid_from=dt.date(2025, 7, 1))
    UnitSuccession.objects.create(
        predecessor=ward,
        successor=unit,
        kind=UnitSuccession.Kind.MERGED_INTO,
        effective_date=dt.date(2025, 7, 1),
    )
    return unit


def _person(username, role, unit, **staff):
    user = UserFactory(username=username)
    if staff is not None:
        user.staff = StaffFactory(unit=unit, **staff)
        user.save()
    if role:
        grant(user, role, unit)
    return user


@pytest.fixture
def reception_officer(ward):
    """A ward reception officer (cán bộ tiếp nhận) of Phường An Bình."""
    return _person("tiepnhan", Role.RECEPTION, ward, full_name="Lê Thị Tiếp Nhận")


@pytest.fixture
def handler(ward):
    return _person("xuly", Role.HANDLER, ward, full_name="Trần Văn Xử Lý")


@pytest.fixture
def unit_head(ward):
    return _person("truongdonvi", Role.UNIT_HEAD, ward, full_name="Phạm Văn Thủ Trưởng")


@pytest.fixture
def other_unit_head(other_ward):
    return _person("truongdonvikhac", Role.UNIT_HEAD, other_ward, full_name="Hoàng Thị Ngoài")


@pytest.fixture
def programme_office(city):
    """The Nội vụ office of the city: configures the programme for the whole city."""
    return _person("noivu", Role.PROGRAMME_OFFICE, city, full_name="Vi Thị Nội Vụ")


@pytest.fixture
def inspector(city):
    return _person("kiemtra", Role.INSPECTOR, city, full_name="Lương Văn Kiểm Tra")


@pytest.fixture
def leadership(city):
    return _person("lanhdao", Role.LEADERSHIP, city, full_name="Nông Văn Lãnh Đạo")


@pytest.fixture
def system_admin(city):
    return _person("quantri", Role.SYSTEM_ADMIN, city, full_name="Quản Trị Viên")


@pytest.fixture
def official(ward):
    """An official of the ward with no role: sees only their own records."""
    return _person("canbo", None, ward, full_name="Hà Thị Công Chức")


@pytest.fixture
def ward_insider(ward):
    """One account holding every role over Phường An Bình: the strongest user who must still not see
    Phường Ngoài Phạm Vi."""
    user = _person("noibo", Role.UNIT_HEAD, ward, full_name="Chu Văn Nội Bộ")
    for role in Role.values:
        grant(user, role, ward)
    return user


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login
