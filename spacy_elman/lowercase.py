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
particle (``Rhodri ap`` before ``Gwilym``; no CoNLL-2003 person entity does). The particle
list was written for this project.
"""

from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc, Span

from .hyphens import hyphen_after

# Lower-case words that belong to a name (``Ludwig van Beethoven``, ``Oscar de la Hoya``,
# ``Mohammed bin Salman``, ``Ngũgĩ wa Thiong'o``, ``José Ortega y Gasset``).
PARTICLES: FrozenSet[str] = frozenset(
    """
    van von vom zu zum zur der den de del dela della delle delos dei degli di da dal das dos
    do du des la le lo el al ul ud bin binti bint ibn ben bat ap af av dan wa ter ten te op y e
    """.split()
)
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
            if takes and nxt.is_alpha and nxt.text[:1].isupper():
                end += 1
            else:
                end -= 1
        moved.append((start, end, label))
    return moved
