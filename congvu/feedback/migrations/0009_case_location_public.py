"""A case's location is a field of its own, public only when the sender chose so.

Open311 used to store `address_string` (where the problem is) both as the location and as the sender's
home address; a named sender's location was then returned to anyone. Cases already received keep the
location, private (the sender was never asked), and lose the copy that posed as their home address.
"""

from django.db import migrations, models


def drop_location_copied_as_home_address(apps, schema_editor):
    Case = apps.get_model("feedback", "Case")
    Case.objects.filter(channel="open311").exclude(location="").filter(
        sender_address=models.F("location")
    ).update(sender_address="")


class Migration(migrations.Migration):
    dependencies = [("feedback", "0008_rebuild_deadline_history")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="location_public",
            field=models.BooleanField(default=False, verbose_name="người gửi đồng ý công khai địa điểm"),
        ),
        migrations.RunPython(drop_location_copied_as_home_address, migrations.RunPython.noop),
    ]
