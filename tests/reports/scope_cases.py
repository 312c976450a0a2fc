"""Every reports staff URL refuses a unit outside the user's scope and never lists one."""

from django.urls import reverse

from tests.scope_harness import ScopeCase

OTHER = "?unit=P-NPV&year=2019"
SECRET = "Phường Ngoài Phạm Vi"


def _url(name, *args, query=OTHER):
    return lambda world: reverse(name, args=args) + query


SCOPE_CASES = [
    ScopeCase("reports:dashboard", _url("reports:dashboard")),
    ScopeCase("reports:dashboard", _url("reports:dashboard", query=""), kind="list", secret=SECRET),
    ScopeCase("reports:print", _url("reports:print")),
    ScopeCase("reports:print", _url("reports:print", query=""), kind="list", secret=SECRET),
    ScopeCase("reports:catalogue", _url("reports:catalogue", query=""), kind="list", secret=SECRET),
    ScopeCase("reports:indicator_detail", _url("reports:indicator_detail", "units.current")),
    ScopeCase("reports:export_xlsx", _url("reports:export_xlsx")),
    ScopeCase("reports:export_xlsx", _url("reports:export_xlsx", query=""), kind="list", secret=SECRET),
    ScopeCase("reports:export_docx", _url("reports:export_docx")),
    ScopeCase("reports:export_docx", _url("reports:export_docx", query=""), kind="list", secret=SECRET),
    ScopeCase("api:reports_catalogue", _url("api:reports_catalogue", query=""), kind="list", secret=SECRET),
    ScopeCase("api:reports_indicators", _url("api:reports_indicators")),
    ScopeCase("api:reports_league", _url("api:reports_league", query=OTHER + "&code=units.current")),
    # The city above the ward is out of scope too: its league table would list the other ward.
    ScopeCase(
        "api:reports_league", _url("api:reports_league", query="?unit=TP&year=2019&code=units.current")
    ),
    ScopeCase("reports:dashboard", _url("reports:dashboard", query="?unit=TP&year=2019")),
]
