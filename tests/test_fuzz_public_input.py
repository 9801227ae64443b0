"""No input a visitor can send gives a server error.

Hypothesis posts generated bodies to every public form and sends generated
query strings to every listing (200 of each in ``make test``; ``make fuzz``
sends 2,000, or set FUZZ_EXAMPLES), through
Django's test client. The rate limits and the minimum fill time are switched
off here (each has its own tests), so requests are not turned away at the
door: the test also checks that most of them reached form validation (a
form's ``full_clean``), so it cannot pass by being refused early.

Bodies mix the form's own field names with strangers, and values with
control characters, NUL, huge and negative numbers, long text, many values
for one name, and raw ``application/x-www-form-urlencoded`` text.
"""

import os
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

import pytest
from django import forms
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home import form_protection
from ladder.models import SelfAssessment
from payments.models import Feedback
from payments.models.feedback import QUESTIONS
from privacy.contact_wishes import second_factor
from tests.ladder.conftest import assessment_page, pages, questionnaire, rungs  # noqa: F401
from tests.ladder.invitation_helpers import make_invitation, make_partner
from tests.ladder.journey_helpers import START_URL, start
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

# The examples are derandomised, so every run sends the same ones: more of
# them in every CI run would add minutes, not new cases. ``make fuzz`` goes deeper.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
# Most requests must reach a form's validation (some are refused earlier, and
# rightly: a body Django cannot parse, a CSRF-free client aside).
REACHED_AT_LEAST = 0.9

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "99999999999999999999",
    "-99999999999999999999",
    "NaN",
    "null",
    "\x00",
    "a\x00b",
    "\u202e",
    "\ud7ff",
    "𝕏",
    "%",
    "%00",
    "'; DROP TABLE x;--",
    "<script>",
    "../../etc/passwd",
    "on",
    "yes",
    "safe",
    "private",
    "no",
    "x" * 5000,
]

values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.integers().map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)


def bodies(field_names):
    """A form body: mostly the form's own names, some strangers, one or many values."""
    names = st.one_of(st.sampled_from(field_names), st.text(min_size=1, max_size=12))
    one_or_many = st.one_of(values, st.lists(values, min_size=2, max_size=4))
    as_dict = st.dictionaries(names, one_or_many, max_size=len(field_names) + 3)
    raw = st.lists(st.tuples(names, values), max_size=8).map(
        lambda pairs: "&".join(f"{quote(n, safe='')}={quote(v, safe='%')}" for n, v in pairs)
    )
    return st.one_of(as_dict, as_dict, raw)


def query_strings(param_names):
    pair = st.tuples(
        st.one_of(st.sampled_from(param_names), st.text(max_size=8)),
        st.one_of(values, st.text(alphabet="%&=+;#?/0123456789abcdefxyz", max_size=20)),
    )
    encoded = st.lists(pair, max_size=8).map(
        lambda pairs: "&".join(f"{quote(n, safe='')}={quote(v, safe='%&=')}" for n, v in pairs)
    )
    # Raw bytes as a server hands them over (WSGI gives them as latin-1 text).
    raw = st.text(max_size=80).map(lambda text: text.encode("utf-8", "replace").decode("latin-1"))
    return st.one_of(encoded, raw)


@pytest.fixture
def counted_validation(monkeypatch):
    """Counts every form validation; switches off what would refuse at the door."""
    calls = {"full_clean": 0}
    real = forms.BaseForm.full_clean

    def full_clean(self):
        calls["full_clean"] += 1
        return real(self)

    monkeypatch.setattr(forms.BaseForm, "full_clean", full_clean)
    monkeypatch.setattr(form_protection, "MINIMUM_FILL_SECONDS", 0)
    never = lambda *args, **kwargs: False  # noqa: E731
    monkeypatch.setattr("opportunities.interest.views.over_ip_limit", never)
    monkeypatch.setattr("opportunities.interest.views.hit_rate_limit", never)
    monkeypatch.setattr("opportunities.closing_reminder.views.over_ip_limit", never)
    monkeypatch.setattr("opportunities.closing_reminder.views.hit_rate_limit", never)
    monkeypatch.setattr("opportunities.alerts.views.over_ip_limit", never)
    monkeypatch.setattr("opportunities.alerts.views.hit_rate_limit", never)
    monkeypatch.setattr("ladder.journey.views.over_ip_limit", never)
    monkeypatch.setattr(second_factor, "hit_rate_limit", never)
    return calls


def sent_result(page):
    """A sent self-assessment's token: its result holds the "keep it" form."""
    from ladder.submission import submit

    assessment, token = SelfAssessment.start(page.current_version())
    assessment.organisation_name, assessment.scope_type = "Northside", "service"
    assessment.scope_name, assessment.role, assessment.took_part = "Panel", "Lead", "alone"
    assessment.save()
    submit(assessment)
    return token


@dataclass
class Target:
    path: str
    names: list


