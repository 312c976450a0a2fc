"""Rewards, discipline, working regulations, and plans/directives with their tasks.

Every model is Audited (create/change/delete go to the audit log); every state change done through
services.py also writes a RecordEvent (who, when, what, before → after) in the same transaction.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.text import fold
from congvu.people.models import Staff, StaffCategory
from congvu.units.models import Unit, UnitType

# ---------------------------------------------------------------------------------------------------
# Rewards


class RewardTitle(Audited):
    """A title or form of reward (danh hiệu, hình thức khen thưởng), configurable by the admin."""

    class Recipient(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên danh hiệu, hình thức"), max_length=200)
    recipient = models.CharField(_("đối tượng"), max_length=20, choices=Recipient.choices)
    default_deciding_body = models.CharField(_("cấp quyết định thường dùng"), max_length=200, blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")

    def __str__(self):
        return self.name


class Reward(Audited):
    """A reward proposal made by a unit; once the competent body decides, it is a reward record."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đã đề nghị")
        DECIDED = "decided", _("Đã quyết định khen thưởng")
        REJECTED = "rejected", _("Không được khen thưởng")

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="reward_proposals"
    )
    title = models.ForeignKey(RewardTitle, verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("năm khen thưởng"))
    staff = models.ForeignKey(
        Staff,
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rewards",
    )
    collective = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="collective_rewards",
    )
    reason = models.TextField(_("thành tích, lý do"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    proposal_number = models.CharField(_("số tờ trình đề nghị"), max_length=60, blank=True)
    proposed_on = models.DateField(_("ngày đề nghị"), default=timezone.localdate)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deciding_body = models.CharField(_("cấp quyết định"), max_length=200, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True, db_index=True)
    decision_note = models.CharField(_("ghi chú quyết định"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_folded = models.CharField(max_length=600, editable=False, default="", db_index=True)

    class Meta:
        ordering = ["-year", "-proposed_on", "-id"]
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        constraints = [
            models.CheckConstraint(
                condition=Q(staff__isnull=False, collective__isnull=True)
                | Q(staff__isnull=True, collective__isnull=False),
                name="reward_one_recipient",
            )
        ]

    def __str__(self):
        return f"{self.title} {self.year}: {self.recipient_name}"

    @property
    def recipient_name(self) -> str:
        if self.staff_id:
            return self.staff.full_name
        return self.collective.name if self.collective_id else ""

    def save(self, *args, **kwargs):
        self.search_folded = fold(
            " ".join(
                filter(
                    None,
                    [
                        self.recipient_name,
                        self.title.name if self.title_id else "",
                        self.decision_number,
                        self.proposal_number,
                        self.reason[:200],
                    ],
                )
            )
        )[:600]
        super().save(*args, **kwargs)


# ---------------------------------------------------------------------------------------------------
# Discipline


class DisciplineForm(models.TextChoices):
    KHIEN_TRACH = "khien_trach", _("Khiển trách")
    CANH_CAO = "canh_cao", _("Cảnh cáo")
    HA_BAC_LUONG = "ha_bac_luong", _("Hạ bậc lương")
    GIANG_CHUC = "giang_chuc", _("Giáng chức")
    CACH_CHUC = "cach_chuc", _("Cách chức")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Buộc thôi việc")


# Which forms the law allows for each staff category (Law on Cadres and Civil Servants 2008 as amended
# 2019, art. 78–79; Law on Public Employees 2010 as amended 2019, art. 52; Decree 112/2020/NĐ-CP).
# Giáng chức and cách chức apply only to people holding a management position; hạ bậc lương only to
# civil servants without one.
FORMS_BY_CATEGORY = {
    StaffCategory.CAN_BO: [DisciplineForm.KHIEN_TRACH, DisciplineForm.CANH_CAO, DisciplineForm.CACH_CHUC],
    StaffCategory.CONG_CHUC: list(DisciplineForm.values),
    StaffCategory.VIEN_CHUC: [
        DisciplineForm.KHIEN_TRACH,
        DisciplineForm.CANH_CAO,
        DisciplineForm.CACH_CHUC,
        DisciplineForm.BUOC_THOI_VIEC,
    ],
    StaffCategory.NGUOI_LAO_DONG: [
        DisciplineForm.KHIEN_TRACH,
        DisciplineForm.CACH_CHUC,
        DisciplineForm.BUOC_THOI_VIEC,
    ],
}
MANAGER_ONLY_FORMS = {DisciplineForm.GIANG_CHUC, DisciplineForm.CACH_CHUC}
NON_MANAGER_ONLY_FORMS = {DisciplineForm.HA_BAC_LUONG}


def forms_allowed_for(staff: Staff) -> list[str]:
    """The discipline forms that may be decided for this person (by category and management position)."""
    manager = bool(staff.position_id and staff.position.is_manager)
    allowed = []
    for form in FORMS_BY_CATEGORY.get(staff.category, []):
        if form in MANAGER_ONLY_FORMS and not manager:
            continue
        if form in NON_MANAGER_ONLY_FORMS and (manager or staff.category != StaffCategory.CONG_CHUC):
            continue
        allowed.append(str(form))
    return allowed


class DisciplineCase(Audited):
    """A discipline case against an official: review → meeting → decision (or closed without discipline)."""

    class Origin(models.TextChoices):
        INSPECTION = "inspection", _("Kết luận kiểm tra")
        FEEDBACK = "feedback", _("Phản ánh, kiến nghị của người dân")
        OTHER = "other", _("Khác")

    class Status(models.TextChoices):
        REVIEW = "review", _("Đang xem xét")
        MEETING = "meeting", _("Đã họp kiểm điểm")
        DECIDED = "decided", _("Đã quyết định kỷ luật")
        DISMISSED = "dismissed", _("Không kỷ luật")

    staff = models.ForeignKey(
        Staff, verbose_name=_("người bị xem xét"), on_delete=models.PROTECT, related_name="discipline_cases"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="discipline_cases"
    )
    origin = models.CharField(_("nguồn"), max_length=20, choices=Origin.choices)
    origin_reference = models.CharField(_("số hiệu, tham chiếu nguồn"), max_length=200, blank=True)
    origin_url = models.CharField(_("liên kết nguồn"), max_length=500, blank=True)
    facts = models.TextField(_("nội dung vi phạm"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.REVIEW, db_index=True
    )
    opened_on = models.DateField(_("ngày mở hồ sơ"), default=timezone.localdate)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    meeting_date = models.DateField(_("ngày họp kiểm điểm"), null=True, blank=True)
    meeting_summary = models.TextField(_("kết quả họp kiểm điểm"), blank=True)
    form = models.CharField(_("hình thức kỷ luật"), max_length=20, choices=DisciplineForm.choices, blank=True)
    deciding_body = models.CharField(_("cấp quyết định"), max_length=200, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True, db_index=True)
    effective_from = models.DateField(_("có hiệu lực từ"), null=True, blank=True)
    effective_to = models.DateField(_("hết hiệu lực"), null=True, blank=True)
    closing_note = models.TextField(_("ghi chú kết thúc"), blank=True)
    search_folded = models.CharField(max_length=600, editable=False, default="", db_index=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("hồ sơ kỷ luật")
        verbose_name_plural = _("hồ sơ kỷ luật")

    def __str__(self):
        return f"{self.staff} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        self.search_folded = fold(
            " ".join(
                [self.staff.full_name if self.staff_id else "", self.origin_reference, self.decision_number]
            )
            + " "
            + self.facts[:300]
        )[:600]
        super().save(*args, **kwargs)

    def in_effect(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        if self.status != self.Status.DECIDED or not self.effective_from:
            return False
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


# ---------------------------------------------------------------------------------------------------
# Working regulations

# Unit types expected to issue their own working regulation (quy chế làm việc). One-stop counters and
# service centres work under the regulation of their ward's People's Committee; public schools run
# under their school charter (điều lệ trường) and internal democracy rules, not a quy chế làm việc.
REGULATION_UNIT_TYPES = (
    UnitType.PROVINCE,
    UnitType.CITY,
    UnitType.DISTRICT,
    UnitType.TOWN,
    UnitType.URBAN_DISTRICT,
    UnitType.WARD,
    UnitType.COMMUNE,
    UnitType.TOWNSHIP,
    UnitType.DEPARTMENT,
    UnitType.OFFICE,
    UnitType.BOARD,
    UnitType.CENTRE,
)


class RegulationQuerySet(models.QuerySet):
    def in_force(self, on: dt.date):
        """Base regulations (not amendments) in force on `on`."""
        return self.filter(kind__in=WorkingRegulation.BASE_KINDS, valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class WorkingRegulation(Audited):
    """One version of a unit's working regulation, or an amendment to one.

    A regulation is in force from `valid_from` until `valid_to` (open while it is current). Replacing it
    closes the old version the day before the new one takes effect, so the state on any past day is
    known. Amendments point to the regulation they amend and do not change what is in force.
    """

    class Kind(models.TextChoices):
        ISSUED = "issued", _("Ban hành mới")
        REPLACEMENT = "replacement", _("Ban hành thay thế")
        AMENDMENT = "amendment", _("Sửa đổi, bổ sung")

    BASE_KINDS = (Kind.ISSUED, Kind.REPLACEMENT)

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="working_regulations"
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices, default=Kind.ISSUED)
    title = models.CharField(_("tên văn bản"), max_length=300)
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    signed_on = models.DateField(_("ngày ban hành"))
    valid_from = models.DateField(_("có hiệu lực từ"), db_index=True)
    valid_to = models.DateField(_("hết hiệu lực"), null=True, blank=True, db_index=True)
    amends = models.ForeignKey(
        "self",
        verbose_name=_("sửa đổi văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("thay thế văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    file = models.FileField(_("tệp văn bản"), upload_to="records/regulations/%Y/", blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_folded = models.CharField(max_length=600, editable=False, default="", db_index=True)

    objects = RegulationQuerySet.as_manager()

    class Meta:
        ordering = ["unit__path", "-valid_from", "-id"]
        verbose_name = _("quy chế làm việc")
        verbose_name_plural = _("quy chế làm việc")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="regulation_valid_range",
            )
        ]

    def __str__(self):
        return f"{self.number} · {self.title}"

    def save(self, *args, **kwargs):
        self.search_folded = fold(f"{self.number} {self.title}")[:600]
        super().save(*args, **kwargs)

    def is_in_force(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


# ---------------------------------------------------------------------------------------------------
# Plans and directives


class Directive(Audited):
    """A plan or directive in the document register; its tasks are assigned to units."""

    class DocType(models.TextChoices):
        PLAN = "ke_hoach", _("Kế hoạch")
        DIRECTIVE = "chi_thi", _("Chỉ thị")
        DECISION = "quyet_dinh", _("Quyết định")
        LETTER = "cong_van", _("Công văn")
        OTHER = "khac", _("Khác")

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị theo dõi"),
        help_text=_("Cơ quan ban hành hoặc cơ quan được giao theo dõi, nghiệm thu kết quả."),
        on_delete=models.PROTECT,
        related_name="directives",
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocType.choices)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("ngày ban hành"), db_index=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    file = models.FileField(_("tệp văn bản"), upload_to="records/directives/%Y/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_folded = models.CharField(max_length=800, editable=False, default="", db_index=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("văn bản chỉ đạo, kế hoạch")
        verbose_name_plural = _("văn bản chỉ đạo, kế hoạch")

    def __str__(self):
        return f"{self.number} · {self.title}"

    def save(self, *args, **kwargs):
        self.search_folded = fold(f"{self.number} {self.issuing_body} {self.title}")[:800]
        super().save(*args, **kwargs)


class DirectiveTask(Audited):
    directive = models.ForeignKey(
        Directive, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    description = models.TextField(_("nội dung, yêu cầu"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["directive", "order", "id"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self):
        return self.title

    def audit_unit_id(self):
        return self.directive.unit_id


class TaskAssignment(Audited):
    """A task assigned to one unit, with its deadline; the unit reports, the directive's office accepts."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Đang thực hiện")
        REPORTED = "reported", _("Đã báo cáo, chờ nghiệm thu")
        RETURNED = "returned", _("Yêu cầu bổ sung")
        ACCEPTED = "accepted", _("Đã nghiệm thu")

    OPEN_STATUSES = (Status.ASSIGNED, Status.REPORTED, Status.RETURNED)

    task = models.ForeignKey(
        DirectiveTask, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="assignments"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, related_name="task_assignments"
    )
    assigned_on = models.DateField(_("ngày giao"), default=timezone.localdate)
    deadline = models.DateField(_("hạn hoàn thành"), db_index=True)
    deadline_working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.ASSIGNED, db_index=True
    )
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    accepted_on = models.DateField(_("ngày nghiệm thu"), null=True, blank=True)
    review_note = models.CharField(_("ý kiến nghiệm thu"), max_length=1000, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["deadline", "unit__path", "id"]
        verbose_name = _("giao nhiệm vụ")
        verbose_name_plural = _("giao nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="task_assignment_unique")]

    def __str__(self):
        return f"{self.task} → {self.unit}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, on: dt.date | None = None) -> bool:
        """Past the deadline without a result reported (a result awaiting acceptance is not late)."""
        on = on or timezone.localdate()
        return self.is_open and self.completed_on is None and self.deadline < on

    @classmethod
    def overdue_q(cls, on: dt.date) -> Q:
        return Q(status__in=cls.OPEN_STATUSES, completed_on__isnull=True, deadline__lt=on)

    @property
    def on_time(self) -> bool | None:
        if self.status != self.Status.ACCEPTED or not self.completed_on:
            return None
        return self.completed_on <= self.deadline


class TaskReport(Audited):
    """A unit's progress or result report on an assigned task, with evidence."""

    assignment = models.ForeignKey(
        TaskAssignment, verbose_name=_("nhiệm vụ được giao"), on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField(_("ngày báo cáo"), default=timezone.localdate)
    text = models.TextField(_("nội dung báo cáo"))
    is_final = models.BooleanField(_("báo cáo hoàn thành, đề nghị nghiệm thu"), default=False)
    evidence = models.FileField(_("tài liệu minh chứng"), upload_to="records/evidence/%Y/", blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["assignment", "reported_on", "id"]
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")

    def __str__(self):
        return f"{self.assignment} · {self.reported_on:%d/%m/%Y}"

    def audit_unit_id(self):
        return self.assignment.unit_id


# ---------------------------------------------------------------------------------------------------
# Events


class RecordEvent(models.Model):
    """One state change of a record of this app: who, when, what, before → after."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=40)
    before = models.CharField(_("trước"), max_length=40, blank=True)
    after = models.CharField(_("sau"), max_length=40, blank=True)
    note = models.CharField(_("ghi chú"), max_length=1000, blank=True)
    reward = models.ForeignKey(Reward, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    discipline_case = models.ForeignKey(
        DisciplineCase, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    regulation = models.ForeignKey(
        WorkingRegulation, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    directive = models.ForeignKey(
        Directive, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    assignment = models.ForeignKey(
        TaskAssignment, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("sự kiện hồ sơ")
        verbose_name_plural = _("sự kiện hồ sơ")

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.action}"

    @property
    def action_label(self):
        return EVENT_ACTIONS.get(self.action, self.action)

    @property
    def before_label(self):
        return _state_label(self.before)

    @property
    def after_label(self):
        return _state_label(self.after)


EVENT_ACTIONS = {
    "proposed": _("Đề nghị"),
    "decided": _("Quyết định"),
    "opened": _("Mở hồ sơ"),
    "meeting": _("Họp kiểm điểm"),
    "dismissed": _("Kết thúc, không kỷ luật"),
    "issued": _("Ban hành"),
    "replaced": _("Bị thay thế"),
    "repealed": _("Bãi bỏ"),
    "registered": _("Vào sổ"),
    "assigned": _("Giao nhiệm vụ"),
    "reported": _("Báo cáo tiến độ"),
    "reported_final": _("Báo cáo hoàn thành"),
    "accepted": _("Nghiệm thu"),
    "returned": _("Yêu cầu bổ sung"),
    "reminded": _("Nhắc hạn"),
    "escalated": _("Báo cáo quá hạn lên cấp trên"),
}


def _state_label(code: str):
    for choices in (
        Reward.Status,
        DisciplineCase.Status,
        TaskAssignment.Status,
        WorkingRegulation.Kind,
        DisciplineForm,
    ):
        if code in choices.values:
            return choices(code).label
    try:
        return dt.date.fromisoformat(code).strftime("%d/%m/%Y")
    except ValueError:
        return code
