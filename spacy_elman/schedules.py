"""Learning-rate schedules for ``[training.optimizer]``, registered with spaCy's (thinc's)
``schedules`` registry. Imported by ``pipeline``, so any config that uses ``elman_ner`` can
name them (spaCy builds the pipeline before it resolves ``[training]``).
"""

from typing import Iterator

from spacy.util import registry


@registry.schedules("spacy_elman.warmup_decaying.v1")
def warmup_decaying(
    initial_rate: float, warmup_steps: int, decay: float, *, t: int = 0
) -> Iterator[float]:
    """A linear warm-up, then thinc's ``decaying.v1`` from its top, with no end step:

    ``rate(n) = initial_rate * min(1, n / warmup_steps) / (1 + decay * max(0, n - warmup_steps))``

    for the n-th update (n = 1, 2, ...; ``t`` updates already done). Unlike ``warmup_linear.v1``
    it needs no ``total_steps`` (unknown under ``--max-time``) and never reaches 0: training
    for longer than planned still learns.
    """
    while True:
        n = t + 1
        warm = min(1.0, n / warmup_steps) if warmup_steps > 0 else 1.0
        yield initial_rate * warm / (1.0 + decay * max(0, n - warmup_steps))
        t += 1
