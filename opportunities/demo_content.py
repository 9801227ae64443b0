"""Demo opportunities: about 25, across topics, formats, pay units and partners,
open and closed, some with what changed, one volunteering.

Idempotent: each page is found by its slug before it is made. Partners and
rungs are looked up by slug and level, and skipped when they do not exist,
so this works whatever the other apps' demo content holds. Dates are set
relative to the day the demo is loaded.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.rich_text import RichText

from home.demo_content import home_page
from home.models import AccessSupport, Area, Topic
from ladder.models import Rung
from opportunities import demo_interest, payment
from opportunities.models import OpportunityIndexPage, OpportunityPage, OpportunitySession
from opportunities.sessions import dates_from_pattern
from partners.models import PartnerPage

# Each row: slug, title, partner slug (None: us), topics, format, area, venue,
# (start in days, end in days or None), hours per session, sessions, frequency,
# closes in days, (amount, unit), payment method, paid within days, access,
# rung level, outcome, extras.
OPPORTUNITIES = [
    {
        "slug": "hardship-fund-panel",
        "title": "Decide how the hardship fund is spent",
        "partner": "castlebrook-council",
        "topics": ["Money and benefits"],
        "format": "in_person",
        "area": "Greater Manchester",
        "venue": "Castlebrook Town Hall, Market Street",
        "dates": (30, 180),
        "hours": "3",
        "sessions": 6,
        "frequency": "monthly",
        "closes": 21,
        "pay": ("25.00", "hour"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["Step-free venue", "Food provided", "Travel paid in advance", "Hearing loop"],
        "rung": 7,
        "summary": "Join the panel that decides who gets help from the council's hardship fund. Your vote counts the same as the councillors'.",
        "who": "People who have struggled to pay for food, heating or rent in Castlebrook in the last three years.",
        "places": 8,
    },
    {
        "slug": "benefit-letters-review",
        "title": "Rewrite the council's benefit letters",
        "partner": "castlebrook-council",
        "topics": ["Money and benefits"],
        "format": "hybrid",
        "area": "Greater Manchester",
        "venue": "Castlebrook Library, or online",
        "dates": (14, 14),
        "hours": "2.5",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 5,
        "pay": ("40.00", "session"),
        "method": "choice",
        "within": 0,
        "access": ["Easy read information", "Quiet room", "Large print"],
        "rung": 5,
        "summary": "Read the letters the council sends about benefits and help rewrite them so they make sense and don't frighten people.",
        "who": "Anyone who has had a letter about Housing Benefit or Council Tax Support.",
    },
    {
        "slug": "crisis-care-redesign",
        "title": "Redesign crisis mental health care",
        "partner": "brookmere-mental-health-trust",
        "topics": ["Mental health"],
        "format": "in_person",
        "area": "Merseyside",
        "venue": "The Mersey Room, Brookmere Hospital",
        "dates": (20, 110),
        "hours": "4",
        "sessions": 8,
        "frequency": "fortnightly",
        "closes": 12,
        "pay": ("110.00", "day"),
        "method": "bank_transfer",
        "within": 10,
        "access": ["Quiet room", "Food provided", "Support worker welcome", "Step-free venue"],
        "rung": 6,
        "summary": "Work alongside nurses and managers to redesign what happens when someone in crisis calls for help.",
        "who": "People who have used crisis mental health services in Merseyside or Lancashire.",
        "places": 10,
    },
    {
        "slug": "ward-rules-consultation",
        "title": "Tell us about rules on mental health wards",
        "partner": "brookmere-mental-health-trust",
        "topics": ["Mental health"],
        "format": "phone",
        "area": None,
        "venue": "A phone call at a time that suits you",
        "dates": (7, None),
        "hours": "1",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 3,
        "pay": ("20.00", "hour"),
        "method": "voucher",
        "within": 14,
        "access": ["Easy read information"],
        "rung": 3,
        "summary": "A one-hour phone conversation about which ward rules help and which get in the way.",
        "who": "People who have stayed on a mental health ward in the last five years.",
    },
    {
        "slug": "peer-researchers-housing",
        "title": "Paid peer researchers: young people and housing",
        "partner": "calder-valley-university",
        "topics": ["Research", "Housing and homelessness", "Care experience"],
        "format": "in_person",
        "area": "West Yorkshire",
        "venue": "Calder Valley University, Leeds campus",
        "dates": (35, 200),
        "hours": "6",
        "sessions": 20,
        "frequency": "weekly",
        "closes": 28,
        "pay": ("2400.00", "fixed"),
        "method": "bank_transfer",
        "within": 14,
        "access": ["Travel paid in advance", "Childcare paid", "Step-free venue"],
        "rung": 7,
        "summary": "Be trained and paid as a researcher. Shape the questions, run interviews and write up what you find.",
        "who": "Young people aged 18 to 25 who have been homeless or in care in West Yorkshire.",
        "places": 6,
        "preparation_paid": True,
    },
    {
        "slug": "research-advisory-group",
        "title": "Join a research advisory group on disability and work",
        "partner": "calder-valley-university",
        "topics": ["Research", "Disability and access"],
        "format": "online",
        "area": "Anywhere in the UK",
        "venue": "Zoom (link sent before)",
        "dates": (40, 400),
        "hours": "2",
        "sessions": 4,
        "frequency": "flexible",
        "closes": 45,
        "pay": ("30.00", "session"),
        "method": "choice",
        "within": 14,
        "access": ["BSL interpreter", "Easy read information", "Large print"],
        "rung": 5,
        "summary": "Meet four times over a year to guide a study of what helps disabled people find and keep work.",
        "who": "Disabled people who have looked for work in the last three years.",
        "preparation_paid": True,
    },
    {
        "slug": "tenant-scrutiny-panel",
        "title": "Tenant scrutiny panel",
        "partner": "hearthway-homes",
        "topics": ["Housing and homelessness"],
        "format": "in_person",
        "area": "Lancashire",
        "venue": "Hearthway House, Preston",
        "dates": (18, 200),
        "hours": "2",
        "sessions": 12,
        "frequency": "monthly",
        "starts": "18:00",
        "closes": 10,
        "pay": ("15.00", "hour"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["Step-free venue", "Travel paid in advance", "Food provided"],
        "rung": 6,
        "summary": "Check how Hearthway deals with repairs and complaints, and tell the board what must change.",
        "who": "Hearthway tenants, or people who have lived in social housing in Lancashire.",
    },
    {
        "slug": "damp-and-mould-stories",
        "title": "Share your experience of damp and mould",
        "partner": "hearthway-homes",
        "topics": ["Housing and homelessness"],
        "format": "online",
        "area": None,
        "venue": "Online, with a phone option",
        "dates": (10, 10),
        "hours": "1.5",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 6,
        "pay": ("20.00", "fixed"),
        "method": "voucher",
        "within": 5,
        "access": ["Easy read information"],
        "rung": 2,
        "summary": "A 90-minute online group about living with damp and mould, and how landlords responded.",
        "who": "Anyone who has rented a home with damp or mould in the last two years.",
    },
    {
        "slug": "recovery-cafe-design",
        "title": "Design a recovery café",
        "partner": "open-door-recovery",
        "topics": ["Drugs and alcohol"],
        "format": "in_person",
        "area": "Merseyside",
        "venue": "Open Door, Bold Street, Liverpool",
        "dates": (25, 80),
        "hours": "3",
        "sessions": 5,
        "frequency": "fortnightly",
        "closes": 16,
        "pay": ("45.00", "session"),
        "method": "cash",
        "within": 0,
        "access": ["Food provided", "Quiet room", "Support worker welcome"],
        "rung": 8,
        "summary": "People in recovery lead the design of a new café: what it serves, who works there and how it runs.",
        "who": "People in recovery from drug or alcohol use.",
        "places": 12,
    },
    {
        "slug": "treatment-service-feedback",
        "title": "Feedback on drug and alcohol treatment",
        "partner": "open-door-recovery",
        "topics": ["Drugs and alcohol"],
        "format": "hybrid",
        "area": "Merseyside",
        "venue": "Open Door, or online",
        "dates": (9, 9),
        "hours": "2",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 4,
        "pay": ("13.45", "hour"),
        "method": "cash",
        "within": 0,
        "access": ["Food provided"],
        "rung": 3,
        "summary": "Tell commissioners what works and what doesn't in local treatment services.",
        "who": "Anyone who has used drug or alcohol services in Liverpool.",
    },
    {
        "slug": "grants-panel-young-people",
        "title": "Young people's grants panel",
        "partner": "kinder-futures-trust",
        "topics": ["Care experience"],
        "format": "hybrid",
        "area": "London",
        "venue": "Kinder Futures Trust, Southwark, or online",
        "dates": (30, 120),
        "hours": "5",
        "sessions": 4,
        "frequency": "monthly",
        "closes": 20,
        "pay": ("150.00", "day"),
        "method": "bank_transfer",
        "within": 10,
        "access": ["Travel paid in advance", "Food provided", "Childcare paid"],
        "rung": 8,
        "summary": "Decide which youth projects the trust funds. Young people hold the majority of votes.",
        "who": "Care-experienced young people aged 16 to 25 in London.",
        "places": 7,
        "preparation_paid": True,
    },
    {
        "slug": "funder-reporting-rethink",
        "title": "Rethink what funders ask charities to report",
        "partner": "kinder-futures-trust",
        "topics": ["Research"],
        "format": "online",
        "area": "Anywhere in the UK",
        "venue": "Microsoft Teams",
        "dates": (15, 15),
        "hours": "2",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 9,
        "pay": ("50.00", "fixed"),
        "method": "bank_transfer",
        "within": 14,
        "access": ["BSL interpreter"],
        "rung": 4,
        "summary": "Help the trust cut the forms it asks for, so small community groups can apply.",
        "who": "People who have run or volunteered for a small community group.",
    },
    {
        "slug": "safe-spaces-review",
        "title": "Make our women's centre safer",
        "partner": "salt-street-womens-centre",
        "topics": ["Domestic abuse"],
        "format": "in_person",
        "area": "West Yorkshire",
        "venue": "Women's Centre, Bradford (address given to people selected)",
        "dates": (12, 40),
        "hours": "2",
        "sessions": 3,
        "frequency": "weekly",
        "closes": 7,
        "pay": ("18.00", "hour"),
        "method": "choice",
        "within": 3,
        "access": ["Childcare paid", "Quiet room", "Food provided", "Step-free venue"],
        "rung": 6,
        "summary": "A women-only group to review how the centre welcomes people and keeps them safe.",
        "who": "Women who have experienced domestic abuse.",
        "places": 8,
    },
    {
        "slug": "courts-waiting-rooms",
        "title": "What it's like to wait at court",
        "partner": "three-rivers-justice-partnership",
        "topics": ["Criminal justice"],
        "format": "in_person",
        "area": "Lancashire",
        "venue": "Three Rivers Justice Centre, Blackburn",
        "dates": (22, 22),
        "hours": "3",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 14,
        "pay": ("60.00", "session"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["Travel paid in advance", "Food provided", "Hearing loop"],
        "rung": 4,
        "summary": "Walk through the court building with staff and say what would make waiting less frightening.",
        "who": "People who have been to court as a defendant, victim or witness.",
    },
    {
        "slug": "probation-induction",
        "title": "Co-design the first probation meeting",
        "partner": "three-rivers-justice-partnership",
        "topics": ["Criminal justice"],
        "format": "hybrid",
        "area": "Lancashire",
        "venue": "Probation office, Preston, or online",
        "dates": (28, 70),
        "hours": "2.5",
        "sessions": 4,
        "frequency": "fortnightly",
        "closes": 18,
        "pay": ("16.00", "hour"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["Travel paid in advance", "Quiet room"],
        "rung": 6,
        "summary": "Design, with probation officers, what the first meeting after prison should feel like.",
        "who": "People who have been on probation after prison.",
        "places": 6,
    },
    {
        "slug": "gp-access-for-deaf-patients",
        "title": "GP access for Deaf patients",
        "partner": "westbank-community-health",
        "topics": ["Disability and access"],
        "format": "in_person",
        "area": "London",
        "venue": "Westbank Health Centre, Lambeth",
        "dates": (16, 16),
        "hours": "2",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 8,
        "pay": ("30.00", "hour"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["BSL interpreter", "Step-free venue", "Travel paid in advance"],
        "rung": 5,
        "summary": "Show us how booking a GP appointment goes wrong for Deaf people, and test our fixes.",
        "who": "Deaf BSL users who live in south London.",
    },
    {
        "slug": "interpreters-for-asylum-health",
        "title": "Health appointments for people seeking asylum",
        "partner": "westbank-community-health",
        "topics": ["Migration and asylum"],
        "format": "phone",
        "area": None,
        "venue": "Phone call with an interpreter",
        "dates": (11, None),
        "hours": "1",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 11,
        "pay": ("25.00", "fixed"),
        "method": "voucher",
        "within": 7,
        "access": ["Easy read information"],
        "rung": 3,
        "summary": "A phone conversation, with an interpreter, about getting health care while seeking asylum.",
        "who": "People who have sought asylum in the UK in the last five years.",
    },
    {
        "slug": "leaving-care-guide",
        "title": "Write the leaving care guide",
        "partner": "moorside-care-leavers-forum",
        "topics": ["Care experience"],
        "format": "online",
        "area": None,
        "venue": "Online, in the evenings",
        "dates": (19, 60),
        "hours": None,
        "sessions": None,
        "frequency": "flexible",
        "closes": 24,
        "pay": ("200.00", "fixed"),
        "method": "bank_transfer",
        "within": 14,
        "access": ["Easy read information"],
        "rung": 7,
        "summary": "Write the guide you wish you'd had when you left care. Hours are flexible; we pay a fixed fee.",
        "who": "Care leavers aged 18 to 30.",
    },
    {
        "slug": "cost-of-living-roundtable",
        "title": "Cost of living roundtable",
        "partner": None,
        "topics": ["Money and benefits"],
        "format": "hybrid",
        "area": "Greater Manchester",
        "venue": "Co-pro Network, Mill Yard, Salford, or online",
        "dates": (13, 13),
        "hours": "3",
        "sessions": 1,
        "frequency": "one-off",
        "closes": 2,
        "pay": ("75.00", "session"),
        "method": "choice",
        "within": 0,
        "access": ["Step-free venue", "Food provided", "Childcare paid", "Travel paid in advance"],
        "rung": 5,
        "summary": "Tell MPs and council leaders what the cost of living crisis is doing to your family.",
        "who": "Anyone in Greater Manchester struggling with the cost of living.",
        "places": 15,
        "places_filled": True,
    },
    {
        "slug": "peer-support-volunteers",
        "title": "Volunteer peer supporters for our drop-in",
        "partner": None,
        "topics": ["Mental health"],
        "format": "in_person",
        "area": "Greater Manchester",
        "venue": "Co-pro Network, Mill Yard, Salford",
        "dates": (21, 200),
        "hours": "2",
        "sessions": None,
        "frequency": "weekly",
        "closes": 30,
        "pay": (None, "none"),
        "method": "choice",
        "within": None,
        "access": ["Food provided", "Quiet room", "Step-free venue"],
        "rung": 6,
        "summary": "Welcome people to our weekly drop-in and share what helped you. Travel and food are always paid.",
        "who": "People with lived experience of mental ill health who want to support others.",
        "no_payment_reason": (
            "This is a volunteer role by choice: some people asked for a way to help that does "
            "not count as work for their benefits. Every cost is still paid, on the day."
        ),
        "expenses_food": True,
    },
    # Closed: some with what changed.
    {
        "slug": "hostel-rules-review",
        "title": "Review the hostel rules",
        "partner": "hearthway-homes",
        "topics": ["Housing and homelessness"],
        "format": "in_person",
        "area": "Lancashire",
        "venue": "Hearthway House, Preston",
        "dates": (-90, -60),
        "hours": "2",
        "sessions": 3,
        "frequency": "fortnightly",
        "closes": -100,
        "pay": ("15.00", "hour"),
        "method": "cash",
        "within": 0,
        "access": ["Food provided"],
        "rung": 5,
        "summary": "Go through the rules in Hearthway's hostels and say which ones push people back onto the street.",
        "who": "People who have stayed in a homeless hostel.",
        "outcome": (
            "<p>Hearthway scrapped the 10pm curfew and the rule that evicted people after "
            "one missed key-work meeting. Evictions from its hostels fell by a third in the "
            "next six months.</p>"
        ),
    },
    {
        "slug": "mental-health-letters",
        "title": "Appointment letters that don't scare people",
        "partner": "brookmere-mental-health-trust",
        "topics": ["Mental health"],
        "format": "online",
        "area": None,
        "venue": "Zoom",
        "dates": (-60, -60),
        "hours": "2",
        "sessions": 1,
        "frequency": "one-off",
        "closes": -70,
        "pay": ("25.00", "hour"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["Easy read information"],
        "rung": 4,
        "summary": "Rewrite the letters the trust sends before a first appointment.",
        "who": "People who have had a first appointment with a mental health team.",
        "outcome": (
            "<p>Every first-appointment letter now says who you will meet, that you can bring "
            "someone, and how to change the time by text. Missed first appointments fell "
            "from 1 in 4 to 1 in 7.</p>"
        ),
    },
    {
        "slug": "youth-justice-panel-2025",
        "title": "Youth justice panel",
        "partner": "three-rivers-justice-partnership",
        "topics": ["Criminal justice", "Care experience"],
        "format": "in_person",
        "area": "Lancashire",
        "venue": "Three Rivers Justice Centre, Blackburn",
        "dates": (-200, -120),
        "hours": "3",
        "sessions": 6,
        "frequency": "fortnightly",
        "closes": -210,
        "pay": ("20.00", "hour"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["Travel paid in advance", "Food provided"],
        "rung": 7,
        "summary": "Young people with experience of the justice system advised the partnership on its new plan.",
        "who": "Young people aged 16 to 24 who have been in contact with youth justice.",
        "outcome": (
            "<p>The partnership's plan now includes a promise that no child waits in a police "
            "cell overnight without an appropriate adult, and two panel members sit on its "
            "board.</p>"
        ),
    },
    {
        "slug": "benefits-advice-survey",
        "title": "What makes benefits advice work?",
        "partner": None,
        "topics": ["Money and benefits", "Research"],
        "format": "phone",
        "area": None,
        "venue": "Phone",
        "dates": (-40, -40),
        "hours": "1",
        "sessions": 1,
        "frequency": "one-off",
        "closes": -45,
        "pay": ("15.00", "fixed"),
        "method": "voucher",
        "within": 7,
        "access": [],
        "rung": 3,
        "summary": "A short phone interview about getting advice on benefits.",
        "who": "Anyone who has asked for benefits advice in the last year.",
        "outcome": (
            "<p>Our report led two advice services to open evening phone lines, because most "
            "people we spoke to work or care during the day.</p>"
        ),
    },
    {
        "slug": "womens-centre-evaluation",
        "title": "Evaluate the women's centre",
        "partner": "salt-street-womens-centre",
        "topics": ["Domestic abuse", "Research"],
        "format": "in_person",
        "area": "West Yorkshire",
        "venue": "Bradford",
        "dates": (-30, -20),
        "hours": "2",
        "sessions": 2,
        "frequency": "weekly",
        "closes": -35,
        "pay": ("18.00", "hour"),
        "method": "choice",
        "within": 3,
        "access": ["Childcare paid", "Quiet room"],
        "rung": 5,
        "summary": "Help decide what the centre's evaluation should measure.",
        "who": "Women who have used the centre.",
    },
    {
        "slug": "asylum-housing-inspection",
        "title": "Inspect asylum accommodation",
        "partner": None,
        "topics": ["Migration and asylum", "Housing and homelessness"],
        "format": "in_person",
        "area": "London",
        "venue": "Various hotels in London",
        "dates": (-15, -10),
        "hours": "4",
        "sessions": 2,
        "frequency": "weekly",
        "closes": -20,
        "pay": ("100.00", "day"),
        "method": "bank_transfer",
        "within": 7,
        "access": ["Travel paid in advance", "Food provided"],
        "rung": 5,
        "summary": "Visit asylum accommodation with inspectors and report what you see.",
        "who": "People who have lived in asylum accommodation.",
    },
]


def _sessions(entry, first_day):
    """Dated sessions with times, from the entry's pattern (none when flexible).
    Most start at 10am; an entry may say otherwise with "starts"."""
    if entry["frequency"] == payment.ONE_OFF:
        dates = [first_day]
    elif entry["frequency"] in (payment.WEEKLY, payment.FORTNIGHTLY, payment.MONTHLY):
        dates = dates_from_pattern(first_day, entry["frequency"], entry["sessions"] or 0)
    else:
        return []
    starts = time.fromisoformat(entry.get("starts", "10:00"))
    ends = None
    if entry["hours"]:
        ends = (datetime.combine(first_day, starts) + timedelta(hours=float(entry["hours"]))).time()
    return [
        OpportunitySession(date=day, starts_at=starts, ends_at=ends, sort_order=order)
        for order, day in enumerate(dates)
    ]


def _body(entry):
    return [
        ("heading", {"text": "What you will do", "level": "h2"}),
        ("rich_text", RichText(f"<p>{entry['summary']}</p>")),
        ("heading", {"text": "What happens next", "level": "h2"}),
        (
            "rich_text",
            RichText(
                "<p>Get in touch and we will call you back to talk it through. We will agree "
                "the payment and any support you need before you start, in writing.</p>"
            ),
        ),
    ]


CLOSED_POSTING_WAS_OPEN_FOR = timedelta(weeks=6)

# Structured venues for the demo's free-text ones: (name, street, town, postcode,
# keep the address private). Places and postcodes are made up.
VENUES = {
    "Castlebrook Town Hall, Market Street": (
        "Castlebrook Town Hall",
        "Market Street",
        "Castlebrook",
        "CB4 1TH",
        False,
    ),
    "Castlebrook Library, or online": (
        "Castlebrook Library, or online",
        "",
        "Castlebrook",
        "",
        False,
    ),
    "The Mersey Room, Brookmere Hospital": (
        "The Mersey Room, Brookmere Hospital",
        "Hospital Lane",
        "Birkenhead",
        "CH41 5BM",
        False,
    ),
    "Calder Valley University, Leeds campus": (
        "Calder Valley University, Leeds campus",
        "Calder Road",
        "Leeds",
        "LS2 9CV",
        False,
    ),
    "Hearthway House, Preston": (
        "Hearthway House",
        "14 Fishergate Walk",
        "Preston",
        "PR1 3HW",
        False,
    ),
    "Open Door, Bold Street, Liverpool": ("Open Door", "Bold Street", "Liverpool", "L1 4DQ", False),
    "Open Door, or online": ("Open Door, or online", "Bold Street", "Liverpool", "L1 4DQ", False),
    "Kinder Futures Trust, Southwark, or online": (
        "Kinder Futures Trust, or online",
        "",
        "London",
        "",
        False,
    ),
    "Women's Centre, Bradford (address given to people selected)": (
        "Women's Centre (address given to people selected)",
        "3 Salt Street",
        "Bradford",
        "BD1 4SW",
        True,
    ),
    "Three Rivers Justice Centre, Blackburn": (
        "Three Rivers Justice Centre",
        "King Street",
        "Blackburn",
        "BB2 2DH",
        False,
    ),
    "Probation office, Preston, or online": (
        "Probation office, or online",
        "",
        "Preston",
        "",
        False,
    ),
    "Westbank Health Centre, Lambeth": (
        "Westbank Health Centre",
        "Kennington Road",
        "London",
        "SE11 4WB",
        False,
    ),
    "Co-pro Network, Mill Yard, Salford, or online": (
        "Co-pro Network, or online",
        "Mill Yard",
        "Salford",
        "M3 6MY",
        False,
    ),
    "Co-pro Network, Mill Yard, Salford": (
        "Co-pro Network",
        "Mill Yard",
        "Salford",
        "M3 6MY",
        False,
    ),
    "Bradford": ("", "", "Bradford", "", False),
}


def _venue(text):
    name, street, town, postcode, private = VENUES.get(text, (text, "", "", "", False))
    return {
        "venue_name": name,
        "venue_street": street,
        "venue_town": town,
        "venue_postcode": postcode,
        "venue_address_private": private,
    }


def board_page(stdout):
    home = home_page()
    board = OpportunityIndexPage.objects.child_of(home).first()
    if board:
        return board
    board = OpportunityIndexPage(
        title="Paid opportunities",
        slug="opportunities",
        introduction=(
            "Every opportunity here says what it pays, how and when, what it may mean for "
            "your benefits, and what support is on offer."
        ),
    )
    home.add_child(instance=board)
    board.save_revision().publish()
    stdout.write("Opportunity board made.")
    return board


def load(stdout):
    board = board_page(stdout)
    topics = {topic.name: topic for topic in Topic.objects.all()}
    areas = {area.name: area for area in Area.objects.all()}
    support = {item.name: item for item in AccessSupport.objects.all()}
    rungs = {rung.level: rung for rung in Rung.objects.all()}
    partners = {partner.slug: partner for partner in PartnerPage.objects.all()}
    today = timezone.localdate()
    made = 0
    for entry in OPPORTUNITIES:
        if OpportunityPage.objects.filter(slug=entry["slug"]).exists():
            continue
        start, end = entry["dates"]
        amount, unit = entry["pay"]
        closes_day = today + timedelta(days=entry["closes"])
        page = OpportunityPage(
            title=entry["title"],
            slug=entry["slug"],
            summary=entry["summary"],
            lived_experience_sought=entry["who"],
            body=_body(entry),
            partner=partners.get(entry["partner"]) if entry["partner"] else None,
            rung=rungs.get(entry["rung"]),
            format=entry["format"],
            area=areas.get(entry["area"]) if entry["area"] else None,
            **_venue(entry["venue"]),
            start_date=today + timedelta(days=start),
            end_date=today + timedelta(days=end) if end is not None else None,
            hours_per_session=Decimal(entry["hours"]) if entry["hours"] else None,
            number_of_sessions=entry["sessions"],
            frequency=entry["frequency"],
            closes_at=timezone.make_aware(datetime.combine(closes_day, time(17, 0))),
            places=entry.get("places"),
            places_filled=entry.get("places_filled", False),
            pay_amount=Decimal(amount) if amount else None,
            pay_unit=unit,
            no_payment_reason=entry.get("no_payment_reason", ""),
            preparation_paid=entry.get("preparation_paid", False),
            payment_method=entry["method"],
            paid_within_days=entry["within"],
            expenses_childcare="Childcare paid" in entry["access"],
            expenses_carer="Carer or personal assistant paid" in entry["access"],
            expenses_food=entry.get("expenses_food", False),
            expenses_paid="in_advance"
            if "Travel paid in advance" in entry["access"]
            else "on_the_day",
            outcome=entry.get("outcome", ""),
        )
        page.sessions = _sessions(entry, today + timedelta(days=start))
        if entry["slug"] == "peer-researchers-housing":
            page.easy_read_summary = (
                "<p>We will pay you to be a researcher.</p><p>We will train you.</p>"
                "<p>You will ask other young people about their homes.</p>"
            )
        board.add_child(instance=page)
        page.topics.set([topics[name] for name in entry["topics"] if name in topics])
        page.access_support.set([support[name] for name in entry["access"] if name in support])
        page.save_revision().publish()
        if closes_day < today:
            # A closed posting was published before it closed, not today: its
            # JobPosting's datePosted comes before validThrough.
            posted = page.closes_at - CLOSED_POSTING_WAS_OPEN_FOR
            OpportunityPage.objects.filter(pk=page.pk).update(
                first_published_at=posted, last_published_at=posted
            )
        made += 1
    stdout.write(f"Opportunities ready ({made} new).")

    demo_interest.load(stdout)
