"""A chat line that opens with a name: ``tiwonge pls delete the pic``, ``wojtek did u get the
tickets``, ``ailsa n morven did the parkrun`` and ``PENITALA WHERE U AT`` address or name a
person with their first word.

Text messages start with the name of the person they address, written in lower case (or all in
capitals) like the rest of the line. A tagger finds such a name when it knows it, from the name
lists or its training data, but a lower-case word it never met at a line's start is as likely a
word to it as a name. The words after it tell: a line that goes on in the second person (``u``,
``ur``, ``did``, ``pls``, ``where``) or with ``and``/``&``/``n`` and another name. Ordinary
words that open such lines (``guys``, ``mum``, ``omg``, ``ok``) are stop words, chat words,
relation words or common English words, and every common English word has a Brown cluster;
most unusual names have none. :func:`take_vocatives` tags the first word of a line written in
one case when it is a word of letters without a cluster that is none of those, and the second
word is one of the words below; with ``and``/``&``/``n``, also the word after it when that is
such a word too; a word that chat writes after a name it addresses may stand between
(``dougie bro u ...``). The lists were written for this project.
"""

from typing import List, Sequence, Tuple

import numpy as np
from spacy.tokens import Doc, Token

from .chat import is_chat_word
from .clusters import cluster_table
from .tables import lookup
from .titles import RELATIONS, TITLES, is_after_title

# Second words of a line that addresses someone: ``u``, ``ur``, ``did u``, ``are we``, ``pls``.
SECOND_PERSON = frozenset(
    """
    u ur did are r pls plz abeg where stop bring text answer call can have wya when wake come
    check send
    """.split()
)
# Words that join two names (``ailsa n morven``).
JOINERS = frozenset({"and", "&", "n"})


def take_vocatives(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for a name that opens a line
    written in one case (see the module), and for a second one joined to it.

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted.
    """
    if not person_labels or len(doc) < 2 or (spans and spans[0][0] == offset):
        return list(spans)
    second = doc[1].text.lower()
    if is_after_title(doc[1].text) and len(doc) > 2:  # ``dougie bro u still owe me``
        second = doc[2].text.lower()
        if second not in SECOND_PERSON:
            return list(spans)
    joined = second in JOINERS and len(doc) > 2
    if second not in SECOND_PERSON and not joined:
        return list(spans)
    if not _one_case(doc.text) or not _unusual_word(doc[0]):
        return list(spans)
    label = person_labels[0]
    taken = [(offset, offset + 1, label)]
    if joined:
        names_next = any(start == offset + 2 for start, _, _ in spans)
        if not names_next:
            if not _unusual_word(doc[2]):
                return list(spans)
            if not any(start <= offset + 2 < end for start, end, _ in spans):
                taken.append((offset + 2, offset + 3, label))
    return sorted([*spans, *taken])


def _one_case(text: str) -> bool:
    """Whether ``text`` has letters of one case only (a chat line, or one in capitals)."""
    return text.lower() == text or text.upper() == text


def _unusual_word(token: Token) -> bool:
    """Whether ``token`` is a word of letters that no list here or in ``titles`` and ``chat``
    holds, and that has no Brown cluster in either case."""
    text = token.text
    lower = text.lower()
    if not text.isalpha() or len(text) < 2 or token.is_stop or is_chat_word(text):
        return False
    if lower in TITLES or lower in RELATIONS or is_after_title(lower):
        return False
    keys = np.asarray([token.orth, token.lower], dtype="uint64")
    return not lookup(cluster_table(), keys).any()
