"""The headers every response carries: a Content Security Policy chosen by
path (strict on public pages, stated plainly in the admin), Permissions-Policy,
Cross-Origin-Resource-Policy, and cookies that do not outlive their use."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.responses import policy


@pytest.mark.django_db
def test_public_pages_have_a_strict_policy_without_inline_code_or_nonces(client, home_page):
    response = client.get(home_page.url)

    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    # Nonce-free, so the cached page is right for every visitor.
    assert "nonce-" not in header
    assert "Content-Security-Policy-Report-Only" not in response
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_not_found_pages_have_the_public_policy(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert policy(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_policy_allows_inline_scripts_and_styles_and_nothing_else_loose(
    editor_client,
):
    response = editor_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["img-src"] == ["'self'", "data:", "blob:"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_sign_in_page_has_the_admin_policy(client):
    response = client.get(reverse("wagtailadmin_login"))

    assert policy(response)["script-src"] == ["'self'", "'unsafe-inline'"]


@pytest.mark.django_db
def test_only_wagtails_preview_may_be_framed_and_only_by_the_site(moderator_client, home_page):
    add_url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["home", "standardpage", home_page.pk]
    )
    form = nested_form_data(
        {
            "title": "Paying people",
            "slug": "paying-people",
            "introduction": "How we pay.",
            "body": streamfield([("rich_text", rich_text("<p>On the day.</p>"))]),
        }
    )
    assert moderator_client.post(preview_url, data=form).json()["is_valid"]

    preview = moderator_client.get(preview_url, {"mode": ""})

    assert preview.status_code == 200
    assert b"On the day." in preview.content
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # The public policy, as the page will have once published.
    assert policy(preview)["script-src"] == ["'self'"]
    assert policy(preview)["frame-ancestors"] == ["'self'"]
    # The editor around it may not be framed.
    editor = moderator_client.get(add_url)
    assert editor["X-Frame-Options"] == "DENY"
    assert policy(editor)["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_report_only_switch_sends_the_same_policy_as_a_report(client, home_page, settings):
    settings.CONTENT_SECURITY_POLICY_ENFORCED = False
    settings.CONTENT_SECURITY_POLICY_REPORT_URI = "https://reports.example.org/csp"

    response = client.get(home_page.url)

    assert "Content-Security-Policy" not in response
    csp = policy(response, "Content-Security-Policy-Report-Only")
    assert csp["script-src"] == ["'self'"]
    assert csp["report-uri"] == ["https://reports.example.org/csp"]


def test_report_only_is_read_from_the_environment(monkeypatch):
    import importlib

    from config.settings import security

    monkeypatch.setenv("CSP_REPORT_ONLY", "true")
    assert importlib.reload(security).CONTENT_SECURITY_POLICY_ENFORCED is False
    monkeypatch.delenv("CSP_REPORT_ONLY")
    assert importlib.reload(security).CONTENT_SECURITY_POLICY_ENFORCED is True


def test_static_files_and_uploads_from_another_origin_are_allowed_for_what_they_are(
    monkeypatch,
):
    import importlib

    from config.settings import base

    monkeypatch.setenv("MEDIA_URL", "https://media.example.org/uploads/")
    reloaded = importlib.reload(base)
    try:
        public = reloaded.CONTENT_SECURITY_POLICY_PUBLIC
        assert "https://media.example.org" in public["img-src"]
        # Uploads are images, never scripts or styles.
        assert "https://media.example.org" not in public["script-src"]
        assert "https://media.example.org" not in public["style-src"]
    finally:
        monkeypatch.delenv("MEDIA_URL")
        importlib.reload(base)


@pytest.mark.django_db
def test_django_csp_view_decorators_still_refine_the_chosen_policy(rf, settings):
    from csp.decorators import csp_update
    from django.http import HttpResponse

    from home.security.content_policy import ContentSecurityPolicyMiddleware

    @csp_update({"img-src": "data:"})
    def view(request):
        return HttpResponse("ok")

    response = ContentSecurityPolicyMiddleware(view)(rf.get("/a-public-view/"))

    assert policy(response)["img-src"] == ["'self'", "data:"]
    assert policy(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_permissions_policy_denies_features_the_site_never_uses(client, home_page):
    response = client.get(home_page.url)

    features = dict(
        item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.django_db
def test_csrf_cookie_ends_with_the_browser_session(client, home_page):
    client.get(reverse("wagtailadmin_login"))

    cookie = client.cookies["csrftoken"]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]


@pytest.mark.django_db
def test_security_txt_names_the_contact_from_settings(client, settings):
    settings.SECURITY_CONTACT = "security@copro.example.org"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@copro.example.org"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    assert fields["Expires"].endswith("Z")


@pytest.mark.django_db
def test_security_txt_falls_back_to_the_sites_sender_address(client, settings):
    settings.SECURITY_CONTACT = ""
    settings.DEFAULT_FROM_EMAIL = "Co-pro Network <hello@copro.example.org>"

    body = client.get("/.well-known/security.txt").content.decode()

    assert "Contact: mailto:hello@copro.example.org\n" in body


@pytest.mark.django_db
def test_security_txt_keeps_a_web_address_contact_as_it_is(client, settings):
    settings.SECURITY_CONTACT = "https://copro.example.org/report-a-vulnerability/"

    body = Client().get("/.well-known/security.txt").content.decode()

    assert "Contact: https://copro.example.org/report-a-vulnerability/\n" in body
