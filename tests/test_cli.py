"""Tests for the `spacy-elman train` and `evaluate` commands, through typer's test runner."""

import json
from pathlib import Path

import pytest
import spacy
from test_training import write_conll
from typer.testing import CliRunner

from spacy_elman.cli import app
from spacy_elman.training import evaluate

runner = CliRunner()
SMALL_ARGS = [
    "--elman_ner.rows", "[5000,500,1000,200]",
    "--elman_ner.widths", "[16,8,8,8]",
    "--elman_ner.hidden_width", "32",
    "--training.optimizer.learn_rate", "0.01",
    "--training.batcher.size", "300",
]  # fmt: skip


@pytest.fixture
def data(tmp_path: Path):
    return write_conll(tmp_path / "train.conll"), write_conll(tmp_path / "dev.conll", repeat=1)


def test_train_help_documents_every_option():
    result = runner.invoke(app, ["train", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for option in (
        "--output", "--config", "--format", "--label-map", "--labels", "--seed", "--gpu-id",
        "--cpu", "--max-epochs", "--patience", "--max-time", "--resume", "--logdir",
    ):  # fmt: skip
        assert option in result.output


@pytest.mark.slow
def test_train_then_evaluate_cli(data, tmp_path: Path):
    train_path, dev_path = data
    output = tmp_path / "out"
    args = ["train", str(train_path), str(dev_path), "--output", str(output), "--max-epochs", "2"]
    args += ["--label-map", "PER=NAME", "--labels", "NAME", "--seed", "1", *SMALL_ARGS]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "dev F" in result.output and "Best dev F" in result.output
    nlp = spacy.load(output / "model-best")
    ner = nlp.get_pipe("elman_ner")
    assert ner.labels == ("NAME",)
    assert ner.spec.hidden_width == 32  # the shorthand override reached the model
    scores_path = tmp_path / "scores.json"
    result = runner.invoke(
        app,
        ["evaluate", str(output / "model-best"), str(dev_path), "--label-map", "PER=NAME"]
        + ["--labels", "NAME", "--output", str(scores_path)],
    )
    assert result.exit_code == 0, result.output
    assert "NAME" in result.output and "words/s" in result.output
    scores = json.loads(scores_path.read_text())
    assert set(scores) >= {"ents_p", "ents_r", "ents_f", "ents_per_type", "words_per_second"}
    # The command writes what training.evaluate computes (its scores are tested by hand there).
    expected = evaluate(output / "model-best", dev_path, label_map={"PER": "NAME"}, labels=["NAME"])
    for key in ("ents_p", "ents_r", "ents_f"):
        assert scores[key] == pytest.approx(expected[key], abs=1e-3), key
    assert scores["n_docs"] == expected["n_docs"] == 5


@pytest.mark.parametrize(
    "name,content,problem",
    [
        ("columns.conll", "Barack\tB-PER\nObama\tI-PER\tx\n", "expected 2 columns"),
        ("tag.conll", "Barack\tB-PER\nObama\tX-PER\n", "X-PER"),
        ("notjson.jsonl", '{"text": "a", "spans": []}\n{not json\n', "not valid JSON"),
        (
            "misaligned.jsonl",
            '{"text": "Barack Obama", "spans": [{"start": 0, "end": 3, "label": "PER"}]}\n',
            "align",
        ),
    ],
)
def test_train_malformed_input_names_file_and_line(tmp_path: Path, name, content, problem):
    bad = tmp_path / name
    bad.write_text(content, encoding="utf8")
    dev = write_conll(tmp_path / "dev.conll", repeat=1)
    output = tmp_path / "out"
    result = runner.invoke(app, ["train", str(bad), str(dev), "--output", str(output)])
    assert result.exit_code == 1
    line = 1 if name in ("misaligned.jsonl",) else 2
    assert f"{name}:{line}" in result.output
    assert problem in result.output
    assert "Traceback" not in result.output
    assert not (output / "model-best").exists() and not (output / "model-last").exists()


def test_train_cpu_and_gpu_id_exclude_each_other(data, tmp_path: Path):
    train_path, dev_path = data
    result = runner.invoke(
        app, ["train", str(train_path), str(dev_path), "-o", str(tmp_path / "o"), "--cpu"]
        + ["--gpu-id", "0"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "[E208]" in result.output


def test_train_bad_label_map_is_a_clean_error(data, tmp_path: Path):
    train_path, dev_path = data
    result = runner.invoke(
        app, ["train", str(train_path), str(dev_path), "-o", str(tmp_path / "o"), "--label-map", "PER"]
    )  # fmt: skip
    assert result.exit_code == 1
    assert "[E105]" in result.output


def test_evaluate_missing_model_is_a_clean_error(data, tmp_path: Path):
    result = runner.invoke(app, ["evaluate", str(tmp_path / "nope"), str(data[1])])
    assert result.exit_code != 0
    assert "nope" in result.output
    assert "Traceback" not in result.output
