import datetime as dt
import hashlib
import json
import re
import secrets
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import login_required_page, staff_required
from congvu.accounts.scope import get_scoped_or_404, has_role, scope_q, scoped, scoped_units
from congvu.core.edge import ascii_id
from congvu.core.forms import apply_errors
from congvu.core.formviews import submit
from congvu.core.indicators import Period
from congvu.core.middleware import client_ip
from congvu.core.uploads import protected_file_response
from congvu.people.models import Staff
from congvu.people.selectors import current_staff_of, staff_who_worked_in
from congvu.ratings import cards, selectors, services
from congvu.ratings.forms import (
    BatchForm,
    CounterForm,
    HideCommentForm,
    PairForm,
    PaperEntryForm,
    PaperFormEditor,
    PublicRatingForm,
    ResultsFilterForm,
    RosterForm,
)
from congvu.ratings.models import (
    GOOD_REASONS,
    LOW_REASONS,
    Counter,
    KioskDevice,
    Level,
    PaperBatch,
    PaperForm,
    Rating,
)
from congvu.ratings.roles import ENTRY_ROLES, FORM_ROLES, MANAGE_ROLES, MODERATE_ROLES, VIEW_ROLES
from congvu.units.models import Unit, UnitType

MAX_CARDS = 400
RATER_ID = re.compile(r"[0-9a-f]{32}")  # the cv_rater cookie this page sets


def _period_from(data) -> Period:
    today = timezone.localdate()
    start = data.get("date_from") or dt.date(today.year, 1, 1)
    end = data.get("date_to") or (today if start.year == today.year else dt.date(start.year, 12, 31))
    return Period(start, end)


def _chart(rows) -> str:
    return json.dumps(
        {
            "labels": [row["month"].strftime("%m/%Y") for row in rows],
            "share": [row["share"] for row in rows],
            "total": [row["total"] for row in rows],
        }
    )


# ---------------------------------------------------------------- results


@staff_required(*VIEW_ROLES)
def results(request):
    units = (
        scoped_units(request.user, roles=VIEW_ROLES)
        .filter(
            Q(unit_type=UnitType.ONE_STOP)
            | Q(children__unit_type=UnitType.ONE_STOP)
            | Q(unit_type__in=[UnitType.CITY, UnitType.PROVINCE, UnitType.DISTRICT])
        )
        .distinct()
    )
    form = ResultsFilterForm(request.GET or None, units=units)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    period = _period_from(data)
    unit = data.get("unit")
    ratings = scoped(Rating.objects.all(), request.user, roles=VIEW_ROLES, within=unit)
    answers = selectors.paper_answers_in(
        scope_q(request.user, "response__batch__unit", roles=VIEW_ROLES, within=unit), period
    )
    figures, current = selectors.overview(ratings, period)
    context = figures | {
        "form": form,
        "unit": unit,
        "chart": _chart(figures["by_month"]),
        "by_unit": selectors.by_unit(current),
        "by_counter": selectors.by_counter(current),
        "by_staff": selectors.by_staff(current),
        "by_channel": selectors.by_channel(current),
        "sipas": selectors.sipas_indices(answers),
        "comments": selectors.comments(current)[:50],
        "can_moderate": has_role(request.user, *MODERATE_ROLES),
        "hide_form": HideCommentForm(),
    }
    return render(request, "ratings/results.html", context)


@login_required_page
def my_results(request):
    """An official's own ratings (self-service): nothing about anyone else."""
    staff = request.user.staff if request.user.staff_id else None
    form = ResultsFilterForm(request.GET or None, units=Unit.objects.none())
    del form.fields["unit"]
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    period = _period_from(data)
    ratings = Rating.objects.filter(staff=staff) if staff else Rating.objects.none()
    figures, current = selectors.overview(ratings, period)
    context = figures | {
        "form": form,
        "staff": staff,
        "chart": _chart(figures["by_month"]),
        "comments": selectors.comments(current, include_hidden=False)[:50],
    }
    return render(request, "ratings/my_results.html", context)


@staff_required(*MODERATE_ROLES)
@require_POST
def hide_comment(request, pk):
    rating = get_scoped_or_404(Rating.objects.all(), request.user, roles=MODERATE_ROLES, pk=pk)
    hidden = request.POST.get("action", "hide") != "show"
    form = HideCommentForm(request.POST)
    if hidden and not form.is_valid():
        messages.error(request, _("Cần ghi lý do ẩn ý kiến."))
    else:
        services.set_comment_hidden(
            rating=rating, hidden=hidden, reason=request.POST.get("reason", ""), by=request.user
        )
        messages.success(request, _("Đã ẩn ý kiến.") if hidden else _("Đã hiện lại ý kiến."))
    return redirect(request.POST.get("next") or reverse("ratings:results"))


