import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congvu.feedback import services
from congvu.feedback.models import Case, SuggestionBoxOpening
from tests.feedback.factories import make_case
from tests.scope_harness import ScopeCase

SECRET = "Bí mật phường ngoài phạm vi"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _case(w, *, answered=False, status=None):
    case = make_case(w.other_ward, title=SECRET, sender_name="Người Gửi Ngoài Phạm Vi")
    if answered:
        head = w.fixture("other_unit_head")
        services.decide_intake(case, by=head, decision="xu_ly")
        answer = services.save_answer(case, by=head, body="Trả lời ngoài phạm vi", submit=True)
        services.review_answer(answer, by=head, approve=True)
        services.send_answer(answer, by=head, via="letter")
    w.case = Case.objects.get(pk=case.pk)
    return w.case


def _url(name, *args):
    return lambda w: reverse(name, args=[arg(w) if callable(arg) else arg for arg in args])


def _list(name, **params):
    def build(w):
        _case(w)
        SuggestionBoxOpening.objects.create(
            unit=w.other_ward, opened_on=dt.date(2026, 3, 2), opened_by="A", witnesses=SECRET, letters_count=1
        )
        query = "&".join(f"{k}={v(w) if callable(v) else v}" for k, v in params.items())
        return reverse(name) + (f"?{query}" if query else "")

    return ScopeCase(name, build, kind="list", secret=SECRET)


def _unchanged_status(w):
    return (
        Case.objects.get(pk=w.case.pk).status == w.case.status
        and not w.case.events.filter(by__username="noibo").exists()
    )


def _action(slug, data, *, answered=False):
    return ScopeCase(
        "feedback:case_action",
        lambda w: reverse("feedback:case_action", args=[_case(w, answered=answered).pk, slug]),
        kind="action",
        data=data,
        unchanged=_unchanged_status,
    )


def _attachment(w):
    case = _case(w)
    return services.add_attachment(case, SimpleUploadedFile("bien-ban.pdf", PDF)).pk


def _bulk():
    scope_case = ScopeCase(
        "feedback:bulk_assign",
        None,
        kind="action",
        unchanged=lambda w: Case.objects.get(pk=w.case.pk).handler_id is None,
    )

    def build(w):
        scope_case.data.update({"case": _case(w).pk, "unit": w.ward.pk, "handler": w.insider.pk})
        return reverse("feedback:bulk_assign")

    scope_case.build = build
    return scope_case


def _opening(w):
    return SuggestionBoxOpening.objects.create(
        unit=w.other_ward, opened_on=dt.date(2026, 3, 2), opened_by="A", witnesses=SECRET, letters_count=1
    ).pk


SCOPE_CASES = [
    _list("feedback:inbox"),
    _list("feedback:inbox", q="bi mat"),
    _list("feedback:intake"),
    _list("feedback:openings"),
    _list("feedback:register", unit=lambda w: w.other_ward.pk, date_from="01/01/2020", date_to="31/12/2030"),
    _list("feedback:register", unit=lambda w: w.ward.pk, date_from="01/01/2020", date_to="31/12/2030"),
    _list("feedback:register_export", unit=lambda w: w.ward.pk, date_from="01/01/2020", date_to="31/12/2030"),
    ScopeCase("feedback:opening_detail", _url("feedback:opening_detail", _opening)),
    ScopeCase("feedback:case_detail", _url("feedback:case_detail", lambda w: _case(w).pk)),
    ScopeCase("feedback:case_print", _url("feedback:case_print", lambda w: _case(w).pk)),
    ScopeCase("feedback:answer_letter", _url("feedback:answer_letter", lambda w: _case(w, answered=True).pk)),
    ScopeCase("feedback:attachment", _url("feedback:attachment", _attachment)),
    ScopeCase(
        "feedback:case_publish",
        lambda w: reverse("feedback:case_publish", args=[_case(w, answered=True).pk]),
        kind="action",
        data={"public_title": "T", "public_content": "C", "public_answer": "A", "confirm": "1"},
        unchanged=lambda w: Case.objects.get(pk=w.case.pk).published_at is None,
    ),
    _bulk(),
    _action("decide", {"decision": "xu_ly"}),
    _action("classify", {"kind": "khieu_nai"}),
    _action("assign", {"unit": "", "handler": ""}),
    _action("extend", {"days": 5, "reason": "x"}),
    _action("pause", {"reason": "x"}),
    _action("merge", {"into": "PA-0000"}),
    _action("officials", {}),
    _action("answer", {"body": "x", "submit": "1"}),
    _action("review", {"approve": "1"}),
    _action("send", {"via": "letter"}),
    _action("unpublish", {}, answered=True),
    _action("discipline", {}),
]

SCOPE_CASES += [
    ScopeCase(
        "api:list_cases", lambda w: (_case(w), reverse("api:list_cases"))[1], kind="list", secret=SECRET
    ),
    ScopeCase("api:get_case", lambda w: reverse("api:get_case", args=[_case(w).pk])),
]

SCOPE_CASES += [
    ScopeCase(
        "feedback:similar",
        lambda w: (
            _case(w),
            reverse("feedback:similar")
            + f"?unit={w.other_ward.pk}&title=Bí mật phường ngoài phạm vi&content=Bí mật phường ngoài phạm vi",
        )[1],
        kind="list",
        secret=SECRET,
    ),
    ScopeCase(
        "feedback:similar",
        lambda w: (
            _case(w),
            reverse("feedback:similar")
            + f"?unit={w.ward.pk}&title=Bí mật phường ngoài phạm vi&content=Bí mật phường ngoài phạm vi",
        )[1],
        kind="list",
        secret=SECRET,
    ),
]
