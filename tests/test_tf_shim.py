"""The TensorFlow network: prediction, tracing, streaming state, the Adam step, devices."""

import os
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# A plain import: TensorFlow is a hard dependency, so a broken import must fail these tests,
# not skip them.
from spacy_elman import tf_shim
from spacy_elman.errors import ElmanError
from spacy_elman.models import build_elman_tagger, init_weights

tf = tf_shim.tf

SPEC_ARGS = dict(
    features=["lower", "shape"],
    rows=[50, 10],
    widths=[6, 3],
    window=3,
    hidden_width=8,
    activation="tanh",
    bidirectional=True,
)


def make_net(n_labels=2, seed=0, precision="float32", **overrides):
    spec = build_elman_tagger(**{**SPEC_ARGS, **overrides}).attrs["spec"]
    weights = init_weights(spec, 2 * n_labels + 1, np.random.default_rng(seed))
    return tf_shim.ElmanNet(spec, weights, device="cpu", precision=precision)


def random_ids(rng, lengths, rows=(50, 10)):
    """A padded batch of random feature ids (row 0 only in the padding)."""
    width = max(max(lengths), 2)
    ids = np.zeros((len(lengths), width, len(rows)), dtype="int32")
    for i, n in enumerate(lengths):
        for f, r in enumerate(rows):
            ids[i, :n, f] = rng.integers(1, r, size=n)
    return ids, np.asarray(lengths, dtype="int32")


# -- prediction ---------------------------------------------------------------------------------


def test_net_predict_returns_log_probabilities_and_states():
    net = make_net(n_labels=3)
    rng = np.random.default_rng(0)
    ids, lengths = random_ids(rng, [9, 4, 1, 7])
    logp, h_final = net.predict(ids, lengths)
    assert logp.shape == (4, 9, 7)
    assert h_final.shape == (4, 8)
    np.testing.assert_allclose(np.exp(logp).sum(-1), 1.0, atol=1e-5)


def numpy_forward(net, ids, h0=None):
    """The network written out in plain numpy for ONE unpadded sequence ``ids`` (time,
    features): embeddings, context window, Elman recurrence each way, log-softmax."""
    w, spec = net.get_weights(), net.spec
    tables = [w[f"embed_{f}"] for f in spec.features]
    emb = np.concatenate([t[ids[:, i]] for i, t in enumerate(tables)], axis=1)
    pad = np.concatenate([t[0] for t in tables])[None]
    radius, n = spec.window // 2, len(ids)
    padded = np.concatenate([pad] * radius + [emb] + [pad] * radius)
    x = np.concatenate([padded[k : k + n] for k in range(spec.window)], axis=1)
    hidden = spec.hidden_width
    xw = x @ w["Wx"] + w["bx"]
    h = np.zeros(hidden) if h0 is None else h0
    forward = []
    for t in range(n):
        h = np.tanh(xw[t, :hidden] + h @ w["Wh"])
        forward.append(h)
    states = np.stack(forward)
    if spec.bidirectional:
        h, backward = np.zeros(hidden), [None] * n
        for t in reversed(range(n)):
            h = np.tanh(xw[t, hidden:] + h @ w["Wh_back"])
            backward[t] = h
        states = np.concatenate([states, np.stack(backward)], axis=1)
    logits = states @ w["Wo"] + w["bo"]
    logits -= logits.max(axis=1, keepdims=True)
    return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True)), forward[-1]


@pytest.mark.parametrize("bidirectional", [True, False], ids=["bidirectional", "forward"])
@pytest.mark.parametrize("window", [1, 3, 5])
def test_net_predict_equals_a_numpy_forward_pass(bidirectional, window):
    """Every sequence of a padded batch gets what plain numpy computes for it alone."""
    net = make_net(n_labels=3, seed=window, window=window, bidirectional=bidirectional)
    rng = np.random.default_rng(window)
    ids, lengths = random_ids(rng, [7, 1, 4, 12, 2])
    h0 = rng.normal(scale=0.5, size=(len(lengths), 8)).astype("float32")
    logp, h_final = net.predict(ids, lengths, h0)
    for row, n in enumerate(lengths):
        expected, expected_h = numpy_forward(net, ids[row, :n], h0[row])
        np.testing.assert_allclose(logp[row, :n], expected, atol=2e-5)
        np.testing.assert_allclose(h_final[row], expected_h, atol=2e-5)


def test_net_predict_does_not_depend_on_batch_neighbours():
    net = make_net(n_labels=2)
    rng = np.random.default_rng(1)
    ids, lengths = random_ids(rng, [10, 3, 6])
    logp, h_final = net.predict(ids, lengths)
    for row, n in enumerate(lengths):
        one_ids = ids[row : row + 1, : max(n, 2)]
        logp1, h1 = net.predict(one_ids, lengths[row : row + 1])
        np.testing.assert_allclose(logp1[0, :n], logp[row, :n], atol=1e-5)
        np.testing.assert_allclose(h1[0], h_final[row], atol=1e-5)


