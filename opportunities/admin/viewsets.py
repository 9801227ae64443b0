"""The snippet viewsets: benefit rules, and expressions of interest for the
Personal data group only.

Every URL (listing, inspect, edit, delete, history, usage, export, chooser)
goes through ``opportunities.admin.permissions.interest_policy``: the model's
permissions and the personal-data permission, which only the Personal data
group and superusers hold. Opening a record and exporting are recorded in the
personal data access log. Searching uses the database (ORM), never the
search index, so no personal data is copied into it.
"""

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from opportunities.admin.views import (
    InterestEditView,
    InterestIndexView,
    InterestInspectView,
    ProtectedChooseResultsView,
    ProtectedChooseView,
    ProtectedChosenMultipleView,
    ProtectedChosenView,
)
from opportunities.models.benefits import BenefitRule
from opportunities.models.interest import ExpressionOfInterest


class BenefitRuleViewSet(SnippetViewSet):
    model = BenefitRule
    icon = "info-circle"
    menu_label = "Benefit rules"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["benefit", "valid_from", "weekly_earnings_limit", "weekly_hours_limit"]
    list_filter = ["benefit"]
    search_fields = ["note", "what_counts"]
    ordering = ["benefit", "-valid_from"]


class InterestChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    """Wagtail's snippet choosers only ask for admin access; these records need more."""

    choose_view_class = ProtectedChooseView
    choose_results_view_class = ProtectedChooseResultsView
    chosen_view_class = ProtectedChosenView
    chosen_multiple_view_class = ProtectedChosenMultipleView


class ExpressionOfInterestViewSet(SnippetViewSet):
    model = ExpressionOfInterest
    icon = "user"
    menu_label = "Expressions of interest"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "expressions-of-interest"
    admin_url_namespace = "expressions_of_interest"
    index_view_class = InterestIndexView
    inspect_view_class = InterestInspectView
    edit_view_class = InterestEditView
    chooser_viewset_class = InterestChooserViewSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "reference",
        "opportunity_title",
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        Column("contact_wishes_summary", label="Contact"),
        Column("created_at", label="Sent", sort_key="created_at"),
        Column("message_sent_for", label="Message sent"),
    ]
    list_filter = ["opportunity", "status", "created_at", "wants_outcome"]
    # ORM search (the model is not indexed): nothing personal goes into the search index.
    search_fields = ["reference", "name", "contact_email", "contact_phone", "opportunity_title"]
    ordering = ["-created_at"]
    list_export = [
        "reference",
        "opportunity_title",
        "status",
        "created_at",
        "name",
        "on_behalf_of_name",
        "contact_email",
        "email_ok",
        "email_safe",
        "contact_phone",
        "text_ok",
        "text_safe",
        "call_ok",
        "call_safe",
        "support_worker",
        "support_worker_ok",
        "support_worker_safe",
        "access_needs",
        "anything_else",
        "wants_outcome",
        "editor_note",
        "message_sent_for",
    ]
    export_filename = "expressions-of-interest"
    inspect_view_fields = [
        "reference",
        "opportunity",
        "opportunity_title",
        "created_at",
        "status",
        "status_changed_at",
        "name",
        "on_behalf_of",
        "on_behalf_of_name",
        "contact_email",
        "email_ok",
        "email_safe",
        "contact_phone",
        "text_ok",
        "text_safe",
        "call_ok",
        "call_safe",
        "support_worker",
        "support_worker_ok",
        "support_worker_safe",
        "access_needs",
        "anything_else",
        "wants_outcome",
        "editor_note",
        "message_sent_for",
        "message_sent_at",
        "outcome_notice_sent_at",
        "token_expires_at",
    ]
    panels = [
        HelpPanel(
            content=(
                "<p>Selected people count towards the opportunity's places. To email the "
                "status message, use 'Change status' on the list (tick the people first).</p>"
                "<p>Contact people only in the ways they allowed. Where a way is marked "
                "'private', someone else may see or hear it: say nothing about the "
                "opportunity unless you are sure you are speaking to the person.</p>"
            )
        ),
        FieldPanel("status"),
        FieldPanel("editor_note"),
        MultiFieldPanel(
            [
                FieldPanel(name)
                for name in (
                    "contact_email",
                    "email_ok",
                    "email_safe",
                    "contact_phone",
                    "text_ok",
                    "text_safe",
                    "call_ok",
                    "call_safe",
                    "support_worker",
                    "support_worker_ok",
                    "support_worker_safe",
                )
            ],
            heading="Contact wishes (change them only when the person asks)",
            classname="collapsed",
        ),
    ]
