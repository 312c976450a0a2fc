from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role, User
from congvu.core.forms import DateInput
from congvu.inspections.models import Finding, Severity, TeamMember, TemplateVersion

DATE_FORMATS = ["%d/%m/%Y"]


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=DateInput(), input_formats=DATE_FORMATS)


class PlanForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị tổ chức"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=300)
    decision_number = forms.CharField(label=_("Số kế hoạch/quyết định"), max_length=60, required=False)
    decision_date = _date(_("Ngày ban hành"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["year"].initial = timezone.localdate().year


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Nội dung đợt kiểm tra"), max_length=300)
    start_date = _date(_("Từ ngày"))
    end_date = _date(_("Đến ngày"))
    team_decision_number = forms.CharField(
        label=_("Số quyết định thành lập đoàn"), max_length=60, required=False
    )
    team_decision_date = _date(_("Ngày quyết định"), required=False)
    announced = forms.BooleanField(label=_("Có báo trước cho đơn vị"), required=False, initial=True)
    template_version = forms.ModelChoiceField(label=_("Bộ tiêu chí"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template_version"].queryset = TemplateVersion.objects.filter(
            published_at__isnull=False
        ).select_related("template")

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Thành viên"), queryset=None)
    role = forms.ChoiceField(
        label=_("Vai trò"), choices=TeamMember.Role.choices, initial=TeamMember.Role.MEMBER
    )
    title = forms.CharField(label=_("Chức vụ, đơn vị công tác"), max_length=200, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(
                is_active=True,
                roles__role__in=[Role.INSPECTOR, Role.PROGRAMME_OFFICE],
                roles__unit__in=units,
            )
            .distinct()
            .order_by("username")
        )


class VisitScheduleForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị được kiểm tra"), queryset=None)
    date = _date(_("Ngày kiểm tra"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class FindingDecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Hình thức xử lý"),
        choices=[c for c in Finding.Action.choices if c[0]],
        widget=forms.RadioSelect,
    )
    severity = forms.ChoiceField(label=_("Mức độ"), choices=Severity.choices)
    officials = forms.ModelMultipleChoiceField(
        label=_("Cán bộ liên quan"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    content = forms.CharField(
        label=_("Nội dung nhắc nhở / yêu cầu khắc phục / đề nghị"), widget=forms.Textarea(attrs={"rows": 4})
    )
    working_days = forms.IntegerField(
        label=_("Thời hạn khắc phục (ngày làm việc)"), min_value=1, max_value=90, required=False
    )

    def __init__(self, *args, officials, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officials"].queryset = officials

    def clean(self):
        data = super().clean()
        if data.get("action") == Finding.Action.REMEDIAL and not data.get("working_days"):
            self.add_error("working_days", _("Nhập thời hạn khắc phục."))
        if data.get("action") in (Finding.Action.REMINDER, Finding.Action.DISCIPLINE) and not data.get(
            "officials"
        ):
            self.add_error("officials", _("Chọn ít nhất một cán bộ liên quan."))
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class TaskReportForm(forms.Form):
    report = forms.CharField(label=_("Kết quả khắc phục"), widget=forms.Textarea(attrs={"rows": 4}))
    files = MultipleFileField(label=_("Tệp minh chứng (ảnh, PDF, Word, Excel)"), required=False)


class TaskReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Ý kiến"),
        choices=[("accept", _("Nghiệm thu")), ("return", _("Trả lại để khắc phục tiếp"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Nhận xét"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("note") or "").strip():
            self.add_error("note", _("Ghi rõ lý do trả lại để đơn vị khắc phục tiếp."))
        return data


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Tên nhóm tiêu chí"), max_length=200)


class ItemForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Nhóm tiêu chí"), queryset=None)
    code = forms.SlugField(label=_("Mã tiêu chí"), max_length=50)
    text = forms.CharField(label=_("Nội dung kiểm tra"), max_length=400)
    default_severity = forms.ChoiceField(label=_("Mức độ mặc định"), choices=Severity.choices)
    legal_basis = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = version.sections.all()


class RegisterFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    q = forms.CharField(label=_("Đơn vị"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from congvu.inspections.models import Visit

        self.fields["status"].choices = [("", _("Tất cả"))] + list(Visit.Status.choices)
