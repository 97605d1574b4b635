"""The ``spacy-elman`` command line: thin typer functions over importable pure functions.

train → ``training.train``; evaluate → ``training.evaluate``; annotate → ``annotate.annotate_stream``.
"""

import json
import sys
import time
from pathlib import Path
from typing import Callable, List, NoReturn, Optional, TypeVar

import typer

from .errors import ElmanError
from .loading import device_from_flags

app = typer.Typer(
    name="spacy-elman",
    help="Train, evaluate and run spaCy's elman_ner (a TensorFlow Elman network) tagger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

T = TypeVar("T")


def fail(message: str, code: int = 1) -> NoReturn:
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


@app.command(
    "train",
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
    label_map: List[str] = typer.Option([], "--label-map", help=LABEL_MAP_HELP),
    labels: List[str] = typer.Option([], "--labels", help=LABELS_HELP),
    seed: Optional[int] = typer.Option(
        None, "--seed", help="Random seed (default: the config's system.seed)."
    ),
    gpu_id: Optional[int] = typer.Option(None, "--gpu-id", help="Run on this GPU."),
    cpu: bool = typer.Option(False, "--cpu", help="Run on the CPU even if a GPU is visible."),
    max_epochs: int = typer.Option(30, "--max-epochs", help="Stop after this many epochs."),
    patience: int = typer.Option(
        5, "--patience", help="Stop after this many epochs without a better dev F."
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
) -> None:
    """Train elman_ner on TRAIN, keep the best model by dev F, and report per epoch."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
    from spacy.cli._util import parse_config_overrides

    from .readers import parse_label_map
    from .training import EpochResult, train

    device = run_or_fail(lambda: device_from_flags(gpu_id, cpu))
    overrides = run_or_fail(lambda: parse_config_overrides(ctx.args))
    mapping = run_or_fail(lambda: parse_label_map(label_map))
    out = Console()
    bar = Progress(
        TextColumn("epoch {task.fields[epoch]:>3}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[speed]:>8.0f} words/s  loss {task.fields[loss]:.2f}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("train", total=1, epoch=0, speed=0.0, loss=0.0)
    clock = {"epoch": 0, "start": time.perf_counter()}

    def progress(epoch: int, done: int, total: int, loss: float) -> None:
        if epoch != clock["epoch"]:
            clock.update(epoch=epoch, start=time.perf_counter())
        speed = done / max(time.perf_counter() - clock["start"], 1e-9)
        bar.update(task, total=total, completed=done, epoch=epoch, speed=speed, loss=loss)

    def on_epoch(row: EpochResult) -> None:
        if row.epoch == 1 or not clock.get("header"):
            out.print(
                f"{'epoch':>5} {'loss':>10} {'dev P':>7} {'dev R':>7} {'dev F':>7} {'words/s':>9} {'secs':>6}"
            )
            clock["header"] = 1
        mark = ("  *best" if row.best else "") + ("" if row.complete else "  (partial epoch)")
        out.print(
            f"{row.epoch:>5} {row.loss:>10.2f} {row.ents_p:>7.3f} {row.ents_r:>7.3f} "
            f"{row.ents_f:>7.3f} {row.words_per_second:>9.0f} {row.seconds:>6.1f}{mark}"
        )
        sys.stdout.flush()  # a row per epoch, also when stdout is a log file

    def run():
        with bar:
            return train(
                train_path,
                dev_path,
                output,
                config_path=config,
                overrides=overrides,
                fmt=fmt,
                label_map=mapping,
                labels=labels,
                seed=seed,
                device=device,
                max_epochs=max_epochs,
                patience=patience,
                max_time=max_time,
                resume=resume,
                logdir=logdir,
                on_epoch=on_epoch,
                progress=progress,
            )

    try:
        result = run_or_fail(run)
    except KeyboardInterrupt:
        fail(f"interrupted; the models already saved in {output} are intact.", code=130)
    out.print(f"Stopped: {result.stopped}.")
    out.print(
        f"Best dev F {result.best_f:.3f} (epoch {result.best_epoch}): {output / 'model-best'}"
    )


@app.command("evaluate")
def evaluate_cli(
    model: Path = typer.Argument(
        ..., help="A trained pipeline directory (e.g. OUTPUT/model-best)."
    ),
    data: Path = typer.Argument(
        ..., help="Gold data (CoNLL, JSONL or .spacy); its tokenization is used as given."
    ),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    label_map: List[str] = typer.Option([], "--label-map", help=LABEL_MAP_HELP),
    labels: List[str] = typer.Option([], "--labels", help=LABELS_HELP),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Also write the scores as JSON to this file."
    ),
    gpu_id: Optional[int] = typer.Option(None, "--gpu-id", help="Run on this GPU."),
    cpu: bool = typer.Option(False, "--cpu", help="Run on the CPU even if a GPU is visible."),
) -> None:
    """Score MODEL on DATA: precision, recall and F overall and per label, and words/s."""
    from rich.console import Console
    from rich.table import Table

    from .readers import parse_label_map
    from .training import evaluate

    device = run_or_fail(lambda: device_from_flags(gpu_id, cpu))
    mapping = run_or_fail(lambda: parse_label_map(label_map))
    scores = run_or_fail(
        lambda: evaluate(model, data, fmt=fmt, label_map=mapping, labels=labels, device=device)
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
        output.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf8")


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


@app.command("annotate")
def annotate_cli(
    model: Path = typer.Argument(
        ..., metavar="MODEL", help="A trained pipeline directory (e.g. OUTPUT/model-best)."
    ),
    input_path: str = typer.Argument(
        "-", metavar="INPUT", help="Input file; '-' or nothing reads stdin."
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Write here, batch by batch (default: stdout)."
    ),
    fmt: str = typer.Option(
        "text", "--format", "-f", help='text: one document per line; jsonl: {"text": ...} per line.'
    ),
    on_error: str = typer.Option(
        "stop",
        "--on-error",
        help='stop: exit at the first bad line; skip: write {"line": N, "error": ...} and go on.',
    ),
    batch_size: int = typer.Option(256, "--batch-size", help="Lines per nlp.pipe call."),
    n_process: int = typer.Option(1, "--n-process", help="Worker processes (each loads MODEL)."),
    max_length: int = typer.Option(
        1_000_000, "--max-length", help="Longest text, in characters (also nlp.max_length)."
    ),
    gpu_id: Optional[int] = typer.Option(None, "--gpu-id", help="Run on this GPU."),
    cpu: bool = typer.Option(False, "--cpu", help="Run on the CPU even if a GPU is visible."),
) -> None:
    """Tag each line of INPUT; write one JSON line per input line with "ents" (char offsets)."""
    from .annotate import Interrupted, annotate_files, format_summary

    try:
        stats = run_or_fail(
            lambda: annotate_files(
                model,
                input_path,
                output,
                fmt=fmt,
                on_error=on_error,
                batch_size=batch_size,
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


def main() -> None:
    """Console-script entry point."""
    app(prog_name="spacy-elman")


if __name__ == "__main__":
    sys.exit(main())
