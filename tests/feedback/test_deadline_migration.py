"""Upgrading an install whose cases were handled the old way: migration 0008 rebuilds each case's
deadline history from its timeline and applies the rules to the past (a late extension or the resume
of a late pause does not move the deadline in force; lateness is stored)."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from congvu.feedback.models import Case, DeadlineStep
from tests.factories import UnitFactory
from tests.feedback.factories import aware

BEFORE = [("feedback", "0007_deadline_history")]
AFTER = [("feedback", "0008_rebuild_deadline_history")]


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes("feedback")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_case(apps, unit, code, **fields):
    case = apps.get_model("feedback", "Case").objects.create(
        code=code,
        channel="web",
        title="Chậm cấp giấy chứng nhận",
        content="Hồ sơ nộp đã lâu chưa được giải quyết.",
        receiving_unit_id=unit.pk,
        unit_id=unit.pk,
        received_at=aware(2025, 3, 3),  # forward by 10/03, answer by 24/03/2025
        forward_due=dt.date(2025, 3, 10),
        **fields,
    )
    return case


def _event(apps, case, action, at, before=None, after=None, note=""):
    apps.get_model("feedback", "CaseEvent").objects.create(
        case_id=case.pk, action=action, at=at, before=before, after=after, note=note, by_name="Cán bộ"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pakn_giahan_truochan_upgrade_rebuilds_the_history_of_old_cases():
    unit = UnitFactory(code="X-MIG-PA")
    old = migrate(BEFORE)
    # Extended on 1 April, after its deadline of 24 March ran out, then answered on 3 April.
    laundered = _old_case(
        old,
        unit,
        "PA-OLD-1",
        status="da_tra_loi",
        answer_due=dt.date(2025, 4, 8),
        extended=True,
        answered_at=aware(2025, 4, 3),
        decision="xu_ly",
    )
    _event(old, laundered, "received", aware(2025, 3, 3), after="Mới tiếp nhận")
    _event(old, laundered, "accepted", aware(2025, 3, 12), before="Mới tiếp nhận", after="Đang xử lý")
    _event(
        old,
        laundered,
        "extended",
        aware(2025, 4, 1),
        before="24/03/2025",
        after="08/04/2025",
        note="Xác minh",
    )
    _event(old, laundered, "answered", aware(2025, 4, 3), after="Đã trả lời")
    # Paused in time (14 March), resumed 21 March: the deadline moved lawfully by 5 working days.
    timely = _old_case(old, unit, "PA-OLD-2", status="dang_xu_ly", answer_due=dt.date(2025, 3, 31))
    _event(old, timely, "accepted", aware(2025, 3, 4))
    _event(old, timely, "paused", aware(2025, 3, 14))
    _event(old, timely, "resumed", aware(2025, 3, 21), note="24/03/2025 → 31/03/2025")
    # Paused after the deadline (26 March), resumed 2 April: the old code moved the deadline anyway.
    late_pause = _old_case(old, unit, "PA-OLD-3", status="dang_xu_ly", answer_due=dt.date(2025, 3, 29))
    _event(old, late_pause, "forwarded", aware(2025, 3, 5))
    _event(old, late_pause, "paused", aware(2025, 3, 26))
    _event(old, late_pause, "resumed", aware(2025, 4, 2), note="24/03/2025 → 29/03/2025")

    migrate(AFTER)
    migrate(latest())  # the models below are today's
    laundered, timely, late_pause = (Case.objects.get(code=f"PA-OLD-{n}") for n in (1, 2, 3))

    steps = list(laundered.deadline_steps.values_list("kind", "deadline", "before", "after", "in_force"))
    assert steps[:2] == [
        ("dat", "chuyen", None, dt.date(2025, 3, 10), True),
        ("dat", "tra_loi", None, dt.date(2025, 3, 24), True),
    ]
    assert ("gia_han", "tra_loi", dt.date(2025, 3, 24), dt.date(2025, 4, 8), False) in steps
    assert laundered.deadline_steps.get(kind="gia_han").rule_code == "PAKN-GIAHAN-TRUOCHAN"
    assert laundered.answer_due == dt.date(2025, 3, 24)  # the deadline in force when it ran out
    assert laundered.answered_late and laundered.answered_on_time is False
    assert laundered.intake_late and laundered.deadline_steps.filter(kind="tiep_nhan_tre").exists()
    assert laundered.deadline_steps.filter(kind="tra_loi_tre", before=dt.date(2025, 3, 24)).exists()

    assert timely.answer_due == dt.date(2025, 3, 31) and not timely.intake_late
    assert list(timely.deadline_steps.filter(kind="tiep_tuc").values_list("in_force", flat=True)) == [True]

    assert late_pause.answer_due == dt.date(2025, 3, 24)
    assert list(
        late_pause.deadline_steps.filter(kind__in=["tam_dung", "tiep_tuc"]).values_list("in_force", flat=True)
    ) == [False, False]
    assert not late_pause.intake_late  # forwarded on 5 March, within the 5 working days
    assert (
        DeadlineStep.objects.filter(case__code__startswith="PA-OLD").count() == 6 + 3 + 2 + 2
    )  # receipt; late extension and two late steps; two pauses and resumes
