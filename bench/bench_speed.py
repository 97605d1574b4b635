"""Words per second of elman_ner vs spaCy's tokenizer and spaCy's own ``ner``, side by side.

All three pipelines run in ONE process on the SAME texts (the dev sentences as plain strings,
optionally grouped into documents), with the same ``nlp.pipe(texts, batch_size=B)`` call. After
one untimed warm-up pass each, the timed passes are interleaved (tok, elman, ner, tok, elman,
ner, ...) so that noise from other processes hits all three alike; the MEDIAN pass counts.

    python bench/bench_speed.py --model training/model-best --threads 1 --json speed.json
    python bench/bench_speed.py --model NEW/model-best --baseline OLD/model-best  # A/B

``--baseline`` times a second elman_ner pipeline in the same rounds (tok, elman, ner,
baseline, ...), so two configs or two rounds of code compare on the same machine state.

See bench/README.md for the fairness notes (threads, devices, what is and is not timed).
"""

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

from _common import (
    CONLL_DEV,
    CONLL_TRAIN,
    FALLBACK_DEV,
    FALLBACK_TRAIN,
    environment,
    os_thread_count,
    pick_data,
    print_environment,
    set_threads,
    table,
    write_json,
)

if TYPE_CHECKING:
    from spacy.language import Language

