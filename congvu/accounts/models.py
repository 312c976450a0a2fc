from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.units.models import Unit


class Role(models.TextChoices):
    RECEPTION = "reception", _("Cán bộ tiếp nhận")
    HANDLER = "handler", _("Người xử lý")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    PROGRAMME_OFFICE = "programme_office", _("Phòng/Sở Nội vụ")
    INSPECTOR = "inspector", _("Thành viên đoàn kiểm tra")
    LEADERSHIP = "leadership", _("Lãnh đạo UBND")
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")


class User(AbstractUser, Audited):
    # By name: people sits above accounts (its pages use the scope), so accounts does not import it.
    staff = models.OneToOneField(
        "people.Staff",
        verbose_name=_("hồ sơ cán bộ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )
    audit_exclude = ("password", "last_login")

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def display_name(self):
        if self.staff_id:
            return self.staff.full_name
        return self.get_full_name() or self.username


class RoleAssignment(Audited):
    """A role held over a unit and everything below it (and the units it succeeded)."""

    user = models.ForeignKey(
        User, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("phạm vi đơn vị"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="role_assignment_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class LoginThrottle(models.Model):
    """Failed logins of one (account, address) pair: the pause before its next try grows with each one.

    Keyed by a hash of the pair, so a long or odd username or address cannot overflow the column. Not
    audited: the audit log already records each failed login."""

    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    blocked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt đăng nhập sai")
        verbose_name_plural = _("lượt đăng nhập sai")

    def __str__(self):
        return f"{self.key[:12]}…: {self.failures}"


class UserSession(models.Model):
    """One logged-in session of a user, so that they can see where they are logged in and end it.

    Written at login, refreshed now and then (last seen), removed at logout or when ended. The session
    itself stays in Django's session store; a row whose session has expired is not shown."""

    user = models.ForeignKey(User, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40, unique=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ"), null=True, blank=True, unpack_ipv4=True)
    user_agent = models.CharField(_("trình duyệt"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("đăng nhập lúc"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("hoạt động gần nhất"), auto_now_add=True)

    class Meta:
        verbose_name = _("phiên đăng nhập")
        verbose_name_plural = _("phiên đăng nhập")

    def __str__(self):
        return f"{self.user} · {self.ip_address or '-'}"
