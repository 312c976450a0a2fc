from django.db import migrations

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


def create_titles(apps, schema_editor):
    RewardTitle = apps.get_model("records", "RewardTitle")
    for order, (code, name, recipient, body) in enumerate(TITLES, start=1):
        RewardTitle.objects.get_or_create(
            code=code,
            defaults={"name": name, "recipient": recipient, "default_deciding_body": body, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(create_titles, migrations.RunPython.noop)]
