"""The registered architecture: validation, weight layout, weight checks and output resizing."""

import numpy as np
import pytest
from spacy.util import registry
from thinc.api import Config

from spacy_elman.errors import ElmanError
from spacy_elman.models import (
    ElmanSpec,
    build_elman_tagger,
    check_weights,
    init_weights,
    resize_output,
)

ARGS = dict(
    features=["lower", "shape"],
    rows=[100, 20],
    widths=[8, 4],
    window=3,
    hidden_width=6,
    activation="tanh",
    bidirectional=True,
)


def make_spec(**overrides) -> ElmanSpec:
    return build_elman_tagger(**{**ARGS, **overrides}).attrs["spec"]


# -- build_elman_tagger -------------------------------------------------------------------------


def test_build_elman_tagger_spec_holds_hyperparameters():
    spec = make_spec()
    assert spec == ElmanSpec(
        features=("lower", "shape"),
        rows=(100, 20),
        widths=(8, 4),
        window=3,
        hidden_width=6,
        activation="tanh",
        bidirectional=True,
    )
    assert spec.directions == 2
    assert make_spec(bidirectional=False).directions == 1


def test_build_elman_tagger_is_registered():
    cfg = Config({"model": {"@architectures": "spacy_elman.ElmanTagger.v1", **ARGS}})
    model = registry.resolve(cfg)["model"]
    assert model.attrs["spec"] == make_spec()


def test_build_elman_tagger_model_cannot_run_directly():
    model = build_elman_tagger(**ARGS)
    with pytest.raises(NotImplementedError):
        model.predict([])


@pytest.mark.parametrize("window", [0, 2, 4, -1, -3])
def test_build_elman_tagger_bad_window_raises_e001(window):
    with pytest.raises(ElmanError, match=r"\[E001\]"):
        build_elman_tagger(**{**ARGS, "window": window})


@pytest.mark.parametrize("window", [1, 5, 7])
def test_build_elman_tagger_odd_window_accepted(window):
    assert make_spec(window=window).window == window


@pytest.mark.parametrize("activation", ["softmax", "Tanh", "", "linear"])
def test_build_elman_tagger_bad_activation_raises_e002(activation):
    with pytest.raises(ElmanError, match=r"\[E002\].*tanh, relu, sigmoid"):
        build_elman_tagger(**{**ARGS, "activation": activation})


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_build_elman_tagger_known_activations_accepted(activation):
    assert make_spec(activation=activation).activation == activation


@pytest.mark.parametrize("features", [[], ["lower", "pos"], ["LOWER"]])
def test_build_elman_tagger_unknown_feature_raises_e009(features):
    n = len(features)
    with pytest.raises(ElmanError, match=r"\[E009\]"):
        build_elman_tagger(**{**ARGS, "features": features, "rows": [10] * n, "widths": [4] * n})


def test_build_elman_tagger_accepts_character_affix_features():
    features = ["lower", "prefix3", "suffix4"]
    spec = make_spec(features=features, rows=[100, 50, 50], widths=[8, 4, 4])
    assert spec.features == tuple(features)
    assert spec.weight_shapes(3)["embed_suffix4"] == (50, 4)


@pytest.mark.parametrize(
    "rows, widths",
    [([100], [8, 4]), ([100, 20], [8]), ([100, 20, 5], [8, 4]), ([100, 20], [8, 4, 2])],
)
def test_build_elman_tagger_mismatched_lists_raise_e011(rows, widths):
    with pytest.raises(ElmanError, match=r"\[E011\].*2 features"):
        build_elman_tagger(**{**ARGS, "rows": rows, "widths": widths})


@pytest.mark.parametrize(
    "overrides, name",
    [
        ({"rows": [1, 20]}, "rows"),  # only the padding row
        ({"rows": [100, 0]}, "rows"),
        ({"widths": [8, 0]}, "widths"),
        ({"widths": [-1, 4]}, "widths"),
        ({"hidden_width": 0}, "hidden_width"),
    ],
)
def test_build_elman_tagger_bad_size_raises_e012(overrides, name):
    with pytest.raises(ElmanError, match=rf"\[E012\] Invalid model size '{name}'"):
        build_elman_tagger(**{**ARGS, **overrides})


def test_build_elman_tagger_smallest_sizes_accepted():
    spec = make_spec(rows=[2, 2], widths=[1, 1], hidden_width=1)
    assert spec.rows == (2, 2) and spec.widths == (1, 1) and spec.hidden_width == 1


