from django.core.management.base import BaseCommand

from congvu.accounts.models import User
from congvu.people.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the address to open and the demo accounts (one per role)."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

    def handle(self, *args, **options):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"congvu: http://127.0.0.1:{options['port']}/"))
        self.stdout.write(f"Tài khoản mẫu / demo accounts (mật khẩu / password: {DEMO_PASSWORD}):")
        existing = set(User.objects.values_list("username", flat=True))
        for username, role, _unit_code, label in DEMO_ACCOUNTS:
            if username in existing:
                role_label = role.label if role else "Cán bộ (tự phục vụ / self-service)"
                self.stdout.write(f"  {username:<22} {role_label} — {label}")
        self.stdout.write("")
