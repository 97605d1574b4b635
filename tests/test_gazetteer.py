"""gazetteer: the person-name lists feature, and the shipped word tables it shares with clusters."""

import numpy as np
import pytest
import spacy
from spacy.strings import get_string_id

from spacy_elman.errors import ElmanError
from spacy_elman.features import docs_features
from spacy_elman.gazetteer import N_KINDS, gazetteer_ids, gazetteer_table
from spacy_elman.tables import lookup

FIRST, LAST, BOTH = 1, 2, 3


def kinds_of(*words):
    lower = np.asarray([get_string_id(w.lower()) for w in words], dtype="uint64")
    return gazetteer_ids(lower).tolist()


def test_gazetteer_table_is_sorted_unique_and_in_range():
    keys, ids = gazetteer_table()
    assert len(keys) == len(ids) == 55_591
    assert keys.dtype == np.uint64 and (np.diff(keys) > 0).all()  # searchsorted needs it
    assert set(np.unique(ids).tolist()) == {FIRST, LAST, BOTH}  # 0 is kept for "not a name"


def test_gazetteer_ids_know_names_of_many_origins_in_either_case():
    assert kinds_of("Kwabena", "kwabena", "Priya", "Astrid", "Mehmet") == [FIRST] * 5
    assert kinds_of("Lindqvist", "Gallagher", "Asare", "NGUYEN") == [LAST] * 4
    assert kinds_of("Wanjiru", "Kamau") == [BOTH, BOTH]


def test_gazetteer_ids_of_other_words_are_zero():
    assert kinds_of("the", "and", "Qwzxplorf", "", "😀", "-") == [0] * 6
    assert gazetteer_ids(np.zeros((0,), "uint64")).shape == (0,)


def test_lookup_maps_each_hash_to_its_value_or_zero():
    table = (np.asarray([3, 10, 20], dtype="uint64"), np.asarray([7, 8, 9]))
    hashes = np.asarray([20, 0, 3, 21, 10, 3, 2**64 - 1], dtype="uint64")
    assert lookup(table, hashes).tolist() == [9, 0, 7, 0, 8, 7, 0]


@pytest.mark.parametrize("rows", [N_KINDS + 1, 50])
def test_docs_features_gazetteer_column_is_the_kind_plus_one(rows):
    nlp = spacy.blank("en")
    doc = nlp("kwabena met Lindqvist and Wanjiru")
    (feats,) = docs_features([doc], ["shape", "gazetteer"], [100, rows])
    assert feats[:, 1].tolist() == [FIRST + 1, 1, LAST + 1, 1, BOTH + 1]


def test_gazetteer_table_missing_raises_e023(monkeypatch, tmp_path):
    import spacy_elman.gazetteer as gazetteer

    monkeypatch.setattr(gazetteer, "GAZETTEER_PATH", tmp_path / "gone.npz")
    gazetteer_table.cache_clear()
    try:
        with pytest.raises(ElmanError, match=r"\[E023\].*gone\.npz.*reinstall"):
            gazetteer_table()
    finally:
        gazetteer_table.cache_clear()
