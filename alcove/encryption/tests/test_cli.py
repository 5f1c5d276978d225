"""The key commands end to end, as an operator runs them, on a real SQLite file."""

import os
import shutil
import stat
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    os.environ.get("ALCOVE_TEST_DB") != "sqlite",
    reason="an operator's SQLite install; test_rotation and test_shredding cover PostgreSQL",
)

NAMES = ("Ingrid Halvorsen-Mbeki", "Tomasz Wierzbicki")

CREATE = """
from alcove.clients.services import client_create
for name in {names!r}:
    print(client_create(actor_id=None, legal_name=name).pk)
"""

OPEN = """
from alcove.access.decisions import Decision
from alcove.audit.services import decision_record
from alcove.clients.models import Client
for client in Client.objects.order_by("created_at"):
    decision = decision_record(Decision(True, None, "read", "demographics", client.pk, "client",
                                        str(client.pk), "operator check"))
    try:
        print(decision.open(client.legal_name))
    except Exception as exc:
        print(type(exc).__name__)
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("alcove-data")


def alcove(data_dir, *args, check=True):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALCOVE_")}
    env["ALCOVE_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "alcove.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def installed(data_dir):
    alcove(data_dir, "migrate", "--no-input")
    alcove(data_dir, "migrate", "--no-input", "--database", "keys")
    ids = alcove(data_dir, "shell", "-v", "0", "-c", CREATE.format(names=NAMES)).stdout.split()
    return ids


def test_the_database_file_holds_no_name_and_the_key_file_is_private(installed, data_dir):
    database = (data_dir / "alcove.sqlite3").read_bytes()
    for name in NAMES:
        assert name.encode() not in database
        assert name.split()[0].encode() not in database
    assert stat.S_IMODE(os.stat(data_dir / "master-key").st_mode) == 0o600


def test_rotation_from_the_command_line_keeps_every_record_readable(installed, data_dir):
    rotated = alcove(data_dir, "keys", "rotate-master")
    assert "wrapped by master key v2" in rotated.stdout
    assert "of" in rotated.stderr  # progress
    alcove(data_dir, "keys", "rotate-client", installed[0], "--settle", "0")
    alcove(data_dir, "keys", "retire-masters")
    assert alcove(data_dir, "shell", "-v", "0", "-c", OPEN).stdout.split("\n")[:2] == list(NAMES)
    assert "current 2" in alcove(data_dir, "keys", "status").stdout


def test_shredding_from_the_command_line_defeats_an_older_database_copy(installed, data_dir):
    backup = data_dir / "backup.sqlite3"
    shutil.copy(data_dir / "alcove.sqlite3", backup)
    refused = alcove(data_dir, "keys", "shred-client", installed[0], check=False)
    assert refused.returncode != 0 and "--yes" in refused.stderr
    alcove(data_dir, "keys", "shred-client", installed[0], "--yes")
    shutil.copy(backup, data_dir / "alcove.sqlite3")  # restore the earlier copy
    opened = alcove(data_dir, "shell", "-v", "0", "-c", OPEN).stdout.split("\n")
    assert opened[:2] == ["KeyShredded", NAMES[1]]


def test_the_audit_log_of_all_that_verifies(installed, data_dir):
    assert "The audit log verifies" in alcove(data_dir, "audit", "verify").stdout


def test_a_wrong_master_key_stops_start_up_with_a_sentence(installed, data_dir):
    from alcove.encryption.keyring import Keyring

    real = (data_dir / "master-key").read_bytes()
    (data_dir / "master-key").write_bytes(Keyring.generate().to_bytes())
    try:
        result = alcove(data_dir, "check", check=False)
    finally:
        (data_dir / "master-key").write_bytes(real)
    assert result.returncode != 0
    assert "does not match the key store" in result.stderr


KEYS = """
from alcove.clients.services import client_create
for n in range(150):
    client_create(actor_id=None, legal_name=f"Killed Rotation {n}")
"""


def test_a_master_rotation_killed_halfway_finishes_on_the_next_run(installed, data_dir):
    import signal

    alcove(data_dir, "shell", "-v", "0", "-c", KEYS)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALCOVE_")}
    env["ALCOVE_DATA_DIR"] = str(data_dir)
    rotation = subprocess.Popen(
        [sys.executable, "-m", "alcove.cli", "keys", "rotate-master", "--batch", "1"],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )
    seen = b""
    while b"20 of" not in seen:
        seen += rotation.stderr.read(1)
    rotation.send_signal(signal.SIGKILL)
    rotation.wait()
    status = alcove(data_dir, "keys", "status").stdout
    resumed = alcove(data_dir, "keys", "rotate-master").stdout
    assert status.count("current") == 1
    version = status.split("current ")[1].split(")")[0]
    assert f"wrapped by master key v{version}" in resumed  # finished, not rotated again
    opened = alcove(data_dir, "shell", "-v", "0", "-c", OPEN).stdout.split("\n")
    assert sum(line.startswith("Killed Rotation") for line in opened) == 150
