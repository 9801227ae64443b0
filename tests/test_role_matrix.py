"""Who may open what in the admin: one table, every group, every admin URL we add or rely on.

Each row names an admin URL and the groups that get the page (200). Everyone
else must be refused: 403, 404, or a redirect to the login page or the
dashboard (Wagtail's "permission denied" message) -- never a redirect that
is really a success. The columns are a user in each group alone, a logged-in
user in no group, and a superuser.

When a new admin screen is added, add its row here: the test lists every
admin URL name of the project's apps that no row covers, and fails.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from wagtail.models import Site

from home.models import (
    AccessSupport,
    Area,
    NavigationSettings,
    SearchSynonym,
    Sector,
    SiteSettings,
    StandardPage,
    Topic,
)
from ladder.models import (
    Invitation,
    LadderPage,
    LadderSettings,
    Publication,
    Questionnaire,
    Rung,
    SelfAssessment,
    SelfAssessmentPage,
)
from opportunities.models import (
    AlertMessages,
    BenefitRule,
    ClosingReminderMessages,
    ExpressionOfInterest,
    InterestMessages,
    OpportunityIndexPage,
    OpportunityPage,
)
from partners.models import PartnerIndexPage, PartnerPage
from privacy.models import PersonalDataAccess, TextMessage

E, M, P, L, N, S = "Editors", "Moderators", "Personal data", "Ladder managers", "no group", "super"
COLUMNS = [E, M, P, L, N, S]
STAFF = {E, M, P, L, S}
PAGE_EDITORS = {E, M, S}
NOBODY = set()

refused = {302, 403, 404}


def answer(client, url, post=False):
    """'ok' for a 200, 'refused' for a real refusal, otherwise what happened."""
    response = client.post(url) if post else client.get(url)
    if response.status_code == 200:
        return "ok"
    if response.status_code in refused:
        if response.status_code != 302:
            return "refused"
        target = urlsplit(response["Location"]).path
        if target in {reverse("wagtailadmin_login"), reverse("wagtailadmin_home")}:
            return "refused"
    location = response.get("Location", "")
    return f"{response.status_code} {location}".strip()


def snippet(model, view, *args):
    return reverse(
        f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}", args=args
    )


def chooser(model):
    return reverse(
        f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}:choose"
    )


def setting(model):
    return reverse(
        "wagtailsettings:edit",
        args=(model._meta.app_label, model._meta.model_name, model.load().pk),
    )


def first(model):
    return model.objects.order_by("pk").first()


def snippet_rows(
    model, allowed, views=("list", "edit", "history", "usage", "delete"), add=None, obj=None
):
    obj = obj or first(model)
    name = model._meta.model_name
    rows = []
    for view in views:
        args = () if view in {"list", "add"} else (obj.pk,)
        rows.append((f"{name} {view}", snippet(model, view, *args), allowed))
    if add is not None:
        rows.append((f"{name} add", snippet(model, "add"), add))
    return rows


def page_rows(model):
    page = first(model)
    name = model._meta.model_name
    return [
        (f"{name} edit", reverse("wagtailadmin_pages:edit", args=(page.pk,)), PAGE_EDITORS),
        (f"{name} history", reverse("wagtailadmin_pages:history", args=(page.pk,)), PAGE_EDITORS),
    ]


def build_rows():
    home = Site.objects.get(is_default_site=True).root_page
    board = first(OpportunityIndexPage)
    partners = first(PartnerIndexPage)
    interest = first(ExpressionOfInterest)
    assessment = SelfAssessment.objects.filter(status="submitted").order_by("pk").first()
    invitation = first(Invitation)
    publication = first(Publication)
    log = first(PersonalDataAccess)
    text = first(TextMessage)
    open_one = (
        OpportunityPage.objects.live()
        .filter(closes_at__gt=timezone.now(), places_filled=False)
        .order_by("pk")
        .first()
    )
    rows = [
        ("dashboard", reverse("wagtailadmin_home"), STAFF),
        # Editors and Moderators hold their page permissions on the home page (home
        # 0007): Root's explorer sends them on to it (tests/home/test_admin_landing.py).
        ("page explorer", reverse("wagtailadmin_explore", args=(home.pk,)), PAGE_EDITORS),
        (
            "add an opportunity",
            reverse("wagtailadmin_pages:add", args=("opportunities", "opportunitypage", board.pk)),
            PAGE_EDITORS,
        ),
        (
            "add a partner",
            reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partners.pk)),
            PAGE_EDITORS,
        ),
        ("page chooser", reverse("wagtailadmin_choose_page"), STAFF),
        # In-place changes to a live opportunity: those who may publish it.
        ("mark places filled", reverse("opportunities_mark_filled", args=(open_one.pk,)), {M, S}),
        ("close now", reverse("opportunities_close_now", args=(open_one.pk,)), {M, S}),
        (
            "mark filled (post)",
            reverse("opportunities_mark_filled", args=(open_one.pk,)),
            {M, S},
            "POST",
        ),
        (
            "close now (post)",
            reverse("opportunities_close_now", args=(open_one.pk,)),
            {M, S},
            "POST",
        ),
        # Settings
        ("site settings", setting(SiteSettings), {M, S}),
        ("navigation", setting(NavigationSettings), {M, S}),
        ("interest messages", setting(InterestMessages), {P, S}),
        ("closing reminder messages", setting(ClosingReminderMessages), {P, S}),
        ("alert messages", setting(AlertMessages), {P, S}),
        ("ladder settings", setting(LadderSettings), {L, S}),
        # The personal data log: superusers read it; nobody writes it.
        ("personal data log", reverse("personal_data_access:index"), {S}),
        ("personal data log add", reverse("personal_data_access:add"), NOBODY),
        ("personal data log inspect", reverse("personal_data_access:inspect", args=(log.pk,)), {S}),
        ("personal data log edit", reverse("personal_data_access:edit", args=(log.pk,)), NOBODY),
        (
            "personal data log delete",
            reverse("personal_data_access:delete", args=(log.pk,)),
            NOBODY,
        ),
        (
            "personal data log history",
            reverse("personal_data_access:history", args=(log.pk,)),
            NOBODY,
        ),
        ("personal data log usage", reverse("personal_data_access:usage", args=(log.pk,)), NOBODY),
        ("personal data request", reverse("personal_data_request"), {P, S}),
        # Text messages' record: superusers read where each stands; nobody writes it.
        ("text messages", reverse("text_messages:index"), {S}),
        ("text message add", reverse("text_messages:add"), NOBODY),
        ("text message edit", reverse("text_messages:edit", args=(text.pk,)), NOBODY),
        ("text message delete", reverse("text_messages:delete", args=(text.pk,)), NOBODY),
        ("text message history", reverse("text_messages:history", args=(text.pk,)), NOBODY),
        ("text message usage", reverse("text_messages:usage", args=(text.pk,)), NOBODY),
        # Expressions of interest: Personal data only; records come only from the form.
        ("interest list", reverse("expressions_of_interest:list"), {P, S}),
        ("interest export", reverse("expressions_of_interest:list") + "?export=csv", {P, S}),
        (
            "interest inspect",
            reverse("expressions_of_interest:inspect", args=(interest.pk,)),
            {P, S},
        ),
        ("interest edit", reverse("expressions_of_interest:edit", args=(interest.pk,)), {P, S}),
        (
            "interest history",
            reverse("expressions_of_interest:history", args=(interest.pk,)),
            {P, S},
        ),
        ("interest usage", reverse("expressions_of_interest:usage", args=(interest.pk,)), {P, S}),
        ("interest delete", reverse("expressions_of_interest:delete", args=(interest.pk,)), {P, S}),
        ("interest add", reverse("expressions_of_interest:add"), NOBODY),
        ("interest chooser", chooser(ExpressionOfInterest), {P, S}),
        # Benefit rules: editors keep them current each April.
        *snippet_rows(BenefitRule, {E, M, S}, add={E, M, S}),
        ("benefitrule chooser", chooser(BenefitRule), STAFF),
        # Ladder: rungs and questionnaire for Ladder managers.
        # An unused rung: a used one is never deleted, whoever asks.
        *snippet_rows(Rung, {L, S}, add={L, S}, obj=Rung.objects.get(level=99)),
        ("rung chooser", chooser(Rung), STAFF),
        *snippet_rows(Questionnaire, {L, S}, add={L, S}),
        ("questionnaire chooser", chooser(Questionnaire), STAFF),
        # Assessments: read by Ladder managers and Personal data (who also see contacts).
        ("selfassessment list", snippet(SelfAssessment, "list"), {L, P, S}),
        ("selfassessment export", snippet(SelfAssessment, "list") + "?export=csv", {L, P, S}),
        ("selfassessment inspect", snippet(SelfAssessment, "inspect", assessment.pk), {L, P, S}),
        # Results come only from the journey: nobody in a group adds, edits or deletes one.
        ("selfassessment add", snippet(SelfAssessment, "add"), {S}),
        ("selfassessment edit", snippet(SelfAssessment, "edit", assessment.pk), {S}),
        ("selfassessment delete", snippet(SelfAssessment, "delete", assessment.pk), {S}),
        ("selfassessment history", snippet(SelfAssessment, "history", assessment.pk), {S}),
        ("selfassessment usage", snippet(SelfAssessment, "usage", assessment.pk), {S}),
        # Choosers of records whose labels carry no personal data: any staff (Wagtail's rule).
        ("selfassessment chooser", chooser(SelfAssessment), STAFF),
        ("invitation chooser", chooser(Invitation), STAFF),
        ("publication chooser", chooser(Publication), STAFF),
        # Invitations: Ladder managers make them; Personal data may read them.
        ("invitation list", snippet(Invitation, "list"), {L, P, S}),
        ("invitation add", snippet(Invitation, "add"), {L, S}),
        ("invitation inspect", snippet(Invitation, "inspect", invitation.pk), {L, P, S}),
        ("invitation edit", snippet(Invitation, "edit", invitation.pk), {L, S}),
        ("invitation history", snippet(Invitation, "history", invitation.pk), {L, S}),
        ("invitation usage", snippet(Invitation, "usage", invitation.pk), {L, S}),
        ("invitation delete", snippet(Invitation, "delete", invitation.pk), {S}),
        ("invitation revoke", snippet(Invitation, "revoke", invitation.pk), {L, S}, "POST"),
        ("invitation resend", snippet(Invitation, "resend", invitation.pk), {L, S}, "POST"),
        # Publication requests: Moderators decide; Ladder managers may read.
        ("publication list", snippet(Publication, "list"), {M, L, S}),
        ("publication inspect", snippet(Publication, "inspect", publication.pk), {M, L, S}),
        ("publication add", snippet(Publication, "add"), NOBODY),
        ("publication delete", snippet(Publication, "delete", publication.pk), NOBODY),
        # History and usage ask for "change", which no one has on a request (decisions
        # are on its inspect page and in the site history report).
        ("publication history", snippet(Publication, "history", publication.pk), NOBODY),
        ("publication usage", snippet(Publication, "usage", publication.pk), NOBODY),
        ("publication edit", snippet(Publication, "edit", publication.pk), NOBODY),
        ("publication approve", snippet(Publication, "approve", publication.pk), {M, S}, "POST"),
        ("publication decline", snippet(Publication, "decline", publication.pk), {M, S}, "POST"),
        ("network report", reverse("ladder_network_report"), {M, L, S}),
        ("network report csv", reverse("ladder_network_report_csv"), {M, L, S}),
        # Wagtail's reports (each lists only what the person may see).
        ("site history report", reverse("wagtailadmin_reports:site_history"), STAFF),
        ("workflow report", reverse("wagtailadmin_reports:workflow"), PAGE_EDITORS),
        ("aging pages report", reverse("wagtailadmin_reports:aging_pages"), PAGE_EDITORS),
    ]
    for model in (Topic, Area, Sector, AccessSupport, SearchSynonym):
        rows += snippet_rows(model, {E, M, S}, add={E, M, S})
        rows.append((f"{model._meta.model_name} chooser", chooser(model), STAFF))
    for model in (
        first(StandardPage).get_parent().specific_class,
        StandardPage,
        OpportunityIndexPage,
        OpportunityPage,
        PartnerIndexPage,
        PartnerPage,
        LadderPage,
        SelfAssessmentPage,
    ):
        rows += page_rows(model)
    return rows


OUR_APPS = ("home", "partners", "ladder", "opportunities")
# Admin URL names of ours that need no row of their own, and why.
NOT_SCREENS = {
    # Fragments a covered screen loads into itself (same view class and permission).
    "list_results",
    "index_results",
    "history_results",
    "choose_results",
    "chosen",
    "chosen_multiple",
    "create",
    # Same permission as the screen they start from (add or edit).
    "copy",
    "reorder",
    "inspect_results",
    "unpublish",
    "revisions_revert",
    "revisions_compare",
    "revisions_unschedule",
    "preview_on_add",
    "preview_on_edit",
    "preview_on_create",
    "revisions_view",
}


def our_admin_url_names():
    """Every named admin URL our apps add: their viewsets' namespaces and hook views."""
    names = set()

    def ours(namespace, callback):
        module = getattr(getattr(callback, "view_class", callback), "__module__", "")
        if module.split(".")[0] in OUR_APPS:
            return True
        return any(
            namespace.startswith(f"wagtailsnippets_{app}_")
            or namespace.startswith(f"wagtailsnippetchoosers_{app}_")
            for app in OUR_APPS
        ) or namespace in {"expressions_of_interest", "personal_data_access", "text_messages"}

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif (
                isinstance(pattern, URLPattern)
                and pattern.name
                and ours(namespace, pattern.callback)
            ):
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    admin = next(p for p in get_resolver().url_patterns if str(p.pattern) == "admin/")
    walk(admin.url_patterns)
    return names


