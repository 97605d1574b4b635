"""Annotate a corpus on a Ray cluster: Ray Data ``map_batches`` over :func:`process_batch`.

Only this module imports Ray, and only when one of its functions runs (``pip install
"spacy-elman[ray]"``). The driver never imports TensorFlow: it checks the model directory with
:func:`~spacy_elman.loading.check_pipeline_dir` and lists the input files; each actor of the
pool loads the model once and tags its batches.

The pipeline, for inputs ``files or directories`` (local paths or URIs pyarrow can open:
``s3://``, ``gs://``, ...):

1. The driver expands the inputs into an ordered file list (a directory: every file under it,
   recursively, sorted by path; names starting with "." or "_" are skipped). A file's place in
   that list is its ``file`` index: input order is ``(file, line)``.
2. Read tasks stream each file with the line reader of single-process ``annotate`` (lines end
   at b"\\n", a final "\\r\\n" and a first-line BOM are removed, bytes stay raw) and yield
   blocks of ``(file, source, line, raw)`` rows. One file is read by one task, so a huge file
   is read at one task's speed (memory stays flat: blocks of :data:`READ_BLOCK_LINES` lines);
   split huge files to read them in parallel.
3. An actor pool (``ActorPoolStrategy(size=workers)``) runs :func:`process_batch` on batches
   of ``batch_size`` lines, with the same options and ``source`` as single-process annotate,
   so each output line is byte for byte what ``spacy-elman annotate`` writes for that line.

:func:`annotate_dataset` returns that as a lazy :class:`ray.data.Dataset` (columns ``file``,
``source``, ``line``, ``output``: the JSON line, without newline; ``error``: the message of a
bad line, else null). :func:`annotate_to_dir` writes it as JSONL shards
``DIR/part-FFFFFFFF-LLLLLLLLLLLL.jsonl`` (file index, first line): sorted by name, the shards
concatenate to exactly the single-process output; shards are written to a temporary folder in
DIR and moved into DIR only when the whole run succeeded.
"""

import io
import json
import os
import re
import shutil
import socket
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from .annotate import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_LENGTH,
    MAX_ERROR_SAMPLES,
    UTF8_MAX_BYTES,
    AnnotateInputError,
    _check_options,
    _LineReader,
    process_batch,
)
from .errors import ElmanError, Errors
from .loading import check_pipeline_dir

if TYPE_CHECKING:
    import ray.data

PathLike = Union[str, Path]
INSTALL_HINT = 'pip install "spacy-elman[ray]"'
# Rows per block yielded by a read task: bounds a reader's memory, however big the file.
READ_BLOCK_LINES = 10_000
# Lines per shard file (at most; a shard never spans two input files).
DEFAULT_SHARD_LINES = 100_000
SHARD_PREFIX = "part-"
TMP_PREFIX = ".spacy-elman-tmp-"
INDEX_NAME = "_files.jsonl"  # written last: {"file": index, "source": ..., "lines": N} a line
CONNECT_TIMEOUT = 5.0


@dataclass(frozen=True)
class InputFile:
    """One input file: ``uri`` is what the readers open, ``source`` its name in messages."""

    index: int
    uri: str
    source: str
    size: int


@dataclass
class DistributedStats:
    """What :func:`annotate_to_dir` wrote: lines, documents, bad lines (skip mode), shards."""

    lines: int = 0
    docs: int = 0
    errors: int = 0
    error_samples: List[str] = field(default_factory=list)
    shards: List[str] = field(default_factory=list)
    files: int = 0


# -- Ray -----------------------------------------------------------------------------------------


def import_ray() -> Any:
    """``import ray`` and ``ray.data``, or E220 (one sentence: how to install the extra)."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise ElmanError(Errors.E220.format(hint=INSTALL_HINT)) from None
    return ray


def _check_reachable(address: str) -> None:
    """A TCP connect to ``host:port`` / ``ray://host:port`` (E222 at once, not after retries)."""
    if address in ("auto", "local"):
        return
    hostport = address.split("://", 1)[-1].rstrip("/")
    host, sep, port = hostport.rpartition(":")
    if not sep or not port.isdigit():
        detail = "expected auto, HOST:PORT or ray://HOST:PORT"
        raise ElmanError(Errors.E222.format(address=address, detail=detail))
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as err:
        detail = err.strerror or str(err) or type(err).__name__
        raise ElmanError(Errors.E222.format(address=address, detail=detail)) from None


