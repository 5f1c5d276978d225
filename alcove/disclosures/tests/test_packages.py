import hashlib
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DatabaseError, transaction
from pypdf import PdfReader

from alcove.access.decisions import AccessDenied
from alcove.disclosures.models import Basis, Disclosure, DisclosureNotice, Told
from alcove.disclosures.package import REDISCLOSURE
from alcove.disclosures.scope import ReleaseClass
from alcove.disclosures.services import (
    Release,
    disclosure_notice_add,
    disclosure_package_open,
    disclosure_release,
)

from .conftest import EARLY, LATE, MIDDLE, TODAY, authorize


def pages_of(document: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(document)).pages]


def released(chart, *classes, start=MIDDLE, end=TODAY, **fields):
    authorization = authorize(chart, *classes, start=EARLY)
    disclosure = disclosure_release(
        actor=chart["clinician"],
        client=chart["client"],
        release=Release(
            basis=Basis.AUTHORIZATION,
            authorization=authorization,
            classes=[str(c) for c in classes],
            covers_from=start,
            covers_to=end,
            **fields,
        ),
    )
    return disclosure, disclosure_package_open(actor=chart["clinician"], disclosure=disclosure)


def test_the_package_holds_only_the_named_classes_and_dates(chart):
    _, document = released(chart, ReleaseClass.PROGRESS)
    text = "\n".join(pages_of(document))
    assert "Middle session: improving." in text and "Late session: taper" in text
    assert "Early session" not in text  # before the range
    assert "Intake: low mood" not in text  # another class
    assert "Draft never leaves." not in text  # never signed
    assert "countertransference" not in text  # psychotherapy notes, on their own only
    # identifying details not named (the date of birth as the identifying page prints it; a
    # bare "1984" can occur by chance in the disclosure's random identifier)
    assert "Agnieszka" not in text and "1984-03-09" not in text


def test_every_page_carries_the_disclosure_id_and_the_redisclosure_notice(chart):
    disclosure, document = released(chart, ReleaseClass.PROGRESS, ReleaseClass.INTAKE, start=EARLY)
    pages = pages_of(document)
    assert len(pages) == disclosure.package_pages >= 4
    for number, page in enumerate(pages, start=1):
        assert f"Disclosure {disclosure.pk}" in page
        assert f"page {number} of {len(pages)}" in page
        assert "Redisclose only as the law permits" in page
    cover = " ".join(pages[0].split())
    assert "Cover sheet" in cover and " ".join(REDISCLOSURE.split()) in cover
    assert "Dr Oren Blum" in cover and "Continuity of care" in cover


def test_identifying_details_and_session_dates_carry_no_clinical_text(chart):
    _, document = released(chart, ReleaseClass.IDENTIFYING, ReleaseClass.ATTENDANCE, start=EARLY)
    text = "\n".join(pages_of(document))
    assert "Agnieszka Wolanski" in text and "1984-03-09" in text
    assert f"{LATE:%d %B %Y}: Progress note (SOAP)" in text
    assert f"{EARLY:%d %B %Y}: Intake" in text
    assert "session:" not in text.lower().replace("dates of sessions", "")


def test_the_package_is_kept_sealed_and_exactly_as_released(chart):
    disclosure, document = released(chart, ReleaseClass.PROGRESS)
    stored = [path.read_bytes() for path in Path(settings.MEDIA_ROOT).rglob("*.sealed")]
    assert len(stored) == 1 and b"Middle session" not in stored[0] and b"%PDF" not in stored[0]
    assert hashlib.sha256(document).hexdigest() == disclosure.package_sha256


def test_a_package_opens_only_for_someone_who_may_read_all_it_holds(chart):
    disclosure, _ = released(chart, ReleaseClass.PROGRESS)
    for who in ("owner", "desk", "stranger"):
        with pytest.raises(AccessDenied):
            disclosure_package_open(actor=chart[who], disclosure=disclosure)
    assert disclosure_package_open(actor=chart["co"], disclosure=disclosure)


def test_a_psychotherapy_package_opens_for_its_author_alone(chart):
    disclosure, document = released(chart, ReleaseClass.PSYCHOTHERAPY, start=EARLY)
    assert "countertransference" in "".join(pages_of(document))
    assert "Middle session" not in "".join(pages_of(document))
    with pytest.raises(AccessDenied):
        disclosure_package_open(actor=chart["co"], disclosure=disclosure)


def test_a_disclosure_is_never_edited_or_deleted(chart):
    disclosure, _ = released(chart, ReleaseClass.PROGRESS)
    notice = disclosure_notice_add(
        actor=chart["clinician"], disclosure=disclosure, told=Told.TOLD, detail="In session."
    )
    for query in (
        Disclosure.objects.filter(pk=disclosure.pk),
        DisclosureNotice.objects.filter(pk=notice.pk),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            query.update(recorded_at=notice.recorded_at)
        with pytest.raises(DatabaseError), transaction.atomic():
            query.delete()
    assert Disclosure.objects.filter(pk=disclosure.pk).exists()


def test_whether_the_client_was_told_is_added_never_changed(chart):
    disclosure, _ = released(chart, ReleaseClass.PROGRESS)
    for told, detail in ((Told.LATER, "After the hearing."), (Told.TOLD, "Told by phone.")):
        disclosure_notice_add(
            actor=chart["clinician"], disclosure=disclosure, told=told, detail=detail
        )
    assert list(disclosure.notices.order_by("recorded_at").values_list("told", flat=True)) == [
        Told.LATER,
        Told.TOLD,
    ]
