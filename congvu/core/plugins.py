"""The one plugin loader: each app may provide a module of a known name, found here in app order.

The kinds congvu uses (each app's module of that name, when it has one):
- "indicators": report figures registered with `@indicator` (congvu.core.indicators);
- "reminders": `run_due(now) -> int`, run by the `run_reminders` command;
- "evidence": `evidence_for(staff, year) -> list[dict]`, shown beside an annual evaluation;
- "api": `router`, a django-ninja Router mounted at /api/v1/<prefix>/ (`API_PREFIX`, default the label);
- "nav": `register(nav)`, adding the app's menu entries, portal links and home cards;
- "rulebook": the app's legal rules, each a `congvu.core.rules.Rule` (the rule book page lists them);
- "demo": `seed(stdout=None)`, the app's idempotent share of the demo data (`DEMO_ORDER` sorts them).
"""

import importlib
from functools import cache
from types import ModuleType

from django.apps import apps

PROJECT_PACKAGE = "congvu."


@cache
def app_modules(kind: str) -> list[ModuleType]:
    """Every installed congvu app's `<app>.<kind>` module, in INSTALLED_APPS order.

    A missing module is normal (not every app has figures or reminders); an import error inside a
    module that exists is a bug and is raised, not hidden (and not cached: the next call raises
    again). Looked up once per kind: the installed apps do not change while the process runs, and
    figures ask for their modules on every evaluation.
    """
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith(PROJECT_PACKAGE):
            continue
        name = f"{config.name}.{kind}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.app_label = getattr(module, "app_label", config.label)
        found.append(module)
    return found  # shared by every caller: read it, do not change it
