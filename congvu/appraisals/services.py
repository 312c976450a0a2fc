"""Every step of the evaluation cycle goes through one function here: one transaction, one event row."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.appraisals import absence, level_rules, rulebook, rules
from congvu.appraisals.models import (
    CBCC,
    Cycle,
    Evaluation,
    Level,
    RuleSet,
    TaskScore,
    UnitCycle,
)
from congvu.appraisals.selectors import CATEGORY_GROUPS
from congvu.core.events import event_row, record_event, record_events
from congvu.discipline.selectors import discipline_decisions_in_year as discipline_decisions_in_year_of
from congvu.people.models import Staff, StaffCategory, Transfer
from congvu.units.lineage import subtree_q
from congvu.units.models import Unit

RATED_CATEGORIES = (StaffCategory.CAN_BO, StaffCategory.CONG_CHUC, StaffCategory.VIEN_CHUC)


def discipline_decisions_in_year(staff, year: int) -> list[dict]:
    """Discipline decided in the year (congvu.discipline), for the evaluation page."""
    return discipline_decisions_in_year_of(staff, year)


def _snapshot(evaluation: Evaluation, fields) -> dict:
    values = {}
    for name in fields:
        value = getattr(evaluation, name)
        if hasattr(value, "pk"):
            value = value.pk
        values[name] = str(value) if isinstance(value, Decimal | dt.date | dt.datetime) else value
    return values


def _save(evaluation: Evaluation, *, by, action, changes: dict, note=""):
    """Apply `changes`, validate, save, and write the event with before → after."""
    before = _snapshot(evaluation, changes.keys())
    for name, value in changes.items():
        setattr(evaluation, name, value)
    evaluation.full_clean()
    evaluation.save()
    record_event(
        evaluation, action, by=by, before=before, after=_snapshot(evaluation, changes.keys()), note=note
    )
    return evaluation


def _require_open(evaluation: Evaluation):
    if evaluation.is_locked:
        raise ValidationError(
            _("Phiếu đánh giá đã có quyết định, không thể sửa. Hãy dùng chức năng đính chính.")
        )
    if evaluation.unit_cycle and evaluation.unit_cycle.status == UnitCycle.Status.PUBLISHED:
        raise ValidationError(_("Kết quả của đơn vị đã công khai."))


# Opening a cycle -------------------------------------------------------------------------------------


def _transfer_in_year(staff_ids, year):
    """The last transfer of each person during the year: the old unit's scores come with them."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    latest = {}
    for transfer in Transfer.objects.filter(
        staff_id__in=staff_ids, effective_date__gt=start, effective_date__lte=end
    ).order_by("effective_date", "id"):
        latest[transfer.staff_id] = transfer
    return latest


