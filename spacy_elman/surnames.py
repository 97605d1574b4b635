"""Rare capitalised words after a given name: ``Kristoffer Aasland`` is one name, not
``Kristoffer`` before a word.

A tagger sure of a given name it knows is often unsure of an unseen surname after it
(``Javohir`` + ``Tursunov``, ``Samina`` + ``Rushworth``, ``Mikalojus Konstantinas`` +
``Čiurlionis``), and ends the name early. A capitalised word with no Brown cluster
(``clusters``: 190,129 word forms of English text, places, firms and months among them)
right after a person entity is far more often the rest of the name than a word of its own.
:func:`take_surnames` moves a person entity's end over such words, and its start back over
such a word that is no title, role or nationality (``Chamindu`` + ``Wijesekara``), up to four
words in all. Words in capitals (a headline's) are left alone.
"""

from functools import lru_cache
from typing import List, Sequence, Tuple

from spacy.tokens import Doc

from .chat import is_chat_word
from .clusters import form_has_cluster
from .hyphens import hyphen_after
from .nationalities import is_nationality
from .titles import name_word

# Words a person entity may hold at most after it grows.
MAX_WORDS = 4


def take_surnames(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the end of each person span over the rare capitalised words right after it
    (:func:`rare_capital`), until it holds :data:`MAX_WORDS` words or a word of another span
    or a piece of a hyphenated word follows; then its start back over such words that are
    no title, role or nationality (``Chamindu`` + ``Wijesekara``; not ``Flanker``,
    ``Auntie``, ``Welshman``).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans may grow.
    """
    taken = {i for start, end, _ in spans for i in range(start - offset, end - offset)}
    grown = []
    for start, end, label in spans:
        if label in person_labels:
            stop = end - offset
            while (
                stop < len(doc)
                and stop - (start - offset) < MAX_WORDS
                and stop not in taken
                and rare_capital(doc[stop].text)
                and not hyphen_after(doc, stop)  # a piece of a word: take_hyphenated's
            ):
                stop += 1
            first = start - offset
            while (
                first > 0
                and stop - first < MAX_WORDS
                and first - 1 not in taken
                and rare_capital(doc[first - 1].text)
                and name_word(doc[first - 1])
                and not is_nationality(doc[first - 1].text)
            ):
                first -= 1
            taken.update(range(first, stop))
            start, end = first + offset, stop + offset
        grown.append((start, end, label))
    return grown


@lru_cache(maxsize=65536)
def rare_capital(text: str) -> bool:
    """Whether ``text`` is a word of letters that starts with a capital, is not all in
    capitals nor a chat word (``Awwww``, ``Lol``), and has no Brown cluster in its own case
    or in lower case."""
    if len(text) < 2 or not text.isalpha() or not text[:1].isupper() or text.isupper():
        return False
    if is_chat_word(text):
        return False
    return not form_has_cluster(text)
