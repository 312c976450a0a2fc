"""Every change to a case goes through here: one transaction, one timeline event per step."""

import datetime as dt
import logging
import secrets

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.accounts.models import Role
from congvu.accounts.selectors import users_with_role_nearest
from congvu.core.events import record_event
from congvu.core.notifications import notify
from congvu.core.spreadsheets import dmy
from congvu.core.text import fold
from congvu.core.uploads import cleaned_upload
from congvu.discipline.services import open_discipline_case
from congvu.feedback import deadlines, intake_rules, personal_data, sms
from congvu.feedback.models import (
    CONSENT_VERSION,
    Answer,
    AnswerRating,
    AnswerTemplate,
    Attachment,
    Case,
    Channel,
    DeadlineRule,
    Decision,
    Kind,
    OutboundMessage,
    Status,
    SuggestionBoxOpening,
)
from congvu.feedback.selectors import search_index

log = logging.getLogger(__name__)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I look-alikes
MAX_ATTACHMENTS = 5
VIETNAMESE_MARKS = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
COMMON_WORDS = {"va", "cua", "la", "khong", "co", "duoc", "cho", "cac", "toi", "nguoi", "dan", "ve", "tai"}


class Defaults:
    """The deadlines when no rule is set: 5 working days to forward (Decree 20), 15 to answer (a common
    provincial rule), an extension of at most as many days as the answer deadline."""

    pk = None
    forward_days = 5
    answer_days = 15
    remind_days = 2
    extension_max_days = None
    default_handler = None
    max_extension = answer_days


def rule_for(topic, unit):
    """The most specific deadline rule: for the unit (or the nearest unit above it) and the topic,
    then for the unit alone, then for the topic alone, then the defaults (5 and 15 working days)."""
    ancestors = [int(part) for part in unit.path.strip("/").split("/") if part] if unit else []
    topic_q = Q(topic__isnull=True) | (Q(topic=topic) if topic else Q(pk__in=[]))
    unit_q = Q(unit__isnull=True) | Q(unit_id__in=ancestors)
    best = None
    for rule in DeadlineRule.objects.filter(topic_q, unit_q):
        depth = ancestors.index(rule.unit_id) + 1 if rule.unit_id else 0
        score = (depth, rule.topic_id is not None)
        if best is None or score > best[0]:
            best = (score, rule)
    return best[1] if best else Defaults()


def looks_vietnamese(text: str) -> bool:
    letters = [ch for ch in text.lower() if ch.isalpha()]
    if len(letters) < 25:
        return True
    if any(ch in VIETNAMESE_MARKS for ch in letters):
        return True
    return bool(COMMON_WORDS & set(fold(text).split()))


def _save(case):
    case.full_clean(exclude=["officials_concerned"])
    case.save()


def _index(case):
    case.search_folded = search_index(case)


def reindex_search(queryset=None, chunk_size: int = 2000) -> int:
    """Rebuild the search text of cases (all by default), e.g. those indexed before the sender's details
    were set apart. A derived column: no event, no audit row. How many cases were rewritten."""
    cases = (queryset if queryset is not None else Case.objects.all()).only(
        "pk", "code", "title", "content", "sender_name", "sender_phone", "sender_email", "search_folded"
    )
    changed = []
    count = 0
    for case in cases.order_by("pk").iterator(chunk_size=chunk_size):
        text = search_index(case)
        if text != case.search_folded:
            case.search_folded = text
            changed.append(case)
        if len(changed) >= chunk_size:
            count += _flush_index(changed)
    return count + _flush_index(changed)


def _flush_index(cases) -> int:
    Case.objects.bulk_update(cases, ["search_folded"], batch_size=500)
    done = len(cases)
    cases.clear()
    return done


def _new_code(case) -> str:
    year = timezone.localtime(case.received_at).year
    suffix = "".join(secrets.choice(CODE_ALPHABET) for _ in range(4))
    return f"PA-{year}-{case.pk:06d}-{suffix}"


def _status_label(value):
    return str(Status(value).label) if value else None


def _set_status(case, new, *, by, action, note="", public=True):
    old = case.status
    case.status = new
    if new not in (Status.NEW, Status.IN_PROGRESS, Status.PAUSED, Status.AWAITING_APPROVAL):
        case.closed_at = case.closed_at or timezone.now()
    record_event(
        case, action, by=by, before=_status_label(old), after=_status_label(new), note=note, public=public
    )


