"""The admin's bulk tools for payments: "mark paid" for a session, and the
import of a finance export with a preview. Personal data group only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from opportunities.models.sessions import OpportunitySession
from payments import recording
from payments.admin.permissions import may_record_payments
from payments.choices import PaidHow, PaymentKind

KIND_CHOICES = [("", "Fees and expenses"), *PaymentKind.choices]


class MarkPaidForm(forms.Form):
    session = forms.ModelChoiceField(
        queryset=OpportunitySession.objects.none(),
        help_text="Everyone recorded as coming to this session, with a payment still due.",
        error_messages={"required": "Choose a session", "invalid_choice": "Choose a session"},
    )
    kind = forms.ChoiceField(label="What was paid", choices=KIND_CHOICES, required=False)
    paid_on = forms.DateField(
        label="Paid on",
        help_text="For example 2026-03-31.",
        error_messages={"required": "Enter the date", "invalid": "Enter a real date"},
    )
    paid_how = forms.ChoiceField(label="Paid by", choices=PaidHow.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = (
            OpportunitySession.objects.filter(page__expressions_of_interest__payments__isnull=False)
            .select_related("page")
            .distinct()
            .order_by("-date")
        )
        self.fields["session"].label_from_instance = lambda s: f"{s.page.title}: {s.describe()}"

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future")
        return paid_on


def mark_paid_view(request):
    if not may_record_payments(request.user):
        raise PermissionDenied
    form = MarkPaidForm(request.POST or None, initial={"paid_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        count = recording.mark_paid(
            recording.due_at_session(data["session"], data["kind"]),
            data["paid_on"],
            data["paid_how"],
            user=request.user,
        )
        messages.success(request, f"Marked {count} payment{'s' if count != 1 else ''} paid.")
        return redirect("payments:list")
    return TemplateResponse(
        request,
        "components/payments/admin/mark_paid.html",
        {"form": form, "page_title": "Mark paid for a session", "header_icon": "tick"},
        status=400 if form.errors else 200,
    )


class ImportForm(forms.Form):
    export = forms.FileField(
        label="Finance export (CSV)",
        required=False,
        help_text="Three columns: our payment reference, the amount, the date paid.",
    )
    text = forms.CharField(widget=forms.HiddenInput, required=False)
    paid_how = forms.ChoiceField(label="Paid by", choices=PaidHow.choices)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("export")
        if upload:
            try:
                cleaned["text"] = upload.read(1_000_000).decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error("export", "This file is not a CSV file saved as text (UTF-8)")
        elif not cleaned.get("text"):
            self.add_error("export", "Choose the CSV file to import")
        return cleaned


def import_view(request):
    """Upload, see every row with its error beside it, then save the good rows."""
    if not may_record_payments(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    rows = None
    if request.method == "POST" and form.is_valid():
        rows = recording.read_export(form.cleaned_data["text"])
        if request.POST.get("confirm") and not request.FILES:
            saved = recording.save_import(rows, form.cleaned_data["paid_how"], user=request.user)
            refused = sum(1 for row in rows if row.error)
            messages.success(request, f"Saved {saved} payments. {refused} rows were refused.")
            return redirect("payments:list")
    return TemplateResponse(
        request,
        "components/payments/admin/import.html",
        {
            "form": form,
            "rows": rows,
            "good": sum(1 for row in rows or [] if not row.error),
            "text": form.cleaned_data.get("text", "") if form.is_bound and rows else "",
            "page_title": "Import payments",
            "header_icon": "download",
        },
        status=400 if form.errors else 200,
    )


def admin_urls():
    return [
        path("payments/mark-paid/", mark_paid_view, name="payments_mark_paid"),
        path("payments/import/", import_view, name="payments_import"),
    ]
