"""The ``elman_ner`` component: factory, default config and the trainable pipe.

Plain spaCy + numpy: the TensorFlow network lives in ``tf_shim``. It is built on first use,
so ``spacy.blank()`` and ``add_pipe("elman_ner")`` never import TensorFlow, except when a
trained pipeline is loaded from disk: ``from_disk`` builds it and traces its prediction graph
right away (``warm_up``), so that the first batch is not the slow one.
"""

import hashlib
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import srsly
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example, validate_examples, validate_get_examples
from spacy.util import SimpleFrozenList, ensure_path
from spacy.vocab import Vocab
from thinc.api import Config, Model, Optimizer

from .bio import spans_from_tags, tag_names, transition_scores
from .errors import ElmanError, Errors, NonFiniteLossError
from .features import doc_features, hide_words, length_buckets, pad_batch
from .models import ElmanSpec, check_weights, init_weights, resize_output
from .types import Floats1d, Ints1d

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy_elman.ElmanTagger.v1"
# Hashed token features, each with its own embedding table: the lower form carries the word,
# prefix/suffix/shape let unseen names be recognised from their form.
features = ["lower", "prefix", "suffix", "shape"]
# Rows per table (row 0 is the padding index). Collisions are rare at these sizes.
rows = [50000, 1000, 10000, 1000]
# Embedding width per table: 64 + 16 + 32 + 16 = 128 per token.
widths = [64, 16, 32, 16]
# Tokens per context window (odd): the token and one neighbour on each side, as in rnnslu.
window = 3
# Size of the Elman state h_t.
hidden_width = 128
# f in h_t = f(x_t·Wx + h_{t-1}·Wh + b); tanh keeps the state bounded.
activation = "tanh"
# A backward pass reads the right context too; forward-only can carry state across chunks.
bidirectional = true
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]


@Language.factory(
    "elman_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": DEFAULT_MODEL,
        "overwrite_ents": False,
        "word_dropout": 0.2,
        "max_batch_tokens": 16384,
        "device": "auto",
        "spans_key": "elman_ner",
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={
        "ents_f": 1.0,
        "ents_p": 0.0,
        "ents_r": 0.0,
        "ents_per_type": None,
    },
)
def make_elman_ner(
    nlp: Language,
    name: str,
    model: Model,
    overwrite_ents: bool,
    word_dropout: float,
    max_batch_tokens: int,
    device: str,
    spans_key: Optional[str],
    scorer: Optional[Callable],
) -> "ElmanNER":
    """Create an ``elman_ner`` component.

    overwrite_ents: replace entities already on the doc (default: keep them, add ours around).
    word_dropout: in training, the share of tokens whose word-identity features are hidden, so
        the model learns to recognise names from their form and context.
    max_batch_tokens: padded tokens per TensorFlow call, in prediction and in training; a
        batch is split into length buckets (in training, their gradients add up to the
        whole batch's).
    device: "auto" (GPU when TensorFlow sees one), "cpu", "gpu" or "gpu:N".
    spans_key: also write the predicted entities to ``doc.spans[spans_key]`` with a confidence
        per entity in ``.attrs["scores"]``; None to skip.
    """
    return ElmanNER(
        nlp.vocab,
        model,
        name,
        overwrite_ents=overwrite_ents,
        word_dropout=word_dropout,
        max_batch_tokens=max_batch_tokens,
        device=device,
        spans_key=spans_key,
        scorer=scorer,
    )


