"""The BIO tag scheme as integer ids, and conversions between tag ids and entity spans.

Tag ids: 0 is ``O``; label ``i`` (0-based) has ``B`` = ``2i + 1`` and ``I`` = ``2i + 2``.
Everything here is plain numpy, so it is shared by training, decoding and the tests.
"""

from typing import List, Optional, Sequence, Tuple

import numpy as np

from .types import Bools1d, Bools2d, Floats1d, Floats2d, Floats3d, Ints1d, Ints2d, Uint64s2d

# The score of a forbidden transition: finite, so sums never turn into NaN.
FORBIDDEN = -1e9


def tag_names(labels: Sequence[str]) -> List[str]:
    """Return the tag strings for ``labels``, in id order: O, B-L0, I-L0, B-L1, ..."""
    names = ["O"]
    for label in labels:
        names.extend((f"B-{label}", f"I-{label}"))
    return names


def transition_scores(n_labels: int) -> Tuple[Floats2d, Floats1d]:
    """Scores that forbid invalid BIO sequences, for constrained decoding.

    Returns ``(trans, start)``: ``trans[a, b]`` is 0 where tag ``b`` may follow tag ``a`` and
    ``FORBIDDEN`` where it may not (``I-X`` only after ``B-X`` or ``I-X``); ``start[b]`` does the
    same for the first token.
    """
    n_tags = 2 * n_labels + 1
    trans = np.zeros((n_tags, n_tags), dtype="float32")
    start = np.zeros((n_tags,), dtype="float32")
    for label in range(n_labels):
        inside = 2 * label + 2
        start[inside] = FORBIDDEN
        trans[:, inside] = FORBIDDEN
        trans[inside - 1, inside] = 0.0
        trans[inside, inside] = 0.0
    return trans, start


def decode_tags(logp: Floats3d, lengths: Ints1d, joins: Optional[Bools2d] = None) -> Ints2d:
    """The best valid tag sequence of each row of ``logp`` ``(batch, time, tags)``.

    Each row's argmax where that is surely the best (:func:`argmax_tags`), the Viterbi
    search (:func:`search_tags`) for the others. Tags past a row's length are unspecified.
    """
    tags, unsure = argmax_tags(logp, lengths, joins)
    if len(unsure):
        lengths = np.asarray(lengths)
        rows_joins = None if joins is None else np.asarray(joins, dtype=bool)[unsure]
        tags[unsure] = search_tags(logp[unsure], lengths[unsure], rows_joins)
    return tags


def argmax_tags(
    logp: Floats3d, lengths: Ints1d, joins: Optional[Bools2d] = None
) -> Tuple[Ints2d, Ints1d]:
    """Each row's per-token argmax, and the rows where that may not be the best valid
    sequence: those that break a constraint of :func:`search_tags` or tie, within their
    length. The others' argmax is their best valid sequence (every other sequence scores
    less at some token), so only the unsure rows need the search; a trained model's rows are
    mostly sure (CoNLL-2003 dev: 97 of 3,250 sentences unsure).
    """
    n_rows, n_time, n_tags = logp.shape
    greedy = logp.argmax(axis=2).astype("int32")
    bad = greedy != n_tags - 1 - logp[:, :, ::-1].argmax(axis=2)  # a tie: max twice
    previous = np.zeros_like(greedy)
    previous[:, 1:] = greedy[:, :-1]
    inside = (greedy > 0) & (greedy % 2 == 0)  # I-X: only after B-X or I-X
    bad |= inside & (previous != greedy - 1) & (previous != greedy)
    if joins is not None:
        joined = np.zeros((n_rows, n_time), dtype=bool)
        joined[:, 1:] = np.asarray(joins, dtype=bool)[:, 1:n_time]
        starts = greedy % 2 == 1
        bad |= joined & (starts | ((greedy == 0) & (previous != 0)))
    live = np.arange(n_time)[None, :] < np.asarray(lengths)[:, None]
    return greedy, np.flatnonzero((bad & live).any(axis=1))


