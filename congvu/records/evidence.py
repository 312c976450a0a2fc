"""Evidence for the annual evaluation: a person's rewards and discipline in a year."""

from django.urls import reverse
from django.utils.translation import gettext as _

from congvu.records.models import DisciplineCase, Reward


def evidence_for(staff, year: int) -> list[dict]:
    """Rewards decided for the year (the year they are for) and discipline decided in the year."""
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
                "url": reverse("records:reward_detail", args=[reward.pk]),
                "summary": _("Quyết định %(number)s của %(body)s")
                % {
                    "number": reward.decision_number,
                    "body": reward.deciding_body,
                },
            }
        )
    for case in DisciplineCase.objects.filter(
        staff=staff, status=DisciplineCase.Status.DECIDED, decision_date__year=year
    ):
        items.append(
            {
                "kind": "discipline",
                "title": _("Kỷ luật: %(form)s") % {"form": case.get_form_display()},
                "date": case.decision_date,
                "url": reverse("records:discipline_detail", args=[case.pk]),
                "summary": _("Quyết định %(number)s ngày %(date)s của %(body)s")
                % {
                    "number": case.decision_number,
                    "date": case.decision_date.strftime("%d/%m/%Y"),
                    "body": case.deciding_body,
                },
            }
        )
    return sorted(items, key=lambda item: (item["date"] is None, item["date"]))
