"""Clients: every identifying value sealed, found only through the blind index."""

import uuid

from django.db import models

from alcove.encryption.fields import SealedField


class Client(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    legal_name = SealedField(data_class="demographics", client_field="pk")
    preferred_name = SealedField(data_class="demographics", client_field="pk", null=True)
    date_of_birth = SealedField(data_class="demographics", client_field="pk", null=True)
    legal_name_index = models.CharField(max_length=64, db_index=True)
    preferred_name_index = models.CharField(max_length=64, db_index=True, blank=True)
    date_of_birth_index = models.CharField(max_length=64, db_index=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"client {self.pk}"
