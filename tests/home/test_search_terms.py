"""How typed words become a search (home.listing.search) and what "Did you
mean" offers (home.listing.suggestions): plain rules, no database."""

from home.listing.search import search_query
from home.listing.suggestions import did_you_mean, vocabulary_from

SYNONYMS = {
    ("wheelchair",): [("step", "free")],
    ("universal", "credit"): [("uc",)],
    ("universal",): [("everyone",)],
}


def test_plain_words_are_one_query_with_the_operator():
    assert repr(search_query(["damp", "mould"], SYNONYMS, "and")) == (
        "<PlainText 'damp mould' operator='and' boost=1>"
    )


def test_a_term_with_synonyms_is_an_or_group_and_every_group_must_match():
    query = repr(search_query(["Wheelchair", "food"], SYNONYMS, "and"))
    assert query == (
        "<And <Or <PlainText 'Wheelchair' operator='and' boost=1> "
        "<PlainText 'step free' operator='and' boost=1>> "
        "<PlainText 'food' operator='and' boost=1>>"
    )


def test_the_longest_term_wins():
    query = repr(search_query(["universal", "credit", "advice"], SYNONYMS, "and"))
    assert "<PlainText 'universal credit' operator='and' boost=1> <PlainText 'uc'" in query
    assert "everyone" not in query


def test_did_you_mean_swaps_only_unknown_words_for_close_known_ones():
    words = vocabulary_from(["Greater Manchester", "Salford drop-in", "Housing"])
    assert did_you_mean(["manchster"], words) == "Manchester"
    assert did_you_mean(["housing", "salfrod"], words) == "housing Salford"
    assert did_you_mean(["housing"], words) == ""
    assert did_you_mean(["zebra"], words) == ""
