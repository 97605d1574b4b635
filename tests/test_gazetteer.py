"""gazetteer: the person-name lists feature, and the shipped word tables it shares with clusters."""

import numpy as np
import pytest
import spacy
from spacy.strings import get_string_id
from spacy.tokens import Doc

from spacy_elman.errors import ElmanError
from spacy_elman.features import docs_features
from spacy_elman.gazetteer import (
    N_KINDS,
    gazetteer_ids,
    gazetteer_table,
    gazetteer_v2_ids,
    gazetteer_v2_table,
    romanised_table,
)
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


def v2_kinds_of(*words):
    doc = Doc(spacy.blank("en").vocab, words=list(words))
    lower = np.asarray([t.lower for t in doc], dtype="uint64")
    shape = np.asarray([t.shape for t in doc], dtype="uint64")
    return gazetteer_v2_ids(lower, shape, [doc.vocab.strings]).tolist()


def test_gazetteer_v2_ids_read_hyphenated_names_by_their_parts():
    # one token each, as CoNLL-style data writes them; every part a listed name
    assert kinds_of("Adeyemi-Jones", "Osei-Bonsu", "osei-bonsu") == [0, 0, 0]
    assert v2_kinds_of("Adeyemi-Jones", "Osei-Bonsu", "osei-bonsu") == [BOTH, LAST, LAST]
    assert v2_kinds_of("Halvorsen-Berg", "Jones", "Kwabena") == [BOTH, BOTH, FIRST]


def test_gazetteer_v2_ids_are_zero_unless_every_part_is_a_name():
    words = ("co-wrote", "Anozie-Eke", "Jones-", "-Jones", "Jones--Cole", "the", "Qwzx-plorf")
    assert v2_kinds_of(*words) == [0] * len(words)
    assert v2_kinds_of() == []


def test_gazetteer_v2_ids_add_romanised_chinese_and_japanese_names():
    words = ("Zhou", "Tanaka", "tanaka", "Suzuki", "Mei-Ling")
    assert kinds_of(*words) == [0] * 5
    assert v2_kinds_of(*words) == [LAST, LAST, LAST, LAST, BOTH]


def test_romanised_table_only_adds_to_the_lists():
    keys, ids = romanised_table()
    assert (np.diff(keys) > 0).all() and len(keys) == 289
    before = lookup(gazetteer_table(), keys)
    assert ((ids | before) == ids).all() and (ids != before).all()  # or'ed kinds, all new


def test_docs_features_gazetteer_v2_reads_docs_of_several_vocabs():
    # a batch may mix docs of two pipelines: each hash is read from the store that holds it
    whole = Doc(spacy.blank("en").vocab, words=["Osei-Bonsu", "met", "Mei-Ling"])
    split = spacy.blank("en")("Osei-Bonsu met Mei-Ling")
    for docs in ([split, whole], [whole, split]):
        feats = docs_features(docs, ["gazetteer_v2"], [N_KINDS + 1])
        assert feats[docs.index(whole)][:, 0].tolist() == [LAST + 1, 1, BOTH + 1]
    lower = np.asarray([get_string_id("osei-bonsu")], dtype="uint64")
    shape = np.asarray([get_string_id("xxxx-xxxxx")], dtype="uint64")
    assert gazetteer_v2_ids(lower, shape, []).tolist() == [0]  # strings held nowhere: 0


def test_gazetteer_v2_table_is_the_lists_with_the_romanised_names():
    keys, ids = gazetteer_v2_table()
    assert (np.diff(keys) > 0).all() and len(keys) == 55_591 + 263
    extra_keys, extra_ids = romanised_table()
    assert lookup((keys, ids), extra_keys).tolist() == extra_ids.tolist()
    old_keys, old_ids = gazetteer_table()
    changed = np.isin(old_keys, extra_keys)
    assert (lookup((keys, ids), old_keys[~changed]) == old_ids[~changed]).all()


def test_docs_features_gazetteer_v2_differs_from_gazetteer_only_where_v2_adds():
    words = ["Kwabena", "Adeyemi-Jones", "Zhou", "co-wrote", "it"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    (feats,) = docs_features([doc], ["gazetteer", "gazetteer_v2"], [N_KINDS + 1] * 2)
    assert feats[:, 0].tolist() == [FIRST + 1, 1, 1, 1, 1]
    assert feats[:, 1].tolist() == [FIRST + 1, BOTH + 1, LAST + 1, 1, 1]


@pytest.mark.parametrize(
    "attr,table", [("GAZETTEER_PATH", gazetteer_table), ("ROMANISED_PATH", romanised_table)]
)
def test_gazetteer_table_missing_raises_e023(monkeypatch, tmp_path, attr, table):
    import spacy_elman.gazetteer as gazetteer

    monkeypatch.setattr(gazetteer, attr, tmp_path / "gone.npz")
    table.cache_clear()
    try:
        with pytest.raises(ElmanError, match=r"\[E023\].*gone\.npz.*reinstall"):
            table()
    finally:
        table.cache_clear()
