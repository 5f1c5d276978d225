from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "alcove.disclosures"
    label = "disclosures"
