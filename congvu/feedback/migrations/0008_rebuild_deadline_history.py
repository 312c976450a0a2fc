"""The deadline history of the cases an install already has, rebuilt from their timeline.

For each case: the two deadlines at receipt (the answer deadline before any recorded extension or
resume), then each extension, pause and resume as the timeline recorded it, and each step done late.
The rules of congvu.feedback.deadlines are applied to the past as they apply now: an extension after
the deadline ran out, a second extension, or the resume of a pause begun late is kept as a row with
`in_force=False` and does not move the deadline in force; `answer_due` is set back to that deadline,
and the stored results (`intake_late`, `answered_late`) are computed from it.

`rebuild` works on the models it is given, so the demo seeds its cases' history with the same code.
"""

import datetime as dt
import re

from django.db import migrations
from django.utils import timezone

DATE_RE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
INTAKE_ACTIONS = {"accepted", "forwarded", "not_accepted", "redirected"}
BATCH = 500


def _dates(text) -> list[dt.date]:
    found = []
    for day, month, year in DATE_RE.findall(str(text or "")):
        try:
            found.append(dt.date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


def _one_date(value):
    dates = _dates(value)
    return dates[0] if dates else None


def _local(moment):
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _history(case, events, step_model):
    """(steps, answer_due in force, intake_decided_at, intake_late, answered_late) of one case."""
    steps = []

    def step(kind, deadline, at, **fields):
        steps.append(step_model(case_id=case.pk, kind=kind, deadline=deadline, at=at, **fields))

    changes = []  # (event, before, after) of the events that moved the answer deadline
    for event in events:
        if event.action == "extended":
            changes.append((event, _one_date(event.before), _one_date(event.after)))
        elif event.action == "resumed":
            moved = _dates(event.note)
            if len(moved) == 2:
                changes.append((event, moved[0], moved[1]))
    at_receipt = next((before for _e, before, _a in changes if before), None) or case.answer_due
    step("dat", "chuyen", case.received_at, after=case.forward_due, rule_code="PAKN-CHUYEN-5NLV")
    step("dat", "tra_loi", case.received_at, after=at_receipt, rule_code="PAKN-THOIHAN-TRALOI")

    due, paused_in_time, extended = at_receipt, None, False
    decided_at, intake_late, answered_late = None, False, None
    for event in events:
        day = _local(event.at)
        if event.action == "paused":
            paused_in_time = due is None or day <= due
            step("tam_dung", "tra_loi", event.at, before=due, after=due, reason=event.note or "")
            steps[-1].in_force = paused_in_time
            if not paused_in_time:
                steps[-1].rule_code = "PAKN-TAMDUNG-SAUHAN"
        elif event.action == "resumed":
            moved = _dates(event.note)
            before, after = (moved + [due, due])[:2] if len(moved) == 2 else (due, due)
            lawful = bool(paused_in_time)
            step("tiep_tuc", "tra_loi", event.at, before=before, after=after, in_force=lawful)
            if lawful:
                due = after
            else:
                steps[-1].rule_code = "PAKN-TAMDUNG-SAUHAN"
            paused_in_time = None
        elif event.action == "extended":
            before, after = _one_date(event.before), _one_date(event.after)
            ran_out = due is not None and day > due and not paused_in_time
            lawful = not extended and not ran_out and after is not None
            step(
                "gia_han",
                "tra_loi",
                event.at,
                before=before,
                after=after,
                reason=event.note or "",
                in_force=lawful,
                rule_code="" if lawful else ("PAKN-GIAHAN-MOTLAN" if extended else "PAKN-GIAHAN-TRUOCHAN"),
            )
            if lawful:
                due, extended = after, True
        elif event.action in INTAKE_ACTIONS and decided_at is None:
            decided_at = event.at
            intake_late = bool(case.forward_due and day > case.forward_due)
            if intake_late:
                kind = "chuyen_tre" if event.action == "forwarded" else "tiep_nhan_tre"
                step(kind, "chuyen", event.at, before=case.forward_due, after=case.forward_due)
                steps[-1].rule_code = "PAKN-CHUYEN-5NLV"
    if case.answered_at:
        answered_late = bool(due and _local(case.answered_at) > due)
        if answered_late:
            step("tra_loi_tre", "tra_loi", case.answered_at, before=due, after=due)
            steps[-1].rule_code = "PAKN-DUNGHAN-THEOHANHIENHANH"
    return steps, due, decided_at, intake_late, answered_late


def _chunks(case_model, cases):
    """The cases in chunks of BATCH. A queryset is read as ids first, then one chunk at a time without
    the long texts (a province's 200,000 cases with their contents would not fit in memory at once); a
    list (the demo's own cases) is taken as it is."""
    if isinstance(cases, list):
        for start in range(0, len(cases), BATCH):
            yield cases[start : start + BATCH]
        return
    ids = list(cases.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        yield list(
            case_model.objects.filter(pk__in=ids[start : start + BATCH])
            .defer("content", "search_folded", "public_content", "public_answer")
            .order_by("pk")
        )


def rebuild(case_model, event_model, step_model, cases=None):
    """Write the deadline history of `cases` (all cases without one when None) and their stored results."""
    if cases is None:
        cases = case_model.objects.filter(deadline_steps__isnull=True).order_by("pk")
    pending_steps, pending_cases = [], []

    def flush():
        step_model.objects.bulk_create(pending_steps, batch_size=BATCH)
        case_model.objects.bulk_update(
            pending_cases,
            ["answer_due", "intake_decided_at", "intake_late", "answered_late"],
            batch_size=BATCH,
        )
        pending_steps.clear()
        pending_cases.clear()

    for chunk in _chunks(case_model, cases):
        events = {}
        for event in event_model.objects.filter(case_id__in=[c.pk for c in chunk]).order_by("at", "pk"):
            events.setdefault(event.case_id, []).append(event)
        for case in chunk:
            steps, due, decided_at, intake_late, answered_late = _history(
                case, events.get(case.pk, []), step_model
            )
            case.answer_due = due
            case.intake_decided_at = decided_at
            case.intake_late = intake_late
            case.answered_late = answered_late
            pending_steps.extend(steps)
            pending_cases.append(case)
        flush()


def forwards(apps, schema_editor):
    rebuild(apps.get_model("feedback", "Case"), apps.get_model("feedback", "CaseEvent"),
            apps.get_model("feedback", "DeadlineStep"))


def backwards(apps, schema_editor):
    apps.get_model("feedback", "DeadlineStep").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0007_deadline_history")]

    operations = [migrations.RunPython(forwards, backwards)]
