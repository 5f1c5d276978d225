from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "alcove.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from alcove.audit import signals  # noqa: F401  (records sign-ins and failures)
