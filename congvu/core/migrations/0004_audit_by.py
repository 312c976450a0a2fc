from django.db import migrations


class Migration(migrations.Migration):
    """The acting user is called `by` in the audit log as on every timeline."""

    dependencies = [("core", "0003_notification")]

    operations = [
        migrations.RenameField("auditevent", "actor", "by"),
        migrations.RenameField("auditevent", "actor_name", "by_name"),
    ]
