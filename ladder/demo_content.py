"""Demo ladder: eight rungs in our own words, a questionnaire of five themes,
the ladder pages and a few sample results. Idempotent: rungs are found by
level, the questionnaire by title, pages by slug, samples by their scope."""

from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from home.demo_content import home_page
from ladder.invitations import demo as invitation_demo
from ladder.models.assessments import SelfAssessment
from ladder.models.pages import LadderPage, SelfAssessmentPage
from ladder.models.questionnaire import Questionnaire
from ladder.models.rungs import Rung
from ladder.submission import submit

# level, name, band, colour, short description, long description, in practice, how to climb
RUNGS = [
    (
        1,
        "Present for show",
        "not_participation",
        "#6b1d1d",
        "People with lived experience are in the room so the organisation can say they were.",
        "Nothing they say is used. Often they are photographed, named in a report or counted, "
        "and never asked anything that matters.",
        "<ul><li>A 'service user' invited to a launch to stand by the banner.</li>"
        "<li>A name added to a bid without the person knowing what it says.</li></ul>",
        "<p>Ask people why they came and what they want to change, and tell them honestly what "
        "can change. Pay them for their time, even at this first step.</p>",
    ),
    (
        2,
        "Steered",
        "not_participation",
        "#8a3b12",
        "Decisions are already made, and people are steered to agree with them.",
        "Meetings exist to win people round. Disagreement is treated as a problem to manage.",
        "<ul><li>A 'consultation' event where the plan is presented and questions are "
        "collected but never answered.</li></ul>",
        "<p>Share the decision before it is made. Say what is fixed and what is still open, "
        "and make it safe to disagree.</p>",
    ),
    (
        3,
        "Told",
        "tokenism",
        "#7a5a00",
        "People are told what is happening, usually after it has been decided.",
        "Information flows one way. It may be clear and kind, but nobody is asked what they think.",
        "<ul><li>A newsletter about changes to the service.</li>"
        "<li>A letter explaining a new rule.</li></ul>",
        "<p>Tell people early enough that they could still change things, and ask them what "
        "they think. Offer ways to reply that suit them.</p>",
    ),
    (
        4,
        "Asked",
        "tokenism",
        "#4d6b00",
        "People are asked for their views, but nothing promises their views will count.",
        "Consultation without feedback. People give their time and their stories and hear "
        "nothing back.",
        "<ul><li>A survey or focus group whose results people never see.</li></ul>",
        "<p>Close the loop: tell people what you heard, what you will do, and why you will "
        "not do some of it. Pay people for their time.</p>",
    ),
    (
        5,
        "Heard and answered",
        "participation",
        "#1e6b3a",
        "People are asked, told what changed because of them, and paid for their time.",
        "The organisation listens and reports back, but it still sets the questions and makes "
        "the decisions.",
        "<ul><li>A panel that reviews plans and gets a written answer to every point it raises."
        "</li></ul>",
        "<p>Bring people in before the questions are set, so they shape what is asked and "
        "what the options are.</p>",
    ),
    (
        6,
        "Involved throughout",
        "participation",
        "#0f6674",
        "People help shape the work from the start and stay involved until it ends.",
        "People with lived experience work alongside staff at every stage, with training, "
        "support and pay, but the final say stays with the organisation.",
        "<ul><li>Community researchers who help design a study, collect data and "
        "interpret it.</li></ul>",
        "<p>Share decisions, not just the work: agree together how choices will be made, "
        "and give people a real vote and a share of the budget.</p>",
    ),
    (
        7,
        "Designing together",
        "shared_power",
        "#1d4f91",
        "People with lived experience and staff design the service or project together.",
        "Co-design: the problem, the options and the plan are worked out jointly, and credit "
        "is shared.",
        "<ul><li>A service redesigned in workshops where people with lived experience and "
        "staff have equal say over the options.</li></ul>",
        "<p>Move from designing together to deciding together: equal votes on what happens, "
        "a shared budget, and people with lived experience in the room where it is signed off."
        "</p>",
    ),
    (
        8,
        "Deciding together",
        "shared_power",
        "#4b2a7a",
        "People with lived experience share power over decisions, money and what happens next.",
        "Shared decision-making: an equal vote where decisions are made, control over part of "
        "the budget, and the power to say no.",
        "<ul><li>A grants panel where people with lived experience hold half the votes and "
        "chair the meeting.</li></ul>",
        "",
    ),
]

