"""Training and evaluation as importable functions; ``cli.py`` only parses arguments.

``train`` reads the corpora through the config's ``[corpora]`` readers, runs epochs of
``nlp.update`` with spaCy's batcher and optimizer settings, evaluates on dev after each epoch with
spaCy's ``Scorer``, and keeps ``model-best`` / ``model-last`` on disk, each saved atomically.
"""

import copy
import ctypes
import errno
import json
import math
import os
import random
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection, Dict, Iterable, List, Optional, Sequence, Union

import spacy
import srsly
from spacy.language import Language
from spacy.training import Example
from spacy.training.initialize import init_nlp
from spacy.util import fix_random_seed, load_config, load_model, registry, resolve_dot_names
from thinc.api import Config

from .errors import ElmanError, Errors, NonFiniteLossError
from .pipeline import DEFAULT_MODEL

PathLike = Union[str, Path]
DEFAULT_CONFIG = Path(__file__).parent / "configs" / "default.cfg"
COMPONENT = "elman_ner"
STATE_FILE = "training-state.msgpack"
# meta.json name and version of the saved pipelines (`spacy package` builds en_elman_ner-0.1.0).
DEFAULT_NAME = "elman_ner"
DEFAULT_VERSION = "0.1.0"
# What `--optimize` sets over the config, like `spacy init config --optimize`. The
# overrides of the command line win over these.
OPTIMIZE: Dict[str, Dict[str, Any]] = {
    # The config as it is: the default architecture, 10-18x the words/s of spaCy's `ner` on 2
    # cores (README, "Speed": the ratio moves with the machine's load).
    "efficiency": {},
    # Character affixes of the lower form (first 2 and 3, last 2 and 4 letters), each in its
    # own table, besides the default features: on CoNLL-2003 (PER=NAME, 8 epochs) dev F stays
    # level but every out-of-domain set gained (results log, "Character affixes"), at ~0.85x the
    # words/s; with the Brown clusters in the default, the hand-written sets still gain
    # (+0.02 / +0.04, seed 0), WNUT-17 no longer. Rows: the distinct affixes of a large
    # vocabulary fit with few collisions.
    "accuracy": {
        f"components.{COMPONENT}.model.{key}": [*DEFAULT_MODEL[key], *added]
        for key, added in (
            ("features", ["prefix2", "prefix3", "suffix2", "suffix4"]),
            ("rows", [2000, 10000, 2000, 20000]),
            ("widths", [16, 16, 16, 16]),
        )
    },
}
SCORE_DIGITS = 4  # decimals of the scores written to metrics.json and printed as JSON


@dataclass
class EpochResult:
    """One row of the training history (``metrics.json``)."""

    epoch: int
    loss: float
    ents_p: float
    ents_r: float
    ents_f: float
    words_per_second: float  # of the dev evaluation (metrics.json: dev_words_per_second)
    seconds: float
    max_grad_norm: float
    best: bool = False
    complete: bool = True  # False: cut short by the time budget (its loss covers part of the data)
    train_words_per_second: float = 0.0  # training words/s of the epoch (updates, not dev)


@dataclass
class TrainResult:
    """What ``train`` returns: the history and where the models are."""

    history: List[EpochResult] = field(default_factory=list)
    best_epoch: int = 0
    best_f: float = -1.0
    output_dir: Optional[Path] = None
    stopped: str = ""


def expand_overrides(overrides: Dict[str, Any], config: Config) -> Dict[str, Any]:
    """Accept the shorthand ``elman_ner.hidden_width`` for the component's settings.

    ``elman_ner.X`` becomes ``components.elman_ner.model.X`` when X is a model setting, else
    ``components.elman_ner.X``. Full dotted paths pass through unchanged.
    """
    expanded = {}
    components = config.get("components", {})
    for key, value in overrides.items():
        head, _, rest = key.partition(".")
        if head not in config and head in components and rest:
            model = components[head].get("model", {})
            prefix = (
                f"components.{head}.model" if rest.split(".")[0] in model else f"components.{head}"
            )
            key = f"{prefix}.{rest}"
        expanded[key] = value
    return expanded