@transaction.atomic
def open_cycle(*, year: int, scope_unit: Unit, by, deadline: dt.date | None = None) -> Cycle:
    """Open the year's cycle: one UnitCycle per current unit with staff, one Evaluation per person.

    People who moved during the year are rated by their new unit, which sees the old unit; people with
    fewer months than the rule set's minimum, counted exactly with their leave (congvu.appraisals.absence),
    are listed as not rated, with the reason.
    """
    if Cycle.objects.filter(year=year, scope_unit=scope_unit).exists():
        raise ValidationError(
            {"year": _("Đợt đánh giá năm %(year)s cho đơn vị này đã được mở.") % {"year": year}}
        )
    rule_sets = {category: rules.rule_set_for(year, category) for category in RATED_CATEGORIES}
    if not all(rule_sets.values()):
        raise ValidationError({"year": _("Chưa có bộ quy tắc đánh giá cho năm %(year)s.") % {"year": year}})
    year_end = dt.date(year, 12, 31)
    cycle = Cycle(
        year=year,
        scope_unit=scope_unit,
        opened_by=by,
        deadline=deadline or rules.deadline_for(rule_sets[StaffCategory.CONG_CHUC], year),
    )
    cycle.full_clean()
    cycle.save()
    cycle.rule_sets.set({rule_set.pk for rule_set in rule_sets.values()})
    staff = list(
        Staff.objects.filter(subtree_q(scope_unit), category__in=RATED_CATEGORIES)
        .filter(Q(employed_from__isnull=True) | Q(employed_from__lte=year_end))
        .filter(Q(employed_to__isnull=True) | Q(employed_to__gte=dt.date(year, 1, 1)))
        .exclude(evaluations__year=year, evaluations__is_current=True)
        .select_related("position")
        .order_by("unit_id", "full_name")
    )
    unit_cycles = {}
    for unit_id in sorted({person.unit_id for person in staff}):
        unit_cycles[unit_id] = UnitCycle(cycle=cycle, unit_id=unit_id)
    UnitCycle.objects.bulk_create(unit_cycles.values())
    unit_cycles = {uc.unit_id: uc for uc in UnitCycle.objects.filter(cycle=cycle)}
    transfers = _transfer_in_year([person.pk for person in staff], year)
    accounts = absence.accounts_for(staff, year)
    evaluations = []
    for person in staff:
        rule_set = rule_sets[person.category]
        account = accounts[person.pk]
        months = account.months_worked
        reason = absence.not_rated_reason(rule_set, account)
        transfer = transfers.get(person.pk)
        evaluations.append(
            Evaluation(
                year=year,
                staff=person,
                unit_id=person.unit_id,
                category=person.category,
                position=person.position,
                is_manager=bool(person.position and person.position.is_manager),
                rule_set=rule_set,
                unit_cycle=unit_cycles[person.unit_id],
                months_worked=months,
                not_rated_reason=reason,
                status=Evaluation.Status.NOT_RATED if reason else Evaluation.Status.PENDING,
                previous_unit_id=transfer.from_unit_id if transfer else None,
            )
        )
    Evaluation.objects.bulk_create(evaluations, batch_size=1000)
    # A province lists tens of thousands of people: their first steps are written in bulk.
    record_events(
        [
            event_row(
                evaluation,
                "listed" if evaluation.status != Evaluation.Status.NOT_RATED else "not_rated",
                by=by,
                after={"status": evaluation.status},
            )
            for evaluation in Evaluation.objects.filter(unit_cycle__cycle=cycle)
            .only("pk", "status")
            .order_by("pk")
        ]
    )
    for unit_cycle in unit_cycles.values():
        record_event(unit_cycle, "opened", by=by, after={"year": year})
    return cycle


# Self-assessment --------------------------------------------------------------------------------------


@transaction.atomic
def submit_self_assessment(
    *,
    evaluation: Evaluation,
    by,
    text: str,
    self_level: str = "",
    general_score: Decimal | None = None,
    periods: list[tuple[int, int, int, int]] | None = None,
) -> Evaluation:
    """The person's own assessment; under a points rule set, the task periods give the task score and
    the total gives the suggested level (the person may not claim a higher one)."""
    evaluation = Evaluation.objects.select_for_update(of=("self",)).get(pk=evaluation.pk)
    _require_open(evaluation)
    if evaluation.status not in (Evaluation.Status.PENDING, Evaluation.Status.SELF_ASSESSED):
        raise ValidationError(_("Đơn vị đã họp đánh giá; không thể sửa bản tự đánh giá."))
    if not text.strip():
        raise ValidationError({"self_assessment": _("Hãy viết bản tự đánh giá.")})
    rule_set = evaluation.rule_set
    changes = {"self_assessment": text.strip()}
    if rule_set.uses_points:
        if general_score is None:
            raise ValidationError({"general_score": _("Hãy chấm điểm tiêu chí chung.")})
        if not 0 <= general_score <= rule_set.general_points:
            raise ValidationError(
                {"general_score": _("Điểm tiêu chí chung từ 0 đến %(n)s.") % {"n": rule_set.general_points}}
            )
        periods = [p for p in (periods or []) if p[1]]
        if not periods:
            raise ValidationError({"periods": _("Hãy nhập kết quả nhiệm vụ của ít nhất một kỳ.")})
        for period, tasks, with_errors, late in periods:
            if with_errors > tasks or late > tasks:
                raise ValidationError(
                    {
                        "periods": _(
                            "Kỳ %(p)s: số nhiệm vụ sai sót hoặc chậm không thể lớn hơn số được giao."
                        )
                        % {"p": period}
                    }
                )
        evaluation.task_scores.all().delete()
        TaskScore.objects.bulk_create(
            [
                TaskScore(evaluation=evaluation, period=p, tasks=t, tasks_with_errors=e, tasks_late=d)
                for p, t, e, d in periods
            ]
        )
        task_points = rules.task_result_points(rule_set, [(t, e, d) for _p, t, e, d in periods])
        changes |= {"general_score": general_score, "task_score": task_points}
        suggested = rules.level_for_score(rule_set, general_score + task_points)
        if not self_level or _rank(self_level) < _rank(suggested):
            self_level = suggested
    if not self_level:
        raise ValidationError({"self_level": _("Hãy chọn mức tự xếp loại.")})
    changes |= {"self_level": self_level, "status": Evaluation.Status.SELF_ASSESSED}
    return _save(evaluation, by=by, action="self_assessed", changes=changes)


