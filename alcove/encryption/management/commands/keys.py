import sys
from typing import Any
from uuid import UUID

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from alcove.encryption import keys, rotation
from alcove.encryption.keyring import MasterKeyError
from alcove.encryption.models import DataKey
from alcove.encryption.router import KEY_STORE


def _client_id(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a client id (a UUID).") from None


class Command(BaseCommand):
    help = "Master and data keys: status, rotation, retirement, crypto-shredding."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("status", help="Where the master key is and what the key store holds.")
        master = sub.add_parser(
            "rotate-master", help="Rewrap every data key under a new master key."
        )
        master.add_argument(
            "--batch", type=int, default=rotation.BATCH, help="Keys per transaction."
        )
        sub.add_parser("retire-masters", help="Forget master keys no data key uses any more.")
        client = sub.add_parser("rotate-client", help="Re-encrypt one client under new data keys.")
        client.add_argument("client_id")
        client.add_argument(
            "--settle",
            type=float,
            default=keys.CACHE_SECONDS,
            help="Seconds app processes may keep the old key cached (0 when none is running).",
        )
        shred = sub.add_parser("shred-client", help="Destroy one client's data keys for good.")
        shred.add_argument("client_id")
        shred.add_argument("--yes", action="store_true", help="Confirm: this cannot be undone.")

    def handle(self, *args: Any, verb: str, **options: Any) -> None:
        try:
            getattr(self, "_" + verb.replace("-", "_"))(**options)
        except MasterKeyError as exc:
            raise CommandError(str(exc)) from None

    def _progress(self, done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        self.stderr.write(f"\r{done} of {total}", ending=end)
        sys.stderr.flush()

    def _status(self, **options: Any) -> None:
        ring = keys.keyring()
        self.stdout.write(f"Master key: {keys.provider().description}")
        self.stdout.write(f"Master versions: {sorted(ring.masters)} (current {ring.current})")
        self.stdout.write(f"Data keys in the key store: {DataKey.objects.count()}")

    def _rotate_master(self, *, batch: int, **options: Any) -> None:
        version = rotation.master_rotate(progress=self._progress, batch=max(1, batch))
        self.stdout.write(
            f"Every data key is wrapped by master key v{version}. Back up the keyring now; "
            "when every app process has restarted, run `alcove keys retire-masters`."
        )

    def _retire_masters(self, **options: Any) -> None:
        retired = rotation.masters_retire()
        self.stdout.write(f"Retired master key versions: {retired or 'none'}.")

    def _rotate_client(self, *, client_id: str, settle: float, **options: Any) -> None:
        moved = rotation.client_rotate(
            client_id=_client_id(client_id), progress=self._progress, settle_seconds=settle
        )
        self.stdout.write(f"Client re-encrypted under new data keys ({moved} values moved).")

    def _shred_client(self, *, client_id: str, yes: bool, **options: Any) -> None:
        if not yes:
            raise CommandError(
                "Shredding cannot be undone. Add --yes to destroy this client's keys."
            )
        deleted = rotation.client_shred(client_id=_client_id(client_id))
        if connections[KEY_STORE].vendor == "postgresql":
            # Rewrites the table so the deleted rows' pages are gone, not merely marked free.
            with connections[KEY_STORE].cursor() as cursor:
                cursor.execute(f"VACUUM FULL {DataKey._meta.db_table}")
        self.stdout.write(
            f"Destroyed {deleted} data keys. This client's data can no longer be opened."
        )
