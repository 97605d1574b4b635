"""``spacy-elman annotate --ray`` (1 and 2 workers) next to single-process ``annotate``.

Every run is the real CLI on the same N-line text file (default 100,000 lines: the CoNLL-2003
train sentences, each with a running number appended, repeated to N; the bundled
corpus/train.conll where CoNLL-2003 is absent). The file is written to a temporary folder,
never into the repository. Each configuration is timed on the N-line file and on a 1-line
file: "wall" is the whole command (imports, Ray start-up, model loading in every actor),
"steady" is N / (T(N lines) - T(1 line)), the rate once everything is up. The Ray outputs are
checked to concatenate (shards in name order) to exactly the single-process output.

    python bench/bench_ray.py --model /tmp/spacy-elman-bench/elman-conll-name/model-best
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from _common import CONLL_TRAIN, FALLBACK_TRAIN, environment, pick_data, print_environment

CLI = [sys.executable, "-m", "spacy_elman.cli"]


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--model", type=Path, required=True, help="A trained pipeline directory.")
    parser.add_argument("--train", type=Path, default=None, help="CoNLL file for the sentences.")
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    return parser.parse_args(argv)


def conll_sentences(path: Path) -> List[str]:
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            if tokens:
                sentences.append(" ".join(tokens))
            tokens = []
        else:
            tokens.append(line.split()[0])
    if tokens:
        sentences.append(" ".join(tokens))
    return sentences


def timed(command: List[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = parse_args(argv)
    env = environment()
    print_environment(env)
    data, _ = pick_data(args.train, CONLL_TRAIN, FALLBACK_TRAIN, "the sentences")
    sentences = conll_sentences(data)
    work = Path(tempfile.mkdtemp(prefix="bench-ray-"))
    try:
        big, one = work / "lines.txt", work / "one.txt"
        lines = [f"{sentences[i % len(sentences)]} {i}" for i in range(args.lines)]
        big.write_text("\n".join(lines) + "\n", encoding="utf-8")
        one.write_text(lines[0] + "\n", encoding="utf-8")
        words = sum(len(line.split()) for line in lines)
        print(f"input: {args.lines:,} lines, {words:,} words, from {data}\n")
        model = str(args.model)
        batch = ["--batch-size", str(args.batch_size)]
        runs: Dict[str, Dict[str, float]] = {}

        def single(path: Path, out: Path) -> List[str]:
            return [*CLI, "annotate", model, str(path), "-o", str(out), *batch]

        def ray(path: Path, out: Path, workers: int) -> List[str]:
            shutil.rmtree(out, ignore_errors=True)
            options = ["--ray", "--workers", str(workers), "-o", str(out)]
            return [*CLI, "annotate", model, str(path), *options, *batch]

        configs = [("single process", None)] + [(f"--ray --workers {w}", w) for w in args.workers]
        for name, workers in configs:
            out_big, out_one = work / f"out-{workers}", work / f"out1-{workers}"
            if workers is None:
                t_one, t_big = timed(single(one, out_one)), timed(single(big, out_big))
            else:
                t_one, t_big = timed(ray(one, out_one, workers)), timed(ray(big, out_big, workers))
            runs[name] = {"wall_s": t_big, "one_line_s": t_one}
            print(f"{name}: {t_big:.1f} s for {args.lines:,} lines, {t_one:.1f} s for 1 line")
        expected = (work / "out-None").read_bytes()
        for workers in args.workers:
            shards = sorted((work / f"out-{workers}").glob("part-*.jsonl"))
            got = b"".join(p.read_bytes() for p in shards)
            if got != expected:
                raise SystemExit(f"--workers {workers}: the shards differ from single process")
        print("\nRay shards == single-process output: yes\n")
        print("| run | wall (N lines) | lines/s (wall) | start-up (1 line) | lines/s (steady) |")
        print("|---|---|---|---|---|")
        for name, r in runs.items():
            steady = args.lines / max(r["wall_s"] - r["one_line_s"], 1e-9)
            r["lines_per_s_wall"] = args.lines / r["wall_s"]
            r["lines_per_s_steady"] = steady
            print(
                f"| {name} | {r['wall_s']:.1f} s | {r['lines_per_s_wall']:,.0f} | "
                f"{r['one_line_s']:.1f} s | {steady:,.0f} |"
            )
        if args.json:
            result = {"env": env, "lines": args.lines, "words": words, "runs": runs}
            args.json.write_text(json.dumps(result, indent=2) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
