"""Staff pages under /quan-ly/phan-anh/: every query goes through congvu.accounts.scope."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import staff_required
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped, scoped_units, unit_in_scope
from congvu.core.edge import ascii_id
from congvu.core.forms import apply_errors
from congvu.core.formviews import submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import xlsx_response
from congvu.core.uploads import protected_file_response
from congvu.feedback import documents, personal_data, selectors, services
from congvu.feedback.forms import (
    AnswerForm,
    AssignForm,
    BulkAssignForm,
    ClassifyForm,
    DecisionForm,
    ExtendForm,
    InboxFilterForm,
    LetterForm,
    MergeForm,
    OfficialsForm,
    OpeningForm,
    PauseForm,
    PublishForm,
    RegisterForm,
    ReviewForm,
    SendForm,
    StaffIntakeForm,
    letter_fields,
)
from congvu.feedback.models import Answer, Attachment, Case, Channel, SuggestionBoxOpening
from congvu.feedback.roles import (
    ASSIGN_ROLES,
    HANDLE_ROLES,
    INTAKE_ROLES,
    REVIEW_ROLES,
    VIEW_ROLES,
    can_see_sender,
    sender_visible_q,
    with_sender_visible,
)


def _receive(request, form, token_prefix, channel_fields):
    """A letter typed in by staff: the case, or None while the form is not posted or has errors.
    `channel_fields(data)` gives where and how it came in; the letter's own fields are the same."""
    received = submit(
        request,
        form,
        lambda data: services.submit_case(
            **channel_fields(data),
            **letter_fields(data),
            received_by=request.user,
            idempotency_key=f"{token_prefix}:{data['form_token']}" if data.get("form_token") else None,
            files=data["files"],
        ),
    )
    return received[0] if received else None


@staff_required(*VIEW_ROLES)
def inbox(request):
    tab = request.GET.get("tab", "all")
    tab = tab if tab in selectors.TABS else "all"
    form = InboxFilterForm(request.GET or None, units=scoped_units(request.user, VIEW_ROLES).current())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    queryset = selectors.inbox(
        selectors.cases_for(request.user, VIEW_ROLES),
        user=request.user,
        tab=tab,
        unit=filters.get("unit"),
        channel=filters.get("channel", ""),
        topic=filters.get("topic"),
        status=filters.get("status", ""),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        query=filters.get("q", ""),
    )
    page = paginate(request, queryset.order_by("-received_at", "-pk"), 50, capped=True)
    can_assign = has_role(request.user, *ASSIGN_ROLES)
    context = {
        "form": form,
        "page": page,
        "tab": tab,
        "tabs": [
            ("all", _("Tất cả")),
            ("new", _("Mới")),
            ("due_soon", _("Sắp đến hạn")),
            ("overdue", _("Quá hạn")),
            ("mine", _("Giao cho tôi")),
            ("approval", _("Chờ duyệt")),
        ],
        "today": timezone.localdate(),
        "can_intake": has_role(request.user, *INTAKE_ROLES),
        "bulk_form": BulkAssignForm(
            units=scoped_units(request.user, ASSIGN_ROLES).current(),
            handlers=selectors.handlers_for(request.user),
        )
        if can_assign
        else None,
    }
    return render(request, "feedback/inbox.html", context)


@staff_required(*INTAKE_ROLES)
def intake(request):
    units = scoped_units(request.user, INTAKE_ROLES).current()
    own = [a.unit for a in request.user.roles.all() if a.role in INTAKE_ROLES]
    initial = {"unit": own[0].pk} if own and units.filter(pk=own[0].pk).exists() else {}
    form = StaffIntakeForm(request.POST or None, request.FILES or None, units=units, initial=initial)
    case = _receive(
        request,
        form,
        "staff",
        lambda data: {
            "channel": data["channel"],
            "unit": data["unit"],
            "receiving_unit": data["unit"],
            "received_at": data["received_at"] or timezone.now(),
            "hotline_number": data["hotline_number"],
            "call_at": data["call_at"],
        },
    )
    if case is not None:
        messages.success(request, _("Đã tiếp nhận phản ánh %(code)s.") % {"code": case.code})
        return redirect("feedback:case_detail", pk=case.pk)
    return render(request, "feedback/intake.html", {"form": form})


