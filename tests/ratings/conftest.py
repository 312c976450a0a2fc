import pytest

from tests.factories import StaffFactory, UnitFactory
from tests.ratings.factories import CounterFactory, paired, roster


@pytest.fixture
def counter(one_stop):
    return CounterFactory(unit=one_stop, code="P-AB-1C-Q1", name="Quầy số 1")


@pytest.fixture
def counter_official(one_stop):
    return StaffFactory(unit=one_stop, full_name="Đinh Thị Trực Quầy", badge_number="AB00001")


@pytest.fixture
def staffed_counter(counter, counter_official):
    roster(counter, counter_official)
    return counter


@pytest.fixture
def kiosk(staffed_counter):
    device, token = paired(staffed_counter)
    return device, token


@pytest.fixture
def other_one_stop(other_ward):
    from congvu.units.models import UnitType

    return UnitFactory(
        code="P-NPV-1C", name="Bộ phận một cửa Ngoài Phạm Vi", unit_type=UnitType.ONE_STOP, parent=other_ward
    )
