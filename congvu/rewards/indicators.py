"""Report figure of rewards."""

from collections import Counter

from django.db.models import Q

from congvu.core.indicators import COUNT, Measure, indicator
from congvu.rewards.models import Reward, RewardTitle
from congvu.rewards.selectors import UNIT_FIELDS


def _in_scope(scope, fields):
    condition = Q(pk__in=[])
    for field in fields:
        condition |= scope.q(field)
    return condition


@indicator(
    "rewards.count",
    name_vi="Số khen thưởng đã quyết định",
    name_en="Rewards decided",
    kind=COUNT,
    definition_vi="Số danh hiệu, hình thức khen thưởng cá nhân và tập thể có quyết định trong kỳ.",
    definition_en="Individual and collective reward titles and forms decided (decision date) in the period.",
    formula="count(rewards with status decided and decision date in period)",
    source="rewards.Reward",
    legal_basis="Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP",
    order=710,
    public=True,
)
def rewards_count(scope, period):
    rows = (
        Reward.objects.filter(
            _in_scope(scope, UNIT_FIELDS),
            status=Reward.Status.DECIDED,
            decision_date__gte=period.start,
            decision_date__lte=period.end,
        )
        .values_list("pk", "title__name", "title__recipient")
        .distinct()
    )
    by_title, by_recipient = Counter(), Counter()
    seen = set()
    for pk, title, recipient in rows:
        if pk in seen:
            continue
        seen.add(pk)
        by_title[title] += 1
        by_recipient[RewardTitle.Recipient(recipient).value] += 1
    return Measure.count(len(seen), {"by_title": dict(by_title), "by_recipient": dict(by_recipient)})
