"""The span rules of ``set_annotations`` in their order, and the test that passes over the
spans none of them can change.

Each rule (``split_dashes``, ``trim_symbols``, ``trim_chat``, ``trim_titles``, ...) is a pass of
Python over a doc's spans and their tokens: ~26 ms of a CoNLL-2003 dev pass, half of
``set_annotations`` (twenty-second session). Every rule reads a token that is not a
capitalised word of letters (a symbol, a dash, a lower-case word, an ``@handle``) or one of
its word lists (titles, roles, honorifics after a name, nationalities, headline verbs, chat
words, eponym heads, suffixes, saints' words, a name's conjunctions, months, seasons and verbs
of a name's form), inside a span or right after it (also a possessive or a plural verb), or
a hyphen joined to the word after it, or a storm's, saint's, vessel's, dish's or street's
word inside it or right before it (or ``the``, ``this`` or ``my`` before a span of one word,
a hashtag's ``#``, or a dash that joins two names), or a ship's prefix one or two words before it,
or a particle or a capitalised word with no Brown cluster right before or after it
(``grow_particles``, ``take_surnames``). A span that holds
none of those is left as decoded by all of them but ``join_adjacent`` and ``drop_places``
(which looks every span up in its place names), and :func:`run_rules` runs the others on the
spans that hold one only. The whole-doc rules (:func:`whole_doc_rules`) read every doc:
``take_lifespans`` (the words before a bracket of life dates or an age), ``take_repeats`` (a
doc's other mentions of a surname), ``take_lists``, ``take_nicknames``, ``take_honorifics``,
``take_addressees``, ``take_citations``, ``take_speakers``, ``take_vocatives`` and
``take_greetings`` (a doc's first words, colons, quotes and lists, with or without spans);
they read a doc's tokens once and look for the words they need first. A doc with no span goes
through them only if :func:`may_find` sees one of those words (954 of the 2,100 such
CoNLL-2003 dev sentences skip them, twenty-seventh session; 1,034 with the twenty-ninth
session's finders and gates). On the CoNLL-2003 dev sentences 126 of the 1,148 with an
entity needed the per-span rules in the twenty-second session; :func:`needs_rules` tells them
from the others in ~2.5 ms a pass, with the same entities on CoNLL-2003 train and dev, WNUT-17
dev and the hand-written sets.
"""

from typing import Any, Callable, Dict, List, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc

from .addressees import CUE_IDS as ADDRESSEE_CUE_IDS
from .addressees import take_addressees
from .bio import join_adjacent
from .chat import is_chat_word, trim_chat_words, trim_stop_words
from .citations import ET, take_citations
from .dashes import split_dashes
from .eponyms import (
    BEFORE_WORDS,
    EPONYM_HEADS,
    EPONYM_MODIFIERS,
    FIRM_FORMS,
    LOWER_HEADS,
    NAME_PAIR_DASHES,
    POSSESSIVES,
    SHIP_PREFIXES,
    drop_eponyms,
)
from .greetings import may_greet, take_greetings
from .headlines import HEADLINE_VERBS, trim_verbs
from .honorifics import CUE_IDS as HONORIFIC_CUE_IDS
from .honorifics import take_honorifics
from .hyphens import hyphen_after, take_hyphenated
from .lifespans import may_date, may_date_opening, take_lifespans
from .lists import take_lists
from .lowercase import (
    PARTICLES,
    drop_lower,
    end_particles,
    grow_particles,
    join_particles,
    take_conjoined,
    trim_lower_words,
)
from .nationalities import DEMONYM_NOUNS, DEMONYMS, trim_nationalities
from .nicknames import take_nicknames
from .ordinary import ORDINARY_WORDS, THING_WORDS, drop_ordinary
from .places import drop_places
from .repeats import take_repeats
from .speakers import CUE_IDS as SPEAKER_CUE_IDS
from .speakers import take_speakers
from .surnames import MAX_WORDS, rare_capital, take_surnames
from .switches import trim_switches
from .teams import PLURAL_VERBS, drop_teams
from .titles import (
    AFTER_TITLES,
    REGNAL_AFTER_TITLE,
    SUFFIXES,
    SURNAME_ROLES,
    TITLES,
    has_title_ending,
    take_suffixes,
    trim_titles,
)
from .vocatives import opens_in_one_case, take_vocatives
from .words import no_name_word, trim_edges

