"""Token features: hashed ids in range, batch padding and length bucketing."""

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from spacy_elman.features import (
    FEATURES,
    LOOKUP_FEATURES,
    PAD_ID,
    doc_features,
    docs_features,
    hide_words,
    length_buckets,
    pad_batch,
    split_lengths,
)

ALL_FEATURES = sorted(FEATURES)
BLANK = spacy.blank("en")


@pytest.fixture(scope="module")
def nlp():
    return BLANK


# -- doc_features -------------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [[2] * 6, [3, 5, 7, 11, 13, 17], [50000, 1000, 10000, 1000, 7, 2]])
def test_doc_features_ids_in_range_and_never_padding(nlp, rows):
    doc = nlp("Barack Obama met 東京 😀 people at 3pm, didn't he? \u200b The END.")
    ids = doc_features(doc, ALL_FEATURES, rows)
    assert ids.shape == (len(doc), len(ALL_FEATURES))
    assert ids.dtype == np.int32
    assert (ids != PAD_ID).all()
    for col, n_rows in enumerate(rows):
        assert ids[:, col].min() >= 1
        assert ids[:, col].max() <= n_rows - 1


@given(st.text(max_size=60))
@settings(max_examples=50, deadline=None)
def test_doc_features_random_text_ids_in_range(text):
    rows = [97, 31, 1000, 4, 5000, 2]
    doc = BLANK(text)
    ids = doc_features(doc, ALL_FEATURES, rows)
    assert ids.shape == (len(doc), len(ALL_FEATURES))
    if len(doc):
        assert (ids >= 1).all()
        assert (ids <= np.asarray(rows) - 1).all()


def test_doc_features_same_word_same_id(nlp):
    rows = [50000, 1000, 10000, 1000]
    features = ["lower", "prefix", "suffix", "shape"]
    first = doc_features(nlp("Paris is nice and Paris is big"), features, rows)
    second = doc_features(nlp("I love Paris"), features, rows)
    assert (first[0] == first[4]).all()
    assert (first[0] == second[2]).all()
    assert (first[1] == first[5]).all()
    # Different words get different lower-form ids (no collision for these at 50000 rows).
    assert first[0, 0] != first[1, 0]


def test_doc_features_lower_ignores_case_but_shape_does_not(nlp):
    ids = doc_features(nlp("Paris paris"), ["lower", "shape", "orth"], [50000, 1000, 50000])
    assert ids[0, 0] == ids[1, 0]
    assert ids[0, 1] != ids[1, 1]
    assert ids[0, 2] != ids[1, 2]


def test_doc_features_column_order_follows_feature_list(nlp):
    doc = nlp("Hello world")
    ab = doc_features(doc, ["lower", "shape"], [1000, 100])
    ba = doc_features(doc, ["shape", "lower"], [100, 1000])
    assert (ab == ba[:, ::-1]).all()


def test_docs_features_equal_doc_features_per_doc(nlp):
    docs = [nlp("Paris is nice"), nlp(""), nlp("Ann Lee met Bo"), nlp("x")]
    rows = [5000, 100, 100, 50, 300, 7][: len(ALL_FEATURES)]
    batch = docs_features(docs, ALL_FEATURES, rows)
    assert len(batch) == len(docs)
    for doc, ids in zip(docs, batch):
        np.testing.assert_array_equal(ids, doc_features(doc, ALL_FEATURES, rows))
    assert docs_features([], ALL_FEATURES, rows) == []


def test_doc_features_empty_doc(nlp):
    ids = doc_features(nlp(""), ["lower", "shape"], [100, 100])
    assert ids.shape == (0, 2)


# -- pad_batch ----------------------------------------------------------------------------------


def test_pad_batch_pads_with_zero_and_returns_lengths():
    feats = [np.full((3, 2), 5, dtype="int32"), np.full((1, 2), 7, dtype="int32")]
    batch, lengths = pad_batch(feats)
    assert batch.shape == (2, 3, 2)
    assert batch.dtype == np.int32
    assert lengths.tolist() == [3, 1]
    assert (batch[0] == 5).all()
    assert (batch[1, 0] == 7).all()
    assert (batch[1, 1:] == PAD_ID).all()


def test_pad_batch_min_length_two():
    batch, lengths = pad_batch([np.full((1, 3), 9, dtype="int32")])
    assert batch.shape == (1, 2, 3)
    assert batch[0, 0].tolist() == [9, 9, 9]
    assert batch[0, 1].tolist() == [PAD_ID] * 3
    assert lengths.tolist() == [1]


def test_pad_batch_custom_min_length():
    batch, lengths = pad_batch([np.ones((2, 1), dtype="int32")], min_length=5)
    assert batch.shape == (1, 5, 1)
    assert batch[0, :, 0].tolist() == [1, 1, 0, 0, 0]
    assert lengths.tolist() == [2]


def test_pad_batch_empty_docs_are_all_padding():
    feats = [np.zeros((0, 2), dtype="int32"), np.full((4, 2), 3, dtype="int32")]
    batch, lengths = pad_batch(feats)
    assert batch.shape == (2, 4, 2)
    assert lengths.tolist() == [0, 4]
    assert (batch[0] == PAD_ID).all()


# -- length_buckets -----------------------------------------------------------------------------


@given(st.lists(st.integers(0, 60), max_size=40), st.integers(1, 200))
def test_length_buckets_properties(lengths, max_tokens):
    lengths = np.asarray(lengths, dtype="int64")
    buckets = length_buckets(lengths, max_tokens)
    flat = np.concatenate(buckets) if buckets else np.zeros((0,), dtype="int64")
    # Every index exactly once.
    assert sorted(flat.tolist()) == list(range(len(lengths)))
    assert all(len(b) > 0 for b in buckets)
    # Sorted by length: within and across buckets.
    assert (np.diff(lengths[flat]) >= 0).all()
    # Padded size within the budget, unless a single doc.
    for bucket in buckets:
        if len(bucket) > 1:
            assert int(lengths[bucket].max()) * len(bucket) <= max_tokens


