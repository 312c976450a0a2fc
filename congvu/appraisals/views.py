from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import login_required_page, staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import (
    get_scoped_or_404,
    has_role,
    scoped,
    scoped_units,
    unit_in_scope,
)
from congvu.appraisals import notices, selectors, services, spreadsheets
from congvu.appraisals.forms import (
    ComplaintForm,
    ComplaintOutcomeForm,
    CorrectionForm,
    DecisionForm,
    DrillDownForm,
    EthicsFindingForm,
    ImportForm,
    MeetingForm,
    MeetingResultForm,
    OpenCycleForm,
    OutstandingUnitForm,
    ProposalForm,
    ResultsFilterForm,
    SelfAssessmentForm,
)
from congvu.appraisals.models import Cycle, Evaluation, Level, UnitCycle
from congvu.core.formviews import spreadsheet_import, submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import SpreadsheetError, xlsx_response
from congvu.people.models import StaffCategory
from congvu.units.lineage import Lineage

VIEW_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.LEADERSHIP, Role.SYSTEM_ADMIN)
MANAGE_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
OPEN_ROLES = (Role.PROGRAMME_OFFICE,)
IMPORT_ROLES = (Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)


def _evaluation(request, pk, roles=VIEW_ROLES):
    queryset = Evaluation.objects.select_related(
        "staff", "unit", "rule_set", "unit_cycle__cycle", "position", "previous_unit", "supersedes"
    )
    return get_scoped_or_404(queryset, request.user, roles=roles, pk=pk)


def can_decide(user, evaluation) -> bool:
    """The competent person: the unit's head (or the programme office); for a manager, someone above."""
    unit = evaluation.unit
    if evaluation.is_manager and unit.parent_id:
        return unit_in_scope(user, unit.parent, roles=MANAGE_ROLES)
    return unit_in_scope(user, unit, roles=MANAGE_ROLES)


# Cycles --------------------------------------------------------------------------------------------------


@staff_required(*VIEW_ROLES)
def cycle_list(request):
    units = scoped_units(request.user, roles=OPEN_ROLES).current()
    form = OpenCycleForm(request.POST or None, units=units)
    if request.method == "POST" and not has_role(request.user, *OPEN_ROLES):
        raise PermissionDenied
    cycle = submit(request, form, lambda data: services.open_cycle(**data, by=request.user))
    if cycle:
        messages.success(request, _("Đã mở đợt đánh giá năm %(year)s.") % {"year": cycle.year})
        return redirect("appraisals:cycle_list")
    page = paginate(
        request, selectors.unit_cycles_for(scoped(UnitCycle.objects.all(), request.user, roles=VIEW_ROLES))
    )
    return render(
        request,
        "appraisals/cycle_list.html",
        {"form": form, "page": page, "can_open": has_role(request.user, *OPEN_ROLES)},
    )


@staff_required(*VIEW_ROLES)
def unit_cycle_detail(request, pk):
    unit_cycle = get_scoped_or_404(
        UnitCycle.objects.select_related("cycle", "unit"), request.user, roles=VIEW_ROLES, pk=pk
    )
    evaluations = list(
        unit_cycle.evaluations.filter(is_current=True)
        .select_related("staff", "position", "rule_set")
        .order_by("category", "staff__full_name")
    )
    quotas = services.quotas_by_group(evaluations)
    meeting = MeetingForm(
        initial={
            "meeting_date": unit_cycle.meeting_date,
            "meeting_chair": unit_cycle.meeting_chair,
            "meeting_attendees": unit_cycle.meeting_attendees,
            "meeting_minutes": unit_cycle.meeting_minutes,
        }
    )
    return render(
        request,
        "appraisals/unit_cycle.html",
        {
            "unit_cycle": unit_cycle,
            "evaluations": evaluations,
            "quotas": quotas,
            "meeting_form": meeting,
            "outstanding_form": OutstandingUnitForm(),
            "can_recognise": unit_in_scope(request.user, unit_cycle.unit, roles=OPEN_ROLES),
            "can_manage": unit_in_scope(request.user, unit_cycle.unit, roles=MANAGE_ROLES),
            "events": unit_cycle.events.all()[:50],
        },
    )


