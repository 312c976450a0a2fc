"""The Lạng Sơn demo: the province, Lạng Sơn city as it was in 2018–2020, its staff, the 2025
reorganisation with successor links, and one demo account per role."""

import datetime as dt
import random

from django.db import transaction

from congvu.accounts.models import Role, RoleAssignment, User
from congvu.core.text import fold
from congvu.people.models import Position, Sex, Staff, StaffCategory, Transfer
from congvu.people.names import person_name
from congvu.units.models import Unit, UnitSuccession, UnitType

REFORM_DAY = dt.date(2025, 7, 1)
CITY_END = dt.date(2025, 6, 30)
DEMO_PASSWORD = "congvu-demo-2026"
SEED = 2020

OLD_WARDS = [
    # code, name, type, slug
    ("CHILANG", "Phường Chi Lăng", UnitType.WARD, "chilang"),
    ("DONGKINH", "Phường Đông Kinh", UnitType.WARD, "dongkinh"),
    ("HOANGVANTHU", "Phường Hoàng Văn Thụ", UnitType.WARD, "hoangvanthu"),
    ("TAMTHANH", "Phường Tam Thanh", UnitType.WARD, "tamthanh"),
    ("VINHTRAI", "Phường Vĩnh Trại", UnitType.WARD, "vinhtrai"),
    ("HOANGDONG", "Xã Hoàng Đồng", UnitType.COMMUNE, "hoangdong"),
    ("MAIPHA", "Xã Mai Pha", UnitType.COMMUNE, "maipha"),
    ("QUANGLAC", "Xã Quảng Lạc", UnitType.COMMUNE, "quanglac"),
]
# Resolution 1672/NQ-UBTVQH15: new Tam Thanh = old Tam Thanh + Hoàng Đồng; the other three follow the
# same pattern in this demo.
NEW_WARDS = [
    ("TAMTHANH", "Phường Tam Thanh", "tamthanh", ["TAMTHANH", "HOANGDONG"]),
    ("LUONGVANTRI", "Phường Lương Văn Tri", "luongvantri", ["CHILANG", "VINHTRAI"]),
    ("KYLUA", "Phường Kỳ Lừa", "kylua", ["HOANGVANTHU", "QUANGLAC"]),
    ("DONGKINH", "Phường Đông Kinh", "dongkinh", ["DONGKINH", "MAIPHA"]),
]
DEPARTMENTS = [
    ("VP", "Văn phòng HĐND và UBND thành phố"),
    ("NV", "Phòng Nội vụ"),
    ("GDDT", "Phòng Giáo dục – Đào tạo"),
    ("TCKH", "Phòng Tài chính – Kế hoạch"),
    ("TP", "Phòng Tư pháp"),
    ("VHTT", "Phòng Văn hóa – Thông tin"),
    ("YT", "Phòng Y tế"),
    ("TNMT", "Phòng Tài nguyên – Môi trường"),
    ("QLDT", "Phòng Quản lý đô thị"),
    ("KT", "Phòng Kinh tế"),
    ("LDTBXH", "Phòng Lao động – Thương binh và Xã hội"),
    ("TT", "Thanh tra thành phố"),
]
CENTRES = [
    ("TTVH", "Trung tâm Văn hóa, Thể thao và Truyền thông thành phố", 20),
    ("TTPTQD", "Trung tâm Phát triển quỹ đất thành phố", 16),
    ("BQLDA", "Ban Quản lý dự án đầu tư xây dựng thành phố", 18),
]
SCHOOL_NAMES = {
    "Mầm non": [
        "Hoa Sen",
        "Hoa Hồng",
        "Hoa Mai",
        "Tuổi Thơ",
        "Sơn Ca",
        "Vành Khuyên",
        "Hoa Phong Lan",
        "Chi Lăng",
        "Tam Thanh",
        "Hoàng Đồng",
        "Mai Pha",
        "Quảng Lạc",
    ],
    "Tiểu học": [
        "Chi Lăng",
        "Đông Kinh",
        "Hoàng Văn Thụ",
        "Tam Thanh",
        "Vĩnh Trại",
        "Hoàng Đồng",
        "Mai Pha",
        "Quảng Lạc",
        "Lương Văn Tri",
        "Kỳ Lừa",
        "Nguyễn Du",
        "Hoàng Hoa Thám",
    ],
    "THCS": [
        "Chi Lăng",
        "Đông Kinh",
        "Hoàng Văn Thụ",
        "Tam Thanh",
        "Vĩnh Trại",
        "Hoàng Đồng",
        "Mai Pha",
        "Quảng Lạc",
        "Lương Văn Tri",
        "Tam Thanh 2",
    ],
}
SCHOOL_WARD = {  # which new ward takes each school in 2025, by the place in its name
    "Chi Lăng": "LUONGVANTRI",
    "Vĩnh Trại": "LUONGVANTRI",
    "Lương Văn Tri": "LUONGVANTRI",
    "Nguyễn Du": "LUONGVANTRI",
    "Đông Kinh": "DONGKINH",
    "Mai Pha": "DONGKINH",
    "Hoa Sen": "DONGKINH",
    "Hoa Hồng": "DONGKINH",
    "Hoàng Văn Thụ": "KYLUA",
    "Quảng Lạc": "KYLUA",
    "Kỳ Lừa": "KYLUA",
    "Hoàng Hoa Thám": "KYLUA",
    "Hoa Mai": "KYLUA",
    "Sơn Ca": "KYLUA",
}
DEMO_ACCOUNTS = [
    # username, role, unit code, display name
    ("quantri", Role.SYSTEM_ADMIN, "LS", "Quản trị hệ thống"),
    ("noivu", Role.PROGRAMME_OFFICE, "LS", "Sở Nội vụ"),
    ("lanhdao", Role.LEADERSHIP, "LS-TP", "Lãnh đạo UBND thành phố"),
    ("kiemtra", Role.INSPECTOR, "LS-TP", "Thành viên đoàn kiểm tra"),
    ("truongdonvi.tamthanh", Role.UNIT_HEAD, "LS-P-TAMTHANH-2025", "Thủ trưởng phường Tam Thanh"),
    ("xuly.tamthanh", Role.HANDLER, "LS-P-TAMTHANH-2025", "Người xử lý phường Tam Thanh"),
    ("tiepnhan.tamthanh", Role.RECEPTION, "LS-P-TAMTHANH-2025", "Cán bộ tiếp nhận phường Tam Thanh"),
    ("canbo", None, "LS-P-TAMTHANH-2025", "Công chức phường Tam Thanh"),
]


