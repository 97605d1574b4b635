"""Double-barrelled surnames after a given name: ``Folake Adewale-Kuti`` is one name, not
``Folake`` before a word.

spaCy's English tokenizer splits a hyphenated word into its pieces (``Adewale`` ``-``
``Kuti``); ``whole_words`` keeps an entity from ending inside one, so a tagger unsure of the
second word ends the name before it. CoNLL-2003 writes such a word as one token: 26 of its
train and dev person entities end with a hyphenated word of capitalised pieces, and none is
directly followed by one. :func:`take_hyphenated` moves a person entity's end over such a
word unless a capitalised word follows it (a title-case headline: ``Diallo Hat-Trick
Stuns``).
"""

from typing import List, Sequence, Tuple

from spacy.tokens import Doc, Token

from .words import capital_word


def take_hyphenated(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the end of each person span over a hyphenated word of capitalised pieces right
    after it (``Tamsin`` + ``Ayo-Brennan``), unless a capitalised word follows that word or
    another span starts in it.

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans may grow.
    """
    grown = []
    for k, (start, end, label) in enumerate(spans):
        last = end - offset - 1
        if label in person_labels and doc[last].whitespace_ and doc[last].is_alpha:
            stop = _hyphenated_end(doc, last + 1)
            if stop > last + 1 and (k + 1 == len(spans) or spans[k + 1][0] >= stop + offset):
                end = stop + offset
        grown.append((start, end, label))
    return grown


def hyphen_after(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` is joined to a hyphen right after it (``Ayo`` in
    ``Ayo-Brennan``): the test :func:`take_hyphenated` needs before it reads on."""
    return i + 1 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-"


def _hyphenated_end(doc: Doc, i: int) -> int:
    """The end of a word of capitalised pieces joined by hyphens that starts at ``i`` and no
    capitalised word follows, or ``i`` if there is none."""
    if i >= len(doc) or not _title_word(doc[i]):
        return i
    j = i
    while hyphen_after(doc, j) and not doc[j + 1].whitespace_ and j + 2 < len(doc):
        if not _title_word(doc[j + 2]):
            break
        j += 2
    if j == i:
        return i
    if j + 1 < len(doc) and capital_word(doc[j + 1]):
        return i  # a title-case run: ``Diallo Hat-Trick Stuns``
    return j + 1


def _title_word(token: Token) -> bool:
    """A word of letters that starts with a capital and is not all capitals."""
    return capital_word(token) and not token.is_upper
