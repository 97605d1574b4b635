"""Batches cut by size or by time: timed_batches, pipe_stream and annotate on a live stream.

Latency bounds in these tests are loose (a loaded CI machine); bench/bench_annotate.py measures
the real figures (`--parts latency`).
"""

import io
import itertools
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from typing import Any, Iterator, List, Tuple

import pytest
import spacy
from conftest import default_sigint

import spacy_elman
from spacy_elman.annotate import annotate_stream
from spacy_elman.errors import ElmanError
from spacy_elman.streaming import pipe_stream, size_batches, timed_batches, timed_chunk_batches

BOUND_S = 2.0  # the goal is 0.5 s; this leaves room for a loaded machine


def slow_source(items: List[Any], pause: float, stamps: List[float]) -> Iterator[Any]:
    """Yield ``items`` with ``pause`` seconds before each, noting when each was produced."""
    for item in items:
        time.sleep(pause)
        stamps.append(time.monotonic())
        yield item


# -- timed_batches -------------------------------------------------------------------------------


def test_timed_batches_slow_source_cut_by_time():
    stamps: List[float] = []
    delays, batches = [], []
    for batch in timed_batches(slow_source(list(range(4)), 0.3, stamps), 100, 0.05):
        delays.append(time.monotonic() - stamps[len(sum(batches, []))])
        batches.append(batch)
    assert batches == [[0], [1], [2], [3]]  # not held back until 100 items arrived
    assert max(delays) < BOUND_S
    # each batch waited max_wait for more items, but not for the next one (0.3 s later);
    # the last one went out as soon as the source ended
    assert min(delays[:-1]) >= 0.04 and delays[-1] < 0.04


def test_timed_batches_fast_source_fills_whole_batches():
    batches = list(timed_batches(iter(range(10_500)), 1000, 1.0))
    assert [len(b) for b in batches] == [1000] * 10 + [500]
    assert sum(batches, []) == list(range(10_500))


def test_timed_batches_burst_then_pause_gives_burst_at_once():
    def bursts() -> Iterator[int]:
        yield from range(5)
        time.sleep(0.5)
        yield from range(5, 8)

    start = time.monotonic()
    got: List[Tuple[float, List[int]]] = []
    for batch in timed_batches(bursts(), 100, 0.05):
        got.append((time.monotonic() - start, batch))
    assert [b for _, b in got] == [[0, 1, 2, 3, 4], [5, 6, 7]]
    assert got[0][0] < 0.4  # the first burst did not wait for the second


def test_timed_chunk_batches_splits_and_joins_lists_in_order():
    sizes = [1, 5, 40, 3, 0, 12, 7, 25]
    items = iter(range(sum(sizes)))
    chunks = [[next(items) for _ in range(n)] for n in sizes]
    batches = list(timed_chunk_batches(iter(chunks), 10, 1.0))
    assert sum(batches, []) == list(range(sum(sizes)))
    assert [len(b) for b in batches] == [10] * 9 + [3]  # a fast source: whole batches


def test_timed_chunk_batches_late_list_cut_by_time():
    def chunks() -> Iterator[List[int]]:
        yield [0, 1, 2]
        time.sleep(0.5)
        yield [3, 4]

    start = time.monotonic()
    got = [(time.monotonic() - start, b) for b in timed_chunk_batches(chunks(), 100, 0.05)]
    assert [b for _, b in got] == [[0, 1, 2], [3, 4]]
    assert 0.04 <= got[0][0] < 0.4  # waited max_wait for more, not for the late list


def test_timed_chunk_batches_max_wait_none_flattens_by_size():
    batches = list(timed_chunk_batches(iter([[1, 2, 3], [4], [5, 6]]), 4, None))
    assert batches == [[1, 2, 3, 4], [5, 6]]


def test_timed_batches_max_wait_none_batches_by_size_only():
    stamps: List[float] = []
    batches = list(timed_batches(slow_source([1, 2, 3], 0.05, stamps), 2, None))
    assert batches == [[1, 2], [3]]


def test_timed_batches_source_error_raised_after_earlier_items():
    def failing() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("bad source")

    got: List[int] = []
    with pytest.raises(ValueError, match="bad source"):
        for batch in timed_batches(failing(), 10, 0.05):
            got.extend(batch)
    assert got == [1, 2]


