"""The admin's "Personal data request" screen: answer a subject-access or
erasure request for an email address or phone number (the engine is
``privacy.subject_requests``, shared with ``manage.py personal_data_request``)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.admin.menu import MenuItem

from privacy import subject_requests
from privacy.models import PersonalDataAccess
from privacy.permissions import can_see_personal_data


class PersonalDataRequestForm(forms.Form):
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", required=False, max_length=40)

    def clean(self):
        data = super().clean()
        if not data.get("email") and not (data.get("phone") or "").strip():
            raise forms.ValidationError("Give an email address or a phone number (or both).")
        return data


@sensitive_post_parameters()
def personal_data_request_view(request):
    """Find everything held for an email or phone; download it; erase it."""
    if not can_see_personal_data(request.user):
        raise PermissionDenied
    form = PersonalDataRequestForm(request.POST or None)
    matches = None
    if request.method == "POST" and form.is_valid():
        email, phone = form.cleaned_data["email"], form.cleaned_data["phone"]
        matches = subject_requests.find(email=email, phone=phone)
        action = request.POST.get("action", "search")
        if action == "export":
            subject_requests.record_request(
                request.user, PersonalDataAccess.Action.EXPORTED, matches
            )
            response = HttpResponse(
                subject_requests.export(matches), content_type="application/json; charset=utf-8"
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            response["Cache-Control"] = "no-store"
            return response
        if action == "erase":
            if request.POST.get("confirm") != "yes":
                messages.error(request, "Tick the box to confirm before erasing.")
            else:
                erased = subject_requests.erase(matches)
                subject_requests.record_request(
                    request.user,
                    PersonalDataAccess.Action.ERASED,
                    matches,
                    detail=f"{erased} erased",
                )
                messages.success(request, f"Erased {erased} record(s).")
                matches = subject_requests.find(email=email, phone=phone)
        else:
            subject_requests.record_request(
                request.user, PersonalDataAccess.Action.SEARCHED, matches
            )
    response = TemplateResponse(
        request,
        "components/privacy/admin/personal_data_request.html",
        {"form": form, "matches": matches, "header_icon": "user"},
    )
    response["Cache-Control"] = "no-store"
    return response


def personal_data_request_urls():
    return [
        path(
            "personal-data-request/",
            personal_data_request_view,
            name="personal_data_request",
        )
    ]


class PersonalDataRequestMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_personal_data(request.user)


def personal_data_request_menu_item():
    return PersonalDataRequestMenuItem(
        "Personal data request",
        reverse("personal_data_request"),
        icon_name="user",
        order=900,
    )
