"""Tests for spacy_elman.annotate and ``spacy-elman annotate``: streaming, hard inputs, errors.

Most tests drive ``process_batch``/``annotate_stream`` with the session's trained pipeline (no
reload); the CLI is tested with typer's CliRunner, and stdin, ``| head`` and Ctrl-C with real
subprocesses.
"""

import io
import json
import random
import shlex
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
import spacy
from conftest import default_sigint
from typer.testing import CliRunner

import spacy_elman.annotate as annotate_module
from spacy_elman.annotate import (
    BOM,
    AnnotateInputError,
    AnnotateStats,
    Interrupted,
    _LineReader,
    annotate_files,
    annotate_stream,
    format_summary,
    process_batch,
)
from spacy_elman.cli import app
from spacy_elman.errors import ElmanError
from spacy_elman.loading import device_from_flags

GOOD = [
    "I met Angela Merkel in Berlin last week.",
    "The weather in Paris is nice today.",
    "Kenji Watanabe and Amara Okafor signed the deal.",
    "we saw priya sharma at the station",
]

# name: (bad JSONL line, error code, problem text)
BAD_JSONL = {
    "not_json": (b'{"text": "Angela Merkel"', "[E210]", "not valid JSON"),
    "no_text": (b'{"id": 3, "body": "Angela Merkel"}', "[E212]", "missing key 'text'"),
    "text_not_string": (b'{"text": ["Angela", "Merkel"]}', "[E213]", "found an array"),
    "text_null": (b'{"text": null}', "[E213]", "found null"),
    "invalid_utf8": (b'{"text": "caf\xe9 Angela Merkel"}', "[E214]", "not valid UTF-8"),
    "json_array": (b'["Angela Merkel"]', "[E211]", "expected a JSON object"),
    "json_string": (b'"Angela Merkel"', "[E211]", "found a string"),
    "deeply_nested": (b"[" * 100_000 + b"]" * 100_000, "[E210]", "not valid JSON"),
}

runner = CliRunner()


# -- helpers -------------------------------------------------------------------------------------


def jsonl(*records: Any) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r).encode("utf-8")) + b"\n" for r in records
    )


def parse(output: str) -> List[Dict[str, Any]]:
    # Split on "\n" only: a record may hold U+2028 or \x1c, which str.splitlines() would cut.
    assert output == "" or output.endswith("\n"), "output must end with a whole line"
    return [json.loads(line) for line in output.split("\n")[:-1]]


def stream(nlp, data: bytes, **options: Any) -> Tuple[List[Dict[str, Any]], AnnotateStats]:
    out = io.StringIO()
    options.setdefault("source", "in.jsonl")
    stats = annotate_stream(nlp, io.BytesIO(data), out, **options)
    return parse(out.getvalue()), stats


def check_offsets(record: Dict[str, Any]) -> None:
    for ent in record["ents"]:
        assert record["text"][ent["start"] : ent["end"]] == ent["text"]
        assert ent["label"] == "NAME"
        assert 0.0 < ent["score"] <= 1.0


def invoke(*args: Any, input: bytes = b""):
    return runner.invoke(app, ["annotate", *map(str, args)], input=input)


def stderr_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture
def model_copy(trained_model_path: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(trained_model_path, tmp_path / "model"))


# -- process_batch -------------------------------------------------------------------------------


def test_process_batch_text_gives_char_offsets_and_scores(trained_nlp):
    lines = [(i, text.encode()) for i, text in enumerate(GOOD, 1)]
    records = [json.loads(line) for line in process_batch(trained_nlp, lines, fmt="text")]
    assert [r["text"] for r in records] == GOOD
    assert [[e["text"] for e in r["ents"]] for r in records] == [
        ["Angela Merkel"],
        [],
        ["Kenji Watanabe", "Amara Okafor"],
        ["priya sharma"],
    ]
    assert records[0]["ents"][0]["start"] == 6 and records[0]["ents"][0]["end"] == 19
    for record in records:
        assert set(record) == {"text", "ents"}
        check_offsets(record)


def test_process_batch_scores_are_the_span_scores_rounded_to_4_places(trained_nlp):
    text = "I met Angela Merkel in Berlin last week."
    (record,) = [json.loads(line) for line in process_batch(trained_nlp, [(1, text.encode())])]
    group = trained_nlp(text).spans["elman_ner"]
    assert [e["score"] for e in record["ents"]] == [round(s, 4) for s in group.attrs["scores"]]
    assert all(len(repr(e["score"]).split(".")[1]) <= 4 for e in record["ents"])


