"""Tests for spacy_elman.repeats: a surname again later in the same text."""

import pytest
import spacy

from spacy_elman import repeats
from spacy_elman.repeats import take_repeats

NLP = spacy.blank("en")


@pytest.fixture(autouse=True)
def any_length(monkeypatch):
    """These short docs stand for long ones: the rule reads docs of any length here."""
    monkeypatch.setattr(repeats, "MIN_TOKENS", 0)


def test_take_repeats_leaves_docs_shorter_than_min_tokens_alone(monkeypatch):
    monkeypatch.setattr(repeats, "MIN_TOKENS", 40)
    doc = NLP("MaliVai Washington won . Later , Washington said so .")
    assert take_repeats([(0, 2, 0)], doc, [0]) == [(0, 2, 0)]
    long = NLP("MaliVai Washington won . Later , Washington said so . " + "Rain fell . " * 10)
    assert len(long) >= 40
    assert take_repeats([(0, 2, 0)], long, [0]) == [(0, 2, 0), (6, 7, 0)]


def test_take_repeats_tags_the_other_mentions_of_a_surname():
    doc = NLP('MaliVai Washington won . Later , Washington said , " Washington is home . "')
    assert take_repeats([(0, 2, 0)], doc, [0]) == [(0, 2, 0), (6, 7, 0), (10, 11, 0)]
    # beside another capitalised word outside an entity it is left alone, even where that
    # word only opens the sentence
    doc = NLP("MaliVai Washington won . Later Washington said so .")
    assert take_repeats([(0, 2, 0)], doc, [0]) == [(0, 2, 0)]


def test_take_repeats_reads_surnames_of_full_names_only():
    doc = NLP("Magna met Ford Motor . Magna and Ford said no . Ann Ford spoke .")
    # a one-word entity is no source; "Ford" beside "Motor" (a capitalised word outside
    # every entity) is left alone; "Ford" after "and" is tagged
    spans = [(0, 1, 0), (11, 13, 0)]
    assert take_repeats(spans, doc, [0]) == [(0, 1, 0), (7, 8, 0), (11, 13, 0)]


def test_take_repeats_keeps_labels_offsets_and_other_entities():
    doc = NLP("Ann Ford spoke . Ford Motor and Ford")
    # "Ford Motor" is an organisation: its "Ford" is taken; the last "Ford" is new
    spans = [(10, 12, 0), (14, 16, 1)]
    assert take_repeats(spans, doc, [0], offset=10) == [(10, 12, 0), (14, 16, 1), (17, 18, 0)]
    # a surname of another label's entity is no source
    assert take_repeats([(10, 12, 1)], doc, [0], offset=10) == [(10, 12, 1)]
