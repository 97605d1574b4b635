"""The elman_ner component: training, prediction, serialization, configuration and spaCy glue."""

import itertools
import math
import pickle
import shutil
import subprocess
import sys

import numpy as np
import pytest
import spacy
import srsly
from conftest import SMALL_MODEL, TINY_DATA, TINY_MULTI, make_examples, train_tiny
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from spacy_elman.bio import spread_tags
from spacy_elman.errors import ElmanError, NonFiniteLossError
from spacy_elman.known import doc_forms
from spacy_elman.pipeline import ElmanNER

TEXTS = [text for text, _ in TINY_DATA]
ODD_TEXTS = [
    "",
    "   \n ",
    "Obama",
    "😀 Angela Merkel 😀 met 東京 and 北京 officials \x00\x07 \u200b\u202e ok",
    "\t\t",
    "Kenji Watanabe",
    "A sentence with a few more tokens than the others, to make padding matter a lot.",
    "!!!",
]


def ents_of(doc: Doc):
    return [(ent.text, ent.label_, ent.start, ent.end) for ent in doc.ents]


def char_ents(doc: Doc):
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def scores_of(doc: Doc):
    return list(doc.spans["elman_ner"].attrs["scores"])


def blank_with_ner(**config) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("elman_ner", config={"model": SMALL_MODEL, **config})
    return nlp


def copy_of(trained: Language, **config) -> Language:
    """A new pipeline with the trained weights (no TensorFlow work until it predicts)."""
    nlp = blank_with_ner(**config)
    nlp.get_pipe("elman_ner").from_bytes(trained.get_pipe("elman_ner").to_bytes())
    return nlp


@pytest.fixture(scope="module")
def loaded_nlp(trained_model_path) -> Language:
    """The trained pipeline loaded from disk (read-only in the tests)."""
    return spacy.load(trained_model_path)


@pytest.fixture(scope="module")
def configured_nlp(trained_model_path) -> Language:
    """The trained pipeline loaded with load-time settings that differ from the saved ones."""
    overrides = {"overwrite_ents": True, "max_batch_tokens": 8, "device": "cpu"}
    return spacy.load(trained_model_path, config={"components": {"elman_ner": overrides}})


# -- the overfitting test -----------------------------------------------------------------------


def test_elman_ner_overfits_tiny_data(trained_nlp):
    ner = trained_nlp.get_pipe("elman_ner")
    assert ner.labels == ("NAME",)
    total_loss = 0.0
    for text, expected in TINY_DATA:
        doc = trained_nlp(text)
        assert char_ents(doc) == expected, text
        # All tags are right, so the decoded tags' probabilities are the gold tags' ones and
        # their negative log is the (dropout-free) training loss.
        tags, probs = ner.predict([trained_nlp.make_doc(text)])[0]
        total_loss += float(-np.log(probs).sum())
    assert total_loss < 0.05


def test_elman_ner_update_loss_and_non_finite_loss(trained_model_path):
    nlp = spacy.load(trained_model_path)
    ner = nlp.get_pipe("elman_ner")
    examples = make_examples(nlp)
    # The overfitted model's training loss (summed over tokens) is tiny.
    losses = ner.update(examples, losses={})
    assert 0.0 <= losses["elman_ner"] < 0.05
    # A NaN in the weights gives a non-finite loss: E010, and no gradient is kept.
    ner.net._pending = None
    ner.net.vars["Wo"].assign(np.full(ner.net.vars["Wo"].shape, np.nan, dtype="float32"))
    with pytest.raises(NonFiniteLossError, match=r"\[E010\]"):
        ner.update(examples, losses={})
    assert ner.net._pending is None


def test_elman_ner_disk_round_trip_identical(trained_nlp, loaded_nlp, trained_model_path):
    assert loaded_nlp.pipe_names == ["elman_ner"]
    assert loaded_nlp.get_pipe("elman_ner").labels == ("NAME",)
    for text in TEXTS + ODD_TEXTS:
        original, loaded = trained_nlp(text), loaded_nlp(text)
        assert ents_of(loaded) == ents_of(original)
        assert scores_of(loaded) == pytest.approx(scores_of(original), abs=1e-6)
    for name, value in trained_nlp.get_pipe("elman_ner").get_weights().items():
        np.testing.assert_array_equal(loaded_nlp.get_pipe("elman_ner").get_weights()[name], value)


@pytest.mark.slow
def test_elman_ner_with_affix_features_overfits_saves_and_reloads(tmp_path):
    affixed = {
        **SMALL_MODEL,
        "features": [*SMALL_MODEL["features"], "prefix3", "suffix4"],
        "rows": [*SMALL_MODEL["rows"], 500, 500],
        "widths": [*SMALL_MODEL["widths"], 8, 8],
    }
    nlp = blank_with_ner(model=affixed)
    train_tiny(nlp, make_examples(nlp))
    for text, expected in TINY_DATA:
        assert char_ents(nlp(text)) == expected, text
    nlp.to_disk(tmp_path / "affixed")
    loaded = spacy.load(tmp_path / "affixed")
    assert loaded.get_pipe("elman_ner").spec.features[-2:] == ("prefix3", "suffix4")
    texts = TEXTS + ODD_TEXTS + [t.lower() for t in TEXTS]
    for text, doc in zip(texts, loaded.pipe(texts, batch_size=3)):
        assert ents_of(doc) == ents_of(nlp(text)) == ents_of(loaded(text)), text
        assert scores_of(doc) == pytest.approx(scores_of(nlp(text)), abs=1e-5)


@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_elman_ner_pipe_equals_call(loaded_nlp, batch_size):
    texts = TEXTS + ODD_TEXTS + TEXTS[::-1]
    piped = list(loaded_nlp.pipe(texts, batch_size=batch_size))
    assert [doc.text for doc in piped] == texts
    for text, doc in zip(texts, piped):
        single = loaded_nlp(text)
        assert ents_of(doc) == ents_of(single), text
        assert scores_of(doc) == pytest.approx(scores_of(single), abs=1e-5)


def test_elman_ner_bfloat16_gives_the_float32_tags(trained_model_path):
    def load(precision):
        config = {"components": {"elman_ner": {"precision": precision}}}
        return spacy.load(trained_model_path, config=config)

    full, low = load("float32"), load("bfloat16")
    texts = TEXTS + ODD_TEXTS + [text.lower() for text in TEXTS]
    for text, a, b in zip(texts, full.pipe(texts), low.pipe(texts, batch_size=3)):
        assert ents_of(b) == ents_of(a), text
        assert scores_of(b) == pytest.approx(scores_of(a), abs=0.01)
    assert low.get_pipe("elman_ner").net.precision == "bfloat16"
    assert full.get_pipe("elman_ner").net.precision == "float32"


def test_elman_ner_unknown_precision_raises_e024():
    with pytest.raises(ElmanError, match=r"^\[E024\] elman_ner's 'precision'.*'float16'"):
        blank_with_ner(precision="float16")


def test_elman_ner_small_length_buckets_equal_call(loaded_nlp, configured_nlp):
    # max_batch_tokens=8 splits every batch into many small buckets.
    texts = TEXTS + ODD_TEXTS
    for text, doc in zip(texts, configured_nlp.pipe(texts, batch_size=50)):
        assert ents_of(doc) == ents_of(loaded_nlp(text))


@pytest.mark.parametrize("rate", [0.0, 1.0])
def test_lookup_dropout_keeps_list_rows_from_training(rate):
    """With every cluster and name-list id hidden, only their padding rows train."""
    nlp = blank_with_ner(lookup_dropout=rate)
    ner = nlp.get_pipe("elman_ner")
    assert ner.cfg["lookup_dropout"] == rate
    examples = make_examples(nlp)
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(get_examples=lambda: examples)
    before = ner.get_weights()
    for _ in range(3):
        nlp.update(examples, sgd=optimizer, drop=0.1)
    after = ner.get_weights()
    for name in ("embed_cluster", "embed_gazetteer_v2"):
        moved = (after[name][1:] != before[name][1:]).any()
        assert moved == (rate == 0.0), name
    assert (after["embed_lower"][1:] != before["embed_lower"][1:]).any()


# -- serialization ------------------------------------------------------------------------------


def test_elman_ner_bytes_round_trip_before_initialize():
    source = blank_with_ner().get_pipe("elman_ner")
    data = source.to_bytes()
    target = blank_with_ner().get_pipe("elman_ner")
    target.from_bytes(data)
    assert target.labels == ()
    assert not target.is_initialized
    with pytest.raises(ElmanError, match=r"\[E004\]"):
        target.get_weights()
    assert target._known is None and "known_sha256" not in srsly.msgpack_loads(data)["cfg"]


