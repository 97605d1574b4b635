#!/usr/bin/env python3
"""Score a pipeline on the hand-written raw-text check set (exact character spans).

Usage::

    python bench/score_checkset.py MODEL [--data corpus/checkset/names.jsonl] [--json out.json]
    python bench/score_checkset.py en_core_web_sm --label-map PERSON=NAME   # a pretrained pipeline

Each record's ``text`` goes through the pipeline as raw text (``nlp(text)``, the pipeline's
own tokenizer), and the predicted ``doc.ents`` are compared with the gold spans by exact
character offsets and label. A prediction counts only if start, end and label all match.
Gold spans that do not fall on the pipeline's token boundaries cannot be predicted exactly;
they stay in the gold set and count as misses (the script says how many there are), they are
never dropped. As a cross-check the script also scores the same docs with spaCy's
``Scorer.score_spans`` on ``Example`` objects whose reference doc carries the aligned gold
spans; the two agree when every gold span aligns (the unaligned ones are what spaCy's scorer
cannot see).

Errors are listed as ``missed`` (a gold name no prediction overlaps), ``spurious`` (a
prediction that overlaps no gold name) and ``boundary`` (a prediction that overlaps a gold
name but has other offsets or another label: one false positive and one false negative).

Records: ``{"text": ..., "spans": [{"start", "end", "label"}, ...]}`` (the reader format of
``spacy_elman.readers``) or ``{"text": ..., "spans": [[start, end, label], ...]}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "corpus" / "checkset" / "names.jsonl"

Span = Tuple[int, int, str]


@dataclass
class Record:
    text: str
    gold: List[Span]


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    unaligned_gold: int = 0
    errors: List[Dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> Dict[str, Any]:
        return {
            "p": round(self.precision, 4),
            "r": round(self.recall, 4),
            "f": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "unaligned_gold": self.unaligned_gold,
            "errors": self.errors,
        }


def parse_span(raw: Any) -> Span:
    """A gold span from either ``{"start", "end", "label"}`` or ``[start, end, label]``."""
    if isinstance(raw, dict):
        return int(raw["start"]), int(raw["end"]), str(raw["label"])
    start, end, label = raw
    return int(start), int(end), str(label)


def read_records(path: Path) -> List[Record]:
    records: List[Record] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                obj = json.loads(line)
                records.append(Record(obj["text"], [parse_span(s) for s in obj["spans"]]))
    return records


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_spans(items: Iterable[Tuple[str, Sequence[Span], Sequence[Span]]]) -> Scores:
    """Exact-match counts over ``(text, predicted spans, gold spans)`` triples, with errors."""
    scores = Scores()
    for text, predicted, gold in items:
        pred_set, gold_set = set(predicted), set(gold)
        scores.tp += len(pred_set & gold_set)
        wrong_pred = sorted(pred_set - gold_set)
        wrong_gold = sorted(gold_set - pred_set)
        scores.fp += len(wrong_pred)
        scores.fn += len(wrong_gold)
        for g in wrong_gold:
            hits = [p for p in wrong_pred if _overlaps(p, g)]
            if hits:
                for p in hits:
                    scores.errors.append(
                        {
                            "kind": "boundary",
                            "text": text,
                            "gold": text[g[0] : g[1]],
                            "gold_span": list(g),
                            "predicted": text[p[0] : p[1]],
                            "predicted_span": list(p),
                        }
                    )
            else:
                scores.errors.append(
                    {
                        "kind": "missed",
                        "text": text,
                        "gold": text[g[0] : g[1]],
                        "gold_span": list(g),
                    }
                )
        for p in wrong_pred:
            if not any(_overlaps(p, g) for g in wrong_gold):
                scores.errors.append(
                    {
                        "kind": "spurious",
                        "text": text,
                        "predicted": text[p[0] : p[1]],
                        "predicted_span": list(p),
                    }
                )
    return scores


def predicted_spans(
    doc: Any, label_map: Optional[Dict[str, str]] = None, labels: Optional[Sequence[str]] = None
) -> List[Span]:
    """``doc.ents`` as character spans, labels renamed by ``label_map`` and kept if in ``labels``."""
    out: List[Span] = []
    for ent in doc.ents:
        label = (label_map or {}).get(ent.label_, ent.label_)
        if labels is None or label in labels:
            out.append((ent.start_char, ent.end_char, label))
    return out


def score_docs(
    docs: Sequence[Any],
    records: Sequence[Record],
    label_map: Optional[Dict[str, str]] = None,
    labels: Optional[Sequence[str]] = None,
) -> Scores:
    """Score predicted docs (one per record, same text) against the records' gold spans."""
    items = []
    unaligned = 0
    for doc, rec in zip(docs, records):
        if doc.text != rec.text:
            raise ValueError(f"doc text {doc.text!r} differs from record text {rec.text!r}")
        for start, end, _ in rec.gold:
            if doc.char_span(start, end, alignment_mode="strict") is None:
                unaligned += 1
        items.append((rec.text, predicted_spans(doc, label_map, labels), rec.gold))
    scores = score_spans(items)
    scores.unaligned_gold = unaligned
    return scores