def _rank(level: str) -> int:
    """0 for the best level."""
    return list(Level.values).index(level)


# The unit meeting --------------------------------------------------------------------------------------


@transaction.atomic
def record_meeting(
    *, unit_cycle: UnitCycle, by, meeting_date: dt.date, chair: str, attendees: int, minutes: str
) -> UnitCycle:
    if unit_cycle.status == UnitCycle.Status.PUBLISHED:
        raise ValidationError(_("Kết quả của đơn vị đã công khai."))
    if not minutes.strip():
        raise ValidationError({"meeting_minutes": _("Hãy ghi biên bản cuộc họp.")})
    before = {
        "meeting_date": str(unit_cycle.meeting_date or ""),
        "meeting_minutes": unit_cycle.meeting_minutes,
    }
    unit_cycle.meeting_date, unit_cycle.meeting_chair = meeting_date, chair.strip()
    unit_cycle.meeting_attendees, unit_cycle.meeting_minutes = attendees, minutes.strip()
    unit_cycle.full_clean()
    unit_cycle.save()
    record_event(
        unit_cycle,
        "meeting",
        by=by,
        before=before,
        after={"meeting_date": str(meeting_date), "meeting_minutes": unit_cycle.meeting_minutes},
    )
    return unit_cycle


@transaction.atomic
def record_meeting_result(
    *,
    evaluation: Evaluation,
    by,
    comment: str,
    votes: dict[str, int],
    party_comment: str = "",
    previous_unit_comment: str = "",
) -> Evaluation:
    """Comments and vote counts about one person at the unit meeting (and the Party committee's
    comment, required for managers)."""
    evaluation = Evaluation.objects.select_for_update(of=("self",)).get(pk=evaluation.pk)
    _require_open(evaluation)
    if evaluation.status == Evaluation.Status.PENDING:
        raise ValidationError(_("Người này chưa tự đánh giá."))
    if evaluation.unit_cycle and not evaluation.unit_cycle.meeting_date:
        raise ValidationError(_("Hãy ghi biên bản cuộc họp của đơn vị trước."))
    if not comment.strip():
        raise ValidationError({"meeting_comment": _("Hãy ghi ý kiến nhận xét tại cuộc họp.")})
    if evaluation.previous_unit_id and not (
        previous_unit_comment.strip() or evaluation.previous_unit_comment
    ):
        raise ValidationError(
            {"previous_unit_comment": _("Người điều động trong năm: hãy ghi nhận xét, điểm của đơn vị cũ.")}
        )
    if evaluation.is_manager and not party_comment.strip():
        raise ValidationError(
            {"party_comment": _("Người giữ chức vụ lãnh đạo, quản lý cần nhận xét của cấp ủy.")}
        )
    attendees = evaluation.unit_cycle.meeting_attendees if evaluation.unit_cycle else None
    if attendees is not None and sum(votes.values()) > attendees:
        raise ValidationError(
            {"votes": _("Tổng số phiếu vượt quá số người dự họp (%(n)s).") % {"n": attendees}}
        )
    changes = {
        "meeting_comment": comment.strip(),
        "votes_excellent": votes.get(Level.EXCELLENT, 0),
        "votes_good": votes.get(Level.GOOD, 0),
        "votes_completed": votes.get(Level.COMPLETED, 0),
        "votes_not_completed": votes.get(Level.NOT_COMPLETED, 0),
        "party_comment": party_comment.strip(),
        "previous_unit_comment": previous_unit_comment.strip() or evaluation.previous_unit_comment,
        "status": Evaluation.Status.REVIEWED,
    }
    return _save(evaluation, by=by, action="meeting_result", changes=changes)