def test_net_predict_does_not_retrace():
    net = make_net(n_labels=2)
    rng = np.random.default_rng(2)
    for lengths in ([3], [5, 2], [17, 1, 4], [2, 2, 2, 2, 2, 2, 2], [40]):
        ids, lens = random_ids(rng, lengths)
        net.predict(ids, lens)
    h0 = np.ones((1, 8), dtype="float32")
    ids, lens = random_ids(rng, [6])
    net.predict(ids, lens, h0=h0)
    assert net._predict_fn.experimental_get_tracing_count() == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_net_predict_many_equals_predict_in_order(workers):
    net = make_net(n_labels=2)
    net._workers = workers
    rng = np.random.default_rng(3)
    batches = [random_ids(rng, lengths) for lengths in ([3], [9, 2], [30, 30, 1], [2] * 9, [5])]
    got = list(net.predict_many(batches))
    assert len(got) == len(batches)
    for (ids, lens), (logp, h_final) in zip(batches, got):
        want_logp, want_h = net.predict(ids, lens)
        np.testing.assert_array_equal(logp, want_logp)
        np.testing.assert_array_equal(h_final, want_h)
    assert (net._pool is None) == (workers == 1)  # one worker: no thread pool at all
    assert net._predict_fn.experimental_get_tracing_count() == 1


@pytest.mark.parametrize(
    "env, cpus, want", [(None, 2, 2), (None, 1, 1), ("1", 2, 1), ("4", 8, 2), ("", 2, 2)]
)
def test_predict_workers_honour_cpus_and_interop_threads(monkeypatch, env, cpus, want):
    monkeypatch.setattr(tf_shim.os, "sched_getaffinity", lambda pid: set(range(cpus)))
    if env is None:
        monkeypatch.delenv("TF_NUM_INTEROP_THREADS", raising=False)
    else:
        monkeypatch.setenv("TF_NUM_INTEROP_THREADS", env)
    assert tf_shim._predict_workers() == want


# -- streaming state ----------------------------------------------------------------------------


@pytest.mark.parametrize("split", [1, 4, 9])
def test_net_h0_streams_state_across_chunks(split):
    net = make_net(n_labels=2, seed=4, window=1, bidirectional=False, activation="tanh")
    rng = np.random.default_rng(4)
    ids, lengths = random_ids(rng, [12])
    full_logp, full_h = net.predict(ids, lengths)

    first = ids[:, :split]
    if split < 2:
        first = np.concatenate([first, np.zeros_like(ids[:, :1])], axis=1)
    _, h_mid = net.predict(first, np.asarray([split], "int32"))
    second = ids[:, split:]
    logp2, h_end = net.predict(second, np.asarray([12 - split], "int32"), h0=h_mid)

    np.testing.assert_allclose(logp2[0], full_logp[0, split:], atol=1e-5)
    np.testing.assert_allclose(h_end, full_h, atol=1e-5)
    # Without the carried state the second chunk looks different.
    logp_cold, _ = net.predict(second, np.asarray([12 - split], "int32"))
    assert not np.allclose(logp_cold[0], full_logp[0, split:], atol=1e-5)


def test_net_h_final_ignores_padding():
    net = make_net(n_labels=1, window=1, bidirectional=False)
    rng = np.random.default_rng(5)
    ids, lengths = random_ids(rng, [8, 3])
    _, h_batch = net.predict(ids, lengths)
    _, h_alone = net.predict(ids[1:, :3], lengths[1:])
    np.testing.assert_allclose(h_batch[1], h_alone[0], atol=1e-6)


# -- gradient step ------------------------------------------------------------------------------


def make_batch(rng, lengths, n_tags):
    ids, lens = random_ids(rng, lengths)
    gold = rng.integers(0, n_tags, size=ids.shape[:2]).astype("int32")
    weights = np.asarray(np.arange(ids.shape[1])[None] < lens[:, None], dtype="float32")
    return ids, lens, gold, weights


@pytest.mark.slow
def test_net_backprop_learns_without_retracing():
    net = make_net(n_labels=1, seed=6)
    rng = np.random.default_rng(6)
    # Batches of different sizes and lengths share the traced gradient and update functions.
    batches = [make_batch(rng, lengths, 3) for lengths in ([7, 5, 3], [2], [9, 1, 4, 4])]
    first = [net.backprop(*batch, 0.0)[0] for batch in batches]
    assert net.backprop(*batches[0], 0.0)[1] == 15
    net.apply_gradients(0.05)
    for _ in range(15):
        for batch in batches:
            net.backprop(*batch, 0.1)
            net.apply_gradients(0.05)
    last = [net.backprop(*batch, 0.0)[0] for batch in batches]
    assert np.isfinite(first).all()
    assert all(after < before / 4 for before, after in zip(first, last))
    assert net._grad_fn.experimental_get_tracing_count() == 1
    assert net._apply_fn.experimental_get_tracing_count() == 1


def test_net_apply_gradients_without_pending_returns_none():
    net = make_net(n_labels=1)
    before = net.get_weights()
    assert net.apply_gradients(0.1) is None
    after = net.get_weights()
    assert all((before[k] == after[k]).all() for k in before)


@pytest.mark.slow
def test_net_huge_learn_rate_with_clipping_stays_finite():
    net = make_net(n_labels=2, seed=7)
    rng = np.random.default_rng(7)
    batch = make_batch(rng, [6, 4], 5)
    losses = []
    for _ in range(50):
        loss, _ = net.backprop(*batch, 0.0)
        net.apply_gradients(learn_rate=1e3, grad_clip=1.0)
        losses.append(loss)
    assert np.isfinite(losses).all()
    assert all(np.isfinite(w).all() for w in net.get_weights().values())


