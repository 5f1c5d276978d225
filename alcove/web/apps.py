from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "alcove.web"
    label = "web"
