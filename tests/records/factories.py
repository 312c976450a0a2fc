import datetime as dt

import factory

from congvu.records.demo import ensure_default_titles
from congvu.records.models import (
    Directive,
    DirectiveTask,
    DisciplineCase,
    Reward,
    RewardTitle,
    TaskAssignment,
    TaskReport,
    WorkingRegulation,
)
from tests.factories import StaffFactory, UnitFactory


def title(code="lao-dong-tien-tien"):
    """The default titles come from a data migration; tests that flush the database (browser journeys)
    remove them, so they are created again when missing."""
    if not RewardTitle.objects.filter(code=code).exists():
        ensure_default_titles()
    return RewardTitle.objects.get(code=code)


class RewardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reward

    unit = factory.SubFactory(UnitFactory)
    title = factory.LazyFunction(title)
    year = 2025
    staff = factory.SubFactory(StaffFactory, unit=factory.SelfAttribute("..unit"))
    reason = "Hoàn thành tốt nhiệm vụ"
    proposed_on = dt.date(2025, 12, 1)


class DisciplineCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DisciplineCase

    unit = factory.SubFactory(UnitFactory)
    staff = factory.SubFactory(StaffFactory, unit=factory.SelfAttribute("..unit"))
    origin = DisciplineCase.Origin.OTHER
    facts = "Đi muộn nhiều lần"
    opened_on = dt.date(2025, 3, 1)


class WorkingRegulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingRegulation

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Quy chế làm việc số {n}")
    number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    signed_on = dt.date(2018, 1, 15)
    valid_from = dt.date(2018, 1, 15)


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive

    unit = factory.SubFactory(UnitFactory)
    doc_type = Directive.DocType.PLAN
    issuing_body = "UBND tỉnh"
    number = factory.Sequence(lambda n: f"{n}/KH-UBND")
    issued_on = dt.date(2026, 1, 5)
    title = factory.Sequence(lambda n: f"Kế hoạch thử nghiệm {n}")


class DirectiveTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectiveTask

    directive = factory.SubFactory(DirectiveFactory)
    title = factory.Sequence(lambda n: f"Nhiệm vụ {n}")


class TaskAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskAssignment

    task = factory.SubFactory(DirectiveTaskFactory)
    unit = factory.SubFactory(UnitFactory)
    assigned_on = dt.date(2026, 1, 10)
    deadline = dt.date(2026, 3, 31)


class TaskReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskReport

    assignment = factory.SubFactory(TaskAssignmentFactory)
    text = "Đã thực hiện"
    reported_on = dt.date(2026, 2, 1)
