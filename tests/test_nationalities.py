"""Tests for spacy_elman.nationalities: nationalities off the start of person names."""

import pytest
import spacy

from spacy_elman.nationalities import is_nationality, trim_nationalities

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Mexican", True),
        ("MEXICAN", True),
        ("mexican", False),
        ("Mexico", False),
        ("Pashtun", True),  # the second block: peoples and their languages
        ("Okinawan", True),
        ("Maya", False),  # a given name in the name lists
        ("Sherpa", False),  # a surname we know (Tenzing Sherpa)
    ],
)
def test_is_nationality_reads_capitalised_forms(text, want):
    assert is_nationality(text) is want


@pytest.mark.parametrize(
    "text, want",
    [
        ("Mexican Ariel Cruz", ["Ariel Cruz"]),
        ("AMERICAN OLIVER", ["OLIVER"]),
        ("Tongan", []),  # a nationality alone: dropped
        ("Mapuche", []),
        ("Galician Rosalía Castro", ["Rosalía Castro"]),
        ("Greenlandic-Danish", []),  # nationalities joined by hyphens
        ("Ladino", []),  # a language
        ("Greenlandic-Danish Knud", ["Greenlandic-Danish Knud"]),  # left to the model
        ("Dawn French", ["Dawn French"]),  # a surname, not at the start
        ("Welsh rarebit", ["Welsh rarebit"]),  # no capitalised word after it
        ("Spaniard Ana Ruiz", ["Ana Ruiz"]),  # a people's noun
        ("Setswana", []),  # a Bantu language with its prefix
        ("Ulsterman Ciarán Brannock", ["Ciarán Brannock"]),  # a region's people
        ("Finn Russell", ["Finn Russell"]),  # a given name too: only after an article
    ],
)
def test_trim_nationalities_cuts_nationalities_off_person_spans(text, want):
    doc = NLP(text)
    spans = trim_nationalities([(0, len(doc), 0)], doc, [0])
    assert [doc[start:end].text for start, end, _ in spans] == want


def test_trim_nationalities_leaves_other_labels_and_reads_batch_offsets():
    doc = NLP("the Mexican Ariel Cruz")
    assert trim_nationalities([(11, 14, 1)], doc, [0], offset=10) == [(11, 14, 1)]
    assert trim_nationalities([(11, 14, 0)], doc, [0], offset=10) == [(12, 14, 0)]


def test_trim_nationalities_reads_nouns_that_are_also_names_after_an_article():
    doc = NLP("ahead of the Finn Iida Marjamäki and Dane Swan")
    spans = [(3, 6, 0), (7, 9, 0)]
    assert trim_nationalities(spans, doc, [0]) == [(4, 6, 0), (7, 9, 0)]
