"""Lists of people: ``Jemima, Pennycook, Nettleship and Senthil`` and ``Present: Oyinlola
Bamgbose (chair), Featherstonehaugh, Lakshmanan and Cattermole`` name a person in each item.

Team sheets, minutes, rotas, credits and news copy list people by name, with commas and a
last ``and`` between them. A tagger reads each item alone and often misses the unusual ones,
above all a surname alone. Where most items of such a list are person entities, the others
are people too. :func:`take_lists` finds lists of three or more items, each one to four
capitalised words (hyphens joining them, an aside in brackets after it: ``(chair)``,
``(February)``), separated by commas and ``and``/``&``/``or``; where two or more items and at
least half of them are person entities, it tags the items that no entity touches, unless
they are places (``places``), titles or nationalities.
"""

from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc

from .nationalities import is_nationality
from .places import is_place
from .titles import is_title
from .words import capital_word

# Words between a list's last two items.
JOINERS = frozenset({"and", "&", "or"})
# How many words an item may have, and how many tokens an aside in brackets after it.
MAX_WORDS = 4
MAX_ASIDE = 4
# How many items a list needs.
MIN_ITEMS = 3


def take_lists(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for each item of a list of
    people that no span touches (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted.
    """
    if not person_labels or not spans:
        return list(spans)
    persons = {(s - offset, e - offset) for s, e, label in spans if label in person_labels}
    taken = [False] * len(doc)
    for s, e, _ in spans:
        for i in range(s - offset, e - offset):
            taken[i] = True
    found = []
    i = 0
    while i < len(doc):
        items, end = _list_at(doc, i)
        if len(items) < MIN_ITEMS:
            i += 1
            continue
        people = sum(1 for item in items if item in persons)
        if people >= 2 and 2 * people >= len(items):
            for lo, hi in items:
                if not any(taken[lo:hi]) and not is_place(doc, lo, hi):
                    found.append((lo + offset, hi + offset, person_labels[0]))
        i = end
    return sorted([*spans, *found]) if found else list(spans)


def _list_at(doc: Doc, i: int) -> Tuple[List[Tuple[int, int]], int]:
    """The items of the list that starts at ``doc[i]``, and where it ends."""
    items: List[Tuple[int, int]] = []
    pos = i
    while True:
        end = _item_end(doc, pos)
        if end is None:
            break
        items.append((pos, end))
        pos = _skip_aside(doc, end)
        if pos < len(doc) and doc[pos].text == ",":
            pos += 1
            if pos < len(doc) and doc[pos].lower_ in JOINERS:
                pos += 1  # the serial comma: ``A, B, and C``
        elif pos < len(doc) and doc[pos].lower_ in JOINERS:
            pos += 1
            last = _item_end(doc, pos)
            if last is not None:
                items.append((pos, last))
                pos = _skip_aside(doc, last)
            break
        else:
            break
    return items, max(pos, i + 1)


def _item_end(doc: Doc, i: int) -> Optional[int]:
    """Where the item of one to :data:`MAX_WORDS` name words that starts at ``doc[i]`` ends,
    or None: capitalised words (no stop words, titles or nationalities), and hyphens with no
    space that join them."""
    end, words = i, 0
    while end < len(doc) and words < MAX_WORDS:
        token = doc[end]
        if token.text == "-" and end > i and not doc[end - 1].whitespace_ and not token.whitespace_:
            end += 1
            continue
        if not _name_word(token.text, token.is_stop, capital_word(token)):
            break
        end += 1
        words += 1
    while end > i and doc[end - 1].text == "-":
        end -= 1
    return end if end > i else None


def _name_word(text: str, stop: bool, capital: bool) -> bool:
    """Whether a token may be a word of a listed name."""
    return capital and not stop and not is_title(text) and not is_nationality(text)


def _skip_aside(doc: Doc, end: int) -> int:
    """The position after an aside in brackets that starts at ``end`` (``(chair)``), or
    ``end``."""
    if end < len(doc) and doc[end].text == "(":
        for j in range(end + 1, min(end + MAX_ASIDE + 2, len(doc))):
            if doc[j].text == ")":
                return j + 1
    return end
