"""Form pieces every app uses: the dd/mm/yyyy date box, a service's refusal shown on a form, the filter
of a list page and what it hands its selector, the year picker, an office-document upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.models import AuditEvent
from congvu.core.uploads import OFFICE, PDF, check_upload


class DateInput(forms.DateInput):
    """dd/mm/yyyy text box: what Vietnamese users type; the browser's picker is not reliable here."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", **(attrs or {})}, format="%d/%m/%Y"
        )


def apply_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field when the form has it, else at the top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Hành động"), required=False)
    actor = forms.CharField(label=_("Người thực hiện"), required=False, max_length=150)
    object_type = forms.ChoiceField(label=_("Loại bản ghi"), required=False)
    text = forms.CharField(label=_("Nội dung"), required=False, max_length=200)
    date_from = forms.DateField(label=_("Từ ngày"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Đến ngày"), required=False, widget=DateInput())

    def __init__(self, *args, object_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Tất cả"))] + list(AuditEvent.Action.choices)
        distinct = sorted({value for value in object_types.distinct() if value}) if object_types else []
        self.fields["object_type"].choices = [("", _("Tất cả"))] + [(value, value) for value in distinct]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


DOCUMENT_KINDS = (PDF, OFFICE)
FIRST_YEAR = 2015


def year_choices(blank=True):
    """Next year back to FIRST_YEAR, newest first; with an "all years" entry when `blank`."""
    this_year = timezone.localdate().year
    choices = [(str(y), str(y)) for y in range(this_year + 1, FIRST_YEAR - 1, -1)]
    return ([("", _("Tất cả các năm"))] if blank else []) + choices


class UnitFilterForm(forms.Form):
    """A register's filter: free text and one unit of the user's scope (`units`)."""

    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả đơn vị")
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class DocumentFileMixin:
    """A form whose `file` field takes a PDF or office document."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_upload(upload, kinds=DOCUMENT_KINDS)
        return upload


def filters_of(form) -> dict:
    """The values of a list page's filter form for its selector: nothing when the page was opened
    without filters or they are not valid; the free-text box `q` is passed as `query`."""
    if not (form.is_bound and form.is_valid()):
        return {}
    values = dict(form.cleaned_data)
    if "q" in values:
        values["query"] = values.pop("q")
    return values
