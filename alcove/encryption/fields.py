"""Sealed fields: model fields whose value is a sealed object, never text.

Assign a str and saving seals it under the client's data key. Read it back and you hold
a `Sealed`, which prints as "<sealed>" and opens only through an allowing, recorded
`alcove.access.Decision` for the same client and data class. A view that forgets the
policy gets nothing readable.
"""

import os
from collections.abc import Iterable, Sequence
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.apps import apps as global_apps
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils.functional import cached_property

from alcove.encryption import crypto, keys
from alcove.encryption.models import Purpose

PSYCHOTHERAPY_NOTES = "psychotherapy_notes"
HEADER = crypto.HEADER.size
BODY = HEADER + crypto.NONCE_SIZE
REGISTRY: list["SealedField"] = []


def purpose_for(data_class: str) -> str:
    # Psychotherapy notes live under their own key, so they can be shredded or withheld apart.
    # Plain text, not the enum member: it is part of every data-key cache lookup.
    return (Purpose.PSYCHOTHERAPY if data_class == PSYCHOTHERAPY_NOTES else Purpose.RECORD).value


class Sealed:
    """A ciphertext and the place it belongs to. Opening it needs a Decision."""

    __slots__ = ("_ciphertext", "_client", "_field", "_instance")

    # Positional: a page of sealed values makes one of these per value read.
    def __init__(self, ciphertext: bytes, field: "SealedField", instance: models.Model, /) -> None:
        self._ciphertext = ciphertext
        self._field = field
        self._instance = instance
        self._client: UUID | None = None

    def __str__(self) -> str:
        return "<sealed>"

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return "<sealed>"

    @property
    def client_id(self) -> UUID:
        if self._client is None:
            self._client = self._field.client_of(self._instance)
        return self._client

    @property
    def data_class(self) -> str:
        return self._field.data_class

    @property
    def ciphertext(self) -> bytes:
        return self._ciphertext


def sealed_binding(sealed: Sealed) -> tuple[UUID, str, bytes]:
    """(client, data class, associated data): what a decision is checked against, and what
    the ciphertext must have been sealed with. Worked out once per opening."""
    field = sealed._field
    client, aad = field.binding(sealed._instance)
    return client, field.data_class, aad


def sealed_open_bound(sealed: Sealed, client: UUID, aad: bytes) -> str:
    """Decrypt with the binding sealed_binding gave. Only access.Decision.open calls this,
    after checking the decision against that same client and data class."""
    return crypto.open_bytes(sealed._ciphertext, aad, client, sealed._field.purpose).decode()


def sealed_open_rows(field: "SealedField", rows: Iterable[models.Model], client: UUID) -> list[str]:
    """Decrypt one field of many rows of one client, in bulk: sealed_open_column on each row's
    id and ciphertext. A field left out of the query is loaded, never read as empty."""
    rows = list(rows)
    pk_attname, attname = field._place[2], field.attname
    # Each row's id and ciphertext, read lazily at C speed from the rows' own attributes.
    pairs = map(itemgetter(pk_attname, attname), map(attrgetter("__dict__"), rows))
    try:
        return sealed_open_column(field, pairs, client)
    except KeyError:  # a field deferred: start again, letting Django load it
        return sealed_open_column(
            field, [(row.__dict__[pk_attname], getattr(row, attname)) for row in rows], client
        )


def sealed_open_column(
    field: "SealedField", pairs: Iterable[tuple[Any, Any]], client: UUID
) -> list[str]:
    """Decrypt one field of many rows of one client from (row id, ciphertext) pairs, as
    `values_list("pk", field)` reads them: no model instances made. Only access.Decision
    (after checking the decision for that client and data class) and rotation call this.

    Each value's associated data names the given client, not the row's own: a row of another
    client fails to open rather than opening under the wrong decision. Empty values give "".
    """
    prefix, suffix = field._place[:2]
    # Everything after the row's id is the same for every row of this client.
    after = b"".join((b"|", client.bytes, suffix))
    # Local names, and the key looked up only when a value's header differs from the one
    # before: this loop is what bulk reading costs beyond the cipher.
    start, body = HEADER, BODY
    header: bytes | None = None  # the last header checked; the first value checks its own
    aead: AESGCM
    by_header: dict[bytes, AESGCM] = {}
    opened: list[str] = []
    append = opened.append
    for row_id, ciphertext in pairs:
        if ciphertext is None:
            append("")
            continue
        if type(ciphertext) is not bytes:
            ciphertext = _ciphertext_of(ciphertext)
        at = row_id.int.to_bytes(16) if type(row_id) is UUID else _row_bytes(row_id)
        if header is None or not ciphertext.startswith(header):  # not yet checked: check it
            header = ciphertext[:start]
            aead = by_header.get(header) or by_header.setdefault(
                header, crypto.key_for(ciphertext, client, field.purpose)
            )
        try:
            append(
                aead.decrypt(
                    ciphertext[start:body], ciphertext[body:], prefix + at + after
                ).decode()
            )
        except (InvalidTag, ValueError):  # ValueError: too short to hold a nonce and tag
            raise crypto.CiphertextInvalid(crypto.DOES_NOT_OPEN) from None
    return opened


