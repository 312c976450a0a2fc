"""Time worked in the year, and the absence rules of the annual evaluation.

How months are counted (exactly, in days):
- the time in service in the year runs from the later of the start of employment and 1 January to the
  earlier of the end of employment and 31 December (transfers between units do not interrupt it);
- every leave period (congvu.people LeavePeriod) inside that time is time not worked;
- "at least N months" means at least as many days as the N calendar months that end on the person's last
  day of service in the year: with service to 31 December, 6 months are the 184 days from 1 July, so a
  person who started on 1 July worked exactly 6 months and one who started on 2 July did not; with
  service from 1 January to 30 June, 6 months are those 181 days. For one unbroken period this is the
  calendar rule exactly; with leave in between it counts the days actually worked against that span.
- `Evaluation.months_worked` is the number of whole months so counted, so "months_worked < 6" and the
  exact rule always agree.

The absence rules (Decree 90/2020/NĐ-CP, Art. 2.3, as in force with Decree 48/2023/NĐ-CP, 2020–2025):
- under 6 months worked in the year: not classified (DG-DUOI6THANG-KHONGXEPLOAI);
- except maternity leave: the classification is that of the time actually worked, so maternity leave
  counts as time in service for the 6 months (DG-THAISAN-THOIGIANTHUCTE);
- a lawful absence (sick leave, other leave the law allows) of 3 months or more in the year: evaluated,
  but not classified "Hoàn thành tốt nhiệm vụ" or better (DG-VANG-3DEN6THANG). The decree says "from 3 to
  under 6 months" because 6 months or more of absence normally leaves under 6 months worked; a person
  absent exactly 6 months who still worked 6 months is capped too, never rated better than one absent
  for 5.
Outside those years the rule set's minimum (`RuleSet.min_months_worked`) is applied with the same exact
count, without the maternity exception or the cap, whose texts for Decree 56/2015 and 335/2025 are still
to be checked.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congvu.appraisals.models import Evaluation, Level, RuleSet
from congvu.core.rules import Area, Rule, Source
from congvu.people.models import LAWFUL_ABSENCES, LeaveKind
from congvu.people.selectors import leave_periods_between

DECREE_90 = "Nghị định 90/2020/NĐ-CP"
DECREE_48 = Source("Nghị định 48/2023/NĐ-CP", "Điều 1")
FROM_2020, TO_2025 = dt.date(2020, 1, 1), dt.date(2025, 12, 31)

RULE_UNDER_6_MONTHS = Rule(
    code="DG-DUOI6THANG-KHONGXEPLOAI",
    area=Area.APPRAISALS,
    title=gettext_lazy("Công tác trong năm dưới 06 tháng thì không xếp loại chất lượng"),
    source=Source(DECREE_90, "Điều 2", "khoản 3"),
    extra_sources=(DECREE_48,),
    enforced_by="congvu.appraisals.absence.not_rated_reason",
    applies_from=FROM_2020,
    applies_to=TO_2025,
    explanation=gettext_lazy(
        "Số tháng được tính chính xác theo ngày: thời gian công tác trong năm trừ các thời gian nghỉ, "
        "so với số ngày của 6 tháng dương lịch kết thúc vào ngày công tác cuối cùng trong năm."
    ),
)
RULE_MATERNITY = Rule(
    code="DG-THAISAN-THOIGIANTHUCTE",
    area=Area.APPRAISALS,
    title=gettext_lazy(
        "Nghỉ chế độ thai sản: xếp loại theo kết quả của thời gian làm việc thực tế trong năm"
    ),
    source=Source(DECREE_90, "Điều 2", "khoản 3"),
    extra_sources=(DECREE_48,),
    enforced_by="congvu.appraisals.absence.months_counted",
    applies_from=FROM_2020,
    applies_to=TO_2025,
    explanation=gettext_lazy(
        "Thời gian nghỉ thai sản được tính vào thời gian công tác khi xét đủ 6 tháng; "
        "người không có ngày làm việc thực tế nào trong năm thì không xếp loại."
    ),
)
RULE_ABSENCE_3_TO_6 = Rule(
    code="DG-VANG-3DEN6THANG",
    area=Area.APPRAISALS,
    title=gettext_lazy(
        "Nghỉ theo quy định từ 03 tháng đến dưới 06 tháng: không xếp loại từ hoàn thành tốt nhiệm vụ trở lên"
    ),
    source=Source(DECREE_90, "Điều 2", "khoản 3"),
    extra_sources=(DECREE_48,),
    enforced_by="congvu.appraisals.absence.absence_limit",
    applies_from=FROM_2020,
    applies_to=TO_2025,
    explanation=gettext_lazy(
        "Tính nghỉ ốm đau và nghỉ khác theo quy định của pháp luật (không tính nghỉ thai sản); "
        "mức cao nhất là Hoàn thành nhiệm vụ."
    ),
)
ABSENCE_LIMIT_LEVEL = Level.COMPLETED
ABSENCE_CAP_MONTHS = 3
LEAVE_QUERY_CHUNK = 5000


# Counting -------------------------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), on the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def days_of_months_ending(last_day: dt.date, months: int) -> int:
    """The number of days of the `months` calendar months that end on `last_day` (both ends counted)."""
    after = last_day + dt.timedelta(days=1)
    return (after - add_months(after, -months)).days


def whole_months(days: int, last_day: dt.date | None) -> int:
    """The whole months (0–12) that `days` make, counted back from `last_day`."""
    if not days or last_day is None:
        return 0
    months = 0
    while months < 12 and days >= days_of_months_ending(last_day, months + 1):
        months += 1
    return months


def _overlap_days(start: dt.date, end: dt.date, first: dt.date, last: dt.date) -> int:
    return max(0, (min(end, last) - max(start, first)).days + 1)


@dataclass(frozen=True)
class YearAccount:
    """A person's time in the year: in service, worked, and away by kind of leave (all in days)."""

    year: int
    first_day: dt.date | None  # of service in the year; None when not employed in it
    last_day: dt.date | None
    service_days: int = 0
    maternity_days: int = 0
    lawful_absence_days: int = 0
    other_absence_days: int = 0
    last_lawful_absence_day: dt.date | None = None

    @property
    def worked_days(self) -> int:
        return self.service_days - self.maternity_days - self.lawful_absence_days - self.other_absence_days

    @property
    def months_worked(self) -> int:
        """Whole months actually worked: what `Evaluation.months_worked` shows."""
        return whole_months(self.worked_days, self.last_day)

    @property
    def lawful_absence_months(self) -> int:
        return whole_months(self.lawful_absence_days, self.last_lawful_absence_day)