def search_rows(logps: Sequence[Floats2d], joins: Sequence[Bools1d]) -> List[Ints1d]:
    """:func:`search_tags` of ragged rows ``(time, tags)``, each with its joins, padded
    into one batch: the search's loop runs the longest row's steps once for all of them."""
    lengths = np.asarray([len(row) for row in logps])
    width = int(lengths.max(initial=1))
    logp = np.zeros((len(logps), width, logps[0].shape[1] if logps else 1), dtype="float32")
    joined = np.zeros((len(logps), width), dtype=bool)
    for i, (row, row_joins) in enumerate(zip(logps, joins)):
        logp[i, : len(row)] = row
        joined[i, : len(row)] = row_joins
    tags = search_tags(logp, lengths, joined)
    return [tags[i, :n] for i, n in enumerate(lengths.tolist())]


def search_tags(logp: Floats3d, lengths: Ints1d, joins: Optional[Bools2d] = None) -> Ints2d:
    """The best valid tag sequence of each row, by Viterbi search.

    The constraints of :func:`transition_scores` (``I-X`` only after ``B-X`` or ``I-X``,
    never first) need no transition matrix: an ``O`` or ``B-X`` may follow any tag, so it
    continues the best path so far, and an ``I-X`` continues the better of ``B-X`` and
    ``I-X``. That is O(tags) per step rather than O(tags²), in numpy over the batch. Ties go
    to the lower tag id, as an argmax over the full matrix would. Steps past a row's length
    keep its scores, so the backtrace from the last column finds its own path.

    ``joins`` ``(batch, time)``, optional: True where a token continues the word before it
    (``words.hyphen_joins``). No entity starts or ends there: ``B-X`` is forbidden and ``O``
    follows only ``O``, so a word's pieces are all inside one entity or all outside.
    """
    n_rows, n_time, n_tags = logp.shape
    path = np.zeros((n_rows, n_time), dtype="int32")
    if n_rows == 0 or n_time == 0:
        return path
    # Tag-major (time, tags, batch): each tag's scores are one contiguous row, and the B-X
    # and I-X tags are the row slices 1::2 and 2::2 (1.4-2.4x faster than batch-major).
    scores = np.ascontiguousarray(logp.transpose(1, 2, 0), dtype="float64")
    lengths = np.asarray(lengths)
    tag_ids = np.arange(n_tags, dtype="int32")[:, None]
    back = np.empty((n_time, n_tags, n_rows), dtype="int32")
    if joins is None:
        joined = np.zeros((n_time, n_rows), dtype=bool)
    else:
        joined = np.ascontiguousarray(np.asarray(joins, dtype=bool)[:, :n_time].T)
    score = scores[0].copy()
    score[2::2] = FORBIDDEN
    for t in range(1, n_time):
        new = score.max(axis=0) + scores[t]
        from_inside = score[2::2] > score[1::2]
        new[2::2] = np.where(from_inside, score[2::2], score[1::2]) + scores[t, 2::2]
        back[t] = score.argmax(axis=0)
        back[t, 2::2] = np.where(from_inside, tag_ids[2::2], tag_ids[1::2])
        if joined[t].any():
            inside = joined[t]
            new[0] = np.where(inside, score[0] + scores[t, 0], new[0])
            back[t, 0][inside] = 0
            new[1::2, inside] = FORBIDDEN
        live = t < lengths
        if live.all():
            score = new
        else:
            score = np.where(live, new, score)
            back[t][:, ~live] = tag_ids
    rows = np.arange(n_rows)
    tags = score.argmax(axis=0)
    path[:, -1] = tags
    for t in range(n_time - 1, 0, -1):
        tags = back[t, tags, rows]
        path[:, t - 1] = tags
    return path