def config_error(err: Exception) -> str:
    """A config error on one line: spaCy's ``section -> key: problem`` for a validation error."""
    problems = [
        f"{' -> '.join(str(part) for part in item.get('loc', ()))}: {item.get('msg', '')}"
        for item in (getattr(err, "errors", None) or [])
        if isinstance(item, dict)
    ]
    return "; ".join(problems) or " ".join(str(err).split())


def _is_registered(block: Any) -> bool:
    """A block made by a registered function or a factory: filling the config checks its
    arguments (``unexpected argument``), so the key check stops there."""
    return isinstance(block, dict) and any(k.startswith("@") or k == "factory" for k in block)


def check_config(config: Config, base: Config, settings: Dict[str, Any], path: PathLike) -> None:
    """Validate ``config`` (``base`` with the override ``settings`` applied) before training.

    Raises E320, naming the bad setting, for an override of a key that neither ``base`` nor
    spaCy's defaults have (spaCy itself accepts ``--training.nonsense 1`` silently), an
    argument a component, architecture, reader, batcher or optimizer does not take, and a
    value of the wrong type in ``[training]``. Builds the pipeline object, not the network,
    so no TensorFlow.
    """
    from catalogue import RegistryError
    from confection import ConfigValidationError
    from spacy.schemas import ConfigSchemaTraining
    from spacy.util import get_lang_class, load_model_from_config

    try:
        known = Config(get_lang_class(base["nlp"]["lang"]).default_config).merge(base)
    except Exception:  # no or an unknown language: spaCy's own check below says so
        known = base
    for key in settings:
        parts = key.split(".")
        if parts[0] == "paths":  # [paths] holds free variables for interpolation
            continue
        node: Any = known
        for depth, part in enumerate(parts):
            if _is_registered(node):
                break
            if not isinstance(node, dict) or part not in node:
                where = ".".join(parts[:depth]) or "the config"
                detail = f"{key}: [{where}] has no setting '{part}'"
                raise ElmanError(Errors.E320.format(path=path, detail=detail))
            node = node[part]
    try:
        nlp = load_model_from_config(config, auto_fill=True, validate=True)
        registry.resolve(nlp.config.interpolate()["training"], schema=ConfigSchemaTraining)
    except (ConfigValidationError, RegistryError, ImportError, KeyError, ValueError) as err:
        raise ElmanError(Errors.E320.format(path=path, detail=config_error(err))) from None


def check_meta_name(name: str, version: str) -> None:
    """Raise E321/E322 unless ``name`` and ``version`` suit meta.json and `spacy package`."""
    import re

    from packaging.version import InvalidVersion, Version

    if not re.fullmatch(r"[A-Za-z0-9_]+", name or ""):
        raise ElmanError(Errors.E321.format(name=name))
    try:
        Version(version)
    except InvalidVersion:
        raise ElmanError(Errors.E322.format(version=version)) from None


