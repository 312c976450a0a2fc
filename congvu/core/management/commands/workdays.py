import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from congvu.core.workdays import add_working_days, working_days_between


def parse_day(value: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise CommandError(f"Ngày không hợp lệ / invalid date: {value!r} (YYYY-MM-DD or dd/mm/yyyy)")


class Command(BaseCommand):
    help = (
        "Vietnamese working days. `workdays add 2027-02-03 5` prints the 5th working day after that date; "
        "`workdays between 2027-02-01 2027-02-28` prints how many working days the range holds (both ends included)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="operation", required=True)
        add = sub.add_parser("add", help="the n-th working day after a date")
        add.add_argument("date")
        add.add_argument("n", type=int)
        between = sub.add_parser("between", help="working days from one date to another, both included")
        between.add_argument("first")
        between.add_argument("last")

    def handle(self, *args, **options):
        if options["operation"] == "add":
            start = parse_day(options["date"])
            result = add_working_days(start, options["n"])
            self.stdout.write(f"{options['n']} working day(s) after {start.isoformat()}:")
            self.stdout.write(result.isoformat())
        else:
            first, last = parse_day(options["first"]), parse_day(options["last"])
            if last < first:
                raise CommandError("Ngày cuối phải không trước ngày đầu / the last date is before the first")
            self.stdout.write(f"Working days from {first.isoformat()} to {last.isoformat()} (inclusive):")
            self.stdout.write(str(working_days_between(first, last)))