SYSTEMS = ("tokenizer", "elman_ner", "spacy_ner")


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        help="A trained elman_ner pipeline (e.g. training/model-best). Default: train one for "
        "1 epoch on the project's corpus/train.conll (speed does not depend on training).",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="Another elman_ner pipeline (e.g. last round's model, or another config) timed in "
        "the same rounds: its ratios print beside the --model's.",
    )
    parser.add_argument(
        "--spacy-model",
        type=Path,
        default=None,
        help="A trained spaCy pipeline with 'ner' (e.g. the model-best that bench_accuracy.py "
        "caches). Default: a blank English pipeline + nlp.add_pipe('ner') with its default "
        "config, initialized on the training examples.",
    )
    parser.add_argument(
        "--dev",
        type=Path,
        default=None,
        help=f"Texts to run (CoNLL/JSONL/.spacy). Default: {CONLL_DEV}, else {FALLBACK_DEV}.",
    )
    parser.add_argument(
        "--train",
        type=Path,
        default=None,
        help=f"Examples to initialize spaCy's ner on. Default: {CONLL_TRAIN}, else "
        f"{FALLBACK_TRAIN}.",
    )
    parser.add_argument(
        "--label-map",
        action="append",
        default=None,
        metavar="OLD=NEW",
        help="Rename gold labels of --train for spaCy's ner (repeatable). Default: PER=NAME. Only "
        "the elman model's labels are kept, so both taggers predict the same label set.",
    )
    parser.add_argument("--batch-size", type=int, default=1000, help="nlp.pipe batch_size.")
    parser.add_argument(
        "--n-texts",
        type=int,
        default=0,
        help="Use only the first N texts (after grouping); 0 = all.",
    )
    parser.add_argument(
        "--sents-per-doc",
        type=int,
        default=1,
        help="Join this many consecutive sentences into one text (1 = one text per sentence).",
    )
    parser.add_argument("--repeats", type=int, default=5, help="Timed passes per pipeline.")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="Thread-pool size for TensorFlow (TF_NUM_INTRAOP_THREADS, TF_NUM_INTEROP_THREADS) "
        "and OpenMP/BLAS (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, MKL_NUM_THREADS, ...), set "
        "before anything is imported. 1 = the fair per-core comparison (spaCy's ner runs in "
        "one thread); 0 = leave every library at its default (TensorFlow then uses all cores).",
    )
    parser.add_argument(
        "--elman-device",
        default="cpu",
        help="Device for elman_ner: cpu (fair against spaCy's CPU ner), auto, gpu, gpu:N.",
    )
    parser.add_argument(
        "--ner-init-examples",
        type=int,
        default=2000,
        help="How many training examples to initialize spaCy's ner on (and train on, below).",
    )
    parser.add_argument(
        "--ner-train-seconds",
        type=float,
        default=0.0,
        help="Briefly train the freshly initialized spaCy ner this long (speed does not depend "
        "on it; its entity count slightly affects set_annotations).",
    )
    parser.add_argument("--seed", type=int, default=0, help="Random seed for model setup.")
    parser.add_argument("--json", type=Path, default=None, help="Also save the results here.")
    args = parser.parse_args(argv)
    for name in ("batch_size", "repeats", "sents_per_doc"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.n_texts < 0:
        parser.error("--n-texts must be >= 0")
    return args


# --- texts --------------------------------------------------------------------------------


def load_texts(path: Path, sents_per_doc: int, n_texts: int) -> Tuple[List[str], int]:
    """Dev sentences as strings (tokens joined by spaces), grouped; returns (texts, n_sents)."""
    import spacy

    from spacy_elman.readers import read_docs

    vocab_nlp = spacy.blank("en")
    sents = [" ".join(t.text for t in doc) for doc in read_docs(path, vocab_nlp) if len(doc)]
    texts = [" ".join(sents[i : i + sents_per_doc]) for i in range(0, len(sents), sents_per_doc)]
    if n_texts:
        if n_texts > len(texts):
            print(f"NOTE: only {len(texts)} texts available (asked for --n-texts {n_texts}).")
        texts = texts[:n_texts]
    return texts, len(sents)


# --- pipelines ----------------------------------------------------------------------------


def elman_components(nlp: "Language") -> List[Any]:
    from spacy_elman.pipeline import ElmanNER

    return [pipe for _, pipe in nlp.pipeline if isinstance(pipe, ElmanNER)]


def load_elman(path: Optional[Path], device: str, seed: int, workdir: Path) -> "Language":
    """Load the elman pipeline from ``path``, or train a quick 1-epoch one on the fallback."""
    import spacy

    if path is None:
        from spacy_elman.training import train

        out = workdir / "elman-quick"
        print(
            f"No --model: training elman_ner (default config) for 1 epoch on {FALLBACK_TRAIN} "
            "to get a model to time (speed does not depend on how well it is trained) ..."
        )
        start = time.perf_counter()
        result = train(
            FALLBACK_TRAIN,
            FALLBACK_DEV,
            out,
            max_epochs=1,
            seed=seed,
            device=device,
        )
        print(
            f"  done in {time.perf_counter() - start:.0f} s (dev F {result.best_f:.3f}, "
            "irrelevant here)"
        )
        path = out / "model-last"
    nlp = spacy.load(path)
    pipes = elman_components(nlp)
    if not pipes:
        raise SystemExit(f"--model {path}: the pipeline {nlp.pipe_names} has no elman_ner")
    for pipe in pipes:
        # The TensorFlow network is built on first use, so this still takes effect.
        pipe.cfg["device"] = device
    return nlp


def make_spacy_ner(
    path: Optional[Path],
    train_path: Path,
    labels: Sequence[str],
    label_map: Dict[str, str],
    n_examples: int,
    train_seconds: float,
    seed: int,
) -> Tuple["Language", Dict[str, Any]]:
    """spaCy's ner: loaded from ``path``, or blank English + default-config ner, initialized."""
    import spacy
    from spacy.util import fix_random_seed, minibatch

    from spacy_elman.readers import read_examples

    if path is not None:
        nlp = spacy.load(path)
        if "ner" not in nlp.pipe_names:
            raise SystemExit(f"--spacy-model {path}: the pipeline {nlp.pipe_names} has no 'ner'")
        return nlp, {"trained_model": True, "source": str(path), "pipeline": nlp.pipe_names}
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in labels:
        ner.add_label(label)
    examples = list(
        islice(
            read_examples(train_path, nlp, label_map=label_map, labels=list(labels)),
            n_examples,
        )
    )
    optimizer = nlp.initialize(lambda: examples)
    steps = 0
    if train_seconds > 0:
        start = time.perf_counter()
        while time.perf_counter() - start < train_seconds:
            for batch in minibatch(examples, size=64):
                nlp.update(batch, sgd=optimizer, drop=0.1)
                steps += 1
                if time.perf_counter() - start >= train_seconds:
                    break
    info = {
        "trained_model": False,
        "source": f"spacy.blank('en') + add_pipe('ner') default config, initialized on "
        f"{len(examples)} examples of {train_path}",
        "pipeline": nlp.pipe_names,
        "labels": list(ner.labels),
        "train_steps": steps,
    }
    return nlp, info


# --- timing -------------------------------------------------------------------------------


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def run_pass(nlp: "Language", texts: List[str], batch_size: int) -> Tuple[float, float, int]:
    """One pass over ``texts``: (wall seconds, CPU seconds of the process, words)."""
    gc.collect()
    words = 0
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        words += len(doc)
    return time.perf_counter() - t0, cpu_seconds() - cpu0, words


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    set_threads(args.threads)  # before numpy / spaCy / TensorFlow are imported
    env = environment()
    print_environment(env)

    import spacy

    from spacy_elman.readers import parse_label_map

    dev_path, _ = pick_data(args.dev, CONLL_DEV, FALLBACK_DEV, "dev texts")
    train_path, _ = pick_data(args.train, CONLL_TRAIN, FALLBACK_TRAIN, "ner init examples")
    label_map = parse_label_map(args.label_map or ["PER=NAME"])
    texts, n_sents = load_texts(dev_path, args.sents_per_doc, args.n_texts)
    if not texts:
        raise SystemExit(f"no texts in {dev_path}")
    print(
        f"texts:    {len(texts)} texts from {dev_path} ({n_sents} sentences available, "
        f"{args.sents_per_doc} per text), {sum(map(len, texts)):,} characters"
    )

    rss: Dict[str, float] = {"texts_loaded": peak_rss_mib()}
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        pipelines: Dict[str, Language] = {"tokenizer": spacy.blank("en")}
        pipelines["elman_ner"] = load_elman(args.model, args.elman_device, args.seed, Path(tmp))
        if args.baseline is not None:
            pipelines["baseline"] = load_elman(
                args.baseline, args.elman_device, args.seed, Path(tmp)
            )
        labels = sorted(
            {lab for pipe in elman_components(pipelines["elman_ner"]) for lab in pipe.labels}
        )
        pipelines["spacy_ner"], ner_info = make_spacy_ner(
            args.spacy_model,
            train_path,
            labels,
            label_map,
            args.ner_init_examples,
            args.ner_train_seconds,
            args.seed,
        )
    print(
        f"elman:    {args.model or 'quick 1-epoch model'}  pipeline {pipelines['elman_ner'].pipe_names}"
        f"  labels {labels}  device {args.elman_device}"
    )
    print(f"ner:      {ner_info['source']}  pipeline {ner_info['pipeline']}")
    if args.spacy_model is None:
        print(
            f"          (a default-config ner set up here, trained {args.ner_train_seconds:g} s: "
            "NOT the model bench_accuracy.py trains and scores; --spacy-model times that one)"
        )
    if args.baseline is not None:
        print(f"baseline: {args.baseline}  pipeline {pipelines['baseline'].pipe_names}")
    systems = [*SYSTEMS, *(["baseline"] if args.baseline is not None else [])]
    rss["pipelines_loaded"] = peak_rss_mib()
    print(f"batch:    nlp.pipe(texts, batch_size={args.batch_size})")
    print()

    # Warm-up: builds TensorFlow graphs, fills caches and the vocab's string store for all.
    words: Dict[str, int] = {}
    warm_s: Dict[str, float] = {}
    for name in systems:
        wall, _, n = run_pass(pipelines[name], texts, args.batch_size)
        words[name], warm_s[name] = n, wall
        print(f"warm-up {name:<10} {wall:7.2f} s  {n:,} words")
    rss["after_warmup"] = peak_rss_mib()
    if len(set(words.values())) != 1:
        print(f"WARNING: the pipelines tokenized differently: {words}")

    wall_s: Dict[str, List[float]] = {name: [] for name in systems}
    cpu_s: Dict[str, List[float]] = {name: [] for name in systems}
    for rep in range(1, args.repeats + 1):
        line = []
        for name in systems:
            wall, cpu, _ = run_pass(pipelines[name], texts, args.batch_size)
            wall_s[name].append(wall)
            cpu_s[name].append(cpu)
            line.append(f"{name} {words[name] / wall:>10,.0f}")
        print(f"pass {rep}/{args.repeats}: " + "  ".join(line) + " words/s")
    print()

    results: Dict[str, Dict[str, Any]] = {}
    for name in systems:
        wps = [words[name] / w for w in wall_s[name]]
        results[name] = {
            "words": words[name],
            "words_per_second": wps,
            "median_words_per_second": statistics.median(wps),
            "min_words_per_second": min(wps),
            "max_words_per_second": max(wps),
            "median_cpu_utilization": statistics.median(
                c / w for c, w in zip(cpu_s[name], wall_s[name])
            ),
            "words_per_cpu_second": statistics.median(words[name] / c for c in cpu_s[name] if c > 0)
            if any(c > 0 for c in cpu_s[name])
            else None,
            "warmup_seconds": warm_s[name],
        }

    def paired(a: str, b: str) -> List[float]:
        """Per-pass ratio a/b: the passes of one round ran back to back."""
        return [wb / wa for wa, wb in zip(wall_s[a], wall_s[b])]

    pairs = {
        "elman_over_ner": ("elman_ner", "spacy_ner"),
        "elman_over_tokenizer": ("elman_ner", "tokenizer"),
        "ner_over_tokenizer": ("spacy_ner", "tokenizer"),
    }
    labels_of = {
        "elman_over_ner": "elman_ner / spacy ner",
        "elman_over_tokenizer": "elman_ner / tokenizer",
        "ner_over_tokenizer": "spacy ner / tokenizer",
    }
    if args.baseline is not None:
        pairs.update(
            baseline_over_ner=("baseline", "spacy_ner"),
            baseline_over_tokenizer=("baseline", "tokenizer"),
            elman_over_baseline=("elman_ner", "baseline"),
        )
        labels_of.update(
            baseline_over_ner="baseline / spacy ner",
            baseline_over_tokenizer="baseline / tokenizer",
            elman_over_baseline="elman_ner / baseline",
        )
    ratios = {}
    for key, (a, b) in pairs.items():
        per_pass = paired(a, b)
        ratios[key] = {
            "ratio_of_medians": results[a]["median_words_per_second"]
            / results[b]["median_words_per_second"],
            "per_pass": per_pass,
            "min": min(per_pass),
            "max": max(per_pass),
        }

    rows = [["pipeline", "median words/s", "min", "max", "CPU use", "words/CPU-s"]]
    for name in systems:
        r = results[name]
        per_cpu = r["words_per_cpu_second"]
        rows.append(
            [
                name,
                f"{r['median_words_per_second']:,.0f}",
                f"{r['min_words_per_second']:,.0f}",
                f"{r['max_words_per_second']:,.0f}",
                f"{r['median_cpu_utilization']:.2f}",
                f"{per_cpu:,.0f}" if per_cpu else "n/a",
            ]
        )
    print(
        f"{len(texts)} texts, {words['tokenizer']:,} words, median of {args.repeats} interleaved "
        "passes after a warm-up:"
    )
    print(table(rows, right=(1, 2, 3, 4, 5)))
    print("(CPU use: process CPU seconds / wall seconds of a pass; above 1 means several cores.)")
    print()
    for key, label in labels_of.items():
        r = ratios[key]
        print(
            f"{label:<22} {r['ratio_of_medians']:6.3f}   (per round {r['min']:.3f} .. "
            f"{r['max']:.3f})"
        )
    threads = os_thread_count()
    rss["end"] = peak_rss_mib()
    print()
    print(
        "peak RSS of the process (MiB, cumulative, for information): "
        + ", ".join(f"{k.replace('_', ' ')} {v:,.0f}" for k, v in rss.items())
    )
    if args.model is None:
        print("  (includes training the quick elman model; pass --model for a cleaner figure)")
    print(f"process threads at the end: {threads}")

    report = {
        "environment": env,
        "settings": {
            "model": str(args.model)
            if args.model
            else "quick 1-epoch model on " + str(FALLBACK_TRAIN),
            "baseline": str(args.baseline) if args.baseline else None,
            "spacy_model": str(args.spacy_model) if args.spacy_model else None,
            "ner": ner_info,
            "labels": labels,
            "dev": str(dev_path),
            "n_texts": len(texts),
            "sents_per_doc": args.sents_per_doc,
            "batch_size": args.batch_size,
            "repeats": args.repeats,
            "threads": args.threads,
            "elman_device": args.elman_device,
        },
        "results": results,
        "ratios": ratios,
        "process_threads": threads,
        "peak_rss_mib": rss,
    }
    if args.json is not None:
        write_json(args.json, report)
    return report


if __name__ == "__main__":
    main()
