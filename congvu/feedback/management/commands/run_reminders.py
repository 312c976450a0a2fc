"""Run every part's due reminders: `congvu/<app>/reminders.py: run_due(now) -> int`, in a loop or once."""

import importlib
import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone


def reminder_modules():
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("congvu."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.reminders")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.reminders":
                raise
            continue
        if callable(getattr(module, "run_due", None)):
            modules.append((config.label, module))
    return modules


class Command(BaseCommand):
    help = "Send due deadline reminders and escalations (loop; --once for a single pass). Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one pass, then exit")
        parser.add_argument("--interval", type=int, default=300, help="seconds between passes")

    def handle(self, *args, once=False, interval=300, **options):
        modules = reminder_modules()
        while True:
            now = timezone.now()
            total = 0
            for label, module in modules:
                try:
                    count = module.run_due(now)
                except Exception as error:  # one part's failure must not stop the others' reminders
                    self.stderr.write(f"{label}: {error!r}")
                    continue
                total += count or 0
                self.stdout.write(f"{label}: {count or 0}")
            self.stdout.write(f"sent: {total}")
            if once:
                return
            close_old_connections()
            time.sleep(max(interval, 5))
