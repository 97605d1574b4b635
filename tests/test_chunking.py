"""Chunked inference of long docs: the chunk plan, exact and overlap modes, bad settings."""

from contextlib import contextmanager
from typing import List

import numpy as np
import pytest
import spacy
from conftest import SMALL_MODEL, TINY_DATA, make_examples, train_tiny
from hypothesis import given, settings
from hypothesis import strategies as st
from thinc.api import ConfigValidationError

from spacy_elman.chunking import plan_chunks, window_context
from spacy_elman.errors import ElmanError
from spacy_elman.features import PAD_ID

# A long doc: the tiny set's sentences over and over, so its names recur at every offset.
LONG_TEXT = " ".join(text for _ in range(12) for text, _ in TINY_DATA)


def tagger(chunk_tokens: int = 0, **cfg):
    """A fresh elman_ner trained on the tiny set (forward-only unless told otherwise)."""
    nlp = spacy.blank("en")
    model = dict(SMALL_MODEL, bidirectional=cfg.pop("bidirectional", False))
    nlp.add_pipe("elman_ner", config={"model": model, "chunk_tokens": chunk_tokens, **cfg})
    train_tiny(nlp, make_examples(nlp))
    return nlp


@pytest.fixture(scope="module")
def forward_nlp():
    return tagger()


@pytest.fixture(scope="module")
def bidirectional_nlp():
    return tagger(bidirectional=True)


@contextmanager
def component_settings(nlp, **cfg):
    """Run the block with the component settings ``cfg``, then restore the old ones."""
    pipe = nlp.get_pipe("elman_ner")
    saved = dict(pipe.cfg)
    pipe.cfg.update(cfg)
    try:
        yield pipe
    finally:
        pipe.cfg = saved


def tags_with(nlp, text: str, **cfg):
    """The component's (tags, probs) for ``text`` with ``cfg`` set for the call."""
    with component_settings(nlp, **cfg) as pipe:
        return pipe.predict([nlp.make_doc(text)])[0]


# -- the plan ------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 300), st.integers(0, 50), st.integers(0, 20))
def test_plan_chunks_covers_each_token_once(length, chunk_tokens, context):
    chunks = plan_chunks(length, chunk_tokens, context)
    owned = [t for c in chunks for t in range(c.start, c.end)]
    assert owned == list(range(length))
    for c in chunks:
        assert 0 <= c.lo <= c.start <= c.end <= c.hi <= length
        assert c.start - c.lo == min(context, c.start) or chunk_tokens == 0
        if chunk_tokens:
            assert c.end - c.start <= chunk_tokens
    if chunk_tokens == 0 or length <= chunk_tokens:
        assert len(chunks) == 1


def test_plan_chunks_exactly_chunk_tokens_is_one_chunk_one_more_is_two():
    assert [(c.start, c.end) for c in plan_chunks(8, 8, 2)] == [(0, 8)]
    chunks = plan_chunks(9, 8, 2)
    assert [(c.start, c.end, c.lo, c.hi) for c in chunks] == [(0, 8, 0, 9), (8, 9, 6, 9)]


def test_window_context_real_neighbours_inside_padding_at_edges():
    feats = np.arange(1, 11, dtype="int32").reshape(10, 1)  # token i has id i + 1
    first, middle = plan_chunks(10, 4, 0)[:2]
    assert window_context(feats, first, 1)[:, 0].tolist() == [PAD_ID, 1, 2, 3, 4, 5]
    assert window_context(feats, middle, 1)[:, 0].tolist() == [4, 5, 6, 7, 8, 9]
    last = plan_chunks(10, 4, 0)[-1]
    assert window_context(feats, last, 2)[:, 0].tolist() == [7, 8, 9, 10, PAD_ID, PAD_ID]


# -- exact mode: forward-only, state carried from chunk to chunk --------------------------------


