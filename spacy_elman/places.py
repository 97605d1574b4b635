"""Place names: ``Pamplona``, ``Nebraska`` and ``San Antonio`` name places, not people.

A tagger that reads a capitalised word it has not seen, in a list or as a sentence's subject,
as a person's name takes many places for people (``... parks in Donostia, Ballarat
and Pamplona``); so does one that knows ``Antonio`` as a given name in ``San Antonio``. The
GeoNames names of cities of 50,000 people or more, countries, US states and continents
(``tools/make_places.py`` builds ``data/place_names.npz``) tell most of them apart: in
CoNLL-2003 train and dev 24 of the 8,442 person entities are such a place (13 of them one
surname, ``Cork``), against 6,390 place, organisation and other entities (``Moscow``, ``Sri
Lanka``, ``Wigan`` as a club). :func:`drop_places` drops a person entity that is such a
place, or that with the capitalised word before or after it is a place of several words
(``South`` + ``Korea``). One-word places that are also person names (``Florence``,
``Jackson``, ``Paris``) are not in the table: the model decides those. A place in capitals
that opens a dateline (``DARWIN, Dec 30 -``) is dropped whether the table holds it or not:
in CoNLL-2003 train and dev 23 sentences open with capitals, a comma and a month, and none
with a person entity. So is the place after a person's age and ``of`` (``Lyndon Quilliam, 44,
of Douglas``, ``aged 86, of Haslemere``), where court reports and death notices say where
the person lives, and a name after a place's first word (``Port Elizabeth``, ``Lake
Constance``), and (the twenty-sixth session) a name after ``near``, ``above`` or ``across``,
after a verb of moving or travelling and ``to`` (``emigrated to Otago``) or after ``a singer
from``, and the dateline's place named again later (``OAMARU, Feb 12 - ... off Oamaru``).
"""

from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Optional, Sequence, Tuple

from spacy.strings import get_string_id
from spacy.tokens import Doc

from .errors import Errors
from .ordinary import MONTHS
from .tables import load_table
from .titles import is_title

PLACES_PATH = Path(__file__).parent / "data" / "place_names.npz"
ONE_WORD, SEVERAL_WORDS = 1, 2


@lru_cache(maxsize=1)
def place_sets() -> Tuple[FrozenSet[int], FrozenSet[int]]:
    """The hashes of the one-word places' lower forms, and of the several-word places' lower
    tokens joined by single spaces."""
    keys, ids = load_table(PLACES_PATH, Errors.E027)
    one = frozenset(keys[ids == ONE_WORD].tolist())
    several = frozenset(keys[ids == SEVERAL_WORDS].tolist())
    return one, several


