import importlib

from django.core.management.base import BaseCommand

from congvu.core.audit import acting_as

# Each part of the programme adds its own module to congvu/demo/; they run in this order and each is
# idempotent, so running the command again changes nothing.
STEPS = ["foundation", "feedback", "ratings", "inspections", "appraisals", "records", "reports"]


class Command(BaseCommand):
    help = "Load the Lạng Sơn demo data (idempotent)."

    def handle(self, *args, **options):
        with acting_as(None):
            for step in STEPS:
                try:
                    module = importlib.import_module(f"congvu.demo.{step}")
                except ModuleNotFoundError as error:
                    if error.name != f"congvu.demo.{step}":
                        raise
                    continue
                self.stdout.write(f"demo: {step}")
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