def round_scores(value: Any, digits: int = SCORE_DIGITS) -> Any:
    """Round every float in a (nested) score dict or list, as spaCy's scorer output shows."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {key: round_scores(item, digits) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [round_scores(item, digits) for item in value]
    return value


def performance_meta(
    scores: Dict[str, Any], losses: Dict[str, float], score_weights: Dict[str, Any]
) -> Dict[str, Any]:
    """meta.json's ``performance`` block, as spaCy's trainer writes it: the dev score of every
    metric in ``[training.score_weights]`` (ents_f, ents_p, ents_r, ents_per_type), the
    training loss of the epoch per component (``elman_ner_loss``) and the dev ``speed``
    (words/s of the evaluation)."""
    performance: Dict[str, Any] = {}
    for metric in score_weights:
        performance[metric] = scores.get(metric) or 0.0
    for name, loss in losses.items():
        performance[f"{name}_loss"] = loss
    if scores.get("speed"):
        performance["speed"] = scores["speed"]
    return round_scores(performance)


def _set_meta_name(nlp: Language, name: Optional[str], version: Optional[str]) -> None:
    """meta.json's name and version: the given ones, else the saved ones (on resume), else
    the defaults (spaCy's own are the placeholders "pipeline" and "0.0.0")."""
    if name is not None or nlp.meta.get("name") in (None, "", "pipeline"):
        nlp.meta["name"] = name or DEFAULT_NAME
    if version is not None or nlp.meta.get("version") in (None, "", "0.0.0"):
        nlp.meta["version"] = version or DEFAULT_VERSION


def metrics_row(row: "EpochResult") -> Dict[str, Any]:
    """One epoch as written to metrics.json: scores rounded, both speeds named."""
    data = asdict(row)
    data["dev_words_per_second"] = round(data.pop("words_per_second"))
    data["train_words_per_second"] = round(data["train_words_per_second"])
    data["seconds"] = round(data["seconds"], 2)
    data["loss"] = round(data["loss"], SCORE_DIGITS)
    data["max_grad_norm"] = round(data["max_grad_norm"], SCORE_DIGITS)
    return round_scores(data)


def make_config(
    config_path: Optional[PathLike] = None,
    overrides: Optional[Dict[str, Any]] = None,
    *,
    train_path: Optional[PathLike] = None,
    dev_path: Optional[PathLike] = None,
    fmt: Optional[str] = None,
    label_map: Optional[Dict[str, str]] = None,
    labels: Optional[Sequence[str]] = None,
    negatives: bool = True,
    device: Optional[str] = None,
    extra_train: Sequence[PathLike] = (),
    extra_limit: int = 0,
    optimize: str = "efficiency",
) -> Config:
    """Load the config (default: the packaged one) with the CLI's settings applied.

    labels: keep only these labels; with ``negatives`` only in the output: the training
        corpus keeps every label (learned as negatives), the dev corpus only ``labels``, and
        elman_ner's ``output_labels`` are ``labels``. Without, other entities become O.
    extra_train: more training files, read with the training corpus's settings (format by
        their extension) and ``extra_limit`` examples of each (0: all); the training corpus
        becomes a ``spacy_elman.JoinedCorpus.v1`` of them all.
    optimize: a key of :data:`OPTIMIZE`; ``overrides`` win over its settings.
    """
    if optimize not in OPTIMIZE:
        raise ElmanError(Errors.E323.format(optimize=optimize, options=", ".join(OPTIMIZE)))
    path = Path(config_path) if config_path else DEFAULT_CONFIG
    if not path.exists():
        raise ElmanError(Errors.E301.format(path=path))
    base = load_config(path, interpolate=False)
    settings = {**OPTIMIZE[optimize], **expand_overrides(dict(overrides or {}), base)}
    if train_path is not None:
        settings["paths.train"] = str(train_path)
    if dev_path is not None:
        settings["paths.dev"] = str(dev_path)
    for split in ("train", "dev"):
        if fmt is not None:
            settings[f"corpora.{split}.format"] = fmt
        if label_map:
            settings[f"corpora.{split}.label_map"] = dict(label_map)
        if labels and not (negatives and split == "train"):
            settings[f"corpora.{split}.labels"] = list(labels)
    if labels and negatives:
        settings[f"components.{COMPONENT}.output_labels"] = list(labels)
    if device is not None:
        settings[f"components.{COMPONENT}.device"] = device
    try:
        config = load_config(path, overrides=settings, interpolate=False)
    except Exception as err:  # confection raises several types for bad overrides
        raise ElmanError(Errors.E302.format(path=path, detail=config_error(err))) from None
    check_config(config, base, settings, path)
    if extra_train:
        config["corpora"]["train"] = joined_train_corpus(
            config["corpora"]["train"], extra_train, extra_limit
        )
    return config


def joined_train_corpus(
    main: Dict[str, Any], extra: Sequence[PathLike], limit: int = 0
) -> Dict[str, Any]:
    """The config block of a ``spacy_elman.JoinedCorpus.v1`` of ``main`` (a reader's block)
    and a copy of it for each ``extra`` path, with ``limit`` and the format by extension."""
    parts = {"main": dict(main)}
    for i, extra_path in enumerate(extra, start=1):
        if not Path(extra_path).is_file():
            raise ElmanError(Errors.E101.format(path=extra_path))
        parts[f"extra{i}"] = {**main, "path": str(extra_path), "format": None, "limit": limit}
    return {"@readers": "spacy_elman.JoinedCorpus.v1", "*": parts}


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap the two existing paths ``a`` and ``b`` (Linux ``renameat2`` with
    ``RENAME_EXCHANGE``). Returns False where the system or filesystem cannot do it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2  # glibc >= 2.28
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EPERM):
        return False  # not supported here: fall back to two renames
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def save_atomic(nlp: Language, path: Path, extra: Optional[Dict[str, Any]] = None) -> None:
    """Write the pipeline to a temporary sibling, then swap it in for ``path``.

    A crash or Ctrl-C while writing leaves the previous ``path`` untouched. On Linux the swap
    is one atomic exchange of the two directories (``renameat2(RENAME_EXCHANGE)``), so at
    every instant ``path`` is a complete pipeline; then the old one is deleted. Where the
    exchange is not available (other systems, some network filesystems) the swap is two
    renames, and :func:`recover` (run by the next ``train``) repairs a crash between them.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    old = path.with_name(f".{path.name}.old")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        nlp.to_disk(tmp)
        if extra is not None:
            (tmp / STATE_FILE).write_bytes(srsly.msgpack_dumps(extra))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if path.is_dir() and _exchange(tmp, path):
        shutil.rmtree(tmp, ignore_errors=True)  # the previous model, now at the temporary name
        return
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        path.rename(old)
    tmp.rename(path)
    shutil.rmtree(old, ignore_errors=True)


def recover(path: Path) -> None:
    """Undo an interrupted two-rename swap of :func:`save_atomic`: restore ``.NAME.old`` if
    NAME is missing; remove what an interrupted save left behind."""
    path = Path(path)
    old = path.with_name(f".{path.name}.old")
    if not path.exists() and old.exists():
        old.rename(path)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(path.with_name(f".{path.name}.tmp"), ignore_errors=True)


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temporary file and rename it over ``path``."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf8")
    tmp.replace(path)


def plot_history(history: Sequence[EpochResult], path: Path) -> None:
    """Plot training loss and dev F per epoch to a PNG (written atomically)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = [h.epoch for h in history]
    fig, loss_ax = plt.subplots(figsize=(7, 4))
    loss_ax.plot(epochs, [h.loss for h in history], "o-", color="tab:red", label="train loss")
    loss_ax.set_xlabel("epoch")
    loss_ax.set_ylabel("train loss", color="tab:red")
    f_ax = loss_ax.twinx()
    f_ax.plot(epochs, [h.ents_f for h in history], "s-", color="tab:blue", label="dev F")
    f_ax.set_ylabel("dev F", color="tab:blue")
    f_ax.set_ylim(0.0, 1.0)
    loss_ax.set_title("spacy-elman training")
    fig.tight_layout()
    tmp = path.with_name(f".{path.name}.tmp.png")
    fig.savefig(tmp, dpi=100)
    plt.close(fig)
    tmp.replace(path)


