#!/usr/bin/env python3
"""Build ``spacy_elman/data/person_names.npz``, the name lists of the ``gazetteer`` feature.

Usage::

    pip install faker==40.63.0
    python tools/make_gazetteer.py [--out spacy_elman/data/person_names.npz]
        [--romanised-out spacy_elman/data/person_names_romanised.npz]

The source is the person-name data of Faker (MIT licence), read at build time only: the first
names and last names of each of its locales' person providers (86 locales in 40.63.0), in
every script (the attributes named ``first_name*`` and ``last_name*``; the romanised and
middle names of a few locales are not read into this table; ``--romanised-out`` writes the
romanised Chinese and Japanese names that it lacks, for ``gazetteer_v2``). Each name is cut
at spaces and hyphens, as spaCy's tokenizer cuts it, and each piece that starts with a
capital or an uncased letter (not the particles ``van``, ``de``) and has a letter in it is
kept, unless it is one of spaCy's English stop words (``the``, ``will``, ``may``: a hit on
every such word would tell the tagger nothing). The output has ``keys``, the spaCy hash of
each piece's lower form (``spacy.strings.get_string_id``, the hash ``doc.to_array(LOWER)``
gives), sorted; and ``ids``, 1 for a first name, 2 for a last name, 3 for both. The build is
deterministic.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import get_string_id

OUT = Path(__file__).resolve().parent.parent / "spacy_elman" / "data" / "person_names.npz"
FIRST, LAST = 1, 2


def pieces(name: str) -> list[str]:
    """The lower forms of the tokens of ``name`` that are names, not particles."""
    out = []
    for piece in re.split(r"[\s\-‐]+", name.strip()):
        piece = piece.strip(".,'\"()")
        if len(piece) < 2 or piece[0].islower() or not any(c.isalpha() for c in piece):
            continue
        if piece.lower() not in STOP_WORDS:  # "The" (of "The Elder"), "Will", "May"
            out.append(piece.lower())
    return out


def faker_names(
    modules: tuple[str, ...] = (), first: str = "first_name", last: str = "last_name"
) -> dict[str, int]:
    """``{lower form: FIRST | LAST}`` over Faker's person providers (``modules``; all when
    empty), from the list attributes whose names start with ``first`` or ``last``."""
    import faker.providers.person as person

    kinds: dict[str, int] = {}
    for module in modules or sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"{person.__name__}.{module}").Provider
        for attr in sorted(vars(provider)):
            kind = FIRST if attr.startswith(first) else LAST * attr.startswith(last)
            names = getattr(provider, attr)
            if not kind or not isinstance(names, (list, tuple, set, frozenset, dict)):
                continue  # methods and the formats
            for name in names:
                if isinstance(name, str):
                    for form in pieces(name):
                        kinds[form] = kinds.get(form, 0) | kind
    return kinds


def romanised_names(kinds: dict[str, int]) -> dict[str, int]:
    """``{lower form: kind}`` of the romanised names of Faker's ``ja_JP``, ``zh_CN`` and
    ``zh_TW`` that ``kinds`` lacks or holds with another kind (then the two or'ed)."""
    extra = faker_names(("ja_JP", "zh_CN", "zh_TW"), "first_romanized_name", "last_romanized_name")
    merged = {form: kinds.get(form, 0) | kind for form, kind in sorted(extra.items())}
    return {form: kind for form, kind in merged.items() if kind != kinds.get(form, 0)}


def build(kinds: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """``(keys, ids)`` from a ``{lower form: kind}`` table."""
    keys = np.asarray([get_string_id(form) for form in kinds], dtype="uint64")
    ids = np.asarray(list(kinds.values()), dtype="uint8")
    order = np.argsort(keys, kind="stable")
    keys, ids = keys[order], ids[order]
    if not (np.diff(keys) > 0).all():
        raise SystemExit("two names share a hash")
    return keys, ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--romanised-out",
        type=Path,
        default=None,
        help="also write the romanised Chinese and Japanese names that the table lacks "
        "(spacy_elman/data/person_names_romanised.npz, read by the gazetteer_v2 feature)",
    )
    args = parser.parse_args(argv)
    names = faker_names()
    if args.romanised_out is not None:
        keys, ids = build(romanised_names(names))
        np.savez_compressed(args.romanised_out, keys=keys, ids=ids)
        print(f"{len(keys)} romanised names -> {args.romanised_out}")
    keys, ids = build(names)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, keys=keys, ids=ids)
    counts = np.bincount(ids, minlength=4)
    print(
        f"{len(keys)} names ({counts[FIRST]} first only, {counts[LAST]} last only, "
        f"{counts[FIRST | LAST]} both) -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
