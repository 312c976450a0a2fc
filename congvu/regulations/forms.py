from django import forms
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput, DocumentFileMixin, UnitFilterForm
from congvu.regulations.models import WorkingRegulation


class RegulationFilterForm(UnitFilterForm):
    on = forms.DateField(label=_("Tình trạng vào ngày"), required=False, widget=DateInput())
    missing = forms.BooleanField(label=_("Chỉ đơn vị chưa có quy chế"), required=False)


class RegulationForm(DocumentFileMixin, forms.Form):
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
