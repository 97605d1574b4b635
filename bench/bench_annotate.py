"""``spacy-elman annotate`` against ``nlp.pipe``: throughput, start-up and live-stream latency.

One run measures, side by side:

1. In ONE process on the SAME lines, steady state: ``nlp.pipe(texts, batch_size=nlp.batch_size)``
   vs ``annotate_stream(nlp, input, devnull)`` with the default settings, on sentence lines as
   text, the same as JSONL, and one-token lines (``seq``), each fed from an in-memory file
   (never waits) and through a real ``os.pipe`` written by a thread as fast as it can (the timed
   path, like ``seq 1 N | annotate``); plus ``--batch-size`` 256 / 1000 and ``max_wait=None``.
   One untimed warm-up pass each, then interleaved rounds; the MEDIAN counts.
2. CLI start-up: launching ``spacy-elman annotate MODEL --format text`` and writing one line
   until its result is read; and, in a fresh interpreter, the split import spacy / import
   spacy_elman.tf_shim / load_pipeline / first doc.
3. CLI steady-state throughput: tokens / (T(file) - T(one-line file)), against part 1's
   in-process ``nlp.pipe``.
4. CLI latency on a live stream (1 line/s, 100 lines/s; --max-wait variants; --n-process 2).
5. ``--million``: ``seq 1 N | spacy-elman annotate`` wall time and peak RSS at 100k and 1M lines.

    python bench/bench_annotate.py --model training/model-best --json annotate.json

See bench/README.md ("bench_annotate.py") for what each figure means.
"""

import argparse
import gc
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple

from _common import (
    CONLL_TRAIN,
    FALLBACK_TRAIN,
    environment,
    pick_data,
    print_environment,
    set_threads,
    table,
    write_json,
)

if TYPE_CHECKING:
    from spacy.language import Language

PARTS = ("throughput", "startup", "cli", "latency")


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
        "--data",
        type=Path,
        default=None,
        help=f"Sentences (CoNLL/JSONL/.spacy). Default: {CONLL_TRAIN}, else {FALLBACK_TRAIN}.",
    )
    parser.add_argument(
        "--lines",
        type=int,
        default=5000,
        help="Sentence lines for part 1 (the first N sentences; 0 = all).",
    )
    parser.add_argument(
        "--token-lines", type=int, default=20000, help="One-token lines (1..N) for part 1."
    )
    parser.add_argument("--rounds", type=int, default=3, help="Interleaved timed rounds.")
    parser.add_argument(
        "--cli-copies",
        type=int,
        default=3,
        help="Part 3's file: the sentences this many times over (3 = 3x CoNLL train).",
    )
    parser.add_argument(
        "--cli-lines", type=int, default=0, help="Cut part 3's file to N lines (0 = no cut)."
    )
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"Comma-separated parts to run, of {', '.join(PARTS)}.",
    )
    parser.add_argument(
        "--million",
        action="store_true",
        help="Also time `seq 1 N | spacy-elman annotate` at 100,000 and 1,000,000 lines with "
        "/usr/bin/time (wall time, peak RSS).",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="Thread-pool size for TensorFlow and OpenMP/BLAS, set before anything is "
        "imported and inherited by the CLI subprocesses. 0 = library defaults (what a user of "
        "the CLI gets).",
    )
    parser.add_argument("--seed", type=int, default=0, help="Random seed for the quick model.")
    parser.add_argument("--json", type=Path, default=None, help="Also save the results here.")
    args = parser.parse_args(argv)
    for name in ("rounds", "token_lines", "cli_copies"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.lines < 0 or args.cli_lines < 0:
        parser.error("--lines and --cli-lines must be >= 0")
    args.parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    for part in args.parts:
        if part not in PARTS:
            parser.error(f"--parts: unknown part {part!r} (choose from {', '.join(PARTS)})")
    return args


# --- helpers ------------------------------------------------------------------------------


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def cli_executable() -> str:
    """The ``spacy-elman`` script next to this interpreter, else the one on PATH."""
    here = Path(sys.executable).parent / "spacy-elman"
    if here.exists():
        return str(here)
    found = shutil.which("spacy-elman")
    if not found:
        raise SystemExit("spacy-elman is not installed (no script next to python or on PATH)")
    return found


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f}"


# --- part 1: throughput in one process ----------------------------------------------------


