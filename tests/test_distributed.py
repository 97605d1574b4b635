"""The Ray runner (spacy_elman/distributed.py): same records as single-process annotate.

Ray tests share one local instance (num_cpus=2); they skip where Ray is not installed (the
``ray`` extra; CI installs it with ``.[dev]``). The no-Ray message test always runs.
"""

import io
import json
import sys
from pathlib import Path
from typing import List

import pytest
from conftest import TINY_DATA
from typer.testing import CliRunner

from spacy_elman.annotate import AnnotateInputError, annotate_stream
from spacy_elman.cli import app
from spacy_elman.errors import ElmanError

runner = CliRunner()


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


def text_lines(n: int) -> List[bytes]:
    """Varied sentences with numbers, some names, and the edge cases of the line reader."""
    lines = [f"{TINY_DATA[i % len(TINY_DATA)][0]} ({i})".encode() for i in range(n)]
    lines[0] = b"\xef\xbb\xbf" + lines[0]  # a byte-order mark: removed from line 1
    lines[3] = b""
    lines[4] = b"   "
    lines[5] = lines[5] + b"\r"  # "\r\n" line end
    lines[7] = b"caf\xc3\xa9 with Maria Lopez"
    return lines


def write(path: Path, lines: List[bytes], final_newline: bool = True) -> Path:
    path.write_bytes(b"\n".join(lines) + (b"\n" if final_newline else b""))
    return path


def single_process(nlp, path: Path, **options) -> str:
    out = io.StringIO()
    with open(path, "rb") as stream:
        annotate_stream(nlp, stream, out, source=str(path), max_wait=None, **options)
    return out.getvalue()


def shards_text(out_dir: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out_dir.glob("part-*.jsonl")))


# -- without Ray -------------------------------------------------------------------------------