@pytest.mark.parametrize("chunk_tokens", [1, 7, 16, 50])
def test_chunked_exact_equals_one_pass(forward_nlp, chunk_tokens):
    one_tags, one_probs = tags_with(forward_nlp, LONG_TEXT, chunk_tokens=0)
    assert len(one_tags) > 400 and (one_tags > 0).sum() > 50
    tags, probs = tags_with(forward_nlp, LONG_TEXT, chunk_tokens=chunk_tokens, chunk_mode="exact")
    assert tags.tolist() == one_tags.tolist()
    np.testing.assert_allclose(probs, one_probs, rtol=1e-4, atol=1e-5)


# -- overlap mode: chunks side by side, each warmed up on its neighbours ------------------------


def agreement(nlp, text: str, **cfg) -> float:
    one, _ = tags_with(nlp, text, chunk_tokens=0)
    chunked, _ = tags_with(nlp, text, **cfg)
    return float(np.mean(one == chunked))


@pytest.mark.parametrize("name", ["forward", "bidirectional"])
def test_chunked_overlap_agrees_with_one_pass(forward_nlp, bidirectional_nlp, name):
    nlp = forward_nlp if name == "forward" else bidirectional_nlp
    assert agreement(nlp, LONG_TEXT, chunk_tokens=20, chunk_context=8) >= 0.995


def test_chunked_overlap_batches_the_chunks(bidirectional_nlp, monkeypatch):
    pipe = bidirectional_nlp.get_pipe("elman_ner")
    calls: List[tuple] = []
    real = pipe.net.predict

    def spy(ids, lengths, *args, **kwargs):
        calls.append(ids.shape)
        return real(ids, lengths, *args, **kwargs)

    monkeypatch.setattr(pipe.net, "predict", spy)
    tags_with(bidirectional_nlp, LONG_TEXT, chunk_tokens=20, chunk_context=4)
    n_tokens = len(bidirectional_nlp.make_doc(LONG_TEXT))
    assert len(calls) == 1  # all chunks in one TensorFlow call
    assert calls[0][0] == -(-n_tokens // 20) and calls[0][1] <= 20 + 2 * 4


def test_chunk_border_inside_an_entity_keeps_the_entity(bidirectional_nlp):
    doc = bidirectional_nlp.make_doc(LONG_TEXT)
    one = [(e.start, e.end) for e in bidirectional_nlp(LONG_TEXT).ents]
    inside = next(start + 1 for start, end in one if end - start >= 2)  # a border inside
    # chunks of `inside` tokens: the first border falls between two tokens of that entity
    with component_settings(bidirectional_nlp, chunk_tokens=inside, chunk_context=8):
        chunked = [(e.start, e.end) for e in bidirectional_nlp(LONG_TEXT).ents]
    assert chunked == one and len(doc) > inside


@pytest.mark.parametrize("extra", [0, 1])
@pytest.mark.parametrize("mode", ["overlap", "exact"])
def test_doc_of_chunk_tokens_and_one_more_equals_one_pass(forward_nlp, extra, mode):
    text = TINY_DATA[4][0]  # Kenji Watanabe and Amara Okafor signed the deal.
    n = len(forward_nlp.make_doc(text)) - extra
    one_tags, one_probs = tags_with(forward_nlp, text, chunk_tokens=0)
    tags, probs = tags_with(forward_nlp, text, chunk_tokens=n, chunk_context=3, chunk_mode=mode)
    assert tags.tolist() == one_tags.tolist()
    np.testing.assert_allclose(probs, one_probs, rtol=1e-4, atol=1e-5)


def test_chunked_pipe_and_call_give_the_same_ents(bidirectional_nlp):
    texts = [LONG_TEXT, TINY_DATA[0][0], "", LONG_TEXT[:300]]
    with component_settings(bidirectional_nlp, chunk_tokens=10, chunk_context=4):
        piped = [
            [(e.start_char, e.end_char) for e in d.ents] for d in bidirectional_nlp.pipe(texts)
        ]
        called = [[(e.start_char, e.end_char) for e in bidirectional_nlp(t).ents] for t in texts]
    assert piped == called and piped[0]


# -- bad settings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cfg, pattern",
    [
        ({"chunk_tokens": -1}, r"^\[E016\] elman_ner's 'chunk_tokens'"),
        ({"chunk_context": -5}, r"^\[E016\] elman_ner's 'chunk_context'"),
        ({"chunk_mode": "fast"}, r"^\[E017\] .*'chunk_mode'"),
        ({"chunk_mode": "exact"}, r"^\[E018\]"),  # the default model is bidirectional
    ],
)
def test_bad_chunk_settings_raise_naming_the_setting(cfg, pattern):
    nlp = spacy.blank("en")
    with pytest.raises(ElmanError, match=pattern):
        nlp.add_pipe("elman_ner", config=cfg)