def is_place(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is a place of the table, alone or with the capitalised word
    before or after it (``San`` + ``Antonio``, ``South`` + ``Korea``)."""
    one, several = place_sets()
    if end - start == 1 and doc[start].lower in one:
        return True
    words = [doc[i].lower_ for i in range(start, end)]
    if end - start > 1 and get_string_id(" ".join(words)) in several:
        return True
    if start > 0 and doc[start - 1].text[:1].isupper():
        if get_string_id(" ".join([doc[start - 1].lower_, *words])) in several:
            return True
    if end < len(doc) and doc[end].text[:1].isupper():
        return get_string_id(" ".join([*words, doc[end].lower_])) in several
    return False


def opens_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is the place in capitals that opens a dateline: the doc's
    first words, all in capitals, then a comma and a month within the next four words
    (``DARWIN, Dec 30 -``, ``EUGENE, Ore., June 28 -``)."""
    if start != 0 or end + 1 >= len(doc) or doc[end].text != ",":
        return False
    if not all(doc[i].text.isupper() and doc[i].is_alpha for i in range(start, end)):
        return False
    return any(
        doc[i].text.lower().rstrip(".") in MONTHS for i in range(end + 1, min(end + 5, len(doc)))
    )


# Words that open a place's name, as written (``Port Elizabeth``, ``Fort William``, ``Lake
# Constance``, ``Mount Kenya``, ``Cape Coast``): a person entity that starts with one (of two
# words or more) or follows one is the place. None starts or follows a CoNLL-2003 person
# entity; 18 of its place and organisation entities start with one.
# ``County`` (``County Monaghan``) the twenty-sixth session: none in CoNLL-2003 either.
PLACE_PREFIXES: FrozenSet[str] = frozenset("Port Fort Mount Mt Lake Cape County".split())
# Articles before the role of ``a singer from Kautokeino``.
ARTICLES: FrozenSet[str] = frozenset(("a", "an"))
# Verbs of moving home before ``to`` and a place (``emigrated to Otago``); none stands before
# ``to`` and a person entity in CoNLL-2003 train or dev.
MOVING_VERBS: FrozenSet[str] = frozenset(
    """
    emigrate emigrated emigrates emigrating migrate migrated relocate relocated relocating
    moved fled sailed travelled traveled flew flown drove driven headed
    """.split()
)
# Words between such a verb and ``to`` (``drove down to Petra``).
VERB_PARTICLES: FrozenSet[str] = frozenset("down up over back out".split())
# Prepositions of place before a name (``the hill above Kororāreka``): no CoNLL-2003 person
# entity follows one, 25 place entities follow ``near`` and 6 ``across``.
PLACE_PREPOSITIONS: FrozenSet[str] = frozenset("near above across".split())


def after_prefix(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` starts with a place's first word or follows one."""
    return (end - start > 1 and doc[start].text in PLACE_PREFIXES) or (
        start > 0 and doc[start - 1].text in PLACE_PREFIXES
    )


def dateline_place(doc: Doc) -> Optional[str]:
    """The lower-cased place in capitals that opens ``doc``'s dateline (``OAMARU, Feb 12 -``;
    :func:`opens_dateline`), or None."""
    if not doc or not (doc[0].is_alpha and doc[0].is_upper):
        return None
    end = 1
    while end < len(doc) and doc[end].is_alpha and doc[end].is_upper:
        end += 1
    return doc[:end].text.lower() if opens_dateline(doc, 0, end) else None


def after_age(doc: Doc, start: int) -> bool:
    """Whether ``doc[start]`` follows a person's age and ``of`` (``Lyndon Quilliam, 44, of
    Douglas``, ``..., aged 86, of Haslemere``): where court reports and death notices say a
    person lives."""
    if start < 4 or doc[start - 1].lower_ != "of" or doc[start - 2].text != ",":
        return False
    if not doc[start - 3].text.isdigit():
        return False
    before = doc[start - 4]
    return before.text == "," or (
        before.lower_ == "aged" and start > 4 and doc[start - 5].text == ","
    )


def after_place_word(doc: Doc, start: int) -> bool:
    """Whether ``doc[start]`` follows ``near``, ``above`` or ``across`` (``near Odumase
    Krobo``), a verb of moving or travelling and ``to`` (``emigrated to Otago``, ``drove down
    to Petra``), or ``from`` after a person's role and its article (``a joik singer from
    Kautokeino``): where a place stands.

    In CoNLL-2003 train and dev no person entity follows those prepositions or verbs;
    none follows ``from`` after an article and a role, where ``from`` after a role with no
    article names the person before (``took over as captain from Neale Fraser``).
    """
    if start < 1:
        return False
    before = doc[start - 1].text
    if before in PLACE_PREPOSITIONS:
        return True
    if before == "to":
        verb = start - 2
        if verb > 0 and doc[verb].lower_ in VERB_PARTICLES:
            verb -= 1
        return verb >= 0 and doc[verb].lower_ in MOVING_VERBS
    if before != "from" or start < 3 or not is_title(doc[start - 2].text):
        return False
    return any(doc[i].lower_ in ARTICLES for i in range(max(0, start - 5), start - 2))


def drop_places(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Drop each person span that is a place (:func:`is_place`), or the place that opens the
    doc's dateline (:func:`dateline_place`) there or again later (``OAMARU, Feb 12 - ... off
    Oamaru``), or that follows an age and ``of`` (:func:`after_age`), a place's first
    word (:func:`after_prefix`), ``near`` or a role's ``from`` (:func:`after_place_word`).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans may be dropped.
    """
    dateline = dateline_place(doc)
    return [
        (start, end, label)
        for start, end, label in spans
        if label not in person_labels
        or not (
            is_place(doc, start - offset, end - offset)
            or (
                dateline is not None and doc[start - offset : end - offset].text.lower() == dateline
            )
            or after_age(doc, start - offset)
            or after_prefix(doc, start - offset, end - offset)
            or after_place_word(doc, start - offset)
        )
    ]