def spans_from_tags(tags: Ints1d, doc_starts: Sequence[int] = (0,)) -> List[Tuple[int, int, int]]:
    """Decode tag ids into ``(start, end, label_index)`` spans, repairing invalid sequences.

    An ``I-X`` that does not continue an ``X`` entity starts a new one (the IOB1 reading), so
    any sequence decodes without error. ``tags`` may be several docs' tags concatenated, with
    ``doc_starts`` the offset of each doc: no entity crosses a doc boundary.
    """
    tags = np.asarray(tags, dtype="int64")
    if tags.size == 0:
        return []
    is_ent = tags > 0
    label = np.where(is_ent, (tags - 1) // 2, -1)
    is_begin = is_ent & (tags % 2 == 1)
    prev_label = np.concatenate(([-1], label[:-1]))
    doc_starts = np.asarray(doc_starts, dtype="int64")
    prev_label[doc_starts[doc_starts < tags.size]] = -1  # empty docs at the end start at size
    starts = np.flatnonzero(is_ent & (is_begin | (prev_label != label)))
    continues = is_ent & ~is_begin & (prev_label == label)
    # An entity ends at the first position after its start that does not continue it.
    breaks = np.concatenate((np.flatnonzero(~continues), [tags.size]))
    ends = breaks[np.searchsorted(breaks, starts, side="right")]
    return list(zip(starts.tolist(), ends.tolist(), label[starts].tolist()))


def join_adjacent(spans: Sequence[Tuple[int, int, int]]) -> List[Tuple[int, int, int]]:
    """Join each sorted ``(start, end, label)`` span with the next where that one starts at its
    end with the same label: ``B-NAME B-NAME`` is one name, not two side by side."""
    joined: List[Tuple[int, int, int]] = []
    for start, end, label in spans:
        if joined and joined[-1][1] == start and joined[-1][2] == label:
            joined[-1] = (joined[-1][0], end, label)
        else:
            joined.append((start, end, label))
    return joined


def touches(spans: Sequence[Tuple[int, int, int]], start: int, end: int) -> bool:
    """Whether a span of ``spans`` (``(start, end, label)``) overlaps ``[start, end)``."""
    return any(s < end and e > start for s, e, _ in spans)


def spread_tags(tags: Ints1d, counts: Ints1d) -> Ints1d:
    """The tags of words spread over their ``counts`` tokens each: a word's ``B-X`` becomes
    ``B-X I-X ...``, its ``I-X`` or ``O`` repeats."""
    counts = np.asarray(counts, dtype="int64")
    spread = np.repeat(np.asarray(tags), counts)
    first = np.zeros((len(spread),), dtype=bool)
    first[np.cumsum(counts) - counts] = True  # each word's first token
    spread[~first & (spread % 2 == 1)] += 1
    return spread


def ent_columns(
    spans: Sequence[Tuple[int, int, int]], length: int, label_ids: Sequence[int]
) -> Uint64s2d:
    """The ``(length, 2)`` columns ``ENT_IOB`` and ``ENT_TYPE`` that ``Doc.from_array`` takes
    for non-overlapping ``(start, end, label_index)`` spans; every other token is outside.

    spaCy's ``ENT_IOB`` codes: 3 begins an entity, 1 is inside one, 2 is outside. ``label_ids``
    are the labels' string-store hashes, by label index.
    """
    table = np.zeros((length, 2), dtype="uint64")
    table[:, 0] = 2
    if spans:
        starts, ends, labels = (np.asarray(column, dtype="int64") for column in zip(*spans))
        sizes = ends - starts
        before = np.repeat(np.cumsum(sizes) - sizes, sizes)  # tokens of the spans before
        positions = np.repeat(starts, sizes) + np.arange(int(sizes.sum())) - before
        table[positions, 0] = 1
        table[positions, 1] = np.repeat(np.asarray(label_ids, dtype="uint64")[labels], sizes)
        table[starts, 0] = 3
    return table


def tags_from_spans(spans: Sequence[Tuple[int, int, int]], length: int) -> Ints1d:
    """Encode non-overlapping ``(start, end, label_index)`` spans as IOB2 tag ids."""
    tags = np.zeros((length,), dtype="int32")
    for start, end, label in spans:
        tags[start] = 2 * label + 1
        tags[start + 1 : end] = 2 * label + 2
    return tags