def test_cli_ray_without_ray_installed_says_how_to_install(
    trained_model_path, tmp_path, monkeypatch
):
    for name in [m for m in sys.modules if m == "ray" or m.startswith("ray.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    data = write(tmp_path / "in.txt", [b"hello"])
    result = runner.invoke(
        app, ["annotate", str(trained_model_path), str(data), "--ray", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert result.output.strip() == (
        'spacy-elman: [E220] --ray needs Ray, which is not installed: pip install "spacy-elman[ray]".'
    )
    assert not (tmp_path / "o").exists()


def test_cli_several_inputs_without_ray_exits_with_e225(trained_model_path, tmp_path):
    a = write(tmp_path / "a.txt", [b"hello"])
    result = runner.invoke(app, ["annotate", str(trained_model_path), str(a), str(a)])
    assert result.exit_code == 1
    assert "[E225] 2 INPUTs need --ray" in result.output


def test_cli_ray_options_without_ray_exit_with_e228(trained_model_path, tmp_path):
    a = write(tmp_path / "a.txt", [b"hello"])
    result = runner.invoke(app, ["annotate", str(trained_model_path), str(a), "--workers", "2"])
    assert result.exit_code == 1
    assert "[E228] --workers only applies with --ray." in result.output


# -- fast failures (Ray installed, nothing started) ---------------------------------------------


def test_annotate_to_dir_bad_model_path_fails_fast_with_e201(tmp_path):
    pytest.importorskip("ray")
    from spacy_elman.distributed import annotate_to_dir

    data = write(tmp_path / "in.txt", [b"hello"])
    with pytest.raises(ElmanError, match=r"^\[E201\]"):
        annotate_to_dir(tmp_path / "missing-model", [data], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_annotate_to_dir_empty_input_fails_with_e221(trained_model_path, tmp_path):
    pytest.importorskip("ray")
    from spacy_elman.distributed import annotate_to_dir

    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "a.txt").write_bytes(b"")
    with pytest.raises(ElmanError, match=r"^\[E221\] No input lines: .* hold only empty files"):
        annotate_to_dir(trained_model_path, [tmp_path / "empty"], tmp_path / "out")
    (tmp_path / "none").mkdir()
    with pytest.raises(ElmanError, match=r"hold no files"):
        annotate_to_dir(trained_model_path, [tmp_path / "none"], tmp_path / "out")


def test_annotate_to_dir_missing_input_fails_with_e207(trained_model_path, tmp_path):
    pytest.importorskip("ray")
    from spacy_elman.distributed import annotate_to_dir

    with pytest.raises(ElmanError, match=r"^\[E207\] .*nope\.txt: cannot read the input"):
        annotate_to_dir(trained_model_path, [tmp_path / "nope.txt"], tmp_path / "out")


def test_cli_ray_unreachable_address_fails_fast_with_e222(trained_model_path, tmp_path):
    ray = pytest.importorskip("ray")
    if ray.is_initialized():
        pytest.skip("this process is connected to Ray already: --address would not be used")
    data = write(tmp_path / "in.txt", [b"hello"])
    args = ["annotate", str(trained_model_path), str(data), "--ray", "-o", str(tmp_path / "o")]
    result = runner.invoke(app, [*args, "--address", "127.0.0.1:1"])
    assert result.exit_code == 1
    assert "[E222] Cannot reach the Ray cluster at 127.0.0.1:1" in result.output
    assert not ray.is_initialized()


def test_cli_ray_without_output_exits_with_e226(trained_model_path, tmp_path):
    data = write(tmp_path / "in.txt", [b"hello"])
    result = runner.invoke(app, ["annotate", str(trained_model_path), str(data), "--ray"])
    assert result.exit_code == 1
    assert "[E226]" in result.output


# -- on a local Ray instance ----------------------------------------------------------------------


@pytest.mark.slow
def test_annotate_to_dir_text_shards_concatenate_to_single_process_output(
    ray_local, trained_nlp, trained_model_path, tmp_path
):
    from spacy_elman.distributed import annotate_to_dir

    data = write(tmp_path / "in.txt", text_lines(120) + [b"bad \xff byte"], final_newline=False)
    expected = single_process(trained_nlp, data, fmt="text", on_error="skip")
    stats = annotate_to_dir(
        trained_model_path,
        [str(data)],
        tmp_path / "out",
        on_error="skip",
        workers=2,
        batch_size=7,
        shard_lines=25,
    )
    assert shards_text(tmp_path / "out") == expected
    assert stats.lines == 121 and stats.errors == 1 and stats.docs == 120
    assert stats.error_samples[0].startswith(f"[E214] {data}:121: not valid UTF-8")
    assert len(stats.shards) >= 5  # several shards, each at most 25 lines
    index = (tmp_path / "out" / "_files.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in index] == [{"file": 0, "source": str(data), "lines": 121}]
    assert not list((tmp_path / "out").glob(".spacy-elman-tmp-*"))


@pytest.mark.slow
def test_annotate_dataset_jsonl_directory_skip_gives_same_records_per_file(
    ray_local, trained_nlp, trained_model_path, tmp_path
):
    from spacy_elman.distributed import annotate_dataset

    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    good = [json.dumps({"id": i, "text": t}).encode() for i, (t, _) in enumerate(TINY_DATA * 4)]
    first = good[:10] + [b"{not json", b"[1, 2]", b'{"id": 3}', b""] + good[10:]
    second = good[:3] + [b'{"text": 5}', b'{"line": 9, "error": "mine", "text": "Maria Lopez"}']
    write(corpus / "a.jsonl", first)
    write(corpus / "sub" / "b.jsonl", second)
    (corpus / ".hidden.jsonl").write_bytes(b"{broken\n")  # skipped: a hidden file
    ds = annotate_dataset(
        trained_model_path, [corpus], fmt="jsonl", on_error="skip", workers=2, batch_size=4
    )
    rows = sorted(ds.take_all(), key=lambda r: (r["file"], r["line"]))
    for index, name in enumerate(["a.jsonl", "sub/b.jsonl"]):
        path = corpus / name
        expected = single_process(trained_nlp, path, fmt="jsonl", on_error="skip").splitlines()
        mine = [r for r in rows if r["file"] == index]
        assert [r["output"] for r in mine] == expected
        assert {r["source"] for r in mine} == {str(path)}
        assert [r["line"] for r in mine] == list(range(1, len(expected) + 1))
    errors = [(r["file"], r["line"]) for r in rows if r["error"] is not None]
    assert errors == [(0, 11), (0, 12), (0, 13), (1, 4)]  # not the record with its own "error"


@pytest.mark.slow
def test_annotate_to_dir_stop_reports_first_bad_line_in_input_order_and_leaves_no_shard(
    ray_local, trained_nlp, trained_model_path, tmp_path
):
    from spacy_elman.distributed import annotate_to_dir

    lines = text_lines(60)
    first = list(lines)
    first[40] = b"bad \xff"  # file 1, line 41: the first bad line in input order
    first[55] = b"bad \xfe"
    second = list(lines)
    second[2] = b"bad \xfd"  # file 2, line 3: earlier in its file, later in input order
    a, b = write(tmp_path / "a.txt", first), write(tmp_path / "b.txt", second)
    with pytest.raises(AnnotateInputError) as caught:
        single_process(trained_nlp, a, fmt="text", on_error="stop")
    out = tmp_path / "out"
    with pytest.raises(AnnotateInputError) as err:
        annotate_to_dir(trained_model_path, [a, b], out, workers=2, batch_size=5, shard_lines=10)
    assert str(err.value) == str(caught.value)
    assert str(err.value).startswith(f"[E214] {a}:41: not valid UTF-8")
    assert err.value.line == 41
    assert list(out.iterdir()) == []  # no shard, no temporary folder


@pytest.mark.slow
def test_cli_ray_writes_shards_equal_to_single_process_and_refuses_to_mix_runs(
    ray_local, trained_nlp, trained_model_path, tmp_path
):
    data = write(tmp_path / "in.txt", text_lines(50))
    out = tmp_path / "out"
    args = ["annotate", str(trained_model_path), str(data), "--ray", "--workers", "1"]
    result = runner.invoke(app, [*args, "--output", str(out), "--batch-size", "16"])
    assert result.exit_code == 0, result.output
    assert shards_text(out) == single_process(trained_nlp, data, fmt="text", on_error="stop")
    again = runner.invoke(app, [*args, "--output", str(out)])
    assert again.exit_code == 1
    assert "[E224]" in again.output and "already holds" in again.output


@pytest.mark.slow
def test_annotate_to_dir_corrupted_weights_fail_with_the_load_error(
    ray_local, trained_model_path, tmp_path
):
    import shutil

    from spacy_elman.distributed import annotate_to_dir

    model = tmp_path / "model"
    shutil.copytree(trained_model_path, model)
    weights = [p for p in (model / "elman_ner").iterdir() if p.name != "cfg"]
    for path in weights:
        path.write_bytes(path.read_bytes()[:20])
    data = write(tmp_path / "in.txt", [b"hello Maria Lopez"])
    with pytest.raises(ElmanError, match=r"^\[E0|^\[E204\]") as err:
        annotate_to_dir(model, [data], tmp_path / "out")
    assert "Traceback" not in str(err.value)
    assert not list((tmp_path / "out").iterdir())
