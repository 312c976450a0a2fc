from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput, UnitFilterForm, year_choices
from congvu.rewards.models import Reward, RewardTitle


class RewardFilterForm(UnitFilterForm):
    year = forms.TypedChoiceField(label=_("Năm"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    title = forms.ModelChoiceField(
        label=_("Danh hiệu"), queryset=RewardTitle.objects.all(), required=False, empty_label=_("Tất cả")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
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
        self.fields["year"].choices = year_choices(blank=False)
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