def _managed_unit_cycle(request, pk):
    unit_cycle = get_scoped_or_404(
        UnitCycle.objects.select_related("cycle", "unit"), request.user, roles=MANAGE_ROLES, pk=pk
    )
    return unit_cycle


@require_POST
@staff_required(*MANAGE_ROLES)
def unit_cycle_meeting(request, pk):
    unit_cycle = _managed_unit_cycle(request, pk)
    form = MeetingForm(request.POST)
    saved = submit(
        request,
        form,
        lambda data: services.record_meeting(
            unit_cycle=unit_cycle,
            by=request.user,
            meeting_date=data["meeting_date"],
            chair=data["meeting_chair"],
            attendees=data["meeting_attendees"],
            minutes=data["meeting_minutes"],
        ),
        success=_("Đã lưu biên bản cuộc họp."),
    )
    if saved:
        return redirect("appraisals:unit_cycle", pk=pk)
    return _form_error_page(request, unit_cycle.unit.name, form, reverse_to=("appraisals:unit_cycle", pk))


@require_POST
@staff_required(*MANAGE_ROLES)
def unit_cycle_publish(request, pk):
    unit_cycle = _managed_unit_cycle(request, pk)
    try:
        services.publish(unit_cycle=unit_cycle, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã công khai kết quả trong đơn vị."))
    return redirect("appraisals:unit_cycle", pk=pk)


@require_POST
@staff_required(*OPEN_ROLES)
def unit_cycle_outstanding(request, pk):
    """The programme office records the unit's recognition as outstanding (decision number and date)."""
    unit_cycle = get_scoped_or_404(
        UnitCycle.objects.select_related("cycle", "unit"), request.user, roles=OPEN_ROLES, pk=pk
    )
    form = OutstandingUnitForm(request.POST)
    saved = submit(
        request,
        form,
        lambda data: services.recognise_outstanding_unit(unit_cycle=unit_cycle, by=request.user, **data),
        success=_("Đã ghi nhận đơn vị tiêu biểu."),
    )
    if saved:
        return redirect("appraisals:unit_cycle", pk=pk)
    return _form_error_page(request, unit_cycle.unit.name, form, reverse_to=("appraisals:unit_cycle", pk))


def _form_error_page(request, title, form, *, reverse_to):
    from django.urls import reverse

    return render(
        request,
        "appraisals/form_errors.html",
        {"title": title, "form": form, "back": reverse(reverse_to[0], args=[reverse_to[1]])},
        status=400,
    )


# One evaluation -------------------------------------------------------------------------------------------


def _evaluation_context(request, evaluation, **forms):
    rule_set = evaluation.rule_set
    forced = services.forced_reason(evaluation) if not evaluation.is_locked else evaluation.forced_reason
    quota = (
        services.quota_status(evaluation) if evaluation.unit_cycle_id and not evaluation.is_locked else None
    )
    return {
        "evaluation": evaluation,
        "rule_set": rule_set,
        "self_form": forms.get("self_form")
        or SelfAssessmentForm(rule_set=rule_set, initial=_self_initial(evaluation)),
        "meeting_form": forms.get("meeting_form")
        or MeetingResultForm(
            initial={
                "meeting_comment": evaluation.meeting_comment,
                "votes_excellent": evaluation.votes_excellent,
                "votes_good": evaluation.votes_good,
                "votes_completed": evaluation.votes_completed,
                "votes_not_completed": evaluation.votes_not_completed,
                "party_comment": evaluation.party_comment,
                "previous_unit_comment": evaluation.previous_unit_comment,
            }
        ),
        "proposal_form": forms.get("proposal_form")
        or ProposalForm(initial={"level": evaluation.proposed_level or evaluation.self_level}),
        "decision_form": forms.get("decision_form")
        or DecisionForm(initial={"level": evaluation.proposed_level}),
        "ethics_form": forms.get("ethics_form")
        or EthicsFindingForm(
            initial={
                "ethical_degradation": "1" if evaluation.ethical_degradation else "0",
                "ethics_finding_document": evaluation.ethics_finding_document,
            }
        ),
        "correction_form": forms.get("correction_form") or CorrectionForm(),
        "outcome_form": forms.get("outcome_form") or ComplaintOutcomeForm(),
        "quota": quota,
        "forced": forced,
        "evidence": selectors.evidence_for(evaluation.staff, evaluation.year),
        "can_manage": unit_in_scope(request.user, evaluation.unit, roles=MANAGE_ROLES),
        "can_decide": can_decide(request.user, evaluation),
        "events": evaluation.events.all(),
        "task_scores": list(evaluation.task_scores.all()),
        "suggested": _suggested(evaluation),
        "history": selectors.history_of(evaluation.staff).exclude(pk=evaluation.pk)[:10],
    }


def _self_initial(evaluation):
    initial = {
        "self_assessment": evaluation.self_assessment,
        "self_level": evaluation.self_level,
        "general_score": evaluation.general_score,
    }
    for score in evaluation.task_scores.all():
        initial |= {
            f"tasks_{score.period}": score.tasks,
            f"errors_{score.period}": score.tasks_with_errors,
            f"late_{score.period}": score.tasks_late,
        }
    return initial


def _suggested(evaluation):
    from congvu.appraisals.rules import level_for_score

    if evaluation.rule_set.uses_points and evaluation.total_score is not None:
        return Level(level_for_score(evaluation.rule_set, evaluation.total_score)).label
    return ""


@staff_required(*VIEW_ROLES)
def evaluation_detail(request, pk):
    evaluation = _evaluation(request, pk)
    return render(request, "appraisals/evaluation.html", _evaluation_context(request, evaluation))


STEP_FORMS = {
    "self": ("self_form", SelfAssessmentForm),
    "meeting": ("meeting_form", MeetingResultForm),
    "propose": ("proposal_form", ProposalForm),
    "decide": ("decision_form", DecisionForm),
    "correct": ("correction_form", CorrectionForm),
    "ethics": ("ethics_form", EthicsFindingForm),
    "complaint": ("outcome_form", ComplaintOutcomeForm),
}


@require_POST
@staff_required(*MANAGE_ROLES)
def evaluation_step(request, pk, step):
    """One step of the cycle on one person's evaluation, by the unit's head (or the programme office)."""
    evaluation = _evaluation(request, pk, roles=MANAGE_ROLES)
    if step in ("decide", "correct") and not can_decide(request.user, evaluation):
        raise PermissionDenied
    name, form_class = STEP_FORMS[step]
    form = (
        form_class(request.POST, rule_set=evaluation.rule_set) if step == "self" else form_class(request.POST)
    )
    run = STEPS[step]
    if submit(request, form, lambda data: run(evaluation, request.user, form, data), success=_("Đã lưu.")):
        return redirect("appraisals:evaluation", pk=pk)
    context = _evaluation_context(request, evaluation, **{name: form})
    context["open_step"] = step
    return render(request, "appraisals/evaluation.html", context, status=400)


def _self_assessment(evaluation, user, form, data):
    return services.submit_self_assessment(
        evaluation=evaluation,
        by=user,
        text=data["self_assessment"],
        self_level=data["self_level"],
        general_score=data.get("general_score"),
        periods=form.period_values(),
    )


def _meeting_result(evaluation, user, form, data):
    return services.record_meeting_result(
        evaluation=evaluation,
        by=user,
        comment=data["meeting_comment"],
        votes=form.votes(),
        party_comment=data["party_comment"],
        previous_unit_comment=data["previous_unit_comment"],
    )


def _step_call(service: str, **arguments):
    """A step that passes form fields to `services.<service>`: {its argument: the form's field}."""

    def run(evaluation, user, form, data):
        values = {argument: data[field] for argument, field in arguments.items()}
        return getattr(services, service)(evaluation=evaluation, by=user, **values)

    return run


# Each step's form data → its service call.
STEPS = {
    "self": _self_assessment,
    "meeting": _meeting_result,
    "propose": _step_call("propose", level="level", note="proposal_note"),
    "decide": _step_call("decide", level="level", decision_number="decision_number"),
    "ethics": _step_call(
        "record_ethics_finding", degraded="ethical_degradation", document="ethics_finding_document"
    ),
    "correct": _step_call(
        "correct", level="level", decision_number="decision_number", reason="correction_reason"
    ),
    "complaint": _step_call(
        "resolve_complaint",
        outcome="complaint_outcome",
        new_level="new_level",
        decision_number="decision_number",
    ),
}


@staff_required(*VIEW_ROLES)
def evaluation_notice(request, pk):
    evaluation = _evaluation(request, pk)
    return _notice_response(evaluation)


def _notice_response(evaluation):
    if evaluation.status != Evaluation.Status.DECIDED:
        raise Http404
    document = notices.notice_document(evaluation)
    from congvu.core.documents import document_response

    return document_response(document, f"thong-bao-xep-loai-{evaluation.year}-{evaluation.pk}.docx")


# Results ----------------------------------------------------------------------------------------------------


def _results_filters(request, form_class=ResultsFilterForm):
    units = scoped_units(request.user, roles=VIEW_ROLES)
    form = form_class(request.GET or None, units=units)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    roots = selectors.results_roots(request.user, VIEW_ROLES)
    unit = data.get("unit") or (roots[0] if roots else None)
    if unit is not None and not data.get("unit"):
        form.initial["unit"] = unit.pk
        if form.is_bound:
            form.data = form.data.copy()
            form.data["unit"] = str(unit.pk)
    form.fields["unit"].widget.choices = [("", "---------")] + [
        (u.pk, u.display_name()) for u in selectors.units_near(request.user, unit, roots, VIEW_ROLES)
    ]
    year = data.get("year") or selectors.latest_result_year() or timezone.localdate().year
    return form, unit, year, data.get("group") or "", data


@staff_required(*VIEW_ROLES)
def results(request):
    """Per unit, category and year: counts per level, share good-or-better, change in points."""
    form, unit, year, group, _data = _results_filters(request)
    context = {"form": form, "unit": unit, "year": year, "group": group, "levels": Level.choices}
    if unit is not None:
        scope = Lineage(unit)
        queryset = selectors.in_scope(selectors.results_queryset(), scope)
        years = list(range(year - 7, year + 1))
        table = selectors.results_table(queryset, years)
        if group:
            table = [row for row in table if row["group"] == group]
        children = selectors.children_rows(scope, queryset.filter(year=year), group)
        context |= {"table": table, "children": children}
    return render(request, "appraisals/results.html", context)


@staff_required(*VIEW_ROLES)
def results_people(request):
    """Drill-down: the people behind a figure, only those in the user's own scope."""
    form, unit, year, group, data = _results_filters(request, DrillDownForm)
    queryset = Evaluation.objects.none()
    if unit is not None:
        queryset = scoped(
            selectors.results_queryset().filter(Lineage(unit).q("unit"), year=year),
            request.user,
            roles=VIEW_ROLES,
        ).select_related("staff", "unit", "rule_set")
        if group:
            queryset = queryset.filter(category__in=selectors.CATEGORY_GROUPS[group])
        if data.get("level"):
            queryset = queryset.filter(level=data["level"])
        queryset = queryset.order_by("unit__path", "staff__full_name")
    page = paginate(request, queryset)
    return render(
        request, "appraisals/results_people.html", {"form": form, "unit": unit, "year": year, "page": page}
    )


# Import -----------------------------------------------------------------------------------------------------


@staff_required(*IMPORT_ROLES)
def import_results(request):
    return spreadsheet_import(
        request,
        ImportForm(request.POST or None, request.FILES or None),
        lambda file: spreadsheets.import_results(file, by=request.user),
        template="appraisals/import.html",
        columns=spreadsheets.COLUMNS,
        refusal=SpreadsheetError,
    )


@staff_required(*IMPORT_ROLES)
def import_template(request):
    return xlsx_response(spreadsheets.template(), "mau-nhap-ket-qua-xep-loai", dated=False)


# Self-service -----------------------------------------------------------------------------------------------


def _own(request, pk):
    staff_id = getattr(request.user, "staff_id", None)
    if not staff_id:
        raise Http404
    return get_object_or_404(
        Evaluation.objects.select_related("unit", "rule_set", "unit_cycle", "staff"), pk=pk, staff_id=staff_id
    )


@login_required_page
def my_evaluations(request):
    staff = getattr(request.user, "staff", None)
    history = selectors.history_of(staff) if staff else Evaluation.objects.none()
    return render(request, "appraisals/my_list.html", {"staff": staff, "history": history})


@login_required_page
def my_evaluation(request, pk):
    evaluation = _own(request, pk)
    self_form = SelfAssessmentForm(rule_set=evaluation.rule_set, initial=_self_initial(evaluation))
    complaint_form = ComplaintForm()
    status = 200
    if request.method == "POST":
        if request.POST.get("step") == "complaint":
            complaint_form = ComplaintForm(request.POST)
            done = submit(
                request,
                complaint_form,
                lambda data: services.file_complaint(
                    evaluation=evaluation, by=request.user, text=data["complaint"]
                ),
                success=_("Đã gửi khiếu nại."),
            )
        else:
            self_form = SelfAssessmentForm(request.POST, rule_set=evaluation.rule_set)
            done = submit(
                request,
                self_form,
                lambda data: _self_assessment(evaluation, request.user, self_form, data),
                success=_("Đã gửi bản tự đánh giá."),
            )
        if done:
            return redirect("appraisals:my_evaluation", pk=pk)
        status = 400
    return render(
        request,
        "appraisals/my_evaluation.html",
        {
            "evaluation": evaluation,
            "self_form": self_form,
            "complaint_form": complaint_form,
            "can_self_assess": evaluation.status
            in (Evaluation.Status.PENDING, Evaluation.Status.SELF_ASSESSED)
            and not evaluation.is_locked,
            "complaint_deadline": services.complaint_deadline(evaluation),
            "complaint_open": (services.complaint_deadline(evaluation) or timezone.localdate())
            >= timezone.localdate()
            and evaluation.published_at is not None,
            "task_scores": list(evaluation.task_scores.all()),
        },
        status=status,
    )


@login_required_page
def my_notice(request, pk):
    return _notice_response(_own(request, pk))


@login_required_page
def published_results(request, pk):
    """Internal publication: the unit's decided results, for its own officials and staff in scope."""
    unit_cycle = get_object_or_404(
        UnitCycle.objects.select_related("cycle", "unit"), pk=pk, status=UnitCycle.Status.PUBLISHED
    )
    staff = getattr(request.user, "staff", None)
    member = staff is not None and unit_cycle.evaluations.filter(staff=staff).exists()
    if not member and not unit_in_scope(request.user, unit_cycle.unit, roles=VIEW_ROLES):
        raise Http404
    evaluations = (
        unit_cycle.evaluations.filter(is_current=True)
        .select_related("staff", "position", "rule_set")
        .order_by("category", "staff__full_name")
    )
    return render(
        request, "appraisals/published.html", {"unit_cycle": unit_cycle, "evaluations": evaluations}
    )


def category_label(value):
    return StaffCategory(value).label


__all__ = ["Cycle"]
