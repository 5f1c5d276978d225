import os
import uuid

import pytest

from alcove.access.decisions import AccessDenied
from alcove.encryption import rotation
from alcove.encryption.crypto import CiphertextInvalid
from alcove.encryption.files import SealedFile, sealed_file_write
from alcove.encryption.tests.conftest import decision_for

SCAN = b"%PDF-1.7 intake questionnaire, page one"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_attachment_is_ciphertext_on_disk_and_opens_with_a_decision(make_client, tmp_path):
    client = make_client()
    sealed = sealed_file_write(
        file_id=uuid.uuid4(), client_id=client.pk, data_class="clinical", content=SCAN
    )
    on_disk = (tmp_path / sealed.name).read_bytes()
    assert b"intake" not in on_disk
    assert decision_for(client.pk, data_class="clinical").open_file(sealed) == SCAN
    with pytest.raises(AccessDenied):
        decision_for(client.pk, data_class="clinical", allowed=False).open_file(sealed)


def test_an_attachment_moved_to_another_client_fails_to_open(make_client, tmp_path):
    first, second = make_client(), make_client()
    file_id = uuid.uuid4()
    sealed = sealed_file_write(
        file_id=file_id, client_id=first.pk, data_class="clinical", content=SCAN
    )
    sealed_file_write(file_id=file_id, client_id=second.pk, data_class="clinical", content=b"other")
    moved = SealedFile(file_id=file_id, client_id=second.pk, data_class="clinical")
    os.replace(tmp_path / sealed.name, tmp_path / moved.name)
    with pytest.raises(CiphertextInvalid):
        decision_for(second.pk, data_class="clinical").open_file(moved)


def test_rotating_a_client_reseals_their_attachments(make_client, tmp_path):
    client = make_client()
    sealed = sealed_file_write(
        file_id=uuid.uuid4(), client_id=client.pk, data_class="clinical", content=SCAN
    )
    before = (tmp_path / sealed.name).read_bytes()
    rotation.client_rotate(client_id=client.pk, settle_seconds=0)
    assert (tmp_path / sealed.name).read_bytes() != before
    assert decision_for(client.pk, data_class="clinical").open_file(sealed) == SCAN
    assert not list(tmp_path.rglob("*.new"))
