"""Names in chat by the words around them: ``tiwonge pls delete the pic``, ``wojtek did u get
the tickets``, ``ailsa n morven did the parkrun`` and ``PENITALA WHERE U AT`` address or name a
person with their first word; ``thank you ibukun!!`` and ``chidubem's thing`` name one later.

Text messages start with the name of the person they address, written in lower case (or all in
capitals) like the rest of the line. A tagger finds such a name when it knows it, from the name
lists or its training data, but a lower-case word it never met at a line's start is as likely a
word to it as a name. The words after it tell: a line that goes on in the second person (``u``,
``ur``, ``did``, ``pls``, ``where``) or with ``and``/``&``/``n`` and another name. Ordinary
words that open such lines (``guys``, ``mum``, ``omg``, ``ok``) are stop words, chat words,
relation words or common English words, and every common English word has a Brown cluster; most
unusual names have none. :func:`take_vocatives` tags the first word of a line written in one
case when it is a word of letters without a cluster that is none of those, and the second word
is one of the words below; with ``and``/``&``/``n`` (or ``y``, ``e``, ``och``, ``und``, ``et``,
``og``), also the word after it when that is such a word too, and also when the tagger found the
first name; a word that chat writes after a name it addresses may stand between (``dougie bro u
...``); or a word that tells what the person did (``dasha sent the playlist``, ``is``,
``just``). Such a word elsewhere in the line is a name too where the line thanks, greets or
cheers it before a symbol, ``for``/``on`` or the line's end (``thank you ibukun!!``, ``happy
30th gurleen``, ``big up kobby for ...``), writes it with a possessive (``who's coming to
chidubem's thing``), after a word that asks for a message to be passed on (``remind shahzaib
that ...``), after a relation word or a title (``my little sis eleri``), joined to ``me`` (``me
n reyansh``) or in a hashtag (``#TeamMakana``). The lists were written for this project.
"""

import re
from typing import FrozenSet, Iterable, List, Sequence, Tuple

import numpy as np
from spacy.attrs import IS_UPPER, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .chat import is_chat_word
from .clusters import has_cluster
from .headlines import HEADLINE_VERBS
from .titles import RELATIONS, TITLES, is_after_title


def _ids(words: Iterable[str]) -> FrozenSet[int]:
    """The string ids of ``words``."""
    return frozenset(get_string_id(word) for word in words)


# Second words of a line that addresses someone: ``u``, ``ur``, ``did u``, ``are we``, ``pls``.
SECOND_PERSON = frozenset(
    """
    u ur did are r pls plz abeg where stop bring text answer call can have wya when wake come
    check send you your ya you're youre lmk hmu wyd ily wbu hbu do
    """.split()
)
# Words that join two names (``ailsa n morven``, ``begoña y itsaso``, ``vilja och torsten``,
# ``teva or okko?``).
JOINERS = frozenset({"and", "&", "n", "y", "e", "och", "und", "et", "og", "or"})
# Words that open a chat line before a name (``gg, batbayar clutching ...``), besides the
# chat words of ``chat``.
OPENERS = frozenset("gg yo oi ya hey ok okay ugh wait so bruh".split())
# Words after a name that opens a line and tells what the person did (``dasha sent the
# playlist``), and the verbs of headlines (``OYEWUMI SEALS TITLE ...``).
THIRD_PERSON = (
    frozenset(
        """
        sent said says just told texted posted got is was has seals stuns strikes sinks fires
        leads beats tops hits scores downs edges routs thrashes fell left won lost forgot made
        bought ate took came went broke finally actually never always
        """.split()
    )
    | HEADLINE_VERBS
)
# Words right before a name that a line thanks, greets or cheers (``thank you ibukun!!``,
# ``thx ebuka``, ``happy birthday gurleen``, ``well done mags``, ``good luck tayo``), and
# ordinals after ``happy`` (``happy 30th gurleen``).
CUES = frozenset(
    "thanks thx ty tysm congrats congratulations done luck birthday bday anniversary".split()
)
# Cues of two words: the second, and the first words it needs (``thank you``, ``big up``).
PAIR_CUES = {
    "you": frozenset("thank love luv miss".split()),
    "u": frozenset("thank love luv miss".split()),
    "up": frozenset({"big"}),
}
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# Words that may follow such a name (``thanks kobby for the lift``); so may a symbol.
AFTER_CUE = frozenset({"for", "on"})
# Words that ask someone to pass a message on, before a name (``tell ronan to save me a
# seat``, ``remind shahzaib that ...``), and the words that may follow that name (the
# twenty-sixth session).
TELL_CUES = frozenset("tell remind ask text ping msg message dm".split())
AFTER_TOLD = frozenset("to that if about where when how what for".split())
# Possessive words before a relation word (``my aunty rubina``).
POSSESSORS = frozenset("my our your ur his her their".split())
# Words joined to a name by ``and``/``&``/``n`` that make it a person (``me n reyansh``).
ME = frozenset({"me"})
# The first words of hashtags that cheer, back or mourn a person (``#TeamMakana``,
# ``#VoteRuqayyah``, ``#JusticeForX``), lower-cased.
HASHTAG_PREFIXES = (
    "team",
    "vote",
    "justicefor",
    "rip",
    "happybirthday",
    "prayfor",
    "free",
    "welcome",
    "go",
    "love",
    "thankyou",
    "congrats",
)
_HASH = get_string_id("#")
# Words before a shop's or a firm's possessive (``the new mcdonald's``), not a person's.
BEFORE_SHOPS = frozenset("the a an this that new old local nearest".split())
# Possessive endings after a name (``chidubem's thing``).
POSSESSIVES = frozenset({"'s", "’s"})
# The words one or two back from a relation word that make the next one a name: possessives
# and cues of greetings (``happy bday tante mirjam``).
_BEFORE_RELATION = POSSESSORS | CUES
# The lower forms' ids of the words each finder needs, for a quick look at a doc's words.
_CUE_IDS = _ids(CUES | set(PAIR_CUES) | {"happy"})
_TELL_IDS = _ids(TELL_CUES)
_RELATION_IDS = _ids(RELATIONS | TITLES)
_JOINER_IDS = _ids(JOINERS)
_ME_IDS = _ids(ME)
_POSSESSIVE_IDS = _ids(POSSESSIVES)


