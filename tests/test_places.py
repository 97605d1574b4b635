"""Tests for spacy_elman.places: person entities that are places."""

import numpy as np
import pytest
import spacy

from spacy_elman import places
from spacy_elman.errors import ElmanError
from spacy_elman.gazetteer import gazetteer_v2_table
from spacy_elman.places import (
    after_age,
    after_place_word,
    after_prefix,
    dateline_place,
    drop_places,
    is_place,
    opens_dateline,
    place_sets,
)
from spacy_elman.tables import lookup

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, span",
    [
        ("Her parks stand in Donostia , Ballarat and Pamplona .", (6, 7)),  # a city
        ("Her parks stand in Donostia , Ballarat and Pamplona .", (8, 9)),
        ("He fiddled in Omaha , Nebraska , for years .", (5, 6)),  # a US state
        ("They flew to Sri Lanka on Monday .", (3, 5)),  # a country of two words
        ("San Antonio is a city .", (1, 2)),  # with the capitalised word before it
        ("South Korea 's Hwang Bo-ram", (0, 1)),  # with the capitalised word after it
        ("PAMPLONA , May 4 -", (0, 1)),  # any case
    ],
)
def test_drop_places_drops_a_person_span_that_is_a_place(text, span):
    doc = NLP(text)
    assert is_place(doc, *span)
    assert drop_places([(*span, 0)], doc, [0]) == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("Florence Nightingale nursed soldiers .", (0, 1)),  # a city that is a given name
        ("Paris Hilton arrived .", (0, 1)),
        ("Ilse Varga flew to Pamplona .", (0, 2)),  # a name
        ("Bilbao went on .", (0, 1)),  # a city that is also a surname
        ("Pamplona Okafor scored .", (0, 2)),  # a place inside a longer span
        ("they met san antonio .", (3, 4)),  # no capitalised word before it
        ("they met south korea .", (2, 3)),  # nor after it
    ],
)
def test_drop_places_keeps_names_and_other_spans(text, span):
    doc = NLP(text)
    assert not is_place(doc, *span)
    assert drop_places([(*span, 0)], doc, [0]) == [(*span, 0)]


def test_drop_places_keeps_other_labels_and_reads_offsets():
    doc = NLP("Ilse Varga flew to Pamplona .")
    assert drop_places([(4, 5, 1)], doc, [0]) == [(4, 5, 1)]
    assert drop_places([(10, 12, 0), (14, 15, 0)], doc, [0], offset=10) == [(10, 12, 0)]


def test_place_sets_hold_no_person_name():
    one, several = place_sets()
    assert len(one) > 5000 and len(several) > 1000
    kinds = lookup(gazetteer_v2_table(), np.asarray(sorted(one), dtype="uint64"))
    assert not kinds.any()  # "paris", "florence" are left to the model


def test_place_sets_name_a_missing_table(monkeypatch, tmp_path):
    monkeypatch.setattr(places, "PLACES_PATH", tmp_path / "gone.npz")
    place_sets.cache_clear()
    try:
        with pytest.raises(ElmanError, match=r"\[E027\].*gone\.npz.*reinstall"):
            place_sets()
    finally:
        place_sets.cache_clear()


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("DARWIN , Dec 30 - Residents left", (0, 1), True),
        ("EUGENE , Ore. , June 28 - Kaleb Wondimu ran", (0, 1), True),
        ("MAJDAL SHAMS , Oct 14 - Fadia Abu Saab said", (0, 2), True),
        ("DARWIN said on Dec 30 that", (0, 1), False),  # no comma after it
        ("Darwin , Dec 30 - Residents left", (0, 1), False),  # not in capitals
        ("KAMAU , the coach , said", (0, 1), False),  # no month after it
        ("in DARWIN , Dec 30", (1, 2), False),  # not the doc's first words
    ],
)
def test_opens_dateline_finds_a_place_in_capitals_before_a_date(text, span, want):
    doc = NLP(text)
    assert opens_dateline(doc, *span) is want
    assert (drop_places([(*span, 0)], doc, [0]) == []) is want


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("Lyndon Quilliam , 44 , of Douglas , admitted it", (6, 7), True),
        ("Ann Lee , 44 , of Leigh Day said", (6, 8), True),
        ("the son of Douglas , 44 , said", (3, 4), False),
        ("Ann Lee , a friend of Douglas", (6, 7), False),  # no age before "of"
    ],
)
def test_after_age_finds_where_a_person_lives(text, span, want):
    doc = NLP(text)
    assert after_age(doc, span[0]) is want
    assert (drop_places([(*span, 0)], doc, [0]) == []) is want


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("Port Elizabeth was renamed", (1, 2), True),  # after a place's first word
        ("over Lake Constance in July", (1, 3), True),  # starting with one
        ("Ricki Lake spoke", (0, 2), False),  # a surname: not first
        ("Cape spoke", (0, 1), False),  # one word alone: the model's call
    ],
)
def test_after_prefix_finds_names_of_places(text, span, want):
    doc = NLP(text)
    assert after_prefix(doc, *span) is want
    assert (drop_places([(*span, 0)], doc, [0]) == []) is want


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("a workshop near Odumase Krobo , where", (3, 5), True),
        ("a joik singer from Kautokeino , has", (4, 5), True),  # a role and its article
        ("an old quarryman poet from Blaenau Ffestiniog won", (5, 7), True),
        ("their son emigrated to Otago", (4, 5), True),  # moving home
        ("born in Clones , County Monaghan , won", (5, 6), True),  # after a place's first word
        ("taking over as captain from Neale Fraser", (5, 7), False),  # no article: the person
        ("a goal from Helmer and", (3, 4), False),  # no role
        ("he talked to Otago", (3, 4), False),  # no verb of moving home
        ("the hill above Kororāreka", (3, 4), True),
        ("drove down to Petra", (3, 4), True),  # a particle between the verb and "to"
        ("The award went to Selin Aydın", (4, 6), False),  # "went to" gives prizes too
    ],
)
def test_after_place_word_finds_where_a_place_stands(text, span, want):
    doc = NLP(text)
    assert (drop_places([(*span, 0)], doc, [0]) == []) is want
    if span[0] == 0 or doc[span[0] - 1].text != "County":
        assert after_place_word(doc, span[0]) is want


def test_drop_places_drops_an_age_after_aged_and_the_datelines_place_again():
    doc = NLP("PEACEFULLY on 14 October , Ilmari Pietilä , aged 86 , of Haslemere .")
    assert after_age(doc, 12)
    assert drop_places([(5, 7, 0), (12, 13, 0)], doc, [0]) == [(5, 7, 0)]
    doc = NLP("OAMARU , Feb 12 - Two men were rescued off Oamaru on Tuesday by Ann Obi")
    assert dateline_place(doc) == "oamaru"
    assert drop_places([(10, 11, 0), (14, 16, 0)], doc, [0]) == [(14, 16, 0)]
    assert dateline_place(NLP("Oamaru , Feb 12 -")) is None  # no capitals: no dateline
