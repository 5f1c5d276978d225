"""The key store: wrapped data keys, in their own database ("keys"), never beside the records."""

from django.db import models


class Purpose(models.TextChoices):
    RECORD = "record", "Client record"
    PSYCHOTHERAPY = "psychotherapy", "Psychotherapy notes"


class DataKey(models.Model):
    """One client's data key for one purpose, wrapped by a version of the master key."""

    client_id = models.UUIDField()
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    key_version = models.PositiveIntegerField()
    master_version = models.PositiveIntegerField()
    wrapped = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client_id", "purpose", "key_version"], name="one_key_per_version"
            )
        ]
        indexes = [models.Index(fields=["master_version"])]

    def __str__(self) -> str:
        return f"data key {self.purpose} v{self.key_version} of client {self.client_id}"


class MasterCheck(models.Model):
    """A known value sealed under each master version, so a wrong key is caught at start-up."""

    master_version = models.PositiveIntegerField(primary_key=True)
    sealed = models.BinaryField()

    def __str__(self) -> str:
        return f"check for master key v{self.master_version}"