def test_timed_batches_idle_tick_yields_empty_batches_while_waiting():
    stamps: List[float] = []
    batches = list(timed_batches(slow_source([1], 0.5, stamps), 10, 0.01, idle_tick=0.1))
    assert batches[-1] == [1]
    assert 2 <= batches.count([]) <= 10 and len(batches) == batches.count([]) + 1


def test_timed_batches_closing_stops_the_reader_thread():
    before = {t.ident for t in threading.enumerate()}
    batches = timed_batches(itertools.count(), 10, 0.05)  # an endless, fast source
    assert next(batches) == list(range(10))
    batches.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        readers = [
            t
            for t in threading.enumerate()
            if t.name == "spacy-elman-reader" and t.ident not in before
        ]
        if not readers:
            break
        time.sleep(0.05)
    assert not readers


@pytest.mark.parametrize(
    "batch_size, max_wait, option", [(0, 0.1, "batch_size"), (5, -1.0, "max_wait")]
)
def test_timed_batches_bad_options_raise_e206(batch_size, max_wait, option):
    with pytest.raises(ElmanError, match=rf"^\[E206\] {option}"):
        next(timed_batches(iter([1]), batch_size, max_wait))


def test_size_batches_last_batch_short():
    assert list(size_batches(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(size_batches([], 2)) == []


# -- pipe_stream ---------------------------------------------------------------------------------


def test_pipe_stream_is_exported_from_the_package():
    assert spacy_elman.pipe_stream is pipe_stream


def test_pipe_stream_slow_iterator_yields_each_doc_promptly():
    nlp = spacy.blank("en")
    texts = [f"text number {i}" for i in range(4)]
    stamps: List[float] = []
    delays, got = [], []
    for doc in pipe_stream(nlp, slow_source(texts, 0.3, stamps), batch_size=1000):
        delays.append(time.monotonic() - stamps[len(got)])
        got.append(doc.text)
    assert got == texts
    assert max(delays) < BOUND_S


def test_pipe_stream_equals_nlp_pipe_with_tuples(trained_nlp):
    pairs = [(f"I met Angela Merkel in Berlin ({i}).", {"id": i}) for i in range(30)]
    expected = [
        (doc.to_json()["ents"], ctx) for doc, ctx in trained_nlp.pipe(pairs, as_tuples=True)
    ]
    got = [
        (doc.to_json()["ents"], ctx)
        for doc, ctx in pipe_stream(trained_nlp, iter(pairs), batch_size=7, as_tuples=True)
    ]
    assert got == expected
    assert any(ents for ents, _ in got)


def test_pipe_stream_default_batch_size_is_nlp_batch_size(monkeypatch):
    nlp = spacy.blank("en")
    nlp.batch_size = 3
    sizes: List[int] = []
    real_pipe = nlp.pipe

    def spy(texts, batch_size, **kwargs):
        texts = list(texts)
        sizes.append(len(texts))
        return real_pipe(texts, batch_size=batch_size, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    assert [d.text for d in pipe_stream(nlp, ["a", "b", "c", "d"])] == ["a", "b", "c", "d"]
    assert sizes == [3, 1]


# -- annotate on a live stream -------------------------------------------------------------------


class StampedOutput(io.StringIO):
    """Notes when each output line was written; ``first`` is set once one line is out."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: List[float] = []
        self.first = threading.Event()

    def write(self, text: str) -> int:
        self.stamps.extend([time.monotonic()] * text.count("\n"))
        if self.stamps:
            self.first.set()
        return super().write(text)


def feed_pipe(lines: List[bytes], out: StampedOutput, stamps: List[float]) -> io.BufferedReader:
    """A real pipe: the first line, then (once its result is out) one line every 0.4 s."""
    read_fd, write_fd = os.pipe()

    def writer() -> None:
        with os.fdopen(write_fd, "wb", buffering=0) as pipe:
            for i, line in enumerate(lines):
                if i == 1:  # the first line pays for loading (workers load the model)
                    out.first.wait(timeout=300)
                if i:
                    time.sleep(0.4)
                stamps.append(time.monotonic())
                pipe.write(line)

    threading.Thread(target=writer, daemon=True).start()
    return os.fdopen(read_fd, "rb")


@pytest.mark.parametrize("n_process", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_annotate_stream_slow_pipe_writes_each_line_promptly(trained_nlp, n_process):
    lines = [f"I met Angela Merkel ({i}).\n".encode() for i in range(5)]
    stamps: List[float] = []
    out = StampedOutput()
    with feed_pipe(lines, out, stamps) as source:
        stats = annotate_stream(trained_nlp, source, out, n_process=n_process)
    assert stats.lines == 5
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["text"] for r in records] == [line.decode().strip() for line in lines]
    assert all(r["ents"] for r in records)
    delays = [written - arrived for written, arrived in zip(out.stamps, stamps)]
    assert max(delays[1:]) < BOUND_S, delays


def test_annotate_stream_file_input_never_waits(trained_nlp, monkeypatch):
    import spacy_elman.annotate as annotate

    def no_timed_batches(*args: Any, **kwargs: Any):
        raise AssertionError("a regular file or buffer must be batched by size alone")

    monkeypatch.setattr(annotate, "timed_chunk_batches", no_timed_batches)
    out = io.StringIO()
    stats = annotate_stream(trained_nlp, io.BytesIO(b"Angela Merkel\n" * 5), out, batch_size=2)
    assert stats.lines == 5


def test_annotate_stream_bad_max_wait_raises_e206(trained_nlp):
    with pytest.raises(ElmanError, match=r"^\[E206\] max_wait"):
        annotate_stream(trained_nlp, io.BytesIO(b""), io.StringIO(), max_wait=-0.5)


def cli_command(*args: Any) -> List[str]:
    return [sys.executable, "-m", "spacy_elman.cli", "annotate", *map(str, args)]


def read_line(stream, timeout: float) -> bytes:
    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline() if ready else b""


@pytest.mark.slow
def test_cli_annotate_live_stdin_each_result_within_bound_then_ctrl_c(trained_model_path):
    proc = subprocess.Popen(
        cli_command(trained_model_path, "--format", "text"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
        preexec_fn=default_sigint,
    )
    try:
        proc.stdin.write(b"I met Angela Merkel.\n")  # the first line pays for loading
        assert b"Angela Merkel" in read_line(proc.stdout, 240)
        delays = []
        for i in range(3):
            time.sleep(0.5)
            sent = time.monotonic()
            proc.stdin.write(f"Kenji Watanabe signed ({i}).\n".encode())
            line = read_line(proc.stdout, 30)
            delays.append(time.monotonic() - sent)
            assert f"({i})".encode() in line
        assert max(delays) < BOUND_S, delays
        proc.send_signal(signal.SIGINT)  # while it waits for the next line
        stderr = proc.communicate(timeout=60)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert b"Traceback" not in stderr
    assert b"interrupted after 4 lines" in stderr


# -- annotate keeps the words of its first batches, then frees each batch's ---------------------


def test_annotate_stream_keeps_first_words_then_zones_each_batch(trained_model_path, monkeypatch):
    import spacy_elman.annotate as annotate

    monkeypatch.setattr(annotate, "KEEP_LEXEMES", 150)
    nlp = spacy.load(trained_model_path)  # its own vocab: this test adds words to it
    zones = []
    real_zone = nlp.memory_zone

    def counting_zone(*args: Any, **kwargs: Any):
        zones.append(1)
        return real_zone(*args, **kwargs)

    monkeypatch.setattr(nlp, "memory_zone", counting_zone)
    lines = b"".join(f"Zqx{i} met Angela Merkel\n".encode() for i in range(1000))
    before = len(nlp.vocab.strings)
    stats = annotate_stream(nlp, io.BytesIO(lines), io.StringIO(), batch_size=100)
    assert stats.lines == 1000
    # batch 1 (100 new words, + lexemes for known ones) is kept; the budget of 150 lexemes
    # is spent after batch 2 at the latest; every later batch runs in a memory zone
    assert 8 <= len(zones) <= 9
    kept = [i for i in range(1000) if f"Zqx{i}" in nlp.vocab.strings]
    assert kept == list(range(len(kept))) and 100 <= len(kept) <= 200  # batches 1 (and 2)
    assert len(nlp.vocab.strings) - before < 10 * len(kept)  # the rest were freed
