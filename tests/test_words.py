"""words: which tokens continue a hyphenated word, which hold no word."""

import pytest
import spacy
from spacy.tokens import Doc

from spacy_elman.features import docs_features_and_joins
from spacy_elman.words import (
    has_word,
    hyphen_joins,
    hyphen_styles,
    no_letter,
    no_name_word,
    trim_edges,
    word_spans,
)


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


def test_hyphen_joins_reads_pieces_that_meet_the_hyphen_with_a_letter(nlp):
    doc = nlp("Fergus O'Donoghue-Byrne and rock'n'roll-style, 3D-printed, not 1-0 or 3-D")
    assert [t.text for t in doc][1:4] == ["O'Donoghue", "-", "Byrne"]
    assert joined_tokens(doc) == ["-", "Byrne", "-", "style", "-", "printed"]


def test_hyphen_joins_needs_a_word_of_letters_on_each_side(nlp):
    doc = nlp('He said "-" again')
    assert not hyphen_joins(doc).any()


def test_join_positions_per_doc_of_a_batch_equal_hyphen_joins(nlp):
    texts = ["Mary-Jane", "", "-Ann Lee-", "a b", "co-wrote Lee-Smith-Okafor", "x-y", "O'Neil-Li"]
    docs = [nlp(text) for text in texts]
    feats, positions = docs_features_and_joins(docs, ["lower", "shape"], [100, 100])
    assert [len(f) for f in feats] == [len(doc) for doc in docs]
    for doc, pos in zip(docs, positions):
        assert pos.tolist() == hyphen_joins(doc).nonzero()[0].tolist()
    assert [p.tolist() for p in positions] == [
        [1, 2],
        [],
        [],
        [],
        [1, 2, 4, 5, 6, 7],
        [1, 2],
        [1, 2],
    ]


@pytest.mark.parametrize(
    "text, want",
    [("Lena", True), ("O'Neil", True), ("50", True), ("Ł", True), ("李", True)]
    + [("!", False), ("\u2019", False), ("\U0001f60a", False), ("--", False), ("", False)],
)
def test_has_word_needs_a_letter_or_digit(text, want):
    assert has_word(text) is want


def test_trim_edges_moves_edges_inward_and_drops_empty_spans(nlp):
    doc = nlp('thanks Lena ! 😊 😊 and "Dr . Cox"')
    assert [t.text for t in doc] == [
        "thanks",
        "Lena",
        "!",
        "😊",
        "😊",
        "and",
        '"',
        "Dr",
        ".",
        "Cox",
        '"',
    ]
    spans = [(11, 13, 0), (13, 15, 0), (16, 21, 1)]  # a batch's positions: doc starts at 10
    assert trim_edges(spans, doc, offset=10) == [(11, 12, 0), (17, 20, 1)]
    assert trim_edges([(7, 10, 2)], doc) == [(7, 10, 2)]  # "Dr . Cox": inner tokens stay


def test_trim_edges_with_no_letter_trims_only_the_given_labels(nlp):
    doc = nlp("1= Ilse Varga 3:41.2 and 1996 Acme")
    assert [no_letter(token) for token in doc] == [True, False, False, True, False, True, False]
    spans = [(0, 4, 0), (5, 7, 1)]
    want = [(1, 3, 0), (5, 7, 1)]
    assert trim_edges(spans, doc, off_edge=no_letter, labels=[0]) == want
    assert trim_edges([(0, 1, 0)], doc, off_edge=no_letter, labels=[0]) == []


def test_trim_edges_leaves_an_e_mail_address_out(nlp):
    doc = nlp("From: Lena Berg <lena.berg@example.org> (lena.berg@example.org Lena)")
    assert [t.text for t in doc][2:7] == ["Lena", "Berg", "<", "lena.berg@example.org", ">"]
    assert trim_edges([(2, 6, 0), (2, 7, 0), (8, 10, 0)], doc) == [(2, 4, 0), (2, 4, 0), (9, 10, 0)]
    assert trim_edges([(5, 6, 0)], doc) == []


def test_no_name_word_finds_tokens_without_letters_or_with_digits(nlp):
    doc = nlp("B12 , 1996 Ada MP3 O'Neil")
    assert [no_name_word(t) for t in doc] == [True, True, True, False, True, False]


def test_trim_edges_leaves_an_at_handle_out(nlp):
    doc = nlp("@the.real.nomvula followed me , @ubah.writes Ubah Warsame")
    assert [t.text for t in doc][4:6] == ["@ubah.writes", "Ubah"]
    assert trim_edges([(0, 1, 0), (4, 7, 0)], doc) == [(5, 7, 0)]


def test_word_spans_give_one_span_per_word(nlp):
    doc = nlp("Ngozi Eze-Okafor co-wrote it, twice.  Kim Ji-won-Lee!")
    firsts, counts = word_spans(hyphen_joins(doc).nonzero()[0], len(doc))
    words = [doc[a : a + n].text for a, n in zip(firsts, counts)]
    assert words == ["Ngozi", "Eze-Okafor", "co-wrote", "it", ",", "twice", ".", " ", "Kim"] + [
        "Ji-won-Lee",
        "!",
    ]
    assert counts.tolist() == [1, 3, 3, 1, 1, 1, 1, 1, 1, 5, 1]
    assert sum(counts) == len(doc)


def test_word_spans_without_joins_are_the_tokens():
    firsts, counts = word_spans([], 3)
    assert firsts.tolist() == [0, 1, 2] and counts.tolist() == [1, 1, 1]


def test_hyphen_styles_counts_whole_and_split_hyphenated_words(nlp):
    conll = Doc(nlp.vocab, words=["Ngozi", "Eze-Okafor", "and", "O'Neil-Li", "1996-08-30"])
    split = nlp("Ngozi Eze-Okafor co-wrote it - twice 3-0")  # " - " counts: no spaces known
    spaced = Doc(nlp.vocab, words=["Ngozi", "Eze", "-", "Okafor", "-", "-"])
    assert hyphen_styles([conll, split, spaced, nlp(""), nlp("-")]) == (2, 4)


def test_trim_edges_leaves_a_hashtag_body_out(nlp):
    doc = nlp("#JusticeForJenny trending again")
    assert trim_edges([(1, 2, 0)], doc) == []
    doc = nlp("# Jenny trending")  # a lone "#" before a word: the word stays
    assert trim_edges([(1, 2, 0)], doc) == [(1, 2, 0)]
