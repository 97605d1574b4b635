"""Lists of people: ``Jemima, Pennycook, Nettleship and Senthil`` and ``Present: Oyinlola
Bamgbose (chair), Featherstonehaugh, Lakshmanan and Cattermole`` name a person in each item.

Team sheets, minutes, rotas, credits and news copy list people by name, with commas and a
last ``and`` between them. A tagger reads each item alone and often misses the unusual ones,
above all a surname alone. Where most items of such a list are person entities, the others
are people too. :func:`take_lists` finds lists of three or more items, each one to four
capitalised words (hyphens joining them, an aside in brackets after it: ``(chair)``,
``(February)``), separated by commas and ``and``/``&``/``or``; where two or more items and at
least half of them are person entities, it tags the items that no entity touches; a list
that holds a place (``places``) is left alone, and titles and nationalities are no items.
"""

from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from .nationalities import is_nationality
from .places import is_place
from .titles import is_title
from .words import capital_word, name_run_end, skip_aside

# Words between a list's last two items.
JOINERS = frozenset({"and", "&", "or"})
# How many words an item may have, and how many tokens an aside in brackets after it.
MAX_WORDS = 4
MAX_ASIDE = 4
# How many items a list needs.
MIN_ITEMS = 3
# How far back from a person entity a list's start is looked for, in tokens.
MAX_REACH = 24


def take_lists(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for each item of a list of
    people that no span touches (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted.
    """
    if not person_labels or len(spans) < 2:
        return list(spans)
    persons = {(s - offset, e - offset) for s, e, label in spans if label in person_labels}
    # only a person span beside a comma or a joiner can be an item: lists start from there
    linked = [s for s, e in persons if _beside_separator(doc, s, e)]
    if len(linked) < 2:
        return list(spans)
    starts = sorted({_walk_back(doc, s) for s in linked})
    taken = [False] * len(doc)
    for s, e, _ in spans:
        for i in range(s - offset, e - offset):
            taken[i] = True
    found = []
    done = 0
    for start in starts:
        if start < done:
            continue
        items, done = _list_at(doc, start)
        people = sum(1 for item in items if item in persons)
        if len(items) < MIN_ITEMS or people < 2 or 2 * people < len(items):
            continue
        if any(is_place(doc, lo, hi) for lo, hi in items):
            continue  # a list of places (``Elizabeth, New Jersey, and Augusta, Georgia``)
        for lo, hi in items:
            if not any(taken[lo:hi]):
                found.append((lo + offset, hi + offset, person_labels[0]))
    return sorted([*spans, *found]) if found else list(spans)


def _beside_separator(doc: Doc, start: int, end: int) -> bool:
    """Whether a comma or a joiner stands right before ``doc[start:end]`` or after it (past
    an aside in brackets)."""
    after = skip_aside(doc, end, MAX_ASIDE)
    if after < len(doc) and (doc[after].text == "," or doc[after].lower_ in JOINERS):
        return True
    return start > 0 and (doc[start - 1].text == "," or doc[start - 1].lower_ in JOINERS)


def _walk_back(doc: Doc, start: int) -> int:
    """The first token of the run of items and separators that ends at ``doc[start]``: the
    earliest position a list holding ``doc[start]`` may start at."""
    i = start
    while i > 0 and start - i < MAX_REACH:
        text = doc[i - 1].text
        if text == ")":  # an aside: go back to its bracket
            j = i - 2
            while j >= 0 and i - j <= MAX_ASIDE + 1 and doc[j].text != "(":
                j -= 1
            if j < 0 or doc[j].text != "(":
                break
            i = j
            continue
        token = doc[i - 1]
        if not (
            text in (",", "-")
            or text.lower() in JOINERS
            or _name_word(text, token.is_stop, capital_word(token))
        ):
            break
        i -= 1
    while i < start and not capital_word(doc[i]):
        i += 1  # a list starts with an item
    return i


def _list_at(doc: Doc, i: int) -> Tuple[List[Tuple[int, int]], int]:
    """The items of the list that starts at ``doc[i]``, and where it ends."""
    items: List[Tuple[int, int]] = []
    pos = i
    while True:
        end = _item_end(doc, pos)
        if end is None:
            break
        items.append((pos, end))
        pos = skip_aside(doc, end, MAX_ASIDE)
        if pos < len(doc) and doc[pos].text == ",":
            pos += 1
            if pos < len(doc) and doc[pos].lower_ in JOINERS:
                pos += 1  # the serial comma: ``A, B, and C``
        elif pos < len(doc) and doc[pos].lower_ in JOINERS:
            pos += 1
            last = _item_end(doc, pos)
            if last is not None:
                items.append((pos, last))
                pos = skip_aside(doc, last, MAX_ASIDE)
            break
        else:
            break
    return items, max(pos, i + 1)


def _item_end(doc: Doc, i: int) -> Optional[int]:
    """Where the item of one to :data:`MAX_WORDS` name words that starts at ``doc[i]`` ends,
    or None: capitalised words (no stop words, titles or nationalities), and hyphens with no
    space that join them."""
    end = name_run_end(doc, i, MAX_WORDS, _item_word)
    return end if end > i else None


def _item_word(token: Token) -> bool:
    """Whether ``token`` may be a word of a listed name."""
    return _name_word(token.text, token.is_stop, capital_word(token))


def _name_word(text: str, stop: bool, capital: bool) -> bool:
    """Whether a token may be a word of a listed name: a name's word, no nationality."""
    return capital and not stop and not is_title(text) and not is_nationality(text)