def test_elman_ner_disk_round_trip_before_initialize(tmp_path):
    blank_with_ner().get_pipe("elman_ner").to_disk(tmp_path / "ner")
    assert (tmp_path / "ner" / "weights").read_bytes() == b""
    assert not (tmp_path / "ner" / "known").exists()  # no word list before training
    target = blank_with_ner().get_pipe("elman_ner")
    target.from_disk(tmp_path / "ner")
    assert target.labels == ()
    assert not target.is_initialized


def test_elman_ner_bytes_round_trip_after_initialize(trained_nlp):
    source = trained_nlp.get_pipe("elman_ner")
    target = blank_with_ner().get_pipe("elman_ner")
    target.from_bytes(source.to_bytes())
    assert target.labels == ("NAME",)
    assert target.is_initialized
    expected = source.get_weights()
    restored = target.get_weights()
    assert set(restored) == set(expected)
    for name in expected:
        assert restored[name].dtype == np.float32
        np.testing.assert_array_equal(restored[name], expected[name])
    # The bytes are stable: serializing again gives the same bytes.
    assert target.to_bytes() == source.to_bytes()


def test_elman_ner_disk_round_trip_after_initialize(trained_nlp, tmp_path):
    source = trained_nlp.get_pipe("elman_ner")
    source.to_disk(tmp_path / "ner")
    cfg = srsly.read_json(tmp_path / "ner" / "cfg")
    assert cfg["labels"] == ["NAME"]
    target = blank_with_ner().get_pipe("elman_ner").from_disk(tmp_path / "ner")
    assert target.labels == ("NAME",)
    for name, value in source.get_weights().items():
        np.testing.assert_array_equal(target.get_weights()[name], value)


def test_elman_ner_whole_pipeline_bytes_round_trip(trained_nlp):
    data = trained_nlp.to_bytes()
    nlp = blank_with_ner()
    nlp.from_bytes(data)
    ner = nlp.get_pipe("elman_ner")
    assert ner.labels == ("NAME",)
    for name, value in trained_nlp.get_pipe("elman_ner").get_weights().items():
        np.testing.assert_array_equal(ner.get_weights()[name], value)
    assert nlp.config["components"]["elman_ner"]["model"]["hidden_width"] == 32


def test_elman_ner_from_bytes_garbage_raises_e005():
    ner = blank_with_ner().get_pipe("elman_ner")
    with pytest.raises(ElmanError, match=r"\[E005\]"):
        ner.from_bytes(b"\xc1 not msgpack")


def test_elman_ner_from_bytes_tampered_weights_raise_e005(trained_nlp):
    msg = srsly.msgpack_loads(trained_nlp.get_pipe("elman_ner").to_bytes())
    weights = bytearray(msg["weights"])
    weights[len(weights) // 2] ^= 0xFF
    msg["weights"] = bytes(weights)
    ner = blank_with_ner().get_pipe("elman_ner")
    with pytest.raises(ElmanError, match=r"\[E005\].*checksum"):
        ner.from_bytes(srsly.msgpack_dumps(msg))


def test_elman_ner_weights_for_other_architecture_raise_e011(trained_nlp):
    data = trained_nlp.get_pipe("elman_ner").to_bytes()
    other = blank_with_ner(model={**SMALL_MODEL, "hidden_width": 16}).get_pipe("elman_ner")
    with pytest.raises(ElmanError, match=r"\[E011\]"):
        other.from_bytes(data)


@pytest.fixture
def model_copy(trained_model_path, tmp_path):
    path = tmp_path / "model"
    shutil.copytree(trained_model_path, path)
    return path


def test_elman_ner_truncated_weights_file_raises_e005(model_copy):
    weights = model_copy / "elman_ner" / "weights"
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 2])
    with pytest.raises(ElmanError, match=r"\[E005\]"):
        spacy.load(model_copy)