def year_account(employed_from, employed_to, leave_periods, year: int) -> YearAccount:
    """The account of one person's year from the employment dates and the leave periods (any order)."""
    first = max(employed_from or dt.date(year, 1, 1), dt.date(year, 1, 1))
    last = min(employed_to or dt.date(year, 12, 31), dt.date(year, 12, 31))
    if last < first:
        return YearAccount(year=year, first_day=None, last_day=None)
    by_kind = {kind: 0 for kind in LeaveKind.values}
    last_lawful = None
    for period in leave_periods:
        days = _overlap_days(period.start, period.end, first, last)
        if not days:
            continue
        by_kind[period.kind] += days
        if period.kind in LAWFUL_ABSENCES:
            last_lawful = max(last_lawful or first, min(period.end, last))
    return YearAccount(
        year=year,
        first_day=first,
        last_day=last,
        service_days=(last - first).days + 1,
        maternity_days=by_kind[LeaveKind.MATERNITY],
        lawful_absence_days=sum(by_kind[kind] for kind in LAWFUL_ABSENCES),
        other_absence_days=by_kind[LeaveKind.UNLAWFUL],
        last_lawful_absence_day=last_lawful,
    )


def accounts_for(people, year: int) -> dict[int, YearAccount]:
    """The year's account of each person of `people` (Staff), with one query per 5,000 people for the leave."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    people, leave = list(people), {}
    ids = [person.pk for person in people]
    for offset in range(0, len(ids), LEAVE_QUERY_CHUNK):  # SQLite limits the parameters of one query
        leave |= leave_periods_between(ids[offset : offset + LEAVE_QUERY_CHUNK], start, end)
    return {
        person.pk: year_account(person.employed_from, person.employed_to, leave.get(person.pk, []), year)
        for person in people
    }


def account_of(evaluation: Evaluation) -> YearAccount:
    """The account of the evaluated person's year as the records stand now."""
    staff = evaluation.staff
    start, end = dt.date(evaluation.year, 1, 1), dt.date(evaluation.year, 12, 31)
    leave = leave_periods_between([staff.pk], start, end).get(staff.pk, [])
    return year_account(staff.employed_from, staff.employed_to, leave, evaluation.year)


