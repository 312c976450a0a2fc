"""Discipline cases against officials: review, meeting, decision (or closed without discipline)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.core.text import fold
from congvu.people.models import Staff, StaffCategory
from congvu.units.models import Unit


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
    # Decree 335/2025 Art. 20.4.c: only discipline for a violation in the performance of official duties
    # forces "not completed" in the year's evaluation; off-duty discipline does not.
    in_official_duty = models.BooleanField(_("vi phạm trong thực thi nhiệm vụ, công vụ"), default=True)
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


class DisciplineEvent(StateEvent):
    """One step of a discipline case: opened, meeting, decided, dismissed."""

    case = models.ForeignKey(DisciplineCase, on_delete=models.CASCADE, related_name="events")

    subject_fields = ("case",)
    action_labels = {
        "decided": _("Quyết định"),
        "opened": _("Mở hồ sơ"),
        "meeting": _("Họp kiểm điểm"),
        "dismissed": _("Kết thúc, không kỷ luật"),
    }
    state_choices = (DisciplineCase.Status, DisciplineForm)

    class Meta(StateEvent.Meta):
        verbose_name = _("sự kiện hồ sơ kỷ luật")
        verbose_name_plural = _("sự kiện hồ sơ kỷ luật")
