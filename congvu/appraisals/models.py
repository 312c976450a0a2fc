"""Annual evaluation and classification of officials (đánh giá, xếp loại CBCCVC).

Rules live in `RuleSet` rows (one per decree version, by year and staff category) and are applied by
the small functions of `congvu.appraisals.rules`; a new decree is a new row, not new code.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.people.models import Position, Staff, StaffCategory
from congvu.units.models import Unit


class Level(models.TextChoices):
    """The four levels, best first."""

    EXCELLENT = "xuat_sac", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "tot", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "hoan_thanh", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "khong_hoan_thanh", _("Không hoàn thành nhiệm vụ")


GOOD_OR_BETTER = (Level.EXCELLENT, Level.GOOD)


class QuotaBase(models.TextChoices):
    """Whom the ceiling on "excellent" is a share of: the decrees word it differently."""

    GOOD_OR_BETTER = "good_or_better", _("Số được xếp loại từ hoàn thành tốt nhiệm vụ trở lên")
    GOOD = "good", _("Số được xếp loại hoàn thành tốt nhiệm vụ (không kể xuất sắc)")
    RATED = "rated", _("Tổng số được xếp loại")


CBCC = (StaffCategory.CAN_BO, StaffCategory.CONG_CHUC)
VC = (StaffCategory.VIEN_CHUC,)


class RuleSet(Audited):
    """One version of the evaluation rules (a decree and its amendments), for some years and categories."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)
    year_from = models.PositiveSmallIntegerField(_("áp dụng từ năm"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("áp dụng đến năm"), null=True, blank=True)
    categories = models.JSONField(_("đối tượng áp dụng"), default=list)
    level_labels = models.JSONField(_("tên các mức xếp loại"), default=dict)
    uses_points = models.BooleanField(_("chấm điểm theo thang 100"), default=False)
    general_points = models.PositiveSmallIntegerField(_("điểm tiêu chí chung"), default=30)
    task_points = models.PositiveSmallIntegerField(_("điểm kết quả nhiệm vụ"), default=70)
    bands = models.JSONField(_("ngưỡng điểm"), default=dict)
    task_deduction_percent = models.PositiveSmallIntegerField(
        _("mức trừ mỗi nhiệm vụ có sai sót hoặc chậm (%)"), default=25
    )
    scoring_period = models.CharField(_("kỳ chấm điểm nhiệm vụ"), max_length=10, blank=True)
    excellent_quota_percent = models.PositiveSmallIntegerField(_("tỷ lệ xuất sắc tối đa (%)"), default=20)
    outstanding_unit_quota_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ xuất sắc tối đa của đơn vị tiêu biểu (%)"), default=25
    )
    quota_base = models.CharField(
        _("tỷ lệ xuất sắc tính trên"),
        max_length=20,
        choices=QuotaBase.choices,
        default=QuotaBase.GOOD_OR_BETTER,
    )
    quota_basis = models.CharField(_("căn cứ của tỷ lệ xuất sắc"), max_length=300, blank=True)
    forcing_discipline_forms = models.JSONField(
        _("hình thức kỷ luật buộc xếp loại không hoàn thành"), default=list, blank=True
    )
    ethics_forces_not_completed = models.BooleanField(
        _("suy thoái tư tưởng, đạo đức buộc xếp loại không hoàn thành"), default=False
    )
    deadline_month = models.PositiveSmallIntegerField(_("tháng hạn hoàn thành"), default=12)
    deadline_day = models.PositiveSmallIntegerField(_("ngày hạn hoàn thành"), default=15)
    min_months_worked = models.PositiveSmallIntegerField(_("số tháng công tác tối thiểu"), default=6)
    complaint_days = models.PositiveSmallIntegerField(_("thời hạn khiếu nại (ngày)"), default=15)
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["year_from", "code"]
        verbose_name = _("bộ quy tắc đánh giá")
        verbose_name_plural = _("bộ quy tắc đánh giá")

    def __str__(self):
        return self.name

    def audit_unit_id(self):
        return None

    def label(self, level: str) -> str:
        return self.level_labels.get(level) or str(Level(level).label)


