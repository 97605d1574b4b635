"""Chat that switches language after a name: ``yahir wey, ¿ya llegaste?``, ``małgosia dzięki za
wczoraj!!`` and ``bhaiya navdeep kab aa rahe ho?`` hold one name each.

Text messages in English often switch into another language, and the words of that language
right after a name in lower case (``wey``, ``dzięki za``, ``kab aa rahe``) are as unknown to a
tagger as the name itself, so it reads them on as the rest of the name. A name written in
lower case is seldom longer than three words: in the hand-written sets none is, and two of
the three of three words end with a listed surname (``shah rukh khan``, ``joão vitor
carvalho``; not ``kiri te kanawa``); and no lower-case name of two words that opens a line
stands before a comma, where a name and a word of address do (``hinata chan,``, ``sabin
dai,``). :func:`trim_switches` cuts a person entity written in lower case in a line with no
capital to its first word (past words of address: ``bhaiya navdeep kab aa rahe``) where it
holds four words or more, three of which the last is no listed surname (``gazetteer_v2``),
or two before a comma at the line's start that no other entity follows, unless an
initial or a particle shows a name's words (``chika w. okwu``, ``kha bin layla shaheen``).
"""

from typing import List, Sequence, Tuple

from spacy.tokens import Doc

from .chat import is_chat_word
from .gazetteer import name_kinds
from .titles import is_after_title, is_title

# The kind bit of a listed surname (``gazetteer``: 1 first name, 2 surname, 3 both).
SURNAME = 2
# Particles that only names hold (``kha bin layla shaheen``); not ``y``, ``e``, ``da``, ``de``
# or ``la``, which other languages' sentences hold too.
NAME_PARTICLES = frozenset("bin binti bint ibn van von der ter mac ap ould mint".split())
# How many words a lower-case name may have.
MAX_WORDS = 3


def trim_switches(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Cut each lower-case person span of a line with no capital to its first word where the
    words after it belong to another language (see the module).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are cut.
    """
    out = []
    lower_doc = None
    for start, end, label in spans:
        lo, hi = start - offset, end - offset
        if label in person_labels and hi - lo > 1:
            starts = _word_starts(doc, lo, hi)
            if len(starts) > 1 and doc[lo:hi].text.islower() and not _name_marks(doc, lo, hi):
                if lower_doc is None:
                    lower_doc = not any(c.isupper() for c in doc.text)
                # a list of names goes on after the comma (``chiamaka qai , zafuo marchetti
                # and ...``): another span there, with a comma or ``and`` after it
                listed = any(s == end + 1 and _goes_on(doc, e - offset) for s, e, _ in spans)
                if lower_doc and _switches(doc, lo, hi, len(starts), listed):
                    # the first word that is no word of address (``bhaiya navdeep ...``)
                    k = next((k for k, i in enumerate(starts) if not _address(doc[i].text)), 0)
                    start = offset + starts[k]
                    end = offset + (starts[k + 1] if k + 1 < len(starts) else hi)
        out.append((start, end, label))
    return out


def _address(text: str) -> bool:
    """Whether ``text`` is a title, a relation word, an honorific or a chat word."""
    return is_title(text) or is_after_title(text) or is_chat_word(text)


def _word_starts(doc: Doc, start: int, end: int) -> List[int]:
    """The positions of the tokens that start a word of ``doc[start:end]`` (a hyphenated
    word, ``min-jae``, is one)."""
    return [i for i in range(start, end) if i == start or doc[i - 1].whitespace_]


def _switches(doc: Doc, start: int, end: int, words: int, listed: bool) -> bool:
    """Whether the words after the first of the lower-case name ``doc[start:end]`` of
    ``words`` words belong to another language (see the module); ``listed``: whether another
    span starts right after the comma that follows it."""
    if words > MAX_WORDS:
        return True
    if words == MAX_WORDS:
        return not int(name_kinds(doc, end - 1, end)[0]) & SURNAME
    comma = end < len(doc) and doc[end].text == ","
    return words == 2 and start == 0 and comma and not listed


def _goes_on(doc: Doc, i: int) -> bool:
    """Whether a list goes on at ``doc[i]``: a comma, ``and`` or ``&``."""
    return i < len(doc) and doc[i].lower_ in (",", "and", "&")


def _name_marks(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` holds an initial or a name's particle (``chika w. okwu``,
    ``kha bin layla shaheen``): a name's words, not another language's."""
    return any(
        token.text in NAME_PARTICLES or (len(token.text) == 2 and token.text.endswith("."))
        for token in doc[start + 1 : end]
    )
