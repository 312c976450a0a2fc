"""Checks for uploaded files: the type is read from the content, never trusted from the name.

Images are re-encoded without their metadata (EXIF location data in photos of citizens' homes).

Nothing here decodes or unpacks a file before knowing how big the result will be: an image's size is
read from its header and refused above a pixel limit (per image, and per request across all its
images); an office file (.docx, .xlsx: a zip) is refused when its directory announces too many members,
too many bytes once unpacked, or a compression ratio only a zip bomb has. Python's zipfile never
unpacks more than a member's announced size, so checking the announced sizes bounds what a reader
(openpyxl, python-docx) can be made to hold.
"""

import contextvars
import io
import mimetypes
import struct
import warnings
import zipfile
from contextlib import contextmanager
from fnmatch import fnmatch

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
IMAGE, PDF, OFFICE = "image", "pdf", "office"
OFFICE_ZIP_PARTS = ("word/", "xl/", "ppt/")

# A Word or Excel file has tens of members, a large workbook a few hundred.
OFFICE_MAX_MEMBERS = 2000
# XML compresses 5-30 times; a member unpacking more than 200 times its packed size (and past 1 MB) is
# made to exhaust the reader, not to carry a document.
OFFICE_MAX_RATIO = 200
OFFICE_RATIO_FLOOR = 1024 * 1024
# Where the end-of-central-directory record of a zip can be: the last 22 bytes plus a comment of 64 KB.
ZIP_TAIL = 22 + 65535
# A directory entry is 46 bytes and its name; office part names are short.
ZIP_ENTRY_MAX_BYTES = 512

DEFAULT_IMAGE_MAX_PIXELS = 50_000_000
DEFAULT_REQUEST_MAX_PIXELS = 100_000_000
DEFAULT_OFFICE_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024


def _setting(name: str, default: int) -> int:
    return getattr(settings, name, default)


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
        if _directory_too_large(upload):
            return True  # an office file's name and type; check_office_archive refuses it
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
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
    elif kind == OFFICE and head.startswith(b"PK\x03\x04"):
        check_office_archive(upload, name=name)
    return kind


# Images -----------------------------------------------------------------------------------------------


class PixelBudget:
    """The pixels a request may have decoded across all its images; each upload is counted once however
    many times it is checked (a form, then the service)."""

    def __init__(self, limit: int):
        self.limit = limit
        # id -> (upload, pixels); the upload is kept so that its id cannot be reused by another file.
        self._charged: dict[int, tuple[object, int]] = {}

    def charge(self, upload, pixels: int, name: str) -> None:
        self._charged[id(upload)] = (upload, pixels)
        if sum(pixels for _upload, pixels in self._charged.values()) > self.limit:
            raise ValidationError(
                _(
                    "Các ảnh gửi cùng lúc quá lớn (tổng tối đa %(limit)s megapixel); ảnh “%(name)s” không được nhận."
                )
                % {"limit": self.limit // 1_000_000, "name": name}
            )


_request_budget: contextvars.ContextVar[PixelBudget | None] = contextvars.ContextVar(
    "congvu_pixel_budget", default=None
)


@contextmanager
def pixel_budget(limit: int | None = None):
    """Count the pixels of the images checked inside the block against one limit (a request's)."""
    budget = PixelBudget(
        limit if limit is not None else _setting("UPLOAD_REQUEST_MAX_PIXELS", DEFAULT_REQUEST_MAX_PIXELS)
    )
    token = _request_budget.set(budget)
    try:
        yield budget
    finally:
        _request_budget.reset(token)


def _too_many_pixels(name: str, limit: int) -> ValidationError:
    return ValidationError(
        _("Ảnh “%(name)s” quá lớn (tối đa %(limit)s megapixel). Hãy thu nhỏ ảnh rồi gửi lại.")
        % {"name": name, "limit": limit // 1_000_000}
    )


def _verify_image(upload, name):
    """Refuse an image whose header announces too many pixels, before anything is decoded; then let
    Pillow check the file's structure (verify() reads the chunks, it does not decode the pixels)."""
    from PIL import Image, UnidentifiedImageError

    limit = _setting("UPLOAD_IMAGE_MAX_PIXELS", DEFAULT_IMAGE_MAX_PIXELS)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:  # reads the header only
                width, height = image.size
                if width * height > limit:
                    raise _too_many_pixels(name, limit)
                budget = _request_budget.get()
                if budget is not None:
                    budget.charge(upload, width * height, name)
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(name, limit)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error, EOFError):
        raise ValidationError(_("Ảnh “%(name)s” bị hỏng hoặc không đọc được.") % {"name": name})
    finally:
        upload.seek(0)


def without_metadata(upload) -> ContentFile:
    """A copy of an image with EXIF and other metadata removed (orientation applied first).

    Only ever called on an image `check_upload` accepted, so its size is within the pixel limit."""
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


# Office files (zip archives) -------------------------------------------------------------------------


def _directory_too_large(file) -> bool:
    """Whether the zip's end record announces more members, or a longer directory, than an office file
    has. Read from the file's tail before zipfile lists the directory: listing a forged directory of a
    hundred thousand entries would take a worker's memory. False when there is no end record (zipfile
    then says the file is damaged)."""
    position = file.tell()
    try:
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(max(0, size - ZIP_TAIL))
        tail = file.read()
    finally:
        file.seek(position)
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) < end + 22:
        return False
    entries, directory_bytes = struct.unpack("<HI", tail[end + 10 : end + 16])
    # 0xFFFF / 0xFFFFFFFF mean ZIP64, which no office document needs.
    return entries > OFFICE_MAX_MEMBERS or directory_bytes > OFFICE_MAX_MEMBERS * ZIP_ENTRY_MAX_BYTES