def pipe_feed(data: bytes) -> Tuple[io.BufferedReader, threading.Thread]:
    """A real OS pipe that a thread fills with ``data`` as fast as the reader takes it."""
    read_fd, write_fd = os.pipe()

    def write() -> None:
        view = memoryview(data)
        try:
            while view:
                n = os.write(write_fd, view[: 1 << 16])
                view = view[n:]
        except OSError:  # the reader went away
            pass
        finally:
            os.close(write_fd)

    thread = threading.Thread(target=write, name="bench-pipe-writer", daemon=True)
    thread.start()
    return os.fdopen(read_fd, "rb"), thread


class Config:
    """One timed thing of part 1: an nlp.pipe pass or an annotate_stream pass."""

    def __init__(
        self,
        name: str,
        workload: str,
        feed: str = "",
        fmt: str = "text",
        batch_size: Optional[int] = None,
        max_wait: Any = "default",
        own_vocab: bool = False,
    ) -> None:
        self.name = name
        self.workload = workload  # "sentences" or "tokens"
        self.feed = feed  # "" (nlp.pipe on a list), "file" (BytesIO) or "pipe" (os.pipe)
        self.fmt = fmt
        self.batch_size = batch_size
        self.max_wait = max_wait
        # True: a second copy of the pipeline that only ever runs annotate_stream, so its
        # vocab never keeps the words (each batch's memory zone frees them): the CLI's case.
        self.own_vocab = own_vocab

    @property
    def baseline(self) -> str:
        return f"nlp.pipe {self.workload}"

    def settings(self) -> str:
        if not self.feed:
            return "batch_size=nlp.batch_size"
        parts = []
        if self.batch_size is not None:
            parts.append(f"batch_size={self.batch_size}")
        if self.max_wait != "default":
            parts.append(f"max_wait={self.max_wait}")
        if self.own_vocab:
            parts.append("defaults, 2nd pipeline")
        return ", ".join(parts) or "defaults"


def run_config(
    nlp: "Language", config: Config, texts: List[str], data: bytes
) -> Tuple[float, float]:
    """One pass: (wall seconds, process CPU seconds)."""
    from spacy_elman.annotate import annotate_stream

    gc.collect()
    if not config.feed:
        n = 0
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=nlp.batch_size):
            n += 1
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
        assert n == len(texts), (n, len(texts))
        return wall, cpu
    kwargs: Dict[str, Any] = {"fmt": config.fmt}
    if config.batch_size is not None:
        kwargs["batch_size"] = config.batch_size
    if config.max_wait != "default":
        kwargs["max_wait"] = config.max_wait
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        writer = None
        if config.feed == "file":
            stream: Any = io.BytesIO(data)
        else:
            stream, writer = pipe_feed(data)
        stats = annotate_stream(nlp, stream, devnull, **kwargs)
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
        stream.close()
        if writer is not None:
            writer.join()
    assert stats.lines == len(texts) and stats.errors == 0, (stats, len(texts))
    return wall, cpu


