from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from alcove.accounts.models import Role, User
from alcove.audit.selectors import access_history
from alcove.clients.models import Client
from alcove.web.decorators import role_required, staff_member


@role_required(*Role)
def access_history_view(request: HttpRequest, client_id: UUID) -> HttpResponse:
    client = get_object_or_404(Client, pk=client_id)
    entries = access_history(viewer=staff_member(request), client_id=client.pk)
    names = dict(
        User.objects.filter(pk__in={e.actor_id for e in entries}).values_list("pk", "full_name")
    )
    rows = [(e, names.get(e.actor_id or 0, "system")) for e in entries]
    return render(request, "audit/access_history.html", {"client": client, "rows": rows})
