"""The legal rules of feedback handling (phản ánh, kiến nghị), each with its source and its enforcer.

Decree 20/2008/NĐ-CP sets the intake rules (what a valid submission is, the four intake outcomes, the
5-working-day forwarding window) and leaves the answer deadline to sectors and provinces; Decision
766/QĐ-TTg counts a case as handled on time only when it was handled by its deadline. The deadline
rules below keep that count honest: a deadline's history is kept and lateness cannot be erased.
"""

from django.utils.translation import gettext_lazy as _

from congvu.core.rules import Area, Rule, Setting, Source

DECREE_20 = "Nghị định 20/2008/NĐ-CP"
DECREE_20_AMENDED = "Nghị định 20/2008/NĐ-CP (sửa đổi bởi Nghị định 48/2013/NĐ-CP)"
DECISION_766 = "Quyết định 766/QĐ-TTg"
PROVINCE_RULES = "Quy định của UBND tỉnh về thời hạn trả lời phản ánh, kiến nghị"

DEADLINE_SETTING = Setting(
    label=_("Hạn trả lời, hạn gia hạn tối đa theo lĩnh vực và đơn vị (quy tắc thời hạn)"),
    basis=_(
        "Nghị định 20/2008/NĐ-CP chỉ quy định hạn chuyển đơn 5 ngày làm việc; hạn trả lời và gia hạn do "
        "ngành, tỉnh quy định (ví dụ 15 ngày làm việc; Đà Nẵng: 3 ngày làm việc)."
    ),
    admin_url_name="admin:feedback_deadlinerule_changelist",
)

FORWARD_IN_5_DAYS = Rule(
    code="PAKN-CHUYEN-5NLV",
    area=Area.FEEDBACK,
    title=_("Phân loại, chuyển phản ánh không thuộc thẩm quyền trong 5 ngày làm việc"),
    source=Source(DECREE_20, "Điều 9", "khoản 1 điểm d"),
    enforced_by="congvu.feedback.deadlines.record_intake_step",
    explanation=_(
        "Hạn tính từ ngày tiếp nhận; quy tắc thời hạn không được đặt quá 5 ngày. Quyết định tiếp nhận "
        "hoặc chuyển đơn sau hạn vẫn được thực hiện nhưng bị ghi là trễ hạn và được báo cáo."
    ),
)

ANSWER_DEADLINE = Rule(
    code="PAKN-THOIHAN-TRALOI",
    area=Area.FEEDBACK,
    title=_("Hạn trả lời đặt khi tiếp nhận theo quy tắc thời hạn của lĩnh vực, đơn vị và được lưu giữ"),
    source=Source(PROVINCE_RULES),
    extra_sources=(Source(DECREE_20, "Điều 9"),),
    enforced_by="congvu.feedback.deadlines.receipt_deadlines",
    explanation=_("Hạn khi tiếp nhận được ghi vào lịch sử thời hạn và không bao giờ bị xóa hay sửa."),
    setting=DEADLINE_SETTING,
)

EXTEND_BEFORE_DEADLINE = Rule(
    code="PAKN-GIAHAN-TRUOCHAN",
    area=Area.FEEDBACK,
    title=_("Chỉ gia hạn trả lời khi hạn chưa hết"),
    source=Source(PROVINCE_RULES),
    extra_sources=(Source(DECISION_766, "Phụ lục", "chỉ số xử lý phản ánh, kiến nghị đúng hạn"),),
    enforced_by="congvu.feedback.deadlines.check_extension_before_deadline",
    explanation=_("Gia hạn sau khi đã quá hạn sẽ xóa việc trễ hạn, nên bị từ chối."),
)

EXTEND_ONCE = Rule(
    code="PAKN-GIAHAN-MOTLAN",
    area=Area.FEEDBACK,
    title=_("Mỗi phản ánh chỉ được gia hạn một lần, có nêu lý do"),
    source=Source(PROVINCE_RULES),
    enforced_by="congvu.feedback.deadlines.check_single_extension",
)

EXTENSION_MAXIMUM = Rule(
    code="PAKN-GIAHAN-TOIDA",
    area=Area.FEEDBACK,
    title=_("Thời gian gia hạn không vượt quá mức tối đa tỉnh quy định"),
    source=Source(PROVINCE_RULES),
    enforced_by="congvu.feedback.deadlines.check_extension_length",
    explanation=_("Mặc định bằng số ngày của hạn trả lời khi quy tắc thời hạn không ghi mức tối đa."),
    setting=DEADLINE_SETTING,
)

