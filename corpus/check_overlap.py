#!/usr/bin/env python3
"""Report how much of the hand-written check set shows up in the generated corpus.

Usage::

    python corpus/check_overlap.py [--corpus DIR] [--checkset FILE] [--ngram 6]

Compares ``corpus/checkset/names.jsonl`` (tokenized with ``spacy.blank("en")``, as the
corpus is) with ``train.conll`` and ``dev.conll`` and with the generator's name lists:

- check-set sentences that occur verbatim in the corpus (must be 0);
- check-set sentences sharing a run of N tokens with a corpus sentence (default 6);
- check-set full names tagged as a name in the corpus (case-insensitive);
- check-set name tokens in the generator's first-name/surname lists.

Exits 1 if any check-set sentence occurs verbatim in the corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if current:
                sentences.append(current)
            current = []
            continue
        token, tag = line.split("\t")
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def conll_entities(rows: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    out: list[list[str]] = []
    for token, tag in rows:
        if tag.startswith("B-"):
            out.append([token])
        elif tag.startswith("I-") and out:
            out[-1].append(token)
    return [tuple(e) for e in out]


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def overlap_report(corpus: Path, checkset: Path, n: int) -> dict:
    import spacy

    sys.path.insert(0, str(HERE))
    import make_corpus

    tokenizer = spacy.blank("en").tokenizer
    records = [json.loads(x) for x in checkset.read_text(encoding="utf-8").splitlines() if x]
    generated = read_conll(corpus / "train.conll") + read_conll(corpus / "dev.conll")
    gen_sentences = {tuple(t.casefold() for t, _ in rows) for rows in generated}
    gen_ngrams: set[tuple[str, ...]] = set()
    for tokens in gen_sentences:
        gen_ngrams |= ngrams(list(tokens), n)
    gen_names = {tuple(t.casefold() for t in e) for rows in generated for e in conll_entities(rows)}
    list_names = {
        x.casefold()
        for table in (make_corpus.FIRST_NAMES, make_corpus.SURNAMES)
        for names in table.values()
        for name in names
        for x in name.split()
    }

    verbatim, shared, full_names, tokens_in_lists = [], [], [], set()
    all_names, all_tokens = set(), set()
    for rec in records:
        tokens = [t.text.casefold() for t in tokenizer(rec["text"])]
        if tuple(tokens) in gen_sentences:
            verbatim.append(rec["text"])
        common = ngrams(tokens, n) & gen_ngrams
        if common:
            shared.append({"text": rec["text"], "ngrams": [" ".join(g) for g in sorted(common)]})
        for span in rec["spans"]:
            name = rec["text"][span["start"] : span["end"]]
            key = tuple(t.text.casefold() for t in tokenizer(name))
            all_names.add(key)
            if key in gen_names:
                full_names.append(name)
            for part in name.split():
                all_tokens.add(part.casefold())
                if part.casefold() in list_names:
                    tokens_in_lists.add(part)
    return {
        "checkset_sentences": len(records),
        "verbatim_sentences": verbatim,
        f"sentences_sharing_{n}_tokens": shared,
        "checkset_full_names": len(all_names),
        "full_names_tagged_in_corpus": sorted(set(full_names)),
        "checkset_name_tokens": len(all_tokens),
        "name_tokens_in_generator_lists": sorted(tokens_in_lists),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE)
    parser.add_argument("--checkset", type=Path, default=HERE / "checkset" / "names.jsonl")
    parser.add_argument("--ngram", type=int, default=6)
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args(argv)
    report = overlap_report(args.corpus, args.checkset, args.ngram)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        shared = report[f"sentences_sharing_{args.ngram}_tokens"]
        print(f"check-set sentences: {report['checkset_sentences']}")
        print(f"  verbatim in the corpus: {len(report['verbatim_sentences'])}")
        print(f"  sharing a run of {args.ngram} tokens with a corpus sentence: {len(shared)}")
        for item in shared:
            print(f"    {item['text']}  <- {item['ngrams'][:3]}")
        names = report["full_names_tagged_in_corpus"]
        print(
            f"check-set full names: {report['checkset_full_names']}; "
            f"tagged in the corpus: {len(names)} {names}"
        )
        toks = report["name_tokens_in_generator_lists"]
        print(
            f"check-set name tokens: {report['checkset_name_tokens']}; "
            f"in the generator's name lists: {len(toks)}"
        )
        print("  " + ", ".join(toks))
    return 1 if report["verbatim_sentences"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