# The rules ------------------------------------------------------------------------------------------------


def months_counted(account: YearAccount) -> int:
    """The whole months that count towards the minimum: the months worked, plus maternity leave in the
    years DG-THAISAN-THOIGIANTHUCTE applies."""
    days = account.worked_days
    if RULE_MATERNITY.applies_in_year(account.year):
        days += account.maternity_days
    return whole_months(days, account.last_day)


def _not_rated(rule_set: RuleSet, account: YearAccount) -> tuple[str, Rule | None]:
    """Why the person is not classified ("" when they are), and the rule that says so (None when the
    rule set's minimum decides in a year no declared rule covers)."""
    if months_counted(account) < rule_set.min_months_worked:
        text = _(
            "Công tác %(months)s tháng (%(days)s ngày) trong năm, dưới %(minimum)s tháng: không xếp loại"
        ) % {
            "months": account.months_worked,
            "days": account.worked_days,
            "minimum": rule_set.min_months_worked,
        }
        return text, RULE_UNDER_6_MONTHS if RULE_UNDER_6_MONTHS.applies_in_year(account.year) else None
    if account.worked_days <= 0 and RULE_MATERNITY.applies_in_year(account.year):
        text = _(
            "Nghỉ thai sản cả thời gian công tác trong năm, không có thời gian làm việc thực tế: không xếp loại"
        )
        return text, RULE_MATERNITY
    return "", None


def not_rated_reason(rule_set: RuleSet, account: YearAccount) -> str:
    """Why the person is not classified this year, naming the rule, or "" when they are."""
    text, rule = _not_rated(rule_set, account)
    return rule.message(text) if rule and text else text


def refuse_if_not_rated(evaluation: Evaluation) -> None:
    """Refuse to classify a person who, with the leave recorded since the cycle opened, is not rated."""
    text, rule = _not_rated(evaluation.rule_set, account_of(evaluation))
    if not text:
        return
    if rule is None:
        raise ValidationError(text)
    rule.refuse(text)


def absence_limit(evaluation: Evaluation) -> tuple[str, str, Rule] | None:
    """The highest level a lawful absence of 3 months or more allows (with the reason and the rule), or
    None. One of the level limits of the decision, like discipline and the quota."""
    if not RULE_ABSENCE_3_TO_6.applies_in_year(evaluation.year):
        return None
    account = account_of(evaluation)
    if account.lawful_absence_months < ABSENCE_CAP_MONTHS:
        return None
    reason = _(
        "Nghỉ ốm đau, nghỉ theo quy định %(days)s ngày trong năm (từ 3 tháng trở lên): "
        "không xếp loại từ Hoàn thành tốt nhiệm vụ trở lên"
    ) % {"days": account.lawful_absence_days}
    return ABSENCE_LIMIT_LEVEL, reason, RULE_ABSENCE_3_TO_6
