"""Reads: results per unit, category and year; drill-down; a person's history; evidence providers."""

from django.db.models import Count, Q

from congvu.accounts.scope import scope_roots, scoped
from congvu.appraisals.models import CBCC, GOOD_OR_BETTER, VC, Evaluation, Level
from congvu.core.plugins import app_modules
from congvu.people.models import StaffCategory
from congvu.units.models import Unit

CATEGORY_GROUPS = {
    "cbcc": (StaffCategory.CAN_BO, StaffCategory.CONG_CHUC),
    "vc": (StaffCategory.VIEN_CHUC,),
}


def results_queryset():
    """The evaluations that count in results: the current decision of each person and year."""
    return Evaluation.objects.filter(is_current=True).filter(
        Q(status=Evaluation.Status.DECIDED) | Q(status=Evaluation.Status.NOT_RATED)
    )


def in_scope(queryset, scope):
    """Evaluations of units in the scope's lineage (the unit of their time), and of people who left
    such a unit during the year (the 2025 reform: rated by the new unit, still counted for the old)."""
    units = scope.units().values("pk")
    return queryset.filter(Q(unit_id__in=units) | Q(previous_unit_id__in=units))


def level_counts_by_group(queryset) -> dict:
    """One grouped query: level counts for everyone ("all") and per staff group ("cbcc", "vc")."""
    cells = {
        group: {"levels": dict.fromkeys(Level.values, 0), "not_rated": 0} for group in ("all", "cbcc", "vc")
    }
    for row in queryset.order_by().values("category", "level", "status").annotate(n=Count("id")):
        for group in ("all", _group_of(row["category"])):
            cell = cells.get(group)
            if cell is None:
                continue
            if row["status"] == Evaluation.Status.NOT_RATED or not row["level"]:
                cell["not_rated"] += row["n"]
            else:
                cell["levels"][row["level"]] += row["n"]
    return {group: finish(cell) for group, cell in cells.items()}


def level_counts(queryset) -> dict:
    """Counts per level (and not rated), the rated total and the share good-or-better."""
    counts = {level: 0 for level in Level.values}
    not_rated = 0
    for row in queryset.order_by().values("level", "status").annotate(n=Count("id")):
        if row["status"] == Evaluation.Status.NOT_RATED or not row["level"]:
            not_rated += row["n"]
        else:
            counts[row["level"]] += row["n"]
    rated = sum(counts.values())
    good = counts[Level.EXCELLENT] + counts[Level.GOOD]
    share = round(100.0 * good / rated, 2) if rated else None
    return {"levels": counts, "rated": rated, "not_rated": not_rated, "good_or_better": good, "share": share}


def results_table(queryset, years: list[int]) -> list[dict]:
    """For each year (newest first) and category group: counts, share and the change in points."""
    rows = (
        queryset.filter(year__in=[*years, min(years) - 1])
        .order_by()
        .values("year", "category", "level", "status")
        .annotate(n=Count("id"))
    )
    cells: dict[tuple[int, str], dict] = {}
    for row in rows:
        for group in ("all", _group_of(row["category"])):
            cell = cells.setdefault(
                (row["year"], group), {"levels": dict.fromkeys(Level.values, 0), "not_rated": 0}
            )
            if row["status"] == Evaluation.Status.NOT_RATED or not row["level"]:
                cell["not_rated"] += row["n"]
            else:
                cell["levels"][row["level"]] += row["n"]
    table = []
    for year in sorted(years, reverse=True):
        for group in ("all", "cbcc", "vc"):
            cell = cells.get((year, group))
            if cell is None:
                continue
            current = finish(cell)
            previous_cell = cells.get((year - 1, group))
            previous = finish(previous_cell)["share"] if previous_cell else None
            change = (
                round(current["share"] - previous, 2)
                if current["share"] is not None and previous is not None
                else None
            )
            table.append({"year": year, "group": group, **current, "previous": previous, "change": change})
    return table


def _group_of(category: str) -> str:
    if category in CBCC:
        return "cbcc"
    if category in VC:
        return "vc"
    return "other"


def finish(cell: dict) -> dict:
    levels = cell["levels"]
    rated = sum(levels.values())
    good = sum(levels[level] for level in GOOD_OR_BETTER)
    return {
        "levels": levels,
        "rated": rated,
        "not_rated": cell["not_rated"],
        "good_or_better": good,
        "share": round(100.0 * good / rated, 2) if rated else None,
    }


