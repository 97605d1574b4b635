"""A name addressed in dialogue: ``"Late again, Lancelot," said Mrs Trethewey`` and ``'The
trains, Bathsheba,' Osric said`` name the person spoken to.

Fiction and quoted speech put the name of the person spoken to between a comma and the end of
what is said. A tagger reads a lone capitalised word there with little around it, and misses
it. :func:`take_addressees` tags one or two capitalised words (no stop words or titles)
between a comma and a comma, a full stop, ``!`` or ``?`` right before a quote that closes one
opened before the comma, where no span touches them and they are no place. No such words
stand in CoNLL-2003 train or dev, whose quotes are news quotes.

Without quotes, a question or an exclamation addresses a person the same way (``Thank you for
your order, Onyinyechi!``, ``Where are my keys, Summer?``; the twenty-ninth session): the one
or two such words between a comma and ``!`` or ``?`` are tagged too. In CoNLL-2003 train and
dev, WNUT-17 dev and the check sets read before, such words are a person entity all 11 times
(the CoNLL-2003 command's model, seed 0, missed 3 of them).
"""

from typing import FrozenSet, List, Optional, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .bio import touches
from .places import is_place
from .titles import name_word
from .words import name_run_end

# Quote marks that close what is said.
QUOTES: FrozenSet[str] = frozenset(('"', "”", "'", "’"))
# The quotes' ORTH ids: a doc without one holds no name this rule finds.
QUOTE_IDS = frozenset(get_string_id(quote) for quote in QUOTES)
_COMMA = get_string_id(",")
# What ends what is said before the quote.
ENDS: FrozenSet[str] = frozenset(", . ! ?".split())
# What ends a question or an exclamation that a name may end, with no quote.
CALLS: FrozenSet[str] = frozenset("! ?".split())
_CALL_IDS = frozenset(get_string_id(mark) for mark in CALLS)
# The ORTH ids of the quotes and the marks: a doc without one holds no name this rule finds.
CUE_IDS = QUOTE_IDS | _CALL_IDS
# How many words the name may have.
MAX_WORDS = 2


def take_addressees(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    person_labels: Sequence[int],
    offset: int = 0,
    tokens: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for each name addressed at
    the end of quoted speech, a question or an exclamation (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted. ``tokens``: the ``ORTH`` ids of the doc's tokens, if
    the caller has them.
    """
    if tokens is None:
        tokens = doc.to_array(ORTH).tolist()
    if not person_labels or CUE_IDS.isdisjoint(tokens):
        return list(spans)
    found = []
    # commas with a quote three or four tokens on, or a ``!`` or ``?`` two or three
    for i in [
        i
        for i, orth in enumerate(tokens[:-2])
        if orth == _COMMA
        and not (
            QUOTE_IDS.isdisjoint(tokens[i + 3 : i + 5])
            and _CALL_IDS.isdisjoint(tokens[i + 2 : i + 4])
        )
    ]:
        end = name_run_end(doc, i + 1, MAX_WORDS, name_word)
        if end == i + 1 or end >= len(doc):
            continue
        if doc[end].text not in CALLS and not _closes_quote(doc, tokens, i, end):
            continue
        lo, hi = i + 1 + offset, end + offset
        if not touches(spans, lo, hi) and not is_place(doc, i + 1, end):
            found.append((lo, hi, person_labels[0]))
    return sorted([*spans, *found]) if found else list(spans)


def _closes_quote(doc: Doc, tokens: Sequence[int], comma: int, end: int) -> bool:
    """Whether a mark that ends what is said and a quote that closes one opened before the
    ``comma`` follow the name that ends at ``end``."""
    if end + 1 >= len(doc) or doc[end].text not in ENDS or doc[end + 1].text not in QUOTES:
        return False
    return sum(1 for orth in tokens[:comma] if orth in QUOTE_IDS) % 2 == 1
