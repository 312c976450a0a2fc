"""Evidence for the annual evaluation: a person's rewards for the year."""

from django.urls import reverse
from django.utils.translation import gettext as _

from congvu.rewards.models import Reward


def evidence_for(staff, year: int) -> list[dict]:
    """Rewards decided for the year (the year they are for)."""
    items = []
    for reward in Reward.objects.filter(staff=staff, year=year, status=Reward.Status.DECIDED).select_related(
        "title"
    ):
        items.append(
            {
                "kind": "reward",
                "title": _("Khen thưởng: %(title)s năm %(year)s")
                % {"title": reward.title.name, "year": reward.year},
                "date": reward.decision_date,
                "url": reverse("rewards:reward_detail", args=[reward.pk]),
                "summary": _("Quyết định %(number)s của %(body)s")
                % {
                    "number": reward.decision_number,
                    "body": reward.deciding_body,
                },
            }
        )
    return items
