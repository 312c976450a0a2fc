"""Citizens' feedback and petitions (phản ánh, kiến nghị) under Decree 20/2008/NĐ-CP (amended 48/2013, 92/2017)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.audit import Audited
from congvu.core.events import StateEvent
from congvu.people.models import Staff
from congvu.units.models import Unit

CONSENT_VERSION = "2026-01"


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin (biểu mẫu trực tuyến)")
    OPEN311 = "open311", _("Ứng dụng kết nối (Open311)")
    HOTLINE = "hotline", _("Đường dây nóng")
    SUGGESTION_BOX = "hom_thu", _("Hòm thư góp ý")
    PAPER_FORM = "phieu", _("Phiếu đánh giá, phiếu ý kiến")
    WALK_IN = "truc_tiep", _("Trực tiếp tại bộ phận tiếp nhận")
    POST = "buu_chinh", _("Thư gửi qua bưu chính")
    EMAIL = "email", _("Thư điện tử")


STAFF_CHANNELS = [c for c in Channel if c not in (Channel.WEB, Channel.OPEN311, Channel.SUGGESTION_BOX)]


class Status(models.TextChoices):
    NEW = "moi", _("Mới tiếp nhận")
    IN_PROGRESS = "dang_xu_ly", _("Đang xử lý")
    PAUSED = "tam_dung", _("Chờ người gửi bổ sung")
    AWAITING_APPROVAL = "cho_duyet", _("Chờ duyệt trả lời")
    ANSWERED = "da_tra_loi", _("Đã trả lời")
    NOT_ACCEPTED = "khong_tiep_nhan", _("Không tiếp nhận")
    FORWARDED = "da_chuyen", _("Đã chuyển cơ quan có thẩm quyền")
    REDIRECTED = "chuyen_huong", _("Hướng dẫn theo thủ tục khiếu nại, tố cáo")
    MERGED = "da_gop", _("Đã gộp vào phản ánh khác")


OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.PAUSED, Status.AWAITING_APPROVAL)


class Category(models.TextChoices):
    """Decree 20/2008 Art. 5: what the feedback is about."""

    OBSTACLE = "vuong_mac", _("Vướng mắc do hành vi chậm trễ, gây phiền hà, không thực hiện đúng quy định")
    UNFIT = "khong_phu_hop", _("Quy định không phù hợp với thực tế")
    INCONSISTENT = "khong_dong_bo", _("Quy định không đồng bộ, không thống nhất")
    UNLAWFUL = "trai_phap_luat", _("Quy định không hợp pháp")
    TREATY = "dieu_uoc", _("Quy định trái với điều ước quốc tế")
    OTHER = "khac", _("Vấn đề khác")
    SOLUTION = "phuong_an", _("Phương án xử lý, sáng kiến ban hành mới")
    INITIATIVE = "sang_kien", _("Sáng kiến ban hành quy định mới")


class Kind(models.TextChoices):
    FEEDBACK = "phan_anh", _("Phản ánh, kiến nghị")
    SUGGESTION = "gop_y", _("Góp ý (ẩn danh)")
    COMPLAINT = "khieu_nai", _("Khiếu nại")
    DENUNCIATION = "to_cao", _("Tố cáo")


class Decision(models.TextChoices):
    NOT_ACCEPTED = "khong_tiep_nhan", _("Không tiếp nhận (nêu lý do)")
    OFFICIAL_CONDUCT = "hanh_vi", _("Về hành vi của cán bộ: chuyển đơn vị có thẩm quyền")
    HANDLE = "xu_ly", _("Thuộc thẩm quyền: xử lý")
    OUTSIDE = "ngoai_tham_quyen", _("Không thuộc thẩm quyền: chuyển cơ quan có thẩm quyền")


class RefusalGround(models.TextChoices):
    """Decree 20/2008 Art. 7 (as amended by 48/2013): the conditions a submission must meet; failing one
    is the only ground for not accepting it."""

    NOT_VIETNAMESE = "khong_tieng_viet", _("Không được thể hiện bằng tiếng Việt (Điều 7 khoản 1)")
    UNCLEAR = "noi_dung_khong_ro", _("Không ghi rõ nội dung phản ánh, kiến nghị (Điều 7 khoản 2)")
    MISSING_SENDER = (
        "thieu_thong_tin",
        _("Không ghi rõ tên, địa chỉ, số điện thoại hoặc địa chỉ thư tín của người gửi (Điều 7 khoản 3)"),
    )


COMPLAINT_KINDS = (Kind.COMPLAINT, Kind.DENUNCIATION)


class Topic(Audited):
    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("lĩnh vực"), max_length=150)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("lĩnh vực phản ánh")
        verbose_name_plural = _("lĩnh vực phản ánh")

    def __str__(self):
        return self.name


class DeadlineRule(Audited):
    """Working-day deadlines for a topic and/or unit; the most specific rule wins."""

    topic = models.ForeignKey(
        Topic, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.CASCADE
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.CASCADE)
    forward_days = models.PositiveSmallIntegerField(_("hạn chuyển (ngày làm việc)"), default=5)
    answer_days = models.PositiveSmallIntegerField(_("hạn trả lời (ngày làm việc)"), default=15)
    remind_days = models.PositiveSmallIntegerField(_("nhắc trước hạn (ngày làm việc)"), default=2)
    # Decree 20/2008 sets no answer deadline and no extension: both are the province's choice.
    extension_max_days = models.PositiveSmallIntegerField(
        _("gia hạn tối đa (ngày làm việc)"),
        null=True,
        blank=True,
        help_text=_(
            "Do tỉnh quy định (Nghị định 20/2008/NĐ-CP không quy định thời hạn trả lời, gia hạn). "
            "Để trống: bằng hạn trả lời."
        ),
    )
    default_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý mặc định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("quy tắc thời hạn")
        verbose_name_plural = _("quy tắc thời hạn")
        constraints = [
            models.UniqueConstraint(fields=["topic", "unit"], name="feedback_deadline_rule_unique")
        ]

    def __str__(self):
        return f"{self.topic or '*'} / {self.unit or '*'}"

    def clean(self):
        from congvu.feedback.deadlines import check_forward_days  # the rule lives with the deadlines

        check_forward_days(self.forward_days)

    @property
    def max_extension(self) -> int:
        return self.extension_max_days or self.answer_days


class SuggestionBoxOpening(Audited):
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    opened_on = models.DateField(_("ngày mở hòm thư"))
    opened_by = models.CharField(_("người mở"), max_length=150)
    witnesses = models.CharField(_("người chứng kiến"), max_length=300)
    letters_count = models.PositiveSmallIntegerField(_("số thư"))
    note = models.TextField(_("ghi chú"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("lần mở hòm thư góp ý")
        verbose_name_plural = _("lần mở hòm thư góp ý")

    def __str__(self):
        return f"{self.unit} {self.opened_on:%d/%m/%Y}"


class ApiKey(Audited):
    """A key for an Open311 client; it may post to and read only the cases of its units."""

    name = models.CharField(_("tên ứng dụng"), max_length=150)
    prefix = models.CharField(max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    units = models.ManyToManyField(Unit, verbose_name=_("đơn vị được phép"), blank=True, related_name="+")
    requests_per_minute = models.PositiveIntegerField(_("giới hạn yêu cầu mỗi phút"), default=60)
    created_at = models.DateTimeField(_("ngày tạo"), default=timezone.now)
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True)
    audit_exclude = ("key_hash",)

    class Meta:
        verbose_name = _("khóa Open311")
        verbose_name_plural = _("khóa Open311")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    def issue(self) -> str:
        """Set a fresh secret; the raw key is returned once and only its hash is stored."""
        raw = "cv_" + secrets.token_urlsafe(30)
        self.prefix = raw[:10]
        self.key_hash = self.hash(raw)
        return raw

    @property
    def is_active(self):
        return self.revoked_at is None


class Case(Audited):
    code = models.CharField(_("mã tra cứu"), max_length=30, unique=True, null=True, blank=True)
    channel = models.CharField(_("kênh tiếp nhận"), max_length=20, choices=Channel.choices, db_index=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.FEEDBACK)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    category = models.CharField(_("phân loại nội dung"), max_length=20, choices=Category.choices, blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.PROTECT
    )
    # Who sent it (personal data: shown only to the handling chain).
    is_anonymous = models.BooleanField(_("ẩn danh"), default=False)
    sender_name = models.CharField(_("họ và tên người gửi"), max_length=150, blank=True)
    sender_address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    sender_phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    sender_email = models.EmailField(_("thư điện tử"), blank=True)
    sender_organisation = models.CharField(_("cơ quan, tổ chức"), max_length=200, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=200)
    content = models.TextField(_("nội dung"), max_length=10000)
    # Where the problem is (not the sender's home). A named sender's location is public only when the
    # sender chose so: it may be their house. An anonymous case's location points at nobody.
    location = models.CharField(_("địa điểm"), max_length=300, blank=True)
    location_public = models.BooleanField(_("người gửi đồng ý công khai địa điểm"), default=False)
    lat = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    long = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    not_vietnamese = models.BooleanField(_("nội dung có thể không phải tiếng Việt"), default=False)
    # Set at submission when the text speaks of a complaint or denunciation: the intake officer must
    # confirm the kind (classify) before accepting or forwarding it as feedback.
    complaint_suspected = models.BooleanField(_("có dấu hiệu khiếu nại, tố cáo"), default=False)
    kind_confirmed = models.BooleanField(_("đã xác nhận loại"), default=False)
    # Intake.
    receiving_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tiếp nhận"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị xử lý"), on_delete=models.PROTECT, related_name="feedback_cases"
    )
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), default=timezone.now, db_index=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ tiếp nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hotline_number = models.CharField(_("số đường dây nóng được gọi"), max_length=50, blank=True)
    call_at = models.DateTimeField(_("thời điểm cuộc gọi"), null=True, blank=True)
    opening = models.ForeignKey(
        SuggestionBoxOpening,
        verbose_name=_("lần mở hòm thư"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    api_key = models.ForeignKey(ApiKey, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    idempotency_key = models.CharField(max_length=80, unique=True, null=True, blank=True, editable=False)
    consent_given = models.BooleanField(_("đồng ý xử lý dữ liệu cá nhân"), default=False)
    consent_version = models.CharField(max_length=20, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(
        _("quyết định tiếp nhận"), max_length=20, choices=Decision.choices, blank=True
    )
    decision_reason = models.TextField(_("lý do"), blank=True, max_length=2000)
    refusal_ground = models.CharField(
        _("căn cứ không tiếp nhận"), max_length=20, choices=RefusalGround.choices, blank=True
    )
    intake_decided_at = models.DateTimeField(_("thời điểm quyết định tiếp nhận"), null=True, blank=True)
    # Stored when the step is done, from the deadline history (congvu.feedback.deadlines): the figures
    # read these columns, never a deadline that could have moved later.
    intake_late = models.BooleanField(_("quyết định tiếp nhận, chuyển đơn trễ hạn"), default=False)
    answered_late = models.BooleanField(_("trả lời trễ hạn"), null=True, blank=True)
    forwarded_to = models.CharField(_("chuyển đến"), max_length=300, blank=True)
    # Handling.
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_cases",
    )
    forward_due = models.DateField(_("hạn chuyển, phân loại"), null=True, blank=True)
    # The deadline in force now; its history (at receipt, extension, pauses) is in DeadlineStep.
    answer_due = models.DateField(_("hạn trả lời"), null=True, blank=True, db_index=True)
    remind_days = models.PositiveSmallIntegerField(default=2)
    extended = models.BooleanField(_("đã gia hạn"), default=False)
    extension_reason = models.TextField(_("lý do gia hạn"), blank=True)
    paused_on = models.DateField(_("tạm dừng từ"), null=True, blank=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ngày kết thúc"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("gộp vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    officials_concerned = models.ManyToManyField(
        Staff, verbose_name=_("cán bộ bị phản ánh"), blank=True, related_name="feedback_cases"
    )
    # Publication, personal data removed.
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True)
    public_title = models.CharField(_("tiêu đề công khai"), max_length=200, blank=True)
    public_content = models.TextField(_("nội dung công khai"), blank=True)
    public_answer = models.TextField(_("trả lời công khai"), blank=True)
    # Reminder markers: each set once, by the loop that won the claim.
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    forward_escalated_at = models.DateTimeField(null=True, blank=True)
    search_folded = models.TextField(editable=False, default="")
    is_demo = models.BooleanField(default=False, editable=False)
    # The sender's details stay out of the audit log, which system admins read outside the handling
    # chain: the case's own page shows them to the chain (congvu.feedback.roles.can_see_sender).
    audit_exclude = (
        "sender_name",
        "sender_address",
        "sender_phone",
        "sender_email",
        "sender_organisation",
        "search_folded",
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        indexes = [
            models.Index(fields=["unit", "status", "answer_due"]),
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["status", "answer_due"]),
            # A unit's cases of a period: report figures per unit (the league table asks once per unit).
            models.Index(fields=["unit", "received_at"], name="case_unit_received"),
        ]

    def __str__(self):
        return self.code or f"#{self.pk}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def paused_in_time(self):
        """Paused before its deadline ran out: the clock is stopped. A later pause stops nothing."""
        return (
            self.status == Status.PAUSED
            and self.paused_on is not None
            and self.answer_due is not None
            and self.paused_on <= self.answer_due
        )

    @property
    def is_overdue(self):
        return (
            self.is_open
            and self.answer_due is not None
            and not self.paused_in_time
            and (timezone.localdate() > self.answer_due)
        )

    @property
    def answered_on_time(self):
        """Judged when the answer was sent, against the deadline then in force (stored)."""
        if not self.answered_at or self.answered_late is None:
            return None
        return not self.answered_late

    @property
    def location_is_public(self):
        return self.is_anonymous or self.location_public

    @property
    def contact_given(self):
        return bool(self.sender_phone or self.sender_email or self.sender_address)


class DeadlineStep(models.Model):
    """One step in the history of a case's deadlines. The deadlines set at receipt are kept forever;
    every extension, pause, resume and every step done after its deadline adds a row, never edits one."""

    class Kind(models.TextChoices):
        SET = "dat", _("Đặt khi tiếp nhận")
        EXTENDED = "gia_han", _("Gia hạn")
        PAUSED = "tam_dung", _("Tạm dừng")
        RESUMED = "tiep_tuc", _("Tiếp tục")
        LATE_FORWARDING = "chuyen_tre", _("Chuyển đơn trễ hạn")
        LATE_INTAKE = "tiep_nhan_tre", _("Quyết định tiếp nhận trễ hạn")
        LATE_ANSWER = "tra_loi_tre", _("Trả lời trễ hạn")

    class Deadline(models.TextChoices):
        FORWARD = "chuyen", _("Hạn phân loại, chuyển đơn")
        ANSWER = "tra_loi", _("Hạn trả lời")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadline_steps")
    kind = models.CharField(_("bước"), max_length=20, choices=Kind.choices)
    deadline = models.CharField(_("thời hạn"), max_length=10, choices=Deadline.choices)
    before = models.DateField(_("hạn trước"), null=True, blank=True)
    after = models.DateField(_("hạn sau"), null=True, blank=True)
    working_days = models.SmallIntegerField(_("số ngày làm việc"), null=True, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    rule_code = models.CharField(_("quy tắc"), max_length=60, blank=True)
    deadline_rule = models.ForeignKey(
        DeadlineRule,
        verbose_name=_("quy tắc thời hạn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # False for a step of an older install's history that the rules do not let move a deadline
    # (an extension after the deadline, the resume of a pause started late): kept, but without effect.
    in_force = models.BooleanField(_("có hiệu lực"), default=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("lịch sử thời hạn")
        verbose_name_plural = _("lịch sử thời hạn")
        indexes = [models.Index(fields=["case", "kind"], name="deadlinestep_case_kind")]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.before} → {self.after}"


EVENT_LABELS = {
    "received": _("Tiếp nhận"),
    "flag_language": _("Đánh dấu nội dung không phải tiếng Việt"),
    "not_accepted": _("Không tiếp nhận"),
    "accepted": _("Thụ lý, xử lý"),
    "forwarded": _("Chuyển cơ quan có thẩm quyền"),
    "classified": _("Phân loại"),
    "redirected": _("Hướng dẫn theo thủ tục khiếu nại, tố cáo"),
    "assigned": _("Phân công"),
    "extended": _("Gia hạn"),
    "paused": _("Tạm dừng chờ bổ sung"),
    "resumed": _("Tiếp tục xử lý"),
    "merged": _("Gộp vào phản ánh chính"),
    "duplicate_added": _("Gộp phản ánh trùng"),
    "answer_drafted": _("Lưu dự thảo trả lời"),
    "answer_submitted": _("Trình duyệt dự thảo"),
    "awaiting_approval": _("Chờ duyệt trả lời"),
    "answer_approved": _("Duyệt trả lời"),
    "answer_returned": _("Trả lại dự thảo"),
    "returned": _("Trả lại để xử lý tiếp"),
    "answered": _("Gửi trả lời"),
    "published": _("Công khai kết quả"),
    "published_with_personal_data": _("Công khai dù còn dấu hiệu thông tin cá nhân"),
    "unpublished": _("Gỡ công khai"),
    "rated": _("Người gửi đánh giá"),
    "officials": _("Cập nhật cán bộ bị phản ánh"),
    "reminder": _("Nhắc hạn"),
    "escalated": _("Báo quá hạn"),
    "intake_overdue": _("Quá hạn phân loại, chuyển đơn"),
    "late_step": _("Thực hiện trễ hạn"),
    "flag_complaint": _("Có dấu hiệu khiếu nại, tố cáo"),
    "discipline_proposed": _("Đề nghị xem xét kỷ luật"),
}


class CaseEvent(StateEvent):
    """One step on a case's timeline: who, when, what, before → after; `public` steps show on tracking."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    public = models.BooleanField(default=False)

    subject_fields = ("case",)
    action_labels = EVENT_LABELS

    class Meta(StateEvent.Meta):
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.action}"


