# EvaluationEvent becomes a congvu.core.events.StateEvent: actor -> by, a by_name kept with the row,
# nullable JSON before/after, `at` defaulting to now, the note as text.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def display_name(user):
    """accounts.User.display_name, on the historical model."""
    if user is None:
        return ""
    if user.staff_id:
        return user.staff.full_name
    return f"{user.first_name} {user.last_name}".strip() or user.username


def fill_by_name(apps, schema_editor):
    EvaluationEvent = apps.get_model("appraisals", "EvaluationEvent")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    user_ids = EvaluationEvent.objects.filter(by__isnull=False).values_list("by_id", flat=True).distinct()
    for user in User.objects.filter(pk__in=user_ids).select_related("staff"):
        EvaluationEvent.objects.filter(by=user).update(by_name=display_name(user)[:150])


class Migration(migrations.Migration):

    dependencies = [
        ("appraisals", "0003_evaluation_reminded_at"),
        ("accounts", "0001_initial"),
        ("people", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="evaluationevent", old_name="actor", new_name="by"),
        migrations.AlterField(
            model_name="evaluationevent",
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
            model_name="evaluationevent",
            name="by_name",
            field=models.CharField(blank=True, default="", max_length=150, verbose_name="tên người thực hiện"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_by_name, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="evaluationevent",
            name="action",
            field=models.CharField(max_length=40, verbose_name="thao tác"),
        ),
        migrations.AlterField(
            model_name="evaluationevent",
            name="at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="thời điểm"),
        ),
        migrations.AlterField(
            model_name="evaluationevent",
            name="before",
            field=models.JSONField(blank=True, null=True, verbose_name="trước"),
        ),
        migrations.AlterField(
            model_name="evaluationevent",
            name="after",
            field=models.JSONField(blank=True, null=True, verbose_name="sau"),
        ),
        migrations.AlterField(
            model_name="evaluationevent",
            name="note",
            field=models.TextField(blank=True, verbose_name="ghi chú"),
        ),
    ]