def test_elman_ner_flipped_weights_bytes_raise_e005(model_copy):
    weights = model_copy / "elman_ner" / "weights"
    data = bytearray(weights.read_bytes())
    for i in (7, len(data) // 3, len(data) - 5):
        data[i] ^= 0x5A
    weights.write_bytes(bytes(data))
    with pytest.raises(ElmanError, match=r"\[E005\]"):
        spacy.load(model_copy)


def test_elman_ner_undecodable_weights_raise_e005(model_copy):
    # Even with a matching checksum, bytes that are not msgpack are reported as E005.
    import hashlib

    garbage = b"\xc1\xc1\xc1 not msgpack"
    (model_copy / "elman_ner" / "weights").write_bytes(garbage)
    cfg = srsly.read_json(model_copy / "elman_ner" / "cfg")
    cfg["weights_sha256"] = hashlib.sha256(garbage).hexdigest()
    srsly.write_json(model_copy / "elman_ner" / "cfg", cfg)
    with pytest.raises(ElmanError, match=r"\[E005\]"):
        spacy.load(model_copy)


def test_elman_ner_missing_weights_file_raises_e005(model_copy):
    (model_copy / "elman_ner" / "weights").unlink()
    with pytest.raises(ElmanError, match=r"\[E005\]"):
        spacy.load(model_copy)


# -- known word forms ----------------------------------------------------------------------


def test_elman_ner_known_words_are_the_forms_it_trained_on(trained_nlp):
    docs = [eg.predicted for eg in make_examples(spacy.blank("en"))]
    assert trained_nlp.get_pipe("elman_ner")._known.tolist() == doc_forms(docs).tolist()


def test_elman_ner_known_words_survive_disk_bytes_and_pickle(trained_nlp, loaded_nlp):
    source = trained_nlp.get_pipe("elman_ner")
    want = source._known.tolist()
    assert loaded_nlp.get_pipe("elman_ner")._known.tolist() == want
    assert copy_of(trained_nlp).get_pipe("elman_ner")._known.tolist() == want
    assert pickle.loads(pickle.dumps(source))._known.tolist() == want


def test_elman_ner_unseen_words_read_as_one_hidden_word(trained_nlp):
    # Two unseen words with the same prefix, suffix, shape, cluster and name kind differ only
    # in their lower form's hashed row: with known_words they are one hidden word.
    texts = ["I met Zqwerty in Berlin.", "I met Zasdrty in Berlin."]
    for known_words, same in ((True, True), (False, False)):
        nlp = copy_of(trained_nlp, known_words=known_words)
        first, second = (tag_probs(nlp, text) for text in texts)
        assert np.array_equal(first, second) is same


def tag_probs(nlp: Language, text: str) -> np.ndarray:
    return nlp.get_pipe("elman_ner").predict([nlp.make_doc(text)])[0][1]


def strip_known_words(path) -> None:
    """Make the saved model at ``path`` one from before the word list: no file, no checksum."""
    (path / "elman_ner" / "known").unlink()
    cfg = srsly.read_json(path / "elman_ner" / "cfg")
    del cfg["known_sha256"]
    srsly.write_json(path / "elman_ner" / "cfg", cfg)


def test_elman_ner_model_without_known_words_reads_hashed_rows(
    model_copy, loaded_nlp, trained_model_path
):
    strip_known_words(model_copy)
    old = spacy.load(model_copy)
    assert old.get_pipe("elman_ner")._known is None
    off = {"components": {"elman_ner": {"known_words": False}}}
    plain = spacy.load(trained_model_path, config=off)
    unseen = "I met Zqwerty in Berlin."
    for text in TEXTS + [unseen]:
        np.testing.assert_array_equal(tag_probs(old, text), tag_probs(plain, text))
    assert not np.array_equal(tag_probs(old, unseen), tag_probs(loaded_nlp, unseen))


def test_elman_ner_model_without_known_words_does_not_start_a_list(model_copy):
    # Training on from such a model must not make a list of the new words alone.
    strip_known_words(model_copy)
    nlp = spacy.load(model_copy)
    nlp.update(make_examples(nlp)[:2], losses={})
    assert nlp.get_pipe("elman_ner")._known is None


@pytest.mark.parametrize("damage", ["flip", "truncate", "delete"])
def test_elman_ner_damaged_known_file_raises_e005(model_copy, damage):
    known = model_copy / "elman_ner" / "known"
    data = bytearray(known.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
        known.write_bytes(bytes(data))
    elif damage == "truncate":
        known.write_bytes(bytes(data[:-3]))
    else:
        known.unlink()
    with pytest.raises(ElmanError, match=r"\[E005\]"):
        spacy.load(model_copy)


def test_elman_ner_load_time_config_overrides_win(configured_nlp):
    # The saved cfg holds the training-time settings; the load-time config must win.
    ner = configured_nlp.get_pipe("elman_ner")
    assert ner.labels == ("NAME",)
    assert ner.cfg["overwrite_ents"] is True
    assert ner.cfg["max_batch_tokens"] == 8
    assert ner.cfg["device"] == "cpu"
    configured_nlp("Barack Obama is here.")
    assert ner.net.device == "/CPU:0"


# -- labels -------------------------------------------------------------------------------------


def test_elman_ner_initialize_infers_sorted_labels():
    nlp = blank_with_ner()
    nlp.initialize(get_examples=lambda: make_examples(nlp, TINY_MULTI))
    ner = nlp.get_pipe("elman_ner")
    assert ner.labels == ("LOC", "PER")
    assert ner.tags == ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]
    assert ner.get_weights()["Wo"].shape == (64, 5)


def test_elman_ner_initialize_labels_argument_wins():
    nlp = blank_with_ner()
    ner = nlp.get_pipe("elman_ner")
    ner.initialize(lambda: make_examples(nlp, TINY_MULTI), nlp=nlp, labels=["ORG", "PER", "MISC"])
    assert ner.labels == ("ORG", "PER", "MISC")
    assert ner.get_weights()["bo"].shape == (7,)


def test_elman_ner_initialize_labels_from_init_config():
    nlp = blank_with_ner()
    nlp.config["initialize"]["components"]["elman_ner"] = {"labels": ["X", "Y"]}
    nlp.initialize(get_examples=lambda: make_examples(nlp, TINY_DATA))
    assert nlp.get_pipe("elman_ner").labels == ("X", "Y")


def test_elman_ner_output_labels_writes_only_those(tmp_path):
    """output_labels: every label is learned, but only the listed ones reach the doc."""
    nlp = blank_with_ner(output_labels=["PER"])
    train_tiny(nlp, make_examples(nlp, TINY_MULTI))
    ner = nlp.get_pipe("elman_ner")
    assert ner.labels == ("LOC", "PER")
    plain = copy_of(nlp)  # the same weights, every label written
    for text, _ in TINY_MULTI:
        everything = char_ents(plain(text))
        assert {label for *_, label in everything} == {"LOC", "PER"}  # it learned both
        doc = nlp(text)
        assert char_ents(doc) == [e for e in everything if e[2] == "PER"]
        assert [s.label_ for s in doc.spans["elman_ner"]] == ["PER"]
    nlp.to_disk(tmp_path / "m")
    assert spacy.load(tmp_path / "m").get_pipe("elman_ner").cfg["output_labels"] == ["PER"]


def test_elman_ner_output_labels_unknown_label_raises_e021():
    nlp = blank_with_ner(output_labels=["NAME"])
    with pytest.raises(ElmanError, match=r"\[E021\].*\['NAME'\].*LOC, PER"):
        nlp.initialize(get_examples=lambda: make_examples(nlp, TINY_MULTI))


def test_elman_ner_reinitialize_with_fewer_labels():
    nlp = blank_with_ner()
    ner = nlp.get_pipe("elman_ner")
    ner.initialize(lambda: make_examples(nlp, TINY_MULTI), nlp=nlp)
    assert ner.get_weights()["Wo"].shape == (64, 5)
    ner.initialize(lambda: make_examples(nlp, TINY_MULTI), nlp=nlp, labels=["ONLY"])
    assert ner.labels == ("ONLY",)
    assert ner.get_weights()["Wo"].shape == (64, 3)
    # The component stays consistent: it serializes and loads.
    blank_with_ner().get_pipe("elman_ner").from_bytes(ner.to_bytes())


def test_elman_ner_add_label_returns_one_then_zero():
    ner = blank_with_ner().get_pipe("elman_ner")
    assert ner.add_label("PER") == 1
    assert ner.add_label("LOC") == 1
    assert ner.add_label("PER") == 0
    assert ner.labels == ("PER", "LOC")
    assert not ner.is_initialized


@pytest.mark.parametrize("label", ["B-X", "I-PER", "", None, 5])
def test_elman_ner_add_label_invalid_raises_e006(label):
    ner = blank_with_ner().get_pipe("elman_ner")
    with pytest.raises(ElmanError, match=r"\[E006\]"):
        ner.add_label(label)
    assert ner.labels == ()


def test_elman_ner_initialize_with_invalid_label_raises_e006():
    nlp = blank_with_ner()
    with pytest.raises(ElmanError, match=r"\[E006\]"):
        nlp.get_pipe("elman_ner").initialize(lambda: make_examples(nlp), labels=["B-PER"])


def test_elman_ner_add_label_after_training_grows_output(trained_nlp):
    nlp = copy_of(trained_nlp)
    ner = nlp.get_pipe("elman_ner")
    before = ner.get_weights()
    assert ner.add_label("ORG") == 1
    assert ner.add_label("ORG") == 0
    assert ner.labels == ("NAME", "ORG")
    after = ner.get_weights()
    assert after["Wo"].shape == (64, 5) and after["bo"].shape == (5,)
    np.testing.assert_array_equal(after["Wo"][:, :3], before["Wo"])
    np.testing.assert_array_equal(after["bo"][:3], before["bo"])
    np.testing.assert_array_equal(after["Wx"], before["Wx"])
    # The old label still predicts: the trained columns are unchanged.
    for text, expected in TINY_DATA:
        doc = nlp(text)
        assert {ent.label_ for ent in doc.ents} <= {"NAME", "ORG"}
        assert char_ents(doc) == expected
    # And the grown model serializes.
    other = blank_with_ner().get_pipe("elman_ner").from_bytes(ner.to_bytes())
    assert other.labels == ("NAME", "ORG")


def test_elman_ner_add_label_after_training_is_seeded(trained_nlp):
    grown = []
    for seed in (3, 3, 4):
        ner = copy_of(trained_nlp).get_pipe("elman_ner")
        spacy.util.fix_random_seed(seed)
        ner.add_label("ORG")
        grown.append(ner.get_weights()["Wo"])
    np.testing.assert_array_equal(grown[0], grown[1])
    assert not np.array_equal(grown[0][:, 3:], grown[2][:, 3:])


def test_elman_ner_initialize_without_entities_raises_e003():
    nlp = blank_with_ner()
    examples = make_examples(nlp, [("No names here.", []), ("None here either.", [])])
    with pytest.raises(ElmanError, match=r"\[E003\]"):
        nlp.initialize(get_examples=lambda: examples)


def test_elman_ner_initialize_with_empty_labels_raises_e003():
    nlp = blank_with_ner()
    with pytest.raises(ElmanError, match=r"\[E003\]"):
        nlp.get_pipe("elman_ner").initialize(lambda: make_examples(nlp), labels=[])


def test_elman_ner_predict_before_initialize_raises_e004():
    nlp = blank_with_ner()
    with pytest.raises(ElmanError, match=r"\[E004\]"):
        nlp("Barack Obama is here.")
    with pytest.raises(ElmanError, match=r"\[E004\]"):
        list(nlp.pipe(["Hello there", "General Kenobi"]))


def test_elman_ner_bad_architecture_in_config_raises():
    nlp = spacy.blank("en")
    with pytest.raises(ElmanError, match=r"\[E001\]"):
        nlp.add_pipe("elman_ner", config={"model": {**SMALL_MODEL, "window": 2}})
    with pytest.raises(ElmanError, match=r"\[E002\]"):
        nlp.add_pipe("elman_ner", config={"model": {**SMALL_MODEL, "activation": "gelu"}})


# -- multi-label training -----------------------------------------------------------------------


@pytest.mark.slow
def test_elman_ner_learns_multiple_labels():
    nlp = blank_with_ner()
    loss = train_tiny(nlp, make_examples(nlp, TINY_MULTI), n_iter=30)
    assert loss < 0.05
    assert nlp.get_pipe("elman_ner").labels == ("LOC", "PER")
    for text, expected in TINY_MULTI:
        assert char_ents(nlp(text)) == expected, text


# -- set_annotations ----------------------------------------------------------------------------


def chunk_modes(tokens: int) -> list:
    """Component settings for the three ways a doc runs: whole, overlapping chunks of
    ``tokens``, and exact chunks (forward-only)."""
    exact = {"model": {**SMALL_MODEL, "bidirectional": False}, "chunk_mode": "exact"}
    return [{}, {"chunk_tokens": tokens, "chunk_context": 2}, {**exact, "chunk_tokens": tokens}]


def labelled_ner(labels=("A", "B"), **config) -> ElmanNER:
    nlp = blank_with_ner(**config)
    ner = nlp.get_pipe("elman_ner")
    ner.initialize(lambda: make_examples(nlp), nlp=nlp, labels=list(labels))
    return ner


def make_doc(words):
    return Doc(spacy.blank("en").vocab, words=words)


def eager_ner(**config) -> Language:
    """A pipeline whose elman_ner tags every token ``B-NAME``: its output weights are zero and
    the bias favours ``B-NAME``, so only the decoder's constraints shape the entities (the
    adjacent ones are not joined unless ``join_adjacent`` is given)."""
    nlp = blank_with_ner(**{"join_adjacent": False, **config})
    ner = nlp.get_pipe("elman_ner")
    ner.initialize(lambda: make_examples(nlp), nlp=nlp, labels=["NAME"])
    weights = ner.get_weights()
    weights["Wo"] = np.zeros_like(weights["Wo"])
    weights["bo"] = np.asarray([0.0, 3.0, 0.0], dtype="float32")
    ner._set_weights(weights)
    return nlp


@pytest.mark.parametrize("chunks", chunk_modes(6))
@pytest.mark.parametrize("bias, want", [("auto", "NAME"), (0, None), (-1.0, None)])
def test_elman_ner_output_bias_favours_the_output_labels_over_negatives(chunks, bias, want):
    # Every token leans to B-ORG (a negative) over B-NAME by 0.6 in log-probability: "auto"
    # (1.0 for a model with negatives) turns it to B-NAME; 0 and -1 leave it an ORG, dropped.
    nlp = blank_with_ner(output_labels=["NAME"], output_bias=bias, join_adjacent=False, **chunks)
    ner = nlp.get_pipe("elman_ner")
    ner.initialize(lambda: make_examples(nlp), nlp=nlp, labels=["NAME", "ORG"])
    weights = ner.get_weights()
    weights["Wo"] = np.zeros_like(weights["Wo"])
    weights["bo"] = np.asarray([0.0, 2.4, 0.0, 3.0, 0.0], dtype="float32")
    ner._set_weights(weights)
    doc = nlp("Can you ask Olga whether she still has it")
    assert {e.label_ for e in doc.ents} == ({want} if want else set())
    if want:
        probs = doc.spans["elman_ner"].attrs["scores"]
        assert all(p < 0.5 for p in probs)  # the model's own probabilities, not the biased ones


def test_elman_ner_rejects_an_output_bias_that_is_not_a_number():
    with pytest.raises(ElmanError, match="E026"):
        blank_with_ner(output_bias="lots")


@pytest.mark.parametrize("chunks", chunk_modes(6))
def test_elman_ner_whole_words_keeps_hyphenated_words_whole(chunks):
    text = "Olufemi Adebayo-Cole co-wrote it with Mary-Jane Lee-Smith-Okafor , twice ."
    # trim_symbols, drop_lower and trim_chat off: "," and "." would be dropped as entities of
    # no word, "co" and "it" as lower-case names in a text with capitals, "it" and "with" as
    # stop words at a name's edge
    keep = {"trim_symbols": False, "drop_lower": False, "trim_chat": False}
    split = [e.text for e in eager_ner(whole_words=False, **keep, **chunks)(text).ents]
    assert split == [t.text for t in spacy.blank("en")(text)]  # every token its own entity
    whole = [e.text for e in eager_ner(**keep, **chunks)(text).ents]
    assert whole == text.split()  # one entity per word: no boundary inside one
    assert eager_ner(**chunks).get_pipe("elman_ner").cfg["whole_words"] is True


def test_elman_ner_records_how_its_training_data_writes_hyphenated_words():
    ner = labelled_ner()
    vocab = ner.vocab
    whole = Doc(vocab, words=["Ngozi", "Eze-Okafor", "co-wrote", "it"])
    split = spacy.blank("en")("Ngozi Eze-Okafor wrote it")
    for doc, want in ((whole, [2, 0]), (whole, [4, 0]), (split, [4, 1])):
        ner.update([Example.from_dict(doc, {"entities": [(0, 16, "A")]})], losses={})
        assert ner.cfg["hyphen_styles"] == want
    restored = labelled_ner().from_bytes(ner.to_bytes())
    assert restored.cfg["hyphen_styles"] == [4, 1] and restored.reads_hyphenated_whole


@pytest.mark.parametrize("chunks", chunk_modes(4))
def test_elman_ner_reads_a_split_hyphenated_word_as_its_whole_token(chunks):
    ner = labelled_ner(**chunks)
    words = ["Yesterday", "Ngozi", "Eze-Okafor", "met", "Kim", "Ji-won-Lee", "in", "Lagos", "."]
    whole = Doc(ner.vocab, words=words)
    split = spacy.blank("en")(whole.text)
    counts = [len(spacy.blank("en")(word)) for word in words]
    ner.cfg["hyphen_styles"] = [1, 0]
    (tags, probs), (word_tags, word_probs) = ner.predict([split, whole])
    # equal up to float32 rounding: the two rows of a batch may sum in another order
    assert np.allclose(probs, np.repeat(word_probs, counts), rtol=0, atol=1e-6)
    assert tags.tolist() == spread_tags(word_tags, np.asarray(counts)).tolist()
    ner.cfg["merge_hyphenated"] = False  # the pieces are read one by one again
    (_, probs), _ = ner.predict([split, whole])
    assert not np.allclose(probs, np.repeat(word_probs, counts), rtol=0, atol=1e-6)


def test_elman_ner_merged_words_of_a_batch_equal_each_doc_alone():
    ner = labelled_ner()
    ner.cfg["hyphen_styles"] = [1, 0]
    texts = [
        "Ngozi Eze-Okafor met Kim Ji-won-Lee .",
        "No hyphen here .",
        "Anna-Lena Berg-Olsen and co-pilot Jo-Jo",
        "Lagos-born",
        "",
        "Mary-Jane",
    ]
    docs = [spacy.blank("en")(text) for text in texts]
    for doc, (tags, probs) in zip(docs, ner.predict(docs)):
        ((alone_tags, alone_probs),) = ner.predict([doc])
        assert tags.tolist() == alone_tags.tolist(), doc.text
        assert probs == pytest.approx(alone_probs, abs=1e-5)
        assert len(tags) == len(doc)


def test_elman_ner_set_annotations_repairs_bio():
    ner = labelled_ner()
    doc = make_doc(["w0", "w1", "w2", "w3", "w4", "w5", "w6"])
    # O I-A I-A I-B B-A I-A I-A: the stray I-A and I-B start entities.
    tags = np.asarray([0, 2, 2, 4, 1, 2, 2], dtype="int32")
    probs = np.asarray([0.9, 0.5, 0.7, 0.8, 1.0, 0.6, 0.2], dtype="float32")
    ner.set_annotations([doc], [(tags, probs)])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(1, 3, "A"), (3, 4, "B"), (4, 7, "A")]
    assert [t.ent_iob_ for t in doc] == ["O", "B", "I", "B", "B", "I", "I"]
    assert scores_of(doc) == pytest.approx([0.6, 0.8, 0.6])
    group = doc.spans["elman_ner"]
    assert [(s.start, s.end, s.label_) for s in group] == [(1, 3, "A"), (3, 4, "B"), (4, 7, "A")]