Spans = List[Tuple[int, int, int]]
# How far past a span a rule reads first: a suffix, an eponym head, or the modifier that
# starts one (``International Airport``; drop_eponyms reads on only past a modifier).
AFTER = 1
# The lower-case forms that a rule reads inside a span or after it.
_INSIDE_WORDS = (
    TITLES
    | SURNAME_ROLES
    | AFTER_TITLES
    | DEMONYMS
    | DEMONYM_NOUNS
    | HEADLINE_VERBS
    | EPONYM_HEADS
    | ORDINARY_WORDS
)
_AFTER_WORDS = EPONYM_HEADS | EPONYM_MODIFIERS | LOWER_HEADS | PLURAL_VERBS | NAME_PAIR_DASHES
# What a rule reads right before a span, as written: a storm's or a saint's word, a hashtag's
# ``#``, a dash that joins two surnames (``Kaplan–Meier``).
_BEFORE = BEFORE_WORDS | {"#"} | NAME_PAIR_DASHES
# Token id -> whether a rule may read it (inside a span / after one); filled as ids are met,
# emptied when one holds CACHE_SIZE ids, so that a stream of any length keeps memory bounded.
_INSIDE: Dict[int, bool] = {}
_AFTER: Dict[int, bool] = {}
CACHE_SIZE = 100_000


# The rules that read person spans only, after join_adjacent, in their order, each with the
# setting that turns it on (trim_lower turns on four, trim_chat also trim_stop_words and
# trim_switches); each is ``rule(spans, doc, person_labels, offset) -> spans``.
PERSON_RULES: Tuple[Tuple[str, Callable[[Spans, Doc, Sequence[int], int], Spans]], ...] = (
    ("trim_nationalities", trim_nationalities),
    ("trim_titles", trim_titles),
    ("take_suffixes", take_suffixes),
    ("trim_verbs", trim_verbs),
    ("trim_lower", trim_lower_words),
    ("trim_lower", end_particles),
    ("trim_lower", join_particles),
    ("trim_lower", grow_particles),
    ("trim_lower", take_conjoined),
    ("trim_chat", trim_stop_words),
    ("trim_chat", trim_switches),
    ("take_hyphenated", take_hyphenated),
    ("take_surnames", take_surnames),
    ("drop_eponyms", drop_eponyms),
    ("drop_lower", drop_lower),
    ("drop_ordinary", drop_ordinary),
    ("drop_places", drop_places),
    ("drop_teams", drop_teams),
)


def apply_rules(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    persons: Sequence[int],
    offset: int,
    cfg: Dict[str, Any],
    whole_doc: bool = True,
) -> Spans:
    """Run the rules that ``cfg`` turns on over one doc's spans, in order.

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``persons`` are the person label ids. The whole-doc rules (:func:`whole_doc_rules`),
    which read the other spans around a name, run last and only on ``whole_doc``: all of the
    doc's spans.
    """
    spans = list(spans)
    if spans and persons and cfg["split_dashes"]:
        spans = split_dashes(spans, doc, persons, offset)
    if spans and cfg["trim_symbols"]:
        spans = trim_edges(spans, doc, offset)
        if spans and persons:
            spans = trim_edges(spans, doc, offset, off_edge=no_name_word, labels=persons)
    if spans and cfg["trim_chat"]:
        spans = trim_chat_words(spans, doc, offset)
    if len(spans) > 1 and cfg["join_adjacent"]:
        spans = join_adjacent(spans)
    if persons:
        for setting, rule in PERSON_RULES:
            if spans and cfg[setting]:
                spans = rule(spans, doc, persons, offset)
        if whole_doc:
            spans = whole_doc_rules(spans, doc, persons, offset, cfg)
    return spans


