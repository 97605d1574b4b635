"""Tests for spacy_elman.loading: every broken model directory is one clear ElmanError."""

import shutil
from pathlib import Path

import pytest
import spacy
from conftest import SMALL_MODEL
from spacy.attrs import ORTH

from spacy_elman.errors import ElmanError
from spacy_elman.loading import check_pipeline_dir, find_component, load_pipeline


@pytest.fixture
def model_copy(trained_model_path: Path, tmp_path: Path) -> Path:
    """A private copy of the trained model, free to break."""
    return Path(shutil.copytree(trained_model_path, tmp_path / "model"))


def one_line(err: pytest.ExceptionInfo) -> str:
    message = str(err.value)
    assert "\n" not in message
    return message


def test_load_pipeline_returns_ready_nlp(trained_model_path):
    nlp = load_pipeline(trained_model_path)
    pipe = nlp.get_pipe("elman_ner")
    assert pipe._net is not None  # the network is built at load time, not mid-stream
    doc = nlp("I met Angela Merkel in Berlin last week.")
    assert [ent.text for ent in doc.ents] == ["Angela Merkel"]


def test_load_pipeline_accepts_str_path(trained_model_path):
    assert "elman_ner" in load_pipeline(str(trained_model_path)).pipe_names


def test_load_pipeline_missing_path_raises_e201(tmp_path):
    with pytest.raises(ElmanError, match=r"^\[E201\]") as err:
        load_pipeline(tmp_path / "nope")
    assert "does not exist" in one_line(err)
    assert str(tmp_path / "nope") in str(err.value)


def test_load_pipeline_empty_dir_raises_e202(tmp_path):
    with pytest.raises(ElmanError, match=r"^\[E202\].*no config\.cfg") as err:
        load_pipeline(tmp_path)
    one_line(err)


def test_load_pipeline_file_raises_e202(tmp_path):
    path = tmp_path / "model.txt"
    path.write_text("not a model")
    with pytest.raises(ElmanError, match=r"^\[E202\].*a file, not a directory"):
        load_pipeline(path)


def test_load_pipeline_truncated_config_raises_e204(model_copy):
    config = model_copy / "config.cfg"
    config.write_bytes(config.read_bytes()[:300])
    with pytest.raises(ElmanError, match=r"^\[E204\].*config\.cfg is broken") as err:
        load_pipeline(model_copy)
    one_line(err)


def test_load_pipeline_garbage_config_raises_e204(model_copy):
    (model_copy / "config.cfg").write_bytes(b"[nlp\nlang = \x00\xff ===\n[[[")
    with pytest.raises(ElmanError, match=r"^\[E204\].*config\.cfg is broken") as err:
        load_pipeline(model_copy)
    one_line(err)


@pytest.mark.parametrize("name", ["meta.json", "tokenizer", "vocab/strings.json"])
def test_load_pipeline_truncated_file_raises_e204(model_copy, name):
    path = model_copy / name
    path.write_bytes(path.read_bytes()[:30])
    with pytest.raises(ElmanError, match=r"^\[E204\].*broken or truncated") as err:
        load_pipeline(model_copy)
    assert str(model_copy) in one_line(err)


def test_load_pipeline_without_elman_ner_names_components(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "blank")
    with pytest.raises(ElmanError, match=r"^\[E203\]") as err:
        load_pipeline(tmp_path / "blank")
    assert "sentencizer" in one_line(err)


def test_load_pipeline_blank_pipeline_raises_e203(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ElmanError, match=r"^\[E203\].*components: none"):
        load_pipeline(tmp_path / "blank")


def test_load_pipeline_truncated_weights_raises_e005(model_copy):
    weights = model_copy / "elman_ner" / "weights"
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(ElmanError, match=r"^\[E005\].*corrupted or truncated") as err:
        load_pipeline(model_copy)
    one_line(err)


def test_load_pipeline_missing_weights_raises_e005(model_copy):
    (model_copy / "elman_ner" / "weights").unlink()
    with pytest.raises(ElmanError, match=r"^\[E005\]"):
        load_pipeline(model_copy)


def test_load_pipeline_untrained_component_raises_e204(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("elman_ner", config={"model": SMALL_MODEL})
    nlp.to_disk(tmp_path / "untrained")
    with pytest.raises(ElmanError, match=r"^\[E204\].*no weights"):
        load_pipeline(tmp_path / "untrained")


def test_load_pipeline_device_cpu_overrides_saved_device(trained_model_path):
    nlp = load_pipeline(trained_model_path, device="cpu")
    pipe = nlp.get_pipe("elman_ner")
    assert pipe.cfg["device"] == "cpu"
    assert pipe.net.device == "/CPU:0"


def test_load_pipeline_unknown_device_fails_at_load(trained_model_path):
    with pytest.raises(ElmanError, match=r"^\[E007\].*'tpu'"):
        load_pipeline(trained_model_path, device="tpu")


def test_load_pipeline_missing_gpu_fails_at_load(trained_model_path):
    with pytest.raises(ElmanError, match=r"^\[E008\].*'gpu:99'"):
        load_pipeline(trained_model_path, device="gpu:99")


def test_load_pipeline_renamed_component_is_found(trained_nlp, tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("elman_ner", name="ner", config={"model": SMALL_MODEL})
    nlp.get_pipe("ner").from_bytes(trained_nlp.get_pipe("elman_ner").to_bytes())
    nlp.to_disk(tmp_path / "renamed")
    assert check_pipeline_dir(tmp_path / "renamed") == "ner"
    loaded = load_pipeline(tmp_path / "renamed", device="cpu")
    assert find_component(loaded) == "ner"
    assert loaded.get_pipe("ner").cfg["device"] == "cpu"


def test_load_pipeline_unchanged_tokenizer_matches_the_saved_one(trained_model_path):
    """A trained pipeline's saved tokenizer equals the one its config builds, so loading skips
    reading it back (the start-up cut); a spaCy that serialises differently would lose it."""
    nlp = load_pipeline(trained_model_path)
    saved = (trained_model_path / "tokenizer").read_bytes()
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == saved


def test_load_pipeline_keeps_a_customised_tokenizer(trained_nlp, tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("elman_ner", config={"model": SMALL_MODEL})
    nlp.get_pipe("elman_ner").from_bytes(trained_nlp.get_pipe("elman_ner").to_bytes())
    nlp.tokenizer.add_special_case("gimme", [{ORTH: "gim"}, {ORTH: "me"}])
    nlp.to_disk(tmp_path / "custom")
    loaded = load_pipeline(tmp_path / "custom")
    assert [token.text for token in loaded("gimme that")] == ["gim", "me", "that"]


def test_find_component_without_elman_ner_raises_e203():
    with pytest.raises(ElmanError, match=r"^\[E203\]"):
        find_component(spacy.blank("en"))
