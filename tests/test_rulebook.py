"""The rule book holds together: every rule has a source, an enforcer that exists, and tests named after it."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

from congvu.core.rules import all_rules

TESTS = Path(__file__).parent


def _test_names() -> set[str]:
    names = set()
    for path in TESTS.rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_"):
                names.add(node.name)
    return names


def test_rule_codes_are_unique():
    codes = [rule.code for rule in all_rules()]
    assert len(codes) == len(set(codes))


def test_every_rule_cites_a_legal_document_and_has_a_title():
    for rule in all_rules():
        assert rule.source.document, rule.code
        assert str(rule.title).strip(), rule.code


def test_every_rule_names_an_enforcing_function_that_exists():
    for rule in all_rules():
        assert callable(rule.enforcer()), rule.code


def test_every_rule_has_a_test_named_after_it():
    names = _test_names()
    missing = [rule.code for rule in all_rules() if not any(n.startswith(rule.test_prefix) for n in names)]
    assert not missing, f"rules without a test named after them: {missing}"


def test_validity_ranges_are_in_order():
    for rule in all_rules():
        if rule.applies_from and rule.applies_to:
            assert rule.applies_from <= rule.applies_to, rule.code


@pytest.mark.django_db
def test_the_rule_book_page_lists_every_rule_with_its_source(client, handler):
    client.force_login(handler)
    page = client.get(reverse("accounts:rulebook"))
    assert page.status_code == 200
    text = page.content.decode()
    for rule in all_rules():
        assert rule.code in text
        assert str(rule.source.document) in text


@pytest.mark.django_db
def test_the_rule_book_page_needs_a_staff_login(client):
    page = client.get(reverse("accounts:rulebook"))
    assert page.status_code == 302