def _unit(code, name, unit_type, parent, *, valid_from=None, valid_to=None, slug="", order=0, address=""):
    domain = f"{slug}.langson.gov.vn" if slug else "langson.gov.vn"
    defaults = {
        "name": name,
        "unit_type": unit_type,
        "parent": parent,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "sort_order": order,
        "address": address or f"{name}, tỉnh Lạng Sơn",
        "hotline": _hotline(code),
        "email": f"{slug or 'vanphong'}@langson.gov.vn",
        "website": f"https://{domain}",
    }
    unit, _created = Unit.objects.update_or_create(code=code, defaults=defaults)
    return unit


def _hotline(code: str) -> str:
    digits = sum(ord(ch) * (i + 1) for i, ch in enumerate(code)) % 1000000
    return f"0205 3{digits:06d}"[:15]


def seed_units() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    province = _unit(
        "LS",
        "Tỉnh Lạng Sơn",
        UnitType.PROVINCE,
        None,
        slug="",
        address="Số 2 đường Hùng Vương, tỉnh Lạng Sơn",
    )
    units["LS"] = province
    units["LS-SNV"] = _unit(
        "LS-SNV", "Sở Nội vụ tỉnh Lạng Sơn", UnitType.DEPARTMENT, province, slug="snv", order=1
    )
    city = _unit(
        "LS-TP",
        "Thành phố Lạng Sơn",
        UnitType.CITY,
        province,
        valid_from=dt.date(2002, 10, 17),
        valid_to=CITY_END,
        slug="thanhpho",
        order=2,
        address="Số 1 đường Lê Lợi, thành phố Lạng Sơn",
    )
    units["LS-TP"] = city
    for order, (code, name) in enumerate(DEPARTMENTS):
        units[f"LS-TP-{code}"] = _unit(
            f"LS-TP-{code}",
            name,
            UnitType.OFFICE,
            city,
            valid_to=CITY_END,
            slug=f"tp{code.lower()}",
            order=order,
        )
    for order, (code, name, unit_type, slug) in enumerate(OLD_WARDS, start=20):
        ward = _unit(f"LS-TP-{code}", name, unit_type, city, valid_to=CITY_END, slug=slug, order=order)
        units[ward.code] = ward
        place = name.split(" ", 1)[1]
        level = "phường" if unit_type == UnitType.WARD else "xã"
        units[f"{ward.code}-1C"] = _unit(
            f"{ward.code}-1C",
            f"Bộ phận một cửa {level} {place}",
            UnitType.ONE_STOP,
            ward,
            valid_to=CITY_END,
            slug=slug,
            order=1,
        )
    for order, (code, name, _size) in enumerate(CENTRES, start=40):
        units[f"LS-TP-{code}"] = _unit(
            f"LS-TP-{code}",
            name,
            UnitType.CENTRE,
            city,
            valid_to=CITY_END,
            slug=f"tp{code.lower()}",
            order=order,
        )
    school_number = 0
    for level, places in SCHOOL_NAMES.items():
        for place in places:
            school_number += 1
            code = f"LS-TP-TR{school_number:02d}"
            units[code] = _unit(
                code,
                f"Trường {level} {place}",
                UnitType.SCHOOL,
                city,
                valid_to=CITY_END,
                slug=f"truong{school_number:02d}",
                order=100 + school_number,
            )
    _seed_new_wards(units, province)
    _seed_ward_offices(units)
    return units


