"""Character affixes of a token's lower form, hashed: the character features spaCy lacks.

spaCy's lexical attributes give one prefix (the first character) and one suffix (the last
three). Names the model never saw are told by their letters (``-ović``, ``-enko``, ``Ade-``,
``-ssen``), and a lower-cased chat name shares them with its title-case form, so these
features hash more affixes of the lower form: its first 2 and 3 characters and its last 2
and 4. Each is looked up in its own embedding table, like the spaCy attributes.

The work is per distinct word, not per token: a batch's lower-form hashes are made unique,
and each word's affix hashes are computed once (``spacy.strings.hash_string``, spaCy's own
64-bit hash) and kept in a bounded cache.
"""

from typing import Dict, Sequence, Tuple

import numpy as np
from spacy.strings import StringStore, hash_string

from .types import Ints2d

# name -> (start, stop) of the slice of the lower form; stop 0 means to its end.
AFFIXES: Dict[str, Tuple[int, int]] = {
    "prefix2": (0, 2),
    "prefix3": (0, 3),
    "suffix2": (-2, 0),
    "suffix4": (-4, 0),
}
# Distinct words whose affix hashes are kept (14.5 MiB when full, measured); the cache is
# emptied when full. A stream's frequent words come back within the next batches and are
# cached again.
CACHE_WORDS = 50_000
_cache: Dict[int, Tuple[int, ...]] = {}


def _affix_hashes(text: str) -> Tuple[int, ...]:
    """The hash of every affix in :data:`AFFIXES` of ``text``, in their order."""
    return tuple(
        hash_string(text[start:] if stop == 0 else text[start:stop])
        for start, stop in AFFIXES.values()
    )


def affix_hashes(strings: StringStore, lower: np.ndarray, names: Sequence[str]) -> Ints2d:
    """Return the ``(n_tokens, len(names))`` uint64 hashes of the affixes ``names``.

    Args:
        strings: the vocab's string store, which holds every lower form of the batch.
        lower: the tokens' ``LOWER`` hashes (``doc.to_array(LOWER)``).
        names: keys of :data:`AFFIXES`.
    """
    columns = [list(AFFIXES).index(name) for name in names]
    words, inverse = np.unique(np.asarray(lower, dtype="uint64"), return_inverse=True)
    if len(_cache) + len(words) > CACHE_WORDS:
        _cache.clear()
    rows = []
    for key in words.tolist():
        row = _cache.get(key)
        if row is None:
            row = _cache[key] = _affix_hashes(strings[key])
        rows.append(row)
    table = np.asarray(rows, dtype="uint64").reshape((len(words), len(AFFIXES)))
    return table[:, columns][inverse.reshape(-1)]
