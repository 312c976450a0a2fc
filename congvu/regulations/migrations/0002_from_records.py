"""Working regulations were part of the `records` app: copy an existing install's rows (same ids,
same file paths)."""

from django.db import migrations

from congvu.core import tablemoves


def forwards(apps, schema_editor):
    WorkingRegulation = apps.get_model("regulations", "WorkingRegulation")
    RegulationEvent = apps.get_model("regulations", "RegulationEvent")
    if not tablemoves.has_table(schema_editor, "records_workingregulation"):
        return
    if not tablemoves.is_empty(schema_editor, WorkingRegulation._meta.db_table):
        return  # already copied
    tablemoves.copy_rows(schema_editor, WorkingRegulation, "records_workingregulation")
    names = tablemoves.display_names(schema_editor)
    tablemoves.copy_events(
        schema_editor, RegulationEvent, "records_recordevent", {"regulation": "regulation_id"}, names
    )
    tablemoves.reset_sequences(schema_editor, [WorkingRegulation, RegulationEvent])
    tablemoves.rename_audit_types(schema_editor, {"records.workingregulation": "regulations.workingregulation"})
    tablemoves.move_content_types(apps, "records", "regulations", {"workingregulation": "workingregulation"})


class Migration(migrations.Migration):
    dependencies = [
        ("regulations", "0001_initial"),
        ("core", "0001_initial"),
        ("accounts", "0001_initial"),
        ("people", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
