"""Discipline cases were part of the `records` app: copy an existing install's rows (same ids)."""

from django.db import migrations

from congvu.core import tablemoves


def forwards(apps, schema_editor):
    DisciplineCase = apps.get_model("discipline", "DisciplineCase")
    DisciplineEvent = apps.get_model("discipline", "DisciplineEvent")
    if not tablemoves.has_table(schema_editor, "records_disciplinecase"):
        return
    if not tablemoves.is_empty(schema_editor, DisciplineCase._meta.db_table):
        return  # already copied
    tablemoves.copy_rows(schema_editor, DisciplineCase, "records_disciplinecase")
    names = tablemoves.display_names(schema_editor)
    tablemoves.copy_events(
        schema_editor, DisciplineEvent, "records_recordevent", {"case": "discipline_case_id"}, names
    )
    tablemoves.reset_sequences(schema_editor, [DisciplineCase, DisciplineEvent])
    tablemoves.rename_audit_types(schema_editor, {"records.disciplinecase": "discipline.disciplinecase"})
    tablemoves.move_content_types(apps, "records", "discipline", {"disciplinecase": "disciplinecase"})


class Migration(migrations.Migration):
    dependencies = [
        ("discipline", "0001_initial"),
        ("core", "0001_initial"),
        ("accounts", "0001_initial"),
        ("people", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
