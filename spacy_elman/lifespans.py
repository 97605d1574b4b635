"""A name before its life dates or its age: ``Pa Nhia Vang (born 1979) is ...``, ``Neus
Bofarull i Mas (1919–2008) was ...`` and ``Lyndon Quilliam, 44, of ...`` are one name each,
however much of it the tagger found.

An encyclopedia's lead sentence writes a person's full name, then the dates of birth and
death in brackets. A tagger trained on news often finds only part of an unfamiliar name
there (``Nhia Vang``, ``Neus``, ``Lon Joensen``), or two parts of it. When the words right
before such a bracket are all words of a name (capitalised words, initials, particles and
hyphens between them) and the tagger found a person in them,
:func:`take_lifespans` makes the person entity all of those words. Titles, nationality
words and capitalised stop words end the name (``President``, ``Mexican``, ``The``); a
regnal number or a suffix may end it (``Moshoeshoe I``). Where the tagger found nothing in
such words and they open a sentence or follow a title (``Sukarno (1901–1970) read out
...``, ``King Kamehameha I (c. 1758–1819)``), they are a person entity too, unless a word
of them names an event, a period or a body (``World War II (1939–1945)``). News copy gives a
person's age between commas after the name (``Blenkinsop, 58, opened ...``): in CoNLL-2003
train and dev 74 of the 76 capitalised words before such an age are in a person entity (the
other two are people as well); a name there is read the same way, wherever it stands, unless
it is a place.
"""

import re
from typing import List, Optional, Sequence, Tuple

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .bio import touches
from .lowercase import PARTICLES
from .nationalities import DEMONYMS
from .places import is_place
from .titles import REGNAL_AFTER_TITLE, SUFFIXES, is_title
from .words import capital_word, opens_sentence

# What opens a bracket of life dates: ``(born 1979``, ``(b. 1931``, ``(née Smith``,
# ``(died 2004``, ``(c. 1450``, ``(1931–2010``; not ``(2)`` or ``(23)``.
LIFE_WORDS = frozenset("born b. née nee died d. c. ca. circa fl.".split())
_YEAR = re.compile(r"^\d{3,4}(?!\d)")
_INITIAL = re.compile(r"^[A-Z]\.$")
# Words of the names of events, periods and bodies that have dates in brackets too
# (``World War II (1939–1945)``, ``the Qing Dynasty (1644–1912)``), lower-cased.
NOT_PEOPLE = frozenset(
    """
    war wars revolution dynasty empire era period age crisis famine rebellion uprising
    movement republic kingdom reign troubles olympics games expedition campaign siege battle
    act treaty company society church school university college club band group party
    league union council committee museum festival exhibition bridge railway line tower
    cathedral palace house hall building theatre hospital ship station
    """.split()
)
_OPEN = get_string_id("(")
_COMMA = get_string_id(",")
# The oldest age read between commas after a name.
MAX_AGE = 120
# How many words a name before its dates may have.
MAX_WORDS = 6


def may_date(tokens: List[int]) -> bool:
    """Whether a doc of these ``ORTH`` ids may hold dates or an age after a name: a bracket,
    or two commas."""
    return _OPEN in tokens or tokens.count(_COMMA) >= 2


def may_date_opening(doc: Doc, tokens: List[int]) -> bool:
    """Whether a doc with no span may hold a name that :func:`take_lifespans` finds: only
    one that opens it (:func:`_opens_with_name_word`), before a bracket or an age."""
    return _opens_with_name_word(doc) and may_date(tokens)


def _opens_with_name_word(doc: Doc) -> bool:
    """Whether a capitalised word that is no stop word opens ``doc``."""
    return len(doc) > 0 and capital_word(doc[0]) and not doc[0].is_stop


def _demonym(text: str) -> bool:
    """Whether ``text`` is a nationality word, also in the plural (``Americans``)."""
    lower = text.lower()
    return lower in DEMONYMS or (lower.endswith("s") and lower[:-1] in DEMONYMS)


