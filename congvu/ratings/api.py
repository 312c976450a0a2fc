"""POST /api/v1/ratings (a paired kiosk, Bearer device token) and the staff read endpoints."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from congvu.accounts.scope import get_scoped_or_404, scoped
from congvu.core.edge import ascii_id, out_of_range_date
from congvu.core.indicators import Period
from congvu.ratings import selectors, services
from congvu.ratings.models import REASONS, Level, Rating
from congvu.ratings.roles import VIEW_ROLES
from congvu.units.models import Unit

router = Router(tags=["ratings"])
FROM_DATE = Query(None, alias="from")  # "from" is a Python keyword

MAX_AGE_DAYS = 31  # how old a queued rating may be when it finally arrives


class DeviceToken(HttpBearer):
    def authenticate(self, request, token):
        return services.device_for_token(token)


class RatingIn(Schema):
    id: str
    level: str
    reasons: list[str] = []
    comment: str = ""
    dossier_code: str = ""
    rated_at: str | None = None


class OfficialOut(Schema):
    name: str
    badge_number: str | None
    position: str | None


class RatingOut(Schema):
    id: str
    level: str
    reasons: list[str]
    comment: str
    dossier_code: str
    rated_at: str
    channel: str
    counter: str | None
    official: OfficialOut | None


class ErrorOut(Schema):
    detail: list | str
    code: str | None = None


def _out(rating: Rating) -> dict:
    staff = rating.staff
    return {
        "id": str(rating.client_id),
        "level": rating.level,
        "reasons": rating.reasons,
        "comment": "" if rating.comment_hidden else rating.comment,
        "dossier_code": rating.dossier_code,
        "rated_at": timezone.localtime(rating.rated_at).isoformat(),
        "channel": rating.channel,
        "counter": rating.counter.code if rating.counter_id else None,
        "official": (
            {
                "name": staff.full_name,
                "badge_number": staff.badge_number,
                "position": staff.position.name if staff.position_id else None,
            }
            if staff
            else None
        ),
    }


def _parse(payload: RatingIn):
    """Vietnamese field errors for the values pydantic accepts as plain strings (all at once)."""
    errors = {}
    client_id = None
    try:
        client_id = uuid.UUID(payload.id)
    except ValueError:
        errors["id"] = _("Mã đánh giá phải là một UUID.")
    if payload.level not in Level.values:
        errors["level"] = _("Mức độ phải là very_satisfied, satisfied hoặc not_satisfied.")
    moment = timezone.now()
    if payload.rated_at:
        try:
            moment = parse_datetime(payload.rated_at)
        except ValueError:
            moment = None
        if moment is None:
            errors["rated_at"] = _("Thời điểm đánh giá phải theo ISO 8601.")
        else:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            now = timezone.now()
            if moment > now + dt.timedelta(minutes=5):
                errors["rated_at"] = _("Thời điểm đánh giá không thể ở tương lai.")
            elif moment < now - dt.timedelta(days=MAX_AGE_DAYS):
                errors["rated_at"] = _("Lượt đánh giá đã quá cũ để ghi nhận.")
    unknown = [code for code in payload.reasons if code not in REASONS]
    if unknown:
        errors["reasons"] = _("Lý do không hợp lệ: %(codes)s.") % {"codes": ", ".join(unknown)}
    if len(payload.comment) > 1000:
        errors["comment"] = _("Ý kiến tối đa 1000 ký tự.")
    if len(payload.dossier_code.strip()) > 40:
        errors["dossier_code"] = _("Mã hồ sơ tối đa 40 ký tự.")
    if errors:
        return None, {
            "detail": [
                {"loc": ["body", field], "msg": str(message), "type": "value_error"}
                for field, message in errors.items()
            ]
        }
    return (client_id, moment), None


@router.post(
    "",
    auth=DeviceToken(),
    response={200: RatingOut, 201: RatingOut, 422: ErrorOut, 429: ErrorOut},
    url_name="ratings",
)
def create_rating(request, payload: RatingIn):
    """Store a rating from a paired kiosk. 201 when stored; 200 with the stored rating when the same
    `id` was sent before (an offline queue resends); 401 for a bad or revoked token; 422 with field
    errors; 429 when the kiosk sends a burst."""
    parsed, error = _parse(payload)
    if error:
        return Status(422, error)
    client_id, moment = parsed
    try:
        rating, created = services.record_kiosk_rating(
            device=request.auth,
            client_id=client_id,
            level=payload.level,
            rated_at=moment,
            reasons=payload.reasons,
            comment=payload.comment,
            dossier_code=payload.dossier_code,
        )
    except services.RatingRefused as refusal:
        return Status(429, {"detail": str(refusal.message), "code": refusal.code})
    except ValidationError as exc:
        return Status(
            422,
            {
                "detail": [
                    {"loc": ["body", field], "msg": " ".join(str(m) for m in messages), "type": "value_error"}
                    for field, messages in exc.message_dict.items()
                ]
            },
        )
    return Status(201 if created else 200, _out(rating))


class Filters(Schema):
    unit: str | None = None
    from_: dt.date | None = None
    to: dt.date | None = None

    model_config = {"populate_by_name": True}


def _period(start, end) -> Period:
    problem = out_of_range_date(**{"from": start, "to": end})
    if problem:
        raise HttpError(422, problem)
    today = timezone.localdate()
    period = Period(start or dt.date(today.year, 1, 1), end or today)
    if period.end < period.start:
        raise HttpError(422, _("Ngày kết thúc phải sau ngày bắt đầu."))
    return period


def _scoped_ratings(request, unit_ref):
    unit = None
    if unit_ref:
        pk = ascii_id(unit_ref)
        lookup = {"pk": pk} if pk is not None else {"code": unit_ref}
        unit = get_scoped_or_404(Unit.objects.all(), request.user, field="", roles=VIEW_ROLES, **lookup)
    return unit, scoped(Rating.objects.all(), request.user, roles=VIEW_ROLES, within=unit)


@router.get("", auth=django_auth, response=list[RatingOut], url_name="ratings")
def list_ratings(
    request,
    unit: str | None = None,
    date_from: dt.date | None = FROM_DATE,
    to: dt.date | None = None,
):
    """The latest ratings (at most 200) in the caller's scope, newest first."""
    _unit, ratings = _scoped_ratings(request, unit)
    ratings = selectors.in_period(ratings, _period(date_from, to))
    return [_out(r) for r in ratings.select_related("staff__position", "counter").order_by("-rated_at")[:200]]


@router.get("/summary", auth=django_auth, url_name="ratings_summary")
def ratings_summary(
    request,
    unit: str | None = None,
    date_from: dt.date | None = FROM_DATE,
    to: dt.date | None = None,
):
    """Satisfaction share with its counts for a unit in scope and a period, the previous period, and
    breakdowns by month, counter and official."""
    unit_obj, ratings = _scoped_ratings(request, unit)
    period = _period(date_from, to)
    current = selectors.in_period(ratings, period)
    previous = selectors.summary(selectors.in_period(ratings, period.previous()))
    now = selectors.summary(current)
    return {
        "unit": {"id": unit_obj.pk, "code": unit_obj.code, "name": unit_obj.name} if unit_obj else None,
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "summary": now,
        "previous": previous,
        "change": selectors.change(now, previous),
        "by_month": [
            {**row, "month": row["month"].date().isoformat()[:7]} for row in selectors.by_month(current)
        ],
        "by_counter": selectors.by_counter(current),
        "by_official": selectors.by_staff(current),
    }
