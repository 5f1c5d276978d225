from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from alcove.access.decisions import AccessDenied
from alcove.audit.models import AuditEvent, Outcome
from alcove.clients.services import client_create
from alcove.consent.authorizations import authorization_event_record, authorization_revoke
from alcove.consent.models import Authorization
from alcove.disclosures.bases import FACTS
from alcove.disclosures.models import Basis, Disclosure
from alcove.disclosures.scope import ReleaseClass
from alcove.disclosures.services import DisclosureRefused, Release, disclosure_release

from .conftest import EARLY, LATE, MIDDLE, TODAY, authorize

PROGRESS = [ReleaseClass.PROGRESS]
COURT = {"order_reference": "Family Court, case 24-118, 3 March", "judge": "Judge M. Okafor"}


def release(chart, actor=None, **fields):
    values = {"covers_from": EARLY, "covers_to": TODAY, "classes": PROGRESS, **fields}
    return disclosure_release(
        actor=actor or chart["clinician"], client=chart["client"], release=Release(**values)
    )


def on_authorization(chart, authorization, **fields):
    return release(chart, basis=Basis.AUTHORIZATION, authorization=authorization, **fields)


def by_court_order(chart, **fields):
    values = {"recipient": "Clerk of the Family Court", "purpose": "As ordered", "facts": COURT}
    return release(chart, basis=Basis.COURT_ORDER, **{**values, **fields})


def nothing_left():
    files = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    return not Disclosure.objects.exists() and not files


def refused_with(match, call):
    with pytest.raises(DisclosureRefused, match=match) as refused:
        call()
    assert nothing_left()
    assert AuditEvent.objects.filter(action="disclosure.release", outcome=Outcome.DENIED).exists()
    return refused.value


@pytest.mark.parametrize("basis", [b for b in Basis if b != Basis.AUTHORIZATION])
def test_a_legal_basis_refuses_until_its_required_facts_are_recorded(chart, basis):
    refusal = refused_with(
        "records its required facts",
        lambda: release(
            chart,
            basis=basis,
            classes=[ReleaseClass.IDENTIFYING],
            facts={},
            recipient="Someone",
            purpose="Something",
        ),
    )
    for fact in FACTS[basis]:
        assert fact.label in refusal.rule
    assert "Fill in each" in refusal.remedy


def test_a_release_on_an_authorization_needs_one_of_this_clients(chart):
    refused_with("names one of this client's authorizations", lambda: on_authorization(chart, None))
    other = client_create(actor_id=None, legal_name="Someone Else")
    theirs = authorize({**chart, "client": other}, actor=chart["owner"])
    refused_with("names one of this client's", lambda: on_authorization(chart, theirs))


def test_an_expired_authorization_refuses_with_its_date(chart):
    authorization = authorize(chart)
    Authorization.objects.filter(pk=authorization.pk).update(expires_on=TODAY - timedelta(days=1))
    authorization.refresh_from_db()
    refusal = refused_with(
        "does not cover this release: it expired on", lambda: on_authorization(chart, authorization)
    )
    assert f"{TODAY - timedelta(days=1):%d %b %Y}" in refusal.rule
    assert "new authorization" in refusal.remedy


def test_an_authorization_ended_by_its_event_refuses(chart):
    authorization = authorize(chart, expires_on=None, expiry_event="discharge")
    authorization_event_record(actor=chart["clinician"], authorization=authorization)
    refused_with("it expired on", lambda: on_authorization(chart, authorization))


def test_a_revoked_authorization_refuses_at_once(chart):
    authorization = authorize(chart)
    on_authorization(chart, authorization)
    authorization_revoke(actor=chart["clinician"], authorization=authorization)
    with pytest.raises(DisclosureRefused, match=r"revoked on .* takes effect at once"):
        on_authorization(chart, authorization)
    assert Disclosure.objects.count() == 1


def test_an_authorization_too_narrow_in_what_it_covers_refuses(chart):
    authorization = authorize(chart, ReleaseClass.PROGRESS)
    refusal = refused_with(
        "it does not cover Intake assessment",
        lambda: on_authorization(chart, authorization, classes=[ReleaseClass.INTAKE]),
    )
    assert "it covers Progress notes" in refusal.rule