def _seed_new_wards(units, province):
    for order, (code, name, slug, old_codes) in enumerate(NEW_WARDS, start=10):
        ward = _unit(
            f"LS-P-{code}-2025", name, UnitType.WARD, province, valid_from=REFORM_DAY, slug=slug, order=order
        )
        units[ward.code] = ward
        place = name.split(" ", 1)[1]
        units[f"{ward.code}-TTHCC"] = _unit(
            f"{ward.code}-TTHCC",
            f"Trung tâm Phục vụ hành chính công phường {place}",
            UnitType.ONE_STOP,
            ward,
            valid_from=REFORM_DAY,
            slug=slug,
            order=1,
        )
        for old_code in old_codes:
            old = units[f"LS-TP-{old_code}"]
            UnitSuccession.objects.get_or_create(
                predecessor=old,
                successor=ward,
                defaults={
                    "kind": UnitSuccession.Kind.MERGED_INTO,
                    "effective_date": REFORM_DAY,
                    "legal_basis": "Nghị quyết 1672/NQ-UBTVQH15",
                },
            )
            UnitSuccession.objects.get_or_create(
                predecessor=units[f"{old.code}-1C"],
                successor=units[f"{ward.code}-TTHCC"],
                defaults={
                    "kind": UnitSuccession.Kind.MERGED_INTO,
                    "effective_date": REFORM_DAY,
                    "legal_basis": "Nghị định 118/2025/NĐ-CP",
                },
            )
    for code, unit in list(units.items()):
        if unit.unit_type in {UnitType.SCHOOL, UnitType.CENTRE} and code.startswith("LS-TP-"):
            target = _new_ward_for(unit, units)
            new_code = f"{code}-2025"
            new_unit = _unit(
                new_code,
                unit.name.replace(" thành phố", f" {target.name[0].lower()}{target.name[1:]}")
                if unit.unit_type == UnitType.CENTRE
                else unit.name,
                unit.unit_type,
                target,
                valid_from=REFORM_DAY,
                slug=f"{code.lower()}-2025",
                order=unit.sort_order,
            )
            units[new_code] = new_unit
            UnitSuccession.objects.get_or_create(
                predecessor=unit,
                successor=new_unit,
                defaults={
                    "kind": UnitSuccession.Kind.TRANSFERRED_TO,
                    "effective_date": REFORM_DAY,
                    "legal_basis": "Nghị quyết 1672/NQ-UBTVQH15",
                },
            )


WARD_OFFICES = [
    ("VP", "Văn phòng HĐND và UBND"),
    ("KT", "Phòng Kinh tế, Hạ tầng và Đô thị"),
    ("VHXH", "Phòng Văn hóa – Xã hội"),
]
# Which office of a new ward takes over the work (and people) of each former city office.
CITY_OFFICE_SUCCESSOR = {
    "VP": "VP",
    "NV": "VP",
    "TCKH": "KT",
    "TP": "VP",
    "VHTT": "VHXH",
    "YT": "VHXH",
    "TNMT": "KT",
    "QLDT": "KT",
    "KT": "KT",
    "LDTBXH": "VHXH",
    "TT": "VP",
    "GDDT": "VHXH",
}


