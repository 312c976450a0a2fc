"""Every staff URL of working regulations (and their API), proved against a regulation of the other
ward."""

from django.core.files.base import ContentFile
from django.urls import reverse

from congvu.regulations.models import WorkingRegulation
from tests.regulations.factories import WorkingRegulationFactory
from tests.scope_harness import ScopeCase

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _regulation(w):
    regulation = WorkingRegulationFactory(
        unit=w.other_ward, number="999/QĐ-NGOAI", title="Quy chế bí mật ngoài"
    )
    regulation.file.save("quy-che.pdf", ContentFile(PDF), save=True)
    return regulation


def _list(name, build, secret):
    return ScopeCase(name, lambda w: (build(w), reverse(name))[1], kind="list", secret=secret)


SCOPE_CASES = [
    _list("regulations:regulation_list", _regulation, "999/QĐ-NGOAI"),
    _list("regulations:regulation_export", _regulation, "999/QĐ-NGOAI"),
    _list("regulations:regulation_new", _regulation, "Ngoài Phạm Vi"),
    ScopeCase(
        "regulations:regulation_unit",
        lambda w: reverse("regulations:regulation_unit", args=[_regulation(w).unit_id]),
    ),
    ScopeCase(
        "regulations:regulation_detail",
        lambda w: reverse("regulations:regulation_detail", args=[_regulation(w).pk]),
    ),
    ScopeCase(
        "regulations:regulation_file",
        lambda w: reverse("regulations:regulation_file", args=[_regulation(w).pk]),
    ),
    ScopeCase(
        "regulations:regulation_end",
        lambda w: reverse("regulations:regulation_end", args=[_regulation(w).pk]),
        kind="action",
        data={"valid_to": "31/12/2024", "note": "Bãi bỏ"},
        unchanged=lambda w: not WorkingRegulation.objects.filter(valid_to__isnull=False).exists(),
    ),
    ScopeCase(
        "api:records_regulations",
        lambda w: (_regulation(w), reverse("api:records_regulations") + "?on=2020-12-31")[1],
        kind="list",
        secret="999/QĐ-NGOAI",
    ),
]