@pytest.fixture
def site(home_page, assessment_page):  # noqa: F811
    """One of everything a visitor can reach, and the forms' addresses."""
    board = make_board(home_page)
    partner = make_partner(home_page)
    opportunity = make_opportunity(board, slug="open-one", partner=partner)
    private, private_token = make_interest(
        opportunity, contact_phone="07700 900517", call_ok=True, call_safe=False
    )
    invitation = make_invitation(partner, email_safe=False)
    participant, _ = make_interest(opportunity, status="selected")
    feedback = Feedback(
        interest=participant, reference=participant.reference, asked_at=timezone.now()
    )
    feedback_token = feedback.issue_link()
    feedback.save()
    client = Client()
    draft = start(client)
    invited = Client().post(f"{START_URL}i/{invitation.answer_token}/", {"website_url": ""})
    invited_draft = invited["Location"].split("/a/")[1].split("/")[0]
    theme = SelfAssessment.objects.for_token(draft).get().version.themes[0]
    result = sent_result(assessment_page)
    question_names = [f"q-{question['key']}" for question in theme["questions"]]
    interest_names = [
        "name",
        "on_behalf_of",
        "on_behalf_of_name",
        "contact_email",
        "email_wish",
        "contact_phone",
        "text_wish",
        "call_wish",
        "support_worker",
        "support_worker_wish",
        "access_needs",
        "access_needs_consent",
        "anything_else",
        "wants_outcome",
        "consent",
        "website_url",
        "form_started",
    ]
    wishes = ["contact_email", "email_wish", "contact_phone", "text_wish", "call_wish"]
    about = ["partner", "organisation_name", "scope_type", "scope_name", "role", "took_part"]
    return {
        "forms": {
            "interest": Target(f"{opportunity.url}interest/", interest_names),
            "second factor": Target(
                f"{opportunity.url}interest/status/{private_token}/",
                ["second_factor", "reference", "phone_end"],
            ),
            "neutral link's second factor": Target(
                f"/m/{invitation.lead_token}/", ["second_factor", "reference", "phone_end"]
            ),
            "closing reminder": Target(
                f"{opportunity.url}remind-me/",
                ["contact_email", "email_wish", "contact_phone", "text_wish", "website_url"]
                + ["form_started"],
            ),
            "search alert": Target(
                f"{board.url}alerts/?q=repairs",
                ["contact_email", "email_wish", "contact_phone", "text_wish", "frequency"]
                + ["website_url", "form_started"],
            ),
            "link again": Target(
                "/your-link/", ["reference", "contact", "website_url", "form_started"]
            ),
            "participant's answers": Target(
                f"/feedback/{feedback_token}/",
                [*(name for name, _, _ in QUESTIONS), "comment", "may_quote", "consent"],
            ),
            "partner's response": Target(
                f"/partner-record/{invitation.lead_token}/response/", ["period", "text"]
            ),
            "self-assessment start": Target(START_URL, ["website_url"]),
            "invited start": Target(f"{START_URL}i/{invitation.answer_token}/", ["website_url"]),
            "about you": Target(f"{START_URL}a/{draft}/about/", [*about, *wishes, "change"]),
            "about you (invited)": Target(
                f"{START_URL}a/{invited_draft}/about/",
                ["name", "relation", "role", "took_part", *wishes, "change"],
            ),
            "theme step": Target(
                f"{START_URL}a/{draft}/step/1/", [*question_names, "evidence", "change"]
            ),
            "keep it": Target(
                f"{START_URL}a/{result}/keep/", ["contact_email", "email_wish", "consent"]
            ),
        },
        "listings": {
            "opportunity board": board.url,
            "partner directory": partner.get_parent().url,
        },
        "private": private,
    }


FORMS = [
    "interest",
    "second factor",
    "neutral link's second factor",
    "closing reminder",
    "search alert",
    "link again",
    "participant's answers",
    "partner's response",
    "self-assessment start",
    "invited start",
    "about you",
    "about you (invited)",
    "theme step",
    "keep it",
]
# The board's feeds read the same filter form as the board (OpportunityListing),
# so the board's 500 query strings cover the code they share.
LISTINGS = ["opportunity board", "partner directory"]
BOARD_PARAMS = [
    "q",
    "topic",
    "format",
    "area",
    "access",
    "min_pay",
    "rung",
    "closing_soon",
    "show_closed",
    "what_changed",
    "sort",
    "partner",
    "page",
]
DIRECTORY_PARAMS = ["q", "kind", "sector", "area", "rung", "page"]


@pytest.mark.parametrize("form_name", FORMS)
def test_no_generated_body_gives_a_server_error(site, counted_validation, form_name):
    target = site["forms"][form_name]
    client = Client()
    sent = []

    @FUZZ
    @given(body=bodies(target.names))
    def post(body):
        before = counted_validation["full_clean"]
        if isinstance(body, str):
            response = client.post(
                target.path, body, content_type="application/x-www-form-urlencoded"
            )
        else:
            response = client.post(target.path, body)
        assert response.status_code < 500, (form_name, body)
        sent.append(counted_validation["full_clean"] > before)

    post()
    assert len(sent) >= EXAMPLES
    assert sum(sent) >= REACHED_AT_LEAST * len(sent), f"{sum(sent)} of {len(sent)} validated"


@pytest.mark.parametrize("listing", LISTINGS)
def test_no_generated_query_string_gives_a_server_error(site, counted_validation, listing):
    path = site["listings"][listing]
    names = DIRECTORY_PARAMS if listing == "partner directory" else BOARD_PARAMS
    client = Client()
    sent = []

    @FUZZ
    @given(query=query_strings(names))
    def get(query):
        before = counted_validation["full_clean"]
        response = client.get(path, QUERY_STRING=query)
        assert response.status_code < 500, (listing, query)
        sent.append(counted_validation["full_clean"] > before)

    get()
    assert len(sent) >= EXAMPLES
    assert sum(sent) >= REACHED_AT_LEAST * len(sent), f"{sum(sent)} of {len(sent)} validated"


def test_the_fuzzed_private_record_was_never_opened(site):
    """The second-factor fuzzing guessed no reference: the record stays new."""
    site["private"].refresh_from_db()
    assert site["private"].status == "new"
    assert site["private"].token_expires_at > timezone.now() - timedelta(days=1)