def test_net_gradient_clipping_scales_adam_moments():
    net = make_net(n_labels=1)
    shapes = [net.vars[k].shape for k in net.names]
    grads = [np.full(shape, 3.0, dtype="float32") for shape in shapes]
    norm = float(np.sqrt(sum(9.0 * np.prod(shape) for shape in shapes)))
    net._pending = [tf.constant(g) for g in grads]
    returned = net.apply_gradients(learn_rate=0.0, beta1=0.9, grad_clip=1.0)
    assert returned == pytest.approx(norm, rel=1e-5)
    state = net.get_optimizer_state()
    expected_m = 0.1 * 3.0 / norm  # (1 - beta1) * clipped gradient
    for name in net.names:
        np.testing.assert_allclose(state[f"m/{name}"], expected_m, rtol=1e-4)
    # grad_clip=0 disables clipping.
    net2 = make_net(n_labels=1)
    net2._pending = [tf.constant(g) for g in grads]
    net2.apply_gradients(learn_rate=0.0, beta1=0.9, grad_clip=0.0)
    np.testing.assert_allclose(net2.get_optimizer_state()["m/Wo"], 0.3, rtol=1e-5)


def test_net_non_finite_gradient_leaves_weights_unchanged():
    net = make_net(n_labels=1)
    before = net.get_weights()
    state_before = net.get_optimizer_state()
    grads = [np.zeros(net.vars[k].shape, dtype="float32") for k in net.names]
    grads[0].flat[0] = np.nan
    net._pending = [tf.constant(g) for g in grads]
    norm = net.apply_gradients(learn_rate=0.1)
    assert not np.isfinite(norm)
    assert net._pending is None
    after = net.get_weights()
    for name in before:
        np.testing.assert_array_equal(before[name], after[name])
    state_after = net.get_optimizer_state()
    assert int(state_after["step"]) == int(state_before["step"]) == 0
    # A finite gradient afterwards is applied normally.
    net._pending = [tf.constant(np.ones(net.vars[k].shape, "float32")) for k in net.names]
    assert np.isfinite(net.apply_gradients(learn_rate=0.1))
    assert int(net.get_optimizer_state()["step"]) == 1
    assert not np.array_equal(net.get_weights()["Wo"], before["Wo"])


def test_net_non_finite_loss_is_not_accumulated():
    spec = build_elman_tagger(**SPEC_ARGS).attrs["spec"]
    weights = init_weights(spec, 3, np.random.default_rng(0))
    weights["Wo"][:] = np.nan
    net = tf_shim.ElmanNet(spec, weights, device="cpu")
    batch = make_batch(np.random.default_rng(0), [4], 3)
    loss, _ = net.backprop(*batch, 0.0)
    assert not np.isfinite(loss)
    assert net._pending is None
    assert net.apply_gradients(0.1) is None


def test_net_weight_decay_shrinks_weights():
    net = make_net(n_labels=1)
    before = net.get_weights()["Wx"]
    net._pending = [tf.zeros(net.vars[k].shape) for k in net.names]
    net.apply_gradients(learn_rate=0.1, weight_decay=0.5)
    np.testing.assert_allclose(net.get_weights()["Wx"], before * (1 - 0.1 * 0.5), rtol=1e-5)


def test_net_classic_l2_is_added_to_the_gradient_before_adam():
    """L2_is_weight_decay=false: the gradient becomes g + l2 * w, then clip and Adam."""
    net = make_net(n_labels=1)
    before = net.get_weights()
    net._pending = [tf.zeros(net.vars[k].shape) for k in net.names]  # g = 0: only the L2 term
    norm = net.apply_gradients(learn_rate=0.1, beta1=0.9, beta2=0.999, grad_clip=0.0, l2=0.5)
    expected_norm = np.sqrt(sum(np.sum((0.5 * w.astype("float64")) ** 2) for w in before.values()))
    assert norm == pytest.approx(expected_norm, rel=1e-4)
    state, after = net.get_optimizer_state(), net.get_weights()
    grad = 0.5 * before["Wx"]
    np.testing.assert_allclose(state["m/Wx"], 0.1 * grad, rtol=1e-5)  # (1 - beta1) * g
    np.testing.assert_allclose(state["v/Wx"], 0.001 * grad**2, rtol=1e-4)
    # Adam's first step moves each weight by about lr * sign(g) = 0.1 toward zero.
    step = np.sqrt(1 - 0.999) / (1 - 0.9) * state["m/Wx"] / (np.sqrt(state["v/Wx"]) + 1e-8)
    np.testing.assert_allclose(after["Wx"], before["Wx"] - 0.1 * step, rtol=1e-4, atol=1e-6)
    big = np.abs(before["Wx"]) > 1e-3
    np.testing.assert_allclose(np.abs(before["Wx"] - after["Wx"])[big], 0.1, rtol=1e-3)
    # ... which is not decoupled weight decay (that would scale every weight by 1 - 0.05).
    assert not np.allclose(after["Wx"], before["Wx"] * (1 - 0.1 * 0.5), rtol=1e-3)


def test_net_classic_l2_counts_in_gradient_clipping():
    net = make_net(n_labels=1)
    before = net.get_weights()
    net._pending = [tf.zeros(net.vars[k].shape) for k in net.names]
    norm = net.apply_gradients(learn_rate=0.0, beta1=0.9, grad_clip=1e-3, l2=0.5)
    assert norm > 1e-3
    expected_m = 0.1 * 0.5 * before["Wo"] * (1e-3 / norm)  # (1 - beta1) * clipped (l2 * w)
    np.testing.assert_allclose(net.get_optimizer_state()["m/Wo"], expected_m, rtol=1e-4)


# -- the lazy update of the embedding tables ----------------------------------------------------


