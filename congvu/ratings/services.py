"""Writes: pairing kiosks, the roster, storing ratings from every channel, moderation, paper entry."""

import datetime as dt
import hashlib
import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.accounts.models import Role
from congvu.accounts.selectors import users_with_role_nearest
from congvu.core import ratelimit
from congvu.core.events import record_event
from congvu.core.notifications import notify
from congvu.ratings.models import (
    REASONS,
    WHOLE_DAY,
    Channel,
    Choice,
    Counter,
    KioskDevice,
    Level,
    PaperAnswer,
    PaperBatch,
    PaperForm,
    PaperResponse,
    Question,
    Rating,
    RosterEntry,
    Session,
    hash_token,
)

TOKEN_PREFIX = "kiosk_"
MAX_REASONS = 8
DEVICE_LIMIT_PER_MINUTE = 60  # requests per device per minute (an offline queue resends in bursts)
BURST_SECONDS = 2  # two taps closer than this on one kiosk are not two citizens
QR_LIMIT_PER_DEVICE = 5  # ratings per browser per hour on the QR page
QR_LIMIT_PER_ADDRESS = 30  # per IP address per hour (a ward office may share one address)


# ---------------------------------------------------------------- counters and kiosks


@transaction.atomic
def add_counter(*, unit, code: str, name: str, fields_served: str = "") -> Counter:
    counter = Counter(unit=unit, code=code, name=name, fields_served=fields_served)
    counter.full_clean()
    counter.save()
    return counter


@transaction.atomic
def pair_device(*, counter: Counter, name: str = "", by=None) -> tuple[KioskDevice, str]:
    """A new device token for the counter; returns (device, token). The token is shown once only."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    device = KioskDevice(
        counter=counter,
        name=name or _("Máy tính bảng %(code)s") % {"code": counter.code},
        token_hash=hash_token(token),
        token_prefix=token[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + 6],
        paired_by=by,
    )
    device.full_clean()
    device.save()
    return device, token


@transaction.atomic
def revoke_device(*, device: KioskDevice, by=None) -> KioskDevice:
    if device.revoked_at is None:
        device.revoked_at = timezone.now()
        device.revoked_by = by
        device.save(update_fields=["revoked_at", "revoked_by"])
    return device


def device_for_token(token: str | None) -> KioskDevice | None:
    if not token:
        return None
    return (
        KioskDevice.objects.select_related("counter__unit")
        .filter(token_hash=hash_token(token.strip()), revoked_at__isnull=True)
        .first()
    )


# ---------------------------------------------------------------- roster


def session_of(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    return Session.MORNING if local.hour < 12 else Session.AFTERNOON


def official_at(counter: Counter, moment: dt.datetime):
    """The official on the counter's roster at `moment`: that day's entry for the session, else the
    latest entry before it for the same session, else the latest entry of any session."""
    day = timezone.localtime(moment).date()
    session = session_of(moment)
    entries = RosterEntry.objects.filter(counter=counter, date__lte=day).select_related("staff__position")
    recent = list(entries.order_by("-date", "session")[:6])  # one query covers the usual case
    for entry in recent:
        if entry.session == session:
            return entry.staff
    if len(recent) == 6:
        entry = entries.filter(session=session).order_by("-date").first()
        if entry is not None:
            return entry.staff
    return recent[0].staff if recent else None


@transaction.atomic
def set_roster(*, counter: Counter, staff, date: dt.date, session: str, by=None) -> list[RosterEntry]:
    """Put `staff` on the counter for one session of `date`, or for both (`session` WHOLE_DAY)."""
    sessions = Session.values if session == WHOLE_DAY else [session]
    entries = []
    for one in sessions:
        entry = RosterEntry.objects.filter(counter=counter, date=date, session=one).first()
        if entry is None:
            entry = RosterEntry(counter=counter, date=date, session=one)
        entry.staff = staff
        entry.created_by = by
        entry.full_clean()
        entry.save()
        entries.append(entry)
    return entries


# ---------------------------------------------------------------- ratings


def clean_reasons(reasons) -> list[str]:
    unknown = [code for code in reasons if code not in REASONS]
    if unknown:
        raise ValidationError(
            {"reasons": _("Lý do không hợp lệ: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    unique = list(dict.fromkeys(reasons))
    if len(unique) > MAX_REASONS:
        raise ValidationError({"reasons": _("Chọn tối đa %(n)d lý do.") % {"n": MAX_REASONS}})
    return unique


class RatingRefused(Exception):
    """A rating not stored by a rate rule: too many from one source ("rate") or two taps too close on
    one kiosk ("burst")."""

    def __init__(self, code: str, message):
        super().__init__(message)
        self.code = code
        self.message = message


def record_rating(
    *,
    level: str,
    channel: str,
    unit,
    rated_at: dt.datetime | None = None,
    client_id: uuid.UUID | None = None,
    device: KioskDevice | None = None,
    throttles=(),
    **fields,
) -> tuple[Rating, bool]:
    """Store one rating under the rules every channel shares; (rating, created). `fields`: counter,
    staff, reasons, comment, dossier_code, client_key.

    - a client id already stored returns that rating unchanged (an offline queue resends);
    - `throttles` are (key, limit, window seconds): the first one used up refuses with
      RatingRefused("rate"); a kiosk device also has its own per-minute limit;
    - a kiosk tap closer than BURST_SECONDS to the device's previous one: RatingRefused("burst");
    - a bad level or reasons, or a dossier already rated: ValidationError with field errors.

    One transaction (one commit: what a busy database spends its time on) covers the counts, the
    rating, its audit row and the device's last-seen time. A refused rating still counts."""
    if client_id is not None:
        existing = (
            Rating.objects.filter(client_id=client_id)
            .select_related("staff__position", "counter")
            .order_by()
            .first()
        )
        if existing is not None:
            return existing, False
    moment = rated_at or timezone.now()
    if device is not None:
        throttles = [(f"ratings:device:{device.pk}", DEVICE_LIMIT_PER_MINUTE, 60), *throttles]
    with transaction.atomic():
        try:
            _check_rate(throttles, device, moment)
            rating, created = _store_rating(
                level=level,
                channel=channel,
                unit=unit,
                rated_at=moment,
                client_id=client_id,
                device=device,
                **fields,
            )
        except (RatingRefused, ValidationError) as error:
            refusal = error  # raised after the commit, so that the counts stay
        else:
            if device is not None:
                _seen(device)
            return rating, created
    raise refusal


