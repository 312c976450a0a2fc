from django.urls import reverse

from congvu.appraisals.models import Evaluation, Level, UnitCycle
from congvu.people.models import StaffCategory
from tests.factories import StaffFactory, UserFactory, grant
from tests.scope_harness import ScopeCase

SECRET = "Đinh Thị Ngoài Phạm Vi"


def _other_cycle(world):
    """An open 2026 cycle in the other ward with one person, built by that ward's head."""
    from congvu.accounts.models import Role
    from congvu.appraisals import services

    StaffFactory(
        unit=world.other_ward, full_name=SECRET, badge_number="NGOAI001", category=StaffCategory.CONG_CHUC
    )
    office = UserFactory(username="noivu-ngoai")
    grant(office, Role.PROGRAMME_OFFICE, world.other_ward)
    cycle = services.open_cycle(year=2026, scope_unit=world.other_ward, by=office)
    return cycle.unit_cycles.get()


def _other_evaluation(world):
    return _other_cycle(world).evaluations.get()


def _decided(world):
    evaluation = _other_evaluation(world)
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status=Evaluation.Status.DECIDED, level=Level.GOOD, decision_number="9/QĐ"
    )
    return evaluation


def _published(world):
    unit_cycle = _decided(world).unit_cycle
    UnitCycle.objects.filter(pk=unit_cycle.pk).update(status=UnitCycle.Status.PUBLISHED)
    return unit_cycle


def _url(name, builder):
    return lambda w: reverse(name, args=[builder(w).pk])


def _unchanged_evaluation(world):
    return (
        not Evaluation.objects.filter(
            unit=world.other_ward, status__in=[Evaluation.Status.SELF_ASSESSED, Evaluation.Status.PROPOSED]
        ).exists()
        and not Evaluation.objects.filter(unit=world.other_ward).exclude(meeting_comment="").exists()
    )


def _list(name, builder, query=""):
    return lambda w: (builder(w), reverse(name) + query)[1]


STEP = {"self_assessment": "x", "self_level": "tot", "general_score": "28", "tasks_1": "5"}
SCOPE_CASES = [
    ScopeCase(
        "appraisals:cycle_list",
        _list("appraisals:cycle_list", _other_cycle),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase("appraisals:unit_cycle", _url("appraisals:unit_cycle", _other_cycle)),
    ScopeCase(
        "appraisals:unit_cycle_meeting",
        _url("appraisals:unit_cycle_meeting", _other_cycle),
        kind="action",
        data={
            "meeting_date": "01/11/2026",
            "meeting_chair": "A",
            "meeting_attendees": "3",
            "meeting_minutes": "m",
        },
        unchanged=lambda w: (
            not UnitCycle.objects.filter(unit=w.other_ward, meeting_date__isnull=False).exists()
        ),
    ),
    ScopeCase(
        "appraisals:unit_cycle_publish",
        _url("appraisals:unit_cycle_publish", _other_cycle),
        kind="action",
        unchanged=lambda w: not UnitCycle.objects.filter(unit=w.other_ward, status="published").exists(),
    ),
    ScopeCase(
        "appraisals:unit_cycle_outstanding",
        _url("appraisals:unit_cycle_outstanding", _other_cycle),
        kind="action",
        data={"decision_number": "9/QĐ", "decision_date": "01/12/2026"},
        unchanged=lambda w: not UnitCycle.objects.filter(unit=w.other_ward, outstanding_unit=True).exists(),
    ),
    ScopeCase("appraisals:evaluation", _url("appraisals:evaluation", _other_evaluation)),
    ScopeCase(
        "appraisals:evaluation_ethics",
        _url("appraisals:evaluation_ethics", _other_evaluation),
        kind="action",
        data={"ethical_degradation": "1", "ethics_finding_document": "Kết luận 1-KL"},
        unchanged=lambda w: (
            not Evaluation.objects.filter(unit=w.other_ward, ethical_degradation=True).exists()
        ),
    ),
    ScopeCase(
        "appraisals:evaluation_self",
        _url("appraisals:evaluation_self", _other_evaluation),
        kind="action",
        data=STEP,
        unchanged=_unchanged_evaluation,
    ),
    ScopeCase(
        "appraisals:evaluation_meeting",
        _url("appraisals:evaluation_meeting", _other_evaluation),
        kind="action",
        data={
            "meeting_comment": "x",
            "votes_excellent": 0,
            "votes_good": 1,
            "votes_completed": 0,
            "votes_not_completed": 0,
        },
        unchanged=_unchanged_evaluation,
    ),
    ScopeCase(
        "appraisals:evaluation_propose",
        _url("appraisals:evaluation_propose", _other_evaluation),
        kind="action",
        data={"level": "tot"},
        unchanged=_unchanged_evaluation,
    ),
    ScopeCase(
        "appraisals:evaluation_decide",
        _url("appraisals:evaluation_decide", _other_evaluation),
        kind="action",
        data={"level": "tot", "decision_number": "1"},
        unchanged=lambda w: not Evaluation.objects.filter(unit=w.other_ward, status="decided").exists(),
    ),
    ScopeCase(
        "appraisals:evaluation_correct",
        _url("appraisals:evaluation_correct", _decided),
        kind="action",
        data={"level": "xuat_sac", "decision_number": "2", "correction_reason": "x"},
        unchanged=lambda w: (
            not Evaluation.objects.filter(unit=w.other_ward, supersedes__isnull=False).exists()
        ),
    ),
    ScopeCase(
        "appraisals:evaluation_complaint",
        _url("appraisals:evaluation_complaint", _decided),
        kind="action",
        data={"complaint_outcome": "x"},
        unchanged=lambda w: (
            not Evaluation.objects.filter(unit=w.other_ward).exclude(complaint_outcome="").exists()
        ),
    ),
    ScopeCase("appraisals:evaluation_notice", _url("appraisals:evaluation_notice", _decided)),
    ScopeCase(
        "appraisals:results",
        lambda w: (_decided(w), reverse("appraisals:results") + f"?unit={w.other_ward.pk}&year=2026")[1],
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase(
        "appraisals:results_people",
        lambda w: (_decided(w), reverse("appraisals:results_people") + f"?unit={w.ward.parent_id}&year=2026")[
            1
        ],
        kind="list",
        secret=SECRET,
    ),
    ScopeCase("appraisals:import", _list("appraisals:import", _decided), kind="list", secret=SECRET),
    ScopeCase(
        "appraisals:import_template",
        _list("appraisals:import_template", _decided),
        kind="list",
        secret=SECRET,
    ),
    ScopeCase(
        "appraisals:my_evaluations", _list("appraisals:my_evaluations", _decided), kind="list", secret=SECRET
    ),
    ScopeCase("appraisals:my_evaluation", _url("appraisals:my_evaluation", _other_evaluation)),
    ScopeCase("appraisals:my_notice", _url("appraisals:my_notice", _decided)),
    ScopeCase("appraisals:published", _url("appraisals:published", _published)),
    ScopeCase(
        "api:results",
        lambda w: (_decided(w), reverse("api:results") + f"?unit={w.other_ward.pk}&year=2026")[1],
        kind="record",
    ),
    ScopeCase(
        "api:evaluations",
        lambda w: (_decided(w), reverse("api:evaluations") + "?year=2026")[1],
        kind="list",
        secret=SECRET,
    ),
]