def spacy_scorer_f(
    docs: Sequence[Any],
    records: Sequence[Record],
    label_map: Optional[Dict[str, str]] = None,
    labels: Optional[Sequence[str]] = None,
) -> Dict[str, float]:
    """spaCy's own ``Scorer.score_spans`` on the same predictions (aligned gold spans only)."""
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for doc, rec in zip(docs, records):
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        pred = Doc(doc.vocab, words=words, spaces=spaces)
        pred.ents = [
            pred.char_span(s, e, label=lab) for s, e, lab in predicted_spans(doc, label_map, labels)
        ]
        ref = Doc(doc.vocab, words=words, spaces=spaces)
        gold = [ref.char_span(s, e, label=lab, alignment_mode="strict") for s, e, lab in rec.gold]
        ref.ents = [g for g in gold if g is not None]
        examples.append(Example(pred, ref))
    result = Scorer.score_spans(examples, "ents")
    return {k: float(result[f"ents_{k}"] or 0.0) for k in ("p", "r", "f")}


def parse_label_map(items: Sequence[str]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for item in items:
        old, sep, new = item.partition("=")
        if not sep or not old or not new:
            raise SystemExit(f"--label-map {item!r}: expected OLD=NEW")
        out[old] = new
    return out


def format_report(scores: Scores, n_records: int, spacy_f: Optional[Dict[str, float]]) -> str:
    lines = [
        f"{n_records} sentences, {scores.tp + scores.fn} gold names, "
        f"{scores.tp + scores.fp} predicted",
        f"P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}  "
        f"(tp {scores.tp}, fp {scores.fp}, fn {scores.fn}; "
        f"{scores.unaligned_gold} gold spans off the pipeline's token boundaries, counted as missed)",
    ]
    if spacy_f is not None:
        lines.append(
            f"spaCy Scorer on aligned gold: P {spacy_f['p']:.3f}  R {spacy_f['r']:.3f}  "
            f"F1 {spacy_f['f']:.3f}"
        )
    for kind in ("missed", "spurious", "boundary"):
        errs = [e for e in scores.errors if e["kind"] == kind]
        lines.append(f"\n{kind} ({len(errs)}):")
        for e in errs:
            if kind == "missed":
                lines.append(f"  {e['gold']!r:32} in {e['text']}")
            elif kind == "spurious":
                lines.append(f"  {e['predicted']!r:32} in {e['text']}")
            else:
                lines.append(f"  {e['gold']!r} -> {e['predicted']!r}  in {e['text']}")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="a pipeline directory or package name for spacy.load")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, default=None, help="write the scores here")
    parser.add_argument(
        "--label-map", action="append", default=[], help="OLD=NEW for predicted labels"
    )
    parser.add_argument(
        "--labels", action="append", default=None, help="predicted labels kept (default NAME)"
    )
    args = parser.parse_args(argv)

    import spacy

    records = read_records(args.data)
    label_map = parse_label_map(args.label_map)
    labels = args.labels or ["NAME"]
    nlp = spacy.load(args.model)
    docs = list(nlp.pipe(r.text for r in records))
    scores = score_docs(docs, records, label_map, labels)
    spacy_f = spacy_scorer_f(docs, records, label_map, labels)
    print(format_report(scores, len(records), spacy_f))
    if args.json is not None:
        out = {"model": str(args.model), "data": str(args.data), "sentences": len(records)}
        out.update(scores.as_dict())
        out["spacy_scorer"] = {k: round(v, 4) for k, v in spacy_f.items()}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