def connect(
    address: Optional[str] = None, *, num_cpus: Optional[int] = None, quiet: bool = False
) -> bool:
    """Make sure this process is connected to Ray; True when this call started/joined it.

    Already connected (``ray.init()`` by the caller): nothing is done. ``address=None`` starts
    a local instance with ``num_cpus`` (default: every core); ``"auto"``, ``HOST:PORT`` or
    ``ray://HOST:PORT`` joins a running cluster (E222 when it cannot be reached).
    """
    ray = import_ray()
    if ray.is_initialized():
        return False
    options: Dict[str, Any] = {"include_dashboard": False}
    if quiet:
        import logging

        options.update(log_to_driver=False, logging_level=logging.WARNING)
    if address is None:
        options["num_cpus"] = num_cpus
    else:
        _check_reachable(address)
        options["address"] = address
    try:
        ray.init(**options)
    except (ConnectionError, TimeoutError, RuntimeError) as err:
        detail = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ElmanError(Errors.E222.format(address=address or "local", detail=detail)) from None
    return True


def check_local_resources(workers: int, cpus: float, gpus: float) -> None:
    """E229 when the local instance cannot hold the actor pool (it would wait forever)."""
    have = import_ray().cluster_resources()
    for what, per_worker in (("CPUs", cpus), ("GPUs", gpus)):
        need = workers * per_worker
        available = float(have.get(what[:-1], 0))
        if need > available:
            raise ElmanError(
                Errors.E229.format(workers=workers, need=need, what=what, have=available)
            )


# -- inputs --------------------------------------------------------------------------------------


def _is_uri(path: str) -> bool:
    return "://" in path


def _skipped(name: str) -> bool:
    return name.startswith((".", "_"))


