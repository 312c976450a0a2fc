"""Inspections of administrative discipline (kiểm tra kỷ luật, kỷ cương hành chính).

A yearly plan holds rounds (đợt); a round has a team and visits (lượt), one unit on one date. A visit is
recorded against a pinned version of a checklist template; each failed item becomes a finding, which
leads to a reminder against an official, a remedial task for the unit, or a proposal for discipline.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.edge import ascii_id
from congvu.core.events import StateEvent
from congvu.people.models import Staff
from congvu.units.models import Unit


class Severity(models.TextChoices):
    MINOR = "minor", _("Nhẹ")
    MODERATE = "moderate", _("Trung bình")
    SERIOUS = "serious", _("Nghiêm trọng")


class InspectionPlan(Audited):
    """Kế hoạch kiểm tra: the organising unit's plan for a year, adopted by a decision."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="inspection_plans"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    decision_number = models.CharField(_("số quyết định/kế hoạch"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "unit__path", "id"]
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")

    def __str__(self):
        return self.title


class ChecklistTemplate(Audited):
    """A checklist (bộ tiêu chí kiểm tra); its content lives in versions so recorded visits never change."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("tên bộ tiêu chí"), max_length=200)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("bộ tiêu chí kiểm tra")
        verbose_name_plural = _("bộ tiêu chí kiểm tra")

    def __str__(self):
        return self.name

    def audit_unit_id(self):
        return None

    def latest_published(self):
        return self.versions.filter(published_at__isnull=False).order_by("-number").first()


class TemplateVersion(Audited):
    template = models.ForeignKey(
        ChecklistTemplate, verbose_name=_("bộ tiêu chí"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("phiên bản"))
    note = models.CharField(_("ghi chú thay đổi"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        verbose_name = _("phiên bản bộ tiêu chí")
        verbose_name_plural = _("phiên bản bộ tiêu chí")
        constraints = [models.UniqueConstraint(fields=["template", "number"], name="template_version_unique")]

    def __str__(self):
        return f"{self.template.name} — v{self.number}"

    def audit_unit_id(self):
        return None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class ChecklistSection(Audited):
    version = models.ForeignKey(
        TemplateVersion, verbose_name=_("phiên bản"), on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("nhóm tiêu chí"), max_length=200)

    class Meta:
        ordering = ["version", "order", "id"]
        verbose_name = _("nhóm tiêu chí")
        verbose_name_plural = _("nhóm tiêu chí")

    def __str__(self):
        return self.title

    def audit_unit_id(self):
        return None


class ChecklistItem(Audited):
    section = models.ForeignKey(
        ChecklistSection, verbose_name=_("nhóm tiêu chí"), on_delete=models.CASCADE, related_name="items"
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    code = models.SlugField(_("mã tiêu chí"), max_length=50)
    text = models.CharField(_("nội dung kiểm tra"), max_length=400)
    guidance = models.TextField(_("hướng dẫn"), blank=True)
    default_severity = models.CharField(
        _("mức độ mặc định khi vi phạm"), max_length=10, choices=Severity.choices, default=Severity.MINOR
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        ordering = ["section__order", "order", "id"]
        verbose_name = _("tiêu chí kiểm tra")
        verbose_name_plural = _("tiêu chí kiểm tra")

    def __str__(self):
        return self.text

    def audit_unit_id(self):
        return None


class Round(Audited):
    """Đợt kiểm tra: dates, the decision setting up the team, the units to visit."""

    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="rounds"
    )
    # The organising unit (the plan's); kept here so rounds are scoped without a join.
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="inspection_rounds"
    )
    number = models.PositiveSmallIntegerField(_("đợt số"))
    title = models.CharField(_("nội dung"), max_length=300)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    team_decision_number = models.CharField(_("số quyết định thành lập đoàn"), max_length=60, blank=True)
    team_decision_date = models.DateField(_("ngày quyết định thành lập đoàn"), null=True, blank=True)
    announced = models.BooleanField(_("có báo trước"), default=True)
    template_version = models.ForeignKey(
        TemplateVersion, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT, related_name="rounds"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("đợt kiểm tra")
        verbose_name_plural = _("đợt kiểm tra")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="round_number_in_plan")]

    def __str__(self):
        return f"Đợt {self.number}/{self.plan.year}: {self.title}"

    def head(self):
        member = self.members.filter(role=TeamMember.Role.HEAD).select_related("user").first()
        return member.user if member else None


class TeamMember(Audited):
    class Role(models.TextChoices):
        HEAD = "head", _("Trưởng đoàn")
        MEMBER = "member", _("Thành viên")

    round = models.ForeignKey(Round, verbose_name=_("đợt"), on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("vai trò trong đoàn"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    title = models.CharField(_("chức vụ, đơn vị công tác"), max_length=200, blank=True)

    class Meta:
        ordering = ["round", "role", "id"]
        verbose_name = _("thành viên đoàn")
        verbose_name_plural = _("thành viên đoàn")
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="team_member_unique")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"

    def audit_unit_id(self):
        return self.round.unit_id


class Visit(Audited):
    """Lượt kiểm tra: one unit on one date by the round's team."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Đã lên lịch")
        DRAFT = "draft", _("Đang ghi nhận")
        SUBMITTED = "submitted", _("Đã gửi trưởng đoàn")
        CLOSED = "closed", _("Đã kết thúc")

    round = models.ForeignKey(Round, verbose_name=_("đợt"), on_delete=models.PROTECT, related_name="visits")
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị được kiểm tra"),
        on_delete=models.PROTECT,
        related_name="inspection_visits",
    )
    date = models.DateField(_("ngày kiểm tra"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    template_version = models.ForeignKey(
        TemplateVersion, verbose_name=_("phiên bản bộ tiêu chí"), on_delete=models.PROTECT, related_name="+"
    )
    unit_representative = models.CharField(_("đại diện đơn vị"), max_length=200, blank=True)
    summary = models.TextField(_("nhận xét chung"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Each save bumps the revision; a phone's draft carries the revision it started from, and the key of
    # its last save attempt, so a retried request is recognised and a stale draft does not overwrite silently.
    revision = models.PositiveIntegerField(default=0)
    last_save_key = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-date", "unit__path", "id"]
        verbose_name = _("lượt kiểm tra")
        verbose_name_plural = _("lượt kiểm tra")
        indexes = [models.Index(fields=["date", "status"])]

    def __str__(self):
        return f"{self.unit.name} — {self.date:%d/%m/%Y}"


class VisitAnswer(Audited):
    class Result(models.TextChoices):
        PASS = "pass", _("Đạt")
        FAIL = "fail", _("Không đạt")
        NOT_APPLICABLE = "na", _("Không áp dụng")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="answers")
    result = models.CharField(_("kết quả"), max_length=4, choices=Result.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    officials = models.ManyToManyField(
        Staff, verbose_name=_("cán bộ liên quan"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["visit", "item__section__order", "item__order"]
        verbose_name = _("kết quả tiêu chí")
        verbose_name_plural = _("kết quả tiêu chí")
        constraints = [models.UniqueConstraint(fields=["visit", "item"], name="visit_answer_unique")]

    def __str__(self):
        return f"{self.item.code}: {self.result}"

    def audit_unit_id(self):
        return self.visit.unit_id


class VisitPhoto(Audited):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="photos")
    item = models.ForeignKey(ChecklistItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    image = models.FileField(_("ảnh"), upload_to="inspections/photos/%Y/%m/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["visit", "id"]
        verbose_name = _("ảnh kiểm tra")
        verbose_name_plural = _("ảnh kiểm tra")

    def __str__(self):
        return self.image.name

    def audit_unit_id(self):
        return self.visit.unit_id


class Finding(Audited):
    """Phát hiện: a failed checklist item of a closed visit, and what is done about it."""

    class Action(models.TextChoices):
        UNDECIDED = "", _("Chưa quyết định")
        REMINDER = "reminder", _("Nhắc nhở cán bộ")
        REMEDIAL = "remedial", _("Giao đơn vị khắc phục")
        DISCIPLINE = "discipline", _("Đề nghị xem xét kỷ luật")

    class Status(models.TextChoices):
        OPEN = "open", _("Đang xử lý")
        CLOSED = "closed", _("Đã xong")

    visit = models.ForeignKey(
        Visit, verbose_name=_("lượt kiểm tra"), on_delete=models.PROTECT, related_name="findings"
    )
    answer = models.OneToOneField(
        VisitAnswer, null=True, blank=True, on_delete=models.SET_NULL, related_name="finding"
    )
    item = models.ForeignKey(
        ChecklistItem, verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("ngày phát hiện"), db_index=True)
    severity = models.CharField(_("mức độ"), max_length=10, choices=Severity.choices, default=Severity.MINOR)
    description = models.TextField(_("nội dung vi phạm"), blank=True)
    officials = models.ManyToManyField(
        Staff, verbose_name=_("cán bộ liên quan"), blank=True, related_name="+"
    )
    action = models.CharField(
        _("hình thức xử lý"), max_length=12, choices=Action.choices, blank=True, default=""
    )
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("phát hiện")
        verbose_name_plural = _("phát hiện")

    def __str__(self):
        return f"{self.item.text} — {self.unit.name}"


class Reminder(Audited):
    """Nhắc nhở recorded against an official."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="reminders")
    staff = models.ForeignKey(Staff, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("ngày nhắc nhở"), db_index=True)
    content = models.TextField(_("nội dung nhắc nhở"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "id"]
        verbose_name = _("nhắc nhở")
        verbose_name_plural = _("nhắc nhở")

    def __str__(self):
        return f"{self.staff} — {self.date:%d/%m/%Y}"


class RemedialTask(Audited):
    """A task for the unit to put right a finding, with a deadline in working days."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang khắc phục")
        REPORTED = "reported", _("Đơn vị đã báo cáo")
        ACCEPTED = "accepted", _("Đã nghiệm thu")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="tasks")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    description = models.TextField(_("yêu cầu khắc phục"))
    working_days = models.PositiveSmallIntegerField(_("thời hạn (ngày làm việc)"))
    assigned_on = models.DateField(_("ngày giao"))
    deadline = models.DateField(_("hạn hoàn thành"), db_index=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    report = models.TextField(_("báo cáo khắc phục"), blank=True)
    reported_on = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_note = models.TextField(_("ý kiến của đoàn"), blank=True)
    accepted_on = models.DateField(_("ngày nghiệm thu"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned_count = models.PositiveSmallIntegerField(default=0)
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("nhiệm vụ khắc phục")
        verbose_name_plural = _("nhiệm vụ khắc phục")

    def __str__(self):
        return f"{self.unit.name}: {self.description[:60]}"

    @property
    def on_time(self) -> bool | None:
        if self.reported_on is None:
            return None
        return self.reported_on <= self.deadline


class TaskEvidence(Audited):
    task = models.ForeignKey(RemedialTask, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp minh chứng"), upload_to="inspections/evidence/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["task", "id"]
        verbose_name = _("minh chứng khắc phục")
        verbose_name_plural = _("minh chứng khắc phục")

    def __str__(self):
        return self.name

    def audit_unit_id(self):
        return self.task.unit_id


class DisciplineProposal(Audited):
    """A proposal to consider discipline for an official, handed to the records part as a case."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="proposals")
    staff = models.ForeignKey(Staff, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    facts = models.TextField(_("nội dung đề nghị"))
    case_reference = models.CharField(_("hồ sơ kỷ luật"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("đề nghị kỷ luật")
        verbose_name_plural = _("đề nghị kỷ luật")

    def __str__(self):
        return f"{self.staff} — {self.case_reference or '…'}"

    @property
    def case_url(self) -> str:
        """The records part's page of the case, when that part is installed and the case was opened."""
        from django.urls import NoReverseMatch, reverse

        if ascii_id(self.case_reference) is None:
            return ""
        try:
            return reverse("discipline:discipline_detail", args=[int(self.case_reference)])
        except NoReverseMatch:
            return ""


# The steps as a person reads them on a timeline.
EVENT_LABELS = {
    "plan_created": _("Tạo kế hoạch"),
    "round_created": _("Tạo đợt kiểm tra"),
    "member_added": _("Thêm thành viên đoàn"),
    "member_removed": _("Bớt thành viên đoàn"),
    "visit_scheduled": _("Lên lịch lượt kiểm tra"),
    "visit_cancelled": _("Hủy lượt kiểm tra"),
    "visit_started": _("Bắt đầu ghi nhận"),
    "answers_saved": _("Lưu kết quả"),
    "photo_added": _("Thêm ảnh"),
    "visit_submitted": _("Gửi trưởng đoàn"),
    "visit_returned": _("Trưởng đoàn trả lại"),
    "visit_closed": _("Kết thúc lượt kiểm tra"),
    "finding_opened": _("Ghi nhận phát hiện"),
    "finding_decided": _("Quyết định hình thức xử lý"),
    "finding_closed": _("Đóng phát hiện"),
    "task_assigned": _("Giao nhiệm vụ khắc phục"),
    "task_reported": _("Đơn vị báo cáo khắc phục"),
    "task_accepted": _("Nghiệm thu"),
    "task_returned": _("Trả lại báo cáo"),
    "task_escalated": _("Báo quá hạn"),
}


class InspectionEvent(StateEvent):
    """One state change of a plan, round, visit, finding or task: who, when, what, before → after."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        InspectionPlan, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    round = models.ForeignKey(Round, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    visit = models.ForeignKey(Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    finding = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    task = models.ForeignKey(
        RemedialTask, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )

    subject_fields = ("plan", "round", "visit", "finding", "task")
    action_labels = EVENT_LABELS

    class Meta(StateEvent.Meta):
        verbose_name = _("sự kiện kiểm tra")
        verbose_name_plural = _("sự kiện kiểm tra")

    def __str__(self):
        return f"{self.action}: {self.before or ''} → {self.after or ''}"
