"""Long documents: elman_ner with chunked inference vs one pass vs spaCy's ``ner``, one doc.

The doc is the CoNLL-2003 train articles joined into one text (cut to ``--chars``; the
project's corpus repeated when CoNLL is absent), run through ``nlp(text)``. Prints, in one run:

- tokens/s of the default chunked elman_ner, of ``chunk_tokens = 0`` (one pass) and of spaCy's
  ``ner`` on the same doc (median of ``--rounds`` interleaved passes; one pass runs once);
- peak RSS of each, each in a fresh process (``nlp(text)`` once, after loading);
- how often the chunked tags agree with the one-pass tags: on a 100k-character doc, on the
  whole doc, and on the CoNLL dev articles (each article a doc);
- with ``--grid``: speed and agreement for other ``chunk_tokens`` / ``chunk_context``.

    python bench/bench_chunks.py --model training/model-best --json chunks.json
"""

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence

import numpy as np
from _common import (
    CONLL_DEV,
    CONLL_TRAIN,
    FALLBACK_DEV,
    FALLBACK_TRAIN,
    environment,
    pick_data,
    print_environment,
    table,
    write_json,
)
from bench_speed import load_elman, make_spacy_ner

if TYPE_CHECKING:
    from spacy.language import Language

GRID = [(64, 8), (64, 16), (128, 8), (128, 16), (128, 32), (256, 16), (512, 16), (1024, 16)]


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--model", type=Path, default=None, help="A trained elman_ner pipeline.")
    parser.add_argument(
        "--spacy-model", type=Path, default=None, help="A trained spaCy pipeline with 'ner'."
    )
    parser.add_argument("--train", type=Path, default=None, help="Articles to join (CoNLL).")
    parser.add_argument("--dev", type=Path, default=None, help="Articles for the agreement.")
    parser.add_argument("--chars", type=int, default=999_000, help="Length of the long doc.")
    parser.add_argument("--rounds", type=int, default=3, help="Timed passes per system.")
    parser.add_argument("--grid", action="store_true", help="Also try other chunk settings.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=None, help="Write the results here.")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)  # RSS subprocess
    parser.add_argument("--text-file", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def read_articles(path: Path) -> List[str]:
    """CoNLL column file → one string per ``-DOCSTART-`` article (tokens joined by spaces)."""
    articles: List[List[str]] = [[]]
    with open(path, encoding="utf8") as lines:
        for line in lines:
            token = line.split(maxsplit=1)[0] if line.strip() else ""
            if token == "-DOCSTART-":
                articles.append([])
            elif token:
                articles[-1].append(token)
    return [" ".join(tokens) for tokens in articles if tokens]


def long_text(articles: List[str], chars: int) -> str:
    text = " ".join(articles)
    while len(text) < chars:  # the small fallback corpus: repeat it
        text = f"{text} {text}"
    return text[:chars].rsplit(" ", 1)[0]


def elman_pipe(nlp: "Language"):
    from spacy_elman.loading import find_component

    return nlp.get_pipe(find_component(nlp))


@contextmanager
def elman_settings(nlp: "Language", **cfg: Any) -> Iterator[Any]:
    """Run the block with the elman component settings ``cfg`` (none: nlp as it is)."""
    if not cfg:  # e.g. spaCy's ner pipeline
        yield None
        return
    pipe = elman_pipe(nlp)
    saved = dict(pipe.cfg)
    pipe.cfg.update(cfg)
    try:
        yield pipe
    finally:
        pipe.cfg = saved


def tags_of(nlp: "Language", texts: List[str], **cfg: Any) -> np.ndarray:
    """All texts' tag ids, concatenated, with the component settings ``cfg``."""
    with elman_settings(nlp, **cfg):
        docs = [nlp.make_doc(text) for text in texts]
        return np.concatenate([tags for tags, _ in elman_pipe(nlp).predict(docs)])


def timed_call(nlp: "Language", text: str, **cfg: Any) -> float:
    """Seconds for ``nlp(text)`` with the elman settings ``cfg`` (none for spaCy's ner)."""
    with elman_settings(nlp, **cfg):
        gc.collect()
        start = time.perf_counter()
        nlp(text)
        return time.perf_counter() - start


def peak_rss_mib() -> float:
    """This process's peak RSS (VmHWM): unlike ru_maxrss, it does not carry the peak of the
    process that started it across exec."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM in /proc/self/status (Linux only)")


def child_rss(args: argparse.Namespace) -> None:
    """In a fresh process: load one system, run ``nlp(text)`` once, print the peak RSS."""
    import spacy

    text = args.text_file.read_text(encoding="utf8")
    system = args.child
    nlp = spacy.load(args.spacy_model if system == "spacy_ner" else args.model)
    if system == "elman_one_pass":
        elman_pipe(nlp).cfg["chunk_tokens"] = 0
    before = peak_rss_mib()
    nlp(text)
    print(json.dumps({"before": before, "after": peak_rss_mib()}))


def measure_rss(system: str, model: Path, spacy_model: Path, text_file: Path) -> Dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--child",
        system,
        "--model",
        str(model),
        "--spacy-model",
        str(spacy_model),
        "--text-file",
        str(text_file),
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"RSS child {system} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    if args.child:
        child_rss(args)
        return {}
    env = environment()
    print_environment(env)
    train_path, _ = pick_data(args.train, CONLL_TRAIN, FALLBACK_TRAIN, "articles to join")
    dev_path, _ = pick_data(args.dev, CONLL_DEV, FALLBACK_DEV, "articles for agreement")
    workdir = Path(tempfile.mkdtemp(prefix="bench-chunks-"))
    nlp = load_elman(args.model, "cpu", args.seed, workdir)
    model_path = args.model or workdir / "elman-quick" / "model-last"
    spacy_nlp, spacy_info = make_spacy_ner(
        args.spacy_model, train_path, ["NAME"], {"PER": "NAME"}, 2000, 20.0, args.seed
    )
    spacy_path = args.spacy_model or workdir / "spacy-ner"
    if args.spacy_model is None:
        spacy_nlp.to_disk(spacy_path)
    text = long_text(read_articles(train_path), args.chars)
    n_tokens = len(nlp.make_doc(text))
    cfg = elman_pipe(nlp).cfg
    default = {"chunk_tokens": cfg["chunk_tokens"], "chunk_context": cfg["chunk_context"]}
    print(f"\nOne doc of {len(text):,} characters, {n_tokens:,} tokens; elman default {default}")
    print(f"spaCy ner: {spacy_info['source']}\n")

    one_pass = timed_call(nlp, text, chunk_tokens=0)
    times: Dict[str, List[float]] = {"elman_chunked": [], "spacy_ner": []}
    timed_call(nlp, text[:20_000], **default)  # warm-up
    spacy_nlp(text[:20_000])
    for _ in range(args.rounds):
        times["elman_chunked"].append(timed_call(nlp, text, **default))
        times["spacy_ner"].append(timed_call(spacy_nlp, text))
    speed = {name: n_tokens / statistics.median(ts) for name, ts in times.items()}
    speed["elman_one_pass"] = n_tokens / one_pass

    text_file = workdir / "long.txt"
    text_file.write_text(text, encoding="utf8")
    rss = {
        system: measure_rss(system, model_path, spacy_path, text_file)
        for system in ("elman_chunked", "elman_one_pass", "spacy_ner")
    }
    rows = [["system", "tokens/s", "vs spaCy ner", "peak RSS MiB", "RSS before MiB"]]
    for system in ("elman_chunked", "elman_one_pass", "spacy_ner"):
        rows.append(
            [
                system,
                f"{speed[system]:,.0f}",
                f"{speed[system] / speed['spacy_ner']:.1f}x",
                f"{rss[system]['after']:,.0f}",
                f"{rss[system]['before']:,.0f}",
            ]
        )
    print(table(rows, right=(1, 2, 3, 4)))

    short = text[:100_000].rsplit(" ", 1)[0]
    dev_articles = read_articles(dev_path)
    agree = {}
    for name, texts in (
        ("100k-char doc", [short]),
        ("whole doc", [text]),
        ("dev articles", dev_articles),
    ):
        one = tags_of(nlp, texts, chunk_tokens=0)
        chunked = tags_of(nlp, texts, **default)
        agree[name] = {"tokens": int(one.size), "agreement": float(np.mean(one == chunked))}
    print("\nChunked tags equal to the one-pass tags:")
    print(
        table(
            [["text", "tokens", "agreement"]]
            + [[k, f"{v['tokens']:,}", f"{v['agreement']:.5f}"] for k, v in agree.items()],
            right=(1, 2),
        )
    )

    grid = []
    if args.grid:
        base = tags_of(nlp, [text], chunk_tokens=0)
        for chunk_tokens, context in GRID:
            settings = {"chunk_tokens": chunk_tokens, "chunk_context": context}
            seconds = statistics.median(timed_call(nlp, text, **settings) for _ in range(2))
            same = float(np.mean(tags_of(nlp, [text], **settings) == base))
            grid.append({**settings, "tokens_per_s": n_tokens / seconds, "agreement": same})
        print("\nOther settings (median of 2 passes):")
        rows = [["chunk_tokens", "chunk_context", "tokens/s", "agreement"]]
        for g in grid:
            rows.append(
                [
                    str(g["chunk_tokens"]),
                    str(g["chunk_context"]),
                    f"{g['tokens_per_s']:,.0f}",
                    f"{g['agreement']:.5f}",
                ]
            )
        print(table(rows, right=(0, 1, 2, 3)))

    results = {
        "environment": env,
        "doc": {"characters": len(text), "tokens": n_tokens, "source": str(train_path)},
        "elman_default": default,
        "spacy_ner": spacy_info,
        "tokens_per_s": speed,
        "seconds": {**times, "elman_one_pass": [one_pass]},
        "peak_rss_mib": rss,
        "agreement": agree,
        "grid": grid,
    }
    if args.json:
        write_json(args.json, results)
    return results


if __name__ == "__main__":
    main()
