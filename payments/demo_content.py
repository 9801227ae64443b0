"""Demo payments and participants' answers: one partner with a good record
(Hearthway Homes pays on the day and people felt listened to), one with a
poor one (Brookmere Mental Health Trust pays weeks late), and one with too
few people for any figure (Salt Street Women's Centre). Every name is
invented and every address is on example.org."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from home.private_links import expiry, new_reference
from opportunities.models import ExpressionOfInterest, OpportunityPage
from payments.models import Feedback, Payment

# opportunity slug, days each person waited to be paid (None: not paid yet),
# their answers (been paid, listened to, told what changed), one per person
GOOD = (
    "hostel-rules-review",
    [0, 0, 0, 0, 1, 0, 0, 2],
    [("yes", "yes", "yes")] * 6 + [("yes", "partly", "yes"), ("yes", "yes", "too_early")],
)
POOR = (
    "mental-health-letters",
    [21, 28, 35, 30, 42, None, None],
    [("not_yet", "partly", "no")] * 2 + [("part", "no", "no")] * 3 + [("yes", "partly", "no")],
)
TOO_FEW = ("womens-centre-evaluation", [2, 3, 1], [("yes", "yes", "too_early")] * 2)
FEE = {"hostel-rules-review": "45.00", "mental-health-letters": "60.00"}


def load(stdout):
    made = 0
    for slug, waits, answers in (GOOD, POOR, TOO_FEW):
        page = OpportunityPage.objects.filter(slug=slug).first()
        if page is None or Payment.objects.filter(interest__opportunity=page).exists():
            continue
        dates = sorted(session.date for session in page.sessions.all())
        if not dates or dates[-1] >= timezone.localdate():
            continue
        for number, wait in enumerate(waits):
            record = ExpressionOfInterest(
                opportunity=page,
                opportunity_title=page.title,
                reference=new_reference(),
                name=f"Demo Participant {number + 1}",
                contact_email=f"participant{number + 1}.{slug}@example.org",
                email_ok=True,
                email_safe=True,
                consent=True,
                status="selected",
                token_expires_at=expiry(30),
            )
            record.issue_link()
            record.save()
            Payment.objects.create(
                interest=record,
                amount_due=FEE.get(slug, "30.00"),
                paid_on=None if wait is None else dates[-1] + timedelta(days=wait),
                paid_how="bank_transfer" if wait is not None else "",
            )
            feedback = Feedback(
                interest=record,
                reference=record.reference,
                asked_at=timezone.make_aware(
                    datetime.combine(dates[-1] + timedelta(days=1), time(10))
                ),
            )
            if number < len(answers):
                paid, listened, told = answers[number]
                feedback.been_paid, feedback.listened_to, feedback.told_what_changed = (
                    paid,
                    listened,
                    told,
                )
                feedback.consent = True
                feedback.answered_at = feedback.asked_at + timedelta(days=2)
            feedback.issue_link()
            feedback.save()
            made += 1
    stdout.write(f"Demo payments and answers ready ({made} new people).")
