"""Tests for spacy_elman.dashes: person entities cut at dashes with spaces next to them."""

import pytest
import spacy

from spacy_elman.dashes import split_dashes

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("SPORT - Ilse Varga", ["Ilse Varga"]),  # a headline's topic
        ("Chile – Tomás Ekdahl", ["Tomás Ekdahl"]),  # a team and its player, an en dash
        ("Ana Lima - Jonas Berg", ["Ana Lima", "Jonas Berg"]),  # both parts hold a name
        ("TENNIS - RESULTS", ["RESULTS"]),  # no listed name: the last part
        ("Ilse Varga -- Chile", ["Ilse Varga"]),
    ],
)
def test_split_dashes_cuts_person_spans_at_spaced_dashes(text, want):
    doc = NLP(text)
    spans = split_dashes([(0, len(doc), 0)], doc, [0])
    assert [doc[start:end].text for start, end, _ in spans] == want


@pytest.mark.parametrize("text", ["Olufemi Adebayo-Cole", "Kim Ji-won", "Ilse Varga"])
def test_split_dashes_keeps_hyphens_inside_words(text):
    doc = NLP(text)
    assert split_dashes([(0, len(doc), 0)], doc, [0]) == [(0, len(doc), 0)]


def test_split_dashes_leaves_other_labels_and_reads_batch_offsets():
    doc = NLP("SPORT - Ilse Varga")
    assert split_dashes([(10, 14, 1)], doc, [0], offset=10) == [(10, 14, 1)]
    assert split_dashes([(10, 14, 0)], doc, [0], offset=10) == [(12, 14, 0)]


def test_split_dashes_leaves_docs_with_unknown_spaces_alone():
    doc = NLP("Elena Vasquez - Moreno")  # a CoNLL file's tokens: the hyphen may have been unspaced
    doc.has_unknown_spaces = True
    assert split_dashes([(0, 4, 0)], doc, [0]) == [(0, 4, 0)]
