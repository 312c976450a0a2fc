from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput, UnitFilterForm, year_choices
from congvu.discipline.models import DisciplineCase, DisciplineForm


class DisciplineFilterForm(UnitFilterForm):
    year = forms.TypedChoiceField(label=_("Năm quyết định"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    form = forms.ChoiceField(label=_("Hình thức"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
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
    in_official_duty = forms.TypedChoiceField(
        label=_("Hành vi vi phạm"),
        choices=[
            ("1", _("Vi phạm trong thực thi nhiệm vụ, công vụ")),
            ("0", _("Vi phạm ngoài thực thi nhiệm vụ, công vụ")),
        ],
        coerce=lambda value: value == "1",
        help_text=_(
            "Từ năm 2026, chỉ kỷ luật vì vi phạm liên quan đến hoạt động công vụ buộc xếp loại không hoàn "
            "thành nhiệm vụ (Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c)."
        ),
    )
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
