"""Each partner's record (payments/partner_record.py): every figure equals a
hand computation on fixed data, and over generated data no cell shown is
built from fewer than 5 people (the small-number rule), in the records, the
CSV and the pages that render them."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from payments.definitions import PaymentFacts
from payments.partner_record import (
    QUARTER,
    YEAR,
    AnswerRow,
    OpportunityRow,
    PaymentRow,
    build_records,
    csv_rows,
)
from privacy.small_numbers import is_withheld

TODAY = date(2027, 1, 15)
SESSION = date(2026, 2, 10)  # 2026 Q1


def paid(partner, person, days, promised=14, kind="fee", counted=True, session=SESSION):
    return PaymentRow(
        partner,
        person,
        PaymentFacts(
            kind=kind,
            first_session=session,
            last_session=session,
            receipt_date=None,
            paid_on=None if days is None else session + timedelta(days=days),
            counted=counted,
            promised_days=promised,
            expenses_when="afterwards",
        ),
    )


def answered(partner, person, asked_on=SESSION, **answers):
    return AnswerRow(partner, person, asked_on, answers or None)


# A fixed partner: 7 people paid after 3, 5, 8, 10, 14, 20 and 30 days, promised 14;
# one more declined (left out); one still unpaid long past its date (late).
GOOD = "Good Partner"
FIXED_PAYMENTS = [paid(GOOD, person, days) for person, days in enumerate([3, 5, 8, 10, 14, 20, 30])]
FIXED_PAYMENTS += [paid(GOOD, 7, None, counted=False), paid(GOOD, 8, None)]
# 10 people asked, all answered something.
# "Have you been paid?": 8 answered, 6 yes and 2 not yet: 2 alone would be read off
# the total, so the whole question is withheld.
# "Did you feel listened to?": 5 yes, 5 partly: every option shown.
# "Have they told you what changed?": 5 yes, 3 no, 2 too early: "no" and "too early"
# are withheld, and together (5) they tell nothing about either.
BEEN_PAID = ["yes"] * 6 + ["not_yet"] * 2 + ["", ""]
LISTENED = ["yes"] * 5 + ["partly"] * 5
TOLD = ["yes"] * 5 + ["no"] * 3 + ["too_early"] * 2
FIXED_ANSWERS = [
    answered(GOOD, p, been_paid=BEEN_PAID[p], listened_to=LISTENED[p], told_what_changed=TOLD[p])
    for p in range(10)
]
FIXED_OPPORTUNITIES = [
    OpportunityRow(GOOD, date(2026, 3, 1), True, frozenset(range(4))),
    OpportunityRow(GOOD, date(2026, 3, 20), False, frozenset(range(4, 9))),
    # Closed too recently to count (less than 90 days before TODAY).
    OpportunityRow(GOOD, TODAY - timedelta(days=30), False, frozenset(range(9))),
]


def test_every_figure_equals_a_hand_computation():
    (record,) = [
        r
        for r in build_records(FIXED_PAYMENTS, FIXED_ANSWERS, FIXED_OPPORTUNITIES, QUARTER, TODAY)
        if r.period == "2026 Q1"
    ]
    # Median of 3, 5, 8, 10, 14, 20, 30 is 10; 7 people paid of the 8 counted.
    assert record.median_days.value == 10
    assert (record.median_days.people, record.median_days.of, record.median_days.rate) == (7, 8, 88)
    # Within 14 days: 3, 5, 8, 10, 14 (5 of 8 judged, the unpaid one late) = 63%.
    assert record.within_promise.value == 63
    assert record.within_promise.people == 8
    # Of the 2 opportunities closed 90 days ago, 1 has an outcome; 9 people in them.
    assert (record.outcomes.value, record.outcomes.people) == (50, 9)
    questions = {q.name: q for q in record.questions}
    been_paid = questions["been_paid"]
    assert (been_paid.answered.value, been_paid.answered.of, been_paid.answered.rate) == (8, 10, 80)
    # 2 "not yet" alone would be read off the total: the whole question is withheld.
    assert all(is_withheld(count) and is_withheld(share) for _, count, share in been_paid.options)
    listened = questions["listened_to"]
    assert listened.options == [("Yes", 5, 50), ("Partly", 5, 50), ("No", 0, 0)]
    told = {label: (count, share) for label, count, share in questions["told_what_changed"].options}
    assert told["Yes"] == (5, 50)
    assert all(
        is_withheld(cell) for key in ("No", "Not yet, it is too early") for cell in told[key]
    )
    nobody = questions["as_described"]  # nobody answered it: no figure, and no option counted
    assert (nobody.answered.value, nobody.answered.people) == (None, 0)
    assert [count for _, count, _ in nobody.options] == [0, 0, 0]


def test_a_partner_with_too_few_answers_shows_no_figure():
    rows = [paid("Small", person, 5) for person in range(4)]
    answers = [answered("Small", person, been_paid="yes") for person in range(4)]
    (record,) = build_records(rows, answers, [], YEAR, TODAY)
    assert is_withheld(record.median_days.value) and is_withheld(record.median_days.people)
    assert all(is_withheld(q.answered.value) for q in record.questions if q.name == "been_paid")
    cells = [cell for row in csv_rows([record]) for cell in row[3:6]]
    assert all(is_withheld(cell) or cell in ("", 0) for cell in cells)


PARTNERS = ["A", "B", "C"]
DAYS = date(2026, 1, 1)


@st.composite
def generated(draw):
    people = draw(st.integers(min_value=0, max_value=30))
    payments, answers, opportunities = [], [], []
    for person in range(people):
        partner = draw(st.sampled_from(PARTNERS))
        session = DAYS + timedelta(days=draw(st.integers(0, 700)))
        if draw(st.booleans()):
            days = draw(st.one_of(st.none(), st.integers(0, 60)))
            promised = draw(st.one_of(st.none(), st.integers(0, 30)))
            counted = draw(st.booleans())
            payments.append(paid(partner, person, days, promised, counted=counted, session=session))
        if draw(st.booleans()):
            choices = {
                "been_paid": draw(st.sampled_from(["", "yes", "not_yet", "part"])),
                "listened_to": draw(st.sampled_from(["", "yes", "partly", "no"])),
            }
            if any(choices.values()):
                answers.append(answered(partner, person, session, **choices))
            else:
                answers.append(answered(partner, person, session))
    for _ in range(draw(st.integers(0, 6))):
        members = draw(st.frozensets(st.integers(0, max(people - 1, 0)), max_size=10))
        closes = DAYS + timedelta(days=draw(st.integers(0, 700)))
        partner = draw(st.sampled_from(PARTNERS))
        opportunities.append(OpportunityRow(partner, closes, draw(st.booleans()), members))
    return payments, answers, opportunities


def people_in(rows, partner, period, kind):
    from payments.definitions import clock_starts
    from payments.partner_record import period_of

    return {
        row.person
        for row in rows
        if row.partner == partner and period_of(clock_starts(row.facts), kind) == period
    }


@settings(max_examples=150, deadline=None)
@given(generated(), st.sampled_from([QUARTER, YEAR]))
def test_no_figure_is_built_from_fewer_than_5_people(data, kind):
    payments, answers, opportunities = data
    for record in build_records(payments, answers, opportunities, kind, TODAY):
        behind_payments = people_in(payments, record.partner, record.period, kind)
        for figure in (record.median_days, record.within_promise):
            if not is_withheld(figure.value) and figure.value is not None:
                assert figure.people >= 5 and len(behind_payments) >= 5
        if not is_withheld(record.outcomes.value) and record.outcomes.value is not None:
            assert record.outcomes.people >= 5
        for question in record.questions:
            if not is_withheld(question.answered.value) and question.answered.value is not None:
                assert question.answered.value >= 5
            shown = [count for _, count, _ in question.options if not is_withheld(count)]
            total = question.answered.value
            unknown = is_withheld(total) or total is None or not shown
            withheld_total = None if unknown else total - sum(shown)
            for count in shown:
                assert count == 0 or count >= 5
            # What is withheld cannot be read off the total either.
            assert withheld_total is None or withheld_total == 0 or withheld_total >= 5
        # The CSV carries the same cells: a withheld figure never becomes a number.
        cells = {(row[2], str(row[3]), str(row[4])) for row in csv_rows([record])}
        if is_withheld(record.median_days.value):
            assert (
                "Median days to pay",
                "fewer than 5 people",
                str(record.median_days.people),
            ) in cells
