"""Evidence for the annual evaluation: a person's discipline decided in a year."""

from django.urls import reverse
from django.utils.translation import gettext as _

from congvu.discipline.models import DisciplineCase


def evidence_for(staff, year: int) -> list[dict]:
    """Discipline decided in the year."""
    items = []
    for case in DisciplineCase.objects.filter(
        staff=staff, status=DisciplineCase.Status.DECIDED, decision_date__year=year
    ):
        items.append(
            {
                "kind": "discipline",
                "title": _("Kỷ luật: %(form)s") % {"form": case.get_form_display()},
                "date": case.decision_date,
                "url": reverse("discipline:discipline_detail", args=[case.pk]),
                "summary": _("Quyết định %(number)s ngày %(date)s của %(body)s")
                % {
                    "number": case.decision_number,
                    "date": case.decision_date.strftime("%d/%m/%Y"),
                    "body": case.deciding_body,
                },
            }
        )
    return items