def test_elman_ner_set_annotations_batch_keeps_docs_apart():
    ner = labelled_ner()
    docs = [make_doc(["a", "b", "c"]), make_doc([]), make_doc(["d", "e"]), make_doc(["f"])]
    # Doc 0 ends inside an A entity and doc 2 starts with I-A: no entity crosses docs.
    preds = [
        (np.asarray([0, 1, 2], "int32"), np.asarray([0.1, 0.2, 0.4], "float32")),
        (np.zeros((0,), "int32"), np.zeros((0,), "float32")),
        (np.asarray([2, 2], "int32"), np.asarray([0.5, 0.7], "float32")),
        (np.asarray([4], "int32"), np.asarray([0.9], "float32")),
    ]
    ner.set_annotations(docs, preds)
    assert [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs] == [
        [(1, 3, "A")],
        [],
        [(0, 2, "A")],
        [(0, 1, "B")],
    ]
    assert [scores_of(doc) for doc in docs] == [
        pytest.approx([0.3]),
        [],
        pytest.approx([0.6]),
        pytest.approx([0.9]),
    ]


@pytest.mark.parametrize("trim, want", [(True, [(1, 2, "A"), (6, 7, "B")]), (False, None)])
def test_elman_ner_set_annotations_trims_symbols_off_entity_edges(trim, want):
    ner = labelled_ner(trim_symbols=trim, join_adjacent=False)
    doc = make_doc(["Hi", "Lena", "!", "\U0001f60a", "\U0001f60a", '"', "Bo", "..."])
    # A over "Lena !", A over the two emoji, B over '"Bo...': trimmed to "Lena" and "Bo".
    tags = np.asarray([0, 1, 2, 1, 2, 3, 4, 4], dtype="int32")
    probs = np.asarray([1.0, 0.8, 0.2, 0.5, 0.5, 0.1, 0.9, 0.3], dtype="float32")
    ner.set_annotations([doc], [(tags, probs)])
    got = [(e.start, e.end, e.label_) for e in doc.ents]
    assert got == (want or [(1, 3, "A"), (3, 5, "A"), (5, 8, "B")])
    if trim:
        assert scores_of(doc) == pytest.approx([0.8, 0.9])  # the kept tokens' probabilities


