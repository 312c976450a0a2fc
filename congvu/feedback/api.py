"""Staff JSON API for feedback cases (session auth, same scope as the pages)."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.security import django_auth

from congvu.core.edge import MAX_OFFSET
from congvu.feedback import selectors
from congvu.feedback.roles import VIEW_ROLES

router = Router(tags=["feedback"])


class CaseOut(Schema):
    id: int
    code: str | None
    channel: str
    status: str
    kind: str
    title: str
    unit: str
    topic: str | None
    received_at: str
    answer_due: str | None
    answered_at: str | None
    answered_late: bool | None
    intake_late: bool
    published: bool


def _out(case) -> dict:
    return {
        "id": case.pk,
        "code": case.code,
        "channel": case.channel,
        "status": case.status,
        "kind": case.kind,
        "title": case.title,
        "unit": case.unit.code,
        "topic": case.topic.code if case.topic else None,
        "received_at": case.received_at.isoformat(),
        "answer_due": case.answer_due.isoformat() if case.answer_due else None,
        "answered_at": case.answered_at.isoformat() if case.answered_at else None,
        "answered_late": case.answered_late,
        "intake_late": case.intake_late,
        "published": case.published_at is not None,
    }


def _cases(request):
    return selectors.cases_for(request.user, VIEW_ROLES).select_related("unit", "topic")


@router.get("/cases", response=list[CaseOut], auth=django_auth)
def list_cases(
    request,
    tab: str = "all",
    status: str = "",
    q: str = Query("", max_length=200),
    limit: int = Query(100, ge=1, le=500),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    """Cases in the caller's scope, newest first (at most 500 per call)."""
    queryset = selectors.inbox(_cases(request), user=request.user, tab=tab, status=status, query=q)
    return [_out(case) for case in queryset.order_by("-received_at", "-pk")[offset : offset + limit]]


@router.get("/cases/{case_id}", response=CaseOut, auth=django_auth)
def get_case(request, case_id: int):
    return _out(get_object_or_404(_cases(request), pk=case_id))
