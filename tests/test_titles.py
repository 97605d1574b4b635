"""Tests for spacy_elman.titles: titles and relation words off the start of person spans."""

import pytest
import spacy

from spacy_elman.titles import is_title, trim_titles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Mayor", True),
        ("MAYOR", True),
        ("Dr.", True),
        ("dr", True),
        ("Grandma", True),
        ("cousin", True),
        ("Cousin", False),  # a relation word counts in lower case only
        ("Son", False),
        ("son", True),
        ("Will", False),
        ("Major", False),
        ("Beaumont", False),
    ],
)
def test_is_title_titles_any_case_relations_lower_case(text, want):
    assert is_title(text) is want


def test_trim_titles_moves_person_starts_past_titles():
    doc = NLP("Lord Ashcombe met Dr . Cox , her cousin Sione and Mayor Beaumont of Mayor Inc")
    person, org = 0, 1
    spans = [(0, 2, person), (3, 6, person), (8, 10, person), (11, 13, person), (14, 17, org)]
    assert trim_titles(spans, doc, [person]) == [
        (1, 2, person),  # Ashcombe
        (5, 6, person),  # Cox: the title's "." goes too
        (9, 10, person),  # Sione
        (12, 13, person),  # Beaumont
        (14, 17, org),  # not a person label: kept
    ]


def test_trim_titles_keeps_the_last_token_and_inner_titles():
    doc = NLP("Mayor said President Lula met Mr Mr")
    spans = [(0, 1, 0), (2, 4, 0), (5, 7, 0)]
    # a lone title stays (the model's call); "Mr Mr" keeps its last token
    assert trim_titles(spans, doc, [0]) == [(0, 1, 0), (3, 4, 0), (6, 7, 0)]


def test_trim_titles_reads_batch_offsets():
    doc = NLP("thanks Coach Rafael Benítez")
    assert trim_titles([(11, 14, 2)], doc, [2], offset=10) == [(12, 14, 2)]
