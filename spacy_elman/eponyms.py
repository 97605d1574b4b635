"""Things named after people: ``Nelson Mandela Boulevard``, ``the Ford Foundation``, ``the
Davis Cup`` name a street, a charity and a trophy, not a person.

CoNLL-2003's and OntoNotes' guidelines tag such a name as a place, an organisation or a
miscellaneous entity as a whole, and so does this project's check set. A tagger that knows
``Nelson Mandela`` as a person tends to tag it in ``Nelson Mandela Boulevard`` too, or to
take the whole street for a person. In CoNLL-2003 train and dev (8,442 person entities) no
person entity is directly followed by one of the words below written with a capital, and
two end with one (``North Island`` and ``Domingo Hospital``), while 637 of their other
entities end with one (``Cup``, ``City``, ``University``, ``Street``). :func:`drop_eponyms`
drops a person entity that such a word follows (also past ``International`` or
``Memorial``; a syndrome, a theorem or an effect also in lower case) or, unless it is also a
surname, ends. It also drops a storm's name (``Hurricane Edith``: CoNLL-2003 tags the five
it holds as miscellaneous or place names) and a saint's name before a possessive
(``St. Aidan's Well``, ``Saint Ita's Hospital``: a church, a well, a school or a feast;
no CoNLL-2003 person entity stands there), a ship's name after its prefix (``RRS Sir
David Attenborough``, ``USS Ronald Reagan``) or after a vessel in lower case (``his ship
Fram``), a name before a possessive and a head (``Halley's Comet``), a dish's (``Caesar
salad``, ``Beef Wellington``) and a street's in another language (``Jalan Sudirman``,
``Calle Mayor``). The lists are English and were written for this project.
"""

from functools import lru_cache
from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc

from .titles import is_title

# The last word of a place, building, organisation, firm, prize or condition named after a
# person, lower-cased. Written with a capital right after a person entity, it makes the
# entity part of that name. Not here: abbreviations that also start names (``St``), words
# that often follow a name in a title-case headline (``Says``, ``Named``), and heads that are
# common surnames too (``Hall``, ``House``, ``Lane``, ``Park``, ``Church``, ``Temple``,
# ``Castle``, ``Law``: ``Stuart Hall``, ``Jae-sung Park``, where a tagger that stops before
# the surname has still found a person). The second block (the twentieth session): buildings,
# firms' last words and named results, none after or inside a CoNLL-2003 person entity. The
# third (the twenty-first): regions named after people (``Victoria Land``, ``Ogun State``
# after a ruler, a river or a god) and shipping firms' last words; none follows a CoNLL-2003
# person entity. The fourth (the twenty-fourth): professional firms' last words (``Zaha Hadid
# Architects``), none after a CoNLL-2003 person entity either. The fifth (the twenty-fifth):
# rooms and wards named after a person (``the Darwin Room``, ``the Nightingale Ward``; ``Ward``
# and ``Wing``, surnames too, drop a person entity they follow, not one they end).
EPONYM_HEADS: FrozenSet[str] = frozenset(
    """
    street avenue boulevard road drive highway expressway freeway tunnel bridge square plaza
    gardens station airport stadium arena tower building centre center museum gallery library
    theatre theater hospital clinic institute university college school academy foundation
    trust fund charity inc ltd llp llc plc corp corporation co company group partners
    associates motor motors bros brothers prize prizes award awards medal trophy cup lecture
    fellowship scholarship memorial syndrome disease telescope city county island islands bay
    falls river strait valley
    hotel hotels inn cathedral chapel mosque palace prison laboratory laboratories observatory
    software instruments industries holdings airlines airways records studios publishing
    pharmaceuticals foods systems technologies enterprises ventures capital glacier crater
    nebula comet theorem equation conjecture lemma paradox
    state province land region territory district lines shipping marine freight
    architects solicitors accountants surveyors consultants engineers lawyers engineering
    construction logistics haulage builders
    room lounge suite ward wing
    club society mall quartet quintet trio ensemble orchestra collective choir almshouses
    arms terrace crescent grove mews close
    """.split()
)
# Legal forms of firms in other countries, as written, without a final "." (``Pettersen
# Kjeldsberg AS``, ``Brenninkmeyer GmbH``; the twenty-ninth session): case matters, since
# ``as``, ``se`` and ``sa`` are words too. In CoNLL-2003 train and dev they end 33
# organisations and follow no person entity.
FIRM_FORMS: FrozenSet[str] = frozenset(
    """
    AS ASA AB AG SA S.A NV N.V BV B.V GmbH KG Oy Oyj SpA S.p.A Srl SRL Pty Bhd Tbk SAS Sarl
    SARL Lda Ltda ApS Cie Cia KK
    """.split()
)
# Heads of named results and conditions that follow the name in lower case too (``the
# Guillain-Barré syndrome``, ``the Doppler effect``): none follows a CoNLL-2003 person entity
# (its four ``Alzheimer's disease`` are possessives, left alone). The second block (the
# twenty-fifth session): dishes named after a person (``Caesar salad``, ``Granny Smith
# apples``), appliances of a brand named so (``Bosch dishwasher``, ``Silver Cross pram``) and
# pubs (``the Lord Nelson pub``); none follows a CoNLL-2003 person entity either.
LOWER_HEADS: FrozenSet[str] = frozenset(
    """
    syndrome disease theorem conjecture lemma equation inequality paradox effect principle
    equilibrium hypothesis
    salad salads apples sauce pudding puddings tart tarts sandwich sandwiches soup pie pies
    fries tea scones biscuits cake cakes
    cooker dishwasher fridge freezer oven kettle toaster pram pushchair buggy hoover vacuum
    pub
    """.split()
)
# Heads that are also surnames (``Michael Bay``, ``George Strait``, ``Bruce Arena``): one
# right after a person entity drops it, one that ends it does not.
SURNAME_HEADS: FrozenSet[str] = frozenset(
    "arena bay bridge land strait tower ward wing grove close".split()
)
# Words that stand between the name and the head (``Jomo Kenyatta International Airport``,
# ``the Ruth Sanger Memorial Hospital``): up to two of them, capitalised, are read past.
EPONYM_MODIFIERS: FrozenSet[str] = frozenset(
    """
    international national memorial regional municipal community general medical research
    peace cultural teaching science sports space health
    """.split()
)


