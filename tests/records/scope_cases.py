"""Every staff URL of the records part, proved against a record of the other ward."""

from django.core.files.base import ContentFile
from django.urls import reverse

from congvu.records.models import DisciplineCase, Reward, TaskAssignment, WorkingRegulation
from tests.factories import StaffFactory
from tests.records.factories import (
    DirectiveFactory,
    DirectiveTaskFactory,
    DisciplineCaseFactory,
    RewardFactory,
    TaskAssignmentFactory,
    TaskReportFactory,
    WorkingRegulationFactory,
)
from tests.scope_harness import ScopeCase

SECRET_PERSON = "Đinh Thị Ngoài Phạm Vi"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _person(w):
    return StaffFactory(unit=w.other_ward, full_name=SECRET_PERSON, badge_number="NGOAI001")


def _reward(w):
    return RewardFactory(unit=w.other_ward, staff=_person(w))


def _decided_reward(w):
    import datetime as dt

    return RewardFactory(
        unit=w.other_ward,
        staff=_person(w),
        status=Reward.Status.DECIDED,
        decision_number="999/QĐ-BIMAT",
        decision_date=dt.date(2026, 1, 5),
    )


def _case(w):
    return DisciplineCaseFactory(unit=w.other_ward, staff=_person(w), facts="Vi phạm bí mật ngoài phạm vi")


def _regulation(w):
    regulation = WorkingRegulationFactory(
        unit=w.other_ward, number="999/QĐ-NGOAI", title="Quy chế bí mật ngoài"
    )
    regulation.file.save("quy-che.pdf", ContentFile(PDF), save=True)
    return regulation


def _directive(w):
    directive = DirectiveFactory(
        unit=w.other_ward, number="777/KH-NGOAI", title="Kế hoạch bí mật ngoài phạm vi"
    )
    directive.file.save("ke-hoach.pdf", ContentFile(PDF), save=True)
    return directive


def _assignment(w):
    task = DirectiveTaskFactory(directive=_directive(w), title="Nhiệm vụ bí mật ngoài phạm vi")
    return TaskAssignmentFactory(task=task, unit=w.other_ward)


def _reported(w):
    assignment = _assignment(w)
    assignment.status = TaskAssignment.Status.REPORTED
    assignment.save()
    return assignment


def _report(w):
    report = TaskReportFactory(assignment=_assignment(w))
    report.evidence.save("minh-chung.pdf", ContentFile(PDF), save=True)
    return report


def _list(name, build, secret):
    return ScopeCase(name, lambda w: (build(w), reverse(name))[1], kind="list", secret=secret)


def _reward_unchanged(w):
    return not Reward.objects.exclude(status=Reward.Status.PROPOSED).exists()


def _case_unchanged(w):
    return not DisciplineCase.objects.exclude(status=DisciplineCase.Status.REVIEW).exists()


def _assignment_unchanged(w):
    return (
        not TaskAssignment.objects.filter(reports__isnull=False).exists()
        and not TaskAssignment.objects.filter(status=TaskAssignment.Status.ACCEPTED).exists()
    )


# The batch decision posts the ids of the proposals; the case's build fills in the out-of-scope one.
BATCH_DATA = {"deciding_body": "X", "decision_number": "1/QĐ", "decision_date": "02/12/2025"}

