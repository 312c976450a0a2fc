import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def fill_by_name(apps, schema_editor):
    RatingEvent = apps.get_model("ratings", "RatingEvent")
    for event in RatingEvent.objects.filter(by__isnull=False).select_related("by__staff"):
        user = event.by
        full_name = f"{user.first_name} {user.last_name}".strip()
        event.by_name = (user.staff.full_name if user.staff_id else full_name) or user.username
        event.save(update_fields=["by_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("ratings", "0002_rating_unit_period_level_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="ratingevent", old_name="actor", new_name="by"),
        migrations.AlterField(
            model_name="ratingevent",
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
            model_name="ratingevent",
            name="by_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="tên người thực hiện"),
        ),
        migrations.RunPython(fill_by_name, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="ratingevent",
            name="at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="thời điểm"
            ),
        ),
        migrations.AlterField(
            model_name="ratingevent",
            name="action",
            field=models.CharField(max_length=40, verbose_name="thao tác"),
        ),
        migrations.AlterField(
            model_name="ratingevent",
            name="before",
            field=models.JSONField(blank=True, null=True, verbose_name="trước"),
        ),
        migrations.AlterField(
            model_name="ratingevent",
            name="after",
            field=models.JSONField(blank=True, null=True, verbose_name="sau"),
        ),
        migrations.AlterField(
            model_name="ratingevent",
            name="note",
            field=models.TextField(blank=True, verbose_name="ghi chú"),
        ),
    ]
