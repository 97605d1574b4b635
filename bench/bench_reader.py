"""What ``spacy-elman annotate`` spends on reading its input and cutting batches, no tagging.

Each file goes through a pipe (``cat FILE |``), so the timed batching and its reader thread
run as they do for ``... | spacy-elman annotate``; the script times iterating the batches of
``annotate._input_batches`` (wall and CPU seconds, median of ``--repeats``) and prints
microseconds per line. To compare two versions of the code, run it once with each on
``PYTHONPATH``, e.g. a checkout of the last commit:

    python bench/bench_reader.py FILE [FILE ...]
    PYTHONPATH=/tmp/old python bench/bench_reader.py FILE [FILE ...]
"""

import argparse
import statistics
import subprocess
import time
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from _common import environment, print_environment, table, write_json

from spacy_elman.annotate import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_LENGTH,
    UTF8_MAX_BYTES,
    _input_batches,
    _LineReader,
)
from spacy_elman.streaming import DEFAULT_MAX_WAIT


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", type=Path, nargs="+", help="Text files, one document a line.")
    parser.add_argument("--repeats", type=int, default=5, help="Timed passes per file.")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    return parser.parse_args(argv)


def read_through_pipe(path: Path, batch_size: int) -> Tuple[float, float, int]:
    """Wall s, CPU s and lines of one pass: ``cat path`` into the batching annotate uses."""
    cat = subprocess.Popen(["cat", str(path)], stdout=subprocess.PIPE)
    assert cat.stdout is not None
    wall, cpu = time.perf_counter(), time.process_time()
    reader = _LineReader(cat.stdout, cap=UTF8_MAX_BYTES * DEFAULT_MAX_LENGTH)
    lines = 0
    for batch in _input_batches(reader, cat.stdout, batch_size, DEFAULT_MAX_WAIT):
        lines += len(batch)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    cat.wait()
    return wall, cpu, lines


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = parse_args(argv)
    env = environment()
    print_environment(env)
    results = []
    rows: List[List[str]] = [["file", "lines", "wall s", "CPU s", "us/line (wall)"]]
    for path in args.files:
        runs = [read_through_pipe(path, args.batch_size) for _ in range(args.repeats)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        lines = runs[0][2]
        per_line = 1e6 * wall / max(lines, 1)
        results.append({"file": str(path), "lines": lines, "wall_s": wall, "cpu_s": cpu})
        rows.append([path.name, f"{lines:,}", f"{wall:.3f}", f"{cpu:.3f}", f"{per_line:.2f}"])
    print(f"Reading and batching through a pipe, median of {args.repeats} passes:")
    print(table(rows, right=(1, 2, 3, 4)))
    if args.json:
        write_json(args.json, {"environment": env, "results": results})


if __name__ == "__main__":
    main()
