"""People by what they do in a story: ``Chisom shrugged and ...``, ``Shahad laughed so hard
...``, ``"Why?" asked Ejiro.`` and ``"Is it far?" Nodar asked`` name a person.

Fiction and quoted speech write a character's name, often one word, before a verb that only
people do or around the verb that reports what they said. A tagger trained on news reads an
unseen one-word name at a sentence's start by its letters alone (the twenty-eighth session's
probe: ``Then Soizic locked the shutters`` is no name to it), and misses it.
:func:`take_speakers` tags

- the name's words (``lifespans.name_start``: capitalised words, no titles, stop words or
  nationalities) right before a gesture of :data:`GESTURES` (``shrugged``, ``nodded``,
  ``laughed``; not ``shrugged off``), or right before a verb of :data:`SPEECH` that follows a
  closing quote (``?" Nodar asked``; not ``said``: ``," Atria said`` names a firm in news
  copy);
- the one to three name words (``titles.name_word``) after a closing quote and a verb of
  speech or ``said`` (``," said Lysander,``), where a punctuation mark or the doc's end follows
  them;

where no span touches them and they are no place. In CoNLL-2003 train and dev, WNUT-17 dev and
the check sets read before (the twenty-ninth session), the CoNLL-2003 command's model (seed
0) and the main job's missed 11 and 7 such names, and the rule tags one word more that is no
person entity: ``, " said Washington .``, an annotation slip beside a ``Washington`` tagged
as a person elsewhere in the same story. The lists were written for this project.
"""

from typing import FrozenSet, List, Optional, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .addressees import QUOTES as CLOSING_QUOTES
from .bio import touches
from .lifespans import name_start
from .places import is_place
from .titles import name_word
from .words import name_run_end

# What only people do, as written in lower case: a gesture or a sound of the face and the body.
GESTURES: FrozenSet[str] = frozenset(
    """
    shrugged shrugs laughed laughs smiled smiles nodded nods sighed sighs grinned grins frowned
    frowns winked winks blushed blushes giggled giggles wept weeps sobbed sobs chuckled
    chuckles yawned yawns gasped gasps whispered whispers muttered mutters scowled scowls
    beamed murmured murmurs grimaced winced
    """.split()
)
# Verbs of speech that a name may stand before after a quote (``?" Nodar asked``).
SPEECH: FrozenSet[str] = frozenset(
    """
    asked asks replied replies whispered whispers muttered mutters shouted shouts called calls
    cried cries snapped snaps sighed sighs laughed laughs murmured murmurs answered answers
    yelled yells
    """.split()
)
# Verbs of speech that a name may stand after, right after a quote (``," said Lysander,``).
SPEECH_BEFORE: FrozenSet[str] = SPEECH | {"said", "says"}
# The words after a gesture that make it a figure of speech (``Nutricia shrugged off ...``).
FIGURATIVE: FrozenSet[str] = frozenset(("off",))
# Words before a capitalised word that make it a thing or a role (``The Doctor laughed``).
DETERMINERS: FrozenSet[str] = frozenset("the a an this that my your his her our their".split())
# Closing quotes (``addressees``' and CoNLL-2003's ``''``), and what may follow a name after
# ``said``.
QUOTES: FrozenSet[str] = CLOSING_QUOTES | {"''"}
AFTER_NAME: FrozenSet[str] = frozenset(",.!?;:")
# The ORTH ids of the verbs, and of the gestures and the quotes: a doc without a gesture or a
# quote holds no name this rule finds.
VERB_IDS = frozenset(get_string_id(word) for word in GESTURES | SPEECH_BEFORE)
CUE_IDS = frozenset(get_string_id(word) for word in GESTURES | QUOTES)
# How many words the name after ``said`` may have.
MAX_WORDS = 3


def take_speakers(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    person_labels: Sequence[int],
    offset: int = 0,
    tokens: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for each name before a gesture
    or around a verb of speech after a quote that no span touches (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted. ``tokens``: the ``ORTH`` ids of the doc's tokens, if
    the caller has them.
    """
    if tokens is None:
        tokens = doc.to_array(ORTH).tolist()
    if not person_labels or CUE_IDS.isdisjoint(tokens) or VERB_IDS.isdisjoint(tokens):
        return list(spans)
    found = []
    for i in [i for i, orth in enumerate(tokens) if orth in VERB_IDS]:
        for start, end in _names_around(doc, i):
            lo, hi = start + offset, end + offset
            if not is_place(doc, start, end) and not touches([*spans, *found], lo, hi):
                found.append((lo, hi, person_labels[0]))
    return sorted([*spans, *found]) if found else list(spans)


def _names_around(doc: Doc, i: int) -> List[Tuple[int, int]]:
    """The names that the verb ``doc[i]`` makes a person's: before a gesture or a verb of
    speech after a quote, and after a quote and a verb of speech."""
    verb = doc[i].text
    names = []
    start = name_start(doc, i) if verb in GESTURES or verb in SPEECH else i
    if start > 0 and doc[start - 1].lower_ in DETERMINERS:
        start = i
    if start < i and all(len(token.text) > 1 for token in doc[start:i]):  # not ``I``
        gesture = verb in GESTURES and not (i + 1 < len(doc) and doc[i + 1].text in FIGURATIVE)
        if gesture or (verb in SPEECH and start > 0 and doc[start - 1].text in QUOTES):
            names.append((start, i))
    if verb in SPEECH_BEFORE and i > 0 and doc[i - 1].text in QUOTES:
        end = name_run_end(doc, i + 1, MAX_WORDS, name_word)
        if end > i + 1 and (end == len(doc) or doc[end].text in AFTER_NAME):
            names.append((i + 1, end))
    return names
