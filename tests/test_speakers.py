"""Tests for spacy_elman.speakers: a name before a gesture or around a verb of speech."""

import pytest
import spacy

from spacy_elman.speakers import take_speakers

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Chisom shrugged and said nothing .", ["Chisom"]),
        ("Then Soizic laughed .", ["Soizic"]),  # a stop word before the name
        ("Mary Jane Okafor nodded", ["Mary Jane Okafor"]),
        ('Is it far ? " Nodar asked , holding the map', ["Nodar"]),  # speech after a quote
        ('" Will you hear me out ? " asked Ejiro .', ["Ejiro"]),
        ('" Mark it , " said Lysander , but', ["Lysander"]),
        ('" Mark it , " said Lysander', ["Lysander"]),  # the doc's end
        ("But Nutricia shrugged off the loss", []),  # a figure of speech
        ('" I asked for it , " he said', []),  # "I"
        ('" We will appeal , " Atria said in a statement', []),  # "said" after a name
        ('" We will appeal , " said Krio historian Ebenezer', []),  # a word after the name
        ("Okafor asked the court", []),  # speech without a quote
        ("The Doctor laughed", []),  # a determiner before it
        ("Kisumu laughed", []),  # a place
        ("Grandma laughed", []),  # a title
    ],
)
def test_take_speakers_tags_the_name_by_its_verb(text, want):
    doc = NLP(text)
    assert [doc[s:e].text for s, e, _ in take_speakers([], doc, [0])] == want


def test_take_speakers_leaves_names_a_span_touches_and_reads_offsets():
    doc = NLP("Mary Jane laughed and Chisom shrugged")
    assert take_speakers([(11, 12, 1)], doc, [0], offset=10) == [(11, 12, 1), (14, 15, 0)]
    tokens = doc.to_array("ORTH").tolist()
    assert take_speakers([], doc, [0], offset=10, tokens=tokens) == [(10, 12, 0), (14, 15, 0)]
    assert take_speakers([], doc, []) == []
