"""Words and tokens: which tokens continue a hyphenated word, which hold no word at all.

spaCy's tokenizer splits ``Adebayo-Cole`` and ``co-wrote`` into three tokens each, while
CoNLL-style corpora keep a hyphenated word as one token, so a gold name there always starts
and ends at a word's edge. The decoder (``bio.decode_tags``) uses these joins to keep every
piece of such a word on the same side of an entity's boundary, and a model trained on such
corpora reads each hyphenated word as the one token it was trained on (:func:`word_spans`,
:func:`hyphen_styles`). :func:`trim_edges` keeps tokens with no letter or digit (``!``,
quotes, emoji), e-mail addresses and ``@handles`` off an entity's edges, and
:func:`no_name_word` tokens with no letter or with a digit (``79th``, ``B12``) off a
person's.
"""

import re
from typing import Callable, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from spacy.attrs import IS_ALPHA, ORTH, SHAPE, SPACY
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Token

from .types import Bools1d, Bools2d, Ints1d, Uint64s2d

# The token attributes that joins are read from, in this order (``doc.to_array``).
JOIN_ATTRS = (ORTH, SPACY, IS_ALPHA)
HYPHEN = get_string_id("-")
_NONE = np.zeros((0,), dtype="int64")
# A token shape with a hyphen between letters: one token for a whole hyphenated word.
_WHOLE_HYPHENATED = re.compile(r"[xX]-[xX]")


def hyphen_joins(doc: Doc) -> Bools1d:
    """``joins[i]`` is True where token ``i`` continues the word of token ``i - 1``.

    That is a ``-`` with no space on either side between a piece that ends with a letter and
    one that starts with one (``Adebayo`` ``-`` ``Cole``, ``O'Donoghue`` ``-`` ``Byrne``), and
    the token after it. Dashes with spaces, ``--``, ``–`` and hyphens next to digits
    (``1996-08-30``, ``Covid-19``) are left alone.
    """
    attrs = doc.to_array(list(JOIN_ATTRS)).reshape((len(doc), len(JOIN_ATTRS)))
    return join_mask(join_positions(attrs, [len(doc)], doc.vocab.strings), len(doc))[0]


def join_positions(
    attrs: Uint64s2d, lengths: Sequence[int], strings: Optional[StringStore] = None
) -> List[Ints1d]:
    """The positions where :func:`hyphen_joins` is True, per doc, from a batch's attributes.

    Args:
        attrs: ``(n_tokens, 3)``, the :data:`JOIN_ATTRS` of the batch's tokens, doc after doc.
        lengths: the docs' token counts.
        strings: the docs' string store, to read a piece that is not all letters
            (``O'Donoghue``); None counts only pieces of letters alone.
    Returns: one sorted array of token indices per doc (most are empty).
    """
    orth, space, alpha = np.asarray(attrs).T
    ends = np.cumsum(np.asarray(lengths, dtype="int64"))
    starts = ends - np.asarray(lengths, dtype="int64")
    hyphens = np.flatnonzero(orth == HYPHEN)
    # A hyphen at a doc's first or last token has no piece on one side.
    doc_of = np.searchsorted(ends, hyphens, side="right")
    hyphens = hyphens[(hyphens > starts[doc_of]) & (hyphens < ends[doc_of] - 1)]
    hyphens = hyphens[(space[hyphens - 1] == 0) & (space[hyphens] == 0)]
    before, after = alpha[hyphens - 1] == 1, alpha[hyphens + 1] == 1
    if strings is not None:  # O'Donoghue-Byrne: a piece need only meet the hyphen with a letter
        for i in np.flatnonzero(~(before & after)).tolist():
            h = int(hyphens[i])
            before[i] = before[i] or strings[int(orth[h - 1])][-1:].isalpha()
            after[i] = after[i] or strings[int(orth[h + 1])][:1].isalpha()
    inner = hyphens[before & after]
    joined = np.stack((inner, inner + 1), axis=1).ravel()
    positions: List[Ints1d] = [_NONE] * len(starts)
    if len(joined):
        doc_of = np.searchsorted(ends, joined, side="right")
        for i in np.unique(doc_of).tolist():
            positions[i] = joined[doc_of == i] - starts[i]
    return positions


def join_mask(positions: Sequence[Ints1d], width: int) -> Bools2d:
    """The ``(len(positions), width)`` mask that ``bio.decode_tags`` takes as ``joins``, from
    each row's :func:`join_positions`."""
    mask = np.zeros((len(positions), width), dtype=bool)
    for row, joined in enumerate(positions):
        if len(joined):
            mask[row, joined] = True
    return mask


def has_word(text: str) -> bool:
    """True if ``text`` holds a letter or a digit (in any script)."""
    return text.isalnum() or any(char.isalnum() for char in text)  # the first: a fast path


def _off_edge(token: Token) -> bool:
    """Whether :func:`trim_edges` moves an edge past ``token``: no word, an e-mail address
    (a mail header's ``Name <address>``: no entity ends with the address), an ``@handle``
    (``@the.real.nomvula``: a user name, not the person's; WNUT-17 tags none) or a hashtag's
    body (``#JusticeForJenny``)."""
    text = token.text
    if not has_word(text) or token.like_email or text.startswith("@"):
        return True
    # a hashtag's body (``#JusticeForJenny``): a tag, not the person's name
    return token.i > 0 and token.nbor(-1).text == "#" and not token.nbor(-1).whitespace_


