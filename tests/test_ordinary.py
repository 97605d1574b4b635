"""Tests for spacy_elman.ordinary: name-like words in their ordinary sense."""

import pytest
import spacy

from spacy_elman.ordinary import drop_ordinary, is_ordinary

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, i",
    [
        ("MOGADISHU , Jan 22 - The minister said", 2),  # a month before a day
        ("on 3 Sept. 1990 she left", 2),  # after a number, abbreviated with "."
        ("May 2020 was dry", 0),
        ("Pat the dough dry .", 0),  # a verb that opens a sentence
        ("Mark my words .", 0),
        ("It broke . Sue the airline !", 3),  # after a sentence's end
        ("Will you come ?", 0),
        ("can't wait for summer , this rain", 4),  # a season after a preposition
        ("see you this Autumn", 3),  # capitalised after a determiner
        ("The Dyson has better suction", 1),  # a name right after "the"
        ("Bought this Dyson for my mum", 2),  # or a demonstrative or a possessive
        ("my Dyson broke", 1),
        ("Posted by grumpy_gasket » Tue 3 Oct", 4),  # a day of the week
        ("Council tax band D.", 3),  # a single letter
        ("PAKISTAN WIN BY SEVEN WICKETS", 3),  # a number word
        ("Seven Iraqis charged", 0),
    ],
)
def test_is_ordinary_finds_months_by_numbers_and_verbs_opening_a_sentence(text, i):
    assert is_ordinary(NLP(text), i)


@pytest.mark.parametrize(
    "text, i",
    [
        ("Jan said 22 words", 0),  # a month word not beside a number
        ("May Thandar arrives", 0),
        ("Pat Hennessy left .", 0),  # a verb of a name's form before a name
        ("Pat said the dough was dry .", 0),
        ("ask Pat the way", 1),  # not at a sentence's start
        ("pat the dog", 0),  # lower case: the rule reads capitalised words only
        ("Rusty nails lay there", 0),  # not in the verb list
        ("a gift for Summer", 3),  # capitalised after a preposition: a name
        ("summer sent the playlist", 0),  # nothing before it
        ("the Kennedys came", 1),  # a family: a plural after "the"
        ("I told her Maria left", 3),  # "her" is also an object
    ],
)
def test_is_ordinary_leaves_names_alone(text, i):
    assert not is_ordinary(NLP(text), i)


def test_drop_ordinary_drops_one_word_person_spans_only():
    doc = NLP("Mark my words , Jan 22 will come . Jan 22 Kowalski")
    person, org = 0, 1
    spans = [(0, 1, person), (4, 5, org), (9, 11, person)]
    # a span of several words and a span of another label stay
    assert drop_ordinary(spans, doc, [person]) == [(4, 5, org), (9, 11, person)]
    assert drop_ordinary([(14, 15, person)], doc, [person], offset=10) == []
