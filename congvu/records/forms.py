from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput
from congvu.core.uploads import OFFICE, PDF, check_upload, cleaned_upload
from congvu.records.models import (
    Directive,
    DisciplineCase,
    DisciplineForm,
    Reward,
    RewardTitle,
    TaskAssignment,
    WorkingRegulation,
)

DOCUMENT_KINDS = (PDF, OFFICE)
EVIDENCE_KINDS = ("image", PDF, OFFICE)


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (or on the form when no such field)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target, item.messages[0] if hasattr(item, "messages") else str(item))
    else:
        for message in error.messages:
            form.add_error(None, message)


def _year_choices(blank=True):
    this_year = timezone.localdate().year
    choices = [(str(y), str(y)) for y in range(this_year + 1, 2014, -1)]
    return ([("", _("Tất cả các năm"))] if blank else []) + choices


class _Filter(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả đơn vị")
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RewardFilterForm(_Filter):
    year = forms.TypedChoiceField(label=_("Năm"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    title = forms.ModelChoiceField(
        label=_("Danh hiệu"), queryset=RewardTitle.objects.all(), required=False, empty_label=_("Tất cả")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices()
        self.fields["status"].choices = [("", _("Tất cả"))] + list(Reward.Status.choices)


class RewardProposalForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị đề nghị"), queryset=None)
    title = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức"), queryset=RewardTitle.objects.filter(is_active=True)
    )
    year = forms.TypedChoiceField(label=_("Năm khen thưởng"), coerce=int)
    staff = forms.ModelMultipleChoiceField(
        label=_("Cá nhân (một hoặc nhiều người)"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    collective = forms.ModelChoiceField(label=_("Tập thể"), queryset=None, required=False)
    reason = forms.CharField(
        label=_("Thành tích, lý do"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    proposal_number = forms.CharField(label=_("Số tờ trình đề nghị"), required=False, max_length=60)
    proposed_on = forms.DateField(label=_("Ngày đề nghị"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, units, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["collective"].queryset = units
        self.fields["staff"].queryset = staff
        self.fields["staff"].label_from_instance = lambda s: (
            f"{s.full_name} ({s.badge_number or '—'}, {s.unit.name})"
        )
        self.fields["year"].choices = _year_choices(blank=False)
        self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        data = super().clean()
        title = data.get("title")
        if title and title.recipient == RewardTitle.Recipient.INDIVIDUAL and not data.get("staff"):
            self.add_error("staff", _("Danh hiệu này dành cho cá nhân: hãy chọn một người."))
        if title and title.recipient == RewardTitle.Recipient.COLLECTIVE and not data.get("collective"):
            self.add_error("collective", _("Danh hiệu này dành cho tập thể: hãy chọn một đơn vị."))
        if title and title.recipient == RewardTitle.Recipient.INDIVIDUAL:
            data["collective"] = None
        elif title:
            data["staff"] = []
        return data


class BatchDecisionForm(forms.Form):
    """One decision that lists several proposals (as Lao động tiên tiến decisions do)."""

    rewards = forms.ModelMultipleChoiceField(queryset=None, widget=forms.CheckboxSelectMultiple)
    deciding_body = forms.CharField(label=_("Cấp quyết định"), max_length=200)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rewards"].queryset = proposals
        self.fields["rewards"].error_messages["required"] = _("Hãy chọn ít nhất một đề nghị.")


class RewardDecisionForm(forms.Form):
    approved = forms.TypedChoiceField(
        label=_("Kết quả"),
        choices=[("1", _("Quyết định khen thưởng")), ("0", _("Không khen thưởng"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    deciding_body = forms.CharField(label=_("Cấp quyết định"), required=False, max_length=200)
    decision_number = forms.CharField(label=_("Số quyết định"), required=False, max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Ghi chú, lý do"), required=False, max_length=500)


class DisciplineFilterForm(_Filter):
    year = forms.TypedChoiceField(label=_("Năm quyết định"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    form = forms.ChoiceField(label=_("Hình thức"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices()
        self.fields["status"].choices = [("", _("Tất cả"))] + list(DisciplineCase.Status.choices)
        self.fields["form"].choices = [("", _("Tất cả"))] + list(DisciplineForm.choices)


class DisciplineOpenForm(forms.Form):
    staff = forms.ModelChoiceField(label=_("Người bị xem xét"), queryset=None)
    origin = forms.ChoiceField(label=_("Nguồn"), choices=DisciplineCase.Origin.choices)
    origin_reference = forms.CharField(label=_("Số hiệu, tham chiếu nguồn"), required=False, max_length=200)
    origin_url = forms.CharField(label=_("Liên kết nguồn"), required=False, max_length=500)
    facts = forms.CharField(
        label=_("Nội dung vi phạm"), widget=forms.Textarea(attrs={"rows": 5}), max_length=8000
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff
        self.fields["staff"].label_from_instance = lambda s: (
            f"{s.full_name} ({s.badge_number or '—'}, {s.unit.name})"
        )

    def clean_origin_url(self):
        url = self.cleaned_data["origin_url"].strip()
        if url and not (url.startswith("/") or url.startswith("https://") or url.startswith("http://")):
            raise ValidationError(_("Liên kết phải bắt đầu bằng / hoặc http(s)://"))
        return url


class MeetingForm(forms.Form):
    meeting_date = forms.DateField(label=_("Ngày họp kiểm điểm"), widget=DateInput())
    summary = forms.CharField(
        label=_("Kết quả họp"), widget=forms.Textarea(attrs={"rows": 3}), max_length=8000
    )


class DisciplineDecisionForm(forms.Form):
    form = forms.ChoiceField(label=_("Hình thức kỷ luật"))
    deciding_body = forms.CharField(label=_("Cấp quyết định"), max_length=200)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    effective_from = forms.DateField(label=_("Có hiệu lực từ"), required=False, widget=DateInput())
    effective_to = forms.DateField(
        label=_("Hết hiệu lực"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Bỏ trống để tính theo quy định (12 tháng với khiển trách, cảnh cáo, hạ bậc lương, giáng chức)."
        ),
    )

    def __init__(self, *args, allowed_forms, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(DisciplineForm.choices)
        self.fields["form"].choices = [(code, labels[code]) for code in allowed_forms]


class DismissForm(forms.Form):
    note = forms.CharField(
        label=_("Lý do không kỷ luật"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )


class RegulationFilterForm(_Filter):
    on = forms.DateField(label=_("Tình trạng vào ngày"), required=False, widget=DateInput())
    missing = forms.BooleanField(label=_("Chỉ đơn vị chưa có quy chế"), required=False)


class _DocumentFileMixin:
    file_field = "file"

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_upload(upload, kinds=DOCUMENT_KINDS)
        return upload


class RegulationForm(_DocumentFileMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=WorkingRegulation.Kind.choices)
    title = forms.CharField(label=_("Tên văn bản"), max_length=300)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60)
    signed_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    valid_from = forms.DateField(
        label=_("Có hiệu lực từ"),
        required=False,
        widget=DateInput(),
        help_text=_("Bỏ trống: từ ngày ban hành."),
    )
    file = forms.FileField(label=_("Tệp văn bản (PDF, Word)"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RegulationEndForm(forms.Form):
    valid_to = forms.DateField(label=_("Hết hiệu lực từ sau ngày"), widget=DateInput())
    note = forms.CharField(label=_("Lý do bãi bỏ"), max_length=1000)


class DirectiveFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices()
        self.fields["doc_type"].choices = [("", _("Tất cả"))] + list(Directive.DocType.choices)


class DirectiveForm(_DocumentFileMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị theo dõi, nghiệm thu"), queryset=None)
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), choices=Directive.DocType.choices)
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    title = forms.CharField(label=_("Trích yếu"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    file = forms.FileField(label=_("Tệp văn bản (PDF, Word)"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    description = forms.CharField(
        label=_("Nội dung, yêu cầu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Giao cho đơn vị"), queryset=None, widget=forms.SelectMultiple(attrs={"size": 10})
    )
    deadline = forms.DateField(label=_("Hạn hoàn thành (ngày)"), required=False, widget=DateInput())
    working_days = forms.IntegerField(
        label=_("hoặc số ngày làm việc kể từ ngày giao"), required=False, min_value=1, max_value=365
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units


class AssignmentFilterForm(_Filter):
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    overdue = forms.BooleanField(label=_("Chỉ nhiệm vụ quá hạn"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Tất cả"))] + list(TaskAssignment.Status.choices)


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung báo cáo"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000
    )
    is_final = forms.BooleanField(label=_("Đã hoàn thành, đề nghị nghiệm thu"), required=False)
    evidence = forms.FileField(label=_("Tài liệu minh chứng (ảnh, PDF, Word, Excel)"), required=False)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            upload, _kind = cleaned_upload(upload, kinds=EVIDENCE_KINDS)
        return upload


class ReviewForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Kết quả nghiệm thu"),
        choices=[("1", _("Nghiệm thu")), ("0", _("Yêu cầu bổ sung"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    note = forms.CharField(label=_("Ý kiến"), required=False, max_length=1000)
