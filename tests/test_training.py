"""Tests for spacy_elman.training: the train loop, atomic saves, resume, NaN handling, evaluate."""

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy
import srsly
from thinc.api import Config

import spacy_elman.training as training_module
from spacy_elman.errors import ElmanError, NonFiniteLossError
from spacy_elman.pipeline import ElmanNER
from spacy_elman.training import (
    DEFAULT_CONFIG,
    STATE_FILE,
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
    "elman_ner.rows": [5000, 500, 1000, 200, 1001, 5],
    "elman_ner.widths": [16, 8, 8, 8, 8, 4],
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


def run_train(data, output: Path, extra=None, **kwargs):
    """``train`` with the small settings; ``extra`` adds or replaces config overrides."""
    train_path, dev_path = data
    settings = dict(max_epochs=2, patience=5, label_map={"PER": "NAME"}, labels=["NAME"], seed=0)
    settings["negatives"] = False  # the tests of labels with negatives say so
    settings.update(kwargs)
    return train(train_path, dev_path, output, overrides={**SMALL, **(extra or {})}, **settings)


# About 30 words per update: 4 updates per epoch on the 100-word training file.
SMALL_BATCHES = {"training.batcher.size": 30}


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
    # --labels with negatives (the default): all labels trained, only NAME written and scored.
    assert config["corpora"]["train"]["labels"] == []
    assert config["corpora"]["dev"]["labels"] == ["NAME"]
    assert config["components"]["elman_ner"]["output_labels"] == ["NAME"]
    plain = make_config(None, train_path="a", dev_path="b", labels=["NAME"], negatives=False)
    assert plain["corpora"]["train"]["labels"] == plain["corpora"]["dev"]["labels"] == ["NAME"]
    assert plain["components"]["elman_ner"]["output_labels"] == []


def test_make_config_extra_train_joins_corpora_with_the_same_label_settings(tmp_path):
    nlp = spacy.blank("en")
    main = tmp_path / "news.conll"
    main.write_text("Ana\tB-PER\nran\tO\n\nParis\tB-LOC\n", encoding="utf-8")
    extra = tmp_path / "more.jsonl"
    rows = [
        {"text": f"Bo{i} ran", "spans": [{"start": 0, "end": 3, "label": "PER"}]} for i in range(4)
    ]
    extra.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    config = make_config(
        None,
        train_path=main,
        dev_path=main,
        fmt="conll",
        label_map={"PER": "NAME"},
        labels=["NAME"],
        extra_train=[extra],
        extra_limit=3,
    )
    train = config["corpora"]["train"]
    assert train["@readers"] == "spacy_elman.JoinedCorpus.v1"
    assert set(train["*"]) == {"main", "extra1"}
    assert train["*"]["extra1"]["format"] is None  # by its extension, not --format
    corpus = spacy.registry.resolve(config.interpolate())["corpora"]["train"]
    got = [[(e.text.lower(), e.label_) for e in eg.reference.ents] for eg in corpus(nlp)]
    # both parts map PER to NAME and keep the other labels (negatives); 3 of the 4 extras
    # (lower-cased: the default augmenter lower-cases some examples of every part, and may
    # give `Ana` another name; `Bo0` has a digit, so it keeps its own)
    assert [[label for _, label in ents] for ents in got] == [["NAME"], ["LOC"]] + [["NAME"]] * 3
    assert got[1:] == [[("paris", "LOC")]] + [[(f"bo{i}", "NAME")] for i in range(3)]
    with pytest.raises(ElmanError, match=r"\[E101\].*nope\.conll"):
        make_config(None, train_path=main, dev_path=main, extra_train=[tmp_path / "nope.conll"])


def test_make_config_optimize_accuracy_adds_affixes_and_overrides_win():
    plain = make_config(None)["components"]["elman_ner"]["model"]
    config = make_config(None, optimize="accuracy")
    model = config["components"]["elman_ner"]["model"]
    assert model["features"][: len(plain["features"])] == plain["features"]
    assert {"prefix2", "prefix3", "suffix2", "suffix4"} <= set(model["features"])
    assert len(model["features"]) == len(model["rows"]) == len(model["widths"])
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)  # a valid architecture
    assert nlp.get_pipe("elman_ner").spec.features == tuple(model["features"])
    mine = make_config(None, {"elman_ner.hidden_width": 12}, optimize="accuracy")
    assert mine["components"]["elman_ner"]["model"]["hidden_width"] == 12
    narrow = [8] * len(model["widths"])
    both = make_config(None, {"elman_ner.widths": narrow}, optimize="accuracy")
    assert both["components"]["elman_ner"]["model"]["widths"] == narrow  # the user's wins
    assert make_config(None, optimize="efficiency") == make_config(None)
    with pytest.raises(ElmanError, match=r"\[E323\].*efficiency, accuracy"):
        make_config(None, optimize="speed")


