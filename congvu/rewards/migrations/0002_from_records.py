"""Rewards were part of the `records` app: copy an existing install's rows (same ids), or, on a new
install, create the common reward titles."""

from django.db import migrations

from congvu.core import tablemoves

# The common titles and forms under the Law on Emulation and Commendation (2022) and Decree 98/2023;
# the admin can rename, add or retire them.
TITLES = [
    ("lao-dong-tien-tien", "Lao động tiên tiến", "individual", "Thủ trưởng cơ quan, đơn vị"),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "individual", "Chủ tịch UBND cấp huyện"),
    ("chien-si-thi-dua-tinh", "Chiến sĩ thi đua cấp tỉnh", "individual", "Chủ tịch UBND tỉnh"),
    ("giay-khen-ca-nhan", "Giấy khen (cá nhân)", "individual", "Chủ tịch UBND cấp huyện"),
    ("bang-khen-ca-nhan", "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)", "individual", "Chủ tịch UBND tỉnh"),
    ("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "collective", "Chủ tịch UBND cấp huyện"),
    ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "collective", "Chủ tịch UBND tỉnh"),
    ("giay-khen-tap-the", "Giấy khen (tập thể)", "collective", "Chủ tịch UBND cấp huyện"),
    ("bang-khen-tap-the", "Bằng khen của Chủ tịch UBND tỉnh (tập thể)", "collective", "Chủ tịch UBND tỉnh"),
]

MODELS = {"rewardtitle": "records_rewardtitle", "reward": "records_reward"}


def create_titles(apps):
    RewardTitle = apps.get_model("rewards", "RewardTitle")
    for order, (code, name, recipient, body) in enumerate(TITLES, start=1):
        RewardTitle.objects.get_or_create(
            code=code,
            defaults={"name": name, "recipient": recipient, "default_deciding_body": body, "sort_order": order},
        )


def forwards(apps, schema_editor):
    RewardTitle = apps.get_model("rewards", "RewardTitle")
    if not tablemoves.has_table(schema_editor, "records_rewardtitle"):
        create_titles(apps)
        return
    if not tablemoves.is_empty(schema_editor, RewardTitle._meta.db_table):
        return  # already copied
    models = [apps.get_model("rewards", name) for name in MODELS]
    for model, old_table in zip(models, MODELS.values(), strict=True):
        tablemoves.copy_rows(schema_editor, model, old_table)
    RewardEvent = apps.get_model("rewards", "RewardEvent")
    names = tablemoves.display_names(schema_editor)
    tablemoves.copy_events(schema_editor, RewardEvent, "records_recordevent", {"reward": "reward_id"}, names)
    tablemoves.reset_sequences(schema_editor, [*models, RewardEvent])
    tablemoves.rename_audit_types(schema_editor, {f"records.{name}": f"rewards.{name}" for name in MODELS})
    tablemoves.move_content_types(apps, "records", "rewards", {name: name for name in MODELS})


class Migration(migrations.Migration):
    dependencies = [
        ("rewards", "0001_initial"),
        ("core", "0001_initial"),
        ("accounts", "0001_initial"),
        ("people", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
