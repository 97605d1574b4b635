"""clusters: the Brown-cluster feature and its table."""

import numpy as np
import pytest
import spacy
from spacy.strings import get_string_id

from spacy_elman.clusters import N_CLUSTERS, cluster_ids, cluster_table, lower_word
from spacy_elman.errors import ElmanError
from spacy_elman.features import docs_features


def ids_of(*words):
    orth = np.asarray([get_string_id(w) for w in words], dtype="uint64")
    lower = np.asarray([get_string_id(w.lower()) for w in words], dtype="uint64")
    return cluster_ids(orth, lower).tolist()


def test_cluster_table_is_sorted_unique_and_in_range():
    keys, ids = cluster_table()
    assert len(keys) == len(ids) == 190_129
    assert keys.dtype == np.uint64 and (np.diff(keys) > 0).all()  # searchsorted needs it
    assert ids.min() == 1 and ids.max() == N_CLUSTERS - 1  # 0 is kept for "no cluster"


def test_cluster_ids_group_first_names_of_either_case():
    john, hiroshi, dave, lower_dave = ids_of("John", "Hiroshi", "Dave", "dave")
    assert john == hiroshi == dave == lower_dave > 0
    assert ids_of("the")[0] not in (0, john)


def test_cluster_ids_prefer_the_form_itself_over_its_lower_form():
    park, smith, park_lower = ids_of("Park", "Smith", "park")
    assert park == smith != park_lower  # the surname, not the green space


def test_cluster_ids_of_unknown_words_are_zero():
    assert ids_of("Qwzxplorf", "", "😀") == [0, 0, 0]
    assert cluster_ids(np.zeros((0,), "uint64"), np.zeros((0,), "uint64")).shape == (0,)


@pytest.mark.parametrize("rows", [N_CLUSTERS + 1, 5000])
def test_docs_features_cluster_column_is_the_cluster_index_plus_one(rows):
    nlp = spacy.blank("en")
    doc = nlp("dave met Hiroshi Qwzxplorf")
    (feats,) = docs_features([doc], ["shape", "cluster"], [100, rows])
    expected = np.asarray(ids_of("dave", "met", "Hiroshi", "Qwzxplorf")) + 1
    assert feats[:, 1].tolist() == expected.tolist()  # no two clusters share a row


@pytest.mark.parametrize(
    "text, want",
    [
        ("visa", True),  # its lower and capitalised forms in two clusters
        ("Coffee", True),  # read by its lower form
        ("vitaly", False),  # a name: one cluster for both forms
        ("meskerem", False),  # no cluster
    ],
)
def test_lower_word_finds_words_written_in_lower_case(text, want):
    assert lower_word(text) is want


def test_cluster_table_missing_raises_e022(monkeypatch, tmp_path):
    import spacy_elman.clusters as clusters

    monkeypatch.setattr(clusters, "CLUSTERS_PATH", tmp_path / "gone.npz")
    cluster_table.cache_clear()
    try:
        with pytest.raises(ElmanError, match=r"\[E022\].*gone\.npz.*reinstall"):
            cluster_table()
    finally:
        cluster_table.cache_clear()