# Quota --------------------------------------------------------------------------------------------------


def quota_status(evaluation: Evaluation, *, proposing_excellent: bool = False) -> dict:
    """The group's count of "excellent" (decided or proposed) and its cap, as the pages show it live."""
    overrides = {evaluation.pk: Level.EXCELLENT} if proposing_excellent else None
    ceiling = level_rules.ceiling_for(evaluation, overrides=overrides)
    return {
        "excellent": ceiling.excellent,
        "base": ceiling.base,
        "good_or_better": ceiling.base,
        "base_label": ceiling.base_label,
        "cap": ceiling.cap,
        "percent": ceiling.percent,
        "over": ceiling.over,
        "outstanding": ceiling.outstanding,
        "rule": rulebook.EXCELLENT_CEILING,
    }


def quotas_by_group(evaluations) -> list[dict]:
    """The quota of each staff group (CBCC, VC) of a unit's evaluations, from one rated person of each."""
    quotas = []
    for group, categories in CATEGORY_GROUPS.items():
        sample = next(
            (e for e in evaluations if e.category in categories and e.status != Evaluation.Status.NOT_RATED),
            None,
        )
        if sample:
            quotas.append({"group": group, "rule_set": sample.rule_set, **quota_status(sample)})
    return quotas


def _check_early_ceiling(evaluation: Evaluation, level: str):
    """While the unit decides: refuse an "excellent" that the group can no longer hold, whatever the
    others' levels turn out to be (publication checks the final state)."""
    if level == Level.EXCELLENT:
        level_rules.check_ceiling(
            evaluation, overrides={evaluation.pk: Level.EXCELLENT}, decided_only=False, field="level"
        )


# Proposal and decision -----------------------------------------------------------------------------------


def _locked_evaluation(evaluation: Evaluation) -> Evaluation:
    return (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("rule_set", "unit_cycle", "staff", "unit")
        .get(pk=evaluation.pk)
    )


@transaction.atomic
def propose(*, evaluation: Evaluation, by, level: str, note: str = "") -> Evaluation:
    """The head's proposal of a level, after the meeting. A level above what the law allows the person
    is refused; so is an "excellent" the group can no longer hold."""
    evaluation = _locked_evaluation(evaluation)
    _require_open(evaluation)
    if evaluation.status not in (Evaluation.Status.REVIEWED, Evaluation.Status.PROPOSED):
        raise ValidationError(_("Cần họp nhận xét trước khi đề xuất."))
    level_rules.check_level(evaluation, level, at="propose")
    _check_early_ceiling(evaluation, level)
    changes = {"proposed_level": level, "proposal_note": note.strip(), "status": Evaluation.Status.PROPOSED}
    return _save(evaluation, by=by, action="proposed", changes=changes)


def forced_reason(evaluation: Evaluation) -> str:
    """Why the person's level is limited this year ("" when nothing limits it), for the pages."""
    limit = level_rules.strictest_limit(evaluation)
    return f"{limit.reason} ({limit.rule.citation()})" if limit else ""


