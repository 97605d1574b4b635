"""Model builders: the registered architecture and the network's weight layout (pure numpy).

The architecture returns a thinc ``Model`` that carries the hyperparameters in ``attrs["spec"]``;
the TensorFlow network itself is built from the spec by ``tf_shim.ElmanNet`` when first needed.
"""

from dataclasses import dataclass
from typing import Dict, List, Tuple

import numpy as np
from spacy.util import registry
from thinc.api import Model

from .errors import ElmanError, Errors
from .features import FEATURE_NAMES

ACTIVATION_NAMES = ("tanh", "relu", "sigmoid")
# The dtype of prediction's input projection (elman_ner's ``precision``; tf_shim reads it).
PRECISIONS = ("auto", "float32", "bfloat16")


def check_precision(precision: str) -> None:
    """Raise E024 unless ``precision`` is one of :data:`PRECISIONS`."""
    if precision not in PRECISIONS:
        raise ElmanError(Errors.E024.format(precision=precision, options=", ".join(PRECISIONS)))


@dataclass(frozen=True)
class ElmanSpec:
    """The network's hyperparameters (everything but the label set)."""

    features: Tuple[str, ...]
    rows: Tuple[int, ...]
    widths: Tuple[int, ...]
    window: int
    hidden_width: int
    activation: str
    bidirectional: bool

    @property
    def directions(self) -> int:
        return 2 if self.bidirectional else 1

    def weight_shapes(self, n_tags: int) -> Dict[str, Tuple[int, ...]]:
        """Name → shape of every weight, for ``n_tags`` output tags."""
        hidden = self.hidden_width
        shapes = {f"embed_{f}": (r, w) for f, r, w in zip(self.features, self.rows, self.widths)}
        shapes["Wx"] = (sum(self.widths) * self.window, hidden * self.directions)
        shapes["bx"] = (hidden * self.directions,)
        shapes["Wh"] = (hidden, hidden)
        if self.bidirectional:
            shapes["Wh_back"] = (hidden, hidden)
        shapes["Wo"] = (hidden * self.directions, n_tags)
        shapes["bo"] = (n_tags,)
        return shapes


def init_weights(spec: ElmanSpec, n_tags: int, rng: np.random.Generator) -> Dict[str, np.ndarray]:
    """Fresh weights: small normal embeddings, Glorot-uniform projections, orthogonal ``Wh``."""
    weights = {}
    for name, shape in spec.weight_shapes(n_tags).items():
        if name.startswith("embed_"):
            value = rng.normal(0.0, 0.1, size=shape)
        elif name.startswith("Wh"):
            q, r = np.linalg.qr(rng.normal(size=shape))
            value = q * np.sign(np.diag(r))
        elif len(shape) == 2:
            limit = np.sqrt(6.0 / sum(shape))
            value = rng.uniform(-limit, limit, size=shape)
        else:
            value = np.zeros(shape)
        weights[name] = value.astype("float32")
    return weights


def resize_output(
    weights: Dict[str, np.ndarray], n_tags: int, rng: np.random.Generator
) -> Dict[str, np.ndarray]:
    """Grow the output layer to ``n_tags`` columns, keeping the trained ones."""
    wo, bo = weights["Wo"], weights["bo"]
    extra = n_tags - wo.shape[1]
    limit = np.sqrt(6.0 / (wo.shape[0] + n_tags))
    new_cols = rng.uniform(-limit, limit, size=(wo.shape[0], extra)).astype("float32")
    resized = dict(weights)
    resized["Wo"] = np.concatenate([wo, new_cols], axis=1)
    resized["bo"] = np.concatenate([bo, np.zeros((extra,), dtype="float32")])
    return resized


def check_weights(spec: ElmanSpec, n_tags: int, weights: Dict[str, np.ndarray]) -> None:
    """Raise E011 unless ``weights`` has exactly the names and shapes ``spec`` needs."""
    expected = spec.weight_shapes(n_tags)
    if set(weights) != set(expected):
        detail = f"expected weights {sorted(expected)}, found {sorted(weights)}"
        raise ElmanError(Errors.E011.format(detail=detail))
    for name, shape in expected.items():
        if tuple(weights[name].shape) != shape:
            detail = f"'{name}' has shape {tuple(weights[name].shape)}, expected {shape}"
            raise ElmanError(Errors.E011.format(detail=detail))


@registry.architectures("spacy_elman.ElmanTagger.v1")
def build_elman_tagger(
    features: List[str],
    rows: List[int],
    widths: List[int],
    window: int,
    hidden_width: int,
    activation: str,
    bidirectional: bool,
) -> Model:
    """The Elman tagger's hyperparameters, validated, as a thinc ``Model`` (``attrs["spec"]``).

    features: token attributes, each hashed into its own table: spaCy's (``features.FEATURES``)
        and character affixes of the lower form (``affixes.AFFIXES``).
    rows, widths: rows and embedding width of each feature's table (row 0 is padding).
    window: odd number of tokens whose embeddings are concatenated for each position.
    hidden_width: size of the recurrent state ``h_t``.
    activation: ``f`` in ``h_t = f(x_t·Wx + h_{t-1}·Wh + b)``.
    bidirectional: add a backward Elman pass (the forward-only model can stream state).
    """
    if not features or any(f not in FEATURE_NAMES for f in features):
        raise ElmanError(Errors.E009.format(options=list(FEATURE_NAMES), features=features))
    if not (len(features) == len(rows) == len(widths)):
        detail = f"{len(features)} features, {len(rows)} rows, {len(widths)} widths"
        raise ElmanError(Errors.E011.format(detail=detail))
    sizes = {
        "rows": min(rows, default=2) - 1,  # rows beyond the padding row
        "widths": min(widths, default=1),
        "hidden_width": hidden_width,
    }
    for name, size in sizes.items():
        if size < 1:
            raise ElmanError(
                Errors.E012.format(name=name, rows=rows, widths=widths, hidden=hidden_width)
            )
    if window < 1 or window % 2 == 0:
        raise ElmanError(Errors.E001.format(window=window))
    if activation not in ACTIVATION_NAMES:
        raise ElmanError(Errors.E002.format(name=activation, options=", ".join(ACTIVATION_NAMES)))
    spec = ElmanSpec(
        features=tuple(features),
        rows=tuple(int(r) for r in rows),
        widths=tuple(int(w) for w in widths),
        window=int(window),
        hidden_width=int(hidden_width),
        activation=activation,
        bidirectional=bool(bidirectional),
    )
    return Model("elman_tagger", _forward_unsupported, attrs={"spec": spec})


def _forward_unsupported(model: Model, docs, is_train: bool):
    raise NotImplementedError("Run the elman_ner component; its TensorFlow network does the work.")
