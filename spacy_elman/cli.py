"""The ``spacy-elman`` command line: thin typer functions over importable pure functions.

train → ``training.train``; evaluate → ``training.evaluate``; annotate → ``annotate.annotate_stream``.

Exit codes, as in spaCy's CLI: 0 done, 1 a user error (a bad option or argument, a missing or
malformed file, a bad config setting), 130 interrupted (Ctrl-C).
"""

import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, NoReturn, Optional, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from .annotate import DEFAULT_BATCH_SIZE
from .errors import ElmanError
from .loading import device_from_flags
from .streaming import DEFAULT_MAX_WAIT

# click's UsageError (typer vendors its own click from 0.17 on; this finds either one).
UsageError = typer.BadParameter.__mro__[1]
USER_ERROR = 1  # spaCy's exit code for user errors; click's own default for usage errors is 2


class ElmanCommand(TyperCommand):
    """A command whose on/off flags show no value type in --help (``--cpu``, not
    ``--cpu <bool>``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


class ElmanGroup(TyperGroup):
    """The command group: usage errors (unknown option, missing argument, bad value) exit 1
    like every other user error, not click's 2."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as err:
            err.exit_code = USER_ERROR
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as err:
            err.exit_code = USER_ERROR
            raise

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


app = typer.Typer(
    name="spacy-elman",
    help="Train, evaluate and run spaCy's elman_ner (a TensorFlow Elman network) tagger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=ElmanGroup,
)

T = TypeVar("T")


def fail(message: str, code: int = USER_ERROR) -> NoReturn:
    """Print one clear sentence to stderr and exit with ``code``."""
    typer.echo(f"spacy-elman: {message}", err=True)
    raise typer.Exit(code)


def run_or_fail(func: Callable[[], T]) -> T:
    """Run ``func``; turn an ElmanError (a user-fixable problem) into a clean exit."""
    try:
        return func()
    except ElmanError as err:
        fail(str(err))


# --- train / evaluate -----------------------------------------------------------------------

FORMAT_HELP = "Data format: conll, jsonl or spacy (default: from the file extension)."
LABEL_MAP_HELP = "Rename a label, OLD=NEW (repeatable), e.g. --label-map PER=NAME."
LABELS_HELP = "Keep only this label (repeatable); other entities become O. Applied after renaming."
TRAIN_LABELS_HELP = (
    "Write only this label (repeatable); the data's other labels are learned as negatives "
    "(see --negatives). Applied after renaming."
)
GPU_HELP = "Run on this GPU (a negative ID: on the CPU)."
CPU_HELP = "Run on the CPU even if a GPU is visible."


