"""A name after an honorific: ``Mrs Quennell would like to thank ...`` and ``Dr. Abeysekera``
name a person, whatever the tagger made of the name itself.

Letters, newsletters, minutes and news write a person's surname after ``Mr``, ``Mrs``,
``Ms``, ``Mx``, ``Dr`` or ``Prof``, and family notes a name after ``Auntie``, ``Uncle`` or
``Grandma`` (``a card for Auntie Myfanwy``; twice in CoNLL-2003 train and dev, both people),
and a tagger that does not know an unusual surname often
reads the honorific's capital alone. In CoNLL-2003 train and dev the capitalised word after
one of the honorifics below is in a person entity 17 times and elsewhere 11: twice a title
(``Mr. President``), nine times a contest or a place after ``Miss`` (``Miss Universe``, ``Miss
Venezuela``), most of which the rule leaves out. :func:`take_honorifics` tags the one to
three capitalised words after such an honorific (and its full stop) that no span touches,
unless the first is a title, a stop word or a place. The clergy's and police ranks (``Revd``,
``Sergeant``, ``Detective``, ``Inspector``; the twenty-sixth session) come before a person
all 7 times a capitalised word follows one in CoNLL-2003 train and dev, and offices
(``President``, ``Minister``, ``Mayor``, ``Judge``) 272 times of 276 (two titles, ``Prime
Minister Sheikh Hasina``, and two annotation slips). Nor is a name one that an eponym's head
or modifier follows (``President Kennedy Airport``). The list was written for this project.

A relation or a role in lower case (``her son Athelstan``, ``my late husband Lahcen``,
``winger Arbnor Ferati``; the twenty-ninth session) names a person the same way, where the
word after it is no word the Brown clusters know (``surnames.rare_capital``): in CoNLL-2003
train and dev, WNUT-17 dev and the check sets read before, such a word after one of
``titles.RELATIONS`` starts a person entity all 93 times but once, ``its partner Minorco``,
and ``partner`` is left out. The CoNLL-2003 command's model (seed 0) missed 10 of the 93.
"""

from typing import FrozenSet, List, Optional, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .bio import touches
from .eponyms import is_eponym_head, is_eponym_modifier
from .headlines import HEADLINE_VERBS
from .places import is_place
from .surnames import rare_capital
from .titles import RELATIONS, name_word
from .words import name_run_end

# Honorifics before a surname, as written, without a final ".".
HONORIFICS: FrozenSet[str] = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Miss MR MRS MS DR Auntie Aunty Aunt Uncle Grandma Grandpa Granny
    Grandad Grandmother Grandfather
    Rev Revd Reverend Sergeant Sgt Inspector Constable Colonel Col Detective President Senator
    Governor Mayor Chancellor Pope Bishop Judge Minister Cllr Cllrs
    """.split()
)
# Their ORTH ids: a doc without one holds no name this rule finds.
HONORIFIC_IDS = frozenset(get_string_id(form) for word in HONORIFICS for form in (word, word + "."))
# Relations and roles in lower case (``titles.RELATIONS``: ``her son Athelstan``, ``my late
# husband Lahcen``; the twenty-ninth session), before a name whose first word has no Brown
# cluster; not ``partner``, which also comes before a firm (``its partner Minorco``). Their
# ORTH ids: a doc without one or an honorific holds no name this rule finds.
RELATION_WORDS: FrozenSet[str] = RELATIONS - {"partner"}
RELATION_IDS = frozenset(get_string_id(word) for word in RELATION_WORDS)
CUE_IDS = HONORIFIC_IDS | RELATION_IDS
# Words after ``Miss`` that make a contest's title (``Miss Universe``).
CONTESTS: FrozenSet[str] = frozenset("universe world earth teen international".split())
# How many words the name may have.
MAX_WORDS = 3


def take_honorifics(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    person_labels: Sequence[int],
    offset: int = 0,
    tokens: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for each name after an
    honorific that no span touches (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted. ``tokens``: the ``ORTH`` ids of the doc's tokens, if
    the caller has them.
    """
    if tokens is None:
        tokens = doc.to_array(ORTH).tolist()
    if not person_labels or CUE_IDS.isdisjoint(tokens):
        return list(spans)
    found = []
    for i in [i for i, orth in enumerate(tokens[:-1]) if orth in CUE_IDS]:
        if tokens[i] in RELATION_IDS:
            if not rare_capital(doc[i + 1].text):
                continue  # a known word: the tagger has read it (``her son Harry``)
            start = i + 1
        elif i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            continue  # the end of a compound title (``Prince-Bishop``)
        else:
            start = i + 2 if doc[i + 1].text == "." else i + 1
        end = name_run_end(doc, start, MAX_WORDS, _name_word)
        if end == start or doc[start].lower_ in CONTESTS or is_place(doc, start, end):
            continue
        if _named_after(doc, start, end):  # ``President Kennedy Airport``
            continue
        if tokens[i] in RELATION_IDS and end < len(doc) and _name_word(doc[end]):
            continue  # longer than MAX_WORDS: where it ends is not known
        lo, hi = start + offset, end + offset
        if not touches(spans, lo, hi):
            found.append((lo, hi, person_labels[0]))
    return sorted([*spans, *found]) if found else list(spans)


def _named_after(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` holds or comes before an eponym's head or modifier: a thing
    named after the person (``Sheikh Zayed Grand Mosque``, ``President Kennedy Airport``)."""
    last = end + 1 if end < len(doc) else end
    return any(is_eponym_head(t.text) or is_eponym_modifier(t.text) for t in doc[start:last])


def _name_word(token: Token) -> bool:
    """Whether ``token`` may be a word of the name: a name word (``titles.name_word``) that is
    no headline's verb (``Mayor Beaumont Vows to Fix Potholes``)."""
    return name_word(token) and token.lower_ not in HEADLINE_VERBS
