"""Personal data is found before a case is published: names (with and without diacritics), phones in
every spelling, e-mails, ID cards, house addresses and plates; the preview highlights them and
publishing anyway needs a reason, logged as an event."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congvu.feedback import services
from congvu.feedback.models import Case, Status
from congvu.feedback.personal_data import find_personal_data, highlight
from tests.factories import StaffFactory
from tests.feedback.factories import make_case

NAMES = ["Phạm Thị Lan", "Trần Văn Minh"]


def kinds(text, **known):
    return [
        (f.kind, f.text)
        for f in find_personal_data(
            text, names=known.get("names", NAMES), **{k: v for k, v in known.items() if k != "names"}
        )
    ]


@pytest.mark.parametrize(
    "phone",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "091 234 5678",
        "+84912345678",
        "+84 912 345 678",
        "+84-912-345-678",
        "(+84) 912.345.678",
        "84912345678",
        "84 912 345 678",
        "0084 912 345 678",
        "(024) 3825 1234",
        "024.3825.1234",
        "02053 812 345",
    ],
)
def test_phones_in_every_spelling(phone):
    assert kinds(f"Liên hệ {phone} để biết thêm.") == [("phone", phone)]


@pytest.mark.parametrize("email", ["lan@example.vn", "pham.thi.lan+pakn@mail.gov.vn", "lan (at) example.vn"])
def test_emails(email):
    assert kinds(f"Gửi về {email}, cảm ơn.") == [("email", email)]


@pytest.mark.parametrize("number", ["001099012345", "001 099 012 345", "123456789", "123 456 789"])
def test_id_card_numbers_of_nine_and_twelve_digits(number):
    assert kinds(f"Số CCCD/CMND: {number}.") == [("id_card", number)]


@pytest.mark.parametrize(
    "address",
    [
        "số nhà 12",
        "Số nhà 12A",
        "so nha 12",
        "nhà số 7",
        "ngõ 34",
        "ngo 34",
        "ngách 5/7",
        "hẻm 12/3",
        "hem 45",
        "kiệt 3",
        "kiet 3",
        "tổ 7",
        "tổ dân phố 5",
        "thôn 2",
        "khối 4",
        "khoi 4",
        "xóm 2",
        "ấp 3",
        "khu phố 6",
        "căn hộ 1203",
        "số 5 đường Lê Lợi",
        "20 phố Huế",
        "12/3 đường Bà Triệu",
    ],
)
def test_house_addresses(address):
    assert [k for k, _text in kinds(f"Gia đình tôi ở {address}, phường An Bình.")] == ["address"]
    assert address in kinds(f"Gia đình tôi ở {address}, phường An Bình.")[0][1]


@pytest.mark.parametrize("plate", ["12A-345.67", "29A1-234.56", "51F 123.45", "30E-12345", "29a1 23456"])
def test_vehicle_plates(plate):
    assert kinds(f"Xe biển số {plate} đỗ trên vỉa hè.") == [("plate", plate)]


@pytest.mark.parametrize(
    "written",
    [
        "Phạm Thị Lan",
        "PHẠM THỊ LAN",
        "pham thi lan",
        "Pham Thi Lan",
        "Phạm  Thị\nLan",
        "bà Lan",
        "chị Thị Lan",
    ],
)
def test_the_names_of_the_case_with_and_without_diacritics(written):
    found = kinds(f"Theo phản ánh của {written} về việc này.")
    assert [k for k, _text in found] == ["name"] and written.split()[-1] in found[0][1]


def test_officials_and_anyone_introduced_by_a_form_of_address():
    found = kinds("Ông Tran Van Minh và anh Hoàng Văn Hải đã hẹn nhiều lần; chị Nguyễn Thu đã xác nhận.")
    assert [text for kind, text in found if kind == "name"] == [
        "Ông Tran Van Minh",
        "anh Hoàng Văn Hải",
        "chị Nguyễn Thu",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 01.02.2024 lúc 15 giờ, số tiền 1.250.000 đồng, năm 2024, 100 hộ dân.",
        "Khoản thu 250.000.000 đồng ngoài quy định.",
        "Theo Quyết định số 123/QĐ-UBND và văn bản 3 của phường.",
        "Ba cột đèn trên đường Bà Triệu hỏng, Ông Chủ tịch UBND phường đã chỉ đạo.",
        "Hồ sơ của Ông/Bà phải bổ sung trích đo địa chính.",
        "Trạm y tế đã niêm yết số điện thoại trực 24/7.",
    ],
)
def test_ordinary_text_is_not_flagged(text):
    assert kinds(text) == []


def test_known_address_is_found_whatever_the_accents():
    assert kinds("Sự việc ở 20 Ba Trieu, gần chợ.", addresses=["20 Bà Triệu"]) == [("address", "20 Ba Trieu")]


def test_highlight_marks_each_finding_and_escapes_the_rest():
    text = "<b>Gọi</b> 0912 345 678"
    html = highlight(text, find_personal_data(text))
    assert "&lt;b&gt;Gọi&lt;/b&gt;" in html
    assert '<mark class="personal-data" data-kind="phone" title="Số điện thoại">0912 345 678</mark>' in html


# --- publishing -----------------------------------------------------------------------------------------


def _answered(ward, **kwargs):
    case = make_case(ward, **kwargs)
    Case.objects.filter(pk=case.pk).update(status=Status.ANSWERED)
    return Case.objects.get(pk=case.pk)


CLEAN = {
    "title": "Chậm cấp giấy chứng nhận",
    "content": "Người dân phản ánh chậm cấp giấy chứng nhận quyền sử dụng đất.",
    "answer": "Phường đã cấp giấy và nhắc nhở công chức.",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "leak",
    [
        "Liên hệ 0912 345 678.",  # the sender's phone, with spaces (passed the exact comparison)
        "Liên hệ +84 912.345.678.",
        "Gia đình ở số 5 đường Lê Lợi.",  # the sender's home address
        "Người gửi có CCCD 001099012345.",  # an ID card
        "Ông Nguyen Van Dan phản ánh.",  # the name without diacritics
        "Cán bộ Trần Văn Minh hẹn nhiều lần.",  # an official named in the case
        "Xe 29A1-234.56 chắn lối.",
        "Liên hệ 0912\u200b345\u200b678.",  # zero-width spaces hiding the phone
        "Liên hệ ０９１２３４５６７８.",  # full-width digits
    ],
)
def test_publishing_refuses_personal_data_in_any_spelling(ward, handler, leak):
    case = _answered(ward)
    case.officials_concerned.add(StaffFactory(full_name="Trần Văn Minh", unit=ward))
    with pytest.raises(ValidationError) as refused:
        services.publish(case, by=handler, **{**CLEAN, "content": CLEAN["content"] + " " + leak})
    assert "override_reason" in refused.value.message_dict
    assert "thông tin cá nhân" in refused.value.message_dict["override_reason"][0]
    case.refresh_from_db()
    assert case.published_at is None and case.public_content == ""


@pytest.mark.django_db
def test_publishing_with_a_finding_needs_a_reason_and_logs_it_without_the_data(ward, handler):
    case = _answered(ward)
    text = {**CLEAN, "answer": "Đèn trên đường Bà Triệu, gần số 5 đường Lê Lợi, đã được thay."}
    with pytest.raises(ValidationError):
        services.publish(case, by=handler, **text, override_reason="ngắn")
    reason = "Đây là vị trí cột đèn công cộng, không phải nhà người gửi."
    services.publish(case, by=handler, **text, override_reason=reason)
    case.refresh_from_db()
    assert case.published_at is not None
    event = case.events.get(action="published_with_personal_data")
    assert event.note == reason and event.by == handler
    assert "Địa chỉ" in str(event.after) and "Lê Lợi" not in str(event.after)


@pytest.mark.django_db
def test_clean_text_publishes_without_a_reason(ward, handler):
    case = _answered(ward)
    services.publish(case, by=handler, **CLEAN)
    case.refresh_from_db()
    assert case.published_at and not case.events.filter(action="published_with_personal_data").exists()


@pytest.mark.django_db
def test_preview_highlights_and_confirm_needs_a_reason(login, ward, handler):
    client = login(handler)
    case = _answered(ward)
    Case.objects.filter(pk=case.pk).update(handler=handler)  # assigned: inside the handling chain
    case.refresh_from_db()
    url = reverse("feedback:case_publish", args=[case.pk])
    form = {
        "public_title": CLEAN["title"],
        "public_content": "Bà Phạm Thị Lan ở ngõ 34 gọi 0912 345 678.",
        "public_answer": CLEAN["answer"],
    }
    preview = client.post(url, {**form, "preview": "1"}).content.decode()
    assert 'id="personal-data-found"' in preview
    for marked in ("0912 345 678", "ngõ 34"):
        assert f">{marked}</mark>" in preview
    refused = client.post(url, {**form, "confirm": "1"})
    assert refused.status_code == 200 and "override_reason" in refused.content.decode()
    assert Case.objects.get(pk=case.pk).published_at is None

    published = client.post(url, {**form, "confirm": "1", "override_reason": "Người gửi đồng ý công khai."})
    assert published.status_code == 302
    assert Case.objects.get(pk=case.pk).events.filter(action="published_with_personal_data").exists()


@pytest.mark.django_db
def test_what_was_refused_reaches_neither_the_portal_nor_open311(client, ward, handler):
    case = _answered(ward)
    with pytest.raises(ValidationError):
        services.publish(case, by=handler, **{**CLEAN, "content": "Gọi 0912 345 678, CCCD 001099012345."})
    assert client.get(reverse("feedback:published_detail", args=[case.pk])).status_code == 404
    row = client.get(f"/open311/v2/requests/{case.pk}.json").json()[0]
    assert row["description"] == "" and "0912" not in str(row)


def test_invisible_characters_cannot_hide_a_phone_or_a_name_from_the_check():
    from congvu.feedback.personal_data import plain_text

    hidden = "Lương\u200bNgọc\u200bToàn, ĐT 0923\u200b582677 hoặc ０９１２３４５６７８ \u202e"
    text = plain_text(hidden)
    assert "\u200b" not in text and "\u202e" not in text and "0912345678" in text
    assert "0923582677" in text


@pytest.mark.django_db
def test_the_publish_preview_is_for_the_handling_chain_only(login, ward, handler, unit_head):
    """The preview marks the sender's name: outside the chain it would confirm a guessed name."""
    case = _answered(ward)
    # Assigned to someone else: the ward's other handler is outside its chain.
    Case.objects.filter(pk=case.pk).update(handler=unit_head)
    url = reverse("feedback:case_publish", args=[case.pk])
    data = {**{f"public_{k}": v for k, v in CLEAN.items()}, "public_content": "nguyen van dan"}
    assert login(handler).post(url, data).status_code == 403
    assert login(unit_head).post(url, data).status_code == 200


@pytest.mark.django_db
def test_the_audit_log_keeps_no_sender_details(ward):
    from congvu.core.models import AuditEvent

    case = make_case(ward, sender_name="Hoàng Thị Mận", sender_phone="0912345678")
    rows = AuditEvent.objects.filter(object_type="feedback.case", object_id=str(case.pk))
    assert rows.exists()
    assert all("Mận" not in str(row.changes) and "0912345678" not in str(row.changes) for row in rows)
