from django.urls import path

from alcove.deidentify import views

urlpatterns = [
    path("clients/<uuid:client_id>/supervision-packet/", views.packet_new, name="packet_new"),
    path("supervision-packets/<uuid:packet_id>/", views.packet_review, name="packet_review"),
    path("supervision-packets/<uuid:packet_id>/change", views.packet_change, name="packet_change"),
    path(
        "supervision-packets/<uuid:packet_id>/export.txt",
        views.packet_download,
        name="packet_download",
    ),
    path(
        "supervision-packets/<uuid:packet_id>/export.pdf",
        views.packet_download_pdf,
        name="packet_download_pdf",
    ),
]
