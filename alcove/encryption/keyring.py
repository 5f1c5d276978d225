"""The keyring: every secret that must never sit in the database, in one small document.

It holds the master keys by version (one current, older ones until retired), the Ed25519
key that signs audit checkpoints, and the secret from which the blind-index and
pseudonym keys are derived. A provider (providers.py) decides where the document lives.
"""

import base64
import json
import secrets
from dataclasses import dataclass, field, replace

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT = "alcove-keyring-1"


class MasterKeyError(Exception):
    """The master key is missing, wrong or unreadable; nothing protected can be opened."""


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def _unb64(text: str, *, size: int) -> bytes:
    raw = base64.b64decode(text, validate=True)
    if len(raw) != size:
        raise ValueError(f"expected {size} bytes")
    return raw


@dataclass(frozen=True)
class Keyring:
    current: int
    masters: dict[int, bytes]
    signing_seed: bytes
    derivation_secret: bytes
    _derived: dict[bytes, bytes] = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        return f"Keyring(current={self.current}, versions={sorted(self.masters)})"

    @classmethod
    def generate(cls) -> "Keyring":
        return cls(
            current=1,
            masters={1: secrets.token_bytes(32)},
            signing_seed=secrets.token_bytes(32),
            derivation_secret=secrets.token_bytes(32),
        )

    def master(self, version: int) -> bytes:
        try:
            return self.masters[version]
        except KeyError:
            raise MasterKeyError(
                f"The keyring has no master key version {version}; it was retired or the "
                "keyring is older than the key store. Restore the keyring that matches."
            ) from None

    def with_new_master(self) -> "Keyring":
        version = max(self.masters) + 1
        masters = {**self.masters, version: secrets.token_bytes(32)}
        return replace(self, current=version, masters=masters, _derived={})

    def without_masters_before(self, version: int) -> "Keyring":
        masters = {v: k for v, k in self.masters.items() if v >= version}
        return replace(self, masters=masters, _derived={})

    def derive(self, purpose: bytes) -> bytes:
        """A 32-byte key for one purpose (blind index, pseudonyms...), stable across rotations."""
        if purpose not in self._derived:
            hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose)
            self._derived[purpose] = hkdf.derive(self.derivation_secret)
        return self._derived[purpose]

    def signing_key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.signing_seed)

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "current": self.current,
            "masters": {str(v): _b64(k) for v, k in sorted(self.masters.items())},
            "signing_seed": _b64(self.signing_seed),
            "derivation_secret": _b64(self.derivation_secret),
        }
        return json.dumps(document, indent=1).encode()

    @classmethod
    def from_bytes(cls, raw: bytes, *, source: str) -> "Keyring":
        try:
            document = json.loads(raw)
            if document.get("format") != FORMAT:
                raise ValueError("unknown format")
            ring = cls(
                current=int(document["current"]),
                masters={int(v): _unb64(k, size=32) for v, k in document["masters"].items()},
                signing_seed=_unb64(document["signing_seed"], size=32),
                derivation_secret=_unb64(document["derivation_secret"], size=32),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            raise MasterKeyError(
                f"{source} is not an Alcove keyring (damaged or the wrong file); restore it "
                "from the key backup."
            ) from None
        if ring.current not in ring.masters:
            raise MasterKeyError(f"{source} names a current master key it does not hold.")
        return ring
