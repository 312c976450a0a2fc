"""Evidence for the annual evaluation: how citizens rated an official at the counter in a year."""

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.core.indicators import Period
from congvu.ratings import selectors
from congvu.ratings.models import Level, Rating

MAX_LOW = 20


def evidence_for(staff, year: int) -> list[dict]:
    period = Period.year(year)
    ratings = selectors.in_period(Rating.objects.filter(staff=staff), period)
    row = selectors.summary(ratings)
    if not row["total"]:
        return []
    unit_ids = list(ratings.order_by().values_list("unit_id", flat=True).distinct()[:1])
    query = {"date_from": f"01/01/{year}", "date_to": f"31/12/{year}"}
    if unit_ids:
        query["unit"] = unit_ids[0]
    url = reverse("ratings:results") + "?" + urlencode(query)
    items = [
        {
            "kind": "counter_satisfaction",
            "title": _("Mức độ hài lòng của người dân năm %(year)d: %(share)s%%")
            % {"year": year, "share": f"{row['share']:.1f}".replace(".", ",")},
            "date": dt.date(year, 12, 31),
            "url": url,
            "summary": _(
                "%(total)d lượt đánh giá: %(very)d rất hài lòng, %(sat)d hài lòng, %(low)d không hài lòng."
            )
            % {
                "total": row["total"],
                "very": row["very_satisfied"],
                "sat": row["satisfied"],
                "low": row["not_satisfied"],
            },
        }
    ]
    for rating in ratings.filter(level=Level.NOT_SATISFIED).order_by("rated_at")[:MAX_LOW]:
        reasons = ", ".join(rating.reason_labels) or _("không nêu lý do")
        items.append(
            {
                "kind": "counter_not_satisfied",
                "title": _("Đánh giá không hài lòng (%(channel)s)")
                % {"channel": rating.get_channel_display()},
                "date": timezone.localtime(rating.rated_at).date(),
                "url": url,
                "summary": _("Lý do: %(reasons)s.") % {"reasons": reasons},
            }
        )
    return items
