"""Moving an install's rows from the old records tables: same ids, events in the StateEvent shape."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.db import connection

from congvu.core import tablemoves
from congvu.core.models import AuditEvent
from congvu.rewards.models import Reward, RewardEvent
from tests.rewards.factories import RewardFactory

pytestmark = pytest.mark.django_db

# The old table as an install has it: the `at` column is Django's DateTimeField on each database.
OLD_EVENTS = """CREATE TABLE records_recordevent (
    id integer PRIMARY KEY, at {datetime} NOT NULL, actor_id integer NULL, action varchar(40) NOT NULL,
    before varchar(40) NOT NULL, after varchar(40) NOT NULL, note varchar(1000) NOT NULL,
    reward_id integer NULL, discipline_case_id integer NULL)"""


def old_events_table() -> str:
    return OLD_EVENTS.format(datetime=connection.data_types["DateTimeField"])


@pytest.fixture
def editor():
    return SimpleNamespace(connection=connection)


def test_old_events_become_state_events_with_their_ids(editor, unit_head, ward):
    reward = RewardFactory(unit=ward)
    with connection.cursor() as cursor:
        cursor.execute(old_events_table())
        cursor.executemany(
            "INSERT INTO records_recordevent VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                (41, "2025-12-01 02:00:00", unit_head.pk, "proposed", "", "proposed", "", reward.pk, None),
                (42, "2026-01-10 02:00:00", None, "decided", "proposed", "decided", "Số 3", reward.pk, None),
                (43, "2026-01-11 02:00:00", None, "opened", "", "review", "", None, 7),
            ],
        )
    names = tablemoves.display_names(editor)
    copied = tablemoves.copy_events(
        editor, RewardEvent, "records_recordevent", {"reward": "reward_id"}, names
    )
    assert copied == 2
    first, second = RewardEvent.objects.order_by("id")
    assert (first.pk, first.by, first.by_name, first.before, first.after) == (
        41,
        unit_head,
        "Phạm Văn Thủ Trưởng",
        None,
        "proposed",
    )
    assert first.at == dt.datetime(2025, 12, 1, 2, 0, tzinfo=dt.UTC)
    assert (second.pk, second.by, second.by_name, second.before, second.note) == (
        42,
        None,
        "",
        "proposed",
        "Số 3",
    )
    assert second.before_label == Reward.Status.PROPOSED.label and second.by_display == "hệ thống"


def test_rows_are_copied_as_they_are_and_audit_types_renamed(editor, ward):
    reward = RewardFactory(unit=ward, decision_number="9/QĐ")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE records_reward AS SELECT * FROM rewards_reward")
    tablemoves.rename_audit_types(editor, {"rewards.reward": "records.reward"})  # as an old install has it
    Reward.objects.all().delete()
    assert tablemoves.copy_rows(editor, Reward, "records_reward") == 1
    copied = Reward.objects.get()
    assert (copied.pk, copied.decision_number, copied.search_folded) == (
        reward.pk,
        "9/QĐ",
        reward.search_folded,
    )
    tablemoves.rename_audit_types(editor, {"records.reward": "rewards.reward"})
    assert not AuditEvent.objects.filter(object_type="records.reward").exists()
    assert AuditEvent.objects.filter(object_type="rewards.reward", object_id=str(reward.pk)).exists()
