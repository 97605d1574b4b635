"""Tests for spacy_elman.lowercase: lower-case words at the edges of names, and lower-case
names in text written with capitals."""

import pytest
import spacy

from spacy_elman.lowercase import (
    drop_lower,
    end_particles,
    grow_particles,
    join_particles,
    take_conjoined,
    trim_lower_words,
)

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("rival Ilse Varga won", (0, 3), "Ilse Varga"),
        ("Eupithecia hartigi Kovalčík , 1978", (0, 3), "Kovalčík"),
        ("second-half substitute Tomasz Wrona", (0, 6), "Tomasz Wrona"),
        ("the Smith family", (0, 2), "Smith"),
        ("since Marchetti took office", (0, 2), "Marchetti"),
    ],
)
def test_trim_lower_words_cuts_lower_case_words_off_person_spans(text, span, want):
    doc = NLP(text)
    [(start, end, _)] = trim_lower_words([(*span, 0)], doc, [0])
    assert doc[start:end].text == want


@pytest.mark.parametrize(
    "text",
    [
        "Ludwig van Beethoven",
        "Oscar de la Hoya",
        "van Gogh",
        "Joan of Arc",
        "Alfred the Great",
        "Jae-sung Park",
        "layla hassan",  # all in lower case: chat, left alone
        "Mohammed bin Salman",
        "Ahmad al-Sharif",  # "al" starts a word with a capital in it
        "Maria Cristina dela Paz",
        "Leon baptiste",  # a lower-case surname: the end is left alone
        "Sidi Mohamed ould Bouh",  # patronymic particles of other languages
        "Nurlanbek Toktosun uulu",
    ],
)
def test_trim_lower_words_keeps_particles_epithets_and_lower_case_names(text):
    doc = NLP(text)
    assert trim_lower_words([(0, len(doc), 0)], doc, [0]) == [(0, len(doc), 0)]


def test_trim_lower_words_leaves_other_labels_and_reads_batch_offsets():
    doc = NLP("their Okafor counterparts")
    assert trim_lower_words([(10, 13, 0)], doc, [0], offset=10) == [(11, 13, 0)]
    assert trim_lower_words([(10, 13, 1)], doc, [0], offset=10) == [(10, 13, 1)]


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("Rhodri ap Gwilym scored", (0, 2), "Rhodri ap Gwilym"),  # takes the word after
        ("Maria dela Paz", (0, 2), "Maria dela Paz"),
        ("Maria de 1999", (0, 2), "Maria"),  # no capitalised word after: drops the particle
        ("Maria de", (0, 2), "Maria"),
        ("Maria de-Paz", (0, 2), "Maria de"),  # a piece of a hyphenated word: left alone
        ("Song Soo - bin", (0, 4), "Song Soo - bin"),  # a hyphenated name without spacing
        ("tra la", (0, 2), "tra la"),  # all in lower case: left alone
        ("Ludwig van Beethoven", (0, 3), "Ludwig van Beethoven"),
    ],
)
def test_end_particles_moves_person_ends_off_particles(text, span, want):
    doc = NLP(text)
    (start, end, _label), *_ = end_particles([(*span, 0)], doc, [0])
    assert doc[start:end].text == want


def test_end_particles_stops_at_the_next_span_and_reads_batch_offsets():
    doc = NLP("Rhodri ap Gwilym scored")
    assert end_particles([(0, 2, 0), (2, 3, 1)], doc, [0]) == [(0, 1, 0), (2, 3, 1)]
    assert end_particles([(0, 2, 1)], doc, [0]) == [(0, 2, 1)]  # not a person span
    assert end_particles([(10, 12, 0)], doc, [0], offset=10) == [(10, 13, 0)]


@pytest.mark.parametrize(
    "text, spans, want",
    [
        ("Montserrat Vidal i Roca won", [(0, 2)], ["Montserrat Vidal i Roca"]),  # takes both
        ("Jordi Puigventós i Serra", [(0, 2), (3, 4)], ["Jordi Puigventós i Serra"]),  # joins
        ("José Ortega y Gasset wrote", [(0, 2)], ["José Ortega y Gasset"]),
        ("Ana Ruiz i 2", [(0, 2)], ["Ana Ruiz"]),  # no capitalised word after
        ("Ana y Bea", [(0, 1), (2, 3)], ["Ana", "Bea"]),  # two names
        ("Ana Ruiz y Bea Gil", [(0, 2), (3, 5)], ["Ana Ruiz", "Bea Gil"]),
        ("ana lucas i Love you", [(0, 2)], ["ana lucas"]),  # a lower-case word in the span
        ("Tom and Ana", [(0, 1)], ["Tom"]),
    ],
)
def test_take_conjoined_reads_a_names_conjunction_as_part_of_it(text, spans, want):
    doc = NLP(text)
    got = take_conjoined([(*span, 0) for span in spans], doc, [0])
    assert [doc[start:end].text for start, end, _ in got] == want


