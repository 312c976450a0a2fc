"""The audit log records every change of a domain record and every login, and cannot be altered."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from congvu.core.audit import acting_as
from congvu.core.models import AuditEvent
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_create_update_delete_are_logged_with_before_and_after(system_admin):
    with acting_as(system_admin, "10.0.0.7"):
        unit = UnitFactory(name="Phòng Thử")
        unit.name = "Phòng Đã Đổi Tên"
        unit.save()
        unit_pk = unit.pk
        unit.delete()
    events = AuditEvent.objects.filter(object_type="units.unit", object_id=str(unit_pk)).order_by("id")
    assert [e.action for e in events] == ["create", "update", "delete"]
    update = events[1]
    assert update.changes["name"] == ["Phòng Thử", "Phòng Đã Đổi Tên"]
    assert update.by == system_admin and update.ip_address == "10.0.0.7"
    assert events[2].changes["before"]["name"] == "Phòng Đã Đổi Tên"


def test_saving_without_changes_writes_nothing(ward):
    before = AuditEvent.objects.count()
    ward.save()
    assert AuditEvent.objects.count() == before


def test_log_rows_cannot_be_changed_or_deleted(ward):
    event = AuditEvent.objects.filter(object_type="units.unit").first()
    event.note = "sửa"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(note="x")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL")
def test_database_refuses_raw_updates_on_postgresql(ward):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET note = 'x'")


def test_logins_and_failed_logins_are_logged(client, reception_officer):
    client.post(
        reverse("accounts:login"),
        {"username": "tiepnhan", "password": "sai-mat-khau"},
        REMOTE_ADDR="10.1.1.1",
    )
    failed = AuditEvent.objects.get(action="login_failed")
    assert failed.note == "tiepnhan" and failed.ip_address == "10.1.1.1"
    client.post(reverse("accounts:login"), {"username": "tiepnhan", "password": "mat-khau-thu-nghiem"})
    assert AuditEvent.objects.filter(action="login", by=reception_officer).exists()


def test_audit_page_is_for_system_admins_and_filters(client, system_admin, reception_officer, ward):
    client.force_login(reception_officer)
    assert client.get(reverse("accounts:audit_log")).status_code == 403
    client.force_login(system_admin)
    response = client.get(reverse("accounts:audit_log"), {"action": "create", "text": "An Bình"})
    assert response.status_code == 200
    assert "Phường An Bình" in response.content.decode()
    bad = client.get(reverse("accounts:audit_log"), {"date_from": "31/12/2026", "date_to": "01/01/2026"})
    assert "Ngày kết thúc phải sau ngày bắt đầu." in bad.content.decode()


def test_a_forged_forwarded_address_is_not_stored_as_an_address(rf, settings):
    from congvu.core.middleware import client_ip

    settings.TRUST_X_FORWARDED_FOR = True
    assert (
        client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, not-an-ip'; --")) == "127.0.0.1"
    )  # REMOTE_ADDR
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7")) == "203.0.113.7"