@staff_required(*INTAKE_ROLES)
def similar(request):
    """While a case is typed in: open cases in scope that look like it (htmx fragment)."""
    unit_id = request.GET.get("unit", "")
    unit_pk = ascii_id(unit_id)
    unit = scoped_units(request.user, INTAKE_ROLES).filter(pk=unit_pk).first() if unit_pk else None
    text = (request.GET.get("title", "") + " " + request.GET.get("content", ""))[:2000]
    cases = []
    if len(text.split()) >= 3:
        probe = Case(unit=unit, title=text[:200], content=text)
        cases = selectors.similar_open_cases(probe, selectors.cases_for(request.user, INTAKE_ROLES))
    return render(request, "feedback/_similar.html", {"similar": cases})


@staff_required(*INTAKE_ROLES)
def openings(request):
    units = scoped_units(request.user, INTAKE_ROLES).current()
    form = OpeningForm(request.POST or None, units=units, initial={"opened_on": timezone.localdate()})
    opening = submit(
        request,
        form,
        lambda data: services.record_opening(by=request.user, **data),
        success=_("Đã ghi biên bản mở hòm thư. Nhập từng thư bên dưới."),
    )
    if opening:
        return redirect("feedback:opening_detail", pk=opening.pk)
    recent = scoped(SuggestionBoxOpening.objects.select_related("unit"), request.user, roles=INTAKE_ROLES)[
        :30
    ]
    return render(request, "feedback/openings.html", {"form": form, "openings": recent})


@staff_required(*INTAKE_ROLES)
def opening_detail(request, pk):
    opening = get_scoped_or_404(
        SuggestionBoxOpening.objects.select_related("unit"), request.user, roles=INTAKE_ROLES, pk=pk
    )
    form = LetterForm(request.POST or None, request.FILES or None)
    case = _receive(
        request,
        form,
        "letter",
        lambda data: {
            "channel": Channel.SUGGESTION_BOX,
            "unit": opening.unit,
            "received_at": services.letter_received_at(opening),
            "opening": opening,
        },
    )
    if case is not None:
        messages.success(request, _("Đã nhập thư %(code)s.") % {"code": case.code})
        return redirect("feedback:opening_detail", pk=opening.pk)
    letters = opening.cases.all()
    return render(
        request, "feedback/opening_detail.html", {"opening": opening, "form": form, "letters": letters}
    )


def _case_or_404(request, pk, roles=VIEW_ROLES):
    return get_scoped_or_404(
        Case.objects.select_related(
            "unit", "topic", "handler__staff", "receiving_unit", "merged_into", "opening"
        ),
        request.user,
        roles=roles,
        pk=pk,
    )


@staff_required(*VIEW_ROLES)
def case_detail(request, pk):
    return _render_case(request, _case_or_404(request, pk))


def _render_case(request, case, bound_forms=None, status=200):
    """The case page; `bound_forms` replaces the empty action forms with ones holding what was typed."""
    user = request.user
    in_role = lambda roles: unit_in_scope(user, case.unit, roles)  # noqa: E731
    answer = case.answers.exclude(state=Answer.State.SENT).first()
    sent = case.answers.filter(state=Answer.State.SENT).first()
    show_sender = can_see_sender(user, case)
    context = {
        "case": case,
        "today": timezone.localdate(),
        "events": case.events.select_related("by"),
        "attachments": case.attachments.all(),
        "deadline_steps": case.deadline_steps.all(),
        "duplicates": case.duplicates.all(),
        "officials": case.officials_concerned.all(),
        "answer": answer,
        "sent": sent,
        "show_sender": show_sender,
        "forward_left": selectors.forward_left(case),
        "similar": selectors.similar_open_cases(case, selectors.cases_for(user, INTAKE_ROLES))
        if case.is_open and in_role(INTAKE_ROLES)
        else [],
        "can_intake": in_role(INTAKE_ROLES),
        "can_assign": in_role(ASSIGN_ROLES),
        "can_handle": in_role(HANDLE_ROLES),
        "can_review": in_role(REVIEW_ROLES),
        "messages_out": case.messages.all() if show_sender else [],
        "looks_like_complaint": selectors.looks_like_complaint(case),
    }
    if context["can_intake"]:
        context["decision_form"] = DecisionForm()
        context["classify_form"] = ClassifyForm(
            initial={"kind": case.kind, "category": case.category, "topic": case.topic}
        )
        context["merge_form"] = MergeForm()
        context["officials_form"] = OfficialsForm(
            staff=selectors.officials_for(case, user),
            initial={"staff": list(context["officials"])},
        )
    if context["can_assign"]:
        context["assign_form"] = AssignForm(
            units=scoped_units(user, ASSIGN_ROLES).current(),
            handlers=selectors.handlers_for(user),
            initial={"unit": case.unit, "handler": case.handler},
        )
        context["extend_form"] = ExtendForm(max_days=services.rule_for(case.topic, case.unit).max_extension)
    if context["can_handle"]:
        context["pause_form"] = PauseForm()
        context["answer_form"] = AnswerForm(initial={"body": answer.body if answer else ""})
        context["send_form"] = SendForm()
        context["publish_form"] = PublishForm(
            initial={
                "public_title": case.public_title or case.title,
                "public_content": case.public_content or case.content,
                "public_answer": case.public_answer or (sent.body if sent else ""),
            }
        )
    if context["can_review"]:
        context["review_form"] = ReviewForm()
    for key, form in (bound_forms or {}).items():
        if key in context:
            context[key] = form
    return render(request, "feedback/case_detail.html", context, status=status)


