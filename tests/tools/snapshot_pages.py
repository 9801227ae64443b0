"""Render every demo page, and the private journeys, to files for comparison.

Used to prove a restructure changed no behaviour: run it before and after,
then ``diff -r``. Per-request values (CSRF tokens, signed start times,
private-link tokens, references) are replaced by placeholders.

    .venv/bin/python tests/tools/snapshot_pages.py OUTPUT_DIR
"""

import os
import re
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

EXTRA_PATHS = [
    "/opportunities/?topic=housing&sort=pay",
    "/opportunities/?format=online&show_closed=on",
    "/opportunities/?q=council",
    "/opportunities/?page=2",
    "/opportunities/?min_pay=abc&page=zz",
    "/opportunities/feed/rss/",
    "/opportunities/feed/atom/",
    "/opportunities/feed/closing-dates/",
    "/partners/?q=housing",
    "/partners/?kind=council",
    "/partners/?rung=1",
    "/ladder/self-assessment/blank/",
    "/sitemap.xml",
    "/no-such-page/",
]

NORMALISE = [
    (
        re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'),
        'name="csrfmiddlewaretoken" value="X"',
    ),
    (re.compile(r'name="form_started" value="[^"]+"'), 'name="form_started" value="X"'),
    (re.compile(r'id="id_form_started" value="[^"]+"'), 'id="id_form_started" value="X"'),
    (re.compile(r"/(a|i|lead|status)/[A-Za-z0-9_-]{20,}/"), r"/\1/TOKEN/"),
    (re.compile(r"\b[0-9A-Z]{3}-[0-9A-Z]{3}\b"), "REF"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "UUID"),
    # Times the demo content was saved at (feeds), and calendar stamps.
    (re.compile(r"\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}"), "RFC822"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?"), "ISO"),
    (re.compile(r"DTSTAMP:\d{8}T\d{6}Z"), "DTSTAMP:X"),
]


def normalise(text):
    for pattern, replacement in NORMALISE:
        text = pattern.sub(replacement, text)
    return text


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="copro-snapshot-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/snap.sqlite3"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.MEDIA_ROOT = Path(workdir) / "media"
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--no-admin", stdout=StringIO())

    from wagtail.models import Page

    client = Client()
    saved = []

    def save(name, response):
        body = response.content.decode("utf-8", "replace") if hasattr(response, "content") else ""
        if not body and hasattr(response, "streaming_content"):
            body = b"".join(response.streaming_content).decode()
        name = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "root"
        (out / f"{len(saved):03d}_{name}.html").write_text(
            f"status {response.status_code}\n" + normalise(body)
        )
        saved.append(name)

    paths = [page.url for page in Page.objects.live().order_by("path") if page.url]
    for path in paths + EXTRA_PATHS:
        save(path, client.get(path))

    # An expression of interest, start to finish.
    from opportunities.models import OpportunityPage

    opportunity = next(
        p for p in OpportunityPage.objects.live().order_by("path") if p.accepts_interest
    )
    form_url = opportunity.url + "interest/"
    html = client.get(form_url).content.decode()
    started = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    time.sleep(3.2)
    response = client.post(
        form_url,
        {
            "name": "Sam Jones",
            "contact_email": "sam@example.org",
            "email_wish": "safe",
            "consent": "on",
            "form_started": started,
            "website_url": "",
        },
    )
    save("interest_post", response)
    sent = client.get(response["Location"]) if response.status_code in (302, 303) else response
    save("interest_sent", sent)
    status_link = re.search(r'href="([^"]*/status/[^"]+/)"', sent.content.decode())
    if status_link:
        save("interest_status", client.get(status_link.group(1)))
        save("interest_withdraw", client.get(status_link.group(1) + "withdraw/"))

    # A self-assessment, start to finish.
    from ladder.models import Invitation, SelfAssessment

    start_url = "/ladder/self-assessment/"
    response = client.post(start_url, {"website_url": ""})
    token = re.search(r"/a/([A-Za-z0-9_-]+)/about/$", response["Location"]).group(1)
    base = f"{start_url}a/{token}/"
    save("journey_about", client.get(base + "about/"))
    client.post(
        base + "about/",
        {
            "organisation_name": "Northside Housing",
            "scope_type": "service",
            "scope_name": "Tenants' voice panel",
            "role": "Involvement lead",
            "took_part": "colleagues",
        },
    )
    assessment = SelfAssessment.objects.for_token(token).get()
    for number, theme in enumerate(assessment.version.themes, start=1):
        save(f"journey_step_{number}", client.get(base + f"step/{number}/"))
        data = {
            f"q-{q['key']}": q["options"][number % len(q["options"])]["key"]
            for q in theme["questions"]
        }
        client.post(base + f"step/{number}/", data)
    save("journey_check", client.get(base + "check/"))
    client.post(base + "check/")
    save("journey_result", client.get(base + "result/"))

    for invitation in Invitation.objects.order_by("pk"):
        save(f"lead_{invitation.pk}", client.get(f"{start_url}lead/{invitation.lead_token}/"))
        save(f"answer_{invitation.pk}", client.get(f"{start_url}i/{invitation.answer_token}/"))
    print(f"{len(saved)} responses written to {out}")


if __name__ == "__main__":
    main()
