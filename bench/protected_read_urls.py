"""Alcove's URLs plus /baseline/<id>/: the same chart page from a plain, unencrypted table.

Only bench/protected_read_settings.py names this module; the shipped URLs never include it.
"""

from uuid import UUID

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from alcove.urls import urlpatterns as alcove_urls


def baseline_chart(request: HttpRequest, client_id: UUID) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT legal_name, preferred_name, date_of_birth, pronouns, phone, email "
            "FROM bench_plain_client WHERE id = %s",
            [str(client_id)],
        )
        legal, preferred, born, pronouns, phone, email = cursor.fetchone()
    context = {
        "client": {"pk": client_id},
        "names": {
            "legal_name": legal,
            "preferred_name": preferred,
            "date_of_birth": born,
            "pronouns": pronouns,
        },
        "tabs": ["Client", "Contact", "Notes", "Access history"],
        "notes": [],
        "contact": {"phone": phone, "email": email, "address": "", "people": []},
        "joint": [],
    }
    return render(request, "clients/chart.html", context)


urlpatterns = [path("baseline/<uuid:client_id>/", baseline_chart), *alcove_urls]
