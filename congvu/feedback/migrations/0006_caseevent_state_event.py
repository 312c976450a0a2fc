"""CaseEvent becomes a congvu.core.events.StateEvent: actor → by, actor_name → by_name, and the
before/after texts become JSON values (a text stays the same text; an empty one becomes null)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

BATCH = 2000


def texts_to_json(apps, schema_editor):
    CaseEvent = apps.get_model("feedback", "CaseEvent")
    batch = []
    for event in CaseEvent.objects.only("pk", "before", "after").iterator(chunk_size=BATCH):
        event.before_json = event.before or None
        event.after_json = event.after or None
        batch.append(event)
        if len(batch) >= BATCH:
            CaseEvent.objects.bulk_update(batch, ["before_json", "after_json"])
            batch = []
    CaseEvent.objects.bulk_update(batch, ["before_json", "after_json"])


def json_to_texts(apps, schema_editor):
    CaseEvent = apps.get_model("feedback", "CaseEvent")
    batch = []
    for event in CaseEvent.objects.only("pk", "before_json", "after_json").iterator(chunk_size=BATCH):
        event.before = "" if event.before_json is None else str(event.before_json)[:300]
        event.after = "" if event.after_json is None else str(event.after_json)[:300]
        batch.append(event)
        if len(batch) >= BATCH:
            CaseEvent.objects.bulk_update(batch, ["before", "after"])
            batch = []
    CaseEvent.objects.bulk_update(batch, ["before", "after"])


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0005_case_unit_received_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="caseevent", old_name="actor", new_name="by"),
        migrations.RenameField(model_name="caseevent", old_name="actor_name", new_name="by_name"),
        migrations.AlterField(
            model_name="caseevent",
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
        migrations.AlterField(
            model_name="caseevent",
            name="by_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="tên người thực hiện"),
        ),
        migrations.AddField(model_name="caseevent", name="before_json", field=models.JSONField(null=True)),
        migrations.AddField(model_name="caseevent", name="after_json", field=models.JSONField(null=True)),
        migrations.RunPython(texts_to_json, json_to_texts),
        migrations.RemoveField(model_name="caseevent", name="before"),
        migrations.RemoveField(model_name="caseevent", name="after"),
        migrations.RenameField(model_name="caseevent", old_name="before_json", new_name="before"),
        migrations.RenameField(model_name="caseevent", old_name="after_json", new_name="after"),
        migrations.AlterField(
            model_name="caseevent",
            name="before",
            field=models.JSONField(blank=True, null=True, verbose_name="trước"),
        ),
        migrations.AlterField(
            model_name="caseevent",
            name="after",
            field=models.JSONField(blank=True, null=True, verbose_name="sau"),
        ),
        migrations.AlterField(
            model_name="caseevent",
            name="action",
            field=models.CharField(max_length=40, verbose_name="thao tác"),
        ),
        migrations.AlterField(
            model_name="caseevent",
            name="at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="thời điểm"
            ),
        ),
        migrations.AlterField(
            model_name="caseevent",
            name="note",
            field=models.TextField(blank=True, verbose_name="ghi chú"),
        ),
    ]