def _words(examples: Iterable[Example]) -> int:
    return sum(len(eg.predicted) for eg in examples)


def train(
    train_path: Optional[PathLike],
    dev_path: Optional[PathLike],
    output_dir: PathLike,
    *,
    config_path: Optional[PathLike] = None,
    overrides: Optional[Dict[str, Any]] = None,
    fmt: Optional[str] = None,
    label_map: Optional[Dict[str, str]] = None,
    labels: Optional[Sequence[str]] = None,
    negatives: bool = True,
    seed: Optional[int] = None,
    device: Optional[str] = None,
    max_epochs: int = 30,
    patience: int = 10,
    max_time: Optional[float] = None,
    resume: bool = False,
    logdir: Optional[PathLike] = None,
    on_epoch: Optional[Callable[[EpochResult], None]] = None,
    progress: Optional[Callable[[int, int, int, float], None]] = None,
    name: Optional[str] = None,
    version: Optional[str] = None,
    extra_train: Sequence[PathLike] = (),
    extra_limit: int = 0,
    optimize: str = "efficiency",
) -> TrainResult:
    """Train ``elman_ner`` and write ``model-best``, ``model-last``, ``metrics.json``, a plot.

    Stops after ``max_epochs``, after ``patience`` epochs without a better dev F, or when
    ``max_time`` seconds have passed (the running epoch is cut short, evaluated and saved).
    ``on_epoch`` receives each epoch's result; ``progress(epoch, words_done, total_words,
    loss)`` is called with ``words_done=0`` when an epoch starts and after every update. A
    non-finite loss or gradient raises E303 and leaves the models of the last finished epoch
    as they were. ``name`` and ``version`` go to the saved pipelines' meta.json (default: the
    saved ones on resume, else ``elman_ner`` and ``0.1.0``), with the dev scores of each saved
    model in its ``performance`` block. ``extra_train``/``extra_limit``/``optimize``: see
    :func:`make_config`.
    """
    check_meta_name(name or DEFAULT_NAME, version or DEFAULT_VERSION)
    meta_name, meta_version = name, version  # (`name` is reused as a loop variable below)
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    for name in ("model-best", "model-last"):
        recover(output / name)
    config = make_config(
        config_path,
        overrides,
        train_path=train_path,
        dev_path=dev_path,
        fmt=fmt,
        label_map=label_map,
        labels=labels,
        negatives=negatives,
        device=device,
        extra_train=extra_train,
        extra_limit=extra_limit,
        optimize=optimize,
    )
    if seed is not None:
        config["system"]["seed"] = seed
    state: Dict[str, Any] = {}
    if resume:
        last = output / "model-last"
        if not (last / STATE_FILE).exists():
            raise ElmanError(Errors.E304.format(path=last))
        fix_random_seed(config["system"]["seed"] or 0)
        on_load = {"components": {COMPONENT: {"device": device}}} if device else {}
        nlp = load_model(last, config=on_load)
        state = srsly.msgpack_loads((last / STATE_FILE).read_bytes())
    else:
        try:
            nlp = init_nlp(config)
        except ElmanError as err:  # E003: no entities; say why when we can tell
            if not str(err).startswith("[E003]"):
                raise
            _explain_no_labels(config.interpolate(), train_path, labels)
            raise
    _set_meta_name(nlp, meta_name, meta_version)
    config = config.interpolate()
    T = registry.resolve(config["training"], schema=None)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    train_examples = list(train_corpus(nlp))
    dev_examples = list(dev_corpus(nlp))
    if not train_examples:
        raise ElmanError(Errors.E305.format(which="training", path=train_path))
    if not dev_examples:
        raise ElmanError(Errors.E305.format(which="dev", path=dev_path))
    ner = nlp.get_pipe(COMPONENT)
    _check_labels(
        ner.labels, train_examples, train_corpus, nlp, labels, train_path, resume, output, negatives
    )
    optimizer = T["optimizer"]
    batcher = T["batcher"]
    dropout = float(T["dropout"])
    result = TrainResult(output_dir=output)
    if state:
        if "weights" in state:  # model-last holds the averages; these are the raw weights
            ner.net.set_weights(state["weights"])
        ner.net.set_optimizer_state(state["optimizer"])  # Adam and the averages
        result.history = [EpochResult(**row) for row in state["history"]]
        result.best_epoch, result.best_f = state["best_epoch"], state["best_f"]
    writer = None
    if logdir is not None:
        from .tf_shim import SummaryWriter

        writer = SummaryWriter(Path(logdir))
    # nlp.update copies every example's predicted doc first (~13 ms per CoNLL batch, a sixth
    # of an update), so that components may annotate them; elman_ner alone reads them only.
    alone = [name for name, proc in nlp.pipeline if hasattr(proc, "update")] == [COMPONENT]
    update = ner.update if alone else nlp.update
    start_time = time.perf_counter()
    total_words = _words(train_examples)
    first_epoch = len(result.history) + 1
    step = int(state.get("step", 0))  # TensorBoard's x axis continues on resume
    for _ in range(step):  # a resumed run continues the learn-rate schedule, not restarts it
        optimizer.step_schedules()
    for epoch in range(first_epoch, max_epochs + 1):
        epoch_start = time.perf_counter()
        random.shuffle(train_examples)
        if progress is not None:
            progress(epoch, 0, total_words, 0.0)  # the epoch's clock starts now
        losses: Dict[str, float] = {}
        max_norm = 0.0
        out_of_time = cut = False
        words_done = 0
        batches = list(batcher(train_examples))
        for i, batch in enumerate(batches):
            loss_before = losses.get(COMPONENT, 0.0)
            try:
                update(batch, drop=dropout, sgd=optimizer, losses=losses)
            except NonFiniteLossError:
                raise ElmanError(Errors.E303.format(epoch=epoch, output=output)) from None
            optimizer.step_schedules()
            norm = ner.last_grad_norm or 0.0
            if not math.isfinite(norm):
                raise ElmanError(Errors.E303.format(epoch=epoch, output=output))
            max_norm = max(max_norm, norm)
            step += 1
            if writer is not None:
                batch_loss = losses[COMPONENT] - loss_before
                writer.scalars(step, {"train/batch_loss": batch_loss, "train/grad_norm": norm})
            words_done += _words(batch)
            if progress is not None:
                progress(epoch, words_done, total_words, losses[COMPONENT])
            if max_time is not None and time.perf_counter() - start_time > max_time:
                out_of_time = True
                cut = i < len(batches) - 1  # out of time on the last batch: the epoch is whole
                break
        train_seconds = time.perf_counter() - epoch_start
        with ner.use_averages():  # use_averages = true: score (and save) the averages
            scores = nlp.evaluate(dev_examples)
        row = EpochResult(
            train_words_per_second=words_done / train_seconds if train_seconds > 0 else 0.0,
            epoch=epoch,
            loss=float(losses.get(COMPONENT, 0.0)),
            ents_p=float(scores.get("ents_p") or 0.0),
            ents_r=float(scores.get("ents_r") or 0.0),
            ents_f=float(scores.get("ents_f") or 0.0),
            words_per_second=float(scores.get("speed") or 0.0),
            seconds=time.perf_counter() - epoch_start,
            max_grad_norm=max_norm,
            complete=not cut,
        )
        if row.ents_f > result.best_f:
            row.best = True
            result.best_f, result.best_epoch = row.ents_f, epoch
        result.history.append(row)
        if writer is not None:
            writer.scalars(
                epoch,
                {"dev/ents_p": row.ents_p, "dev/ents_r": row.ents_r, "dev/ents_f": row.ents_f},
            )
        nlp.meta["performance"] = performance_meta(scores, losses, T["score_weights"])
        train_state = {
            "optimizer": ner.net.get_optimizer_state(),  # Adam and the averages
            "history": [asdict(h) for h in result.history],
            "best_epoch": result.best_epoch,
            "best_f": result.best_f,
            "step": step,
        }
        if ner.net.has_averages:  # the saved models hold the averages: keep the raw weights
            train_state["weights"] = ner.net.get_weights()
        with ner.use_averages():
            if row.best:
                save_atomic(nlp, output / "model-best")
            save_atomic(nlp, output / "model-last", extra=train_state)
        write_json_atomic(
            output / "metrics.json",
            {
                "best_epoch": result.best_epoch,
                "best_ents_f": round(result.best_f, SCORE_DIGITS),
                "history": [metrics_row(h) for h in result.history],
            },
        )
        plot_history(result.history, output / "training.png")
        if on_epoch is not None:
            on_epoch(row)
        if out_of_time:
            result.stopped = f"time budget of {max_time:g} s reached"
            break
        if epoch - result.best_epoch >= patience:
            result.stopped = f"no better dev F for {patience} epochs"
            break
    else:
        result.stopped = f"reached --max-epochs {max_epochs}"
    return result


