"""Builders for plans, tasks, assignments and reports in tests."""

import datetime as dt

import factory

from congvu.plans.models import Directive, DirectiveTask, TaskAssignment, TaskReport
from tests.factories import UnitFactory


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
