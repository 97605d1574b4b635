"""A surname again later in the same text: after ``MaliVai Washington`` a news story writes
``Washington`` alone, and after ``Demelza Athersmith`` an encyclopedia article ``Athersmith``.

A tagger that reads each mention from its sentence alone finds the full name, whose first
word marks it, more often than the surname by itself, which reads like a place, a team or a
firm (``Washington``, ``Jordan``). :func:`take_repeats` tags the other mentions of the last
word of a person entity of several words in the same doc: a capitalised word that is no stop
word, outside every entity, with no other capitalised word outside an entity right before or
after it, and not after ``the``, ``in`` or ``at``, in a hyphenated word or before a possessive
and a capitalised word (``the Raghunathan estimator``, ``works at Ford``, ``Kiely's Dairy``).
A surname that is a place of ``places`` is no source. Taking any word of any person entity
spread the tagger's own mistakes (a firm tagged once as a person became a person everywhere);
the surname of a full name is surer. On the CoNLL-2003 dev documents read whole, the main
job's F rose from 0.784 to 0.811 and the CoNLL-2003 command's from 0.918 to 0.927 (seed 0;
results log, "A surname again later in the text"). Texts of fewer than :data:`MIN_TOKENS`
tokens (a sentence) are left as they were.
"""

from typing import Dict, List, Sequence, Tuple

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Doc

from .eponyms import POSSESSIVES
from .hyphens import hyphen_after
from .places import place_sets
from .words import capital_word

# Docs shorter than this are left alone: a surname seldom comes twice in one sentence, and the
# test costs ~5 us a doc (a sentence of CoNLL-2003 dev has 17 tokens, a news story hundreds).
MIN_TOKENS = 40
# Words before a surname that make it a thing or a place named after the person.
BEFORE_THINGS = frozenset("the a an in at".split())


def take_repeats(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span for each other mention of a surname (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the new spans take the label of the entity whose surname they repeat; the
    result is sorted.
    """
    if len(doc) < MIN_TOKENS:
        return list(spans)
    surnames: Dict[int, int] = {}
    places = place_sets()[0]
    for start, end, label in spans:
        if label in person_labels and end - start > 1:
            token = doc[end - 1 - offset]
            name = len(token.text) > 2 and capital_word(token) and not token.is_stop
            if name and token.lower not in places:
                surnames.setdefault(token.orth, label)
    if not surnames:
        return list(spans)
    orths = doc.to_array(ORTH)
    mask = np.zeros(len(doc), dtype=bool)
    for orth in surnames:
        mask |= orths == orth
    where = np.flatnonzero(mask).tolist()
    taken = set()
    for start, end, _ in spans:
        taken.update(range(start - offset, end - offset))
    added = []
    for i in where:
        if i in taken:
            continue
        if _free_capital(doc, i - 1, taken) or _free_capital(doc, i + 1, taken):
            continue
        if _thing_context(doc, i):
            continue
        added.append((i + offset, i + 1 + offset, surnames[int(orths[i])]))
    return sorted([*spans, *added]) if added else list(spans)


def _thing_context(doc: Doc, i: int) -> bool:
    """Whether the words around ``doc[i]`` make it a thing or a place named after the person:
    after ``the``, ``a``, ``an``, ``in`` or ``at`` (``the Raghunathan estimator``, ``works at
    Ford``), joined to a word by a hyphen (``Kessler-Dahl``), or before a possessive and a
    capitalised word (``Kiely's Dairy``)."""
    if i > 0 and doc[i - 1].text in BEFORE_THINGS:
        return True
    if (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_) or hyphen_after(doc, i):
        return True
    return i + 2 < len(doc) and doc[i + 1].text in POSSESSIVES and doc[i + 2].text[:1].isupper()


def _free_capital(doc: Doc, i: int, taken: set) -> bool:
    """Whether ``doc[i]`` is a capitalised word of letters outside every entity."""
    return 0 <= i < len(doc) and i not in taken and capital_word(doc[i])
