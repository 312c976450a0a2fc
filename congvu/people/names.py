"""Generated Vietnamese names (common in Lạng Sơn, Kinh and Tày–Nùng); never real people."""

import random

SURNAMES = [
    "Nguyễn",
    "Hoàng",
    "Vi",
    "Lương",
    "Nông",
    "Trần",
    "Lê",
    "Phạm",
    "Hà",
    "Lăng",
    "Chu",
    "Triệu",
    "Mã",
    "Lộc",
    "Đinh",
    "Vũ",
    "Đỗ",
    "Bùi",
    "Dương",
    "Hứa",
    "Tô",
    "Lý",
    "Đặng",
    "Ngô",
]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Đình", "Mạnh", "Tiến", "Công", "Ngọc"]
FEMALE_MIDDLE = ["Thị", "Thu", "Hồng", "Ngọc", "Thanh", "Minh", "Phương", "Kim", "Thúy", "Bích", "Hải", "Lan"]
MALE_GIVEN = [
    "Anh",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Đông",
    "Hải",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Lực",
    "Mạnh",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Thành",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
]
FEMALE_GIVEN = [
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Huệ",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Mai",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Thảo",
    "Trang",
    "Vân",
    "Yến",
]


def person_name(rng: random.Random, sex: str) -> str:
    if sex == "nam":
        return f"{rng.choice(SURNAMES)} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}"
