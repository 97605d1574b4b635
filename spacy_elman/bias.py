"""A bias towards the labels a pipeline writes out, added to their tags' log-probabilities
before decoding.

A model trained with negatives (``--labels NAME`` on CoNLL-2003: organisations, places and
miscellaneous names learned, only the persons written) splits the evidence for a capitalised
word among its entity types in the proportions of its training news, where a lone capitalised
word in object position is most often a team or a firm. In everyday text it is most often a
person: such a model tagged ``Can you ask Olga whether ...`` as an organisation (0.81). A
bias of ``b`` multiplies the output labels' probabilities by ``e ** b`` against ``O`` and the
negatives. Without negatives the same bias only trades precision for recall: on the
bundled corpus it lowered news and left the hand-written sets level, so ``"auto"`` applies
it only to models that learn negatives (results log, "A bias towards the output labels").
"""

import math
from typing import Optional, Sequence, Union

import numpy as np

from .errors import ElmanError, Errors
from .types import Floats1d

# The bias "auto" gives a model that learns negatives (log-probability units).
AUTO_OUTPUT_BIAS = 1.0


def check_output_bias(value: Union[float, str]) -> None:
    """Raise E026 unless ``value`` is ``"auto"`` or a finite number."""
    if value == "auto":
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ElmanError(Errors.E026.format(value=value))


def output_bias(
    labels: Sequence[str], output_labels: Sequence[str], value: Union[float, str]
) -> Optional[Floats1d]:
    """The term added to each tag's log-probability (``O``, ``B-L0``, ``I-L0``, ...): the
    bias on the tags of the output labels, 0 elsewhere; None where it is 0 for every tag.

    ``"auto"`` is :data:`AUTO_OUTPUT_BIAS` when some of ``labels`` are not written out
    (``output_labels`` names others), else 0.
    """
    kept = [label for label in labels if label in output_labels] if output_labels else []
    if value == "auto":
        value = AUTO_OUTPUT_BIAS if kept and len(kept) < len(labels) else 0.0
    if not value:
        return None
    bias = np.zeros((1 + 2 * len(labels),), dtype="float32")
    for i, label in enumerate(labels):
        if not output_labels or label in output_labels:
            bias[2 * i + 1 : 2 * i + 3] = value
    return bias
