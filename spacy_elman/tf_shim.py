"""All TensorFlow code of spacy-elman: the Elman network and its gradient step.

The rest of the package talks to this module with numpy arrays only, and imports it lazily,
so ``import spacy`` and ``spacy.blank()`` never pay for TensorFlow.

Network (Elman 1991; the rnnslu / is13 tagger):
    e_t = concat(embedding_f[id_{t,f}] for each feature f)            hashed token features
    x_t = concat(e_{t-r} .. e_{t+r})                                  context window, r = window // 2
    h_t = act(x_t · Wx + h_{t-1} · Wh + b)                            the Elman recurrence
    p_t = softmax([h_t ; h'_t] · Wo + bo)                             h'_t: optional backward pass
The input projection ``x · Wx`` is one matmul over all positions; only ``h · Wh`` is sequential.
In prediction on a CPU that multiplies bfloat16 natively, the tables and ``Wx`` are read as
bfloat16 copies for that matmul (``precision``); training and the rest stay float32.
Decoding (Viterbi over log p_t, no invalid BIO sequence) is numpy, in ``bio.decode_tags``.
"""

import gc
import itertools
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, ContextManager, Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from .errors import ElmanError, Errors
from .models import ElmanSpec, check_precision
from .types import Floats2d, Ints1d, Ints3d


@contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """Hide the C++ start-up chatter TensorFlow prints before its logging is configured.

    TensorFlow 2.21 ignores ``TF_CPP_MIN_LOG_LEVEL`` for those lines (and for the oneDNN
    notice that a graph's first call prints on CPUs without AVX-512). Python exceptions are
    unaffected (they are printed after the file descriptor is restored).
    """
    if os.environ.get("SPACY_ELMAN_TF_LOGS"):
        yield
        return
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _quiet_first_call(fn: Any) -> ContextManager[None]:
    """:func:`_native_stderr_silenced` around a ``tf.function``'s first call (its trace)."""
    return _native_stderr_silenced() if fn.experimental_get_tracing_count() == 0 else nullcontext()


MEMORY_GROWTH_ENV = "SPACY_ELMAN_GPU_MEMORY_GROWTH"


def _switched_off(env: str) -> bool:
    """Whether the on-by-default switch ``env`` is set to 0, false, no or off."""
    return os.environ.get(env, "1").strip().lower() in ("0", "false", "no", "off")


def configure_gpu_memory_growth(config: Any = None) -> List[str]:
    """Let TensorFlow allocate GPU memory as needed instead of taking all of it up front.

    Without this, the first process on a GPU reserves nearly all its memory and a second one
    (``annotate --n-process 2``, two trainings) fails. Must run before the GPUs are
    initialized; ``SPACY_ELMAN_GPU_MEMORY_GROWTH=0`` turns it off. ``config`` defaults to
    ``tf.config``. Returns the names of the GPUs that were set.
    """
    if _switched_off(MEMORY_GROWTH_ENV):
        return []
    config = tf.config if config is None else config
    done = []
    for gpu in config.list_physical_devices("GPU"):
        try:
            config.experimental.set_memory_growth(gpu, True)
        except (RuntimeError, ValueError):  # already initialized (TF was used before us)
            continue
        done.append(getattr(gpu, "name", str(gpu)))
    return done


