"""Health check, configuration helpers, error pages, rate limits, uploads, documents, notifications."""

import io
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from PIL import Image

from congvu import envconfig
from congvu.core import ratelimit, reminders, uploads
from congvu.core.documents import add_body, add_signature, add_table, document_bytes, official_document
from congvu.core.models import Notification, RateBucket
from congvu.core.notifications import notify

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_healthz_is_503_when_the_database_is_unreachable(client):
    with mock.patch("congvu.core.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


def test_styled_404_in_vietnamese(client):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_english_is_available(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Staff login" in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("url", "engine", "name"),
    [
        ("sqlite:///var/x.sqlite3", "django.db.backends.sqlite3", "x.sqlite3"),
        ("postgres://postgres@127.0.0.1:5432/congvu", "django.db.backends.postgresql", "congvu"),
    ],
)
def test_database_url_parsing(url, engine, name, tmp_path):
    config = envconfig.parse_database_url(url, tmp_path)
    assert config["ENGINE"] == engine
    assert str(config["NAME"]).endswith(name)


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host:5432/", "sqlite:///"])
def test_bad_database_urls_are_explained(url, tmp_path):
    with pytest.raises(ImproperlyConfigured):
        envconfig.parse_database_url(url, tmp_path)


def test_env_helpers_validate(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        envconfig.env_bool("DEBUG")
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        envconfig.env_int("EMAIL_PORT", 25)
    monkeypatch.setenv("ALLOWED_HOSTS", "a.gov.vn, b.gov.vn")
    assert envconfig.env_list("ALLOWED_HOSTS", []) == ["a.gov.vn", "b.gov.vn"]


def test_secret_key_is_generated_once(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = envconfig.secret_key(tmp_path)
    assert first == envconfig.secret_key(tmp_path)
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(ImproperlyConfigured):
        envconfig.secret_key(tmp_path)


def test_rate_limit_counts_within_a_window():
    results = [ratelimit.hit("k", limit=3, window_seconds=60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert ratelimit.is_limited("k", limit=3, window_seconds=60)
    assert RateBucket.objects.get(key="k").count == 5


def _png(with_gps=True):
    image = Image.new("RGB", (8, 8), "red")
    buffer = io.BytesIO()
    exif = Image.Exif()
    if with_gps:
        exif[0x010F] = "Camera"  # Make
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_upload_type_comes_from_content_not_name():
    fake = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00 this is a program", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="không đúng định dạng"):
        uploads.check_upload(fake)
    pdf = SimpleUploadedFile("bien-ban.exe", b"%PDF-1.4 ...", content_type="application/octet-stream")
    assert uploads.check_upload(pdf) == uploads.PDF


def test_upload_size_limit_and_empty_file():
    big = SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 2048)
    with pytest.raises(ValidationError, match="quá lớn"):
        uploads.check_upload(big, max_bytes=1024)
    with pytest.raises(ValidationError, match="rỗng"):
        uploads.check_upload(SimpleUploadedFile("a.pdf", b""))


def test_images_lose_their_metadata():
    photo = SimpleUploadedFile("nha.jpg", _png())
    cleaned, kind = uploads.cleaned_upload(photo)
    assert kind == uploads.IMAGE
    with Image.open(io.BytesIO(cleaned.read())) as image:
        assert not image.getexif()


def test_decree_30_document_has_header_and_signature():
    import datetime as dt

    from docx import Document

    document = official_document(
        issuing_body="UBND phường An Bình",
        number="12/BC-UBND",
        place="An Bình",
        date=dt.date(2026, 11, 26),
        kind_title="Báo cáo",
        subject="Kết quả thực hiện văn hóa công vụ",
    )
    add_body(document, "Nội dung báo cáo.")
    add_table(document, ["STT", "Chỉ tiêu"], [[1, "Phản ánh"]])
    add_signature(document, signer_title="Chủ tịch", signer_name="Nguyễn Văn A", recipients=["UBND tỉnh"])
    reread = Document(io.BytesIO(document_bytes(document)))
    header = reread.tables[0].rows[0].cells
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    assert "Độc lập - Tự do - Hạnh phúc" in header[1].text
    assert "ngày 26 tháng 11 năm 2026" in header[1].text
    assert "Số: 12/BC-UBND" in header[0].text
    assert any(p.text == "BÁO CÁO" for p in reread.paragraphs)


def test_notify_stores_and_emails_once_per_user(django_capture_on_commit_callbacks, unit_head):
    unit_head.email = "truong@example.gov.vn"
    unit_head.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([unit_head, unit_head], title="Quá hạn", body="Phản ánh PA-1 quá hạn", url="/quan-ly/")
    assert Notification.objects.filter(user=unit_head).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["truong@example.gov.vn"]


def test_claim_is_won_once(unit_head):
    notify([unit_head], title="x", email=False)
    row = Notification.objects.get()
    from django.utils import timezone

    now = timezone.now()
    assert reminders.claim(Notification.objects.filter(pk=row.pk, read_at__isnull=True), read_at=now)
    assert not reminders.claim(Notification.objects.filter(pk=row.pk, read_at__isnull=True), read_at=now)


def test_vietnamese_is_the_default_whatever_the_browser_asks(client):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Đăng nhập cán bộ" in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Staff login" in client.get("/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()


def test_server_errors_show_the_styled_page_without_a_traceback(client, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("secret stack detail")

    settings.DEBUG = False
    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("hong/", broken)], "handler500": "congvu.core.views.server_error"}
    )
    client.raise_request_exception = False
    response = client.get("/hong/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in body and "secret stack detail" not in body


def test_a_new_window_forgets_the_old_ones_and_the_loop_purges_quiet_keys():
    from congvu.core.reminders import run_due

    RateBucket.objects.create(key="k", window_start=60, count=9)
    RateBucket.objects.create(key="quiet", window_start=60, count=9)
    assert ratelimit.hit("k", limit=3, window_seconds=60)
    assert not RateBucket.objects.filter(key="k", window_start=60).exists()
    assert run_due() == 0
    assert not RateBucket.objects.filter(key="quiet").exists()


def test_staff_menu_keeps_each_section_together(ward_insider):
    from congvu.accounts.scope import has_role
    from congvu.core.nav import staff_nav_for

    sections = [item["section"] for item in staff_nav_for(ward_insider, has_role)]
    headings = [
        section for index, section in enumerate(sections) if index == 0 or sections[index - 1] != section
    ]
    assert len(headings) == len(set(headings)), headings


def test_client_address_behind_a_trusted_proxy(rf, settings):
    from congvu.core.middleware import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_ip(request) == "10.0.0.1"  # a client could forge the header
    settings.TRUST_X_FORWARDED_FOR = True
    assert client_ip(request) == "203.0.113.9"  # the entry our proxy appended
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"


@pytest.mark.parametrize("username", ["inspector", "programme_office", "unit_head", "leadership"])
def test_staff_menu_shows_each_section_heading_once(username, request):
    from congvu.accounts.scope import has_role
    from congvu.core.nav import staff_nav_for

    items = staff_nav_for(request.getfixturevalue(username), has_role)
    headings = [item["section"] for item in items if item["new_section"]]
    assert items and len(headings) == len(set(headings)), headings


def test_a_form_sent_without_its_security_token_gets_a_vietnamese_403(db):
    from django.test import Client
    from django.urls import reverse

    response = Client(enforce_csrf_checks=True).post(reverse("feedback:submit"), {"title": "x"})
    assert response.status_code == 403
    assert (
        "tải lại trang" in response.content.decode()
        and "verification failed" not in response.content.decode()
    )
