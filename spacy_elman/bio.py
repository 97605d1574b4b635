"""The BIO tag scheme as integer ids, and conversions between tag ids and entity spans.

Tag ids: 0 is ``O``; label ``i`` (0-based) has ``B`` = ``2i + 1`` and ``I`` = ``2i + 2``.
Everything here is plain numpy, so it is shared by training, decoding and the tests.
"""

from typing import List, Sequence, Tuple

import numpy as np

from .types import Floats1d, Floats2d, Ints1d

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


def tags_from_spans(spans: Sequence[Tuple[int, int, int]], length: int) -> Ints1d:
    """Encode non-overlapping ``(start, end, label_index)`` spans as IOB2 tag ids."""
    tags = np.zeros((length,), dtype="int32")
    for start, end, label in spans:
        tags[start] = 2 * label + 1
        tags[start + 1 : end] = 2 * label + 2
    return tags
