"""NAME precision/recall/F of spaCy's own ``ner`` vs an elman_ner model, in-domain and out.

Trains spaCy's ``ner`` (the ``spacy init config --pipeline ner --optimize efficiency`` CPU
config) on the same training data as the elman model (PER renamed NAME, only NAME kept), for a
time budget like ``spacy-elman train --max-time``, caches it under ``--work-dir``, then scores
both on CoNLL-2003 dev and on WNUT-17 dev with the same gold tokenization.

    python bench/bench_accuracy.py --elman-model training/conll-name/model-best --json acc.json

See bench/README.md for the exact commands and what makes the comparison fair.
"""

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

from _common import (
    CONLL_DEV,
    CONLL_TRAIN,
    FALLBACK_DEV,
    FALLBACK_TRAIN,
    WNUT_DEV,
    environment,
    pick_data,
    print_environment,
    set_threads,
    table,
    write_json,
)

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_WORK_DIR = Path("/tmp/spacy-elman-bench")
TRAIN_INFO = "train-info.json"


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument(
        "--elman-model",
        type=Path,
        default=None,
        help="A trained elman_ner pipeline, e.g. OUTPUT/model-best of `spacy-elman train TRAIN "
        "DEV -o OUTPUT --label-map PER=NAME --labels NAME`. Without it only spaCy's ner is "
        "scored.",
    )
    parser.add_argument(
        "--train",
        type=Path,
        default=None,
        help=f"Training data for spaCy's ner. Default: {CONLL_TRAIN}, else {FALLBACK_TRAIN}.",
    )
    parser.add_argument(
        "--dev",
        type=Path,
        default=None,
        help=f"In-domain dev data (checkpoint selection and scoring). Default: {CONLL_DEV}, "
        f"else {FALLBACK_DEV}.",
    )
    parser.add_argument(
        "--wnut",
        type=Path,
        default=None,
        help=f"Out-of-domain dev data, scored only (never trained or tuned on). Default: "
        f"{WNUT_DEV} if present.",
    )
    parser.add_argument(
        "--label-map",
        action="append",
        default=None,
        metavar="OLD=NEW",
        help="Rename gold labels (repeatable), for training and scoring. Default: PER=NAME.",
    )
    parser.add_argument(
        "--labels",
        action="append",
        default=None,
        metavar="LABEL",
        help="Keep only these labels (repeatable), after renaming. Default: NAME.",
    )
    parser.add_argument(
        "--max-time",
        type=float,
        default=600.0,
        help="spaCy ner training budget in seconds (like `spacy-elman train --max-time`); the "
        "run stops at the first update past it, scores dev once more and keeps the best.",
    )
    parser.add_argument(
        "--max-epochs",
        type=int,
        default=0,
        help="training.max_epochs for spaCy's ner (0 = no limit, as in spaCy's config).",
    )
    parser.add_argument(
        "--max-steps",
        type=int,
        default=20000,
        help="training.max_steps for spaCy's ner (spaCy's default).",
    )
    parser.add_argument("--seed", type=int, default=0, help="system.seed for spaCy's ner.")
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=DEFAULT_WORK_DIR,
        help="Where the trained spaCy ner is cached (one folder per data/settings).",
    )
    parser.add_argument(
        "--retrain", action="store_true", help="Train spaCy's ner even if a cached one exists."
    )
    parser.add_argument(
        "--elman-device",
        default="cpu",
        help="Device for elman_ner when scoring: cpu, auto, gpu, gpu:N.",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="Thread-pool size for TensorFlow and OpenMP/BLAS (set before import); 0 = library "
        "defaults. Does not change any score.",
    )
    parser.add_argument("--json", type=Path, default=None, help="Also save the results here.")
    args = parser.parse_args(argv)
    if args.max_time <= 0:
        parser.error("--max-time must be positive")
    return args


# --- spaCy ner: config, cache, training -------------------------------------------------------


