import datetime as dt

import pytest
from django.urls import reverse

from congvu.core.indicators import Period
from congvu.ratings.models import (
    Choice,
    Level,
    PaperAnswer,
    PaperBatch,
    PaperForm,
    PaperResponse,
    Question,
    Rating,
)
from congvu.ratings.services import new_form_version
from congvu.reports.engine import evaluate


@pytest.fixture
def paper_form(db):
    form = PaperForm.objects.create(
        code="PKS", version=1, title="Phiếu khảo sát", valid_from=dt.date(2019, 1, 1)
    )
    for order, (element, overall) in enumerate([("access", False), ("official", True)], start=1):
        question = Question.objects.create(
            form=form, order=order, text=f"Câu {order}", element=element, is_overall=overall
        )
        for c_order, (label, level) in enumerate(
            [
                ("Rất hài lòng", Level.VERY_SATISFIED),
                ("Hài lòng", Level.SATISFIED),
                ("Không hài lòng", Level.NOT_SATISFIED),
            ],
            start=1,
        ):
            Choice.objects.create(question=question, order=c_order, label=label, level=level)
    return form


def test_staff_enter_a_stack_of_paper_forms(
    client, reception_officer, one_stop, paper_form, counter_official, city
):
    client.force_login(reception_officer)
    response = client.post(
        reverse("ratings:batches"),
        {
            "unit": one_stop.pk,
            "form": paper_form.pk,
            "collected_on": "28/03/2019",
            "label": "Quý 1",
            "declared_count": 3,
        },
    )
    batch = PaperBatch.objects.get()
    assert response.url == reverse("ratings:paper_entry", args=[batch.pk])
    assert batch.entered_by == reception_officer
    access, official_q = paper_form.questions.order_by("order")
    entry = reverse("ratings:paper_entry", args=[batch.pk])
    answers = [(0, 1), (1, 1), (0, 2)]
    for access_choice, official_choice in answers:
        client.post(
            entry,
            {
                f"q{access.pk}": access.choices.all()[access_choice].pk,
                f"q{official_q.pk}": official_q.choices.all()[official_choice].pk,
                "staff": counter_official.pk,
            },
        )
    assert list(PaperResponse.objects.values_list("number", flat=True)) == [1, 2, 3]
    assert PaperAnswer.objects.count() == 6
    paper = Rating.objects.filter(channel="paper")
    assert paper.count() == 3 and set(paper.values_list("staff", flat=True)) == {counter_official.pk}
    assert paper.filter(level=Level.NOT_SATISFIED).count() == 1
    page = client.get(entry)
    assert page.context["count"] == 3 and "Phiếu số 4" in page.content.decode()
    empty = client.post(entry, {})
    assert empty.status_code == 200 and "Phiếu trống" in empty.content.decode()
    sipas = evaluate("counter.sipas.access", city, Period.year(2019))
    assert (sipas["numerator"], sipas["denominator"]) == (3, 3)
    official = evaluate("counter.sipas.official", city, Period.year(2019))
    assert official["value"] == pytest.approx(66.67)


def test_a_future_stack_date_is_a_field_error(client, reception_officer, one_stop, paper_form):
    client.force_login(reception_officer)
    response = client.post(
        reverse("ratings:batches"), {"unit": one_stop.pk, "form": paper_form.pk, "collected_on": "01/01/2999"}
    )
    assert response.status_code == 200 and response.context["form"].errors["collected_on"]


def test_a_new_form_version_copies_questions_and_retires_the_old(paper_form):
    copy = new_form_version(form=paper_form)
    paper_form.refresh_from_db()
    assert copy.version == 2 and copy.is_active and not paper_form.is_active
    assert copy.questions.count() == 2 and Choice.objects.filter(question__form=copy).count() == 6


def test_evidence_for_the_annual_evaluation(one_stop, counter_official):
    import datetime as dt

    from django.utils import timezone

    from congvu.ratings.evidence import evidence_for
    from tests.ratings.factories import RatingFactory

    tz = timezone.get_current_timezone()
    for level in ["satisfied", "very_satisfied", "not_satisfied", "satisfied"]:
        RatingFactory(
            unit=one_stop,
            staff=counter_official,
            level=level,
            reasons=["waiting"],
            rated_at=dt.datetime(2019, 4, 2, 9, tzinfo=tz),
        )
    items = evidence_for(counter_official, 2019)
    assert items[0]["title"].endswith("75,0%") and items[0]["date"] == dt.date(2019, 12, 31)
    assert set(items[0]) == {"kind", "title", "date", "url", "summary"}
    assert len(items) == 2 and "Thời gian chờ lâu" in items[1]["summary"]
    assert evidence_for(counter_official, 2020) == []


QUESTIONS = "access | Nơi tiếp đón\nofficial | Thái độ công chức | chung"


def test_programme_office_configures_a_form_and_edits_make_versions(
    client, programme_office, city, reception_officer, one_stop, counter_official
):
    client.force_login(programme_office)
    url = reverse("ratings:paper_forms")
    bad = client.post(
        url,
        {
            "unit": city.pk,
            "code": "pk",
            "title": "Phiếu",
            "valid_from": "01/01/2026",
            "questions": "khong | x",
            "choices": "A | satisfied",
        },
    )
    assert (
        bad.status_code == 200 and "Dòng 1" in bad.content.decode() and "từ 2 đến 9" in bad.content.decode()
    )
    data = {
        "unit": city.pk,
        "code": "pk-tp",
        "title": "Phiếu thành phố",
        "valid_from": "01/01/2026",
        "questions": QUESTIONS,
        "choices": "Hài lòng | satisfied\nKhông hài lòng | not_satisfied",
    }
    assert client.post(url, data).status_code == 302
    form = PaperForm.objects.get(code="PK-TP")
    assert form.questions.count() == 2 and form.questions.get(order=2).is_overall
    edit = reverse("ratings:paper_form_edit", args=[form.pk])
    assert "official | Thái độ công chức | chung" in client.get(edit).content.decode()
    client.post(edit, {**data, "title": "Phiếu thành phố (sửa)"})  # nothing entered yet: edited in place
    assert PaperForm.objects.filter(code="PK-TP").count() == 1
    batch = PaperBatch.objects.create(unit=one_stop, form=form, collected_on=dt.date(2026, 1, 5))
    from congvu.ratings.services import enter_paper_response

    question = form.questions.get(order=1)
    enter_paper_response(batch=batch, answers={question: question.choices.first()})
    client.post(edit, {**data, "questions": QUESTIONS + "\nresult | Kết quả đúng hẹn"})
    versions = list(PaperForm.objects.filter(code="PK-TP").order_by("version"))
    assert [(v.version, v.is_active, v.questions.count()) for v in versions] == [(1, False, 2), (2, True, 3)]
    assert PaperAnswer.objects.get().question.form == versions[0]  # entered answers keep their version
    client.force_login(reception_officer)
    page = client.get(reverse("ratings:batches"))
    assert list(page.context["form"].fields["form"].queryset) == [versions[1]]
