"""Bring the seeded rule sets in line with the level rules, and drop self-declared ethics flags.

- Decree 90/2020 forces "not completed" on degradation of ideology, ethics or lifestyle found by the
  competent authority (Art. 11.1.a, 15.1.a); the seed had the switch off.
- Decree 56/2015 (+ 88/2017): discipline in the year counts (the rule caps the level below "good").
- Decree 90/2020 + 48/2023 names no higher share of "excellent" for an outstanding unit: the seed's 25 %
  becomes the ordinary share (a province that has a legal basis edits it in the admin).
- Each rule set names the base of its ceiling and the basis of that choice.
A value is changed only where it still holds the old seed's value, so a province's own edits stay.

An evaluation still open whose ethics flag was ticked by the person in the self-assessment carries no
finding of the competent authority: the flag is cleared (decided evaluations keep their history).
"""

from django.db import migrations

ALL_DISCIPLINE = ["khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec"]
LOCKED = ("decided", "not_rated", "superseded")

# code → [(field, old seed value, new value)]
CHANGES = {
    "ND56-2015": [("forcing_discipline_forms", [], ALL_DISCIPLINE)],
    "ND90-2020": [
        ("ethics_forces_not_completed", False, True),
        ("outstanding_unit_quota_percent", 25, 20),
    ],
}
BASES = {
    "ND56-2015": ("good_or_better", "Nghị định 56/2015/NĐ-CP không quy định tỷ lệ tối đa (verify)."),
    "ND90-2020": (
        "good_or_better",
        "Nghị định 90/2020/NĐ-CP: không quá 20% số hoàn thành tốt nhiệm vụ trở lên theo nhóm nhiệm vụ "
        "tương đồng; từ năm 2023 (Nghị định 48/2023/NĐ-CP) không quá tỷ lệ đảng viên được xếp loại "
        "hoàn thành xuất sắc theo quy định của Đảng: tỉnh đặt tỷ lệ và cơ sở tính theo quy định đó.",
    ),
    "ND335-2025": (
        "good_or_better",
        "Nghị định 335/2025/NĐ-CP, Điều 20 khoản 5: không quá 20% số công chức được xếp loại hoàn "
        "thành tốt nhiệm vụ trong cùng cơ quan và nhóm nhiệm vụ tương đồng; đơn vị được công nhận có "
        "thành tích xuất sắc, nổi trội được cao hơn.",
    ),
    "ND233-2026": ("good_or_better", "Như Nghị định 335/2025/NĐ-CP (verify: Nghị định 233/2026/NĐ-CP)."),
}


def forwards(apps, schema_editor):
    RuleSet = apps.get_model("appraisals", "RuleSet")
    Evaluation = apps.get_model("appraisals", "Evaluation")
    for code, changes in CHANGES.items():
        for rule_set in RuleSet.objects.filter(code=code):
            # Compared in Python: JSON equality in SQL differs between SQLite and PostgreSQL.
            changed = [field for field, old, new in changes if getattr(rule_set, field) == old]
            for field, _old, new in changes:
                if field in changed:
                    setattr(rule_set, field, new)
            if changed:
                rule_set.save(update_fields=changed)
    for code, (base, basis) in BASES.items():
        RuleSet.objects.filter(code=code, quota_basis="").update(quota_base=base, quota_basis=basis)
    Evaluation.objects.filter(ethical_degradation=True, ethics_finding_document="").exclude(
        status__in=LOCKED
    ).update(ethical_degradation=False)


class Migration(migrations.Migration):
    dependencies = [("appraisals", "0005_level_limits")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
