"""The rule book: every legal rule congvu enforces, with its source, its validity and its enforcer.

Each app declares its rules in its `rulebook.py` (found by `congvu.core.plugins`), one `Rule` per rule:

    FORWARD_IN_5_DAYS = Rule(
        code="PAKN-CHUYEN-5NLV",
        area=Area.FEEDBACK,
        title=_("Chuyển phản ánh không thuộc thẩm quyền trong 5 ngày làm việc"),
        source=Source("Nghị định 20/2008/NĐ-CP", "Điều 9", "khoản 1 điểm d"),
        enforced_by="congvu.feedback.deadlines.check_forward_on_time",
    )

and the enforcing function refuses with `FORWARD_IN_5_DAYS.refuse(message, field=...)`, so that the
user reads which rule stopped them and where it comes from. The tests that prove a rule are named after
its code (`test_pakn_chuyen_5nlv_…`); tests/test_rulebook.py checks that every rule has one.

Where the law leaves a choice to the province, the rule names the setting that holds the choice
(`setting`, with the admin page that edits it), so the rule book page shows the choice beside the law.
"""

import datetime as dt
import importlib
from dataclasses import dataclass, field
from enum import Enum

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congvu.core.plugins import app_modules


class Area(Enum):
    FEEDBACK = "feedback"
    APPRAISALS = "appraisals"
    CALENDAR = "calendar"

    @property
    def label(self):
        return {
            Area.FEEDBACK: gettext_lazy("Phản ánh, kiến nghị"),
            Area.APPRAISALS: gettext_lazy("Đánh giá, xếp loại chất lượng"),
            Area.CALENDAR: gettext_lazy("Lịch ngày làm việc"),
        }[self]


@dataclass(frozen=True)
class Source:
    """Where a rule comes from: a legal document and, inside it, the article and clause."""

    document: str
    article: str = ""
    clause: str = ""

    def __str__(self):
        return ", ".join(part for part in (self.document, self.article, self.clause) if part)


@dataclass(frozen=True)
class Setting:
    """A choice the law leaves to the province: what it is, its legal basis, where it is edited."""

    label: str | Promise
    basis: str | Promise
    admin_url_name: str = ""  # e.g. "admin:feedback_deadlinerule_changelist"


@dataclass(frozen=True)
class Rule:
    code: str
    area: Area
    title: str | Promise
    source: Source
    enforced_by: str  # dotted path of the one function that enforces it
    applies_from: dt.date | None = None
    applies_to: dt.date | None = None
    explanation: str | Promise = ""
    setting: Setting | None = None
    extra_sources: tuple[Source, ...] = field(default=())

    @property
    def test_prefix(self) -> str:
        """The name every test proving this rule starts with."""
        return "test_" + self.code.lower().replace("-", "_")

    def applies_on(self, day: dt.date) -> bool:
        if self.applies_from and day < self.applies_from:
            return False
        return not (self.applies_to and day > self.applies_to)

    def applies_in_year(self, year: int) -> bool:
        """Whether the rule is in force on any day of the year."""
        if self.applies_from and self.applies_from.year > year:
            return False
        return not (self.applies_to and self.applies_to.year < year)

    def citation(self) -> str:
        return _("Quy tắc %(code)s: %(source)s") % {"code": self.code, "source": self.source}

    def message(self, text) -> str:
        """The user's message followed by the rule and its source, in the user's language."""
        return f"{text} ({self.citation()})"

    def refuse(self, text, *, field: str | None = None):
        """Raise the refusal: a ValidationError naming this rule and its source."""
        error = ValidationError(self.message(text), code=self.code)
        raise ValidationError({field: error}) if field else error

    def enforcer(self):
        module_name, _dot, name = self.enforced_by.rpartition(".")
        return getattr(importlib.import_module(module_name), name)


def all_rules() -> list[Rule]:
    """Every rule declared in the apps' `rulebook.py` modules, by area then code."""
    found = []
    for module in app_modules("rulebook"):
        found.extend(value for value in vars(module).values() if isinstance(value, Rule))
    return sorted(found, key=lambda rule: (list(Area).index(rule.area), rule.code))


def rules_by_area() -> list[tuple[Area, list[Rule]]]:
    rules = all_rules()
    return [(area, [rule for rule in rules if rule.area == area]) for area in Area]
