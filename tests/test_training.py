"""Tests for spacy_elman.training: the train loop, atomic saves, resume, NaN handling, evaluate."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from thinc.api import Config

from spacy_elman.errors import ElmanError, NonFiniteLossError
from spacy_elman.pipeline import ElmanNER
from spacy_elman.training import (
    DEFAULT_CONFIG,
    evaluate,
    expand_overrides,
    make_config,
    recover,
    save_atomic,
    train,
)

REPO = Path(__file__).parent.parent
CORPUS = REPO / "corpus"

# Small network settings, applied through the shorthand overrides the CLI accepts.
SMALL = {
    "elman_ner.rows": [5000, 500, 1000, 200],
    "elman_ner.widths": [16, 8, 8, 8],
    "elman_ner.hidden_width": 32,
    "training.batcher.size": 300,
    "training.optimizer.learn_rate": 0.01,
}

SENTENCES = [
    [("Barack", "B-PER"), ("Obama", "I-PER"), ("visited", "O"), ("Paris", "B-LOC"), (".", "O")],
    [("I", "O"), ("met", "O"), ("Angela", "B-PER"), ("Merkel", "I-PER"), ("today", "O")],
    [("Maria", "B-PER"), ("Lopez", "I-PER"), ("lives", "O"), ("in", "O"), ("Madrid", "B-LOC")],
    [("The", "O"), ("weather", "O"), ("is", "O"), ("nice", "O"), (".", "O")],
    [
        ("Kenji", "B-PER"),
        ("Watanabe", "I-PER"),
        ("and", "O"),
        ("Amara", "B-PER"),
        ("Okafor", "I-PER"),
    ],
]


def write_conll(path: Path, sentences=SENTENCES, repeat: int = 4) -> Path:
    """Write sentences as a 2-column CoNLL file and return its path."""
    lines = []
    for _ in range(repeat):
        for sentence in sentences:
            lines.extend(f"{word}\t{tag}" for word, tag in sentence)
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf8")
    return path


@pytest.fixture
def data(tmp_path: Path):
    return write_conll(tmp_path / "train.conll"), write_conll(tmp_path / "dev.conll", repeat=1)


def run_train(data, output: Path, **kwargs):
    train_path, dev_path = data
    settings = dict(max_epochs=2, patience=5, label_map={"PER": "NAME"}, labels=["NAME"], seed=0)
    settings.update(kwargs)
    return train(train_path, dev_path, output, overrides=dict(SMALL), **settings)


def test_expand_overrides_shorthand_reaches_model_and_component():
    config = Config().from_disk(DEFAULT_CONFIG, interpolate=False)
    expanded = expand_overrides(
        {"elman_ner.hidden_width": 7, "elman_ner.word_dropout": 0.3, "training.dropout": 0.1},
        config,
    )
    assert expanded == {
        "components.elman_ner.model.hidden_width": 7,
        "components.elman_ner.word_dropout": 0.3,
        "training.dropout": 0.1,
    }


def test_make_config_applies_paths_labels_and_device(tmp_path: Path):
    config = make_config(
        None,
        {"elman_ner.hidden_width": 12},
        train_path="a.conll",
        dev_path="b.conll",
        label_map={"PER": "NAME"},
        labels=["NAME"],
        device="cpu",
    )
    assert config["paths"]["train"] == "a.conll"
    assert config["components"]["elman_ner"]["model"]["hidden_width"] == 12
    assert config["components"]["elman_ner"]["device"] == "cpu"
    assert config["corpora"]["dev"]["label_map"] == {"PER": "NAME"}
    assert config["corpora"]["train"]["labels"] == ["NAME"]


def test_make_config_missing_file_raises_e301(tmp_path: Path):
    with pytest.raises(ElmanError, match=r"\[E301\]"):
        make_config(tmp_path / "nope.cfg")


def test_packaged_config_matches_factory_defaults():
    """configs/default.cfg and the factory's default config must not drift apart."""
    config = Config().from_disk(DEFAULT_CONFIG, interpolate=False)
    nlp = spacy.blank("en")
    nlp.add_pipe("elman_ner")
    factory = nlp.config["components"]["elman_ner"]
    assert dict(config["components"]["elman_ner"]) == dict(factory)


