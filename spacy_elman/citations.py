"""Authors cited in running text: ``Hegazy et al. (2021)`` and ``as Olabarria et al. showed``
name a person, the first author, whatever the tagger made of the surname.

Papers, reports and theses cite a work by its first author's surname and ``et al.``, and a
tagger trained on news has seen neither the surname nor the phrase. ``et al.`` follows
nothing but an author's name, so :func:`take_citations` tags the name's words right before
it (``lifespans.name_start``: capitalised words, initials, the particles between them and
hyphens joining them; no stop words, titles or nationalities) that no span touches, unless
they are a place (``Van der Berg et al.``: ``Van der Berg``). ``et al`` stands nowhere in
CoNLL-2003 train or dev.
"""

from typing import List, Optional, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .bio import touches
from .lifespans import name_start
from .places import is_place

# ``et`` before ``al.``/``al``, as spaCy's English tokenizer writes them (ORTH ids): a doc
# without ``et`` holds no name this rule finds.
ET = get_string_id("et")
_AL = frozenset(get_string_id(form) for form in ("al.", "al"))


def take_citations(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    person_labels: Sequence[int],
    offset: int = 0,
    tokens: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for each author's name before
    ``et al.`` that no span touches (see the module).

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted. ``tokens``: the ``ORTH`` ids of the doc's tokens, if
    the caller has them.
    """
    if tokens is None:
        tokens = doc.to_array(ORTH).tolist()
    if not person_labels or ET not in tokens:
        return list(spans)
    found = []
    for i in range(1, len(tokens) - 1):
        if tokens[i] != ET or tokens[i + 1] not in _AL:
            continue
        start = name_start(doc, i)
        if start == i or is_place(doc, start, i):
            continue
        lo, hi = start + offset, i + offset
        if not touches(spans, lo, hi):
            found.append((lo, hi, person_labels[0]))
    return sorted([*spans, *found]) if found else list(spans)