def history_of(staff):
    return (
        Evaluation.objects.filter(staff=staff)
        .select_related("unit", "rule_set", "supersedes")
        .order_by("-year", "-is_current", "-id")
    )


def evidence_providers() -> list[tuple[str, object]]:
    """The `evidence_for` functions of the parts that provide one (congvu/<app>/evidence.py)."""
    return [
        (module.app_label, module.evidence_for)
        for module in app_modules("evidence")
        if callable(getattr(module, "evidence_for", None))
    ]


def evidence_for(staff, year: int) -> dict:
    """Evidence beside the evaluation from every part that provides some, oldest first."""
    found = []
    for app, function in evidence_providers():
        for item in function(staff, year) or []:
            found.append({"app": app, **item})
    found.sort(key=lambda item: (item.get("date") is None, item.get("date")))
    return {"items": found}


def unit_cycles_for(unit_cycles):
    """Units' cycles, newest year first, with the count of people and of those already decided."""
    return (
        unit_cycles.select_related("cycle", "unit")
        .annotate(
            total=Count("evaluations", filter=Q(evaluations__is_current=True)),
            decided=Count(
                "evaluations",
                filter=Q(evaluations__is_current=True, evaluations__status__in=Evaluation.LOCKED),
            ),
        )
        .order_by("-cycle__year", "unit__path")
    )


def _child_of(path, roots, children_by_id):
    """The child of one of the roots whose subtree holds `path` (paths are "/1/5/9/")."""
    for root in roots:
        if path.startswith(root.path):
            rest = path[len(root.path) :].split("/", 1)[0]
            return children_by_id.get(int(rest)) if rest else None
    return None


def children_rows(scope, queryset, group):
    """The selected year per child unit (of the unit and of the units it succeeded), in one query."""
    if group:
        queryset = queryset.filter(category__in=CATEGORY_GROUPS[group])
    children = sorted((child for root in scope.roots for child in root.children.all()), key=lambda u: u.path)
    roots = {root.pk: root for root in scope.roots}
    by_id = {child.pk: child for child in children}
    cells = {}
    rows = list(queryset.order_by().values("unit_id", "level", "status").annotate(n=Count("id")))
    paths = dict(Unit.objects.filter(pk__in={row["unit_id"] for row in rows}).values_list("pk", "path"))
    for row in rows:
        owner = roots.get(row["unit_id"])
        if owner is None:
            owner = _child_of(paths[row["unit_id"]], scope.roots, by_id)
        if owner is None:
            continue
        cell = cells.setdefault(owner.pk, {"levels": dict.fromkeys(Level.values, 0), "not_rated": 0})
        if row["status"] == Evaluation.Status.NOT_RATED or not row["level"]:
            cell["not_rated"] += row["n"]
        else:
            cell["levels"][row["level"]] += row["n"]
    result = [
        {"unit": root, "direct": True, **finish(cells[root.pk])} for root in scope.roots if root.pk in cells
    ]
    result += [{"unit": child, **finish(cells[child.pk])} for child in children if child.pk in cells]
    return result


def results_roots(user, roles) -> list[Unit]:
    """Where the results page starts: the tops of the user's scope (the tree's top for everything)."""
    roots = scope_roots(user, roles)
    return list(Unit.objects.filter(parent__isnull=True)) if roots is None else roots


def units_near(user, unit, roots, roles) -> list[Unit]:
    """The units offered next to the chosen one: the scope's tops, the unit's ancestors in scope, the
    unit and its children, and the tops' children; by position in the tree."""
    nearby = {root.pk: root for root in roots}
    if unit is not None:
        nearby |= {u.pk: u for u in scoped(unit.ancestors(), user, field="", roles=roles)}
        nearby[unit.pk] = unit
        nearby |= {u.pk: u for u in Unit.objects.filter(Q(parent=unit) | Q(parent__in=[r.pk for r in roots]))}
    return sorted(nearby.values(), key=lambda u: u.path)


def latest_result_year() -> int | None:
    years = Evaluation.objects.filter(is_current=True).order_by().values_list("year", flat=True).distinct()
    return max(years, default=None)
