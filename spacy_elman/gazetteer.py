"""Person-name lists, as a token feature: is the word a known first name, last name, or both.

The lists are Faker's (MIT licence): the first and last names of its 86 locales' person
providers, 55,591 lower-cased forms in all, from ``Wanjiru`` and ``Kwabena`` to ``Lindqvist``.
A tagger trained on news sees few names of most origins; the list tells it that a word it
never saw is used as a name somewhere, in either case (``priya``). Many entries are also
common words (``Will``, ``Rose``, ``Green``, ``Paris``): the context decides.
``tools/make_gazetteer.py`` builds ``data/person_names.npz``: the spaCy hash of each lower
form, sorted, and its kind (1 first, 2 last, 3 both; 0 is "not a listed name").

The ``gazetteer_v2`` feature also reads the romanised Chinese and Japanese names (``Zhou``,
``Tanaka``) and a hyphenated word that is not listed by its parts (``Adeyemi-Jones``: last |
both), as CoNLL-style data writes such names as one token.
"""

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from .errors import Errors
from .tables import Table, load_table, lookup
from .types import Ints1d, Uint64s1d

GAZETTEER_PATH = Path(__file__).parent / "data" / "person_names.npz"
# The romanised Chinese and Japanese names of Faker that the lists above lack (or hold with
# another kind: then the kinds or'ed), read by ``gazetteer_v2`` only.
ROMANISED_PATH = Path(__file__).parent / "data" / "person_names_romanised.npz"
# Rows of the gazetteer feature's table: not a name, first, last, both.
N_KINDS = 4


@lru_cache(maxsize=1)
def gazetteer_table() -> Table:
    """``(keys, ids)``: the sorted lower-form hashes and their kinds."""
    return load_table(GAZETTEER_PATH, Errors.E023)


@lru_cache(maxsize=1)
def romanised_table() -> Table:
    """``(keys, ids)`` of the romanised names (``ROMANISED_PATH``)."""
    return load_table(ROMANISED_PATH, Errors.E023)


@lru_cache(maxsize=1)
def gazetteer_v2_table() -> Table:
    """The lists with the romanised names merged in (their kind where both hold a form)."""
    keys, ids = gazetteer_table()
    extra_keys, extra_ids = romanised_table()
    keep = ~np.isin(keys, extra_keys)
    merged = np.concatenate([keys[keep], extra_keys])
    kinds = np.concatenate([ids[keep], extra_ids])
    order = np.argsort(merged, kind="stable")
    return merged[order], kinds[order]


def gazetteer_ids(lower: Uint64s1d) -> Ints1d:
    """Each token's kind of name (0 none, 1 first, 2 last, 3 both), by its lower form."""
    return lookup(gazetteer_table(), lower)


def gazetteer_v2_ids(lower: Uint64s1d, shape: Uint64s1d, strings: Sequence[StringStore]) -> Ints1d:
    """The kinds of :func:`gazetteer_ids` with the romanised names, and for an unlisted word
    written with a hyphen (by its shape: ``Adeyemi-Jones``, ``Mei-Ling``) the kinds of its
    parts together (1 | 2 = 3), when every part is a listed name; 0 when one is not
    (``co-wrote``, ``Anozie-Eke``).

    strings: the string stores of the batch's docs (one, unless they come from several
        vocabs); a hash that none of them holds reads as no hyphenated word.

    Only the distinct hyphenated forms of the batch are split, so the cost is a
    ``np.unique`` over the shapes on batches without any.
    """
    out = _kinds_v2(lower)
    shapes, index = np.unique(shape, return_inverse=True)
    hyphenated = np.asarray(["-" in _text(s, strings) for s in shapes.tolist()], dtype=bool)
    todo = np.flatnonzero(hyphenated[index.ravel()] & (out == 0))
    if len(todo):
        forms, inverse = np.unique(lower[todo], return_inverse=True)
        kinds = _parts_kinds([_text(form, strings) for form in forms.tolist()])
        out[todo] = kinds.astype(out.dtype)[inverse.ravel()]
    return out


def _kinds_v2(lower: Uint64s1d) -> Ints1d:
    """Each lower form's kind in :func:`gazetteer_v2_table`."""
    return lookup(gazetteer_v2_table(), lower)


def _text(key: int, strings: Sequence[StringStore]) -> str:
    """The string of hash ``key`` in the first of ``strings`` that holds it, else ``""``."""
    for store in strings:
        if key in store:
            return store[key]
    return ""


def _parts_kinds(words: Sequence[str]) -> Ints1d:
    """Each hyphenated word's parts' kinds, or'ed; 0 unless every part is listed. All the
    parts are looked up at once (one lookup per word was ~30 µs: 80 ms an epoch of
    CoNLL-2003's 2,628 such forms)."""
    pieces = [word.split("-") for word in words]
    pieces = [parts if len(parts) > 1 and all(parts) else [] for parts in pieces]
    counts = np.asarray([len(parts) for parts in pieces], dtype="int64")
    hashes = [get_string_id(part) for parts in pieces for part in parts]
    kinds = _kinds_v2(np.asarray(hashes, dtype="uint64"))
    out = np.zeros((len(words),), dtype="int64")
    split = np.flatnonzero(counts)
    if len(split):
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))[split]
        listed = np.minimum.reduceat(kinds, starts) > 0  # every part a listed name
        out[split] = np.where(listed, np.bitwise_or.reduceat(kinds, starts), 0)
    return out


def listed_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a token of ``doc[start:end]`` is a listed first or last name."""
    return bool(name_kinds(doc, start, end).any())


def name_kinds(doc: Doc, start: int, end: int) -> Ints1d:
    """The kinds (:func:`gazetteer_v2_ids`) of the tokens of ``doc[start:end]``."""
    tokens = doc[start:end]
    lower = np.asarray([token.lower for token in tokens], dtype="uint64")
    shape = np.asarray([token.shape for token in tokens], dtype="uint64")
    return gazetteer_v2_ids(lower, shape, [doc.vocab.strings])
