"""The BIO tag scheme: tag names, span encoding/decoding with repair, and decoding constraints."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacy_elman.bio import (
    FORBIDDEN,
    argmax_tags,
    decode_tags,
    ent_columns,
    join_adjacent,
    search_rows,
    search_tags,
    spans_from_tags,
    spread_tags,
    tag_names,
    tags_from_spans,
    transition_scores,
)


@st.composite
def spans_and_length(draw):
    """Random valid, non-overlapping ``(start, end, label)`` spans and a doc length."""
    n_labels = draw(st.integers(1, 4))
    pieces = draw(
        st.lists(
            st.tuples(st.integers(0, 3), st.integers(1, 4), st.integers(0, n_labels - 1)),
            max_size=8,
        )
    )
    spans = []
    position = 0
    for gap, width, label in pieces:
        start = position + gap
        spans.append((start, start + width, label))
        position = start + width
    length = position + draw(st.integers(0, 3))
    return spans, length, n_labels


def is_valid_sequence(tags, n_labels):
    """True when every ``I-X`` continues an ``X`` entity."""
    previous = 0
    for tag in tags:
        if tag > 0 and tag % 2 == 0 and previous not in (tag - 1, tag):
            return False
        previous = tag
    return all(0 <= t <= 2 * n_labels for t in tags)


# -- tag_names ----------------------------------------------------------------------------------


def test_tag_names_order_is_o_then_b_i_per_label():
    assert tag_names(["PER", "LOC", "ORG"]) == [
        "O",
        "B-PER",
        "I-PER",
        "B-LOC",
        "I-LOC",
        "B-ORG",
        "I-ORG",
    ]


def test_tag_names_without_labels_is_only_o():
    assert tag_names([]) == ["O"]


@given(st.lists(st.text(min_size=1, max_size=5), max_size=6, unique=True))
def test_tag_names_ids_match_encoding(labels):
    names = tag_names(labels)
    assert len(names) == 2 * len(labels) + 1
    for i, label in enumerate(labels):
        assert names[2 * i + 1] == f"B-{label}"
        assert names[2 * i + 2] == f"I-{label}"


# -- tags <-> spans -----------------------------------------------------------------------------


@given(spans_and_length())
def test_spans_round_trip_through_tags(case):
    spans, length, n_labels = case
    tags = tags_from_spans(spans, length)
    assert tags.shape == (length,)
    assert is_valid_sequence(tags.tolist(), n_labels)
    assert spans_from_tags(tags) == spans


def test_tags_from_spans_uses_iob2_ids():
    tags = tags_from_spans([(1, 3, 0), (3, 4, 1), (5, 7, 1)], 8)
    assert tags.tolist() == [0, 1, 2, 3, 0, 3, 4, 0]


def test_spans_from_tags_adjacent_b_tags_are_separate_entities():
    assert spans_from_tags([1, 1, 2, 1]) == [(0, 1, 0), (1, 3, 0), (3, 4, 0)]


@pytest.mark.parametrize(
    "spans, want",
    [
        ([], []),
        ([(0, 1, 0), (1, 3, 0), (3, 4, 0)], [(0, 4, 0)]),
        ([(0, 1, 0), (1, 2, 1), (2, 3, 1)], [(0, 1, 0), (1, 3, 1)]),
        ([(0, 1, 0), (2, 3, 0)], [(0, 1, 0), (2, 3, 0)]),
    ],
)
def test_join_adjacent_joins_only_touching_spans_of_one_label(spans, want):
    assert join_adjacent(spans) == want


@pytest.mark.parametrize(
    "tags, counts, want",
    [
        ([1, 2, 0, 3, 1], [3, 1, 2, 1, 2], [1, 2, 2, 2, 0, 0, 3, 1, 2]),
        ([0, 3, 4], [1, 1, 1], [0, 3, 4]),
        ([], [], []),
    ],
)
def test_spread_tags_continues_a_word_s_entity_over_its_tokens(tags, counts, want):
    spread = spread_tags(np.asarray(tags, dtype="int32"), np.asarray(counts))
    assert spread.tolist() == want
    # The tokens' entities are the words' entities, each over its words' tokens.
    counts = np.asarray(counts, dtype="int64")
    ends = np.cumsum(counts)
    starts = ends - counts
    words = spans_from_tags(np.asarray(tags, dtype="int32"))
    assert spans_from_tags(spread) == [(starts[s], ends[e - 1], lab) for s, e, lab in words]


def test_spans_from_tags_empty_sequence_has_no_spans():
    assert spans_from_tags(np.zeros((0,), dtype="int32")) == []
    assert spans_from_tags([0, 0, 0]) == []


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.integers(0, 2 * n)))))
def test_spans_from_tags_repairs_any_sequence(case):
    n_labels, tags = case
    spans = spans_from_tags(np.asarray(tags, dtype="int32"))
    previous_end = 0
    for start, end, label in spans:
        assert 0 <= start < end <= len(tags)
        assert start >= previous_end  # sorted and non-overlapping
        assert 0 <= label < n_labels
        previous_end = end
    # Every entity token is covered by exactly the span of its own label; O tokens by none.
    covered = np.full((len(tags),), -1)
    for start, end, label in spans:
        covered[start:end] = label
    for i, tag in enumerate(tags):
        assert covered[i] == ((tag - 1) // 2 if tag > 0 else -1)
    # Re-encoding the repaired spans gives a valid sequence that decodes to the same spans.
    repaired = tags_from_spans(spans, len(tags))
    assert is_valid_sequence(repaired.tolist(), n_labels)
    assert spans_from_tags(repaired) == spans


def test_spans_from_tags_i_after_o_starts_entity():
    # O I-A I-A O: the stray I-A starts an entity (IOB1 reading).
    assert spans_from_tags([0, 2, 2, 0]) == [(1, 3, 0)]


def test_spans_from_tags_i_at_start_starts_entity():
    assert spans_from_tags([2, 2]) == [(0, 2, 0)]


def test_spans_from_tags_i_after_other_label_starts_entity():
    # B-A I-B I-B: the I-B cannot continue A, so it starts a B entity.
    assert spans_from_tags([1, 4, 4]) == [(0, 1, 0), (1, 3, 1)]
    # I-A I-B: two entities.
    assert spans_from_tags([2, 4]) == [(0, 1, 0), (1, 2, 1)]


def test_spans_from_tags_b_of_other_label_ends_entity():
    assert spans_from_tags([1, 2, 3, 4, 0]) == [(0, 2, 0), (2, 4, 1)]


# -- transition_scores --------------------------------------------------------------------------


@pytest.mark.parametrize("n_labels", [1, 2, 3, 5])
def test_transition_scores_forbid_exactly_invalid_i(n_labels):
    trans, start = transition_scores(n_labels)
    n_tags = 2 * n_labels + 1
    assert trans.shape == (n_tags, n_tags)
    assert start.shape == (n_tags,)
    for b in range(n_tags):
        is_inside = b > 0 and b % 2 == 0
        assert start[b] == (FORBIDDEN if is_inside else 0.0)
        for a in range(n_tags):
            allowed = not is_inside or a in (b - 1, b)
            assert trans[a, b] == (0.0 if allowed else FORBIDDEN), (a, b)


def test_transition_scores_forbidden_is_finite():
    trans, start = transition_scores(2)
    assert np.isfinite(trans).all() and np.isfinite(start).all()
    assert (trans + trans + start[None]).min() > -np.inf


@given(st.integers(1, 3).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.integers(0, 2 * n)))))
def test_transition_scores_agree_with_validity(case):
    n_labels, tags = case
    trans, start = transition_scores(n_labels)
    if tags:
        score = start[tags[0]] + sum(trans[a, b] for a, b in zip(tags, tags[1:]))
    else:
        score = 0.0
    assert (score == 0.0) == is_valid_sequence(tags, n_labels)


# -- several docs at once -----------------------------------------------------------------------


@given(
    st.integers(1, 3).flatmap(
        lambda n: st.lists(st.lists(st.integers(0, 2 * n), max_size=6), min_size=1, max_size=5)
    )
)
def test_spans_from_tags_concatenated_docs_equal_per_doc(docs):
    lengths = [len(d) for d in docs]
    offsets = np.concatenate(([0], np.cumsum(lengths)))[:-1]
    flat = np.asarray([t for d in docs for t in d], dtype="int64")
    expected = [
        (start + int(offset), end + int(offset), label)
        for d, offset in zip(docs, offsets)
        for start, end, label in spans_from_tags(np.asarray(d, dtype="int64"))
    ]
    # All offsets, including those of empty docs (which may equal the total length).
    assert spans_from_tags(flat, offsets) == expected
    # Only the non-empty docs' offsets, as the pipeline passes them.
    nonempty = offsets[np.asarray(lengths) > 0]
    assert spans_from_tags(flat, nonempty) == expected


def test_spans_from_tags_entity_does_not_cross_doc_boundary():
    # Doc 1 ends inside an A entity; doc 2 starts with I-A, which must start a new entity.
    tags = [0, 1, 2, 2, 2, 0]
    assert spans_from_tags(tags) == [(1, 5, 0)]
    assert spans_from_tags(tags, [0, 3]) == [(1, 3, 0), (3, 5, 0)]
    # A trailing empty doc starts at the end of the tags.
    assert spans_from_tags([1, 2], [0, 2]) == [(0, 2, 0)]


# -- ent_columns (Doc.from_array) --------------------------------------------------------------


def test_ent_columns_mark_begin_inside_and_outside():
    table = ent_columns([(1, 3, 0), (4, 5, 1), (5, 6, 1)], 7, [111, 222])
    assert table[:, 0].tolist() == [2, 3, 1, 2, 3, 3, 2]
    assert table[:, 1].tolist() == [0, 111, 111, 0, 222, 222, 0]
    assert ent_columns([], 3, [111]).tolist() == [[2, 0]] * 3


@given(spans_and_length())
def test_ent_columns_agree_with_the_tags_of_the_spans(data):
    spans, length, n_labels = data
    label_ids = [1000 + label for label in range(n_labels)]
    table = ent_columns(spans, length, label_ids)
    tags = tags_from_spans(spans, length)
    iob = np.where(tags == 0, 2, np.where(tags % 2 == 1, 3, 1))
    assert table[:, 0].tolist() == iob.tolist()
    expected_type = np.where(tags == 0, 0, 1000 + (tags - 1) // 2)
    assert table[:, 1].tolist() == expected_type.tolist()


# -- decode_tags (constrained Viterbi) ---------------------------------------------------------


def is_valid(tags):
    previous = 0
    for tag in tags:
        if tag > 0 and tag % 2 == 0 and previous not in (tag - 1, tag):
            return False
        previous = tag
    return True


def brute_force(logp, trans, start):
    """The best valid tag sequence for one ``(time, tags)`` table, by enumeration."""
    n_time, n_tags = logp.shape
    best, best_score = None, -np.inf
    for seq in itertools.product(range(n_tags), repeat=n_time):
        score = start[seq[0]] + logp[0, seq[0]]
        for t in range(1, n_time):
            score += trans[seq[t - 1], seq[t]] + logp[t, seq[t]]
        if score > best_score:
            best, best_score = seq, score
    return list(best), best_score


def general_viterbi(logp, trans, start):
    """Viterbi with a full transition matrix (ties to the lower id), as a reference."""
    back = np.zeros(logp.shape, dtype="int64")
    score = start + logp[0]
    for t in range(1, len(logp)):
        candidates = score[:, None] + trans
        back[t] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + logp[t]
    path = [int(score.argmax())]
    for t in range(len(logp) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def random_logp(rng, batch, time, n_tags):
    logits = rng.normal(0.0, 2.0, size=(batch, time, n_tags))
    logits -= np.log(np.exp(logits).sum(-1, keepdims=True))
    return logits.astype("float32")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n_labels", [1, 2])
def test_decode_tags_equals_brute_force_on_padded_batches(seed, n_labels):
    rng = np.random.default_rng(seed)
    n_tags = 2 * n_labels + 1
    max_len = 5 if n_labels == 2 else 6
    lengths = rng.integers(1, max_len + 1, size=4)
    lengths[0] = max_len  # the longest sets the padded width
    logp = random_logp(rng, 4, max_len, n_tags)
    tags = decode_tags(logp, lengths)
    assert tags.shape == (4, max_len)
    trans, start = transition_scores(n_labels)
    for row, n in enumerate(lengths):
        expected, score = brute_force(logp[row, :n], trans, start)
        assert score > FORBIDDEN / 2  # a valid sequence always exists
        assert tags[row, :n].tolist() == expected, (row, n)


@pytest.mark.parametrize("seed", range(20))
def test_decode_tags_equals_full_matrix_viterbi(seed):
    # Longer sequences and up to 4 labels (9 tags), with I-tags favoured so that the
    # constraints bind; also ties (rounded scores) must go the same way.
    rng = np.random.default_rng(seed)
    n_labels = 1 + seed % 4
    logp = random_logp(rng, 6, 30, 2 * n_labels + 1)
    logp[:, :, 2::2] += 2.0 * (seed % 3)
    if seed % 5 == 0:
        logp = np.round(logp)
    lengths = rng.integers(1, 31, size=6)
    tags = decode_tags(logp, lengths)
    trans, start = transition_scores(n_labels)
    for row, n in enumerate(lengths):
        expected = general_viterbi(logp[row, :n].astype("float64"), trans, start)
        assert tags[row, :n].tolist() == expected, (row, n)


def peaked_logp(rng, n_rows, n_time, n_labels):
    """Scores peaked on random valid sequences, as a trained model gives, and the lengths."""
    lengths = rng.integers(1, n_time + 1, size=n_rows)
    gold = np.zeros((n_rows, n_time), dtype="int64")
    for row, n in enumerate(lengths):
        for start in rng.choice(n, size=min(n, 3), replace=False):
            label = rng.integers(n_labels)
            gold[row, start] = 2 * label + 1
            gold[row, start + 1 : start + 1 + rng.integers(3)] = 2 * label + 2
    logits = rng.normal(0.0, 1.0, size=(n_rows, n_time, 2 * n_labels + 1))
    peaks = 4.0 + rng.normal(0.0, 2.0, (n_rows, n_time, 1))
    np.put_along_axis(logits, gold[:, :, None], peaks, 2)
    logp = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    return logp.astype("float32"), lengths


@pytest.mark.parametrize("seed", range(10))
def test_decode_tags_argmax_rows_equal_the_search(seed):
    # Most rows' argmax is valid and skips the search; every row must still get what the
    # search alone gives, joins included.
    rng = np.random.default_rng(200 + seed)
    logp, lengths = peaked_logp(rng, 40, 24, 1 + seed % 4)
    joins = rng.random((40, 24)) < 0.1
    for row_joins in (None, joins):
        tags = decode_tags(logp, lengths, row_joins)
        searched = search_tags(logp, lengths, row_joins)
        _, unsure = argmax_tags(logp, lengths, row_joins)
        assert 0 < len(unsure) < 40  # both ways taken
        for row, n in enumerate(lengths):
            assert tags[row, :n].tolist() == searched[row, :n].tolist(), (row, n)


def test_search_rows_equals_the_search_of_each_row():
    rng = np.random.default_rng(5)
    logp, lengths = peaked_logp(rng, 12, 15, 2)
    logp[:, :, 2::2] += 3.0  # I-tags favoured: the constraints bind
    joins = rng.random((12, 15)) < 0.2
    found = search_rows(
        [logp[i, :n] for i, n in enumerate(lengths)], [joins[i, :n] for i, n in enumerate(lengths)]
    )
    for i, n in enumerate(lengths):
        alone = search_tags(logp[i : i + 1, :n], np.asarray([n]), joins[i : i + 1, :n])
        assert found[i].tolist() == alone[0].tolist(), i


def test_argmax_tags_flags_a_tie_or_a_broken_constraint():
    def unsure(probs, length, joins=None):
        logp = np.log(np.asarray([probs], dtype="float32"))
        return argmax_tags(logp, np.asarray([length]), joins)[1].tolist() == [0]

    assert unsure([[0.2, 0.4, 0.4], [0.2, 0.3, 0.5]], 2)  # a tie
    assert unsure([[0.2, 0.3, 0.5], [0.2, 0.3, 0.5]], 1)  # I-X first
    assert unsure([[0.7, 0.1, 0.2], [0.2, 0.3, 0.5]], 2)  # O I-X
    assert not unsure([[0.7, 0.1, 0.2], [0.2, 0.3, 0.5]], 1)  # past the length
    assert not unsure([[0.1, 0.7, 0.2], [0.6, 0.1, 0.3]], 2)  # B-X O
    assert unsure([[0.1, 0.7, 0.2], [0.6, 0.1, 0.3]], 2, np.asarray([[False, True]]))
    assert unsure([[0.1, 0.7, 0.2], [0.1, 0.6, 0.3]], 2, np.asarray([[False, True]]))
    logp = np.log(np.asarray([[[0.7, 0.1, 0.2], [0.2, 0.3, 0.5]]], dtype="float32"))
    assert decode_tags(logp, np.asarray([2])).tolist() == [[0, 1]]  # O B-X beats B-X I-X
    logp = np.log(np.asarray([[[0.1, 0.7, 0.2], [0.6, 0.1, 0.3]]], dtype="float32"))
    assert decode_tags(logp, np.asarray([2]), np.asarray([[False, True]])).tolist() == [[1, 2]]


def test_decode_tags_single_sequence_matches_padded_batch():
    rng = np.random.default_rng(7)
    logp = random_logp(rng, 3, 6, 5)
    lengths = np.asarray([6, 2, 4])
    batched = decode_tags(logp, lengths)
    for row, n in enumerate(lengths):
        alone = decode_tags(logp[row : row + 1, :n], np.asarray([n]))
        assert alone[0].tolist() == batched[row, :n].tolist()


def test_decode_tags_never_outputs_invalid_transitions():
    # The scores favour I-tags everywhere, so a greedy argmax would be invalid.
    rng = np.random.default_rng(3)
    n_labels = 3
    logp = random_logp(rng, 8, 12, 2 * n_labels + 1)
    logp[:, :, 2::2] += 6.0
    logp[:, :, 0] -= 3.0
    logp -= np.log(np.exp(logp).sum(-1, keepdims=True))
    lengths = np.asarray([12, 1, 2, 3, 5, 8, 11, 12])
    tags = decode_tags(logp, lengths)
    greedy = logp.argmax(-1)
    assert not is_valid(greedy[0].tolist())
    for row, n in enumerate(lengths):
        assert is_valid(tags[row, :n].tolist()), tags[row, :n]
        assert ((tags[row, :n] >= 0) & (tags[row, :n] < 2 * n_labels + 1)).all()


def test_decode_tags_empty_batch_and_one_step():
    assert decode_tags(np.zeros((0, 3, 3), "float32"), np.zeros((0,), "int64")).shape == (0, 3)
    assert search_tags(np.zeros((2, 0, 3), "float32"), np.zeros((2,), "int64")).shape == (2, 0)
    assert search_rows([], []) == []
    logp = np.log(np.asarray([[[0.1, 0.2, 0.7]]], dtype="float32"))  # I-X first: forbidden
    assert decode_tags(logp, np.asarray([1])).tolist() == [[1]]


def joins_allow(previous, tag):
    """Inside a word (a joined position): no ``B-X``, and ``O`` only after ``O``."""
    return tag % 2 == 0 and (tag > 0 or previous == 0)


def brute_force_joined(logp, joins, trans, start):
    """The best valid sequence that also keeps joined positions inside their word's entity."""
    n_time, n_tags = logp.shape
    best, best_score = None, -np.inf
    for seq in itertools.product(range(n_tags), repeat=n_time):
        if any(joins[t] and not joins_allow(seq[t - 1], seq[t]) for t in range(1, n_time)):
            continue
        score = start[seq[0]] + logp[0, seq[0]]
        for t in range(1, n_time):
            score += trans[seq[t - 1], seq[t]] + logp[t, seq[t]]
        if score > best_score:
            best, best_score = seq, score
    return list(best)