@pytest.mark.parametrize("name", ["chunk_tokens", "chunk_context"])
def test_non_integer_chunk_setting_is_a_config_error_naming_it(name):
    nlp = spacy.blank("en")
    with pytest.raises(ConfigValidationError, match=name):
        nlp.add_pipe("elman_ner", config={name: 1.5})


# -- training on documents: truncated backpropagation through time ------------------------------


def doc_examples(nlp):
    """The tiny set as two long documents."""
    from spacy.training import Example

    half = len(TINY_DATA) // 2
    examples = []
    for part in (TINY_DATA[:half] * 3, TINY_DATA[half:] * 3):
        text, ents, offset = "", [], 0
        for sentence, spans in part:
            ents += [(offset + s, offset + e, label) for s, e, label in spans]
            text += sentence + " "
            offset = len(text)
        examples.append(Example.from_dict(nlp.make_doc(text.strip()), {"entities": ents}))
    return examples


def pending_loss(nlp, examples, bptt: int) -> tuple:
    pipe = nlp.get_pipe("elman_ner")
    pipe.cfg["bptt"] = bptt
    try:
        loss = pipe.update(examples, drop=0.0)["elman_ner"]
        grads = list(pipe.net.pending_gradient().values())
    finally:
        pipe.net._pending = None
        pipe.cfg["bptt"] = 0
    return loss, grads


def test_bptt_forward_loss_equals_one_pass_and_gradient_is_truncated(forward_nlp):
    examples = doc_examples(forward_nlp)
    one_loss, one_grads = pending_loss(forward_nlp, examples, 0)
    loss, grads = pending_loss(forward_nlp, examples, 7)
    # the state goes on across chunk borders, so the forward pass (the loss) is the same ...
    assert loss == pytest.approx(one_loss, rel=1e-4)
    # ... but the gradient stops at each border: Wh's gradient differs
    wh = forward_nlp.get_pipe("elman_ner").net.names.index("Wh")
    assert not np.allclose(grads[wh], one_grads[wh], rtol=1e-3, atol=1e-6)


def test_bptt_longer_than_every_example_equals_plain_training(forward_nlp):
    examples = doc_examples(forward_nlp)
    one_loss, one_grads = pending_loss(forward_nlp, examples, 0)
    loss, grads = pending_loss(forward_nlp, examples, 10_000)
    assert loss == pytest.approx(one_loss, rel=1e-5)
    for a, b in zip(grads, one_grads):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("bidirectional", [False, True])
def test_bptt_training_on_documents_fits_them(bidirectional):
    nlp = spacy.blank("en")
    model = dict(SMALL_MODEL, bidirectional=bidirectional)
    nlp.add_pipe("elman_ner", config={"model": model, "bptt": 6, "max_batch_tokens": 20})
    examples = doc_examples(nlp)
    train_tiny(nlp, examples)
    scores = nlp.evaluate(examples)
    assert scores["ents_f"] > 0.9


def test_bad_bptt_raises_naming_it():
    with pytest.raises(ElmanError, match=r"^\[E016\] elman_ner's 'bptt'"):
        spacy.blank("en").add_pipe("elman_ner", config={"bptt": -3})
