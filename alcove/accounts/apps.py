from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "alcove.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self) -> None:
        from alcove.accounts import signals  # noqa: F401  (connects the receivers)
