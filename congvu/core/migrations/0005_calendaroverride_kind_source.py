from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_audit_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="calendaroverride",
            name="kind",
            field=models.CharField(
                choices=[
                    ("swap_day_off", "ngày nghỉ do hoán đổi"),
                    ("makeup_workday", "ngày làm bù"),
                    ("extra_day_off", "ngày nghỉ thêm"),
                    ("admin_decision", "quyết định của quản trị"),
                ],
                default="admin_decision",
                max_length=20,
                verbose_name="loại",
            ),
        ),
        migrations.AddField(
            model_name="calendaroverride",
            name="source_document",
            field=models.CharField(
                blank=True,
                help_text="Số, ngày và cơ quan ban hành, ví dụ: Công văn số 2450/VPCP-KGVX ngày 12/4/2024.",
                max_length=300,
                verbose_name="văn bản nguồn",
            ),
        ),
        migrations.AddField(
            model_name="calendaroverride",
            name="shipped",
            field=models.BooleanField(
                default=False,
                help_text="Dòng do congvu cung cấp kèm văn bản nguồn; quản trị vẫn có thể sửa.",
                verbose_name="có sẵn trong congvu",
            ),
        ),
    ]
