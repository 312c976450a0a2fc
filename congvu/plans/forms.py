from django import forms
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput, DocumentFileMixin, UnitFilterForm, year_choices
from congvu.core.uploads import OFFICE, PDF, cleaned_upload
from congvu.plans.models import Directive, TaskAssignment

EVIDENCE_KINDS = ("image", PDF, OFFICE)


class DirectiveFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
        self.fields["doc_type"].choices = [("", _("Tất cả"))] + list(Directive.DocType.choices)


class DirectiveForm(DocumentFileMixin, forms.Form):
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


class AssignmentFilterForm(UnitFilterForm):
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
