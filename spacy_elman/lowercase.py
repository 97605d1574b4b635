"""Lower-case words before a capitalised name: ``rival Ilse Varga``, ``their Okafor`` and
``Eupithecia hartigi Kovalčík`` hold the names ``Ilse Varga``, ``Okafor`` and
``Kovalčík``.

A tagger that has found a name often runs its span back over the word before it: a role or a
determiner (``substitute``, ``their``, ``since``), or the genus and species before the author
of a taxon. In CoNLL-2003 train and dev only 93 of 8,442 person entities hold a word that
starts with a lower-case letter, and all but four are particles (``de``, ``van``, ``der``,
``al-``, ``wa``, ``della``) or the ``of`` and ``the`` of an epithet (``Joan of Arc``). :func:`trim_lower_words` moves the start of a person entity that holds a
capitalised word past the last other lower-case word before one. Its end is left alone: social
media writes surnames in lower case (``Leon baptiste``), and cutting them cost as much on
WNUT-17 dev as cutting the verbs after names gained. Entities written all in lower case (chat:
``layla hassan``) are left alone too. :func:`end_particles` lets no such entity end with a
particle (``Rhodri ap`` before ``Gwilym``; no CoNLL-2003 person entity does),
:func:`join_particles` joins two person entities that a particle only names hold stands
between (``Mishaal`` + ``bin`` + ``Turki al-Otaibi``), :func:`grow_particles` grows one over
particles beside it to a capitalised word (``Arantxa`` + ``de la Riva``), and
:func:`take_conjoined` reads a name's conjunction (Catalan ``Jordi Puigventós i Serra``,
Spanish ``Ortega y Gasset``) as part of it. :func:`drop_lower` drops an entity written all
in lower case from a text that is written with capitals: in CoNLL-2003 train and dev one of
8,442 person entities is one, while a tagger trained on chat reads lower-case words of news
and prose (``filo``, ``floor``, ``seven``) as names; in chat too, it drops a one-word one that
is an English word, not a listed name (``got her visa approved``). The word lists were
written for this project.
"""

from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc, Span

from .clusters import lower_word
from .gazetteer import listed_name
from .hyphens import hyphen_after
from .titles import name_word
from .words import capital_word

# Lower-case words that belong to a name (``Ludwig van Beethoven``, ``Oscar de la Hoya``,
# ``Mohammed bin Salman``, ``Ngũgĩ wa Thiong'o``, ``José Ortega y Gasset``).
# The second line (the twenty-fourth session): patronymic particles of other languages,
# Mauritanian ``ould`` and ``mint``, Kyrgyz and Kazakh ``uulu`` and ``kyzy``, Welsh ``ferch``
# and ``verch``, Tuareg ``ag`` and ``welet``, Malay ``ibni`` and ``binte``.
# Spanish ``las`` and ``los`` (``Bartolomé de las Casas``): the twenty-eighth session.
PARTICLES: FrozenSet[str] = frozenset(
    """
    van von vom zu zum zur der den de del dela della delle delos dei degli di da dal das dos
    las los
    do du des la le lo el al ul ud bin binti bint ibn ben bat ap af av dan wa ter ten te op y e
    i
    ould mint uulu kyzy ferch verch ag welet ibni binte
    """.split()
)
# The particles that join two parts of a name (``Ramón y Cajal``, ``Vidal i Roca``).
CONJUNCTIONS: FrozenSet[str] = frozenset(("y", "i", "e"))
# Lower-case words inside an epithet or a by-name (``Alfred the Great``, ``Joan of Arc``):
# part of a name only after a capitalised word of it.
EPITHET_WORDS: FrozenSet[str] = frozenset(("of", "the"))


