"""Inspection records of Phường Ngoài Phạm Vi (organised by it and visiting it) stay hidden from the
ward insider of Phường An Bình."""

import io

from django.core.files.base import ContentFile
from django.urls import reverse

from congvu.accounts.models import Role
from congvu.inspections import services
from congvu.inspections.checklist import default_template_version
from congvu.inspections.models import (
    Finding,
    InspectionPlan,
    RemedialTask,
    Round,
    TaskEvidence,
    TeamMember,
    TemplateVersion,
    Visit,
    VisitPhoto,
)
from tests.factories import StaffFactory, UserFactory, grant
from tests.inspections.factories import DAY, answer_all, make_visit
from tests.scope_harness import ScopeCase

SECRET = "Bí mật kiểm tra ngoài phạm vi"


def _head(world):
    user = UserFactory(username="truongdoanngoai")
    grant(user, Role.INSPECTOR, world.other_ward)
    return user


def _visit(world, status="planned"):
    head = _head(world)
    visit = make_visit(world.other_ward, world.other_ward, head=head)
    Round.objects.filter(pk=visit.round_id).update(title=SECRET)
    InspectionPlan.objects.filter(pk=visit.round.plan_id).update(title=SECRET)
    if status != "planned":
        staff = StaffFactory(unit=world.other_ward, full_name="Đinh Văn Ngoài Phạm Vi")
        answer_all(visit, fail_codes=("so-tiep-nhan",), officials=[staff], by=head)
    if status in ("submitted", "closed"):
        services.submit_visit(visit=visit, by=head)
    if status == "closed":
        services.close_visit(visit=visit, by=head)
        Finding.objects.filter(visit=visit).update(description=SECRET)
    visit.refresh_from_db()
    return visit


def _task(world, status=RemedialTask.Status.OPEN):
    visit = _visit(world, "closed")
    finding = visit.findings.get()
    services.decide_finding(finding=finding, action=Finding.Action.REMEDIAL, content=SECRET, working_days=5)
    task = finding.tasks.get()
    if status == RemedialTask.Status.REPORTED:
        RemedialTask.objects.filter(pk=task.pk).update(status=status, report="Đã khắc phục", reported_on=DAY)
    return task


def _photo(world):
    visit = _visit(world, "draft")
    photo = VisitPhoto(visit=visit)
    photo.image.save("ngoai.png", ContentFile(_png()), save=True)
    return photo


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def _evidence(world):
    task = _task(world)
    evidence = TaskEvidence(task=task, name="minh-chung-ngoai.png")
    evidence.file.save("minh-chung-ngoai.png", ContentFile(_png()), save=True)
    return evidence


def _status_is(status):
    return lambda w: Visit.objects.filter(status=status).count() == 1


def _url(name, build, attr="pk"):
    return lambda w: reverse(name, args=[getattr(build(w), attr)])


def _list(name, build):
    return lambda w: (build(w), reverse(name))[1]


