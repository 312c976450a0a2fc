from django import forms
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput
from congvu.people.models import LeaveKind, StaffCategory

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả đơn vị")
    )
    category = forms.ChoiceField(label=_("Loại"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["category"].choices = [("", _("Tất cả"))] + list(StaffCategory.choices)


class StaffImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":
            raise forms.ValidationError(_("Tệp không phải Excel .xlsx."))
        return upload


class TransferForm(forms.Form):
    to_unit = forms.ModelChoiceField(label=_("Đến đơn vị"), queryset=None)
    effective_date = forms.DateField(label=_("Ngày có hiệu lực"), widget=DateInput())
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units


class LeaveForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại nghỉ"), choices=LeaveKind.choices)
    start = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    end = forms.DateField(label=_("Đến ngày"), widget=DateInput())
    document = forms.CharField(label=_("Số văn bản, quyết định"), max_length=100, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)