# Themes: (name, introduction, [(question, hint, [(answer, rung level)...])], {level: advice})
THEMES = [
    (
        "Who takes part",
        "Who you involve, and how easy you make it for them.",
        [
            (
                "Who do you involve when you plan this work?",
                "Think about the last piece of work you planned.",
                [
                    ("Nobody outside our organisation", 1),
                    ("People we already know, when we remember", 3),
                    ("People with lived experience, through an open invitation", 5),
                    ("People with lived experience, who help decide who else to invite", 7),
                ],
            ),
            (
                "How do people find out they can take part?",
                "",
                [
                    ("They don't, unless we need a quote", 1),
                    ("We put a notice on our website", 3),
                    ("We go to where people are, with partners they trust", 6),
                ],
            ),
        ],
        {},
    ),
    (
        "Decisions and power",
        "Who decides what happens, and whether people's views change it.",
        [
            (
                "When people with lived experience are involved, what happens to their views?",
                "",
                [
                    ("They are used to support decisions already made", 2),
                    ("They are collected, but we do not say what we did with them", 4),
                    ("We say what changed because of them, and why some things did not", 5),
                    ("They have an equal vote on the decision", 8),
                ],
            ),
            (
                "Who sets the questions and the options?",
                "",
                [
                    ("Staff, before anyone else is asked", 3),
                    ("Staff, after asking people what matters", 5),
                    ("Staff and people with lived experience, together", 7),
                ],
            ),
            (
                "Can people with lived experience say no to a plan?",
                "",
                [
                    ("No", 2),
                    ("They can object, and we record it", 4),
                    ("Yes: the plan does not go ahead without their agreement", 8),
                ],
            ),
        ],
        {},
    ),
    (
        "Paying people and removing barriers",
        "Whether taking part costs people money, time or their benefits.",
        [
            (
                "How are people paid for their time?",
                "",
                [
                    ("They are not paid", 1),
                    ("With a voucher, sometimes", 3),
                    ("At a fixed rate, paid within a month", 5),
                    ("At a rate we agreed with them, paid on the day or in advance", 7),
                ],
            ),
            (
                "What do you do about costs like travel, childcare and food?",
                "",
                [
                    ("People pay their own", 2),
                    ("We refund receipts afterwards", 4),
                    ("We pay in advance or book it for people", 6),
                ],
            ),
        ],
        {},
    ),
    (
        "Feedback and closing the loop",
        "Whether people hear what happened as a result of taking part.",
        [
            (
                "After people take part, what do they hear back?",
                "",
                [
                    ("Nothing", 2),
                    ("A thank-you message", 3),
                    ("A summary of what we heard", 4),
                    ("What changed as a result, and what did not and why", 6),
                ],
            ),
            (
                "Who writes that feedback?",
                "",
                [
                    ("Staff", 4),
                    ("Staff, checked with people who took part", 6),
                    ("People with lived experience and staff, together", 7),
                ],
            ),
        ],
        {},
    ),
    (
        "Learning and fairness",
        "Whether you check who is missing and learn from what goes wrong.",
        [
            (
                "Do you check who is missing from your work?",
                "For example by race, disability, age, gender or sexuality.",
                [
                    ("No", 1),
                    ("We count who comes", 3),
                    ("We count, and change how we invite people when someone is missing", 5),
                    ("People with lived experience lead that review with us", 7),
                ],
            ),
            (
                "When involvement goes wrong, what happens?",
                "",
                [
                    ("We do not talk about it", 2),
                    ("Staff discuss it among themselves", 4),
                    ("We talk it through openly with the people involved and change", 6),
                ],
            ),
        ],
        {},
    ),
]

