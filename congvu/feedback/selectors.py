"""Reads about cases: querysets for the inbox, the register, similar cases and the public pages."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from congvu.accounts.scope import scoped
from congvu.core.text import fold, folded_terms
from congvu.core.workdays import add_working_days
from congvu.feedback.models import OPEN_STATUSES, Case, Status
from congvu.units.lineage import Lineage

TABS = ("all", "new", "due_soon", "overdue", "mine", "approval")


def cases_for(user):
    return scoped(Case.objects.all(), user)


def inbox(
    queryset,
    *,
    user=None,
    tab: str = "all",
    unit=None,
    channel: str = "",
    topic=None,
    status: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    query: str = "",
    today: dt.date | None = None,
):
    today = today or timezone.localdate()
    qs = queryset.select_related("unit", "topic", "handler__staff")
    if tab == "new":
        qs = qs.filter(status=Status.NEW)
    elif tab == "due_soon":
        qs = qs.filter(
            status__in=[Status.IN_PROGRESS, Status.AWAITING_APPROVAL],
            answer_due__gte=today,
            answer_due__lte=add_working_days(today, 2),
        )
    elif tab == "overdue":
        qs = qs.filter(
            status__in=[Status.NEW, Status.IN_PROGRESS, Status.AWAITING_APPROVAL], answer_due__lt=today
        )
    elif tab == "mine" and user is not None:
        qs = qs.filter(handler=user, status__in=OPEN_STATUSES)
    elif tab == "approval":
        qs = qs.filter(status=Status.AWAITING_APPROVAL)
    if unit is not None:
        qs = qs.filter(Lineage(unit).q("unit"))
    if channel:
        qs = qs.filter(channel=channel)
    if topic is not None:
        qs = qs.filter(topic=topic)
    if status:
        qs = qs.filter(status=status)
    if date_from or date_to:
        tz = timezone.get_current_timezone()
        if date_from:
            qs = qs.filter(received_at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=tz))
        if date_to:
            qs = qs.filter(
                received_at__lt=dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
            )
    for term in folded_terms(query)[:8]:
        qs = qs.filter(search_folded__contains=term)
    return qs


def similar_open_cases(case, queryset=None, limit: int = 5):
    """Open cases of the same unit or topic whose text shares the most words with this one.

    Pass the user's scoped queryset: a topic match may otherwise reach another unit's cases."""
    words = {w for w in fold(f"{case.title} {case.content}").split() if len(w) > 3}
    if not words:
        return []
    candidates = (
        (queryset if queryset is not None else Case.objects.all())
        .filter(status__in=OPEN_STATUSES, merged_into__isnull=True)
        .filter(_same_unit_or_topic(case))
        .exclude(pk=case.pk or 0)
        .only("pk", "code", "title", "content", "received_at", "unit_id")
        .order_by("-received_at")[:300]
    )
    scored = []
    for other in candidates:
        other_words = {w for w in fold(f"{other.title} {other.content}").split() if len(w) > 3}
        if not other_words:
            continue
        score = len(words & other_words) / len(words | other_words)
        if score >= 0.2:
            scored.append((score, other))
    scored.sort(key=lambda item: -item[0])
    return [other for _score, other in scored[:limit]]


def _same_unit_or_topic(case) -> Q:
    condition = Q(pk__in=[])
    if case.unit_id:
        condition |= Q(unit_id=case.unit_id)
    if case.topic_id:
        condition |= Q(topic_id=case.topic_id)
    return condition if (case.unit_id or case.topic_id) else Q()


def published_cases():
    return (
        Case.objects.filter(published_at__isnull=False)
        .select_related("unit", "topic")
        .order_by("-published_at")
    )


def register(queryset, *, unit, date_from: dt.date, date_to: dt.date):
    """The intake register (sổ tiếp nhận) of a unit and period, in order of receipt."""
    tz = timezone.get_current_timezone()
    return (
        queryset.filter(
            Lineage(unit).q("unit"),
            received_at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=tz),
            received_at__lt=dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
        )
        .select_related("unit", "topic")
        .order_by("received_at", "pk")
    )