def _clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time left."""
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TrainDisplay:
    """The live bar of ``train`` (on stderr) and its per-epoch table (on stdout).

    Until the first epoch starts the bar says what is happening (reading the corpora,
    building the network) instead of showing an epoch 0. The speed is training words per
    second since the epoch started, shown once a second has passed (a rate over a few
    milliseconds means nothing); the time left is the rest of this epoch at that speed.
    """

    MIN_SECONDS = 1.0
    HEADER = (
        f"{'epoch':>5} {'loss':>10} {'dev P':>7} {'dev R':>7} {'dev F':>7} "
        f"{'train w/s':>10} {'dev w/s':>8} {'secs':>6}"
    )

    def __init__(self, out: Any, err: Any) -> None:
        from rich.progress import BarColumn, Progress, TextColumn

        self.out = out
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[stats]}"),
            console=err,
            transient=True,
        )
        self.task = self.bar.add_task(
            "preparing: reading the data, building the network", total=None, stats=""
        )
        self.epoch = 0
        self.start = 0.0
        self.header = False

    def progress(self, epoch: int, done: int, total: int, loss: float) -> None:
        """The ``progress`` callback of ``training.train``."""
        now = time.perf_counter()
        if epoch != self.epoch or done == 0:
            self.epoch, self.start = epoch, now
            self.bar.reset(
                self.task, total=max(total, 1), description=f"epoch {epoch:>3}", stats="starting"
            )
            return
        self.bar.update(self.task, completed=done, stats=self.stats(done, total, loss, now))

    def stats(self, done: int, total: int, loss: float, now: float) -> str:
        """The text after the bar: percent, training words/s, loss, time left in the epoch."""
        text = f"{100 * done / max(total, 1):>3.0f}%  loss {loss:.2f}"
        if done >= total:
            return f"{text}  scoring dev, saving"
        elapsed = now - self.start
        if elapsed < self.MIN_SECONDS or done <= 0:
            return text
        speed = done / elapsed
        return f"{text}  {speed:>7,.0f} train words/s  {_clock((total - done) / speed)} left"

    def on_epoch(self, row: Any) -> None:
        """The ``on_epoch`` callback: one table row per epoch."""
        if not self.header:
            self.out.print(self.HEADER)
            self.header = True
        mark = ("  *best" if row.best else "") + ("" if row.complete else "  (partial epoch)")
        self.out.print(
            f"{row.epoch:>5} {row.loss:>10.2f} {row.ents_p:>7.3f} {row.ents_r:>7.3f} "
            f"{row.ents_f:>7.3f} {row.train_words_per_second:>10.0f} "
            f"{row.words_per_second:>8.0f} {row.seconds:>6.1f}{mark}"
        )
        sys.stdout.flush()  # a row per epoch, also when stdout is a log file


@app.command(
    "train",
    cls=ElmanCommand,
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def train_cli(
    ctx: typer.Context,
    train_path: Path = typer.Argument(
        ..., help="Training data (CoNLL, JSONL or .spacy).", metavar="TRAIN"
    ),
    dev_path: Path = typer.Argument(
        ..., help="Dev data, for the score after each epoch.", metavar="DEV"
    ),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        help="Directory for model-best, model-last, metrics.json, training.png.",
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        "-c",
        help="A .cfg file (default: configs/default.cfg). Extra --section.key VALUE args override it; --elman_ner.KEY is short for the component's settings.",
    ),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    optimize: str = typer.Option(
        "efficiency",
        "--optimize",
        help="efficiency: the config's model, 10-18x spaCy's ner in words/s. accuracy: adds "
        "character affixes (on CoNLL-2003: better on other domains; ~0.85x the speed).",
    ),
    extra_train: List[Path] = typer.Option(
        [],
        "--extra-train",
        help="More training data, mixed into TRAIN with the same label settings (repeat for "
        "several files; format by extension), e.g. the bundled corpus/train.conll.",
        metavar="PATH",
    ),
    extra_limit: int = typer.Option(
        0, "--extra-limit", help="Examples read from each --extra-train file (0: all)."
    ),
    label_map: List[str] = typer.Option([], "--label-map", help=LABEL_MAP_HELP),
    labels: List[str] = typer.Option([], "--labels", help=TRAIN_LABELS_HELP),
    negatives: bool = typer.Option(
        True,
        "--negatives/--no-negatives",
        help="With --labels: also learn the data's other labels, as negatives that are never "
        "written to the doc (a firm named like a person is learned as a firm). "
        "--no-negatives trains them as O.",
    ),
    seed: Optional[int] = typer.Option(
        None, "--seed", help="Random seed (default: the config's system.seed)."
    ),
    gpu_id: Optional[int] = typer.Option(None, "--gpu-id", "-g", help=GPU_HELP),
    cpu: bool = typer.Option(False, "--cpu", help=CPU_HELP),
    max_epochs: int = typer.Option(30, "--max-epochs", help="Stop after this many epochs."),
    patience: int = typer.Option(
        10, "--patience", help="Stop after this many epochs without a better dev F."
    ),
    max_time: Optional[float] = typer.Option(
        None,
        "--max-time",
        help="Time budget in seconds; the running epoch is cut short, evaluated and saved.",
    ),
    resume: bool = typer.Option(
        False,
        "--resume",
        help="Continue from OUTPUT/model-last (weights, optimizer state, history).",
    ),
    logdir: Optional[Path] = typer.Option(
        None, "--logdir", help="Write TensorBoard scalars (loss, gradient norm, dev P/R/F) here."
    ),
    name: Optional[str] = typer.Option(
        None,
        "--name",
        help="Pipeline name in meta.json (letters, digits, _; `spacy package` builds "
        "LANG_NAME). Default: elman_ner, or the saved one with --resume.",
    ),
    version: Optional[str] = typer.Option(
        None,
        "--version",
        help="Pipeline version in meta.json, e.g. 1.0.0. Default: 0.1.0, or the saved one "
        "with --resume.",
    ),
) -> None:
    """Train elman_ner on TRAIN, keep the best model by dev F, and report per epoch."""
    from rich.console import Console
    from spacy.cli._util import parse_config_overrides

    from .readers import parse_label_map
    from .training import check_meta_name, train

    device = run_or_fail(lambda: device_from_flags(gpu_id, cpu))
    overrides = run_or_fail(lambda: parse_config_overrides(ctx.args))
    mapping = run_or_fail(lambda: parse_label_map(label_map))
    run_or_fail(lambda: check_meta_name(name or "elman_ner", version or "0.1.0"))
    out = Console()
    display = TrainDisplay(out, Console(stderr=True))

    def run():
        with display.bar:
            return train(
                train_path,
                dev_path,
                output,
                config_path=config,
                overrides=overrides,
                fmt=fmt,
                label_map=mapping,
                labels=labels,
                negatives=negatives,
                seed=seed,
                device=device,
                max_epochs=max_epochs,
                patience=patience,
                max_time=max_time,
                resume=resume,
                logdir=logdir,
                on_epoch=display.on_epoch,
                progress=display.progress,
                name=name,
                version=version,
                extra_train=extra_train,
                extra_limit=extra_limit,
                optimize=optimize,
            )

    try:
        result = run_or_fail(run)
    except KeyboardInterrupt:
        fail(f"interrupted; the models already saved in {output} are intact.", code=130)
    out.print(f"Stopped: {result.stopped}.")
    out.print(
        f"Best dev F {result.best_f:.3f} (epoch {result.best_epoch}): {output / 'model-best'}"
    )


@app.command("evaluate", cls=ElmanCommand)
def evaluate_cli(
    model: Path = typer.Argument(
        ..., metavar="MODEL", help="A trained pipeline directory (e.g. OUTPUT/model-best)."
    ),
    data: Path = typer.Argument(
        ...,
        metavar="DATA",
        help="Gold data (CoNLL, JSONL or .spacy); its tokenization is used as given unless --raw.",
    ),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    label_map: List[str] = typer.Option([], "--label-map", help=LABEL_MAP_HELP),
    labels: List[str] = typer.Option([], "--labels", help=LABELS_HELP),
    raw: bool = typer.Option(
        False,
        "--raw",
        help="Tokenize each text with the pipeline, as users run it (CoNLL: words joined by "
        "single spaces); an entity counts only if its characters match a gold one.",
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        help="Also write the scores as JSON to this file (rounded to 4 decimals).",
    ),
    gpu_id: Optional[int] = typer.Option(None, "--gpu-id", "-g", help=GPU_HELP),
    cpu: bool = typer.Option(False, "--cpu", help=CPU_HELP),
) -> None:
    """Score MODEL on DATA: precision, recall and F overall and per label, and words/s."""
    from rich.console import Console
    from rich.table import Table

    from .readers import parse_label_map
    from .training import evaluate, round_scores

    device = run_or_fail(lambda: device_from_flags(gpu_id, cpu))
    mapping = run_or_fail(lambda: parse_label_map(label_map))
    scores = run_or_fail(
        lambda: evaluate(
            model, data, fmt=fmt, label_map=mapping, labels=labels, device=device, raw=raw
        )
    )
    table = Table()
    for column in ("label", "P", "R", "F"):
        table.add_column(column, justify="left" if column == "label" else "right")
    table.add_row("ALL", *(f"{scores[k]:.3f}" for k in ("ents_p", "ents_r", "ents_f")))
    for label, prf in sorted(scores["ents_per_type"].items()):
        table.add_row(label, *(f"{prf[k]:.3f}" for k in ("p", "r", "f")))
    console = Console()
    console.print(f"{model} on {data}")
    console.print(table)
    console.print(
        f"{scores['n_docs']} docs, {scores['n_words']} words, {scores['words_per_second']:.0f} words/s"
    )
    if output is not None:
        rounded: Dict[str, Any] = round_scores(scores)
        rounded["words_per_second"] = round(scores["words_per_second"])
        output.write_text(json.dumps(rounded, indent=2) + "\n", encoding="utf8")


# --- annotate -------------------------------------------------------------------------------


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at devnull so the exit-time flush cannot fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # not a real file (e.g. under a test runner)
        pass


@app.command("annotate", cls=ElmanCommand)
def annotate_cli(
    model: Path = typer.Argument(
        ..., metavar="MODEL", help="A trained pipeline directory (e.g. OUTPUT/model-best)."
    ),
    input_paths: Optional[List[str]] = typer.Argument(
        None,
        metavar="INPUT",
        help="Input file; '-' or nothing reads stdin. With --ray: files or directories, local "
        "or URIs (s3://...).",
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        help="Write here, batch by batch (default: stdout). With --ray: the directory for the "
        "JSONL shards.",
    ),
    fmt: str = typer.Option(
        "text", "--format", "-f", help='text: one document per line; jsonl: {"text": ...} per line.'
    ),
    on_error: str = typer.Option(
        "stop",
        "--on-error",
        help='stop: exit at the first bad line; skip: write {"line": N, "error": ...} and go on.',
    ),
    batch_size: int = typer.Option(
        DEFAULT_BATCH_SIZE, "--batch-size", help="Most lines per nlp.pipe call."
    ),
    max_wait: float = typer.Option(
        DEFAULT_MAX_WAIT,
        "--max-wait",
        help="On a pipe or terminal, cut a batch once its first line has waited this many "
        "seconds, so a live stream gets each result at once (0: no waiting).",
    ),
    n_process: int = typer.Option(1, "--n-process", help="Worker processes (each loads MODEL)."),
    max_length: int = typer.Option(
        1_000_000, "--max-length", help="Longest text, in characters (also nlp.max_length)."
    ),
    gpu_id: Optional[int] = typer.Option(None, "--gpu-id", "-g", help=GPU_HELP),
    cpu: bool = typer.Option(False, "--cpu", help="Run on the CPU even if a GPU is visible."),
    ray: bool = typer.Option(
        False,
        "--ray",
        help='Run on Ray (pip install "spacy-elman[ray]"): a local instance, '
        "or the cluster at --address.",
    ),
    address: Optional[str] = typer.Option(
        None, "--address", help="With --ray: join this cluster (auto, HOST:PORT, ray://HOST:PORT)."
    ),
    workers: Optional[int] = typer.Option(
        None, "--workers", help="With --ray: actors, each loading MODEL once (default 1)."
    ),
    gpus_per_worker: Optional[float] = typer.Option(
        None, "--gpus-per-worker", help="With --ray: GPUs per actor (default 0: CPU)."
    ),
) -> None:
    """Tag each line of INPUT; write one JSON line per input line with "ents" (char offsets)."""
    from .annotate import Interrupted, annotate_files, format_summary
    from .errors import Errors

    inputs = list(input_paths or [])
    if ray:
        _annotate_ray(
            model,
            inputs,
            output,
            fmt,
            on_error,
            batch_size,
            max_length,
            address,
            workers,
            gpus_per_worker,
            n_process=n_process,
            gpu_id=gpu_id,
        )
        return
    for option, value in (
        ("--address", address),
        ("--workers", workers),
        ("--gpus-per-worker", gpus_per_worker),
    ):
        if value is not None:
            fail(Errors.E228.format(option=option))
    if len(inputs) > 1:
        fail(Errors.E225.format(count=len(inputs)))
    input_path = inputs[0] if inputs else "-"
    try:
        stats = run_or_fail(
            lambda: annotate_files(
                model,
                input_path,
                output,
                fmt=fmt,
                on_error=on_error,
                batch_size=batch_size,
                max_wait=max_wait,
                n_process=n_process,
                max_length=max_length,
                progress=sys.stderr.isatty(),
                device=device_from_flags(gpu_id, cpu),
            )
        )
    except BrokenPipeError:  # `| head`: the reader has all it wants
        _silence_stdout()
        raise typer.Exit(0) from None
    except Interrupted as err:
        fail(
            f"interrupted after {err.stats.lines:,} lines; the output ends with a whole line.", 130
        )
    except KeyboardInterrupt:
        fail("interrupted before any output.", 130)
    if stats.errors:
        typer.echo(f"spacy-elman: {format_summary(stats)}", err=True)


def _annotate_ray(
    model: Path,
    inputs: List[str],
    output: Optional[Path],
    fmt: str,
    on_error: str,
    batch_size: int,
    max_length: int,
    address: Optional[str],
    workers: Optional[int],
    gpus_per_worker: Optional[float],
    *,
    n_process: int,
    gpu_id: Optional[int],
) -> None:
    """``annotate --ray``: :func:`spacy_elman.distributed.annotate_to_dir`, then a summary."""
    import os

    from .annotate import AnnotateStats, format_summary
    from .errors import Errors

    if n_process != 1:
        fail(Errors.E227.format(option="--n-process", hint="use --workers"))
    if gpu_id is not None:
        fail(Errors.E227.format(option="--gpu-id", hint="use --gpus-per-worker"))
    if output is None:
        fail(Errors.E226)
    if not inputs:
        fail(Errors.E223.format(what="standard input (give INPUT files or directories)"))

    def run() -> Any:
        from . import distributed

        distributed.import_ray()  # E220 first: how to install
        started = False
        files: Any = inputs
        try:
            if address is not None or not _ray_connected():
                import logging

                logging.getLogger("ray.data").setLevel(logging.WARNING)
                # fail fast (bad model, no input) before starting Ray
                from .loading import check_pipeline_dir

                check_pipeline_dir(model)
                files = distributed.expand_inputs(inputs)
                started = distributed.connect(address, num_cpus=os.cpu_count(), quiet=True)
                if started and address is None:
                    distributed.check_local_resources(workers or 1, 1.0, gpus_per_worker or 0.0)
                _ray_progress(sys.stderr.isatty())
            return distributed.annotate_to_dir(
                model,
                files,
                output,
                fmt=fmt,
                on_error=on_error,
                workers=workers or 1,
                gpus_per_worker=gpus_per_worker or 0.0,
                batch_size=batch_size,
                max_length=max_length,
            )
        finally:
            if started:
                import ray

                ray.shutdown()

    try:
        stats = run_or_fail(run)
    except KeyboardInterrupt:
        fail("interrupted; no shard was written.", 130)
    typer.echo(
        f"spacy-elman: wrote {stats.lines:,} lines of {stats.files:,} file(s) as "
        f"{len(stats.shards):,} shard(s) in {output}",
        err=True,
    )
    if stats.errors:
        summary = AnnotateStats(
            lines=stats.lines, errors=stats.errors, error_samples=stats.error_samples
        )
        typer.echo(f"spacy-elman: {format_summary(summary)}", err=True)


def _ray_connected() -> bool:
    import ray

    return bool(ray.is_initialized())


def _ray_progress(show: bool) -> None:
    import ray.data

    ray.data.DataContext.get_current().enable_progress_bars = show


def main() -> None:
    """Console-script entry point."""
    app(prog_name="spacy-elman")


if __name__ == "__main__":
    sys.exit(main())
