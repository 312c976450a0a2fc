import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.core.forms import DateInput
from congvu.ratings.models import (
    GOOD_REASONS,
    LOW_REASONS,
    WHOLE_DAY,
    Counter,
    Level,
    PaperForm,
    Session,
    SipasElement,
)
from congvu.units.models import UnitType


class ResultsFilterForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả"))
    date_from = forms.DateField(label=_("Từ ngày"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Đến ngày"), required=False, widget=DateInput())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class CounterForm(forms.ModelForm):
    class Meta:
        model = Counter
        fields = ["unit", "code", "name", "fields_served"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units.filter(unit_type=UnitType.ONE_STOP)
        self.fields["code"].help_text = _("Viết liền, không dấu, ví dụ LS-P-TAMTHANH-Q1.")

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not code.replace("-", "").replace("_", "").isalnum():
            raise forms.ValidationError(_("Mã quầy chỉ gồm chữ không dấu, số và dấu gạch."))
        return code


class RosterForm(forms.Form):
    staff = forms.ModelChoiceField(label=_("Cán bộ trực"), queryset=None)
    date = forms.DateField(label=_("Ngày"), widget=DateInput())
    session = forms.ChoiceField(label=_("Buổi"), choices=[(WHOLE_DAY, _("Cả ngày"))] + list(Session.choices))

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff
        self.fields["date"].initial = timezone.localdate()


class PairForm(forms.Form):
    name = forms.CharField(label=_("Tên thiết bị"), max_length=100, required=False)


class HideCommentForm(forms.Form):
    reason = forms.CharField(label=_("Lý do ẩn"), max_length=300)


class PublicRatingForm(forms.Form):
    level = forms.ChoiceField(label=_("Mức độ hài lòng"), choices=Level.choices, widget=forms.RadioSelect)
    reasons = forms.MultipleChoiceField(
        label=_("Lý do"),
        choices=LOW_REASONS + GOOD_REASONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comment = forms.CharField(
        label=_("Ý kiến khác"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    dossier_code = forms.CharField(
        label=_("Mã hồ sơ (nếu có)"),
        max_length=40,
        required=False,
        help_text=_("In trên giấy tiếp nhận hồ sơ và hẹn trả kết quả. Mỗi hồ sơ được đánh giá một lần."),
    )

    def clean(self):
        # The page shows only the reasons that fit the chosen level (a chip ticked before the citizen
        # changed their mind is hidden, not unticked), so a reason of the other kind is not kept:
        # "Nhanh chóng" must never count among the reasons behind a "Không hài lòng".
        data = super().clean()
        level, reasons = data.get("level"), data.get("reasons") or []
        if level:
            fitting = {
                code for code, _label in (LOW_REASONS if level == Level.NOT_SATISFIED else GOOD_REASONS)
            }
            data["reasons"] = [code for code in reasons if code in fitting]
        return data


class BatchForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    form = forms.ModelChoiceField(label=_("Mẫu phiếu"), queryset=PaperForm.objects.none())
    collected_on = forms.DateField(label=_("Ngày thu phiếu"), widget=DateInput())
    label = forms.CharField(label=_("Ký hiệu tập phiếu"), max_length=100, required=False)
    declared_count = forms.IntegerField(
        label=_("Số phiếu trong tập"), min_value=1, max_value=5000, required=False
    )

    def __init__(self, *args, units=None, paper_forms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["form"].queryset = paper_forms
        self.fields["collected_on"].initial = timezone.localdate()

    def clean_collected_on(self):
        day = self.cleaned_data["collected_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày thu phiếu không thể ở tương lai."))
        if day < dt.date(2010, 1, 1):
            raise forms.ValidationError(_("Ngày thu phiếu không hợp lệ."))
        return day


class PaperEntryForm(forms.Form):
    """One paper form: one radio group per question (keys 1–9 pick a choice), official and dossier."""

    def __init__(self, *args, batch=None, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(batch.form.questions.prefetch_related("choices"))
        self.fields["staff"] = forms.ModelChoiceField(
            label=_("Cán bộ được đánh giá"), queryset=staff, required=False
        )
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=f"{question.order}. {question.text}",
                choices=[
                    (str(c.pk), f"{i}. {c.label}") for i, c in enumerate(question.choices.all(), start=1)
                ],
                widget=forms.RadioSelect,
                required=False,
            )
        self.fields["dossier_code"] = forms.CharField(label=_("Mã hồ sơ"), max_length=40, required=False)
        self.fields["comment"] = forms.CharField(
            label=_("Ý kiến ghi trên phiếu"),
            max_length=1000,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )

    def clean(self):
        data = super().clean()
        answers = {}
        for question in self.questions:
            value = data.get(f"q{question.pk}")
            if value:
                choice = next((c for c in question.choices.all() if str(c.pk) == value), None)
                if choice is None:
                    self.add_error(f"q{question.pk}", _("Phương án không hợp lệ."))
                else:
                    answers[question] = choice
        if not answers and not self.errors:
            raise forms.ValidationError(_("Phiếu trống: chọn ít nhất một câu trả lời."))
        data["answers"] = answers
        return data


DEFAULT_CHOICES = "Rất hài lòng | very_satisfied\nHài lòng | satisfied\nKhông hài lòng | not_satisfied"


class PaperFormEditor(forms.Form):
    """A paper form in plain text: one question per line, one answer choice per line."""

    unit = forms.ModelChoiceField(label=_("Đơn vị ban hành"), queryset=None)
    code = forms.CharField(label=_("Mã phiếu"), max_length=40)
    title = forms.CharField(label=_("Tên phiếu"), max_length=200)
    valid_from = forms.DateField(label=_("Áp dụng từ"), widget=DateInput())
    questions = forms.CharField(
        label=_("Câu hỏi"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Mỗi dòng một câu hỏi: yếu tố | nội dung | chung (ghi “chung” ở câu tính là đánh giá cán bộ). "
            "Yếu tố: access, procedure, official, result, feedback, criteria_766."
        ),
    )
    choices = forms.CharField(
        label=_("Phương án trả lời"),
        widget=forms.Textarea(attrs={"rows": 4}),
        initial=DEFAULT_CHOICES,
        help_text=_("Mỗi dòng một phương án: nhãn | mức độ (very_satisfied, satisfied, not_satisfied)."),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not code.replace("-", "").replace("_", "").isalnum():
            raise forms.ValidationError(_("Mã phiếu chỉ gồm chữ không dấu, số và dấu gạch."))
        return code

    def clean_questions(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["questions"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) < 2 or parts[0] not in SipasElement.values or not parts[1]:
                raise forms.ValidationError(
                    _("Dòng %(n)d: cần “yếu tố | nội dung”, yếu tố là một trong %(codes)s.")
                    % {"n": number, "codes": ", ".join(SipasElement.values)}
                )
            if len(parts[1]) > 300:
                raise forms.ValidationError(_("Dòng %(n)d: câu hỏi tối đa 300 ký tự.") % {"n": number})
            overall = len(parts) > 2 and parts[2].lower() in {"chung", "x", "overall"}
            rows.append((parts[0], parts[1], overall))
        if not rows:
            raise forms.ValidationError(_("Cần ít nhất một câu hỏi."))
        if sum(1 for row in rows if row[2]) > 1:
            raise forms.ValidationError(_("Chỉ một câu hỏi được đánh dấu “chung”."))
        return rows

    def clean_choices(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["choices"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 2 or parts[1] not in Level.values or not parts[0] or len(parts[0]) > 150:
                raise forms.ValidationError(
                    _(
                        "Dòng %(n)d: cần “nhãn | mức độ”, mức độ là very_satisfied, satisfied hoặc not_satisfied."
                    )
                    % {"n": number}
                )
            rows.append((parts[0], parts[1]))
        if len(rows) < 2 or len(rows) > 9:
            raise forms.ValidationError(_("Cần từ 2 đến 9 phương án trả lời."))
        return rows

    @classmethod
    def initial_for(cls, form):
        questions = list(form.questions.prefetch_related("choices"))
        first = questions[0].choices.all() if questions else []
        return {
            "unit": form.unit_id,
            "code": form.code,
            "title": form.title,
            "valid_from": form.valid_from,
            "questions": "\n".join(
                f"{q.element} | {q.text}" + (" | chung" if q.is_overall else "") for q in questions
            ),
            "choices": "\n".join(f"{c.label} | {c.level}" for c in first) or DEFAULT_CHOICES,
        }