LATE_PAUSE = Rule(
    code="PAKN-TAMDUNG-SAUHAN",
    area=Area.FEEDBACK,
    title=_("Tạm dừng sau khi đã quá hạn không dừng việc quá hạn và không lùi hạn"),
    source=Source(DECISION_766, "Phụ lục", "chỉ số xử lý phản ánh, kiến nghị đúng hạn"),
    extra_sources=(Source(PROVINCE_RULES),),
    enforced_by="congvu.feedback.deadlines.deadline_after_resume",
    explanation=_(
        "Tạm dừng chờ người gửi bổ sung trước hạn thì hạn được lùi theo số ngày làm việc chờ đợi; tạm "
        "dừng bắt đầu sau hạn thì phản ánh vẫn quá hạn và hạn giữ nguyên khi tiếp tục."
    ),
)

ON_TIME_AGAINST_DEADLINE_IN_FORCE = Rule(
    code="PAKN-DUNGHAN-THEOHANHIENHANH",
    area=Area.FEEDBACK,
    title=_("Đúng hạn được xét theo hạn đang có hiệu lực khi hết hạn; trả lời sau hạn đó là trễ hạn"),
    source=Source(DECISION_766, "Phụ lục", "chỉ số xử lý phản ánh, kiến nghị đúng hạn"),
    enforced_by="congvu.feedback.deadlines.record_answer_step",
    explanation=_("Kết quả đúng hạn/trễ hạn được ghi khi gửi trả lời và không thay đổi về sau."),
)

LATENESS_STAYS = Rule(
    code="PAKN-TREHAN-KHONGXOA",
    area=Area.FEEDBACK,
    title=_("Phản ánh đã quá hạn không được gộp để ra khỏi số liệu"),
    source=Source(DECISION_766, "Phụ lục", "chỉ số xử lý phản ánh, kiến nghị đúng hạn"),
    enforced_by="congvu.feedback.deadlines.check_merge_keeps_lateness",
)

COMPLAINTS_LEAVE_THE_TRACK = Rule(
    code="PAKN-KHIEUNAI-TOCAO-CHUYENHUONG",
    area=Area.FEEDBACK,
    title=_("Khiếu nại, tố cáo không được thụ lý, chuyển như phản ánh mà được hướng dẫn theo thủ tục riêng"),
    source=Source(DECREE_20, "Điều 1", "khoản 2"),
    extra_sources=(Source("Luật Khiếu nại 2011"), Source("Luật Tố cáo 2018")),
    enforced_by="congvu.feedback.intake_rules.check_not_complaint",
    explanation=_("Phản ánh loại khiếu nại, tố cáo được chuyển hướng kèm hướng dẫn, không tính vào số liệu."),
)

KIND_CONFIRMED = Rule(
    code="PAKN-KHIEUNAI-TOCAO-XACNHAN",
    area=Area.FEEDBACK,
    title=_("Nội dung có dấu hiệu khiếu nại, tố cáo: cán bộ tiếp nhận xác nhận loại trước khi thụ lý"),
    source=Source(DECREE_20, "Điều 1", "khoản 2"),
    extra_sources=(Source(DECREE_20, "Điều 9"),),
    enforced_by="congvu.feedback.intake_rules.check_kind_confirmed",
)

KIND_BEFORE_ACCEPTANCE = Rule(
    code="PAKN-LOAI-TRUOCTHULY",
    area=Area.FEEDBACK,
    title=_("Loại phản ánh (phản ánh, khiếu nại, tố cáo) chỉ được đổi trước khi quyết định tiếp nhận"),
    source=Source(DECREE_20, "Điều 9"),
    extra_sources=(Source(DECISION_766, "Phụ lục", "chỉ số xử lý phản ánh, kiến nghị đúng hạn"),),
    enforced_by="congvu.feedback.intake_rules.check_kind_change",
    explanation=_(
        "Đổi loại sau khi đã thụ lý sẽ đưa phản ánh ra khỏi số liệu; khi đó trả lời và hướng dẫn người "
        "gửi theo thủ tục khiếu nại, tố cáo trong văn bản trả lời."
    ),
)

REFUSAL_GROUND = Rule(
    code="PAKN-TUCHOI-CANCU",
    area=Area.FEEDBACK,
    title=_("Chỉ không tiếp nhận khi có căn cứ theo Điều 7 và căn cứ đó đúng với phản ánh"),
    source=Source(DECREE_20_AMENDED, "Điều 7"),
    extra_sources=(Source(DECREE_20, "Điều 9", "khoản 1 điểm a"),),
    enforced_by="congvu.feedback.intake_rules.check_refusal_ground",
    explanation=_(
        "Căn cứ: không bằng tiếng Việt (kiểm tra ngôn ngữ hoặc cán bộ xác nhận); không rõ nội dung (cán "
        "bộ xác nhận); thiếu tên, địa chỉ hoặc thông tin liên hệ (kiểm tra trên phản ánh). Luôn nêu lý do."
    ),
)