def _row_bytes(row_id: object) -> bytes:
    """A row id that is not a UUID, as the associated data holds it (crypto.id_bytes)."""
    if row_id is None:
        raise ValueError(
            "A sealed value belongs to a saved row: choose the primary key before sealing "
            "(use a UUIDField with default=uuid4)."
        )
    return crypto.id_bytes(row_id)


def _ciphertext_of(value: object) -> bytes:
    if isinstance(value, Sealed):
        return value.ciphertext
    if isinstance(value, bytes | memoryview):
        return bytes(value)
    raise TypeError(f"A sealed field holds ciphertext; got {type(value).__name__}.")


class SealedDescriptor(DeferredAttribute):
    """A data descriptor (it has __set__), so every read passes through it and is wrapped."""

    field: "SealedField"

    def __init__(self, field: "SealedField") -> None:
        super().__init__(field)
        self.attname = field.attname

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.attname] = value

    def __get__(self, instance: Any, cls: Any = None) -> Any:
        if instance is None:
            return self
        try:
            value = instance.__dict__[self.attname]
        except KeyError:  # deferred: let Django load it
            value = super().__get__(instance, cls)
        if type(value) is bytes:
            return Sealed(value, self.field, instance)
        if isinstance(value, bytes | memoryview):
            return Sealed(bytes(value), self.field, instance)
        return value


if TYPE_CHECKING:
    # Tell the type checker what reading and assigning a sealed field gives.
    _SealedBase = models.BinaryField[str | Sealed | None, Sealed | None]
else:
    _SealedBase = models.BinaryField