def expand_inputs(inputs: Union[PathLike, Sequence[PathLike]]) -> List[InputFile]:
    """The ordered input files: each file as given; a directory's files recursively, sorted.

    Local paths are checked here (E207 when one is missing or unreadable); a URI is listed
    with pyarrow's filesystems. E221 when there is no file, or every file is empty.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    found: List[Tuple[str, str, int]] = []  # (uri, source, size)
    for given in inputs:
        text = str(given)
        if text == "-":
            raise ElmanError(Errors.E223.format(what="standard input ('-')"))
        found.extend(_list_uri(text) if _is_uri(text) else _list_local(text))
    files = [InputFile(i, uri, source, size) for i, (uri, source, size) in enumerate(found)]
    if not files or not any(f.size for f in files):
        given_list = ", ".join(str(p) for p in inputs) or "none"
        what = "no files" if not files else "only empty files"
        raise ElmanError(Errors.E221.format(inputs=given_list, what=what))
    return files


def _files(inputs: Any) -> List[InputFile]:
    """``inputs`` expanded, unless it is the list :func:`expand_inputs` returned already."""
    if isinstance(inputs, list) and inputs and all(isinstance(f, InputFile) for f in inputs):
        return inputs
    return expand_inputs(inputs)


def _list_local(text: str) -> List[Tuple[str, str, int]]:
    path = Path(text)
    try:
        if path.is_dir():
            out = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _skipped(d))
                for name in sorted(names):
                    if not _skipped(name):
                        file = Path(root) / name
                        out.append((str(file.resolve()), str(file), file.stat().st_size))
            return sorted(out, key=lambda item: item[1])
        with open(path, "rb"):
            pass
        return [(str(path.resolve()), text, path.stat().st_size)]
    except OSError as err:
        detail = err.strerror or str(err)
        raise ElmanError(Errors.E207.format(path=text, detail=detail)) from None


def _list_uri(text: str) -> List[Tuple[str, str, int]]:
    import pyarrow.fs as pafs

    try:
        fs, path = pafs.FileSystem.from_uri(text)
        info = fs.get_file_info(path)
        if info.type == pafs.FileType.NotFound:
            raise FileNotFoundError("not found")
        if info.type == pafs.FileType.File:
            return [(text, text, info.size or 0)]
        scheme = text.split("://", 1)[0]
        base = path.rstrip("/")
        out = []
        for item in fs.get_file_info(pafs.FileSelector(path, recursive=True)):
            relative = item.path[len(base) :].lstrip("/")
            if item.type != pafs.FileType.File or any(map(_skipped, relative.split("/"))):
                continue
            uri = f"{scheme}://{item.path}"
            source = text.rstrip("/") + "/" + relative
            out.append((uri, source, item.size or 0))
        return sorted(out, key=lambda item: item[1])
    except (OSError, ValueError) as err:  # pyarrow raises OSError/ArrowInvalid (a ValueError)
        raise ElmanError(Errors.E207.format(path=text, detail=str(err) or "not found")) from None


def _open(uri: str) -> io.BufferedIOBase:
    if not _is_uri(uri):
        return open(uri, "rb")
    import pyarrow.fs as pafs

    fs, path = pafs.FileSystem.from_uri(uri)
    return io.BufferedReader(fs.open_input_stream(path), buffer_size=1 << 20)


def _read_files(
    batch: Dict[str, Any], fmt: str, max_length: int, block_lines: int
) -> Iterator[Any]:
    """Read task: each file's lines as blocks of ``(file, source, line, raw)`` rows.

    A block of ``block_lines`` (the batch size) is one task of the actor pool, so even one
    file is spread over every actor.
    """
    import pyarrow as pa

    cap = UTF8_MAX_BYTES * max_length if fmt == "text" else None
    for index, uri, source in zip(batch["file"], batch["uri"], batch["source"]):
        index, uri, source = int(index), str(uri), str(source)
        try:
            stream = _open(uri)
        except OSError as err:
            detail = err.strerror or str(err)
            raise ElmanError(Errors.E207.format(path=source, detail=detail)) from None
        with stream:
            numbers: List[int] = []
            raws: List[bytes] = []
            for number, raw in _LineReader(stream, cap=cap):
                numbers.append(number)
                raws.append(raw)
                if len(numbers) >= block_lines:
                    yield _block(pa, index, source, numbers, raws)
                    numbers, raws = [], []
            if numbers:
                yield _block(pa, index, source, numbers, raws)


def _block(pa: Any, index: int, source: str, numbers: List[int], raws: List[bytes]) -> Any:
    return pa.table(
        {
            "file": pa.array([index] * len(numbers), pa.int64()),
            "source": pa.array([source] * len(numbers), pa.string()),
            "line": pa.array(numbers, pa.int64()),
            "raw": pa.array(raws, pa.large_binary()),
        }
    )


# -- the actors ----------------------------------------------------------------------------------


def _error_of(output: str) -> Optional[str]:
    """The message of an error record ``{"line": N, "error": ...}``; None for a document.

    A document always has "ents", an error record never: a passed-through JSONL record with
    its own "line"/"error" keys is not mistaken for one.
    """
    if not output.startswith('{"line": '):
        return None
    record = json.loads(output)
    if isinstance(record, dict) and set(record) == {"line", "error"}:
        return str(record["error"])
    return None


class Annotator:
    """The callable class of the actor pool: loads the pipeline once, tags batches.

    A load failure (e.g. E005, corrupted weights) is kept and raised by the first batch, so
    the run fails with that message rather than with an actor restart loop.
    """

    def __init__(
        self,
        model_path: str,
        fmt: str,
        on_error: str,
        max_length: int,
        device: Optional[str],
        threads: int,
    ) -> None:
        if threads > 0:  # before TensorFlow is imported: one pool size per actor's CPUs
            for name in ("TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS", "OMP_NUM_THREADS"):
                os.environ.setdefault(name, str(threads))
        self.options = {"fmt": fmt, "on_error": on_error, "max_length": max_length}
        self.error: Optional[BaseException] = None
        self.nlp: Any = None
        try:
            from .loading import load_pipeline

            self.nlp = load_pipeline(model_path, device=device)
            self.nlp.max_length = max_length
        except ElmanError as err:
            self.error = err
        except Exception as err:  # anything else while loading: keep its text
            self.error = ElmanError(f"{type(err).__name__}: {err}")

    def __call__(self, batch: Any) -> Any:
        if self.error is not None:
            raise self.error
        files = batch["file"].to_pylist()
        sources = batch["source"].to_pylist()
        numbers = batch["line"].to_pylist()
        raws = batch["raw"].to_pylist()
        outputs: List[str] = []
        start = 0
        while start < len(files):  # one process_batch call per run of rows from one file
            end = start
            while end < len(files) and files[end] == files[start]:
                end += 1
            lines = list(zip(numbers[start:end], raws[start:end]))
            outputs.extend(process_batch(self.nlp, lines, source=sources[start], **self.options))
            start = end
        import pyarrow as pa

        # Explicit types: a batch without errors must not get a null-typed "error" column.
        return pa.table(
            {
                "file": pa.array(files, pa.int64()),
                "source": pa.array(sources, pa.string()),
                "line": pa.array(numbers, pa.int64()),
                "output": pa.array(outputs, pa.large_string()),
                "error": pa.array([_error_of(out) for out in outputs], pa.string()),
            }
        )


def annotate_dataset(
    model_path: PathLike,
    inputs: Union[PathLike, Sequence[PathLike]],
    *,
    fmt: str = "text",
    on_error: str = "stop",
    workers: int = 1,
    gpus_per_worker: float = 0.0,
    cpus_per_worker: float = 1.0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_length: int = DEFAULT_MAX_LENGTH,
    address: Optional[str] = None,
) -> "ray.data.Dataset":
    """A lazy Ray Dataset of the annotated lines of ``inputs``; one row per input line.

    Columns: ``file`` (the file's index in input order), ``source`` (its name in messages:
    the path as given, or the given directory joined with the path under it), ``line``
    (1-based), ``output`` (the JSON line single-process ``annotate`` writes for it, without
    newline) and ``error`` (the message of a bad line, else None). Rows come in no particular
    order: ``(file, line)`` restores it.

    model_path: the pipeline directory; every node of the cluster must see it at this path
        (a shared file system, or a copy in the same place on each node). Checked here
        without loading it (E201-E204); the actors load it.
    inputs: files or directories, local paths or URIs pyarrow can read (s3://, gs://, ...),
        or the list :func:`expand_inputs` returned for them.
    on_error: "skip" gives error records in place of bad lines; "stop" makes the first bad
        line an actor meets fail the run with its message (which one, among several, depends
        on scheduling; :func:`annotate_to_dir` reports the first in input order).
    workers, cpus_per_worker, gpus_per_worker: the actor pool's size and each actor's
        resources (a GPU actor tags on its GPU, the others on the CPU).
    address: see :func:`connect` (used only when this process is not connected to Ray yet).
    """
    _check_options(fmt, on_error, max_length)
    for option, value in (("workers", workers), ("batch_size", batch_size)):
        if value < 1:
            raise ElmanError(Errors.E206.format(option=option, minimum=1, value=value))
    for option, value in (
        ("gpus_per_worker", gpus_per_worker),
        ("cpus_per_worker", cpus_per_worker),
    ):
        if not value >= 0:
            raise ElmanError(Errors.E206.format(option=option, minimum=0, value=value))
    ray = import_ray()
    check_pipeline_dir(model_path)
    files = _files(inputs)
    if connect(address) and address is None:
        check_local_resources(workers, cpus_per_worker, gpus_per_worker)
    items = [{"file": f.index, "uri": f.uri, "source": f.source} for f in files]
    lines = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
        _read_files,
        batch_size=1,
        batch_format="numpy",
        fn_kwargs={
            "fmt": fmt,
            "max_length": max_length,
            "block_lines": min(batch_size, READ_BLOCK_LINES),
        },
        num_cpus=0,  # I/O: never waits for the CPUs the actors hold
    )
    device = "gpu" if gpus_per_worker > 0 else "cpu"
    return lines.map_batches(
        Annotator,
        batch_size=batch_size,
        batch_format="pyarrow",
        fn_constructor_kwargs={
            "model_path": str(Path(model_path).resolve()),
            "fmt": fmt,
            "on_error": on_error,
            "max_length": max_length,
            "device": device,
            "threads": max(1, int(cpus_per_worker)),
        },
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=cpus_per_worker,
        num_gpus=gpus_per_worker,
    )


# -- shards --------------------------------------------------------------------------------------


def _write_shards(table: Any, tmp_dir: str) -> Dict[str, List[Any]]:
    """Write task: each run of consecutive lines of one file becomes one shard file."""
    batch = {name: table[name].to_pylist() for name in ("file", "line", "output", "error")}
    order = sorted(range(len(batch["line"])), key=lambda i: (batch["file"][i], batch["line"][i]))
    meta: Dict[str, List[Any]] = {
        "shard": [],
        "file": [],
        "first": [],
        "lines": [],
        "errors": [],
        "samples": [],
    }
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order):
            prev, cur = order[end - 1], order[end]
            same = batch["file"][cur] == batch["file"][prev]
            if not same or batch["line"][cur] != batch["line"][prev] + 1:
                break
            end += 1
        rows = order[start:end]
        file, first = int(batch["file"][rows[0]]), int(batch["line"][rows[0]])
        name = f"{SHARD_PREFIX}{file:08d}-{first:012d}.jsonl"
        with open(os.path.join(tmp_dir, name), "w", encoding="utf-8", newline="\n") as out:
            out.write("".join(f"{batch['output'][i]}\n" for i in rows))
        bad = [i for i in rows if batch["error"][i] is not None]
        meta["shard"].append(name)
        meta["file"].append(file)
        meta["first"].append(first)
        meta["lines"].append(len(rows))
        meta["errors"].append(len(bad))
        # JSON text: a list column that is empty in every row has no type Arrow can merge
        samples = [[int(batch["line"][i]), str(batch["error"][i])] for i in bad[:MAX_ERROR_SAMPLES]]
        meta["samples"].append(json.dumps(samples))
        start = end
    return meta


def _prepare_output_dir(output_dir: PathLike) -> Path:
    out = Path(output_dir)
    if out.exists() and not out.is_dir():
        raise ElmanError(Errors.E209.format(path=out, detail="it is a file, not a directory"))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ElmanError(Errors.E209.format(path=out, detail=err.strerror or err)) from None
    old = sorted(p.name for p in out.glob(f"{SHARD_PREFIX}*.jsonl"))
    if old:
        raise ElmanError(Errors.E224.format(path=out, count=len(old), first=old[0]))
    return out


def _unwrap(err: BaseException) -> Optional[ElmanError]:
    """The ElmanError behind a Ray task/actor error (Ray wraps what the UDF raised)."""
    todo: List[Any] = [err]
    seen: set = set()
    while todo:
        current = todo.pop(0)
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ElmanError) and type(current) in _ELMAN_ERRORS:
            return current  # the original class, not Ray's RayTaskError(ElmanError) mix-in
        todo.extend([getattr(current, "cause", None), current.__cause__, current.__context__])
    # Ray Data's UserCodeException keeps only the worker's traceback text: take the message
    # from its last "spacy_elman.errors.ElmanError: [Exxx] ..." line.
    found = re.findall(r"^spacy_elman\.[\w.]*Error: (\[E\d{3}\] .*)$", str(err), re.MULTILINE)
    return ElmanError(found[-1]) if found else None


_ELMAN_ERRORS = (ElmanError, AnnotateInputError)


def annotate_to_dir(
    model_path: PathLike,
    inputs: Union[PathLike, Sequence[PathLike]],
    output_dir: PathLike,
    *,
    fmt: str = "text",
    on_error: str = "stop",
    workers: int = 1,
    gpus_per_worker: float = 0.0,
    cpus_per_worker: float = 1.0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_length: int = DEFAULT_MAX_LENGTH,
    shard_lines: int = DEFAULT_SHARD_LINES,
    address: Optional[str] = None,
) -> DistributedStats:
    """Annotate ``inputs`` on Ray and write JSONL shards into ``output_dir``.

    Shards are named ``part-FFFFFFFF-LLLLLLLLLLLL.jsonl`` (input file index, first line) and
    hold at most ``shard_lines`` consecutive lines of one file; in name order they
    concatenate to the single-process output, file after file. They are written to a
    temporary folder inside ``output_dir`` and moved into it only once everything succeeded;
    on any failure none is left. ``_files.jsonl`` (written last) maps each file index to its
    source and line count. ``output_dir`` must not hold shards already (E224), and
    every node must see it at the same path (a shared file system).

    on_error="stop": raises :class:`AnnotateInputError` with the message of the first bad
    line in input order (``(file, line)``), like single-process annotate, and writes no
    shard (every line is tagged first: batches run in parallel). Other failures in the
    actors (a model that does not load, E005) raise their :class:`ElmanError`.
    Other options: :func:`annotate_dataset`.
    """
    if shard_lines < 1:
        raise ElmanError(Errors.E206.format(option="shard_lines", minimum=1, value=shard_lines))
    _check_options(fmt, on_error, max_length)
    import_ray()
    check_pipeline_dir(model_path)
    files = _files(inputs)  # fail before creating the output folder
    out = _prepare_output_dir(output_dir)
    tmp = out / f"{TMP_PREFIX}{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        dataset = annotate_dataset(
            model_path,
            files,
            fmt=fmt,
            on_error="skip",  # stop mode: the first bad line in input order is found below
            workers=workers,
            gpus_per_worker=gpus_per_worker,
            cpus_per_worker=cpus_per_worker,
            batch_size=batch_size,
            max_length=max_length,
            address=address,
        )
        written = dataset.map_batches(
            _write_shards,
            batch_size=shard_lines,
            batch_format="pyarrow",
            fn_kwargs={"tmp_dir": str(tmp)},
            num_cpus=0,
        )
        try:
            meta = written.take_all()
        except Exception as err:
            elman = _unwrap(err)
            if elman is None:
                raise
            raise ElmanError(str(elman)) from None
        meta.sort(key=lambda row: (row["file"], row["first"]))
        stats = DistributedStats(files=len({row["file"] for row in meta}))
        samples: List[Tuple[int, int, str]] = []
        for row in meta:
            stats.lines += int(row["lines"])
            stats.errors += int(row["errors"])
            for number, message in json.loads(row["samples"]):
                samples.append((int(row["file"]), int(number), str(message)))
        samples.sort()
        stats.docs = stats.lines - stats.errors
        stats.error_samples = [message for _, _, message in samples[:MAX_ERROR_SAMPLES]]
        if on_error == "stop" and samples:
            _, number, message = samples[0]
            raise AnnotateInputError(message, line=number)
        lines_of: Dict[int, int] = {}
        for row in meta:
            lines_of[int(row["file"])] = lines_of.get(int(row["file"]), 0) + int(row["lines"])
        with open(tmp / INDEX_NAME, "w", encoding="utf-8", newline="\n") as index:
            for f in files:  # which file each shard's FFFFFFFF is, so every line has its source
                entry = {"file": f.index, "source": f.source, "lines": lines_of.get(f.index, 0)}
                index.write(json.dumps(entry, ensure_ascii=False) + "\n")
        for row in meta:
            os.replace(tmp / row["shard"], out / row["shard"])
            stats.shards.append(str(out / row["shard"]))
        os.replace(tmp / INDEX_NAME, out / INDEX_NAME)
        return stats
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
