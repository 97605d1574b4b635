"""Brown clusters of English words, as a token feature: what a word's neighbours were, learned
from far more text than any NER corpus.

The table is spaCy's English ``lexeme_cluster`` (spacy-lookups-data 1.0.5, MIT licence; the
clusters spaCy 2's English pipelines used): 190,129 word forms with a cluster, in 999
clusters. First names share clusters (``John``, ``Hiroshi``, ``dave``), and so do many
surnames, in either case, which no tagger trained on title-case news can learn from its own
data. ``tools/make_clusters.py`` builds ``data/brown_clusters_en.npz`` from that package: the
spaCy hash of each word form (``spacy.strings.get_string_id``), sorted, and its cluster's index
(1..999; 0 is "no cluster").
"""

from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Token

from .errors import Errors
from .tables import Table, load_table, lookup
from .types import Ints1d, Uint64s1d

CLUSTERS_PATH = Path(__file__).parent / "data" / "brown_clusters_en.npz"
# Rows of the cluster feature's table: the clusters, and 0 for words without one.
N_CLUSTERS = 1000


@lru_cache(maxsize=1)
def cluster_table() -> Table:
    """``(keys, ids)``: the sorted word-form hashes and their cluster indices."""
    return load_table(CLUSTERS_PATH, Errors.E022)


def cluster_ids(orth: Uint64s1d, lower: Uint64s1d) -> Ints1d:
    """Each token's cluster index: its own form's, else its lower form's, else 0.

    Each distinct form of the batch is looked up once, in sorted order (``np.unique``), and
    the lower form only where the form itself has no cluster and differs from it: a third of
    the time of one lookup per token and form on CoNLL-2003 dev sentences.
    """
    table = cluster_table()
    out = lookup(table, orth)
    retry = np.flatnonzero((out == 0) & (orth != lower))
    if len(retry):
        out[retry] = lookup(table, lower[retry])
    return out


def has_cluster(token: Token) -> bool:
    """Whether ``token`` has a Brown cluster in its own case or in lower case."""
    return form_has_cluster(token.text)


def lower_word(text: str) -> bool:
    """Whether the lower-case form of ``text`` has a Brown cluster of its own, other than its
    capitalised form's: a word that English writes in lower case (``visa``, ``coffee``:
    each form in its own cluster), not a name, whose two forms share one (``vitaly``)."""
    lower = text.lower()
    keys = np.asarray([get_string_id(lower), get_string_id(lower.title())], dtype="uint64")
    own, capitalised = lookup(cluster_table(), keys).tolist()
    return own != 0 and own != capitalised


def form_has_cluster(text: str) -> bool:
    """Whether the word form ``text`` has a Brown cluster in its own case or in lower case."""
    keys = np.asarray([get_string_id(text), get_string_id(text.lower())], dtype="uint64")
    return bool(lookup(cluster_table(), keys).any())
