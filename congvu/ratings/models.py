"""Citizens' satisfaction at the one-stop counter (Decision 766/QĐ-TTg, SIPAS, Decree 118/2025).

A counter belongs to a one-stop unit (Bộ phận một cửa / Trung tâm Phục vụ hành chính công); a roster
says which official sits there by day and session. Ratings come from a paired kiosk, from the QR code on
an official's badge or a counter, or from paper forms typed in by staff; each keeps its channel, device,
time, official, counter and unit.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.people.models import Staff
from congvu.units.models import Unit


class Level(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", _("Rất hài lòng")
    SATISFIED = "satisfied", _("Hài lòng")
    NOT_SATISFIED = "not_satisfied", _("Không hài lòng")


SATISFIED_LEVELS = (Level.VERY_SATISFIED, Level.SATISFIED)


class Channel(models.TextChoices):
    KIOSK = "kiosk", _("Máy tại quầy")
    QR = "qr", _("Mã QR")
    PAPER = "paper", _("Phiếu giấy")


class Session(models.TextChoices):
    MORNING = "morning", _("Buổi sáng")
    AFTERNOON = "afternoon", _("Buổi chiều")


WHOLE_DAY = "both"  # a roster choice: both sessions of the day


# Reasons a citizen can tick, as chips on the kiosk and the QR page.
LOW_REASONS = [
    ("attitude", _("Thái độ chưa đúng mực")),
    ("waiting", _("Thời gian chờ lâu")),
    ("unclear", _("Hướng dẫn chưa rõ")),
    ("extra_papers", _("Yêu cầu giấy tờ không cần thiết")),
    ("harassment", _("Nhũng nhiễu, gây phiền hà")),
    ("late_result", _("Trả kết quả trễ hẹn")),
    ("other", _("Lý do khác")),
]
GOOD_REASONS = [
    ("polite", _("Niềm nở, lịch sự")),
    ("fast", _("Nhanh chóng")),
    ("clear", _("Hướng dẫn rõ ràng")),
    ("helpful", _("Tận tình, chu đáo")),
]
REASONS = dict(LOW_REASONS + GOOD_REASONS)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Counter(Audited):
    """A reception-and-result counter (quầy) of a one-stop unit."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("bộ phận một cửa"), on_delete=models.PROTECT, related_name="counters"
    )
    code = models.CharField(_("mã quầy"), max_length=60, unique=True)
    name = models.CharField(_("tên quầy"), max_length=150)
    fields_served = models.CharField(_("lĩnh vực tiếp nhận"), max_length=300, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        ordering = ["unit__path", "code"]
        verbose_name = _("quầy tiếp nhận")
        verbose_name_plural = _("quầy tiếp nhận")

    def __str__(self):
        return f"{self.name} – {self.unit.name}"


class RosterEntry(Audited):
    """Who sits at a counter on a day and session. Days without an entry keep the last one."""

    counter = models.ForeignKey(
        Counter, verbose_name=_("quầy"), on_delete=models.CASCADE, related_name="roster"
    )
    staff = models.ForeignKey(Staff, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("ngày"))
    session = models.CharField(_("buổi"), max_length=10, choices=Session.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["counter", "-date", "session"]
        verbose_name = _("phân công trực quầy")
        verbose_name_plural = _("phân công trực quầy")
        constraints = [
            models.UniqueConstraint(fields=["counter", "date", "session"], name="roster_one_per_session")
        ]
        indexes = [models.Index(fields=["counter", "session", "date"])]

    def __str__(self):
        return f"{self.counter.code} {self.date:%d/%m/%Y} {self.get_session_display()}: {self.staff}"

    def audit_unit_id(self):
        return self.counter.unit_id


class KioskDevice(Audited):
    """A tablet paired to a counter. Only the hash of its token is stored; revoking ends its access."""

    counter = models.ForeignKey(
        Counter, verbose_name=_("quầy"), on_delete=models.CASCADE, related_name="devices"
    )
    name = models.CharField(_("tên thiết bị"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_prefix = models.CharField(_("đầu mã"), max_length=8, editable=False)
    paired_at = models.DateTimeField(_("ghép nối lúc"), auto_now_add=True)
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_seen_at = models.DateTimeField(_("hoạt động gần nhất"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    audit_exclude = ("token_hash", "last_seen_at")

    class Meta:
        ordering = ["counter", "-paired_at"]
        verbose_name = _("thiết bị đánh giá")
        verbose_name_plural = _("thiết bị đánh giá")

    def __str__(self):
        return f"{self.name} ({self.token_prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def audit_unit_id(self):
        return self.counter.unit_id


class Rating(Audited):
    client_id = models.UUIDField(_("mã đánh giá"), unique=True, default=uuid.uuid4)
    level = models.CharField(_("mức độ"), max_length=20, choices=Level.choices, db_index=True)
    reasons = models.JSONField(_("lý do"), default=list, blank=True)
    comment = models.TextField(_("ý kiến"), max_length=1000, blank=True)
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=40, blank=True)
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    rated_at = models.DateTimeField(_("thời điểm đánh giá"), db_index=True)
    received_at = models.DateTimeField(_("thời điểm nhận"), auto_now_add=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    counter = models.ForeignKey(
        Counter, verbose_name=_("quầy"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    staff = models.ForeignKey(
        Staff,
        verbose_name=_("cán bộ được đánh giá"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counter_ratings",
    )
    device = models.ForeignKey(
        KioskDevice, verbose_name=_("thiết bị"), null=True, blank=True, on_delete=models.PROTECT
    )
    client_key = models.CharField(max_length=64, blank=True, editable=False)  # hashed device/IP for QR
    comment_hidden = models.BooleanField(_("ẩn ý kiến"), default=False)
    comment_hidden_reason = models.CharField(_("lý do ẩn"), max_length=300, blank=True)

    class Meta:
        ordering = ["-rated_at"]
        verbose_name = _("lượt đánh giá")
        verbose_name_plural = _("lượt đánh giá")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "dossier_code"], condition=~Q(dossier_code=""), name="rating_one_per_dossier"
            )
        ]
        indexes = [
            models.Index(fields=["unit", "rated_at"]),
            models.Index(fields=["staff", "rated_at"]),
            models.Index(fields=["device", "rated_at"]),
            # Covers the satisfaction figures of a period (level counts of the units in scope) without
            # reading the rows themselves: 2 million ratings a year at province scale.
            models.Index(fields=["unit", "rated_at", "level"], name="rating_unit_period_level"),
        ]

    def __str__(self):
        return f"{self.get_level_display()} · {self.rated_at:%d/%m/%Y %H:%M}"

    @property
    def reason_labels(self) -> list[str]:
        return [str(REASONS.get(code, code)) for code in self.reasons]


class RatingEvent(StateEvent):
    """A moderation step on a rating's comment (hide/show): who, when, what, before → after, why."""

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="events")

    subject_fields = ("rating",)
    action_labels = {"hide_comment": _("Ẩn ý kiến"), "show_comment": _("Hiện lại ý kiến")}

    class Meta(StateEvent.Meta):
        verbose_name = _("nhật ký đánh giá")
        verbose_name_plural = _("nhật ký đánh giá")


class SipasElement(models.TextChoices):
    ACCESS = "access", _("Tiếp cận dịch vụ")
    PROCEDURE = "procedure", _("Thủ tục hành chính")
    OFFICIAL = "official", _("Công chức trực tiếp giải quyết")
    RESULT = "result", _("Kết quả dịch vụ")
    FEEDBACK = "feedback", _("Tiếp nhận, xử lý góp ý, phản ánh")
    CRITERIA_766 = "criteria_766", _("Bộ chỉ số 766")


class PaperForm(Audited):
    """A printed evaluation form (phiếu đánh giá). A form in use is never edited: make a new version."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Phiếu dùng cho đơn vị này và các đơn vị trực thuộc."),
    )
    code = models.CharField(_("mã phiếu"), max_length=40)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    title = models.CharField(_("tên phiếu"), max_length=200)
    valid_from = models.DateField(_("áp dụng từ"))
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("mẫu phiếu đánh giá")
        verbose_name_plural = _("mẫu phiếu đánh giá")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="paper_form_version")]

    def __str__(self):
        return f"{self.title} (v{self.version})"


class Question(Audited):
    form = models.ForeignKey(PaperForm, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    text = models.CharField(_("câu hỏi"), max_length=300)
    element = models.CharField(_("yếu tố SIPAS"), max_length=20, choices=SipasElement.choices)
    is_overall = models.BooleanField(
        _("câu hỏi chung về cán bộ"),
        default=False,
        help_text=_("Câu trả lời được tính như một lượt đánh giá cán bộ (kênh phiếu giấy)."),
    )

    class Meta:
        ordering = ["form", "order"]
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")

    def __str__(self):
        return f"{self.order}. {self.text}"


class Choice(Audited):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    label = models.CharField(_("phương án"), max_length=150)
    level = models.CharField(_("mức độ tương ứng"), max_length=20, choices=Level.choices)

    class Meta:
        ordering = ["question", "order"]
        verbose_name = _("phương án trả lời")
        verbose_name_plural = _("phương án trả lời")

    def __str__(self):
        return self.label

    @property
    def is_satisfied(self) -> bool:
        return self.level in SATISFIED_LEVELS


class PaperBatch(Audited):
    """A stack of filled-in paper forms from one unit, typed in by one person."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    form = models.ForeignKey(PaperForm, verbose_name=_("mẫu phiếu"), on_delete=models.PROTECT)
    collected_on = models.DateField(_("ngày thu phiếu"))
    label = models.CharField(_("ký hiệu tập phiếu"), max_length=100, blank=True)
    declared_count = models.PositiveIntegerField(_("số phiếu trong tập"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-collected_on", "-id"]
        verbose_name = _("tập phiếu giấy")
        verbose_name_plural = _("tập phiếu giấy")

    def __str__(self):
        return f"{self.unit.name} {self.collected_on:%d/%m/%Y} {self.label}".strip()


class PaperResponse(Audited):
    batch = models.ForeignKey(PaperBatch, on_delete=models.CASCADE, related_name="responses")
    number = models.PositiveIntegerField(_("số thứ tự phiếu"))
    staff = models.ForeignKey(
        Staff, verbose_name=_("cán bộ được đánh giá"), null=True, blank=True, on_delete=models.PROTECT
    )
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=40, blank=True)
    comment = models.TextField(_("ý kiến"), blank=True)
    rating = models.OneToOneField(
        Rating, null=True, blank=True, on_delete=models.SET_NULL, related_name="paper_response"
    )
    entered_at = models.DateTimeField(_("nhập lúc"), auto_now_add=True)

    class Meta:
        ordering = ["batch", "number"]
        verbose_name = _("phiếu đã nhập")
        verbose_name_plural = _("phiếu đã nhập")
        constraints = [models.UniqueConstraint(fields=["batch", "number"], name="paper_response_number")]

    def audit_unit_id(self):
        return self.batch.unit_id


class PaperAnswer(models.Model):
    response = models.ForeignKey(PaperResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="paper_answer_one_per_question")
        ]

    def __str__(self):
        return f"{self.question_id}: {self.choice_id}"
