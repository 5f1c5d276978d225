from django.core.management.base import OutputWrapper
from django.urls import reverse

from alcove.accounts.services import setup_link_issue


def setup_link_print(out: OutputWrapper, *, host: str, port: int) -> bool:
    """Print the setup link to the console (never to a log). False once the practice exists."""
    token = setup_link_issue()
    if token is None:
        return False
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104
    link = f"http://{shown_host}:{port}{reverse('setup_link_open', args=[token])}"
    out.write(
        "\n  No practice exists yet. Open this link to create it and its owner account:\n\n"
        f"    {link}\n\n"
        "  It works once and expires in one hour. Restarting prints a new one.\n"
    )
    return True
