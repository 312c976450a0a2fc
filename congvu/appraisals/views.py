from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import login_required_page, staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import (
    get_scoped_or_404,
    has_role,
    scope_roots,
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
    ImportForm,
    MeetingForm,
    MeetingResultForm,
    OpenCycleForm,
    ProposalForm,
    ResultsFilterForm,
    SelfAssessmentForm,
    apply_errors,
)
from congvu.appraisals.models import Cycle, Evaluation, Level, UnitCycle
from congvu.people.models import StaffCategory
from congvu.units.lineage import Lineage
from congvu.units.models import Unit

VIEW_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.LEADERSHIP, Role.SYSTEM_ADMIN)
MANAGE_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
OPEN_ROLES = (Role.PROGRAMME_OFFICE,)
IMPORT_ROLES = (Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
    if request.method == "POST":
        if not has_role(request.user, *OPEN_ROLES):
            raise PermissionDenied
        if form.is_valid():
            try:
                cycle = services.open_cycle(
                    year=form.cleaned_data["year"],
                    scope_unit=form.cleaned_data["scope_unit"],
                    by=request.user,
                    deadline=form.cleaned_data["deadline"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Đã mở đợt đánh giá năm %(year)s.") % {"year": cycle.year})
                return redirect("appraisals:cycle_list")
    unit_cycles = (
        scoped(UnitCycle.objects.all(), request.user, roles=VIEW_ROLES)
        .select_related("cycle", "unit")
        .annotate(
            total=Count("evaluations", filter=Q(evaluations__is_current=True)),
            decided=Count(
                "evaluations",
                filter=Q(evaluations__is_current=True, evaluations__status__in=Evaluation.LOCKED),
            ),
        )
        .order_by("-cycle__year", "unit__path")
    )
    page = Paginator(unit_cycles, 50).get_page(request.GET.get("page"))
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
    quotas = []
    for group, categories in selectors.CATEGORY_GROUPS.items():
        sample = next(
            (e for e in evaluations if e.category in categories and e.status != Evaluation.Status.NOT_RATED),
            None,
        )
        if sample:
            quotas.append({"group": group, "rule_set": sample.rule_set, **services.quota_status(sample)})
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
    if form.is_valid():
        try:
            services.record_meeting(
                unit_cycle=unit_cycle,
                by=request.user,
                meeting_date=form.cleaned_data["meeting_date"],
                chair=form.cleaned_data["meeting_chair"],
                attendees=form.cleaned_data["meeting_attendees"],
                minutes=form.cleaned_data["meeting_minutes"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu biên bản cuộc họp."))
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
    discipline_known = services.discipline_forms_in_year(evaluation.staff, evaluation.year) is not None
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
        or DecisionForm(
            initial={
                "level": evaluation.proposed_level,
                "quota_justification": evaluation.quota_justification,
            }
        ),
        "correction_form": forms.get("correction_form") or CorrectionForm(),
        "outcome_form": forms.get("outcome_form") or ComplaintOutcomeForm(),
        "quota": quota,
        "forced": forced,
        "discipline_known": discipline_known,
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
        "ethical_degradation": evaluation.ethical_degradation,
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
    if form.is_valid():
        data = form.cleaned_data
        try:
            _run_step(step, evaluation, request.user, form, data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("appraisals:evaluation", pk=pk)
    context = _evaluation_context(request, evaluation, **{name: form})
    context["open_step"] = step
    return render(request, "appraisals/evaluation.html", context, status=400)


def _run_step(step, evaluation, user, form, data):
    if step == "self":
        services.submit_self_assessment(
            evaluation=evaluation,
            by=user,
            text=data["self_assessment"],
            self_level=data["self_level"],
            general_score=data.get("general_score"),
            periods=form.period_values(),
            ethical_degradation=data["ethical_degradation"],
        )
    elif step == "meeting":
        services.record_meeting_result(
            evaluation=evaluation,
            by=user,
            comment=data["meeting_comment"],
            votes=form.votes(),
            party_comment=data["party_comment"],
            previous_unit_comment=data["previous_unit_comment"],
        )
    elif step == "propose":
        services.propose(
            evaluation=evaluation,
            by=user,
            level=data["level"],
            note=data["proposal_note"],
            justification=data["quota_justification"],
        )
    elif step == "decide":
        services.decide(
            evaluation=evaluation,
            by=user,
            level=data["level"],
            decision_number=data["decision_number"],
            justification=data["quota_justification"],
        )
    elif step == "correct":
        services.correct(
            evaluation=evaluation,
            by=user,
            level=data["level"],
            decision_number=data["decision_number"],
            reason=data["correction_reason"],
        )
    elif step == "complaint":
        services.resolve_complaint(
            evaluation=evaluation,
            by=user,
            outcome=data["complaint_outcome"],
            new_level=data["new_level"],
            decision_number=data["decision_number"],
        )


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
    roots = scope_roots(request.user, VIEW_ROLES)
    if roots is None:  # everything: start from the top of the tree
        roots = list(Unit.objects.filter(parent__isnull=True))
    unit = data.get("unit") or (roots[0] if roots else None)
    if unit is not None and not data.get("unit"):
        form.initial["unit"] = unit.pk
        if form.is_bound:
            form.data = form.data.copy()
            form.data["unit"] = str(unit.pk)
    nearby = {root.pk: root for root in roots}
    if unit is not None:
        nearby |= {u.pk: u for u in scoped(unit.ancestors(), request.user, field="", roles=VIEW_ROLES)}
        nearby[unit.pk] = unit
        nearby |= {u.pk: u for u in Unit.objects.filter(Q(parent=unit) | Q(parent__in=[r.pk for r in roots]))}
    form.fields["unit"].widget.choices = [("", "---------")] + [
        (u.pk, u.display_name()) for u in sorted(nearby.values(), key=lambda u: u.path)
    ]
    years = list(
        Evaluation.objects.filter(is_current=True).order_by().values_list("year", flat=True).distinct()
    )
    year = data.get("year") or (max(years) if years else timezone.localdate().year)
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
        context |= {"table": table, "children": _children_rows(scope, queryset.filter(year=year), group)}
    return render(request, "appraisals/results.html", context)


def _child_of(path, roots, children_by_id):
    """The child of one of the roots whose subtree holds `path` (paths are "/1/5/9/")."""
    for root in roots:
        if path.startswith(root.path):
            rest = path[len(root.path) :].split("/", 1)[0]
            return children_by_id.get(int(rest)) if rest else None
    return None


def _children_rows(scope, queryset, group):
    """The selected year per child unit (of the unit and of the units it succeeded), in one query."""
    if group:
        queryset = queryset.filter(category__in=selectors.CATEGORY_GROUPS[group])
    children = sorted((child for root in scope.roots for child in root.children.all()), key=lambda u: u.path)
    roots = {root.pk: root for root in scope.roots}
    by_id = {child.pk: child for child in children}
    cells = {}
    rows = list(queryset.order_by().values("unit_id", "level", "status").annotate(n=Count("id")))
    paths = dict(Unit.objects.filter(pk__in={row["unit_id"] for row in rows}).values_list("pk", "path"))
    for row in rows:
        owner = roots.get(row["unit_id"])
        if owner is None:
            owner = _child_of(paths[row["unit_id"]], scope.roots, by_id)
        if owner is None:
            continue
        cell = cells.setdefault(owner.pk, {"levels": dict.fromkeys(Level.values, 0), "not_rated": 0})
        if row["status"] == Evaluation.Status.NOT_RATED or not row["level"]:
            cell["not_rated"] += row["n"]
        else:
            cell["levels"][row["level"]] += row["n"]
    result = [
        {"unit": root, "direct": True, **selectors.finish(cells[root.pk])}
        for root in scope.roots
        if root.pk in cells
    ]
    result += [
        {"unit": child, **selectors.finish(cells[child.pk])} for child in children if child.pk in cells
    ]
    return result


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
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    return render(
        request, "appraisals/results_people.html", {"form": form, "unit": unit, "year": year, "page": page}
    )


# Import -----------------------------------------------------------------------------------------------------


@staff_required(*IMPORT_ROLES)
def import_results(request):
    report, file_error = None, None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = spreadsheets.import_results(form.cleaned_data["file"], by=request.user)
        except spreadsheets.SpreadsheetError as error:
            file_error = str(error)
    return render(
        request,
        "appraisals/import.html",
        {"form": form, "report": report, "file_error": file_error, "columns": spreadsheets.COLUMNS},
    )


@staff_required(*IMPORT_ROLES)
def import_template(request):
    response = HttpResponse(spreadsheets.template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-ket-qua-xep-loai.xlsx"'
    return response


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
            if complaint_form.is_valid():
                try:
                    services.file_complaint(
                        evaluation=evaluation,
                        by=request.user,
                        text=complaint_form.cleaned_data["complaint"],
                    )
                except ValidationError as error:
                    apply_errors(complaint_form, error)
                else:
                    messages.success(request, _("Đã gửi khiếu nại."))
                    return redirect("appraisals:my_evaluation", pk=pk)
        else:
            self_form = SelfAssessmentForm(request.POST, rule_set=evaluation.rule_set)
            if self_form.is_valid():
                data = self_form.cleaned_data
                try:
                    services.submit_self_assessment(
                        evaluation=evaluation,
                        by=request.user,
                        text=data["self_assessment"],
                        self_level=data["self_level"],
                        general_score=data.get("general_score"),
                        periods=self_form.period_values(),
                        ethical_degradation=data["ethical_degradation"],
                    )
                except ValidationError as error:
                    apply_errors(self_form, error)
                else:
                    messages.success(request, _("Đã gửi bản tự đánh giá."))
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
