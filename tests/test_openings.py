"""Tests for spacy_elman.openings: a name that opens a sentence, read by the tagger's doubt."""

import numpy as np
import pytest
import spacy

from spacy_elman.errors import ElmanError
from spacy_elman.openings import NAME_TAG, check_opening_names, open_names

NLP = spacy.blank("en")


def tag_alone(text, p_outside=0.7, threshold=0.2):
    """The words of ``text`` that open_names tags, all tagged O with ``p_outside``."""
    doc = NLP(text)
    tags = np.zeros((len(doc),), dtype="int32")
    probs = np.full((len(doc),), p_outside, dtype="float32")
    new = open_names(tags, probs, [doc], [0], threshold)
    return [doc[i].text for i in np.flatnonzero(new == NAME_TAG)]


@pytest.mark.parametrize(
    "text, want",
    [
        ("Pilialoha explains why warm water matters .", ["Pilialoha"]),
        ("It rained . Cetshwayo was king .", ["Cetshwayo"]),  # after a sentence's end
        ("They asked Pilialoha why .", []),  # not at a sentence's start
        ("Shares rose again .", []),  # a word with a Brown cluster
        ("Cruiserweight champions met .", []),  # a title
        ("Kisumu lies on the lake .", []),  # a place
        ("Pilialoha Kealoha explains .", []),  # a capitalised word after it
        ("Stenhousemuir 3 Arbroath 1", []),  # a number after it: a table's team
        ("Scrum - half play .", []),  # a hyphen after it
    ],
)
def test_open_names_tags_a_rare_word_that_opens_a_sentence(text, want):
    assert tag_alone(text) == want


def test_open_names_reads_the_threshold_and_other_tags():
    assert tag_alone("Pilialoha explains .", p_outside=0.9) == []  # 0.1 a name
    assert tag_alone("Pilialoha explains .", p_outside=0.9, threshold=0.1) == ["Pilialoha"]
    doc = NLP("Pilialoha explains .")
    tags = np.asarray([2, 0, 0], dtype="int32")  # not O: left as it is
    probs = np.full((3,), 0.5, dtype="float32")
    assert open_names(tags, probs, [doc], [0], 0.2).tolist() == [2, 0, 0]


def test_open_names_reads_each_doc_from_its_start():
    docs = [NLP("It rained ."), NLP("Pilialoha explains .")]
    tags = np.zeros((6,), dtype="int32")
    probs = np.asarray([0.7, 0.7, 0.7, 0.7, 0.99, 0.99], dtype="float32")
    assert np.flatnonzero(open_names(tags, probs, docs, [0, 3], 0.2)).tolist() == [3]


@pytest.mark.parametrize("value", [-0.1, 1.01, float("nan"), True, "0.2"])
def test_check_opening_names_wants_a_probability(value):
    with pytest.raises(ElmanError, match="E028"):
        check_opening_names(value)
    check_opening_names(0.2)
    check_opening_names(0)
