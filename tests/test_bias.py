"""Tests for spacy_elman.bias: the bias towards the output labels' tags."""

import math

import numpy as np
import pytest

from spacy_elman.bias import AUTO_OUTPUT_BIAS, check_output_bias, output_bias
from spacy_elman.errors import ElmanError


def test_output_bias_auto_applies_only_to_models_with_negatives():
    # tags: O, B-LOC, I-LOC, B-NAME, I-NAME, B-ORG, I-ORG
    bias = output_bias(("LOC", "NAME", "ORG"), ["NAME"], "auto")
    assert bias.tolist() == [0, 0, 0, AUTO_OUTPUT_BIAS, AUTO_OUTPUT_BIAS, 0, 0]
    assert output_bias(("NAME",), [], "auto") is None  # no negatives: nothing to favour it over
    assert output_bias(("NAME",), ["NAME"], "auto") is None
    assert output_bias(("A", "B"), [], "auto") is None


def test_output_bias_number_favours_the_output_labels_or_all_labels():
    assert output_bias(("A", "B"), ["B"], 0.5).tolist() == [0, 0, 0, 0.5, 0.5]
    assert output_bias(("A", "B"), [], -2.0).tolist() == [0, -2, -2, -2, -2]
    assert output_bias(("A", "B"), ["B"], 0) is None


@pytest.mark.parametrize("value", ["auto", 0, 1.5, -1])
def test_check_output_bias_accepts_auto_and_numbers(value):
    check_output_bias(value)


@pytest.mark.parametrize("value", ["high", math.nan, math.inf, True, None, [1.0]])
def test_check_output_bias_rejects_anything_else(value):
    with pytest.raises(ElmanError, match="E026"):
        check_output_bias(value)


def test_output_bias_is_float32_like_the_log_probabilities():
    assert output_bias(("A",), [], 1.0).dtype == np.float32
