"""Where the keyring lives. One small interface, several places.

A provider loads and saves the keyring document. `LocalFileProvider` keeps it in a file
with mode 0600 (development and single-machine practices); `PassphraseFileProvider`
keeps it sealed under a key derived with scrypt from a passphrase; `MemoryProvider`
keeps it in the process (tests). An external key service (HashiCorp Vault transit, a
cloud KMS) plugs in as a fourth class: it stores the keyring sealed by a key that never
leaves the service, calling the service's decrypt on load and encrypt on save
(docs/operations.md).
"""

import json
import os
import secrets
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from alcove.encryption.keyring import Keyring, MasterKeyError

SEALED_FORMAT = "alcove-sealed-keyring-1"
# scrypt at 2**17 x 8 x 1 uses 128 MiB and about half a second: paid once per start-up.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1


class MasterKeyProvider(Protocol):
    description: str

    def exists(self) -> bool: ...

    def load(self) -> Keyring: ...

    def save(self, keyring: Keyring) -> None: ...


def _write_atomically(path: Path, data: bytes) -> None:
    # A crash leaves either the old keyring or the new one, never half of one.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MasterKeyError(
            f"The master key file {path} is missing. Restore it from the key backup, or "
            "set ALCOVE_MASTER_KEY_FILE to where it is."
        ) from None
    except OSError as exc:
        raise MasterKeyError(
            f"The master key file {path} cannot be read ({exc.strerror})."
        ) from None


class LocalFileProvider:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"local key file {path}"

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> Keyring:
        return Keyring.from_bytes(_read(self.path), source=str(self.path))

    def save(self, keyring: Keyring) -> None:
        _write_atomically(self.path, keyring.to_bytes())


class PassphraseFileProvider:
    def __init__(self, path: Path, passphrase: str) -> None:
        if len(passphrase) < 15:
            raise MasterKeyError(
                "The master passphrase must be at least 15 characters: set "
                "ALCOVE_MASTER_PASSPHRASE or ALCOVE_MASTER_PASSPHRASE_FILE."
            )
        self.path = path
        self._passphrase = passphrase.encode()
        self.description = f"passphrase-sealed key file {path}"

    def exists(self) -> bool:
        return self.path.exists()

    def _kek(self, salt: bytes, n: int, r: int, p: int) -> AESGCM:
        return AESGCM(Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(self._passphrase))

    def load(self) -> Keyring:
        try:
            document = json.loads(_read(self.path))
            if document.get("format") != SEALED_FORMAT:
                raise ValueError("unknown format")
            salt, nonce = bytes.fromhex(document["salt"]), bytes.fromhex(document["nonce"])
            kek = self._kek(salt, document["n"], document["r"], document["p"])
            sealed = bytes.fromhex(document["sealed"])
        except (ValueError, KeyError, TypeError):
            raise MasterKeyError(f"{self.path} is not a sealed Alcove keyring.") from None
        try:
            raw = kek.decrypt(nonce, sealed, SEALED_FORMAT.encode())
        except InvalidTag:
            raise MasterKeyError(
                f"The master passphrase does not open {self.path}. Check "
                "ALCOVE_MASTER_PASSPHRASE (or the file ALCOVE_MASTER_PASSPHRASE_FILE names)."
            ) from None
        return Keyring.from_bytes(raw, source=str(self.path))

    def save(self, keyring: Keyring) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = self._kek(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        sealed = kek.encrypt(nonce, keyring.to_bytes(), SEALED_FORMAT.encode())
        document = {
            "format": SEALED_FORMAT,
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": salt.hex(),
            "nonce": nonce.hex(),
            "sealed": sealed.hex(),
        }
        _write_atomically(self.path, json.dumps(document, indent=1).encode())


class MemoryProvider:
    description = "in-memory key (tests only)"

    def __init__(self) -> None:
        self.keyring: Keyring | None = None

    def exists(self) -> bool:
        return self.keyring is not None

    def load(self) -> Keyring:
        if self.keyring is None:
            raise MasterKeyError("The in-memory keyring has not been created.")
        return self.keyring

    def save(self, keyring: Keyring) -> None:
        self.keyring = keyring


def _passphrase_from_environment() -> str:
    if path := os.environ.get("ALCOVE_MASTER_PASSPHRASE_FILE"):
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise MasterKeyError(
                f"ALCOVE_MASTER_PASSPHRASE_FILE names {path}, which cannot be read "
                f"({exc.strerror})."
            ) from None
    if passphrase := os.environ.get("ALCOVE_MASTER_PASSPHRASE"):
        return passphrase
    raise MasterKeyError(
        "The passphrase key provider needs ALCOVE_MASTER_PASSPHRASE or "
        "ALCOVE_MASTER_PASSPHRASE_FILE."
    )


def provider_from_settings() -> MasterKeyProvider:
    from django.conf import settings

    if settings.KEY_PROVIDER == "memory":
        return MemoryProvider()
    if settings.KEY_PROVIDER == "passphrase":
        return PassphraseFileProvider(settings.MASTER_KEY_FILE, _passphrase_from_environment())
    return LocalFileProvider(settings.MASTER_KEY_FILE)
