"""Helpers shared by the benchmark scripts: default data paths, thread settings, environment.

Nothing here imports numpy, spaCy or TensorFlow at module level, so ``set_threads`` can still
change the thread environment variables before those libraries read them.
"""

import json
import os
import platform
import shlex
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
CONLL_TRAIN = SHARED / "conll2003" / "train.txt"
CONLL_DEV = SHARED / "conll2003" / "dev.txt"
WNUT_DEV = SHARED / "wnut17" / "dev.txt"
FALLBACK_TRAIN = ROOT / "corpus" / "train.conll"
FALLBACK_DEV = ROOT / "corpus" / "dev.conll"

# Every thread-pool size knob the libraries in this benchmark read at import time.
TF_THREAD_VARS = ("TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")
BLAS_THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
THREAD_VARS = TF_THREAD_VARS + BLAS_THREAD_VARS
PACKAGES = ("spacy", "spacy-elman", "tensorflow", "numpy", "thinc", "blis")


def set_threads(threads: int) -> None:
    """Set TF intra/inter-op and OpenMP/BLAS pool sizes; 0 leaves every library's default.

    Must run before numpy, spaCy or TensorFlow are imported: they read these at import time.
    """
    if threads < 0:
        raise SystemExit(f"--threads must be >= 0 (got {threads})")
    if threads == 0:
        return
    for name in THREAD_VARS:
        os.environ[name] = str(threads)


def pick_data(
    given: Optional[Path], preferred: Path, fallback: Path, what: str
) -> Tuple[Path, bool]:
    """Return ``(path, is_fallback)``: ``given`` if set, else ``preferred`` if it exists, else
    ``fallback`` (saying so on stderr)."""
    if given is not None:
        if not given.exists():
            raise SystemExit(f"{what}: {given} does not exist")
        return given, False
    if preferred.exists():
        return preferred, False
    print(
        f"NOTE: {preferred} is absent; using the project's own {fallback} as {what}.",
        file=sys.stderr,
    )
    return fallback, True


def package_versions() -> Dict[str, str]:
    """Installed versions of the packages that matter for these benchmarks."""
    found = {}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo ('' where unavailable)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def environment() -> Dict[str, Any]:
    """Command line, CPU and library versions, and the thread variables in effect."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 0
    try:
        load = list(os.getloadavg())
    except OSError:
        load = []
    return {
        "command": shlex.join([sys.executable, *sys.argv]),
        "cwd": os.getcwd(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "cpu_model": cpu_model(),
        "load_average_1_5_15": load,
        "versions": package_versions(),
        "thread_env": {name: os.environ.get(name, "") for name in THREAD_VARS},
    }


def print_environment(env: Dict[str, Any]) -> None:
    """Print :func:`environment` as the header of a benchmark run."""
    print(f"command:  {env['command']}")
    print(f"cwd:      {env['cwd']}")
    print(f"python:   {env['python']} on {env['platform']}")
    print(
        f"CPU:      {env['cpu_count']} logical CPUs ({env['cpus_usable']} usable by this process)"
        f" {env['cpu_model']}"
    )
    if env["load_average_1_5_15"]:
        load = ", ".join(f"{x:.2f}" for x in env["load_average_1_5_15"])
        print(f"load avg: {load} (1/5/15 min; should be well below the CPU count)")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in env["versions"].items()))
    threads = {k: v for k, v in env["thread_env"].items() if v}
    shown = " ".join(f"{k}={v}" for k, v in threads.items()) or "none set (library defaults)"
    print(f"threads:  {shown}")
    print()


def os_thread_count() -> int:
    """Threads of this process right now (Linux; 0 where unknown)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Threads:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _json_default(value: Any) -> Any:
    """numpy scalars and arrays (scores, losses) as plain numbers; anything else as text."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented JSON, creating the parent directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, default=_json_default)
    path.write_text(text + "\n", encoding="utf8")
    print(f"wrote {path}")


def table(rows: List[List[str]], right: Tuple[int, ...] = ()) -> str:
    """Format rows as a plain-text table; columns listed in ``right`` are right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
