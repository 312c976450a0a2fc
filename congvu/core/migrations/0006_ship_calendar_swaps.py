"""Ship every working-day swap the Government announced for civil servants, 2019–2027, with its source.

A swap gives a weekday off and makes it up on a Saturday; both days are rows here. The rows are frozen
in this migration (next year's swaps come in a new data migration or through the admin). An install
may already hold a row for one of these dates, entered by its admin: that row is kept as it is, and
only gets the source document when it has none.

Years without a swap (checked against the announcements): Tết 2019–2026, Giỗ Tổ and 30/4–1/5 of
2020–2023, 2/9 of 2019–2025. Not yet announced: Tết 2027 and every holiday of 2027 (the statutory
days apply). No extra day off beyond the Labour Code was announced for civil servants in 2019–2026.
"""

import datetime as dt

from django.db import migrations

SWAP_DAY_OFF = "swap_day_off"
MAKEUP_WORKDAY = "makeup_workday"

CV_6519_2018 = "Công văn số 6519/VPCP-KGVX ngày 11/7/2018 của Văn phòng Chính phủ"
CV_2450_2024 = "Công văn số 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ"
TB_6150_2024 = (
    "Thông báo số 6150/TB-BLĐTBXH năm 2024 của Bộ Lao động – Thương binh và Xã hội "
    "(thực hiện Công văn số 8726/VPCP-KGVX năm 2024 của Văn phòng Chính phủ)"
)
CV_12729_2025 = "Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"
TB_9441_2025 = "Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ"

# (date, is_working_day, kind, name, source document)
SHIPPED = [
    (dt.date(2018, 12, 31), False, SWAP_DAY_OFF, "Tết Dương lịch 2019: nghỉ hoán đổi, làm bù thứ Bảy 05/01/2019", CV_6519_2018),
    (dt.date(2019, 1, 5), True, MAKEUP_WORKDAY, "Làm bù cho ngày nghỉ thứ Hai 31/12/2018", CV_6519_2018),
    (dt.date(2019, 4, 29), False, SWAP_DAY_OFF, "Lễ 30/4–1/5/2019: nghỉ hoán đổi, làm bù thứ Bảy 04/5/2019", CV_6519_2018),
    (dt.date(2019, 5, 4), True, MAKEUP_WORKDAY, "Làm bù cho ngày nghỉ thứ Hai 29/4/2019", CV_6519_2018),
    (dt.date(2024, 4, 29), False, SWAP_DAY_OFF, "Lễ 30/4–1/5/2024: nghỉ hoán đổi, làm bù thứ Bảy 04/5/2024", CV_2450_2024),
    (dt.date(2024, 5, 4), True, MAKEUP_WORKDAY, "Làm bù cho ngày nghỉ thứ Hai 29/4/2024", CV_2450_2024),
    (dt.date(2025, 4, 26), True, MAKEUP_WORKDAY, "Làm bù cho ngày nghỉ thứ Sáu 02/5/2025", TB_6150_2024),
    (dt.date(2025, 5, 2), False, SWAP_DAY_OFF, "Lễ 30/4–1/5/2025: nghỉ hoán đổi, làm bù thứ Bảy 26/4/2025", TB_6150_2024),
    (dt.date(2026, 1, 2), False, SWAP_DAY_OFF, "Tết Dương lịch 2026: nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026", CV_12729_2025),
    (dt.date(2026, 1, 10), True, MAKEUP_WORKDAY, "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026", CV_12729_2025),
    (dt.date(2026, 8, 22), True, MAKEUP_WORKDAY, "Làm bù cho ngày nghỉ thứ Hai 31/8/2026", TB_9441_2025),
    (dt.date(2026, 8, 31), False, SWAP_DAY_OFF, "Lễ Quốc khánh 2026: nghỉ hoán đổi, làm bù thứ Bảy 22/8/2026", TB_9441_2025),
]


def ship(apps, schema_editor):
    CalendarOverride = apps.get_model("core", "CalendarOverride")
    existing = {row.date: row for row in CalendarOverride.objects.filter(date__in=[r[0] for r in SHIPPED])}
    for day, is_working_day, kind, name, source in SHIPPED:
        row = existing.get(day)
        if row is None:
            CalendarOverride.objects.create(
                date=day, is_working_day=is_working_day, kind=kind, name=name, source_document=source, shipped=True
            )
        elif not row.source_document:
            # The admin's row stays the admin's decision; it only learns where the swap comes from.
            row.source_document = source
            row.save(update_fields=["source_document"])


def unship(apps, schema_editor):
    CalendarOverride = apps.get_model("core", "CalendarOverride")
    CalendarOverride.objects.filter(shipped=True, date__in=[r[0] for r in SHIPPED]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0005_calendaroverride_kind_source")]

    operations = [migrations.RunPython(ship, unship)]
