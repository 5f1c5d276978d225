import re

import pytest

from alcove.accounts.models import Role
from alcove.clients.models import CareTeamMember, CareTeamRole
from alcove.clients.services import client_create
from alcove.consent.models import ConsentVersion, DocumentKind
from alcove.consent.services import (
    consent_starter_load,
    consent_version_publish,
    consent_version_save,
)

COMPLETED = "Our state's wording."


def complete(text: str) -> str:
    return re.sub(r"\[PRACTICE TO COMPLETE:[^\]]*\]", COMPLETED, text)


@pytest.fixture
def team(make_staff):
    staff = {
        "clinician": make_staff(Role.CLINICIAN, name="Clara Ibsen"),
        "owner": make_staff(Role.OWNER),
        "desk": make_staff(Role.FRONT_DESK),
        "stranger": make_staff(Role.CLINICIAN),
    }
    client = client_create(actor_id=None, legal_name="Agnieszka Wolanski")
    CareTeamMember.objects.create(
        client=client, staff=staff["clinician"], role=CareTeamRole.PRIMARY
    )
    staff["client"] = client
    return staff


@pytest.fixture
def published(team):
    """Every starter document, completed and published by the owner: {kind: version}."""
    owner = team["owner"]
    consent_starter_load(actor=owner)
    versions = {}
    for draft in ConsentVersion.objects.select_related("document"):
        consent_version_save(actor=owner, version=draft, text=complete(draft.text))
        versions[DocumentKind(draft.document.kind)] = consent_version_publish(
            actor=owner, version=draft
        )
    return versions
