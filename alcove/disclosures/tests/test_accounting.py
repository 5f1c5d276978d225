import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from alcove.access.decisions import AccessDenied
from alcove.audit.models import AuditEvent
from alcove.disclosures.accounting import accounting_pdf, accounting_read
from alcove.disclosures.models import Basis, Disclosure
from alcove.disclosures.scope import ReleaseClass
from alcove.disclosures.services import Release, disclosure_release

from .conftest import EARLY, TODAY, authorize

COURT = {"order_reference": "Family Court, case 24-118", "judge": "Judge M. Okafor"}


def court_release(chart, **fields):
    values = {
        "basis": Basis.COURT_ORDER,
        "classes": [ReleaseClass.ATTENDANCE],
        "covers_from": EARLY,
        "covers_to": TODAY,
        "recipient": "Clerk of the Family Court",
        "purpose": "Custody hearing",
        "facts": COURT,
        **fields,
    }
    return disclosure_release(
        actor=chart["clinician"], client=chart["client"], release=Release(**values)
    )


def test_every_release_appears_in_the_accounting_without_anyone_typing_it(chart):
    authorization = authorize(chart)
    first = disclosure_release(
        actor=chart["clinician"],
        client=chart["client"],
        release=Release(
            basis=Basis.AUTHORIZATION, authorization=authorization, classes=["progress_notes"]
        ),
    )
    second = court_release(chart)
    lines = accounting_read(actor=chart["owner"], client=chart["client"])
    assert [line.disclosure.pk for line in lines] == [first.pk, second.pk]
    assert lines[0].recipient.startswith("Dr Oren Blum")
    assert lines[0].why == "The client's authorization: Continuity of care"
    assert "Progress notes, dated" in lines[0].what
    assert lines[1].why == "Court order: Custody hearing"


def old_release(chart, *, disclosed, recorded):
    """A release made (and recorded) long ago, written straight to the table as it was then."""
    return Disclosure.objects.create(
        client=chart["client"],
        basis=Basis.COURT_ORDER,
        recipient="Clerk of the County Court",
        purpose="An old hearing",
        facts="{}",
        clinical_facts="{}",
        classes=[ReleaseClass.IDENTIFYING],
        disclosed_at=disclosed,
        recorded_at=recorded,
        released_by=chart["clinician"],
        package_data_class="disclosures",
        package_sha256="0" * 64,
        package_pages=1,
        package_items=1,
    )


def test_the_accounting_covers_six_years_by_when_a_release_was_made_or_recorded(chart):
    now, year = timezone.now(), timedelta(days=365)
    old_release(chart, disclosed=now - 7 * year, recorded=now - 7 * year)
    recent = old_release(chart, disclosed=now - 5 * year, recorded=now - 5 * year)
    recorded_late = old_release(chart, disclosed=now - 7 * year, recorded=now - year)
    lines = accounting_read(actor=chart["clinician"], client=chart["client"])
    assert [line.disclosure.pk for line in lines] == [recorded_late.pk, recent.pk]


def test_the_printed_accounting_lists_each_release_for_the_client(chart):
    court_release(chart)
    court_release(chart, recipient="County Child Protection", purpose="Welfare check")
    document = accounting_pdf(actor=chart["clinician"], client=chart["client"])
    text = " ".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(document)).pages).split()
    )
    assert "Accounting of disclosures" in text and "Agnieszka Wolanski" in text
    assert "Clerk of the Family Court" in text and "County Child Protection" in text
    assert "Court order: Welfare check" in text
    printed = AuditEvent.objects.get(action="accounting.print")
    assert "Agnieszka" not in printed.rule + printed.reason


def test_an_accounting_with_no_releases_says_so(chart):
    document = accounting_pdf(actor=chart["owner"], client=chart["client"])
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(document)).pages)
    assert "There were no releases in this period." in text


@pytest.mark.parametrize("who", ["desk", "stranger"])
def test_staff_without_a_need_to_know_cannot_read_the_accounting(chart, who):
    with pytest.raises(AccessDenied):
        accounting_read(actor=chart[who], client=chart["client"])
    with pytest.raises(AccessDenied):
        accounting_pdf(actor=chart[who], client=chart["client"])
