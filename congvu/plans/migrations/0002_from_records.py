"""Plans and directives were part of the `records` app: copy an existing install's rows (same ids,
same file paths). The last of the four apps that came out of `records`: it then drops the old tables
and forgets the old app's migrations."""

from django.db import migrations

from congvu.core import tablemoves

MODELS = {
    "directive": "records_directive",
    "directivetask": "records_directivetask",
    "taskassignment": "records_taskassignment",
    "taskreport": "records_taskreport",
}
# Children first.
OLD_TABLES = [
    "records_recordevent",
    "records_taskreport",
    "records_taskassignment",
    "records_directivetask",
    "records_directive",
    "records_workingregulation",
    "records_disciplinecase",
    "records_reward",
    "records_rewardtitle",
]


def forwards(apps, schema_editor):
    if not tablemoves.has_table(schema_editor, "records_directive"):
        return
    models = [apps.get_model("plans", name) for name in MODELS]
    PlanEvent = apps.get_model("plans", "PlanEvent")
    if tablemoves.is_empty(schema_editor, models[0]._meta.db_table):
        for model, old_table in zip(models, MODELS.values(), strict=True):
            tablemoves.copy_rows(schema_editor, model, old_table)
        names = tablemoves.display_names(schema_editor)
        tablemoves.copy_events(
            schema_editor,
            PlanEvent,
            "records_recordevent",
            {"directive": "directive_id", "assignment": "assignment_id"},
            names,
        )
        tablemoves.reset_sequences(schema_editor, [*models, PlanEvent])
        tablemoves.rename_audit_types(schema_editor, {f"records.{name}": f"plans.{name}" for name in MODELS})
        # The old event model's content type (and the permissions on it) goes to the plans' events.
        tablemoves.move_content_types(
            apps, "records", "plans", {**{name: name for name in MODELS}, "recordevent": "planevent"}
        )
    tablemoves.drop_tables(schema_editor, OLD_TABLES)
    tablemoves.forget_migrations(schema_editor, "records")


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("rewards", "0002_from_records"),
        ("discipline", "0002_from_records"),
        ("regulations", "0002_from_records"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