def add_attachment(case, upload):
    """Check the type from the content, strip image metadata, store outside the web root."""
    stored, kind = cleaned_upload(upload)
    return Attachment.objects.create(
        case=case,
        file=stored if hasattr(stored, "read") else upload,
        original_name=(getattr(upload, "name", "") or "tep")[:200],
        kind=kind,
        size=upload.size,
    )


def submit_case(
    *,
    channel: str,
    unit,
    title: str,
    content: str,
    sender_name: str = "",
    sender_address: str = "",
    sender_phone: str = "",
    sender_email: str = "",
    sender_organisation: str = "",
    is_anonymous: bool = False,
    topic=None,
    category: str = "",
    received_at: dt.datetime | None = None,
    received_by=None,
    receiving_unit=None,
    consent: bool = False,
    idempotency_key: str | None = None,
    files=(),
    hotline_number: str = "",
    call_at: dt.datetime | None = None,
    opening=None,
    api_key=None,
    location: str = "",
    location_public: bool = False,
    lat=None,
    long=None,
) -> tuple[Case, bool]:
    """Register a case from any channel; returns (case, created). The same idempotency key gives the same case."""
    if idempotency_key:
        existing = Case.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    if len(files) > MAX_ATTACHMENTS:
        raise ValidationError({"files": _("Tối đa %(n)s tệp đính kèm.") % {"n": MAX_ATTACHMENTS}})
    received_at = received_at or timezone.now()
    rule = rule_for(topic, unit)
    received_day = timezone.localtime(received_at).date()
    forward_due, answer_due = deadlines.receipt_deadlines(rule, received_day)
    case = Case(
        channel=channel,
        kind=Kind.SUGGESTION if is_anonymous else Kind.FEEDBACK,
        unit=unit,
        receiving_unit=receiving_unit or unit,
        title=title.strip(),
        content=content.strip(),
        sender_name="" if is_anonymous else sender_name.strip(),
        sender_address="" if is_anonymous else sender_address.strip(),
        sender_phone="" if is_anonymous else sender_phone.strip(),
        sender_email="" if is_anonymous else sender_email.strip(),
        sender_organisation="" if is_anonymous else sender_organisation.strip(),
        is_anonymous=is_anonymous,
        topic=topic,
        category=category,
        received_at=received_at,
        received_by=received_by,
        consent_given=consent,
        consent_version=CONSENT_VERSION if consent else "",
        consent_at=timezone.now() if consent else None,
        idempotency_key=idempotency_key or None,
        hotline_number=hotline_number,
        call_at=call_at,
        opening=opening,
        api_key=api_key,
        location=location,
        location_public=location_public,
        lat=lat,
        long=long,
        forward_due=forward_due,
        answer_due=answer_due,
        remind_days=rule.remind_days,
        handler=rule.default_handler,
    )
    case.not_vietnamese = not looks_vietnamese(f"{case.title} {case.content}")
    case.complaint_suspected = intake_rules.looks_like_complaint(f"{case.title} {case.content}")
    try:
        with transaction.atomic():
            _index(case)
            case.full_clean(exclude=["code", "officials_concerned", "received_by", "receiving_unit"])
            case.save()
            case.code = _new_code(case)
            _index(case)
            Case.objects.filter(pk=case.pk).update(code=case.code, search_folded=case.search_folded)
            for upload in files:
                add_attachment(case, upload)
            deadlines.record_receipt(case, rule, by=received_by)
            record_event(
                case,
                "received",
                by=received_by,
                after=_status_label(Status.NEW),
                note=_("Tiếp nhận qua kênh: %(channel)s") % {"channel": Channel(channel).label},
                public=True,
            )
            if case.not_vietnamese:
                record_event(
                    case, "flag_language", by=received_by, note=_("Nội dung có thể không phải tiếng Việt.")
                )
            if case.complaint_suspected:
                record_event(
                    case,
                    "flag_complaint",
                    by=received_by,
                    note=_("Nội dung có dấu hiệu khiếu nại, tố cáo: cần xác nhận loại trước khi thụ lý."),
                )
    except IntegrityError:
        if idempotency_key:
            existing = Case.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing, False
        raise
    transaction.on_commit(lambda: _acknowledge(case))
    return case, True


def _acknowledge(case):
    text = _(
        "Phản ánh, kiến nghị của Ông/Bà đã được tiếp nhận. Mã tra cứu: %(code)s. Hạn trả lời dự kiến: %(due)s."
    ) % {"code": case.code, "due": case.answer_due.strftime("%d/%m/%Y") if case.answer_due else "—"}
    _message(case, text, subject=_("Đã tiếp nhận phản ánh %(code)s") % {"code": case.code})


