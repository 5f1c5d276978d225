from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "alcove.consent"
    label = "consent"
