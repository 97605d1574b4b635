"""A name that opens a sentence and that the tagger half believes in: ``Pilialoha explains why
warm water ...``, ``Cetshwayo was king of the Zulu ...``.

Every sentence opens with a capital, so a word there tells the tagger nothing by its case, and
a word it never met it reads by its letters alone (the twenty-eighth session's probes). A
model trained on the bundled corpus gives such a name a probability of 0.2 to 0.5 of being
one and tags it ``O``, and gives a firm, a team or a word that opens a sentence close to 0
(``Tesla opened``, ``Galatasaray have agreed``: 0.00). :func:`open_names` tags such a word as
a one-word name where that probability is at least the threshold, the word opens a sentence,
has no Brown cluster (``surnames.rare_capital``), is no title, nationality or place, and no
capitalised word, hyphen or number stands right after it.

Only a model whose labels are all person labels keeps that probability: one that learns
``ORG`` or ``LOC`` as negatives gives the rest of it to them, and there the rule tagged four
wrong words for each right one; the component does not run it for such a model. Measured in
the twenty-ninth session on the main job's seeds 0-2, threshold 0.2: the hand-written sets
read before +0.002 to +0.003 on average (blind27-29 +0.008), CoNLL-2003 dev +0.000 to
+0.004, WNUT-17 dev +0.003 to +0.005.
"""

from typing import Sequence

import numpy as np
from spacy.tokens import Doc

from .errors import ElmanError, Errors
from .nationalities import is_nationality
from .places import is_place
from .surnames import rare_capital
from .titles import name_word
from .types import Floats1d, Ints1d
from .words import opens_sentence

# The tag of a one-word name: ``B-`` (``U-``) of the first label.
NAME_TAG = 1


def check_opening_names(value: float) -> None:
    """Raise E028 unless ``value`` is a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ElmanError(Errors.E028.format(value=value))


def open_names(
    tags: Ints1d, probs: Floats1d, docs: Sequence[Doc], starts: Sequence[int], threshold: float
) -> Ints1d:
    """``tags`` with :data:`NAME_TAG` for each word that opens a sentence that the tagger
    tagged ``O`` with a probability of at most ``1 - threshold`` (see the module).

    ``tags`` and ``probs`` (each tag's probability) run over all of ``docs``' tokens, each doc
    from its position in ``starts``.
    """
    unsure = np.flatnonzero((tags == 0) & (probs <= 1.0 - threshold))
    if not len(unsure):
        return tags
    owners = np.searchsorted(np.asarray(starts), unsure, side="right") - 1
    tags = tags.copy()
    for position, owner in zip(unsure.tolist(), owners.tolist()):
        if _opens_with_name(docs[owner], position - starts[owner]):
            tags[position] = NAME_TAG
    return tags


def _opens_with_name(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` opens a sentence and may be a one-word name: no Brown cluster, no
    title, nationality or place, and no capitalised word, hyphen or number after it."""
    token = doc[i]
    if not rare_capital(token.text) or not opens_sentence(doc, i) or not name_word(token):
        return False
    if is_nationality(token.text) or is_place(doc, i, i + 1):
        return False
    if i > 0 and doc[i - 1].text in ("-", "–"):
        return False
    if i + 1 < len(doc):
        after = doc[i + 1].text
        if after in ("-", "–") or after[:1].isupper() or after[:1].isdigit():
            return False
    return True
