"""Tests for spacy_elman.honorifics: the name after Mr, Mrs, Dr and the like."""

import pytest
import spacy

from spacy_elman.honorifics import take_honorifics

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Mrs Quennell would like to thank parents", ["Quennell"]),
        ("Dr . Ama Boateng-Owusu said", ["Ama Boateng-Owusu"]),  # a full stop, a hyphen
        ("ask Miss Pennington first", ["Pennington"]),
        ("Miss Universe was crowned", []),  # a contest
        ("Miss Venezuela was crowned", []),  # a place
        ("Mr. President , you", []),  # a title
        ("Mr and Mrs Lund came", ["Lund"]),  # a stop word after the first honorific
        ("the mr whippy van", []),  # lower case
        ("buy a card for Auntie Myfanwy", ["Myfanwy"]),  # a kinship title
        ("The Revd Oghenevwegba Adeyemo-Hart will lead", ["Oghenevwegba Adeyemo-Hart"]),
        ("Detective Sergeant Abioye Latunde-Price asked", ["Abioye Latunde-Price"]),
        ("played for President Lincoln in 1863", ["Lincoln"]),  # an office
        ("the Sheikh Zayed Grand Mosque opened", []),  # a thing named after a person
        ("landed at President Kennedy International Airport", []),
        ("Mayor Beaumont Vows to Fix Potholes", ["Beaumont"]),  # a headline's verb ends it
        ("Prince-Bishop Petar II ruled", []),  # the end of a compound title
        ("Cllr Sahota asked whether", ["Sahota"]),
        ("Mr Speaker : Order .", []),  # a title after the honorific
    ],
)
def test_take_honorifics_tags_the_name_after_an_honorific(text, want):
    doc = NLP(text)
    assert [doc[s:e].text for s, e, _ in take_honorifics([], doc, [0])] == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("survived by her son Athelstan , her daughter", ["Athelstan"]),
        ("My late husband Lahcen planted those trees", ["Lahcen"]),
        ("she married her husband Jyotirao Phule in 1840", ["Jyotirao Phule"]),
        ("the Kosovo-born winger Arbnor Ferati from Grasshoppers", ["Arbnor Ferati"]),
        ("her son Harry came", []),  # a known word: the tagger has read it
        ("its partner Minorco said", []),  # a firm's partner
        ("her brother Yann-Fañch Le Bihan sang", []),  # too long to know where it ends
        ("her son Kisumu visited", []),  # a place
        ("her Son Athelstan", []),  # a relation only in lower case
    ],
)
def test_take_honorifics_tags_the_rare_name_after_a_relation(text, want):
    doc = NLP(text)
    assert [doc[s:e].text for s, e, _ in take_honorifics([], doc, [0])] == want


def test_take_honorifics_leaves_names_a_span_touches_and_reads_offsets():
    doc = NLP("Mrs Ann Quennell and Dr Obi")
    assert take_honorifics([(11, 12, 1)], doc, [0], offset=10) == [(11, 12, 1), (15, 16, 0)]
