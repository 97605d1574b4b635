"""Person-name lists, as a token feature: is the word a known first name, last name, or both.

The lists are Faker's (MIT licence): the first and last names of its 86 locales' person
providers, 55,591 lower-cased forms in all, from ``Wanjiru`` and ``Kwabena`` to ``Lindqvist``.
A tagger trained on news sees few names of most origins; the list tells it that a word it
never saw is used as a name somewhere, in either case (``priya``). Many entries are also
common words (``Will``, ``Rose``, ``Green``, ``Paris``): the context decides.
``tools/make_gazetteer.py`` builds ``data/person_names.npz``: the spaCy hash of each lower
form, sorted, and its kind (1 first, 2 last, 3 both; 0 is "not a listed name").
"""

from functools import lru_cache
from pathlib import Path

from .errors import Errors
from .tables import Table, load_table, lookup
from .types import Ints1d, Uint64s1d

GAZETTEER_PATH = Path(__file__).parent / "data" / "person_names.npz"
# Rows of the gazetteer feature's table: not a name, first, last, both.
N_KINDS = 4


@lru_cache(maxsize=1)
def gazetteer_table() -> Table:
    """``(keys, ids)``: the sorted lower-form hashes and their kinds."""
    return load_table(GAZETTEER_PATH, Errors.E023)


def gazetteer_ids(lower: Uint64s1d) -> Ints1d:
    """Each token's kind of name (0 none, 1 first, 2 last, 3 both), by its lower form."""
    return lookup(gazetteer_table(), lower)
