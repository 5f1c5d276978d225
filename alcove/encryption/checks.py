"""Start-up refuses a wrong or missing master key before anything touches data."""

from typing import Any

from django.core import checks
from django.db import DatabaseError

from alcove.encryption.keyring import MasterKeyError


@checks.register("alcove")
def master_key_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from alcove.encryption.keys import keyring, provider

    try:
        keyring()
    except MasterKeyError as exc:
        return [checks.Critical(str(exc), id="alcove.E001")]
    except DatabaseError:
        # The key store is unreachable: the key itself can still be proved to open, and
        # the first query will fail loudly on its own. A new key is never made blind.
        try:
            if not provider().exists():
                return [
                    checks.Critical(
                        "The master key does not exist yet and the key store cannot be reached, "
                        "so Alcove cannot tell whether creating one is safe. Check "
                        "ALCOVE_KEYSTORE_URL.",
                        id="alcove.E002",
                    )
                ]
            provider().load()
        except MasterKeyError as exc:
            return [checks.Critical(str(exc), id="alcove.E001")]
    return []