def test_make_config_bad_override_raises_e302():
    with pytest.raises(ElmanError, match=r"\[E302\].*default\.cfg.*training -> nonexistent -> x"):
        make_config(None, {"training.nonexistent.x": 1})


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


def tensorboard_steps(logdir: Path, tag: str):
    """The steps at which ``tag`` was written to the TensorBoard event files in ``logdir``."""
    from spacy_elman.tf_shim import tf

    steps = []
    for path in sorted(logdir.glob("events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(str(path)):
            steps.extend(event.step for value in event.summary.value if value.tag == tag)
    return steps


@pytest.mark.slow
def test_train_resume_restores_weights_adam_state_history_and_step(data, tmp_path, monkeypatch):
    output = tmp_path / "out"
    first = run_train(data, output, SMALL_BATCHES, max_epochs=2, logdir=tmp_path / "tb1")
    saved_state = srsly.msgpack_loads((output / "model-last" / STATE_FILE).read_bytes())
    saved_weights = spacy.load(output / "model-last").get_pipe("elman_ner").get_weights()
    steps_before = tensorboard_steps(tmp_path / "tb1", "train/batch_loss")
    assert steps_before == list(range(1, 9))  # 2 epochs of 4 updates
    assert int(saved_state["optimizer"]["step"]) == 8 and saved_state["step"] == 8

    # What the first update of the resumed run starts from.
    seen = {}
    original = ElmanNER.update

    def spy(self, examples, **kwargs):
        if not seen:
            seen["weights"] = {k: v.copy() for k, v in self.get_weights().items()}
            seen["adam"] = self.net.get_optimizer_state()
        return original(self, examples, **kwargs)

    monkeypatch.setattr(ElmanNER, "update", spy)
    resumed = run_train(
        data, output, SMALL_BATCHES, max_epochs=3, resume=True, logdir=tmp_path / "tb2"
    )
    # model-last holds the averages (use_averages = true); training resumes from the raw weights.
    for name, value in saved_state.get("weights", saved_weights).items():
        np.testing.assert_array_equal(seen["weights"][name], value, err_msg=name)
    assert set(seen["adam"]) == set(saved_state["optimizer"])
    for key, value in saved_state["optimizer"].items():
        np.testing.assert_array_equal(seen["adam"][key], value, err_msg=key)
    assert any(np.abs(v).sum() > 0 for k, v in seen["adam"].items() if k.startswith("m/"))
    # The history is the first run's, plus the new epoch.
    assert [row.epoch for row in resumed.history] == [1, 2, 3]
    assert resumed.history[:2] == first.history
    # TensorBoard's step continues where the first run stopped.
    assert tensorboard_steps(tmp_path / "tb2", "train/batch_loss") == list(range(9, 13))
    # The loss continues the curve: far below a fresh model's first epoch, and below the last
    # epoch before the stop (a resume from untrained weights would be back near epoch 1).
    scratch, last, after = first.history[0].loss, first.history[1].loss, resumed.history[2].loss
    assert after < last < scratch
    assert after < scratch / 5


@pytest.mark.slow
def test_train_resume_with_other_labels_raises_e306(data, tmp_path: Path):
    output = tmp_path / "out"
    run_train(data, output, max_epochs=1)  # NAME (from PER) only
    before = (output / "model-last" / "elman_ner" / "weights").read_bytes()
    # No --labels: the data has PER and LOC, which the model does not predict.
    with pytest.raises(ElmanError, match=r"\[E306\].*labels NAME.*data has LOC, PER"):
        run_train(data, output, max_epochs=2, resume=True, label_map=None, labels=None)
    # One label more than the first run.
    with pytest.raises(ElmanError, match=r"\[E306\].*labels NAME.*data has LOC, NAME"):
        run_train(data, output, max_epochs=2, resume=True, labels=["NAME", "LOC"])
    assert (output / "model-last" / "elman_ner" / "weights").read_bytes() == before
    # The same labels as the first run resume fine.
    assert len(run_train(data, output, max_epochs=2, resume=True).history) == 2


@pytest.mark.slow
def test_train_labels_with_negatives_learn_all_and_write_only_labels(data, tmp_path: Path):
    output = tmp_path / "out"
    result = run_train(data, output, max_epochs=3, negatives=True, extra=SMALL_BATCHES)
    nlp = spacy.load(output / "model-best")
    ner = nlp.get_pipe("elman_ner")
    assert ner.labels == ("LOC", "NAME")  # LOC learned as a negative
    assert ner.cfg["output_labels"] == ["NAME"]
    docs = list(nlp.pipe(["Maria Lopez lives in Madrid", "Paris welcomed Kenji Watanabe"]))
    assert {ent.label_ for doc in docs for ent in doc.ents} <= {"NAME"}
    assert set(nlp.meta["performance"]["ents_per_type"]) == {"NAME"}  # dev scored on NAME
    assert len(result.history) == 3
    # A resume with the same settings keeps both labels.
    resumed = run_train(data, output, max_epochs=4, negatives=True, resume=True)
    assert len(resumed.history) == 4
    assert spacy.load(output / "model-last").get_pipe("elman_ner").labels == ("LOC", "NAME")


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
def test_train_time_budget_cuts_the_epoch_and_saves_its_models(data, tmp_path: Path):
    output = tmp_path / "out"
    result = run_train(data, output, SMALL_BATCHES, max_epochs=50, max_time=0.0)
    assert len(result.history) == 1
    assert "time budget" in result.stopped
    assert result.history[0].complete is False  # 1 of 4 updates done
    # The partial epoch's models are saved, and its state says what happened.
    state = srsly.msgpack_loads((output / "model-last" / STATE_FILE).read_bytes())
    assert state["step"] == 1 and int(state["optimizer"]["step"]) == 1
    assert state["history"][0]["complete"] is False
    metrics = json.loads((output / "metrics.json").read_text())
    assert metrics["history"][0]["complete"] is False
    assert any(np.abs(v).sum() > 0 for k, v in state["optimizer"].items() if k.startswith("m/"))
    for name in ("model-best", "model-last"):
        nlp = spacy.load(output / name)
        assert nlp.get_pipe("elman_ner").labels == ("NAME",)


@pytest.mark.slow
def test_train_time_budget_on_the_last_batch_keeps_the_epoch_complete(data, tmp_path: Path):
    # Batches of 300 words: the epoch is one update, so the budget runs out on its last batch.
    result = run_train(data, tmp_path / "out", max_epochs=50, max_time=0.0)
    assert len(result.history) == 1
    assert "time budget" in result.stopped
    assert result.history[0].complete is True


def learn_rate_spy(monkeypatch):
    """Record the learn rate of every Adam step of ``ElmanNet``; returns the list."""
    from spacy_elman.tf_shim import ElmanNet

    rates = []
    original = ElmanNet.apply_gradients

    def spy(self, learn_rate, **kwargs):
        rates.append(learn_rate)
        return original(self, learn_rate, **kwargs)

    monkeypatch.setattr(ElmanNet, "apply_gradients", spy)
    return rates


@pytest.mark.slow
def test_train_learn_rate_schedule_reaches_every_update(data, tmp_path: Path, monkeypatch):

    config = Config().from_disk(DEFAULT_CONFIG, interpolate=False)
    config["training"]["optimizer"]["learn_rate"] = {
        "@schedules": "warmup_linear.v1",
        "initial_rate": 0.01,
        "warmup_steps": 2,
        "total_steps": 6,
    }
    config_path = tmp_path / "schedule.cfg"
    config.to_disk(config_path)
    rates = learn_rate_spy(monkeypatch)
    overrides = {k: v for k, v in {**SMALL, **SMALL_BATCHES}.items() if "learn_rate" not in k}
    train(
        *data, tmp_path / "out", config_path=config_path, overrides=overrides, max_epochs=2,
        label_map={"PER": "NAME"}, labels=["NAME"], seed=0,
    )  # fmt: skip
    # warmup_linear by hand: step/2 * 0.01 for 2 steps, then (6 - step)/4 * 0.01, then 0.
    assert rates == pytest.approx([0.0, 0.005, 0.01, 0.0075, 0.005, 0.0025, 0.0, 0.0])


@pytest.mark.slow
def test_train_logdir_writes_tensorboard_events(data, tmp_path: Path):
    run_train(data, tmp_path / "out", max_epochs=1, logdir=tmp_path / "tb")
    assert list((tmp_path / "tb").glob("events.out.tfevents.*"))


@pytest.mark.parametrize("empty", ["train", "dev"])
def test_train_empty_data_raises_e305(tmp_path: Path, empty):
    paths = {
        "train": write_conll(tmp_path / "train.conll"),
        "dev": write_conll(tmp_path / "dev.conll"),
    }
    paths[empty] = tmp_path / "empty.conll"
    paths[empty].write_text("-DOCSTART- -X- -X- O\n\n", encoding="utf8")  # a marker, no sentence
    which = "training" if empty == "train" else "dev"
    with pytest.raises(ElmanError, match=rf"\[E305\] The {which} data .*empty\.conll"):
        run_train((paths["train"], paths["dev"]), tmp_path / "out", max_epochs=1)
    assert not (tmp_path / "out" / "model-last").exists()


def test_evaluate_empty_data_raises_e305(trained_model_path, tmp_path: Path):
    empty = tmp_path / "empty.conll"
    empty.write_text("", encoding="utf8")
    with pytest.raises(ElmanError, match=r"\[E305\] The evaluation data .*empty\.conll"):
        evaluate(trained_model_path, empty)


def test_train_labels_absent_from_the_data_raise_e307(data, tmp_path: Path):
    # --labels NAME without --label-map PER=NAME: the data has no NAME at all.
    with pytest.raises(ElmanError, match=r"\[E307\] --labels NAME: .*labels found: LOC, PER\)"):
        run_train(data, tmp_path / "out", label_map=None, labels=["NAME"])
    # One of two labels is absent: the model would silently lack it.
    with pytest.raises(ElmanError, match=r"\[E307\] --labels ORG: .*labels found: LOC, NAME\)"):
        run_train(data, tmp_path / "out", labels=["NAME", "ORG"])
    assert not (tmp_path / "out" / "model-last").exists()


def test_train_many_to_one_label_map_trains_one_label(data, tmp_path: Path, monkeypatch):
    # PER and LOC both become NAME; stop after initialization (no need to train).
    monkeypatch.setattr(training_module, "save_atomic", lambda *a, **k: None)
    seen = []
    monkeypatch.setattr(ElmanNER, "update", lambda self, examples, **kw: seen.extend(examples))
    run_train(data, tmp_path / "out", max_epochs=1, label_map={"PER": "NAME", "LOC": "NAME"})
    labels = {ent.label_ for eg in seen for ent in eg.reference.ents}
    n_ents = sum(len(eg.reference.ents) for eg in seen)
    assert labels == {"NAME"}
    assert n_ents == 4 * 7  # 5 PER + 2 LOC per copy of SENTENCES, 4 copies


def test_train_label_map_to_a_bio_tag_raises_e006(data, tmp_path: Path):
    with pytest.raises(ElmanError, match=r"\[E006\].*'B-X'"):
        run_train(data, tmp_path / "out", label_map={"PER": "B-X"}, labels=None)


def test_train_logdir_without_tensorboard_raises_e013(data, tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "tensorboard", None)
    with pytest.raises(ElmanError, match=r"\[E013\] --logdir"):
        run_train(data, tmp_path / "out", logdir=tmp_path / "tb")
    assert not (tmp_path / "out" / "model-last").exists()


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


def loads(path: Path) -> bool:
    """Whether ``path`` is, right now, a complete pipeline that spacy.load accepts."""
    try:
        return spacy.load(path).pipe_names == ["elman_ner"]
    except Exception:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="atomic exchange is Linux-only")
def test_save_atomic_target_is_a_loadable_model_at_every_step(trained_nlp, tmp_path, monkeypatch):
    """Before and after each rename, exchange and delete of a save, the target loads."""
    target = tmp_path / "model-best"
    save_atomic(trained_nlp, target)
    checks = []

    def checked(name, func):
        def wrapper(*args, **kwargs):
            checks.append((name, "before", loads(target)))
            result = func(*args, **kwargs)
            checks.append((name, "after", loads(target)))
            return result

        return wrapper

    monkeypatch.setattr(
        training_module, "_exchange", checked("exchange", training_module._exchange)
    )
    monkeypatch.setattr(shutil, "rmtree", checked("rmtree", shutil.rmtree))
    monkeypatch.setattr(os, "rename", checked("os.rename", os.rename))
    monkeypatch.setattr(Path, "rename", checked("Path.rename", Path.rename))
    monkeypatch.setattr(Path, "replace", checked("Path.replace", Path.replace))
    save_atomic(trained_nlp, target)
    assert ("exchange", "after", True) in checks  # the swap happened, and was checked
    assert all(ok for _, _, ok in checks), checks
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-best"]  # nothing left over


def test_save_atomic_replaces_the_model(trained_nlp, tmp_path: Path):
    target = tmp_path / "model-best"
    save_atomic(trained_nlp, target, extra={"a": 1})
    assert srsly.msgpack_loads((target / STATE_FILE).read_bytes()) == {"a": 1}
    save_atomic(trained_nlp, target, extra={"a": 2})
    assert srsly.msgpack_loads((target / STATE_FILE).read_bytes()) == {"a": 2}
    save_atomic(trained_nlp, target)  # no training state: model-best
    assert not (target / STATE_FILE).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-best"]


def test_save_atomic_failed_swap_keeps_the_old_model(trained_nlp, tmp_path, monkeypatch):
    target = tmp_path / "model-last"
    save_atomic(trained_nlp, target, extra={"version": 1})

    def broken(a, b):
        raise OSError("EIO")

    monkeypatch.setattr(training_module, "_exchange", broken)
    with pytest.raises(OSError, match="EIO"):
        save_atomic(trained_nlp, target, extra={"version": 2})
    assert loads(target)
    assert srsly.msgpack_loads((target / STATE_FILE).read_bytes()) == {"version": 1}
    recover(target)  # what the next train does first: the leftover new copy goes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-last"]
    assert loads(target)


def test_save_atomic_without_exchange_falls_back_and_recover_repairs(
    trained_nlp, tmp_path, monkeypatch
):
    """Where the atomic exchange is unavailable, a crash between the two renames is repaired
    by recover(), which the next train runs first."""
    target = tmp_path / "model-last"
    save_atomic(trained_nlp, target, extra={"version": 1})
    monkeypatch.setattr(training_module, "_exchange", lambda a, b: False)
    save_atomic(trained_nlp, target, extra={"version": 2})  # the fallback works
    assert srsly.msgpack_loads((target / STATE_FILE).read_bytes()) == {"version": 2}
    renames = []
    real_rename = Path.rename

    def crash_on_second(self, dest):
        renames.append(self.name)
        if len(renames) == 2:
            raise KeyboardInterrupt  # Ctrl-C between the two renames
        return real_rename(self, dest)

    monkeypatch.setattr(Path, "rename", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        save_atomic(trained_nlp, target, extra={"version": 3})
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not target.exists()  # the window the fallback has
    recover(target)
    assert loads(target)
    assert srsly.msgpack_loads((target / STATE_FILE).read_bytes()) == {"version": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-last"]


# Gold sentences and what the (patched) model predicts for them, as BIO tags over NAME.
EVAL_CASES = [
    ([("Barack", "B-PER"), ("Obama", "I-PER"), ("visited", "O"), ("Paris", "B-LOC"), (".", "O")],
     "B I O O O"),  # TP; Paris is LOC, which --labels NAME drops from the gold
    ([("I", "O"), ("met", "O"), ("Angela", "B-PER"), ("Merkel", "I-PER"), ("today", "O")],
     "O O O B O"),  # "Merkel": FP, and "Angela Merkel" is FN
    ([("The", "O"), ("weather", "O"), ("is", "O"), ("nice", "O"), (".", "O")],
     "O O O O O"),  # nothing
    ([("Kenji", "B-PER"), ("Watanabe", "I-PER"), ("and", "O"), ("Amara", "B-PER"),
      ("Okafor", "I-PER")], "B I O B I"),  # 2 TP
    ([("Maria", "B-PER"), ("Lopez", "I-PER"), ("lives", "O"), ("in", "O"), ("Madrid", "B-LOC")],
     "O O O O O"),  # "Maria Lopez": FN
]  # fmt: skip


def test_evaluate_scores_match_a_hand_count(trained_model_path, tmp_path: Path, monkeypatch):
    """TP 3, FP 1, FN 2: P = 3/4, R = 3/5, F = 2PR/(P+R) = 2/3."""
    path = write_conll(tmp_path / "dev.conll", [words for words, _ in EVAL_CASES], repeat=1)
    ids = {"O": 0, "B": 1, "I": 2}  # the tag ids of one label: O, B-NAME, I-NAME
    predicted = {
        tuple(word for word, _ in words): np.asarray([ids[t] for t in tags.split()], "int32")
        for words, tags in EVAL_CASES
    }

    def fake_predict(self, docs):
        out = []
        for doc in docs:
            tags = predicted[tuple(token.text for token in doc)]
            out.append((tags, np.full(len(tags), 0.9, dtype="float32")))
        return out

    monkeypatch.setattr(ElmanNER, "predict", fake_predict)
    scores = evaluate(trained_model_path, path, label_map={"PER": "NAME"}, labels=["NAME"])
    assert scores["ents_p"] == pytest.approx(3 / 4)
    assert scores["ents_r"] == pytest.approx(3 / 5)
    assert scores["ents_f"] == pytest.approx(2 / 3)
    assert scores["ents_per_type"] == {
        "NAME": {"p": pytest.approx(3 / 4), "r": pytest.approx(3 / 5), "f": pytest.approx(2 / 3)}
    }
    assert scores["n_docs"] == 5 and scores["n_words"] == 25
    assert scores["words_per_second"] > 0
    # Without --labels the LOC gold entities count as misses too: R = 3/7.
    scores = evaluate(trained_model_path, path, label_map={"PER": "NAME"})
    assert scores["ents_p"] == pytest.approx(3 / 4)
    assert scores["ents_r"] == pytest.approx(3 / 7)
    assert scores["ents_per_type"]["LOC"]["r"] == pytest.approx(0.0)


def test_evaluate_raw_scores_exact_character_spans(trained_model_path, tmp_path: Path, monkeypatch):
    """--raw: the pipeline splits "Adebayo-Cole"; a name counts only if all of it is found."""
    sentences = [
        [("Olufemi", "B-PER"), ("Adebayo-Cole", "I-PER"), ("spoke", "O")],
        [("Ann", "B-PER"), ("Lee-Smith", "I-PER"), ("sat", "O")],
    ]
    path = write_conll(tmp_path / "dev.conll", sentences, repeat=1)
    predicted = {  # by the predicted doc's tokens
        ("Olufemi", "Adebayo-Cole", "spoke"): [1, 2, 0],
        ("Ann", "Lee-Smith", "sat"): [1, 2, 0],
        ("Olufemi", "Adebayo", "-", "Cole", "spoke"): [1, 2, 2, 2, 0],  # all of it
        ("Ann", "Lee", "-", "Smith", "sat"): [1, 2, 0, 0, 0],  # "Ann Lee": a wrong span
    }

    def fake_predict(self, docs):
        tags = [np.asarray(predicted[tuple(t.text for t in doc)], "int32") for doc in docs]
        return [(t, np.full(len(t), 0.9, dtype="float32")) for t in tags]

    monkeypatch.setattr(ElmanNER, "predict", fake_predict)
    kwargs = dict(label_map={"PER": "NAME"}, labels=["NAME"])
    gold = evaluate(trained_model_path, path, **kwargs)
    assert (gold["ents_p"], gold["ents_r"]) == (1.0, 1.0)
    raw = evaluate(trained_model_path, path, raw=True, **kwargs)
    assert raw["ents_p"] == pytest.approx(0.5) and raw["ents_r"] == pytest.approx(0.5)
    assert raw["n_words"] == 10


@pytest.mark.slow
def test_evaluate_overfitted_model_scores_above_0_9(data, tmp_path: Path):
    output = tmp_path / "out"
    run_train(data, output, SMALL_BATCHES, max_epochs=6)
    scores = evaluate(output / "model-best", data[1], label_map={"PER": "NAME"}, labels=["NAME"])
    assert scores["ents_f"] > 0.9, scores
    assert set(scores["ents_per_type"]) == {"NAME"}


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
        "--components.elman_ner.model.rows", "[5000,500,1000,200,1001,5]",
        "--components.elman_ner.model.widths", "[16,8,8,8,8,4]",
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
    # the README's hand-written sample (18 names, 8 lines), as raw text, scored by
    # exact character spans: 15 of 18 right at seed 0 (F1 0.86)
    scores = evaluate(output / "model-best", CORPUS / "sample.jsonl", raw=True)
    assert scores["ents_f"] >= 0.8, scores
    nlp = spacy.load(output / "model-best")
    doc = nlp("Yesterday Oluwaseun Adebayo met Margarethe Szczepanski in Paris.")
    assert "Oluwaseun Adebayo" in [ent.text for ent in doc.ents]
    assert "Paris" not in [ent.text for ent in doc.ents]


# -- issue 20: averaged weights and the learn-rate schedule -------------------------------------


def model_weights(path: Path):
    return spacy.load(path).get_pipe("elman_ner").get_weights()


def last_raw_weights(monkeypatch):
    """Record the raw weights after every update of ``train``; returns the list."""
    raw = []
    original = ElmanNER.finish_update

    def spy(self, sgd):
        original(self, sgd)
        raw.append(self.net.get_weights())

    monkeypatch.setattr(ElmanNER, "finish_update", spy)
    return raw


@pytest.mark.slow
def test_train_use_averages_off_saves_the_raw_weights(data, tmp_path: Path, monkeypatch):
    raw = last_raw_weights(monkeypatch)
    output = tmp_path / "out"
    run_train(data, output, {**SMALL_BATCHES, "training.optimizer.use_averages": False})
    state = srsly.msgpack_loads((output / "model-last" / STATE_FILE).read_bytes())
    assert "weights" not in state and int(state["optimizer"]["avg_step"]) == 0
    for name, value in model_weights(output / "model-last").items():
        np.testing.assert_array_equal(value, raw[-1][name], err_msg=name)


@pytest.mark.slow
def test_train_use_averages_on_saves_the_averages_and_keeps_the_raw_weights(
    data, tmp_path: Path, monkeypatch
):
    raw = last_raw_weights(monkeypatch)
    output = tmp_path / "out"
    result = run_train(data, output, SMALL_BATCHES)  # the default config: use_averages = true
    state = srsly.msgpack_loads((output / "model-last" / STATE_FILE).read_bytes())
    assert int(state["optimizer"]["avg_step"]) == len(raw) == 8
    saved = model_weights(output / "model-last")
    for name, value in saved.items():
        np.testing.assert_array_equal(value, state["optimizer"][f"avg/{name}"], err_msg=name)
        np.testing.assert_array_equal(state["weights"][name], raw[-1][name], err_msg=name)
    assert any(not np.allclose(saved[name], raw[-1][name]) for name in saved)
    # Dev F in the history is the averaged model's: spaCy's scorer on model-last agrees.
    scores = evaluate(output / "model-last", data[1], label_map={"PER": "NAME"}, labels=["NAME"])
    assert scores["ents_f"] == pytest.approx(result.history[-1].ents_f)


@pytest.mark.slow
def test_train_resume_from_a_checkpoint_without_averages(data, tmp_path: Path, monkeypatch):
    """A model-last written before the averages existed (raw weights, no avg/ in the state)
    resumes: training starts from its weights and the averages restart from them."""
    output = tmp_path / "out"
    run_train(data, output, {**SMALL_BATCHES, "training.optimizer.use_averages": False})
    state_path = output / "model-last" / STATE_FILE
    state = srsly.msgpack_loads(state_path.read_bytes())
    state["optimizer"] = {k: v for k, v in state["optimizer"].items() if not k.startswith("avg")}
    state_path.write_bytes(srsly.msgpack_dumps(state))
    saved = model_weights(output / "model-last")
    seen = {}
    original = ElmanNER.update

    def spy(self, examples, **kwargs):
        if not seen:
            seen["weights"] = self.get_weights()
            seen["has_averages"] = self.net.has_averages
        return original(self, examples, **kwargs)

    monkeypatch.setattr(ElmanNER, "update", spy)
    resumed = run_train(data, output, SMALL_BATCHES, max_epochs=3, resume=True)
    assert [row.epoch for row in resumed.history] == [1, 2, 3]
    assert seen["has_averages"] is False
    for name, value in saved.items():
        np.testing.assert_array_equal(seen["weights"][name], value, err_msg=name)
    state = srsly.msgpack_loads(state_path.read_bytes())
    assert int(state["optimizer"]["avg_step"]) == 4  # averaged since the resume


def warmup_decaying_by_hand(n, initial=0.01, warmup=3, decay=0.5):
    return initial * min(1.0, n / warmup) / (1.0 + decay * max(0, n - warmup))


@pytest.mark.slow
def test_train_default_schedule_warms_up_decays_and_continues_on_resume(
    data, tmp_path: Path, monkeypatch
):

    rates = learn_rate_spy(monkeypatch)
    # The default config's schedule, with a short warm-up and a fast decay.
    schedule = {
        "training.optimizer.learn_rate.initial_rate": 0.01,
        "training.optimizer.learn_rate.warmup_steps": 3,
        "training.optimizer.learn_rate.decay": 0.5,
    }
    small = {k: v for k, v in {**SMALL, **SMALL_BATCHES}.items() if "learn_rate" not in k}
    train_path, dev_path = data
    settings = dict(label_map={"PER": "NAME"}, labels=["NAME"], seed=0)
    output = tmp_path / "out"
    train(train_path, dev_path, output, overrides={**small, **schedule}, max_epochs=2, **settings)
    assert rates == pytest.approx([warmup_decaying_by_hand(n) for n in range(1, 9)])
    assert rates[2] == pytest.approx(0.01) and rates[-1] < rates[2] / 3
    rates.clear()
    train(
        train_path, dev_path, output, overrides={**small, **schedule}, max_epochs=3, resume=True,
        **settings,
    )  # fmt: skip
    assert rates == pytest.approx([warmup_decaying_by_hand(n) for n in range(9, 13)])


@pytest.mark.slow
def test_spacy_train_loop_evaluates_and_saves_the_averages(tmp_path: Path, monkeypatch):
    """spaCy's own training loop (`python -m spacy train`) with the project's config and
    use_averages = true: its evaluations and model-last use elman_ner's averages."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train

    train_path = write_conll(tmp_path / "train.conll")
    dev_path = write_conll(tmp_path / "dev.conll", repeat=1)
    overrides = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "training.max_steps": 12,
        "training.eval_frequency": 5,
        "components.elman_ner.model.rows": [5000, 500, 1000, 200, 1001, 5],
        "components.elman_ner.model.widths": [16, 8, 8, 8, 8, 4],
        "components.elman_ner.model.hidden_width": 32,
    }
    config = spacy.util.load_config(DEFAULT_CONFIG, overrides=overrides, interpolate=False)
    assert config["training"]["optimizer"]["use_averages"] is True
    swaps = []
    original = ElmanNER.use_averages

    def spy(self):
        with original(self) as swapped:
            swaps.append(swapped)
            yield swapped

    monkeypatch.setattr(ElmanNER, "use_averages", contextlib.contextmanager(spy))
    nlp = init_nlp(config)
    (tmp_path / "out").mkdir()
    with open(os.devnull, "w") as devnull:
        nlp, _ = spacy_train(nlp, tmp_path / "out", stdout=devnull)
    # Evaluations at steps 0, 5 and 10, and the final save of model-last: all averaged.
    assert len(swaps) >= 4 and all(swaps), swaps
    net = nlp.get_pipe("elman_ner").net
    state = net.get_optimizer_state()
    saved = model_weights(tmp_path / "out" / "model-last")
    raw = net.get_weights()
    for name, value in saved.items():
        np.testing.assert_array_equal(value, state[f"avg/{name}"], err_msg=name)
    assert any(not np.allclose(saved[name], raw[name]) for name in saved)
