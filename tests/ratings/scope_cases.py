"""Every staff URL of the ratings app, proven against a record of the out-of-scope ward."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from congvu.ratings.models import Channel, Counter, KioskDevice, Level, PaperBatch, PaperForm, Rating
from congvu.ratings.services import pair_device
from congvu.units.models import Unit, UnitType
from tests.factories import StaffFactory
from tests.scope_harness import ScopeCase

SECRET = "Ý KIẾN BÍ MẬT NGOÀI PHẠM VI"
SECRET_NAME = "Lò Văn Ngoài Phạm Vi"
SECRET_COUNTER = "Quầy bí mật ngoài phạm vi"
SECRET_BATCH = "Tập phiếu bí mật ngoài phạm vi"
SECRET_FORM = "Mẫu phiếu bí mật ngoài phạm vi"


def _one_stop(world):
    unit, _ = Unit.objects.get_or_create(
        code="P-NPV-1C",
        defaults={
            "name": "Bộ phận một cửa Ngoài Phạm Vi",
            "unit_type": UnitType.ONE_STOP,
            "parent": world.other_ward,
        },
    )
    return unit


def _staff(world):
    return StaffFactory(unit=_one_stop(world), full_name=SECRET_NAME, badge_number="NPV0001")


def _counter(world):
    return Counter.objects.create(unit=_one_stop(world), code="P-NPV-1C-Q1", name=SECRET_COUNTER)


def _rating(world, staff=None):
    return Rating.objects.create(
        level=Level.NOT_SATISFIED,
        channel=Channel.QR,
        unit=_one_stop(world),
        staff=staff or _staff(world),
        comment=SECRET,
        rated_at=timezone.now(),
    )


def _batch(world):
    form = PaperForm.objects.create(code="F", version=1, title="Phiếu", valid_from=dt.date(2019, 1, 1))
    return PaperBatch.objects.create(
        unit=_one_stop(world), form=form, collected_on=dt.date(2019, 3, 28), label=SECRET_BATCH
    )


def _other_form(world):
    return PaperForm.objects.create(
        unit=world.other_ward, code="NPV", version=1, title=SECRET_FORM, valid_from=dt.date(2019, 1, 1)
    )


def _hide(world):
    rating = _rating(world)
    world.rating = rating
    return reverse("ratings:hide_comment", args=[rating.pk])


def _pair(world):
    world.counter = _counter(world)
    return reverse("ratings:pair_device", args=[world.counter.pk])


def _revoke(world):
    device, _token = pair_device(counter=_counter(world))
    world.device = device
    return reverse("ratings:revoke_device", args=[device.pk])


def _my_results(world):
    _rating(world)
    return reverse("ratings:my_results") + "?date_from=01/01/2000"


def _results(world):
    _rating(world)
    return reverse("ratings:results")


def _results_forged(world):
    _rating(world)
    return reverse("ratings:results") + f"?unit={_one_stop(world).pk}"


def _summary_list(world):
    _rating(world)
    return reverse("api:ratings_summary")


SCOPE_CASES = [
    ScopeCase("ratings:results", _results, kind="list", secret=SECRET),
    ScopeCase("ratings:results", _results_forged, kind="list", secret=SECRET),
    ScopeCase("ratings:my_results", _my_results, kind="list", secret=SECRET),
    ScopeCase(
        "ratings:hide_comment",
        _hide,
        kind="action",
        data={"reason": "thử"},
        unchanged=lambda w: not Rating.objects.get(pk=w.rating.pk).comment_hidden,
    ),
    ScopeCase(
        "ratings:counters",
        lambda w: (_counter(w), reverse("ratings:counters"))[1],
        kind="list",
        secret=SECRET_COUNTER,
    ),
    ScopeCase("ratings:counter_detail", lambda w: reverse("ratings:counter_detail", args=[_counter(w).pk])),
    ScopeCase(
        "ratings:pair_device",
        _pair,
        kind="action",
        unchanged=lambda w: not KioskDevice.objects.filter(counter=w.counter).exists(),
    ),
    ScopeCase(
        "ratings:revoke_device",
        _revoke,
        kind="action",
        unchanged=lambda w: KioskDevice.objects.get(pk=w.device.pk).revoked_at is None,
    ),
    ScopeCase(
        "ratings:cards",
        lambda w: (_staff(w), reverse("ratings:cards") + f"?unit={_one_stop(w).pk}")[1],
        kind="list",
        secret=SECRET_NAME,
    ),
    ScopeCase("ratings:card_staff", lambda w: reverse("ratings:card_staff", args=[_staff(w).pk])),
    ScopeCase("ratings:card_counter", lambda w: reverse("ratings:card_counter", args=[_counter(w).pk])),
    ScopeCase("ratings:card_unit", lambda w: reverse("ratings:card_unit", args=[_one_stop(w).pk])),
    ScopeCase("ratings:card_unit", lambda w: reverse("ratings:card_unit", args=[w.other_ward.pk])),
    ScopeCase(
        "ratings:batches",
        lambda w: (_batch(w), reverse("ratings:batches"))[1],
        kind="list",
        secret=SECRET_BATCH,
    ),
    ScopeCase(
        "ratings:paper_forms",
        lambda w: (_other_form(w), reverse("ratings:paper_forms"))[1],
        kind="list",
        secret=SECRET_FORM,
    ),
    ScopeCase(
        "ratings:paper_form_edit", lambda w: reverse("ratings:paper_form_edit", args=[_other_form(w).pk])
    ),
    ScopeCase("ratings:paper_entry", lambda w: reverse("ratings:paper_entry", args=[_batch(w).pk])),
    ScopeCase("api:ratings", lambda w: (_rating(w), reverse("api:ratings"))[1], kind="list", secret=SECRET),
    ScopeCase("api:ratings_summary", _summary_list, kind="list", secret=SECRET_NAME),
    ScopeCase("api:ratings_summary", lambda w: reverse("api:ratings_summary") + f"?unit={w.other_ward.code}"),
]
