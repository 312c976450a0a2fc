import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.appraisals.models import Level
from congvu.core.forms import DateInput

LEVEL_CHOICES = [("", "—"), *Level.choices]
GROUP_CHOICES = [("", _("Tất cả")), ("cbcc", _("Cán bộ, công chức")), ("vc", _("Viên chức"))]


class OpenCycleForm(forms.Form):
    year = forms.IntegerField(label=_("Năm đánh giá"), min_value=2015, max_value=2100)
    scope_unit = forms.ModelChoiceField(label=_("Phạm vi (đơn vị)"), queryset=None)
    deadline = forms.DateField(label=_("Hạn hoàn thành"), required=False, widget=DateInput())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope_unit"].queryset = units
        self.fields["year"].initial = timezone.localdate().year


class SelfAssessmentForm(forms.Form):
    self_assessment = forms.CharField(
        label=_("Bản tự đánh giá"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    self_level = forms.ChoiceField(label=_("Tự xếp loại"), choices=LEVEL_CHOICES, required=False)

    def __init__(self, *args, rule_set, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule_set = rule_set
        self.periods = []
        if rule_set.uses_points:
            self.fields["general_score"] = forms.DecimalField(
                label=_("Điểm tiêu chí chung (tối đa %(n)s)") % {"n": rule_set.general_points},
                min_value=0,
                max_value=rule_set.general_points,
                decimal_places=2,
            )
            count = 4 if rule_set.scoring_period == "quarter" else 12
            label = _("Quý %(n)s") if count == 4 else _("Tháng %(n)s")
            for number in range(1, count + 1):
                names = (f"tasks_{number}", f"errors_{number}", f"late_{number}")
                for name in names:
                    self.fields[name] = forms.IntegerField(
                        required=False,
                        min_value=0,
                        max_value=500,
                        widget=forms.NumberInput(attrs={"class": "narrow"}),
                    )
                self.periods.append((label % {"n": number}, [self[name] for name in names]))

    def period_values(self) -> list[tuple[int, int, int, int]]:
        values = []
        for number in range(1, len(self.periods) + 1):
            tasks = self.cleaned_data.get(f"tasks_{number}") or 0
            if tasks:
                values.append(
                    (
                        number,
                        tasks,
                        self.cleaned_data.get(f"errors_{number}") or 0,
                        self.cleaned_data.get(f"late_{number}") or 0,
                    )
                )
        return values


class MeetingForm(forms.Form):
    meeting_date = forms.DateField(label=_("Ngày họp"), widget=DateInput())
    meeting_chair = forms.CharField(label=_("Chủ trì"), max_length=150)
    meeting_attendees = forms.IntegerField(label=_("Số người dự họp"), min_value=1, max_value=5000)
    meeting_minutes = forms.CharField(
        label=_("Biên bản họp"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )

    def clean_meeting_date(self):
        day = self.cleaned_data["meeting_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày họp không thể ở tương lai."))
        return day


class MeetingResultForm(forms.Form):
    meeting_comment = forms.CharField(
        label=_("Ý kiến nhận xét tại cuộc họp"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    votes_excellent = forms.IntegerField(label=_("Phiếu xuất sắc"), min_value=0, initial=0)
    votes_good = forms.IntegerField(label=_("Phiếu tốt"), min_value=0, initial=0)
    votes_completed = forms.IntegerField(label=_("Phiếu hoàn thành"), min_value=0, initial=0)
    votes_not_completed = forms.IntegerField(label=_("Phiếu không hoàn thành"), min_value=0, initial=0)
    previous_unit_comment = forms.CharField(
        label=_("Nhận xét, điểm của đơn vị cũ (người điều động trong năm)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )
    party_comment = forms.CharField(
        label=_("Nhận xét của cấp ủy (với lãnh đạo, quản lý)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )

    def votes(self) -> dict:
        data = self.cleaned_data
        return {
            Level.EXCELLENT: data["votes_excellent"],
            Level.GOOD: data["votes_good"],
            Level.COMPLETED: data["votes_completed"],
            Level.NOT_COMPLETED: data["votes_not_completed"],
        }


class ProposalForm(forms.Form):
    level = forms.ChoiceField(label=_("Mức đề xuất"), choices=Level.choices)
    proposal_note = forms.CharField(
        label=_("Ý kiến đề xuất"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )


class DecisionForm(forms.Form):
    level = forms.ChoiceField(label=_("Xếp loại"), choices=Level.choices)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)


class EthicsFindingForm(forms.Form):
    """The competent authority's finding on degradation of ideology, ethics or lifestyle."""

    ethical_degradation = forms.TypedChoiceField(
        label=_("Kết luận của cấp có thẩm quyền"),
        choices=[
            ("1", _("Có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống")),
            ("0", _("Không có biểu hiện suy thoái")),
        ],
        coerce=lambda value: value == "1",
    )
    ethics_finding_document = forms.CharField(
        label=_("Văn bản kết luận (số, ngày, cơ quan ban hành)"), max_length=200
    )


class OutstandingUnitForm(forms.Form):
    """The unit's recognition as outstanding in the year, which lifts its ceiling on "excellent"."""

    decision_number = forms.CharField(label=_("Số quyết định công nhận đơn vị tiêu biểu"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())


class CorrectionForm(forms.Form):
    level = forms.ChoiceField(label=_("Xếp loại đính chính"), choices=Level.choices)
    decision_number = forms.CharField(label=_("Số quyết định đính chính"), max_length=60)
    correction_reason = forms.CharField(
        label=_("Lý do đính chính"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )


class ComplaintForm(forms.Form):
    complaint = forms.CharField(
        label=_("Nội dung khiếu nại"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class ComplaintOutcomeForm(forms.Form):
    complaint_outcome = forms.CharField(
        label=_("Kết quả giải quyết khiếu nại"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    new_level = forms.ChoiceField(
        label=_("Xếp loại sau giải quyết (nếu thay đổi)"), choices=LEVEL_CHOICES, required=False
    )
    decision_number = forms.CharField(label=_("Số quyết định (nếu thay đổi)"), max_length=60, required=False)

    def clean(self):
        data = super().clean()
        if data.get("new_level") and not data.get("decision_number"):
            self.add_error("decision_number", _("Thay đổi xếp loại cần số quyết định."))
        return data


class ResultsFilterForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    group = forms.ChoiceField(label=_("Đối tượng"), choices=GROUP_CHOICES, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        # Validated against every unit in scope; the view offers only the nearby ones (a province has
        # thousands of units).
        self.fields["unit"].queryset = units


class DrillDownForm(ResultsFilterForm):
    level = forms.ChoiceField(label=_("Mức"), choices=[("", _("Tất cả")), *Level.choices], required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))


def current_year() -> int:
    return dt.date.today().year
