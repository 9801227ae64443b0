"""gunicorn settings; each can be overridden by the environment variable named."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
max_requests = 1000
max_requests_jitter = 100
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