@pytest.mark.parametrize(
    "trim, want",
    [
        (True, [(1, 2, "NAME"), (5, 6, "NAME"), (6, 8, "ORG")]),
        (False, [(0, 2, "NAME"), (4, 6, "NAME"), (6, 8, "ORG")]),
    ],
)
def test_elman_ner_set_annotations_trims_titles_off_person_entities(trim, want):
    ner = labelled_ner(
        labels=("NAME", "ORG"), trim_titles=trim, trim_lower=False, join_adjacent=False
    )
    doc = make_doc(["Coach", "Vogts", "thanked", "his", "cousin", "Sione", "Lord", "Abbett"])
    # B-NAME I-NAME O O B-NAME I-NAME B-ORG I-ORG: "Lord" starts a firm's name, kept.
    tags = np.asarray([1, 2, 0, 0, 1, 2, 3, 4], dtype="int32")
    probs = np.asarray([0.5, 0.9, 1.0, 1.0, 0.4, 0.8, 0.7, 0.7], dtype="float32")
    ner.set_annotations([doc], [(tags, probs)])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == want
    if trim:
        assert scores_of(doc) == pytest.approx([0.9, 0.8, 0.7])  # the kept tokens' probabilities


# One span rule each, on and off: the setting, the doc's words, their tags (1/2: B/I-NAME),
# and the entities with the rule on and off.
SPAN_RULES = [
    ("split_dashes", "SPORT - Ilse Varga wins", [1, 2, 2, 2, 0], [(2, 4)], [(0, 4)]),
    ("trim_nationalities", "Mexican Ariel Cruz won", [1, 2, 2, 0], [(1, 3)], [(0, 3)]),
    ("take_suffixes", "Martin Luther King Jr. spoke", [1, 2, 2, 0, 0], [(0, 4)], [(0, 3)]),
    ("trim_chat", "lol kenta lmaooo again", [1, 2, 2, 0], [(1, 2)], [(0, 3)]),
    ("trim_verbs", "Rustam Nazarov Returns to the Ring", [1, 2, 2, 0, 0, 0], [(0, 2)], [(0, 3)]),
    ("trim_lower", "her rival Ilse Varga won", [0, 1, 2, 2, 0], [(2, 4)], [(1, 4)]),
    ("trim_lower", "Montserrat Vidal i Roca won", [1, 2, 0, 1, 0], [(0, 4)], [(0, 2), (3, 4)]),
    ("take_hyphenated", "Tamsin Ayo-Brennan left", [1, 0, 0, 0, 0], [(0, 4)], [(0, 1)]),
    ("take_surnames", "Kristoffer Aasland won", [1, 0, 0], [(0, 2)], [(0, 1)]),
    ("drop_lower", "Nana rolls filo pastry on Sunday", [0, 0, 1, 0, 0, 0], [], [(2, 3)]),
    ("drop_places", "Ilse Varga flew to Pamplona", [1, 2, 0, 0, 1], [(0, 2)], [(0, 2), (4, 5)]),
    ("drop_ordinary", "Ilse Varga left on Jan 22", [1, 2, 0, 0, 1, 0], [(0, 2)], [(0, 2), (4, 5)]),
    ("drop_teams", "Sevilla have agreed a fee", [1, 0, 0, 0, 0], [], [(0, 1)]),
    (
        "take_lifespans",
        "Pa Nhia Vang (born 1979) wrote",
        [0, 1, 2, 0, 0, 0, 0, 0],
        [(0, 3)],
        [(1, 3)],
    ),
    ("take_vocatives", "wojtek did u get it", [0, 0, 0, 0, 0], [(0, 1)], []),
    ("take_greetings", "Cheers, Baz", [0, 0, 0], [(2, 3)], []),
    ("take_honorifics", "Mrs Quennell thanks you", [0, 0, 0, 0], [(1, 2)], []),
    ("take_addressees", '"Late, Lancelot," he said', [0, 0, 0, 0, 0, 0, 0, 0], [(3, 4)], []),
    ("take_citations", "as Hegazy et al. showed", [0, 0, 0, 0, 0, 0], [(1, 2)], []),
    ("take_speakers", "Chisom shrugged again", [0, 0, 0], [(0, 1)], []),
    ("take_nicknames", 'Ann "Dynamo" Lee won', [1, 0, 0, 0, 1, 0], [(0, 5)], [(0, 1), (4, 5)]),
    (
        "take_lists",
        "Jemima, Pennycook, Nettleship and Senthil",
        [1, 0, 0, 0, 1, 0, 1],
        [(0, 1), (2, 3), (4, 5), (6, 7)],
        [(0, 1), (4, 5), (6, 7)],
    ),
    (
        "drop_eponyms",
        "Nelson Mandela Boulevard with Obi",
        [1, 2, 0, 0, 1],
        [(4, 5)],
        [(0, 2), (4, 5)],
    ),
]


@pytest.mark.parametrize("on", [True, False])
@pytest.mark.parametrize("setting, text, tags, want_on, want_off", SPAN_RULES)
def test_elman_ner_set_annotations_span_rules_follow_their_setting(
    setting, text, tags, want_on, want_off, on
):
    ner = labelled_ner(labels=("NAME", "ORG"), **{setting: on})
    tokens = spacy.blank("en")(text)  # the tokenizer's words and spaces
    doc = Doc(
        ner.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens]
    )
    probs = np.full((len(doc),), 0.9, dtype="float32")
    ner.set_annotations([doc], [(np.asarray(tags, dtype="int32"), probs)])
    want = want_on if on else want_off
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(s, e, "NAME") for s, e in want]


@pytest.mark.parametrize(
    "labels, threshold, want",
    [
        (("NAME",), 0.2, [(0, 1, "NAME")]),
        (("NAME",), 0.4, []),  # the tagger's 0.3 is below the threshold
        (("NAME",), 0.0, []),  # off
        (("NAME", "ORG"), 0.2, []),  # a model with other labels keeps no name's probability
    ],
)
def test_elman_ner_set_annotations_opening_names_reads_person_only_models(labels, threshold, want):
    ner = labelled_ner(labels=labels, opening_names=threshold)
    doc = Doc(ner.vocab, words=["Pilialoha", "explains", "why", "."])
    probs = np.asarray([0.7, 0.99, 0.99, 0.99], dtype="float32")  # O with 0.7: 0.3 a name
    ner.set_annotations([doc], [(np.zeros((4,), dtype="int32"), probs)])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == want


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_elman_ner_rejects_an_opening_names_that_is_no_probability(value):
    with pytest.raises(ElmanError, match="E028"):
        blank_with_ner(opening_names=value)


@pytest.mark.parametrize(
    "join, want",
    [
        (True, [(0, 3, "A"), (4, 5, "A"), (5, 7, "B")]),
        (False, [(0, 1, "A"), (1, 3, "A"), (4, 5, "A"), (5, 6, "B"), (6, 7, "B")]),
    ],
)
def test_elman_ner_set_annotations_joins_adjacent_entities_of_one_label(join, want):
    ner = labelled_ner(join_adjacent=join)
    doc = make_doc(["Caster", "Semenya", "Jr", "and", "Lee", "Acme", "Corp"])
    # B-A B-A I-A O B-A B-B B-B: "Lee" (A) and "Acme" (B) touch but differ in label.
    tags = np.asarray([1, 1, 2, 0, 1, 3, 3], dtype="int32")
    probs = np.asarray([0.9, 0.6, 0.3, 1.0, 0.8, 0.5, 0.7], dtype="float32")
    ner.set_annotations([doc], [(tags, probs)])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == want
    if join:
        assert scores_of(doc) == pytest.approx([0.6, 0.8, 0.6])  # the mean over the joined


