from django.core.management.base import BaseCommand, CommandError

from congvu.core.audit import acting_as
from congvu.ratings import services
from congvu.ratings.models import Counter


class Command(BaseCommand):
    help = "Pair a kiosk with a counter: print a new device token on the last line (or --list the counters)."

    def add_arguments(self, parser):
        parser.add_argument("counter", nargs="?", help="counter code")
        parser.add_argument("--list", action="store_true", help="list counters with their codes and units")
        parser.add_argument("--name", default="", help="a name for the device")

    def handle(self, *args, **options):
        if options["list"]:
            for counter in Counter.objects.select_related("unit").order_by("unit__path", "code"):
                state = "" if counter.is_active else " (inactive)"
                self.stdout.write(
                    f"{counter.code}\t{counter.name}\t{counter.unit.code}\t{counter.unit.name}{state}"
                )
            return
        code = options["counter"]
        if not code:
            raise CommandError("Give a counter code, or --list to see them.")
        counter = Counter.objects.filter(code=code).select_related("unit").first()
        if counter is None:
            raise CommandError(f"No counter with code {code!r}; see kiosk_token --list.")
        with acting_as(None):
            device, token = services.pair_device(counter=counter, name=options["name"])
        self.stdout.write(f"Device {device.name} paired with {counter.code} ({counter.unit.name}).")
        self.stdout.write(f"Open /kiosk/{counter.code}/ on the tablet and enter this token once:")
        self.stdout.write(token)