# Words before a storm's name (``Storm Edith``, ``Typhoon Haruto``), written with a capital;
# a tagger may take the word into the name's entity (``Hurricane Katrina``): none of
# CoNLL-2003's person entities starts with one.
STORM_WORDS: FrozenSet[str] = frozenset("storm hurricane typhoon cyclone".split())
# ``Saint`` as written before a saint's name, and the possessive after it.
SAINT_WORDS: FrozenSet[str] = frozenset("St. St Saint Ste. Ste ST. ST SAINT".split())
POSSESSIVES: FrozenSet[str] = frozenset(("'s", "’s", "'S", "’S"))
# The prefixes of ships' names (``HMS Victory``, ``RRS Sir David Attenborough``, ``USS Ronald
# Reagan``), as written; none stands before a CoNLL-2003 person entity.
SHIP_PREFIXES: FrozenSet[str] = frozenset(
    "HMS USS RRS RMS MV HMAS HMCS HMNZS INS LÉ RV USNS USCGC HNLMS HDMS BRP KRI".split()
)
# Heads that name people too, which a person's possessive may stand before (``his
# Lawyers``).
PEOPLE_HEADS: FrozenSet[str] = frozenset(
    """
    architects solicitors accountants surveyors consultants engineers lawyers builders
    partners associates brothers bros group
    """.split()
)
# Vessels, written in lower case before a ship's or a boat's name (``his ship Fram``, ``the
# lifeboat Margaret Joan Hallam``), and the first words of dishes named after a person
# (``Beef Wellington``, ``Eggs Benedict``), in either case; none stands before a CoNLL-2003
# person entity.
VESSELS: FrozenSet[str] = frozenset(
    """
    ship boat lifeboat yacht ferry tanker vessel liner schooner steamer trawler frigate
    submarine cruiser destroyer barge tug sloop clipper warship freighter
    """.split()
)
# Words that open a street's name in other languages (``Jalan Sudirman``, ``Calle Mayor``,
# ``Rue Lepic``), as written; a person entity that starts with one or follows one is the
# street. None stands before or inside a CoNLL-2003 person entity. The second line (the
# twenty-ninth session): the stadiums, theatres, museums, airports, bridges, schools,
# squares, churches and castles of other languages (``Estadio Alfonso Lastra``), none a
# token of CoNLL-2003 train or dev; not ``Palacio``, ``Piazza``, ``Castillo`` or
# ``Mercado``, which are surnames too.
STREET_PREFIXES: FrozenSet[str] = frozenset(
    """
    Jalan Jl Jln Calle Rue Avenida Via Strada Ulica
    Estadio Estádio Stade Stadio Stadion Teatro Museo Aeropuerto Aeroporto Puente Colegio
    Universidad Praça Paseo Rambla Iglesia Catedral Schloss
    """.split()
)
DISHES: FrozenSet[str] = frozenset(
    "beef eggs chicken peach oysters bananas crêpes crepes steak veal".split()
)
# The words before a span that :func:`drop_eponyms` reads, as written.
BEFORE_WORDS: FrozenSet[str] = (
    frozenset(
        {word.title() for word in STORM_WORDS}
        | {word.upper() for word in STORM_WORDS}
        | SAINT_WORDS
    )
    | SHIP_PREFIXES
    | VESSELS
    | STREET_PREFIXES
    | DISHES
    | {word.title() for word in DISHES}
)


