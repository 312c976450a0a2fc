import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.core.text import fold
from congvu.units.models import Unit


class StaffCategory(models.TextChoices):
    CAN_BO = "can_bo", _("Cán bộ")
    CONG_CHUC = "cong_chuc", _("Công chức")
    VIEN_CHUC = "vien_chuc", _("Viên chức")
    NGUOI_LAO_DONG = "nguoi_lao_dong", _("Người lao động")


class Sex(models.TextChoices):
    MALE = "nam", _("Nam")
    FEMALE = "nu", _("Nữ")


class Position(Audited):
    """A title such as "Chủ tịch UBND" or "Chuyên viên"; managers get extra steps in evaluations."""

    name = models.CharField(_("chức vụ"), max_length=150, unique=True)
    is_manager = models.BooleanField(_("là chức vụ lãnh đạo, quản lý"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")

    def __str__(self):
        return self.name


class StaffQuerySet(models.QuerySet):
    def employed_on(self, day: dt.date):
        return self.filter(Q(employed_from__isnull=True) | Q(employed_from__lte=day)).filter(
            Q(employed_to__isnull=True) | Q(employed_to__gte=day)
        )

    def active(self):
        return self.employed_on(timezone.localdate())


class Staff(Audited):
    full_name = models.CharField(_("họ và tên"), max_length=150)
    sex = models.CharField(_("giới tính"), max_length=5, choices=Sex.choices)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    category = models.CharField(_("loại"), max_length=20, choices=StaffCategory.choices, db_index=True)
    position = models.ForeignKey(
        Position, verbose_name=_("chức vụ"), null=True, blank=True, on_delete=models.PROTECT
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="staff")
    badge_number = models.CharField(_("số thẻ"), max_length=30, unique=True, null=True, blank=True)
    photo = models.ImageField(_("ảnh"), upload_to="staff-photos/", blank=True)
    employed_from = models.DateField(_("ngày vào làm"), null=True, blank=True)
    employed_to = models.DateField(_("ngày thôi việc"), null=True, blank=True)
    name_folded = models.CharField(max_length=150, editable=False, db_index=True, default="")

    objects = StaffQuerySet.as_manager()

    class Meta:
        ordering = ["unit__path", "full_name"]
        verbose_name = _("cán bộ, công chức, viên chức")
        verbose_name_plural = _("cán bộ, công chức, viên chức")
        indexes = [models.Index(fields=["unit", "category"])]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.full_name)
        if self.badge_number == "":
            self.badge_number = None
        super().save(*args, **kwargs)

    @property
    def is_cbcc(self) -> bool:
        return self.category in {StaffCategory.CAN_BO, StaffCategory.CONG_CHUC}

    def is_employed(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.employed_from is None or self.employed_from <= on) and (
            self.employed_to is None or self.employed_to >= on
        )


class Transfer(Audited):
    """A move of a staff member from one unit to another (điều động, luân chuyển)."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("cán bộ"), on_delete=models.CASCADE, related_name="transfers"
    )
    from_unit = models.ForeignKey(
        Unit, verbose_name=_("từ đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Unit, verbose_name=_("đến đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    effective_date = models.DateField(_("ngày có hiệu lực"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["staff", "effective_date", "id"]
        verbose_name = _("điều động")
        verbose_name_plural = _("quá trình điều động")

    def __str__(self):
        return f"{self.staff}: {self.from_unit} → {self.to_unit} ({self.effective_date:%d/%m/%Y})"

    def audit_unit_id(self):
        return self.to_unit_id


class LeaveKind(models.TextChoices):
    """Why a person was away. Only maternity and the lawful kinds matter to the annual evaluation's
    absence rules (congvu.appraisals.absence); every kind is time not worked."""

    MATERNITY = "thai_san", _("Nghỉ chế độ thai sản")
    SICK = "om_dau", _("Nghỉ ốm đau")
    OTHER_LAWFUL = "nghi_khac", _("Nghỉ khác theo quy định của pháp luật")
    UNLAWFUL = "khong_ly_do", _("Nghỉ không có lý do chính đáng")


LAWFUL_ABSENCES = (LeaveKind.SICK, LeaveKind.OTHER_LAWFUL)


class LeavePeriod(Audited):
    """A period (both ends included) when a person did not work: maternity, sick or other leave."""

    staff = models.ForeignKey(
        Staff, verbose_name=_("cán bộ"), on_delete=models.CASCADE, related_name="leave_periods"
    )
    kind = models.CharField(_("loại nghỉ"), max_length=20, choices=LeaveKind.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    document = models.CharField(_("số văn bản, quyết định"), max_length=100, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["staff", "start", "id"]
        verbose_name = _("thời gian nghỉ")
        verbose_name_plural = _("thời gian nghỉ")
        indexes = [models.Index(fields=["staff", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="leave_end_not_before_start")
        ]

    def __str__(self):
        return f"{self.staff}: {self.get_kind_display()} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    def audit_unit_id(self):
        return self.staff.unit_id if self.staff_id else None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Ngày kết thúc không được trước ngày bắt đầu.")})
        if self.staff_id and self.start and self.end:
            overlapping = (
                LeavePeriod.objects.filter(staff_id=self.staff_id, start__lte=self.end, end__gte=self.start)
                .exclude(pk=self.pk)
                .order_by("start")
                .first()
            )
            if overlapping:
                raise ValidationError(
                    {
                        "start": _("Trùng với thời gian nghỉ %(kind)s từ %(start)s đến %(end)s.")
                        % {
                            "kind": overlapping.get_kind_display().lower(),
                            "start": f"{overlapping.start:%d/%m/%Y}",
                            "end": f"{overlapping.end:%d/%m/%Y}",
                        }
                    }
                )


STAFF_EVENT_LABELS = {
    "leave_added": _("Thêm thời gian nghỉ"),
    "leave_changed": _("Sửa thời gian nghỉ"),
    "leave_deleted": _("Xóa thời gian nghỉ"),
    "leave_imported": _("Nhập thời gian nghỉ từ Excel"),
}


class StaffEvent(StateEvent):
    """The timeline of a staff record (leave periods added, changed, deleted)."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="events")

    subject_fields = ("staff",)
    action_labels = STAFF_EVENT_LABELS
    state_choices = (LeaveKind,)

    class Meta(StateEvent.Meta):
        verbose_name = _("sự kiện hồ sơ cán bộ")
        verbose_name_plural = _("sự kiện hồ sơ cán bộ")