def rows_by_label(rows):
    return {row[0]: row[1] for row in rows}


def screens_without_a_row(rows):
    covered = {resolve(urlsplit(row[1]).path).view_name for row in rows}
    return sorted(
        name
        for name in our_admin_url_names() - covered
        if name.rsplit(":", 1)[-1] not in NOT_SCREENS
    )


@pytest.fixture
def people(django_user_model, demo_site):
    Rung.objects.create(level=99, name="Unused rung", short_description="Nothing uses it.")
    PersonalDataAccess.objects.create(username="someone", action="viewed", record_type="test")
    TextMessage.objects.create(kind="reminder", to="+447400123456")
    users = {}
    for column in COLUMNS:
        username = column.replace(" ", "-")
        if column == S:
            user = django_user_model.objects.create_superuser(
                username, f"{username}@example.org", "pw"
            )
        else:
            user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        if column not in {N, S}:
            user.groups.add(Group.objects.get(name=column))
        users[column] = user
    return users


@pytest.mark.django_db
def test_role_matrix(client, people):
    rows = build_rows()
    publication, invitation = first(Publication), first(Invitation)
    open_one = OpportunityPage.objects.get(
        pk=resolve(rows_by_label(rows)["close now"]).kwargs["page_id"]
    )
    missing = screens_without_a_row(rows)
    assert not missing, f"Admin screens with no row in the role matrix: {missing}"
    # A server error is an answer too (a 500 is neither a page nor a refusal).
    client.raise_request_exception = False
    mismatches = []
    observed = []
    for column in COLUMNS:
        client.force_login(people[column])
        for label, url, allowed, *method in rows:
            post = method == ["POST"]
            if post and column in allowed:
                continue  # the action itself is tested with its app; here only refusals
            got = answer(client, url, post=post)
            expected = "ok" if column in allowed else "refused"
            observed.append(f"{label:32} {column:16} {got}")
            if got != expected:
                mismatches.append(f"{label} as {column}: expected {expected}, got {got} ({url})")
    print("\n".join(observed))
    # Refused actions changed nothing.
    assert Publication.objects.get(pk=publication.pk).status == publication.status
    assert Invitation.objects.get(pk=invitation.pk).revoked_at == invitation.revoked_at
    assert OpportunityPage.objects.get(pk=open_one.pk).is_open
    assert not OpportunityPage.objects.get(pk=open_one.pk).places_filled
    assert not mismatches, f"{len(mismatches)} answers differ:\n" + "\n".join(mismatches)