def _corpus_labels(corpus: Any, nlp: Language) -> List[str]:
    """The entity labels in a corpus after its label_map, before its ``labels`` filter."""
    if isinstance(getattr(corpus, "labels", None), list):
        corpus = copy.copy(corpus)
        corpus.labels = []
    return sorted({ent.label_ for eg in corpus(nlp) for ent in eg.reference.ents})


def _explain_no_labels(
    config: Config, train_path: Optional[PathLike], labels: Optional[Sequence[str]]
) -> None:
    """After E003 (no entities to initialize from): raise E305 for empty training data, or
    E307 when the data has entities but none with the labels of ``--labels``."""
    T = registry.resolve(config["training"], schema=None)
    (corpus,) = resolve_dot_names(config, [T["train_corpus"]])
    blank = spacy.blank(config["nlp"]["lang"])
    if next(iter(corpus(blank)), None) is None:
        raise ElmanError(Errors.E305.format(which="training", path=train_path))
    if labels:
        found = ", ".join(_corpus_labels(corpus, blank)) or "none"
        raise ElmanError(Errors.E307.format(label=labels[0], path=train_path, found=found))


def _check_labels(
    model_labels: Sequence[str],
    examples: Sequence[Example],
    corpus: Any,
    nlp: Language,
    labels: Optional[Collection[str]],
    train_path: Optional[PathLike],
    resume: bool,
    output: Path,
    negatives: bool = False,
) -> None:
    """Refuse a resume whose labels differ from the model's (E306), and ``--labels`` that
    name a label absent from the training data (E307)."""
    found = {ent.label_ for eg in examples for ent in eg.reference.ents}
    if resume:
        data = set(labels) if labels and not negatives else found
        if (labels and not negatives and data != set(model_labels)) or not data <= set(
            model_labels
        ):
            raise ElmanError(
                Errors.E306.format(
                    path=output / "model-last",
                    model=", ".join(model_labels),
                    data=", ".join(sorted(data)) or "no entities",
                )
            )
    for label in labels or ():
        if label not in found:
            everything = ", ".join(_corpus_labels(corpus, nlp)) or "none"
            raise ElmanError(Errors.E307.format(label=label, path=train_path, found=everything))


