"""Print the indicators of a unit for a year or a date range (json, csv or a plain table)."""

import csv
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from congvu.reports.engine import evaluate_all
from congvu.reports.selectors import ReportInputError, find_unit, parse_period

FIELDS = ["code", "name", "value", "numerator", "denominator", "previous", "change"]


def command_payload(result: dict) -> dict:
    """The command's JSON: the unit, the period and for each indicator exactly FIELDS."""
    return {
        "unit": result["unit"],
        "period": result["period"],
        "indicators": [{key: row.get(key) for key in FIELDS} for row in result["indicators"]],
    }


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


class Command(BaseCommand):
    help = (
        "Indicators of a unit (code or exact name) for a year (--year) or a period (--from/--to, "
        "dd/mm/yyyy or YYYY-MM-DD), with the previous period and the change."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="unit code or exact name")
        parser.add_argument("--year")
        parser.add_argument("--from", dest="date_from")
        parser.add_argument("--to", dest="date_to")
        parser.add_argument("--format", choices=["json", "csv", "table"], default="table")
        parser.add_argument("--code", action="append", help="only these indicator codes (repeatable)")

    def handle(self, *args, **options):
        translation.activate("vi")
        try:
            period = parse_period(
                year=options["year"], date_from=options["date_from"], date_to=options["date_to"]
            )
            unit = find_unit(options["unit"], period)
        except ReportInputError as error:
            raise CommandError(str(error))
        payload = command_payload(evaluate_all(unit, period, codes=options["code"]))
        output = options["format"]
        if output == "json":
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        elif output == "csv":
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(["unit", "from", "to", *FIELDS])
            for row in payload["indicators"]:
                writer.writerow(
                    [unit.code, period.start.isoformat(), period.end.isoformat()]
                    + ["" if row[key] is None else row[key] for key in FIELDS]
                )
        else:
            self._table(payload, unit, period)

    def _table(self, payload, unit, period):
        self.stdout.write(f"{unit.name} ({unit.code}) — {period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}")
        header = ["Mã", "Chỉ tiêu", "Giá trị", "Tử số", "Mẫu số", "Kỳ trước", "Thay đổi"]
        rows = [[_cell(row[key]) for key in FIELDS] for row in payload["indicators"]]
        widths = [max(len(str(line[i])) for line in [header, *rows]) for i in range(len(header))]
        for line in [header, ["-" * w for w in widths], *rows]:
            self.stdout.write(
                "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True))
            )
