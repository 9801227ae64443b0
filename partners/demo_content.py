"""Demo partners: a directory of invented UK organisations of every kind,
with drawn logos (no downloads). Idempotent: each page is found by its slug."""

from wagtail.rich_text import RichText

from home.demo_content import home_page
from home.demo_images import demo_image
from home.models import Area, Sector
from partners.choices import PartnerKind
from partners.models import PartnerIndexPage, PartnerPage

# slug, name, kind, sector, areas, since, colour, initials, summary, commitment,
# (quote, attribution) or None, website
PARTNERS = [
    (
        "castlebrook-council",
        "Castlebrook Borough Council",
        PartnerKind.COUNCIL,
        "Local government",
        ["Greater Manchester"],
        2019,
        "#2b4a7a",
        "CB",
        "The local council for Castlebrook. We work with them on housing, "
        "benefits advice and how the council listens to residents.",
        "<p>The council has agreed that people with lived experience sit on the panel that "
        "decides how its hardship fund is spent, with an equal vote, and are paid for every "
        "meeting.</p>",
        (
            "They changed the letters after we told them they frightened people. "
            "That had never happened before.",
            "Panel member, Castlebrook",
        ),
        "https://castlebrook.example.org/",
    ),
    (
        "brookmere-mental-health-trust",
        "Brookmere Mental Health NHS Foundation Trust",
        PartnerKind.NHS,
        "Health and care",
        ["Merseyside", "Lancashire"],
        2018,
        "#005eb8",
        "BM",
        "An NHS trust running mental health wards and community teams across "
        "Merseyside and Lancashire.",
        "<p>People who have used the trust's services help write its policies on restraint "
        "and discharge. The trust pays them at our rates, and expenses on the day.</p>",
        (
            "I used to be a patient on that ward. Now I help train the staff.",
            "Peer trainer",
        ),
        "https://brookmere-nhs.example.org/",
    ),
    (
        "calder-valley-university",
        "Calder Valley University",
        PartnerKind.UNIVERSITY,
        "Research",
        ["West Yorkshire", "Anywhere in the UK"],
        2020,
        "#6a1b4d",
        "CV",
        "A university whose health and social research teams ask people with lived "
        "experience to shape their studies from the very first question.",
        "<p>Community researchers are named on the papers they help write, and paid for "
        "their time reading drafts as well as in meetings.</p>",
        None,
        "https://calder-valley.example.ac.uk/",
    ),
    (
        "hearthway-homes",
        "Hearthway Homes",
        PartnerKind.HOUSING,
        "Housing",
        ["Greater Manchester", "Lancashire"],
        2021,
        "#8a4b08",
        "HH",
        "A housing association with around 9,000 homes. We work with them on repairs, "
        "damp and mould, and how tenants are treated.",
        "<p>Tenants with experience of homelessness review every new tenancy letter before "
        "it is sent out.</p>",
        (
            "For once, someone asked what it is like to wait six months for a repair.",
            "Tenant, Bolton",
        ),
        "https://hearthway.example.org/",
    ),
    (
        "open-door-recovery",
        "Open Door Recovery Collective",
        PartnerKind.CHARITY,
        "Voluntary and community",
        ["Merseyside"],
        2017,
        "#1e6b3a",
        "OD",
        "A small charity run by people in recovery from drugs and alcohol, offering "
        "peer support and a drop-in café.",
        "<p>Most of the trustees have lived experience of addiction. They co-design every "
        "service with the people who use it.</p>",
        None,
        "https://opendoor-recovery.example.org/",
    ),
    (
        "kinder-futures-trust",
        "Kinder Futures Trust",
        PartnerKind.FUNDER,
        "Funding",
        ["Anywhere in the UK"],
        2022,
        "#3c3c8c",
        "KF",
        "A grant-making trust that funds community groups working on poverty and "
        "the cost of living across the UK.",
        "<p>People with lived experience of poverty sit on the grants panel and decide "
        "together which bids are funded.</p>",
        (
            "We were not there to decorate the meeting. We made the decisions.",
            "Grants panel member",
        ),
        "https://kinderfutures.example.org/",
    ),
    (
        "salt-street-womens-centre",
        "Salt Street Women's Centre",
        PartnerKind.CHARITY,
        "Voluntary and community",
        ["Greater Manchester"],
        2016,
        "#7b2d26",
        "SS",
        "A women's centre offering support after domestic abuse, a crèche, and "
        "advice on money and housing.",
        "<p>Women who use the centre help choose what it offers each year, and run two of "
        "its groups themselves.</p>",
        None,
        "https://saltstreet.example.org/",
    ),
    (
        "three-rivers-justice-partnership",
        "Three Rivers Justice Partnership",
        PartnerKind.OTHER,
        "Justice",
        ["Lancashire"],
        2023,
        "#444444",
        "TR",
        "Probation, police and local services working together to help people "
        "leaving prison settle back into the community.",
        "<p>People with convictions are paid to review how the partnership meets people at "
        "the prison gate, and the partnership reports back on what it changed.</p>",
        None,
        "https://threerivers-justice.example.org/",
    ),
    (
        "westbank-community-health",
        "Westbank Community Health Partnership",
        PartnerKind.NHS,
        "Health and care",
        ["London"],
        2024,
        "#00594f",
        "WB",
        "GP practices and community nurses in west London, working to make health "
        "care easier to reach for disabled people and people seeking asylum.",
        "<p>A community panel with interpreters present checks every new leaflet and "
        "booking system before it goes live.</p>",
        None,
        "https://westbank-health.example.org/",
    ),
    (
        "moorside-care-leavers-forum",
        "Moorside Care Leavers' Forum",
        PartnerKind.CHARITY,
        "Voluntary and community",
        ["West Yorkshire"],
        2025,
        "#5a3e85",
        "MC",
        "A group run by and for young people who grew up in care, speaking up about "
        "the support they get when they leave.",
        "<p>Young people set the forum's priorities and choose who speaks for them with the "
        "council.</p>",
        (
            "They listened, then they actually came back and told us what happened.",
            "Forum member, 19",
        ),
        "https://moorside-forum.example.org/",
    ),
]