def evaluate(
    model_path: PathLike,
    data_path: PathLike,
    *,
    fmt: Optional[str] = None,
    label_map: Optional[Dict[str, str]] = None,
    labels: Optional[Sequence[str]] = None,
    device: Optional[str] = None,
    raw: bool = False,
) -> Dict[str, Any]:
    """Score a trained pipeline on gold data with spaCy's ``Scorer``.

    raw: tokenize each text with the pipeline, as users run it (CoNLL: the words joined by
        single spaces), and score exact character spans: a predicted entity is right only if
        its start, end and label match a gold one (spaCy's Scorer would skip one that does
        not align with the gold tokens, e.g. "Ann Lee" of the token "Lee-Smith", instead of
        counting it wrong). Default: the data's own (gold) tokens and spaCy's Scorer.

    Returns ``ents_p``, ``ents_r``, ``ents_f``, ``ents_per_type``, ``words_per_second``,
    ``n_docs`` and ``n_words``.
    """
    from .loading import load_pipeline
    from .readers import read_examples

    nlp = load_pipeline(model_path, device=device)
    examples = list(
        read_examples(
            data_path, nlp, fmt=fmt, label_map=label_map, labels=labels, gold_preproc=not raw
        )
    )
    if not examples:
        raise ElmanError(Errors.E305.format(which="evaluation", path=data_path))
    nlp.evaluate(examples[:1])  # builds the network, so the timing below is steady-state
    scores = nlp.evaluate(examples, scorer=CharSpanScorer() if raw else None)
    return {
        "ents_p": float(scores.get("ents_p") or 0.0),
        "ents_r": float(scores.get("ents_r") or 0.0),
        "ents_f": float(scores.get("ents_f") or 0.0),
        "ents_per_type": scores.get("ents_per_type") or {},
        "words_per_second": float(scores.get("speed") or 0.0),
        "n_docs": len(examples),
        "n_words": _words(examples),
    }


