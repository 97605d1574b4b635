"""Stream raw text or JSONL through a trained pipeline and write one JSON line per input line.

Layers, from pure to impure:

- :func:`process_batch` turns ``(line number, raw bytes)`` pairs into output JSON lines. It does
  no I/O and keeps no state (Ray or multiprocessing workers call it), and runs the batch's
  valid documents through one ``nlp.pipe`` call inside ``nlp.memory_zone()``, so the strings
  and lexemes of a batch are freed with it and a long stream does not grow the vocab.
- :func:`annotate_stream` reads an input stream lazily in batches, writes and flushes each
  batch's lines as soon as they are done (memory stays flat however long the input is), with
  optional worker processes, a progress display and the error policy. Its first batches run
  outside the memory zone until the vocab has grown by ``KEEP_LEXEMES`` lexemes: the stream's
  frequent words then keep their lexemes and tokenizer-cache entries, which spaCy otherwise
  rebuilds in every zone. On a pipe or terminal a batch is also cut once its first line has
  waited ``max_wait`` seconds (:func:`~spacy_elman.streaming.timed_chunk_batches`, fed a
  list of lines per read), so a live stream gets each result promptly.
- :func:`annotate_files` opens paths (``-``: stdin/stdout) for the ``spacy-elman annotate`` CLI.

Output records: the input record (``jsonl``) or ``{"text": ...}`` (``text``) plus
``"ents": [{"start", "end", "label", "text", "score"}]``. ``start``/``end`` are character
(code point) offsets into ``text``, so ``text[start:end] == ent["text"]``; ``score`` is the
entity's confidence from ``doc.spans[spans_key].attrs["scores"]``, rounded to 4 places (null
for an entity that another component set). A bad line with ``on_error="skip"`` gives
``{"line": N, "error": ...}``,
so output line N always belongs to input line N.
"""

import io
import itertools
import json
import os
import signal
import stat
import sys
import tempfile
import threading
from collections import deque
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import (
    IO,
    Any,
    BinaryIO,
    Deque,
    Dict,
    Iterable,
    Iterator,
    List,
    Optional,
    Sequence,
    TextIO,
    Tuple,
    Union,
)

from spacy.language import Language

from .errors import ElmanError, Errors
from .loading import check_pipeline_dir, find_component, load_pipeline
from .streaming import DEFAULT_MAX_WAIT, size_batches, timed_chunk_batches

FORMATS = ("text", "jsonl")
ON_ERROR = ("stop", "skip")
# Most lines per nlp.pipe call. 2048, twice nlp.pipe's default: a bigger batch gives the
# length buckets more to choose from and pays the per-batch costs (memory zone, one TF call
# per bucket) half as often. bench/bench_annotate.py, sentence text from a file, three runs:
# 2048 lines at 0.97-1.09 of nlp.pipe's tokens/s, 1000 at 0.91-0.99, 256 at 0.64-0.70.
# Live streams are served by max_wait, which cuts a batch early, not by small batches.
DEFAULT_BATCH_SIZE = 2048
DEFAULT_MAX_LENGTH = 1_000_000
# A UTF-8 character takes at most 4 bytes: a text line longer than 4 * max_length bytes is too
# long whatever it holds, and is never read whole (see _LineReader).
UTF8_MAX_BYTES = 4
# Most bytes one read of the input takes. Lines are handed on in lists, one list per read,
# so a fast pipe costs one hand-off to the batching thread per 16 KiB, not one per line
# (~2.2 us each: one-token lines through a pipe ran at 0.84 of nlp.pipe with per-line reads).
# Small enough that the lists read ahead (streaming.READ_AHEAD_CHUNKS) stay small: a line
# read is ~120 bytes of Python objects, and 32 lists of 64 KiB of one-token lines added
# 48 MiB to the peak RSS of `seq 1 1000000 | spacy-elman annotate`.
READ_BYTES = 1 << 14
MAX_ERROR_SAMPLES = 5
# annotate_stream keeps the words of its first batches for good (no memory zone) until the
# vocab has grown by this many lexemes. Inside a zone spaCy creates a lexeme for every word
# and caches no tokenization, batch after batch: that made the CLI run at 0.62 of nlp.pipe's
# speed (bench/bench_annotate.py). The frequent words of a stream come early (Zipf), and
# 50,000 lexemes (with their strings and cache entries) cost about 25 MiB, once.
KEEP_LEXEMES = 50_000
STDIO = "-"
BOM = b"\xef\xbb\xbf"

