import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alcove.web.setup_link import setup_link_print


class Command(BaseCommand):
    help = "Print a new single-use setup link (only while no practice exists)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("ALCOVE_BIND", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        if not setup_link_print(self.stdout, host=host, port=port):
            self.stdout.write("The practice is already set up; staff join by invitation.")