# ---------------------------------------------------------------- counters, roster, kiosks


@staff_required(*MANAGE_ROLES)
def counters(request):
    units = scoped_units(request.user, roles=MANAGE_ROLES).current()
    form = CounterForm(request.POST or None, units=units)
    counter = submit(request, form, lambda data: services.add_counter(**data))
    if counter is not None:
        messages.success(request, _("Đã thêm quầy %(name)s.") % {"name": counter.name})
        return redirect("ratings:counter_detail", pk=counter.pk)
    rows = scoped(Counter.objects.select_related("unit"), request.user, roles=MANAGE_ROLES).order_by(
        "-is_active", "unit__path", "code"
    )
    return render(request, "ratings/counters.html", {"counters": rows, "form": form})


@staff_required(*MANAGE_ROLES)
def counter_detail(request, pk):
    counter = get_scoped_or_404(
        Counter.objects.select_related("unit__parent"), request.user, roles=MANAGE_ROLES, pk=pk
    )
    roster_form = RosterForm(request.POST or None, staff=selectors.counter_staff(counter))
    saved = submit(
        request,
        roster_form,
        lambda data: services.set_roster(counter=counter, by=request.user, **data),
        success=_("Đã cập nhật phân công trực quầy."),
    )
    if saved is not None:
        return redirect("ratings:counter_detail", pk=counter.pk)
    now = timezone.now()
    return render(
        request,
        "ratings/counter_detail.html",
        {
            "counter": counter,
            "roster_form": roster_form,
            "pair_form": PairForm(),
            "roster": counter.roster.select_related("staff__position")[:30],
            "official_now": services.official_at(counter, now),
            "devices": counter.devices.all(),
            "kiosk_url": request.build_absolute_uri(reverse("ratings:kiosk", args=[counter.code])),
        },
    )


@never_cache
@staff_required(*MANAGE_ROLES)
@require_POST
def pair_device(request, pk):
    """Pair the tablet in hand: make a device token, log the staff member out of this browser, and hand
    the token to the kiosk page, which keeps it in the browser's storage."""
    counter = get_scoped_or_404(
        Counter.objects.select_related("unit"), request.user, roles=MANAGE_ROLES, pk=pk, is_active=True
    )
    form = PairForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""
    device, token = services.pair_device(counter=counter, name=name, by=request.user)
    logout(request)
    return render(
        request,
        "ratings/kiosk_paired.html",
        {
            "counter": counter,
            "device": device,
            "token": token,
            "kiosk_url": reverse("ratings:kiosk", args=[counter.code]),
        },
    )


@staff_required(*MANAGE_ROLES)
@require_POST
def revoke_device(request, pk):
    device = get_scoped_or_404(
        KioskDevice.objects.select_related("counter"),
        request.user,
        field="counter__unit",
        roles=MANAGE_ROLES,
        pk=pk,
    )
    services.revoke_device(device=device, by=request.user)
    messages.success(request, _("Đã thu hồi thiết bị %(name)s.") % {"name": device.name})
    return redirect("ratings:counter_detail", pk=device.counter_id)


# ---------------------------------------------------------------- QR cards


def _rate_url(request, code):
    return request.build_absolute_uri(reverse("ratings:rate", args=[code]))


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@staff_required(*MANAGE_ROLES)
def card_staff(request, pk):
    staff = get_scoped_or_404(
        Staff.objects.select_related("unit", "position"), request.user, roles=MANAGE_ROLES, pk=pk
    )
    if not staff.badge_number:
        raise Http404
    card = cards.staff_card(staff, _rate_url(request, staff.badge_number))
    return _pdf(cards.render_cards([card], staff.full_name), f"the-danh-gia-{staff.badge_number}.pdf")


@staff_required(*MANAGE_ROLES)
def card_counter(request, pk):
    counter = get_scoped_or_404(
        Counter.objects.select_related("unit"), request.user, roles=MANAGE_ROLES, pk=pk
    )
    card = cards.counter_card(counter, _rate_url(request, counter.code))
    return _pdf(cards.render_cards([card], counter.name), f"the-danh-gia-{counter.code}.pdf")


@staff_required(*MANAGE_ROLES)
def card_unit(request, pk):
    """Every current official with a badge and every counter of the unit (and the units below it)."""
    unit = get_scoped_or_404(Unit.objects.all(), request.user, field="", roles=MANAGE_ROLES, pk=pk)
    people = (
        selectors.badge_holders_of(unit)
        .select_related("unit", "position")
        .order_by("unit__path", "badge_number")[:MAX_CARDS]
    )
    counters = selectors.active_counters_of(unit).select_related("unit")
    items = [cards.counter_card(c, _rate_url(request, c.code)) for c in counters]
    items += [cards.staff_card(s, _rate_url(request, s.badge_number)) for s in people]
    return _pdf(cards.render_cards(items, unit.name), f"the-danh-gia-{unit.code}.pdf")