@transaction.atomic
def decide(*, evaluation: Evaluation, by, level: str, decision_number: str) -> Evaluation:
    """The competent person's decision; locks the evaluation. A level the law forces (discipline, a
    finding of ethical degradation, absence) replaces the one asked for, and the reason is recorded."""
    evaluation = _locked_evaluation(evaluation)
    _require_open(evaluation)
    if evaluation.status != Evaluation.Status.PROPOSED:
        raise ValidationError(_("Chưa có đề xuất của thủ trưởng đơn vị."))
    if not decision_number.strip():
        raise ValidationError({"decision_number": _("Hãy nhập số quyết định.")})
    checked = level_rules.check_level(evaluation, level, at="decide")
    reason = f"{checked.reason} ({checked.rule.citation()})" if checked.reason else ""
    _check_early_ceiling(evaluation, checked.level)
    changes = {
        "level": checked.level,
        "forced_reason": reason[:300],
        "decision_number": decision_number.strip(),
        "decided_by": by,
        "decided_at": timezone.now(),
        "status": Evaluation.Status.DECIDED,
    }
    return _save(evaluation, by=by, action="decided", changes=changes, note=reason)


@transaction.atomic
def correct(*, evaluation: Evaluation, by, level: str, decision_number: str, reason: str) -> Evaluation:
    """A correction: a new decided evaluation that refers to the old one; the old one stays, unchanged
    except that it is no longer current. The new level is checked like a first decision: refused above
    what the law allows the person, or when it takes the group over its ceiling on "excellent"."""
    old = Evaluation.objects.select_for_update(of=("self",)).get(pk=evaluation.pk)
    if old.status != Evaluation.Status.DECIDED or not old.is_current:
        raise ValidationError(_("Chỉ đính chính được quyết định hiện hành."))
    if not reason.strip():
        raise ValidationError({"correction_reason": _("Hãy nêu lý do đính chính.")})
    if not decision_number.strip():
        raise ValidationError({"decision_number": _("Hãy nhập số quyết định.")})
    if level not in Level.values:
        raise ValidationError({"level": _("Mức xếp loại không hợp lệ.")})
    _check_correction(old, level)
    Evaluation.objects.filter(pk=old.pk).update(is_current=False, status=Evaluation.Status.SUPERSEDED)
    record_event(
        old,
        "superseded",
        by=by,
        before={"status": old.status, "is_current": True},
        after={"status": Evaluation.Status.SUPERSEDED, "is_current": False},
    )
    new = Evaluation.objects.get(pk=old.pk)
    new.pk = None
    new._state.adding = True
    new.is_current, new.status, new.supersedes_id = True, Evaluation.Status.DECIDED, old.pk
    new.level, new.decision_number, new.correction_reason = level, decision_number.strip(), reason.strip()
    new.forced_reason = old.forced_reason if level == old.level else ""
    new.decided_by, new.decided_at = by, timezone.now()
    new.full_clean()
    new.save()
    record_event(
        new,
        "corrected",
        by=by,
        before={"level": old.level, "decision_number": old.decision_number},
        after={"level": level, "decision_number": new.decision_number, "supersedes": old.pk},
        note=reason,
    )
    return new


def _check_correction(old: Evaluation, level: str):
    """DG-DINHCHINH-KIEMTRA: the personal limits, then the group's ceiling (decided levels only once
    the unit is published or for results without a cycle; the group's row is locked so that two
    corrections in one group are checked one after the other)."""
    old = Evaluation.objects.select_related("rule_set", "unit_cycle", "staff", "unit").get(pk=old.pk)
    try:
        level_rules.check_level(old, level, at="correct")
    except ValidationError as error:
        rulebook.CORRECTION_RECHECKED.refuse(" ".join(error.messages), field="level")
    if level == old.level:
        return
    # Any change can break the ceiling: a new "excellent" adds to the count, a level below "good"
    # shrinks the base the cap is a share of.
    published = True
    if old.unit_cycle_id:
        unit_cycle = UnitCycle.objects.select_for_update(of=("self",)).get(pk=old.unit_cycle_id)
        published = unit_cycle.status == UnitCycle.Status.PUBLISHED
    try:
        level_rules.check_ceiling(old, overrides={old.pk: level}, decided_only=published)
    except ValidationError as error:
        rulebook.CORRECTION_RECHECKED.refuse(" ".join(error.messages), field="level")


