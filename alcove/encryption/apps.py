from django.apps import AppConfig


class EncryptionConfig(AppConfig):
    name = "alcove.encryption"
    label = "encryption"
    verbose_name = "Keys and encryption"

    def ready(self) -> None:
        from alcove.encryption import checks  # noqa: F401  (registers the start-up key check)
