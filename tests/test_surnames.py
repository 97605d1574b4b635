"""Tests for spacy_elman.surnames: a rare capitalised word after a name is its surname."""

import pytest
import spacy

from spacy_elman.surnames import rare_capital, take_surnames

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("Kristoffer Aasland (Norway) 66 68", (0, 1), (0, 2)),
        ("The teenager Javohir Tursunov drew", (2, 3), (2, 4)),
        ("Mikalojus Konstantinas Čiurlionis was a painter", (0, 2), (0, 3)),
        ("Ana Quarmbyfield Ulvestadheim Brökkelund Tessarovich left", (0, 1), (0, 4)),  # 4 words
        ("Maria Smith left", (0, 1), (0, 1)),  # a surname with a cluster: the tagger's call
        ("Maria Monday left", (0, 1), (0, 1)),  # a word of English text
        ("Maria AASLAND left", (0, 1), (0, 1)),  # a headline's capitals
        ("Maria aasland left", (0, 1), (0, 1)),  # lower case
        ("Maria 3M left", (0, 1), (0, 1)),  # not letters
        ("Opener Chamindu Wijesekara made 87", (2, 3), (1, 3)),  # back over a rare word
        ("Flanker Siaosi Leaupepe was sent off", (1, 3), (1, 3)),  # not a role
        ("Auntie Titilayo cooked", (1, 2), (1, 2)),  # nor a title
        ("Kristoffer Aasland Bjørnstadvik Tessarovich Ulvestadheim won", (1, 2), (1, 5)),
    ],
)
def test_take_surnames_takes_rare_capitalised_words_after_a_name(text, span, want):
    doc = NLP(text)
    assert take_surnames([(*span, 0)], doc, [0]) == [(*want, 0)]


def test_take_surnames_leaves_other_labels_and_next_spans_and_reads_offsets():
    doc = NLP("Kristoffer Aasland Bjørnstadvik won")
    assert take_surnames([(0, 1, 1)], doc, [0]) == [(0, 1, 1)]  # not a person label
    assert take_surnames([(0, 1, 0), (2, 3, 1)], doc, [0]) == [(0, 2, 0), (2, 3, 1)]
    assert take_surnames([(10, 11, 0)], doc, [0], offset=10) == [(10, 13, 0)]


@pytest.mark.parametrize(
    "text, rare",
    [("Aasland", True), ("Tursunov", True), ("Smith", False), ("London", False), ("Monday", False)]
    + [("AASLAND", False), ("aasland", False), ("A", False), ("Aas-land", False)]
    + [("Awwwww", False), ("Lol", False)],
)
def test_rare_capital_reads_case_letters_and_brown_clusters(text, rare):
    assert rare_capital(text) is rare
