"""Settings for bench/protected_read.py only: Alcove's, plus a baseline URL never shipped."""

from alcove.settings import *  # noqa: F403

ROOT_URLCONF = "protected_read_urls"
