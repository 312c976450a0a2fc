"""Staff pages of rewards, discipline, working regulations and plans/directives.

Views parse input, check the scope, call one service or selector and render. Who may do what:
- rewards: read by unit heads, the programme office, admins and leadership of the scope; proposed by
  unit heads, the programme office and admins; decided by the programme office and admins;
- discipline: only unit heads, the programme office and admins of the scope (sensitive personal data;
  leadership sees counts in reports, not the cases);
- regulations: read also by leadership and inspectors (they check "working regulation issued");
  recorded by unit heads, the programme office and admins;
- plans: the programme office and admins of the directive's unit register documents, assign and
  accept tasks; unit heads of the assigned unit report; leadership reads.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Prefetch, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import login_required_page, staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import get_scoped_or_404, scope_q, scope_roots, scoped, scoped_units, unit_in_scope
from congvu.core.uploads import protected_file_response
from congvu.people.models import Staff
from congvu.records import selectors, services
from congvu.records.forms import (
    AssignmentFilterForm,
    BatchDecisionForm,
    DirectiveFilterForm,
    DirectiveForm,
    DisciplineDecisionForm,
    DisciplineFilterForm,
    DisciplineOpenForm,
    DismissForm,
    MeetingForm,
    RegulationEndForm,
    RegulationFilterForm,
    RegulationForm,
    ReportForm,
    ReviewForm,
    RewardDecisionForm,
    RewardFilterForm,
    RewardProposalForm,
    TaskForm,
    apply_errors,
)
from congvu.records.models import (
    Directive,
    DisciplineCase,
    DisciplineForm,
    Reward,
    TaskAssignment,
    TaskReport,
    WorkingRegulation,
    forms_allowed_for,
)
from congvu.records.spreadsheets import d, xlsx_response
from congvu.units.models import Unit

UH, PO, SA, LD, IN = Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN, Role.LEADERSHIP, Role.INSPECTOR
REWARD_VIEW = (UH, PO, SA, LD)
REWARD_PROPOSE = (UH, PO, SA)
REWARD_DECIDE = (PO, SA)
DISCIPLINE = (UH, PO, SA)
REGULATION_VIEW = (UH, PO, SA, LD, IN)
REGULATION_MANAGE = (UH, PO, SA)
PLAN_VIEW = (UH, PO, SA, LD)
PLAN_MANAGE = (PO, SA)
PLAN_REPORT = (UH, PO, SA)
PAGE_SIZE = 50


def _scoped_any(queryset, user, fields, roles):
    """Records linked to a unit in scope through any of `fields` (e.g. the proposing unit or the person)."""
    if scope_roots(user, roles) is None:
        return queryset
    condition = Q(pk__in=[])
    for field in fields:
        condition |= scope_q(user, field, roles)
    return queryset.filter(condition).distinct()


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


MAX_PEOPLE_CHOICES = 2000


def _staff_choices(request, roles):
    """People in scope for a picker. A province has tens of thousands: past MAX_PEOPLE_CHOICES the page
    asks for a unit first (?don_vi=<id>) and lists that unit's people only."""
    queryset = scoped(Staff.objects.active(), request.user, roles=roles).select_related("unit")
    picked = None
    unit_id = request.GET.get("don_vi", "")
    if unit_id.isdigit():
        picked = scoped_units(request.user, roles).filter(pk=unit_id).first()
        if picked is not None:
            queryset = queryset.filter(unit__path__startswith=picked.path)
    too_many = picked is None and queryset.count() > MAX_PEOPLE_CHOICES
    if too_many:
        queryset = queryset.none()
    return queryset.order_by("unit__path", "full_name"), {"picked_unit": picked, "too_many_people": too_many}


# ---------------------------------------------------------------------------------------------------
# Rewards