class ElmanNER(TrainablePipe):
    """Named-entity tagger: an Elman network reads hashed token features, Viterbi decodes BIO."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model,
        name: str = "elman_ner",
        *,
        overwrite_ents: bool = False,
        word_dropout: float = 0.2,
        max_batch_tokens: int = 16384,
        device: str = "auto",
        spans_key: Optional[str] = "elman_ner",
        scorer: Optional[Callable] = None,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg: Dict[str, Any] = {
            "labels": [],
            "overwrite_ents": overwrite_ents,
            "word_dropout": word_dropout,
            "max_batch_tokens": max_batch_tokens,
            "device": device,
            "spans_key": spans_key,
        }
        self._weights: Optional[Dict[str, np.ndarray]] = None
        self._net: Any = None
        self.last_grad_norm: Optional[float] = None

    def __reduce__(self):
        """Pickle with numpy weights: the TensorFlow network is rebuilt on first use, so the
        component can cross to a spawned process (``nlp.pipe(n_process=N)``)."""
        weights = self.get_weights() if self.is_initialized else None
        state = {"cfg": dict(self.cfg), "_weights": weights, "scorer": self.scorer}
        return (type(self), (self.vocab, self.model, self.name), state, None, None)

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.cfg, self.scorer = state["cfg"], state["scorer"]
        self._weights, self._net = state["_weights"], None

    # -- labels and state ------------------------------------------------------------------

    @property
    def spec(self) -> ElmanSpec:
        return self.model.attrs["spec"]

    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def tags(self) -> List[str]:
        """The BIO tag strings, in id order."""
        return tag_names(self.labels)

    @property
    def is_initialized(self) -> bool:
        return self._weights is not None or self._net is not None

    def add_label(self, label: str) -> int:
        """Add an entity label; returns 1 if it was new, 0 if known. Works after training too."""
        if not isinstance(label, str) or not label or label[:2] in ("B-", "I-"):
            raise ElmanError(Errors.E006.format(label=label))
        if label in self.cfg["labels"]:
            return 0
        weights = self.get_weights() if self.is_initialized else None
        self.cfg["labels"] = [*self.cfg["labels"], label]
        if weights is not None:
            rng = np.random.default_rng(np.random.randint(0, 2**31 - 1))  # fix_random_seed applies
            self._set_weights(resize_output(weights, len(self.tags), rng))
        return 1

    def get_weights(self) -> Dict[str, np.ndarray]:
        """The network's weights as numpy arrays (raises E004 before initialization)."""
        if self._net is not None:
            return self._net.get_weights()
        if self._weights is None:
            raise ElmanError(Errors.E004)
        return self._weights

    def _set_weights(self, weights: Dict[str, np.ndarray]) -> None:
        check_weights(self.spec, len(self.tags), weights)
        self._weights, self._net = weights, None

    @property
    def net(self):
        """The TensorFlow network, built from the weights on first use."""
        if self._net is None:
            if self._weights is None:
                raise ElmanError(Errors.E004)
            from .tf_shim import ElmanNet

            self._net = ElmanNet(self.spec, self._weights, device=self.cfg["device"])
            self._weights = None
        return self._net

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Optional[Language] = None,
        labels: Optional[Sequence[str]] = None,
    ) -> None:
        """Set the labels (from ``labels`` or the examples' entities) and fresh weights."""
        validate_get_examples(get_examples, "ElmanNER.initialize")
        if labels is None:
            found = {ent.label_ for eg in get_examples() for ent in eg.reference.ents}
            labels = sorted(found)
        # Drop the old weights first: add_label would otherwise resize them to the new label
        # set, which fails when it is smaller than the old one.
        self.cfg["labels"] = []
        self._weights, self._net = None, None
        for label in labels:
            self.add_label(label)
        if not self.labels:
            raise ElmanError(Errors.E003)
        rng = np.random.default_rng(np.random.randint(0, 2**31 - 1))
        self._set_weights(init_weights(self.spec, len(self.tags), rng))

    # -- prediction ------------------------------------------------------------------------

    def predict(self, docs: Iterable[Doc]) -> List[Tuple[Ints1d, Floats1d]]:
        """Return ``(tag_ids, tag_probs)`` per doc; one TensorFlow call per length bucket."""
        docs = list(docs)
        preds: List[Tuple[Ints1d, Floats1d]] = [
            (np.zeros((0,), dtype="int32"), np.zeros((0,), dtype="float32")) for _ in docs
        ]
        if not any(len(doc) for doc in docs):
            return preds
        net = self.net
        spec = self.spec
        trans, start = transition_scores(len(self.labels))
        feats = [doc_features(doc, spec.features, spec.rows) for doc in docs]
        lengths = np.asarray([len(f) for f in feats])
        nonempty = np.flatnonzero(lengths)
        for bucket in length_buckets(lengths[nonempty], self.cfg["max_batch_tokens"]):
            idx = nonempty[bucket]
            ids, lens = pad_batch([feats[i] for i in idx])
            tags, probs, _ = net.predict(ids, lens, trans, start)
            for row, i in enumerate(idx):
                preds[i] = (tags[row, : lens[row]], probs[row, : lens[row]])
        return preds

    def set_annotations(self, docs: Iterable[Doc], preds: List[Tuple[Ints1d, Floats1d]]) -> None:
        """Write the decoded entities to ``doc.ents`` (and ``doc.spans[spans_key]``).

        The batch is decoded at once; a span's confidence is the mean probability of its tags.
        """
        docs = list(docs)
        if not docs:
            return
        labels = self.labels
        key = self.cfg["spans_key"]
        lengths = np.asarray([len(tags) for tags, _ in preds], dtype="int64")
        offsets = np.concatenate(([0], np.cumsum(lengths)))
        tags = np.concatenate([t for t, _ in preds]).astype("int64")
        cumprob = np.concatenate(
            ([0.0], np.cumsum(np.concatenate([p for _, p in preds]), dtype="float64"))
        )
        found = spans_from_tags(tags, offsets[:-1][lengths > 0])
        doc_of = np.searchsorted(offsets, [start for start, _, _ in found], side="right") - 1
        per_doc: List[List[Tuple[int, int, int]]] = [[] for _ in docs]
        for i, span in zip(doc_of.tolist(), found):
            per_doc[i].append(span)
        for doc, offset, spans in zip(docs, offsets.tolist(), per_doc):
            predicted = [
                (
                    Span(doc, s - offset, e - offset, label=labels[lab]),
                    (cumprob[e] - cumprob[s]) / (e - s),
                )
                for s, e, lab in spans
            ]
            if not self.cfg["overwrite_ents"] and doc.ents:
                taken = np.zeros((len(doc),), dtype=bool)
                for ent in doc.ents:
                    taken[ent.start : ent.end] = True
                predicted = [(sp, p) for sp, p in predicted if not taken[sp.start : sp.end].any()]
                ents = sorted([*doc.ents, *(span for span, _ in predicted)])
            else:
                ents = [span for span, _ in predicted]
            doc.set_ents(ents, default="outside")
            if key:
                group = SpanGroup(doc, name=key, spans=[span for span, _ in predicted])
                group.attrs["scores"] = [float(p) for _, p in predicted]
                doc.spans[key] = group

    # -- training --------------------------------------------------------------------------

    def _gold(self, examples: Sequence[Example], lengths: Ints1d) -> Tuple[np.ndarray, ...]:
        """Gold tag ids and loss weights aligned to the predicted tokens, padded."""
        width = max(int(lengths.max(initial=0)), 2)
        gold = np.zeros((len(examples), width), dtype="int32")
        weights = np.zeros((len(examples), width), dtype="float32")
        index = {"O": 0}
        for i, label in enumerate(self.labels):
            for prefix in ("B", "U"):
                index[f"{prefix}-{label}"] = 2 * i + 1
            for prefix in ("I", "L"):
                index[f"{prefix}-{label}"] = 2 * i + 2
        for row, eg in enumerate(examples):
            for col, tag in enumerate(eg.get_aligned_ner()):
                if tag is None or tag == "-":
                    continue  # missing or misaligned: no loss
                tag_id = index.get(tag)
                if tag_id is None:
                    # Training a label we do not predict as O would teach the model to miss it.
                    raise ElmanError(
                        Errors.E015.format(label=tag[2:], labels=", ".join(self.labels))
                    )
                gold[row, col] = tag_id
                weights[row, col] = 1.0
        return gold, weights

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Optional[Optimizer] = None,
        losses: Optional[Dict[str, float]] = None,
    ) -> Dict[str, float]:
        """Compute the gradient for ``examples``; apply it now if ``sgd`` is given.

        With ``nlp.update`` the gradient is applied in :meth:`finish_update`, using the
        optimizer's learn rate (schedules work), betas, eps, ``grad_clip`` and ``L2``.
        """
        if losses is None:
            losses = {}
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_examples(examples, "ElmanNER.update")
        examples = [eg for eg in examples if len(eg.predicted)]
        if not examples:
            return losses
        spec = self.spec
        feats = [doc_features(eg.predicted, spec.features, spec.rows) for eg in examples]
        # At most max_batch_tokens padded tokens per TensorFlow call, as in predict. Each call
        # differentiates its own mean loss, so its gradient is weighted by its share of the
        # counted tokens: the sum is the gradient of the whole batch's mean loss.
        buckets = length_buckets(np.asarray([len(f) for f in feats]), self.cfg["max_batch_tokens"])
        if len(buckets) == 1:
            buckets = [np.arange(len(examples))]  # one call, in the batch's own order
        parts = []
        for idx in buckets:
            ids, lengths = pad_batch([feats[i] for i in idx])
            ids = hide_words(ids, spec.features, self.cfg["word_dropout"] if drop else 0.0)
            gold, weights = self._gold([examples[i] for i in idx], lengths)
            parts.append((ids, lengths, gold, weights))
        counted = sum(float(part[3].sum()) for part in parts)
        loss = 0.0
        for ids, lengths, gold, weights in parts:
            scale = float(weights.sum()) / counted if counted > 0 and len(parts) > 1 else 1.0
            part_loss, _ = self.net.backprop(ids, lengths, gold, weights, drop, scale=scale)
            loss += part_loss
            if not np.isfinite(part_loss):
                break
        losses[self.name] += loss
        if not np.isfinite(loss):
            raise NonFiniteLossError(Errors.E010.format(loss=loss))
        if sgd not in (None, False):
            self.finish_update(sgd)
        return losses

    def finish_update(self, sgd: Optimizer) -> None:
        """Apply the pending gradient with the hyperparameters of spaCy's optimizer ``sgd``."""
        if self._net is None:
            return
        l2 = float(getattr(sgd, "L2", 0.0) or 0.0)
        decoupled = bool(getattr(sgd, "L2_is_weight_decay", True))
        self.last_grad_norm = self._net.apply_gradients(
            learn_rate=float(sgd.learn_rate),
            beta1=float(getattr(sgd, "b1", 0.9)),
            beta2=float(getattr(sgd, "b2", 0.999)),
            eps=float(getattr(sgd, "eps", 1e-8)),
            grad_clip=float(getattr(sgd, "grad_clip", 0.0) or 0.0),
            weight_decay=l2 if decoupled else 0.0,  # AdamW: shrink after the Adam step
            l2=0.0 if decoupled else l2,  # classic L2: added to the gradient first
        )

    def get_loss(self, examples: Iterable[Example], scores: Any) -> Tuple[float, Any]:
        raise NotImplementedError("elman_ner computes its loss inside TensorFlow; use update().")

    # -- serialization ---------------------------------------------------------------------

    def _serialize(self) -> Tuple[Dict[str, Any], bytes]:
        weights = srsly.msgpack_dumps(self.get_weights()) if self.is_initialized else b""
        cfg = dict(self.cfg, weights_sha256=hashlib.sha256(weights).hexdigest())
        return cfg, weights

    def _deserialize(self, cfg: Dict[str, Any], weights: bytes, where: str) -> None:
        if hashlib.sha256(weights).hexdigest() != cfg.pop("weights_sha256", None):
            raise ElmanError(Errors.E005.format(path=where, detail="checksum mismatch"))
        # Only the labels are learned state. The settings (device, overwrite_ents, ...) come from
        # the factory config, which spaCy saves and restores itself, so load-time config
        # overrides such as {"device": "cpu"} must win over the values saved here.
        self.cfg["labels"] = list(cfg.get("labels", []))
        self._weights, self._net = None, None
        if weights:
            try:
                arrays = srsly.msgpack_loads(weights)
            except Exception as err:  # msgpack raises several types on bad bytes
                raise ElmanError(Errors.E005.format(path=where, detail=err)) from None
            self._set_weights(dict(arrays))

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """Serialize the labels, settings and weights."""
        cfg, weights = self._serialize()
        return srsly.msgpack_dumps({"cfg": cfg, "weights": weights})

    def from_bytes(
        self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> "ElmanNER":
        """Load what :meth:`to_bytes` wrote."""
        try:
            msg = srsly.msgpack_loads(bytes_data)
        except Exception as err:
            raise ElmanError(Errors.E005.format(path="<bytes>", detail=err)) from None
        self._deserialize(dict(msg["cfg"]), msg["weights"], "<bytes>")
        return self

    def to_disk(self, path: Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Write ``cfg`` (JSON) and ``weights`` (msgpack) into the directory ``path``."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg, weights = self._serialize()
        (path / "weights").write_bytes(weights)
        srsly.write_json(path / "cfg", cfg)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "ElmanNER":
        """Load what :meth:`to_disk` wrote; corrupted or truncated weights raise E005."""
        path = ensure_path(path)
        try:
            cfg = srsly.read_json(path / "cfg")
            weights = (path / "weights").read_bytes()
        except (OSError, ValueError) as err:
            raise ElmanError(Errors.E005.format(path=path, detail=err)) from None
        self._deserialize(dict(cfg), weights, str(path))
        if self._weights is not None:
            self.warm_up()
        return self

    def warm_up(self) -> None:
        """Build the TensorFlow network and trace its prediction graph now, not in the first
        ``predict``. :meth:`from_disk` (so ``spacy.load``) calls it: the first batch then runs
        as fast as the others, which keeps the speed that ``spacy evaluate`` reports over the
        whole data honest. Creating the component, ``spacy.blank`` and unpickling stay
        TensorFlow-free (the network is built there on first use)."""
        net = self.net
        trans, start = transition_scores(len(self.labels))
        ids, lengths = pad_batch([np.ones((1, len(self.spec.features)), dtype="int32")])
        net.predict(ids, lengths, trans, start)
