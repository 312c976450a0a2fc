"""The plugin loader finds each app's module of a kind, in app order, and hides no real import error."""

import importlib

import pytest

from congvu.core.plugins import app_modules


def test_finds_every_apps_module_of_a_kind_in_app_order():
    from django.apps import apps

    labels = [module.app_label for module in app_modules("indicators")]
    installed = [config.label for config in apps.get_app_configs()]
    assert labels == sorted(labels, key=installed.index)
    assert {"feedback", "ratings", "inspections", "appraisals", "units"} <= set(labels)


def test_a_missing_module_is_skipped():
    assert app_modules("no_such_plugin_kind") == []


def test_an_error_inside_a_plugin_module_is_raised(monkeypatch):
    """A plugin that exists but imports something missing is a bug, not an absent plugin."""

    def failing_import(name, *args, **kwargs):
        if name == "congvu.units.brokenkind":
            raise ModuleNotFoundError("No module named 'reportlab_missing'", name="reportlab_missing")
        return original(name, *args, **kwargs)

    original = importlib.import_module
    monkeypatch.setattr(importlib, "import_module", failing_import)
    with pytest.raises(ModuleNotFoundError, match="reportlab_missing"):
        app_modules("brokenkind")
