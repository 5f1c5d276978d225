from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "alcove.access"
    label = "access"