@contextmanager
def _keras_skipped() -> Iterator[None]:
    """Keep ``import tensorflow`` from loading Keras, which this module never uses.

    TensorFlow's ``__init__`` imports ``keras.src.optimizers`` eagerly "so that optimizers
    register", and ignores an ImportError there. That import takes ~0.8 s of a ~3 s start-up
    (Keras pulls in matplotlib.pyplot). Blocking ``keras.src`` for the duration of the import
    skips it; afterwards the block is lifted, so ``import keras`` and ``tf.keras`` work as
    usual (imported on first use). ``SPACY_ELMAN_TF_KERAS=1`` imports Keras as TensorFlow does.
    """
    if os.environ.get("SPACY_ELMAN_TF_KERAS") or "keras.src" in sys.modules:
        yield
        return
    sys.modules["keras.src"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if sys.modules.get("keras.src", False) is None:
            del sys.modules["keras.src"]


GC_FREEZE_ENV = "SPACY_ELMAN_GC_FREEZE"


@contextmanager
def _collector_paused_then_frozen() -> Iterator[None]:
    """Import TensorFlow with Python's cyclic garbage collector paused, then freeze its objects.

    The import makes ~400,000 objects that live as long as the process (modules, functions,
    op wrappers). The collector would sweep them again and again: during the import (0.35 s of
    its ~2.6 s), in every later full collection (~10% of ``nlp.pipe``'s CPU on short texts)
    and at interpreter exit (~0.7 s). ``gc.freeze()`` moves every object that exists now to
    the permanent generation, which collections skip; the garbage already there is collected
    first, so none of it is kept. The collector's on/off state is restored afterwards.
    ``SPACY_ELMAN_GC_FREEZE=0`` imports with the collector as it was and freezes nothing.
    """
    if _switched_off(GC_FREEZE_ENV):
        yield
        return
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


# Predict calls that run at once (:meth:`ElmanNet.predict_many`: the length buckets of one
# batch). The recurrence is a loop of small matmuls that keeps about one core busy, and a call
# releases the GIL: on the 2-core CPU the CoNLL-2003 dev sentences' 18 calls took 0.222 s in
# two threads against 0.273 s one after another (medians of 5, the same outputs). At most the
# usable CPUs, and TF_NUM_INTEROP_THREADS where it is set (1: one call at a time).
PREDICT_THREADS = 2


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _predict_workers() -> int:
    cpus = _usable_cpus()
    limit = os.environ.get("TF_NUM_INTEROP_THREADS", "")
    if limit.isdigit() and int(limit) > 0:
        cpus = min(cpus, int(limit))
    return max(1, min(PREDICT_THREADS, cpus))


INTRA_OP_ENV = "SPACY_ELMAN_TF_THREADS"


def configure_intra_op_threads(config: Any = None) -> int:
    """Give each of the :data:`PREDICT_THREADS` calls that run at once its share of the CPUs
    for its ops (TensorFlow's intra-op pool; its default is every CPU for each call).

    On the 2-core CPU one thread per call gave +5% words/s on sentences and on 15-sentence
    texts, and the same training epochs (README, "Speed"). Must run before TensorFlow's
    runtime starts. A ``TF_NUM_INTRAOP_THREADS`` of the user's is left to TensorFlow, and
    ``SPACY_ELMAN_TF_THREADS=0`` keeps TensorFlow's default. ``config`` defaults to
    ``tf.config``. Returns the threads set, or 0 where it set none.
    """
    if os.environ.get("TF_NUM_INTRAOP_THREADS") or _switched_off(INTRA_OP_ENV):
        return 0
    config = tf.config if config is None else config
    threads = max(1, _usable_cpus() // PREDICT_THREADS)
    try:
        config.threading.set_intra_op_parallelism_threads(threads)
    except RuntimeError:  # the runtime already started (TensorFlow was used before us)
        return 0
    return threads


os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
with _native_stderr_silenced(), _keras_skipped(), _collector_paused_then_frozen():
    import tensorflow as tf

    configure_gpu_memory_growth()  # both before the next line initializes the devices
    configure_intra_op_threads()
    tf.config.list_logical_devices()  # initializes the devices (more chatter) while silenced

# TensorFlow's runtime does not survive fork(): a forked child that runs the network hangs.
_OWNER_PID = os.getpid()

ACTIVATIONS = {"tanh": tf.tanh, "relu": tf.nn.relu, "sigmoid": tf.sigmoid}
# thinc's Ops.update_averages caps the averaging decay here (its default max_decay).
AVERAGE_MAX_DECAY = 0.9999


def _check_not_forked() -> None:
    """Raise E014 in a process forked after TensorFlow was imported (instead of hanging)."""
    if os.getpid() != _OWNER_PID:
        raise ElmanError(Errors.E014)


def _cpu_has_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX512-BF16 or AMX) and TensorFlow's
    oneDNN kernels, which use it, are on (``TF_ENABLE_ONEDNN_OPTS``). Elsewhere a bfloat16
    matmul is emulated and slower than float32."""
    try:
        from tensorflow.python.util import _pywrap_util_port

        if not _pywrap_util_port.IsMklEnabled():
            return False
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            flags = next((line for line in cpuinfo if line.startswith("flags")), "").split()
    except (ImportError, AttributeError, OSError):
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def resolve_precision(precision: str, device: str) -> str:
    """Map ``auto``/``float32``/``bfloat16`` to the dtype of prediction's input projection on
    a resolved ``device``: ``auto`` is bfloat16 on a CPU with native bfloat16, else float32."""
    check_precision(precision)
    if precision == "auto":
        return "bfloat16" if device == "/CPU:0" and _cpu_has_bfloat16() else "float32"
    return precision


def resolve_device(device: str) -> str:
    """Map ``auto``/``cpu``/``gpu``/``gpu:N`` to a TensorFlow device name, checking it exists."""
    gpus = tf.config.list_logical_devices("GPU")
    name = device.lower()
    if name == "auto":
        return "/GPU:0" if gpus else "/CPU:0"
    if name == "cpu":
        return "/CPU:0"
    if name == "gpu" or name.startswith("gpu:"):
        index = name.partition(":")[2] or "0"
        if not index.isdigit():
            raise ElmanError(Errors.E007.format(device=device))
        if int(index) >= len(gpus):
            visible = ", ".join(d.name for d in tf.config.list_logical_devices()) or "none"
            raise ElmanError(Errors.E008.format(device=device, visible=visible))
        return f"/GPU:{index}"
    raise ElmanError(Errors.E007.format(device=device))


class ElmanNet:
    """The compiled network: variables, one traced function per job, fixed input signatures.

    Batches of any size and length reuse the same graphs (no retracing). ``h0`` is an input and
    the final forward state an output, so a caller can carry state across chunks of a text.
    """

    def __init__(
        self,
        spec: ElmanSpec,
        weights: Dict[str, np.ndarray],
        device: str = "auto",
        precision: str = "float32",
    ):
        self.spec = spec
        self.device = resolve_device(device)
        self.precision = resolve_precision(precision, self.device)
        self._act = ACTIVATIONS[spec.activation]
        self.names = sorted(weights)
        self.tables = [k for k in self.names if k.startswith("embed_")]
        self._dense = [k for k in self.names if k not in self.tables]
        with tf.device(self.device):
            self.vars = {k: tf.Variable(weights[k], name=k) for k in self.names}
            self._step = tf.Variable(0, dtype=tf.int64)
            self._avg_step = tf.Variable(0, dtype=tf.int64)  # 0: no live averages
            self._log_decay = tf.Variable(0.0, dtype=tf.float64)
        # The optimizer's state is made on first use (_optimizer_state), so a pipeline that
        # only predicts does not hold three more copies of the weights.
        self._slots: Dict[str, Tuple[tf.Variable, tf.Variable]] = {}
        self._avg: Dict[str, tf.Variable] = {}
        self._marks: Dict[str, tf.Variable] = {}
        self.averages_in_use = False  # True between the two swap_averages() of a swap
        self._pending: Optional[List[Any]] = None  # per weight: a tensor, or (rows, values)
        # bfloat16 copies of the tables and Wx for prediction (precision "bfloat16"), made on
        # the first predict and again after the weights change (_low_stale).
        self._low: Dict[str, tf.Variable] = {}
        self._low_stale = True
        self._low_lock = threading.Lock()
        self._workers = _predict_workers()
        self._pool: Optional[ThreadPoolExecutor] = None  # made on the first predict_many
        ids = tf.TensorSpec([None, None, len(spec.features)], tf.int32)
        lengths = tf.TensorSpec([None], tf.int32)
        tags = tf.TensorSpec([None, None], tf.int32)
        scalar = tf.TensorSpec([], tf.float32)
        radius = spec.window // 2
        state = tf.TensorSpec([None, spec.hidden_width], tf.float32)
        self._predict_fn = tf.function(
            self._log_softmax,
            autograph=False,  # no Python control flow on tensors: halves the first trace
            input_signature=[ids, lengths, state],
        )
        self._log_probs_fn = tf.function(  # chunks with their neighbours for the windows
            lambda *args: self._log_softmax(*args, context=radius),
            autograph=False,
            input_signature=[ids, lengths, state],
        )
        self._chunk_grad_fn = tf.function(
            lambda *args: self._chunk_gradients(*args, context=radius),
            input_signature=[ids, lengths, tags, tf.TensorSpec([None, None], tf.float32), scalar]
            + [tf.TensorSpec([2], tf.int32), tf.TensorSpec([None, spec.hidden_width], tf.float32)],
        )
        self._grad_fn = tf.function(
            self._gradients,
            input_signature=[ids, lengths, tags, tf.TensorSpec([None, None], tf.float32), scalar]
            + [tf.TensorSpec([2], tf.int32)],
        )
        self._apply_fn = tf.function(
            self._apply,
            input_signature=[
                [tf.TensorSpec(self.vars[k].shape, tf.float32) for k in self._dense],
                [tf.TensorSpec([None], tf.int32) for _ in self.tables],
                [tf.TensorSpec([None, self.vars[k].shape[1]], tf.float32) for k in self.tables],
            ]
            + [scalar] * 8,
        )
        self._sync_fn = tf.function(self._sync_averages, input_signature=[])

    def _optimizer_state(self) -> None:
        """Make Adam's moments and the moving averages of the weights, once.

        ``_slots``: Adam's first and second moments. ``_avg``: exponential moving averages of
        the weights (thinc's use_averages), updated after each Adam step while averaging is
        on; ``_avg_step`` counts those updates. The tables are updated lazily (only the rows
        a batch looked up), so their averages fall behind: ``_log_decay`` sums log(decay)
        over the averaged steps, and a row's mark is that sum when its average was last
        brought up to date.
        """
        if self._slots:
            return
        with tf.device(self.device):
            for k, v in self.vars.items():
                self._slots[k] = (tf.Variable(tf.zeros_like(v)), tf.Variable(tf.zeros_like(v)))
                self._avg[k] = tf.Variable(v, trainable=False)
            for k in self.tables:
                mark = tf.fill([self.vars[k].shape[0]], self._log_decay)
                self._marks[k] = tf.Variable(mark, dtype=tf.float64)

    # -- public, numpy in / numpy out -------------------------------------------------------

    def predict(
        self, ids: Ints3d, lengths: Ints1d, h0: Optional[Floats2d] = None
    ) -> Tuple[np.ndarray, np.ndarray]:
        """Log tag probabilities of a padded batch, ``(batch, time, tags)``, and ``h_final``,
        the forward state after each sequence's last token (numpy arrays).

        The tags are decoded outside the graph (``bio.decode_tags``): with BIO's hard
        constraints that is a few numpy operations per step, where a ``tf.scan`` Viterbi
        cost a third of the call.
        """
        if h0 is None:
            h0 = np.zeros((ids.shape[0], self.spec.hidden_width), dtype="float32")
        return self._run_log_softmax(self._predict_fn, ids, lengths, h0)

    def predict_many(
        self, batches: Sequence[Tuple[Ints3d, Ints1d]]
    ) -> Iterator[Tuple[np.ndarray, np.ndarray]]:
        """:meth:`predict` of each ``(ids, lengths)``, in order, up to ``PREDICT_THREADS`` at
        once: the caller can decode one result while the next calls run."""
        if len(batches) < 2 or self._workers == 1:
            return (self.predict(ids, lengths) for ids, lengths in batches)
        first = self.predict(*batches[0])  # alone: a first call traces the graph
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="spacy-elman-tf")
        rest = self._pool.map(lambda batch: self.predict(*batch), batches[1:])
        return itertools.chain([first], rest)

    def log_probs(
        self, ids: Ints3d, lengths: Ints1d, h0: Floats2d
    ) -> Tuple[np.ndarray, np.ndarray]:
        """Per-token log tag probabilities of a chunk batch, and the final forward state.

        ``ids`` holds ``window // 2`` extra positions on each side that only serve as the
        context windows' neighbours (``chunking.window_context``); ``lengths`` counts the
        others. With ``h0`` the previous chunk's final state, a forward-only model gives
        exactly what one pass over the whole doc gives (the chunked exact mode).
        """
        return self._run_log_softmax(self._log_probs_fn, ids, lengths, h0)

    def _run_log_softmax(
        self, fn: Any, ids: Ints3d, lengths: Ints1d, h0: Floats2d
    ) -> Tuple[np.ndarray, np.ndarray]:
        _check_not_forked()
        if self.precision == "bfloat16" and self._low_stale:
            with self._low_lock:  # predict calls of other threads may be here too
                if self._low_stale:
                    self._refresh_low()
        with tf.device(self.device), _quiet_first_call(fn):
            logp, h_final = fn(ids, lengths, h0)
        return logp.numpy(), h_final.numpy()

    def _refresh_low(self) -> None:
        """Copy the tables and ``Wx`` to bfloat16 for prediction (made once, then assigned,
        so that the traced graphs keep reading the same variables)."""
        names = [*self.tables, "Wx"]
        with tf.device(self.device):
            for name in names:
                low = tf.cast(self.vars[name], tf.bfloat16)
                if name in self._low:
                    self._low[name].assign(low)
                else:
                    self._low[name] = tf.Variable(low, trainable=False)
        self._low_stale = False

    def backprop(
        self,
        ids: Ints3d,
        lengths: Ints1d,
        gold: np.ndarray,
        weights: np.ndarray,
        drop: float,
        scale: float = 1.0,
    ) -> Tuple[float, int]:
        """Add ``scale`` times the gradient of the masked cross-entropy to the pending gradient.

        ``gold`` holds tag ids, ``weights`` 1.0 for tokens that count and 0.0 for padding and
        missing annotation. Returns ``(summed loss, counted tokens)``; the mean loss is what
        is differentiated (``scale`` lets a caller that splits a batch weight each part by its
        share of the tokens).
        """
        _check_not_forked()
        seed = np.random.randint(0, 2**31 - 1, size=(2,), dtype="int32")
        with tf.device(self.device):
            with _quiet_first_call(self._grad_fn):
                loss, grads = self._grad_fn(ids, lengths, gold, weights, float(drop), seed)
            self._accumulate(float(loss), grads, scale)
        return float(loss), int(weights.sum())

    def backprop_chunk(
        self,
        ids: Ints3d,
        lengths: Ints1d,
        gold: np.ndarray,
        weights: np.ndarray,
        drop: float,
        h0: Floats2d,
        scale: float = 1.0,
    ) -> Tuple[float, np.ndarray]:
        """:meth:`backprop` for a batch of chunks that go on from the forward states ``h0``.

        ``ids`` holds ``window // 2`` extra positions on each side that only feed the context
        windows (``chunking.window_context``); ``gold``/``weights``/``lengths`` cover the
        others. Returns ``(summed loss, final forward states)``: the next chunks' ``h0``.
        """
        _check_not_forked()
        seed = np.random.randint(0, 2**31 - 1, size=(2,), dtype="int32")
        with tf.device(self.device):
            with _quiet_first_call(self._chunk_grad_fn):
                loss, grads, h_final = self._chunk_grad_fn(
                    ids, lengths, gold, weights, float(drop), seed, h0
                )
            self._accumulate(float(loss), grads, scale)
        return float(loss), h_final.numpy()

    def _accumulate(self, loss: float, grads: List[Any], scale: float) -> None:
        """Add ``scale`` times ``grads`` to the pending gradient (never a non-finite one).

        A table's gradient is a pair ``(row ids, row gradients)``; adding two concatenates
        them (the update sums the repeated rows).
        """
        if not np.isfinite(loss):
            return  # the caller reports the loss
        if scale != 1.0:
            grads = [(g[0], g[1] * scale) if isinstance(g, tuple) else g * scale for g in grads]
        if self._pending is None:
            self._pending = list(grads)
        else:
            self._pending = [_add_gradients(a, b) for a, b in zip(self._pending, grads)]

    def pending_gradient(self) -> Dict[str, np.ndarray]:
        """The gradient :meth:`apply_gradients` would apply, dense, keyed by weight name."""
        out = {}
        for name, grad in zip(self.names, self._pending or []):
            if isinstance(grad, tuple):
                rows, values = grad
                grad = tf.scatter_nd(rows[:, None], values, self.vars[name].shape)
            out[name] = np.asarray(grad)
        return out

    def apply_gradients(
        self,
        learn_rate: float,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
        grad_clip: float = 1.0,
        weight_decay: float = 0.0,
        l2: float = 0.0,
        average: bool = False,
    ) -> Optional[float]:
        """Apply and clear the pending gradient with Adam(W) after global-norm clipping (lazy
        for the embedding tables: only the rows looked up since the last step change).

        ``weight_decay`` is decoupled (AdamW: ``w -= lr * weight_decay * w`` after the Adam
        step); ``l2`` is classic L2 regularization (``l2 * w`` is added to the gradient before
        clipping and Adam), as thinc does for ``L2_is_weight_decay = false``.
        ``average`` updates the moving averages of the weights after the step, with thinc's
        decay ``min((1 + t) / (10 + t), 0.9999)`` (t: the averaged updates so far, this one
        included); a step without it stops the averages (:attr:`has_averages` turns False).
        Returns the global norm of the gradient (``l2`` term included), or ``None`` when there
        was nothing to apply. A non-finite norm leaves the weights untouched (the caller
        reports it).
        """
        if self.averages_in_use:
            raise ElmanError(Errors.E020)
        if self._pending is None:
            return None
        grads = dict(zip(self.names, self._pending))
        self._pending = None
        rows, values = [], []
        for name in self.tables:
            grad = grads[name]
            if not isinstance(grad, tuple):  # a dense gradient touches every row
                grad = _table_rows(grad)
            rows.append(grad[0])
            values.append(grad[1])
        dense = [grads[name] for name in self._dense]
        self._optimizer_state()
        hyper = (learn_rate, beta1, beta2, eps, grad_clip, weight_decay, l2, float(average))
        with tf.device(self.device):
            norm = self._apply_fn(dense, rows, values, *[float(h) for h in hyper])
        self._low_stale = True
        return float(norm)

    def get_weights(self) -> Dict[str, np.ndarray]:
        """Return a copy of the weights in use as numpy arrays, keyed by name (the averages
        between the two calls of a :meth:`swap_averages`)."""
        return {k: v.numpy() for k, v in self.vars.items()}

    def set_weights(self, weights: Dict[str, np.ndarray]) -> None:
        """Overwrite the (raw) weights in place; the Adam state and averages stay."""
        if self.averages_in_use:
            raise ElmanError(Errors.E020)
        if self._slots:  # the tables' lagging averages, from the weights they lag behind
            self._sync_fn()
        for k, var in self.vars.items():
            var.assign(np.asarray(weights[k], dtype="float32").reshape(var.shape))
        self._low_stale = True

    @property
    def has_averages(self) -> bool:
        """Whether the moving averages are live: the last step applied updated them."""
        return int(self._avg_step.numpy()) > 0

    def swap_averages(self) -> None:
        """Exchange the values of the weights and of their averages (a second call undoes
        it). Between the two calls, prediction and :meth:`get_weights` use the averages."""
        self._optimizer_state()
        with tf.device(self.device):
            if not self.averages_in_use:
                self._sync_fn()
            for k, var in self.vars.items():
                raw = tf.identity(var)
                var.assign(self._avg[k])
                self._avg[k].assign(raw)
        self.averages_in_use = not self.averages_in_use
        self._low_stale = True

    def get_optimizer_state(self) -> Dict[str, np.ndarray]:
        """Return Adam's moment estimates and step count, and the moving averages of the
        weights (``avg/NAME``) with their update count (``avg_step``), for resuming training."""
        self._optimizer_state()
        if not self.averages_in_use:
            self._sync_fn()
        state = {"step": np.asarray(self._step.numpy())}
        for k, (m, v) in self._slots.items():
            state[f"m/{k}"], state[f"v/{k}"] = m.numpy(), v.numpy()
        state["avg_step"] = np.asarray(self._avg_step.numpy())
        averages = self.vars if self.averages_in_use else self._avg  # swapped: they trade places
        for k, avg in averages.items():
            state[f"avg/{k}"] = avg.numpy()
        return state

    def set_optimizer_state(self, state: Dict[str, np.ndarray]) -> None:
        """Restore what :meth:`get_optimizer_state` returned. A state without averages (saved
        before they existed) restarts them from the current weights, as not yet averaged."""
        if self.averages_in_use:
            raise ElmanError(Errors.E020)
        self._optimizer_state()
        self._step.assign(int(state["step"]))
        for k, (m, v) in self._slots.items():
            m.assign(state[f"m/{k}"])
            v.assign(state[f"v/{k}"])
        has_averages = all(f"avg/{k}" in state for k in self.names)
        self._avg_step.assign(int(state.get("avg_step", 0)) if has_averages else 0)
        for k, avg in self._avg.items():
            avg.assign(state[f"avg/{k}"] if has_averages else self.vars[k])
        for mark in self._marks.values():  # the restored averages are up to date
            mark.assign(tf.fill(mark.shape, self._log_decay))

    # -- the graph ---------------------------------------------------------------------------

    # The graph works time-major, ``(time, batch, ...)``: the context window and each step of
    # the recurrence then slice whole contiguous blocks, and the backward pass reads its
    # steps from the end, so no transpose or reverse of the big per-token tensors is needed
    # (they took ~30% of a predict call). Only ids (small ints) and the logits (a few tags
    # wide) are transposed, at the two ends.

    def _inputs(self, ids: tf.Tensor, tables: Sequence[Any]) -> tf.Tensor:
        """Each position's context window of embeddings, ``(time, batch, window × width)``
        from time-major ``ids``: slot ``k`` of position ``t`` holds every feature's row for
        token ``t + k - window // 2``, the padding rows (``PAD_ID`` = 0) past the edges.

        The ids are padded, each table is looked up once, and the window concatenates time
        slices of the lookups: one copy of the windowed tensor, where concatenating the
        features first and then the window took two more (~10% of a predict call).
        """
        radius = self.spec.window // 2
        length = tf.shape(ids)[0]
        padded = tf.pad(ids, [[radius, radius], [0, 0], [0, 0]])  # PAD_ID is 0
        rows = [tf.gather(table, padded[:, :, i]) for i, table in enumerate(tables)]
        return tf.concat(
            [row[k : k + length] for k in range(self.spec.window) for row in rows], axis=-1
        )

    def _recur(self, xws, mask, h0s, whs, backward):
        """Run ``h_t = act(xw_t + h_{t-1} · Wh)`` for each ``(xw, h0, Wh)`` in one loop.

        ``xws`` are time-major ``(time, batch, hidden)`` inputs, ``mask`` is ``(time, batch)``;
        a pass with ``backward`` True runs from the last step to the first. The passes share
        one loop (half the per-step overhead; a batched matmul per step measured slower than
        two). Padded steps carry the state unchanged, so a backward pass starts at each
        sequence's own last token. Returns each pass's states, time-major, and its final one.
        """
        steps = tf.shape(mask)[0]
        mask = mask[:, :, None]

        def body(t, hs, arrays):
            new_hs, new_arrays = [], []
            for h, xw, wh, back, array in zip(hs, xws, whs, backward, arrays):
                i = steps - 1 - t if back else t
                h = tf.where(mask[i], self._act(xw[i] + tf.matmul(h, wh)), h)
                new_hs.append(h)
                new_arrays.append(array.write(i, h))
            return t + 1, tuple(new_hs), tuple(new_arrays)

        arrays = tuple(tf.TensorArray(tf.float32, size=steps) for _ in xws)
        _, finals, arrays = tf.while_loop(
            lambda t, *_: t < steps, body, (tf.constant(0), tuple(h0s), arrays)
        )
        return [a.stack() for a in arrays], list(finals)

    def _encode(self, ids, lengths, h0, drop, seed, context=0):
        """Return ``(logits, h_final)`` for a padded batch; ``drop`` > 0 only in training.

        ``ids`` and the logits are batch-major, ``(batch, time, ...)``. ``context`` > 0: the
        first and last ``context`` positions of ``ids`` only feed the context windows of the
        others (a chunk's real neighbours); they get no output.
        """
        # Prediction in bfloat16 (precision): the windowed input and its projection, a third
        # of a CPU call, read the bfloat16 copies; the sum is cast back before the recurrence.
        low = drop is None and self.precision == "bfloat16"
        weights = self._low if low else self.vars
        tables = [weights[f"embed_{name}"] for name in self.spec.features]
        x = self._inputs(tf.transpose(ids, [1, 0, 2]), tables)
        if context:
            x = x[context : tf.shape(x)[0] - context]
        if drop is not None:
            x = tf.nn.experimental.stateless_dropout(x, rate=drop, seed=seed)
        mask = tf.transpose(tf.sequence_mask(lengths, tf.shape(x)[0]))
        xw = tf.cast(tf.tensordot(x, weights["Wx"], axes=1), tf.float32) + self.vars["bx"]
        if self.spec.bidirectional:
            hidden = self.spec.hidden_width
            # one matmul for both directions, then its halves: ~6% faster than a matmul on
            # each half of Wx
            passes, finals = self._recur(
                [xw[:, :, :hidden], xw[:, :, hidden:]],
                mask,
                [h0, tf.zeros_like(h0)],
                [self.vars["Wh"], self.vars["Wh_back"]],
                backward=[False, True],
            )
            states = tf.concat(passes, axis=-1)
        else:
            passes, finals = self._recur([xw], mask, [h0], [self.vars["Wh"]], backward=[False])
            states = passes[0]
        h_final = finals[0]  # padded steps carry it: the state after each sequence's last token
        if drop is not None:
            states = tf.nn.experimental.stateless_dropout(states, rate=drop, seed=seed + 1)
        logits = tf.tensordot(states, self.vars["Wo"], axes=1) + self.vars["bo"]
        return tf.transpose(logits, [1, 0, 2]), h_final

    def _log_softmax(self, ids, lengths, h0, context=0):
        logits, h_final = self._encode(ids, lengths, h0, None, None, context=context)
        return tf.nn.log_softmax(logits), h_final

    def _gradients(self, ids, lengths, gold, weights, drop, seed):
        h0 = tf.zeros([tf.shape(ids)[0], self.spec.hidden_width])
        total, grads, _ = self._chunk_gradients(ids, lengths, gold, weights, drop, seed, h0, 0)
        return total, grads

    def _chunk_gradients(self, ids, lengths, gold, weights, drop, seed, h0, context):
        """The mean loss's gradient from the state ``h0``; also the final forward state.

        The gradient stops at ``h0`` (truncated backpropagation through time).
        """
        variables = [self.vars[k] for k in self.names]
        with tf.GradientTape() as tape:
            logits, h_final = self._encode(ids, lengths, h0, drop, seed, context=context)
            losses = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=gold, logits=logits)
            total = tf.reduce_sum(losses * weights)
            mean = total / tf.maximum(tf.reduce_sum(weights), 1.0)
        grads = tape.gradient(mean, variables)
        grads = [
            _table_rows(g) if name in self.tables else tf.convert_to_tensor(g)
            for name, g in zip(self.names, grads)
        ]
        return total, grads, h_final

    def _apply(
        self,
        dense,
        rows,
        values,
        learn_rate,
        beta1,
        beta2,
        eps,
        grad_clip,
        weight_decay,
        l2,
        average,
    ):
        """Adam(W) with global-norm clipping: dense for the projections, lazy for the tables.

        A table's update reads and writes only the rows the batch looked up (TensorFlow's
        LazyAdam): their moments decay and the row moves; the other rows, and their moments,
        stay as they are. Dense Adam would rewrite all ~3.5M table weights every update, most
        of them with a zero gradient. ``weight_decay`` and ``l2`` act on the same rows.
        The moving averages of those rows catch up lazily too, exactly: a row untouched for k
        averaged steps kept its value ``w``, so its average became
        ``w + decay_1 ... decay_k * (avg - w)``. Rows are caught up when they are next
        updated, and all of them before anything reads the averages (:meth:`_sync_averages`).
        """
        grads = [g + l2 * self.vars[name] for name, g in zip(self._dense, dense)]
        table_grads = []
        for name, ids, value in zip(self.tables, rows, values):
            ids, value = _table_rows(tf.IndexedSlices(value, ids))  # rows of several batches
            table_grads.append((name, ids, value + l2 * tf.gather(self.vars[name], ids)))
        norm = tf.linalg.global_norm(grads + [g for _, _, g in table_grads])
        scale = tf.where((grad_clip > 0.0) & (norm > grad_clip), grad_clip / norm, 1.0)
        if tf.math.is_finite(norm):
            step = tf.cast(self._step.assign_add(1), tf.float32)
            correction = tf.sqrt(1.0 - beta2**step) / (1.0 - beta1**step)
            hyper = (learn_rate, beta1, beta2, eps, weight_decay)
            for name, grad in zip(self._dense, grads):
                var, (m, v) = self.vars[name], self._slots[name]
                new, m_new, v_new = _adam(var, m, v, scale * grad, correction, *hyper)
                m.assign(m_new)
                v.assign(v_new)
                var.assign(new)
            # thinc's Ops.update_averages, t counting from 1; decay 1 when not averaging
            t = tf.cast(self._avg_step + 1, tf.float32)
            decay = tf.where(
                average > 0.0, tf.minimum((1.0 + t) / (10.0 + t), AVERAGE_MAX_DECAY), 1.0
            )
            lag = self._log_decay.read_value()
            new_lag = lag + tf.math.log(tf.cast(decay, tf.float64))
            for name, ids, grad in table_grads:
                var, (m, v), avg, mark = (
                    self.vars[name],
                    self._slots[name],
                    self._avg[name],
                    self._marks[name],
                )
                old = tf.gather(var, ids)
                new, m_new, v_new = _adam(
                    old, tf.gather(m, ids), tf.gather(v, ids), scale * grad, correction, *hyper
                )
                behind = tf.cast(tf.exp(lag - tf.gather(mark, ids)), tf.float32)[:, None]
                caught_up = old + behind * (tf.gather(avg, ids) - old)
                m.scatter_update(tf.IndexedSlices(m_new, ids))
                v.scatter_update(tf.IndexedSlices(v_new, ids))
                var.scatter_update(tf.IndexedSlices(new, ids))
                avg.scatter_update(
                    tf.IndexedSlices(caught_up - (1.0 - decay) * (caught_up - new), ids)
                )
                mark.scatter_update(tf.IndexedSlices(tf.fill(tf.shape(ids), new_lag), ids))
            self._log_decay.assign(new_lag)
            if average > 0.0:
                self._avg_step.assign_add(1)
                for name in self._dense:
                    avg = self._avg[name]
                    avg.assign_sub((1.0 - decay) * (avg - self.vars[name]))
            else:
                self._avg_step.assign(0)
        return norm

    def _sync_averages(self):
        """Bring every table row's moving average up to date (see :meth:`_apply`)."""
        lag = self._log_decay.read_value()
        for name in self.tables:
            var, avg, mark = self.vars[name], self._avg[name], self._marks[name]
            behind = tf.cast(tf.exp(lag - mark), tf.float32)[:, None]
            avg.assign(var + behind * (avg - var))
            mark.assign(tf.fill(tf.shape(mark), lag))
        return lag


def _adam(weight, m, v, grad, correction, learn_rate, beta1, beta2, eps, weight_decay):
    """One Adam(W) step of ``weight`` (clipped ``grad``): the new weight and moments."""
    m = beta1 * m + (1.0 - beta1) * grad
    v = beta2 * v + (1.0 - beta2) * tf.square(grad)
    update = correction * m / (tf.sqrt(v) + eps) + weight_decay * weight
    return weight - learn_rate * update, m, v


def _table_rows(grad: Any) -> Tuple[tf.Tensor, tf.Tensor]:
    """A table's gradient as ``(row ids, row gradients)``, each row once (its repeats summed)."""
    if not isinstance(grad, tf.IndexedSlices):
        grad = tf.convert_to_tensor(grad)
        return tf.range(tf.shape(grad)[0]), grad
    ids, position = tf.unique(grad.indices)
    return ids, tf.math.unsorted_segment_sum(grad.values, position, tf.shape(ids)[0])


def _add_gradients(a: Any, b: Any) -> Any:
    """The sum of two pending gradients of one weight (pairs for tables, else tensors)."""
    if isinstance(a, tuple):
        return tf.concat([a[0], b[0]], 0), tf.concat([a[1], b[1]], 0)
    return a + b


class SummaryWriter:
    """TensorBoard scalars (``--logdir``): watch the loss and gradient norm for explosions."""

    def __init__(self, logdir: Path) -> None:
        try:  # TensorFlow writes summaries through the tensorboard package, no longer its own dep
            import tensorboard  # noqa: F401
        except ImportError:
            raise ElmanError(Errors.E013) from None
        self._writer = tf.summary.create_file_writer(str(logdir))

    def scalars(self, step: int, values: Dict[str, float]) -> None:
        """Write ``values`` at ``step`` and flush, so a crash loses nothing already logged."""
        with self._writer.as_default(step=step):
            for name, value in values.items():
                tf.summary.scalar(name, value)
        self._writer.flush()
