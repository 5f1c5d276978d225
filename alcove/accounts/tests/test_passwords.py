import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from alcove.accounts.models import User


@pytest.fixture
def person(practice):
    return User(email="maria.lopez@harbour.example", full_name="Maria Lopez")


def refusal(password, user):
    with pytest.raises(ValidationError) as caught:
        validate_password(password, user=user)
    return " ".join(caught.value.messages)


def test_a_password_shorter_than_15_characters_is_refused(person):
    assert "at least 15 characters" in refusal("fourteen chars", person)


def test_a_64_character_password_is_allowed(person):
    validate_password(
        "the tide rolls in over grey stones while gulls argue about bread!", user=person
    )


def test_a_long_passphrase_with_spaces_is_allowed(person):
    validate_password("rowing past the lighthouse at dawn", user=person)


def test_an_absurdly_long_password_is_refused(person):
    assert "longer than" in refusal("a" * 200, person)


def test_a_common_password_is_refused(person):
    assert "too common" in refusal("qwerty123456789", person)


def test_a_repeated_common_password_is_refused(person):
    assert "repeats a shorter one" in refusal("passwordpassword", person)


def test_a_common_password_padded_with_digits_is_refused(person):
    assert "numbers or symbols added" in refusal("sunshine1234567!", person)


def test_a_password_of_few_distinct_characters_is_refused(person):
    assert "too few different characters" in refusal("aaaabbbbaaaabbbb1", person)


def test_a_password_containing_the_persons_name_is_refused(person):
    assert "contains your name" in refusal("MariaLovesTheSea2026", person)


def test_a_password_containing_the_email_is_refused(practice):
    person = User(email="sailor.mlz@harbour.example", full_name="Maria Lopez")
    assert "contains your email" in refusal("my handle is Sailor.MLZ forever", person)


def test_a_password_containing_the_practice_name_is_refused(person):
    assert "practice's name" in refusal("my Harbour Psychology login!", person)


def test_passwords_are_hashed_with_argon2id_at_owasp_parameters(practice):
    user = User.objects.create_user(
        "a@harbour.example", "rowing past the lighthouse", full_name="A"
    )
    algorithm, variant, _version, params, *_ = user.password.split("$")
    assert (algorithm, variant) == ("argon2", "argon2id")
    assert params == "m=19456,t=2,p=1"
