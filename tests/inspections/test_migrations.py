"""Upgrading an install whose inspection timeline has rows: the StateEvent migration keeps every step
(on PostgreSQL it must not leave deferred checks pending before it alters the table it updated)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from congvu.inspections.models import InspectionEvent
from tests.factories import UnitFactory, UserFactory

BEFORE = [("inspections", "0002_visit_save_key")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_inspection_events_survive_the_upgrade():
    unit, user = UnitFactory(code="X-MIG"), UserFactory(username="doan-truong", first_name="Trưởng đoàn")
    migrate(BEFORE)
    with connection.cursor() as cursor:
        for before, after in (("draft", "submitted"), ("", "closed")):
            cursor.execute(
                "INSERT INTO inspections_inspectionevent (unit_id, actor_id, at, action, before, after, note)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [unit.pk, user.pk, "2024-05-06 02:00:00", "visit_step", before, after, ""],
            )
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    steps = list(InspectionEvent.objects.order_by("pk").values_list("by", "by_name", "before", "after"))
    assert [(by, before, after) for by, _name, before, after in steps] == [
        (user.pk, "draft", "submitted"),
        (user.pk, None, "closed"),
    ]
    assert all(name for _by, name, _before, _after in steps)
