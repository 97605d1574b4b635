"""Tests for spacy_elman.citations: the first author before "et al."."""

import pytest
import spacy

from spacy_elman.citations import take_citations

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Our approach follows that of Hegazy et al. (2021), with two changes.", ["Hegazy"]),
        ("As Van der Berg et al showed, it holds.", ["Van der Berg"]),  # particles inside
        ("A study by J. R. Okafor et al. agrees.", ["J. R. Okafor"]),  # initials
        ("As Dr Okafor et al. showed", ["Okafor"]),  # a title outside
        ("Ama Obi-Mensah et al. (2019) found it.", ["Ama Obi-Mensah"]),  # a hyphen joins
        ("see the survey by the team et al. in 2020", []),  # a stop word before "et al."
        ("Nigeria et al. signed the accord", []),  # a place
        ("Hegazy and colleagues (2021) found it", []),  # no "et al."
    ],
)
def test_take_citations_tags_the_first_author_before_et_al(text, want):
    doc = NLP(text)
    assert [doc[s:e].text for s, e, _ in take_citations([], doc, [0])] == want


def test_take_citations_leaves_names_a_span_touches_and_reads_offsets():
    doc = NLP("Hegazy et al. and Obi et al. agree")
    assert take_citations([(10, 11, 1)], doc, [0], offset=10) == [(10, 11, 1), (15, 16, 0)]
    assert take_citations([], doc, [0], offset=10, tokens=doc.to_array("ORTH").tolist()) == [
        (10, 11, 0),
        (15, 16, 0),
    ]