def opens_in_one_case(doc: Doc) -> bool:
    """Whether ``doc``'s first word is written in one case and is no number, as a chat line's
    may be: most docs show two cases in their first word, tables a number."""
    first = doc[0].text
    return (first.lower() == first or first.upper() == first) and not first[:1].isdigit()


def take_vocatives(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for each name that a line
    written in one case opens, thanks or writes with a possessive (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted.
    """
    if not person_labels or len(doc) < 2 or not opens_in_one_case(doc):
        return list(spans)
    attrs = doc.to_array([ORTH, LOWER, IS_UPPER])
    if not _one_case(attrs):
        return list(spans)
    # each finder reads the doc only if a word it needs is there
    words = set(attrs[:, 1].tolist())
    taken = set(_opening(spans, doc, offset, person_labels))
    if words & _CUE_IDS:
        taken.update(_thanked(doc))
    if words & _TELL_IDS:
        taken.update(_told(doc))
    if words & _RELATION_IDS:
        taken.update(_after_relation(doc))
    if words & _JOINER_IDS and words & _ME_IDS:
        taken.update(_with_me(doc))
    if words & _POSSESSIVE_IDS:
        taken.update(_possessive(doc))
    if _HASH in words:
        taken.update(_hashtagged(doc))
    if taken and doc.text.upper() != doc.text:
        # in a lower-case line, a word in capitals is a name shouted (``lol TORLEIF did NOT``)
        # only if it has four letters or more and a vowel: not ``RDR said``, ``WTH did``
        taken = {i for i in taken if doc[i].text.islower() or _shouted(doc[i].text)}
    inside = {i for start, end, _ in spans for i in range(start - offset, end - offset)}
    label = person_labels[0]
    new = [(offset + i, offset + i + 1, label) for i in sorted(taken) if i not in inside]
    return sorted([*spans, *new]) if new else list(spans)


def _opening(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, offset: int, persons: Sequence[int]
) -> List[int]:
    """The positions of the names that open the line or a clause of it (after a chat word
    that opens the line, or after a comma), and of a second one joined to each."""
    starts = [0]
    if len(doc) > 2 and (is_chat_word(doc[0].text) or doc[0].lower_ in OPENERS):
        starts.append(1)  # ``omg ifedayo you did ...``, ``gg, batbayar ...``
    starts.extend(i + 1 for i in range(1, len(doc) - 2) if doc[i].text == ",")
    found: List[int] = []
    for p in starts:
        found.extend(_opening_at(spans, doc, offset, persons, p))
    return found


def _opening_at(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, offset: int, persons: Sequence[int], p: int
) -> List[int]:
    """The position ``p`` if a name stands there before a second-person word, a report or a
    joiner (see the module), and that of a second name joined to it."""
    if p + 1 >= len(doc):
        return []
    at = [span for span in spans if span[0] == offset + p]
    if at:
        # a person found there: only a second one joined to it is left to find
        joined = at[0][1] == offset + p + 1 and p + 2 < len(doc)
        joined = joined and doc[p + 1].lower_ in JOINERS and at[0][2] in persons
        if joined and not any(start == offset + p + 2 for start, _, _ in spans):
            return [p + 2] if _unusual_word(doc[p + 2]) else []
        return []
    second = doc[p + 1].lower_
    # a word that addresses the person or a chat word between: ``dougie bro u still owe me``,
    # ``tallulah omg ur puppy ...`` (not ``jemp u still ...``: ``u`` is the second-person word)
    between = is_after_title(doc[p + 1].text) or (
        is_chat_word(doc[p + 1].text) and second not in SECOND_PERSON
    )
    if between and p + 2 < len(doc):
        second = doc[p + 2].lower_
        if second not in SECOND_PERSON and second not in THIRD_PERSON:
            return []
    joined = second in JOINERS and p + 2 < len(doc)
    if second not in SECOND_PERSON and second not in THIRD_PERSON and not joined:
        return []
    if not _unusual_word(doc[p]):
        return []
    if not joined or any(start == offset + p + 2 for start, _, _ in spans):
        return [p]
    return [p, p + 2] if _unusual_word(doc[p + 2]) else []


def _thanked(doc: Doc) -> List[int]:
    """The positions of unusual words that a line thanks, greets or cheers, before a symbol,
    ``for``/``on`` or the line's end."""
    found = []
    for j in range(1, len(doc)):
        before = doc[j - 1].lower_
        cue = before in CUES or (
            j > 1 and doc[j - 2].lower_ == "happy" and bool(_ORDINAL.match(before))
        )
        if before in PAIR_CUES and j > 1 and doc[j - 2].lower_ in PAIR_CUES[before]:
            cue = True
        if not cue:
            continue
        if j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].lower_ not in AFTER_CUE:
            continue
        if _unusual_word(doc[j]):
            found.append(j)
    return found


def _told(doc: Doc) -> List[int]:
    """The positions of unusual words that a line asks to be told something, before ``to``,
    ``that``, ``if`` or the like (``tell ronan to ...``, ``remind shahzaib that ...``)."""
    return [
        j
        for j in range(1, len(doc) - 1)
        if doc[j - 1].lower_ in TELL_CUES
        and doc[j + 1].lower_ in AFTER_TOLD
        and _unusual_word(doc[j])
    ]


def _after_relation(doc: Doc) -> List[int]:
    """The positions of unusual words right after a relation word or a title in lower case
    that opens the line or follows a possessive or a cue one or two words back (``my aunty
    rubina``, ``my little sis eleri``, ``coach kiprono ...``, ``happy bday tante mirjam``;
    not ``a fidget spinner vid``)."""
    return [
        j
        for j in range(1, len(doc))
        if doc[j - 1].text.islower()
        and (doc[j - 1].text in RELATIONS or doc[j - 1].text in TITLES)
        and (j == 1 or any(doc[k].lower_ in _BEFORE_RELATION for k in range(max(0, j - 3), j - 1)))
        and _unusual_word(doc[j])
    ]


def _with_me(doc: Doc) -> List[int]:
    """The positions of unusual words joined to ``me`` (``me n reyansh``, ``zainab and me``)."""
    found = []
    for j, token in enumerate(doc):
        left = j > 1 and doc[j - 1].lower_ in JOINERS and doc[j - 2].lower_ in ME
        right = j + 2 < len(doc) and doc[j + 1].lower_ in JOINERS and doc[j + 2].lower_ in ME
        if (left or right) and _unusual_word(token):
            found.append(j)
    return found


def _hashtagged(doc: Doc) -> List[int]:
    """The positions of unusual words that a hashtag of the line cheers or mourns
    (``#TeamMakana ... makana deserves the win``, ``#VoteRuqayyah``)."""
    named = set()
    for i in range(len(doc) - 1):
        if doc[i].text == "#" and not doc[i].whitespace_:
            tag = doc[i + 1].lower_
            prefix = next((p for p in HASHTAG_PREFIXES if tag.startswith(p)), None)
            if prefix is not None and len(tag) > len(prefix) + 1:
                named.add(tag[len(prefix) :])
    return [
        i
        for i, token in enumerate(doc)
        if token.lower_ in named and (i == 0 or doc[i - 1].text != "#") and _unusual_word(token)
    ]


def _possessive(doc: Doc) -> List[int]:
    """The positions of unusual words before a possessive ending, but not after an article
    or an adjective of a shop's (``the new mcdonald's``)."""
    return [
        i
        for i, token in enumerate(doc[:-1])
        if doc[i + 1].text in POSSESSIVES
        and (i == 0 or doc[i - 1].lower_ not in BEFORE_SHOPS)
        and _unusual_word(token)
    ]


def _shouted(text: str) -> bool:
    """Whether a word in capitals may be a name: four letters or more, one of them a vowel."""
    return len(text) >= 4 and any(c in "AEIOUY" for c in text)


def _one_case(attrs: np.ndarray) -> bool:
    """Whether a doc has no word but a hashtag written with a capital and small letters (a
    chat line, in lower case with words in capitals or not), from its ``ORTH``, ``LOWER`` and
    ``IS_UPPER`` columns."""
    cased = (attrs[:, 0] == attrs[:, 1]) | (attrs[:, 2] == 1)  # no capital, or all capitals
    cased[1:] |= attrs[:-1, 0] == _HASH  # a hashtag may have capitals (``#TeamMakana``)
    return bool(cased.all())


def _unusual_word(token: Token) -> bool:
    """Whether ``token`` is a word of letters that no list here or in ``titles`` and ``chat``
    holds, and that has no Brown cluster in either case."""
    text = token.text
    lower = text.lower()
    if not text.isalpha() or len(text) < 2 or token.is_stop or is_chat_word(text):
        return False
    if lower in TITLES or lower in RELATIONS or is_after_title(lower):
        return False
    return not has_cluster(token)
