"""AES-256-GCM under a client's data key, bound to where the ciphertext belongs.

A ciphertext is: format byte (1) | data key version (4 bytes, big-endian) | nonce (12) |
AES-GCM ciphertext and tag. The associated data names the table, field, row, client and
purpose, so a ciphertext copied to another row, field or client fails to open.
"""

import os
import struct
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from alcove.encryption import keys

FORMAT = 1
HEADER = struct.Struct(">BI")
NONCE_SIZE = 12
_BODY = HEADER.size + NONCE_SIZE
_SHORTEST = _BODY + 16  # a tag and nothing else
_headers: dict[int, bytes] = {}
DOES_NOT_OPEN = (
    "This ciphertext does not open here: it was altered, or copied from another row, field "
    "or client."
)


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
    if len(ciphertext) < _SHORTEST or ciphertext[0] != FORMAT:
        raise CiphertextInvalid("This is not an Alcove ciphertext.")
    return int(HEADER.unpack_from(ciphertext)[1])


def header_of(version: int) -> bytes:
    # The same few bytes for every value sealed under one key version: made once.
    header = _headers.get(version)
    if header is None:
        header = _headers.setdefault(version, HEADER.pack(FORMAT, version))
    return header


# seal_bytes and open_bytes take their arguments by position too: sealed fields call them
# once per value, and on this interpreter naming them costs more than the check they make.
def seal_bytes(
    plaintext: bytes, aad: bytes, client_id: UUID, purpose: str, version: int | None = None
) -> bytes:
    if version is None:
        version, aead = keys.data_key_sealing(client_id, purpose)
    else:
        aead = keys.data_key_opening(client_id, purpose, version)
    # A fresh 96-bit nonce from the operating system's CSPRNG for every value (what
    # secrets.token_bytes returns, without its two Python calls).
    nonce = os.urandom(NONCE_SIZE)
    header = _headers.get(version) or header_of(version)
    return b"".join((header, nonce, aead.encrypt(nonce, plaintext, aad)))


def key_for(ciphertext: bytes, client_id: UUID, purpose: str) -> AESGCM:
    """The key a ciphertext names in its header, after checking the header."""
    return keys.data_key_opening(client_id, purpose, key_version_of(ciphertext))


def open_bytes(ciphertext: bytes, aad: bytes, client_id: UUID, purpose: str) -> bytes:
    if len(ciphertext) < _SHORTEST:
        raise CiphertextInvalid("This is not an Alcove ciphertext.")
    form, version = HEADER.unpack_from(ciphertext)
    if form != FORMAT:
        raise CiphertextInvalid("This is not an Alcove ciphertext.")
    aead = keys.data_key_opening(client_id, purpose, version)
    try:
        return aead.decrypt(ciphertext[HEADER.size : _BODY], ciphertext[_BODY:], aad)
    except InvalidTag:
        raise CiphertextInvalid(DOES_NOT_OPEN) from None
