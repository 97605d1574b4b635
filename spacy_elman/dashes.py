"""Dashes between words inside a person entity: ``SPORT - Ilse Varga`` and ``Chile - Tomás
Ekdahl`` hold the names ``Ilse Varga`` and ``Tomás Ekdahl``.

News copy separates a headline's topic from its subject, a team from its player and a
ranking's place from its holder with a dash between spaces, and a tagger that has found a
name often runs its span back over the dash. A hyphen inside a name has no space on either
side (``Adebayo-Cole``); no person entity of CoNLL-2003 train or dev holds a dash with a space
next to it. :func:`split_dashes` cuts a person entity at such dashes and keeps the parts that
hold a listed name (``gazetteer``: Faker's first and last names), or the last part when none
does (the name follows the dash in the kinds above). A doc whose spaces are unknown (read from
a CoNLL file, where ``Vasquez - Moreno`` may have been ``Vasquez-Moreno``) is left alone.
"""

from typing import FrozenSet, List, Sequence, Tuple

from spacy.strings import get_string_id
from spacy.tokens import Doc

from .gazetteer import listed_name

# Dash tokens: the hyphen-minus, en and em dashes, the horizontal bar and a doubled hyphen.
DASHES: FrozenSet[str] = frozenset(("-", "--", "–", "—", "―"))
_DASH_IDS: FrozenSet[int] = frozenset(get_string_id(dash) for dash in DASHES)


def split_dashes(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Cut each person span at its dashes with a space before or after them; keep the parts
    that hold a listed name, or the last part if none does.

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are cut.
    """
    if doc.has_unknown_spaces:  # words joined by single spaces (a CoNLL file): no evidence
        return list(spans)
    out = []
    for span in spans:
        start, end, label = span
        if (
            end - start < 3  # a dash at an edge is trim_symbols' to drop
            or label not in person_labels
            or not _has_dash(doc, start - offset, end - offset)
        ):
            out.append(span)  # the common case
            continue
        parts = _parts(doc, start - offset, end - offset)
        if len(parts) == 1 and parts[0] == (start - offset, end - offset):
            out.append(span)  # hyphens inside words only: ``Adebayo-Cole``
            continue
        named = [part for part in parts if listed_name(doc, *part)]
        out.extend((s + offset, e + offset, label) for s, e in (named or parts[-1:]))
    return out


def _has_dash(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` holds a dash token (with spaces around it or not)."""
    return any(doc[i].orth in _DASH_IDS for i in range(start, end))


def _parts(doc: Doc, start: int, end: int) -> List[Tuple[int, int]]:
    """The stretches of ``doc[start:end]`` between its spaced dashes (``doc``'s positions)."""
    parts = []
    first = start
    for i in range(start, end):
        token = doc[i]
        if token.orth in _DASH_IDS and (token.whitespace_ or (i > 0 and doc[i - 1].whitespace_)):
            if i > first:
                parts.append((first, i))
            first = i + 1
    if end > first:
        parts.append((first, end))
    return parts