def make_ner_config(
    train: Path,
    dev: Path,
    label_map: Dict[str, str],
    labels: List[str],
    max_epochs: int,
    max_steps: int,
    seed: int,
) -> Any:
    """spaCy's ``init config`` ner-only efficiency CPU config, reading our corpora."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="en", pipeline=["ner"], optimize="efficiency", gpu=False)
    config["paths"]["train"] = str(train)
    config["paths"]["dev"] = str(dev)
    for split in ("train", "dev"):
        # spacy_elman's reader: CoNLL columns with IOB1/IOB2 tags, PER->NAME, keep only NAME,
        # exactly as `spacy-elman train --label-map PER=NAME --labels NAME` reads them.
        config["corpora"][split] = {
            "@readers": "spacy_elman.Corpus.v1",
            "path": f"${{paths.{split}}}",
            "format": None,
            "label_map": dict(label_map),
            "labels": list(labels),
            "limit": 0,
            "shuffle": False,
        }
    config["system"]["seed"] = seed
    config["training"]["max_epochs"] = max_epochs
    config["training"]["max_steps"] = max_steps
    return config


def cache_dir(work_dir: Path, settings: Dict[str, Any]) -> Path:
    """One folder per training data (path, size, mtime) and settings."""
    key = dict(settings)
    for name in ("train", "dev"):
        stat = Path(key[name]).stat()
        key[f"{name}_file"] = [str(Path(key[name]).resolve()), stat.st_size, stat.st_mtime_ns]
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]
    return work_dir / f"spacy-ner-{digest}"


def save_pipeline(nlp: "Language", path: Path) -> None:
    """Write to a temporary sibling, then swap it in (an interrupted run leaves no half model)."""
    tmp = path.with_name(f".{path.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    shutil.rmtree(path, ignore_errors=True)
    tmp.rename(path)


def train_spacy_ner(config: Any, out: Path, max_time: float) -> Dict[str, Any]:
    """spaCy's own training loop (``train_while_improving``, as in ``spacy train``), stopped
    after ``max_time`` seconds of training; the best checkpoint on dev goes to out/model-best."""
    from spacy.schemas import ConfigSchemaTraining
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import (
        create_evaluation_callback,
        create_train_batches,
        train_while_improving,
        update_meta,
    )
    from spacy.util import fix_random_seed, registry, resolve_dot_names

    out.mkdir(parents=True, exist_ok=True)
    config.to_disk(out / "config.cfg")
    t_init = time.perf_counter()
    nlp = init_nlp(config)
    init_seconds = time.perf_counter() - t_init
    config = nlp.config.interpolate()
    fix_random_seed(config["training"]["seed"])
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    evaluate = create_evaluation_callback(nlp, dev_corpus, T["score_weights"])
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        evaluate,
        dropout=T["dropout"],
        accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"],
        max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"],
        exclude=T["frozen_components"],
        annotating_components=T["annotating_components"],
        before_update=T["before_update"],
    )
    print(f"training spaCy ner {nlp.pipe_names} into {out} (budget {max_time:g} s)")
    print(
        f"{'step':>6} {'epoch':>5} {'ner loss':>10} {'dev P':>6} {'dev R':>6} {'dev F':>6} {'secs':>6}"
    )
    best = {"score": -1.0, "step": -1, "epoch": -1}
    history: List[Dict[str, Any]] = []
    info: Dict[str, Any] = {"step": -1, "epoch": 0, "words": 0}
    start = time.perf_counter()
    stopped = "patience or max_steps/max_epochs reached"

    def checkpoint(score: float, scores: Dict[str, Any], loss: float) -> None:
        elapsed = time.perf_counter() - start
        row = {
            "step": info["step"],
            "epoch": info["epoch"],
            "loss": float(loss),
            "ents_p": scores.get("ents_p") or 0.0,
            "ents_r": scores.get("ents_r") or 0.0,
            "ents_f": scores.get("ents_f") or 0.0,
            "seconds": elapsed,
        }
        history.append(row)
        mark = ""
        if score > best["score"]:
            best.update(score=score, step=info["step"], epoch=info["epoch"])
            update_meta(T, nlp, {**info, "other_scores": scores, "losses": {}})
            with nlp.use_params(optimizer.averages):
                save_pipeline(nlp, out / "model-best")
            mark = "  *best"
        print(
            f"{row['step']:>6} {row['epoch']:>5} {loss:>10.2f} {row['ents_p']:>6.3f} "
            f"{row['ents_r']:>6.3f} {row['ents_f']:>6.3f} {elapsed:>6.0f}{mark}",
            flush=True,
        )

    last_eval_step = -1
    for _, info, is_best in steps:
        if is_best is not None:
            last_eval_step = info["step"]
            checkpoint(info["score"], info["other_scores"], info["losses"].get("ner", 0.0))
        if time.perf_counter() - start > max_time:
            stopped = f"time budget of {max_time:g} s reached"
            break
    if info["step"] != last_eval_step:  # score the last updates too, as spacy-elman does
        with nlp.use_params(optimizer.averages):
            score, scores = evaluate()
        checkpoint(score, scores, float("nan"))
    seconds = time.perf_counter() - start
    with nlp.use_params(optimizer.averages):
        save_pipeline(nlp, out / "model-last")
    print(f"stopped: {stopped}; best dev score {best['score']:.3f} at step {best['step']}")
    return {
        "stopped": stopped,
        "train_seconds": seconds,
        "init_seconds": init_seconds,
        "steps": info["step"] + 1,
        "epochs": info["epoch"] + 1,
        "words_seen": info.get("words", 0),
        "best_dev_score": best["score"],
        "best_step": best["step"],
        "best_epoch": best["epoch"] + 1,
        "history": history,
    }


def get_spacy_ner(
    args: argparse.Namespace, settings: Dict[str, Any]
) -> Tuple[Path, Dict[str, Any]]:
    """The cached model-best for these settings, training it first if needed."""
    out = cache_dir(args.work_dir, settings)
    info_path = out / TRAIN_INFO
    if not args.retrain and info_path.exists() and (out / "model-best").exists():
        info = json.loads(info_path.read_text(encoding="utf8"))
        print(f"using the cached spaCy ner in {out} (pass --retrain to train it again)")
        return out / "model-best", info
    config = make_ner_config(
        Path(settings["train"]),
        Path(settings["dev"]),
        settings["label_map"],
        settings["labels"],
        settings["max_epochs"],
        settings["max_steps"],
        settings["seed"],
    )
    shutil.rmtree(out, ignore_errors=True)
    info = train_spacy_ner(config, out, settings["max_time"])
    info["settings"] = settings
    write_json(info_path, info)
    return out / "model-best", info


# --- scoring ------------------------------------------------------------------------------


def name_prf(scores: Dict[str, Any], labels: Sequence[str]) -> Dict[str, float]:
    """P/R/F of the kept label (one label: its per-type score; several: the micro average)."""
    if len(labels) == 1:
        prf = (scores.get("ents_per_type") or {}).get(labels[0]) or {}
        return {k: float(prf.get(k) or 0.0) for k in ("p", "r", "f")}
    return {k: float(scores.get(f"ents_{k}") or 0.0) for k in ("p", "r", "f")}


def count_gold(path: Path, label_map: Dict[str, str], labels: List[str]) -> Tuple[int, int, int]:
    """(sentences, tokens, gold entities) after renaming and filtering."""
    import spacy

    from spacy_elman.readers import read_docs

    n_docs = n_words = n_ents = 0
    for doc in read_docs(path, spacy.blank("en"), label_map=label_map, labels=labels):
        n_docs += 1
        n_words += len(doc)
        n_ents += len(doc.ents)
    return n_docs, n_words, n_ents


def score_spacy(
    model: Path, data: Path, label_map: Dict[str, str], labels: List[str]
) -> Dict[str, Any]:
    """spaCy's ``nlp.evaluate`` on Examples from ``read_examples`` (gold tokenization)."""
    import spacy

    from spacy_elman.readers import read_examples

    nlp = spacy.load(model)
    examples = list(read_examples(data, nlp, label_map=label_map, labels=labels))
    scores = nlp.evaluate(examples)
    return {**scores, "words_per_second": float(scores.get("speed") or 0.0)}


