"""Run every part's due reminders (`congvu/<app>/reminders.py: run_due(now) -> int`), in a loop or once.

Project-wide, so it lives in core and finds the parts through the plugin loader."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from congvu.core.plugins import app_modules


def reminder_modules():
    return [module for module in app_modules("reminders") if callable(getattr(module, "run_due", None))]


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
            for module in modules:
                label = module.app_label
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
