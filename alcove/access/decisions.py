"""The access decision: the only key that turns a sealed value into text.

`decide()` with the need-to-know policy arrives with clients and notes; until then a
decision is made by the domain function that knows its rule. Either way, a decision
opens a sealed value only when it allows, it has been recorded in the audit log, and it
is about the same client and data class as the value.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Model

from alcove.encryption.crypto import CiphertextInvalid
from alcove.encryption.fields import (
    Sealed,
    SealedField,
    sealed_binding,
    sealed_open_bound,
    sealed_open_column,
    sealed_open_rows,
)
from alcove.encryption.files import SealedFile, sealed_file_open_unchecked


class AccessDenied(PermissionDenied):
    """Refused by a rule; says which, and what would allow it."""

    def __init__(self, rule: str, remedy: str = "") -> None:
        super().__init__(f"{rule} {remedy}".strip())
        self.rule = rule
        self.remedy = remedy


@dataclass(frozen=True)
class Decision:
    allowed: bool
    actor_id: int | None
    action: str
    data_class: str
    client_id: UUID | None
    resource_type: str
    resource_id: str
    rule: str
    remedy: str = ""
    reason: str = ""
    # The decision's entry in the audit queue (AuditEvent.queued_as once numbered).
    audit_entry: int | None = None

    def recorded_as(self, entry: int) -> "Decision":
        return replace(self, audit_entry=entry)

    def require(self) -> None:
        if not self.allowed:
            raise AccessDenied(self.rule, self.remedy)

    def _check(self, client_id: UUID, data_class: str) -> None:
        self.require()
        if self.audit_entry is None:
            raise AccessDenied("A decision must be recorded in the audit log before it opens data.")
        if self.client_id != client_id or self.data_class != data_class:
            raise AccessDenied(
                f"This decision covers {self.data_class} of one client; it cannot open "
                f"{data_class} or another client's data."
            )

    def open(self, sealed: Sealed | None) -> str:
        if sealed is None:
            return ""
        if type(sealed) is not Sealed:
            raise TypeError("Decision.open takes a sealed value.")
        # The client checked here is the one the associated data names, so a decision can
        # only open what was sealed for its own client.
        client, data_class, aad = sealed_binding(sealed)
        # The common case in one test (the same UUID object, usually); _check says
        # precisely what is wrong otherwise.
        if not (
            self.allowed
            and self.audit_entry is not None
            and (self.client_id is client or self.client_id == client)
            and self.data_class == data_class
        ):
            self._check(client, data_class)
        return sealed_open_bound(sealed, client, aad)

    def open_many(self, rows: Iterable[Model], field: str) -> list[str]:
        """One sealed field of many rows of this decision's client, opened together (a
        chart's notes, an export, a rotation): the decision is checked once and each key
        found once, which is what makes bulk reading run near the cipher's own speed."""
        rows = list(rows)
        if not rows:
            self.require()  # a refusal still says so when there is nothing to open
            return []
        model = type(rows[0])
        if any(type(row) is not model for row in rows):
            raise TypeError("Decision.open_many opens rows of one model at a time.")
        sealed_field, client = self._bulk_check(model, field)
        try:
            return sealed_open_rows(sealed_field, rows, client)
        except CiphertextInvalid:
            for row in rows:  # say so plainly when a row is simply another client's
                self._check(sealed_field.client_of(row), sealed_field.data_class)
            raise

    def open_column(
        self, model: type[Model], field: str, pairs: Iterable[tuple[object, object]]
    ) -> list[str]:
        """One sealed field of many rows of this decision's client, from (row id, ciphertext)
        pairs as `values_list("pk", field)` reads them: a whole chart with no model instance
        made. A value of another client's row, or one moved from another row, stops the
        batch (CiphertextInvalid): pairs carry no client to name in a refusal."""
        sealed_field, client = self._bulk_check(model, field)
        return sealed_open_column(sealed_field, pairs, client)

    def _bulk_check(self, model: type[Model], field: str) -> tuple[SealedField, UUID]:
        sealed_field = model._meta.get_field(field)
        if not isinstance(sealed_field, SealedField):
            raise TypeError(f"Bulk opening is for sealed fields; {field} is not one.")
        if self.client_id is None:
            raise AccessDenied("A decision about no client opens no client's data.")
        self._check(self.client_id, sealed_field.data_class)
        return sealed_field, self.client_id

    def open_file(self, sealed: SealedFile) -> bytes:
        self._check(sealed.client_id, sealed.data_class)
        return sealed_file_open_unchecked(sealed)
