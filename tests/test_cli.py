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
    "--elman_ner.rows", "[5000,500,1000,200,1001,5]",
    "--elman_ner.widths", "[16,8,8,8,8,4]",
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
        "--negatives", "--no-negatives", "--extra-train", "--extra-limit",
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
    assert ner.labels == ("LOC", "NAME")  # --labels NAME: LOC is learned as a negative
    assert ner.cfg["output_labels"] == ["NAME"]
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
    # --raw: the pipeline tokenizes the texts; the same scores as training.evaluate(raw=True).
    result = runner.invoke(
        app,
        ["evaluate", str(output / "model-best"), str(dev_path), "--label-map", "PER=NAME"]
        + ["--labels", "NAME", "--raw", "--output", str(scores_path)],
    )
    assert result.exit_code == 0, result.output
    raw = evaluate(
        output / "model-best", dev_path, label_map={"PER": "NAME"}, labels=["NAME"], raw=True
    )
    assert json.loads(scores_path.read_text())["ents_f"] == pytest.approx(raw["ents_f"], abs=1e-3)


@pytest.mark.slow
def test_train_no_negatives_trains_other_labels_as_o(data, tmp_path: Path):
    train_path, dev_path = data
    output = tmp_path / "out"
    args = ["train", str(train_path), str(dev_path), "--output", str(output), "--max-epochs", "1"]
    args += ["--label-map", "PER=NAME", "--labels", "NAME", "--no-negatives", *SMALL_ARGS]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    ner = spacy.load(output / "model-best").get_pipe("elman_ner")
    assert ner.labels == ("NAME",) and ner.cfg["output_labels"] == []


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


# -- exit codes, short forms, help ------------------------------------------------------------


