from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from congvu.core.models import AuditEvent


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
