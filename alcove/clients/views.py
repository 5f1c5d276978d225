"""Caseload and client chart. Names are opened per client through decide(), so each is audited."""

from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from alcove.access.breakglass import BREAKERS
from alcove.access.decisions import AccessDenied, Decision
from alcove.access.policy import Action, DataClass, Relationship
from alcove.access.services import Ask, decide, decide_many, permitted
from alcove.accounts.models import Role, User
from alcove.clients.forms import ClientFindForm, ClientIntakeForm
from alcove.clients.models import CareTeamMember, CaseParticipant, Client
from alcove.clients.selectors import caseload_of, clients_find, relationship_of
from alcove.clients.services import care_team_add, care_team_may_change, client_intake
from alcove.consent.chart import chart_consent
from alcove.notes.case_notes import case_note_read_for
from alcove.notes.models import Note, NoteKind
from alcove.notes.selectors import psychotherapy_area_open
from alcove.web.decorators import role_required, staff_member

CLINICAL_ROLES = (Role.CLINICIAN, Role.TRAINEE, Role.SUPERVISOR)
CHART_TABS = (
    (DataClass.DEMOGRAPHICS, "Client"),
    (DataClass.CONTACT, "Contact"),
    (DataClass.CLINICAL, "Notes"),
    (DataClass.CONSENT, "Consent"),
    (DataClass.DISCLOSURES, "Releases"),
    (DataClass.AUDIT, "Access history"),
)


def client_names(
    actor: User,
    client: Client,
    relationship: Relationship | None = None,
    decision: Decision | None = None,
) -> dict[str, str]:
    if decision is None:
        decision = decide(
            actor=actor,
            action=Action.READ,
            data_class=DataClass.DEMOGRAPHICS,
            client_id=client.pk,
            resource_type="client",
            relationship=relationship,
        )
    decision.require()
    return {
        "legal_name": decision.open(client.legal_name),
        "preferred_name": decision.open(client.preferred_name),
        "date_of_birth": decision.open(client.date_of_birth),
        "pronouns": decision.open(client.pronouns),
    }


def client_contact(
    actor: User,
    client: Client,
    relationship: Relationship | None = None,
    decision: Decision | None = None,
) -> dict[str, object]:
    if decision is None:
        decision = decide(
            actor=actor,
            action=Action.READ,
            data_class=DataClass.CONTACT,
            client_id=client.pk,
            resource_type="client_contact",
            relationship=relationship,
        )
    decision.require()
    people = [
        {
            "kind": c.get_kind_display(),
            "name": decision.open(c.name),
            "relation": decision.open(c.relation),
            "phone": decision.open(c.phone),
        }
        for c in client.contacts.order_by("kind")
    ]
    return {
        "phone": decision.open(client.phone),
        "email": decision.open(client.email),
        "address": decision.open(client.address),
        "people": people,
    }


@role_required(*CLINICAL_ROLES)
def caseload(request: HttpRequest) -> HttpResponse:
    actor = staff_member(request)
    rows = [(c, client_names(actor, c)) for c in caseload_of(actor.pk)]
    return render(request, "clients/caseload.html", {"rows": rows})


@role_required(Role.CLINICIAN, Role.TRAINEE)
def client_new(request: HttpRequest) -> HttpResponse:
    form = ClientIntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = client_intake(actor=staff_member(request), **form.cleaned_data)
        return redirect("client_chart", client_id=client.pk)
    return render(request, "clients/client_new.html", {"form": form})


def _tabs(actor: User, client: Client, relationship: Relationship) -> list[str]:
    return [
        label
        for data_class, label in CHART_TABS
        if permitted(
            actor=actor,
            action=Action.READ,
            data_class=data_class,
            client_id=client.pk,
            relationship=relationship,
        )
    ]


@role_required(Role.CLINICIAN, Role.SUPERVISOR)
def client_find(request: HttpRequest) -> HttpResponse:
    """Exact search through the blind index. Posted, so no name ever sits in a URL."""
    actor = staff_member(request)
    form = ClientFindForm(request.POST or None)
    results: list[tuple[Client, dict[str, str] | None]] = []
    if request.method == "POST" and form.is_valid():
        for client in clients_find(
            name=form.cleaned_data["name"], date_of_birth=form.cleaned_data["date_of_birth"]
        )[:20]:
            try:
                results.append((client, client_names(actor, client)))
            except AccessDenied:
                results.append((client, None))  # exists; open only by break-the-glass
    searched = request.method == "POST" and form.is_valid()
    context = {"form": form, "results": results, "searched": searched}
    return render(request, "clients/find.html", context)