def _message(case, text, *, subject, channels=("email", "sms")):
    """E-mail and/or SMS the sender, logging each attempt; never fails the caller's action."""
    if case.sender_email and "email" in channels:
        try:
            send_mail(subject, text, None, [case.sender_email])
            OutboundMessage.objects.create(case=case, channel="email", recipient=case.sender_email, body=text)
        except OSError as error:
            OutboundMessage.objects.create(
                case=case,
                channel="email",
                recipient=case.sender_email,
                body=text,
                ok=False,
                detail=str(error)[:300],
            )
    if case.sender_phone and "sms" in channels:
        try:
            backend = sms.send_sms(case.sender_phone, text[:480])
            OutboundMessage.objects.create(
                case=case, channel="sms", recipient=case.sender_phone, body=text, detail=backend
            )
        except sms.SmsError as error:
            OutboundMessage.objects.create(
                case=case,
                channel="sms",
                recipient=case.sender_phone,
                body=text,
                ok=False,
                detail=str(error)[:300],
            )


def letter_received_at(opening):
    """A letter from an earlier opening counts as received at 8:00 that day; today's, now."""
    if opening.opened_on < timezone.localdate():
        return timezone.make_aware(dt.datetime.combine(opening.opened_on, dt.time(8, 0)))
    return timezone.now()


@transaction.atomic
def record_opening(*, unit, opened_on, opened_by, witnesses, letters_count, note="", by=None):
    opening = SuggestionBoxOpening(
        unit=unit,
        opened_on=opened_on,
        opened_by=opened_by,
        witnesses=witnesses,
        letters_count=letters_count,
        note=note,
        recorded_by=by,
    )
    opening.full_clean()
    opening.save()
    return opening


def _lock(case):
    return Case.objects.select_for_update().get(pk=case.pk)


def _require_open(case):
    if not case.is_open:
        raise ValidationError(_("Phản ánh đã kết thúc, không thể thực hiện thao tác này."))


@transaction.atomic
def decide_intake(
    case,
    *,
    by,
    decision: str,
    reason: str = "",
    forwarded_to: str = "",
    refusal_ground: str = "",
    confirm_ground: bool = False,
    now=None,
):
    """Art. 9: not accepted (on an Art. 7 ground) / official's conduct → forward / handle / outside
    competence → forward. A complaint or denunciation never takes this path; a decision after the
    5-working-day window is recorded as late."""
    case = _lock(case)
    if case.status != Status.NEW:
        raise ValidationError(_("Phản ánh này đã được quyết định tiếp nhận."))
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Chọn quyết định tiếp nhận.")})
    intake_rules.check_not_complaint(case, decision)
    intake_rules.check_kind_confirmed(case, decision)
    if decision == Decision.NOT_ACCEPTED:
        intake_rules.check_refusal_ground(
            case, ground=refusal_ground, confirmed=confirm_ground, reason=reason
        )
    if decision in (Decision.OFFICIAL_CONDUCT, Decision.OUTSIDE) and not forwarded_to.strip():
        raise ValidationError({"forwarded_to": _("Nêu cơ quan, đơn vị được chuyển đến.")})
    case.decision, case.decision_reason, case.forwarded_to = decision, reason.strip(), forwarded_to.strip()
    case.refusal_ground = refusal_ground if decision == Decision.NOT_ACCEPTED else ""
    deadlines.record_intake_step(case, by=by, now=now, decision=decision)
    if decision == Decision.NOT_ACCEPTED:
        _set_status(case, Status.NOT_ACCEPTED, by=by, action="not_accepted", note=case.decision_reason)
    elif decision == Decision.HANDLE:
        _set_status(case, Status.IN_PROGRESS, by=by, action="accepted")
    else:
        _set_status(
            case,
            Status.FORWARDED,
            by=by,
            action="forwarded",
            note=_("Chuyển đến: %(to)s") % {"to": case.forwarded_to},
        )
    _save(case)
    if decision != Decision.HANDLE:
        text = {
            Decision.NOT_ACCEPTED: _("Phản ánh %(code)s không được tiếp nhận. Lý do: %(reason)s"),
        }.get(decision, _("Phản ánh %(code)s đã được chuyển đến %(to)s để xử lý theo thẩm quyền."))
        message = text % {"code": case.code, "reason": case.decision_reason, "to": case.forwarded_to}
        transaction.on_commit(lambda: _message(case, message, subject=case.code))
    return case


