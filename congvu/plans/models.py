"""Plans and directives in the document register, their tasks, assignments to units and reports."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.core.text import fold
from congvu.units.models import Unit


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
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="plans_task_assignment_unique")]

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


class PlanEvent(StateEvent):
    """One step of a document (registered) or of a task assigned to a unit (assigned, reported,
    accepted, returned, reminded, escalated)."""

    directive = models.ForeignKey(
        Directive, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    assignment = models.ForeignKey(
        TaskAssignment, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )

    subject_fields = ("directive", "assignment")
    action_labels = {
        "registered": _("Vào sổ"),
        "assigned": _("Giao nhiệm vụ"),
        "reported": _("Báo cáo tiến độ"),
        "reported_final": _("Báo cáo hoàn thành"),
        "accepted": _("Nghiệm thu"),
        "returned": _("Yêu cầu bổ sung"),
        "reminded": _("Nhắc hạn"),
        "escalated": _("Báo cáo quá hạn lên cấp trên"),
    }
    state_choices = (TaskAssignment.Status,)

    class Meta(StateEvent.Meta):
        verbose_name = _("sự kiện kế hoạch, nhiệm vụ")
        verbose_name_plural = _("sự kiện kế hoạch, nhiệm vụ")
