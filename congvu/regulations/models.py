"""Working regulations (quy chế làm việc) of units, their replacements and amendments."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.core.text import fold
from congvu.units.models import ADMINISTRATIVE_TYPES, Unit, UnitType

# Unit types expected to issue their own working regulation (quy chế làm việc). One-stop counters and
# service centres work under the regulation of their ward's People's Committee; public schools run
# under their school charter (điều lệ trường) and internal democracy rules, not a quy chế làm việc.
REGULATION_UNIT_TYPES = (
    *sorted(ADMINISTRATIVE_TYPES),
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
                name="regulations_valid_range",
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


class RegulationEvent(StateEvent):
    """One step of a working regulation: issued, replaced, repealed (dates as ISO text)."""

    regulation = models.ForeignKey(WorkingRegulation, on_delete=models.CASCADE, related_name="events")

    subject_fields = ("regulation",)
    action_labels = {"issued": _("Ban hành"), "replaced": _("Bị thay thế"), "repealed": _("Bãi bỏ")}
    state_choices = (WorkingRegulation.Kind,)

    class Meta(StateEvent.Meta):
        verbose_name = _("sự kiện quy chế làm việc")
        verbose_name_plural = _("sự kiện quy chế làm việc")
