"""Wrapped data keys go to the "keys" database; everything else stays out of it."""

from typing import Any

from django.db.models import Model

KEY_STORE = "keys"
KEY_STORE_APP = "encryption"


class KeyStoreRouter:
    def _route(self, model: type[Model] | Model) -> str:
        return KEY_STORE if model._meta.app_label == KEY_STORE_APP else "default"

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        return self._route(model)

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return self._route(model)

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # No foreign keys cross the two databases: a data key names its client by UUID.
        return self._route(obj1) == self._route(obj2)

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return (db == KEY_STORE) == (app_label == KEY_STORE_APP)
