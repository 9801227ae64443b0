"""Walk the self-assessment as a person would: by form posts."""

import re

from ladder.models import SelfAssessment

START_URL = "/ladder/self-assessment/"
ABOUT = {
    "partner": "",
    "organisation_name": "Northside Housing",
    "scope_type": "service",
    "scope_name": "Tenants' voice panel",
    "role": "Involvement lead",
    "contact_email": "",
    "took_part": "colleagues",
}


def start(client):
    response = client.post(START_URL, {"website_url": ""})
    assert response.status_code == 302, response.content[:500]
    match = re.search(r"/a/([A-Za-z0-9_-]+)/about/$", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def url(token, step=""):
    return f"{START_URL}a/{token}/{step}"


def answers_for(theme, pick=0):
    """Form data choosing option ``pick`` (an index, or 'na') for every question."""
    data = {}
    for question in theme["questions"]:
        value = "na" if pick == "na" else question["options"][pick]["key"]
        data[f"q-{question['key']}"] = value
    data["evidence"] = ""
    return data


def complete(client, picks=None):
    """Start, fill every step and submit; return (token, assessment)."""
    token = start(client)
    assert client.post(url(token, "about/"), ABOUT).status_code == 302
    assessment = SelfAssessment.objects.get()
    for number, theme in enumerate(assessment.version.themes, start=1):
        pick = (picks or {}).get(number, 0)
        response = client.post(url(token, f"step/{number}/"), answers_for(theme, pick))
        assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(url(token, "check/"))
    assert response.status_code == 302
    assert response["Location"].endswith(url(token, "result/"))
    assessment.refresh_from_db()
    return token, assessment
