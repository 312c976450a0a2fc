"""Checks for uploaded files: the type is read from the content, never trusted from the name.

Images are re-encoded without their metadata (EXIF location data in photos of citizens' homes).
"""

import io
import mimetypes
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
IMAGE, PDF, OFFICE = "image", "pdf", "office"
OFFICE_ZIP_PARTS = ("word/", "xl/", "ppt/")


def sniff(head: bytes, upload) -> str | None:
    """The kind of file the bytes say it is, or None."""
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return IMAGE
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # legacy .doc/.xls/.ppt
        return OFFICE
    if head.startswith(b"PK\x03\x04"):
        return OFFICE if _is_office_zip(upload) else None
    return None


def _is_office_zip(upload) -> bool:
    position = upload.tell()
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(position)
    return "[Content_Types].xml" in names and any(name.startswith(OFFICE_ZIP_PARTS) for name in names)


def check_upload(upload, *, kinds=(IMAGE, PDF, OFFICE), max_bytes: int = MAX_BYTES) -> str:
    """Return the detected kind, or raise ValidationError with a message for the user."""
    name = getattr(upload, "name", "") or ""
    if upload.size > max_bytes:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (tối đa %(limit)s).")
            % {"name": name, "limit": filesizeformat(max_bytes)}
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": name})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head, upload)
    if kind not in kinds:
        raise ValidationError(
            _("Tệp “%(name)s” không đúng định dạng cho phép (ảnh, PDF, Word, Excel).") % {"name": name}
        )
    if kind == IMAGE:
        _verify_image(upload, name)
    return kind


def _verify_image(upload, name):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("Ảnh “%(name)s” bị hỏng hoặc không đọc được.") % {"name": name})
    finally:
        upload.seek(0)


def without_metadata(upload) -> ContentFile:
    """A copy of an image with EXIF and other metadata removed (orientation applied first)."""
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as image:
        fmt = image.format or "JPEG"
        clean = ImageOps.exif_transpose(image)
        if fmt == "JPEG" and clean.mode not in ("RGB", "L"):
            clean = clean.convert("RGB")
        buffer = io.BytesIO()
        clean.save(buffer, format=fmt)
    upload.seek(0)
    return ContentFile(buffer.getvalue(), name=getattr(upload, "name", "image"))


def cleaned_upload(upload, **check_options):
    """check_upload + metadata removal for images: what to store."""
    kind = check_upload(upload, **check_options)
    return (without_metadata(upload) if kind == IMAGE else upload), kind


def protected_file_response(field_file, filename: str | None = None, *, inline: bool = False) -> FileResponse:
    """Serve a stored file through a view that has already checked the user's scope."""
    filename = filename or field_file.name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
