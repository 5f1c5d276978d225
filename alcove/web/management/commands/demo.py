from typing import Any

from django.core.management.base import BaseCommand, CommandError

from alcove.web.demo import DEMO_PASSWORD, DemoRefused, demo_load


class Command(BaseCommand):
    help = "Load a fictional practice to look around in (never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = demo_load()
        except DemoRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(f"\nDemo practice loaded. Every account's password: {DEMO_PASSWORD}\n")
        self.stdout.write("Second factor: add the secret to an authenticator app.\n")
        for account in accounts:
            self.stdout.write(
                f"  {account.role.label:<24} {account.email:<34} TOTP secret {account.totp_secret}"
            )
        self.stdout.write("")