@staff_required(*VIEW_ROLES)
def case_print(request, pk):
    case = _case_or_404(request, pk)
    return render(
        request,
        "feedback/case_print.html",
        {
            "case": case,
            "events": case.events.all(),
            "show_sender": can_see_sender(request.user, case),
        },
    )


@dataclass(frozen=True)
class Action:
    """One button on the case page: who may press it, the form it posts (if any) and what it does.

    `run(request, case, data)` gets the form's cleaned data (None without a form) and returns the
    success message; it may also return a form that did not validate. A service's refusal is a
    ValidationError. `form_name` is the form's name on the case page, to show it again with errors."""

    roles: tuple
    run: Callable
    form: Callable | None = None
    form_name: str = ""


ACTIONS: dict[str, Action] = {}


def _posted(form_class):
    return lambda request, case: form_class(request.POST)


def action(slug, roles, form=None, form_name=""):
    """Register a case action; `form` is a form class bound to the POST, or (request, case) -> form."""
    if isinstance(form, type):
        form = _posted(form)

    def register(function):
        ACTIONS[slug] = Action(roles, function, form, form_name)
        return function

    return register


@action("decide", INTAKE_ROLES, DecisionForm, "decision_form")
def _decide(request, case, data):
    case = services.decide_intake(case, by=request.user, **data)
    if case.intake_late:
        return _(
            "Đã ghi quyết định tiếp nhận. Quyết định sau hạn phân loại, chuyển đơn %(due)s: đã ghi nhận trễ hạn."
        ) % {"due": case.forward_due.strftime("%d/%m/%Y")}
    return _("Đã ghi quyết định tiếp nhận.")


@action("classify", INTAKE_ROLES, ClassifyForm, "classify_form")
def _classify(request, case, data):
    services.classify(case, by=request.user, **data)
    return _("Đã phân loại.")


def _assign_form(request, case):
    return AssignForm(
        request.POST,
        units=scoped_units(request.user, ASSIGN_ROLES),
        handlers=selectors.handlers_for(request.user),
    )


@action("assign", ASSIGN_ROLES, _assign_form, "assign_form")
def _assign(request, case, data):
    services.assign(case, by=request.user, unit=data["unit"], handler=data["handler"])
    return _("Đã phân công.")


def _extend_form(request, case):
    return ExtendForm(request.POST, max_days=services.rule_for(case.topic, case.unit).max_extension)


@action("extend", ASSIGN_ROLES, _extend_form, "extend_form")
def _extend(request, case, data):
    services.extend(case, by=request.user, **data)
    return _("Đã gia hạn.")


@action("pause", HANDLE_ROLES, PauseForm, "pause_form")
def _pause(request, case, data):
    services.pause(case, by=request.user, reason=data["reason"])
    return _("Đã tạm dừng, chờ người gửi bổ sung.")


@action("resume", HANDLE_ROLES)
def _resume(request, case, data):
    before = case.answer_due
    case = services.resume(case, by=request.user)
    if case.answer_due == before:
        return _("Đã tiếp tục xử lý; hạn trả lời không thay đổi.")
    return _("Đã tiếp tục xử lý; hạn trả lời được lùi tương ứng.")