def _seed_ward_offices(units):
    """The offices of each new ward (2025), and which former city office each one succeeds."""
    for ward_code, ward_name, _slug, _old in NEW_WARDS:
        ward = units[f"LS-P-{ward_code}-2025"]
        place = ward_name.split(" ", 1)[1]
        for order, (office_code, office_name) in enumerate(WARD_OFFICES, start=2):
            code = f"{ward.code}-{office_code}"
            units[code] = _unit(
                code,
                f"{office_name} phường {place}",
                UnitType.OFFICE,
                ward,
                valid_from=REFORM_DAY,
                slug=f"{_slug}",
                order=order,
            )
    for index, (city_code, _name) in enumerate(DEPARTMENTS):
        ward_code = NEW_WARDS[index % len(NEW_WARDS)][0]
        successor = units[f"LS-P-{ward_code}-2025-{CITY_OFFICE_SUCCESSOR[city_code]}"]
        UnitSuccession.objects.get_or_create(
            predecessor=units[f"LS-TP-{city_code}"],
            successor=successor,
            defaults={
                "kind": UnitSuccession.Kind.TRANSFERRED_TO,
                "effective_date": REFORM_DAY,
                "legal_basis": "Nghị quyết 1672/NQ-UBTVQH15",
            },
        )


def _new_ward_for(unit, units):
    for place, ward_code in SCHOOL_WARD.items():
        if unit.name.endswith(place):
            return units[f"LS-P-{ward_code}-2025"]
    return units["LS-P-TAMTHANH-2025"]


POSITIONS = {
    "Chủ tịch UBND": True,
    "Phó Chủ tịch UBND": True,
    "Trưởng phòng": True,
    "Phó Trưởng phòng": True,
    "Chuyên viên": False,
    "Công chức Văn phòng – Thống kê": False,
    "Công chức Tư pháp – Hộ tịch": False,
    "Công chức Địa chính – Xây dựng": False,
    "Công chức Văn hóa – Xã hội": False,
    "Công chức Tài chính – Kế toán": False,
    "Hiệu trưởng": True,
    "Phó Hiệu trưởng": True,
    "Giáo viên": False,
    "Nhân viên kế toán": False,
    "Giám đốc": True,
    "Viên chức": False,
    "Chủ tịch HĐND": True,
}


def _staff_plan(units):
    """(unit, category, position) for every demo person: 125 cán bộ/công chức, the rest viên chức."""
    plan = []
    for code, _name, _type, _slug in OLD_WARDS:
        ward, one_stop = units[f"LS-TP-{code}"], units[f"LS-TP-{code}-1C"]
        plan += [
            (ward, StaffCategory.CAN_BO, "Chủ tịch UBND"),
            (ward, StaffCategory.CAN_BO, "Phó Chủ tịch UBND"),
            (ward, StaffCategory.CAN_BO, "Chủ tịch HĐND"),
        ]
        plan += [
            (one_stop, StaffCategory.CONG_CHUC, "Công chức Văn phòng – Thống kê"),
            (one_stop, StaffCategory.CONG_CHUC, "Công chức Tư pháp – Hộ tịch"),
        ]
        plan += [
            (ward, StaffCategory.CONG_CHUC, title)
            for title in (
                "Công chức Địa chính – Xây dựng",
                "Công chức Văn hóa – Xã hội",
                "Công chức Tài chính – Kế toán",
                "Công chức Tư pháp – Hộ tịch",
                "Công chức Văn phòng – Thống kê",
            )
        ]
    for index, (code, _name) in enumerate(DEPARTMENTS):
        office = units[f"LS-TP-{code}"]
        size = 4 if index < 9 else 3  # 9 × 4 + 3 × 3 = 45 công chức in the city offices
        plan += [
            (office, StaffCategory.CONG_CHUC, "Trưởng phòng"),
            (office, StaffCategory.CONG_CHUC, "Phó Trưởng phòng"),
        ]
        plan += [(office, StaffCategory.CONG_CHUC, "Chuyên viên")] * (size - 2)
    for code, _name, size in CENTRES:
        centre = units[f"LS-TP-{code}"]
        plan += [(centre, StaffCategory.VIEN_CHUC, "Giám đốc")] + [
            (centre, StaffCategory.VIEN_CHUC, "Viên chức")
        ] * (size - 1)
    schools = [
        unit
        for code, unit in units.items()
        if unit.unit_type == UnitType.SCHOOL and not code.endswith("-2025")
    ]
    remaining = 1200 - len(plan)
    for index, school in enumerate(schools):
        size = remaining // len(schools) + (1 if index < remaining % len(schools) else 0)
        plan += [
            (school, StaffCategory.VIEN_CHUC, "Hiệu trưởng"),
            (school, StaffCategory.VIEN_CHUC, "Phó Hiệu trưởng"),
            (school, StaffCategory.VIEN_CHUC, "Nhân viên kế toán"),
        ]
        plan += [(school, StaffCategory.VIEN_CHUC, "Giáo viên")] * (size - 3)
    return plan