def test_an_authorization_too_narrow_in_dates_refuses(chart):
    authorization = authorize(chart, start=MIDDLE, end=TODAY)
    refused_with(
        "covers records dated", lambda: on_authorization(chart, authorization, covers_from=EARLY)
    )


def test_an_unsigned_authorization_refuses(chart):
    authorization = authorize(chart, paper_signed_by="")
    refused_with("it is not signed yet", lambda: on_authorization(chart, authorization))


@pytest.mark.parametrize(
    "basis, facts",
    [
        (Basis.COURT_ORDER, COURT),
        (Basis.SUBPOENA, {"subpoena_reference": "S-1", "assurance": "Notice given 1 May"}),
        (Basis.CLIENT_REQUEST, {"identity": "Photo ID seen at the desk"}),
        (Basis.EMERGENCY, {"emergency": "Overdose; unconscious on arrival"}),
    ],
)
def test_psychotherapy_notes_never_leave_on_a_legal_basis(chart, basis, facts):
    refusal = refused_with(
        "psychotherapy notes|Psychotherapy notes",
        lambda: release(
            chart,
            basis=basis,
            facts=facts,
            classes=[ReleaseClass.PSYCHOTHERAPY],
            recipient="Someone",
            purpose="Something",
        ),
    )
    if basis == Basis.SUBPOENA:
        assert refusal.rule == "A subpoena alone never releases psychotherapy notes."


def test_an_authorization_for_other_records_never_releases_psychotherapy_notes(chart):
    authorization = authorize(chart, ReleaseClass.PROGRESS)
    refused_with(
        "for psychotherapy notes alone",
        lambda: on_authorization(chart, authorization, classes=[ReleaseClass.PSYCHOTHERAPY]),
    )


def test_psychotherapy_notes_leave_under_their_own_authorization_by_their_author(chart):
    authorization = authorize(chart, ReleaseClass.PSYCHOTHERAPY)
    with pytest.raises(DisclosureRefused, match="released by their author: you wrote none"):
        on_authorization(
            chart, authorization, classes=[ReleaseClass.PSYCHOTHERAPY], actor=chart["co"]
        )
    disclosure = on_authorization(chart, authorization, classes=[ReleaseClass.PSYCHOTHERAPY])
    assert disclosure.package_items == 1


@pytest.mark.parametrize("who", ["desk", "trainee", "stranger"])
def test_only_those_who_answer_for_a_release_can_make_one(chart, who):
    with pytest.raises(AccessDenied, match="may not release disclosures"):
        by_court_order(chart, actor=chart[who])
    assert nothing_left()


def test_the_owner_releases_identifying_details_but_never_clinical_text(chart):
    with pytest.raises(DisclosureRefused, match="only what its releaser may read"):
        by_court_order(chart, actor=chart["owner"])
    disclosure = by_court_order(chart, actor=chart["owner"], classes=[ReleaseClass.IDENTIFYING])
    assert disclosure.classes == [ReleaseClass.IDENTIFYING] and disclosure.covers_from is None


def test_a_disclosure_cannot_be_recorded_before_it_happens(chart):
    refused_with(
        "before it happens",
        lambda: by_court_order(chart, disclosed_at=timezone.now() + timedelta(hours=1)),
    )


def test_a_release_that_fails_midway_leaves_neither_record_nor_package(chart, monkeypatch):
    from alcove.disclosures import services

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_notice_create", broken)
    from alcove.disclosures.models import Told

    with pytest.raises(RuntimeError):
        by_court_order(chart, notice=(Told.TOLD, "Told in session"))
    assert nothing_left()


def test_a_release_on_a_valid_basis_is_audited_with_its_basis_only(chart):
    authorization = authorize(chart)
    disclosure = on_authorization(chart, authorization, covers_from=LATE)
    event = AuditEvent.objects.get(action="disclosure.release", outcome=Outcome.ALLOWED)
    assert event.resource_id == str(disclosure.pk) and event.reason == "authorization"
    assert "Oren" not in f"{event.rule}{event.reason}"
