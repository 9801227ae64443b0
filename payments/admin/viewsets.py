"""Payments and participants' answers in the admin, for the Personal data group only.

ORM search (the models are not indexed): nothing personal goes into the
search index. Exports are recorded in the personal data access log.
"""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from payments.admin.forms import PaymentForm
from payments.definitions import DEFINITIONS
from payments.models.feedback import Feedback
from payments.models.payment import Payment
from privacy.exports import RecordedExportMixin

DEFINITIONS_HTML = "".join(f"<p><strong>{term}</strong>: {text}</p>" for term, text in DEFINITIONS)


class PaymentIndexView(RecordedExportMixin, IndexView):
    pass


class PaymentViewSet(SnippetViewSet):
    model = Payment
    icon = "tick"
    menu_label = "Payments"
    url_prefix = "payments"
    admin_url_namespace = "payments"
    index_view_class = PaymentIndexView
    copy_view_enabled = False
    list_display = [
        "reference",
        Column("interest", label="Person (reference)", accessor="interest.reference"),
        Column("opportunity", label="Opportunity", accessor="interest.opportunity_title"),
        Column("kind", label="For", accessor="get_kind_display"),
        "amount_due",
        Column("state", label="State", accessor="get_state_display", sort_key="state"),
        Column("due_date", label="Due"),
        Column("paid_on", label="Paid on", sort_key="paid_on"),
    ]
    list_filter = ["state", "kind", "payer", "interest__opportunity"]
    search_fields = ["reference", "interest__reference", "interest__opportunity_title"]
    ordering = ["-created_at"]
    list_export = [
        "reference",
        "kind",
        "amount_due",
        "payer",
        "state",
        "receipt_date",
        "paid_on",
        "paid_how",
    ]
    export_filename = "payments"
    edit_handler = ObjectList(
        [
            HelpPanel(content=DEFINITIONS_HTML, heading="How payment figures are worked out"),
            FieldPanel("interest"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("amount_due"), FieldPanel("payer")]),
            FieldPanel("sessions_attended"),
            MultiFieldPanel(
                [
                    FieldPanel("state"),
                    FieldRowPanel(
                        [FieldPanel("paid_on"), FieldPanel("paid_how"), FieldPanel("receipt_date")]
                    ),
                ],
                heading="Paid",
            ),
        ],
        base_form_class=PaymentForm,
    )

    def get_queryset(self, request):
        return Payment.objects.for_rules()


class FeedbackViewSet(SnippetViewSet):
    model = Feedback
    icon = "comment"
    menu_label = "What participants said"
    url_prefix = "participant-feedback"
    admin_url_namespace = "participant_feedback"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "reference",
        Column("opportunity", label="Opportunity", accessor="interest.opportunity_title"),
        Column("been_paid", label="Paid?", accessor="get_been_paid_display"),
        Column("answered_at", label="Answered", sort_key="answered_at"),
        Column("asked_again_at", label="Asked again"),
    ]
    list_filter = ["been_paid", "listened_to", "may_quote"]
    search_fields = ["reference", "interest__opportunity_title"]
    ordering = ["-asked_at"]


class PaymentsGroup(SnippetViewSetGroup):
    items = (PaymentViewSet, FeedbackViewSet)
    menu_icon = "tick"
    menu_label = "Payments"
    menu_name = "payments"
    menu_order = 260
