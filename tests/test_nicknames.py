"""Tests for spacy_elman.nicknames: a name with a nickname in quotes is one name."""

import spacy

from spacy_elman.nicknames import take_nicknames

NLP = spacy.blank("en")


def test_take_nicknames_makes_the_name_around_a_nickname_one_span():
    doc = NLP('Cruiserweight Ignacy "Buldożer" Kwiatosz won')
    # parts found: one span from the first of them; the role before it stays out
    assert take_nicknames([(1, 2, 0), (3, 4, 0), (5, 6, 0)], doc, [0]) == [(1, 6, 0)]
    # only the surname found: the name starts with the word before the quotes
    assert take_nicknames([(15, 16, 0)], doc, [0], offset=10) == [(11, 16, 0)]


def test_take_nicknames_reads_a_nickname_that_opens_with_the():
    doc = NLP('DARTS - Reinier "The Tulip" Kuipers beat Lyndon Strachan-Gow')
    assert take_nicknames([(2, 3, 0), (9, 13, 0)], doc, [0]) == [(2, 8, 0), (9, 13, 0)]
    doc = NLP('Okafor told "The Times" on Monday')
    assert take_nicknames([(0, 1, 0)], doc, [0]) == [(0, 1, 0)]


def test_take_nicknames_leaves_other_quotes_and_labels_alone():
    doc = NLP('He said "Hello" Ann Lee')
    assert take_nicknames([(5, 7, 0)], doc, [0]) == [(5, 7, 0)]
    doc = NLP('Ann "Dynamo" Lee won')
    assert take_nicknames([(0, 1, 0), (2, 3, 1)], doc, [0]) == [(0, 1, 0), (2, 3, 1)]
    assert take_nicknames([], doc, [0]) == []
