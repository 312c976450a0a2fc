"""The core app's rules: the working-day calendar every deadline is counted in."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from congvu.core.rules import Area, Rule, Setting, Source

LABOUR_CODE_2019 = "Bộ luật Lao động 45/2019/QH14"
LABOUR_CODE_2012 = "Bộ luật Lao động 10/2012/QH13"
LABOUR_CODE_2019_IN_FORCE = dt.date(2021, 1, 1)

FIVE_DAY_WEEK = Rule(
    code="LICH-TUAN-5NGAY",
    area=Area.CALENDAR,
    title=_("Tuần làm việc 40 giờ: cán bộ, công chức nghỉ thứ Bảy và Chủ nhật"),
    source=Source("Quyết định 188/1999/QĐ-TTg", "Điều 1"),
    enforced_by="congvu.core.workdays.is_weekly_rest_day",
    explanation=_(
        "Cơ quan hành chính, sự nghiệp làm việc từ thứ Hai đến thứ Sáu; thứ Bảy và Chủ nhật là ngày "
        "nghỉ hằng tuần, trừ ngày làm bù do Chính phủ thông báo."
    ),
)

PUBLIC_HOLIDAYS = Rule(
    code="LICH-NGAYLE-BLLD112",
    area=Area.CALENDAR,
    title=_("Ngày nghỉ lễ, tết hưởng nguyên lương"),
    source=Source(LABOUR_CODE_2019, "Điều 112", "khoản 1"),
    extra_sources=(Source(LABOUR_CODE_2012, "Điều 115", "khoản 1"),),
    enforced_by="congvu.core.workdays.statutory_holidays",
    explanation=_(
        "Tết Dương lịch 01/01; Giỗ Tổ Hùng Vương 10/3 âm lịch; Ngày Chiến thắng 30/4; Ngày Quốc tế lao "
        "động 01/5; Quốc khánh 02/9 (từ năm 2021 thêm một ngày liền kề); năm ngày Tết Âm lịch. Đến hết "
        "năm 2020 áp dụng Điều 115 Bộ luật Lao động 2012."
    ),
)

LUNAR_NEW_YEAR = Rule(
    code="LICH-TET-5NGAY",
    area=Area.CALENDAR,
    title=_("Tết Âm lịch năm ngày, ngày cụ thể do Thủ tướng Chính phủ quyết định"),
    source=Source(LABOUR_CODE_2019, "Điều 112", "khoản 1 điểm b và khoản 3"),
    enforced_by="congvu.core.workdays.lunar_new_year_days_off",
    explanation=_(
        "Các ngày nghỉ Tết 2019–2026 khớp với văn bản của Thủ tướng Chính phủ từng năm. Năm chưa có "
        "văn bản (2027), congvu dùng ngày dự kiến theo âm lịch của thư viện holidays (như cách chọn "
        "của năm 2024); quản trị sửa bằng lịch ngày nghỉ/làm bù khi có thông báo."
    ),
    setting=Setting(
        label=_("Lịch ngày nghỉ/làm bù"),
        basis=_("Thông báo hằng năm của Bộ Nội vụ về lịch nghỉ Tết Âm lịch"),
        admin_url_name="admin:core_calendaroverride_changelist",
    ),
)

SUBSTITUTE_DAY_OFF = Rule(
    code="LICH-NGHIBU-BLLD111",
    area=Area.CALENDAR,
    title=_("Ngày lễ trùng ngày nghỉ hằng tuần được nghỉ bù vào ngày làm việc kế tiếp"),
    source=Source(LABOUR_CODE_2019, "Điều 111", "khoản 3"),
    extra_sources=(Source(LABOUR_CODE_2012, "Điều 115", "khoản 3"),),
    enforced_by="congvu.core.workdays.substitute_days_off",
)

NATIONAL_DAY_TWO_DAYS = Rule(
    code="LICH-QUOCKHANH-2NGAY",
    area=Area.CALENDAR,
    title=_("Quốc khánh nghỉ hai ngày: 02/9 và một ngày liền kề trước hoặc sau"),
    source=Source(LABOUR_CODE_2019, "Điều 112", "khoản 1 điểm đ và khoản 3"),
    applies_from=LABOUR_CODE_2019_IN_FORCE,
    enforced_by="congvu.core.workdays.national_day_holidays",
    explanation=_("Năm 2019 và 2020 (Bộ luật Lao động 2012) Quốc khánh chỉ nghỉ một ngày 02/9."),
)

CIVIL_SERVICE_SWAPS = Rule(
    code="LICH-HOANDOI-CONGCHUC",
    area=Area.CALENDAR,
    title=_("Hoán đổi ngày làm việc của cán bộ, công chức theo văn bản của Chính phủ"),
    source=Source(
        "Văn bản của Thủ tướng Chính phủ về nghỉ lễ, tết hằng năm (Văn phòng Chính phủ, Bộ Nội vụ)"
    ),
    enforced_by="congvu.core.workdays.check_override",
    explanation=_(
        "Ngày nghỉ do hoán đổi hoặc nghỉ thêm là một ngày từ thứ Hai đến thứ Sáu; ngày làm bù là thứ "
        "Bảy hoặc Chủ nhật; mỗi dòng hoán đổi ghi văn bản nguồn. Congvu có sẵn các lần hoán đổi "
        "2019–2026; quản trị sửa hoặc thêm trong lịch ngày nghỉ/làm bù, và dòng của quản trị được ưu tiên."
    ),
    setting=Setting(
        label=_("Lịch ngày nghỉ/làm bù"),
        basis=_("Văn bản của Văn phòng Chính phủ, Bộ Nội vụ về hoán đổi ngày làm việc"),
        admin_url_name="admin:core_calendaroverride_changelist",
    ),
)

CULTURE_DAY_NOT_YET_LAW = Rule(
    code="LICH-VANHOA-2411",
    area=Area.CALENDAR,
    title=_("Ngày Văn hóa Việt Nam (24/11) là ngày làm việc cho đến khi Điều 112 Bộ luật Lao động được sửa"),
    source=Source("Nghị quyết 80-NQ/TW của Bộ Chính trị (2026)"),
    extra_sources=(Source("Nghị quyết 30/NQ-CP (2026)"), Source(LABOUR_CODE_2019, "Điều 112", "khoản 1")),
    applies_from=dt.date(2026, 1, 1),
    enforced_by="congvu.core.workdays.culture_day_off",
    explanation=_(
        "Thư viện holidays coi 24/11 là ngày nghỉ từ năm 2026 theo Nghị quyết 80-NQ/TW, nhưng đó là chủ "
        "trương; Chính phủ (Nghị quyết 30/NQ-CP) giao sửa khoản 1 Điều 112 Bộ luật Lao động để thể chế "
        "hóa. Khi văn bản sửa đổi có hiệu lực, quản trị thêm ngày nghỉ trong lịch ngày nghỉ/làm bù."
    ),
)