@action("merge", INTAKE_ROLES, MergeForm, "merge_form")
def _merge(request, case, data):
    into = selectors.case_by_code(request.user, data["into"], INTAKE_ROLES)
    if into is None:
        raise ValidationError(_("Không tìm thấy phản ánh chính trong phạm vi của bạn."))
    services.merge(case, into=into, by=request.user)
    return _("Đã gộp vào %(code)s.") % {"code": into.code}


def _officials_form(request, case):
    return OfficialsForm(request.POST, staff=selectors.officials_for(case, request.user))


@action("officials", INTAKE_ROLES, _officials_form, "officials_form")
def _officials(request, case, data):
    services.set_officials(case, by=request.user, staff=list(data["staff"]))
    return _("Đã cập nhật cán bộ bị phản ánh.")


@action("discipline", ASSIGN_ROLES)
def _discipline(request, case, data):
    count = services.propose_discipline(
        case,
        by=request.user,
        url=request.build_absolute_uri(reverse("feedback:case_detail", args=[case.pk])),
    )
    return _("Đã đề nghị xem xét kỷ luật %(n)s cán bộ.") % {"n": count}


@action("answer", HANDLE_ROLES, AnswerForm, "answer_form")
def _answer(request, case, data):
    submitted = "submit" in request.POST
    services.save_answer(case, by=request.user, body=data["body"], submit=submitted)
    return _("Đã trình duyệt dự thảo.") if submitted else _("Đã lưu dự thảo.")


def _answer_in(case, state, missing):
    """Review and send act on an answer in a given state: without one there is nothing to fill in."""
    answer = case.answers.filter(state=state).first()
    if answer is None:
        raise ValidationError(missing)
    return answer


@action("review", REVIEW_ROLES, form_name="review_form")
def _review(request, case, data):
    answer = _answer_in(case, Answer.State.SUBMITTED, _("Không có dự thảo chờ duyệt."))
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return form
    approve = "approve" in request.POST
    services.review_answer(answer, by=request.user, approve=approve, comment=form.cleaned_data["comment"])
    return _("Đã duyệt trả lời.") if approve else _("Đã trả lại dự thảo.")


@action("send", HANDLE_ROLES, form_name="send_form")
def _send(request, case, data):
    answer = _answer_in(case, Answer.State.APPROVED, _("Chưa có trả lời được duyệt."))
    form = SendForm(request.POST)
    if not form.is_valid():
        return form
    services.send_answer(answer, by=request.user, via=form.cleaned_data["via"])
    return _("Đã gửi trả lời.")


@action("unpublish", HANDLE_ROLES)
def _unpublish(request, case, data):
    services.unpublish(case, by=request.user)
    return _("Đã gỡ khỏi cổng thông tin.")


def _run(request, case, step: Action):
    """The success message, or the form that did not validate (or that the service refused: its
    errors are put on the form, so the page shows them beside what was typed)."""
    if step.form is None:
        return step.run(request, case, None)
    form = step.form(request, case)
    if not form.is_valid():
        return form
    try:
        return step.run(request, case, form.cleaned_data)
    except ValidationError as error:
        if not step.form_name:
            raise
        apply_errors(form, error)
        return form


@require_POST
@staff_required(*INTAKE_ROLES, *ASSIGN_ROLES, *HANDLE_ROLES)
def case_action(request, pk, slug):
    if slug not in ACTIONS:
        raise Http404
    step = ACTIONS[slug]
    case = _case_or_404(request, pk, roles=step.roles)
    try:
        result = _run(request, case, step)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if isinstance(result, str):
            messages.success(request, result)
        else:
            errors = [
                f"{result.fields[name].label if name in result.fields else ''}: {' '.join(errs)}".lstrip(": ")
                for name, errs in result.errors.items()
            ]
            messages.error(request, " ".join(errors))
            if step.form_name:
                # Show the page again with what the user typed and the errors beside the fields.
                return _render_case(request, case, {step.form_name: result}, status=400)
    return redirect("feedback:case_detail", pk=case.pk)


