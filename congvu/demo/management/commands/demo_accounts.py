from binascii import unhexlify

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from congvu.accounts import second_factor
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
        existing = {user.username: user for user in User.objects.all()}
        needing_codes = []
        for username, role, _unit_code, label in DEMO_ACCOUNTS:
            if username in existing:
                role_label = role.label if role else "Cán bộ (tự phục vụ / self-service)"
                self.stdout.write(f"  {username:<22} {role_label} — {label}")
                if second_factor.is_required(existing[username]):
                    needing_codes.append(existing[username])
        self.stdout.write("")
        self._recovery_codes(needing_codes)

    def _recovery_codes(self, users):
        """The roles that must use a second factor (system admin, programme office) would need an
        authenticator app to try the demo: print fresh one-use recovery codes for them instead, each
        run. A demo install only: its passwords are public anyway."""
        if not users:
            return
        self.stdout.write(
            "Mã xác thực dự phòng, dùng một lần (bước xác thực hai lớp) / one-use recovery codes for the "
            "second factor:"
        )
        for user in users:
            if second_factor.has_device(user):
                codes = second_factor.regenerate_recovery_codes(user=user, by=None)
            else:
                codes = self._enrol(user)
            self.stdout.write(f"  {user.username:<22} {'  '.join(codes[:3])}")
        self.stdout.write("")

    def _enrol(self, user) -> list[str]:
        """Enrol a fresh authenticator key (as a person would, with its current code), so that the login
        asks for the second factor and accepts a recovery code."""
        secret = second_factor.new_secret()
        token = f"{TOTP(unhexlify(secret)).token():06d}"
        return second_factor.enrol(user=user, secret=secret, token=token, by=None)
