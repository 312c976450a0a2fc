import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.text import fold


class UnitType(models.TextChoices):
    PROVINCE = "tinh", _("Tỉnh")
    CITY = "thanh_pho", _("Thành phố")
    DISTRICT = "huyen", _("Huyện")
    TOWN = "thi_xa", _("Thị xã")
    URBAN_DISTRICT = "quan", _("Quận")
    WARD = "phuong", _("Phường")
    COMMUNE = "xa", _("Xã")
    TOWNSHIP = "thi_tran", _("Thị trấn")
    DEPARTMENT = "so", _("Sở")
    OFFICE = "phong", _("Phòng")
    BOARD = "ban", _("Ban")
    SCHOOL = "truong", _("Trường")
    CENTRE = "trung_tam", _("Trung tâm")
    ONE_STOP = "mot_cua", _("Bộ phận một cửa")
    OTHER = "khac", _("Khác")


# Levels of government with a People's Committee (Ủy ban nhân dân): they issue documents as a UBND.
ADMINISTRATIVE_TYPES = frozenset(
    {
        UnitType.PROVINCE,
        UnitType.CITY,
        UnitType.DISTRICT,
        UnitType.TOWN,
        UnitType.URBAN_DISTRICT,
        UnitType.WARD,
        UnitType.COMMUNE,
        UnitType.TOWNSHIP,
    }
)


class UnitQuerySet(models.QuerySet):
    def current(self, on: dt.date | None = None):
        """Units in existence on the given day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )

    def under(self, unit):
        """The unit and all units below it in the tree."""
        return self.filter(path__startswith=unit.path)


class Unit(Audited):
    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=200)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    unit_type = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitType.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    hotline = models.CharField(_("đường dây nóng"), max_length=50, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang thông tin điện tử"), blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    # Derived, kept for fast search and subtree queries; maintained in save().
    name_folded = models.CharField(max_length=200, editable=False, db_index=True, default="")
    path = models.CharField(max_length=400, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            )
        ]

    def __str__(self):
        return self.name

    def audit_unit_id(self):
        return self.pk

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")})
        if self.parent_id and self.pk:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    raise ValidationError(
                        {"parent": _("Đơn vị cấp trên không thể là chính nó hoặc đơn vị cấp dưới.")}
                    )
                ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        old_path = self.path
        super().save(*args, **kwargs)
        new_path = (self.parent.path if self.parent_id else "/") + f"{self.pk}/"
        if new_path != old_path:
            self.path = new_path
            self.depth = new_path.count("/") - 2
            Unit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)
            if old_path:
                self._move_descendants(old_path, new_path)

    def _move_descendants(self, old_path, new_path):
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
            child_path = new_path + child.path[len(old_path) :]
            Unit.objects.filter(pk=child.pk).update(path=child_path, depth=child_path.count("/") - 2)

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or self.valid_to >= on
        )

    def ancestors(self):
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        return Unit.objects.filter(pk__in=ids).order_by("depth")

    def display_name(self, on: dt.date | None = None) -> str:
        """The name, marked as former when the unit no longer exists on that day."""
        if self.is_current(on):
            return self.name
        return _("%(name)s (cũ)") % {"name": self.name}


class UnitSuccession(Audited):
    """How a unit lives on after a reorganisation: merged into, split into or renamed to another."""

    class Kind(models.TextChoices):
        MERGED_INTO = "merged_into", _("Sáp nhập vào")
        SPLIT_INTO = "split_into", _("Chia tách thành")
        RENAMED_TO = "renamed_to", _("Đổi tên thành")
        TRANSFERRED_TO = "transferred_to", _("Chuyển giao cho")

    predecessor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị kế thừa"), on_delete=models.CASCADE, related_name="predecessions"
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind.choices)
    effective_date = models.DateField(_("ngày có hiệu lực"))
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("kế thừa đơn vị")
        verbose_name_plural = _("kế thừa đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unit_succession_pair")
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"

    def audit_unit_id(self):
        return self.successor_id
