"""Break-the-glass screens: the clinician's request and the privacy officer's review queue."""

from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from alcove.access.breakglass import (
    MIN_REASON,
    break_glass_alerts_seen,
    break_glass_open,
    break_glass_queue,
    break_glass_review,
)
from alcove.access.models import BreakGlass
from alcove.accounts.models import Role
from alcove.clients.models import Client
from alcove.web.decorators import role_required, staff_member


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need this record now?",
        min_length=MIN_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The privacy officer is told at once and reviews every use.",
    )


@role_required(Role.CLINICIAN, Role.SUPERVISOR)
def break_glass(request: HttpRequest, client_id: UUID) -> HttpResponse:
    client = get_object_or_404(Client, pk=client_id)
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        glass = break_glass_open(
            actor=staff_member(request), client_id=client.pk, reason=form.cleaned_data["reason"]
        )
        messages.warning(
            request, f"Emergency access open until {glass.expires_at:%H:%M} UTC. It is recorded."
        )
        return redirect("client_chart", client_id=client.pk)
    return render(request, "access/break_glass.html", {"client": client, "form": form})


@role_required(Role.OWNER)
def review_queue(request: HttpRequest) -> HttpResponse:
    """Every unreviewed use: who, when, which chart (by its opaque link), why, until when."""
    new = break_glass_alerts_seen(reviewer=staff_member(request))
    queue = [(glass, glass.pk in new) for glass in break_glass_queue()]
    context = {"queue": queue, "now": timezone.now()}
    return render(request, "access/review_queue.html", context)


@require_POST
@role_required(Role.OWNER)
def review(request: HttpRequest, glass_id: int) -> HttpResponse:
    glass = get_object_or_404(BreakGlass, pk=glass_id)
    break_glass_review(
        reviewer=staff_member(request),
        grant=glass,
        justified=request.POST.get("justified") == "yes",
        note=request.POST.get("note", "")[:2000],
    )
    messages.success(request, "Review recorded.")
    return redirect("break_glass_queue")
