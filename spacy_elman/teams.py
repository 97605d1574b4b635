"""Teams and firms that take a plural verb: ``Sevilla have agreed a fee``, ``McLaren are
third`` name a club and a team, not a person.

British English writes a club, a team or a firm with a plural verb, and news copy does so in
every transfer and match report; a person takes ``has``, ``is`` and ``was``. A tagger that
reads an unfamiliar capitalised word at a sentence's start as a name takes such clubs for
people. In CoNLL-2003 train and dev a person entity stands right before ``have``, ``are`` or
``were`` 30 times: 28 of them with ``and``, ``&``, ``or``, ``nor``, ``with`` or ``if`` in it or
in the five words before it (``He and co-driver Derek Ringer were``, ``if Smith were``), a comma
right before it, ``the`` before a plural (``The Roosevelts are``) or ``you``/``we`` after the
verb (a name addressed: ``kemi are u coming``); an auxiliary right before it makes ``have`` its
verb (``why did Rose have``); organisation, place and other entities stand there 140 times,
74 of them with none of those. :func:`drop_teams` drops a person entity right before such a
verb with none of those around it. The lists were written for this project.
"""

from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc

# Plural verbs that a team or a firm takes and a person does not.
PLURAL_VERBS: FrozenSet[str] = frozenset("have are were 've 're".split())
# Words inside a person entity or up to five before it that make it one of several people,
# or a subjunctive's subject.
JOINERS: FrozenSet[str] = frozenset("and & or nor n with if".split())
JOINER_REACH = 5
# Words right before a person entity that make the bare ``have`` its verb (``why did Rose
# have``, ``let Ann have it``).
AUXILIARIES: FrozenSet[str] = frozenset(
    "did does do will would can could should shall may might must let lets make makes made "
    "help helps to".split()
)
# Words after the verb that make the entity a person addressed (``tolu are you coming``).
ADDRESSED: FrozenSet[str] = frozenset("you u ya y'all yall ye we".split())


def team_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` stands before a plural verb as a team would (see module)."""
    if end >= len(doc) or doc[end].lower_ not in PLURAL_VERBS:
        return False
    if end + 1 < len(doc) and doc[end + 1].lower_ in ADDRESSED:
        return False
    if start > 0 and (
        doc[start - 1].text == ","
        or doc[start - 1].lower_ in AUXILIARIES
        or (doc[start - 1].lower_ == "the" and doc[end - 1].text.endswith("s"))
    ):
        return False
    return not any(doc[i].lower_ in JOINERS for i in range(max(0, start - JOINER_REACH), end))


def drop_teams(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Drop each person span that stands before a plural verb as a team would
    (:func:`team_verb`).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans may be dropped.
    """
    return [
        (start, end, label)
        for start, end, label in spans
        if label not in person_labels or not team_verb(doc, start - offset, end - offset)
    ]
