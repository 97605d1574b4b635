"""Titles before a name: ``Mayor Beaumont`` is the name ``Beaumont``.

CoNLL-2003's and OntoNotes' guidelines leave titles, offices and kinship words out of a
person's span, and so does this project's corpus. A tagger trained on news has seen
``President`` and ``Mr.`` before names but not ``Coach``, ``Grandma`` or ``Lord``, and takes
them in. :func:`trim_titles` moves the start of a person entity past such words. The lists are
English and were written for this project.
"""

from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc

# Labels that are person names unless a pipeline is told otherwise.
PERSON_LABELS = ("NAME", "PER", "PERSON")

# Honorifics, offices and ranks, in any case (``Dr.``, ``DR``, ``dr``), without a final ".".
# Not here: words that often start a name themselves (``Major``, ``Nana``, ``Son``).
TITLES: FrozenSet[str] = frozenset(
    """
    mr mrs ms mx miss dr prof professor sir dame lord lady king queen prince princess sheikh
    emir president chancellor minister senator governor mayor councillor judge ambassador
    secretary commissioner general colonel captain lieutenant sergeant admiral officer
    detective inspector constable coach chairman chairwoman pope cardinal bishop archbishop
    reverend rev father fr sister brother rabbi imam pastor uncle aunt auntie grandma grandpa
    granny grandmother grandfather mum mom dad
    """.split()
)

# Relations and roles written before a name in lower case (``cousin Sione``, ``striker
# Osimhen``). Only their lower-case form is trimmed: ``Will``, ``Son`` or ``Friend`` as
# written at a name's start may be the name.
RELATIONS: FrozenSet[str] = frozenset(
    """
    cousin uncle aunt brother sister son daughter wife husband mother father grandma grandpa
    colleague friend neighbour neighbor teammate coach manager boss teacher nurse doctor
    striker midfielder goalkeeper defender winger captain actor actress singer author novelist
    poet artist director spokesman spokeswoman spokesperson lawyer analyst economist
    """.split()
)


def is_title(text: str) -> bool:
    """Whether the token ``text`` is a title or, written in lower case, a relation word."""
    key = text.lower().rstrip(".")
    return key in TITLES or (text.islower() and key in RELATIONS)


def trim_titles(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the start of each person span past its leading titles and their full stops
    (``Dr . Cox``), never past its last token.

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are trimmed.
    """
    trimmed = []
    for start, end, label in spans:
        if label in person_labels:
            while end - start > 1 and is_title(doc[start - offset].text):
                start += 1
                while end - start > 1 and doc[start - offset].text == ".":
                    start += 1
        trimmed.append((start, end, label))
    return trimmed