def record_kiosk_rating(
    *, device: KioskDevice, client_id: uuid.UUID, level: str, rated_at: dt.datetime, **fields
) -> tuple[Rating, bool]:
    """A rating from a paired kiosk: its counter, unit and the official on the roster at that moment."""
    counter = device.counter
    return record_rating(
        client_id=client_id,
        level=level,
        channel=Channel.KIOSK,
        unit=counter.unit,
        counter=counter,
        staff=official_at(counter, rated_at),
        device=device,
        rated_at=rated_at,
        **fields,
    )


def record_qr_rating(*, unit, counter, staff, browser: str, address: str, **fields) -> tuple[Rating, bool]:
    """A rating from the public QR page, limited per browser (`browser`: its cookie) and per network
    address (`address`: a hash of it); the rating keeps a hash of both."""
    return record_rating(
        channel=Channel.QR,
        unit=unit,
        counter=counter,
        staff=staff,
        client_key=hashlib.sha256(f"{browser}:{address}".encode()).hexdigest()[:64],
        throttles=[
            (f"ratings:qr:device:{browser}", QR_LIMIT_PER_DEVICE, 3600),
            (f"ratings:qr:ip:{address}", QR_LIMIT_PER_ADDRESS, 3600),
        ],
        **fields,
    )


def _check_rate(throttles, device, moment) -> None:
    for key, limit, window in throttles:
        if not ratelimit.hit(key, limit=limit, window_seconds=window):
            raise RatingRefused("rate", _("Thiết bị gửi quá nhiều lượt, vui lòng thử lại sau."))
    if device is not None:
        window = dt.timedelta(seconds=BURST_SECONDS)
        if Rating.objects.filter(
            device=device, rated_at__gt=moment - window, rated_at__lt=moment + window
        ).exists():
            raise RatingRefused("burst", _("Các lượt chạm quá sát nhau, chỉ ghi nhận một lượt."))