def part_throughput(
    nlp: "Language", nlp_own: "Language", sents: List[str], n_tokens_lines: int, rounds: int
) -> Dict[str, Any]:
    numbers = [str(i) for i in range(1, n_tokens_lines + 1)]
    texts = {"sentences": sents, "tokens": numbers}
    data = {
        ("sentences", "text"): "".join(f"{t}\n" for t in sents).encode("utf-8"),
        ("sentences", "jsonl"): "".join(
            json.dumps({"text": t, "id": i}, ensure_ascii=False) + "\n"
            for i, t in enumerate(sents, 1)
        ).encode("utf-8"),
        ("tokens", "text"): "".join(f"{t}\n" for t in numbers).encode("utf-8"),
    }
    tokens = {name: sum(len(nlp.tokenizer(t)) for t in ts) for name, ts in texts.items()}
    configs = [
        Config("nlp.pipe sentences", "sentences"),
        Config("(a) text, file", "sentences", "file"),
        Config("(a) text, pipe", "sentences", "pipe"),
        Config("(b) jsonl, file", "sentences", "file", "jsonl"),
        Config("(b) jsonl, pipe", "sentences", "pipe", "jsonl"),
        Config("(a) text, file, bs 256", "sentences", "file", batch_size=256),
        Config("(a) text, file, bs 1000", "sentences", "file", batch_size=1000),
        Config("(a) text, pipe, no wait", "sentences", "pipe", max_wait=None),
        Config("(a) text, file, own vocab", "sentences", "file", own_vocab=True),
        Config("nlp.pipe tokens", "tokens"),
        Config("(c) 1-token, file", "tokens", "file"),
        Config("(c) 1-token, pipe", "tokens", "pipe"),
        Config("(c) 1-token, pipe, no wait", "tokens", "pipe", max_wait=None),
    ]
    print(
        f"part 1: {len(sents):,} sentence lines ({tokens['sentences']:,} tokens), "
        f"{len(numbers):,} one-token lines; nlp.batch_size = {nlp.batch_size}"
    )

    def run(config: Config) -> Tuple[float, float]:
        return run_config(
            nlp_own if config.own_vocab else nlp,
            config,
            texts[config.workload],
            data[(config.workload, config.fmt)],
        )

    for config in configs:  # warm-up: graphs traced for every bucket, caches filled
        wall, _ = run(config)
        print(f"  warm-up {config.name:<28} {wall:6.2f} s")
    wall_s: Dict[str, List[float]] = {c.name: [] for c in configs}
    cpu_s: Dict[str, List[float]] = {c.name: [] for c in configs}
    for rnd in range(1, rounds + 1):
        for config in configs:
            wall, cpu = run(config)
            wall_s[config.name].append(wall)
            cpu_s[config.name].append(cpu)
        base = wall_s["nlp.pipe sentences"][-1]
        ann = wall_s["(a) text, file"][-1]
        print(
            f"  round {rnd}/{rounds}: nlp.pipe {tokens['sentences'] / base:,.0f} tok/s, "
            f"annotate (a) file {tokens['sentences'] / ann:,.0f} tok/s"
        )
    results: Dict[str, Any] = {}
    for config in configs:
        n = tokens[config.workload]
        tps = [n / w for w in wall_s[config.name]]
        per_round = [b / a for a, b in zip(wall_s[config.name], wall_s[config.baseline])]
        results[config.name] = {
            "workload": config.workload,
            "input": config.feed or "list",
            "format": config.fmt,
            "settings": config.settings(),
            "tokens": n,
            "lines": len(texts[config.workload]),
            "wall_seconds": wall_s[config.name],
            "cpu_seconds": cpu_s[config.name],
            "tokens_per_second": tps,
            "median_tokens_per_second": median(tps),
            "median_cpu_use": median(
                [c / w for c, w in zip(cpu_s[config.name], wall_s[config.name])]
            ),
            "tokens_per_cpu_second": median([n / c for c in cpu_s[config.name] if c > 0]),
            "ratio_per_round": per_round,
        }
    for config in configs:
        r = results[config.name]
        r["ratio_of_medians"] = (
            r["median_tokens_per_second"] / results[config.baseline]["median_tokens_per_second"]
        )
        r["cpu_ratio"] = (
            r["tokens_per_cpu_second"] / results[config.baseline]["tokens_per_cpu_second"]
        )
    rows = [
        ["workload / input", "settings", "tok/s (median)", "min", "max", "CPU use", "tok/CPU-s",
         "/ nlp.pipe", "per round", "CPU ratio"]
    ]  # fmt: skip
    for config in configs:
        r = results[config.name]
        rows.append(
            [
                config.name,
                r["settings"],
                f"{r['median_tokens_per_second']:,.0f}",
                f"{min(r['tokens_per_second']):,.0f}",
                f"{max(r['tokens_per_second']):,.0f}",
                f"{r['median_cpu_use']:.2f}",
                f"{r['tokens_per_cpu_second']:,.0f}",
                f"{r['ratio_of_medians']:.3f}",
                f"{min(r['ratio_per_round']):.2f} .. {max(r['ratio_per_round']):.2f}",
                f"{r['cpu_ratio']:.3f}",
            ]
        )
    print()
    print(
        f"Throughput in one process, median of {rounds} interleaved rounds after a warm-up "
        "(annotate writes to /dev/null):"
    )
    print(table(rows, right=(2, 3, 4, 5, 6, 7, 9)))
    print(
        "(/ nlp.pipe: ratio of median tok/s to nlp.pipe on the same lines; per round: that "
        "ratio within each round; CPU use: process CPU s / wall s; CPU ratio: tok/CPU-s over "
        "nlp.pipe's, the cost ratio, less sensitive to a busy machine than wall time.)"
    )
    print()
    return {"tokens": tokens, "lines": {k: len(v) for k, v in texts.items()}, "results": results}