def needs_rules(span: Tuple[int, int, int], doc: Doc, offset: int = 0) -> bool:
    """Whether a rule other than ``join_adjacent``, ``drop_places`` and the whole-doc rules
    may change ``span``: a token inside it that is not a plain capitalised word, a suffix, an
    eponym's word or a hyphenated word right after it, a storm's or a saint's word (or
    ``the``, ``this`` or ``my`` before one word, a hashtag's ``#``, a dash that joins two
    names: ``Kaplan–``, a particle: ``de las`` + ``Casas``, a rare capitalised word:
    ``Chamindu`` + ``Wijesekara``) right before it, or a ship's prefix one or two words
    before it."""
    if len(_INSIDE) > CACHE_SIZE or len(_AFTER) > CACHE_SIZE:
        _INSIDE.clear()
        _AFTER.clear()
    strings = doc.vocab.strings
    start, end = span[0] - offset, span[1] - offset
    after = range(end, min(end + AFTER, len(doc)))
    return (
        _reads(doc, range(start, end), _INSIDE, _read_inside, strings)
        or _reads(doc, after, _AFTER, _read_after, strings)
        or hyphen_after(doc, end)
        or (start > 0 and _read_before(doc[start - 1].text))
        or (end - start == 1 and start > 0 and doc[start - 1].lower_ in THING_WORDS)
        or (start > 1 and doc[start - 2].text in SHIP_PREFIXES)
    )


def _reads(
    doc: Doc,
    positions: range,
    cache: Dict[int, bool],
    test: Callable[[str], bool],
    strings: StringStore,
) -> bool:
    """Whether ``test`` holds for a token of ``doc`` at ``positions`` (by id, cached)."""
    for i in positions:
        orth = doc[i].orth
        read = cache.get(orth)
        if read is None:
            read = cache[orth] = test(strings[orth])
        if read:
            return True
    return False


def run_rules(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    persons: Sequence[int],
    offset: int,
    cfg: Dict[str, Any],
) -> Spans:
    """:func:`apply_rules` on the spans that need them, ``join_adjacent`` and ``drop_places``
    (a set lookup or two per span) alone on the others, then the whole-doc rules on all of
    them (a look at the token or two after each span, and at the doc's first words).

    Spans side by side (one's end is the next one's start) go together, as ``join_adjacent``
    and ``take_suffixes`` read them together, and so do spans a name's conjunction parts
    (``take_conjoined``); every other rule reads one span at a time. ``spans`` are sorted; so
    is the result.
    """
    need, plain = [], []
    group: Spans = []
    for span in spans:
        if group and not _together(group[-1], span, doc, offset):
            _sort_group(group, doc, offset, need, plain)
            group = []
        group.append(span)
    _sort_group(group, doc, offset, need, plain)
    if need:
        need = apply_rules(need, doc, persons, offset, cfg, whole_doc=False)
    if len(plain) > 1 and cfg["join_adjacent"]:
        plain = join_adjacent(plain)
    if plain and persons and cfg["drop_places"]:
        plain = drop_places(plain, doc, persons, offset)
    spans = sorted(need + plain) if need and plain else need or plain
    return whole_doc_rules(spans, doc, persons, offset, cfg) if persons else spans


# The settings of the whole-doc rules that may find a name in a doc with no span.
FINDERS = (
    "take_lifespans",
    "take_honorifics",
    "take_addressees",
    "take_citations",
    "take_speakers",
    "take_vocatives",
    "take_greetings",
)
# A doc without one of these words gets no name from ``take_honorifics``, ``take_addressees``,
# ``take_citations`` or ``take_speakers``; the other finders have tests of their own
# (``may_greet``, ``may_date_opening``, ``opens_in_one_case``).
_CUE_IDS = HONORIFIC_CUE_IDS | ADDRESSEE_CUE_IDS | SPEAKER_CUE_IDS | {ET}


def may_find(doc: Doc) -> bool:
    """Whether a finder (:data:`FINDERS`) may find a name in ``doc`` where it has no span: a
    test of the words each one needs first, in a few microseconds, so that most docs skip
    :func:`whole_doc_rules` (a doc this rejects gets no span from it)."""
    if len(doc) < 2:
        return False
    if opens_in_one_case(doc):
        return True
    tokens = doc.to_array(ORTH).tolist()
    words = set(tokens)
    return may_greet(doc, words) or not _CUE_IDS.isdisjoint(words) or may_date_opening(doc, tokens)


