"""Reads about cases: querysets for the inbox, the register, similar cases and the public pages."""

import datetime as dt
import re

from django.db.models import BooleanField, F, Q, Value, When
from django.db.models import Case as Choose
from django.db.models.functions import StrIndex
from django.utils import timezone

from congvu.accounts.models import Role, User
from congvu.accounts.scope import has_role, scoped, scoped_units
from congvu.core.text import fold, folded_terms
from congvu.core.workdays import add_working_days, working_days_between
from congvu.feedback.models import OPEN_STATUSES, Case, Kind, Status
from congvu.feedback.roles import ASSIGN_ROLES, sender_visible_q
from congvu.people.models import Staff
from congvu.units.lineage import Lineage, lineage_roots, records_of_units_q
from congvu.units.models import Unit

TABS = ("all", "new", "due_soon", "overdue", "mine", "approval")


def cases_for(user, roles=None):
    """The cases the user may see through `roles` (any role when None); none without such a role."""
    if roles is not None and not has_role(user, *roles):
        return Case.objects.none()
    return scoped(Case.objects.all(), user, roles=roles)


def case_by_code(user, code: str, roles=None):
    """A case in the user's scope named by its tracking code (as typed), or None."""
    return cases_for(user, roles).filter(code=code.strip().upper()).first()


def handlers_for(user):
    """Active handlers of the units the user may assign cases in."""
    return (
        User.objects.filter(
            is_active=True, roles__role=Role.HANDLER, roles__unit__in=scoped_units(user, ASSIGN_ROLES)
        )
        .select_related("staff")
        .distinct()
        .order_by("username")
    )


def officials_for(case, user):
    """Officials who may be named on a case: those of the case's unit (and its lineage) in the user's scope."""
    return scoped(Staff.objects.all(), user, within=case.unit).order_by("full_name")


def forward_left(case, today: dt.date | None = None):
    """Working days left of the 5-day intake window (negative when late), while undecided."""
    if case.status != Status.NEW or not case.forward_due:
        return None
    today = today or timezone.localdate()
    if today <= case.forward_due:
        return working_days_between(today + dt.timedelta(days=1), case.forward_due)
    return -working_days_between(case.forward_due + dt.timedelta(days=1), today)


def looks_like_complaint(case) -> bool:
    """An open feedback case whose text speaks of a complaint or denunciation (a hint to reclassify)."""
    from congvu.feedback.intake_rules import looks_like_complaint as text_looks_like_complaint

    return (
        case.is_open
        and case.kind == Kind.FEEDBACK
        and (case.complaint_suspected or text_looks_like_complaint(f"{case.title} {case.content}"))
    )


def readable_with_key_q(key, field: str = "unit") -> Q:
    """What an Open311 key may read: its units' lineages (their subtrees and the units they succeeded),
    as staff scope does."""
    return records_of_units_q(lineage_roots(key.units.all()), field)


def key_may_post_to(key, unit) -> bool:
    """An Open311 key posts only to its units and those below them, as they are now."""
    return Unit.objects.filter(records_of_units_q(key.units.all(), ""), pk=unit.pk).exists()


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
        # A case paused after its deadline ran out is still overdue (the pause stopped nothing).
        qs = qs.filter(
            Q(status__in=[Status.NEW, Status.IN_PROGRESS, Status.AWAITING_APPROVAL])
            | Q(status=Status.PAUSED, paused_on__gt=F("answer_due")),
            answer_due__lt=today,
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
    return search(qs, user, query)


# A case's search text (`Case.search_folded`): first what anyone who sees the case may find it by (code,
# title, content), then after SENDER_MARK the sender's name, phone and e-mail, which only the handling
# chain may search by; otherwise a search by a phone number would tell who filed a case. The mark is a
# control character: folding turns every one typed in a text into a space, so it is never inside a part.
SENDER_MARK = "\x1f"
MAX_SEARCH_TERMS = 8


def search_index(case) -> str:
    public = fold(" ".join([case.code or "", case.title, case.content]))
    digits = phone_digits(case.sender_phone)  # "0912 345 678" or "+84 912 345 678" as typed or not
    sender = fold(" ".join([case.sender_name, case.sender_phone, digits, case.sender_email]))
    return public + SENDER_MARK + sender


# A phone number as people write it: "0912.345.678", "+84 912 345 678", "(84) 912-345-678".
PHONE_IN_QUERY = re.compile(r"(?<![\w+-])\(?\+?\d[\d().\s-]{7,}\d(?![\w-])")


def phones_as_digits(query: str) -> str:
    """The query with each phone number written as the index holds it (digits only, 0 for +84), so
    every spelling of a sender's number finds the case."""

    return PHONE_IN_QUERY.sub(lambda match: f" {phone_digits(match.group())} ", query or "")


def phone_digits(text: str) -> str:
    """A Vietnamese phone number as digits only, the country code written as the leading 0."""
    number = "".join(ch for ch in text if ch in "0123456789")
    if number.startswith("84") and len(number) in (11, 12):
        number = "0" + number[2:]
    return number


def search(queryset, user, query: str):
    """Cases whose search text has every word of `query`; a word found only among the sender's details
    counts only for a case whose sender `user` may see (congvu.feedback.roles.can_see_sender)."""
    terms = folded_terms(phones_as_digits(query))[:MAX_SEARCH_TERMS]
    if not terms:
        return queryset
    visible = sender_visible_q(user) if user is not None else Q(pk__in=[])
    queryset = queryset.alias(
        search_sender_ok=Choose(
            When(visible, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        search_sender_at=StrIndex("search_folded", Value(SENDER_MARK)),
    )
    for number, term in enumerate(terms):
        at = f"search_term{number}_at"
        # The first place the word occurs: before the mark means in the text anyone may search.
        queryset = queryset.alias(**{at: StrIndex("search_folded", Value(term))}).filter(
            Q(search_folded__contains=term)
            & (Q(search_sender_ok=True) | Q(**{f"{at}__lt": F("search_sender_at")}))
        )
    return queryset


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


def open311_requests(cases, *, start, end, service_codes=None, status: str = ""):
    """An Open311 search: received between start and end, of the given services, "open" or "closed",
    newest first (the caller takes one page of it)."""
    cases = cases.filter(received_at__gte=start, received_at__lte=end)
    if service_codes:
        cases = cases.filter(topic__code__in=service_codes)
    if status == "open":
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif status == "closed":
        cases = cases.exclude(status__in=OPEN_STATUSES)
    return cases.order_by("-received_at", "-pk")
