"""The memo of the forms' feature ids (spacy_elman/form_rows.py) and its use by features."""

import numpy as np
import pytest
import spacy

from spacy_elman.features import FEATURE_NAMES, docs_features, docs_features_and_joins
from spacy_elman.form_rows import FormRows
from spacy_elman.known import add_forms, doc_forms

FEATURES = ["lower", "prefix", "suffix", "shape", "cluster", "gazetteer_v2", "prefix3", "suffix4"]
ROWS = [5000, 100, 1000, 100, 1001, 5, 997, 1009]
TEXTS = [
    "Amara Okafor-Bello met Jae-sung Park in Lagos on Monday.",
    "lol amara u coming?? 😂 #TeamAmara",
    "SOCCER - OKAFOR SCORES TWICE AS NIGERIA WIN 3-1 .",
    "Mr. O'Neill didn't say; she said \u201cno\u201d to 3,000 people.",
    "Amara Okafor-Bello met the press again in Lagos.",
    "東京 and Zürich: Ærø, ÉCOLE, naïve café.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def batches(nlp, n=3):
    docs = list(nlp.pipe(TEXTS * 2))
    return [docs[i : i + n] for i in range(0, len(docs), n)]


@pytest.mark.parametrize("max_forms", [200_000, 12, 1])
def test_form_rows_give_the_ids_of_the_plain_fold(nlp, max_forms):
    known = add_forms(np.zeros((0,), dtype="uint64"), doc_forms(list(nlp.pipe(TEXTS[:2]))))
    memo = FormRows(max_forms)
    for batch in batches(nlp):
        for k in (None, known):
            plain, plain_joins = docs_features_and_joins(batch, FEATURES, ROWS, k)
            memo_ids, memo_joins = docs_features_and_joins(batch, FEATURES, ROWS, k, memo)
            for a, b in zip(plain, memo_ids):
                np.testing.assert_array_equal(a, b)
            for a, b in zip(plain_joins, memo_joins):
                np.testing.assert_array_equal(a, b)
        assert len(memo) <= max(max_forms, max(len(set(t.orth for d in batch for t in d)), 1))


def test_form_rows_give_the_plain_ids_of_every_feature(nlp):
    features = [name for name in FEATURE_NAMES if name != "norm"]
    rows = [997] * len(features)
    memo = FormRows()
    for batch in batches(nlp, 4):
        plain = docs_features(batch, features, rows)
        for a, b in zip(plain, docs_features(batch, features, rows, None, memo)):
            np.testing.assert_array_equal(a, b)
    assert len(memo) > 0


def test_form_rows_reuse_held_forms_and_start_again_for_another_model(nlp):
    memo = FormRows()
    docs = list(nlp.pipe(TEXTS))
    docs_features(docs[:1], FEATURES, ROWS, None, memo)
    held = len(memo)
    assert held == len({token.orth for token in docs[0]})
    docs_features(docs[:1], FEATURES, ROWS, None, memo)
    assert len(memo) == held  # nothing new
    docs_features(docs[4:5], FEATURES, ROWS, None, memo)
    assert len(memo) > held  # the second doc's new forms only
    other = [*ROWS[:-1], 11]
    docs_features(docs[:1], FEATURES, other, None, memo)
    assert len(memo) == held  # other table sizes: started again


def test_form_rows_give_the_plain_ids_around_empty_docs(nlp):
    docs = [nlp(""), nlp("Ana Lima"), nlp(""), nlp("Jo de Riva ."), nlp("")]
    memo = FormRows()
    for _ in range(2):  # a fresh memo, then a full one
        plain = docs_features(docs, FEATURES, ROWS)
        ids = docs_features(docs, FEATURES, ROWS, None, memo)
        assert [len(a) for a in ids] == [0, 2, 0, 4, 0]
        for a, b in zip(plain, ids):
            np.testing.assert_array_equal(a, b)


def test_form_rows_are_not_used_for_norm(nlp):
    """A token's norm is its own (a tokenizer exception sets it), not its form's."""
    memo = FormRows()
    docs = [nlp("He didn't go."), nlp("We don't know.")]
    plain = docs_features(docs, ["norm", "lower"], [1000, 1000])
    ids = docs_features(docs, ["norm", "lower"], [1000, 1000], None, memo)
    for a, b in zip(plain, ids):
        np.testing.assert_array_equal(a, b)
    assert len(memo) == 0


def test_form_rows_look_up_sorted_forms_only_for_the_same_model():
    memo = FormRows()
    spec = (("lower",), (10,))
    known = np.asarray([5], dtype="uint64")
    forms = np.asarray([3, 7, 9], dtype="uint64")
    memo.add(spec, known, forms, np.asarray([[1], [2], [3]], dtype="int32"))
    found, rows = memo.look_up(spec, known, np.asarray([1, 7, 9, 12], dtype="uint64"))
    assert found.tolist() == [False, True, True, False]
    assert rows[:, 0].tolist() == [2, 3]
    other_known = known.copy()
    found, rows = memo.look_up(spec, other_known, forms)
    assert not found.any() and rows.shape == (0, 1)
