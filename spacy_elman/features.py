"""Token features: spaCy's hashed lexical attributes folded into embedding-table rows.

Each feature (lower form, prefix, suffix, shape, ...) has its own table. Row 0 of every table is
reserved for padding (sentence edges of the context window, and batch padding); a token's hash
is folded into rows ``1 .. rows - 1``. ``doc.to_array`` does the per-token work in C.
"""

from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from spacy.attrs import LOWER, NORM, ORTH, PREFIX, SHAPE, SUFFIX
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from .affixes import AFFIXES, affix_hashes
from .clusters import cluster_ids
from .form_rows import FormRows
from .gazetteer import gazetteer_ids, gazetteer_v2_ids
from .known import is_known
from .types import Ints1d, Ints2d, Ints3d, Uint64s1d, Uint64s2d
from .words import JOIN_ATTRS, join_positions

# spaCy's lexical attributes, read with ``doc.to_array``.
FEATURES: Dict[str, int] = {
    "lower": LOWER,
    "norm": NORM,
    "orth": ORTH,
    "prefix": PREFIX,
    "suffix": SUFFIX,
    "shape": SHAPE,
}
# Every feature name a model may use: spaCy's attributes, the character affixes of the lower
# form (``affixes.AFFIXES``), the word's Brown cluster (``clusters``) and its kind of name in
# the person-name lists (``gazetteer``; ``gazetteer_v2`` also reads romanised Chinese and
# Japanese names, and a hyphenated word by its parts).
FEATURE_NAMES = (*FEATURES, *AFFIXES, "cluster", "gazetteer", "gazetteer_v2")
PAD_ID = 0
# Features that identify the word itself (rather than its form): hidden by word dropout.
WORD_FEATURES = ("lower", "norm", "orth")
# Features read from a word list (Brown clusters, person names): hidden by lookup dropout.
LOOKUP_FEATURES = ("cluster", "gazetteer", "gazetteer_v2")


def doc_features(
    doc: Doc, features: Sequence[str], rows: Sequence[int], known: Optional[Uint64s1d] = None
) -> Ints2d:
    """Return the ``(n_tokens, n_features)`` table-row ids of ``doc``'s tokens.

    known: the sorted lower-form hashes the model trained on (``known``): the word-identity
        ids of any other token are ``PAD_ID``, as word dropout hides them. None: no mapping.
    """
    return docs_features([doc], features, rows, known)[0]


def docs_features(
    docs: Sequence[Doc],
    features: Sequence[str],
    rows: Sequence[int],
    known: Optional[Uint64s1d] = None,
    memo: Optional[FormRows] = None,
) -> List[Ints2d]:
    """:func:`doc_features` of each doc, folded in one numpy pass over the batch.

    memo: the rows of forms folded in earlier batches (``form_rows``), read and added to.
    """
    return _docs_features(docs, features, rows, (), known, memo)[0]


def docs_features_and_joins(
    docs: Sequence[Doc],
    features: Sequence[str],
    rows: Sequence[int],
    known: Optional[Uint64s1d] = None,
    memo: Optional[FormRows] = None,
) -> Tuple[List[Ints2d], List[Ints1d]]:
    """:func:`docs_features`, and each doc's ``words.join_positions`` (its hyphenated words),
    read in the same ``doc.to_array`` call."""
    feats, extra = _docs_features(docs, features, rows, JOIN_ATTRS, known, memo)
    strings = docs[0].vocab.strings if docs else None
    return feats, join_positions(extra, [len(doc) for doc in docs], strings)