def capital_word(token: Token) -> bool:
    """Whether ``token`` is a word of letters that starts with a capital (``Gwilym``,
    ``OBI``)."""
    return token.is_alpha and token.text[:1].isupper()


# Tokens after which a new sentence starts.
SENTENCE_ENDS = frozenset('. ! ? : ; " “ ( - – —'.split())


def opens_sentence(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` opens the doc, a sentence or a line."""
    return i == 0 or doc[i - 1].text in SENTENCE_ENDS or "\n" in doc[i - 1].text


def name_run_end(doc: Doc, start: int, max_words: int, is_word: Callable[[Token], bool]) -> int:
    """Where the run of up to ``max_words`` words for which ``is_word`` holds, and hyphens
    with no space that join them, that starts at ``doc[start]`` ends (``start`` if none)."""
    end, words = start, 0
    while end < len(doc) and words < max_words:
        token = doc[end]
        if token.text == "-" and end > start and not doc[end - 1].whitespace_:
            if not token.whitespace_:
                end += 1
                continue
        if not is_word(token):
            break
        end += 1
        words += 1
    while end > start and doc[end - 1].text == "-":
        end -= 1
    return end


def skip_aside(doc: Doc, i: int, max_inside: int) -> int:
    """The position after an aside in brackets that opens at ``doc[i]`` (``(chair)``), of up
    to ``max_inside`` tokens between the brackets, or ``i``."""
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(i + max_inside + 2, len(doc))):
            if doc[j].text == ")":
                return j + 1
    return i


def no_name_word(token: Token) -> bool:
    """Whether ``token`` can be no word of a person's name: it holds no letter
    (:func:`no_letter`) or a digit (``B12``, ``MP3``; one token of CoNLL-2003's 8,442 person
    entities has one, a typo)."""
    return no_letter(token) or any(char.isdigit() for char in token.text)


def no_letter(token: Token) -> bool:
    """Whether ``token`` holds no letter (``1=``, ``.596``, ``1996``, ``!``): no word of a
    person's name, whose ranking places and statistics news copy writes beside it."""
    return not token.is_alpha and not any(char.isalpha() for char in token.text)


def trim_edges(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    offset: int = 0,
    off_edge: Callable[[Token], bool] = _off_edge,
    labels: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, int]]:
    """Move each span's edges inward past tokens that hold no word or are an e-mail address
    or an ``@handle`` (or, given ``off_edge``, past the tokens it picks); drop spans left
    empty.

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s
    (a batch's positions, doc after doc); given ``labels``, only spans of those label ids
    are trimmed. ``Lena !`` becomes ``Lena``; ``😊 😊`` goes; ``Lena Berg
    <lena@example.org`` becomes ``Lena Berg``.
    """
    trimmed = []
    for start, end, label in spans:
        if labels is not None and label not in labels:
            trimmed.append((start, end, label))
            continue
        while start < end and off_edge(doc[start - offset]):
            start += 1
        while end > start and off_edge(doc[end - 1 - offset]):
            end -= 1
        if start < end:
            trimmed.append((start, end, label))
    return trimmed


def word_spans(positions: Ints1d, length: int) -> Tuple[Ints1d, Ints1d]:
    """Each word's first token and token count in a doc of ``length`` tokens whose
    :func:`join_positions` are ``positions``: a hyphenated word is one word of several."""
    starts = np.ones((length,), dtype=bool)
    starts[np.asarray(positions, dtype="int64")] = False
    firsts = np.flatnonzero(starts)
    return firsts, np.diff(np.append(firsts, length))


def hyphen_styles(docs: Iterable[Doc]) -> Tuple[int, int]:
    """How ``docs`` write hyphenated words: ``(whole, split)``, the number of tokens that hold
    a hyphen between letters (``Eze-Okafor``: CoNLL-2003's gold tokens) and the number of
    hyphens that :func:`join_positions` would join were there no spaces (spaCy's tokens, or a
    CoNLL file written from them, where the spaces cannot tell ``Eze - Okafor`` from
    ``Eze-Okafor``)."""
    docs = [doc for doc in docs if len(doc)]
    if not docs:
        return 0, 0
    strings = docs[0].vocab.strings
    attrs = [SHAPE, *JOIN_ATTRS]
    table = np.concatenate([doc.to_array(attrs).reshape((len(doc), len(attrs))) for doc in docs])
    shapes, counts = np.unique(table[:, 0], return_counts=True)
    whole = sum(
        count
        for shape, count in zip(shapes.tolist(), counts.tolist())
        if _WHOLE_HYPHENATED.search(strings[shape])
    )
    joins = table[:, 1:].copy()
    joins[:, JOIN_ATTRS.index(SPACY)] = 0
    positions = join_positions(joins, [len(doc) for doc in docs], strings)
    return whole, sum(len(p) for p in positions) // 2  # a hyphen and the piece after it
