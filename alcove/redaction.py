"""The logging filter every handler uses: secrets and protected text never reach a log line.

It rewrites each record in place: the message is rendered and scrubbed of tokens in URLs
and of secret-looking key=value pairs; an exception keeps its type and traceback but not
its message, which can quote the data being handled; the request object is dropped.
"""

import logging
import re
import traceback

REDACTED = "[redacted]"

# Paths whose last segment is a credential.
_TOKEN_PATHS = re.compile(
    r"(?P<prefix>/(?:setup|invite|accounts/password/reset/key|accounts/confirm-email)/)"
    r"[^\s/?#\"']+"
)
_SECRET_PAIRS = re.compile(
    r"(?P<key>\b[\w-]*(?:password|passwd|secret|token|code|otp|session|csrf|credential|key)"
    r"[\w-]*\b[\"']?\s*[=:]\s*[\"']?)(?P<value>[^\s&,;\"'}]+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    text = _TOKEN_PATHS.sub(lambda m: m.group("prefix") + REDACTED, text)
    return _SECRET_PAIRS.sub(lambda m: m.group("key") + REDACTED, text)


def _exception_without_message(exc_info: tuple) -> str:
    exc_type, _exc, tb = exc_info
    lines = traceback.format_list(traceback.extract_tb(tb))
    name = getattr(exc_type, "__qualname__", "Exception")
    return "Traceback (most recent call last):\n" + "".join(lines) + f"{name}: [message withheld]"


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = _exception_without_message(record.exc_info)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        if hasattr(record, "request"):
            record.request = None
        return True