def _successor_of(unit, units):
    succession = UnitSuccession.objects.filter(predecessor=unit).select_related("successor").first()
    if succession:
        return succession.successor
    return None


def seed_staff(units) -> None:
    """About 1,200 generated people; 17 of them joined after mid-2019 (too recent to be rated that year)."""
    city = units["LS-TP"]
    if Staff.objects.filter(unit__path__startswith=city.path).exists() or Transfer.objects.exists():
        return
    rng = random.Random(SEED)
    positions = {
        name: Position.objects.get_or_create(name=name, defaults={"is_manager": manager})[0]
        for name, manager in POSITIONS.items()
    }
    plan = _staff_plan(units)
    late_joiners = {len(plan) - 1 - 70 * i for i in range(16)} | {60}  # 16 viên chức + 1 công chức
    people = []
    for index, (unit, category, title) in enumerate(plan):
        sex = (
            Sex.FEMALE if rng.random() < (0.75 if category == StaffCategory.VIEN_CHUC else 0.45) else Sex.MALE
        )
        name = person_name(rng, sex)
        joined = (
            dt.date(2020 + index % 5, 1 + index % 12, 1 + index % 27)
            if index in late_joiners
            else dt.date(rng.randint(1994, 2016), rng.randint(1, 12), rng.randint(1, 28))
        )
        born = dt.date(joined.year - rng.randint(22, 32), rng.randint(1, 12), rng.randint(1, 28))
        people.append(
            Staff(
                full_name=name,
                name_folded=fold(name),
                sex=sex,
                date_of_birth=born,
                category=category,
                position=positions[title],
                unit=unit,
                badge_number=f"LS{index + 1:05d}",
                employed_from=joined,
            )
        )
    Staff.objects.bulk_create(people, batch_size=500)
    _apply_reform_transfers(units)


def _apply_reform_transfers(units):
    """On 1 July 2025 everyone of the former city moves to the unit that succeeded theirs."""
    city = units["LS-TP"]
    targets = {}
    transfers, moved = [], []
    fallback = units["LS-P-TAMTHANH-2025"]
    for staff in Staff.objects.filter(unit__path__startswith=city.path).select_related("unit"):
        if staff.unit_id not in targets:
            targets[staff.unit_id] = _successor_of(staff.unit, units) or fallback
        target = targets[staff.unit_id]
        transfers.append(
            Transfer(
                staff=staff,
                from_unit=staff.unit,
                to_unit=target,
                effective_date=REFORM_DAY,
                note="Sắp xếp đơn vị hành chính 2025",
            )
        )
        staff.unit = target
        moved.append(staff)
    Transfer.objects.bulk_create(transfers, batch_size=500)
    Staff.objects.bulk_update(moved, ["unit"], batch_size=500)


def seed_accounts(units) -> list[tuple[str, str, str]]:
    listing = []
    tam_thanh_staff = list(
        Staff.objects.filter(
            unit__path__startswith=units["LS-P-TAMTHANH-2025"].path, category=StaffCategory.CONG_CHUC
        ).order_by("badge_number")[:4]
    )
    for index, (username, role, unit_code, label) in enumerate(DEMO_ACCOUNTS):
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": label})
        if created:
            user.set_password(DEMO_PASSWORD)
            if role == Role.SYSTEM_ADMIN:
                user.is_staff = user.is_superuser = True
            if unit_code == "LS-P-TAMTHANH-2025" and index - 4 < len(tam_thanh_staff):
                user.staff = tam_thanh_staff[index - 4]
            user.save()
        if role:
            RoleAssignment.objects.get_or_create(user=user, role=role, unit=units[unit_code])
        listing.append(
            (username, str(role.label) if role else "Cán bộ, công chức (tự đánh giá)", units[unit_code].name)
        )
    return listing


@transaction.atomic
def seed(stdout=None):
    units = seed_units()
    seed_staff(units)
    seed_accounts(units)
    if stdout:
        stdout.write(
            f"  units: {Unit.objects.count()}, staff: {Staff.objects.count()}, accounts: {User.objects.count()}"
        )