SCOPE_CASES = [
    ScopeCase("inspections:index", _list("inspections:index", _visit), kind="list", secret=SECRET),
    ScopeCase(
        "inspections:plan_create",
        lambda w: reverse("inspections:plan_create"),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase(
        "inspections:plan_detail",
        lambda w: reverse("inspections:plan_detail", args=[_visit(w).round.plan_id]),
    ),
    ScopeCase(
        "inspections:round_create",
        lambda w: reverse("inspections:round_create", args=[_visit(w).round.plan_id]),
        kind="action",
        data={"title": "x", "start_date": "01/06/2024", "end_date": "05/06/2024"},
        unchanged=lambda w: Round.objects.count() == 1,
    ),
    ScopeCase(
        "inspections:round_detail", lambda w: reverse("inspections:round_detail", args=[_visit(w).round_id])
    ),
    ScopeCase(
        "inspections:member_add",
        lambda w: reverse("inspections:member_add", args=[_visit(w).round_id]),
        kind="action",
        data={"role": "head"},
        unchanged=lambda w: TeamMember.objects.count() == 1,
    ),
    ScopeCase(
        "inspections:member_remove",
        lambda w: (
            lambda v: reverse("inspections:member_remove", args=[v.round_id, v.round.members.get().pk])
        )(_visit(w)),
        kind="action",
        unchanged=lambda w: TeamMember.objects.count() == 1,
    ),
    ScopeCase(
        "inspections:visit_cancel",
        _url("inspections:visit_cancel", _visit),
        kind="action",
        unchanged=lambda w: Visit.objects.count() == 1,
    ),
    ScopeCase(
        "inspections:visit_schedule",
        lambda w: reverse("inspections:visit_schedule", args=[_visit(w).round_id]),
        kind="action",
        data={"date": "15/05/2024"},
        unchanged=lambda w: Visit.objects.count() == 1,
    ),
    ScopeCase(
        "inspections:round_report", lambda w: reverse("inspections:round_report", args=[_visit(w).round_id])
    ),
    ScopeCase(
        "inspections:visit_list",
        _list("inspections:visit_list", _visit),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase(
        "inspections:visit_register",
        _list("inspections:visit_register", _visit),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase("inspections:visit_detail", _url("inspections:visit_detail", _visit)),
    ScopeCase("inspections:visit_record", _url("inspections:visit_record", _visit)),
    ScopeCase(
        "inspections:visit_record",
        _url("inspections:visit_record", _visit),
        kind="action",
        data={"summary": "sửa trái phép"},
        unchanged=_status_is("planned"),
    ),
    ScopeCase(
        "inspections:visit_officials",
        lambda w: reverse("inspections:visit_officials", args=[_visit(w, "draft").pk]) + "?q=ngoai",
    ),
    ScopeCase(
        "inspections:visit_photo",
        _url("inspections:visit_photo", lambda w: _visit(w, "draft")),
        kind="action",
        unchanged=lambda w: not VisitPhoto.objects.exists(),
    ),
    ScopeCase(
        "inspections:visit_submit",
        _url("inspections:visit_submit", lambda w: _visit(w, "draft")),
        kind="action",
        unchanged=_status_is("draft"),
    ),
    ScopeCase(
        "inspections:visit_close",
        _url("inspections:visit_close", lambda w: _visit(w, "submitted")),
        kind="action",
        unchanged=_status_is("submitted"),
    ),
    ScopeCase(
        "inspections:visit_return",
        _url("inspections:visit_return", lambda w: _visit(w, "submitted")),
        kind="action",
        unchanged=_status_is("submitted"),
    ),
    ScopeCase("inspections:visit_minutes", _url("inspections:visit_minutes", lambda w: _visit(w, "closed"))),
    ScopeCase("inspections:photo", _url("inspections:photo", _photo)),
    ScopeCase(
        "inspections:finding_list",
        _list("inspections:finding_list", lambda w: _visit(w, "closed")),
        kind="list",
        secret=SECRET,
    ),
    ScopeCase(
        "inspections:finding_detail",
        lambda w: reverse("inspections:finding_detail", args=[_visit(w, "closed").findings.get().pk]),
    ),
    ScopeCase(
        "inspections:finding_detail",
        lambda w: reverse("inspections:finding_detail", args=[_visit(w, "closed").findings.get().pk]),
        kind="action",
        data={"action": "reminder", "severity": "minor", "content": "x"},
        unchanged=lambda w: Finding.objects.get().action == "",
    ),
    ScopeCase("inspections:task_list", _list("inspections:task_list", _task), kind="list", secret=SECRET),
    ScopeCase("inspections:task_detail", _url("inspections:task_detail", _task)),
    ScopeCase(
        "inspections:task_detail",
        _url("inspections:task_detail", _task),
        kind="action",
        data={"report": "đã khắc phục"},
        unchanged=lambda w: RemedialTask.objects.get().status == RemedialTask.Status.OPEN,
    ),
    ScopeCase(
        "inspections:task_review",
        _url("inspections:task_review", lambda w: _task(w, RemedialTask.Status.REPORTED)),
        kind="action",
        data={"decision": "accept"},
        unchanged=lambda w: RemedialTask.objects.get().status == RemedialTask.Status.REPORTED,
    ),
    ScopeCase("inspections:evidence_file", _url("inspections:evidence_file", _evidence)),
    # Checklists are shared by the whole tree: anyone may read them, only the top programme office edits.
    ScopeCase(
        "inspections:template_list",
        _list("inspections:template_list", _visit),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase(
        "inspections:template_new_version",
        lambda w: reverse("inspections:template_new_version", args=[default_template_version().template_id]),
        kind="action",
        unchanged=lambda w: TemplateVersion.objects.count() == 1,
        refusal=403,  # the province's templates: seen by every organiser, edited by the programme office
    ),
    ScopeCase(
        "inspections:version_detail",
        lambda w: (_visit(w), reverse("inspections:version_detail", args=[default_template_version().pk]))[1],
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase(
        "inspections:version_detail",
        lambda w: reverse("inspections:version_detail", args=[default_template_version().pk]),
        kind="action",
        data={"op": "publish"},
        unchanged=lambda w: TemplateVersion.objects.count() == 1,
        refusal=403,  # as above
    ),
    ScopeCase("api:inspection_rounds", _list("api:inspection_rounds", _visit), kind="list", secret=SECRET),
    ScopeCase(
        "api:inspection_visits",
        _list("api:inspection_visits", _visit),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase("api:inspection_visit", lambda w: reverse("api:inspection_visit", args=[_visit(w).pk])),
]