class Cycle(Audited):
    """A year's evaluation, opened by the programme office for a scope (a unit and its subtree)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        CLOSED = "closed", _("Đã kết thúc")

    year = models.PositiveSmallIntegerField(_("năm"))
    scope_unit = models.ForeignKey(
        Unit, verbose_name=_("phạm vi"), on_delete=models.PROTECT, related_name="+"
    )
    rule_sets = models.ManyToManyField(RuleSet, verbose_name=_("bộ quy tắc"), related_name="+")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    deadline = models.DateField(_("hạn hoàn thành"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mở"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("ngày mở"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "scope_unit__path"]
        verbose_name = _("đợt đánh giá")
        verbose_name_plural = _("đợt đánh giá")
        constraints = [models.UniqueConstraint(fields=["year", "scope_unit"], name="appraisal_cycle_unique")]

    def __str__(self):
        return f"{self.year} · {self.scope_unit}"

    def audit_unit_id(self):
        return self.scope_unit_id


class UnitCycle(Audited):
    """One unit's part of a cycle: its staff list, its meeting, its proposals and publication."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang đánh giá")
        PUBLISHED = "published", _("Đã công khai")

    cycle = models.ForeignKey(
        Cycle, verbose_name=_("đợt"), on_delete=models.CASCADE, related_name="unit_cycles"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    # The unit's own recognition as outstanding in the year (Decree 335/2025 Art. 20.5) lifts the
    # ceiling on "excellent"; it is recorded only through services.recognise_outstanding_unit.
    outstanding_unit = models.BooleanField(_("đơn vị được công nhận tiêu biểu"), default=False)
    outstanding_decision_number = models.CharField(
        _("số quyết định công nhận đơn vị tiêu biểu"), max_length=60, blank=True
    )
    outstanding_decision_date = models.DateField(
        _("ngày quyết định công nhận đơn vị tiêu biểu"), null=True, blank=True
    )
    outstanding_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận đơn vị tiêu biểu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outstanding_recorded_at = models.DateTimeField(_("ngày ghi nhận đơn vị tiêu biểu"), null=True, blank=True)
    meeting_date = models.DateField(_("ngày họp"), null=True, blank=True)
    meeting_chair = models.CharField(_("chủ trì"), max_length=150, blank=True)
    meeting_attendees = models.PositiveSmallIntegerField(_("số người dự họp"), null=True, blank=True)
    meeting_minutes = models.TextField(_("biên bản họp"), blank=True)
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True)

    class Meta:
        ordering = ["cycle", "unit__path"]
        verbose_name = _("đánh giá của đơn vị")
        verbose_name_plural = _("đánh giá của đơn vị")
        constraints = [models.UniqueConstraint(fields=["cycle", "unit"], name="appraisal_unit_cycle_unique")]

    def __str__(self):
        return f"{self.cycle.year} · {self.unit}"

    @property
    def is_recognised_outstanding(self) -> bool:
        """Outstanding only with the recognising decision on record (a bare tick lifts nothing)."""
        return self.outstanding_unit and bool(self.outstanding_decision_number)


