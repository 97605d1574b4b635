"""Tests for spacy_elman.headlines: headline verbs off the end of person spans."""

import spacy

from spacy_elman.headlines import trim_verbs

NLP = spacy.blank("en")


def test_trim_verbs_moves_person_ends_back_past_headline_verbs():
    doc = NLP("Amara Diallo Named Head , KOHL SAYS NO , Said Aouita Wins , Acme Wins")
    person, org = 0, 1
    spans = [(0, 3, person), (5, 7, person), (9, 12, person), (13, 15, org)]
    assert trim_verbs(spans, doc, [person]) == [
        (0, 2, person),
        (5, 6, person),
        (9, 11, person),
        (13, 15, org),
    ]


def test_trim_verbs_leaves_hyphenated_words_whole():
    doc = NLP("Kim Ji-won starred")
    assert trim_verbs([(0, 4, 0)], doc, [0]) == [(0, 4, 0)]


def test_trim_verbs_keeps_the_first_token_and_reads_batch_offsets():
    doc = NLP("Named Wins Says")
    assert trim_verbs([(10, 13, 0)], doc, [0], offset=10) == [(10, 11, 0)]
    assert trim_verbs([(10, 12, 1)], doc, [0], offset=10) == [(10, 12, 1)]