def partner_index():
    """The live /partners/ directory, made and published if missing."""
    home = home_page()
    existing = PartnerIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = PartnerIndexPage(
        title="Our partners",
        slug="partners",
        introduction=(
            "The councils, NHS bodies, universities, charities and funders we work with, "
            "and what each has promised to do to share power with people with lived experience."
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def load(stdout):
    index = partner_index()
    sectors = {sector.name: sector for sector in Sector.objects.all()}
    areas = {area.name: area for area in Area.objects.all()}
    made = 0
    for (
        slug,
        name,
        kind,
        sector,
        area_names,
        since,
        colour,
        initials,
        summary,
        commitment,
        quote,
        website,
    ) in PARTNERS:
        if PartnerPage.objects.filter(slug=slug).exists():
            continue
        partner = PartnerPage(
            title=name,
            slug=slug,
            kind=kind,
            summary=summary,
            sector=sectors.get(sector),
            working_with_us_since=since,
            website=website,
            contact_email=f"partnerships@{website.split('//')[1].rstrip('/')}",
            logo=demo_image(f"{name} logo", colour, size=(480, 320), initials=initials),
            logo_alt_text=f"{name} logo",
            commitment=commitment,
            quote=quote[0] if quote else "",
            quote_attribution=quote[1] if quote else "",
            body=[
                ("heading", {"text": "Our work together", "level": "h2"}),
                (
                    "rich_text",
                    RichText(
                        f"<p>We have worked with {name} since {since}. Every piece of work "
                        "is paid, and we report back to everyone who took part on what "
                        "changed as a result.</p>"
                    ),
                ),
            ],
        )
        partner.areas = [areas[n] for n in area_names if n in areas]
        index.add_child(instance=partner)
        partner.save_revision().publish()
        made += 1
    stdout.write(f"Partner directory ready ({made} new partners).")
