"""A nickname in quotes inside a name: ``Barnabas "Dynamo" Pilbeam`` and ``Ignacy "Buldożer"
Kwiatosz`` are one name each.

Sports and entertainment copy writes a nickname in quotes between the given name and the
surname. A tagger reads the quote marks as the end of a name and finds the given name, the
surname or the nickname alone, or two or three of them as separate entities.
:func:`take_nicknames` makes one person entity of the name before the quotes (from the first
person entity in it, or the word right before them), the one to three capitalised words in
them (after ``The``: ``"The Tulip"``) and the capitalised words after them, where a person
entity lies in those words and no other entity touches them.
"""

from typing import FrozenSet, List, Optional, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .lifespans import name_start
from .titles import name_word
from .words import name_run_end

# Quote marks around a nickname.
QUOTES: FrozenSet[str] = frozenset("\" “ ” '".split())
_QUOTE_IDS = frozenset(get_string_id(quote) for quote in QUOTES)
# How many words the nickname and the surname may have.
MAX_WORDS = 3
# The article a nickname may open with, as written (``Reinier "The Tulip" Kuipers``; the
# twenty-ninth session).
ARTICLES: FrozenSet[str] = frozenset(("The", "THE"))


def take_nicknames(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    person_labels: Sequence[int],
    offset: int = 0,
    tokens: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, int]]:
    """``spans`` with the name around each quoted nickname made one person span (see the
    module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted. ``tokens``: the ``ORTH`` ids of the doc's tokens, if
    the caller has them.
    """
    out = list(spans)
    if not person_labels or not spans:
        return out
    if tokens is None:
        tokens = doc.to_array(ORTH).tolist()
    if _QUOTE_IDS.isdisjoint(tokens):
        return out
    for i in [i for i, orth in enumerate(tokens[:-3]) if i > 0 and orth in _QUOTE_IDS]:
        whole = _name_around(doc, i)
        if whole is None:
            continue
        lo, hi = whole[0] + offset, whole[1] + offset
        inside = [s for s in out if s[0] < hi and s[1] > lo]
        if not inside or any(s[2] not in person_labels or s[0] < lo or s[1] > hi for s in inside):
            continue
        # the name starts where the first entity in it does, or with the word before the quote
        lo = min(inside[0][0], i - 1 + offset)
        out = sorted([s for s in out if s not in inside] + [(lo, hi, inside[0][2])])
    return out


def _name_around(doc: Doc, quote: int) -> Optional[Tuple[int, int]]:
    """The tokens of a name with a nickname in the quotes that open at ``doc[quote]``, or
    None."""
    first = name_start(doc, quote)
    if first == quote:
        return None
    opens = quote + 2 if doc[quote + 1].text in ARTICLES else quote + 1
    close = name_run_end(doc, opens, MAX_WORDS, name_word)
    if close == opens or close >= len(doc) or doc[close].text not in QUOTES:
        return None
    end = name_run_end(doc, close + 1, MAX_WORDS, name_word)
    return (first, end) if end > close + 1 else None
