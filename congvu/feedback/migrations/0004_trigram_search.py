"""On PostgreSQL, a trigram index makes the inbox's accent-free `search_folded LIKE '%word%'` fast.

Creating the pg_trgm extension needs the right privileges; without them the search still works,
only slower, so the migration does not fail.
"""

from django.db import migrations

INDEX = "feedback_case_search_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SAVEPOINT trgm")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON feedback_case USING gin (search_folded gin_trgm_ops)"
            )
            cursor.execute("RELEASE SAVEPOINT trgm")
        except Exception:
            cursor.execute("ROLLBACK TO SAVEPOINT trgm")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("feedback", "0003_status_due_index")]
    operations = [migrations.RunPython(forwards, backwards)]
