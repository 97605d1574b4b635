"""Tests for spacy_elman.teams: clubs and firms that take a plural verb."""

import pytest
import spacy

from spacy_elman.teams import drop_teams, team_verb

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("Sevilla have agreed a fee", (0, 1), True),
        ("Gemma said McLaren are third", (2, 3), True),
        ("Preston North End were relegated", (0, 3), True),
        ("Ann Lee has agreed", (0, 2), False),  # a person's verb
        ("Ann and Bo Li have agreed", (2, 4), False),  # the last of several people
        ("He and co-driver Derek Ringer were unhurt", (4, 6), False),  # "and" within five words
        ("Ann , Bo have left", (2, 3), False),  # a comma before it
        ("Jay & Trish are craving", (0, 3), False),  # two people in one entity
        ("if Ann were to win", (1, 2), False),  # a subjunctive
        ("kemi are u coming", (0, 1), False),  # a name addressed
        ("The Roosevelts are friends", (1, 2), False),  # a family
        ("why did Rose have her kids", (2, 3), False),  # an auxiliary before it
        ("Sevilla", (0, 1), False),  # nothing after it
    ],
)
def test_team_verb_finds_entities_before_a_plural_verb(text, span, want):
    assert team_verb(NLP(text), *span) is want


def test_drop_teams_drops_person_spans_only_and_reads_offsets():
    doc = NLP("Sevilla have agreed with Braga as Ann Lee has")
    person, org = 0, 1
    spans = [(0, 1, person), (4, 5, person), (6, 8, person)]
    assert drop_teams(spans, doc, [person]) == [(4, 5, person), (6, 8, person)]
    assert drop_teams([(10, 11, org)], doc, [person], offset=10) == [(10, 11, org)]
    assert drop_teams([(10, 11, person)], doc, [person], offset=10) == []
