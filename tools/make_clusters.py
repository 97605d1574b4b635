#!/usr/bin/env python3
"""Build ``spacy_elman/data/brown_clusters_en.npz`` from spaCy's English Brown clusters.

Usage::

    pip install spacy-lookups-data==1.0.5
    python tools/make_clusters.py [--out spacy_elman/data/brown_clusters_en.npz]

The source is the ``lexeme_cluster`` table of spacy-lookups-data (MIT licence): 1,000,001
English word forms, 190,129 of them with a Brown cluster (the rest are 0). The output keeps
those 190,129: ``keys``, the spaCy hash of each form (``spacy.strings.get_string_id``, the
hash ``doc.to_array(ORTH)`` gives), sorted; and ``ids``, the index of its cluster in the
sorted cluster values, from 1 (0 stays "no cluster"). The build is deterministic.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from spacy.strings import get_string_id

OUT = Path(__file__).resolve().parent.parent / "spacy_elman" / "data" / "brown_clusters_en.npz"


def build(table: dict) -> tuple[np.ndarray, np.ndarray]:
    """``(keys, ids)`` from a ``{form: cluster}`` table (a form may be given as its hash, as
    spaCy's lookup tables store it)."""
    items = [(form, value) for form, value in table.items() if value != 0]
    index = {value: i + 1 for i, value in enumerate(sorted({value for _, value in items}))}
    keys = np.asarray([get_string_id(form) for form, _ in items], dtype="uint64")
    ids = np.asarray([index[value] for _, value in items], dtype="uint16")
    order = np.argsort(keys, kind="stable")
    keys, ids = keys[order], ids[order]
    if not (np.diff(keys) > 0).all():
        raise SystemExit("two word forms share a hash")
    return keys, ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from spacy.lookups import load_lookups

    table = dict(load_lookups("en", ["lexeme_cluster"]).get_table("lexeme_cluster").items())
    keys, ids = build({form: int(value) for form, value in table.items()})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, keys=keys, ids=ids)
    print(f"{len(keys)} word forms in {int(ids.max())} clusters -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