def reference_steps(weights, steps, lr=0.05, beta1=0.9, beta2=0.999, eps=1e-8, clip=1.0):
    """Lazy Adam and *dense* thinc-style averaging in numpy (float64): for each step, a dict of
    gradients where a table's entry is ``(rows, row gradients)`` and the others are dense."""
    p = {k: w.astype("float64") for k, w in weights.items()}
    m = {k: np.zeros_like(w) for k, w in p.items()}
    v = {k: np.zeros_like(w) for k, w in p.items()}
    avg = {k: w.copy() for k, w in p.items()}
    for t, grads in enumerate(steps, start=1):
        parts = [g[1] if isinstance(g, tuple) else g for g in grads.values()]
        norm = np.sqrt(sum(np.sum(np.square(g, dtype="float64")) for g in parts))
        scale = clip / norm if norm > clip else 1.0
        correction = np.sqrt(1 - beta2**t) / (1 - beta1**t)
        for name, g in grads.items():
            rows = g[0] if isinstance(g, tuple) else slice(None)
            g = scale * (g[1] if isinstance(g, tuple) else g)
            m[name][rows] = beta1 * m[name][rows] + (1 - beta1) * g
            v[name][rows] = beta2 * v[name][rows] + (1 - beta2) * g**2
            p[name][rows] -= lr * correction * m[name][rows] / (np.sqrt(v[name][rows]) + eps)
        decay = min((1 + t) / (10 + t), 0.9999)
        for name in avg:  # every row, every step
            avg[name] -= (1 - decay) * (avg[name] - p[name])
    return p, m, avg


def test_net_table_update_is_lazy_and_its_averages_are_exact():
    """Only the rows a batch looked up (and their moments) change; the averages of rows left
    untouched for several steps still equal dense averaging over every step."""
    net = make_net(n_labels=1, seed=3)
    before = net.get_weights()
    rng = np.random.default_rng(3)
    touched = [np.array([1, 4, 4, 7]), np.array([2, 3]), np.array([4, 9, 1]), np.array([5])]
    steps = []
    for rows in touched:
        grads = {}
        for name in net.names:
            shape = net.vars[name].shape
            if name.startswith("embed_"):
                grads[name] = (rows % shape[0], rng.normal(size=(len(rows), shape[1])))
            else:
                grads[name] = rng.normal(size=shape)
        steps.append(grads)
    for grads in steps:
        net._pending = [
            (tf.constant(g[0], tf.int32), tf.constant(g[1], tf.float32))
            if isinstance(g, tuple)
            else tf.constant(g, tf.float32)
            for g in (grads[name] for name in net.names)
        ]
        net.apply_gradients(learn_rate=0.05, grad_clip=1.0, average=True)
    # the reference sums repeated rows first, as the update does
    merged = []
    for grads in steps:
        out = {}
        for name, g in grads.items():
            if isinstance(g, tuple):
                rows = np.unique(g[0])
                out[name] = (rows, np.stack([g[1][g[0] == r].sum(0) for r in rows]))
            else:
                out[name] = g
        merged.append(out)
    p, m, avg = reference_steps(before, merged)
    after, state = net.get_weights(), net.get_optimizer_state()
    never = np.setdiff1d(np.arange(10), np.concatenate(touched))
    assert len(never) and (net.vars["embed_shape"].shape[0] == 10)
    np.testing.assert_array_equal(after["embed_shape"][never], before["embed_shape"][never])
    np.testing.assert_array_equal(state["m/embed_shape"][never], 0.0)
    for name in net.names:
        np.testing.assert_allclose(after[name], p[name], rtol=1e-4, atol=1e-6)
        np.testing.assert_allclose(state[f"m/{name}"], m[name], rtol=1e-4, atol=1e-7)
        np.testing.assert_allclose(state[f"avg/{name}"], avg[name], rtol=1e-4, atol=1e-6)
    net.swap_averages()
    for name, value in net.get_weights().items():
        np.testing.assert_allclose(value, avg[name], rtol=1e-4, atol=1e-6)


def test_net_backprop_gives_only_the_looked_up_rows():
    net = make_net(n_labels=1, seed=4)
    rng = np.random.default_rng(4)
    ids, lengths, gold, weights = make_batch(rng, [5, 3], 3)
    net.backprop(ids, lengths, gold, weights, 0.0)
    pending = dict(zip(net.names, net._pending))
    rows, _ = pending["embed_lower"]
    assert set(np.asarray(rows)) == set(ids[:, :, 0].ravel()) | {0}  # 0: the window's edges
    dense = net.pending_gradient()["embed_lower"]
    assert np.abs(dense[np.setdiff1d(np.arange(50), np.asarray(rows))]).sum() == 0.0


@pytest.mark.slow
@pytest.mark.parametrize("job", ["predict", "train"])
def test_net_first_call_prints_no_native_chatter(job):
    """The C++ notices of a graph's first call (oneDNN's int32 fallback on CPUs without
    AVX-512) stay off the user's terminal, when predicting and when training."""
    script = f"""
import numpy as np
from spacy_elman import tf_shim
from spacy_elman.models import build_elman_tagger, init_weights
spec = build_elman_tagger(**{SPEC_ARGS!r}).attrs["spec"]
net = tf_shim.ElmanNet(spec, init_weights(spec, 3, np.random.default_rng(0)), device="cpu")
ids = np.ones((2, 4, 2), dtype="int32")
lengths = np.array([4, 3], dtype="int32")
gold = np.zeros((2, 4), dtype="int32")
if "{job}" == "predict":
    net.predict(ids, lengths)
    net.log_probs(ids, lengths, np.zeros((2, 8), "float32"))
    raise SystemExit(print("ok"))
net.backprop(ids, lengths, gold, np.ones((2, 4), dtype="float32"), 0.1)
net.backprop_chunk(ids[:, :3], lengths - 1, gold[:, :1], np.ones((2, 1), "float32"), 0.1,
                   np.zeros((2, 8), "float32"))
net.apply_gradients(0.01)
print("ok")
"""
    env = {k: v for k, v in os.environ.items() if k != "SPACY_ELMAN_TF_LOGS"}
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
    assert proc.stderr.strip() == "", proc.stderr[-2000:]


