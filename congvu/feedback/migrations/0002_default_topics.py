from django.db import migrations

TOPICS = [
    ("dat-dai", "Đất đai"),
    ("xay-dung", "Xây dựng, trật tự đô thị"),
    ("ho-tich", "Hộ tịch, chứng thực"),
    ("giao-duc", "Giáo dục"),
    ("y-te", "Y tế"),
    ("moi-truong", "Tài nguyên, môi trường"),
    ("giao-thong", "Giao thông, hạ tầng"),
    ("chinh-sach-xa-hoi", "Lao động, chính sách xã hội"),
    ("kinh-doanh", "Đăng ký kinh doanh"),
    ("thai-do-can-bo", "Thái độ, trách nhiệm của cán bộ"),
    ("khac", "Lĩnh vực khác"),
]


def add_topics(apps, schema_editor):
    Topic = apps.get_model("feedback", "Topic")
    for order, (code, name) in enumerate(TOPICS):
        Topic.objects.get_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