class Evaluation(Audited):
    """One person's evaluation for one year, kept with the unit, category and rule set of its time.

    A decided evaluation is locked; a correction is a new row that `supersedes` the old one, and only the
    newest (`is_current`) counts in results.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chưa tự đánh giá")
        SELF_ASSESSED = "self_assessed", _("Đã tự đánh giá")
        REVIEWED = "reviewed", _("Đã họp nhận xét")
        PROPOSED = "proposed", _("Đã đề xuất")
        DECIDED = "decided", _("Đã quyết định")
        NOT_RATED = "not_rated", _("Không xếp loại")
        SUPERSEDED = "superseded", _("Đã được đính chính")

    class Source(models.TextChoices):
        CYCLE = "cycle", _("Đợt đánh giá")
        IMPORT = "import", _("Nhập từ Excel")

    LOCKED = (Status.DECIDED, Status.NOT_RATED, Status.SUPERSEDED)

    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    staff = models.ForeignKey(
        Staff, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="evaluations"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    category = models.CharField(_("loại"), max_length=20, choices=StaffCategory.choices)
    position = models.ForeignKey(
        Position,
        verbose_name=_("chức vụ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_manager = models.BooleanField(_("là lãnh đạo, quản lý"), default=False)
    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("bộ quy tắc"), on_delete=models.PROTECT, related_name="+"
    )
    unit_cycle = models.ForeignKey(
        UnitCycle,
        verbose_name=_("đợt của đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices, default=Source.CYCLE)
    status = models.CharField(_("trạng thái"), max_length=15, choices=Status.choices, default=Status.PENDING)
    is_current = models.BooleanField(_("là kết quả hiện hành"), default=True)
    months_worked = models.PositiveSmallIntegerField(_("số tháng công tác trong năm"), default=12)
    not_rated_reason = models.CharField(_("lý do không xếp loại"), max_length=300, blank=True)
    previous_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị cũ (điều động trong năm)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    previous_unit_comment = models.TextField(_("nhận xét, điểm của đơn vị cũ"), blank=True)
    # Self-assessment
    self_assessment = models.TextField(_("bản tự đánh giá"), blank=True)
    self_level = models.CharField(_("tự xếp loại"), max_length=20, choices=Level.choices, blank=True)
    general_score = models.DecimalField(
        _("điểm tiêu chí chung"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    task_score = models.DecimalField(
        _("điểm kết quả nhiệm vụ"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    # Degradation of political ideology, ethics or lifestyle is a finding of the competent authority
    # (Decree 90/2020 Art. 11.1.a, 15.1.a; Decree 335/2025 Art. 20.4.b), never a self-declaration:
    # it is set only through services.record_ethics_finding, with the document it rests on.
    ethical_degradation = models.BooleanField(
        _("cấp có thẩm quyền kết luận có biểu hiện suy thoái tư tưởng chính trị, đạo đức, lối sống"),
        default=False,
    )
    ethics_finding_document = models.CharField(
        _("văn bản kết luận về suy thoái tư tưởng, đạo đức"), max_length=200, blank=True
    )
    ethics_finding_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận kết luận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ethics_finding_at = models.DateTimeField(_("ngày ghi nhận kết luận"), null=True, blank=True)
    # Unit meeting
    meeting_comment = models.TextField(_("ý kiến tại cuộc họp"), blank=True)
    votes_excellent = models.PositiveSmallIntegerField(_("phiếu hoàn thành xuất sắc"), default=0)
    votes_good = models.PositiveSmallIntegerField(_("phiếu hoàn thành tốt"), default=0)
    votes_completed = models.PositiveSmallIntegerField(_("phiếu hoàn thành"), default=0)
    votes_not_completed = models.PositiveSmallIntegerField(_("phiếu không hoàn thành"), default=0)
    party_comment = models.TextField(_("nhận xét của cấp ủy"), blank=True)
    # Proposal and decision
    proposed_level = models.CharField(_("mức đề xuất"), max_length=20, choices=Level.choices, blank=True)
    proposal_note = models.TextField(_("ý kiến đề xuất"), blank=True)
    quota_justification = models.TextField(_("giải trình vượt tỷ lệ"), blank=True)
    level = models.CharField(_("xếp loại"), max_length=20, choices=Level.choices, blank=True, db_index=True)
    forced_reason = models.CharField(_("lý do buộc xếp loại"), max_length=300, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("ngày quyết định"), null=True, blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("đính chính quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    correction_reason = models.TextField(_("lý do đính chính"), blank=True)
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("đã nhắc tự đánh giá lúc"), null=True, blank=True)
    # Complaint
    complaint = models.TextField(_("nội dung khiếu nại"), blank=True)
    complaint_at = models.DateTimeField(_("ngày khiếu nại"), null=True, blank=True)
    complaint_outcome = models.TextField(_("kết quả giải quyết khiếu nại"), blank=True)
    complaint_resolved_at = models.DateTimeField(_("ngày giải quyết khiếu nại"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "unit__path", "staff__full_name"]
        verbose_name = _("phiếu đánh giá")
        verbose_name_plural = _("phiếu đánh giá")
        indexes = [
            models.Index(fields=["year", "is_current", "category", "level"]),
            models.Index(fields=["staff", "year"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["staff", "year"], condition=Q(is_current=True), name="appraisal_one_current_per_year"
            )
        ]

    def __str__(self):
        return f"{self.staff} · {self.year}"

    @property
    def is_locked(self) -> bool:
        return self.status in self.LOCKED

    @property
    def is_cbcc(self) -> bool:
        return self.category in CBCC

    @property
    def total_score(self):
        if self.general_score is None or self.task_score is None:
            return None
        return self.general_score + self.task_score

    def level_label(self) -> str:
        return self.rule_set.label(self.level) if self.level else ""


class TaskScore(models.Model):
    """A month's or quarter's task results (Decree 335/2025): each task with errors or delays loses 25%."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="task_scores")
    period = models.PositiveSmallIntegerField(_("kỳ (tháng hoặc quý)"))
    tasks = models.PositiveSmallIntegerField(_("số nhiệm vụ được giao"))
    tasks_with_errors = models.PositiveSmallIntegerField(_("số nhiệm vụ có sai sót"), default=0)
    tasks_late = models.PositiveSmallIntegerField(_("số nhiệm vụ chậm tiến độ"), default=0)

    class Meta:
        ordering = ["evaluation", "period"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "period"], name="appraisal_task_period")]

    def __str__(self):
        return f"{self.evaluation_id} · {self.period}"