def _seen(device: KioskDevice) -> None:
    now = timezone.now()
    if device.last_seen_at is None or now - device.last_seen_at > dt.timedelta(minutes=1):
        type(device).objects.filter(pk=device.pk).update(last_seen_at=now)


def _store_rating(
    *,
    level,
    channel,
    unit,
    rated_at,
    client_id,
    dossier_code="",
    reasons=(),
    comment="",
    counter: Counter | None = None,
    staff=None,
    device: KioskDevice | None = None,
    client_key: str = "",
):
    if level not in Level.values:
        raise ValidationError({"level": _("Mức độ hài lòng không hợp lệ.")})
    dossier_code = (dossier_code or "").strip().upper()
    rating = Rating(
        client_id=client_id or uuid.uuid4(),
        level=level,
        reasons=clean_reasons(list(reasons or [])),
        comment=(comment or "").strip()[:1000],
        dossier_code=dossier_code[:40],
        channel=channel,
        rated_at=rated_at,
        unit=unit,
        counter=counter,
        staff=staff,
        device=device,
        client_key=client_key,
    )
    if dossier_code and Rating.objects.filter(unit=unit, dossier_code=rating.dossier_code).exists():
        raise ValidationError(
            {"dossier_code": _("Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.")}
        )
    try:
        with transaction.atomic():
            rating.save()
            if level == Level.NOT_SATISFIED:
                alert_unit_head(rating)
    except IntegrityError:
        # A concurrent resend of the same id, or the same dossier at the same moment.
        if client_id is not None:
            existing = Rating.objects.filter(client_id=client_id).first()
            if existing is not None:
                return existing, False
        raise ValidationError(
            {"dossier_code": _("Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.")}
        ) from None
    return rating, True


def alert_unit_head(rating: Rating) -> None:
    """A "Không hài lòng" goes to the unit head the same day (in-app and e-mail), with the reasons."""
    unit = rating.unit
    heads = list(users_with_role_nearest(Role.UNIT_HEAD, unit))
    if not heads:
        return
    who = rating.staff.full_name if rating.staff_id else _("(không xác định cán bộ)")
    reasons = ", ".join(rating.reason_labels) or _("không nêu lý do")
    body = _(
        "Một người dân đánh giá KHÔNG HÀI LÒNG với %(who)s tại %(unit)s lúc %(time)s.\nLý do: %(reasons)s."
    ) % {
        "who": who,
        "unit": unit.name,
        "time": timezone.localtime(rating.rated_at).strftime("%H:%M %d/%m/%Y"),
        "reasons": reasons,
    }
    if rating.comment:
        body += "\n" + _("Ý kiến: %(comment)s") % {"comment": rating.comment}
    notify(
        heads,
        title=_("Đánh giá không hài lòng tại %(unit)s") % {"unit": unit.name},
        body=body,
        url=reverse("ratings:results") + f"?unit={unit.pk}",
        kind="ratings.not_satisfied",
    )


@transaction.atomic
def set_comment_hidden(*, rating: Rating, hidden: bool, reason: str = "", by=None) -> Rating:
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    reason = (reason or "").strip()
    if hidden and not reason:
        raise ValidationError({"reason": _("Cần ghi lý do ẩn ý kiến.")})
    before = {"comment_hidden": rating.comment_hidden, "comment_hidden_reason": rating.comment_hidden_reason}
    rating.comment_hidden = hidden
    rating.comment_hidden_reason = reason[:300] if hidden else ""
    rating.save(update_fields=["comment_hidden", "comment_hidden_reason"])
    after = {"comment_hidden": rating.comment_hidden, "comment_hidden_reason": rating.comment_hidden_reason}
    record_event(
        rating,
        "hide_comment" if hidden else "show_comment",
        by=by,
        before=before,
        after=after,
        note=reason[:300],
    )
    return rating


