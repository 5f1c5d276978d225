import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from alcove.audit.checkpoints import Checkpoint, checkpoint_from_row, checkpoint_write
from alcove.audit.models import AuditCheckpoint, AuditHead
from alcove.audit.sequencer import audit_sequence
from alcove.audit.verify import audit_verify


class Command(BaseCommand):
    help = "Verify the audit log, or print a signed checkpoint to keep outside the database."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        verify = sub.add_parser(
            "verify", help="Recompute the Merkle tree and check every checkpoint."
        )
        verify.add_argument(
            "--against", type=Path, help="A checkpoint file kept outside the database."
        )
        sub.add_parser("checkpoint", help="Sign the log as it is now and print the checkpoint.")

    def handle(self, *args: Any, verb: str, **options: Any) -> None:
        if verb == "checkpoint":
            self.stdout.write(self._checkpoint().to_json())
        else:
            self._verify(options.get("against"))

    @transaction.atomic
    def _checkpoint(self) -> Checkpoint:
        audit_sequence()  # the checkpoint covers every entry committed so far
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        size = head.size if head else 0
        row = AuditCheckpoint.objects.filter(tree_size=size).first()
        if row is None:
            from alcove.audit import merkle

            root = (
                merkle.Frontier.from_bytes(bytes(head.frontier)).root()
                if head
                else merkle.EMPTY_ROOT
            )
            row = checkpoint_write(tree_size=size, root=root, signed_at=timezone.now())
        return checkpoint_from_row(row)

    def _verify(self, against_path: Path | None) -> None:
        against = None
        if against_path is not None:
            try:
                against = Checkpoint.from_json(against_path.read_text())
            except (OSError, ValueError) as exc:
                raise CommandError(f"Cannot read the checkpoint {against_path}: {exc}") from None
        report = audit_verify(against=against, progress=self._progress)
        self.stderr.write("")
        if not report.ok:
            raise CommandError(f"The audit log does NOT verify: {report.problems[0]}.")
        self.stdout.write(
            f"The audit log verifies: {report.entries} entries, {report.checkpoints} signed "
            f"checkpoints, root {report.root.hex()}."
        )

    def _progress(self, done: int, total: int) -> None:
        if sys.stderr.isatty():
            self.stderr.write(f"\rverified {done} of {total} entries", ending="")