def test_process_batch_is_pure(trained_nlp):
    sentence = "Yesterday Zorblax Quuxington met Angela Merkel."
    json_lines = [(1, json.dumps({"text": sentence}).encode()), (2, b"{bad"), (3, b"  ")]
    text_lines = [(1, sentence.encode()), (2, b"")]
    saved = [list(json_lines), list(text_lines)]
    before = (len(trained_nlp.vocab.strings), trained_nlp.max_length, trained_nlp.pipe_names)
    runs = [
        [
            process_batch(trained_nlp, json_lines, fmt="jsonl", on_error="skip"),
            process_batch(trained_nlp, text_lines, fmt="text"),
        ]
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert json.loads(runs[0][0][0])["ents"]  # the batch was tagged
    assert json.loads(runs[0][0][1])["line"] == 2
    # nothing global changed: the memory zone drops the batch's new strings and lexemes
    assert (
        len(trained_nlp.vocab.strings),
        trained_nlp.max_length,
        trained_nlp.pipe_names,
    ) == before
    assert "Zorblax" not in trained_nlp.vocab.strings and "Zorblax" not in trained_nlp.vocab
    assert [json_lines, text_lines] == saved


def test_process_batch_strips_line_ends(trained_nlp):
    lines = list(enumerate(io.BytesIO(b"Angela Merkel\r\n\nKenji Watanabe\n").readlines(), 1))
    records = [json.loads(x) for x in process_batch(trained_nlp, lines)]
    assert [r["text"] for r in records] == ["Angela Merkel", "", "Kenji Watanabe"]


def test_process_batch_stop_raises_with_source_line_and_completed_lines(trained_nlp):
    lines = [(10, b'{"text": "I met Angela Merkel."}'), (11, b"oops"), (12, b'{"text": "x"}')]
    with pytest.raises(AnnotateInputError) as err:
        process_batch(trained_nlp, lines, fmt="jsonl", on_error="stop", source="data.jsonl")
    assert str(err.value).startswith("[E210] data.jsonl:11: not valid JSON")
    assert err.value.line == 11
    assert [json.loads(x)["text"] for x in err.value.completed] == ["I met Angela Merkel."]


def test_process_batch_unknown_options_raise_e205(trained_nlp):
    with pytest.raises(ElmanError, match=r"^\[E205\] Unknown format 'xml'"):
        process_batch(trained_nlp, [(1, b"x")], fmt="xml")
    with pytest.raises(ElmanError, match=r"^\[E205\] Unknown on-error 'ignore'"):
        process_batch(trained_nlp, [(1, b"x")], on_error="ignore")


def test_process_batch_pipeline_without_elman_ner_raises_e203():
    with pytest.raises(ElmanError, match=r"^\[E203\]"):
        process_batch(spacy.blank("en"), [(1, b"Angela Merkel")])


# -- bad input lines -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BAD_JSONL))
def test_annotate_bad_jsonl_line_skip_keeps_everything_else(trained_nlp, name):
    bad, code, problem = BAD_JSONL[name]
    data = jsonl({"text": GOOD[0]}, {"text": GOOD[1]}, bad, {"text": GOOD[2]}, {"text": GOOD[3]})
    records, stats = stream(trained_nlp, data, fmt="jsonl", on_error="skip")
    assert len(records) == 5  # output line N is input line N
    assert [r.get("text") for r in records] == [GOOD[0], GOOD[1], None, GOOD[2], GOOD[3]]
    assert records[2] == {"line": 3, "error": records[2]["error"]}
    assert records[2]["error"].startswith(f"{code} in.jsonl:3: ")
    assert problem in records[2]["error"]
    assert (stats.lines, stats.docs, stats.errors) == (5, 4, 1)
    assert stats.error_samples == [records[2]["error"]]


@pytest.mark.parametrize("batch_size", [1, 2, 256])
@pytest.mark.parametrize("name", ["not_json", "no_text", "invalid_utf8", "json_array"])
def test_annotate_bad_jsonl_line_stop_keeps_lines_before(trained_nlp, name, batch_size):
    bad, code, problem = BAD_JSONL[name]
    data = jsonl({"text": GOOD[0]}, {"text": GOOD[1]}, bad, {"text": GOOD[2]})
    out = io.StringIO()
    with pytest.raises(AnnotateInputError) as err:
        annotate_stream(
            trained_nlp,
            io.BytesIO(data),
            out,
            fmt="jsonl",
            on_error="stop",
            batch_size=batch_size,
            source="in.jsonl",
        )
    message = str(err.value)
    assert message.startswith(f"{code} in.jsonl:3: ") and problem in message
    assert "\n" not in message
    assert [r["text"] for r in parse(out.getvalue())] == GOOD[:2]


def test_annotate_invalid_utf8_text_line_reports_byte(trained_nlp):
    data = b"Angela Merkel\nbad \xff\xfe bytes\nKenji Watanabe\n"
    records, stats = stream(trained_nlp, data, fmt="text", on_error="skip", source="in.txt")
    assert records[0]["text"] == "Angela Merkel" and records[2]["text"] == "Kenji Watanabe"
    assert records[1]["error"].startswith("[E214] in.txt:2: not valid UTF-8 (byte 0xff")
    assert stats.errors == 1


def test_annotate_empty_lines_give_empty_ents(trained_nlp):
    text_records, _ = stream(trained_nlp, b"\nAngela Merkel\n\n\n", fmt="text")
    assert [(r["text"], r["ents"]) for r in text_records] == [
        ("", []),
        ("Angela Merkel", text_records[1]["ents"]),
        ("", []),
        ("", []),
    ]
    json_records, stats = stream(trained_nlp, b'\n{"text": "Angela Merkel"}\n   \n', fmt="jsonl")
    assert len(json_records) == 3 and stats.errors == 0
    assert json_records[0] == {"text": "", "ents": []} == json_records[2]


def test_annotate_whitespace_only_text_gives_empty_ents(trained_nlp):
    texts = [" ", "\t\t", " \u00a0 \u3000 ", "\r"]
    data = jsonl(*({"text": t, "id": i} for i, t in enumerate(texts)))
    records, stats = stream(trained_nlp, data, fmt="jsonl")
    assert records == [{"text": t, "id": i, "ents": []} for i, t in enumerate(texts)]
    text_records, _ = stream(trained_nlp, b"   \n\t\n", fmt="text")
    assert text_records == [{"text": "   ", "ents": []}, {"text": "\t", "ents": []}]


@pytest.mark.slow
def test_annotate_million_character_document_no_crash(trained_nlp):
    head = "Yesterday Angela Merkel met Kenji Watanabe. "
    filler = "abcdefghij" * 99 + " "  # long tokens keep the recurrence short
    text = (head + filler * 1010)[:1_000_000]
    assert len(text) == 1_000_000
    data = jsonl({"text": text}, {"text": text + "x"}, {"text": "Angela Merkel"})
    records, stats = stream(trained_nlp, data, fmt="jsonl", on_error="skip")
    assert len(records) == 3
    # The names of the head; what the tiny model makes of the filler words is not the point
    # (in its 20 sentences, words without a Brown cluster are mostly names).
    in_head = [e["text"] for e in records[0]["ents"] if e["end"] <= len(head)]
    assert in_head == ["Angela Merkel", "Kenji Watanabe"]
    check_offsets(records[0])
    assert records[1]["error"].startswith("[E215] in.jsonl:2: the text has 1,000,001 characters")
    assert "--max-length" in records[1]["error"]
    assert records[2]["ents"][0]["text"] == "Angela Merkel"
    assert trained_nlp.max_length == 1_000_000  # a given nlp is left as it is


@pytest.mark.slow
def test_annotate_max_length_option_limits_and_sets_nlp_max_length(trained_model_path, monkeypatch):
    real_load, loaded = annotate_module.load_pipeline, []

    def load(path, device=None):
        loaded.append(real_load(path, device=device))
        return loaded[-1]

    monkeypatch.setattr(annotate_module, "load_pipeline", load)
    text = ("Angela Merkel met " + "x" * 981 + " ") * 2100  # 2,100,000 characters
    data = jsonl({"text": text[:2_000_000]}, {"text": text})
    records, stats = stream(
        trained_model_path, data, fmt="jsonl", on_error="skip", max_length=2_000_000
    )
    assert loaded[0].max_length == 2_000_000
    assert records[0]["ents"] and stats.docs == 1
    check_offsets(records[0])
    assert records[1]["error"].startswith("[E215] in.jsonl:2: the text has 2,100,000")


def test_annotate_overlong_text_line_is_not_read_whole(trained_nlp):
    data = b"Angela Merkel\n" + b"x" * 45 + b"\n" + b"y" * 5000 + b"\r\nKenji Watanabe\n"
    records, stats = stream(
        trained_nlp, data, fmt="text", on_error="skip", max_length=20, source="in.txt"
    )
    assert [r.get("text") for r in records] == ["Angela Merkel", None, None, "Kenji Watanabe"]
    assert records[1]["error"].startswith("[E215] in.txt:2: the text has 45 characters")
    assert records[2]["error"].startswith("[E216] in.txt:3: the line has more than 80 bytes")


def test_annotate_control_chars_emoji_and_scripts_keep_offsets(trained_nlp):
    texts = [
        "\x00\x07 Angela Merkel \x1b[31m met \x0b\x0c Kenji Watanabe\x7f",
        "line\u2028separator Angela Merkel\x1c\x1d\x1e\x85 para\u2029graph",
        "\U0001f600\U0001f469\u200d\U0001f4bb Angela Merkel \U0001f1e9\U0001f1ea met Kenji Watanabe",
        "Москва: Angela Merkel met 東京 and 北京 officials; مرحبا Kenji Watanabe שלום",
        "e\u0301\u0301 cafe\u0301 Angela Merkel \u202eevil\u202c \ufeff Kenji Watanabe \u200b",
        "tab\tand\rcarriage Angela Merkel \r returns",
    ]
    for fmt in ("jsonl", "text"):
        if fmt == "jsonl":
            data = jsonl(*({"text": t} for t in texts))
        else:
            data = b"".join(t.encode("utf-8") + b"\n" for t in texts)
        records, stats = stream(trained_nlp, data, fmt=fmt)
        assert [r["text"] for r in records] == texts  # no line was split or changed
        for record in records:
            check_offsets(record)
        assert stats.entities >= len(texts)  # "Angela Merkel" is in every line
        assert all(any("Angela Merkel" in e["text"] for e in r["ents"]) for r in records)


def test_annotate_jsonl_extra_keys_pass_through(trained_nlp):
    record = {
        "id": 17,
        "meta": {"source": "wiki", "tags": [1, 2.5, None, True], "nested": {"a": []}},
        "text": "I met Angela Merkel in Berlin last week.",
        "ünïcode key": "värde \U0001f600",
        "ents": "replaced",
    }
    records, _ = stream(trained_nlp, jsonl(record), fmt="jsonl")
    out = records[0]
    assert list(out) == list(record)  # same keys, same order
    assert {k: v for k, v in out.items() if k != "ents"} == {
        k: v for k, v in record.items() if k != "ents"
    }
    assert [e["text"] for e in out["ents"]] == ["Angela Merkel"]


def test_annotate_lone_surrogates_text_rejected_other_keys_escaped(trained_nlp):
    data = (
        b'{"text": "Angela Merkel", "note": "\\udfff"}\n'
        b'{"text": "\\ud800 Angela Merkel"}\n'
        b'{"text": "Kenji Watanabe"}\n'
    )
    out = io.StringIO()
    stats = annotate_stream(trained_nlp, io.BytesIO(data), out, fmt="jsonl", on_error="skip")
    out.getvalue().encode("utf-8")  # would raise if a lone surrogate were written raw
    records = parse(out.getvalue())
    assert records[0]["note"] == "\udfff" and records[0]["ents"][0]["text"] == "Angela Merkel"
    assert records[1]["error"].startswith("[E217] <stdin>:2: 'text' holds a lone surrogate")
    assert "\\ud800 at character 0" in records[1]["error"]
    assert records[2]["text"] == "Kenji Watanabe" and stats.errors == 1


def test_annotate_crlf_and_bom_are_stripped(trained_nlp):
    data = b'\xef\xbb\xbf{"text": "Angela Merkel"}\r\n{"text": "Kenji Watanabe"}'
    records, _ = stream(trained_nlp, data, fmt="jsonl")
    assert [r["text"] for r in records] == ["Angela Merkel", "Kenji Watanabe"]
    records, _ = stream(trained_nlp, b"\xef\xbb\xbfAngela Merkel\r\nmid\rline\r\n", fmt="text")
    assert [r["text"] for r in records] == ["Angela Merkel", "mid\rline"]


class Trickle(io.BytesIO):
    """An input whose reads return a random 1..max_read bytes, as a pipe may."""

    def __init__(self, data: bytes, max_read: int, seed: int) -> None:
        super().__init__(data)
        self.max_read = max_read
        self.rng = random.Random(seed)

    def read1(self, size: int = -1) -> bytes:
        return self.read(min(size, self.rng.randint(1, self.max_read)))


def split_lines(data: bytes) -> List[Tuple[int, bytes]]:
    """The reference: split at b"\\n"; drop a "\\r" before it and a BOM at the start."""
    lines = data.split(b"\n")
    last = lines.pop()
    lines = [line[:-1] if line.endswith(b"\r") else line for line in lines]
    if last:
        lines.append(last)
    if lines and lines[0].startswith(BOM):
        lines[0] = lines[0][len(BOM) :]
    return list(enumerate(lines, 1))


@pytest.mark.parametrize("seed", range(20))
def test_line_reader_any_read_sizes_give_the_same_lines(seed):
    rng = random.Random(seed)
    pieces = [BOM if seed % 3 == 0 else b""]
    for _ in range(rng.randint(0, 60)):
        body = bytes(rng.choice(b"ab \r\xc3\xa9") for _ in range(rng.choice([0, 1, 5, 30, 90])))
        pieces.append(body + rng.choice([b"\n", b"\r\n", b"\n"]))
    if seed % 2:
        pieces.append(b"no line end\r")
    data = b"".join(pieces)
    cap = 40
    reader = _LineReader(Trickle(data, max_read=rng.choice([1, 7, 64, 1 << 16]), seed=seed), cap)
    got = list(reader)
    want = split_lines(data)
    assert [n for n, _ in got] == [n for n, _ in want]
    for (n, raw), (_, line) in zip(got, want):
        assert (len(raw) > cap) == (len(line) > cap), n  # over-long stays over-long
        if len(line) <= cap:
            assert raw == line, n
    assert reader.bytes_read == len(data)


def test_line_reader_pipe_hands_on_what_one_read_holds():
    reader = _LineReader(Trickle(b"1\n2\n3\n" * 1000, max_read=1 << 16, seed=0))
    chunks = list(reader.chunks())
    assert len(chunks) < 3000 and sum(map(len, chunks)) == 3000


# -- streaming behaviour -------------------------------------------------------------------------


class RecordingOutput(io.StringIO):
    def __init__(self, source: "RecordingInput") -> None:
        super().__init__()
        self.source = source
        self.events: List[Tuple[str, int]] = []

    def write(self, text: str) -> int:
        self.events.append(("write", self.source.lines_read))
        assert text.endswith("\n")
        return super().write(text)

    def flush(self) -> None:
        self.events.append(("flush", self.source.lines_read))


class LineAtATime(io.BytesIO):
    """An input whose every read returns one line, as a pipe fed a line at a time does."""

    def read1(self, size: int = -1) -> bytes:
        return self.readline(size)


class RecordingInput(LineAtATime):
    lines_read = 0

    def readline(self, size: int = -1) -> bytes:
        line = super().readline(size)
        self.lines_read += bool(line)
        return line


def test_annotate_stream_reads_lazily_and_flushes_each_batch(trained_nlp):
    source = RecordingInput(b"".join(f"Angela Merkel {i}\n".encode() for i in range(10)))
    out = RecordingOutput(source)
    stats = annotate_stream(trained_nlp, source, out, batch_size=3)
    assert stats.lines == 10 and stats.docs == 10
    # 4 batches; each written and flushed before the next one is read
    assert out.events == [
        ("write", 3),
        ("flush", 3),
        ("write", 6),
        ("flush", 6),
        ("write", 9),
        ("flush", 9),
        ("write", 10),
        ("flush", 10),
    ]
    assert len(parse(out.getvalue())) == 10


class InterruptingInput(LineAtATime):
    def __init__(self, data: bytes, after: int) -> None:
        super().__init__(data)
        self.after = after
        self.count = 0

    def readline(self, size: int = -1) -> bytes:
        self.count += 1
        if self.count > self.after:
            raise KeyboardInterrupt
        return super().readline(size)


def test_annotate_stream_ctrl_c_leaves_whole_lines(trained_nlp):
    data = b"".join(f"Angela Merkel {i}\n".encode() for i in range(20))
    out = io.StringIO()
    with pytest.raises(Interrupted) as err:
        annotate_stream(trained_nlp, InterruptingInput(data, after=7), out, batch_size=3)
    assert isinstance(err.value, KeyboardInterrupt)
    assert err.value.stats.lines == 6
    assert [r["text"] for r in parse(out.getvalue())] == [f"Angela Merkel {i}" for i in range(6)]


class FailingOutput(io.StringIO):
    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


def test_annotate_stream_broken_pipe_propagates(trained_nlp):
    with pytest.raises(BrokenPipeError):
        annotate_stream(trained_nlp, io.BytesIO(b"a\n"), FailingOutput(BrokenPipeError()))


def test_annotate_stream_write_error_raises_e209(trained_nlp):
    out = FailingOutput(OSError(28, "No space left on device"))
    with pytest.raises(ElmanError, match=r"^\[E209\].*No space left on device"):
        annotate_stream(trained_nlp, io.BytesIO(b"a\n"), out)


@pytest.mark.parametrize(
    "option, value, code",
    [("batch_size", 0, "E206"), ("n_process", 0, "E206"), ("max_length", 0, "E206")],
)
def test_annotate_stream_bad_numbers_raise(trained_nlp, option, value, code):
    with pytest.raises(ElmanError, match=rf"^\[{code}\] {option}"):
        annotate_stream(trained_nlp, io.BytesIO(b""), io.StringIO(), **{option: value})


def test_annotate_stream_empty_input_writes_nothing(trained_nlp):
    records, stats = stream(trained_nlp, b"")
    assert records == [] and stats == AnnotateStats()


def test_format_summary_lists_first_errors():
    stats = AnnotateStats(lines=100, docs=93, errors=7, error_samples=["e1", "e2"])
    summary = format_summary(stats)
    assert summary.splitlines()[0].startswith("skipped 7 of 100 lines")
    assert "  e1" in summary and "... and 5 more" in summary


def test_device_from_flags_maps_and_rejects_both():
    assert device_from_flags(None, False) is None
    assert device_from_flags(None, True) == "cpu"
    assert device_from_flags(1, False) == "gpu:1"
    assert device_from_flags(-1, False) == "cpu"
    with pytest.raises(ElmanError, match=r"^\[E208\]"):
        device_from_flags(0, True)


# -- CLI -----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_annotate_stdin_to_output_file(trained_model_path, tmp_path):
    out = tmp_path / "out.jsonl"
    data = "\n".join(GOOD).encode() + b"\n"
    result = invoke(trained_model_path, "-", "--output", out, input=data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    records = parse(out.read_text(encoding="utf-8"))
    assert [r["text"] for r in records] == GOOD
    assert records[0]["ents"][0]["text"] == "Angela Merkel"


@pytest.mark.slow
def test_cli_annotate_stop_exits_nonzero_with_file_line_problem(trained_model_path, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl({"text": GOOD[0]}, {"text": GOOD[1]}, b"{oops", {"text": GOOD[2]}))
    result = invoke(trained_model_path, path, "--format", "jsonl")
    assert result.exit_code == 1
    line = stderr_line(result)
    assert line.startswith(f"spacy-elman: [E210] {path}:3: not valid JSON")
    assert [r["text"] for r in parse(result.stdout)] == GOOD[:2]


@pytest.mark.slow
def test_cli_annotate_skip_writes_error_records_and_summary(trained_model_path, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        jsonl({"text": GOOD[0]}, b"[1]", {"text": GOOD[1]}, b'{"text": 1}', {"text": GOOD[2]})
    )
    result = invoke(trained_model_path, path, "-f", "jsonl", "--on-error", "skip")
    assert result.exit_code == 0
    records = parse(result.stdout)
    assert [r.get("text", r.get("line")) for r in records] == [GOOD[0], 2, GOOD[1], 4, GOOD[2]]
    assert "skipped 2 of 5 lines" in result.stderr
    assert f"[E211] {path}:2:" in result.stderr and f"[E213] {path}:4:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, code, text",
    [
        (["--format", "xml"], "E205", "Unknown format 'xml'"),
        (["--on-error", "ignore"], "E205", "Unknown on-error 'ignore'"),
        (["--batch-size", "0"], "E206", "batch_size must be at least 1"),
        (["--gpu-id", "0", "--cpu"], "E208", "cannot be used together"),
    ],
)
def test_cli_annotate_bad_options_one_line(trained_model_path, args, code, text):
    result = invoke(trained_model_path, "-", *args)
    assert result.exit_code != 0
    line = stderr_line(result)
    assert line.startswith(f"spacy-elman: [{code}]") and text in line


def test_cli_annotate_missing_input_file_one_line(trained_model_path, tmp_path):
    result = invoke(trained_model_path, tmp_path / "missing.txt")
    assert result.exit_code != 0
    assert stderr_line(result).startswith(f"spacy-elman: [E207] {tmp_path / 'missing.txt'}:")


def broken_config(path: Path) -> None:
    config = path / "config.cfg"
    config.write_bytes(config.read_bytes()[:300])


def truncated_weights(path: Path) -> None:
    weights = path / "elman_ner" / "weights"
    weights.write_bytes(weights.read_bytes()[:1000])


def no_elman_ner(path: Path) -> None:
    shutil.rmtree(path)
    spacy.blank("en").to_disk(path)


def empty_dir(path: Path) -> None:
    shutil.rmtree(path)
    path.mkdir()


def missing(path: Path) -> None:
    shutil.rmtree(path)


def test_cli_annotate_bad_model_leaves_existing_output_untouched(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n")
    result = invoke(tmp_path / "no-model", "-", "-o", out, input=b"Angela Merkel\n")
    assert result.exit_code != 0
    assert stderr_line(result).startswith("spacy-elman: [E201]")
    assert out.read_text() == "precious\n"


def test_annotate_files_output_errors_and_empty_input(trained_nlp, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Angela Merkel\n")
    with pytest.raises(ElmanError, match=r"^\[E209\] .*cannot write the output"):
        annotate_files(trained_nlp, source, tmp_path)  # a directory
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    stats = annotate_files(trained_nlp, empty, tmp_path / "out.jsonl")
    assert stats.lines == 0 and (tmp_path / "out.jsonl").read_text() == ""


@pytest.mark.parametrize(
    "breakage, code, text",
    [
        (missing, "E201", "does not exist"),
        (empty_dir, "E202", "is not a spaCy pipeline directory"),
        (broken_config, "E204", "config.cfg is broken"),
        (no_elman_ner, "E203", "has no elman_ner component"),
        (truncated_weights, "E005", "corrupted or truncated"),
    ],
)
def test_cli_annotate_bad_model_exits_nonzero_one_line(model_copy, breakage, code, text):
    breakage(model_copy)
    result = invoke(model_copy, input=b"Angela Merkel\n")
    assert result.exit_code != 0
    line = stderr_line(result)
    assert line.startswith(f"spacy-elman: [{code}]") and text in line
    assert result.stdout == ""


@pytest.mark.slow
def test_cli_annotate_million_character_line(trained_model_path, tmp_path):
    text = ("Angela Merkel met Kenji Watanabe. " + "abcdefghij" * 200 + " ") * 500
    text = text[:1_000_000]
    path = tmp_path / "big.txt"
    path.write_text(text + "\nAngela Merkel\n", encoding="utf-8")
    result = invoke(trained_model_path, path, "--batch-size", "1")
    assert result.exit_code == 0, result.stderr
    records = parse(result.stdout)
    assert len(records) == 2 and records[0]["text"] == text
    assert len(records[0]["ents"]) >= 2
    check_offsets(records[0])


@pytest.mark.slow
def test_annotate_n_process_2_matches_n_process_1(trained_model_path, tmp_path):
    lines = [
        json.dumps({"text": f"{GOOD[i % 4]} ({i})", "i": i}).encode() if i % 13 else b"not json"
        for i in range(1, 80)
    ]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    outputs = {}
    for n in (1, 2):
        out = tmp_path / f"out{n}.jsonl"
        args = [path, "-o", out, "-f", "jsonl", "--on-error", "skip", "--batch-size", "7"]
        result = invoke(trained_model_path, *args, "--n-process", n)
        assert result.exit_code == 0, result.stderr
        outputs[n] = out.read_bytes()
        assert result.stderr.count("skipped 6 of 79 lines") == 1
    assert outputs[1] == outputs[2]
    assert len(parse(outputs[2].decode())) == 79
    # the same with on_error="stop": the lines before the bad one are written, then exit 1
    for n in (1, 2):
        out = tmp_path / f"stop{n}.jsonl"
        args = [path, "-o", out, "-f", "jsonl", "--batch-size", "5", "--n-process", n]
        result = invoke(trained_model_path, *args)
        assert result.exit_code == 1
        assert stderr_line(result).startswith(f"spacy-elman: [E210] {path}:13:")
        outputs[n] = out.read_bytes()
    assert outputs[1] == outputs[2] and len(parse(outputs[1].decode())) == 12


@pytest.mark.slow
def test_annotate_n_process_2_with_loaded_pipeline_matches(trained_nlp):
    data = "".join(f"{GOOD[i % 4]} {i}\n" for i in range(40)).encode()
    one, _ = stream(trained_nlp, data, batch_size=4)
    two, stats = stream(trained_nlp, data, batch_size=4, n_process=2)
    assert one == two and stats.lines == 40


@pytest.mark.slow
def test_annotate_n_process_2_bad_model_fails_cleanly(model_copy):
    truncated_weights(model_copy)
    with pytest.raises(ElmanError, match=r"^\[E005\]"):
        annotate_stream(model_copy, io.BytesIO(b"Angela Merkel\n"), io.StringIO(), n_process=2)


# -- subprocesses: real stdin, `| head`, Ctrl-C --------------------------------------------------


def cli_command(*args: Any) -> List[str]:
    return [sys.executable, "-m", "spacy_elman.cli", "annotate", *map(str, args)]


@pytest.mark.slow
def test_cli_annotate_subprocess_reads_stdin(trained_model_path):
    data = "\n".join(GOOD).encode() + b"\n"
    proc = subprocess.run(
        cli_command(trained_model_path, "--format", "text"),
        input=data,
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    records = parse(proc.stdout.decode("utf-8"))
    assert [r["text"] for r in records] == GOOD
    assert b"Traceback" not in proc.stderr


@pytest.mark.slow
def test_cli_annotate_piped_into_head_exits_cleanly(trained_model_path, tmp_path):
    source = tmp_path / "many.txt"
    source.write_text("".join(f"Angela Merkel met Kenji Watanabe ({i}).\n" for i in range(20_000)))
    err, rc = tmp_path / "stderr.txt", tmp_path / "rc.txt"
    command = shlex.join(cli_command(trained_model_path, "--format", "text"))
    script = f"cat {source} | {{ {command} 2>{err}; echo $? >{rc}; }} | head -n 3"
    proc = subprocess.run(["bash", "-c", script], capture_output=True, timeout=300)
    assert proc.returncode == 0
    assert len(parse(proc.stdout.decode())) == 3
    assert rc.read_text().strip() == "0"
    stderr = err.read_text()
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert "Exception ignored" not in stderr


@pytest.mark.slow
def test_cli_annotate_ctrl_c_exits_130_with_whole_lines(trained_model_path, tmp_path):
    source = tmp_path / "many.txt"
    source.write_text("".join(f"Angela Merkel met Kenji ({i}).\n" for i in range(200_000)))
    proc = subprocess.Popen(
        cli_command(trained_model_path, source, "--batch-size", "16"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=default_sigint,
    )
    watchdog = threading.Timer(240, proc.kill)
    watchdog.start()
    try:
        first = proc.stdout.readline()  # the model is loaded and output is flowing
        proc.send_signal(signal.SIGINT)
        rest = proc.stdout.read()  # (not communicate(): it would skip what readline buffered)
        stderr = proc.stderr.read()
        proc.wait()
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    records = parse((first + rest).decode("utf-8"))
    assert 0 < len(records) < 200_000
    assert [r["text"] for r in records] == [
        f"Angela Merkel met Kenji ({i})." for i in range(len(records))
    ]
    assert b"Traceback" not in stderr
    assert f"interrupted after {len(records):,} lines".encode() in stderr


def test_cli_annotate_help_lists_options():
    result = runner.invoke(app, ["annotate", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--format", "--on-error", "--batch-size", "--n-process", "--max-length"):
        assert option in result.stdout


# =================================================================================================
# Issue 18: --n-process under Ctrl-C and when a worker dies (E218). Added by the issue-18 work;
# kept at the end of the file, apart from the tests above.
# =================================================================================================


import os  # noqa: E402 (the issue-18 block keeps its imports to itself)


def _child_pids(pid: int) -> List[int]:
    """The direct children of ``pid`` (Linux /proc), or [] where that is not available."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


class _KillWorkerOnFirstWrite(io.StringIO):
    """An output that SIGKILLs one worker process when the first batch is written."""

    def __init__(self) -> None:
        super().__init__()
        self.killed: List[int] = []

    def write(self, text: str) -> int:
        import multiprocessing

        if not self.killed and text:
            workers = [p for p in multiprocessing.active_children() if p.is_alive()]
            assert workers, "no worker processes to kill"
            os.kill(workers[0].pid, signal.SIGKILL)
            workers[0].join(30)
            self.killed.append(workers[0].pid)
        return super().write(text)


@pytest.mark.slow
def test_annotate_n_process_worker_killed_raises_e218(trained_model_path):
    data = "".join(f"{GOOD[i % 4]} ({i})\n" for i in range(3000)).encode()
    out = _KillWorkerOnFirstWrite()
    with pytest.raises(ElmanError, match=r"^\[E218\] A worker process stopped") as info:
        annotate_stream(trained_model_path, io.BytesIO(data), out, batch_size=10, n_process=2)
    assert out.killed
    records = parse(out.getvalue())  # only whole lines, in order
    assert 0 < len(records) < 3000
    assert [r["text"] for r in records] == [f"{GOOD[i % 4]} ({i})" for i in range(len(records))]
    assert f"after {len(records):,} lines were written" in str(info.value)


@pytest.mark.slow
def test_cli_annotate_n_process_ctrl_c_exits_130_and_stops_workers(trained_model_path, tmp_path):
    source = tmp_path / "many.txt"
    source.write_text("".join(f"Angela Merkel met Kenji ({i}).\n" for i in range(200_000)))
    proc = subprocess.Popen(
        cli_command(trained_model_path, source, "--batch-size", "16", "--n-process", "2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=default_sigint,
    )
    watchdog = threading.Timer(240, proc.kill)
    watchdog.start()
    try:
        first = proc.stdout.readline()  # the workers are loaded and output is flowing
        workers = _child_pids(proc.pid)
        proc.send_signal(signal.SIGINT)
        rest = proc.stdout.read()
        stderr = proc.stderr.read()
        proc.wait()
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr[-2000:]
    records = parse((first + rest).decode("utf-8"))
    assert 0 < len(records) < 200_000
    assert [r["text"] for r in records] == [
        f"Angela Merkel met Kenji ({i})." for i in range(len(records))
    ]
    assert b"Traceback" not in stderr
    assert f"interrupted after {len(records):,} lines".encode() in stderr
    # No worker outlives the command.
    if Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists():
        assert len(workers) >= 2, workers  # the two workers (and the resource tracker)
    for pid in workers:
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists() or "Z" in _proc_state(pid):
                break
            threading.Event().wait(0.1)
        else:
            pytest.fail(f"worker {pid} still runs after the command exited")


def _proc_state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"