@staff_required(*MANAGE_ROLES)
def cards_index(request):
    units = (
        scoped_units(request.user, roles=MANAGE_ROLES)
        .current()
        .filter(Q(unit_type=UnitType.ONE_STOP) | Q(children__unit_type=UnitType.ONE_STOP))
        .distinct()
    )
    selected = None
    people = []
    unit_id = request.GET.get("unit")
    if ascii_id(unit_id) is not None:
        selected = units.filter(pk=ascii_id(unit_id)).first()
    if selected is None:
        selected = units.filter(unit_type=UnitType.ONE_STOP).first()
    if selected is not None:
        people = current_staff_of(selected).select_related("position")
    return render(request, "ratings/cards.html", {"units": units, "selected": selected, "people": people})


# ---------------------------------------------------------------- paper forms


@staff_required(*ENTRY_ROLES)
def batches(request):
    units = scoped_units(request.user, roles=ENTRY_ROLES).filter(unit_type=UnitType.ONE_STOP)
    form = BatchForm(
        request.POST or None, units=units, paper_forms=selectors.paper_forms_for(request.user, ENTRY_ROLES)
    )
    batch = submit(request, form, lambda data: services.open_batch(by=request.user, **data))
    if batch is not None:
        return redirect("ratings:paper_entry", pk=batch.pk)
    rows = scoped(
        PaperBatch.objects.select_related("unit", "form", "entered_by"), request.user, roles=ENTRY_ROLES
    ).annotate(entered=Count("responses"))[:100]
    forms_in_use = selectors.paper_forms_for(request.user, ENTRY_ROLES).prefetch_related("questions")
    return render(
        request, "ratings/batches.html", {"form": form, "batches": rows, "paper_forms": forms_in_use}
    )


@staff_required(*ENTRY_ROLES)
def paper_entry(request, pk):
    """Keyboard entry: digits pick the choice of the focused question, Enter saves and opens the next."""
    batch = get_scoped_or_404(
        PaperBatch.objects.select_related("unit", "form"), request.user, roles=ENTRY_ROLES, pk=pk
    )
    staff = staff_who_worked_in(batch.unit).select_related("position")
    last = batch.responses.order_by("-number").values_list("staff_id", flat=True).first()
    form = PaperEntryForm(
        request.POST if request.method == "POST" else None,
        batch=batch,
        staff=staff,
        initial={"staff": last},  # a stack is usually about one official: keep the last choice
    )
    response = submit(
        request,
        form,
        lambda data: services.enter_paper_response(
            batch=batch,
            answers=data["answers"],
            staff=data.get("staff"),
            dossier_code=data.get("dossier_code", ""),
            comment=data.get("comment", ""),
        ),
    )
    if response is not None:
        messages.success(request, _("Đã lưu phiếu số %(n)d.") % {"n": response.number})
        return redirect("ratings:paper_entry", pk=batch.pk)
    count = batch.responses.count()
    return render(
        request,
        "ratings/paper_entry.html",
        {"batch": batch, "form": form, "count": count, "next_number": count + 1},
    )


def _edit_paper_form(request, paper_form=None):
    """The form editor (a new form when `paper_form` is None) and the saved form once it is saved."""
    units = scoped_units(request.user, roles=FORM_ROLES).current()
    initial = PaperFormEditor.initial_for(paper_form) if paper_form is not None else None
    editor = PaperFormEditor(request.POST or None, units=units, initial=initial)
    saved = submit(request, editor, lambda data: services.save_form(form=paper_form, **data))
    if saved is not None:
        messages.success(
            request,
            _("Đã lưu mẫu phiếu %(title)s (phiên bản %(v)d).") % {"title": saved.title, "v": saved.version},
        )
    return editor, saved


@staff_required(*FORM_ROLES)
def paper_forms(request):
    editor, saved = _edit_paper_form(request)
    if saved is not None:
        return redirect("ratings:paper_forms")
    rows = scoped(
        PaperForm.objects.select_related("unit").annotate(entered=Count("paperbatch__responses")),
        request.user,
        roles=FORM_ROLES,
    )
    return render(request, "ratings/paper_forms.html", {"editor": editor, "paper_forms": rows})


