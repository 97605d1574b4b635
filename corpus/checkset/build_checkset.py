#!/usr/bin/env python3
"""Build ``names.jsonl`` from the hand-written ``names.src.txt`` and validate it.

``names.src.txt`` has one sentence per line; every person name is written in
square brackets (``Dr. [Katalin Karikó] shared ...``).  The brackets are
removed and each bracketed stretch becomes a ``NAME`` span with character
offsets into the clean text.  The script checks that every span's text is the
bracketed text, that spans do not overlap or touch whitespace, that the text
has no stray brackets, and that every span falls on the token boundaries of
``spacy.blank("en")`` (a warning, not an error: such a span could never be
predicted exactly and counts as a miss when scoring).

Usage::

    python corpus/checkset/build_checkset.py          # writes names.jsonl
    python corpus/checkset/build_checkset.py --check  # fails if names.jsonl is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABEL = "NAME"


def parse_line(line: str) -> tuple[str, list[tuple[int, int, str]], list[str]]:
    """Return (text, spans, names) for one marked-up line."""
    text: list[str] = []
    spans: list[tuple[int, int, str]] = []
    names: list[str] = []
    pos = 0
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "[":
            close = line.find("]", i + 1)
            if close < 0 or "[" in line[i + 1 : close]:
                raise ValueError(f"unbalanced '[' in {line!r}")
            name = line[i + 1 : close]
            if not name or name != name.strip():
                raise ValueError(f"empty or padded name {name!r} in {line!r}")
            spans.append((pos, pos + len(name), LABEL))
            names.append(name)
            text.append(name)
            pos += len(name)
            i = close + 1
        elif ch == "]":
            raise ValueError(f"stray ']' in {line!r}")
        else:
            text.append(ch)
            pos += 1
            i += 1
    return "".join(text), spans, names


def build(src: Path) -> list[dict]:
    records: list[dict] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        text, spans, names = parse_line(raw)
        if text in seen:
            raise ValueError(f"{src}:{lineno}: duplicate sentence")
        seen.add(text)
        for (start, end, _), name in zip(spans, names, strict=True):
            assert text[start:end] == name, (lineno, text[start:end], name)
        records.append(
            {"text": text, "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in spans]}
        )
    return records


def validate(records: list[dict]) -> list[str]:
    """Errors for malformed records; alignment problems are returned as warnings."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    warnings: list[str] = []
    for i, rec in enumerate(records, 1):
        text = rec["text"]
        spans = [(sp["start"], sp["end"], sp["label"]) for sp in rec["spans"]]
        prev_end = -1
        for start, end, label in sorted(spans):
            if label != LABEL:
                raise ValueError(f"record {i}: label {label!r}")
            if not 0 <= start < end <= len(text):
                raise ValueError(f"record {i}: span {start}-{end} outside the text")
            if start < prev_end:
                raise ValueError(f"record {i}: overlapping spans")
            if text[start:end] != text[start:end].strip():
                raise ValueError(f"record {i}: span {text[start:end]!r} has edge whitespace")
            prev_end = end
        doc = tokenizer(text)
        for start, end, _ in spans:
            if doc.char_span(start, end, alignment_mode="strict") is None:
                warnings.append(f"record {i}: {text[start:end]!r} is not on token boundaries")
    return warnings


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=HERE / "names.src.txt")
    parser.add_argument("--out", type=Path, default=HERE / "names.jsonl")
    parser.add_argument("--check", action="store_true", help="compare with --out, write nothing")
    args = parser.parse_args(argv)
    records = build(args.src)
    for warning in validate(records):
        print("WARNING", warning, file=sys.stderr)
    text = dumps(records)
    n_spans = sum(len(r["spans"]) for r in records)
    n_empty = sum(1 for r in records if not r["spans"])
    print(f"{len(records)} sentences, {n_spans} names, {n_empty} without names", file=sys.stderr)
    if args.check:
        if not args.out.exists() or args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} is stale: rerun without --check", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
