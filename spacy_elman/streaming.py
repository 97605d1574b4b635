"""Batches cut by size *or* by time, so that a slow, live stream still gets prompt results.

spaCy's ``nlp.pipe(texts, batch_size=1000)`` waits for 1,000 texts before it yields the first
doc: right for a file, wrong for ``tail -f`` or a chat feed. :func:`timed_batches` reads the
items in a background thread and cuts a batch when it is full, or when its first item has
waited ``max_wait`` seconds, whichever comes first. A fast source still fills whole batches
(batched speed); a slow one gets each item out within ``max_wait`` plus the tagging time.

:func:`pipe_stream` is the spaCy-level helper built on it. ``spacy-elman annotate`` uses
:func:`timed_chunk_batches` for pipes and terminals: the same batching, fed a list of lines
per read, one hand-off to the thread per read instead of per line (a regular file never
waits, so it is batched by size alone).
"""

import itertools
import queue
import threading
import time
from typing import Any, Iterable, Iterator, List, Optional, TypeVar

from spacy.language import Language

from .errors import ElmanError, Errors

T = TypeVar("T")

# Seconds a batch's first item may wait for more items before the batch is cut.
# bench/bench_annotate.py, annotate at 1 line/s: 66 ms p50 / 84 ms max latency (0.01: 21 ms
# p50, 0.2: 143 ms p50 at 100 lines/s); a fast source still fills whole batches: the timed
# path tags as many tokens per CPU-second as batching by size alone.
DEFAULT_MAX_WAIT = 0.05
# Items read ahead of the consumer, per item of batch size: bounds memory on a fast source.
READ_AHEAD_BATCHES = 2
# Lists read ahead by timed_chunk_batches (annotate: one list per read of at most 16 KiB,
# so at most 128 KiB of input, ~18,000 one-token lines or ~900 sentences).
READ_AHEAD_CHUNKS = 8
# While nothing arrives, the reader thread checks this often whether it should stop.
_POLL_S = 0.1


class _End:
    """The end of the items, or the exception that stopped the reader thread."""

    def __init__(self, error: Optional[BaseException] = None) -> None:
        self.error = error


def _check(batch_size: int, max_wait: Optional[float]) -> None:
    if batch_size < 1:
        raise ElmanError(Errors.E206.format(option="batch_size", minimum=1, value=batch_size))
    if max_wait is not None and not max_wait >= 0:  # also rejects NaN
        raise ElmanError(Errors.E206.format(option="max_wait", minimum=0, value=max_wait))