@role_required(*Role)
def client_chart(request: HttpRequest, client_id: UUID) -> HttpResponse:
    actor = staff_member(request)
    client = get_object_or_404(Client, pk=client_id)
    # Worked out once for the page; each data class read below is still its own decision.
    relationship = relationship_of(actor_id=actor.pk, client_id=client.pk)
    tabs = _tabs(actor, client, relationship)
    names: dict[str, str] = {}
    contact, notes, joint, cases, consent = None, [], [], [], None
    # The page's decisions are recorded together, and commit before anything is shown.
    with transaction.atomic():
        decided = _chart_decisions(actor, client, relationship, tabs)
        names_decision = decided[DataClass.DEMOGRAPHICS]
        if names_decision.allowed:
            names = client_names(actor, client, decision=names_decision)
            if "Contact" in tabs:
                contact = client_contact(actor, client, decision=decided[DataClass.CONTACT])
            if "Consent" in tabs:
                consent = chart_consent(
                    actor=actor,
                    client=client,
                    relationship=relationship,
                    decision=decided[DataClass.CONSENT],
                )
            if "Notes" in tabs:
                notes = _notes_list(client, decided[DataClass.CLINICAL])
                cases = _participations(client)
                joint = _joint_notes(actor, client) if cases else []
    if not names_decision.allowed:
        refused = AccessDenied(names_decision.rule, names_decision.remedy)
        if not actor.roles & BREAKERS:
            raise refused
        context = {"client": client, "refusal": refused}
        return render(request, "clients/chart_refused.html", context, status=403)
    context = {
        "client": client,
        "psychotherapy_area": psychotherapy_area_open(
            actor=actor, client=client, relationship=relationship
        ),
        "can_add_to_team": relationship == Relationship.AUTHOR,
        "can_make_packets": actor.has_role(Role.CLINICIAN, Role.TRAINEE),
        "names": names,
        "tabs": tabs,
        "notes": notes,
        "contact": contact,
        "joint": joint,
        "cases": cases,
        "consent": consent,
    }
    return render(request, "clients/chart.html", context)


def _chart_decisions(
    actor: User, client: Client, relationship: Relationship, tabs: list[str]
) -> dict[DataClass, Decision]:
    """The names always (a refusal is recorded too); the other tabs' contents if offered."""
    asks: list[Ask] = [(Action.READ, DataClass.DEMOGRAPHICS, "client")]
    if "Client" in tabs:
        if "Contact" in tabs:
            asks.append((Action.READ, DataClass.CONTACT, "client_contact"))
        if "Notes" in tabs:
            asks.append((Action.READ, DataClass.CLINICAL, "notes_list"))
        if "Consent" in tabs:
            asks.append((Action.READ, DataClass.CONSENT, "consent_list"))
    decisions = decide_many(actor=actor, client_id=client.pk, relationship=relationship, asks=asks)
    return {DataClass(decision.data_class): decision for decision in decisions}


def _notes_list(client: Client, decision: Decision) -> list[Note]:
    """Which notes exist (kind, date, state) is clinical information: a recorded read.

    Psychotherapy notes are not among them: they have their own area, open to their authors.
    """
    decision.require()
    notes = Note.objects.filter(client=client).exclude(kind=NoteKind.PSYCHOTHERAPY)
    return list(notes.order_by("-created_at"))


def _joint_notes(actor: User, client: Client) -> list[tuple[Note, dict[str, str]]]:
    """Couple, family and group sessions: the shared account and this client's part only,
    of the sessions written while they took part (those with a copy in their chart)."""
    notes = Note.objects.filter(case_entries__client=client).distinct().select_related("case")
    return [
        (note, case_note_read_for(actor=actor, note=note, client=client))
        for note in notes.order_by("-created_at")
    ]


def _participations(client: Client) -> list[CaseParticipant]:
    taking_part = CaseParticipant.objects.filter(client=client).select_related("case")
    return list(taking_part.order_by("joined_at"))


def _colleagues(client: Client) -> list[User]:
    on_team = CareTeamMember.objects.filter(client=client, ended_at__isnull=True)
    return list(
        User.objects.filter(is_active=True, role_grants__role__in=[Role.CLINICIAN, Role.TRAINEE])
        .exclude(pk__in=on_team.values("staff_id"))
        .distinct()
        .order_by("full_name")
    )


@role_required(Role.CLINICIAN, Role.TRAINEE, Role.OWNER)
def care_team(request: HttpRequest, client_id: UUID) -> HttpResponse:
    """Add a co-therapist: its own page, so the chart does not list the staff every time."""
    client = get_object_or_404(Client, pk=client_id)
    actor = staff_member(request)
    if request.method == "POST":
        staff = get_object_or_404(User, pk=request.POST.get("staff") or 0)
        care_team_add(actor=actor, client=client, staff=staff)
        messages.success(request, f"{staff.full_name} joined the care team.")
        return redirect("client_chart", client_id=client.pk)
    care_team_may_change(actor=actor, client=client)
    context = {"client": client, "colleagues": _colleagues(client)}
    return render(request, "clients/care_team.html", context)
