"""Tests for spacy_elman.lifespans: a name before its life dates."""

import pytest
import spacy

from spacy_elman.lifespans import life_bracket, name_start, take_lifespans

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Vang ( born 1979 )", True),
        ("Mas ( 1919–2008 )", True),
        ("Ieuan ( c. 1620–1680 )", True),
        ("Smith ( née Jones )", True),
        ("Wright ( 2 )", False),  # goals in a results line
        ("Moeketsi ( 23 )", False),  # an age
        ("Faye ( LES )", False),
    ],
)
def test_life_bracket_opens_life_dates_only(text, want):
    assert life_bracket(NLP(text), 1) is want


@pytest.mark.parametrize(
    "text, end, want",
    [
        ("Pa Nhia Vang ( born 1979 )", 3, 0),
        ("the Hmong poet Pa Nhia Vang ( born", 6, 3),  # a lower-case word ends it
        ("Neus Bofarull i Mas ( 1919", 4, 0),  # a particle between words of the name
        ("Former President Ali Hassan ( born", 4, 2),  # a title ends it
        ("The Mexican Frida Kahlo ( 1907", 4, 2),  # so do a nationality and a stop word
        ("Americans Harrison Dillard ( 1923", 3, 1),  # also in the plural
        ("Zara Ter-Petrosyan ( born", 4, 0),  # a hyphenated surname
        ("W. E. B. Du Bois ( 1868", 5, 0),  # initials
        ("poet i Mas ( 1919", 3, 2),  # no name starts with a particle
    ],
)
def test_name_start_walks_back_over_the_words_of_a_name(text, end, want):
    assert name_start(NLP(text), end) == want


def test_take_lifespans_makes_the_words_before_life_dates_one_person_span():
    doc = NLP("Pa Nhia Vang ( born 1979 ) met Neus Bofarull i Mas ( 1919 - 2008 ) .")
    person, org = 0, 1
    # a part of a name grows to all of it, at either end; two parts become one
    assert take_lifespans([(1, 3, person)], doc, [person]) == [(0, 3, person)]
    # (the name that opens the doc, with no span in it, is found: see the test below)
    found = (0, 3, person)
    assert take_lifespans([(8, 9, person), (11, 12, person)], doc, [person]) == [
        found,
        (8, 12, person),
    ]
    # another label's span in the name, or a span that is not in it, leaves it alone
    assert take_lifespans([(8, 9, org), (11, 12, person)], doc, [person]) == [
        found,
        (8, 9, org),
        (11, 12, person),
    ]
    assert take_lifespans([(7, 9, person)], doc, [person]) == [found, (7, 9, person)]
    assert take_lifespans([(1, 3, org)], doc, [person]) == [(1, 3, org)]
    assert take_lifespans([(11, 13, person)], doc, [person], offset=10) == [(10, 13, person)]


def test_take_lifespans_leaves_names_without_life_dates_alone():
    doc = NLP("Ian Wright ( 2 ) and Alan Shearer ( Newcastle ) scored .")
    spans = [(1, 2, 0), (6, 7, 0)]
    assert take_lifespans(spans, doc, [0]) == spans


@pytest.mark.parametrize(
    "text, want",
    [
        ("Sukarno ( 1901 – 1970 ) read out the proclamation", ["Sukarno"]),
        ("King Kamehameha I ( c. 1758 – 1819 ) had brought", ["Kamehameha I"]),  # after a title
        ("Sojourner Truth ( c. 1797 – 1883 ) , born", ["Sojourner Truth"]),
        ("It rained . Sojourner Truth ( c. 1797 – 1883 ) , born", []),  # not the doc's start
        ("World War II ( 1939 – 1945 ) was", []),  # an event
        ("The Troubles ( 1968 – 1998 ) ended", []),  # a stop word opens it
        ("He met Ada Obi ( born 1950 ) in Lagos", []),  # not at a sentence's start
        ("Ian Wright ( 2 ) scored", []),  # no life dates
        ("", []),  # an empty doc
        ("Blenkinsop , 58 , opened her first shop", ["Blenkinsop"]),  # an age
        ("Police said Ann Lee , 44 , of Leeds", ["Ann Lee"]),  # an age, anywhere
        ("Leeds , 3 , Hull 2", []),  # a place
        ("He scored 3 , 4 , 5 goals", []),  # no name
        ("Ann Lee , 1996 , said", []),  # a year, not an age
    ],
)
def test_take_lifespans_finds_a_name_that_opens_a_sentence_before_life_dates(text, want):
    doc = NLP(text)
    assert [doc[s:e].text for s, e, _ in take_lifespans([], doc, [0])] == want
