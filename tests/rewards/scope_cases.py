"""Every staff URL of rewards (and the self-service page), proved against a record of the other ward."""

from django.urls import reverse

from congvu.rewards.models import Reward
from tests.factories import StaffFactory
from tests.rewards.factories import RewardFactory
from tests.scope_harness import ScopeCase

SECRET_PERSON = "Đinh Thị Ngoài Phạm Vi"


def _person(w):
    return StaffFactory(unit=w.other_ward, full_name=SECRET_PERSON, badge_number="NGOAI001")


def _reward(w):
    return RewardFactory(unit=w.other_ward, staff=_person(w))


def _decided_reward(w):
    import datetime as dt

    return RewardFactory(
        unit=w.other_ward,
        staff=_person(w),
        status=Reward.Status.DECIDED,
        decision_number="999/QĐ-BIMAT",
        decision_date=dt.date(2026, 1, 5),
    )


def _list(name, build, secret):
    return ScopeCase(name, lambda w: (build(w), reverse(name))[1], kind="list", secret=secret)


def _reward_unchanged(w):
    return not Reward.objects.exclude(status=Reward.Status.PROPOSED).exists()


# The batch decision posts the ids of the proposals; the case's build fills in the out-of-scope one.
BATCH_DATA = {"deciding_body": "X", "decision_number": "1/QĐ", "decision_date": "02/12/2025"}

SCOPE_CASES = [
    # self-service: only the caller's own records
    _list("rewards:my_records", lambda w: _decided_reward(w), "999/QĐ-BIMAT"),
    # rewards
    _list("rewards:reward_list", _reward, SECRET_PERSON),
    _list("rewards:reward_export", _reward, SECRET_PERSON),
    _list("rewards:reward_new", _person, SECRET_PERSON),
    ScopeCase("rewards:reward_detail", lambda w: reverse("rewards:reward_detail", args=[_reward(w).pk])),
    ScopeCase(
        "rewards:reward_decide",
        lambda w: reverse("rewards:reward_decide", args=[_reward(w).pk]),
        kind="action",
        data={
            "approved": "1",
            "deciding_body": "X",
            "decision_number": "1/QĐ",
            "decision_date": "02/12/2025",
        },
        unchanged=_reward_unchanged,
    ),
    ScopeCase(
        "rewards:reward_decide_many",
        lambda w: (BATCH_DATA.update(rewards=[_reward(w).pk]), reverse("rewards:reward_decide_many"))[1],
        kind="action",
        data=BATCH_DATA,
        unchanged=_reward_unchanged,
    ),
]
