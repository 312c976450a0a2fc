"""Reads of the inspections part. Staff reads are scoped through congvu.accounts.scope."""

from django.db.models import Count, Q

from congvu.accounts.models import Role
from congvu.accounts.scope import scope_q
from congvu.core.text import folded_terms
from congvu.inspections.models import (
    ChecklistItem,
    Finding,
    InspectionPlan,
    RemedialTask,
    Round,
    TeamMember,
    Visit,
    VisitAnswer,
)
from congvu.people.models import Staff
from congvu.units.lineage import subtree_q

ORGANISER_ROLES = (Role.PROGRAMME_OFFICE, Role.INSPECTOR, Role.LEADERSHIP, Role.SYSTEM_ADMIN)
VISITED_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.INSPECTOR, Role.LEADERSHIP, Role.SYSTEM_ADMIN)


def plans_for(user):
    return InspectionPlan.objects.filter(scope_q(user, "unit", ORGANISER_ROLES)).select_related("unit")


def _team_rounds(user):
    """Rounds the user was put on the team of: the organiser's choice grants access to them."""
    if not user.is_authenticated:
        return TeamMember.objects.none().values("round")
    return TeamMember.objects.filter(user=user).values("round")


def rounds_for(user):
    condition = scope_q(user, "unit", ORGANISER_ROLES) | Q(pk__in=_team_rounds(user))
    return Round.objects.filter(condition).select_related("plan", "unit")


def visits_for(user):
    """Visits the user may see: organised in their scope or by a round whose team they are on (any state),
    or of a unit in their scope once the team head has closed it (the unit head sees the result, not the
    inspectors' draft)."""
    condition = _visible_to_unit(user, "") | Q(round__in=_team_rounds(user))
    return Visit.objects.filter(condition).select_related("unit", "round", "round__plan")


def _visible_to_unit(user, prefix: str):
    """Records of a visit: organisers see them in all states, the visited unit once the visit is closed."""
    organiser = scope_q(user, f"{prefix}round__unit", ORGANISER_ROLES)
    visited = scope_q(user, "unit", VISITED_ROLES) & Q(**{f"{prefix}status": Visit.Status.CLOSED})
    return organiser | visited


def findings_for(user):
    condition = (
        scope_q(user, "visit__round__unit", ORGANISER_ROLES)
        | scope_q(user, "unit", VISITED_ROLES)
        | Q(visit__round__in=_team_rounds(user))
    )
    return Finding.objects.filter(condition).select_related("unit", "item", "visit", "visit__round")


def tasks_for(user):
    """Remedial tasks: of rounds organised in the scope or whose team the user is on, or of a unit in
    the scope (the reminders send the team a link to the task, so the team must be able to open it)."""
    condition = (
        scope_q(user, "finding__visit__round__unit", ORGANISER_ROLES)
        | scope_q(user, "unit", VISITED_ROLES)
        | Q(finding__visit__round__in=_team_rounds(user))
    )
    return RemedialTask.objects.filter(condition).select_related("unit", "finding", "finding__item")


def with_fails(visits):
    """Visits annotated with their number of failed checklist items (`fails`)."""
    return visits.annotate(fails=Count("answers", filter=Q(answers__result=VisitAnswer.Result.FAIL)))


def work_of(user) -> dict:
    """The inspections home: plans and rounds in scope, the user's open visits and tasks, recent results."""
    visits = visits_for(user)
    waiting = [Visit.Status.PLANNED, Visit.Status.DRAFT, Visit.Status.SUBMITTED]
    return {
        "plans": plans_for(user).annotate(round_count=Count("rounds")),
        "rounds": rounds_for(user).annotate(visit_count=Count("visits"))[:20],
        "my_visits": visits.filter(round__members__user=user, status__in=waiting).order_by("date")[:20],
        "open_tasks": tasks_for(user).exclude(status=RemedialTask.Status.ACCEPTED)[:20],
        "recent_visits": visits.filter(status=Visit.Status.CLOSED).order_by("-date", "-id")[:10],
    }


def register_visits(user, *, year=None, status="", q=""):
    """The register of visits (page and .xlsx): visits the user sees, by year, state and unit name."""
    visits = with_fails(visits_for(user))
    if year:
        visits = visits.filter(date__year=year)
    if status:
        visits = visits.filter(status=status)
    for term in folded_terms(q):
        visits = visits.filter(unit__name_folded__contains=term)
    return visits.order_by("-date", "unit__path")


def plan_rounds(plan):
    return plan.rounds.annotate(visit_count=Count("visits")).order_by("number")


def finding_list(user, *, status=""):
    findings = findings_for(user).prefetch_related("officials").order_by("-date", "id")
    return findings.filter(status=status) if status else findings


def task_list(user, *, status=""):
    tasks = tasks_for(user).order_by("status", "deadline")
    return tasks.filter(status=status) if status else tasks


def is_member(user, round_) -> bool:
    if user.is_superuser:
        return True
    return TeamMember.objects.filter(round=round_, user=user).exists()


def is_head(user, round_) -> bool:
    if user.is_superuser:
        return True
    return TeamMember.objects.filter(round=round_, user=user, role=TeamMember.Role.HEAD).exists()


def items_of(version):
    return ChecklistItem.objects.filter(section__version=version).select_related("section")


def unanswered_items(visit) -> list:
    answered = visit.answers.values_list("item_id", flat=True)
    return list(items_of(visit.template_version).exclude(pk__in=answered))


def officials_for_visit(visit):
    """Staff of the visited unit (and below) on the visit's day, including those moved away since."""
    unit = visit.unit
    return (
        Staff.objects.filter(subtree_q(unit, "unit") | subtree_q(unit, "transfers__from_unit"))
        .employed_on(visit.date)
        .distinct()
    )


def search_officials(visit, query: str, limit: int = 15):
    queryset = officials_for_visit(visit).select_related("position")
    for term in folded_terms(query):
        queryset = queryset.filter(Q(name_folded__contains=term) | Q(badge_number__icontains=term))
    return queryset.order_by("full_name")[:limit]


def checklist_sections(visit):
    """The pinned version's sections with items, and the visit's answers keyed by item id."""
    sections = list(visit.template_version.sections.prefetch_related("items"))
    answers = {a.item_id: a for a in visit.answers.prefetch_related("officials")}
    return sections, answers


def round_summary(round_):
    return list(with_fails(round_.visits.select_related("unit")).order_by("date", "unit__path"))


def can_edit_templates(user) -> bool:
    """Checklists are shared by the whole tree: only the programme office (or system admin) at its top
    edits them, so a ward's office cannot change the rules other wards are checked against."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.roles.filter(
        role__in=[Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN], unit__parent__isnull=True
    ).exists()