# --- part 2: start-up ---------------------------------------------------------------------

SPLIT_CHILD = r"""
import time
started = time.monotonic()
import json, sys
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
import spacy_elman.tf_shim
t2 = time.perf_counter()
from spacy_elman.loading import load_pipeline
nlp = load_pipeline(sys.argv[1])
t3 = time.perf_counter()
doc = nlp(sys.argv[2])
t4 = time.perf_counter()
print(json.dumps({"started": started, "import spacy": t1 - t0,
                  "import spacy_elman.tf_shim": t2 - t1, "load_pipeline": t3 - t2,
                  "first doc": t4 - t3}))
"""


def cli_first_result(cmd: List[str], line: str) -> float:
    """Seconds from launching ``cmd`` (stdin a pipe) and writing ``line`` to its result line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(line.encode("utf-8") + b"\n")
    proc.stdin.flush()
    out = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.stdin.close()
    proc.stdout.read()
    if proc.wait() != 0 or not out:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode})")
    return elapsed


def split_once(model: Path, line: str) -> Dict[str, float]:
    launched = time.monotonic()
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", SPLIT_CHILD, str(model), line],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    total = time.perf_counter() - t0
    found = json.loads(out.strip().splitlines()[-1])
    split = {"interpreter start": found.pop("started") - launched}
    split.update(found)
    split["process total (to exit)"] = total
    return split


def part_startup(model: Path, line: str, rounds: int) -> Dict[str, Any]:
    cmd = [cli_executable(), "annotate", str(model), "--format", "text"]
    cli: List[float] = []
    splits: List[Dict[str, float]] = []
    for _ in range(rounds):
        cli.append(cli_first_result(cmd, line))
        splits.append(split_once(model, line))
    keys = list(splits[0])
    split = {k: median([s[k] for s in splits]) for k in keys}
    print(f"Start-up, median of {rounds} (interleaved with the split runs):")
    rows = [["step", "seconds (median)", "runs"]]
    rows.append(
        ["CLI: launch + write 1 line -> its result", fmt_s(median(cli)), " ".join(map(fmt_s, cli))]
    )
    for k in keys:
        rows.append([f"  split: {k}", fmt_s(split[k]), " ".join(fmt_s(s[k]) for s in splits)])
    print(table(rows, right=(1,)))
    steps = sum(split[k] for k in keys[:-1])
    print(
        f"(split: a fresh `python -c` doing the steps in order; their sum {steps:.2f} s. The CLI "
        "also imports typer and its own modules, and waits max_wait = 0.05 s for more lines.)"
    )
    print()
    return {"cli_first_result_seconds": cli, "cli_median": median(cli), "split": splits,
            "split_median": split}  # fmt: skip


# --- part 3: CLI steady-state throughput --------------------------------------------------


def run_cli_file(cmd: List[str]) -> Tuple[float, float]:
    """(wall seconds to exit, child CPU seconds) of one CLI run, stdout to /dev/null."""
    cpu0 = cpu_seconds(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0, cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0


# What part 3 compares the CLI with: a fresh process (cold vocab and tokenizer cache, as the
# CLI's) timing nlp.pipe over the same file, model loading left out.
FRESH_PIPE = """
import sys, time, spacy
nlp = spacy.load(sys.argv[1])
nlp("warm up")
with open(sys.argv[2], encoding="utf-8") as f:
    lines = f.read().splitlines()