SCOPE_CASES = [
    # self-service: only the caller's own records
    _list("records:my_records", lambda w: _decided_reward(w), "999/QĐ-BIMAT"),
    # rewards
    _list("records:reward_list", _reward, SECRET_PERSON),
    _list("records:reward_export", _reward, SECRET_PERSON),
    _list("records:reward_new", _person, SECRET_PERSON),
    ScopeCase("records:reward_detail", lambda w: reverse("records:reward_detail", args=[_reward(w).pk])),
    ScopeCase(
        "records:reward_decide",
        lambda w: reverse("records:reward_decide", args=[_reward(w).pk]),
        kind="action",
        data={
            "approved": "1",
            "deciding_body": "X",
            "decision_number": "1/QĐ",
            "decision_date": "02/12/2025",
        },
        unchanged=_reward_unchanged,
    ),
    ScopeCase(
        "records:reward_decide_many",
        lambda w: (BATCH_DATA.update(rewards=[_reward(w).pk]), reverse("records:reward_decide_many"))[1],
        kind="action",
        data=BATCH_DATA,
        unchanged=_reward_unchanged,
    ),
    # discipline
    _list("records:discipline_list", _case, SECRET_PERSON),
    _list("records:discipline_export", _case, SECRET_PERSON),
    _list("records:discipline_new", _person, SECRET_PERSON),
    ScopeCase(
        "records:discipline_detail", lambda w: reverse("records:discipline_detail", args=[_case(w).pk])
    ),
    ScopeCase(
        "records:discipline_meeting",
        lambda w: reverse("records:discipline_meeting", args=[_case(w).pk]),
        kind="action",
        data={"meeting_date": "05/03/2025", "summary": "Họp"},
        unchanged=_case_unchanged,
    ),
    ScopeCase(
        "records:discipline_decide",
        lambda w: reverse("records:discipline_decide", args=[_case(w).pk]),
        kind="action",
        data={
            "form": "khien_trach",
            "deciding_body": "UBND",
            "decision_number": "1/QĐ",
            "decision_date": "10/03/2025",
        },
        unchanged=_case_unchanged,
    ),
    ScopeCase(
        "records:discipline_dismiss",
        lambda w: reverse("records:discipline_dismiss", args=[_case(w).pk]),
        kind="action",
        data={"note": "Không kỷ luật"},
        unchanged=_case_unchanged,
    ),
    # working regulations
    _list("records:regulation_list", _regulation, "999/QĐ-NGOAI"),
    _list("records:regulation_export", _regulation, "999/QĐ-NGOAI"),
    _list("records:regulation_new", _regulation, "Ngoài Phạm Vi"),
    ScopeCase(
        "records:regulation_unit", lambda w: reverse("records:regulation_unit", args=[_regulation(w).unit_id])
    ),
    ScopeCase(
        "records:regulation_detail", lambda w: reverse("records:regulation_detail", args=[_regulation(w).pk])
    ),
    ScopeCase(
        "records:regulation_file", lambda w: reverse("records:regulation_file", args=[_regulation(w).pk])
    ),
    ScopeCase(
        "records:regulation_end",
        lambda w: reverse("records:regulation_end", args=[_regulation(w).pk]),
        kind="action",
        data={"valid_to": "31/12/2024", "note": "Bãi bỏ"},
        unchanged=lambda w: not WorkingRegulation.objects.filter(valid_to__isnull=False).exists(),
    ),
    # plans and directives
    _list("records:directive_list", _assignment, "777/KH-NGOAI"),
    _list("records:directive_new", _assignment, "Ngoài Phạm Vi"),
    ScopeCase(
        "records:directive_detail", lambda w: reverse("records:directive_detail", args=[_directive(w).pk])
    ),
    ScopeCase("records:directive_file", lambda w: reverse("records:directive_file", args=[_directive(w).pk])),
    ScopeCase(
        "records:task_add",
        lambda w: reverse("records:task_add", args=[_directive(w).pk]),
        kind="action",
        data={"task-title": "Nhiệm vụ chen ngang", "task-units": [], "task-deadline": "01/06/2026"},
        unchanged=lambda w: not TaskAssignment.objects.exists(),
    ),
    _list("records:assignment_list", _assignment, "Nhiệm vụ bí mật ngoài phạm vi"),
    _list("records:assignment_export", _assignment, "Nhiệm vụ bí mật ngoài phạm vi"),
    ScopeCase(
        "records:assignment_detail", lambda w: reverse("records:assignment_detail", args=[_assignment(w).pk])
    ),
    ScopeCase(
        "records:assignment_report",
        lambda w: reverse("records:assignment_report", args=[_assignment(w).pk]),
        kind="action",
        data={"text": "Báo cáo chen ngang", "is_final": "on"},
        unchanged=_assignment_unchanged,
    ),
    ScopeCase(
        "records:assignment_review",
        lambda w: reverse("records:assignment_review", args=[_reported(w).pk]),
        kind="action",
        data={"accept": "1"},
        unchanged=_assignment_unchanged,
    ),
    ScopeCase(
        "api:records_regulations",
        lambda w: (_regulation(w), reverse("api:records_regulations") + "?on=2020-12-31")[1],
        kind="list",
        secret="999/QĐ-NGOAI",
    ),
    ScopeCase(
        "api:records_assignments",
        lambda w: (_assignment(w), reverse("api:records_assignments"))[1],
        kind="list",
        secret="Nhiệm vụ bí mật ngoài phạm vi",
    ),
    ScopeCase("records:report_evidence", lambda w: reverse("records:report_evidence", args=[_report(w).pk])),
]
