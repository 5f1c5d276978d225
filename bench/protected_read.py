"""Benchmark: a client chart read through the one door against the same page from a plain table.

Run: .venv/bin/python bench/protected_read.py [--seconds 10] [--concurrency 8]

How it measures: for each database (a SQLite file in a temporary ALCOVE_DATA_DIR; a scratch
PostgreSQL database `alcove_bench_read`), a child process migrates a fresh install, creates
a clinician with a client on their caseload (name, date of birth, pronouns, phone, email),
copies the same values into a plain table `bench_plain_client`, and serves Alcove with
waitress (8 threads) using bench/protected_read_settings.py, which adds /baseline/<id>/.
This process then sends GET requests from N threads over keep-alive connections for the
given time to each URL in turn, signed in as the clinician for both:
- protected: /clients/<id>/ (the shipped chart view: decide, decrypt, audit for each of
  demographics, contact and the tabs);
- baseline: /baseline/<id>/ (the same template and values, read from the plain table).
It prints requests per second and p50/p99 latency of both and the ratio at p50 (goal: the
protected read within 1.5x of the baseline). Client and server share the machine's cores.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def serve(backend: str, port: int, ready: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "protected_read_settings"
    os.environ["ALCOVE_KEY_PROVIDER"] = "local"
    if backend == "postgres":
        os.environ["ALCOVE_DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/alcove_bench_read"
    sys.path[:0] = [str(HERE), str(ROOT)]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    ready.write_text(json.dumps(_data()))
    import waitress

    from alcove.wsgi import application

    waitress.serve(application, host="127.0.0.1", port=port, threads=8, _quiet=True)


def _data() -> dict[str, str]:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.db import connection
    from django.test import Client as Browser

    from alcove.accounts.models import Practice, Role, RoleGrant, User
    from alcove.clients.services import client_intake

    Practice.objects.create(name="Bench Practice")
    clinician = User.objects.create_user("bench@example.test", None, full_name="Bench Clinician")
    RoleGrant.objects.create(user=clinician, role=Role.CLINICIAN)
    TOTP.activate(clinician, generate_totp_secret())
    values = {
        "legal_name": "Evangeline Thorsdottir-Mbeki",
        "preferred_name": "Eva",
        "pronouns": "she/her",
        "phone": "+44 7700 900777",
        "email": "eva@example.org",
    }
    client = client_intake(actor=clinician, **values)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_plain_client (id varchar(36) PRIMARY KEY, legal_name text, "
            "preferred_name text, date_of_birth text, pronouns text, phone text, email text)"
        )
        cursor.execute(
            "INSERT INTO bench_plain_client VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                str(client.pk),
                values["legal_name"],
                "Eva",
                "",
                "she/her",
                values["phone"],
                values["email"],
            ],
        )
    browser = Browser()
    browser.force_login(clinician, backend=settings.AUTHENTICATION_BACKENDS[0])
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    return {"client": str(client.pk), "cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}


def load(port: int, path: str, cookie: str, seconds: float, threads: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        while time.monotonic() < stop:
            start = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    began = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)
    return {
        "rps": len(ordered) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p99": ordered[int(len(ordered) * 0.99) - 1] * 1000,
        "errors": errors[0],
    }


def _postgres(action: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            conn.execute("DROP DATABASE IF EXISTS alcove_bench_read")
            if action == "create":
                conn.execute("CREATE DATABASE alcove_bench_read")
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL unavailable ({type(exc).__name__}); skipping its figures.")
        return False
    return True


def run(backend: str, port: int, seconds: float, threads: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        ready = Path(data_dir) / "ready.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ALCOVE_")}
        env["ALCOVE_DATA_DIR"] = data_dir
        server = subprocess.Popen(  # noqa: S603 (this very script)
            [
                sys.executable,
                __file__,
                "--serve",
                backend,
                "--port",
                str(port),
                "--ready",
                str(ready),
            ],
            env=env,
        )
        try:
            while not ready.exists():
                if server.poll() is not None:
                    raise SystemExit(f"the {backend} server did not start")
                time.sleep(0.2)
            time.sleep(1.0)
            data = json.loads(ready.read_text())
            results = {}
            for name, path in (
                ("protected", f"/clients/{data['client']}/"),
                ("baseline", f"/baseline/{data['client']}/"),
            ):
                load(port, path, data["cookie"], 1.0, threads)  # warm-up
                results[name] = load(port, path, data["cookie"], seconds, threads)
        finally:
            server.terminate()
            server.wait()
    for name, r in results.items():
        print(
            f"{backend:<10} {name:<9} {r['rps']:>7.0f} req/s  p50 {r['p50']:6.1f} ms  "
            f"p99 {r['p99']:6.1f} ms  errors {r['errors']:.0f}"
        )
    ratio = results["protected"]["p50"] / results["baseline"]["p50"]
    print(f"{backend:<10} protected/baseline at p50: {ratio:.2f}x  (goal <= 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--serve")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--ready", type=Path)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.ready)
        return
    print(__doc__.split("How it measures:")[1].strip(), end="\n\n")
    run("sqlite", args.port, args.seconds, args.concurrency)
    if _postgres("create"):
        try:
            run("postgres", args.port + 1, args.seconds, args.concurrency)
        finally:
            _postgres("drop")


if __name__ == "__main__":
    main()