class CharSpanScorer:
    """A scorer for ``nlp.evaluate(scorer=...)``: entities by exact character spans."""

    def score(self, examples: Sequence[Example], per_component: bool = False) -> Dict[str, Any]:
        """``ents_p``, ``ents_r``, ``ents_f`` and ``ents_per_type`` (``p``, ``r``, ``f``)."""
        return _char_span_scores(examples)


def _char_span_scores(examples: Sequence[Example]) -> Dict[str, Any]:
    counts: Dict[str, List[int]] = {}  # label: [tp, fp, fn]
    for eg in examples:
        pred = {(e.start_char, e.end_char, e.label_) for e in eg.predicted.ents}
        gold = {(e.start_char, e.end_char, e.label_) for e in eg.reference.ents}
        for span in pred | gold:
            outcome = 0 if span in pred and span in gold else 1 if span in pred else 2
            counts.setdefault(span[2], [0, 0, 0])[outcome] += 1

    def prf(tp: int, fp: int, fn: int) -> Dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}

    total = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return {
        "ents_p": total["p"],
        "ents_r": total["r"],
        "ents_f": total["f"],
        "ents_per_type": {label: prf(*c) for label, c in sorted(counts.items())},
    }


__all__ = ["train", "evaluate", "make_config", "save_atomic", "TrainResult", "EpochResult"]
