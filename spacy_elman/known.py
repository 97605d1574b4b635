"""The words a model trained on: a form it never saw reads as a hidden word, not a stray row.

The lower form's embedding table is hashed (50,000 rows by default), so a word that was not in
the training data still lands on a row: one that another word trained (CoNLL-2003's 20,880
forms fill one row in three) or one that kept its random start. Word dropout
(``word_dropout``) trains the padding row as "a word hidden from me", so that the model learns
to read such a token from its form, cluster, name lists and context. ``elman_ner`` records the
lower forms of the tokens it is updated on (:func:`add_forms`), and at prediction the
word-identity features of a form outside them are the hidden word's (``features.PAD_ID``).
"""

from typing import Iterable

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc

from .types import Bools1d, Uint64s1d

NO_FORMS: Uint64s1d = np.zeros((0,), dtype="uint64")


def doc_forms(docs: Iterable[Doc]) -> Uint64s1d:
    """The sorted, distinct spaCy hashes of the lower forms of ``docs``' tokens."""
    forms = [doc.to_array(LOWER) for doc in docs]
    return np.unique(np.concatenate(forms).astype("uint64")) if forms else NO_FORMS


def is_known(known: Uint64s1d, lower: Uint64s1d) -> Bools1d:
    """Whether each hash in ``lower`` is in the sorted array ``known``."""
    if not len(known):
        return np.zeros(len(lower), dtype=bool)
    at = np.minimum(np.searchsorted(known, lower), len(known) - 1)
    return known[at] == lower


def add_forms(known: Uint64s1d, forms: Uint64s1d) -> Uint64s1d:
    """``known`` with the sorted, distinct ``forms`` merged in (sorted; ``known`` if none new)."""
    new = forms[~is_known(known, forms)]
    return np.insert(known, np.searchsorted(known, new), new) if len(new) else known


def known_to_bytes(known: Uint64s1d) -> bytes:
    """``known`` as little-endian uint64 bytes."""
    return np.asarray(known, dtype="<u8").tobytes()


def known_from_bytes(data: bytes) -> Uint64s1d:
    """What :func:`known_to_bytes` wrote; raises ValueError unless it is sorted distinct hashes."""
    if len(data) % 8:
        raise ValueError(f"{len(data)} bytes is not a whole number of 8-byte hashes")
    known = np.frombuffer(data, dtype="<u8").astype("uint64")
    if len(known) > 1 and not bool(np.all(known[1:] > known[:-1])):
        raise ValueError("the known word forms are not sorted and distinct")
    return known