# -- GPU memory growth --------------------------------------------------------------------------


class FakeConfig:
    """Stands in for ``tf.config``: two GPUs, and a record of set_memory_growth calls."""

    def __init__(self, fail=False):
        self.calls = []
        self.gpus = [SimpleNamespace(name=f"/physical_device:GPU:{i}") for i in range(2)]
        self.experimental = SimpleNamespace(set_memory_growth=self._set)
        self.fail = fail

    def list_physical_devices(self, device_type=None):
        return list(self.gpus) if device_type == "GPU" else []

    def _set(self, device, enable):
        if self.fail:
            raise RuntimeError("Physical devices cannot be modified after being initialized")
        self.calls.append((device.name, enable))


def test_gpu_memory_growth_is_set_for_every_visible_gpu(monkeypatch):
    monkeypatch.delenv(tf_shim.MEMORY_GROWTH_ENV, raising=False)
    config = FakeConfig()
    names = tf_shim.configure_gpu_memory_growth(config)
    assert config.calls == [("/physical_device:GPU:0", True), ("/physical_device:GPU:1", True)]
    assert names == ["/physical_device:GPU:0", "/physical_device:GPU:1"]


@pytest.mark.parametrize("value", ["0", "false", "off"])
def test_gpu_memory_growth_env_var_turns_it_off(monkeypatch, value):
    monkeypatch.setenv(tf_shim.MEMORY_GROWTH_ENV, value)
    config = FakeConfig()
    assert tf_shim.configure_gpu_memory_growth(config) == []
    assert config.calls == []


def test_gpu_memory_growth_after_initialization_is_skipped(monkeypatch):
    monkeypatch.setenv(tf_shim.MEMORY_GROWTH_ENV, "1")
    assert tf_shim.configure_gpu_memory_growth(FakeConfig(fail=True)) == []


@pytest.mark.slow
def test_gpu_memory_growth_is_set_when_tf_shim_is_imported():
    """Importing tf_shim sets memory growth before TensorFlow initializes the devices."""
    script = """
import tensorflow as tf
calls = []
gpu = tf.config.PhysicalDevice(name="/physical_device:GPU:0", device_type="GPU")
real_list = tf.config.list_physical_devices
tf.config.list_physical_devices = lambda kind=None: [gpu] if kind == "GPU" else real_list(kind)
tf.config.experimental.set_memory_growth = lambda device, on: calls.append((device.name, on))
import spacy_elman.tf_shim
print(calls)
"""
    env = {k: v for k, v in os.environ.items() if k != tf_shim.MEMORY_GROWTH_ENV}
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[('/physical_device:GPU:0', True)]"


# -- intra-op threads ---------------------------------------------------------------------------


class FakeThreading:
    """Stands in for ``tf.config``'s threading: a record of the intra-op threads set."""

    def __init__(self, fail=False):
        self.calls = []
        self.threading = SimpleNamespace(set_intra_op_parallelism_threads=self._set)
        self.fail = fail

    def _set(self, threads):
        if self.fail:
            raise RuntimeError("Intra op parallelism cannot be modified after initialization.")
        self.calls.append(threads)


@pytest.mark.parametrize("cpus, want", [(1, 1), (2, 1), (3, 1), (16, 8)])
def test_intra_op_threads_share_the_cpus_between_predict_calls(monkeypatch, cpus, want):
    monkeypatch.delenv("TF_NUM_INTRAOP_THREADS", raising=False)
    monkeypatch.delenv(tf_shim.INTRA_OP_ENV, raising=False)
    monkeypatch.setattr(tf_shim.os, "sched_getaffinity", lambda pid: set(range(cpus)))
    config = FakeThreading()
    assert tf_shim.configure_intra_op_threads(config) == want
    assert config.calls == [want]


@pytest.mark.parametrize("env", [("TF_NUM_INTRAOP_THREADS", "2"), ("SPACY_ELMAN_TF_THREADS", "0")])
def test_intra_op_threads_leave_the_users_setting(monkeypatch, env):
    monkeypatch.delenv("TF_NUM_INTRAOP_THREADS", raising=False)
    monkeypatch.setenv(*env)
    config = FakeThreading()
    assert tf_shim.configure_intra_op_threads(config) == 0
    assert config.calls == []


def test_intra_op_threads_after_initialization_are_skipped(monkeypatch):
    monkeypatch.delenv("TF_NUM_INTRAOP_THREADS", raising=False)
    monkeypatch.delenv(tf_shim.INTRA_OP_ENV, raising=False)
    assert tf_shim.configure_intra_op_threads(FakeThreading(fail=True)) == 0


