"""Fixtures shared by every app's tests: a practice, staff in any role, second factors."""

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import cache
from django.test import Client
from hypothesis import settings as hypothesis_settings

from alcove.accounts.models import Practice, Role, RoleGrant, User

PASSWORD = "correct horse battery staple"


def totp_code(secret: str, *, offset: int = 0) -> str:
    """The authenticator app's current six-digit code (offset in 30-second steps)."""
    # A code taken in its step's last seconds can expire before the request that sends it
    # is checked (a CI run failed so once): wait for the next step instead.
    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


# Our machines are small and shared: judge properties by their examples, not by a deadline.
hypothesis_settings.register_profile("alcove", deadline=None)
hypothesis_settings.load_profile("alcove")

DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Sealed data needs the key store beside the records: every database test gets both.
    for item in items:
        marker = item.get_closest_marker("django_db")
        uses_db = marker is not None or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_db and (marker is None or "databases" not in marker.kwargs):
            kwargs = dict(marker.kwargs) if marker else {}
            item.add_marker(pytest.mark.django_db(databases="__all__", **kwargs), append=False)


@pytest.fixture(autouse=True)
def _fresh_keys() -> Iterator[None]:
    # Each test starts with an empty in-memory keyring and nothing cached from another.
    from alcove.encryption.keys import keys_forget

    keys_forget()
    yield
    keys_forget()


@pytest.fixture(autouse=True)
def _audit_triggers_around_flush(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests end with a flush, which the append-only triggers would refuse."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (
        "live_server" in request.fixturenames
        or (marker is not None and marker.kwargs.get("transaction"))
        or "transactional_db" in request.fixturenames
    )
    if not transactional:
        yield
        return
    from django.db import connection

    from alcove.audit.triggers import audit_triggers_install, triggers_drop
    from alcove.disclosures.triggers import disclosure_triggers_drop, disclosure_triggers_install

    request.getfixturevalue("transactional_db")
    audit_triggers_install(connection)
    disclosure_triggers_install(connection)
    from alcove.audit.models import AuditHead

    AuditHead.objects.get_or_create(pk=1)
    yield
    triggers_drop(connection)
    disclosure_triggers_drop(connection)


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Sealed files (attachments, release packages) never land in the working directory.
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("files")


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # Lockout counters and spent TOTP codes live in the cache; no test inherits another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def practice(db: None) -> Practice:
    return Practice.objects.create(name="Harbour Psychology")


StaffMaker = Callable[..., User]


@pytest.fixture
def make_staff(practice: Practice) -> StaffMaker:
    counter = iter(range(1, 1000))

    def make(*roles: Role, name: str = "", email: str = "", mfa: bool = True) -> User:
        n = next(counter)
        user = User.objects.create_user(
            email or f"staff{n}@harbour.example",
            PASSWORD,
            full_name=name or f"Staff Member {n}",
        )
        for role in roles:
            RoleGrant.objects.create(user=user, role=role)
        if mfa:
            secret = generate_totp_secret()
            TOTP.activate(user, secret)
            user.totp_secret = secret  # type: ignore[attr-defined]
        return user

    return make


@pytest.fixture
def signed_in(client: Client) -> Callable[[User], Client]:
    """A client signed in as the user, as if they had just passed both factors."""

    def sign_in(user: User) -> Client:
        client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        return client

    return sign_in


def password_login(client: Client, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return client.post("/accounts/login/", {"login": email, "password": password})


@pytest.fixture
def client_factory() -> type[Client]:
    """A second browser, for a second person in the same test."""
    return Client


@pytest.fixture
def fresh_owner(make_staff: StaffMaker) -> User:
    return make_staff(Role.OWNER, name="Ada Owner", email="ada@harbour.example")


@pytest.fixture
def fresh_owner_client(client: Client, fresh_owner: User) -> Client:
    """The owner, signed in through both factors just now (a recent authentication)."""
    password_login(client, fresh_owner.email)
    code = totp_code(fresh_owner.totp_secret)  # type: ignore[attr-defined]
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert client.get("/").status_code == 200
    return client


def consent_on_file(client: Any, witness: User | None = None) -> Any:
    """Give a client the informed consent to treatment that note signing waits for: signed
    through consent_sign, witnessed by their primary clinician unless someone else is named.
    Publishes a short test wording of the document if the practice has none."""
    from django.utils import timezone

    from alcove.clients.models import CareTeamMember, CareTeamRole
    from alcove.consent.models import ConsentDocument, ConsentVersion, DocumentKind, VersionStatus
    from alcove.consent.services import consent_sign, text_hash

    kind = DocumentKind.TREATMENT
    document, _ = ConsentDocument.objects.get_or_create(kind=kind, defaults={"title": kind.label})
    versions = ConsentVersion.objects.filter(document=document)
    version = versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    if version is None:
        text = "Informed consent to treatment and the limits of confidentiality (test wording)."
        version = ConsentVersion.objects.create(
            document=document,
            number=versions.count() + 1,
            status=VersionStatus.PUBLISHED,
            text=text,
            text_hash=text_hash(text),
            published_at=timezone.now(),
        )
    if witness is None:
        primary = CareTeamMember.objects.get(
            client=client, role=CareTeamRole.PRIMARY, ended_at__isnull=True
        )
        witness = primary.staff
    return consent_sign(
        actor=witness, client=client, version=version, typed_name="Test Signer", agreed=True
    )