@staff_required(*HANDLE_ROLES)
def case_publish(request, pk):
    """Preview the text with personal data removed, what still looks like personal data highlighted,
    then publish it on the portal (with a reason when something was found)."""
    case = _case_or_404(request, pk, roles=HANDLE_ROLES)
    if not can_see_sender(request.user, case):
        # The preview marks the sender's name: outside the handling chain it would confirm a guess.
        raise PermissionDenied
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "confirm" in request.POST and submit(
            request,
            form,
            lambda data: services.publish(
                case,
                by=request.user,
                title=data["public_title"],
                content=data["public_content"],
                answer=data["public_answer"],
                override_reason=data["override_reason"],
            ),
            success=_("Đã công khai trên cổng thông tin."),
        ):
            return redirect("feedback:case_detail", pk=case.pk)
        context = {"case": case, "form": form, "preview": _publish_preview(case, data)}
        return render(request, "feedback/publish_preview.html", context)
    if request.method == "GET":
        return redirect("feedback:case_detail", pk=case.pk)
    return render(request, "feedback/publish_preview.html", {"case": case, "form": form, "preview": None})


def _publish_preview(case, data):
    fields = ("public_title", "public_content", "public_answer")
    texts = {field: personal_data.plain_text(data[field]).strip() for field in fields}
    findings = personal_data.case_findings(case, texts)
    return {
        "findings": personal_data.summary(findings),
        **{field: personal_data.highlight(texts[field], findings.get(field, [])) for field in fields},
    }


@staff_required(*HANDLE_ROLES)
def answer_letter(request, pk):
    case = _case_or_404(request, pk, roles=HANDLE_ROLES)
    answer = case.answers.filter(state__in=[Answer.State.APPROVED, Answer.State.SENT]).first()
    if answer is None:
        messages.error(request, _("Chưa có trả lời được duyệt để in."))
        return redirect("feedback:case_detail", pk=case.pk)
    return documents.answer_letter_response(case, answer, show_sender=can_see_sender(request.user, case))


@staff_required(*VIEW_ROLES)
def attachment(request, pk):
    """A file the sender sent: for the handling chain only (it may show who they are); to anyone else it
    looks missing."""
    item = get_scoped_or_404(
        Attachment.objects.filter(sender_visible_q(request.user, "case")),
        request.user,
        field="case__unit",
        roles=VIEW_ROLES,
        pk=pk,
    )
    return protected_file_response(item.file, item.original_name)


@require_POST
@staff_required(*ASSIGN_ROLES)
def bulk_assign(request):
    form = BulkAssignForm(
        request.POST,
        units=scoped_units(request.user, ASSIGN_ROLES),
        handlers=selectors.handlers_for(request.user),
    )
    ids = [pk for pk in map(ascii_id, request.POST.getlist("case")) if pk is not None]
    if not form.is_valid() or not ids:
        messages.error(request, _("Chọn phản ánh, đơn vị và người xử lý."))
        return redirect("feedback:inbox")
    cases = selectors.cases_for(request.user, ASSIGN_ROLES).filter(pk__in=ids)
    if cases.count() != len(set(ids)):
        raise Http404  # a forged id outside the scope: refuse the whole batch
    done = services.assign_many(
        cases, by=request.user, unit=form.cleaned_data["unit"], handler=form.cleaned_data["handler"]
    )
    messages.success(request, _("Đã phân công %(n)s phản ánh.") % {"n": done})
    return redirect("feedback:inbox")


def _register_form(request):
    today = timezone.localdate()
    units = scoped_units(request.user, VIEW_ROLES)
    initial = {"date_from": today.replace(month=1, day=1), "date_to": today, "unit": units.current().first()}
    return RegisterForm(request.GET or None, units=units, initial=initial)


@staff_required(*VIEW_ROLES)
def register(request):
    form = _register_form(request)
    rows = None
    if form.is_bound and form.is_valid():
        rows = paginate(
            request,
            with_sender_visible(
                selectors.register(selectors.cases_for(request.user, VIEW_ROLES), **form.cleaned_data),
                request.user,
            ),
            100,
        )
    return render(request, "feedback/register.html", {"form": form, "page": rows})


@staff_required(*VIEW_ROLES)
def register_export(request):
    form = _register_form(request)
    if not (form.is_bound and form.is_valid()):
        messages.error(request, _("Chọn đơn vị và kỳ để xuất sổ."))
        return redirect("feedback:register")
    data = form.cleaned_data
    rows = with_sender_visible(
        selectors.register(selectors.cases_for(request.user, VIEW_ROLES), **data), request.user
    )
    return xlsx_response(
        documents.register_xlsx(data["unit"], data["date_from"], data["date_to"], rows),
        f"so-tiep-nhan-{data['unit'].code}-{data['date_from']:%Y%m%d}-{data['date_to']:%Y%m%d}",
        dated=False,
    )