# Advice for each theme and each rung the theme can land on below the top
# rung: plain and specific, so a result never falls back on a rung's general
# advice in the demo. Demo wording for the lived-experience team to review.
THEME_ADVICE = {
    "Who takes part": {
        1: "<p>Start with one piece of work this year. Ask a community group you trust to "
        "invite people with lived experience of it, and pay them for their time.</p>",
        3: "<p>Ask a community group you trust to share the invitation, and offer more than "
        "one way to reply: a phone call, a text or a chat in person.</p>",
        5: "<p>Ask the people who already take part who is missing, and let them help "
        "decide whom to invite next and how.</p>",
        6: "<p>Let people with lived experience co-chair the recruitment: agree together "
        "who to reach, where and how, and pay them for that time too.</p>",
        7: "<p>Hand part of the invitation budget to people with lived experience, so they "
        "can reach people in their own way, without asking you first.</p>",
    },
    "Decisions and power": {
        2: "<p>Before the next decision, tell people what is already fixed and what is "
        "still open, and ask them only about what they can really change.</p>",
        3: "<p>Ask people what matters to them before staff write the questions, and show "
        "them the options while they can still change them.</p>",
        4: "<p>After each meeting, write back within a month: what you heard, what you will "
        "do, and why you will not do the rest.</p>",
        5: "<p>Set the questions and the options together with people with lived "
        "experience, not after asking them.</p>",
        7: "<p>Give people with lived experience an equal vote where the decision is signed "
        "off, and the power to stop a plan they do not agree with.</p>",
    },
    "Paying people and removing barriers": {
        1: "<p>Pay people for their time, in money, at least the real Living Wage per hour. "
        "Agree the rate and how it is paid before they start, in writing.</p>",
        2: "<p>Pay people for their time, and cover travel, childcare and food so nobody "
        "pays to take part. Book or pay for these in advance, not by receipts.</p>",
        3: "<p>Pay in money rather than vouchers, every time, at a rate you tell people "
        "before they start. Vouchers still count as earnings for benefits.</p>",
        4: "<p>Pay costs before the day, or book travel and childcare for people, so nobody "
        "is out of pocket while they wait for a refund.</p>",
        5: "<p>Pay people on the day or in advance, not a month later, and offer a letter "
        "for the Jobcentre so payment does not put benefits at risk.</p>",
        6: "<p>Agree the rate with the people you pay, and let them choose how they are "
        "paid, or to decline or donate the payment.</p>",
        7: "<p>Let people with lived experience set the payment policy with you, and check "
        "with them each year that it still removes every barrier.</p>",
    },
    "Feedback and closing the loop": {
        2: "<p>After every session, send everyone who took part a short thank-you and a "
        "date by which they will hear what happened.</p>",
        3: "<p>Send a summary of what you heard within a month, in the way each person "
        "asked to be contacted.</p>",
        4: "<p>Tell people what changed because of them, and what did not and why: a short "
        "letter or call is enough.</p>",
        6: "<p>Check the feedback with some of the people who took part before you send it, "
        "and pay them for that time.</p>",
        7: "<p>Write the feedback together with people with lived experience, and share "
        "what changed with the wider community too.</p>",
    },
    "Learning and fairness": {
        1: "<p>Start counting who takes part, by disability, race, age and gender, with "
        "people's consent, and compare it with who uses the service.</p>",
        2: "<p>When something goes wrong, say so to the people involved, apologise, and "
        "tell them what you will change.</p>",
        3: "<p>When your count shows someone missing, change how and where you invite "
        "people, and check next time whether it worked.</p>",
        4: "<p>Talk through what went wrong with the people involved, not only among "
        "staff, and write down what you will do differently.</p>",
        5: "<p>Ask people with lived experience to review your counts with you each year "
        "and say what they see.</p>",
        6: "<p>Let people with lived experience lead the yearly review of who is missing, "
        "with time and pay to do it.</p>",
        7: "<p>Publish what you learned and what you changed, so others can learn from "
        "your mistakes too.</p>",
    },
}

# Rung requirements: theme name to (to be above rung, at least rung, in plain words).
REQUIREMENTS = {
    "Paying people and removing barriers": [(2, 3, "people must be paid for their time")],
}

SAMPLES = [
    # organisation, scope type, scope name, role, took part, pick per question (index into options)
    (
        "Castlebrook Borough Council",
        "service",
        "Hardship fund panel",
        "Panel coordinator",
        "community",
        3,
    ),
    (
        "Brookmere Mental Health NHS Foundation Trust",
        "team",
        "Community mental health team",
        "Service manager",
        "colleagues",
        1,
    ),
    (
        "Northside Housing Association",
        "project",
        "Repairs service redesign",
        "Involvement lead",
        "alone",
        0,
    ),
]