Line = Tuple[int, bytes]


class AnnotateInputError(ElmanError):
    """A bad input line under ``on_error="stop"``.

    ``line`` is its 1-based number; ``completed`` holds the output lines of the lines before it
    in the same batch, so a caller can write them before stopping (nothing valid is lost).
    """

    def __init__(self, message: str, line: int = 0, completed: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.line = line
        self.completed = list(completed)


@dataclass
class AnnotateStats:
    """What a stream run did. ``error_samples``: the first few error messages (skip mode)."""

    lines: int = 0
    docs: int = 0
    entities: int = 0
    errors: int = 0
    error_samples: List[str] = field(default_factory=list)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`annotate_stream`; ``stats`` counts the lines written before it.

    The output holds only complete lines: each batch is written and flushed as a whole.
    """

    def __init__(self, stats: AnnotateStats) -> None:
        super().__init__(f"interrupted after {stats.lines} lines")
        self.stats = stats


@dataclass
class _BatchResult:
    lines: List[str]
    docs: int = 0
    entities: int = 0
    errors: List[str] = field(default_factory=list)


# -- one batch: pure -----------------------------------------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _parse_line(
    number: int, raw: bytes, fmt: str, source: str, max_length: int
) -> Tuple[Optional[Dict[str, Any]], str, Optional[str]]:
    """``(record, text, None)`` for a usable line, ``(None, "", message)`` for a bad one."""
    where = {"source": source, "line": number}
    if raw.endswith(b"\n"):  # lines straight from readline()/readlines(); _LineReader strips
        raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
    if fmt == "text" and len(raw) > UTF8_MAX_BYTES * max_length:
        size = UTF8_MAX_BYTES * max_length
        return None, "", Errors.E216.format(**where, size=size, max_length=max_length)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        detail = f"byte 0x{raw[err.start]:02x} at byte offset {err.start}: {err.reason}"
        return None, "", Errors.E214.format(**where, detail=detail)
    if fmt == "text":
        record: Dict[str, Any] = {"text": line}
    elif not line.strip():
        record = {"text": ""}  # an empty line in a JSONL file: an empty document
    else:
        try:
            record = json.loads(line)
        except RecursionError:
            return None, "", Errors.E210.format(**where, detail="nested too deeply")
        except ValueError as err:  # JSONDecodeError, or an integer with too many digits
            return None, "", Errors.E210.format(**where, detail=err)
        if not isinstance(record, dict):
            return None, "", Errors.E211.format(**where, found=_json_type(record))
        if "text" not in record:
            keys = ", ".join(repr(k) for k in list(record)[:10]) or "none"
            return None, "", Errors.E212.format(**where, keys=keys)
        if not isinstance(record["text"], str):
            return None, "", Errors.E213.format(**where, found=_json_type(record["text"]))
        try:
            if not record["text"].isascii():
                record["text"].encode("utf-8")
        except UnicodeEncodeError as err:  # "\ud800" in JSON: spaCy cannot tokenize it
            char = f"\\u{ord(record['text'][err.start]):04x}"
            return None, "", Errors.E217.format(**where, char=char, index=err.start)
    text = record["text"]
    if len(text) > max_length:
        return None, "", Errors.E215.format(**where, length=len(text), max_length=max_length)
    return record, text, None


def _entities(doc, text: str, spans_key: Optional[str]) -> List[Dict[str, Any]]:
    ents = doc.ents  # a new tuple of Spans on each access: read it once
    if not ents:
        return []
    scores: Dict[Tuple[int, int, str], float] = {}
    if spans_key and spans_key in doc.spans:
        group = doc.spans[spans_key]
        for span, score in zip(group, group.attrs.get("scores", [])):
            # 4 places, as spaCy's scorer output: more digits carry no information
            scores[(span.start_char, span.end_char, span.label_)] = round(float(score), 4)
    found = []
    for ent in ents:
        start, end, label = ent.start_char, ent.end_char, ent.label_
        found.append(
            {
                "start": start,
                "end": end,
                "label": label,
                "text": text[start:end],
                "score": scores.get((start, end, label)),
            }
        )
    return found


# One encoder for every line: json.dumps with a keyword builds a new JSONEncoder per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_ENCODE_ASCII = json.JSONEncoder(ensure_ascii=True).encode


def _dumps(record: Dict[str, Any], fmt: str) -> str:
    out = _ENCODE(record)
    if fmt == "jsonl" and not out.isascii():
        # JSON input may carry lone surrogates ("\ud800"), which cannot be written as UTF-8:
        # escape such a record entirely (still valid JSON, same value).
        try:
            out.encode("utf-8")
        except UnicodeEncodeError:
            out = _ENCODE_ASCII(record)
    return out


def _annotate_batch(
    nlp: Language,
    lines: Sequence[Line],
    *,
    fmt: str,
    on_error: str,
    source: str,
    max_length: int,
    zone: bool = True,
) -> _BatchResult:
    """Annotate one batch; ``zone=False`` keeps its new strings in the vocab (warm-up)."""
    parsed: List[Tuple[int, Optional[Dict[str, Any]], str, Optional[str]]] = []
    stop: Optional[Tuple[int, str]] = None
    for number, raw in lines:
        record, text, error = _parse_line(number, raw, fmt, source, max_length)
        if error is not None and on_error == "stop":
            stop = (number, error)
            break
        parsed.append((number, record, text, error))
    todo = [
        i for i, (_, record, text, _) in enumerate(parsed) if record is not None and text.strip()
    ]
    result = _BatchResult(lines=[])
    ents: Dict[int, List[Dict[str, Any]]] = {}
    in_zone = zone and not nlp.vocab.in_memory_zone
    with nlp.memory_zone() if in_zone else nullcontext():  # freed on exit: serialize inside
        if todo:
            spans_key = nlp.get_pipe(find_component(nlp)).cfg.get("spans_key")
            # nlp.tokenizer, not nlp.make_doc: the length limit is ours (max_length), checked
            # above, whatever nlp.max_length says.
            docs = nlp.pipe((nlp.tokenizer(parsed[i][2]) for i in todo), batch_size=len(todo))
            for i, doc in zip(todo, docs):
                ents[i] = _entities(doc, parsed[i][2], spans_key)
        for i, (number, record, _, error) in enumerate(parsed):
            if record is None:
                result.errors.append(error or "")
                result.lines.append(json.dumps({"line": number, "error": error}))
                continue
            record["ents"] = ents.get(i, [])
            result.docs += 1
            result.entities += len(record["ents"])
            result.lines.append(_dumps(record, fmt))
    if stop is not None:
        raise AnnotateInputError(stop[1], line=stop[0], completed=result.lines)
    return result


def _check_options(fmt: str, on_error: str, max_length: int) -> None:
    if fmt not in FORMATS:
        raise ElmanError(Errors.E205.format(option="format", value=fmt, options=", ".join(FORMATS)))
    if on_error not in ON_ERROR:
        options = ", ".join(ON_ERROR)
        raise ElmanError(Errors.E205.format(option="on-error", value=on_error, options=options))
    if max_length < 1:
        raise ElmanError(Errors.E206.format(option="max_length", minimum=1, value=max_length))


def process_batch(
    nlp: Language,
    lines: Sequence[Line],
    *,
    fmt: str = "text",
    on_error: str = "stop",
    source: str = "<input>",
    max_length: int = DEFAULT_MAX_LENGTH,
) -> List[str]:
    """Annotate one batch: one output JSON line (no newline) per ``(line number, bytes)`` pair.

    fmt: "text" (a line is a document) or "jsonl" (a line is ``{"text": ..., ...}``; other
        keys pass through, an existing "ents" key is replaced).
    on_error: "stop" raises :class:`AnnotateInputError` ("[E2xx] source:line: problem") at the
        first bad line; "skip" gives ``{"line": N, "error": "..."}`` for it and goes on.
    max_length: the most characters a text may have (longer: a bad line).

    Pure: no I/O, no global state; ``nlp`` is only used to tag (inside a memory zone, so its
    vocab is left as it was). Raw bytes may end with "\\n" or "\\r\\n"; empty lines and
    whitespace-only texts give a record with ``"ents": []``.
    """
    _check_options(fmt, on_error, max_length)
    return _annotate_batch(
        nlp, lines, fmt=fmt, on_error=on_error, source=source, max_length=max_length
    ).lines


# -- reading and writing -------------------------------------------------------------------------


class _LineReader:
    """Iterate ``(line number, bytes without the line end)`` lazily; counts bytes read.

    Lines end at b"\\n" only (so "\\r", "\\x1c" or U+2028 inside a text stay in it); a final
    "\\r\\n" is removed too, and a UTF-8 byte-order mark at the start of the input. With
    ``cap``, a longer line is not kept: its first ``cap + 8`` bytes stand for it (still too
    long once a line end or byte-order mark is removed) and the rest is dropped as it is read.
    """

    def __init__(self, stream: IO[bytes], cap: Optional[int] = None) -> None:
        self.stream = stream
        self.cap = cap
        self.bytes_read = 0

    def __iter__(self) -> Iterator[Line]:
        return itertools.chain.from_iterable(self.chunks())

    def chunks(self) -> Iterator[List[Line]]:
        """Lists of lines, one list per read: the lines that read completed.

        One read takes what the stream has ready (``read1``), at most ``READ_BYTES``: from a
        pipe, every line that has arrived, without waiting for more.
        """
        read = getattr(self.stream, "read1", None) or self.stream.read
        keep = self.cap + 8 if self.cap else None  # bytes kept of an over-long line
        number = 0
        held: List[bytes] = []  # the start of a line whose end has not been read yet
        held_bytes = 0
        over = False  # the held line is over-long: held is its first `keep` bytes
        while True:
            data = read(READ_BYTES)
            if isinstance(data, str):
                raise TypeError(
                    "annotate_stream needs a binary input stream (e.g. sys.stdin.buffer)"
                )
            if not data:
                break
            self.bytes_read += len(data)
            parts = data.split(b"\n")
            last = parts.pop()
            if parts:
                if not over:
                    held.append(parts[0])
                parts[0] = b"".join(held)
                if b"\r" in data or b"\r" in parts[0][-1:]:
                    parts = [p[:-1] if p.endswith(b"\r") else p for p in parts]
                if keep and held_bytes + len(data) > keep:
                    parts = [p[:keep] for p in parts]
                if number == 0 and parts[0].startswith(BOM):
                    parts[0] = parts[0][len(BOM) :]
                yield list(zip(range(number + 1, number + len(parts) + 1), parts))
                number += len(parts)
                held, held_bytes, over = [], 0, False
            if last and not over:
                held.append(last)
                held_bytes += len(last)
                if keep and held_bytes > keep:
                    held, held_bytes, over = [b"".join(held)[:keep]], keep, True
        if held:
            raw = b"".join(held)
            yield [(number + 1, raw[len(BOM) :] if number == 0 and raw.startswith(BOM) else raw)]


def _never_waits(stream: IO[bytes]) -> bool:
    """True for a regular file or an in-memory buffer: its next line is always ready."""
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _input_batches(
    reader: _LineReader,
    stream: IO[bytes],
    batch_size: int,
    max_wait: Optional[float],
    idle_tick: Optional[float] = None,
) -> Iterator[List[Line]]:
    """Batches by size from a file; by size or ``max_wait`` from a pipe or terminal."""
    if max_wait is None or _never_waits(stream):
        return size_batches(reader, batch_size)
    return timed_chunk_batches(reader.chunks(), batch_size, max_wait, idle_tick=idle_tick)


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C back while a batch is written, so the output never ends mid-line."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: List[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received and previous is not signal.SIG_IGN:
        raise KeyboardInterrupt


def _output_name(output: IO[str]) -> str:
    name = getattr(output, "name", None)
    return name if isinstance(name, str) else "<output>"


def _emit(output: TextIO, get_result, stats: AnnotateStats) -> None:
    """Write one batch (all lines, then flush), or what precedes a stop error, then raise it.

    Ctrl-C is held back while the lines are written and counted, so ``stats.lines`` is
    always the number of lines in the output, and the output never ends mid-line.
    """
    try:
        result = get_result()
    except AnnotateInputError as err:
        with _sigint_deferred():
            _write(output, err.completed)
            stats.lines += len(err.completed)
            stats.docs += len(err.completed)  # stop mode: no error records before the error
        raise
    with _sigint_deferred():
        _write(output, result.lines)
        stats.lines += len(result.lines)
        stats.docs += result.docs
        stats.entities += result.entities
        stats.errors += len(result.errors)
        room = MAX_ERROR_SAMPLES - len(stats.error_samples)
        stats.error_samples.extend(result.errors[: max(room, 0)])


def _write(output: TextIO, lines: Sequence[str]) -> None:
    if not lines:
        return
    try:
        output.write("".join(f"{line}\n" for line in lines))
        output.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): the caller decides
    except OSError as err:  # disk full, I/O error
        raise ElmanError(Errors.E209.format(path=_output_name(output), detail=err)) from None


# -- progress ------------------------------------------------------------------------------------


def _input_size(stream: IO[bytes]) -> Optional[int]:
    """The size of a regular input file (for a progress bar), else None."""
    try:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        return max(info.st_size - stream.tell(), 0) or None
    except (AttributeError, OSError, ValueError):
        return None


class _Progress:
    """A rich progress display on stderr: lines, entities, rate; a bar when the size is known."""

    def __init__(self, total: Optional[int]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        columns: List[Any] = [SpinnerColumn(), TextColumn("annotating")]
        if total:
            columns += [BarColumn(), TextColumn("{task.percentage:>3.0f}%")]
        columns += [
            TextColumn("{task.fields[lines]:,} lines, {task.fields[ents]:,} entities"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
        ]
        self.progress = Progress(*columns, console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("annotate", total=total, lines=0, ents=0, rate="")

    def __enter__(self) -> "_Progress":
        self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.progress.stop()

    def update(self, stats: AnnotateStats, done_bytes: int) -> None:
        task = self.progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{stats.lines / elapsed:,.0f} lines/s" if elapsed > 0 else ""
        self.progress.update(
            self.task, completed=done_bytes, lines=stats.lines, ents=stats.entities, rate=rate
        )


class _KeepWords:
    """Whether the next batch may keep its words: until the vocab has grown by KEEP_LEXEMES.

    ``len(vocab)`` counts every lexeme ever made, also those a memory zone freed, so once the
    budget is spent it stays spent.
    """

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.start = len(self.vocab)

    def __call__(self) -> bool:
        return len(self.vocab) - self.start < KEEP_LEXEMES


# -- worker processes ----------------------------------------------------------------------------

_WORKER: Dict[str, Any] = {}


def _worker_init(path: str, device: Optional[str], max_length: int) -> None:
    """Pool initializer: load the pipeline once per worker process.

    An exception here would only break the pool with a generic message, so it is kept and
    raised by the worker's first task instead (e.g. E005 for corrupted weights).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        nlp = load_pipeline(path, device=device)
        nlp.max_length = max_length
        _WORKER["nlp"] = nlp
        _WORKER["keep"] = _KeepWords(nlp)
    except Exception as err:
        _WORKER["error"] = err if isinstance(err, ElmanError) else ElmanError(str(err))


def _worker_run(lines: List[Line], fmt: str, on_error: str, source: str, max_length: int):
    if "error" in _WORKER:
        raise _WORKER["error"]
    nlp, keep = _WORKER["nlp"], _WORKER["keep"]
    options = {"fmt": fmt, "on_error": on_error, "source": source, "max_length": max_length}
    return _annotate_batch(nlp, lines, zone=not keep(), **options)


@contextmanager
def _sigint_ignored(active: bool = True) -> Iterator[None]:
    """Ignore Ctrl-C for a moment (processes started meanwhile inherit it across exec)."""
    if not active or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Workers:
    """``n`` "spawn" worker processes, each loading the pipeline once.

    A worker that dies (killed, out of memory) breaks the pool: the waiting batch raises E218
    instead of hanging. :meth:`abort` stops the workers at once (errors, Ctrl-C, ``| head``).
    """

    def __init__(self, n: int, path: str, device: Optional[str], max_length: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.n = n
        self.submitted = 0
        self.executor = ProcessPoolExecutor(
            n,
            mp_context=multiprocessing.get_context("spawn"),  # TensorFlow does not survive fork
            initializer=_worker_init,
            initargs=(path, device, max_length),
        )

    def submit(self, *args: Any):
        # Workers are started by the first n submits: start them with Ctrl-C ignored, so a
        # Ctrl-C while they import TensorFlow prints no traceback from them (the parent stops
        # them).
        with _sigint_ignored(self.submitted < self.n):
            future = self.executor.submit(_worker_run, *args)
        self.submitted += 1
        return future

    def close(self) -> None:
        self.executor.shutdown(wait=True)

    def abort(self) -> None:
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        for process in processes:
            if process.is_alive():
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _worker_death_as_e218(stats: AnnotateStats) -> Iterator[None]:
    """A dead worker breaks the pool: its next submit or result raises E218, not a hang."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield
    except BrokenProcessPool:
        raise ElmanError(Errors.E218.format(lines=stats.lines)) from None


def _result(future: Any, stats: AnnotateStats) -> _BatchResult:
    with _worker_death_as_e218(stats):
        return future.result()


# -- the stream ----------------------------------------------------------------------------------


def annotate_stream(
    model: Union[Language, str, Path],
    input: BinaryIO,
    output: TextIO,
    *,
    fmt: str = "text",
    on_error: str = "stop",
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_wait: Optional[float] = DEFAULT_MAX_WAIT,
    n_process: int = 1,
    max_length: int = DEFAULT_MAX_LENGTH,
    progress: bool = False,
    source: str = "<stdin>",
    device: Optional[str] = None,
) -> AnnotateStats:
    """Annotate every line of the binary stream ``input``, writing JSON lines to ``output``.

    model: a loaded pipeline, or the path of one (loaded with :func:`load_pipeline` on
        ``device``; its ``nlp.max_length`` is set to ``max_length``).
    batch_size: lines per batch; each batch is tagged with one ``nlp.pipe`` call, then written
        and flushed. Memory does not grow with the input: lines are read lazily and nothing
        is kept once written.
    max_wait: on a pipe or terminal, also cut a batch once its first line has waited this
        many seconds, so each line's result is out within about ``max_wait`` plus the time to
        tag it (``tail -f log | spacy-elman annotate``). None: cut by size only. A regular
        file never waits, so it is batched by size alone.
    n_process: > 1 runs batches in that many "spawn" worker processes, each loading the model
        once; output order is kept and at most ``2 * n_process`` batches are in flight.
    progress: show a progress display on stderr (only drawn when stderr is a terminal).
    source: the input's name in error messages ("source:line: problem").

    Raises :class:`AnnotateInputError` (on_error="stop"; the lines before the bad one are
    written first), :class:`ElmanError` (model, options, output), :class:`Interrupted` on
    Ctrl-C (only whole lines written), and BrokenPipeError when the reader of ``output`` went
    away (the caller decides what that means).
    """
    _check_options(fmt, on_error, max_length)
    for option, value in (("batch_size", batch_size), ("n_process", n_process)):
        if value < 1:
            raise ElmanError(Errors.E206.format(option=option, minimum=1, value=value))
    if max_wait is not None and not max_wait >= 0:  # also rejects NaN
        raise ElmanError(Errors.E206.format(option="max_wait", minimum=0, value=max_wait))
    stats = AnnotateStats()
    reader = _LineReader(input, cap=UTF8_MAX_BYTES * max_length if fmt == "text" else None)
    options = {"fmt": fmt, "on_error": on_error, "source": source, "max_length": max_length}
    try:
        nlp: Optional[Language] = None
        if n_process == 1:
            if isinstance(model, Language):
                nlp = model
                find_component(nlp)
            else:
                nlp = load_pipeline(model, device=device)
                nlp.max_length = max_length
        show = progress and sys.stderr is not None and sys.stderr.isatty()
        bar = _Progress(_input_size(input)) if show else None  # after loading: a fair rate
        with bar or nullcontext():
            if nlp is not None:
                keep = _KeepWords(nlp)
                for batch in _input_batches(reader, input, batch_size, max_wait):
                    zone = not keep()
                    _emit(
                        output,
                        lambda b=batch, z=zone: _annotate_batch(nlp, b, zone=z, **options),
                        stats,
                    )
                    if bar:
                        bar.update(stats, reader.bytes_read)
            else:
                # While no line arrives, wake every max_wait to write batches that finished.
                batches = _input_batches(reader, input, batch_size, max_wait, idle_tick=max_wait)
                _annotate_parallel(
                    model, batches, reader, output, stats, bar, options, n_process, device
                )
    except KeyboardInterrupt as err:
        raise Interrupted(stats) from err
    return stats


def _annotate_parallel(
    model: Union[Language, str, Path],
    batches: Iterable[List[Line]],
    reader: _LineReader,
    output: TextIO,
    stats: AnnotateStats,
    bar: Optional[_Progress],
    options: Dict[str, Any],
    n_process: int,
    device: Optional[str],
) -> None:
    """Tag ``batches`` in worker processes; write results in input order as they finish.

    An empty batch (an idle tick of :func:`timed_chunk_batches`) only writes what is done.
    """
    window = 2 * n_process
    with ExitStack() as stack:
        if isinstance(model, Language):
            find_component(model)
            path = stack.enter_context(tempfile.TemporaryDirectory(prefix="spacy-elman-"))
            model.to_disk(path)
        else:
            path = str(model)
            check_pipeline_dir(path)  # fail before starting workers; they do the full load
        workers = _Workers(n_process, path, device, options["max_length"])
        pending: Deque[Tuple[Any, int]] = deque()  # (future, input bytes read), in order

        def emit_oldest() -> None:
            future, done_bytes = pending.popleft()
            _emit(output, lambda: _result(future, stats), stats)
            if bar:
                bar.update(stats, done_bytes)

        try:
            for batch in batches:
                if batch:
                    args = (batch, options["fmt"], options["on_error"], options["source"])
                    with _worker_death_as_e218(stats):
                        future = workers.submit(*args, options["max_length"])
                    pending.append((future, reader.bytes_read))
                while pending and (len(pending) >= window or pending[0][0].done()):
                    emit_oldest()
            while pending:
                emit_oldest()
        except BaseException:  # an input error, Ctrl-C, a broken pipe: stop the workers now
            workers.abort()
            raise
        workers.close()


# -- files (the CLI) -----------------------------------------------------------------------------


def annotate_files(
    model: Union[str, Path],
    input_path: Union[str, Path] = STDIO,
    output_path: Union[str, Path, None] = None,
    **options: Any,
) -> AnnotateStats:
    """:func:`annotate_stream` on paths: ``-`` (or None for the output) is stdin/stdout.

    The output file is written incrementally, batch by batch.
    """
    with ExitStack() as stack:
        if str(input_path) == STDIO:
            stream: IO[bytes] = _private_stdin()
            source = "<stdin>"
        else:
            try:
                stream = stack.enter_context(open(input_path, "rb"))
            except OSError as err:
                raise ElmanError(
                    Errors.E207.format(path=input_path, detail=_os_detail(err))
                ) from None
            source = str(input_path)
        if output_path is None or str(output_path) == STDIO:
            out: TextIO = sys.stdout
            if (getattr(out, "encoding", None) or "").lower().replace("-", "") != "utf8":
                reconfigure = getattr(out, "reconfigure", None)
                if reconfigure is not None:
                    reconfigure(encoding="utf-8")
        else:
            out = stack.enter_context(_LazyOutput(output_path))
        stats = annotate_stream(model, stream, out, source=source, **options)
        out.write("")  # an empty input still gives an (empty) output file
        return stats


def _private_stdin() -> IO[bytes]:
    """Standard input as a binary stream of its own (over a duplicate of file descriptor 0).

    A pipe or terminal is read by a daemon thread (:func:`timed_chunk_batches`). Were it to
    block in ``sys.stdin.buffer.read1()``, it would hold that object's lock when the interpreter
    exits after Ctrl-C, and Python aborts ("could not acquire lock ... at interpreter
    shutdown"). A private reader keeps ``sys.stdin`` free. Nothing has been read from
    ``sys.stdin`` before, so no buffered input is lost. It is not closed here: a reader thread
    may still block in it; it closes when the last reference to it goes.
    """
    try:
        return os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    except (AttributeError, OSError, ValueError):  # no real stdin (e.g. under a test runner)
        return sys.stdin.buffer


class _LazyOutput(io.TextIOBase):
    """A UTF-8 output file opened on the first write.

    A run that fails before it has anything to write (a bad model, a bad first line) leaves
    an existing file untouched instead of truncating it.
    """

    def __init__(self, path: Union[str, Path]) -> None:
        super().__init__()
        self.path = path
        self.file: Optional[TextIO] = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return str(self.path)

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.file is None:
            try:
                self.file = open(self.path, "w", encoding="utf-8", newline="\n")
            except OSError as err:
                detail = _os_detail(err)
                raise ElmanError(Errors.E209.format(path=self.path, detail=detail)) from None
        return self.file.write(text)

    def flush(self) -> None:
        if self.file is not None:
            self.file.flush()

    def close(self) -> None:
        super().close()  # flushes
        if self.file is not None:
            self.file.close()


def _os_detail(err: OSError) -> str:
    return err.strerror or str(err)


def format_summary(stats: AnnotateStats) -> str:
    """The stderr summary of skipped lines (on_error="skip")."""
    head = (
        f"skipped {stats.errors:,} of {stats.lines:,} lines with errors "
        f'(written as {{"line": N, "error": ...}}); '
    )
    head += "the first:" if stats.errors > len(stats.error_samples) else "they are:"
    more = stats.errors - len(stats.error_samples)
    lines = [head, *(f"  {message}" for message in stats.error_samples)]
    if more > 0:
        lines.append(f"  ... and {more:,} more")
    return "\n".join(lines)
