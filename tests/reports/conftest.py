import pytest

from tests.reports.fakes import fake_registry


@pytest.fixture
def fake_indicators():
    with fake_registry() as figures:
        yield figures