def load_rungs():
    rungs = {}
    for level, name, band, colour, short, long, practice, climb in RUNGS:
        rung = Rung.objects.filter(level=level).first()
        if rung is None:
            rung = Rung.objects.create(
                level=level,
                name=name,
                band=band,
                colour=colour,
                short_description=short,
                long_description=long,
                in_practice=practice,
                how_to_climb=climb,
            )
        rungs[level] = rung
    return rungs


def load_questionnaire(rungs):
    questionnaire = Questionnaire.objects.filter(title="Ladder self-assessment").first()
    if questionnaire is not None:
        return questionnaire
    block = Questionnaire._meta.get_field("themes").stream_block
    theme_block = block.child_blocks["theme"]
    themes = []
    for name, introduction, questions, advice in THEMES:
        data = {
            "name": name,
            "introduction": introduction,
            "questions": [
                {
                    "text": text,
                    "help_text": hint,
                    "allow_not_applicable": True,
                    "options": [
                        {"label": label, "rung": rungs[level].pk} for label, level in options
                    ],
                }
                for text, hint, options in questions
            ],
            "advice": [
                {"rung": rungs[level].pk, "advice": html}
                for level, html in {**THEME_ADVICE.get(name, {}), **advice}.items()
            ],
            "requirements": [
                {"above": rungs[above].pk, "at_least": rungs[at_least].pk, "plain_words": words}
                for above, at_least, words in REQUIREMENTS.get(name, [])
            ],
        }
        themes.append(("theme", theme_block.to_python(data)))
    questionnaire = Questionnaire(title="Ladder self-assessment")
    questionnaire.themes = StreamValue(block, themes)
    questionnaire.save()
    questionnaire.save_revision().publish()
    return questionnaire


def child_page(parent, model, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_pages(questionnaire):
    ladder = child_page(
        home_page(),
        LadderPage,
        "ladder",
        title="The Ladder of Community Participation",
        introduction=RichText(
            "<p>Not all participation is equal. Our ladder runs from people being there only "
            "for show, at the bottom, to people with lived experience sharing decisions, at the "
            "top. We use it with every partner to see where their work sits today, and what "
            "would move it up.</p>"
        ),
        after_ladder=RichText(
            "<p>The ladder is our own, inspired by Roger Hart's ladder of participation (1992), "
            "Sherry Arnstein's ladder of citizen participation (1969) and the Think Local Act "
            "Personal ladder of co-production.</p>"
        ),
    )
    child_page(
        ladder,
        SelfAssessmentPage,
        "self-assessment",
        title="Ladder self-assessment",
        introduction=RichText(
            "<p>Answer questions about how you involve people with lived experience in a "
            "service, team or project. You will see where your work sits on the ladder, your "
            "strengths, and advice for climbing in each theme.</p>"
        ),
        time_needed="about 15 minutes",
        what_happens_to_answers=RichText(
            "<p>Your answers and result are private. Only you, and anyone you share your "
            "private link with, can see your result. Our ladder team can read answers to "
            "improve the questions. We never publish a result from this self-assessment.</p>"
        ),
        questionnaire=questionnaire,
    )


def load_samples(questionnaire):
    version = questionnaire.latest_version()
    if version is None:
        return 0
    made = 0
    for organisation, scope_type, scope_name, role, took_part, pick in SAMPLES:
        if SelfAssessment.objects.filter(
            organisation_name=organisation, scope_name=scope_name
        ).exists():
            continue
        assessment, _token = SelfAssessment.start(version)
        assessment.organisation_name = organisation
        assessment.scope_type = scope_type
        assessment.scope_name = scope_name
        assessment.role = role
        assessment.took_part = took_part
        for theme_number, theme in enumerate(version.themes):
            for question_number, question in enumerate(theme["questions"]):
                options = question["options"]
                # Vary the answers a little so the themes differ.
                index = min(len(options) - 1, max(0, pick - (theme_number + question_number) % 2))
                assessment.answers[question["key"]] = options[index]["key"]
        assessment.save()
        submit(assessment)
        made += 1
    return made


def load(stdout):
    rungs = load_rungs()
    questionnaire = load_questionnaire(rungs)
    load_pages(questionnaire)
    made = load_samples(questionnaire)
    stdout.write(f"Ladder: {len(rungs)} rungs, questionnaire, pages, {made} new sample results.")
    # Invited team assessments need the partners, loaded before the ladder.
    invitation_demo.load(stdout, questionnaire)
