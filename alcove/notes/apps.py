from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "alcove.notes"
    label = "notes"
