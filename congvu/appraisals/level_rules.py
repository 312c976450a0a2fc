"""The one place where a level is checked: personal limits and the group's ceiling on "excellent".

Personal limits. Each function of `LIMITS` looks at one evaluation and returns None, or
`(highest allowed level, reason, rule)`. `check_level` takes the strictest. Adding a limit is one line
in `LIMITS`; a limit module (such as `congvu.appraisals.absence`) must not import this module, so it
returns a plain tuple.

How a limit acts, on every path the same way:
- the decision (`services.decide`) follows the law whatever was proposed: the level is forced down to
  the highest allowed and the reason is recorded (`Evaluation.forced_reason`);
- every write where a person states the level (proposal, correction, spreadsheet import, API) is
  refused with the rule's message when the level is above the limit.

The ceiling. "Excellent" may be at most a share of a group (the unit's cycle × CBCC or VC; for results
imported without a cycle, the unit × year × CBCC or VC). `ceiling_for` counts it; while the unit is
still deciding, people not yet decided count with their proposal, or as possibly good (the largest
base the group can still reach), so an early refusal never refuses a state that could end lawful.
`check_ceiling` refuses a group over its cap; publication, correction and import call it with the
decided levels only.
"""

import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from congvu.appraisals import absence, rulebook
from congvu.appraisals.models import CBCC, Evaluation, Level, QuotaBase
from congvu.core.rules import Rule
from congvu.discipline.selectors import discipline_decisions_in_year

ORDER = list(Level.values)  # best first


def rank(level: str) -> int:
    """0 for the best level."""
    return ORDER.index(level)


def better_than(level: str, other: str) -> bool:
    return rank(level) < rank(other)


# Personal limits ---------------------------------------------------------------------------------------


def _form_labels(decisions) -> str:
    from congvu.discipline.models import DisciplineForm

    labels = dict(DisciplineForm.choices)
    return "; ".join(
        _("%(form)s, quyết định %(number)s ngày %(date)s")
        % {
            "form": labels.get(d["form"], d["form"]),
            "number": d["decision_number"] or "—",
            "date": d["decision_date"].strftime("%d/%m/%Y"),
        }
        for d in decisions
    )


def discipline_limit(evaluation: Evaluation):
    """Discipline decided in the evaluation year, as the year's rule set says (see rulebook)."""
    forms = set(evaluation.rule_set.forcing_discipline_forms or [])
    decisions = [
        d for d in discipline_decisions_in_year(evaluation.staff, evaluation.year) if d["form"] in forms
    ]
    if not decisions:
        return None
    year = evaluation.year
    on_duty = [d for d in decisions if d["in_official_duty"]]
    if year <= 2019:
        return (
            Level.COMPLETED,
            _("Bị kỷ luật trong năm (%(d)s)") % {"d": _form_labels(decisions)},
            (rulebook.DISCIPLINE_56),
        )
    if year <= 2022:
        if on_duty:
            reason = _("Bị kỷ luật vì vi phạm trong thực thi nhiệm vụ (%(d)s)") % {"d": _form_labels(on_duty)}
            return Level.NOT_COMPLETED, reason, rulebook.DISCIPLINE_90
        reason = _("Bị kỷ luật trong năm (%(d)s)") % {"d": _form_labels(decisions)}
        return Level.COMPLETED, reason, rulebook.DISCIPLINE_90
    if year <= 2025:
        reason = _("Bị kỷ luật trong năm đánh giá (%(d)s)") % {"d": _form_labels(decisions)}
        return Level.NOT_COMPLETED, reason, rulebook.DISCIPLINE_48
    if evaluation.category in CBCC:
        if not on_duty:
            return None  # off-duty discipline does not force the level under Decree 335/2025
        reason = _("Bị kỷ luật vì vi phạm liên quan đến hoạt động công vụ (%(d)s)") % {
            "d": _form_labels(on_duty)
        }
        return Level.NOT_COMPLETED, reason, rulebook.DISCIPLINE_ON_DUTY_335
    reason = _("Bị kỷ luật trong năm (%(d)s)") % {"d": _form_labels(decisions)}
    return Level.NOT_COMPLETED, reason, rulebook.DISCIPLINE_VC_2026


def ethics_limit(evaluation: Evaluation):
    """A finding of the competent authority of degradation of ideology, ethics or lifestyle."""
    if not (evaluation.ethical_degradation and evaluation.ethics_finding_document):
        return None
    if not evaluation.rule_set.ethics_forces_not_completed or evaluation.year < 2020:
        return None
    rule = rulebook.ETHICS_90 if evaluation.year <= 2025 else rulebook.ETHICS_335
    reason = _(
        "Cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống (%(doc)s)"
    ) % {"doc": evaluation.ethics_finding_document}
    return Level.NOT_COMPLETED, reason, rule


# Every rule limiting one person's level.
LIMITS = [discipline_limit, ethics_limit, absence.absence_limit]


@dataclass(frozen=True)
class Checked:
    level: str
    reason: str = ""  # why the level is limited ("" when nothing limits it)
    rule: Rule | None = None


def strictest_limit(evaluation: Evaluation) -> Checked | None:
    """The lowest "highest allowed level" among the limits, with its reason and rule."""
    found = [limit for limit in (function(evaluation) for function in LIMITS) if limit]
    if not found:
        return None
    level, reason, rule = max(found, key=lambda limit: rank(limit[0]))
    return Checked(level, reason, rule)


