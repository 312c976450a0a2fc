"""Evidence for the annual evaluation: cases that named the official, received in the year."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from congvu.feedback.models import Case


def evidence_for(staff, year: int) -> list[dict]:
    tz = timezone.get_current_timezone()
    start = dt.datetime(year, 1, 1, tzinfo=tz)
    end = dt.datetime(year + 1, 1, 1, tzinfo=tz)
    cases = Case.objects.filter(
        officials_concerned=staff, received_at__gte=start, received_at__lt=end
    ).select_related("rating")
    items = []
    for case in cases.order_by("received_at"):
        outcome = case.get_status_display()
        if hasattr(case, "rating"):
            outcome += " · " + ("người gửi hài lòng" if case.rating.satisfied else "người gửi không hài lòng")
        items.append(
            {
                "kind": "feedback",
                "title": f"Phản ánh {case.code}: {case.title}",
                "date": timezone.localdate(case.received_at),
                "url": reverse("feedback:case_detail", args=[case.pk]),
                "summary": f"{case.get_category_display() or case.get_kind_display()} — {outcome}",
            }
        )
    return items