def _docs_features(
    docs: Sequence[Doc],
    features: Sequence[str],
    rows: Sequence[int],
    extra: Sequence[int],
    known: Optional[Uint64s1d],
    memo: Optional[FormRows] = None,
) -> Tuple[List[Ints2d], Uint64s2d]:
    """The folded feature ids per doc, and the batch's raw ``extra`` attributes."""
    if not docs:
        return [], np.zeros((0, len(extra)), dtype="uint64")
    if "norm" in features:  # a token's own, not its form's: no memo
        memo = None
    # With the memo, only the forms are read for all tokens; the attributes of the forms
    # it lacks are read from one token each.
    read = ["orth"] if memo is not None else _attributes(features, known is not None)
    attrs = [FEATURES[name] for name in read]
    attrs += [attr for attr in extra if attr not in attrs]  # ORTH may be read already
    hashes = [doc.to_array(attrs).reshape((len(doc), len(attrs))) for doc in docs]
    flat = np.concatenate(hashes).astype("uint64", copy=False)
    extra_columns = flat[:, [attrs.index(attr) for attr in extra]]
    if memo is None:
        ids = _fold(flat[:, : len(read)], read, features, rows, known, _stores(docs))
    else:  # each form of the batch once, from the memo where an earlier batch had it
        spec = (tuple(features), tuple(rows))
        forms, first, inverse = np.unique(flat[:, 0], return_index=True, return_inverse=True)
        found, held = memo.look_up(spec, known, forms)
        new = np.flatnonzero(~found)
        per_form = np.empty((len(forms), len(features)), dtype="int32")
        per_form[found] = held
        if len(new):
            read = _attributes(features, known is not None)
            tokens = _tokens_at(docs, first[new])
            values = [[getattr(token, name) for name in read] for token in tokens]
            table = np.asarray(values, dtype="uint64").reshape((len(new), len(read)))
            per_form[new] = _fold(table, read, features, rows, known, _stores(docs))
            memo.add(spec, known, forms[new], per_form[new])
        ids = per_form[inverse.ravel()]
    return split_lengths(ids, [len(doc) for doc in docs]), extra_columns


def _stores(docs: Sequence[Doc]) -> List[StringStore]:
    """The string stores of ``docs``' vocabs, each once."""
    return list({id(doc.vocab): doc.vocab.strings for doc in docs}.values())


def _tokens_at(docs: Sequence[Doc], positions: Ints1d) -> List[Token]:
    """The tokens at ``positions`` of the docs' tokens run together."""
    starts = np.cumsum([0] + [len(doc) for doc in docs[:-1]])
    which = np.searchsorted(starts, positions, side="right") - 1
    return [docs[k][i] for k, i in zip(which.tolist(), (positions - starts[which]).tolist())]


def _attributes(features: Sequence[str], masked: bool) -> List[str]:
    """The spaCy attributes (keys of ``FEATURES``) that ``features`` are computed from (with
    the lower form for the ``masked`` known-word test)."""
    lookups = any(name in AFFIXES or name in LOOKUP_FEATURES for name in features)
    lookups = lookups or (masked and any(name in WORD_FEATURES for name in features))
    read = [name for name in features if name in FEATURES]
    wanted = (
        ["lower"] * lookups
        + ["orth"] * ("cluster" in features)
        + ["shape"] * ("gazetteer_v2" in features)
    )
    for name in wanted:
        if name not in read:
            read.append(name)  # affixes, name lists: the lower form; clusters: both; v2: shape
    return read


def _fold(
    flat: Uint64s2d,
    read: Sequence[str],
    features: Sequence[str],
    rows: Sequence[int],
    known: Optional[Uint64s1d],
    stores: Sequence[StringStore],
) -> Ints2d:
    """The table-row ids of tokens whose ``read`` attributes are the columns of ``flat``."""
    affixes = [name for name in features if name in AFFIXES]
    words = [i for i, name in enumerate(features) if name in WORD_FEATURES]
    masked = known is not None and bool(words)
    columns = dict(zip(read, flat.T))
    lower = columns.get("lower")
    if affixes:
        affix_columns = affix_hashes(stores[0], lower, affixes)
        columns.update(zip(affixes, affix_columns.T))
    if "cluster" in features:  # the cluster index itself: its table has a row per cluster
        columns["cluster"] = cluster_ids(columns["orth"], lower).astype("uint64")
    if "gazetteer" in features:  # likewise the kind of name
        columns["gazetteer"] = gazetteer_ids(lower).astype("uint64")
    if "gazetteer_v2" in features:  # the same, with romanised names and hyphenated words
        v2 = gazetteer_v2_ids(lower, columns["shape"], stores)
        columns["gazetteer_v2"] = v2.astype("uint64")
    flat = np.stack([columns[name] for name in features], axis=1)
    sizes = np.asarray(rows, dtype="uint64") - np.uint64(1)
    ids = ((flat % sizes) + np.uint64(1)).astype("int32")
    if masked:
        ids[np.ix_(~is_known(known, lower), words)] = PAD_ID
    return ids


