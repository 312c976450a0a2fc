"""The four rule sets in force since 2015. They are configuration (editable in the admin), seeded here."""

from django.db import migrations

LEVELS = {
    "xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
    "tot": "Hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "Hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
}
ALL_DISCIPLINE = ["khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec"]
BANDS = {"xuat_sac": 90, "tot": 70, "hoan_thanh": 50}

RULE_SETS = [
    {
        "code": "ND56-2015",
        "name": "Nghị định 56/2015/NĐ-CP, sửa đổi bởi Nghị định 88/2017/NĐ-CP",
        "legal_basis": "Nghị định 56/2015/NĐ-CP ngày 09/6/2015; Nghị định 88/2017/NĐ-CP ngày 27/7/2017",
        "year_from": None,
        "year_to": 2019,
        "categories": ["can_bo", "cong_chuc", "vien_chuc"],
        "level_labels": {**LEVELS, "hoan_thanh": "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"},
        "uses_points": False,
        "bands": {},
        "excellent_quota_percent": 100,
        "outstanding_unit_quota_percent": 100,
        "quota_exception_allowed": True,
        "forcing_discipline_forms": [],
        "ethics_forces_not_completed": False,
        "notes": "Không quy định tỷ lệ tối đa xếp loại xuất sắc theo số người (verify); mức 3 là "
        "“Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực”.",
    },
    {
        "code": "ND90-2020",
        "name": "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP",
        "legal_basis": "Nghị định 90/2020/NĐ-CP ngày 13/8/2020; Nghị định 48/2023/NĐ-CP ngày 17/7/2023",
        "year_from": 2020,
        "year_to": 2025,
        "categories": ["can_bo", "cong_chuc", "vien_chuc"],
        "level_labels": LEVELS,
        "uses_points": False,
        "bands": {},
        "excellent_quota_percent": 20,
        "outstanding_unit_quota_percent": 25,
        "quota_exception_allowed": True,
        "forcing_discipline_forms": ALL_DISCIPLINE,
        "ethics_forces_not_completed": False,
        "notes": "Xuất sắc không quá 20% số được xếp loại hoàn thành tốt trở lên, theo cơ quan và nhóm "
        "nhiệm vụ tương đồng; vượt tỷ lệ phải giải trình bằng văn bản. Bị kỷ luật trong năm (hành vi "
        "liên quan đến thực thi công vụ) thì xếp loại không hoàn thành nhiệm vụ.",
    },
    {
        "code": "ND335-2025",
        "name": "Nghị định 335/2025/NĐ-CP (công chức, cán bộ)",
        "legal_basis": "Nghị định 335/2025/NĐ-CP về đánh giá, xếp loại chất lượng công chức",
        "year_from": 2026,
        "year_to": None,
        "categories": ["can_bo", "cong_chuc"],
        "level_labels": LEVELS,
        "uses_points": True,
        "bands": BANDS,
        "scoring_period": "month",
        "excellent_quota_percent": 20,
        "outstanding_unit_quota_percent": 25,
        "quota_exception_allowed": True,
        "forcing_discipline_forms": ALL_DISCIPLINE,
        "ethics_forces_not_completed": True,
        "notes": "Thang 100 điểm: 30 điểm tiêu chí chung, 70 điểm kết quả thực hiện nhiệm vụ chấm theo "
        "tháng hoặc quý; mỗi nhiệm vụ sai sót hoặc chậm tiến độ bị trừ 25%. Mức: từ 90 điểm xuất sắc, "
        "70 đến dưới 90 tốt, 50 đến dưới 70 hoàn thành. Suy thoái tư tưởng, đạo đức hoặc bị kỷ luật "
        "từ khiển trách trở lên trong năm: không hoàn thành. Vượt tỷ lệ khi có giải trình (verify).",
    },
    {
        "code": "ND233-2026",
        "name": "Nghị định 233/2026/NĐ-CP (viên chức)",
        "legal_basis": "Nghị định 233/2026/NĐ-CP về đánh giá, xếp loại chất lượng viên chức (verify)",
        "year_from": 2026,
        "year_to": None,
        "categories": ["vien_chuc"],
        "level_labels": LEVELS,
        "uses_points": True,
        "bands": BANDS,
        "scoring_period": "quarter",
        "excellent_quota_percent": 20,
        "outstanding_unit_quota_percent": 25,
        "quota_exception_allowed": False,
        "forcing_discipline_forms": ALL_DISCIPLINE,
        "ethics_forces_not_completed": True,
        "notes": "Cùng khung 100 điểm như Nghị định 335/2025 (verify: chỉ có một nguồn thứ cấp); hiệu "
        "lực từ 01/7/2026 (verify); không cho phép vượt tỷ lệ xuất sắc (verify).",
    },
]


def seed(apps, schema_editor):
    RuleSet = apps.get_model("appraisals", "RuleSet")
    for data in RULE_SETS:
        RuleSet.objects.update_or_create(code=data["code"], defaults={k: v for k, v in data.items() if k != "code"})


def unseed(apps, schema_editor):
    apps.get_model("appraisals", "RuleSet").objects.filter(code__in=[d["code"] for d in RULE_SETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("appraisals", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