def test_elman_ner_set_annotations_keeps_preset_ents():
    ner = labelled_ner()
    doc = make_doc(["w0", "w1", "w2", "w3", "w4", "w5"])
    doc.ents = [Span(doc, 1, 2, label="PRESET")]
    tags = np.asarray([1, 2, 0, 3, 4, 0], dtype="int32")  # A over 0-2 overlaps; B over 3-5 not
    ner.set_annotations([doc], [(tags, np.ones(6, dtype="float32"))])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(1, 2, "PRESET"), (3, 5, "B")]
    assert [(s.start, s.end, s.label_) for s in doc.spans["elman_ner"]] == [(3, 5, "B")]
    assert scores_of(doc) == [1.0]


def test_elman_ner_set_annotations_overwrite_replaces_preset_ents():
    ner = labelled_ner(overwrite_ents=True)
    doc = make_doc(["w0", "w1", "w2", "w3", "w4", "w5"])
    doc.ents = [Span(doc, 1, 2, label="PRESET"), Span(doc, 5, 6, label="OTHER")]
    tags = np.asarray([1, 2, 0, 3, 4, 0], dtype="int32")
    ner.set_annotations([doc], [(tags, np.ones(6, dtype="float32"))])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(0, 2, "A"), (3, 5, "B")]
    assert doc[5].ent_iob_ == "O"


def test_elman_ner_set_annotations_without_spans_key():
    ner = labelled_ner(spans_key=None)
    doc = make_doc(["w0", "w1"])
    ner.set_annotations([doc], [(np.asarray([1, 2], "int32"), np.ones(2, "float32"))])
    assert [(e.start, e.end) for e in doc.ents] == [(0, 2)]
    assert "elman_ner" not in doc.spans


def preset_doc(nlp: Language) -> Doc:
    doc = nlp.make_doc("Kenji Watanabe and Amara Okafor signed the deal.")
    doc.ents = [Span(doc, 1, 2, label="ORG")]  # overlaps the predicted "Kenji Watanabe"
    return doc


def test_elman_ner_keeps_preset_ents_by_default(loaded_nlp):
    doc = loaded_nlp(preset_doc(loaded_nlp))
    assert ents_of(doc) == [("Watanabe", "ORG", 1, 2), ("Amara Okafor", "NAME", 3, 5)]


def test_elman_ner_overwrite_ents_replaces_preset(configured_nlp):
    doc = configured_nlp(preset_doc(configured_nlp))
    assert ents_of(doc) == [("Kenji Watanabe", "NAME", 0, 2), ("Amara Okafor", "NAME", 3, 5)]


def test_elman_ner_span_scores_one_per_entity(loaded_nlp):
    n_ents = 0
    for doc in loaded_nlp.pipe(TEXTS + ODD_TEXTS):
        group = doc.spans["elman_ner"]
        scores = group.attrs["scores"]
        assert [(s.start, s.end, s.label_) for s in group] == [
            (e.start, e.end, e.label_) for e in doc.ents
        ]
        assert len(scores) == len(doc.ents)
        assert all(isinstance(s, float) and 0.0 < s <= 1.0 for s in scores)
        n_ents += len(scores)
    assert n_ents >= 7
    # A span's score is the mean probability of its decoded tags; the overfitted model is sure
    # of the names it was trained on.
    ner = loaded_nlp.get_pipe("elman_ner")
    for text in TEXTS:
        doc = loaded_nlp(text)
        _, probs = ner.predict([loaded_nlp.make_doc(text)])[0]
        expected = [float(np.mean(probs[s.start : s.end])) for s in doc.spans["elman_ner"]]
        assert doc.spans["elman_ner"].attrs["scores"] == pytest.approx(expected, abs=1e-6)
        assert all(score > 0.9 for score in expected), (text, expected)


# -- odd inputs ---------------------------------------------------------------------------------


def test_elman_ner_odd_texts(loaded_nlp):
    for text in ODD_TEXTS:
        doc = loaded_nlp(text)
        assert doc.text == text
        for ent in doc.ents:
            assert 0 <= ent.start < ent.end <= len(doc)
    assert loaded_nlp("").ents == ()
    assert len(loaded_nlp("   \n ")) == 1
    # A batch that mixes empty and non-empty docs, empty ones first and last.
    texts = ["", "Barack Obama is a former president of the USA.", "", "   ", "x", ""]
    docs = list(loaded_nlp.pipe(texts, batch_size=10))
    assert [d.text for d in docs] == texts
    assert char_ents(docs[1]) == [(0, 12, "NAME")]
    assert all(not d.ents for i, d in enumerate(docs) if i != 1)


def test_elman_ner_only_empty_docs(loaded_nlp):
    docs = list(loaded_nlp.pipe(["", "", ""]))
    assert [len(d) for d in docs] == [0, 0, 0]
    assert all(d.spans["elman_ner"].attrs["scores"] == [] for d in docs)


def test_elman_ner_single_token(loaded_nlp):
    for text in ("Obama", "x", "😀", "東京"):
        doc = loaded_nlp(text)
        assert len(doc) == 1
        assert all(ent.end == 1 for ent in doc.ents)


def test_elman_ner_long_doc(loaded_nlp):
    text = " ".join(["Yesterday Maria Lopez went home early ."] * 430)
    doc = loaded_nlp(text)
    assert len(doc) >= 3000
    assert len(doc.spans["elman_ner"].attrs["scores"]) == len(doc.ents)
    assert all(ent.label_ == "NAME" for ent in doc.ents)
    assert len(doc.ents) > 0
    [piped] = list(loaded_nlp.pipe([text]))
    assert ents_of(piped) == ents_of(doc)


def test_elman_ner_pipe_as_tuples_keeps_context_and_order(loaded_nlp):
    pairs = [(text, {"id": i}) for i, text in enumerate(TEXTS + ODD_TEXTS)]
    out = list(loaded_nlp.pipe(pairs, as_tuples=True, batch_size=3))
    assert [ctx for _, ctx in out] == [ctx for _, ctx in pairs]
    assert [doc.text for doc, _ in out] == [text for text, _ in pairs]
    for (doc, _), (text, _) in zip(out, pairs):
        assert ents_of(doc) == ents_of(loaded_nlp(text))


def test_elman_ner_pipe_is_lazy(loaded_nlp):
    consumed = []

    def endless():
        for i in itertools.count():
            consumed.append(i)
            yield TEXTS[i % len(TEXTS)]

    docs = list(itertools.islice(loaded_nlp.pipe(endless(), batch_size=4), 10))
    assert [d.text for d in docs] == [TEXTS[i % len(TEXTS)] for i in range(10)]
    assert char_ents(docs[8]) == TINY_DATA[0][1]
    assert len(consumed) <= 10 + 4


# -- evaluate -----------------------------------------------------------------------------------


def test_elman_ner_evaluate_scores(loaded_nlp):
    scores = loaded_nlp.evaluate(make_examples(loaded_nlp))
    for key in ("ents_p", "ents_r", "ents_f", "ents_per_type"):
        assert key in scores
    assert scores["ents_f"] == pytest.approx(1.0)
    assert scores["ents_per_type"]["NAME"]["f"] == pytest.approx(1.0)


def test_elman_ner_evaluate_imperfect(loaded_nlp):
    # A gold label the model never predicts: recall drops, the type is listed.
    data = [("Barack Obama visited Paris.", [(0, 12, "NAME"), (21, 26, "LOC")])]
    scores = loaded_nlp.evaluate(make_examples(loaded_nlp, data))
    assert scores["ents_r"] < 1.0
    assert "LOC" in scores["ents_per_type"]


# -- device -------------------------------------------------------------------------------------


def test_elman_ner_device_cpu_config(trained_nlp):
    nlp = copy_of(trained_nlp, device="cpu")
    ner = nlp.get_pipe("elman_ner")
    assert ner.cfg["device"] == "cpu"
    assert nlp.config["components"]["elman_ner"]["device"] == "cpu"
    doc = nlp(TEXTS[0])
    assert char_ents(doc) == TINY_DATA[0][1]
    assert ner.net.device == "/CPU:0"