def _archive_refused(name: str) -> ValidationError:
    return ValidationError(
        _(
            "Tệp “%(name)s” có cấu trúc bất thường (giải nén quá lớn hoặc quá nhiều thành phần) nên không được nhận."
        )
        % {"name": name}
    )


def check_office_archive(file, *, name: str = "", part_limits: dict[str, int] | None = None) -> None:
    """Refuse a .docx/.xlsx whose zip directory announces a bomb: too many members, too many bytes once
    unpacked, a member packed too tightly, or a part (by glob, e.g. "xl/sharedStrings.xml") over its
    limit in `part_limits`. Reads the directory only."""
    name = name or getattr(file, "name", "") or ""
    position = file.tell()
    try:
        if _directory_too_large(file):
            raise _archive_refused(name)
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error):
        raise ValidationError(_("Tệp “%(name)s” bị hỏng hoặc không đọc được.") % {"name": name})
    finally:
        file.seek(position)
    max_total = _setting("UPLOAD_OFFICE_MAX_UNCOMPRESSED_BYTES", DEFAULT_OFFICE_MAX_UNCOMPRESSED_BYTES)
    if len(members) > OFFICE_MAX_MEMBERS or sum(member.file_size for member in members) > max_total:
        raise _archive_refused(name)
    for member in members:
        if member.file_size > OFFICE_RATIO_FLOOR and member.file_size > OFFICE_MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise _archive_refused(name)
        for pattern, limit in (part_limits or {}).items():
            if fnmatch(member.filename, pattern) and member.file_size > limit:
                raise _archive_refused(name)


# Form fields for the admin site ----------------------------------------------------------------------


class CheckedFileField(forms.FileField):
    """A model form's file field that runs `check_upload` (the admin site's uploads)."""

    kinds = (IMAGE, PDF, OFFICE)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial and hasattr(upload, "size"):
            kind = check_upload(upload, kinds=self.kinds)
            if kind == IMAGE:
                return without_metadata(upload)
        return upload


class CheckedImageField(CheckedFileField):
    kinds = (IMAGE,)


# `formfield_overrides` for every ModelAdmin whose model has a file: the admin's uploads pass the same
# checks as the pages' (tests/core/test_hostile_input.py walks the admin site to make sure).
CHECKED_UPLOADS = {
    models.FileField: {"form_class": CheckedFileField},
    models.ImageField: {"form_class": CheckedImageField},
}


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
