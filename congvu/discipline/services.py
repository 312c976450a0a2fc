"""Every write of discipline cases: one transaction per action, full_clean before save, and an event
for each state change."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.core.events import record_event
from congvu.discipline.models import DisciplineCase, DisciplineForm, forms_allowed_for
from congvu.people.models import Staff


def _user(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


@transaction.atomic
def open_discipline_case(
    *, staff: Staff, origin: str, origin_reference: str, facts: str, by, origin_url: str = ""
) -> DisciplineCase:
    """Open a discipline case against `staff` (called by the inspections part for a finding whose action
    is a proposal for discipline). The case belongs to the person's current unit."""
    if origin not in DisciplineCase.Origin.values:
        raise ValidationError({"origin": _("Nguồn không hợp lệ.")})
    origin_url = (origin_url or "").strip()
    if not origin_url.startswith(("/", "https://", "http://")) or origin_url.startswith("//"):
        origin_url = ""  # only links inside the site or to the web; never javascript: or other schemes
    case = DisciplineCase(
        staff=staff,
        unit_id=staff.unit_id,
        origin=origin,
        origin_reference=(origin_reference or "").strip()[:200],
        origin_url=origin_url[:500],
        facts=(facts or "").strip(),
        opened_by=_user(by),
        opened_on=timezone.localdate(),
    )
    case.full_clean()
    case.save()
    record_event(case, "opened", by=by, after=case.status)
    return case


def _locked_case(case: DisciplineCase) -> DisciplineCase:
    return (
        DisciplineCase.objects.select_for_update(of=("self",))
        .select_related("staff__position")
        .get(pk=case.pk)
    )


@transaction.atomic
def record_discipline_meeting(
    *, case: DisciplineCase, meeting_date: dt.date, summary: str, by
) -> DisciplineCase:
    case = _locked_case(case)
    if case.status not in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING):
        raise ValidationError(_("Hồ sơ đã kết thúc, không ghi thêm cuộc họp."))
    if meeting_date < case.opened_on:
        raise ValidationError({"meeting_date": _("Ngày họp không được trước ngày mở hồ sơ.")})
    if not summary.strip():
        raise ValidationError({"summary": _("Hãy ghi kết quả cuộc họp.")})
    before = case.status
    case.meeting_date = meeting_date
    case.meeting_summary = summary.strip()
    case.status = DisciplineCase.Status.MEETING
    case.full_clean()
    case.save()
    record_event(case, "meeting", by=by, before=before, after=case.status)
    return case


def default_effective_to(form: str, effective_from: dt.date) -> dt.date | None:
    """When the discipline stops having effect: 12 months for the lighter forms (Decree 112/2020, art. 2
    as commonly applied; editable); none for forms that end the employment or the position."""
    if form in (DisciplineForm.BUOC_THOI_VIEC, DisciplineForm.CACH_CHUC):
        return None
    return effective_from + relativedelta(months=12) - dt.timedelta(days=1)


@transaction.atomic
def decide_discipline(
    *,
    case: DisciplineCase,
    form: str,
    deciding_body: str,
    decision_number: str,
    decision_date: dt.date,
    effective_from: dt.date | None = None,
    effective_to: dt.date | None = None,
    in_official_duty: bool = True,
    by,
) -> DisciplineCase:
    """Decide the discipline. `in_official_duty`: the violation was in the performance of official
    duties (the evaluation of the year reads it: Decree 335/2025 Art. 20.4.c)."""
    case = _locked_case(case)
    if case.status not in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING):
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    errors = {}
    allowed = forms_allowed_for(case.staff)
    if form not in allowed:
        errors["form"] = _("Hình thức này không áp dụng cho %(person)s (%(category)s).") % {
            "person": case.staff.full_name,
            "category": case.staff.get_category_display(),
        }
    if not deciding_body.strip():
        errors["deciding_body"] = _("Hãy ghi cấp quyết định.")
    if not decision_number.strip():
        errors["decision_number"] = _("Hãy ghi số quyết định.")
    if decision_date < case.opened_on:
        errors["decision_date"] = _("Ngày quyết định không được trước ngày mở hồ sơ.")
    effective_from = effective_from or decision_date
    if effective_from < decision_date:
        errors["effective_from"] = _("Ngày có hiệu lực không được trước ngày quyết định.")
    if effective_to is None:
        effective_to = default_effective_to(form, effective_from)
    elif effective_to < effective_from:
        errors["effective_to"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
    if errors:
        raise ValidationError(errors)
    before = case.status
    case.form = form
    case.in_official_duty = bool(in_official_duty)
    case.deciding_body = deciding_body.strip()
    case.decision_number = decision_number.strip()
    case.decision_date = decision_date
    case.effective_from = effective_from
    case.effective_to = effective_to
    case.status = DisciplineCase.Status.DECIDED
    case.full_clean()
    case.save()
    record_event(
        case, "decided", by=by, before=before, after=case.status, note=str(DisciplineForm(form).label)
    )
    return case


@transaction.atomic
def dismiss_discipline(*, case: DisciplineCase, note: str, by) -> DisciplineCase:
    case = _locked_case(case)
    if case.status not in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING):
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if not note.strip():
        raise ValidationError({"note": _("Hãy ghi lý do không kỷ luật.")})
    before = case.status
    case.status = DisciplineCase.Status.DISMISSED
    case.closing_note = note.strip()
    case.full_clean()
    case.save()
    record_event(case, "dismissed", by=by, before=before, after=case.status, note=note)
    return case