@pytest.mark.parametrize("seed", range(8))
def test_decode_tags_with_joins_equals_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    n_labels = 1 + seed % 2
    max_len = 6 if n_labels == 1 else 5
    lengths = rng.integers(1, max_len + 1, size=4)
    lengths[0] = max_len
    logp = random_logp(rng, 4, max_len, 2 * n_labels + 1)
    logp[:, :, 1::2] += 1.5  # favour B-X, which a joined position forbids
    joins = rng.random((4, max_len)) < 0.4
    joins[:, 0] = rng.random(4) < 0.5  # ignored: nothing comes before the first token
    tags = decode_tags(logp, lengths, joins)
    trans, start = transition_scores(n_labels)
    for row, n in enumerate(lengths):
        expected = brute_force_joined(logp[row, :n], joins[row, :n], trans, start)
        assert tags[row, :n].tolist() == expected, (row, n)
        assert is_valid(tags[row, :n].tolist())


def test_decode_tags_joins_keep_a_word_whole():
    # Tokens: Adebayo - Cole. Alone, "Cole" would start its own entity (B > I there) and
    # "-" would be outside; joined, the word is one entity or none.
    p = np.asarray([[0.1, 0.8, 0.1], [0.7, 0.1, 0.2], [0.1, 0.6, 0.3]])
    logp = np.log(p)[None].astype("float32")
    lengths = np.asarray([3])
    assert decode_tags(logp, lengths).tolist() == [[1, 0, 1]]
    joins = np.asarray([[False, True, True]])
    assert decode_tags(logp, lengths, joins).tolist() == [[1, 2, 2]]
    none = np.zeros((1, 3), dtype=bool)
    assert decode_tags(logp, lengths, none).tolist() == decode_tags(logp, lengths).tolist()
