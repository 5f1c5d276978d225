import os
from typing import Any

import waitress
from django.conf import settings
from django.core import checks
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from alcove.accounts.selectors import practice_exists
from alcove.web.setup_link import setup_link_print


class Command(BaseCommand):
    help = "Serve Alcove. While no practice exists, print a single-use setup link first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("ALCOVE_BIND", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, host: str, port: int, threads: int, **options: Any) -> None:
        from alcove.wsgi import application

        self.check(include_deployment_checks=settings.PRODUCTION, fail_level=checks.ERROR)
        self._key_notice()
        if settings.DEMO and not practice_exists():
            call_command("demo", stdout=self.stdout)
        setup_link_print(self.stdout, host=host, port=port)
        self.stdout.write(f"Alcove is serving at http://{host}:{port}/ (Ctrl-C stops it).")
        waitress.serve(application, host=host, port=port, threads=threads, ident="Alcove")

    def _key_notice(self) -> None:
        from alcove.encryption.keys import provider

        self.stdout.write(f"Master key: {provider().description}.")
        if settings.KEY_PROVIDER == "local":
            self.stdout.write(
                "NOTE: the master key is a plain file beside the data. That is for development "
                "and trying Alcove out; production keeps the master key elsewhere (a "
                "passphrase-sealed file or a key service; see docs/operations.md)."
            )
