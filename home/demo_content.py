"""Demo content for the site-wide app: home page, about pages, taxonomies,
settings and navigation. Idempotent: each item is found by its slug or name
before it is made."""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.demo_images import demo_image
from home.models import (
    AccessSupport,
    Area,
    HomePage,
    NavigationSettings,
    Sector,
    SiteSettings,
    StandardPage,
    Topic,
)

TOPICS = [
    ("Housing and homelessness", "Where people live, and what happens when they lose their home."),
    ("Mental health", "Services for people in distress, in hospital or in the community."),
    ("Criminal justice", "Police, courts, prison, probation and life after them."),
    ("Disability and access", "How services include disabled people, or shut them out."),
    ("Money and benefits", "Welfare benefits, debt and the cost of living."),
    ("Drugs and alcohol", "Treatment and recovery services."),
    ("Migration and asylum", "People seeking safety and the systems they meet."),
    ("Domestic abuse", "Support for people who have been harmed at home."),
    ("Care experience", "People who grew up in care, and services for young people."),
    ("Research", "Studies that want lived experience to shape the questions."),
]
AREAS = [
    ("Greater Manchester", "The ten boroughs of Greater Manchester."),
    ("Merseyside", "Liverpool, Knowsley, Sefton, St Helens and Wirral."),
    ("West Yorkshire", "Leeds, Bradford, Calderdale, Kirklees and Wakefield."),
    ("Lancashire", "Lancashire, Blackburn with Darwen and Blackpool."),
    ("London", "All London boroughs."),
    ("Anywhere in the UK", "For online and phone work open to people anywhere."),
]
SECTORS = [
    ("Health and care", "NHS bodies and social care."),
    ("Housing", "Councils' housing teams, housing associations and hostels."),
    ("Justice", "Police, probation, prisons and courts."),
    ("Research", "Universities and research institutes."),
    ("Local government", "Councils and combined authorities."),
    ("Voluntary and community", "Charities and community groups."),
    ("Funding", "Trusts and foundations that fund others."),
]
ACCESS_SUPPORT = [
    ("BSL interpreter", "A British Sign Language interpreter is booked for you."),
    ("Step-free venue", "No steps between the street and the room, and an accessible toilet."),
    ("Childcare paid", "We pay for childcare while you take part."),
    ("Travel paid in advance", "We pay for your tickets or fuel before the day."),
    ("Food provided", "A proper meal or lunch, with choices for different diets."),
    ("Easy read information", "Information in easy read, with pictures."),
    ("Quiet room", "A calm room you can go to at any time."),
    ("Carer or personal assistant paid", "We pay for someone to come with you."),
    ("Hearing loop", "An induction loop in the room."),
    ("Large print", "Papers in large print."),
    ("Support worker welcome", "Bring someone you trust; their travel is paid too."),
]

ABOUT_PAGES = [
    (
        "principles",
        "Our principles",
        "What we believe about co-production, and how it shapes our work.",
        [
            (
                "People with lived experience hold the expertise",
                "People who have lived through a problem know best what must change. They belong where decisions are made, not just in the room.",
            ),
            (
                "We share power",
                "Titles like staff, service user and professional matter less than 'we'. We share power and knowledge.",
            ),
            (
                "We pay people",
                "Real participation costs time and money. We pay people, and we remove barriers like bus fares, childcare and food before they bite.",
            ),
            (
                "Not all participation is equal",
                "Our Ladder of Community Participation runs from being invited to make up the numbers, up to deciding together. We push every partner as high as they can go.",
            ),
            (
                "We learn in the open",
                "We admit mistakes, and keep checking our work is fair whatever someone's race, sex, gender, disability, sexuality, age or religion.",
            ),
        ],
    ),
    (
        "paying-people",
        "How we pay people",
        "What you will be paid, how and when, and what it might mean for your benefits.",
        [
            (
                "Agreed before you start",
                "We tell you in writing what the work is, how long it takes, what you will be paid, which costs we cover, and how and when we pay. Nobody should be out of pocket.",
            ),
            (
                "At least the real Living Wage",
                "We pay at least the real Living Wage for every hour, including time to prepare when there is reading to do.",
            ),
            (
                "Paid quickly, costs up front",
                "We pay within days, not months. We can pay travel in advance or on the day, so you never have to find the money first.",
            ),
            (
                "You can say no to payment",
                "Taking payment is your choice. You can turn it down, take less, or give it to charity.",
            ),
            (
                "Benefits",
                "Payment for taking part may affect some benefits. Each opportunity shows what might apply. This is not advice: talk to a benefits adviser before you start, and ask us for a letter for the Jobcentre.",
            ),
        ],
    ),
    (
        "privacy",
        "Privacy notice",
        "What we keep about you, why, who sees it and for how long.",
        [
            (
                "What we keep",
                "When you tell us you are interested in an opportunity, we keep your name, how to contact you and anything you choose to tell us. Because interest in some opportunities can reveal things about your life, we treat it as sensitive.",
            ),
            (
                "Who sees it",
                "Only the small team that arranges each opportunity can see your details.",
            ),
            (
                "How long",
                "We delete your details a set time after the opportunity closes. The form tells you how long before you send it.",
            ),
            (
                "Your rights",
                "You can ask to see what we hold, to correct it, or to delete it at any time. Contact us by phone, text or email.",
            ),
        ],
    ),
    (
        "accessibility",
        "Accessibility statement",
        "How accessible this website is, and how to tell us about a problem.",
        [
            (
                "Our aim",
                "We want everyone to be able to use this website. We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.",
            ),
            (
                "What you can do",
                "You should be able to zoom in to 400% without text spilling off the screen, use the whole site with a keyboard or screen reader, and use it without JavaScript.",
            ),
            (
                "Tell us about a problem",
                "If something does not work for you, call, text or email us and we will help you another way and fix it.",
            ),
        ],
    ),
]


