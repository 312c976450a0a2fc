from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from congvu.feedback.models import ApiKey
from congvu.units.models import Unit


class Command(BaseCommand):
    help = 'Open311 API keys: `apikey create "<client name>" [--unit CODE ...]`, `apikey revoke PREFIX`, `apikey list`.'

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "revoke", "list"])
        parser.add_argument("name", nargs="?", default="")
        parser.add_argument(
            "--unit", action="append", default=[], help="unit code the key may post to (repeat)"
        )
        parser.add_argument("--per-minute", type=int, default=60)

    def handle(self, *args, action, name, unit, per_minute, **options):
        if action == "list":
            for key in ApiKey.objects.order_by("pk"):
                state = "revoked" if key.revoked_at else "active"
                self.stdout.write(f"{key.prefix}\t{state}\t{key.name}")
            return
        if not name:
            raise CommandError("give the client name (create) or the key prefix (revoke)")
        if action == "revoke":
            updated = 0
            for key in ApiKey.objects.filter(prefix=name, revoked_at__isnull=True):
                key.revoked_at = timezone.now()
                key.save()
                updated += 1
            if not updated:
                raise CommandError(f"no active key with prefix {name}")
            self.stdout.write(f"revoked {name}")
            return
        units = list(Unit.objects.filter(code__in=unit))
        missing = set(unit) - {u.code for u in units}
        if missing:
            raise CommandError(f"unknown unit codes: {', '.join(sorted(missing))}")
        if not units:
            units = list(Unit.objects.filter(parent__isnull=True))
        with transaction.atomic():
            key = ApiKey(name=name, requests_per_minute=per_minute)
            raw = key.issue()
            key.full_clean()
            key.save()
            key.units.set(units)
        self.stdout.write(f"key for {name} ({', '.join(u.code for u in units)}); shown once:")
        self.stdout.write(raw)
