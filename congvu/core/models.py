from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarOverride(models.Model):
    """A day that differs from the statutory calendar: a swap, a make-up working day, an extra day off.

    Rows shipped with congvu (`shipped`, written by data migrations) carry the Government's document;
    an admin may edit them or add rows of their own, and a row always wins over the statutory calendar.
    """

    class Kind(models.TextChoices):
        SWAP_DAY_OFF = "swap_day_off", _("ngày nghỉ do hoán đổi")
        MAKEUP_WORKDAY = "makeup_workday", _("ngày làm bù")
        EXTRA_DAY_OFF = "extra_day_off", _("ngày nghỉ thêm")
        ADMIN_DECISION = "admin_decision", _("quyết định của quản trị")

    date = models.DateField(_("ngày"), unique=True)
    is_working_day = models.BooleanField(
        _("là ngày làm việc"),
        help_text=_("Đánh dấu nếu là ngày làm việc bù; bỏ trống nếu là ngày nghỉ thêm."),
    )
    name = models.CharField(_("lý do"), max_length=200)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.ADMIN_DECISION)
    source_document = models.CharField(
        _("văn bản nguồn"),
        max_length=300,
        blank=True,
        help_text=_("Số, ngày và cơ quan ban hành, ví dụ: Công văn số 2450/VPCP-KGVX ngày 12/4/2024."),
    )
    shipped = models.BooleanField(
        _("có sẵn trong congvu"),
        default=False,
        help_text=_("Dòng do congvu cung cấp kèm văn bản nguồn; quản trị vẫn có thể sửa."),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ/làm bù")
        verbose_name_plural = _("lịch ngày nghỉ/làm bù")

    def __str__(self):
        kind = _("làm việc") if self.is_working_day else _("nghỉ")
        return f"{self.date:%d/%m/%Y} ({kind}): {self.name}"

    def clean(self):
        # Imported here: workdays reads this model.
        from congvu.core.workdays import check_override

        check_override(self)


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only")

    def delete(self):
        raise PermissionError("The audit log is append-only")


class AuditEvent(models.Model):
    """One row of the append-only audit log: who did what to which record, from where, before → after."""

    class Action(models.TextChoices):
        CREATE = "create", _("Tạo")
        UPDATE = "update", _("Sửa")
        DELETE = "delete", _("Xóa")
        LOGIN = "login", _("Đăng nhập")
        LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
        LOGOUT = "logout", _("Đăng xuất")
        ACTION = "action", _("Thao tác")

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    by_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    action = models.CharField(_("hành động"), max_length=20, choices=Action.choices, db_index=True)
    object_type = models.CharField(_("loại bản ghi"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("mã bản ghi"), max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("bản ghi"), max_length=300, blank=True)
    unit_id = models.BigIntegerField(_("đơn vị"), null=True, blank=True, db_index=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("nhật ký")
        verbose_name_plural = _("nhật ký hệ thống")

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.by_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only")


class RateBucket(models.Model):
    """A fixed-window counter shared by every worker process (see core.ratelimit)."""

    key = models.CharField(max_length=200)
    window_start = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="ratebucket_key_window")]

    def __str__(self):
        return f"{self.key}@{self.window_start}: {self.count}"


class Notification(models.Model):
    """An in-app message to one user (a reminder, an escalation, an alert); also e-mailed when asked."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("loại"), max_length=50, blank=True, db_index=True)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title