@pytest.mark.slow
def test_intra_op_threads_are_set_when_tf_shim_is_imported():
    script = """
import os, tensorflow as tf
import spacy_elman.tf_shim
print(tf.config.threading.get_intra_op_parallelism_threads(), len(os.sched_getaffinity(0)))
"""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TF_NUM_INTRAOP_THREADS", "SPACY_ELMAN_TF_THREADS")
    }
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    threads, cpus = map(int, proc.stdout.split()[-2:])
    assert threads == max(1, cpus // tf_shim.PREDICT_THREADS)


@pytest.mark.slow
def test_net_optimizer_state_round_trip():
    rng = np.random.default_rng(8)
    net = make_net(n_labels=1, seed=8)
    batch = make_batch(rng, [5, 3], 3)
    for _ in range(3):
        net.backprop(*batch, 0.0)
        net.apply_gradients(0.01)
    state = net.get_optimizer_state()
    assert int(state["step"]) == 3
    assert any(np.abs(v).sum() > 0 for k, v in state.items() if k.startswith("v/"))

    spec = net.spec
    other = tf_shim.ElmanNet(spec, net.get_weights(), device="cpu")
    other.set_optimizer_state(state)
    restored = other.get_optimizer_state()
    assert set(restored) == set(state)
    for key in state:
        np.testing.assert_array_equal(restored[key], state[key])
    # The same next step gives the same weights: the moments and step were really restored
    # (with fresh Adam state the first step would move the weights differently).
    net._pending = None
    for target in (net, other):
        target._pending = [
            tf.constant(np.full(net.vars[k].shape, 0.5, "float32")) for k in net.names
        ]
        target.apply_gradients(0.01)
    for name, value in net.get_weights().items():
        np.testing.assert_allclose(other.get_weights()[name], value, atol=1e-6)


def test_net_get_weights_is_a_copy():
    net = make_net(n_labels=1)
    weights = net.get_weights()
    weights["Wo"][:] = 123.0
    assert not (net.get_weights()["Wo"] == 123.0).any()


# -- devices ------------------------------------------------------------------------------------


def test_resolve_device_cpu():
    assert tf_shim.resolve_device("cpu") == "/CPU:0"
    assert tf_shim.resolve_device("CPU") == "/CPU:0"


def fake_devices(monkeypatch, n_gpus):
    """Make TensorFlow report ``n_gpus`` logical GPUs (plus the CPU) to resolve_device."""
    cpu = SimpleNamespace(name="/device:CPU:0", device_type="CPU")
    gpus = [SimpleNamespace(name=f"/device:GPU:{i}", device_type="GPU") for i in range(n_gpus)]

    def list_logical_devices(device_type=None):
        return {None: [cpu, *gpus], "GPU": gpus, "CPU": [cpu]}[device_type]

    monkeypatch.setattr(tf.config, "list_logical_devices", list_logical_devices)


def test_resolve_device_auto_without_gpu_is_cpu(monkeypatch):
    fake_devices(monkeypatch, 0)
    assert tf_shim.resolve_device("auto") == "/CPU:0"


def test_resolve_device_auto_with_gpus_is_first_gpu(monkeypatch):
    fake_devices(monkeypatch, 2)
    assert tf_shim.resolve_device("auto") == "/GPU:0"
    assert tf_shim.resolve_device("AUTO") == "/GPU:0"
    assert tf_shim.resolve_device("gpu") == "/GPU:0"
    assert tf_shim.resolve_device("gpu:1") == "/GPU:1"
    assert tf_shim.resolve_device("cpu") == "/CPU:0"  # cpu wins even when a GPU is visible
    with pytest.raises(ElmanError, match=r"\[E008\].*gpu:2.*GPU:1"):
        tf_shim.resolve_device("gpu:2")


def test_resolve_device_gpu_without_gpu_raises_e008(monkeypatch):
    fake_devices(monkeypatch, 0)
    for device in ("gpu", "gpu:0"):
        with pytest.raises(ElmanError, match=r"\[E008\].*visible devices: /device:CPU:0"):
            tf_shim.resolve_device(device)


@pytest.mark.parametrize("device", ["nope", "tpu", "gpu:x", "gpu:-1", "cuda:0", ""])
def test_resolve_device_unknown_raises_e007(device):
    with pytest.raises(ElmanError, match=r"\[E007\]"):
        tf_shim.resolve_device(device)


def test_resolve_device_missing_gpu_raises_e008():
    gpus = tf.config.list_logical_devices("GPU")
    if len(gpus) > 7:
        pytest.skip("this machine has 8 GPUs")
    with pytest.raises(ElmanError, match=r"\[E008\].*gpu:7.*CPU"):
        tf_shim.resolve_device("gpu:7")
    if not gpus:
        with pytest.raises(ElmanError, match=r"\[E008\]"):
            tf_shim.resolve_device("gpu")


def test_net_bad_device_raises_e007():
    spec = build_elman_tagger(**SPEC_ARGS).attrs["spec"]
    with pytest.raises(ElmanError, match=r"\[E007\]"):
        tf_shim.ElmanNet(spec, init_weights(spec, 3, np.random.default_rng(0)), device="nope")


# -- context window -----------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    window=st.sampled_from([1, 3, 5, 7]),
    batch=st.integers(1, 3),
    time=st.integers(1, 9),
    seed=st.integers(0, 2**16),
)
def test_inputs_concatenate_neighbours_with_padding_rows_at_edges(window, batch, time, seed):
    """Slot k of position t holds token t + k - window // 2, or the padding row past an edge."""
    net = make_net(window=window)
    ids = random_ids(np.random.default_rng(seed), [time] * batch)[0][:, :time]
    # the graph is time-major: (time, batch, ...) in and out
    variables = [net.vars[f"embed_{f}"] for f in SPEC_ARGS["features"]]
    out = net._inputs(tf.constant(ids.transpose(1, 0, 2)), variables)
    out = out.numpy().transpose(1, 0, 2)
    tables = [table.numpy() for table in variables]
    pad = np.concatenate([table[0] for table in tables])
    width = sum(SPEC_ARGS["widths"])
    radius = window // 2
    assert out.shape == (batch, time, window * width)
    for t in range(time):
        for k in range(window):
            source = t + k - radius
            for row in range(batch):
                expected = (
                    np.concatenate([table[i] for table, i in zip(tables, ids[row, source])])
                    if 0 <= source < time
                    else pad
                )
                np.testing.assert_array_equal(out[row, t, k * width : (k + 1) * width], expected)


