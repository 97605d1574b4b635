"""Character affix features: the hashed slices of each token's lower form."""

import numpy as np
import pytest
import spacy
from spacy.attrs import LOWER
from spacy.strings import hash_string

from spacy_elman import affixes
from spacy_elman.affixes import AFFIXES, affix_hashes
from spacy_elman.features import FEATURE_NAMES, docs_features

BLANK = spacy.blank("en")
NAMES = list(AFFIXES)


def _hashes(text, names=NAMES):
    doc = BLANK(text)
    return doc, affix_hashes(BLANK.vocab.strings, doc.to_array(LOWER), names)


def test_affix_hashes_are_spacy_hashes_of_the_lower_form_slices():
    doc, hashes = _hashes("Okafor met Li and A")
    expected = {
        "okafor": ["ok", "oka", "or", "afor"],
        "met": ["me", "met", "et", "met"],
        "li": ["li", "li", "li", "li"],
        "a": ["a", "a", "a", "a"],
    }
    assert hashes.shape == (len(doc), len(NAMES))
    for token, row in zip(doc, hashes):
        if token.lower_ in expected:
            assert row.tolist() == [hash_string(s) for s in expected[token.lower_]]


def test_affix_hashes_same_for_every_case_of_a_word():
    _, hashes = _hashes("Tunde tunde TUNDE tUnDe")
    assert (hashes == hashes[0]).all()


def test_affix_hashes_keep_the_order_of_the_names_asked_for():
    _, both = _hashes("Wanjiru Kamau", ["suffix4", "prefix2"])
    _, all_of_them = _hashes("Wanjiru Kamau")
    assert (both == all_of_them[:, [NAMES.index("suffix4"), NAMES.index("prefix2")]]).all()


def test_affix_cache_stays_bounded_and_right_when_emptied(monkeypatch):
    monkeypatch.setattr(affixes, "_cache", {})
    monkeypatch.setattr(affixes, "CACHE_WORDS", 5)
    words = [f"word{i}x" for i in range(12)]
    for start in range(0, len(words), 3):
        doc, hashes = _hashes(" ".join(words[start : start + 3]))
        assert len(affixes._cache) <= 5
        for token, row in zip(doc, hashes):
            assert row[NAMES.index("suffix2")] == hash_string(token.lower_[-2:])


def test_docs_features_affix_columns_follow_the_lower_form():
    docs = [BLANK("Mehmet Ali Yavuz"), BLANK("mehmet ali yavuz")]
    names = ["shape", "prefix3", "suffix4"]
    upper, lower = docs_features(docs, names, [1000, 5000, 5000])
    assert (upper[:, 0] != lower[:, 0]).all()  # the shape tells the case
    assert (upper[:, 1:] == lower[:, 1:]).all()  # the affixes do not


def test_docs_features_batch_equals_each_doc_alone():
    texts = ["Siobhán Gallagher won.", "", "hey anja and tunde", "Jae-sung Park"]
    docs = [BLANK(t) for t in texts]
    names = ["lower", "suffix2", "prefix", "prefix3", "suffix4", "shape"]
    rows = [50000, 2000, 1000, 10000, 20000, 1000]
    batch = docs_features(docs, names, rows)
    for doc, ids in zip(docs, batch):
        assert ids.shape == (len(doc), len(names))
        assert (ids == docs_features([doc], names, rows)[0]).all()
        assert ((ids >= 1) & (ids < np.asarray(rows))).all()


@pytest.mark.parametrize("name", NAMES)
def test_feature_names_include_every_affix(name):
    assert name in FEATURE_NAMES