@staff_required(*FORM_ROLES)
def paper_form_edit(request, pk):
    """Change a form; if answers were already entered on it, the change becomes a new version."""
    paper_form = get_scoped_or_404(
        PaperForm.objects.select_related("unit"), request.user, roles=FORM_ROLES, pk=pk
    )
    editor, saved = _edit_paper_form(request, paper_form)
    if saved is not None:
        return redirect("ratings:paper_forms")
    in_use = PaperBatch.objects.filter(form=paper_form, responses__isnull=False).exists()
    return render(
        request,
        "ratings/paper_form_edit.html",
        {"editor": editor, "paper_form": paper_form, "in_use": in_use},
    )


# ---------------------------------------------------------------- kiosk (public, device token)


def kiosk(request, code):
    counter = get_object_or_404(Counter.objects.select_related("unit"), code=code, is_active=True)
    return render(
        request,
        "ratings/kiosk.html",
        {
            "counter": counter,
            "levels": Level.choices,
            "low_reasons": LOW_REASONS,
            "good_reasons": GOOD_REASONS,
            "api_url": reverse("api:ratings"),
            "state_url": reverse("ratings:kiosk_state", args=[counter.code]),
        },
    )


def kiosk_service_worker(request):
    """The kiosk's service worker, served under /kiosk/ so that it may control the kiosk pages."""
    script = (Path(__file__).parent / "static" / "ratings" / "kiosk-sw.js").read_text(encoding="utf-8")
    response = HttpResponse(script, content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def _kiosk_device(request, code):
    header = request.headers.get("Authorization", "")
    token = header[7:] if header.startswith("Bearer ") else ""
    device = services.device_for_token(token)
    if device is None or device.counter.code != code:
        return None
    return device


@never_cache
def kiosk_state(request, code):
    """The official at the counter now, for the kiosk screen (Bearer device token)."""
    device = _kiosk_device(request, code)
    if device is None:
        return JsonResponse({"detail": _("Thiết bị chưa được ghép nối hoặc đã bị thu hồi.")}, status=401)
    staff = services.official_at(device.counter, timezone.now())
    official = None
    if staff is not None:
        official = {
            "name": staff.full_name,
            "position": staff.position.name if staff.position_id else "",
            "badge_number": staff.badge_number or "",
            "has_photo": bool(staff.photo),
        }
    return JsonResponse(
        {"counter": device.counter.name, "unit": device.counter.unit.name, "official": official}
    )


@never_cache
def kiosk_photo(request, code):
    device = _kiosk_device(request, code)
    if device is None:
        raise Http404
    staff = services.official_at(device.counter, timezone.now())
    if staff is None or not staff.photo:
        raise Http404
    return protected_file_response(staff.photo, inline=True)


# ---------------------------------------------------------------- QR rating page (public)


def _target(code):
    counter = Counter.objects.select_related("unit").filter(code=code, is_active=True).first()
    if counter is not None:
        return counter.unit, counter, services.official_at(counter, timezone.now())
    staff = (
        Staff.objects.active().select_related("unit", "position").filter(badge_number=code).first()
        if code
        else None
    )
    if staff is None:
        raise Http404
    return staff.unit, None, staff


def _address_key(request) -> str:
    address = client_ip(request) or ""
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def _rater_id(request) -> str:
    """The browser's rater id: the one we set (32 hex digits) or a new one, never a value a client
    made up, which could be any length and feeds the per-browser rate limit."""
    cookie = request.COOKIES.get("cv_rater", "")
    return cookie if RATER_ID.fullmatch(cookie) else secrets.token_hex(16)


@never_cache
def rate(request, code):
    unit, counter, staff = _target(code)
    device_id = _rater_id(request)
    form = PublicRatingForm(request.POST or None)
    done = request.GET.get("xong") == "1"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_qr_rating(
                unit=unit,
                counter=counter,
                staff=staff,
                browser=device_id,
                address=_address_key(request),
                level=data["level"],
                reasons=data["reasons"],
                comment=data["comment"],
                dossier_code=data["dossier_code"],
            )
        except services.RatingRefused:
            form.add_error(
                None, _("Ông/bà đã gửi nhiều lượt đánh giá trong thời gian ngắn. Vui lòng thử lại sau.")
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            response = redirect(reverse("ratings:rate", args=[code]) + "?xong=1")
            response.set_cookie("cv_rater", device_id, max_age=365 * 86400, httponly=True, samesite="Lax")
            return response
    response = render(
        request,
        "ratings/rate.html",
        {
            "unit": unit,
            "counter": counter,
            "staff": staff,
            "form": form,
            "done": done,
            "low_reasons": LOW_REASONS,
            "good_reasons": GOOD_REASONS,
            "low_codes": [code for code, _label in LOW_REASONS],
        },
    )
    response.set_cookie("cv_rater", device_id, max_age=365 * 86400, httponly=True, samesite="Lax")
    return response