# -- TensorBoard --------------------------------------------------------------------------------


def test_summary_writer_without_tensorboard_raises_e013(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "tensorboard", None)  # makes `import tensorboard` fail
    with pytest.raises(ElmanError, match=r"\[E013\].*pip install 'spacy-elman\[tensorboard\]'"):
        tf_shim.SummaryWriter(tmp_path / "tb")
    assert not (tmp_path / "tb").exists()


def test_summary_writer_writes_scalars_at_their_step(tmp_path):
    writer = tf_shim.SummaryWriter(tmp_path / "tb")
    writer.scalars(7, {"train/loss": 1.5})
    writer.scalars(8, {"train/loss": 0.5})
    seen = [
        (event.step, value.tag, float(tf.make_ndarray(value.tensor)))
        for path in (tmp_path / "tb").glob("events.out.tfevents.*")
        for event in tf.compat.v1.train.summary_iterator(str(path))
        for value in event.summary.value
    ]
    assert seen == [(7, "train/loss", 1.5), (8, "train/loss", 0.5)]


def test_tf_shim_import_skips_keras_but_leaves_it_importable():
    code = (
        "import sys\n"
        "import spacy_elman.tf_shim as shim\n"
        "assert not any(m == 'keras' or m.startswith('keras.') for m in sys.modules), 'keras'\n"
        "import keras\n"
        "print(shim.tf.keras.layers.Dense.__name__, keras.__version__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("Dense ")


@pytest.mark.parametrize(
    "env, frozen", [({}, True), ({"SPACY_ELMAN_GC_FREEZE": "0"}, False)], ids=["default", "off"]
)
def test_tf_shim_import_freezes_its_objects_and_restores_the_collector(env, frozen):
    """The import runs with gc paused and freezes what it made; the collector is on again,
    and garbage that existed before the import is collected, not frozen."""
    code = (
        "import gc, weakref\n"
        "class Node: pass\n"
        "a = Node(); a.me = a; ref = weakref.ref(a); del a\n"  # a cycle: only gc frees it
        "gc.disable(); gc.enable()\n"
        "import spacy_elman.tf_shim\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 100_000, ref() is None)\n"
    )
    full_env = {**{k: v for k, v in os.environ.items() if k != "SPACY_ELMAN_GC_FREEZE"}, **env}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=full_env
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    enabled, many_frozen, collected = proc.stdout.split()
    assert enabled == "True"
    assert many_frozen == str(frozen)
    if frozen:
        assert collected == "True"


# -- issue 20: moving averages of the weights ---------------------------------------------------


def averaged_steps(net, n_steps, seed=3, average=True):
    """Run ``n_steps`` updates; return the raw weights after each one."""
    rng = np.random.default_rng(seed)
    batch = make_batch(rng, [5, 3], 3)
    seen = []
    for _ in range(n_steps):
        net.backprop(*batch, 0.0)
        net.apply_gradients(learn_rate=0.05, average=average)
        seen.append(net.get_weights())
    return seen


def test_net_averages_equal_a_numpy_recomputation_of_thincs_formula():
    net = make_net(n_labels=1, seed=3)
    initial = net.get_weights()
    raw = averaged_steps(net, 5)
    state = net.get_optimizer_state()
    assert int(state["avg_step"]) == 5 and net.has_averages
    for name in net.names:
        ema = initial[name].astype("float64")
        for t, weights in enumerate(raw, start=1):
            decay = min((1.0 + t) / (10.0 + t), 0.9999)
            ema -= (1.0 - decay) * (ema - weights[name])
        np.testing.assert_allclose(state[f"avg/{name}"], ema, rtol=1e-5, atol=1e-6, err_msg=name)
        assert not np.allclose(state[f"avg/{name}"], raw[-1][name]), name


def test_net_averages_off_leave_no_live_averages():
    net = make_net(n_labels=1, seed=3)
    averaged_steps(net, 2)
    assert net.has_averages
    averaged_steps(net, 1, average=False)  # a step without averaging stops them
    assert not net.has_averages
    assert int(net.get_optimizer_state()["avg_step"]) == 0
    assert net._apply_fn.experimental_get_tracing_count() == 1  # on and off: one graph


def test_net_swap_averages_exchanges_the_weights_and_back():
    net = make_net(n_labels=1, seed=3)
    raw = averaged_steps(net, 3)[-1]
    averages = {k: v for k, v in net.get_optimizer_state().items() if k.startswith("avg/")}
    ids, lengths = random_ids(np.random.default_rng(0), [4, 2])
    logp_raw, _ = net.predict(ids, lengths)
    net.swap_averages()
    assert net.averages_in_use
    for name, value in net.get_weights().items():
        np.testing.assert_array_equal(value, averages[f"avg/{name}"])
    # The state still reports the averages as averages while they are swapped in.
    for key, value in net.get_optimizer_state().items():
        if key.startswith("avg/"):
            np.testing.assert_array_equal(value, averages[key])
    logp_avg, _ = net.predict(ids, lengths)
    assert not np.allclose(logp_avg, logp_raw)  # prediction reads the averages
    with pytest.raises(ElmanError, match="E020"):
        net.apply_gradients(0.1)
    net.swap_averages()
    assert not net.averages_in_use
    for name, value in net.get_weights().items():
        np.testing.assert_array_equal(value, raw[name])


# -- bfloat16 prediction -------------------------------------------------------------------------


def test_net_bfloat16_prediction_is_close_to_float32():
    full, low = make_net(n_labels=3), make_net(n_labels=3, precision="bfloat16")
    assert (full.precision, low.precision) == ("float32", "bfloat16")
    ids, lengths = random_ids(np.random.default_rng(4), [9, 4, 1, 7])
    (logp_full, h_full), (logp_low, h_low) = full.predict(ids, lengths), low.predict(ids, lengths)
    np.testing.assert_allclose(logp_low, logp_full, atol=0.03)
    np.testing.assert_allclose(h_low, h_full, atol=0.03)
    assert not np.array_equal(logp_low, logp_full)  # it read the bfloat16 copies
    # Training stays float32: the same gradient either way.
    batch = make_batch(np.random.default_rng(5), [5, 3], 3)
    assert full.backprop(*batch, 0.0) == pytest.approx(low.backprop(*batch, 0.0), rel=1e-6)


@pytest.mark.parametrize("change", ["set_weights", "apply_gradients", "swap_averages"])
def test_net_bfloat16_copies_follow_the_weights(change):
    low = make_net(n_labels=2, precision="bfloat16")
    ids, lengths = random_ids(np.random.default_rng(6), [6, 3])
    if change == "swap_averages":
        averaged_steps(low, 3)
    before, _ = low.predict(ids, lengths)  # makes the copies
    if change == "set_weights":
        low.set_weights(init_weights(low.spec, 5, np.random.default_rng(9)))
    elif change == "apply_gradients":
        low.backprop(*make_batch(np.random.default_rng(7), [5, 3], 2), 0.0)
        low.apply_gradients(learn_rate=0.5)
    else:
        low.swap_averages()
    after, _ = low.predict(ids, lengths)
    # a fresh bfloat16 net makes its copies from these weights: the same path, the same
    # figures (against a float32 net the rounding differs by CPU: up to 0.07 without
    # AVX512-BF16)
    fresh = make_net(n_labels=2, precision="bfloat16")
    fresh.set_weights(low.get_weights())
    expected, _ = fresh.predict(ids, lengths)
    np.testing.assert_allclose(after, expected, rtol=1e-6, atol=1e-6)
    assert np.abs(after - before).max() > 0.01  # the change did change the prediction


def test_resolve_precision_auto_is_bfloat16_only_on_a_cpu_that_has_it(monkeypatch):
    monkeypatch.setattr(tf_shim, "_cpu_has_bfloat16", lambda: True)
    assert tf_shim.resolve_precision("auto", "/CPU:0") == "bfloat16"
    assert tf_shim.resolve_precision("auto", "/GPU:0") == "float32"
    assert tf_shim.resolve_precision("float32", "/CPU:0") == "float32"
    monkeypatch.setattr(tf_shim, "_cpu_has_bfloat16", lambda: False)
    assert tf_shim.resolve_precision("auto", "/CPU:0") == "float32"
    assert tf_shim.resolve_precision("bfloat16", "/CPU:0") == "bfloat16"
    with pytest.raises(ElmanError, match=r"\[E024\].*'half'"):
        tf_shim.resolve_precision("half", "/CPU:0")


def test_cpu_has_bfloat16_reads_the_cpu_flags_and_onednn(monkeypatch, tmp_path):
    from tensorflow.python.util import _pywrap_util_port

    if not _pywrap_util_port.IsMklEnabled():
        pytest.skip("TensorFlow runs without oneDNN here")
    flags = {"avx512_bf16": True, "amx_bf16": True, "avx2": False}
    real_open = open
    for flag, expected in flags.items():
        cpuinfo = tmp_path / f"cpuinfo-{flag}"
        cpuinfo.write_text(f"processor\t: 0\nflags\t\t: fpu sse {flag} avx\n")

        def fake_open(path, *args, _to=cpuinfo, **kwargs):
            return real_open(_to if path == "/proc/cpuinfo" else path, *args, **kwargs)

        monkeypatch.setattr("builtins.open", fake_open)
        assert tf_shim._cpu_has_bfloat16() is expected, flag
        monkeypatch.undo()


def test_net_optimizer_state_round_trip_restores_the_averages():
    net = make_net(n_labels=1, seed=3)
    averaged_steps(net, 3)
    state = net.get_optimizer_state()
    other = make_net(n_labels=1, seed=9)
    other.set_weights(net.get_weights())
    other.set_optimizer_state(state)
    assert other.has_averages
    restored = other.get_optimizer_state()
    assert set(restored) == set(state)
    for key, value in state.items():
        np.testing.assert_array_equal(restored[key], value, err_msg=key)
    # The next averaged step continues t at 4 in both.
    for target in (net, other):
        target._pending = [
            tf.constant(np.full(net.vars[k].shape, 0.5, "float32")) for k in net.names
        ]
        target.apply_gradients(0.01, average=True)
    a, b = net.get_optimizer_state(), other.get_optimizer_state()
    for key in a:
        np.testing.assert_allclose(b[key], a[key], atol=1e-6, err_msg=key)


def test_net_optimizer_state_without_averages_restarts_them_from_the_weights():
    net = make_net(n_labels=1, seed=3)
    averaged_steps(net, 3)
    old = {k: v for k, v in net.get_optimizer_state().items() if not k.startswith("avg")}
    other = make_net(n_labels=1, seed=9)
    other.set_optimizer_state(old)  # a checkpoint from before the averages
    assert not other.has_averages
    state = other.get_optimizer_state()
    for name, value in other.get_weights().items():
        np.testing.assert_array_equal(state[f"avg/{name}"], value)
    assert int(state["step"]) == 3
