"""Tests for spacy_elman.vocatives: a chat line that opens with a name."""

import pytest
import spacy

from spacy_elman.vocatives import take_vocatives

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("tiwonge pls delete the pic of me", [(0, 1)]),
        ("wojtek did u get the tickets", [(0, 1)]),
        ("PENITALA WHERE U AT", [(0, 1)]),  # a line in capitals
        ("ailsa n morven did the parkrun", [(0, 1), (2, 3)]),  # two names joined
        ("dougie bro u still owe me a tenner", [(0, 1)]),  # a word that addresses him between
        ("dasha sent the playlist, it slaps", [(0, 1)]),  # what the person did
        ("@kemi_cakes thank you ibukun!! the cake", [(3, 4)]),  # a name thanked
        ("thx ebuka 🙏", [(1, 2)]),
        ("who's coming to chidubem's thing", [(4, 5)]),  # a possessive
        ("happy 30th gurleen!! old age", [(2, 3)]),  # greeted, after an ordinal
        ("big up kobby for driving us", [(2, 3)]),
        ("me n reyansh at the airport", [(2, 3)]),  # joined to "me"
        ("my little sis eleri drew me", [(3, 4)]),  # after a relation word
        ("jannik your dance video", [(0, 1)]),
        ("omg ifedayo you did NOT just post that", [(1, 2)]),  # capitals for stress
        ("lol TORLEIF did NOT just eat the pizza", [(1, 2)]),  # a name shouted
        ("OYEWUMI SEALS TITLE WITH LAST-GASP HEADER", [(0, 1)]),  # a headline in capitals
        ("happy bday tante mirjam 🎂", [(3, 4)]),
        ("where's my charger gone, pranitha did u take it", [(6, 7)]),  # after a comma
        ("#TeamMakana all the way!! makana deserves the win", [(7, 8)]),  # a hashtag's name
        ("ebere aunty is coming on saturday", [(0, 1)]),
        ("torquil lmk if ur coming", [(0, 1)]),  # chat shorthand that addresses him
        ("my oma gerlinde just learned gifs", [(2, 3)]),
        ("can someone remind shahzaib that the table is for 8", [(3, 4)]),  # a message passed on
        ("pls tell oghenekaro to bring cups", [(2, 3)]),
        ("dm chrysanthi for the group order", [(1, 2)]),
        ("oghenekaro omg ur puppy is adorable", [(0, 1)]),  # a chat word between
        ("jemp u still owe me 20", [(0, 1)]),  # "u" is the second-person word itself
        ("lol nhlanhla fell asleep on the taxi", [(1, 2)]),  # what the person did
        ("ruslana do u still have my charger", [(0, 1)]),
        ("who has the speaker, oghenekaro or chidubem?", [(5, 6), (7, 8)]),  # "or" joins two
    ],
)
def test_take_vocatives_tags_a_name_that_opens_a_line(text, want):
    doc = NLP(text)
    assert take_vocatives([], doc, [0]) == [(*span, 0) for span in want]


@pytest.mark.parametrize(
    "text",
    [
        "guys where r u",  # a common English word (it has a Brown cluster)
        "omg u look stunning",  # a chat word
        "mum did u feed the cat",  # a relation word
        "the bus did not come",  # a stop word
        "tiwonge loves it",  # no second-person word or report after it
        "thank you guys so much",  # a common English word
        "thank you tiwonge so much",  # a word after it that ends no thanks
        "thanks Tiwonge!!",  # a line with capitals
        "the dog's bowl",  # a common English word before the possessive
        "1ST CPN : 11/01/96",  # an ordinal without "happy"
        "RDR said it feared forced expulsions",  # an acronym in a lower-case line
        "ngl the new mcdonald's spicy wrap is mid",  # a shop's possessive
        "the rent ends tmrw and im broke",  # "i" of "im" is no "me"
        "u should do a fidget spinner vid",  # a title with no possessive before it
        "tell them to wait",  # a stop word after "tell"
        "pls tell oghenekaro tmrw",  # no "to", "that" or the like after the name
        "my sis said hi",  # a common word after the relation word
        "My Sis Eleri drew me",  # capitals: the model's call
        "Tiwonge pls delete the pic",  # a line with capitals: the model's call
        "tiwonge",  # no second word
    ],
)
def test_take_vocatives_leaves_other_lines_alone(text):
    assert take_vocatives([], NLP(text), [0]) == []


def test_take_vocatives_keeps_spans_labels_and_offsets():
    doc = NLP("ailsa n morven did the parkrun")
    # a name the model found after the joiner: only the first word is added
    assert take_vocatives([(12, 13, 0)], doc, [0], offset=10) == [(10, 11, 0), (12, 13, 0)]
    # the first word already in a span, or no person label: unchanged
    assert take_vocatives([(10, 11, 1)], doc, [0], offset=10) == [(10, 11, 1)]
    assert take_vocatives([], doc, []) == []


def test_take_vocatives_leaves_names_inside_spans_and_reads_offsets():
    doc = NLP("thank you ibukun!! and chidubem's too")
    # a name already found stays as it is; the other one is added
    assert take_vocatives([(12, 13, 0)], doc, [0], offset=10) == [(12, 13, 0), (16, 17, 0)]
