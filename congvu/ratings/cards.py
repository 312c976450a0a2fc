"""Printable QR cards (A6, one per page) for officials and counters, drawn with ReportLab.

The text is Vietnamese, so the card embeds DejaVu Sans (Debian's fonts-dejavu-core); the QR code comes
from segno. Each card carries what Decision 129/2007/QĐ-TTg and Circular 06/2008/TT-BNV put on a badge
(photo, name, title, unit, badge number) plus the QR code to the rating page.
"""

import io
from pathlib import Path

import segno
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
RED = HexColor("#a4161a")
INK = HexColor("#1b1b1b")
MUTED = HexColor("#555555")
_fonts: tuple[str, str] | None = None


def _register_fonts() -> tuple[str, str]:
    global _fonts
    if _fonts is None:
        for directory in FONT_DIRS:
            regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
            if regular.exists() and bold.exists():
                pdfmetrics.registerFont(TTFont("CardSans", str(regular)))
                pdfmetrics.registerFont(TTFont("CardSans-Bold", str(bold)))
                _fonts = ("CardSans", "CardSans-Bold")
                break
        else:  # pragma: no cover - only without fonts-dejavu; Helvetica cannot show Vietnamese marks
            _fonts = ("Helvetica", "Helvetica-Bold")
    return _fonts


def _qr_image(url: str) -> ImageReader:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return ImageReader(buffer)


def _fit(pdf, text, font, size, width, minimum=6):
    while size > minimum and pdf.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _centered(pdf, text, y, font, size, width, x_mid):
    size = _fit(pdf, text, font, size, width)
    pdf.setFont(font, size)
    pdf.drawCentredString(x_mid, y, text)


def _card(pdf, card, regular, bold):
    page_w, page_h = A6
    x_mid, inner = page_w / 2, page_w - 14 * mm
    pdf.setFillColor(RED)
    pdf.rect(0, page_h - 18 * mm, page_w, 18 * mm, stroke=0, fill=1)
    pdf.setFillColor(HexColor("#ffffff"))
    _centered(pdf, card["heading"].upper(), page_h - 8 * mm, bold, 9, inner, x_mid)
    _centered(pdf, card["unit"], page_h - 14 * mm, regular, 8, inner, x_mid)
    pdf.setFillColor(INK)
    top = page_h - 22 * mm
    photo = card.get("photo")
    if photo:
        try:
            pdf.drawImage(
                ImageReader(photo),
                7 * mm,
                top - 36 * mm,
                27 * mm,
                36 * mm,
                preserveAspectRatio=True,
                mask="auto",
            )
        except (OSError, ValueError):
            photo = None
    if not photo:
        pdf.setStrokeColor(MUTED)
        pdf.rect(7 * mm, top - 36 * mm, 27 * mm, 36 * mm, stroke=1, fill=0)
        pdf.setFont(regular, 7)
        pdf.setFillColor(MUTED)
        pdf.drawCentredString(20.5 * mm, top - 19 * mm, card.get("photo_placeholder", ""))
        pdf.setFillColor(INK)
    text_x, text_w = 38 * mm, page_w - 45 * mm
    y = top - 6 * mm
    for label, value, font, size in card["lines"]:
        if label:
            pdf.setFont(regular, 6.5)
            pdf.setFillColor(MUTED)
            pdf.drawString(text_x, y, label)
            y -= 4.2 * mm
        pdf.setFillColor(INK)
        size = _fit(pdf, value, bold if font == "bold" else regular, size, text_w)
        pdf.setFont(bold if font == "bold" else regular, size)
        pdf.drawString(text_x, y, value)
        y -= 6 * mm
    qr_size = 52 * mm
    pdf.drawImage(_qr_image(card["url"]), x_mid - qr_size / 2, 20 * mm, qr_size, qr_size)
    _centered(pdf, card["call"], 15 * mm, bold, 9, inner, x_mid)
    pdf.setFillColor(MUTED)
    _centered(pdf, card["url"], 10 * mm, regular, 7, inner, x_mid)
    _centered(pdf, card["footer"], 5.5 * mm, regular, 6, inner, x_mid)


def staff_card(staff, url: str) -> dict:
    photo = None
    if staff.photo:
        try:
            with staff.photo.open("rb") as handle:
                photo = io.BytesIO(handle.read())
        except (OSError, ValueError):
            photo = None
    return {
        "heading": _("Thẻ cán bộ, công chức"),
        "unit": staff.unit.name,
        "photo": photo,
        "photo_placeholder": _("Ảnh 3×4"),
        "lines": [
            (_("Họ và tên"), staff.full_name, "bold", 11),
            (_("Chức vụ"), staff.position.name if staff.position_id else "", "regular", 9),
            (_("Số thẻ"), staff.badge_number or "", "bold", 10),
        ],
        "url": url,
        "call": _("Quét mã để đánh giá sự hài lòng"),
        "footer": _("Mỗi hồ sơ được đánh giá một lần · Không thu thập thông tin cá nhân"),
    }


def counter_card(counter, url: str) -> dict:
    return {
        "heading": _("Đánh giá sự hài lòng"),
        "unit": counter.unit.name,
        "photo": None,
        "photo_placeholder": counter.code,
        "lines": [
            (_("Quầy"), counter.name, "bold", 12),
            (_("Lĩnh vực"), counter.fields_served or "—", "regular", 8),
            (_("Mã quầy"), counter.code, "regular", 8),
        ],
        "url": url,
        "call": _("Quét mã để đánh giá cán bộ tại quầy"),
        "footer": _("Mỗi hồ sơ được đánh giá một lần · Không thu thập thông tin cá nhân"),
    }


def render_cards(cards: list[dict], title: str) -> bytes:
    regular, bold = _register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A6, pageCompression=1)
    pdf.setTitle(title)
    pdf.setAuthor("congvu")
    for card in cards:
        _card(pdf, card, regular, bold)
        pdf.showPage()
    if not cards:
        pdf.setFont(regular, 10)
        pdf.drawString(10 * mm, A6[1] / 2, _("Không có thẻ nào để in."))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