def _body(sections):
    body = []
    for heading, text in sections:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("rich_text", RichText(f"<p>{text}</p>")))
    return body


def _taxonomy(model, rows):
    for order, (name, description) in enumerate(rows):
        item, _ = model.objects.get_or_create(name=name, defaults={"description": description})
        if item.sort_order != order:
            model.objects.filter(pk=item.pk).update(sort_order=order)


def _child_page(parent, model, slug, **fields):
    """The live child of ``parent`` with ``slug``, made and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def home_page():
    site = Site.objects.get(is_default_site=True)
    page = site.root_page.specific
    if not isinstance(page, HomePage):
        raise RuntimeError("The default site's root page is not a HomePage; run migrate first.")
    return page


def load(stdout):
    _taxonomy(Topic, TOPICS)
    _taxonomy(Area, AREAS)
    _taxonomy(Sector, SECTORS)
    _taxonomy(AccessSupport, ACCESS_SUPPORT)

    home = home_page()
    if not home.hero_text:
        home.hero_heading = "Get paid to change the services you know best"
        home.hero_text = (
            "We pay people with lived experience to shape research, services and decisions, "
            "and we push the organisations we work with to share real power."
        )
        home.hero_image = demo_image("People around a table at a workshop", "#1f4e5f")
        home.introduction = (
            "<p>Every opportunity here is <b>paid</b>, says exactly what you will get and when, "
            "and tells you what support is on offer. You choose how to get in touch.</p>"
        )
        home.body = [
            (
                "quote",
                {
                    "quote": "I was paid on the day, my bus fare was sorted before I set off, "
                    "and for once my experience was the thing that counted.",
                    "attribution": "Community researcher, Salford",
                },
            )
        ]
        home.save_revision().publish()

    about = _child_page(
        home,
        StandardPage,
        "about",
        title="About us",
        introduction=(
            "We are a co-production organisation led by people with lived experience of "
            "social injustice."
        ),
        body=_body(
            [
                (
                    "What we do",
                    "We pay people with lived experience to take part in research, service design and decision-making, and we work with councils, NHS bodies, universities, charities and funders to change services with the people affected, not for them.",
                ),
                (
                    "Who we are",
                    "Most of our team have lived experience of the issues we work on: homelessness, the justice system, mental ill health, disability, poverty and more.",
                ),
            ]
        ),
    )
    for slug, title, introduction, sections in ABOUT_PAGES:
        _child_page(
            about, StandardPage, slug, title=title, introduction=introduction, body=_body(sections)
        )

    site_settings = SiteSettings.load()
    if not site_settings.contact_email:
        site_settings.contact_email = "hello@copro.example.org"
        site_settings.contact_phone = "0161 496 0000"
        site_settings.text_number = "07700 900123"
        site_settings.opening_hours = "Monday to Friday, 10am to 4pm"
        site_settings.notification_email = "team@copro.example.org"
        site_settings.address = "Co-pro Network\nUnit 4, Mill Yard\nSalford\nM3 7AA"
        site_settings.save()
    stdout.write("Home page, about pages, taxonomies and settings ready.")


FOOTER_ABOUT_PAGES = ["principles", "privacy", "accessibility", "paying-people"]


def set_navigation(stdout):
    """Menus point at whatever top-level sections exist (run after every app's demo)."""
    home = home_page()
    navigation = NavigationSettings.load()
    labels = {
        "opportunities": "Paid opportunities",
        "partners": "Partners",
        "ladder": "The Ladder",
        "about": "About us",
    }
    sections = {page.slug: page for page in home.get_children().live() if page.slug in labels}
    linked = {block.value["page"].pk for block in navigation.main_menu if block.value.get("page")}
    wanted = [slug for slug in labels if slug in sections]
    about = sections.get("about")
    # Every page in the sitemap is linked from somewhere: the about pages that
    # no menu reaches go in the footer.
    footer_pages = (
        list(Page.objects.child_of(about).live().filter(slug__in=FOOTER_ABOUT_PAGES))
        if about
        else []
    )
    in_footer = {
        block.value["page"].pk for block in navigation.footer_links if block.value.get("page")
    }
    if all(sections[slug].pk in linked for slug in wanted) and all(
        page.pk in in_footer for page in footer_pages
    ):
        return
    # Rebuild in the standard order, keeping nothing an editor could miss:
    # the demo menu only ever holds the site's own top-level sections.
    navigation.main_menu = [
        ("link", {"label": labels[slug], "page": sections[slug], "url": ""}) for slug in wanted
    ]
    navigation.footer_links = [
        ("link", {"label": page.title, "page": page, "url": ""}) for page in footer_pages
    ]
    navigation.save()
    stdout.write("Navigation ready.")
