"""Reward titles and rewards: a unit proposes, the competent body decides."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.core.text import fold
from congvu.people.models import Staff
from congvu.units.models import Unit


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
                name="rewards_reward_one_recipient",
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


class RewardEvent(StateEvent):
    """One step of a reward proposal: proposed, decided."""

    reward = models.ForeignKey(Reward, on_delete=models.CASCADE, related_name="events")

    subject_fields = ("reward",)
    action_labels = {"proposed": _("Đề nghị"), "decided": _("Quyết định")}
    state_choices = (Reward.Status,)

    class Meta(StateEvent.Meta):
        verbose_name = _("sự kiện khen thưởng")
        verbose_name_plural = _("sự kiện khen thưởng")