def test_take_conjoined_leaves_other_labels_and_reads_batch_offsets():
    doc = NLP("Montserrat Vidal i Roca")
    assert take_conjoined([(0, 2, 0), (3, 4, 1)], doc, [0]) == [(0, 2, 0), (3, 4, 1)]
    assert take_conjoined([(0, 2, 1)], doc, [0]) == [(0, 2, 1)]
    assert take_conjoined([(10, 12, 0), (13, 14, 0)], doc, [0], offset=10) == [(10, 14, 0)]


@pytest.mark.parametrize(
    "text, span, kept",
    [
        ("My grandmother still rolls her own filo pastry every Sunday .", (7, 8), False),
        ("Nana , Kalliopi and seven others", (5, 6), False),
        ("I swear freddie laughs at everything", (2, 3), True),  # no later capital
        ("lol jess is here Tom", (1, 2), True),  # the first word is in lower case
        ("Ask Jess about the floor", (1, 2), True),  # written with a capital
        ("Thanks to mary - kate , Sam", (2, 5), True),  # a mark is not a lower-case word
    ],
)
def test_drop_lower_drops_lower_case_names_from_text_written_with_capitals(text, span, kept):
    doc = NLP(text)
    assert drop_lower([(*span, 0)], doc, [0]) == ([(*span, 0)] if kept else [])


@pytest.mark.parametrize(
    "text, span, kept",
    [
        ("meskerem just got her visa approved !!!", (4, 5), False),  # an English word
        ("morning all coffee first , humans later", (2, 3), False),
        ("meskerem just got her visa approved !!!", (0, 1), True),  # no cluster
        ("lol vitaly is here", (1, 2), True),  # a name: one cluster for both forms
        ("lol maria is here", (1, 2), True),  # a listed name
        ("omg coffee shop is here", (1, 3), True),  # two words: the tagger's call
    ],
)
def test_drop_lower_drops_a_lower_case_english_word_from_chat(text, span, kept):
    doc = NLP(text)
    assert drop_lower([(*span, 0)], doc, [0]) == ([(*span, 0)] if kept else [])


def test_drop_lower_leaves_other_labels_and_reads_batch_offsets():
    doc = NLP("Nana , Kalliopi and seven others")
    assert drop_lower([(5, 6, 1)], doc, [0]) == [(5, 6, 1)]
    assert drop_lower([(12, 13, 0), (15, 16, 0)], doc, [0], offset=10) == [(12, 13, 0)]


def test_join_particles_joins_two_person_spans_a_name_particle_stands_between():
    doc = NLP("champion Mishaal bin Turki al-Otaibi won , and Ann bin Ben")
    spans = [(1, 2, 0), (3, 7, 0), (10, 11, 0), (12, 13, 1)]
    assert join_particles(spans, doc, [0]) == [(1, 7, 0), (10, 11, 0), (12, 13, 1)]
    assert join_particles([(11, 12, 0), (13, 17, 0)], doc, [0], offset=10) == [(11, 17, 0)]


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("Dr Arantxa de la Riva lent it", (1, 2), (1, 5)),  # particles, then a name after
        ("Bartolomé de las Casas came", (3, 4), (0, 4)),  # a name, then particles before
        ("guide Alhassane ag Alkhassoum said", (1, 2), (1, 4)),
        ("Hafiz bin Abdul Rahman opened", (2, 4), (0, 4)),
        ("Maria de la Paz and Juan", (0, 1), (0, 4)),
        ("Maria de la the Paz", (0, 1), (0, 1)),  # three words between: no
        ("Juan de la Mayor", (0, 1), (0, 1)),  # a title is no name
        ("Juan de The", (0, 1), (0, 1)),  # nor a stop word
        ("Juan de la paz", (0, 1), (0, 1)),  # nor a lower-case word
        ("The de la Riva", (3, 4), (3, 4)),
    ],
)
def test_grow_particles_takes_the_name_beside_particles(text, span, want):
    doc = NLP(text)
    assert grow_particles([(*span, 0)], doc, [0]) == [(*want, 0)]
    assert grow_particles([(*span, 1)], doc, [0]) == [(*span, 1)]  # not a person label


def test_grow_particles_stops_at_other_spans_and_reads_batch_offsets():
    doc = NLP("Ana de Lima and Hafiz bin Rahman")
    # "Lima" is another span: Ana does not take it
    assert grow_particles([(10, 11, 0), (12, 13, 1)], doc, [0], offset=10) == [
        (10, 11, 0),
        (12, 13, 1),
    ]
    assert grow_particles([(16, 17, 0)], doc, [0], offset=10) == [(14, 17, 0)]
