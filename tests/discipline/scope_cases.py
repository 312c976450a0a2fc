"""Every staff URL of discipline, proved against a case of the other ward."""

from django.urls import reverse

from congvu.discipline.models import DisciplineCase
from tests.discipline.factories import DisciplineCaseFactory
from tests.factories import StaffFactory
from tests.scope_harness import ScopeCase

SECRET_PERSON = "Đinh Thị Ngoài Phạm Vi"


def _person(w):
    return StaffFactory(unit=w.other_ward, full_name=SECRET_PERSON, badge_number="NGOAI001")


def _case(w):
    return DisciplineCaseFactory(unit=w.other_ward, staff=_person(w), facts="Vi phạm bí mật ngoài phạm vi")


def _list(name, build, secret):
    return ScopeCase(name, lambda w: (build(w), reverse(name))[1], kind="list", secret=secret)


def _case_unchanged(w):
    return not DisciplineCase.objects.exclude(status=DisciplineCase.Status.REVIEW).exists()


SCOPE_CASES = [
    _list("discipline:discipline_list", _case, SECRET_PERSON),
    _list("discipline:discipline_export", _case, SECRET_PERSON),
    _list("discipline:discipline_new", _person, SECRET_PERSON),
    ScopeCase(
        "discipline:discipline_detail", lambda w: reverse("discipline:discipline_detail", args=[_case(w).pk])
    ),
    ScopeCase(
        "discipline:discipline_meeting",
        lambda w: reverse("discipline:discipline_meeting", args=[_case(w).pk]),
        kind="action",
        data={"meeting_date": "05/03/2025", "summary": "Họp"},
        unchanged=_case_unchanged,
    ),
    ScopeCase(
        "discipline:discipline_decide",
        lambda w: reverse("discipline:discipline_decide", args=[_case(w).pk]),
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
        "discipline:discipline_dismiss",
        lambda w: reverse("discipline:discipline_dismiss", args=[_case(w).pk]),
        kind="action",
        data={"note": "Không kỷ luật"},
        unchanged=_case_unchanged,
    ),
]
