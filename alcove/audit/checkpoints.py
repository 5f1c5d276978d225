"""Signed checkpoints: (tree size, root, time) under the Ed25519 key held beside the master key.

A checkpoint kept outside the database (printed, emailed, stored elsewhere) lets anyone
later prove the log still contains exactly what it contained then.
"""

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from alcove.audit.models import AuditCheckpoint
from alcove.encryption.keys import keyring

FORMAT = "alcove-audit-checkpoint-1"


@dataclass(frozen=True)
class Checkpoint:
    tree_size: int
    root: bytes
    signed_at: datetime
    signature: bytes
    public_key: bytes

    def message(self) -> bytes:
        return checkpoint_message(self.tree_size, self.root, self.signed_at)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "tree_size": self.tree_size,
                "root": self.root.hex(),
                "signed_at": _time_text(self.signed_at),
                "signature": base64.b64encode(self.signature).decode(),
                "public_key": self.public_key.hex(),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> "Checkpoint":
        try:
            document = json.loads(text)
            if document["format"] != FORMAT:
                raise ValueError("unknown format")
            return cls(
                tree_size=int(document["tree_size"]),
                root=bytes.fromhex(document["root"]),
                signed_at=datetime.fromisoformat(document["signed_at"]),
                signature=base64.b64decode(document["signature"]),
                public_key=bytes.fromhex(document["public_key"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"This is not an Alcove audit checkpoint ({exc}).") from None


def _time_text(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def checkpoint_message(tree_size: int, root: bytes, signed_at: datetime) -> bytes:
    return f"{FORMAT}\n{tree_size}\n{root.hex()}\n{_time_text(signed_at)}\n".encode()


def public_key() -> bytes:
    return keyring().signing_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def checkpoint_write(*, tree_size: int, root: bytes, signed_at: datetime) -> AuditCheckpoint:
    signature = keyring().signing_key().sign(checkpoint_message(tree_size, root, signed_at))
    return AuditCheckpoint.objects.create(
        tree_size=tree_size,
        root=root,
        signed_at=signed_at,
        signature=signature,
        key_id=key_id(public_key()),
    )


def checkpoint_from_row(row: AuditCheckpoint) -> Checkpoint:
    return Checkpoint(
        tree_size=row.tree_size,
        root=bytes(row.root),
        signed_at=row.signed_at,
        signature=bytes(row.signature),
        public_key=public_key(),
    )


def signature_valid(checkpoint: Checkpoint, *, public: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(
            checkpoint.signature, checkpoint.message()
        )
    except (InvalidSignature, ValueError):
        return False
    return True
