"""The `alcove` command: Django's management commands under one name."""

import os
import sys


def main() -> None:
    # Database files, key files and anything else Alcove writes are for its own user only.
    os.umask(0o077)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alcove.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["alcove", *sys.argv[1:]])


if __name__ == "__main__":
    main()