def _rewards(request):
    units = scoped_units(request.user, REWARD_VIEW)
    form = RewardFilterForm(request.GET or None, units=units.order_by("path"))
    queryset = _scoped_any(
        Reward.objects.all(), request.user, ("unit", "staff__unit", "collective"), REWARD_VIEW
    )
    queryset = queryset.select_related("unit", "title", "staff", "collective")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            queryset = queryset.filter(
                Q(unit__path__startswith=data["unit"].path)
                | Q(staff__unit__path__startswith=data["unit"].path)
            )
        if data["year"]:
            queryset = queryset.filter(year=data["year"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["title"]:
            queryset = queryset.filter(title=data["title"])
        queryset = selectors.search(queryset, data["q"])
    return form, queryset


def _decidable(request):
    """Proposals waiting for a decision that the user may decide."""
    return scoped(Reward.objects.filter(status=Reward.Status.PROPOSED), request.user, roles=REWARD_DECIDE)


@staff_required(*REWARD_VIEW)
def reward_list(request, batch_form=None):
    form, queryset = _rewards(request)
    page = _page(request, queryset)
    can_batch = request.GET.get("status") == Reward.Status.PROPOSED and _can(request, REWARD_DECIDE)
    bound = batch_form is not None
    if can_batch:
        batch_form = batch_form or BatchDecisionForm(proposals=_decidable(request))
    return render(
        request,
        "records/reward_list.html",
        {
            "form": form,
            "page": page,
            "total": page.paginator.count,
            "can_propose": _can(request, REWARD_PROPOSE),
            "batch_form": batch_form if can_batch else None,
            "decidable": set(_decidable(request).values_list("pk", flat=True)) if can_batch else set(),
        },
        status=400 if bound else 200,
    )


@require_POST
@staff_required(*REWARD_DECIDE)
def reward_decide_many(request):
    wanted = {value for value in request.POST.getlist("rewards") if value.isdigit()}
    if wanted and len(wanted) != _decidable(request).filter(pk__in=wanted).count():
        raise Http404  # a proposal outside the scope (or already decided) looks like a missing one
    form = BatchDecisionForm(request.POST, proposals=_decidable(request))
    if form.is_valid():
        data = form.cleaned_data
        try:
            decided = services.decide_rewards(
                rewards=list(data["rewards"]),
                deciding_body=data["deciding_body"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi quyết định cho %(n)s đề nghị.") % {"n": len(decided)})
            return redirect(reverse("records:reward_list") + "?status=decided")
    request.GET = request.GET.copy()
    request.GET["status"] = Reward.Status.PROPOSED
    return reward_list.__wrapped__(request, batch_form=form)


def _can(request, roles):
    from congvu.accounts.scope import has_role

    return has_role(request.user, *roles)


@staff_required(*REWARD_VIEW)
def reward_export(request):
    _form, queryset = _rewards(request)
    rows = (
        [
            r.year,
            r.title.name,
            r.recipient_name,
            r.staff.badge_number if r.staff_id else "",
            r.unit.name,
            r.reason,
            r.get_status_display(),
            r.deciding_body,
            r.decision_number,
            d(r.decision_date),
        ]
        for r in queryset.iterator(chunk_size=1000)
    )
    return xlsx_response(
        filename="khen-thuong",
        title="Khen thưởng",
        header=[
            "Năm",
            "Danh hiệu, hình thức",
            "Cá nhân, tập thể",
            "Số thẻ",
            "Đơn vị đề nghị",
            "Thành tích",
            "Trạng thái",
            "Cấp quyết định",
            "Số quyết định",
            "Ngày quyết định",
        ],
        rows=rows,
        widths=[8, 30, 30, 12, 36, 50, 24, 30, 18, 14],
    )


def _reward(request, pk, roles=REWARD_VIEW):
    queryset = _scoped_any(Reward.objects.all(), request.user, ("unit", "staff__unit", "collective"), roles)
    return get_object_or_404(queryset.select_related("unit", "title", "staff__unit", "collective"), pk=pk)


@staff_required(*REWARD_VIEW)
def reward_detail(request, pk):
    reward = _reward(request, pk)
    can_decide = reward.status == Reward.Status.PROPOSED and unit_in_scope(
        request.user, reward.unit, REWARD_DECIDE
    )
    decision_form = RewardDecisionForm(initial={"deciding_body": reward.title.default_deciding_body})
    return render(
        request,
        "records/reward_detail.html",
        {
            "reward": reward,
            "events": reward.events.select_related("actor__staff"),
            "can_decide": can_decide,
            "decision_form": decision_form,
        },
    )


@staff_required(*REWARD_PROPOSE)
def reward_new(request):
    units = scoped_units(request.user, REWARD_PROPOSE).current().order_by("path")
    people, picker = _staff_choices(request, REWARD_PROPOSE)
    form = RewardProposalForm(request.POST or None, units=units, staff=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        common = {
            "unit": data["unit"],
            "title": data["title"],
            "year": data["year"],
            "reason": data["reason"],
            "proposal_number": data["proposal_number"],
            "proposed_on": data["proposed_on"],
            "by": request.user,
        }
        try:
            if data["collective"] is not None:
                rewards = [services.propose_reward(collective=data["collective"], **common)]
            else:
                rewards = services.propose_rewards(people=data["staff"], **common)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã gửi %(n)s đề nghị khen thưởng.") % {"n": len(rewards)})
            if len(rewards) == 1:
                return redirect("records:reward_detail", rewards[0].pk)
            return redirect(reverse("records:reward_list") + f"?status=proposed&year={data['year']}")
    return render(request, "records/reward_form.html", {"form": form, "units": units, **picker})


@require_POST
@staff_required(*REWARD_DECIDE)
def reward_decide(request, pk):
    reward = _reward(request, pk, REWARD_DECIDE)
    if not unit_in_scope(request.user, reward.unit, REWARD_DECIDE):
        raise PermissionDenied
    form = RewardDecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_reward(
                reward=reward,
                approved=data["approved"],
                deciding_body=data["deciding_body"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi kết quả xét khen thưởng."))
            return redirect("records:reward_detail", reward.pk)
    return render(
        request,
        "records/reward_detail.html",
        {"reward": reward, "events": reward.events.all(), "can_decide": True, "decision_form": form},
        status=400,
    )


# ---------------------------------------------------------------------------------------------------
# Discipline


def _cases(request):
    form = DisciplineFilterForm(
        request.GET or None, units=scoped_units(request.user, DISCIPLINE).order_by("path")
    )
    queryset = _scoped_any(DisciplineCase.objects.all(), request.user, ("unit", "staff__unit"), DISCIPLINE)
    queryset = queryset.select_related("unit", "staff")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            queryset = queryset.filter(unit__path__startswith=data["unit"].path)
        if data["year"]:
            queryset = queryset.filter(decision_date__year=data["year"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["form"]:
            queryset = queryset.filter(form=data["form"])
        queryset = selectors.search(queryset, data["q"])
    return form, queryset


@staff_required(*DISCIPLINE)
def discipline_list(request):
    form, queryset = _cases(request)
    page = _page(request, queryset)
    return render(
        request, "records/discipline_list.html", {"form": form, "page": page, "total": page.paginator.count}
    )


@staff_required(*DISCIPLINE)
def discipline_export(request):
    _form, queryset = _cases(request)
    rows = (
        [
            c.staff.full_name,
            c.staff.badge_number or "",
            c.unit.name,
            c.get_origin_display(),
            c.origin_reference,
            c.facts,
            c.get_status_display(),
            c.get_form_display() if c.form else "",
            c.decision_number,
            d(c.decision_date),
            d(c.effective_from),
            d(c.effective_to),
        ]
        for c in queryset.iterator(chunk_size=1000)
    )
    return xlsx_response(
        filename="ky-luat",
        title="Kỷ luật",
        header=[
            "Họ và tên",
            "Số thẻ",
            "Đơn vị",
            "Nguồn",
            "Tham chiếu",
            "Nội dung vi phạm",
            "Trạng thái",
            "Hình thức",
            "Số quyết định",
            "Ngày quyết định",
            "Hiệu lực từ",
            "Hết hiệu lực",
        ],
        rows=rows,
        widths=[28, 12, 34, 24, 20, 50, 20, 16, 16, 14, 14, 14],
    )


def _case(request, pk):
    queryset = _scoped_any(DisciplineCase.objects.all(), request.user, ("unit", "staff__unit"), DISCIPLINE)
    return get_object_or_404(queryset.select_related("unit", "staff__unit", "staff__position"), pk=pk)


@staff_required(*DISCIPLINE)
def discipline_detail(request, pk, forms=None):
    case = _case(request, pk)
    forms = forms or {}
    open_case = case.status in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING)
    allowed = forms_allowed_for(case.staff)
    context = {
        "case": case,
        "events": case.events.select_related("actor__staff"),
        "open_case": open_case,
        "allowed_forms": [label for code, label in DisciplineForm.choices if code in allowed],
        "meeting_form": forms.get("meeting") or MeetingForm(initial={"meeting_date": timezone.localdate()}),
        "decision_form": forms.get("decision") or DisciplineDecisionForm(allowed_forms=allowed),
        "dismiss_form": forms.get("dismiss") or DismissForm(),
    }
    return render(request, "records/discipline_detail.html", context, status=400 if forms else 200)


@staff_required(*DISCIPLINE)
def discipline_new(request):
    people, picker = _staff_choices(request, DISCIPLINE)
    form = DisciplineOpenForm(request.POST or None, staff=people, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.open_discipline_case(
                staff=data["staff"],
                origin=data["origin"],
                origin_reference=data["origin_reference"],
                origin_url=data["origin_url"],
                facts=data["facts"],
                opened_by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã mở hồ sơ xem xét kỷ luật."))
            return redirect("records:discipline_detail", case.pk)
    units = scoped_units(request.user, DISCIPLINE).current().order_by("path")
    return render(request, "records/discipline_form.html", {"form": form, "units": units, **picker})


def _case_action(request, pk, form_class, key, action):
    case = _case(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(case, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã cập nhật hồ sơ kỷ luật."))
            return redirect("records:discipline_detail", case.pk)
    return discipline_detail.__wrapped__(request, pk, forms={key: form})


@require_POST
@staff_required(*DISCIPLINE)
def discipline_meeting(request, pk):
    return _case_action(
        request,
        pk,
        MeetingForm,
        "meeting",
        lambda case, data: services.record_discipline_meeting(
            case=case, meeting_date=data["meeting_date"], summary=data["summary"], by=request.user
        ),
    )


@require_POST
@staff_required(*DISCIPLINE)
def discipline_decide(request, pk):
    case = _case(request, pk)
    form = DisciplineDecisionForm(request.POST, allowed_forms=forms_allowed_for(case.staff))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_discipline(
                case=case,
                form=data["form"],
                deciding_body=data["deciding_body"],
                decision_number=data["decision_number"],
                decision_date=data["decision_date"],
                effective_from=data["effective_from"],
                effective_to=data["effective_to"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi quyết định kỷ luật."))
            return redirect("records:discipline_detail", case.pk)
    return discipline_detail.__wrapped__(request, pk, forms={"decision": form})


@require_POST
@staff_required(*DISCIPLINE)
def discipline_dismiss(request, pk):
    return _case_action(
        request,
        pk,
        DismissForm,
        "dismiss",
        lambda case, data: services.dismiss_discipline(case=case, note=data["note"], by=request.user),
    )


# ---------------------------------------------------------------------------------------------------
# Working regulations


def _regulation_rows(request):
    units = scoped_units(request.user, REGULATION_VIEW)
    form = RegulationFilterForm(request.GET or None, units=units.current().order_by("path"))
    on, only_missing, query = timezone.localdate(), False, ""
    selected = units
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        on = data["on"] or on
        only_missing = data["missing"]
        query = data["q"]
        if data["unit"]:
            selected = selected.filter(path__startswith=data["unit"].path)
    rows = selectors.regulation_status(selected, on)
    terms = selectors.folded_terms(query)
    if terms:
        from congvu.core.text import fold

        rows = [
            row
            for row in rows
            if all(
                term in row["unit"].name_folded
                or (row["regulation"] and term in row["regulation"].search_folded)
                or term in fold(row["unit"].code)
                for term in terms
            )
        ]
    if only_missing:
        rows = [row for row in rows if row["missing"]]
    return form, rows, on


@staff_required(*REGULATION_VIEW)
def regulation_list(request):
    form, rows, on = _regulation_rows(request)
    covered = sum(1 for row in rows if not row["missing"])
    return render(
        request,
        "records/regulation_list.html",
        {
            "form": form,
            "rows": rows,
            "on": on,
            "covered": covered,
            "total": len(rows),
            "percent": round(100.0 * covered / len(rows), 1) if rows else None,
            "can_manage": _can(request, REGULATION_MANAGE),
        },
    )


@staff_required(*REGULATION_VIEW)
def regulation_export(request):
    _form, rows, on = _regulation_rows(request)
    data = []
    for row in rows:
        regulation = row["regulation"]
        data.append(
            [
                row["unit"].code,
                row["unit"].name,
                "Chưa có" if row["missing"] else "Có",
                regulation.number if regulation else "",
                regulation.title if regulation else "",
                d(regulation.signed_on) if regulation else "",
                d(regulation.valid_from) if regulation else "",
                "; ".join(f"{a.number} ({d(a.valid_from)})" for a in row["amendments"]),
            ]
        )
    return xlsx_response(
        filename=f"quy-che-lam-viec-{on:%Y%m%d}",
        title="Quy chế làm việc",
        header=[
            "Mã đơn vị",
            "Đơn vị",
            f"Quy chế có hiệu lực ngày {on:%d/%m/%Y}",
            "Số, ký hiệu",
            "Tên văn bản",
            "Ngày ban hành",
            "Hiệu lực từ",
            "Sửa đổi, bổ sung",
        ],
        rows=data,
        widths=[22, 40, 16, 20, 50, 14, 14, 40],
    )


@staff_required(*REGULATION_VIEW)
def regulation_unit(request, unit_pk):
    unit = get_scoped_or_404(Unit.objects.all(), request.user, field="", roles=REGULATION_VIEW, pk=unit_pk)
    history = selectors.regulation_history(unit)
    today = timezone.localdate()
    return render(
        request,
        "records/regulation_unit.html",
        {
            "unit": unit,
            "history": history,
            "current": WorkingRegulation.objects.filter(unit=unit).in_force(today).first(),
            "today": today,
            "can_manage": unit_in_scope(request.user, unit, REGULATION_MANAGE),
        },
    )


def _regulation(request, pk):
    return get_scoped_or_404(
        WorkingRegulation.objects.select_related("unit", "amends", "replaces"),
        request.user,
        roles=REGULATION_VIEW,
        pk=pk,
    )


@staff_required(*REGULATION_VIEW)
def regulation_detail(request, pk, end_form=None):
    regulation = _regulation(request, pk)
    can_end = (
        regulation.kind != WorkingRegulation.Kind.AMENDMENT
        and regulation.valid_to is None
        and unit_in_scope(request.user, regulation.unit, REGULATION_MANAGE)
    )
    return render(
        request,
        "records/regulation_detail.html",
        {
            "regulation": regulation,
            "amendments": regulation.amendments.all(),
            "replaced_by": regulation.replaced_by.first(),
            "events": regulation.events.select_related("actor__staff"),
            "can_end": can_end,
            "end_form": end_form or RegulationEndForm(),
        },
        status=400 if end_form else 200,
    )


@require_POST
@staff_required(*REGULATION_MANAGE)
def regulation_end(request, pk):
    regulation = get_scoped_or_404(
        WorkingRegulation.objects.all(), request.user, roles=REGULATION_MANAGE, pk=pk
    )
    form = RegulationEndForm(request.POST)
    if form.is_valid():
        try:
            services.end_regulation(
                regulation=regulation,
                valid_to=form.cleaned_data["valid_to"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi bãi bỏ quy chế."))
            return redirect("records:regulation_detail", regulation.pk)
    return regulation_detail.__wrapped__(request, pk, end_form=form)


@staff_required(*REGULATION_VIEW)
def regulation_file(request, pk):
    regulation = _regulation(request, pk)
    if not regulation.file:
        raise Http404
    return protected_file_response(regulation.file)


@staff_required(*REGULATION_MANAGE)
def regulation_new(request):
    units = scoped_units(request.user, REGULATION_MANAGE).current().order_by("path")
    initial = {}
    if request.GET.get("unit", "").isdigit():
        initial["unit"] = units.filter(pk=request.GET["unit"]).first()
        if (
            initial["unit"] is not None
            and WorkingRegulation.objects.filter(unit=initial["unit"]).in_force(timezone.localdate()).exists()
        ):
            initial["kind"] = WorkingRegulation.Kind.REPLACEMENT
    form = RegulationForm(request.POST or None, request.FILES or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            regulation = services.issue_regulation(
                unit=data["unit"],
                kind=data["kind"],
                title=data["title"],
                number=data["number"],
                signed_on=data["signed_on"],
                valid_from=data["valid_from"],
                file=data["file"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi quy chế làm việc."))
            return redirect("records:regulation_unit", regulation.unit_id)
    return render(request, "records/regulation_form.html", {"form": form})


# ---------------------------------------------------------------------------------------------------
# Plans and directives


def _directive_scope(user, roles=PLAN_VIEW):
    base = Directive.objects.all()
    if scope_roots(user, roles) is None:
        return base
    return selectors.directives_visible(
        user, base, scope_q(user, "unit", roles), scope_q(user, "unit", roles)
    )


def _assignments_for(user, roles=PLAN_VIEW):
    """Assignments the user may see: to units in scope, or of directives their office follows."""
    queryset = TaskAssignment.objects.all()
    if scope_roots(user, roles) is None:
        return queryset
    return queryset.filter(scope_q(user, "unit", roles) | scope_q(user, "task__directive__unit", roles))


@staff_required(*PLAN_VIEW)
def directive_list(request):
    form = DirectiveFilterForm(request.GET or None)
    queryset = _directive_scope(request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["year"]:
            queryset = queryset.filter(issued_on__year=data["year"])
        if data["doc_type"]:
            queryset = queryset.filter(doc_type=data["doc_type"])
        queryset = selectors.search(queryset, data["q"])
    page = _page(request, queryset.select_related("unit"))
    today = timezone.localdate()
    visible = _assignments_for(request.user)
    stats = selectors.completion_by_directive(visible, [x.pk for x in page], today)
    rows = [{"directive": x, "stats": stats[x.pk]} for x in page]
    return render(
        request,
        "records/directive_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "total": page.paginator.count,
            "can_manage": _can(request, PLAN_MANAGE),
        },
    )


def _directive(request, pk):
    return get_object_or_404(_directive_scope(request.user).select_related("unit"), pk=pk)


@staff_required(*PLAN_VIEW)
def directive_detail(request, pk, task_form=None):
    directive = _directive(request, pk)
    can_manage = unit_in_scope(request.user, directive.unit, PLAN_MANAGE)
    visible = _assignments_for(request.user).filter(task__directive=directive).select_related("unit")
    tasks = directive.tasks.prefetch_related(Prefetch("assignments", queryset=visible, to_attr="visible"))
    today = timezone.localdate()
    units = scoped_units(request.user, PLAN_MANAGE).current().order_by("path")
    return render(
        request,
        "records/directive_detail.html",
        {
            "directive": directive,
            "tasks": tasks,
            "stats": selectors.completion(visible, today),
            "by_unit": selectors.completion_by_unit(visible, today),
            "can_manage": can_manage,
            "task_form": task_form or (TaskForm(prefix="task", units=units) if can_manage else None),
            "today": today,
        },
        status=400 if task_form else 200,
    )


@staff_required(*PLAN_VIEW)
def directive_file(request, pk):
    directive = _directive(request, pk)
    if not directive.file:
        raise Http404
    return protected_file_response(directive.file)


@staff_required(*PLAN_MANAGE)
def directive_new(request):
    units = scoped_units(request.user, PLAN_MANAGE).current().order_by("path")
    form = DirectiveForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            directive = services.register_directive(
                unit=data["unit"],
                doc_type=data["doc_type"],
                issuing_body=data["issuing_body"],
                number=data["number"],
                issued_on=data["issued_on"],
                title=data["title"],
                file=data["file"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã vào sổ văn bản."))
            return redirect("records:directive_detail", directive.pk)
    return render(request, "records/directive_form.html", {"form": form})


@require_POST
@staff_required(*PLAN_MANAGE)
def task_add(request, pk):
    directive = get_scoped_or_404(Directive.objects.all(), request.user, roles=PLAN_MANAGE, pk=pk)
    units = scoped_units(request.user, PLAN_MANAGE).current().order_by("path")
    form = TaskForm(request.POST, prefix="task", units=units)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_task(
                directive=directive,
                title=data["title"],
                description=data["description"],
                units=data["units"],
                deadline=data["deadline"],
                working_days=data["working_days"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã giao nhiệm vụ."))
            return redirect("records:directive_detail", directive.pk)
    return directive_detail.__wrapped__(request, pk, task_form=form)


def _assignments(request):
    units = scoped_units(request.user, PLAN_VIEW)
    form = AssignmentFilterForm(request.GET or None, units=units.order_by("path"))
    queryset = (
        _assignments_for(request.user)
        .select_related("task__directive", "unit")
        .annotate(done=Case(When(status=TaskAssignment.Status.ACCEPTED, then=1), default=0))
        .order_by("done", "-deadline", "unit__path")  # open work first, the latest deadlines on top
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            queryset = queryset.filter(unit__path__startswith=data["unit"].path)
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["overdue"]:
            queryset = queryset.filter(TaskAssignment.overdue_q(timezone.localdate()))
        for term in selectors.folded_terms(data["q"]):
            queryset = queryset.filter(task__directive__search_folded__contains=term) | queryset.filter(
                unit__name_folded__contains=term
            )
    return form, queryset


@staff_required(*PLAN_VIEW)
def assignment_list(request):
    form, queryset = _assignments(request)
    page = _page(request, queryset)
    return render(
        request,
        "records/assignment_list.html",
        {"form": form, "page": page, "total": page.paginator.count, "today": timezone.localdate()},
    )


@staff_required(*PLAN_VIEW)
def assignment_export(request):
    _form, queryset = _assignments(request)
    rows = (
        [
            a.task.directive.number,
            a.task.title,
            a.unit.name,
            d(a.assigned_on),
            d(a.deadline),
            a.get_status_display(),
            d(a.completed_on),
            d(a.accepted_on),
            "" if a.on_time is None else ("Đúng hạn" if a.on_time else "Quá hạn"),
        ]
        for a in queryset.iterator(chunk_size=1000)
    )
    return xlsx_response(
        filename="nhiem-vu",
        title="Nhiệm vụ",
        header=[
            "Văn bản",
            "Nhiệm vụ",
            "Đơn vị thực hiện",
            "Ngày giao",
            "Hạn",
            "Trạng thái",
            "Ngày hoàn thành",
            "Ngày nghiệm thu",
            "Đúng hạn",
        ],
        rows=rows,
        widths=[18, 50, 36, 12, 12, 24, 14, 14, 12],
    )


def _assignment(request, pk):
    return get_object_or_404(
        _assignments_for(request.user).select_related("task__directive__unit", "unit"), pk=pk
    )


@staff_required(*PLAN_VIEW)
def assignment_detail(request, pk, report_form=None, review_form=None):
    assignment = _assignment(request, pk)
    can_report = assignment.status != TaskAssignment.Status.ACCEPTED and unit_in_scope(
        request.user, assignment.unit, PLAN_REPORT
    )
    can_review = assignment.status == TaskAssignment.Status.REPORTED and unit_in_scope(
        request.user, assignment.task.directive.unit, PLAN_MANAGE
    )
    return render(
        request,
        "records/assignment_detail.html",
        {
            "assignment": assignment,
            "reports": assignment.reports.select_related("reported_by__staff"),
            "events": assignment.events.select_related("actor__staff"),
            "can_report": can_report,
            "can_review": can_review,
            "report_form": report_form or ReportForm(),
            "review_form": review_form or ReviewForm(),
            "today": timezone.localdate(),
        },
        status=400 if (report_form or review_form) else 200,
    )


@require_POST
@staff_required(*PLAN_REPORT)
def assignment_report(request, pk):
    assignment = get_scoped_or_404(TaskAssignment.objects.all(), request.user, roles=PLAN_REPORT, pk=pk)
    form = ReportForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.report_task(
                assignment=assignment,
                text=data["text"],
                is_final=data["is_final"],
                evidence=data["evidence"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã gửi báo cáo."))
            return redirect("records:assignment_detail", assignment.pk)
    return assignment_detail.__wrapped__(request, pk, report_form=form)


@require_POST
@staff_required(*PLAN_MANAGE)
def assignment_review(request, pk):
    assignment = get_scoped_or_404(
        TaskAssignment.objects.all(), request.user, field="task__directive__unit", roles=PLAN_MANAGE, pk=pk
    )
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_task(
                assignment=assignment,
                accept=form.cleaned_data["accept"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi kết quả nghiệm thu."))
            return redirect("records:assignment_detail", assignment.pk)
    return assignment_detail.__wrapped__(request, pk, review_form=form)


@staff_required(*PLAN_VIEW)
def report_evidence(request, pk):
    report = get_object_or_404(TaskReport.objects.select_related("assignment"), pk=pk)
    _assignment(request, report.assignment_id)  # 404 unless the assignment is visible
    if not report.evidence:
        raise Http404
    return protected_file_response(report.evidence)


# ---------------------------------------------------------------------------------------------------
# Self-service


@login_required_page
def my_records(request):
    """Every official sees their own rewards and decided discipline (nobody else's)."""
    staff = getattr(request.user, "staff", None)
    rewards = cases = []
    if staff is not None:
        rewards = (
            Reward.objects.filter(staff=staff).exclude(status=Reward.Status.REJECTED).select_related("title")
        )
        cases = DisciplineCase.objects.filter(staff=staff, status=DisciplineCase.Status.DECIDED)
    return render(request, "records/my_records.html", {"staff": staff, "rewards": rewards, "cases": cases})
