"""Encrypted attachments: the same per-client keys, stored as files, opened by a Decision.

A file is stored whole as one ciphertext, at attachments/<client>/<file id>.<data class>.sealed
in the default storage (ALCOVE_DATA_DIR/files; never served). Its associated data binds it to
its id, client and purpose, so a file renamed or moved to another client fails to open.
"""

import os
from dataclasses import dataclass
from uuid import UUID

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from alcove.encryption import crypto
from alcove.encryption.fields import purpose_for

ROOT = "attachments"


@dataclass(frozen=True)
class SealedFile:
    file_id: UUID
    client_id: UUID
    data_class: str

    def __str__(self) -> str:
        return "<sealed file>"

    @property
    def name(self) -> str:
        return f"{ROOT}/{self.client_id}/{self.file_id}.{self.data_class}.sealed"

    def aad(self) -> bytes:
        return crypto.associated_data(
            place="attachment",
            field=self.data_class,
            row_id=self.file_id,
            client_id=self.client_id,
            purpose=purpose_for(self.data_class),
        )


def sealed_file_write(
    *, file_id: UUID, client_id: UUID, data_class: str, content: bytes, version: int | None = None
) -> SealedFile:
    sealed = SealedFile(file_id=file_id, client_id=client_id, data_class=data_class)
    ciphertext = crypto.seal_bytes(
        content,
        aad=sealed.aad(),
        client_id=client_id,
        purpose=purpose_for(data_class),
        version=version,
    )
    # Write beside, then replace: a crash never leaves half a file under the real name.
    default_storage.delete(sealed.name + ".new")
    default_storage.save(sealed.name + ".new", ContentFile(ciphertext))
    _replace(sealed.name + ".new", sealed.name)
    return sealed


def _replace(source: str, target: str) -> None:
    os.replace(default_storage.path(source), default_storage.path(target))


def sealed_file_ciphertext(sealed: SealedFile) -> bytes:
    with default_storage.open(sealed.name, "rb") as handle:
        return bytes(handle.read())


def sealed_file_open_unchecked(sealed: SealedFile) -> bytes:
    """Decrypt without a decision. Only access.Decision.open_file and rotation call this."""
    return crypto.open_bytes(
        sealed_file_ciphertext(sealed),
        aad=sealed.aad(),
        client_id=sealed.client_id,
        purpose=purpose_for(sealed.data_class),
    )


def sealed_files_of(client_id: UUID) -> list[tuple[SealedFile, bytes]]:
    """A client's attachments with their ciphertexts (rotation walks these)."""
    folder = f"{ROOT}/{client_id}"
    if not default_storage.exists(folder):
        return []
    found = []
    for name in default_storage.listdir(folder)[1]:
        if not name.endswith(".sealed"):
            continue
        file_id, data_class = _parse(name)
        sealed = SealedFile(file_id=file_id, client_id=client_id, data_class=data_class)
        found.append((sealed, sealed_file_ciphertext(sealed)))
    return found


def _parse(name: str) -> tuple[UUID, str]:
    stem = name.removesuffix(".sealed")
    file_id, _, data_class = stem.partition(".")
    return UUID(file_id), data_class
