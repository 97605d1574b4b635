"""Training-data augmenters: other people's names in the gold name slots, and lower case.

A corpus of news names a few thousand people, most of them European. A tagger trained on it
learns those names, and reads a name of another origin (``Wanjiru Kamau``, ``Oluwagbemiga``)
less surely. The ``names`` augmenter puts, in a share of the training examples, a name drawn
from Faker's names of 56 locales (``data/name_pool.json``, built by
``tools/make_name_pool.py``) in place of each person name, token for token, so the sentence,
its tokens and its tags keep their shape and only the name's words change. The same word
gets the same new word throughout an example (``Anna Berg ... Berg``).
"""

import json
import random
import re
import unicodedata
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.training import Example
from spacy.training.augment import lower_casing_augmenter

from .errors import ElmanError, Errors
from .readers import make_example
from .titles import PERSON_LABELS

NAME_POOL_PATH = Path(__file__).parent / "data" / "name_pool.json"
Pool = List[Tuple[List[str], List[str]]]
# One word: letters, with inner hyphens and apostrophes (``Adebayo-Cole``, ``O'Neill``).
NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def is_latin_name(name: str) -> bool:
    """Whether ``name`` may enter the pool: one capitalised word of Latin letters, no stop word."""
    if not NAME_WORD.match(name) or not name[0].isupper() or name.lower() in STOP_WORDS:
        return False
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


@lru_cache(maxsize=1)
def name_pool() -> Pool:
    """``[(first names, last names)]``, one pair per locale of ``data/name_pool.json``."""
    try:
        with NAME_POOL_PATH.open(encoding="utf8") as file:
            data: Dict[str, List[List[str]]] = json.load(file)
        pool = [(first, last) for first, last in (data[locale] for locale in sorted(data))]
    except (OSError, ValueError, TypeError, LookupError) as err:
        raise ElmanError(Errors.E025.format(path=NAME_POOL_PATH, detail=err)) from None
    if not pool or not all(first and last for first, last in pool):
        raise ElmanError(Errors.E025.format(path=NAME_POOL_PATH, detail="no names"))
    return pool


def _is_initial(text: str) -> bool:
    """``J.``: a letter and a full stop."""
    return len(text) == 2 and text[0].isalpha() and text[1] == "."


def _is_name_word(token: Token) -> bool:
    """A word a swap may replace: letters (``O'Neill``, ``Jean-Pierre``) or an initial (``J.``)."""
    return token.text.replace("-", "").replace("'", "").isalpha() or _is_initial(token.text)


def _cased(new: str, old: str) -> str:
    """``new`` in ``old``'s case: upper in a headline, lower in chat, else as written."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new.lower() if old.islower() else new


def _new_words(
    words: Sequence[Token], pool: Pool, rng: random.Random, seen: Dict[str, str]
) -> List[str]:
    """New words for one name's tokens: given names, then a surname; initials stay initials,
    and so do lower-case particles in a capitalised name (``van der``)."""
    first, last = rng.choice(pool)
    lower_case = all(token.is_lower for token in words)  # a name in chat: every word counts
    out = []
    for i, token in enumerate(words):
        if token.is_lower and not lower_case:
            out.append(token.text)
            continue
        new = seen.get(token.lower_)
        if new is None:
            if _is_initial(token.text):
                new = rng.choice(first)[0] + "."
            elif i == len(words) - 1 and (len(words) > 1 or rng.random() < 0.6):
                new = rng.choice(last)  # a surname ends a full name, and is most lone names
            else:
                new = rng.choice(first)
            seen[token.lower_] = new
        out.append(_cased(new, token.text))
    return out


def swap_names(
    nlp: Language, example: Example, labels: Sequence[str], rng: random.Random
) -> Example:
    """``example`` with every entity of ``labels`` renamed (see the module docstring)."""
    ref = example.reference
    words = [token.text for token in ref]
    pool = name_pool()
    seen: Dict[str, str] = {}
    changed = False
    for ent in ref.ents:
        if ent.label_ in labels and all(_is_name_word(token) for token in ent):
            words[ent.start : ent.end] = _new_words(list(ent), pool, rng, seen)
            changed = True
    if not changed:
        return example
    spaces = [bool(token.whitespace_) for token in ref]
    tags: List[Optional[str]] = [
        f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else t.ent_iob_ or None
        for t in ref
    ]
    reference = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags)
    # the corpus's own tokens, or the pipeline's tokens of the text (gold_preproc = false)
    gold_preproc = [t.text for t in example.predicted] == [t.text for t in ref]
    return make_example(nlp, reference, gold_preproc)


def names_augmenter(
    nlp: Language,
    example: Example,
    *,
    names: float,
    level: float,
    labels: Sequence[str],
) -> Iterator[Example]:
    """Swap the names of a ``names`` share of the examples, then lower-case a ``level`` share."""
    if names > 0 and random.random() < names:
        example = swap_names(nlp, example, labels, random.Random(random.getrandbits(64)))
    yield from lower_casing_augmenter(nlp, example, level=level)


@spacy.registry.augmenters("spacy_elman.names_lower_case.v1")
def create_names_augmenter(
    names: float = 0.5,
    level: float = 0.2,
    labels: List[str] = list(PERSON_LABELS),  # noqa: B006 (spaCy-config style default)
) -> Callable[[Language, Example], Iterator[Example]]:
    """An augmenter: other names in a ``names`` share of the examples, lower case in ``level``.

    names: the share of examples whose entities of ``labels`` get names from the pool.
    level: the share lower-cased afterwards, as spaCy's ``spacy.lower_case.v1``.
    labels: the person labels (after the reader's ``label_map``).
    """
    return partial(names_augmenter, names=names, level=level, labels=tuple(labels))
