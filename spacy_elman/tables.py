"""Word tables that ship with the package: sorted spaCy hashes of word forms, a small value each.

Read by the ``cluster`` (``clusters.py``) and ``gazetteer`` (``gazetteer.py``) features. A table
is an ``.npz`` of ``keys`` (the spaCy hashes, sorted, uint64) and ``ids`` (a value per key; 0 is
kept for "not in the table").
"""

from pathlib import Path
from typing import Tuple

import numpy as np

from .errors import ElmanError
from .types import Ints1d, Uint64s1d

Table = Tuple[Uint64s1d, Ints1d]


def load_table(path: Path, error: str) -> Table:
    """``(keys, ids)`` of the table at ``path``; ``error`` (with ``{path}``, ``{detail}``) if it
    cannot be read."""
    try:
        with np.load(path) as data:
            return data["keys"], data["ids"].astype("int64")
    except (OSError, KeyError, ValueError) as err:
        raise ElmanError(error.format(path=path, detail=err)) from None


def lookup(table: Table, hashes: Uint64s1d) -> Ints1d:
    """Each hash's value in ``table``, 0 where it has none.

    Each distinct hash of the batch is looked up once, in sorted order (``np.unique``).
    """
    keys, ids = table
    forms, index = np.unique(hashes, return_inverse=True)
    at = np.minimum(np.searchsorted(keys, forms), len(keys) - 1)
    return np.where(keys[at] == forms, ids[at], 0)[index.ravel()]
