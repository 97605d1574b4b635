"""Tests for spacy_elman.chat: chat words off the edges of entities."""

import pytest
import spacy

from spacy_elman.chat import is_chat_word, trim_chat_words, trim_stop_words

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
        ("merci", True),  # greetings and thanks of other languages, in lower case
        ("yalla", True),
        ("Merci", False),
        ("ayo", False),  # a given name
        ("sooo", True),
        ("soo", False),
        ("bday", True),
        ("aupa", True),
        ("ngiyabonga", True),
        ("vinaka", True),
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


def test_trim_chat_words_moves_past_greetings_of_other_languages():
    doc = NLP("merci tiit pour hier , wa alaikum salaam umair bhai")
    assert trim_chat_words([(0, 2, 0), (6, 9, 0)], doc) == [(1, 2, 0), (8, 9, 0)]


def test_trim_stop_words_moves_person_edges_past_lower_case_stop_words():
    doc = NLP("toomas already booked , the Ada Obi and da-in , Will Obi")
    spans = [(0, 2, 0), (4, 7, 0), (7, 11, 0), (12, 14, 0), (4, 6, 1)]
    assert trim_stop_words(spans, doc, [0]) == [
        (0, 1, 0),
        (5, 7, 0),
        (8, 11, 0),
        (12, 14, 0),
        (4, 6, 1),
    ]


def test_trim_stop_words_keeps_particles_and_reads_offsets():
    doc = NLP("kha bin layla and Ludwig van")
    assert trim_stop_words([(10, 13, 0), (14, 16, 0)], doc, [0], offset=10) == [
        (10, 13, 0),
        (14, 16, 0),
    ]