def check_level(evaluation: Evaluation, level: str, *, at: str) -> Checked:
    """The level that may be written for `evaluation`: forced down when deciding, refused elsewhere.

    `at` names the write: "decide" forces; "propose", "correct", "import", "api" refuse."""
    if level not in Level.values:
        raise ValidationError({"level": _("Mức xếp loại không hợp lệ.")})
    # Leave recorded since the cycle opened can make the person not rated at all.
    absence.refuse_if_not_rated(evaluation)
    limit = strictest_limit(evaluation)
    if limit is None:
        return Checked(level)
    if not better_than(level, limit.level):
        return Checked(level, limit.reason if level == limit.level else "", limit.rule)
    if at == "decide":
        return limit
    limit.rule.refuse(
        _("%(person)s không thể xếp loại “%(level)s”: %(reason)s; mức cao nhất là “%(highest)s”.")
        % {
            "person": evaluation.staff.full_name,
            "level": Level(level).label,
            "reason": limit.reason,
            "highest": Level(limit.level).label,
        },
        field="level",
    )


# The ceiling over a group ------------------------------------------------------------------------------


def categories_of(category: str) -> tuple:
    return CBCC if category in CBCC else (category,)


def group_q(evaluation: Evaluation) -> Q:
    """The same agency and task group: the unit's cycle (or, without a cycle, the unit and year) and
    the category group (CBCC or VC)."""
    categories = categories_of(evaluation.category)
    if evaluation.unit_cycle_id:
        return Q(unit_cycle_id=evaluation.unit_cycle_id, category__in=categories, is_current=True)
    return Q(unit_id=evaluation.unit_id, year=evaluation.year, category__in=categories, is_current=True)


@dataclass(frozen=True)
class Ceiling:
    excellent: int
    base: int
    cap: int
    percent: int
    base_label: str
    outstanding: bool

    @property
    def over(self) -> bool:
        return self.excellent > self.cap

    def numbers(self) -> dict:
        return {
            "count": self.excellent,
            "cap": self.cap,
            "percent": self.percent,
            "base": self.base,
            "base_label": self.base_label,
        }


def _in_base(level: str, quota_base: str) -> bool:
    if quota_base == QuotaBase.RATED:
        return True
    if quota_base == QuotaBase.GOOD:
        return level == Level.GOOD
    return level in (Level.EXCELLENT, Level.GOOD)


def ceiling_for(
    evaluation: Evaluation, *, overrides: dict | None = None, decided_only: bool = False
) -> Ceiling:
    """The group's count of "excellent" and its cap, with `overrides` ({pk: level}) applied.

    `decided_only`: count decided levels only (publication, and a unit already published); otherwise
    the undecided count with their proposal, or as possibly good."""
    overrides = overrides or {}
    rule_set = evaluation.rule_set
    rows = (
        Evaluation.objects.filter(group_q(evaluation))
        .exclude(status=Evaluation.Status.NOT_RATED)
        .values_list("pk", "level", "proposed_level")
    )
    excellent = base = 0
    seen = set()
    for pk, level, proposed in rows:
        seen.add(pk)
        effective = overrides.get(pk) or level or ("" if decided_only else proposed)
        if effective == Level.EXCELLENT:
            excellent += 1
        if effective:
            base += _in_base(effective, rule_set.quota_base)
        elif not decided_only:
            base += _in_base(Level.GOOD, rule_set.quota_base)  # may still be rated good
    for pk, level in overrides.items():  # rows not saved yet (an import)
        if pk not in seen:
            excellent += level == Level.EXCELLENT
            base += _in_base(level, rule_set.quota_base)
    unit_cycle = evaluation.unit_cycle if evaluation.unit_cycle_id else None
    outstanding = bool(unit_cycle and unit_cycle.is_recognised_outstanding)
    percent = rule_set.outstanding_unit_quota_percent if outstanding else rule_set.excellent_quota_percent
    return Ceiling(
        excellent=excellent,
        base=base,
        cap=math.floor(base * percent / 100),
        percent=percent,
        base_label=str(QuotaBase(rule_set.quota_base).label).lower(),
        outstanding=outstanding,
    )


def group_label(category: str) -> str:
    return str(_("cán bộ, công chức") if category in CBCC else _("viên chức"))


def check_ceiling(
    evaluation: Evaluation, *, overrides: dict | None = None, decided_only: bool = True, field=None
):
    """Refuse when the group of `evaluation` (with `overrides`) has more "excellent" than its cap."""
    ceiling = ceiling_for(evaluation, overrides=overrides, decided_only=decided_only)
    if ceiling.over:
        rule = rulebook.OUTSTANDING_UNIT if ceiling.outstanding else rulebook.EXCELLENT_CEILING
        rule.refuse(
            _(
                "Nhóm %(group)s của %(unit)s năm %(year)s: %(count)s người hoàn thành xuất sắc nhiệm vụ, "
                "vượt mức tối đa %(cap)s (%(percent)s%% của %(base)s người, tính trên %(base_label)s)."
            )
            % {
                "group": group_label(evaluation.category),
                "unit": evaluation.unit.name,
                "year": evaluation.year,
                **ceiling.numbers(),
            },
            field=field,
        )
    return ceiling
