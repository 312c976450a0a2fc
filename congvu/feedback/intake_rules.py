"""The intake rules of Decree 20/2008: what may be refused and on which ground (Art. 7), and that
complaints and denunciations leave the feedback track before any acceptance (Art. 1.2)."""

import re
import unicodedata

from django.utils.translation import gettext as _

from congvu.core.text import fold
from congvu.feedback import rulebook
from congvu.feedback.models import COMPLAINT_KINDS, Decision, Kind, RefusalGround, Status

COMPLAINT_WORDS = re.compile(r"\b(khiếu nại|khiếu kiện|tố cáo)\b")
# The same words typed without diacritics; matched only among words typed without diacritics, so that
# "tô cao" (plaster higher) is not taken for "tố cáo".
FOLDED_COMPLAINT_WORDS = re.compile(r"\b(khieu nai|khieu kien|to cao)\b")
ACCEPTING = (Decision.HANDLE, Decision.OUTSIDE, Decision.OFFICIAL_CONDUCT)
# Letters only Vietnamese writes (not the é, à, ó of French or Spanish): a text with several of them is
# Vietnamese whatever the officer ticks, so it cannot be refused as "not in Vietnamese".
VIETNAMESE_ONLY_LETTERS = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
CLEARLY_VIETNAMESE_MIN_LETTERS = 3


def clearly_vietnamese(text: str) -> bool:
    text = unicodedata.normalize("NFC", text).lower()
    return sum(ch in VIETNAMESE_ONLY_LETTERS for ch in text) >= CLEARLY_VIETNAMESE_MIN_LETTERS


def looks_like_complaint(text: str) -> bool:
    text = unicodedata.normalize("NFC", text).lower()
    if COMPLAINT_WORDS.search(text):
        return True
    plain = " ".join(word if word.isascii() else "·" for word in re.findall(r"\w+", text))
    return bool(FOLDED_COMPLAINT_WORDS.search(fold(plain)))


def sender_incomplete(case) -> bool:
    """Art. 7.3: a name, an address, and a phone number or a postal address to reach the sender."""
    return (
        case.kind == Kind.SUGGESTION
        or case.is_anonymous
        or not case.sender_name.strip()
        or not case.sender_address.strip()
    )


def ground_holds(case, ground: str, *, confirmed: bool) -> bool:
    if ground == RefusalGround.NOT_VIETNAMESE:
        # The language check can be fooled by a foreign text with accents, so the officer may confirm;
        # never for a text written with Vietnamese letters.
        if clearly_vietnamese(f"{case.title} {case.content}"):
            return False
        return case.not_vietnamese or confirmed
    if ground == RefusalGround.UNCLEAR:
        return confirmed
    if ground == RefusalGround.MISSING_SENDER:
        return sender_incomplete(case)
    return False


def check_refusal_ground(case, *, ground: str, confirmed: bool, reason: str):
    """ "Not accepted" needs an Art. 7 ground that holds for this case, and the reason told to the sender."""
    if ground not in RefusalGround.values:
        rulebook.REFUSAL_GROUND.refuse(
            _("Chọn căn cứ không tiếp nhận theo Điều 7 Nghị định 20/2008/NĐ-CP."), field="refusal_ground"
        )
    if not ground_holds(case, ground, confirmed=confirmed):
        text = {
            RefusalGround.NOT_VIETNAMESE: _(
                "Nội dung được nhận diện là tiếng Việt; chỉ không tiếp nhận vì lý do ngôn ngữ khi cán bộ "
                "xác nhận nội dung không bằng tiếng Việt."
            ),
            RefusalGround.UNCLEAR: _("Cán bộ tiếp nhận cần xác nhận nội dung không rõ ràng."),
            RefusalGround.MISSING_SENDER: _(
                "Phản ánh đã ghi đủ họ tên và địa chỉ của người gửi, không thể không tiếp nhận vì thiếu thông tin."
            ),
        }[RefusalGround(ground)]
        rulebook.REFUSAL_GROUND.refuse(text, field="refusal_ground")
    if not reason.strip():
        rulebook.REFUSAL_GROUND.refuse(_("Nêu lý do không tiếp nhận."), field="reason")


def check_not_complaint(case, decision: str):
    """A complaint or denunciation is never accepted, forwarded or refused as feedback: it is redirected
    with guidance (classify)."""
    if case.kind in COMPLAINT_KINDS:
        rulebook.COMPLAINTS_LEAVE_THE_TRACK.refuse(
            _(
                "Đây là %(kind)s: không thụ lý, chuyển hay từ chối như phản ánh, kiến nghị; hãy chuyển hướng "
                "và hướng dẫn người gửi theo Luật Khiếu nại, Luật Tố cáo."
            )
            % {"kind": case.get_kind_display().lower()},
            field="decision",
        )


def check_kind_confirmed(case, decision: str):
    # Every intake outcome, a refusal too: a complaint refused as feedback would get no guidance to the
    # right procedure and would count in the feedback figures.
    if case.complaint_suspected and not case.kind_confirmed:
        rulebook.KIND_CONFIRMED.refuse(
            _(
                "Nội dung có dấu hiệu khiếu nại, tố cáo: xác nhận loại phản ánh (mục Phân loại) trước khi "
                "quyết định tiếp nhận."
            ),
            field="decision",
        )


def check_kind_change(case, kind: str):
    """The kind is settled at intake: once a case is accepted, changing it would take it out of the
    figures (a complaint found later is answered with guidance instead)."""
    if kind != case.kind and case.status != Status.NEW:
        rulebook.KIND_BEFORE_ACCEPTANCE.refuse(
            _(
                "Phản ánh đã được quyết định tiếp nhận, không thể đổi loại. Nếu nội dung là khiếu nại, tố "
                "cáo, hãy hướng dẫn người gửi trong văn bản trả lời."
            ),
            field="kind",
        )