def score_elman(
    model: Path, data: Path, label_map: Dict[str, str], labels: List[str], device: str
) -> Dict[str, Any]:
    """``spacy_elman.training.evaluate`` (the same reader and ``nlp.evaluate`` underneath)."""
    from spacy_elman.training import evaluate

    scores = evaluate(model, data, label_map=label_map, labels=labels, device=device)
    return {**scores, "evaluator": "spacy_elman.training.evaluate"}


def elman_train_info(model: Path) -> Dict[str, Any]:
    """What ``spacy-elman train`` left next to the model (metrics.json), if anything."""
    metrics = model.parent / "metrics.json"
    if not metrics.exists():
        return {}
    data = json.loads(metrics.read_text(encoding="utf8"))
    history = data.get("history", [])
    return {
        "epochs": len(history),
        "best_epoch": data.get("best_epoch"),
        "best_dev_score": data.get("best_ents_f"),
        "train_seconds": sum(h.get("seconds", 0.0) for h in history),
    }


def display_name(path: Path) -> str:
    """A short column name for a data set."""
    known = {CONLL_DEV: "CoNLL dev", WNUT_DEV: "WNUT-17 dev", FALLBACK_DEV: "corpus/dev"}
    for known_path, name in known.items():
        if known_path.exists() and path.exists() and known_path.samefile(path):
            return name
    return path.name


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    set_threads(args.threads)
    env = environment()
    print_environment(env)

    from spacy_elman.readers import parse_label_map

    train, _ = pick_data(args.train, CONLL_TRAIN, FALLBACK_TRAIN, "training data")
    dev, _ = pick_data(args.dev, CONLL_DEV, FALLBACK_DEV, "dev data")
    if args.wnut is not None and not args.wnut.exists():
        raise SystemExit(f"--wnut {args.wnut} does not exist")
    wnut = args.wnut or (WNUT_DEV if WNUT_DEV.exists() else None)
    if wnut is None:
        print(f"NOTE: {WNUT_DEV} is absent; skipping the out-of-domain scores.", file=sys.stderr)
    label_map = parse_label_map(args.label_map or ["PER=NAME"])
    labels = list(args.labels or ["NAME"])
    if args.elman_model is not None and not args.elman_model.exists():
        raise SystemExit(f"--elman-model {args.elman_model} does not exist")

    settings = {
        "train": str(train),
        "dev": str(dev),
        "label_map": label_map,
        "labels": labels,
        "max_time": args.max_time,
        "max_epochs": args.max_epochs,
        "max_steps": args.max_steps,
        "seed": args.seed,
        "config": "spacy init config --lang en --pipeline ner --optimize efficiency (CPU)",
        "spacy": env["versions"]["spacy"],
    }
    print(f"train: {train}\ndev:   {dev}\nwnut:  {wnut}\nlabel map {label_map}, labels {labels}")
    print()
    ner_model, ner_info = get_spacy_ner(args, settings)
    print()

    sets = {"dev": dev, **({"wnut": wnut} if wnut is not None else {})}
    gold = {name: count_gold(path, label_map, labels) for name, path in sets.items()}
    systems: Dict[str, Dict[str, Any]] = {
        "spacy_ner": {"model": str(ner_model), "training": ner_info, "scores": {}}
    }
    if args.elman_model is not None:
        systems["elman_ner"] = {
            "model": str(args.elman_model),
            "training": elman_train_info(args.elman_model),
            "scores": {},
        }
    for name, path in sets.items():
        print(f"scoring on {name} ({path}) ...", flush=True)
        full = score_spacy(ner_model, path, label_map, labels)
        systems["spacy_ner"]["scores"][name] = {"name": name_prf(full, labels), "all": full}
        if args.elman_model is not None:
            full = score_elman(args.elman_model, path, label_map, labels, args.elman_device)
            systems["elman_ner"]["scores"][name] = {"name": name_prf(full, labels), "all": full}
    print()

    what = labels[0] if len(labels) == 1 else "+".join(labels)
    header = ["system"]
    for path in sets.values():
        header += [f"{display_name(path)} P", "R", "F"]
    header += ["train s", "best dev F"]
    rows = [header]
    for system, data in systems.items():
        row = [system]
        for name in sets:
            prf = data["scores"][name]["name"]
            row += [f"{prf['p']:.3f}", f"{prf['r']:.3f}", f"{prf['f']:.3f}"]
        training = data["training"]
        secs = training.get("train_seconds")
        best = training.get("best_dev_score")
        row += [f"{secs:.0f}" if secs is not None else "?", f"{best:.3f}" if best else "?"]
        rows.append(row)
    print(f"{what} precision / recall / F (spaCy Scorer, gold tokenization):")
    print(table(rows, right=tuple(range(1, len(header)))))
    for name, path in sets.items():
        n_docs, n_words, n_ents = gold[name]
        print(
            f"  {display_name(path)}: {n_docs:,} sentences, {n_words:,} tokens, {n_ents:,} gold {what}"
        )
    if args.elman_model is None:
        print(
            "\n(no --elman-model given: train one with `spacy-elman train TRAIN DEV -o OUT "
            "--label-map PER=NAME --labels NAME --max-time SECONDS` and pass OUT/model-best)"
        )

    report = {
        "environment": env,
        "settings": {**settings, "wnut": str(wnut) if wnut else None},
        "gold": {k: dict(zip(("sentences", "tokens", "entities"), v)) for k, v in gold.items()},
        "systems": systems,
    }
    if args.json is not None:
        write_json(args.json, report)
    return report


if __name__ == "__main__":
    main()
