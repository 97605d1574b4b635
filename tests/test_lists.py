"""Tests for spacy_elman.lists: the other items of a list of people."""

import pytest
import spacy

from spacy_elman.lists import take_lists

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, spans, want",
    [
        # most items found: the others are people too
        (
            "Team for the quiz : Jemima , Pennycook , Nettleship and Senthil .",
            [(5, 6), (11, 12)],
            ["Jemima", "Pennycook", "Nettleship", "Senthil"],
        ),
        # asides in brackets, names of two words, a hyphenated one, the serial comma
        (
            "Present : Ada Obi ( chair ) , Featherstonehaugh , Zoe Adeyemo-Frost , and Cattermole",
            [(2, 4), (16, 17)],
            ["Ada Obi", "Featherstonehaugh", "Zoe Adeyemo-Frost", "Cattermole"],
        ),
        (
            "Rota : Evander ( January ) , Tiyamike ( February ) , Bogusław ( March ) , me",
            [(2, 3), (12, 13)],
            ["Evander", "Tiyamike", "Bogusław"],
        ),
    ],
)
def test_take_lists_tags_the_other_items_of_a_list_of_people(text, spans, want):
    doc = NLP(text)
    out = take_lists([(s, e, 0) for s, e in spans], doc, [0])
    assert [doc[s:e].text for s, e, _ in out] == want


@pytest.mark.parametrize(
    "text, spans",
    [
        ("Jemima , Pennycook , Nettleship and Senthil", [(0, 1)]),  # one person only
        ("Ann Lee , Pennycook , Nettleship , Soto and Senthil", [(0, 2), (9, 10)]),  # 2 of 5
        ("Jemima and Senthil", [(0, 1), (2, 3)]),  # two items: nothing to add
        ("Jemima , Pamplona and Senthil", [(0, 1), (4, 5)]),  # a place
        ("Elizabeth , New Jersey , and Augusta , Georgia", [(0, 1), (6, 7)]),  # places
        ("Jemima , Mr and Senthil", [(0, 1), (4, 5)]),  # a title
    ],
)
def test_take_lists_leaves_other_lists_alone(text, spans):
    doc = NLP(text)
    given = [(s, e, 0) for s, e in spans]
    assert take_lists(given, doc, [0]) == given


def test_take_lists_leaves_items_another_span_touches_and_reads_offsets():
    doc = NLP("Jemima , Pennycook , Nettleship and Senthil")
    person, org = 0, 1
    spans = [(10, 11, person), (12, 13, org), (14, 15, person), (16, 17, person)]
    assert take_lists(spans, doc, [person], offset=10) == spans
    spans = [(10, 11, person), (14, 15, person), (16, 17, person)]
    assert take_lists(spans, doc, [person], offset=10) == [*spans[:1], (12, 13, 0), *spans[1:]]
