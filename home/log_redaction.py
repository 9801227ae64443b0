"""No private link's token in any log line.

A private link's token (``home.private_links``, the ladder's derived links)
sits in the path: ``/opportunities/<slug>/interest/status/<token>/``,
``/ladder/self-assessment/a/<token>/about/``. Whoever reads a log must not
be able to open someone's record with it, so every log line that can hold
a path passes through :func:`redact`:

- gunicorn's access log, through :class:`RedactingGunicornLogger`
  (``logger_class`` in ``gunicorn.conf.py``): every value the log format can
  name (path, request line, query string, headers such as ``Location``);
- Django's request warnings and errors ("Not Found: /…", "Internal Server
  Error: /…") and the development server's log, through
  :class:`RedactTokensFilter`, which ``HomeConfig.ready`` puts on those
  loggers whatever ``LOGGING`` says.

A token is a run of 20 or more URL-safe base64 characters (letters, digits,
``-`` and ``_``) holding an upper-case letter, a digit or an underscore
beside letters: the site's tokens have 43 such characters, and page slugs
(lower case, words joined by hyphens) never look like that.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from gunicorn.glogging import Logger as _GunicornLogger

REDACTED = "[private]"

_RUN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _looks_like_token(run: str) -> bool:
    return not _SLUG.fullmatch(run)


def redact(text: str) -> str:
    """``text`` with every token-like run replaced by ``[private]``."""
    return _RUN.sub(
        lambda match: REDACTED if _looks_like_token(match.group(0)) else match.group(0), text
    )


def _redact_value(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


class RedactTokensFilter(logging.Filter):
    """Rewrites a record's message and arguments so no token reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redact_value(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_value(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _redact_value(arg) for key, arg in record.args.items()}
        return True


# Loggers whose messages carry request paths.
REQUEST_LOGGERS = ("django.request", "django.server", "django.security.csrf")


def install_request_log_redaction() -> None:
    """Put the filter on Django's request loggers (once; called at start-up)."""
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactTokensFilter) for existing in logger.filters):
            logger.addFilter(RedactTokensFilter())


class RedactingGunicornLogger(_GunicornLogger):  # type: ignore[misc]
    """gunicorn's logger, with every access-log value redacted."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: _redact_value(value) for key, value in atoms.items()}
