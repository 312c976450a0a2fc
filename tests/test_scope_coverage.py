"""Every staff URL (under /quan-ly/ and the staff API) has a scope case, and every case holds."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

import tests
from tests.scope_harness import ScopeCase, World, response_text

STAFF_PREFIXES = ("quan-ly/",)
API_PREFIX = "api/v1/"
# Public or self-describing endpoints that hold no unit data.
NOT_STAFF = {"api:openapi-json", "api:openapi-view", "api:api-root"}


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield prefix + str(entry.pattern), name


def staff_url_names() -> set[str]:
    names = set()
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith(STAFF_PREFIXES) or (route.startswith(API_PREFIX) and name not in NOT_STAFF):
            names.add(name)
    return names


def all_cases() -> list[ScopeCase]:
    cases = []
    for module in pkgutil.iter_modules(tests.__path__):
        if not module.ispkg:
            continue
        try:
            cases_module = importlib.import_module(f"tests.{module.name}.scope_cases")
        except ModuleNotFoundError as error:
            if error.name != f"tests.{module.name}.scope_cases":
                raise
            continue
        cases.extend(cases_module.SCOPE_CASES)
    return cases


def test_every_staff_url_has_a_scope_case():
    covered = {case.url_name for case in all_cases()}
    missing = sorted(staff_url_names() - covered)
    assert not missing, f"staff URLs without a scope test: {missing}"


@pytest.mark.parametrize("case", all_cases(), ids=str)
def test_out_of_scope_access_is_refused(case, client, ward, other_ward, ward_insider, request):
    world = World(ward=ward, other_ward=other_ward, insider=ward_insider, request=request)
    url = case.build(world)
    client.force_login(ward_insider)
    if case.kind == "action":
        response = client.post(url, case.data)
        assert response.status_code == case.refusal, f"{case.url_name}: {response.status_code}"
        if case.unchanged is not None:
            assert case.unchanged(world), f"{case.url_name} changed an out-of-scope record"
        return
    response = client.get(url)
    if case.kind == "record":
        assert response.status_code == case.refusal, f"{case.url_name}: {response.status_code}"
    else:
        assert response.status_code == 200, f"{case.url_name}: {response.status_code}"
        assert case.secret, "a list case needs the text that must not appear"
        body = response_text(response)
        assert case.secret not in body, f"{case.url_name} shows out-of-scope data"
