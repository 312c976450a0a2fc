"""The legal rules of the annual evaluation (đánh giá, xếp loại chất lượng), with sources and enforcers.

Three rule sets by year: Decree 56/2015 + 88/2017 (to 2019); Decree 90/2020 + 48/2023 (2020–2025);
from 2026 Decree 335/2025 for cán bộ, công chức. For viên chức from 2026 the seeded rule set
("Nghị định 233/2026", not verified against the text) is kept as it was.

Two kinds of rule limit a level. Personal limits (discipline, a finding of ethical degradation, and
the absence limits of `congvu.appraisals.absence`) are applied by `level_rules.check_level`, which every
write of a level calls. The ceiling on "excellent" holds over a whole group (a unit's cycle × CBCC or VC)
and is checked by `level_rules.check_ceiling` when the unit's results are published and whenever a
decided level is corrected or imported, whatever the order of the decisions.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from congvu.appraisals.absence import RULE_ABSENCE_3_TO_6, RULE_MATERNITY, RULE_UNDER_6_MONTHS  # noqa: F401
from congvu.core.rules import Area, Rule, Setting, Source

DECREE_56 = "Nghị định 56/2015/NĐ-CP (sửa đổi bởi Nghị định 88/2017/NĐ-CP)"
DECREE_90 = "Nghị định 90/2020/NĐ-CP"
DECREE_90_48 = "Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP)"
DECREE_335 = "Nghị định 335/2025/NĐ-CP"
DECREE_233 = "Nghị định 233/2026/NĐ-CP (chưa đối chiếu văn bản)"


def _year(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


QUOTA_SETTING = Setting(
    label=_("Cơ sở tính tỷ lệ xuất sắc, theo bộ quy tắc"),
    basis=_(
        "Nghị định 335/2025/NĐ-CP Điều 20 khoản 5: tối đa 20 phần trăm số được xếp loại hoàn thành tốt nhiệm vụ; Nghị "
        "định 48/2023/NĐ-CP gắn tỷ lệ với tỷ lệ đảng viên xếp loại hoàn thành xuất sắc theo quy định của "
        "Đảng. Tỷ lệ do pháp luật quy định, không sửa được; cơ sở tính là lựa chọn ghi trong từng bộ quy tắc."
    ),
    admin_url_name="admin:appraisals_ruleset_changelist",
)

EXCELLENT_CEILING = Rule(
    code="DG-TYLE-XUATSAC-20",
    area=Area.APPRAISALS,
    title=_(
        "Số xếp loại “Hoàn thành xuất sắc nhiệm vụ” không vượt tỷ lệ tối đa trong cùng đơn vị và nhóm "
        "nhiệm vụ tương đồng"
    ),
    source=Source(DECREE_335, "Điều 20", "khoản 5 điểm a"),
    extra_sources=(Source(DECREE_90_48),),
    applies_from=_year(2020),
    enforced_by="congvu.appraisals.level_rules.check_ceiling",
    explanation=_(
        "Kiểm tra trên toàn nhóm (đơn vị trong đợt × cán bộ, công chức hoặc viên chức) khi công khai kết "
        "quả, khi đính chính và khi nhập từ Excel, bất kể thứ tự quyết định. Giải trình bằng văn bản "
        "không nâng được tỷ lệ."
    ),
    setting=QUOTA_SETTING,
)

OUTSTANDING_UNIT = Rule(
    code="DG-XUATSAC-DONVI-TIEUBIEU",
    area=Area.APPRAISALS,
    title=_(
        "Tỷ lệ xuất sắc cao hơn chỉ cho đơn vị được cấp có thẩm quyền công nhận có thành tích xuất sắc, "
        "nổi trội trong năm, có số quyết định"
    ),
    source=Source(DECREE_335, "Điều 20", "khoản 5 điểm b"),
    applies_from=_year(2020),
    enforced_by="congvu.appraisals.services.recognise_outstanding_unit",
    explanation=_(
        "Việc công nhận được ghi cho đơn vị trong đợt, kèm số và ngày quyết định, người ghi nhận. Nghị "
        "định 90/2020 và 48/2023 không quy định tỷ lệ cao hơn cho đơn vị tiêu biểu: bộ quy tắc đó để "
        "tỷ lệ bằng tỷ lệ thường."
    ),
    setting=QUOTA_SETTING,
)

DISCIPLINE_56 = Rule(
    code="DG-KYLUAT-56",
    area=Area.APPRAISALS,
    title=_("Bị kỷ luật trong năm thì không xếp loại từ hoàn thành tốt nhiệm vụ trở lên"),
    source=Source(DECREE_56),
    applies_to=_year_end(2019),
    enforced_by="congvu.appraisals.level_rules.discipline_limit",
    explanation=_("Điều khoản cụ thể cần đối chiếu văn bản (verify)."),
)

DISCIPLINE_90 = Rule(
    code="DG-KYLUAT-90",
    area=Area.APPRAISALS,
    title=_(
        "Bị kỷ luật vì vi phạm trong thực thi nhiệm vụ trong năm: không hoàn thành nhiệm vụ; bị kỷ luật "
        "vì vi phạm khác: không xếp loại từ hoàn thành tốt trở lên"
    ),
    source=Source(DECREE_90, "Điều 11, Điều 15", "khoản 1 điểm c"),
    applies_from=_year(2020),
    applies_to=_year_end(2022),
    enforced_by="congvu.appraisals.level_rules.discipline_limit",
)

DISCIPLINE_48 = Rule(
    code="DG-KYLUAT-48",
    area=Area.APPRAISALS,
    title=_("Bị kỷ luật đảng hoặc kỷ luật hành chính trong năm đánh giá: không hoàn thành nhiệm vụ"),
    source=Source(DECREE_90_48, "Điều 2", "khoản 5 điểm a"),
    applies_from=_year(2023),
    applies_to=_year_end(2025),
    enforced_by="congvu.appraisals.level_rules.discipline_limit",
)

DISCIPLINE_ON_DUTY_335 = Rule(
    code="DG-KYLUAT-CONGVU-335",
    area=Area.APPRAISALS,
    title=_(
        "Bị kỷ luật từ khiển trách trở lên trong năm vì vi phạm liên quan đến hoạt động công vụ: không "
        "hoàn thành nhiệm vụ (kỷ luật vì vi phạm ngoài công vụ không buộc mức này)"
    ),
    source=Source(DECREE_335, "Điều 20", "khoản 4 điểm c"),
    applies_from=_year(2026),
    enforced_by="congvu.appraisals.level_rules.discipline_limit",
)

DISCIPLINE_VC_2026 = Rule(
    code="DG-KYLUAT-VC-2026",
    area=Area.APPRAISALS,
    title=_("Viên chức bị kỷ luật trong năm: không hoàn thành nhiệm vụ (bộ quy tắc viên chức từ 2026)"),
    source=Source(DECREE_233),
    applies_from=_year(2026),
    enforced_by="congvu.appraisals.level_rules.discipline_limit",
    explanation=_(
        "Giữ nguyên bộ quy tắc đã khai báo cho viên chức cho đến khi đối chiếu được văn bản (verify)."
    ),
)

ETHICS_90 = Rule(
    code="DG-SUYTHOAI-90",
    area=Area.APPRAISALS,
    title=_(
        "Có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống theo đánh giá của cấp có thẩm "
        "quyền: không hoàn thành nhiệm vụ"
    ),
    source=Source(DECREE_90, "Điều 11, Điều 15", "khoản 1 điểm a"),
    extra_sources=(Source(DECREE_90, "Điều 7"),),
    applies_from=_year(2020),
    applies_to=_year_end(2025),
    enforced_by="congvu.appraisals.level_rules.ethics_limit",
    explanation=_(
        "Là kết luận của cấp có thẩm quyền, ghi nhận kèm văn bản (thủ trưởng, cấp ủy hoặc cơ quan nội "
        "vụ), không phải tự khai trong bản tự đánh giá."
    ),
)

ETHICS_335 = Rule(
    code="DG-SUYTHOAI-335",
    area=Area.APPRAISALS,
    title=_(
        "Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống: "
        "không hoàn thành nhiệm vụ"
    ),
    source=Source(DECREE_335, "Điều 20", "khoản 4 điểm b"),
    applies_from=_year(2026),
    enforced_by="congvu.appraisals.level_rules.ethics_limit",
    explanation=_(
        "Với viên chức từ 2026 áp dụng theo bộ quy tắc đã khai báo (cùng khung với Nghị định 335/2025, "
        "chưa đối chiếu Nghị định 233/2026)."
    ),
)

CORRECTION_RECHECKED = Rule(
    code="DG-DINHCHINH-KIEMTRA",
    area=Area.APPRAISALS,
    title=_(
        "Đính chính xếp loại phải tuân thủ các mức bị buộc và tỷ lệ xuất sắc của nhóm như quyết định ban đầu"
    ),
    source=Source(DECREE_335, "Điều 20", "khoản 4, khoản 5"),
    extra_sources=(Source(DECREE_90_48, "Điều 2", "khoản 5"),),
    enforced_by="congvu.appraisals.services.correct",
    explanation=_(
        "Một đính chính làm đơn vị đã công khai vượt tỷ lệ xuất sắc, hoặc xếp cao hơn mức bị buộc, bị "
        "từ chối với số liệu và quy tắc."
    ),
)
