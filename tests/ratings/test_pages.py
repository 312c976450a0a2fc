import datetime as dt
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from congvu.ratings import services as ratings_services
from congvu.ratings.models import Counter, KioskDevice, Rating, RatingEvent, RosterEntry, hash_token
from congvu.ratings.services import device_for_token
from tests.factories import StaffFactory
from tests.ratings.factories import CounterFactory, RatingFactory


def test_kiosk_page_is_public_and_needs_the_device_token_for_the_official(client, kiosk, counter_official):
    device, token = kiosk
    code = device.counter.code
    page = client.get(reverse("ratings:kiosk", args=[code]))
    assert page.status_code == 200
    assert counter_official.full_name not in page.content.decode()  # only with the token
    state_url = reverse("ratings:kiosk_state", args=[code])
    assert client.get(state_url).status_code == 401
    state = client.get(state_url, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert state.json()["official"]["name"] == counter_official.full_name
    other = CounterFactory(unit=device.counter.unit)
    assert (
        client.get(
            reverse("ratings:kiosk_state", args=[other.code]), HTTP_AUTHORIZATION=f"Bearer {token}"
        ).status_code
        == 401
    )


def test_unit_head_pairs_the_tablet_and_is_logged_out(client, unit_head, staffed_counter):
    client.force_login(unit_head)
    response = client.post(reverse("ratings:pair_device", args=[staffed_counter.pk]), {"name": "Máy quầy 1"})
    assert response.status_code == 200
    token = response.context["token"]
    device = KioskDevice.objects.get()
    assert device.token_hash == hash_token(token) and token not in device.token_hash
    assert device_for_token(token) == device and device.paired_by == unit_head
    assert client.get(reverse("ratings:counters")).status_code == 302  # no staff session left on the tablet


def test_unit_head_revokes_a_device(client, unit_head, kiosk):
    device, token = kiosk
    client.force_login(unit_head)
    client.post(reverse("ratings:revoke_device", args=[device.pk]))
    assert device_for_token(token) is None


def test_counters_roster_and_default_to_last_roster(client, unit_head, one_stop, counter_official):
    client.force_login(unit_head)
    response = client.post(
        reverse("ratings:counters"),
        {"unit": one_stop.pk, "code": "p-ab-q9", "name": "Quầy 9", "fields_served": ""},
    )
    counter = Counter.objects.get(code="P-AB-Q9")
    assert response.status_code == 302
    day = timezone.localdate() - dt.timedelta(days=2)
    client.post(
        reverse("ratings:counter_detail", args=[counter.pk]),
        {"staff": counter_official.pk, "date": day.strftime("%d/%m/%Y"), "session": "both"},
    )
    assert RosterEntry.objects.filter(counter=counter).count() == 2
    page = client.get(reverse("ratings:counter_detail", args=[counter.pk]))
    assert counter_official.full_name in page.content.decode()  # today falls back to the last roster
    bad = client.post(
        reverse("ratings:counter_detail", args=[counter.pk]), {"staff": "", "date": "31/02/2025"}
    )
    assert bad.status_code == 200 and bad.context["roster_form"].errors


def test_kiosk_token_command_prints_a_working_token_last(staffed_counter):
    out = io.StringIO()
    call_command("kiosk_token", staffed_counter.code, stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    assert device_for_token(token).counter == staffed_counter
    listing = io.StringIO()
    call_command("kiosk_token", "--list", stdout=listing)
    assert staffed_counter.code in listing.getvalue() and staffed_counter.unit.name in listing.getvalue()


def test_qr_page_rates_the_official_on_the_badge(client, counter_official):
    url = reverse("ratings:rate", args=[counter_official.badge_number])
    page = client.get(url)
    assert counter_official.full_name in page.content.decode()
    response = client.post(url, {"level": "not_satisfied", "reasons": ["waiting"], "dossier_code": "hs-77"})
    assert response.status_code == 302
    rating = Rating.objects.get()
    assert (rating.staff, rating.channel, rating.dossier_code) == (counter_official, "qr", "HS-77")
    again = client.post(url, {"level": "satisfied", "dossier_code": "HS-77"})
    assert "Hồ sơ này đã được đánh giá" in again.content.decode()
    assert client.post(url, {"level": "nope"}).status_code == 200
    assert Rating.objects.count() == 1


def test_qr_page_of_a_counter_rates_the_official_on_duty(client, staffed_counter, counter_official):
    client.post(reverse("ratings:rate", args=[staffed_counter.code]), {"level": "satisfied"})
    rating = Rating.objects.get()
    assert (rating.counter, rating.staff) == (staffed_counter, counter_official)


def test_qr_page_is_rate_limited_per_device(client, counter_official, monkeypatch):
    monkeypatch.setattr(ratings_services, "QR_LIMIT_PER_DEVICE", 2)
    url = reverse("ratings:rate", args=[counter_official.badge_number])
    client.get(url)
    responses = [client.post(url, {"level": "satisfied"}) for _ in range(3)]
    assert [response.status_code for response in responses] == [302, 302, 200]
    assert Rating.objects.count() == 2
    assert (
        "Ông/bà đã gửi nhiều lượt đánh giá" in responses[-1].content.decode()
    )  # the citizen's form of address


def test_unknown_qr_code_is_404(client, db):
    assert client.get(reverse("ratings:rate", args=["KHONGCO"])).status_code == 404


def test_cards_print_as_pdf(client, unit_head, staffed_counter, counter_official, ward):
    client.force_login(unit_head)
    one = client.get(reverse("ratings:card_staff", args=[counter_official.pk]))
    assert (
        one.status_code == 200
        and one["Content-Type"] == "application/pdf"
        and one.content.startswith(b"%PDF")
    )
    assert client.get(reverse("ratings:card_counter", args=[staffed_counter.pk])).content.startswith(b"%PDF")
    whole = client.get(reverse("ratings:card_unit", args=[ward.pk]))
    assert (
        whole.status_code == 200
        and whole.content.count(b"/Type /Page\n") + whole.content.count(b"/Type /Page ") >= 2
    )
    assert client.get(reverse("ratings:cards")).status_code == 200


def test_results_page_shows_shares_with_counts_and_comparison(client, unit_head, one_stop, counter_official):
    tz = timezone.get_current_timezone()
    for level in ["satisfied"] * 9 + ["not_satisfied"]:
        RatingFactory(
            unit=one_stop, staff=counter_official, level=level, rated_at=dt.datetime(2019, 5, 1, 9, tzinfo=tz)
        )
    for level in ["satisfied"] * 3 + ["not_satisfied"]:
        RatingFactory(
            unit=one_stop, staff=counter_official, level=level, rated_at=dt.datetime(2018, 5, 1, 9, tzinfo=tz)
        )
    client.force_login(unit_head)
    page = client.get(reverse("ratings:results"), {"date_from": "01/01/2019", "date_to": "31/12/2019"})
    assert page.status_code == 200
    assert page.context["summary"]["share"] == 90.0 and page.context["summary"]["total"] == 10
    assert page.context["previous"]["share"] == 75.0 and page.context["change"] == 15.0
    assert counter_official.full_name in page.content.decode()
    bad = client.get(reverse("ratings:results"), {"date_from": "99/99/2019"})
    assert bad.status_code == 200 and bad.context["form"].errors


def test_results_page_query_count_does_not_grow(client, leadership, one_stop, django_assert_max_num_queries):
    for i in range(30):
        RatingFactory(unit=one_stop, staff=StaffFactory(unit=one_stop), comment=f"ý kiến {i}")
    client.force_login(leadership)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("ratings:results")).status_code == 200


def test_hiding_a_comment_needs_a_reason_and_is_logged(client, unit_head, one_stop):
    rating = RatingFactory(unit=one_stop, comment="Lời lẽ xúc phạm")
    client.force_login(unit_head)
    url = reverse("ratings:hide_comment", args=[rating.pk])
    client.post(url, {"reason": ""})
    rating.refresh_from_db()
    assert not rating.comment_hidden
    client.post(url, {"reason": "Ngôn từ xúc phạm"})
    rating.refresh_from_db()
    assert rating.comment_hidden and rating.comment_hidden_reason == "Ngôn từ xúc phạm"
    event = RatingEvent.objects.get()
    assert event.by == unit_head and event.before["comment_hidden"] is False and event.after["comment_hidden"]


def test_an_official_sees_only_their_own_results(client, official, one_stop):
    RatingFactory(unit=one_stop, staff=official.staff, comment="Của tôi")
    RatingFactory(unit=one_stop, staff=StaffFactory(unit=one_stop), comment="Của người khác")
    client.force_login(official)
    page = client.get(reverse("ratings:my_results"))
    text = page.content.decode()
    assert "Của tôi" in text and "Của người khác" not in text
    assert client.get(reverse("ratings:results")).status_code == 403


def test_kiosk_shows_the_photo_only_with_the_device_token(
    client, kiosk, counter_official, settings, tmp_path
):
    import io as _io

    from django.core.files.base import ContentFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = _io.BytesIO()
    Image.new("RGB", (30, 40), "gray").save(buffer, "JPEG")
    counter_official.photo.save("anh.jpg", ContentFile(buffer.getvalue()))
    device, token = kiosk
    url = reverse("ratings:kiosk_photo", args=[device.counter.code])
    assert client.get(url).status_code == 404
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"\xff\xd8")
    state = client.get(
        reverse("ratings:kiosk_state", args=[device.counter.code]), HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert state.json()["official"]["has_photo"] is True


def test_qr_page_keeps_only_the_reasons_that_fit_the_level(client, counter_official):
    url = reverse("ratings:rate", args=[counter_official.badge_number])
    page = client.get(url).content.decode()
    assert "rate-reasons-low" in page and "rate-reasons-good" in page
    client.post(url, {"level": "not_satisfied", "reasons": ["waiting", "fast"]})
    assert Rating.objects.get().reasons == ["waiting"]
