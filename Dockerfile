# Co-pro Network: production image. Build: docker build -t copro .
# Release step (before starting new containers), see README "Deployment":
#   docker run --rm --env-file prod.env copro python manage.py migrate --noinput
#   docker run --rm --env-file prod.env copro python manage.py check --deploy --fail-level WARNING
# Web:    docker run --env-file prod.env -p 8000:8000 copro
# Worker: docker run --env-file prod.env copro python manage.py db_worker

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY requirements/base.lock /tmp/base.lock
RUN /opt/venv/bin/pip install --require-virtualenv -r /tmp/base.lock

FROM python:3.11-slim-bookworm AS app
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000
# pg_dump and pg_restore for backups (manage.py backup_site, home/backups/); the
# share cards' and the result PDF's fonts come with Pango below (the PDF check).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin copro \
    && mkdir -p /app/media && chown copro /app/media
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=root:root . /app
# Static files are collected and hashed at build time; whitenoise serves them.
# The key, host and one-process switch here exist only for this build step.
RUN SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-0123456789 \
    ALLOWED_HOSTS=build.invalid SINGLE_PROCESS=true \
    python manage.py collectstatic --noinput -v0
# Debian's Pango and fonts for the result PDF (fonts-dejavu-core also draws the
# share cards: home/share_cards.py), installed and proved by a sample render:
# the same script .ci/run runs.
RUN SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-0123456789 \
    ALLOWED_HOSTS=build.invalid SINGLE_PROCESS=true PYTHON=python \
    scripts/check_pdf.sh /tmp/sample-result.pdf \
    && rm -rf /var/lib/apt/lists/* /tmp/sample-result.pdf
USER copro
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os,urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT','8000'), timeout=4)"
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