COMPLAINT_GUIDANCE = _(
    "Nội dung Ông/Bà gửi là khiếu nại/tố cáo, không thuộc phạm vi phản ánh, kiến nghị theo Nghị định "
    "20/2008/NĐ-CP. Đề nghị Ông/Bà gửi đơn theo thủ tục của Luật Khiếu nại hoặc Luật Tố cáo đến cơ quan "
    "có thẩm quyền giải quyết; bộ phận tiếp công dân sẵn sàng hướng dẫn."
)


@transaction.atomic
def classify(case, *, by, category: str, topic, kind: str, now=None):
    """Content category (Art. 5), topic and kind; a complaint or denunciation leaves this track before
    acceptance, and the kind is settled once the intake decision is made."""
    case = _lock(case)
    _require_open(case)
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Chọn loại phản ánh.")})
    intake_rules.check_kind_change(case, kind)
    case.kind_confirmed = True
    before = f"{case.get_kind_display()} / {case.get_category_display()} / {case.topic or ''}"
    case.category, case.topic, case.kind = category, topic, kind
    after = f"{case.get_kind_display()} / {case.get_category_display()} / {case.topic or ''}"
    record_event(case, "classified", by=by, before=before, after=after)
    if kind in (Kind.COMPLAINT, Kind.DENUNCIATION):
        template = AnswerTemplate.objects.filter(for_complaints=True).first()
        guidance = template.body if template else str(COMPLAINT_GUIDANCE)
        case.public_answer = guidance
        deadlines.record_intake_step(case, by=by, now=now)
        _set_status(case, Status.REDIRECTED, by=by, action="redirected", note=guidance)
        transaction.on_commit(lambda: _message(case, guidance, subject=case.code))
    _save(case)
    return case


@transaction.atomic
def assign(case, *, by, unit, handler=None, note=""):
    case = _lock(case)
    _require_open(case)
    before = f"{case.unit} / {case.handler.display_name if case.handler else '—'}"
    case.unit, case.handler = unit, handler
    after = f"{unit} / {handler.display_name if handler else '—'}"
    if before == after:
        return case
    record_event(case, "assigned", by=by, before=before, after=after, note=note)
    _save(case)
    if handler is not None:
        transaction.on_commit(
            lambda: notify(
                [handler],
                title=_("Được giao xử lý phản ánh %(code)s") % {"code": case.code},
                body=case.title,
                url=reverse("feedback:case_detail", args=[case.pk]),
                kind="feedback.assigned",
            )
        )
    return case


def assign_many(cases, *, by, unit, handler=None) -> int:
    """Assign each case in turn (each in its own transaction); a closed one is skipped. How many were."""
    done = 0
    for case in cases:
        try:
            assign(case, by=by, unit=unit, handler=handler)
        except ValidationError:
            continue
        done += 1
    return done


@transaction.atomic
def extend(case, *, by, days: int, reason: str, today=None):
    """One extension per case, before the deadline runs out, with a reason and within the province's
    maximum (congvu.feedback.deadlines); the reminder is due again against the new deadline."""
    case = _lock(case)
    _require_open(case)
    rule = rule_for(case.topic, case.unit)
    old = deadlines.extend(
        case, by=by, days=days, reason=reason, rule=rule, today=today or timezone.localdate()
    )
    case.extended, case.extension_reason = True, reason.strip()
    case.reminded_at = case.escalated_at = None
    record_event(
        case,
        "extended",
        by=by,
        before=_date(old) or None,
        after=_date(case.answer_due),
        note=reason,
        public=True,
    )
    _save(case)
    return case


_date = dmy  # dd/mm/yyyy, "" for none


@transaction.atomic
def pause(case, *, by, reason: str, today=None):
    """Wait for the sender's additional information: the deadline clock stops."""
    case = _lock(case)
    if case.status != Status.IN_PROGRESS:
        raise ValidationError(_("Chỉ tạm dừng phản ánh đang xử lý."))
    if not reason.strip():
        raise ValidationError({"reason": _("Nêu thông tin cần người gửi bổ sung.")})
    today = today or timezone.localdate()
    deadlines.record_pause(case, by=by, reason=reason, today=today)
    case.paused_on = today
    _set_status(case, Status.PAUSED, by=by, action="paused", note=reason)
    _save(case)
    transaction.on_commit(
        lambda: _message(
            case,
            _("Đề nghị Ông/Bà bổ sung thông tin cho phản ánh %(code)s: %(reason)s")
            % {"code": case.code, "reason": reason},
            subject=case.code,
        )
    )
    return case


