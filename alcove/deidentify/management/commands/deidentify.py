import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alcove.deidentify.cli import known_load, spans_jsonl, text_redact
from alcove.deidentify.engine import DatePolicy, Known


class Command(BaseCommand):
    help = (
        "De-identify text: stdin to stdout. `--format spans-jsonl` reads JSON Lines "
        '{"id", "text"} and writes {"id", "spans": [{"start", "end", "type"}]} per line.'
    )
    requires_system_checks: list[str] = []  # works without a database or keys
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["text", "spans-jsonl"], default="text")
        parser.add_argument(
            "--known", type=Path, help="JSON file of the client's own identifiers (README)."
        )
        parser.add_argument(
            "--dates",
            choices=[p.value for p in DatePolicy],
            default=DatePolicy.YEAR.value,
            help="keep only each date's year (default), or shift every date by --offset-days.",
        )
        parser.add_argument("--offset-days", type=int, default=0)
        parser.add_argument(
            "--keep-states",
            action="store_true",
            help="leave US states and countries (Safe Harbor allows them); masked by default.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stdin = options.get("stdin") or sys.stdin.buffer
        if options["dates"] == DatePolicy.SHIFT and not options["offset_days"]:
            raise CommandError("--dates shift needs a non-zero --offset-days.")
        known: Known | None = None
        if options["known"] is not None:
            try:
                raw = options["known"].read_bytes()
            except OSError as error:
                raise CommandError(f"--known: cannot read the file ({error.strerror}).") from None
            try:
                known = known_load(raw, source="--known file")
            except ValueError as error:
                raise CommandError(str(error)) from None

        def write(text: str) -> None:
            self.stdout.write(text, ending="")

        if options["format"] == "spans-jsonl":
            outcome = spans_jsonl(stdin, write, known=known, keep_states=options["keep_states"])
        else:
            outcome = text_redact(
                stdin,
                write,
                known=known,
                dates=DatePolicy(options["dates"]),
                offset_days=options["offset_days"],
                keep_states=options["keep_states"],
            )
        for problem in outcome.errors:
            self.stderr.write(problem)
        if outcome.errors:
            raise CommandError(
                f"{len(outcome.errors)} input(s) refused, {outcome.processed} processed.",
                returncode=1,
            )
