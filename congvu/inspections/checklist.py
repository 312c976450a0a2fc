"""The default checklist, from Decision 129/2007/QĐ-TTg (office culture), Directive 26/CT-TTg (2016),
Decision 1847/QĐ-TTg (2018) and Decree 20/2008/NĐ-CP (feedback). Provinces add their own rules by
editing a new version of the template."""

from django.db import transaction
from django.utils import timezone

DEFAULT_CODE = "klkchc"
DEFAULT_NAME = "Bộ tiêu chí kiểm tra kỷ luật, kỷ cương hành chính"

# (section title, [(code, text, default severity, legal basis, guidance)])
DEFAULT_CHECKLIST = [
    (
        "Trang phục, thẻ công chức",
        [
            (
                "the-cong-chuc",
                "Đeo thẻ khi thi hành công vụ (tên cơ quan, ảnh, họ tên, chức danh, số thẻ)",
                "minor",
                "Quyết định 129/2007/QĐ-TTg, Điều 6",
                "Kiểm tra thẻ có đủ các thông tin bắt buộc, đeo đúng quy định.",
            ),
            (
                "trang-phuc",
                "Trang phục gọn gàng, lịch sự",
                "minor",
                "Quyết định 129/2007/QĐ-TTg, Điều 5",
                "",
            ),
        ],
    ),
    (
        "Chấp hành thời giờ làm việc",
        [
            (
                "gio-lam-viec",
                "Chấp hành thời giờ làm việc (không đi muộn, về sớm, vắng mặt không lý do)",
                "moderate",
                "Chỉ thị 26/CT-TTg, mục 2",
                "Ghi rõ người đi muộn, về sớm, vắng mặt tại thời điểm kiểm tra.",
            ),
            (
                "ruou-bia",
                "Không sử dụng rượu, bia, đồ uống có cồn trong giờ làm việc, giờ nghỉ trưa của ngày làm việc, ngày trực",
                "serious",
                "Chỉ thị 26/CT-TTg; Quyết định 1847/QĐ-TTg",
                "",
            ),
            (
                "hut-thuoc",
                "Không hút thuốc lá trong phòng làm việc, phòng họp",
                "minor",
                "Quyết định 129/2007/QĐ-TTg, Điều 12",
                "",
            ),
            (
                "viec-rieng",
                "Không làm việc riêng trong giờ làm việc",
                "minor",
                "Chỉ thị 26/CT-TTg",
                "",
            ),
        ],
    ),
    (
        "Giao tiếp, ứng xử với nhân dân",
        [
            (
                "thai-do",
                "Không hách dịch, cửa quyền, sách nhiễu, gây khó khăn, chậm trễ cho người dân",
                "serious",
                "Quyết định 1847/QĐ-TTg; Chỉ thị 26/CT-TTg",
                "",
            ),
            (
                "lang-nghe",
                "Lắng nghe, hướng dẫn đầy đủ, rõ ràng cho người dân",
                "moderate",
                "Quyết định 1847/QĐ-TTg",
                "",
            ),
        ],
    ),
    (
        "Công khai, tiếp nhận phản ánh, kiến nghị",
        [
            (
                "cong-khai-tthc",
                "Niêm yết công khai thủ tục hành chính",
                "moderate",
                "Nghị định 61/2018/NĐ-CP",
                "",
            ),
            (
                "duong-day-nong",
                "Niêm yết số điện thoại đường dây nóng, hòm thư góp ý",
                "minor",
                "Nghị định 20/2008/NĐ-CP",
                "",
            ),
            (
                "mo-hom-thu",
                "Hòm thư góp ý được mở đúng định kỳ",
                "minor",
                "Nghị định 20/2008/NĐ-CP",
                "",
            ),
            (
                "so-tiep-nhan",
                "Sổ tiếp nhận phản ánh, kiến nghị được ghi chép đầy đủ, cập nhật",
                "moderate",
                "Nghị định 20/2008/NĐ-CP, Điều 9",
                "",
            ),
        ],
    ),
    (
        "Quy chế làm việc, bài trí công sở",
        [
            (
                "quy-che",
                "Đơn vị ban hành quy chế làm việc và còn hiệu lực, phù hợp",
                "moderate",
                "Quyết định 1847/QĐ-TTg",
                "",
            ),
            (
                "bai-tri",
                "Bài trí công sở: Quốc huy, Quốc kỳ, biển tên cơ quan, biển tên phòng làm việc",
                "minor",
                "Quyết định 129/2007/QĐ-TTg, Điều 8–11",
                "",
            ),
        ],
    ),
]


@transaction.atomic
def default_template_version():
    """The published version of the default checklist, created on first use."""
    from congvu.inspections.models import ChecklistItem, ChecklistSection, ChecklistTemplate, TemplateVersion

    template, _created = ChecklistTemplate.objects.get_or_create(
        code=DEFAULT_CODE,
        defaults={
            "name": DEFAULT_NAME,
            "description": "Theo Quyết định 129/2007/QĐ-TTg, Chỉ thị 26/CT-TTg, Quyết định 1847/QĐ-TTg.",
        },
    )
    version = template.latest_published()
    if version is not None:
        return version
    version = TemplateVersion.objects.create(
        template=template, number=1, note="Bộ tiêu chí mặc định", published_at=timezone.now()
    )
    for section_order, (title, items) in enumerate(DEFAULT_CHECKLIST, start=1):
        section = ChecklistSection.objects.create(version=version, order=section_order, title=title)
        for item_order, (code, text, severity, basis, guidance) in enumerate(items, start=1):
            ChecklistItem.objects.create(
                section=section,
                order=item_order,
                code=code,
                text=text,
                default_severity=severity,
                legal_basis=basis,
                guidance=guidance,
            )
    return version