@transaction.atomic
def resume(case, *, by, today=None):
    """The clock restarts: the deadline moves by the working days spent waiting, unless the pause began
    after the deadline ran out (then it stays: lateness cannot be erased)."""
    case = _lock(case)
    if case.status != Status.PAUSED:
        raise ValidationError(_("Phản ánh không ở trạng thái tạm dừng."))
    old = deadlines.resume(case, by=by, today=today or timezone.localdate())
    case.paused_on = None
    _set_status(
        case, Status.IN_PROGRESS, by=by, action="resumed", note=f"{_date(old)} → {_date(case.answer_due)}"
    )
    _save(case)
    return case


@transaction.atomic
def merge(case, *, into, by, today=None):
    """A duplicate joins its main case; its sender is told when the main case is answered. A case past
    its deadline cannot leave the figures this way."""
    case = _lock(case)
    _require_open(case)
    deadlines.check_merge_keeps_lateness(case, today or timezone.localdate())
    if into.pk == case.pk or into.merged_into_id:
        raise ValidationError({"into": _("Chọn một phản ánh chính khác, chưa bị gộp.")})
    case.merged_into = into
    _set_status(case, Status.MERGED, by=by, action="merged", note=into.code)
    record_event(into, "duplicate_added", by=by, note=case.code)
    _save(case)
    return case


@transaction.atomic
def save_answer(case, *, by, body: str, submit: bool):
    case = _lock(case)
    if case.status not in (Status.IN_PROGRESS, Status.AWAITING_APPROVAL):
        raise ValidationError(_("Chỉ dự thảo trả lời cho phản ánh đang xử lý."))
    if not body.strip():
        raise ValidationError({"body": _("Nhập nội dung trả lời.")})
    answer = case.answers.filter(state__in=[Answer.State.DRAFT, Answer.State.RETURNED]).first()
    if answer is None:
        answer = Answer(case=case, drafted_by=by)
    answer.body = body.strip()
    answer.state = Answer.State.SUBMITTED if submit else Answer.State.DRAFT
    answer.full_clean()
    answer.save()
    record_event(
        case, "answer_submitted" if submit else "answer_drafted", by=by, after=answer.get_state_display()
    )
    if submit:
        _set_status(case, Status.AWAITING_APPROVAL, by=by, action="awaiting_approval", public=False)
        _save(case)
        heads = users_with_role_nearest(Role.UNIT_HEAD, case.unit)
        transaction.on_commit(
            lambda: notify(
                heads,
                title=_("Trả lời phản ánh %(code)s chờ duyệt") % {"code": case.code},
                url=reverse("feedback:case_detail", args=[case.pk]),
                kind="feedback.approval",
            )
        )
    return answer


@transaction.atomic
def review_answer(answer, *, by, approve: bool, comment: str = ""):
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    case = _lock(answer.case)
    if answer.state != Answer.State.SUBMITTED:
        raise ValidationError(_("Dự thảo này không ở trạng thái chờ duyệt."))
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Nêu ý kiến khi trả lại dự thảo.")})
    before = answer.get_state_display()
    answer.state = Answer.State.APPROVED if approve else Answer.State.RETURNED
    answer.reviewed_by, answer.review_comment = by, comment.strip()
    answer.save()
    record_event(
        case,
        "answer_approved" if approve else "answer_returned",
        by=by,
        before=before,
        after=answer.get_state_display(),
        note=comment,
    )
    if not approve:
        _set_status(case, Status.IN_PROGRESS, by=by, action="returned", public=False)
        _save(case)
        if case.handler:
            transaction.on_commit(
                lambda: notify(
                    [case.handler],
                    title=_("Dự thảo trả lời %(code)s bị trả lại") % {"code": case.code},
                    body=comment,
                    url=reverse("feedback:case_detail", args=[case.pk]),
                    kind="feedback.returned",
                )
            )
    return answer