def whole_doc_rules(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    persons: Sequence[int],
    offset: int,
    cfg: Dict[str, Any],
) -> Spans:
    """The rules that read all of a doc's spans at once, last: ``take_lifespans``,
    ``take_repeats``, ``take_lists``, ``take_nicknames``, ``take_honorifics``,
    ``take_addressees``, ``take_citations``, ``take_speakers``, ``take_vocatives`` and
    ``take_greetings`` (the first and the last six may find a name where the doc has no
    span)."""
    spans = list(spans)
    # the doc's tokens, read once for the rules that look for a word first
    orth = doc.to_array(ORTH)
    tokens = orth.tolist()
    words = set(tokens)
    if cfg["take_lifespans"] and may_date(tokens):  # a bracket, or the commas of an age
        spans = take_lifespans(spans, doc, persons, offset, orth)
    if spans and cfg["take_repeats"]:
        spans = take_repeats(spans, doc, persons, offset)
    if spans and cfg["take_lists"]:
        spans = take_lists(spans, doc, persons, offset)
    if spans and cfg["take_nicknames"]:
        spans = take_nicknames(spans, doc, persons, offset, tokens)
    if cfg["take_honorifics"]:
        spans = take_honorifics(spans, doc, persons, offset, tokens)
    if cfg["take_addressees"]:
        spans = take_addressees(spans, doc, persons, offset, tokens)
    if cfg["take_citations"]:
        spans = take_citations(spans, doc, persons, offset, tokens)
    if cfg["take_speakers"]:
        spans = take_speakers(spans, doc, persons, offset, tokens)
    if cfg["take_vocatives"]:
        spans = take_vocatives(spans, doc, persons, offset)
    if cfg["take_greetings"]:
        spans = take_greetings(spans, doc, persons, offset, words)
    return spans


def _together(span: Tuple[int, int, int], nxt: Tuple[int, int, int], doc: Doc, offset: int) -> bool:
    """Whether ``nxt`` starts where ``span`` ends or past a few particles or rare capitalised
    words (``take_conjoined``, ``join_particles``, ``grow_particles`` and ``take_surnames``
    read both spans)."""
    end = span[1]
    gap = nxt[0] - end
    if gap == 0:
        return True
    if not 0 < gap < MAX_WORDS:
        return False
    between = (doc[i - offset].text for i in range(end, nxt[0]))
    return all(text in PARTICLES or rare_capital(text) for text in between)


def _sort_group(group: Spans, doc: Doc, offset: int, need: Spans, plain: Spans) -> None:
    """Add a group of spans side by side to ``need`` if a rule may change one of them."""
    if any(needs_rules(span, doc, offset) for span in group):
        need.extend(group)
    else:
        plain.extend(group)


def _read_inside(text: str) -> bool:
    """Whether a rule may read this token inside a span: anything but a capitalised word of
    letters that no rule lists."""
    if not (text.isalpha() and text[:1].isupper()):
        return True
    return (
        text.lower() in _INSIDE_WORDS
        or has_title_ending(text.lower())
        or text in SUFFIXES
        or text in REGNAL_AFTER_TITLE
        or text in BEFORE_WORDS
        or text in FIRM_FORMS
        or is_chat_word(text)
    )


def _read_before(text: str) -> bool:
    """Whether a rule may read this token right before a span: a storm's or a saint's word, a
    hashtag's ``#``, a dash that joins two names, a particle (``grow_particles``) or a rare
    capitalised word (``take_surnames``)."""
    return text in _BEFORE or text in PARTICLES or rare_capital(text)


def _read_after(text: str) -> bool:
    """Whether a rule may read this token after a span: a suffix, an eponym's word, a firm's
    legal form, a possessive (before an eponym's head), a plural verb, a name's conjunction
    or a particle (``join_particles``: ``Azman`` + ``bin`` + ``Rosli``; ``grow_particles``:
    ``Arantxa`` + ``de la Riva``) or a rare capitalised word (``take_surnames``:
    ``Kristoffer`` + ``Aasland``)."""
    key = text.rstrip(".")
    return (
        key in SUFFIXES
        or key in POSSESSIVES
        or key in REGNAL_AFTER_TITLE
        or key in FIRM_FORMS
        or key.lower() in _AFTER_WORDS
        or text in PARTICLES  # a name's conjunctions (``i``, ``y``) among them
        or rare_capital(text)
    )
