"""Verbs after a name in a title-case headline: ``Amara Diallo Named Head of Fund`` holds the
name ``Amara Diallo``.

A headline in title case capitalises its verb, and a tagger that reads a capital as part of a
name takes ``Named``, ``Returns`` or ``Urges`` into the name before it. :func:`trim_verbs`
moves the end of a person entity back past such verbs. None of them (in any case) is a word
of a person entity in CoNLL-2003 train or dev; ``Said``, an Arabic name too, and ``Won``, a
Korean one, are left out. The list is English and was written for this project.
"""

from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc

# Verbs that follow their subject in news headlines, lower-cased.
HEADLINE_VERBS: FrozenSet[str] = frozenset(
    """
    says named returns urges wins meets signs joins leaves dies died calls warns denies
    admits faces quits resigns slams backs hits opens thanks praises vows claims defends
    rejects accepts announces confirms reveals sets takes makes gets gives leads beats loses
    lost tops sees plans seeks targets eyes agrees appoints elected appointed charged jailed
    arrested freed sentenced found killed injured honoured honored retires retired returned
    """.split()
)


def trim_verbs(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the end of each person span back past the headline verbs it ends with, never past
    its first token nor into a hyphenated word (``Kim Ji-won``).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are trimmed.
    """
    trimmed = []
    for start, end, label in spans:
        if label in person_labels:
            while end - start > 1 and _is_verb_after_space(doc, end - 1 - offset):
                end -= 1
        trimmed.append((start, end, label))
    return trimmed


def _is_verb_after_space(doc: Doc, i: int) -> bool:
    """A headline verb that is a word of its own, not the end of a hyphenated one (``Ji-won``)."""
    return doc[i].text.lower() in HEADLINE_VERBS and bool(doc[i - 1].whitespace_)