# ---------------------------------------------------------------- paper forms


@transaction.atomic
def new_form_version(*, form: PaperForm, valid_from: dt.date | None = None) -> PaperForm:
    """Copy a form with its questions and choices as the next version; the old one stops being used."""
    latest = PaperForm.objects.filter(code=form.code).order_by("-version").first()
    copy = PaperForm.objects.create(
        unit=form.unit,
        code=form.code,
        version=latest.version + 1,
        title=form.title,
        valid_from=valid_from or timezone.localdate(),
        is_active=True,
    )
    for question in form.questions.prefetch_related("choices"):
        new_question = copy.questions.create(
            order=question.order, text=question.text, element=question.element, is_overall=question.is_overall
        )
        for choice in question.choices.all():
            new_question.choices.create(order=choice.order, label=choice.label, level=choice.level)
    PaperForm.objects.filter(code=form.code).exclude(pk=copy.pk).update(is_active=False)
    return copy


def form_applies_to(form: PaperForm, unit) -> bool:
    return form.unit_id is None or unit.path.startswith(form.unit.path)


@transaction.atomic
def save_form(
    *, unit, title: str, code: str, valid_from: dt.date, questions: list, choices: list, form=None
) -> PaperForm:
    """Create a form, or change one. A form that already has entered answers is never changed: the
    change becomes its next version and the old version stops being offered.

    `questions` is a list of (element, text, is_overall); `choices` a list of (label, level) used for
    every question."""
    in_use = form is not None and PaperResponse.objects.filter(batch__form=form).exists()
    if form is None or in_use:
        latest = PaperForm.objects.filter(code=code).order_by("-version").first()
        target = PaperForm(code=code, version=(latest.version + 1) if latest else 1)
    else:
        target = form
        target.code = code
    target.unit = unit
    target.title = title
    target.valid_from = valid_from
    target.is_active = True
    target.full_clean()
    target.save()
    target.questions.all().delete()
    for order, (element, text, overall) in enumerate(questions, start=1):
        question = Question.objects.create(
            form=target, order=order, text=text, element=element, is_overall=overall
        )
        for choice_order, (label, level) in enumerate(choices, start=1):
            Choice.objects.create(question=question, order=choice_order, label=label, level=level)
    PaperForm.objects.filter(code=target.code).exclude(pk=target.pk).update(is_active=False)
    return target


@transaction.atomic
def open_batch(*, unit, form: PaperForm, collected_on: dt.date, label="", declared_count=None, by=None):
    if not form_applies_to(form, unit):
        raise ValidationError({"form": _("Mẫu phiếu này không áp dụng cho đơn vị đã chọn.")})
    batch = PaperBatch(
        unit=unit,
        form=form,
        collected_on=collected_on,
        label=label,
        declared_count=declared_count,
        entered_by=by,
    )
    batch.full_clean()
    batch.save()
    return batch


@transaction.atomic
def enter_paper_response(
    *, batch: PaperBatch, answers: dict, staff=None, dossier_code: str = "", comment: str = ""
) -> PaperResponse:
    """One paper form: its answers (question → choice); the overall question also counts as a rating
    of the official (channel "paper"), dated the day the stack was collected."""
    number = (batch.responses.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    response = PaperResponse.objects.create(
        batch=batch, number=number, staff=staff, dossier_code=dossier_code.strip().upper(), comment=comment
    )
    overall = None
    PaperAnswer.objects.bulk_create(
        [
            PaperAnswer(response=response, question=question, choice=choice)
            for question, choice in answers.items()
        ]
    )
    for question, choice in answers.items():
        if question.is_overall:
            overall = choice
    if overall is not None:
        moment = timezone.make_aware(dt.datetime.combine(batch.collected_on, dt.time(12, 0)))
        rating, _created = record_rating(
            level=overall.level,
            channel=Channel.PAPER,
            unit=batch.unit,
            rated_at=moment,
            staff=staff,
            comment=comment,
            dossier_code=dossier_code,
        )
        response.rating = rating
        response.save(update_fields=["rating"])
    return response