@pytest.mark.parametrize(
    "override", [["--elman_ner.hidden_widht", "100"], ["--training.nonsense", "1"]]
)
def test_train_bad_override_key_is_one_message_naming_it(data, tmp_path: Path, override):
    train_path, dev_path = data
    output = tmp_path / "o"
    result = runner.invoke(
        app, ["train", str(train_path), str(dev_path), "-o", str(output)] + override
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "[E320]" in result.output
    assert override[0].rpartition(".")[2] in result.output  # the misspelt key, by name
    assert len(result.output.strip().splitlines()) == 1
    assert not (output / "model-best").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate"],  # missing arguments
        ["train", "a.conll", "b.conll", "-o", "x", "--max-epochs", "many"],  # not an int
        ["evaluate", "m", "d", "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_cli_usage_errors_exit_1_like_user_errors(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output


@pytest.mark.parametrize(
    "command",
    [["train", "a.conll", "b.conll", "-o", "x"], ["evaluate", "m", "d"], ["annotate", "m"]],
)
def test_cli_gpu_id_has_short_form_g(command):
    result = runner.invoke(app, [*command, "-g", "0", "--cpu"])
    assert result.exit_code == 1
    assert "[E208]" in result.output  # -g was understood as --gpu-id


@pytest.mark.parametrize(
    "command,usage",
    [("train", "{TRAIN} {DEV}"), ("evaluate", "{MODEL} {DATA}"), ("annotate", "{MODEL} [INPUT]")],
)
def test_cli_help_uppercase_arguments_and_flags_without_value(command, usage):
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert f"Usage: spacy-elman {command} [OPTIONS] {usage}" in " ".join(result.output.split())
    assert "<bool>" not in result.output  # --cpu, --resume, --help are plain flags
    assert "-g" in result.output


def test_train_bad_name_or_version_exit_1(data, tmp_path: Path):
    train_path, dev_path = data
    base = ["train", str(train_path), str(dev_path), "-o", str(tmp_path / "o")]
    result = runner.invoke(app, [*base, "--name", "my-model"])
    assert result.exit_code == 1 and "[E321]" in result.output
    result = runner.invoke(app, [*base, "--version", "one"])
    assert result.exit_code == 1 and "[E322]" in result.output


# -- the live display ---------------------------------------------------------------------------


def make_display():
    import io

    from rich.console import Console

    from spacy_elman.cli import TrainDisplay

    out = io.StringIO()
    return TrainDisplay(Console(file=out, width=200), Console(file=io.StringIO())), out


def test_train_display_says_preparing_before_epoch_1():
    display, _ = make_display()
    task = display.bar.tasks[0]
    assert "preparing" in task.description
    assert "epoch" not in task.description and "words/s" not in task.fields["stats"]
    display.progress(1, 0, 1000, 0.0)
    assert display.bar.tasks[0].description.split() == ["epoch", "1"]


def test_train_display_no_speed_over_a_tiny_interval():
    display, _ = make_display()
    display.progress(1, 0, 10_000, 0.0)
    display.progress(1, 500, 10_000, 12.0)  # a few microseconds later
    stats = display.bar.tasks[0].fields["stats"]
    assert "words/s" not in stats and "loss 12.00" in stats


def test_train_display_speed_and_time_left_per_epoch():
    display, _ = make_display()
    for epoch in (1, 2):
        display.progress(epoch, 0, 10_000, 0.0)
        display.start -= 2.0  # two seconds into the epoch ...
        display.progress(epoch, 1_000, 10_000, 5.0)  # ... 10% done
        stats = display.bar.tasks[0].fields["stats"]
        speed = int(stats.split("train words/s")[0].split()[-1].replace(",", ""))
        assert 400 <= speed <= 500, stats  # 1,000 words in 2 s
        assert "0:18 left" in stats or "0:19 left" in stats, stats  # 9,000 words at 500/s
        display.progress(epoch, 10_000, 10_000, 9.0)


def test_train_display_table_shows_training_and_dev_speed():
    from spacy_elman.training import EpochResult

    display, out = make_display()
    row = EpochResult(
        epoch=1, loss=10.0, ents_p=0.5, ents_r=0.25, ents_f=0.333, words_per_second=45678.0,
        seconds=3.0, max_grad_norm=1.0, best=True, train_words_per_second=12345.0,
    )  # fmt: skip
    display.on_epoch(row)
    header, line = out.getvalue().splitlines()
    assert header.split() == ["epoch", "loss", "dev", "P", "dev", "R", "dev", "F", "train",
                              "w/s", "dev", "w/s", "secs"]  # fmt: skip
    assert line.split()[:8] == ["1", "10.00", "0.500", "0.250", "0.333", "12345", "45678", "3.0"]


# -- meta.json, rounded scores, spacy package ---------------------------------------------------


@pytest.fixture(scope="module")
def named_model(tmp_path_factory):
    """A tiny model trained by the CLI with --name and --version."""
    tmp_path = tmp_path_factory.mktemp("named")
    train_path = write_conll(tmp_path / "train.conll")
    dev_path = write_conll(tmp_path / "dev.conll", repeat=1)
    output = tmp_path / "out"
    args = ["train", str(train_path), str(dev_path), "-o", str(output), "--max-epochs", "2"]
    args += ["--name", "tiny_names", "--version", "1.2.3", "--seed", "0", *SMALL_ARGS]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return output, dev_path


def decimals(value: float) -> int:
    text = repr(value)
    return len(text.partition(".")[2]) if "." in text and "e" not in text else 0


@pytest.mark.slow
def test_train_meta_has_name_version_and_dev_performance(named_model):
    output, _ = named_model
    metrics = json.loads((output / "metrics.json").read_text())
    for name in ("model-best", "model-last"):
        meta = json.loads((output / name / "meta.json").read_text())
        assert (meta["name"], meta["version"]) == ("tiny_names", "1.2.3")
        performance = meta["performance"]
        assert set(performance) >= {"ents_f", "ents_p", "ents_r", "ents_per_type", "speed"}
        epoch = metrics["best_epoch"] if name == "model-best" else metrics["history"][-1]["epoch"]
        row = metrics["history"][epoch - 1]
        assert performance["ents_f"] == pytest.approx(row["ents_f"], abs=1e-4)
        assert set(performance["ents_per_type"]) == {"PER", "LOC"}
    spacy.load(output / "model-best")  # spaCy accepts the meta


@pytest.mark.slow
def test_train_metrics_and_evaluate_json_are_rounded(named_model, tmp_path: Path):
    output, dev_path = named_model
    metrics = json.loads((output / "metrics.json").read_text())
    for row in metrics["history"]:
        for key in ("ents_p", "ents_r", "ents_f", "loss"):
            assert decimals(row[key]) <= 4, (key, row[key])
        assert row["train_words_per_second"] > 0 and row["dev_words_per_second"] > 0
        assert row["train_words_per_second"] != row["dev_words_per_second"]
    scores_path = tmp_path / "scores.json"
    result = runner.invoke(app, ["evaluate", str(output / "model-best"), str(dev_path)]
                           + ["-o", str(scores_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    scores = json.loads(scores_path.read_text())
    floats = [scores["ents_p"], scores["ents_r"], scores["ents_f"]]
    floats += [v for prf in scores["ents_per_type"].values() for v in prf.values()]
    assert all(decimals(value) <= 4 for value in floats), scores


@pytest.mark.slow
def test_spacy_package_requires_spacy_elman_and_installs(named_model, tmp_path: Path):
    """`spacy package` finds the spacy-elman requirement; the built sdist installs and loads."""
    import subprocess
    import sys

    output, _ = named_model
    dist = tmp_path / "packages"
    dist.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "spacy", "package", str(output / "model-best"), str(dist)]
        + ["--build", "sdist", "--force"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    package = dist / "en_tiny_names-1.2.3"
    meta = json.loads((package / "meta.json").read_text())
    assert any(req.startswith("spacy-elman") for req in meta["requirements"]), meta
    assert meta["performance"]["ents_f"] >= 0.0
    sdist = package / "dist" / "en_tiny_names-1.2.3.tar.gz"
    assert sdist.exists(), list(package.rglob("*"))
    target = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(target), str(sdist)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    code = (
        "import spacy; nlp = spacy.load('en_tiny_names'); "
        "print(nlp.meta['name'], nlp.meta['version'], nlp.pipe_names, "
        "[e.text for e in nlp('I met Angela Merkel today').ents])"
    )
    env = {**__import__("os").environ, "PYTHONPATH": str(target)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split()[:3] == ["tiny_names", "1.2.3", "['elman_ner']"], proc.stdout