def test_elman_ner_bad_device_raises_e007_at_first_use():
    nlp = blank_with_ner(device="nope")  # creating the component is fine
    nlp.initialize(get_examples=lambda: make_examples(nlp))  # and so is initializing
    with pytest.raises(ElmanError, match=r"\[E007\].*nope"):
        nlp("Barack Obama is here.")


# -- entry points and lazy TensorFlow -----------------------------------------------------------


def run_python(code: str, tmp_path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_elman_ner_factory_from_entry_point_without_tensorflow(tmp_path):
    factory = run_python(
        "import spacy; nlp=spacy.blank('en'); nlp.add_pipe('elman_ner'); import sys; "
        "print('tensorflow' in sys.modules, 'spacy_elman' in sys.modules, nlp.pipe_names)",
        tmp_path,
    )
    blank = run_python(
        "import spacy; spacy.blank('en'); import sys; print('tensorflow' in sys.modules)",
        tmp_path,
    )
    out, err = factory.communicate(timeout=120)
    assert factory.returncode == 0, err
    assert out.split("\n")[0] == "False True ['elman_ner']"
    out, err = blank.communicate(timeout=120)
    assert blank.returncode == 0, err
    assert out.strip() == "False"


# -- training -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_elman_ner_update_losses_finite_and_decrease():
    nlp = blank_with_ner()
    examples = make_examples(nlp)
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(get_examples=lambda: examples)
    optimizer.learn_rate = 0.01
    history = []
    for _ in range(12):
        losses = nlp.update(examples, sgd=optimizer, losses={})
        history.append(losses["elman_ner"])
    assert all(math.isfinite(loss) for loss in history)
    assert history[-1] < history[0] / 2
    assert history[-1] < min(history[:3])
    ner = nlp.get_pipe("elman_ner")
    assert ner.last_grad_norm is not None and math.isfinite(ner.last_grad_norm)


@pytest.mark.parametrize("decay", [True, False])
def test_elman_ner_finish_update_passes_l2_as_decay_or_classic_l2(monkeypatch, decay):
    from thinc.api import Adam

    nlp = blank_with_ner()
    nlp.initialize(get_examples=lambda: make_examples(nlp))
    ner = nlp.get_pipe("elman_ner")
    calls = []
    monkeypatch.setattr(ner.net, "apply_gradients", lambda **kw: calls.append(kw) or 1.0)
    optimizer = Adam(learn_rate=0.003, L2=0.25, L2_is_weight_decay=decay, grad_clip=2.0)
    nlp.update(make_examples(nlp), sgd=optimizer)
    assert len(calls) == 1
    expected = {"weight_decay": 0.25, "l2": 0.0} if decay else {"weight_decay": 0.0, "l2": 0.25}
    assert {k: calls[0][k] for k in ("weight_decay", "l2")} == expected
    assert calls[0]["learn_rate"] == pytest.approx(0.003)
    assert calls[0]["grad_clip"] == 2.0


def pending_gradient(ner):
    return ner.net.pending_gradient()


def test_elman_ner_update_max_batch_tokens_splits_and_keeps_the_gradient(trained_nlp, monkeypatch):
    """Training honours max_batch_tokens: sub-batches whose token-weighted gradients sum to
    the gradient of the whole batch's mean loss."""
    whole, split = copy_of(trained_nlp), copy_of(trained_nlp, max_batch_tokens=24)
    examples = make_examples(whole)
    calls = []
    net = split.get_pipe("elman_ner").net
    original = net.backprop

    def spy(ids, lengths, gold, weights, drop, scale=1.0):
        calls.append((ids.shape[0] * ids.shape[1], ids.shape[0], float(weights.sum()), scale))
        return original(ids, lengths, gold, weights, drop, scale=scale)

    monkeypatch.setattr(net, "backprop", spy)
    loss_whole = whole.get_pipe("elman_ner").update(examples, losses={})["elman_ner"]
    loss_split = split.get_pipe("elman_ner").update(examples, losses={})["elman_ner"]
    assert len(calls) > 2
    assert all(size <= 24 or rows == 1 for size, rows, _, _ in calls)
    n_tokens = sum(len(eg.predicted) for eg in examples)
    assert sum(count for _, _, count, _ in calls) == n_tokens
    for _, _, count, scale in calls:
        assert scale == pytest.approx(count / n_tokens)
    assert loss_split == pytest.approx(loss_whole, rel=1e-4)  # summed losses add up
    expected = pending_gradient(whole.get_pipe("elman_ner"))
    got = pending_gradient(split.get_pipe("elman_ner"))
    for name, value in expected.items():
        np.testing.assert_allclose(got[name], value, rtol=1e-3, atol=1e-6, err_msg=name)


def test_elman_ner_update_unknown_gold_label_raises_e015(trained_nlp):
    """A gold label the model does not predict is an error, not silently trained as O."""
    nlp = copy_of(trained_nlp)
    data = [("Barack Obama visited Paris.", [(0, 12, "NAME"), (21, 26, "LOC")])]
    with pytest.raises(ElmanError, match=r"\[E015\].*'LOC'.*its labels: NAME"):
        nlp.get_pipe("elman_ner").update(make_examples(nlp, data), losses={})
    assert nlp.get_pipe("elman_ner")._net is None or nlp.get_pipe("elman_ner").net._pending is None
    # Entities the data marks as O and missing annotation are fine.
    doc = nlp.make_doc("Barack Obama visited Paris.")
    missing = Example.from_dict(doc, {"entities": ["B-NAME", "I-NAME", "-", "-", "O"]})
    nlp.get_pipe("elman_ner").update([missing], losses={})


def test_elman_ner_gold_from_arrays_equals_aligned_gold(trained_nlp):
    """Examples with the same tokens on both sides read their gold tags from arrays; the
    result is what the alignment (eg.get_aligned_ner) gives, missing annotation included."""
    nlp = copy_of(trained_nlp)
    ner = nlp.get_pipe("elman_ner")
    examples = make_examples(nlp)
    doc = nlp.make_doc("Barack Obama visited Paris with Angela Merkel today")
    tags = ["B-NAME", "L-NAME", "-", "-", "O", "B-NAME", "L-NAME", "-"]
    examples.append(Example.from_dict(doc, {"entities": tags}))
    lengths = np.asarray([len(eg.predicted) for eg in examples])
    fast = ner._gold(examples, lengths)
    assert ner._gold_same_tokens(examples[-1], {nlp.vocab.strings["NAME"]: 0}) is not None
    ner._gold_same_tokens = lambda eg, by_type: None  # every example through the alignment
    aligned = ner._gold(examples, lengths)
    for got, expected in zip(fast, aligned):
        np.testing.assert_array_equal(got, expected)
    assert fast[0][-1, :8].tolist() == [1, 2, 0, 0, 0, 1, 2, 0]
    assert fast[1][-1, :8].tolist() == [1, 1, 0, 0, 1, 1, 1, 0]


def test_elman_ner_gold_other_tokens_are_aligned(trained_nlp):
    """A predicted doc tokenized differently from the reference goes through the alignment."""
    nlp = copy_of(trained_nlp)
    ner = nlp.get_pipe("elman_ner")
    reference = Doc(nlp.vocab, words=["Ann-Marie", "Smith", "sat"], ents=["B-NAME", "I-NAME", "O"])
    eg = Example(nlp.make_doc(reference.text), reference)  # Ann - Marie Smith sat
    assert ner._gold_same_tokens(eg, {}) is None
    gold, weights = ner._gold([eg], np.asarray([len(eg.predicted)]))
    assert gold[0, :5].tolist() == [1, 2, 2, 2, 0]
    assert weights[0, :5].tolist() == [1.0] * 5


def test_elman_ner_pipe_in_memory_zone_keeps_the_vocab_flat(trained_nlp):
    """A plain nlp.pipe keeps every new word in the vocab; inside nlp.memory_zone() the
    vocab is back to its size when the zone closes, with the same entities."""
    texts = [f"Yesterday Zorblax{i} met Quendra{i} in Paris." for i in range(200)]
    zoned = copy_of(trained_nlp)
    strings_before, lexemes_before = len(zoned.vocab.strings), sum(1 for _ in zoned.vocab)
    with zoned.memory_zone():
        in_zone = [ents_of(doc) for doc in zoned.pipe(texts, batch_size=50)]
    assert len(zoned.vocab.strings) == strings_before
    assert sum(1 for _ in zoned.vocab) == lexemes_before
    plain = copy_of(trained_nlp)
    strings_before = len(plain.vocab.strings)
    outside = [ents_of(doc) for doc in plain.pipe(texts, batch_size=50)]
    assert len(plain.vocab.strings) >= strings_before + 2 * len(texts)  # Zorblax<i>, Quendra<i>
    assert in_zone == outside


def test_elman_ner_update_skips_empty_docs():
    nlp = blank_with_ner()
    nlp.initialize(get_examples=lambda: make_examples(nlp))
    empty = Example.from_dict(nlp.make_doc(""), {"entities": []})
    losses = nlp.get_pipe("elman_ner").update([empty], losses={})
    assert losses == {"elman_ner": 0.0}


def test_elman_ner_initialize_is_deterministic():
    texts = TEXTS + ["Someone new arrived in Tokyo today."]
    results = []
    for seed in (0, 0, 1):
        nlp = blank_with_ner()
        spacy.util.fix_random_seed(seed)
        nlp.initialize(get_examples=lambda nlp=nlp: make_examples(nlp))
        results.append(nlp)
    first, second, third = (nlp.get_pipe("elman_ner").get_weights() for nlp in results)
    for name in first:
        np.testing.assert_array_equal(first[name], second[name])
    assert not np.array_equal(first["Wx"], third["Wx"])
    ner_a, ner_b = (nlp.get_pipe("elman_ner") for nlp in results[:2])
    docs = [results[0].make_doc(text) for text in texts]
    preds_a, preds_b = ner_a.predict(docs), ner_b.predict(docs)
    for (tags_a, probs_a), (tags_b, probs_b) in zip(preds_a, preds_b):
        np.testing.assert_array_equal(tags_a, tags_b)
        np.testing.assert_array_equal(probs_a, probs_b)


def test_elman_ner_pickles_after_prediction(trained_nlp):
    """Pickling carries numpy weights, not the TensorFlow graph, and predicts the same."""
    import pickle

    text = TINY_DATA[0][0]
    expected = [(e.start, e.end, e.label_) for e in trained_nlp(text).ents]
    ner = pickle.loads(pickle.dumps(trained_nlp.get_pipe("elman_ner")))
    assert ner.labels == trained_nlp.get_pipe("elman_ner").labels
    assert ner.scorer is trained_nlp.get_pipe("elman_ner").scorer
    doc = ner(trained_nlp.make_doc(text))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == expected


MULTIPROCESS_SCRIPT = """
import multiprocessing as mp, sys
import spacy
if __name__ == "__main__":
    if sys.argv[2] == "spawn":
        mp.set_start_method("spawn")
    nlp = spacy.load(sys.argv[1])
    texts = ["Barack Obama is a former president of the USA.", "", "we saw priya sharma"] * 8
    single = [[(e.start, e.end, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
    try:
        multi = [[(e.start, e.end, e.label_) for e in d.ents]
                 for d in nlp.pipe(texts, n_process=2, batch_size=4)]
        print("EQUAL" if multi == single else "DIFFERENT")
    except Exception as err:
        print("ERROR", err)
"""


@pytest.mark.slow
@pytest.mark.parametrize("method,expected", [("spawn", "EQUAL"), ("fork", "[E014]")])
def test_nlp_pipe_n_process(trained_model_path, tmp_path, method, expected):
    """spawn: workers rebuild the network and agree with one process; fork: a clear error."""
    script = tmp_path / "multi.py"
    script.write_text(MULTIPROCESS_SCRIPT, encoding="utf8")
    proc = subprocess.run(
        [sys.executable, str(script), str(trained_model_path), method],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert expected in proc.stdout, proc.stdout + proc.stderr[-2000:]


def test_elman_ner_from_disk_builds_and_traces_the_network(trained_model_path):
    """spacy.load builds the network and traces its prediction graph, so the first batch is
    not the slow one (spacy evaluate times the whole data); unpickling stays lazy."""
    import pickle

    nlp = spacy.load(trained_model_path)
    ner = nlp.get_pipe("elman_ner")
    assert ner._net is not None
    assert ner._net._predict_fn.experimental_get_tracing_count() == 1
    nlp("Barack Obama is a former president of the USA.")
    assert ner._net._predict_fn.experimental_get_tracing_count() == 1  # no new trace
    assert pickle.loads(pickle.dumps(ner))._net is None


# -- issue 20: averaged weights (use_averages) ----------------------------------------------------


def trained_with_averages(use_averages: bool, n_updates: int = 4):
    """A small pipeline updated ``n_updates`` times with thinc's Adam(use_averages=...)."""
    from thinc.api import Adam

    spacy.util.fix_random_seed(0)
    nlp = blank_with_ner()
    examples = make_examples(nlp)
    nlp.initialize(get_examples=lambda: examples)
    optimizer = Adam(learn_rate=0.01, use_averages=use_averages)
    for _ in range(n_updates):
        nlp.update(examples, sgd=optimizer)
    return nlp, optimizer


def saved_weights(nlp, tmp_path, name):
    nlp.to_disk(tmp_path / name)
    return spacy.load(tmp_path / name).get_pipe("elman_ner").get_weights()


def test_elman_ner_use_averages_off_saves_the_raw_weights(tmp_path):
    nlp, optimizer = trained_with_averages(False)
    ner = nlp.get_pipe("elman_ner")
    raw = ner.get_weights()
    assert optimizer.averages is None and not ner.net.has_averages
    with ner.use_averages() as swapped, nlp.use_params(optimizer.averages):
        assert swapped is False
        saved = saved_weights(nlp, tmp_path, "off")
    for name, value in raw.items():
        np.testing.assert_array_equal(saved[name], value, err_msg=name)


def test_elman_ner_use_averages_on_saves_the_averages_not_the_raw_weights(tmp_path):
    nlp, _ = trained_with_averages(True)
    ner = nlp.get_pipe("elman_ner")
    raw = ner.get_weights()
    averages = {
        k[len("avg/") :]: v
        for k, v in ner.net.get_optimizer_state().items()
        if k.startswith("avg/")
    }
    with ner.use_averages() as swapped:
        assert swapped is True
        saved = saved_weights(nlp, tmp_path, "on")
        with pytest.raises(ElmanError, match="E020"):
            nlp.update(make_examples(nlp), sgd=spacy.util.registry.optimizers.get("Adam.v1")())
    for name, value in averages.items():
        np.testing.assert_array_equal(saved[name], value, err_msg=name)
    assert any(not np.allclose(saved[name], raw[name]) for name in raw)
    # Outside the block the raw weights are back, and to_disk writes them.
    after = saved_weights(nlp, tmp_path, "after")
    for name, value in raw.items():
        np.testing.assert_array_equal(after[name], value, err_msg=name)


def test_elman_ner_nlp_use_params_swaps_in_the_averages_like_spacys_trainer(tmp_path):
    """spaCy's trainer: `if optimizer.averages:` then `with nlp.use_params(optimizer.averages)`."""
    nlp, optimizer = trained_with_averages(True)
    ner = nlp.get_pipe("elman_ner")
    raw = ner.get_weights()
    averages = ner.net.get_optimizer_state()
    assert optimizer.averages  # non-empty, so spaCy's trainer takes the averaging branch
    text = "Yesterday Maria Lopez went home early."
    with nlp.use_params(optimizer.averages):
        inside = ner.get_weights()
        probs_avg = nlp(text).spans["elman_ner"].attrs["scores"]
    for name, value in inside.items():
        np.testing.assert_array_equal(value, averages[f"avg/{name}"], err_msg=name)
    for name, value in ner.get_weights().items():
        np.testing.assert_array_equal(value, raw[name], err_msg=name)
    assert list(probs_avg) != list(nlp(text).spans["elman_ner"].attrs["scores"])


def test_elman_ner_set_annotations_scores_o_tokens_a_rule_put_in_an_entity():
    ner = labelled_ner(labels=("NAME",))
    doc = make_doc(["wojtek", "did", "u", "see", "ilse"])
    tags = np.asarray([0, 0, 0, 0, 1], dtype="int32")
    probs = np.asarray([0.75, 0.9, 0.9, 0.9, 0.8], dtype="float32")
    ner.set_annotations([doc], [(tags, probs)])
    assert [(e.start, e.end) for e in doc.ents] == [(0, 1), (4, 5)]
    # the O token's part is the probability that it is not O
    assert scores_of(doc) == pytest.approx([0.25, 0.8])