def size_batches(items: Iterable[T], batch_size: int) -> Iterator[List[T]]:
    """Yield lists of ``batch_size`` items (the last one may be shorter)."""
    batch: List[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def timed_batches(
    items: Iterable[T],
    batch_size: int,
    max_wait: Optional[float] = DEFAULT_MAX_WAIT,
    *,
    idle_tick: Optional[float] = None,
) -> Iterator[List[T]]:
    """Yield lists of at most ``batch_size`` items, in order, cut by size or by time.

    A batch is cut when it is full, or once its first item has waited ``max_wait`` seconds
    (then it also takes the items already read, without waiting for more). ``max_wait=None``
    batches by size alone, as ``nlp.pipe`` does. The items are read by a daemon thread, at
    most ``READ_AHEAD_BATCHES * batch_size`` ahead; an exception raised by ``items`` is raised
    here, in order. ``idle_tick`` (seconds): while no item arrives, yield an empty list that
    often, so a caller can do other work (e.g. write results that finished meanwhile).
    """
    _check(batch_size, max_wait)
    if max_wait is None:
        return size_batches(items, batch_size)
    chunks = ([item] for item in items)
    return _timed(chunks, batch_size, max_wait, idle_tick, READ_AHEAD_BATCHES * batch_size)


def timed_chunk_batches(
    chunks: Iterable[List[T]],
    batch_size: int,
    max_wait: Optional[float] = DEFAULT_MAX_WAIT,
    *,
    idle_tick: Optional[float] = None,
) -> Iterator[List[T]]:
    """:func:`timed_batches` for a source that yields lists of items, e.g. one per read.

    The reader thread hands each list on whole: one queue hand-off per list, not per item
    (~2 us each). Items that arrive in one list wait together: each list should hold only
    what was ready at once. At most ``READ_AHEAD_CHUNKS`` lists are read ahead.
    """
    _check(batch_size, max_wait)
    if max_wait is None:
        return size_batches(itertools.chain.from_iterable(chunks), batch_size)
    return _timed(iter(chunks), batch_size, max_wait, idle_tick, READ_AHEAD_CHUNKS)


def _timed(
    chunks: Iterator[List[T]],
    batch_size: int,
    max_wait: float,
    idle_tick: Optional[float],
    read_ahead: int,
) -> Iterator[List[T]]:
    """Batches cut by size or by time from lists of items read by a daemon thread."""
    inbox: queue.Queue[Any] = queue.Queue(maxsize=read_ahead)
    stop = threading.Event()
    reader = threading.Thread(
        target=_read_into, args=(chunks, inbox, stop), name="spacy-elman-reader", daemon=True
    )
    reader.start()
    held: List[T] = []  # items of the last list read that did not fit in the last batch
    try:
        while True:
            if not held:
                try:
                    first = inbox.get(timeout=idle_tick)
                except queue.Empty:
                    yield []
                    continue
                if isinstance(first, _End):
                    _finish(first)
                    return
                held = first
            batch, held = held[:batch_size], held[batch_size:]
            deadline = time.monotonic() + max_wait
            end: Optional[_End] = None
            while len(batch) < batch_size:
                try:  # a fast source: items are waiting, take them without a timed wait
                    chunk = inbox.get_nowait()
                except queue.Empty:
                    left = deadline - time.monotonic()
                    try:
                        chunk = inbox.get(timeout=left) if left > 0 else inbox.get_nowait()
                    except queue.Empty:
                        break
                if isinstance(chunk, _End):
                    end = chunk
                    break
                room = batch_size - len(batch)
                batch.extend(chunk[:room])
                held = chunk[room:]
            if batch:
                yield batch
            if end is not None:
                _finish(end)
                return
    finally:
        stop.set()


def _finish(end: _End) -> None:
    if end.error is not None:
        raise end.error


def _read_into(items: Iterable[Any], inbox: "queue.Queue[Any]", stop: threading.Event) -> None:
    """The reader thread: put each item, then an :class:`_End`, unless told to stop."""

    def put(value: Any) -> bool:
        try:
            inbox.put_nowait(value)  # the common case: room in the queue
            return True
        except queue.Full:
            pass
        while not stop.is_set():
            try:
                inbox.put(value, timeout=_POLL_S)
                return True
            except queue.Full:
                continue
        return False

    try:
        for item in items:
            if not put(item):
                return
    except BaseException as err:  # handed to the consumer, raised there in order
        put(_End(err))
        return
    put(_End())


def pipe_stream(
    nlp: Language,
    texts: Iterable[Any],
    *,
    batch_size: Optional[int] = None,
    max_wait: Optional[float] = DEFAULT_MAX_WAIT,
    as_tuples: bool = False,
    **pipe_kwargs: Any,
) -> Iterator[Any]:
    """``nlp.pipe`` for live sources: docs come out within ``max_wait`` s of their text.

    Yields docs in input order (``(doc, context)`` pairs with ``as_tuples``), like
    ``nlp.pipe``. A fast iterator is tagged in full batches of ``batch_size`` (default
    ``nlp.batch_size``); a slow one is not held back until a batch fills: a batch is cut once
    its first text has waited ``max_wait`` seconds. ``max_wait=None`` is plain ``nlp.pipe``
    batching. A list or tuple never waits, so it is batched by size alone. Other keyword
    arguments (``disable``, ``component_cfg``) go to ``nlp.pipe``.
    """
    size = nlp.batch_size if batch_size is None else batch_size
    _check(size, max_wait)
    if isinstance(texts, (list, tuple)):
        max_wait = None
    for batch in timed_batches(texts, size, max_wait):
        yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=as_tuples, **pipe_kwargs)
