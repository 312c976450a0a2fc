from django.core.management.base import BaseCommand

from congvu.core.audit import acting_as
from congvu.core.plugins import app_modules


class Command(BaseCommand):
    help = "Load the Lạng Sơn demo data (idempotent)."

    def handle(self, *args, **options):
        # Each app ships its share in congvu/<app>/demo.py; they run in INSTALLED_APPS order (the
        # foundation of units, people and accounts first) and each is idempotent, so running the
        # command again changes nothing.
        with acting_as(None):
            for module in app_modules("demo"):
                self.stdout.write(f"demo: {module.app_label}")
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
