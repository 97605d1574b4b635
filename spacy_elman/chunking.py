"""Long documents: cut a doc's tokens into chunks that run as one batch (pure numpy).

A 200k-token document is one sequence of 200k recurrent steps: a batch of one, far slower
than the same text as articles. With ``chunk_tokens = N`` the component cuts a longer doc
into chunks of N tokens and tags them side by side, in the same batches as other docs.

- ``"overlap"`` mode (any model): each chunk also *reads* ``chunk_context`` tokens on each
  side, which warm up the forward state (tokens before) and the backward state (tokens
  after), give the context windows their real neighbours, and let Viterbi see across the
  border; only the chunk's own tokens keep their tags. The Elman state forgets fast, so a
  few dozen tokens of warm-up give the one-pass tags on nearly every token
  (bench/bench_chunks.py measures the agreement).
- ``"exact"`` mode (forward-only models): the chunks run one after another, each starting
  from the final state of the one before, with the window's real neighbours at its borders,
  and one Viterbi pass over the whole doc: the same tags as one pass, with bounded memory
  (but not batched speed: the recurrence stays sequential).

Training uses the same plan: with ``bptt = N`` a training example (e.g. a whole document)
is cut into chunks of N tokens that carry the forward state from one to the next, the
gradient truncated at each border (``ElmanNER._backprop_in_chunks``).
"""

from dataclasses import dataclass
from typing import List, Sequence

import numpy as np

from .errors import ElmanError, Errors
from .features import PAD_ID
from .types import Ints1d, Ints2d

CHUNK_MODES = ("overlap", "exact")


@dataclass(frozen=True)
class Chunk:
    """Tokens ``start:end`` of a doc are tagged by reading tokens ``lo:hi`` (a superset)."""

    start: int
    end: int
    lo: int
    hi: int


def check_chunk_settings(
    chunk_tokens: int, chunk_context: int, chunk_mode: str, bidirectional: bool, bptt: int = 0
) -> None:
    """Raise E016 (a bad number), E017 (a bad mode) or E018 naming the setting."""
    numbers = (("chunk_tokens", chunk_tokens), ("chunk_context", chunk_context), ("bptt", bptt))
    for name, value in numbers:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ElmanError(Errors.E016.format(name=name, value=value))
    if chunk_mode not in CHUNK_MODES:
        raise ElmanError(Errors.E017.format(mode=chunk_mode, options=", ".join(CHUNK_MODES)))
    if chunk_mode == "exact" and bidirectional:
        raise ElmanError(Errors.E018)


def plan_chunks(length: int, chunk_tokens: int, context: int) -> List[Chunk]:
    """Cut ``length`` tokens into chunks of ``chunk_tokens`` (0: one chunk), each reading
    ``context`` more tokens on each side where the doc has them."""
    if chunk_tokens <= 0 or length <= chunk_tokens:
        return [Chunk(0, length, 0, length)]
    return [
        Chunk(
            start,
            min(start + chunk_tokens, length),
            max(start - context, 0),
            min(start + chunk_tokens + context, length),
        )
        for start in range(0, length, chunk_tokens)
    ]


def window_context(feats: Ints2d, chunk: Chunk, radius: int) -> Ints2d:
    """The chunk's feature rows with exactly ``radius`` rows of context on each side: the real
    neighbours inside the doc, padding (``PAD_ID``) beyond its edges, as in one pass."""
    lo, hi = chunk.start - radius, chunk.end + radius
    rows = feats[max(lo, 0) : min(hi, len(feats))]
    before, after = max(-lo, 0), max(hi - len(feats), 0)
    if not before and not after:
        return rows
    return np.pad(rows, ((before, after), (0, 0)), constant_values=PAD_ID)


def stitch(pieces: Sequence[Ints1d], chunks: Sequence[Chunk]) -> np.ndarray:
    """Join the chunks' own parts (``start:end``) of per-chunk arrays read over ``lo:hi``."""
    parts = [piece[c.start - c.lo : c.end - c.lo] for piece, c in zip(pieces, chunks)]
    return parts[0] if len(parts) == 1 else np.concatenate(parts)
