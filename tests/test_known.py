"""The known word forms: lookup, merge, bytes, and the mask they put on the features."""

import numpy as np
import pytest
import spacy

from spacy_elman.features import PAD_ID, docs_features
from spacy_elman.known import (
    NO_FORMS,
    add_forms,
    doc_forms,
    is_known,
    known_from_bytes,
    known_to_bytes,
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def sorted_distinct(rng, n, high=1000):
    return np.unique(rng.integers(0, high, size=n).astype("uint64"))


@pytest.mark.parametrize("seed", range(10))
def test_is_known_equals_isin(seed):
    rng = np.random.default_rng(seed)
    known = sorted_distinct(rng, int(rng.integers(0, 50)))
    lower = rng.integers(0, 1000, size=200).astype("uint64")
    assert is_known(known, lower).tolist() == np.isin(lower, known).tolist()


def test_is_known_with_no_forms_is_all_false():
    assert not is_known(NO_FORMS, np.asarray([0, 1, 2], dtype="uint64")).any()


@pytest.mark.parametrize("seed", range(10))
def test_add_forms_is_the_sorted_union(seed):
    rng = np.random.default_rng(seed)
    known, forms = sorted_distinct(rng, 40), sorted_distinct(rng, int(rng.integers(0, 40)))
    merged = add_forms(known, forms)
    assert merged.dtype == np.uint64
    assert merged.tolist() == np.union1d(known, forms).tolist()


def test_doc_forms_are_the_distinct_lower_hashes(nlp):
    docs = [nlp("Ada met ADA"), nlp(""), nlp("met Bo")]
    strings = nlp.vocab.strings
    want = sorted(strings[w] for w in ["ada", "met", "bo"])
    assert doc_forms(docs).tolist() == want
    assert doc_forms([]).tolist() == []


def test_known_bytes_round_trip():
    known = np.asarray([3, 2**63 + 5, 2**64 - 1], dtype="uint64")
    assert known_from_bytes(known_to_bytes(known)).tolist() == known.tolist()
    assert known_from_bytes(b"").tolist() == []


@pytest.mark.parametrize(
    "data",
    [b"\x01\x02\x03", np.asarray([5, 3], dtype="<u8").tobytes(), np.zeros(2, "<u8").tobytes()],
)
def test_known_from_bytes_rejects_what_known_to_bytes_never_writes(data):
    with pytest.raises(ValueError):
        known_from_bytes(data)


def test_docs_features_known_hides_only_the_word_columns_of_unseen_forms(nlp):
    names = ["lower", "shape", "orth", "suffix", "gazetteer"]
    rows = [1000, 100, 1000, 100, 5]
    docs = [nlp("Ada met Zork"), nlp("zork ADA")]
    known = doc_forms([nlp("ada met")])
    plain = docs_features(docs, names, rows)
    masked = docs_features(docs, names, rows, known)
    unseen = [[False, False, True], [True, False]]
    for p, m, hidden in zip(plain, masked, unseen):
        for i, is_hidden in enumerate(hidden):
            want = p[i].copy()
            if is_hidden:
                want[[0, 2]] = PAD_ID  # lower and orth; shape, suffix, name kind stay
            assert m[i].tolist() == want.tolist()


def test_docs_features_known_reads_the_lower_form_when_it_is_no_feature(nlp):
    docs = [nlp("ADA Zork")]
    (masked,) = docs_features(docs, ["orth", "shape"], [1000, 100], doc_forms([nlp("ada")]))
    (plain,) = docs_features(docs, ["orth", "shape"], [1000, 100])
    assert masked[0].tolist() == plain[0].tolist()  # ADA's lower form "ada" is known
    assert masked[1].tolist() == [PAD_ID, plain[1][1]]


def test_docs_features_known_without_word_features_changes_nothing(nlp):
    docs = [nlp("Ada met Zork")]
    (plain,) = docs_features(docs, ["shape", "suffix"], [100, 100])
    (masked,) = docs_features(docs, ["shape", "suffix"], [100, 100], NO_FORMS)
    assert masked.tolist() == plain.tolist()