# Findings the level rules read -----------------------------------------------------------------------------


@transaction.atomic
def record_ethics_finding(*, evaluation: Evaluation, by, degraded: bool, document: str) -> Evaluation:
    """The competent authority's finding (unit head, Party committee or programme office) on
    degradation of political ideology, ethics or lifestyle, with the document it rests on. A finding
    of degradation forces "not completed" (DG-SUYTHOAI-90, DG-SUYTHOAI-335) at the decision."""
    evaluation = _locked_evaluation(evaluation)
    _require_open(evaluation)
    rule = rulebook.ETHICS_90 if evaluation.year <= 2025 else rulebook.ETHICS_335
    if not document.strip():
        rule.refuse(
            _("Hãy ghi số, ngày của văn bản kết luận của cấp có thẩm quyền."), field="ethics_finding_document"
        )
    changes = {
        "ethical_degradation": degraded,
        "ethics_finding_document": document.strip()[:200],
        "ethics_finding_by": by,
        "ethics_finding_at": timezone.now(),
    }
    return _save(evaluation, by=by, action="ethics_finding", changes=changes)


@transaction.atomic
def recognise_outstanding_unit(
    *, unit_cycle: UnitCycle, by, decision_number: str, decision_date: dt.date
) -> UnitCycle:
    """Record the unit's own recognition as outstanding in the year (its decision number and date):
    the rule set's higher share of "excellent" then applies to the unit (DG-XUATSAC-DONVI-TIEUBIEU)."""
    unit_cycle = (
        UnitCycle.objects.select_for_update(of=("self",)).select_related("cycle").get(pk=unit_cycle.pk)
    )
    rule = rulebook.OUTSTANDING_UNIT
    if unit_cycle.status == UnitCycle.Status.PUBLISHED:
        rule.refuse(_("Kết quả của đơn vị đã công khai; không ghi nhận thêm."))
    if not decision_number.strip():
        rule.refuse(_("Hãy nhập số quyết định công nhận đơn vị tiêu biểu."), field="decision_number")
    if decision_date is None or decision_date.year not in (unit_cycle.cycle.year, unit_cycle.cycle.year + 1):
        rule.refuse(
            _("Quyết định công nhận phải là của năm đánh giá %(year)s.") % {"year": unit_cycle.cycle.year},
            field="decision_date",
        )
    before = {
        "outstanding_unit": unit_cycle.outstanding_unit,
        "outstanding_decision_number": unit_cycle.outstanding_decision_number,
    }
    unit_cycle.outstanding_unit = True
    unit_cycle.outstanding_decision_number = decision_number.strip()[:60]
    unit_cycle.outstanding_decision_date = decision_date
    unit_cycle.outstanding_recorded_by = by
    unit_cycle.outstanding_recorded_at = timezone.now()
    unit_cycle.full_clean()
    unit_cycle.save()
    record_event(
        unit_cycle,
        "outstanding_recognised",
        by=by,
        before=before,
        after={
            "outstanding_unit": True,
            "outstanding_decision_number": unit_cycle.outstanding_decision_number,
            "outstanding_decision_date": str(decision_date),
        },
    )
    return unit_cycle


# Publication and complaints -------------------------------------------------------------------------------


@transaction.atomic
def publish(*, unit_cycle: UnitCycle, by) -> UnitCycle:
    """Publish the unit's results internally; every person must be decided (or not rated)."""
    unit_cycle = UnitCycle.objects.select_for_update(of=("self",)).get(pk=unit_cycle.pk)
    if unit_cycle.status == UnitCycle.Status.PUBLISHED:
        raise ValidationError(_("Kết quả đã được công khai."))
    waiting = unit_cycle.evaluations.filter(is_current=True).exclude(status__in=Evaluation.LOCKED).count()
    if waiting:
        raise ValidationError(
            _("Còn %(n)s người chưa có quyết định xếp loại; chưa thể công khai.") % {"n": waiting}
        )
    _check_before_publishing(unit_cycle)
    now = timezone.now()
    unit_cycle.status, unit_cycle.published_at = UnitCycle.Status.PUBLISHED, now
    unit_cycle.save()
    unit_cycle.evaluations.filter(is_current=True).update(published_at=now)
    record_event(
        unit_cycle,
        "published",
        by=by,
        before={"status": UnitCycle.Status.OPEN},
        after={"status": UnitCycle.Status.PUBLISHED},
    )
    return unit_cycle


