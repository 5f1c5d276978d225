"""The client's releases page: authorizations and releases side by side, each list a
recorded read (consent, disclosures) made together."""

from typing import Any

from django.utils import timezone

from alcove.access.policy import Action, DataClass
from alcove.access.services import decide_many
from alcove.accounts.models import User
from alcove.clients.models import Client
from alcove.clients.selectors import relationship_of
from alcove.consent.authorizations import authorization_status
from alcove.consent.models import Authorization
from alcove.disclosures.models import Disclosure
from alcove.disclosures.scope import classes_describe


def releases_overview(*, actor: User, client: Client) -> dict[str, Any]:
    relationship = relationship_of(actor_id=actor.pk, client_id=client.pk)
    consent, disclosures = decide_many(
        actor=actor,
        client_id=client.pk,
        relationship=relationship,
        asks=[
            (Action.READ, DataClass.CONSENT, "authorizations_list"),
            (Action.READ, DataClass.DISCLOSURES, "disclosures_list"),
        ],
    )
    consent.require()
    disclosures.require()
    now = timezone.now()
    authorizations = Authorization.objects.filter(client=client).order_by("-recorded_at")
    released = Disclosure.objects.filter(client=client).order_by("-disclosed_at")
    return {
        "authorizations": [
            {
                "authorization": a,
                "status": authorization_status(a, at=now),
                "recipient": consent.open(a.recipient),
                "classes": classes_describe(a.classes),
            }
            for a in authorizations
        ],
        "disclosures": [
            {"disclosure": d, "recipient": disclosures.open(d.recipient)} for d in released
        ],
    }
