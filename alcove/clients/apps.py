from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "alcove.clients"
    label = "clients"
