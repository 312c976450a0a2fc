"""Public pages (no login): the web form, tracking by code, rating the answer, published answers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.core.forms import apply_errors
from congvu.core.middleware import client_ip
from congvu.core.pagination import paginate
from congvu.core.ratelimit import hit
from congvu.core.text import fold
from congvu.feedback import selectors, services
from congvu.feedback.forms import PublicCaseForm, RatingForm, TrackForm, letter_fields
from congvu.feedback.models import Case, Channel, Kind, Status
from congvu.units.models import Unit

TRACK_LIMIT = 30  # lookups per address per 10 minutes: enough for a person, far too few to guess codes
SUBMIT_LIMIT = 20


def _client_ip(request):
    return client_ip(request) or ""


def _units():
    return Unit.objects.current().order_by("name")


def submit(request):
    form = PublicCaseForm(request.POST or None, request.FILES or None, units=_units())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        existing = Case.objects.filter(idempotency_key=f"web:{data['form_token']}").first()
        if existing is None and not hit(
            f"feedback-submit:{_client_ip(request)}", limit=SUBMIT_LIMIT, window_seconds=600
        ):
            form.add_error(
                None, _("Ông/Bà đã gửi quá nhiều phản ánh trong thời gian ngắn. Vui lòng thử lại sau.")
            )
        else:
            try:
                case, _created = services.submit_case(
                    channel=Channel.WEB,
                    unit=data["unit"],
                    **letter_fields(data),
                    consent=data["consent"] and not data["is_anonymous"],
                    idempotency_key=f"web:{data['form_token']}",
                    files=data["files"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                request.session["feedback_submitted"] = case.code
                request.session[f"track:{case.code}"] = True
                return redirect("feedback:submitted")
    units = [(u.pk, u.name, fold(u.name)) for u in form.fields["unit"].queryset]
    return render(request, "feedback/public_form.html", {"form": form, "units": units})


def submitted(request):
    code = request.session.get("feedback_submitted")
    if not code:
        return redirect("feedback:submit")
    case = get_object_or_404(Case, code=code)
    return render(request, "feedback/public_submitted.html", {"case": case})


def _contact_matches(case, contact: str) -> bool:
    contact = (contact or "").strip().lower()
    if not contact or case.is_anonymous:
        return False
    digits = "".join(ch for ch in contact if ch.isdigit())
    phone = "".join(ch for ch in case.sender_phone if ch.isdigit())
    return (case.sender_email and contact == case.sender_email.lower()) or (
        len(digits) >= 8 and digits == phone
    )


def track(request):
    """Look up by code (+ phone or e-mail for the full view). Lookups are rate-limited per address."""
    form = TrackForm(request.POST or request.GET or None)
    status = 200
    if form.is_bound and form.is_valid():
        if not hit(f"feedback-track:{_client_ip(request)}", limit=TRACK_LIMIT, window_seconds=600):
            form.add_error(None, _("Quá nhiều lần tra cứu. Vui lòng thử lại sau ít phút."))
            status = 429  # as for a code in the URL
        else:
            case = Case.objects.filter(code=form.cleaned_data["code"]).first()
            if case is None:
                form.add_error("code", _("Không tìm thấy phản ánh với mã này."))
            else:
                if _contact_matches(case, form.cleaned_data["contact"]):
                    request.session[f"track:{case.code}"] = True
                elif form.cleaned_data["contact"]:
                    messages.warning(request, _("Thông tin liên hệ không khớp; chỉ hiển thị trạng thái."))
                return redirect("feedback:track_code", code=case.code)
    return render(request, "feedback/track.html", {"form": form}, status=status)


def _track_error(code, field, message, request, status):
    form = TrackForm({"code": code[:30], "contact": ""})
    form.is_valid()
    form.add_error(field, message)
    return render(request, "feedback/track.html", {"form": form}, status=status)


def track_code(request, code):
    code = code.upper()
    if not hit(f"feedback-track:{_client_ip(request)}", limit=TRACK_LIMIT, window_seconds=600):
        return _track_error(
            code, None, _("Quá nhiều lần tra cứu. Vui lòng thử lại sau ít phút."), request, 429
        )
    case = Case.objects.filter(code=code).select_related("unit", "topic").first()
    if case is None:
        return _track_error(code, "code", _("Không tìm thấy phản ánh với mã này."), request, 404)
    full = bool(request.session.get(f"track:{case.code}"))
    context = {"case": case, "full": full, "track_form": TrackForm(initial={"code": case.code})}
    if full:
        context["events"] = case.events.filter(public=True)
        context["answer"] = case.answers.filter(state="da_gui").first()
        context["can_rate"] = (
            case.status == Status.ANSWERED and not hasattr(case, "rating") and case.kind != Kind.SUGGESTION
        )
        context["rating_form"] = RatingForm(initial={"contact": "session"})
    return render(request, "feedback/track_case.html", context)


@require_POST
def rate(request, code):
    case = get_object_or_404(Case, code=code.upper())
    if not request.session.get(f"track:{case.code}"):
        messages.error(request, _("Nhập số điện thoại hoặc thư điện tử đã khai để đánh giá."))
        return redirect("feedback:track_code", code=case.code)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rate(
                case, satisfied=form.cleaned_data["satisfied"], comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("Cảm ơn Ông/Bà đã đánh giá."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Chọn mức hài lòng."))
    return redirect("feedback:track_code", code=case.code)


def published_list(request):
    page = paginate(request, selectors.published_cases(), 20)
    return render(request, "feedback/published_list.html", {"page": page})


def published_detail(request, pk):
    case = get_object_or_404(selectors.published_cases(), pk=pk)
    return render(request, "feedback/published_detail.html", {"case": case})