start = time.perf_counter()
n = sum(len(doc) for doc in nlp.pipe(lines))
print(n, time.perf_counter() - start)
"""


def fresh_pipe_seconds(model: Path, path: Path) -> float:
    """Seconds a fresh process's ``nlp.pipe`` (default batch size) takes over ``path``'s lines."""
    out = subprocess.run(
        [sys.executable, "-c", FRESH_PIPE, str(model), str(path)],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.split()[-1])


def part_cli(
    model: Path,
    nlp: "Language",
    sents: List[str],
    copies: int,
    cut: int,
    rounds: int,
    workdir: Path,
    inproc_tps: Optional[float],
    inproc_tpc: Optional[float],
) -> Dict[str, Any]:
    lines = sents * copies
    if cut:
        lines = lines[:cut]
    big = workdir / "lines.txt"  # derived from licensed text: lives in a temp dir only
    big.write_text("".join(f"{t}\n" for t in lines), encoding="utf-8")
    one = workdir / "one.txt"
    one.write_text(lines[0] + "\n", encoding="utf-8")
    tokens = sum(len(nlp.tokenizer(t)) for t in lines)
    exe = cli_executable()

    def cmd(path: Path) -> List[str]:
        return [exe, "annotate", str(model), str(path), "--format", "text"]

    full: List[Tuple[float, float]] = []
    short: List[Tuple[float, float]] = []
    fresh: List[float] = []
    for _ in range(rounds):
        full.append(run_cli_file(cmd(big)))
        short.append(run_cli_file(cmd(one)))
        fresh.append(fresh_pipe_seconds(model, big))
    fresh_tps = tokens / median(fresh)
    t_full = median([w for w, _ in full])
    t_one = median([w for w, _ in short])
    c_full = median([c for _, c in full])
    c_one = median([c for _, c in short])
    steady = tokens / (t_full - t_one)
    per_round = [tokens / (f - s) for (f, _), (s, _) in zip(full, short)]
    result = {
        "lines": len(lines),
        "tokens": tokens,
        "full_runs": full,
        "one_line_runs": short,
        "t_full_median": t_full,
        "t_one_line_median": t_one,
        "steady_tokens_per_second": steady,
        "steady_tokens_per_second_per_round": per_round,
        "steady_tokens_per_cpu_second": tokens / (c_full - c_one) if c_full > c_one else None,
        "fresh_nlp_pipe_seconds": fresh,
        "fresh_nlp_pipe_tokens_per_second": fresh_tps,
        "ratio_to_fresh_nlp_pipe": steady / fresh_tps,
        "inprocess_nlp_pipe_tokens_per_second": inproc_tps,
        "ratio_to_nlp_pipe": steady / inproc_tps if inproc_tps else None,
        "inprocess_nlp_pipe_tokens_per_cpu_second": inproc_tpc,
    }
    print(
        f"CLI on a file: {len(lines):,} sentence lines ({copies}x the sentences"
        f"{f', cut to {cut:,}' if cut else ''}), {tokens:,} tokens; median of {rounds} rounds:"
    )
    rows = [["run", "wall s (median)", "runs", "CPU s (median)"]]
    rows.append(["file", fmt_s(t_full), " ".join(fmt_s(w) for w, _ in full), fmt_s(c_full)])
    rows.append(["1-line file", fmt_s(t_one), " ".join(fmt_s(w) for w, _ in short), fmt_s(c_one)])
    print(table(rows, right=(1, 3)))
    print(
        f"steady state: {steady:,.0f} tok/s = tokens / (T_file - T_1line)   (per round "
        f"{min(per_round):,.0f} .. {max(per_round):,.0f}); "
        + (
            f"{result['steady_tokens_per_cpu_second']:,.0f} tok per CPU-s"
            if result["steady_tokens_per_cpu_second"]
            else ""
        )
    )
    print(
        f"nlp.pipe over the same file in a fresh process (load excluded): {fresh_tps:,.0f} "
        f"tok/s (runs {' '.join(fmt_s(t) for t in fresh)} s)  ->  CLI / nlp.pipe = "
        f"{steady / fresh_tps:.3f}"
    )
    if inproc_tps:
        print(
            f"in-process nlp.pipe (part 1, warm, its own lines): {inproc_tps:,.0f} tok/s  ->  "
            f"CLI / nlp.pipe = {steady / inproc_tps:.3f}"
        )
    per_cpu = result["steady_tokens_per_cpu_second"]
    if inproc_tpc and per_cpu:
        result["cpu_ratio_to_nlp_pipe"] = per_cpu / inproc_tpc
        print(
            f"per CPU second: CLI {per_cpu:,.0f} vs nlp.pipe {inproc_tpc:,.0f} tok/CPU-s  ->  "
            f"CPU ratio {per_cpu / inproc_tpc:.3f}"
        )
    print()
    return result


# --- part 4: latency on a live stream -----------------------------------------------------


def live_latency(
    cmd: List[str], lines: List[str], rate: float, first_timeout: float = 300.0
) -> Dict[str, Any]:
    """Feed ``lines`` to ``cmd`` at ``rate`` lines/s; per line, seconds from write to result.

    Line 1 is written at launch and its result awaited (it pays for loading); lines 2.. then
    follow on a fixed schedule (line k at k/rate seconds after the first result).
    """
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
        assert proc.stdin is not None and proc.stdout is not None
        stdout = proc.stdout
        got: List[float] = []
        first = threading.Event()
        done = threading.Event()

        def read() -> None:
            for _ in iter(stdout.readline, b""):
                got.append(time.perf_counter())
                first.set()
                if len(got) == len(lines):
                    done.set()
            first.set()
            done.set()

        reader = threading.Thread(target=read, name="bench-latency-reader", daemon=True)
        reader.start()
        sent = [time.perf_counter()]
        proc.stdin.write(lines[0].encode("utf-8") + b"\n")
        proc.stdin.flush()
        first.wait(first_timeout)
        base = time.perf_counter()
        for k, line in enumerate(lines[1:], 1):
            target = base + k / rate
            pause = target - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            sent.append(time.perf_counter())
            proc.stdin.write(line.encode("utf-8") + b"\n")
            proc.stdin.flush()
        done.wait(60)
        proc.stdin.close()
        proc.wait(60)
        reader.join(5)
        if proc.returncode != 0 or len(got) != len(lines):
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(
                f"{' '.join(cmd)}: exit {proc.returncode}, {len(got)} of {len(lines)} results\n"
                + tail
            )
    lat = [g - s for g, s in zip(got, sent)]
    rest = sorted(lat[1:])
    return {
        "rate": rate,
        "lines": len(lines),
        "first_line_seconds": lat[0],
        "latencies": lat,
        "p50": median(rest),
        "p90": rest[int(0.9 * (len(rest) - 1))],
        "max": max(rest),
        "mean": statistics.fmean(rest),
    }


def part_latency(model: Path, sents: List[str]) -> Dict[str, Any]:
    exe = cli_executable()
    base = [exe, "annotate", str(model), "--format", "text"]
    cases = [
        ("1 line/s, default --max-wait", [], 1.0, 12),
        ("100 lines/s, default --max-wait", [], 100.0, 600),
        ("100 lines/s, --max-wait 0.01", ["--max-wait", "0.01"], 100.0, 600),
        ("100 lines/s, --max-wait 0.2", ["--max-wait", "0.2"], 100.0, 600),
        ("1 line/s, --n-process 2", ["--n-process", "2"], 1.0, 12),
    ]
    results: Dict[str, Any] = {}
    for name, extra, rate, n in cases:
        lines = [sents[i % len(sents)] for i in range(n)]
        results[name] = live_latency(base + extra, lines, rate)
        results[name]["options"] = extra
        r = results[name]
        print(f"  {name}: p50 {r['p50'] * 1000:.0f} ms, max {r['max'] * 1000:.0f} ms")
    print()
    print(
        "Latency on a live stream (CLI, stdin a pipe): seconds from writing a line to reading "
        "its result, lines 2.. (line 1 is written at launch and pays for loading; the rest "
        "follow once its result is out):"
    )
    rows = [["stream", "lines", "p50 ms", "p90 ms", "max ms", "mean ms", "line 1 s"]]
    for name, r in results.items():
        rows.append(
            [
                name,
                str(r["lines"]),
                f"{r['p50'] * 1000:.0f}",
                f"{r['p90'] * 1000:.0f}",
                f"{r['max'] * 1000:.0f}",
                f"{r['mean'] * 1000:.0f}",
                fmt_s(r["first_line_seconds"]),
            ]
        )
    print(table(rows, right=(1, 2, 3, 4, 5, 6)))
    print()
    return results


# --- part 5: a million lines --------------------------------------------------------------


def seq_run(model: Path, n: int) -> Dict[str, Any]:
    """``seq 1 n | spacy-elman annotate MODEL --format text > /dev/null`` under /usr/bin/time."""
    gnu_time = shutil.which("time") if not Path("/usr/bin/time").exists() else "/usr/bin/time"
    if not gnu_time:
        raise SystemExit("--million needs GNU time (/usr/bin/time): apt-get install -y time")
    with tempfile.NamedTemporaryFile("r") as report:
        seq = subprocess.Popen(["seq", "1", str(n)], stdout=subprocess.PIPE)
        cmd = [gnu_time, "-f", "%e %M %U %S", "-o", report.name, cli_executable(), "annotate",
               str(model), "--format", "text"]  # fmt: skip
        subprocess.run(cmd, check=True, stdin=seq.stdout, stdout=subprocess.DEVNULL)
        assert seq.stdout is not None
        seq.stdout.close()
        seq.wait()
        wall, rss_kib, user, system = report.read().split()[-4:]
    return {
        "lines": n,
        "wall_seconds": float(wall),
        "peak_rss_mib": int(rss_kib) / 1024,
        "cpu_seconds": float(user) + float(system),
    }


def part_million(model: Path) -> Dict[str, Any]:
    runs = {n: seq_run(model, n) for n in (100_000, 1_000_000)}
    print("`seq 1 N | spacy-elman annotate MODEL --format text > /dev/null` (/usr/bin/time):")
    rows = [["N lines", "wall s", "CPU s", "us/line (wall)", "peak RSS MiB"]]
    for n, r in runs.items():
        rows.append(
            [
                f"{n:,}",
                f"{r['wall_seconds']:.1f}",
                f"{r['cpu_seconds']:.1f}",
                f"{r['wall_seconds'] / n * 1e6:.0f}",
                f"{r['peak_rss_mib']:,.0f}",
            ]
        )
    print(table(rows, right=(0, 1, 2, 3, 4)))
    print()
    return {str(n): r for n, r in runs.items()}


# --- main ---------------------------------------------------------------------------------


def timed(label: str, fn: Callable[[], Any]) -> Any:
    t0 = time.perf_counter()
    out = fn()
    print(f"[{label}: {time.perf_counter() - t0:.0f} s]")
    print()
    return out


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    args = parse_args(argv)
    set_threads(args.threads)  # before numpy / spaCy / TensorFlow; inherited by subprocesses
    env = environment()
    print_environment(env)
    started = time.perf_counter()

    from bench_speed import load_elman, load_texts

    from spacy_elman.loading import load_pipeline

    data_path, _ = pick_data(args.data, CONLL_TRAIN, FALLBACK_TRAIN, "sentences")
    all_sents, _ = load_texts(data_path, 1, 0)
    sents = all_sents[: args.lines] if args.lines else all_sents
    if not sents:
        raise SystemExit(f"no sentences in {data_path}")
    print(f"data:     {len(all_sents):,} sentences in {data_path} (tokens joined by spaces)")

    report: Dict[str, Any] = {"environment": env}
    with tempfile.TemporaryDirectory(prefix="bench-annotate-") as tmp:
        workdir = Path(tmp)
        model = args.model
        if model is None:
            nlp = load_elman(None, "auto", args.seed, workdir)
            model = workdir / "model"
            nlp.to_disk(model)
        nlp = load_pipeline(model)  # as the CLI loads it
        nlp_own = load_pipeline(model) if "throughput" in args.parts else None
        print(f"model:    {args.model or 'quick 1-epoch model'}  pipeline {nlp.pipe_names}")
        print(f"cli:      {cli_executable()}")
        print()
        report["settings"] = {
            "model": str(args.model) if args.model else "quick 1-epoch model",
            "data": str(data_path),
            "lines": len(sents),
            "token_lines": args.token_lines,
            "rounds": args.rounds,
            "cli_copies": args.cli_copies,
            "cli_lines": args.cli_lines,
            "threads": args.threads,
            "parts": args.parts,
        }
        inproc = inproc_cpu = None
        if "throughput" in args.parts:
            report["throughput"] = timed(
                "part 1",
                lambda: part_throughput(nlp, nlp_own, sents, args.token_lines, args.rounds),
            )
            base = report["throughput"]["results"]["nlp.pipe sentences"]
            inproc = base["median_tokens_per_second"]
            inproc_cpu = base["tokens_per_cpu_second"]
        if "startup" in args.parts:
            report["startup"] = timed(
                "part 2", lambda: part_startup(model, all_sents[0], args.rounds)
            )
        if "cli" in args.parts:
            report["cli"] = timed(
                "part 3",
                lambda: part_cli(
                    model,
                    nlp,
                    all_sents,
                    args.cli_copies,
                    args.cli_lines,
                    args.rounds,
                    workdir,
                    inproc,
                    inproc_cpu,
                ),
            )
        if "latency" in args.parts:
            report["latency"] = timed("part 4", lambda: part_latency(model, all_sents))
        if args.million:
            report["million"] = timed("part 5", lambda: part_million(model))
    print(f"total: {time.perf_counter() - started:.0f} s")
    if args.json is not None:
        write_json(args.json, report)
    return report


if __name__ == "__main__":
    main()