class SealedField(_SealedBase):
    descriptor_class = SealedDescriptor

    def __init__(self, *args: Any, data_class: str, client_field: str, **kwargs: Any) -> None:
        self.data_class = data_class
        self.client_field = client_field
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["data_class"] = self.data_class
        kwargs["client_field"] = self.client_field
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def contribute_to_class(
        self, cls: type[models.Model], name: str, private_only: bool = False
    ) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        # Only real models: migrations build historical copies that must not be rotated.
        if not cls._meta.abstract and cls._meta.apps is global_apps:
            REGISTRY.append(self)

    @cached_property
    def purpose(self) -> str:
        return purpose_for(self.data_class)

    @cached_property
    def _place(self) -> tuple[bytes, bytes, str, str | None]:
        """What crypto.associated_data would build around the row and client, made once per
        field: (prefix, suffix, the primary key's attribute, the client's attribute or None
        when the row is the client)."""
        prefix = f"alcove|{self.model._meta.db_table}|{self.column or self.name}|".encode()
        pk = self.model._meta.pk
        assert pk is not None
        client = None if self.client_field in ("pk", pk.attname) else self.client_field
        return prefix, f"|{self.purpose}".encode(), pk.attname, client

    def client_of(self, instance: models.Model) -> UUID:
        return self.binding(instance)[0]

    def aad(self, instance: models.Model) -> bytes:
        return self.binding(instance)[1]

    def binding(self, instance: models.Model) -> tuple[UUID, bytes]:
        """The client a value belongs to, and the associated data that binds its ciphertext
        to table, field, row, client and purpose (the bytes of crypto.associated_data).

        Read from the instance's own attributes rather than through Django's descriptors:
        this runs once per value sealed or opened.
        """
        prefix, suffix, pk_attname, client_attname = self._place
        values = instance.__dict__
        row_id = values.get(pk_attname)
        if row_id is None:
            raise ValueError(
                f"{self.model.__name__} needs its primary key chosen before a sealed field is "
                "written (use a UUIDField with default=uuid4)."
            )
        # A UUID's 16 raw bytes (what UUID.bytes returns), else its text: crypto.id_bytes.
        row = row_id.int.to_bytes(16) if type(row_id) is UUID else crypto.id_bytes(row_id)
        if client_attname is None:
            client_id = row_id
            client = row
        else:
            try:
                client_id = values[client_attname]
            except KeyError:  # deferred: let Django load it
                client_id = getattr(instance, client_attname)
            if client_id is None:
                raise ValueError(
                    f"{self.model.__name__}.{self.name} needs its client before sealing."
                )
            client = None
        if type(client_id) is not UUID:
            client_id = client_id if isinstance(client_id, UUID) else UUID(str(client_id))
        if client is None:
            client = client_id.bytes
        return client_id, b"".join((prefix, row, b"|", client, suffix))

    def seal(self, instance: models.Model, plaintext: str, *, version: int | None = None) -> bytes:
        client, aad = self.binding(instance)
        return crypto.seal_bytes(plaintext.encode(), aad, client, self.purpose, version)

    def seal_many(
        self,
        rows: Sequence[models.Model],
        plaintexts: Sequence[str],
        *,
        client: UUID,
        version: int | None = None,
    ) -> list[bytes]:
        """Seal a value for each of many rows of one client, in bulk (rotation, imports): the
        key is found once. A row of another client, or one with no id, refuses the batch."""
        if len(rows) != len(plaintexts):
            raise ValueError("seal_many takes one plaintext per row.")
        pk_attname, client_attname = self._place[2:]
        owner = client_attname or pk_attname
        try:  # in one pass each, at C speed: the owners' numbers, then the ids
            owners = set(map(attrgetter(f"{owner}.int"), rows))
        except AttributeError:  # an owner missing, or not a UUID: look at each row
            owners = set()
        if owners != {client.int}:
            for row in rows:
                self._refuse_unless_of(row, client)
        row_ids = list(map(attrgetter(pk_attname), rows))
        return sealed_seal_column(self, row_ids, plaintexts, client, version)

    def _refuse_unless_of(self, row: models.Model, client: UUID) -> None:
        # Nothing sealed so far is returned: the caller gets the refusal, never half a batch.
        if row.pk is None or self.client_of(row) != client:
            raise ValueError(
                f"seal_many seals the values of one client; a {self.model.__name__} of "
                "another client (or with no id yet) was among the rows."
            )

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = model_instance.__dict__.get(self.attname)
        if isinstance(value, str):
            value = self.seal(model_instance, value)
        elif isinstance(value, Sealed):
            value = value.ciphertext
        elif isinstance(value, memoryview):
            value = bytes(value)
        elif value is not None and not isinstance(value, bytes):
            raise TypeError(f"{self.name} holds text; got {type(value).__name__}.")
        # From here on the instance holds ciphertext, not the plaintext it was given.
        model_instance.__dict__[self.attname] = value
        return value

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> bytes | None:
        return None if value is None else bytes(value)

    def value_from_object(self, obj: models.Model) -> Any:
        # Serialisers (dumpdata, fixtures) see ciphertext only.
        value = obj.__dict__.get(self.attname)
        return value.ciphertext if isinstance(value, Sealed) else value


def sealed_seal_column(
    field: SealedField,
    row_ids: Sequence[Any],
    plaintexts: Sequence[str],
    client: UUID,
    version: int | None = None,
) -> list[bytes]:
    """Seal a value for each of many row ids of one client, with no model instances. Only for
    ids known to be that client's: SealedField.seal_many after checking its rows, and rotation,
    resealing values that have just opened under the same row and client."""
    prefix, suffix = field._place[:2]
    if version is None:
        version, aead = keys.data_key_sealing(client, field.purpose)
    else:
        aead = keys.data_key_opening(client, field.purpose, version)
    header, after = crypto.header_of(version), b"".join((b"|", client.bytes, suffix))
    urandom, encrypt, size = os.urandom, aead.encrypt, crypto.NONCE_SIZE
    sealed = []
    for row_id, text in zip(row_ids, plaintexts, strict=True):
        at = row_id.int.to_bytes(16) if type(row_id) is UUID else _row_bytes(row_id)
        nonce = urandom(size)  # fresh for every value, as crypto.seal_bytes
        sealed.append(b"".join((header, nonce, encrypt(nonce, text.encode(), prefix + at + after))))
    return sealed
