"""gunicorn settings; each can be overridden by the environment variable named."""

import multiprocessing
import os


def _single_process():
    return os.environ.get("SINGLE_PROCESS", "").strip().lower() in {"1", "true", "yes", "on"}


def _workers():
    """Rate limits and caches are per process without Redis (REDIS_URL): then
    only one worker may run, and only when SINGLE_PROCESS=true says so
    (config/settings/production.py refuses the rest too)."""
    asked = os.environ.get("WEB_CONCURRENCY", "").strip()
    if os.environ.get("REDIS_URL", "").strip():
        return int(asked or min(4, multiprocessing.cpu_count() * 2 + 1))
    if not _single_process():
        raise SystemExit(
            "gunicorn.conf.py: set REDIS_URL (shared rate limits and lockouts), "
            "or SINGLE_PROCESS=true for a one-process install."
        )
    if asked and int(asked) != 1:
        raise SystemExit(
            f"gunicorn.conf.py: SINGLE_PROCESS=true runs one worker, not WEB_CONCURRENCY={asked}; "
            "set REDIS_URL to run more."
        )
    return 1


bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = _workers()
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# A recycled worker takes about a second to start Django again, and the
# requests queued on it wait that long: at the page cache's rates (hundreds
# of requests a second) 1,000 requests came round every few seconds and set
# p99 near a second (bench/README.md). Recycling stays, as a guard against
# slow leaks, but rarely.
max_requests = 20_000
max_requests_jitter = 2_000
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# The access log records paths only: never query strings, which could carry
# what a person typed into a search.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
# ...and never a private link's token: every value is redacted (home/log_redaction.py).
logger_class = "home.log_redaction.RedactingGunicornLogger"
# gunicorn 27 opens a control socket in the home folder by default; the
# container's user has no writable home, and nothing here uses it.
control_socket_disable = True
wsgi_app = "config.wsgi:application"