class Attachment(Audited):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="feedback/%Y/%m/")
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(default=timezone.now)

    def audit_unit_id(self):
        return self.case.unit_id

    def __str__(self):
        return self.original_name


class AnswerTemplate(Audited):
    title = models.CharField(_("tên mẫu"), max_length=200)
    body = models.TextField(_("nội dung mẫu"))
    topic = models.ForeignKey(
        Topic, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.SET_NULL
    )
    for_complaints = models.BooleanField(_("mẫu hướng dẫn khiếu nại, tố cáo"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("mẫu trả lời")
        verbose_name_plural = _("mẫu trả lời")

    def __str__(self):
        return self.title


class Answer(Audited):
    class State(models.TextChoices):
        DRAFT = "nhap", _("Dự thảo")
        SUBMITTED = "cho_duyet", _("Chờ duyệt")
        RETURNED = "tra_lai", _("Trả lại để sửa")
        APPROVED = "da_duyet", _("Đã duyệt")
        SENT = "da_gui", _("Đã gửi")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="answers")
    body = models.TextField(_("nội dung trả lời"), max_length=20000)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(_("ý kiến"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_via = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def audit_unit_id(self):
        return self.case.unit_id


class AnswerRating(Audited):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="rating")
    satisfied = models.BooleanField(_("hài lòng"))
    comment = models.TextField(_("ý kiến"), blank=True, max_length=2000)
    rated_at = models.DateTimeField(default=timezone.now)

    def audit_unit_id(self):
        return self.case.unit_id


class OutboundMessage(models.Model):
    """What was sent to a sender (e-mail or SMS), so staff can see it went out."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField(max_length=10)  # email | sms
    recipient = models.CharField(max_length=200)
    body = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)
    ok = models.BooleanField(default=True)
    detail = models.CharField(max_length=300, blank=True)

    def __str__(self):
        return f"{self.channel} {self.recipient}"