@lru_cache(maxsize=65536)
def is_eponym_head(text: str) -> bool:
    """Whether the token ``text`` ends a thing named after a person: an eponym head written
    with a capital (``Boulevard``, ``LLP``; ``boulevard`` in lower case is not read) or a
    firm's legal form as written (``AG``, ``GmbH``)."""
    key = text.rstrip(".")
    return key in FIRM_FORMS or (not text.islower() and key.lower() in EPONYM_HEADS)


def is_eponym_modifier(text: str) -> bool:
    """Whether the token ``text`` is a word written with a capital that may stand between a
    name and an eponym head (``International`` of ``... International Airport``)."""
    return not text.islower() and text.lower() in EPONYM_MODIFIERS


def drop_eponyms(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Drop each person span that an eponym head follows, directly or past one or two
    modifiers (``Nelson Mandela`` before ``Boulevard``, ``Jomo Kenyatta`` before
    ``International Airport``), or, with a word before it, ends (``Mayo Clinic``; not
    ``Michael Bay``); and each that names a storm (``Storm Edith``) or a saint before a
    possessive (``St. Aidan's``).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans may be dropped.
    """
    kept = []
    for start, end, label in spans:
        if label in person_labels:
            after = end - offset
            head = after
            while head < min(after + 2, len(doc)) and is_eponym_modifier(doc[head].text):
                head += 1
            if head < len(doc) and is_eponym_head(doc[head].text):
                continue
            if _possessive_head(doc, after):  # ``Halley's Comet``
                continue
            if _named_storm_or_saint(doc, start - offset, after) or _ship(doc, start - offset):
                continue
            if end - start > 1 and doc[start - offset].text.lower() in DISHES:
                continue  # ``Beef Wellington is ...``
            if _dash_pair(doc, start - offset, after):  # ``Kaplan–Meier curves``
                continue
            if doc[start - offset].text in STREET_PREFIXES or (
                start > offset and doc[start - offset - 1].text in STREET_PREFIXES
            ):
                continue
            if after < len(doc) and doc[after].text in LOWER_HEADS:
                continue
            last = doc[after - 1].text
            if end - start > 1 and is_eponym_head(last) and last.lower() not in SURNAME_HEADS:
                continue
        kept.append((start, end, label))
    return kept


def _possessive_head(doc: Doc, end: int) -> bool:
    """Whether a possessive and an eponym head that names no people follow ``doc[:end]``
    (``Halley`` + ``'s Comet``; not ``Nguyen Van Hoa 'S Lawyers``)."""
    if end + 1 >= len(doc) or doc[end].text not in POSSESSIVES:
        return False
    head = doc[end + 1].text
    return is_eponym_head(head) and head.lower() not in PEOPLE_HEADS


def _named_storm_or_saint(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` follows or starts with a storm word (``Hurricane Katrina``
    read as one entity), or a saint's word (before it or its first token) with a possessive
    after it."""
    before = doc[start - 1].text if start > 0 else ""
    first = doc[start].text if end - start > 1 else ""
    if any(word.lower() in STORM_WORDS and word in BEFORE_WORDS for word in (before, first)):
        return True
    saint = before in SAINT_WORDS or doc[start].text in SAINT_WORDS
    return saint and end < len(doc) and doc[end].text in POSSESSIVES


# The dash that joins two surnames into the name of a method, a test or a law (``Kaplan–Meier``,
# ``Mann–Whitney``, ``Navier–Stokes``); a person's double-barrelled name takes a hyphen.
NAME_PAIR_DASHES: FrozenSet[str] = frozenset(("–", "—"))


def _dash_pair(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is joined by an en or em dash, with no space, to a
    capitalised word before or after it (``Kaplan–Meier``)."""
    if start > 1 and doc[start - 1].text in NAME_PAIR_DASHES:
        dash = doc[start - 1]
        if not dash.whitespace_ and not doc[start - 2].whitespace_:
            return doc[start - 2].text[:1].isupper()
    if end + 1 < len(doc) and doc[end].text in NAME_PAIR_DASHES:
        if not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            return doc[end + 1].text[:1].isupper()
    return False


def _ship(doc: Doc, start: int) -> bool:
    """Whether a ship's prefix, a vessel in lower case or a dish's first word stands right
    before ``doc[start]``, or a ship's prefix before a title there (``RRS`` ``Sir`` ``David
    Attenborough``)."""
    if start > 0:
        before = doc[start - 1].text
        if before in SHIP_PREFIXES or before in VESSELS or before.lower() in DISHES:
            return True
    return start > 1 and doc[start - 2].text in SHIP_PREFIXES and is_title(doc[start - 1].text)
