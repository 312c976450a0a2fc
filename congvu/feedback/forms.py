import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput
from congvu.core.uploads import check_upload
from congvu.feedback.models import (
    STAFF_CHANNELS,
    AnswerTemplate,
    Category,
    Decision,
    Kind,
    RefusalGround,
    Status,
    Topic,
)
from congvu.feedback.services import MAX_ATTACHMENTS
from congvu.units.models import Unit

PHONE_RE = re.compile(r"^\+?[0-9 .\-]{8,15}$")
DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y"]

CONSENT_TEXT = _(
    "Tôi đồng ý để cơ quan tiếp nhận sử dụng họ tên, địa chỉ, số điện thoại và thư điện tử tôi cung cấp "
    "chỉ để xử lý, trả lời phản ánh này và thông báo kết quả cho tôi; dữ liệu được lưu trong thời hạn "
    "lưu trữ hồ sơ phản ánh và không được công khai."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,.pdf,.doc,.docx,.xls,.xlsx"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(_("Tối đa %(n)s tệp đính kèm.") % {"n": MAX_ATTACHMENTS})
        errors = []
        for upload in files:
            try:
                check_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


def _phone(value):
    if value and not PHONE_RE.match(value):
        raise ValidationError(_("Số điện thoại không hợp lệ."))
    return value


class SenderMixin(forms.Form):
    is_anonymous = forms.BooleanField(
        label=_("Gửi ẩn danh (chỉ là góp ý, cơ quan không có nghĩa vụ trả lời)"), required=False
    )
    sender_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    sender_address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    sender_phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, required=False, validators=[_phone]
    )
    sender_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    sender_organisation = forms.CharField(
        label=_("Cơ quan, tổ chức (nếu có)"), max_length=200, required=False
    )
    require_contact = True

    def clean(self):
        data = super().clean()
        if data.get("is_anonymous") or not self.require_contact:
            return data
        if not (data.get("sender_name") or "").strip():
            self.add_error("sender_name", _("Nhập họ và tên, hoặc chọn gửi ẩn danh."))
        if not (data.get("sender_address") or "").strip():
            self.add_error("sender_address", _("Nhập địa chỉ để cơ quan gửi trả lời."))
        if not (data.get("sender_phone") or data.get("sender_email")) and "sender_phone" not in self.errors:
            self.add_error("sender_phone", _("Nhập số điện thoại hoặc thư điện tử."))
        return data


class ContentMixin(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Topic.objects.filter(is_active=True), required=False
    )
    title = forms.CharField(label=_("Tiêu đề"), max_length=200)
    content = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"),
        max_length=10000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    files = MultipleFileField(label=_("Tệp đính kèm (ảnh, PDF, Word, Excel; tối đa 5 tệp, mỗi tệp 10 MB)"))


LETTER_FIELDS = ("topic", "title", "content", "is_anonymous", "sender_name", "sender_address", "sender_phone")
LETTER_FIELDS += ("sender_email", "sender_organisation")


def letter_fields(data) -> dict:
    """What every channel's intake form asks of the letter itself (topic, text and sender), as
    services.submit_case takes it."""
    return {name: data[name] for name in LETTER_FIELDS}


class PublicCaseForm(SenderMixin, ContentMixin):
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    unit = forms.ModelChoiceField(label=_("Cơ quan, đơn vị được phản ánh"), queryset=Unit.objects.none())
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        required=True,
        error_messages={
            "required": _(
                "Cần đồng ý với việc xử lý dữ liệu cá nhân cho mục đích này để gửi phản ánh có danh tính."
            )
        },
    )
    field_order = [
        "unit",
        "topic",
        "title",
        "content",
        "files",
        "is_anonymous",
        "sender_name",
        "sender_address",
        "sender_phone",
        "sender_email",
        "sender_organisation",
        "consent",
        "form_token",
    ]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.current()
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4().hex)

    def full_clean(self):
        # An anonymous suggestion collects no personal data, so it needs no consent.
        if self.is_bound and self.data.get("is_anonymous") in ("on", "true", "1"):
            self.fields["consent"].required = False
        super().full_clean()

    def clean_form_token(self):
        token = self.cleaned_data["form_token"]
        if not re.fullmatch(r"[0-9a-f]{32}", token):
            raise ValidationError(_("Biểu mẫu không hợp lệ, vui lòng tải lại trang."))
        return token


class StaffIntakeForm(SenderMixin, ContentMixin):
    channel = forms.ChoiceField(
        label=_("Kênh tiếp nhận"), choices=[(c.value, c.label) for c in STAFF_CHANNELS]
    )
    unit = forms.ModelChoiceField(label=_("Đơn vị tiếp nhận"), queryset=Unit.objects.none())
    received_at = forms.DateTimeField(
        label=_("Thời điểm tiếp nhận (dd/mm/yyyy hh:mm)"), input_formats=DATETIME_FORMATS, required=False
    )
    hotline_number = forms.CharField(label=_("Số đường dây nóng được gọi"), max_length=50, required=False)
    call_at = forms.DateTimeField(
        label=_("Thời điểm cuộc gọi (dd/mm/yyyy hh:mm)"), input_formats=DATETIME_FORMATS, required=False
    )
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    require_contact = False  # staff record what they got; the intake decision handles missing details
    field_order = ["channel", "unit", "received_at", "hotline_number", "call_at"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["channel"].widget.attrs["autofocus"] = True
        if units is not None and units.count() == 1:
            self.initial.setdefault("unit", units.first())
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4().hex)

    def clean(self):
        data = super().clean()
        if data.get("channel") == "hotline":
            if not data.get("hotline_number"):
                self.add_error("hotline_number", _("Nhập số đường dây nóng mà người dân đã gọi."))
            if not data.get("call_at"):
                self.add_error("call_at", _("Nhập thời điểm cuộc gọi."))
        return data


class OpeningForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    opened_on = forms.DateField(label=_("Ngày mở hòm thư"), widget=DateInput())
    opened_by = forms.CharField(label=_("Người mở"), max_length=150)
    witnesses = forms.CharField(label=_("Người chứng kiến"), max_length=300)
    letters_count = forms.IntegerField(label=_("Số thư"), min_value=0, max_value=500)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class LetterForm(SenderMixin, ContentMixin):
    form_token = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    require_contact = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4().hex)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Quyết định tiếp nhận"), choices=Decision.choices)
    refusal_ground = forms.ChoiceField(
        label=_("Căn cứ không tiếp nhận (Điều 7 Nghị định 20/2008/NĐ-CP)"),
        choices=[("", "—"), *RefusalGround.choices],
        required=False,
    )
    confirm_ground = forms.BooleanField(
        label=_("Tôi xác nhận căn cứ này đúng với phản ánh (nội dung không bằng tiếng Việt hoặc không rõ)"),
        required=False,
    )
    reason = forms.CharField(
        label=_("Lý do"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    forwarded_to = forms.CharField(label=_("Chuyển đến cơ quan, đơn vị"), required=False, max_length=300)


class ClassifyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=Kind.choices)
    category = forms.ChoiceField(
        label=_("Phân loại nội dung (Điều 5)"), choices=[("", "—"), *Category.choices], required=False
    )
    topic = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Topic.objects.filter(is_active=True), required=False
    )


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị xử lý"), queryset=Unit.objects.none())
    handler = forms.ModelChoiceField(label=_("Người xử lý"), queryset=None, required=False)

    def __init__(self, *args, units=None, handlers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["handler"].queryset = handlers
        self.fields["handler"].label_from_instance = lambda user: user.display_name


class BulkAssignForm(AssignForm):
    cases = forms.CharField(widget=forms.HiddenInput, required=False)


class ExtendForm(forms.Form):
    # No maximum here: the service refuses beyond the province's maximum with the rule's message.
    days = forms.IntegerField(label=_("Số ngày làm việc gia hạn"), min_value=1, max_value=9999, initial=10)
    reason = forms.CharField(
        label=_("Lý do gia hạn"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, max_days: int | None = None, **kwargs):
        # The maximum is the province's (DeadlineRule): shown as a hint, refused by the service.
        super().__init__(*args, **kwargs)
        if max_days:
            self.fields["days"].help_text = _("Tối đa %(n)s ngày làm việc.") % {"n": max_days}


class PauseForm(forms.Form):
    reason = forms.CharField(
        label=_("Thông tin cần bổ sung"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Mã phản ánh chính"), max_length=30)


class OfficialsForm(forms.Form):
    staff = forms.ModelMultipleChoiceField(label=_("Cán bộ bị phản ánh"), queryset=None, required=False)

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff


class AnswerForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Dùng mẫu trả lời"), queryset=AnswerTemplate.objects.all(), required=False
    )
    body = forms.CharField(
        label=_("Nội dung trả lời"), max_length=20000, widget=forms.Textarea(attrs={"rows": 10})
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class SendForm(forms.Form):
    via = forms.ChoiceField(
        label=_("Gửi qua"),
        choices=[
            ("email", _("Thư điện tử")),
            ("sms", _("Tin nhắn SMS")),
            ("letter", _("Văn bản giấy (in và gửi bưu chính)")),
        ],
    )


class PublishForm(forms.Form):
    public_title = forms.CharField(label=_("Tiêu đề công khai"), max_length=200)
    public_content = forms.CharField(
        label=_("Nội dung công khai (đã bỏ thông tin cá nhân)"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    public_answer = forms.CharField(
        label=_("Trả lời công khai"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    override_reason = forms.CharField(
        label=_("Lý do vẫn công khai (chỉ khi phần được đánh dấu không phải thông tin cá nhân)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Mã tra cứu"), max_length=30)
    contact = forms.CharField(
        label=_("Số điện thoại hoặc thư điện tử đã khai (để xem đầy đủ)"), max_length=200, required=False
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class RatingForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Ông/Bà có hài lòng với câu trả lời?"),
        choices=[("1", _("Hài lòng")), ("0", _("Không hài lòng"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Ý kiến thêm"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    contact = forms.CharField(widget=forms.HiddenInput, max_length=200)


class InboxFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm (mã, người gửi, nội dung; gõ không dấu được)"), required=False, max_length=200
    )
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False)
    channel = forms.ChoiceField(label=_("Kênh"), required=False)
    topic = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Topic.objects.all(), required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=[("", _("Tất cả")), *Status.choices], required=False
    )
    date_from = forms.DateField(label=_("Từ ngày"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Đến ngày"), required=False, widget=DateInput())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        from congvu.feedback.models import Channel

        self.fields["unit"].queryset = units
        self.fields["channel"].choices = [("", _("Tất cả")), *Channel.choices]


class RegisterForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    date_from = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    date_to = forms.DateField(label=_("Đến ngày"), widget=DateInput())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data