def _check_before_publishing(unit_cycle: UnitCycle):
    """Every decided level still within the person's limits (discipline decided after the decision
    counts too), and each group within its ceiling on "excellent", over the final decided levels."""
    decided = list(
        unit_cycle.evaluations.filter(is_current=True, status=Evaluation.Status.DECIDED)
        .select_related("rule_set", "unit_cycle", "staff", "unit")
        .order_by("category", "pk")
    )
    for evaluation in decided:
        level_rules.check_level(evaluation, evaluation.level, at="publish")
    checked_groups = set()
    for evaluation in decided:
        group = evaluation.category in CBCC
        if group not in checked_groups:
            checked_groups.add(group)
            level_rules.check_ceiling(evaluation, decided_only=True)


def complaint_deadline(evaluation: Evaluation) -> dt.date | None:
    if not evaluation.published_at:
        return None
    published = timezone.localtime(evaluation.published_at).date()
    return published + dt.timedelta(days=evaluation.rule_set.complaint_days)


@transaction.atomic
def file_complaint(*, evaluation: Evaluation, by, text: str, today: dt.date | None = None) -> Evaluation:
    evaluation = Evaluation.objects.select_for_update(of=("self",)).get(pk=evaluation.pk)
    deadline = complaint_deadline(evaluation)
    today = today or timezone.localdate()
    if deadline is None or evaluation.status != Evaluation.Status.DECIDED or not evaluation.is_current:
        raise ValidationError(_("Chỉ khiếu nại được kết quả đã công khai."))
    if today > deadline:
        raise ValidationError(_("Đã hết thời hạn khiếu nại (%(d)s).") % {"d": deadline.strftime("%d/%m/%Y")})
    if evaluation.complaint_at:
        raise ValidationError(_("Bạn đã gửi khiếu nại cho kết quả này."))
    if not text.strip():
        raise ValidationError({"complaint": _("Hãy viết nội dung khiếu nại.")})
    before = {"complaint": ""}
    Evaluation.objects.filter(pk=evaluation.pk).update(complaint=text.strip(), complaint_at=timezone.now())
    record_event(
        evaluation,
        "complaint",
        by=by,
        before=before,
        after={"complaint": text.strip()},
    )
    return Evaluation.objects.get(pk=evaluation.pk)


@transaction.atomic
def resolve_complaint(
    *, evaluation: Evaluation, by, outcome: str, new_level: str = "", decision_number: str = ""
) -> Evaluation:
    """Record the complaint's outcome; a changed level is a correcting decision."""
    evaluation = Evaluation.objects.select_for_update(of=("self",)).get(pk=evaluation.pk)
    if not evaluation.complaint_at or evaluation.complaint_resolved_at:
        raise ValidationError(_("Không có khiếu nại đang chờ giải quyết."))
    if not outcome.strip():
        raise ValidationError({"complaint_outcome": _("Hãy ghi kết quả giải quyết khiếu nại.")})
    Evaluation.objects.filter(pk=evaluation.pk).update(
        complaint_outcome=outcome.strip(), complaint_resolved_at=timezone.now()
    )
    record_event(
        evaluation,
        "complaint_resolved",
        by=by,
        before={"complaint_outcome": ""},
        after={"complaint_outcome": outcome.strip(), "new_level": new_level},
    )
    evaluation.refresh_from_db()
    if new_level and new_level != evaluation.level:
        return correct(
            evaluation=evaluation,
            by=by,
            level=new_level,
            decision_number=decision_number,
            reason=outcome,
        )
    return evaluation


def rule_sets_by_code() -> dict[str, RuleSet]:
    return {rule_set.code: rule_set for rule_set in RuleSet.objects.all()}
