"""The demo's feedback cases have a lawful deadline history, seeded by the same code as the upgrade."""

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q

from congvu.feedback.intake_rules import ground_holds
from congvu.feedback.models import COMPLAINT_KINDS, Case, DeadlineStep, Status

pytestmark = pytest.mark.django_db


def test_pakn_thoihan_traloi_demo_cases_keep_a_lawful_deadline_history():
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    cases = Case.objects.filter(is_demo=True)
    assert cases.exists()
    receipt = cases.annotate(n=Count("deadline_steps", filter=Q(deadline_steps__kind=DeadlineStep.Kind.SET)))
    assert not receipt.exclude(n=2).exists()  # the forwarding and the answer deadline of each case
    assert not DeadlineStep.objects.filter(case__is_demo=True, in_force=False).exists()
    for case in cases.filter(status=Status.NOT_ACCEPTED):
        assert ground_holds(case, case.refusal_ground, confirmed=False)
    assert not cases.filter(kind__in=COMPLAINT_KINDS).exclude(status=Status.REDIRECTED).exists()
    assert not cases.filter(status=Status.PAUSED, paused_on__gt=F("answer_due")).exists()
    answered = cases.filter(status=Status.ANSWERED)
    assert not answered.filter(answered_late__isnull=True).exists()
    assert (
        answered.filter(answered_late=True).count()
        == DeadlineStep.objects.filter(case__is_demo=True, kind=DeadlineStep.Kind.LATE_ANSWER).count()
    )
