"""Reminders before the deadline and escalation when overdue go out once, even with two loops."""

import datetime as dt

import pytest
from django.core.management import call_command

from congvu.core.models import Notification
from congvu.feedback import reminders, services
from tests.feedback.factories import aware, make_case

pytestmark = pytest.mark.django_db


def test_reminder_then_escalation_each_once(ward, handler, unit_head, programme_office):
    case = make_case(ward, received_at=aware(2026, 3, 2))  # due 23/03/2026
    services.decide_intake(case, by=handler, decision="xu_ly")
    services.assign(case, by=unit_head, unit=ward, handler=handler)
    assert reminders.run_due(aware(2026, 3, 18)) == 0
    assert reminders.run_due(aware(2026, 3, 19)) == 1  # 2 working days before
    assert reminders.run_due(aware(2026, 3, 19)) == 0
    assert Notification.objects.filter(user=handler, kind="feedback.reminder").count() == 1
    assert reminders.run_due(aware(2026, 3, 24)) == 1
    assert reminders.run_due(aware(2026, 3, 25)) == 0
    escalated = set(
        Notification.objects.filter(kind="feedback.overdue").values_list("user__username", flat=True)
    )
    assert escalated == {unit_head.username, programme_office.username}


def test_two_concurrent_loops_send_once(ward, handler, monkeypatch):
    case = make_case(ward, received_at=aware(2026, 3, 2))
    services.decide_intake(case, by=handler, decision="xu_ly")
    # Simulate the other loop winning the claim between our read and our update.
    from congvu.core import reminders as core

    original = core.claim
    calls = []

    def racing_claim(queryset, **marker):
        calls.append(1)
        original(queryset, **marker)  # the other copy claims first
        return original(queryset, **marker)

    monkeypatch.setattr(reminders, "claim", racing_claim)
    assert reminders.run_due(aware(2026, 3, 24)) == 0
    assert calls


def test_paused_cases_are_not_escalated(ward, handler):
    case = make_case(ward, received_at=aware(2026, 3, 2))
    services.decide_intake(case, by=handler, decision="xu_ly")
    services.pause(case, by=handler, reason="Chờ bổ sung", today=dt.date(2026, 3, 10))
    assert reminders.run_due(aware(2026, 4, 1)) == 0


def test_run_reminders_once_discovers_every_app(ward, capsys):
    call_command("run_reminders", "--once")
    assert "feedback:" in capsys.readouterr().out
