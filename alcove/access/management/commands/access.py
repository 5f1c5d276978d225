import csv
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alcove.access.policy import matrix

HEADER = ["role", "relationship", "data_class", "action", "allowed"]


class Command(BaseCommand):
    help = "The need-to-know policy: `alcove access matrix` prints who may do what, as CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("matrix", help="Every role x relationship x data class x action, as CSV.")

    def handle(self, *args: Any, verb: str, **options: Any) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(HEADER)
        for role, relationship, data_class, action, allowed in matrix():
            writer.writerow(
                [
                    role.value,
                    relationship.value,
                    data_class.value,
                    action.value,
                    "yes" if allowed else "no",
                ]
            )
