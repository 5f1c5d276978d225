"""AES-256-GCM under a client's data key, bound to where the ciphertext belongs.

A ciphertext is: format byte (1) | data key version (4 bytes, big-endian) | nonce (12) |
AES-GCM ciphertext and tag. The associated data names the table, field, row, client and
purpose, so a ciphertext copied to another row, field or client fails to open.
"""

import secrets
import struct
from uuid import UUID

from cryptography.exceptions import InvalidTag

from alcove.encryption import keys

FORMAT = 1
HEADER = struct.Struct(">BI")
NONCE_SIZE = 12


class CiphertextInvalid(Exception):
    """The ciphertext does not belong here (moved, altered or truncated)."""


def id_bytes(value: object) -> bytes:
    # UUIDs as their 16 raw bytes: fixed length, so the parts cannot run into each other.
    return value.bytes if isinstance(value, UUID) else str(value).encode()


def associated_data(
    *, place: str, field: str, row_id: object, client_id: UUID, purpose: str
) -> bytes:
    parts = (f"alcove|{place}|{field}|".encode(), id_bytes(row_id), b"|", client_id.bytes)
    return b"".join((*parts, f"|{purpose}".encode()))


def key_version_of(ciphertext: bytes) -> int:
    if len(ciphertext) < HEADER.size + NONCE_SIZE + 16 or ciphertext[0] != FORMAT:
        raise CiphertextInvalid("This is not an Alcove ciphertext.")
    return int(HEADER.unpack_from(ciphertext)[1])


def seal_bytes(
    plaintext: bytes, *, aad: bytes, client_id: UUID, purpose: str, version: int | None = None
) -> bytes:
    if version is None:
        version = keys.data_key_current(client_id=client_id, purpose=purpose)
    aead = keys.data_key(client_id=client_id, purpose=purpose, version=version)
    nonce = secrets.token_bytes(NONCE_SIZE)
    return HEADER.pack(FORMAT, version) + nonce + aead.encrypt(nonce, plaintext, aad)


def open_bytes(ciphertext: bytes, *, aad: bytes, client_id: UUID, purpose: str) -> bytes:
    version = key_version_of(ciphertext)
    aead = keys.data_key(client_id=client_id, purpose=purpose, version=version)
    start = HEADER.size
    nonce, body = ciphertext[start : start + NONCE_SIZE], ciphertext[start + NONCE_SIZE :]
    try:
        return aead.decrypt(nonce, body, aad)
    except InvalidTag:
        raise CiphertextInvalid(
            "This ciphertext does not open here: it was altered, or copied from another "
            "row, field or client."
        ) from None
