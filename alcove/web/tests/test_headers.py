import os
import subprocess
import sys

import pytest

from alcove.accounts.models import Role

PRODUCTION_ENV = {
    "ALCOVE_PRODUCTION": "1",
    "ALCOVE_SECRET_KEY": "k" * 20 + "Zq8!mP2#vL9@xR4$tW7^" + "n" * 20,
    "ALCOVE_ALLOWED_HOSTS": "alcove.harbour.example",
    "ALCOVE_DATABASE_URL": "postgres://alcove@db.invalid:5432/alcove",
    "ALCOVE_KEYSTORE_URL": "postgres://alcove@keys.invalid:5432/alcove_keys",
    "ALCOVE_MASTER_PASSPHRASE": "a long passphrase for the tests only",
}


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """The production settings, with a passphrase-sealed master key file already made."""
    from alcove.encryption.keyring import Keyring
    from alcove.encryption.providers import PassphraseFileProvider

    path = tmp_path_factory.mktemp("keys") / "master-key.sealed"
    PassphraseFileProvider(path, PRODUCTION_ENV["ALCOVE_MASTER_PASSPHRASE"]).save(
        Keyring.generate()
    )
    return {**PRODUCTION_ENV, "ALCOVE_MASTER_KEY_FILE": str(path)}


def alcove(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ALCOVE_")}
    return subprocess.run(
        [sys.executable, "-m", "alcove.cli", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_pages_forbid_inline_script_framing_and_sniffing(client, practice):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_page_carries_an_inline_script(signed_in, make_staff):
    client = signed_in(make_staff(Role.OWNER))
    for path in ("/", "/staff/", "/security/enrol/", "/accounts/2fa/"):
        html = client.get(path, follow=True).content.decode()
        for chunk in html.split("<script")[1:]:
            opening = chunk.split(">")[0]
            assert "src=" in opening or 'type="application/json"' in opening, path


def test_session_and_csrf_cookies_are_httponly_and_samesite(client, make_staff):
    from alcove.conftest import password_login

    user = make_staff(Role.CLINICIAN)
    client.get("/accounts/login/")
    password_login(client, user.email)
    for name in ("alcove-session", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name


@pytest.mark.parametrize(
    "missing", ["ALCOVE_SECRET_KEY", "ALCOVE_ALLOWED_HOSTS", "ALCOVE_KEYSTORE_URL"]
)
def test_production_refuses_to_start_without_its_settings_and_names_them(missing, production_env):
    env = {k: v for k, v in production_env.items() if k != missing}
    result = alcove("check", env=env)
    assert result.returncode != 0
    assert f"Set {missing}" in result.stderr


def test_production_refuses_demo_data(production_env):
    result = alcove("check", env={**production_env, "ALCOVE_DEMO": "1"})
    assert result.returncode != 0
    assert "demo data is refused in production" in result.stderr


def test_a_malformed_setting_stops_start_up_with_a_sentence():
    result = alcove("check", env={"ALCOVE_PRODUCTION": "maybe"})
    assert result.returncode != 0
    assert "ALCOVE_PRODUCTION must be 1 or 0" in result.stderr


def test_the_production_profile_passes_every_deployment_check(production_env):
    result = alcove("check", "--deploy", "--fail-level", "WARNING", env=production_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_hsts_and_secure_cookies(production_env):
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_NAME)"
    )
    result = alcove("shell", "-v", "0", "-c", script, env=production_env)
    assert result.stdout.split() == ["63072000", "True", "True", "True", "__Host-alcove-session"]
