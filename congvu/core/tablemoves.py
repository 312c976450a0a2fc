"""Moving models to another app in a data migration, for an install that already has the old tables.

A model that moves from app `old` to app `new` gets a new table (`new_model`); the migration that
creates it is followed by one that, when the old table exists, copies its rows as they are (same
primary keys, same file paths), resets the primary key sequence (PostgreSQL), renames the audit log's
record type and the content type (so permissions follow), and, in the last of the apps, drops the old
tables and forgets the old app's migrations. Events written by an older event model are converted to
the `StateEvent` shape on the way (`copy_events`).

Table and column names come from the models and the migrations (never from input) and are quoted.
"""

import datetime as dt

from django.core.management.color import no_style
from django.utils import timezone

EVENT_CHUNK = 2000


def table_names(schema_editor) -> set[str]:
    return set(schema_editor.connection.introspection.table_names())


def has_table(schema_editor, name: str) -> bool:
    return name in table_names(schema_editor)


def _quote(schema_editor, name: str) -> str:
    return schema_editor.connection.ops.quote_name(name)


def is_empty(schema_editor, table: str) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {_quote(schema_editor, table)} LIMIT 1")  # noqa: S608
        return cursor.fetchone() is None


def copy_rows(schema_editor, model, old_table: str) -> int:
    """Copy every row of `old_table` into `model`'s table, column for column (the new table's columns
    all exist in the old one under the same names)."""
    q = lambda name: _quote(schema_editor, name)  # noqa: E731
    columns = ", ".join(q(field.column) for field in model._meta.concrete_fields)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(model._meta.db_table)} ({columns}) SELECT {columns} FROM {q(old_table)} ORDER BY {q('id')}"  # noqa: S608
        )
        return cursor.rowcount


def _aware(value):
    """A raw cursor gives SQLite's stored UTC time without its zone."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value is not None and timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value


def _state(value):
    """An old event's before/after string as a JSON value: an empty string is no value."""
    return None if value in (None, "") else value


def display_names(schema_editor) -> dict:
    """{user id: the name the timeline showed} (the person's full name, else the account's name, else
    the username), read once."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT u.id, u.username, u.first_name, u.last_name, s.full_name "
            "FROM accounts_user u LEFT JOIN people_staff s ON s.id = u.staff_id"
        )
        names = {}
        for pk, username, first, last, full_name in cursor.fetchall():
            names[pk] = full_name or " ".join(filter(None, [first, last])).strip() or username
        return names


def copy_events(schema_editor, model, old_table: str, subjects: dict[str, str], names: dict) -> int:
    """Copy the old events naming any of `subjects` ({new field: old column}) into `model`, a
    StateEvent: actor_id → by_id, by_name from the user's display name, before/after strings → JSON
    ('' → null). Primary keys are kept."""
    q = lambda name: _quote(schema_editor, name)  # noqa: E731
    old_columns = list(subjects.values())
    where = " OR ".join(f"{q(column)} IS NOT NULL" for column in old_columns)
    select = ", ".join(
        q(name) for name in ["id", "at", "actor_id", "action", "before", "after", "note", *old_columns]
    )
    copied = 0
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT {select} FROM {q(old_table)} WHERE {where} ORDER BY {q('id')}")  # noqa: S608
        while rows := cursor.fetchmany(EVENT_CHUNK):
            events = []
            for pk, at, actor_id, action, before, after, note, *targets in rows:
                event = model(
                    id=pk,
                    at=_aware(at),
                    by_id=actor_id,
                    by_name=names.get(actor_id, "") if actor_id else "",
                    action=action,
                    before=_state(before),
                    after=_state(after),
                    note=note or "",
                )
                for field, value in zip(subjects, targets, strict=True):
                    setattr(event, f"{field}_id", value)
                events.append(event)
            model.objects.bulk_create(events)
            copied += len(events)
    return copied


def reset_sequences(schema_editor, models) -> None:
    """After inserting explicit primary keys: the next id follows the largest (PostgreSQL)."""
    connection = schema_editor.connection
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def rename_audit_types(schema_editor, renames: dict[str, str]) -> None:
    """The audit log's record type ("records.reward" → "rewards.reward"). The log is append-only; on
    PostgreSQL its guard trigger is lifted for this one statement and put back."""
    connection = schema_editor.connection
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute("ALTER TABLE core_auditevent DISABLE TRIGGER USER")
        for old, new in renames.items():
            cursor.execute("UPDATE core_auditevent SET object_type = %s WHERE object_type = %s", [new, old])
        if postgres:
            cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER USER")


def move_content_types(apps, old_app: str, new_app: str, models: dict[str, str]) -> None:
    """Give the old app's content types ({old model: new model}) to the new app, so the permissions
    granted on them follow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for old_model, new_model in models.items():
        old = ContentType.objects.filter(app_label=old_app, model=old_model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label=new_app, model=new_model).exclude(pk=old.pk).delete()
        old.app_label, old.model = new_app, new_model
        old.save(update_fields=["app_label", "model"])
        if old_model != new_model:
            for permission in Permission.objects.filter(content_type=old, codename__endswith=f"_{old_model}"):
                permission.codename = permission.codename[: -len(old_model)] + new_model
                permission.save(update_fields=["codename"])


def drop_tables(schema_editor, tables) -> None:
    """Drop the old tables, children first (CASCADE on PostgreSQL for any leftover reference)."""
    cascade = " CASCADE" if schema_editor.connection.vendor == "postgresql" else ""
    for table in tables:
        schema_editor.execute(f"DROP TABLE IF EXISTS {_quote(schema_editor, table)}{cascade}")


def forget_migrations(schema_editor, app: str) -> None:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", [app])


def check_constraints_now(apps, schema_editor):
    """Run PostgreSQL's deferred foreign-key checks now. A data step that updates rows leaves them
    pending, and PostgreSQL refuses to ALTER a table with pending checks in the same transaction."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
