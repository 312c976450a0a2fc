from django.urls import reverse

from tests.scope_harness import ScopeCase

SCOPE_CASES = [
    ScopeCase(
        "api:list_units", lambda w: reverse("api:list_units"), kind="list", secret="Phường Ngoài Phạm Vi"
    ),
]
