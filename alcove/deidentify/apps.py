from django.apps import AppConfig


class DeidentifyConfig(AppConfig):
    name = "alcove.deidentify"
    label = "deidentify"