EVENT_LABELS = {
    "listed": _("Đưa vào danh sách đánh giá"),
    "opened": _("Mở đợt đánh giá"),
    "imported": _("Nhập kết quả từ Excel"),
    "self_assessed": _("Tự đánh giá"),
    "meeting": _("Họp đánh giá của đơn vị"),
    "meeting_result": _("Kết quả họp nhận xét"),
    "proposed": _("Đề xuất mức xếp loại"),
    "decided": _("Quyết định xếp loại"),
    "superseded": _("Được thay thế"),
    "corrected": _("Đính chính"),
    "ethics_finding": _("Ghi nhận kết luận về suy thoái tư tưởng, đạo đức"),
    "outstanding_recognised": _("Ghi nhận đơn vị tiêu biểu"),
    "published": _("Công khai kết quả"),
    "complaint": _("Khiếu nại"),
    "complaint_resolved": _("Giải quyết khiếu nại"),
}
EVENT_FIELD_LABELS = {"year": _("năm")}


def _shown(field, value):
    """A stored before/after value as a person reads it: choice labels, dd/mm/yyyy dates, Có/Không."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            pass
    return Truncator(str(value)).chars(120)


class EvaluationEvent(StateEvent):
    """Every step of an evaluation or a unit's cycle: who, when, what, before → after."""

    evaluation = models.ForeignKey(
        Evaluation, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    unit_cycle = models.ForeignKey(
        UnitCycle, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )

    subject_fields = ("evaluation", "unit_cycle")
    action_labels = EVENT_LABELS

    class Meta(StateEvent.Meta):
        pass

    @property
    def changes(self):
        """(field label, before, after) for each value the step changed."""
        model = Evaluation if self.evaluation_id else UnitCycle
        before, after = self.before or {}, self.after or {}
        rows = []
        for key in dict.fromkeys([*before, *after]):
            if before.get(key) == after.get(key):
                continue
            try:
                field = model._meta.get_field(key)
                name = capfirst(field.verbose_name)
            except FieldDoesNotExist:
                field, name = None, capfirst(EVENT_FIELD_LABELS.get(key, key))
            rows.append((name, _shown(field, before.get(key)), _shown(field, after.get(key))))
        return rows