# -- weight_shapes / init_weights ---------------------------------------------------------------


def test_weight_shapes_bidirectional():
    shapes = make_spec().weight_shapes(5)
    assert shapes == {
        "embed_lower": (100, 8),
        "embed_shape": (20, 4),
        "Wx": ((8 + 4) * 3, 12),
        "bx": (12,),
        "Wh": (6, 6),
        "Wh_back": (6, 6),
        "Wo": (12, 5),
        "bo": (5,),
    }


def test_weight_shapes_forward_only_window_one():
    shapes = make_spec(bidirectional=False, window=1).weight_shapes(3)
    assert shapes == {
        "embed_lower": (100, 8),
        "embed_shape": (20, 4),
        "Wx": (12, 6),
        "bx": (6,),
        "Wh": (6, 6),
        "Wo": (6, 3),
        "bo": (3,),
    }


def test_init_weights_match_shapes_and_are_float32():
    spec = make_spec()
    weights = init_weights(spec, 7, np.random.default_rng(0))
    check_weights(spec, 7, weights)
    assert all(w.dtype == np.float32 for w in weights.values())
    assert all(np.isfinite(w).all() for w in weights.values())
    # The recurrent matrices are orthogonal; biases start at zero.
    for name in ("Wh", "Wh_back"):
        wh = weights[name]
        np.testing.assert_allclose(wh @ wh.T, np.eye(6), atol=1e-5)
    assert not weights["bx"].any() and not weights["bo"].any()
    assert weights["Wx"].std() > 0


def test_init_weights_deterministic_for_seed():
    spec = make_spec()
    a = init_weights(spec, 3, np.random.default_rng(42))
    b = init_weights(spec, 3, np.random.default_rng(42))
    c = init_weights(spec, 3, np.random.default_rng(43))
    assert all((a[k] == b[k]).all() for k in a)
    assert not (a["Wx"] == c["Wx"]).all()


# -- check_weights ------------------------------------------------------------------------------


def test_check_weights_missing_weight_raises_e011():
    spec = make_spec()
    weights = init_weights(spec, 3, np.random.default_rng(0))
    del weights["Wh_back"]
    with pytest.raises(ElmanError, match=r"\[E011\].*Wh_back"):
        check_weights(spec, 3, weights)


def test_check_weights_extra_weight_raises_e011():
    spec = make_spec(bidirectional=False)
    weights = init_weights(make_spec(), 3, np.random.default_rng(0))
    with pytest.raises(ElmanError, match=r"\[E011\]"):
        check_weights(spec, 3, weights)


def test_check_weights_wrong_shape_raises_e011():
    spec = make_spec()
    weights = init_weights(spec, 3, np.random.default_rng(0))
    with pytest.raises(ElmanError, match=r"\[E011\].*'Wo' has shape \(12, 3\), expected \(12, 5\)"):
        check_weights(spec, 5, weights)
    weights["embed_lower"] = np.zeros((99, 8), dtype="float32")
    with pytest.raises(ElmanError, match=r"\[E011\].*embed_lower"):
        check_weights(spec, 3, weights)


# -- resize_output ------------------------------------------------------------------------------


def test_resize_output_keeps_old_columns():
    spec = make_spec()
    weights = init_weights(spec, 3, np.random.default_rng(0))
    weights["bo"] = np.asarray([0.5, -1.0, 2.0], dtype="float32")
    old = {k: v.copy() for k, v in weights.items()}
    resized = resize_output(weights, 7, np.random.default_rng(1))
    check_weights(spec, 7, resized)
    np.testing.assert_array_equal(resized["Wo"][:, :3], old["Wo"])
    np.testing.assert_array_equal(resized["bo"][:3], old["bo"])
    assert not resized["bo"][3:].any()
    assert resized["Wo"][:, 3:].std() > 0
    assert resized["Wo"].dtype == np.float32 and resized["bo"].dtype == np.float32
    # Everything else is untouched, and the input dict is not modified.
    for name in old:
        if name not in ("Wo", "bo"):
            np.testing.assert_array_equal(resized[name], old[name])
        np.testing.assert_array_equal(weights[name], old[name])


def test_resize_output_same_size_is_identity():
    spec = make_spec()
    weights = init_weights(spec, 5, np.random.default_rng(0))
    resized = resize_output(weights, 5, np.random.default_rng(1))
    for name in weights:
        np.testing.assert_array_equal(resized[name], weights[name])
