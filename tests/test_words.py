"""words: which tokens continue a hyphenated word."""

import pytest
import spacy

from spacy_elman.features import docs_features_and_joins
from spacy_elman.words import hyphen_joins


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def joined_tokens(doc):
    return [token.text for token, joined in zip(doc, hyphen_joins(doc)) if joined]


def test_hyphen_joins_marks_the_hyphen_and_the_piece_after_it(nlp):
    doc = nlp("Olufemi Adebayo-Cole co-wrote the Pierre-Emerick-Aubameyang story.")
    assert [t.text for t in doc][1:4] == ["Adebayo", "-", "Cole"]  # the tokenizer splits it
    joins = hyphen_joins(doc)
    assert joins.dtype == bool and joins.shape == (len(doc),)
    assert joined_tokens(doc) == ["-", "Cole", "-", "wrote", "-", "Emerick", "-", "Aubameyang"]
    assert not joins[[0, 1, 4]].any()  # a word's first piece does not continue anything


@pytest.mark.parametrize(
    "text",
    [
        "Kagame - Ruto",  # spaced: a dash between words
        "the Kagame–Ruto talks",  # an en dash separates
        "wait -- what",
        "well-",  # no piece after it
        "-Cole",
        "",
        "Ann",
        "Ann Lee",
        "on 1996-08-30",  # digits: dates and scores are not names
        "Covid-19",
    ],
)
def test_hyphen_joins_leaves_dashes_between_words_alone(nlp, text):
    assert not hyphen_joins(nlp(text)).any()


def test_hyphen_joins_needs_a_word_of_letters_on_each_side(nlp):
    doc = nlp('He said "-" again')
    assert not hyphen_joins(doc).any()


def test_join_positions_per_doc_of_a_batch_equal_hyphen_joins(nlp):
    texts = ["Mary-Jane", "", "-Ann Lee-", "a b", "co-wrote Lee-Smith-Okafor", "x-y", "-"]
    docs = [nlp(text) for text in texts]
    feats, positions = docs_features_and_joins(docs, ["lower", "shape"], [100, 100])
    assert [len(f) for f in feats] == [len(doc) for doc in docs]
    for doc, pos in zip(docs, positions):
        assert pos.tolist() == hyphen_joins(doc).nonzero()[0].tolist()
    assert [p.tolist() for p in positions] == [[1, 2], [], [], [], [1, 2, 4, 5, 6, 7], [1, 2], []]
