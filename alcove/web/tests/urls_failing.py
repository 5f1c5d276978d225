"""The real URLs plus one view that fails while holding protected text."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from alcove.urls import handler400, handler404, handler500, urlpatterns

PROTECTED = "Client disclosed STEPFATHER-HIT-ME-7731 in session"


def failing_view(request: HttpRequest) -> HttpResponse:
    note = request.POST.get("note", PROTECTED)
    raise ValueError(f"could not save note: {note}")


urlpatterns = [*urlpatterns, path("failing/", failing_view)]
__all__ = ["handler400", "handler404", "handler500", "urlpatterns"]