@pytest.mark.slow
def test_train_writes_models_metrics_and_plot(data, tmp_path: Path):
    output = tmp_path / "out"
    result = run_train(data, output, max_epochs=3)
    assert [row.epoch for row in result.history] == [1, 2, 3]
    for name in ("model-best", "model-last"):
        nlp = spacy.load(output / name)
        assert nlp.pipe_names == ["elman_ner"]
        assert nlp.get_pipe("elman_ner").labels == ("NAME",)
    metrics = json.loads((output / "metrics.json").read_text())
    assert len(metrics["history"]) == 3
    assert metrics["best_ents_f"] == max(row["ents_f"] for row in metrics["history"])
    assert (output / "training.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(output.glob(".*"))  # no temporary directories left behind
    # The loss goes down on this tiny, learnable set.
    assert result.history[-1].loss < result.history[0].loss


@pytest.mark.slow
def test_train_resume_continues_history(data, tmp_path: Path):
    output = tmp_path / "out"
    run_train(data, output, max_epochs=1)
    result = run_train(data, output, max_epochs=3, resume=True)
    assert [row.epoch for row in result.history] == [1, 2, 3]


def test_train_resume_without_state_raises_e304(data, tmp_path: Path):
    with pytest.raises(ElmanError, match=r"\[E304\]"):
        run_train(data, tmp_path / "empty", resume=True)


@pytest.mark.slow
def test_train_stops_on_nan_and_keeps_last_good_model(data, tmp_path: Path, monkeypatch):
    output = tmp_path / "out"
    run_train(data, output, max_epochs=1)
    before = (output / "model-last" / "elman_ner" / "weights").read_bytes()
    original = ElmanNER.update

    def poisoned(self, examples, **kwargs):
        original(self, examples, **kwargs)
        raise NonFiniteLossError("[E010] The loss became non-finite (nan).")

    monkeypatch.setattr(ElmanNER, "update", poisoned)
    with pytest.raises(ElmanError, match=r"\[E303\].*epoch 2"):
        run_train(data, output, max_epochs=3, resume=True)
    assert (output / "model-last" / "elman_ner" / "weights").read_bytes() == before
    spacy.load(output / "model-best")


@pytest.mark.slow
def test_train_time_budget_stops_early(data, tmp_path: Path):
    result = run_train(data, tmp_path / "out", max_epochs=50, max_time=0.0)
    assert len(result.history) == 1
    assert "time budget" in result.stopped
    assert result.history[0].complete is False


@pytest.mark.slow
def test_train_logdir_writes_tensorboard_events(data, tmp_path: Path):
    run_train(data, tmp_path / "out", max_epochs=1, logdir=tmp_path / "tb")
    assert list((tmp_path / "tb").glob("events.out.tfevents.*"))


def test_train_bad_data_leaves_no_model(tmp_path: Path):
    bad = tmp_path / "bad.conll"
    bad.write_text("Barack\tB-PER\nObama\tX-PER\n", encoding="utf8")
    dev = write_conll(tmp_path / "dev.conll", repeat=1)
    with pytest.raises(ElmanError, match=r"bad\.conll:2"):
        train(bad, dev, tmp_path / "out", overrides=dict(SMALL), max_epochs=1)
    assert not (tmp_path / "out" / "model-best").exists()
    assert not (tmp_path / "out" / "model-last").exists()


def test_save_atomic_failure_keeps_previous_model(trained_nlp, tmp_path: Path, monkeypatch):
    target = tmp_path / "model-best"
    save_atomic(trained_nlp, target)
    before = (target / "elman_ner" / "weights").read_bytes()

    def broken_to_disk(path, **kwargs):
        Path(path).mkdir(parents=True)
        (Path(path) / "half-written").write_text("x")
        raise OSError("disk full")

    monkeypatch.setattr(trained_nlp, "to_disk", broken_to_disk)
    with pytest.raises(OSError):
        save_atomic(trained_nlp, target)
    assert (target / "elman_ner" / "weights").read_bytes() == before
    assert not (target / "half-written").exists()
    spacy.load(target)


def test_recover_restores_interrupted_swap(trained_nlp, tmp_path: Path):
    target = tmp_path / "model-last"
    save_atomic(trained_nlp, target)
    # Simulate a crash between the two renames of the swap.
    target.rename(tmp_path / ".model-last.old")
    recover(target)
    assert (target / "config.cfg").exists()
    spacy.load(target)


@pytest.mark.slow
def test_evaluate_matches_spacy_scorer(data, tmp_path: Path):
    output = tmp_path / "out"
    run_train(data, output, max_epochs=2)
    scores = evaluate(output / "model-best", data[1], label_map={"PER": "NAME"}, labels=["NAME"])
    nlp = spacy.load(output / "model-best")
    from spacy_elman.readers import read_examples

    examples = list(read_examples(data[1], nlp, label_map={"PER": "NAME"}, labels=["NAME"]))
    expected = nlp.evaluate(examples)
    assert scores["ents_f"] == pytest.approx(expected["ents_f"])
    assert set(scores["ents_per_type"]) == {"NAME"}
    assert scores["n_docs"] == len(SENTENCES)
    assert scores["words_per_second"] > 0


@pytest.mark.slow
def test_spacy_train_cli_trains_the_component(tmp_path: Path):
    """`python -m spacy train configs/default.cfg` trains elman_ner like any spaCy component."""
    train_path = write_conll(tmp_path / "train.conll")
    dev_path = write_conll(tmp_path / "dev.conll", repeat=1)
    cmd = [
        sys.executable, "-m", "spacy", "train", str(REPO / "configs" / "default.cfg"),
        "--paths.train", str(train_path), "--paths.dev", str(dev_path),
        "--output", str(tmp_path / "out"),
        "--training.max_steps", "20", "--training.eval_frequency", "10",
        "--components.elman_ner.model.rows", "[5000,500,1000,200]",
        "--components.elman_ner.model.widths", "[16,8,8,8]",
        "--components.elman_ner.model.hidden_width", "32",
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    nlp = spacy.load(tmp_path / "out" / "model-best")
    assert set(nlp.get_pipe("elman_ner").labels) == {"PER", "LOC"}


@pytest.mark.slow
def test_train_on_bundled_corpus_finds_unseen_names(tmp_path: Path):
    """The embedded default job: the corpus trains a tagger that finds names it never saw."""
    output = tmp_path / "out"
    result = train(
        CORPUS / "train.conll", CORPUS / "dev.conll", output, max_epochs=2, patience=2, seed=0
    )
    assert result.best_f > 0.8, result.history
    nlp = spacy.load(output / "model-best")
    doc = nlp("Yesterday Oluwaseun Adebayo met Margarethe Szczepanski in Paris.")
    assert [ent.text for ent in doc.ents] == ["Oluwaseun Adebayo", "Margarethe Szczepanski"]