def split_lengths(array: np.ndarray, lengths: Sequence[int]) -> List[np.ndarray]:
    """Cut ``array`` along its first axis into consecutive pieces of ``lengths`` (views;
    ~4x faster than ``np.split`` on a batch's docs)."""
    ends = np.cumsum(lengths, dtype="int64").tolist()
    return [array[start:end] for start, end in zip([0, *ends[:-1]], ends)]


def pad_batch(feats: Sequence[Ints2d], min_length: int = 2) -> Tuple[Ints3d, Ints1d]:
    """Stack per-doc feature tables into one ``(batch, time, n_features)`` array of ``PAD_ID``.

    ``min_length`` keeps the time axis non-trivial, so the compiled graph never sees an empty
    or single-step recurrence. Returns the padded ids and the true lengths.
    """
    lengths = np.asarray([len(f) for f in feats], dtype="int32")
    n_feats = feats[0].shape[1]
    width = max(int(lengths.max(initial=0)), min_length)
    batch = np.full((len(feats), width, n_feats), PAD_ID, dtype="int32")
    for i, f in enumerate(feats):
        batch[i, : len(f)] = f
    return batch, lengths


def length_buckets(
    lengths: Ints1d, max_tokens: int, call_cost: float = 0.0, step_cost: float = 0.0
) -> List[Ints1d]:
    """Group indices by length into the cheapest set of padded batches.

    A batch of ``n`` sequences padded to length ``L`` costs ``n * L`` padded tokens, plus
    ``step_cost`` per time step (the recurrence's loop) and ``call_cost`` per batch (one
    TensorFlow call), all in padded-token units; a batch holds at most ``max_tokens`` padded
    tokens unless it is one sequence. Indices are sorted by length (stable) and cut into
    consecutive runs by dynamic programming over the distinct lengths. With both costs 0 the
    batches are the runs of equal length; larger costs trade padding for fewer calls.

    Args:
        lengths: sequence lengths; an index per sequence appears in exactly one batch.
        max_tokens: padded tokens per batch.
        call_cost, step_cost: the overheads above, measured for the predict graph.
    """
    lengths = np.asarray(lengths, dtype="int64")
    order = np.argsort(lengths, kind="stable")
    if not len(order):
        return []
    sizes, counts = np.unique(np.maximum(lengths[order], 1), return_counts=True)
    before = np.concatenate(([0], np.cumsum(counts)))  # sequences shorter than each size
    best = np.zeros((len(sizes) + 1,))
    cut = np.zeros((len(sizes) + 1,), dtype="int64")
    for j in range(1, len(sizes) + 1):  # the batches ending with the sequences of sizes[j-1]
        width = int(sizes[j - 1])
        n = before[j] - before[:j]  # sequences in a run starting at each earlier size
        calls = -(-n // max(1, max_tokens // width))  # runs over max_tokens split evenly
        cost = best[:j] + calls * (call_cost + step_cost * width) + n * width
        cut[j] = int(np.argmin(cost))
        best[j] = cost[cut[j]]
    runs = []
    j = len(sizes)
    while j > 0:
        runs.append((before[cut[j]], before[j], int(sizes[j - 1])))
        j = cut[j]
    buckets: List[Ints1d] = []
    for lo, hi, width in reversed(runs):
        n_calls = -(-(hi - lo) // max(1, max_tokens // width))
        for part in np.array_split(order[lo:hi], n_calls):
            buckets.append(part)
    return buckets


def hide_words(
    ids: Ints3d,
    features: Sequence[str],
    rate: float,
    hidden: Sequence[str] = WORD_FEATURES,
    separately: bool = False,
) -> Ints3d:
    """Word dropout: replace the ``hidden`` feature ids of a ``rate`` share of tokens with
    ``PAD_ID``.

    The model then has to recognise those tokens from their prefix, suffix, shape and context,
    which is what it needs for names it never saw. Uses numpy's global RNG (spaCy seeds it).

    hidden: the features to hide: the word's identity, or ``LOOKUP_FEATURES`` (lookup dropout).
    separately: draw each feature's tokens on its own, not one share for all of them.
    """
    columns = [i for i, name in enumerate(features) if name in hidden]
    if rate <= 0.0 or not columns:
        return ids
    out = ids.copy()
    mask = np.random.random_sample(ids.shape[:2]) < rate
    for k, column in enumerate(columns):
        if separately and k:
            mask = np.random.random_sample(ids.shape[:2]) < rate
        out[:, :, column][mask] = PAD_ID
    return out