@transaction.atomic
def send_answer(answer, *, by, via: str, now=None):
    """Send the approved answer (email / sms / printed letter); duplicates' senders are told too."""
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    case = _lock(answer.case)
    if answer.state != Answer.State.APPROVED:
        raise ValidationError(_("Chỉ gửi trả lời đã được duyệt."))
    if via == "email" and not case.sender_email:
        raise ValidationError({"via": _("Người gửi không có thư điện tử.")})
    if via == "sms" and not case.sender_phone:
        raise ValidationError({"via": _("Người gửi không có số điện thoại.")})
    now = now or timezone.now()
    answer.state, answer.sent_at, answer.sent_via = Answer.State.SENT, now, via
    answer.save()
    case.answered_at = now
    deadlines.record_answer_step(case, by=by, now=now)
    _set_status(case, Status.ANSWERED, by=by, action="answered", note=_("Gửi qua: %(via)s") % {"via": via})
    _save(case)
    text = _("Trả lời phản ánh %(code)s:\n\n%(body)s") % {"code": case.code, "body": answer.body}
    duplicates = list(case.duplicates.all())

    def deliver():
        if via in ("email", "sms"):
            _message(case, text, subject=case.code, channels=(via,))
        for duplicate in duplicates:
            _message(duplicate, text, subject=duplicate.code)

    transaction.on_commit(deliver)
    return answer


MIN_OVERRIDE_REASON = 10


@transaction.atomic
def publish(case, *, by, title: str, content: str, answer: str, override_reason: str = ""):
    """Publish on the portal with personal data removed by the handler (previewed before this).

    Text that still looks like personal data (congvu.feedback.personal_data) is refused, unless the
    handler states why it is not (a street named after a person, a public office's number): the
    publication is then logged with that reason and what was found, never the data itself.
    """
    case = _lock(case)
    if case.status != Status.ANSWERED:
        raise ValidationError(_("Chỉ công khai phản ánh đã trả lời."))
    if not (title.strip() and content.strip() and answer.strip()):
        raise ValidationError(_("Nhập đủ tiêu đề, nội dung và trả lời để công khai."))
    texts = {
        "public_title": personal_data.plain_text(title).strip(),
        "public_content": personal_data.plain_text(content).strip(),
        "public_answer": personal_data.plain_text(answer).strip(),
    }
    findings = personal_data.case_findings(case, texts)
    found = personal_data.summary(findings)
    override_reason = override_reason.strip()
    if findings and len(override_reason) < MIN_OVERRIDE_REASON:
        raise ValidationError(
            {
                "override_reason": _(
                    "Nội dung công khai còn dấu hiệu thông tin cá nhân: %(found)s. Xóa các thông tin "
                    "được đánh dấu, hoặc ghi lý do (ít nhất %(n)s ký tự) vẫn công khai nếu đó không phải "
                    "thông tin cá nhân."
                )
                % {"found": found, "n": MIN_OVERRIDE_REASON}
            }
        )
    case.public_title, case.public_content, case.public_answer = (
        texts["public_title"],
        texts["public_content"],
        texts["public_answer"],
    )
    case.published_at = case.published_at or timezone.now()
    record_event(case, "published", by=by, public=True)
    if findings:
        record_event(case, "published_with_personal_data", by=by, after=found, note=override_reason)
    _save(case)
    return case


@transaction.atomic
def unpublish(case, *, by):
    case = _lock(case)
    case.published_at = None
    record_event(case, "unpublished", by=by)
    _save(case)
    return case


@transaction.atomic
def rate(case, *, satisfied: bool, comment: str = ""):
    case = _lock(case)
    if case.status != Status.ANSWERED:
        raise ValidationError(_("Chỉ đánh giá khi phản ánh đã được trả lời."))
    if hasattr(case, "rating"):
        raise ValidationError(_("Ông/Bà đã đánh giá câu trả lời này."))
    rating = AnswerRating(case=case, satisfied=satisfied, comment=comment.strip())
    rating.full_clean()
    rating.save()
    record_event(case, "rated", after=_("Hài lòng") if satisfied else _("Không hài lòng"), public=True)
    return rating


@transaction.atomic
def set_officials(case, *, by, staff):
    case = _lock(case)
    before = ", ".join(s.full_name for s in case.officials_concerned.all())
    case.officials_concerned.set(staff)
    after = ", ".join(s.full_name for s in staff)
    record_event(case, "officials", by=by, before=before or None, after=after or None)
    return case


@transaction.atomic
def propose_discipline(case, *, by, url: str = "") -> int:
    """Open a discipline case for each official the case named."""
    officials = list(case.officials_concerned.all())
    if not officials:
        raise ValidationError(_("Chưa ghi cán bộ bị phản ánh."))
    for staff in officials:
        open_discipline_case(
            staff=staff,
            origin="feedback",
            origin_reference=case.code,
            facts=f"{case.title}\n\n{case.content}",
            by=by,
            origin_url=url,
        )
        record_event(case, "discipline_proposed", by=by, after=staff.full_name)
    return len(officials)
