"""Tests for spacy_elman.chat: chat words off the edges of entities."""

import pytest
import spacy

from spacy_elman.chat import is_chat_word, trim_chat_words

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("lol", True),
        ("LOL", True),
        ("Lmaooo", True),
        ("hahaha", True),
        ("Hehe", True),
        ("xD", True),
        ("ur", True),
        ("Ur", False),  # the city
        ("Ty", False),  # a name
        ("ha", False),
        ("Ha", False),  # a surname
        ("lolita", False),
        ("Laura", False),
        ("ahh", True),  # interjections, drawn out or not
        ("Ugh", True),
        ("hmmm", True),
        ("Hugh", False),
        ("oh", False),
    ],
)
def test_is_chat_word_interjections_any_case_shorthand_lower_case(text, want):
    assert is_chat_word(text) is want


def test_trim_chat_words_moves_both_edges_and_drops_empty_spans():
    doc = NLP("lol lucas and chiara ur hair , Jimmy xD , lmao")
    spans = [(0, 2, 0), (3, 5, 0), (7, 9, 1), (10, 11, 0)]
    assert trim_chat_words(spans, doc) == [(1, 2, 0), (3, 4, 0), (7, 8, 1)]


def test_trim_chat_words_keeps_names_and_reads_batch_offsets():
    doc = NLP("Ty Ur met Ha Joon")
    assert trim_chat_words([(10, 12, 0), (13, 15, 0)], doc, offset=10) == [(10, 12, 0), (13, 15, 0)]
