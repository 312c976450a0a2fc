# InspectionEvent becomes a congvu.core.events.StateEvent: actor -> by, a by_name kept with the row,
# before/after as JSON (the old short strings become JSON strings, empty ones null), `at` defaulting to
# now, the note as text; and a plan subject, so that a plan's creation is a step of the plan's timeline.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from congvu.core.tablemoves import check_constraints_now


def display_name(user):
    """accounts.User.display_name, on the historical model."""
    if user.staff_id:
        return user.staff.full_name
    return f"{user.first_name} {user.last_name}".strip() or user.username


def fill_by_name(apps, schema_editor):
    InspectionEvent = apps.get_model("inspections", "InspectionEvent")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    user_ids = InspectionEvent.objects.filter(by__isnull=False).values_list("by_id", flat=True).distinct()
    for user in User.objects.filter(pk__in=user_ids).select_related("staff"):
        InspectionEvent.objects.filter(by=user).update(by_name=display_name(user)[:150])


def copy_states_to_json(apps, schema_editor):
    InspectionEvent = apps.get_model("inspections", "InspectionEvent")
    changed = []
    for event in InspectionEvent.objects.only("pk", "before", "after").iterator(chunk_size=2000):
        event.before_json = event.before or None
        event.after_json = event.after or None
        if event.before_json is not None or event.after_json is not None:
            changed.append(event)
        if len(changed) >= 2000:
            InspectionEvent.objects.bulk_update(changed, ["before_json", "after_json"])
            changed = []
    InspectionEvent.objects.bulk_update(changed, ["before_json", "after_json"])


def copy_states_to_text(apps, schema_editor):
    InspectionEvent = apps.get_model("inspections", "InspectionEvent")
    changed = []
    for event in InspectionEvent.objects.only("pk", "before_json", "after_json").iterator(chunk_size=2000):
        event.before = "" if event.before_json is None else str(event.before_json)[:40]
        event.after = "" if event.after_json is None else str(event.after_json)[:40]
        changed.append(event)
    InspectionEvent.objects.bulk_update(changed, ["before", "after"], batch_size=2000)


def link_plans(apps, schema_editor):
    """A plan's creation was written with its unit, year and title only: find the plan again."""
    InspectionEvent = apps.get_model("inspections", "InspectionEvent")
    InspectionPlan = apps.get_model("inspections", "InspectionPlan")
    for event in InspectionEvent.objects.filter(action="plan_created", plan__isnull=True):
        year = event.after
        if not (isinstance(year, str) and year.isdigit()):
            continue
        plans = list(InspectionPlan.objects.filter(unit_id=event.unit_id, year=int(year), title=event.note)[:2])
        if len(plans) == 1:
            event.plan = plans[0]
            event.save(update_fields=["plan"])


class Migration(migrations.Migration):

    dependencies = [
        ("inspections", "0002_visit_save_key"),
        ("accounts", "0001_initial"),
        ("people", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="inspectionevent", old_name="actor", new_name="by"),
        migrations.AlterField(
            model_name="inspectionevent",
            name="by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="người thực hiện",
            ),
        ),
        migrations.AddField(
            model_name="inspectionevent",
            name="by_name",
            field=models.CharField(blank=True, default="", max_length=150, verbose_name="tên người thực hiện"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_by_name, migrations.RunPython.noop),
        migrations.RunPython(check_constraints_now, check_constraints_now),
        migrations.AddField(
            model_name="inspectionevent",
            name="before_json",
            field=models.JSONField(null=True),
        ),
        migrations.AddField(
            model_name="inspectionevent",
            name="after_json",
            field=models.JSONField(null=True),
        ),
        migrations.RunPython(copy_states_to_json, copy_states_to_text),
        migrations.RunPython(check_constraints_now, check_constraints_now),
        migrations.RemoveField(model_name="inspectionevent", name="before"),
        migrations.RemoveField(model_name="inspectionevent", name="after"),
        migrations.RenameField(model_name="inspectionevent", old_name="before_json", new_name="before"),
        migrations.RenameField(model_name="inspectionevent", old_name="after_json", new_name="after"),
        migrations.AlterField(
            model_name="inspectionevent",
            name="before",
            field=models.JSONField(blank=True, null=True, verbose_name="trước"),
        ),
        migrations.AlterField(
            model_name="inspectionevent",
            name="after",
            field=models.JSONField(blank=True, null=True, verbose_name="sau"),
        ),
        migrations.AddField(
            model_name="inspectionevent",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="events",
                to="inspections.inspectionplan",
            ),
        ),
        migrations.RunPython(link_plans, migrations.RunPython.noop),
        migrations.RunPython(check_constraints_now, check_constraints_now),
        migrations.AlterField(
            model_name="inspectionevent",
            name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="thời điểm"),
        ),
        migrations.AlterField(
            model_name="inspectionevent",
            name="note",
            field=models.TextField(blank=True, verbose_name="ghi chú"),
        ),
    ]
