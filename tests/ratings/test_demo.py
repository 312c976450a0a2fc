"""The seed article's headline comes out of the demo data through the indicator code."""

from django.urls import reverse

from congvu.accounts.models import User
from congvu.core.indicators import Period
from congvu.people import demo as foundation
from congvu.ratings import demo as demo_ratings
from congvu.ratings.models import Counter, PaperResponse, Rating
from congvu.reports.engine import evaluate
from congvu.units.models import Unit


def test_demo_reproduces_96_and_99_percent(db, client):
    foundation.seed()
    demo_ratings.seed()
    city = Unit.objects.get(code="LS-TP")
    shares = {
        year: evaluate("counter.satisfaction", city, Period.year(year))["value"] for year in (2018, 2019)
    }
    assert round(shares[2018]) == 96 and round(shares[2019]) == 99
    assert PaperResponse.objects.filter(batch__collected_on__year=2019).count() > 0
    sipas = evaluate("counter.sipas.official", city, Period.year(2019))
    assert sipas["denominator"] > 0
    counts = (Rating.objects.count(), Counter.objects.count(), PaperResponse.objects.count())
    demo_ratings.seed()
    assert (Rating.objects.count(), Counter.objects.count(), PaperResponse.objects.count()) == counts
    client.force_login(User.objects.get(username="lanhdao"))
    page = client.get(
        reverse("ratings:results"), {"unit": city.pk, "date_from": "01/01/2018", "date_to": "31/12/2018"}
    )
    assert page.context["summary"]["share"] == 96.0
    page = client.get(
        reverse("ratings:results"), {"unit": city.pk, "date_from": "01/01/2019", "date_to": "31/12/2019"}
    )
    assert page.context["summary"]["share"] == 99.0 and page.context["change"] == 3.0
