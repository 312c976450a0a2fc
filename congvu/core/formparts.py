"""Form pieces the registers share: a year picker, a search-and-unit filter, an office-document upload."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.uploads import OFFICE, PDF, check_upload

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
