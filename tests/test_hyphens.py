"""Tests for spacy_elman.hyphens: person spans take a double-barrelled surname after them."""

import pytest
import spacy

from spacy_elman.hyphens import hyphen_after, take_hyphenated

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("Tamsin Ayo-Brennan left", (0, 1), "Tamsin Ayo-Brennan"),
        ("It was Tamsin Ayo-Brennan .", (2, 3), "Tamsin Ayo-Brennan"),
        ("Tamsin Ayo-Brennan-Kuti", (0, 1), "Tamsin Ayo-Brennan-Kuti"),
        ("Diallo Hat-Trick Stuns", (0, 1), "Diallo"),  # a title-case headline
        ("Tamsin Ayo-brennan", (0, 1), "Tamsin"),  # a lower-case piece
        ("TAMSIN AYO-BRENNAN", (0, 1), "TAMSIN"),  # capitals: read by the tagger alone
        ("Tamsin Stoke-on-Trent", (0, 1), "Tamsin"),
        ("Tamsin Ayo - Brennan", (0, 1), "Tamsin"),  # a spaced dash, not a hyphen
        ("Tamsin 12-Brennan", (0, 1), "Tamsin"),
        ("Tamsin", (0, 1), "Tamsin"),
    ],
)
def test_take_hyphenated_takes_a_capitalised_hyphenated_word(text, span, want):
    doc = NLP(text)
    (start, end, _label), *_ = take_hyphenated([(*span, 0)], doc, [0])
    assert doc[start:end].text == want


def test_take_hyphenated_leaves_other_labels_and_next_spans_and_reads_offsets():
    doc = NLP("Tamsin Ayo-Brennan left")
    assert take_hyphenated([(0, 1, 1)], doc, [0]) == [(0, 1, 1)]
    assert take_hyphenated([(0, 1, 0), (1, 4, 1)], doc, [0]) == [(0, 1, 0), (1, 4, 1)]
    assert take_hyphenated([(0, 1, 0), (4, 5, 1)], doc, [0]) == [(0, 4, 0), (4, 5, 1)]
    assert take_hyphenated([(10, 11, 0)], doc, [0], offset=10) == [(10, 14, 0)]


def test_hyphen_after_needs_a_hyphen_joined_to_the_token():
    doc = NLP("Ayo-Brennan and Ayo - Brennan")
    assert [hyphen_after(doc, i) for i in range(len(doc))] == [True] + [False] * 6
