import datetime as dt

from django.utils import timezone

from congvu.feedback import services
from congvu.feedback.models import Channel, Topic


def ensure_topics():
    """The default topics of the data migration (a transactional test flushes them)."""
    import importlib

    defaults = importlib.import_module("congvu.feedback.migrations.0002_default_topics").TOPICS
    for order, (code, name) in enumerate(defaults):
        Topic.objects.get_or_create(code=code, defaults={"name": name, "order": order})


def topic(code="dat-dai"):
    if not Topic.objects.filter(code=code).exists():
        ensure_topics()
    return Topic.objects.get(code=code)


def make_case(
    unit, *, title="Chậm cấp giấy chứng nhận quyền sử dụng đất", content=None, received_at=None, **kwargs
):
    """A case as a citizen sends it through the portal, with full contact details."""
    defaults = {
        "channel": Channel.WEB,
        "sender_name": "Nguyễn Văn Dân",
        "sender_address": "Số 5 đường Lê Lợi",
        "sender_phone": "0912345678",
        "sender_email": "dan@example.vn",
        "consent": True,
        "topic": topic(),
    }
    defaults.update(kwargs)
    case, _created = services.submit_case(
        unit=unit,
        title=title,
        content=content
        or "Hồ sơ của tôi nộp từ tháng trước nhưng đến nay vẫn chưa được giải quyết, đề nghị xem xét.",
        received_at=received_at or timezone.now(),
        **defaults,
    )
    return case


def aware(year, month, day, hour=9):
    return dt.datetime(year, month, day, hour, 0, tzinfo=timezone.get_current_timezone())
