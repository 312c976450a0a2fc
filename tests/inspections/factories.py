"""Builders for inspection records in tests."""

import datetime as dt

from congvu.inspections import services
from congvu.inspections.checklist import default_template_version
from congvu.inspections.models import TeamMember, VisitAnswer
from congvu.inspections.selectors import items_of

DAY = dt.date(2024, 5, 14)  # a Tuesday


def make_round(organiser, *, head=None, members=(), start=DAY, end=None, title="Kiểm tra kỷ luật hành chính"):
    plan = services.create_plan(unit=organiser, year=start.year, title=f"Kế hoạch kiểm tra năm {start.year}")
    round_ = services.create_round(
        plan=plan, title=title, start_date=start, end_date=end or start + dt.timedelta(days=10)
    )
    if head is not None:
        services.add_member(round=round_, user=head, role=TeamMember.Role.HEAD)
    for user in members:
        services.add_member(round=round_, user=user)
    return round_


def make_visit(organiser, unit, *, head=None, members=(), day=DAY):
    round_ = make_round(organiser, head=head, members=members, start=day)
    return services.schedule_visit(round=round_, unit=unit, date=day)


def answer_all(visit, *, fail_codes=(), officials=(), by=None):
    """Answer every item: pass, except the codes given, which fail with a note and the officials."""
    answers = {}
    for item in items_of(visit.template_version):
        failed = item.code in fail_codes
        answers[item.pk] = {
            "result": VisitAnswer.Result.FAIL if failed else VisitAnswer.Result.PASS,
            "note": f"Vi phạm: {item.text}" if failed else "",
            "officials": [s.pk for s in officials] if failed else [],
        }
    return services.save_answers(visit=visit, answers=answers, by=by)


def closed_visit(organiser, unit, *, head, fail_codes=("the-cong-chuc",), officials=(), day=DAY):
    visit = make_visit(organiser, unit, head=head, day=day)
    answer_all(visit, fail_codes=fail_codes, officials=officials, by=head)
    services.submit_visit(visit=visit, by=head)
    return services.close_visit(visit=visit, by=head)


def item(code):
    return items_of(default_template_version()).get(code=code)