def bucket_cost(buckets, lengths, call_cost, step_cost):
    """What length_buckets minimises: per call, per time step and per padded token."""
    widths = [max(1, int(lengths[b].max())) for b in buckets]
    return sum(call_cost + step_cost * w + len(b) * w for b, w in zip(buckets, widths))


@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=40),
    st.integers(1, 400),
    st.sampled_from([0.0, 5.0, 50.0, 1000.0]),
    st.sampled_from([0.0, 2.0, 20.0]),
)
def test_length_buckets_cost_not_above_simple_plans(lengths, max_tokens, call_cost, step_cost):
    # No dearer than one bucket per distinct length, or than one run of all (each cut
    # evenly to fit max_tokens): the two plans the dynamic programme chooses between.
    lengths = np.asarray(lengths, dtype="int64")
    got = bucket_cost(
        length_buckets(lengths, max_tokens, call_cost, step_cost), lengths, *[call_cost, step_cost]
    )
    order = np.argsort(lengths, kind="stable")

    def split(idx):
        width = max(1, int(lengths[idx].max()))
        return np.array_split(idx, -(-len(idx) // max(1, max_tokens // width)))

    per_length = [p for w in np.unique(lengths) for p in split(order[lengths[order] == w])]
    assert got <= bucket_cost(per_length, lengths, call_cost, step_cost) + 1e-9
    # The programme prices each part of a run at the run's width (the longest sequence in
    # it), as it cannot know in advance where the even cuts fall; so it is no dearer than
    # the run of all at that price (at the parts' own widths it may be: lengths 0, 5, 5, 6
    # cut in two parts of widths 5 and 6).
    width = max(1, int(lengths.max()))
    run_of_all = sum(call_cost + step_cost * width + len(p) * width for p in split(order))
    assert got <= run_of_all + 1e-9


def test_length_buckets_without_overheads_pad_nothing():
    lengths = np.asarray([5, 3, 5, 9, 3, 3, 1])
    buckets = length_buckets(lengths, 100)
    assert [sorted(lengths[b].tolist()) for b in buckets] == [[1], [3, 3, 3], [5, 5], [9]]


def test_length_buckets_call_cost_trades_padding_for_fewer_calls():
    lengths = np.asarray([5, 3, 5, 9, 3, 3, 1])
    assert len(length_buckets(lengths, 100, call_cost=1000.0)) == 1
    # A sequence of 40 next to short ones pays for a call of its own.
    lengths = np.asarray([2] * 20 + [40])
    assert len(length_buckets(lengths, 1000, call_cost=10.0)) == 2
    assert len(length_buckets(lengths, 1000, call_cost=1000.0)) == 1


def test_length_buckets_long_doc_gets_own_bucket():
    buckets = length_buckets(np.asarray([3, 500, 2, 4]), 20, call_cost=100.0)
    assert [b.tolist() for b in buckets] == [[2, 0, 3], [1]]


def test_length_buckets_empty_input():
    assert length_buckets(np.asarray([], dtype="int64"), 10) == []


# -- word and lookup dropout ------------------------------------------------------------------

HIDE_FEATURES = ["lower", "prefix", "cluster", "gazetteer"]


def test_hide_words_hides_only_the_named_features_at_about_the_rate():
    np.random.seed(0)
    ids = np.random.randint(1, 50, size=(40, 50, len(HIDE_FEATURES)))
    out = hide_words(ids, HIDE_FEATURES, 0.3)
    hidden = out == PAD_ID
    assert 0.25 < hidden[:, :, 0].mean() < 0.35
    assert not hidden[:, :, 1:].any()
    np.testing.assert_array_equal(out[:, :, 1:], ids[:, :, 1:])
    assert (ids != PAD_ID).all()  # the input is not changed


def test_hide_words_lookup_features_drawn_together_or_separately():
    np.random.seed(0)
    ids = np.random.randint(1, 50, size=(40, 50, len(HIDE_FEATURES)))
    together = hide_words(ids, HIDE_FEATURES, 0.5, LOOKUP_FEATURES) == PAD_ID
    apart = hide_words(ids, HIDE_FEATURES, 0.5, LOOKUP_FEATURES, separately=True) == PAD_ID
    assert not together[:, :, :2].any() and not apart[:, :, :2].any()
    np.testing.assert_array_equal(together[:, :, 2], together[:, :, 3])
    assert 0.4 < apart[:, :, 2].mean() < 0.6 and 0.4 < apart[:, :, 3].mean() < 0.6
    # Drawn apart, about a quarter of the tokens lose both, not half.
    assert 0.2 < (apart[:, :, 2] & apart[:, :, 3]).mean() < 0.3


def test_hide_words_rate_zero_returns_the_ids():
    ids = np.ones((2, 3, len(HIDE_FEATURES)), dtype="int64")
    assert hide_words(ids, HIDE_FEATURES, 0.0, LOOKUP_FEATURES) is ids


def test_split_lengths_cuts_consecutive_views():
    array = np.arange(12).reshape(6, 2)
    pieces = split_lengths(array, [2, 0, 3, 1])
    assert [piece.tolist() for piece in pieces] == [
        [[0, 1], [2, 3]],
        [],
        [[4, 5], [6, 7], [8, 9]],
        [[10, 11]],
    ]
    assert all(np.shares_memory(piece, array) for piece in pieces if len(piece))  # views
    assert split_lengths(array, []) == []
