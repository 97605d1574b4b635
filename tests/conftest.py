"""Shared fixtures: a tiny person-name data set and a model trained until it overfits it."""

import signal
from pathlib import Path
from typing import List, Tuple

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

TINY_DATA: List[Tuple[str, List[Tuple[int, int, str]]]] = [
    ("Barack Obama is a former president of the USA.", [(0, 12, "NAME")]),
    ("I met Angela Merkel in Berlin last week.", [(6, 19, "NAME")]),
    ("Yesterday Maria Lopez went home early.", [(10, 21, "NAME")]),
    ("The weather in Paris is nice today.", []),
    ("Kenji Watanabe and Amara Okafor signed the deal.", [(0, 14, "NAME"), (19, 31, "NAME")]),
    ("Ford opened a new plant in Georgia.", []),
    ("Please call Dr. Ingrid Svensson tomorrow.", [(16, 31, "NAME")]),
    ("we saw priya sharma at the station", [(7, 19, "NAME")]),
]

# A second label, for multi-label tests.
TINY_MULTI: List[Tuple[str, List[Tuple[int, int, str]]]] = [
    ("Barack Obama visited Paris.", [(0, 12, "PER"), (21, 26, "LOC")]),
    ("Maria Lopez lives in Madrid.", [(0, 11, "PER"), (21, 27, "LOC")]),
    ("Berlin welcomed Kenji Watanabe.", [(0, 6, "LOC"), (16, 30, "PER")]),
]

# Small widths keep the tests fast; the real defaults live in the factory config.
SMALL_MODEL = {
    "@architectures": "spacy_elman.ElmanTagger.v1",
    "features": ["lower", "prefix", "suffix", "shape", "cluster", "gazetteer_v2"],
    "rows": [5000, 500, 1000, 200, 1001, 5],
    "widths": [16, 8, 8, 8, 8, 4],
    "window": 3,
    "hidden_width": 32,
    "activation": "tanh",
    "bidirectional": True,
}


def make_examples(nlp: Language, data=TINY_DATA) -> List[Example]:
    """Build training examples from ``(text, [(start, end, label)])`` pairs."""
    return [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in data]


def train_tiny(nlp: Language, examples: List[Example], n_iter: int = 60) -> float:
    """Train until the tiny set is (over)fitted; returns the last loss."""
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(get_examples=lambda: examples)
    optimizer.learn_rate = 0.01
    loss = float("inf")
    for _ in range(n_iter):
        losses = nlp.update(examples, sgd=optimizer, losses={})
        loss = losses["elman_ner"]
    return loss


@pytest.fixture(scope="session")
def trained_nlp() -> Language:
    """A blank English pipeline whose elman_ner has overfitted ``TINY_DATA``."""
    nlp = spacy.blank("en")
    nlp.add_pipe("elman_ner", config={"model": SMALL_MODEL})
    train_tiny(nlp, make_examples(nlp))
    return nlp


@pytest.fixture(scope="session")
def trained_model_path(trained_nlp: Language, tmp_path_factory) -> Path:
    """``trained_nlp`` saved to disk, for loading and CLI tests (do not modify it)."""
    path = tmp_path_factory.mktemp("model") / "tiny-model"
    trained_nlp.to_disk(path)
    return path


def default_sigint() -> None:
    """``Popen`` ``preexec_fn``: the child handles SIGINT as usual (Ctrl-C tests).

    A test run started with ``&`` from a non-interactive shell inherits SIGINT as ignored, and
    Python then installs no KeyboardInterrupt handler in its children.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