def life_bracket(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is a ``(`` that opens life dates."""
    if doc[i].text != "(" or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1].text
    return nxt.lower() in LIFE_WORDS or bool(_YEAR.match(nxt))


def age_after(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is a ``,`` that opens a person's age between commas (``Blenkinsop,
    58, opened ...``)."""
    if doc[i].text != "," or i + 2 >= len(doc) or doc[i + 2].text != ",":
        return False
    age = doc[i + 1].text
    return age.isdigit() and len(age) <= 3 and int(age) <= MAX_AGE


def bracket_after(doc: Doc, end: int) -> int:
    """The position of the bracket of life dates, or the comma before an age, that follows
    ``end`` past capitalised words, particles and hyphens only (``Neus`` + ``Bofarull i Mas
    (1919``), or -1."""
    for i in range(end, min(end + MAX_WORDS, len(doc))):
        text = doc[i].text
        if text == "(":
            return i if life_bracket(doc, i) else -1
        if text == ",":
            return i if age_after(doc, i) else -1
        if not (text[:1].isupper() or text in PARTICLES or text == "-"):
            return -1
    return -1


def name_start(doc: Doc, end: int) -> int:
    """The first token of the run of a name's words that ends at ``end`` (``end`` itself if
    none): capitalised words that are not titles, nationalities or stop words, initials,
    particles and hyphens between them."""
    start = end
    while start > 0 and end - start < MAX_WORDS:
        token = doc[start - 1]
        text = token.text
        if text == "-" and not token.whitespace_ and start - 2 >= 0:
            ok = not doc[start - 2].whitespace_
        elif text.lower() in PARTICLES and text.islower():
            ok = start < end  # only between words of the name
        elif start == end and (text in SUFFIXES or text in REGNAL_AFTER_TITLE):
            ok = True  # a regnal number or a suffix ends the name (``Moshoeshoe I``)
        else:
            ok = (
                (capital_word(token) and not token.is_stop) or bool(_INITIAL.match(text))
            ) and not (is_title(text) or _demonym(text))
        if not ok:
            break
        start -= 1
    while start < end and (doc[start].text.islower() or doc[start].text == "-"):
        start += 1  # a name starts with a word of it
    return start


def take_lifespans(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    person_labels: Sequence[int],
    offset: int = 0,
    orth: Optional[np.ndarray] = None,
) -> List[Tuple[int, int, int]]:
    """Make the person spans inside the name before a bracket of life dates or an age one span
    of the whole name, and find such names where no span touches them (see the module); other
    spans, and names that another label's span touches, are left alone.

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans may grow. ``orth``: the doc's
    ``ORTH`` column, if the caller has it.
    """
    out = list(spans)
    for start, end, label in spans:
        if label not in person_labels:
            continue
        i = bracket_after(doc, end - offset)
        if i < 0:
            continue
        first = name_start(doc, i)
        if first > start - offset:
            continue  # the span does not lie in the name's words
        lo, hi = first + offset, i + offset
        inside = [s for s in out if s[1] > lo and s[0] < hi]
        if any(s[2] not in person_labels or s[0] < lo for s in inside):
            continue
        out = [s for s in out if s not in inside] + [(lo, hi, label)]
        out.sort()
    if not person_labels:
        return out
    return _found_before_dates(out, doc, person_labels[0], offset, orth)


def _found_before_dates(
    spans: List[Tuple[int, int, int]],
    doc: Doc,
    label: int,
    offset: int,
    orth: Optional[np.ndarray] = None,
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span for each name that no span touches right before an age
    (not a place), or that opens a sentence (or follows a title) right before a bracket of
    life dates (``Sukarno (1901–1970)``, ``King Kamehameha I (c. 1758–1819)``), unless a word
    of it names an event, a period or a body (``World War II (1939–1945)``, ``the Ming
    Dynasty (1368–1644)``). In a doc with no span only a name that opens the doc is looked
    for."""
    if not spans and not _opens_with_name_word(doc):
        return spans  # a doc with no entity at all: a name right at its start only
    if orth is None:
        orth = doc.to_array(ORTH)
    tokens = orth.tolist()
    if not may_date(tokens):
        return spans
    if not spans:
        orth = orth[: MAX_WORDS + 2]
    # brackets, and commas with another comma two tokens on (``, 58 ,``)
    commas = orth == _COMMA
    commas[:-2] &= commas[2:]
    commas[-2:] = False
    marks = np.flatnonzero((orth == _OPEN) | commas).tolist()
    found = []
    for i in marks:
        age = age_after(doc, i)
        if i == 0 or not (age or life_bracket(doc, i)):
            continue
        first = name_start(doc, i)
        if first == i or doc[first].text in SUFFIXES or doc[first].text in REGNAL_AFTER_TITLE:
            continue
        if age and is_place(doc, first, i):
            continue  # an age anywhere, but not after a place (``Leeds, 3, ...`` in a table)
        if not age and not (opens_sentence(doc, first) or is_title(doc[first - 1].text)):
            continue  # life dates after a name that opens a sentence or follows a title
        lo, hi = first + offset, i + offset
        if touches(spans, lo, hi):
            continue
        if not any(token.lower_ in NOT_PEOPLE for token in doc[first:i]):
            found.append((lo, hi, label))
    return sorted(spans + found) if found else spans
