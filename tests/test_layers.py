"""The layers of congvu, kept by parsing every import.

    demo                     the demo data command (imports anything)
    reports                  evaluates and presents the figures; no app imports it
    domain apps              feedback, ratings, inspections, appraisals, rewards, discipline,
                             regulations, plans: only the dependencies listed in DOMAIN_DEPENDENCIES
    people                   staff register (its pages use the scope)
    accounts                 users, roles, the scope, the staff shell
    units                    the unit tree and its lineage
    core                     the kernel: helpers, indicator types, plugin loader, events; imports no app

An app may import an app of a lower layer; within the domain layer only the listed edges, which
must not form a cycle.
"""

import ast
import pathlib

import pytest

PACKAGE = "congvu"
ROOT = pathlib.Path(__file__).resolve().parent.parent / PACKAGE

LAYERS = [
    ("core",),
    ("units",),
    ("accounts",),
    ("people",),
    ("feedback", "ratings", "inspections", "appraisals", "rewards", "discipline", "regulations", "plans"),
    ("reports",),
    ("demo",),
]
# Which domain app may import which (a domain app not named here imports no other domain app).
DOMAIN_DEPENDENCIES = {
    "feedback": {"discipline"},
    "inspections": {"discipline"},
    "appraisals": {"discipline"},
    # The self-service page of one's own rewards and discipline lives with rewards.
    "rewards": {"discipline"},
}


def layer_of(app: str) -> int:
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    raise KeyError(app)


def imported_apps(path: pathlib.Path) -> list[tuple[str, int]]:
    """The congvu apps a module imports, with the line of each import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
            if node.module == PACKAGE:  # from congvu import feedback
                modules = [f"{PACKAGE}.{alias.name}" for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == PACKAGE and len(parts) > 1:
                found.append((parts[1], node.lineno))
    return found


def app_imports(root: pathlib.Path = ROOT) -> dict[str, dict[str, list[str]]]:
    """{app: {imported app: ["file:line", …]}} for every app package below `root` (migrations aside)."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if len(relative.parts) < 2 or "migrations" in relative.parts:
            continue  # project modules (settings, urls, api) wire the apps together
        app = relative.parts[0]
        for target, line in imported_apps(path):
            if target != app and (root / target).is_dir():
                graph.setdefault(app, {}).setdefault(target, []).append(f"{relative}:{line}")
    return graph


def violations(graph: dict[str, dict[str, list[str]]]) -> list[str]:
    problems = []
    for app, targets in graph.items():
        for target, places in targets.items():
            app_layer, target_layer = layer_of(app), layer_of(target)
            allowed = target_layer < app_layer or (
                app_layer == target_layer and target in DOMAIN_DEPENDENCIES.get(app, set())
            )
            if not allowed:
                problems.append(f"{app} imports {target}: {', '.join(places)}")
    return problems + [f"cycle: {' → '.join(cycle)}" for cycle in cycles(graph)]


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    found, seen = [], set()

    def visit(app, trail):
        if app in trail:
            cycle = trail[trail.index(app) :] + [app]
            key = frozenset(cycle)
            if key not in seen:
                seen.add(key)
                found.append(cycle)
            return
        for target in graph.get(app, {}):
            visit(target, [*trail, app])

    for app in graph:
        visit(app, [])
    return found


def test_every_app_has_a_layer():
    apps = {path.name for path in ROOT.iterdir() if (path / "apps.py").exists()}
    assert apps == {app for layer in LAYERS for app in layer}


def test_the_layers_hold():
    assert violations(app_imports()) == []


def test_the_domain_dependencies_form_no_cycle():
    graph = {app: dict.fromkeys(targets, []) for app, targets in DOMAIN_DEPENDENCIES.items()}
    assert cycles(graph) == []


@pytest.mark.parametrize(
    ("app", "wrong_import", "expected"),
    [
        ("core", "from congvu.feedback.models import Case", "core imports feedback"),
        ("feedback", "from congvu.reports.engine import evaluate", "feedback imports reports"),
        ("units", "import congvu.accounts.scope", "units imports accounts"),
        ("ratings", "from congvu import inspections", "ratings imports inspections"),
    ],
)
def test_a_wrong_import_is_caught(tmp_path, app, wrong_import, expected):
    """A copy of the tree with one deliberately wrong import fails the check, naming the file."""
    for name in {app_name for layer in LAYERS for app_name in layer}:
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("")
    (tmp_path / app / "wrong.py").write_text(wrong_import + "\n")
    problems = violations(app_imports(tmp_path))
    assert any(problem.startswith(expected) and f"{app}/wrong.py:1" in problem for problem in problems)


def test_a_cycle_between_domain_apps_is_caught(tmp_path):
    for name in ("discipline", "feedback"):
        (tmp_path / name).mkdir()
    (tmp_path / "feedback" / "a.py").write_text("from congvu.discipline import services\n")
    (tmp_path / "discipline" / "b.py").write_text("from congvu.feedback.models import Case\n")
    problems = violations(app_imports(tmp_path))
    assert any(problem.startswith("discipline imports feedback") for problem in problems)
    assert any(problem.startswith("cycle:") for problem in problems)
