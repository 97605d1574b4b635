#!/usr/bin/env python3
"""Build ``spacy_elman/data/name_pool.json``, the names the ``names`` augmenter swaps in.

Usage::

    pip install faker==40.63.0
    python tools/make_name_pool.py [--per-locale 120] [--out spacy_elman/data/name_pool.json]

The source is Faker's person-name data (MIT licence), read at build time only, as for
``tools/make_gazetteer.py``: the ``first_name*`` and ``last_name*`` lists of each locale's
person provider. A name is kept if it is one token of Latin letters (diacritics, inner
hyphens and apostrophes allowed: ``Adebayo-Cole``, ``O'Neill``), starts with a capital and is
not one of spaCy's English stop words. Each locale contributes up to ``--per-locale`` first
and as many last names, drawn with a generator seeded by the locale's name, so the build is
deterministic. The output maps each locale to ``[first names, last names]``; locales with no
Latin-script names (``ja_JP``, ``ru_RU``) are left out.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import random
import sys
from pathlib import Path

from spacy_elman.augment import is_latin_name

OUT = Path(__file__).resolve().parent.parent / "spacy_elman" / "data" / "name_pool.json"


def faker_pool(per_locale: int) -> dict[str, list[list[str]]]:
    """``{locale: [first names, last names]}`` of Faker's person providers."""
    import faker.providers.person as person

    pool: dict[str, list[list[str]]] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"{person.__name__}.{module}").Provider
        kinds: list[set[str]] = [set(), set()]
        for attr in sorted(vars(provider)):
            kind = 0 if attr.startswith("first_name") else 1 if attr.startswith("last_name") else -1
            names = getattr(provider, attr)
            if kind < 0 or not isinstance(names, (list, tuple, set, frozenset, dict)):
                continue
            kinds[kind].update(n.strip() for n in names if isinstance(n, str))
        picked = []
        for names in kinds:
            latin = sorted(n for n in names if is_latin_name(n))
            picked.append(random.Random(module).sample(latin, min(per_locale, len(latin))))
        if all(picked):
            pool[module] = picked
    return pool


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-locale", type=int, default=120)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    pool = faker_pool(args.per_locale)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf8") as file:
        json.dump(pool, file, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        file.write("\n")
    n = sum(len(first) + len(last) for first, last in pool.values())
    print(f"{len(pool)} locales, {n} names -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