def trim_lower_words(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the start of each person span that holds a capitalised word past its last
    lower-case word that a capitalised word follows (particles, and epithet words after a
    capital, excepted).

    A word is a token after a space and the tokens joined to it (``second-half``,
    ``al-Sharif``: a word with a capital in any piece counts as capitalised). ``spans`` are
    ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are cut.
    """
    trimmed = []
    for span in spans:
        start, end, label = span
        if end - start > 1 and label in person_labels:  # one token: nothing to cut
            span = (_new_start(doc, start - offset, end - offset) + offset, end, label)
        trimmed.append(span)
    return trimmed


def _new_start(doc: Doc, start: int, end: int) -> int:
    """Where one span starts after the cut (``doc``'s own positions)."""
    if not any(doc[i].text[:1].islower() for i in range(start, end)):
        return start  # the common case: no lower-case word
    firsts = [i for i in range(start, end) if i == start or doc[i - 1].whitespace_]
    bounds = firsts[1:] + [end]
    cased = [_case(doc[i:j]) for i, j in zip(firsts, bounds)]
    if "upper" not in cased:
        return start
    last_upper = len(cased) - 1 - cased[::-1].index("upper")
    first = 0
    for j in range(last_upper):
        text = doc[firsts[j]].text
        if cased[j] == "lower" and not _in_name(text, after_capital="upper" in cased[first:j]):
            first = j + 1
    return firsts[first]


def _case(word: Span) -> str:
    """``"upper"`` if a piece of the word starts with a capital (``al-Sharif``), else
    ``"lower"`` if it starts with a lower-case letter, else ``"other"`` (digits, marks)."""
    if any(token.text[:1].isupper() for token in word):
        return "upper"
    return "lower" if word[0].text[:1].islower() else "other"


def _in_name(text: str, after_capital: bool) -> bool:
    """Whether a lower-case word can stand inside a name: a particle, or an epithet word after
    a capitalised word of the name."""
    return text in PARTICLES or (after_capital and text in EPITHET_WORDS)


# Particles that only names hold between two of their parts (``Mishaal bin Turki``, ``Rhodri
# ap Gwilym``, ``Ahmed ould Daddah``): two person spans with one between them are one name.
JOINING_PARTICLES: FrozenSet[str] = frozenset("bin binti bint ibn ap ould mint".split())


def join_particles(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Join each two person spans that one particle of :data:`JOINING_PARTICLES` written as a
    word of its own stands between into one (``Mishaal`` + ``bin`` + ``Turki al-Otaibi``).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans join.
    """
    joined: List[Tuple[int, int, int]] = []
    for start, end, label in spans:
        if joined and label in person_labels and joined[-1][2] == label:
            prev_start, prev_end, _ = joined[-1]
            between = prev_end - offset
            if (
                start == prev_end + 1
                and doc[between].text in JOINING_PARTICLES
                and doc[between - 1].whitespace_
                and doc[between].whitespace_
            ):
                joined[-1] = (prev_start, end, label)
                continue
        joined.append((start, end, label))
    return joined


def end_particles(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the end of each person span that holds a capitalised word and ends with a
    particle over the capitalised word of letters right after it (``Maria dela`` + ``Paz``),
    or, with none there or another span starting there, back before the particle.

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans change.
    """
    moved = []
    for k, (start, end, label) in enumerate(spans):
        last = end - offset - 1
        if (
            label in person_labels
            and end - start > 1
            and doc[last].text in PARTICLES
            and doc[last - 1].whitespace_
            and doc[last - 1].is_alpha  # not ``Soo - bin``, a hyphen as read without spacing
            and not hyphen_after(doc, last)  # ``de-Paz``: a piece of a word
            and any(doc[i].text[:1].isupper() for i in range(start - offset, last))
        ):
            free = k + 1 == len(spans) or spans[k + 1][0] > end
            nxt = doc[last + 1] if last + 1 < len(doc) else None
            takes = free and nxt is not None and doc[last].whitespace_
            if takes and capital_word(nxt):
                end += 1
            else:
                end -= 1
        moved.append((start, end, label))
    return moved


# Particles at most between a person span and the capitalised word that it grows to.
MAX_PARTICLES = 2


def grow_particles(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Grow each person span over one or two particles right after it to the capitalised
    word after them (``Arantxa`` + ``de la Riva``, ``Alhassane`` + ``ag Alkhassoum``), and
    likewise back over particles before it to a capitalised word (``Hafiz bin`` + ``Abdul
    Rahman``, ``Bartolomé de las`` + ``Casas``): a tagger sure of one part of such a name
    often misses the other. Nothing in another span is taken, nor a stop word or a title
    (``titles.name_word``).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans grow. The result is sorted.
    """
    taken = {i for start, end, _ in spans for i in range(start - offset, end - offset)}
    grown = []
    for start, end, label in spans:
        if label in person_labels:
            lo, hi = start - offset, end - offset
            j = hi
            while j < len(doc) and j - hi < MAX_PARTICLES and doc[j].text in PARTICLES:
                j += 1
            free = taken.isdisjoint(range(hi, j + 1))
            if hi < j < len(doc) and free and name_word(doc[j]):
                hi = j + 1
            j = lo
            while j > 0 and lo - j < MAX_PARTICLES and doc[j - 1].text in PARTICLES:
                j -= 1
            if 0 < j < lo and taken.isdisjoint(range(j - 1, lo)) and name_word(doc[j - 1]):
                lo = j - 1
            taken.update(range(lo, hi))  # a word two spans could grow to goes to one
            start, end = lo + offset, hi + offset
        grown.append((start, end, label))
    return sorted(grown)


def take_conjoined(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the end of each person span of two capitalised words or more that a name's
    conjunction and a capitalised word follow (``Montserrat Vidal`` + ``i Roca``) over both,
    also when that word is a person span of its own (one name, not two: ``Ana y Bea`` are
    two).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans change.
    """
    moved: List[Tuple[int, int, int]] = []
    taken = -1  # the start of the span merged into the one before it
    for k, (start, end, label) in enumerate(spans):
        if start == taken:
            continue
        after = end - offset
        if (
            label in person_labels
            and end - start > 1
            and after + 1 < len(doc)
            and doc[after].text in CONJUNCTIONS
            and doc[after - 1].whitespace_
            and doc[after].whitespace_
            and capital_word(doc[after + 1])
            and all(capital_word(doc[i]) for i in range(start - offset, after))
        ):
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            if (
                nxt is not None
                and nxt[0] == end + 1
                and nxt[1] == end + 2
                and nxt[2] in person_labels
            ):
                end, taken = nxt[1], nxt[0]
            elif nxt is None or nxt[0] > end + 1:
                end += 2
        moved.append((start, end, label))
    return moved


def drop_lower(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Drop each person span written all in lower case from a doc whose first word and a
    later word start with a capital (news, prose; not ``lol jess is here`` or ``I swear
    freddie``), and from any doc a one-word one that is an English word and no listed name
    (:func:`lower_english_word`).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans may be dropped.
    """
    lower = [
        span
        for span in spans
        if span[2] in person_labels
        and all(doc[i].is_lower for i in range(span[0] - offset, span[1] - offset))
    ]
    if not lower:
        return list(spans)
    if not _written_with_capitals(doc):
        lower = [
            (start, end, label)
            for start, end, label in lower
            if end - start == 1 and lower_english_word(doc, start - offset)
        ]
    return [span for span in spans if span not in lower]


def lower_english_word(doc: Doc, i: int) -> bool:
    """Whether the lower-case word ``doc[i]`` is an English word, no name: the Brown clusters
    hold it apart from its capitalised form (``clusters.lower_word``: ``visa``, ``coffee``)
    and the name lists do not hold it. In the chat of the check sets read before, WNUT-17 dev
    and CoNLL-2003 dev, the main job's one-word lower-case person entities of such words were
    wrong 33 times and right 5 (``mere``, ``ploy``) over seeds 0-2 (the twenty-ninth
    session)."""
    return lower_word(doc[i].text) and not listed_name(doc, i, i + 1)


def _written_with_capitals(doc: Doc) -> bool:
    """Whether the first word of letters in ``doc`` and one after it start with a capital."""
    words = (token.text for token in doc if token.is_alpha)
    first = next(words, "")
    return first[:1].isupper() and any(word[:1].isupper() for word in words)
