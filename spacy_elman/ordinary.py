"""Name-like words in their ordinary sense: a month beside a day's number (``MOGADISHU, Jan
22 -``), a verb that opens a command or a wish (``Pat the dough dry``, ``Mark my words``,
``May the best team win``), a season after a word that makes it one (``for summer``).

A tagger that knows ``Jan``, ``May``, ``Pat`` and ``Mark`` as given names reads them as names
where the words around them say otherwise. In CoNLL-2003 train and dev a month word stands
beside a number 555 times, and only once is it a person entity (one of several words: a results
line's ``Jan Van ...``); a capitalised word that opens a sentence and is followed by a
determiner (``the``, ``my``) does so 274 times, and never as a person entity.
:func:`drop_ordinary` drops a one-word person entity that is a month beside a number, or a verb
of the list below at a sentence's start followed by a determiner or a pronoun, or a season after
a preposition or a determiner (``this summer``, ``next Autumn``), or any word right after
``the``, ``this``, ``my``, ``your``, ``our`` or ``his`` but a plural (``The Dyson has better
suction``: a product, a firm or a place; in CoNLL-2003 train and dev 22 one-word person entities
follow ``the``, most of them families, ``the Kennedys``, against 1,217 other entities), or a
day of the week (``» Tue 3 Oct``), a number word (``WIN BY SEVEN WICKETS``) or a single
letter (``band D.``). The lists were written for this project.
"""

import re
from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc

from .words import opens_sentence

# Months and their abbreviations, in any case and without a final ".".
MONTHS: FrozenSet[str] = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# Days of the week and their abbreviations, in any case and without a final "." (``Posted by
# ... » Tue 3 Oct``; the twenty-sixth session): no CoNLL-2003 person entity is one; ``Mon``,
# ``Sat`` and ``Sun`` are left out as names.
WEEKDAYS: FrozenSet[str] = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday tue tues wed thu thur thurs fri
    """.split()
)
# Single letters (``Council tax band D.``, chat's ``k``): an initial is part of a name, never
# all of it; no CoNLL-2003 train or dev person entity is one.
LETTERS: FrozenSet[str] = frozenset("abcdefghijklmnopqrstuvwxyz")
# Number words (``PAKISTAN WIN BY SEVEN WICKETS``; the twenty-ninth session): a capitals
# headline reads like a row of names. One CoNLL-2003 train or dev person entity is one, an
# annotation slip (``WIN BOTH ROUND NINE SUPERBIKE RACES``).
NUMBER_WORDS: FrozenSet[str] = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion
    """.split()
)
# Given names (or their short forms) that are also verbs a command or a wish opens with:
# ``Will you ...``, ``Sue the airline``, ``Grant us ...``, ``Don your coat``.
VERBS: FrozenSet[str] = frozenset(
    """
    will may mark pat sue bill rob grant chase drew hope don jack skip wade bob nick lance
    pierce harry josh peg buck hunt dash chip carol grace trace sally kit
    """.split()
)
# Seasons, which are also given names (``Summer``, ``Autumn``), and the words before one that
# make it the season: any of them in lower case (``can't wait for summer``), only those
# that no name follows when it is written with a capital (``this Summer``, ``late Autumn``).
SEASONS: FrozenSet[str] = frozenset("summer winter spring autumn fall".split())
BEFORE_SEASON: FrozenSet[str] = frozenset(
    "for in this next last until till by before after over during all every early late mid".split()
)
BEFORE_CAPITAL_SEASON: FrozenSet[str] = frozenset("this next last every early late mid".split())
# Words after such a verb: determiners and object pronouns.
OBJECTS: FrozenSet[str] = frozenset(
    """
    the a an my your his her its our their this that these those some every all it them me
    us him you one
    """.split()
)
# Words before a one-word name that make it a thing: ``the``, and (the twenty-sixth session)
# demonstratives and possessives (``this Dyson``, ``my Dyson``); no CoNLL-2003 train or dev
# person entity follows ``this``, ``my``, ``your``, ``our`` or ``his`` (``her`` is also an
# object: ``told her Maria left``).
THING_WORDS: FrozenSet[str] = frozenset("the this my your our his".split())
# A day's or a year's number: ``22``, ``22nd``, ``1996``, ``22,``.
_NUMBER = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?,?$")
# The words this module reads inside a span, for the rules' fast path.
ORDINARY_WORDS: FrozenSet[str] = MONTHS | VERBS | SEASONS | WEEKDAYS | LETTERS | NUMBER_WORDS


def is_ordinary(doc: Doc, i: int) -> bool:
    """Whether the word ``doc[i]`` is a day of the week, a number word or a single letter, a
    name after ``the`` (or ``this``, ``my``), a month beside a number, a season after a word
    that makes it one, or a verb that opens a sentence followed by a determiner or a
    pronoun."""
    key = doc[i].text.lower().rstrip(".")
    if key in WEEKDAYS or key in LETTERS or key in NUMBER_WORDS:
        return True
    if key in MONTHS and (
        (i + 1 < len(doc) and _NUMBER.match(doc[i + 1].text))
        or (i > 0 and _NUMBER.match(doc[i - 1].text))
    ):
        return True
    if i > 0 and doc[i - 1].lower_ in THING_WORDS and not doc[i].text.endswith("s"):
        return True  # ``The Dyson has ...``: a thing (a family is plural: ``the Kennedys``)
    if key in SEASONS and i > 0:
        before = doc[i - 1].text.lower()
        return before in (BEFORE_SEASON if doc[i].text.islower() else BEFORE_CAPITAL_SEASON)
    return (
        key in VERBS
        and doc[i].text[:1].isupper()
        and opens_sentence(doc, i)
        and i + 1 < len(doc)
        and doc[i + 1].text in OBJECTS
    )


def drop_ordinary(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Drop each one-word person span that is a word in its ordinary sense
    (:func:`is_ordinary`).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans may be dropped.
    """
    return [
        (start, end, label)
        for start, end, label in spans
        if label not in person_labels or end - start > 1 or not is_ordinary(doc, start - offset)
    ]
