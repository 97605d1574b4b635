"""Tests for spacy_elman.greetings: the name in a greeting or a sign-off."""

import pytest
import spacy

from spacy_elman.greetings import take_greetings

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Hi Loveday , quick one : could you send the rota ?", (1, 2)),
        ("Dear Mrs Ludgate , Jude has a dentist appointment .", (2, 3)),  # past the title
        ("Dear Dr. Ravenscroft-Ibekwe , thank you", (2, 5)),  # a hyphenated surname
        ("Hello Ms Chinenye Okpara-Lind , many thanks", (2, 6)),
        ("Morning Priya !", (1, 2)),
        ("Cheers , Baz", (2, 3)),  # a sign-off
        ("Best wishes , Obiageli", (3, 4)),
        ("Love , Doreen xx", (2, 3)),  # a kiss after the name
        ("Cheers Gwynfor , resetting the router fixed it", (1, 2)),  # thanks that open a note
        ("Love from Granny Dot xx", (3, 4)),  # a sign-off with "from", past the title
        ("From : Halcyon Breckinridge <halcyon@example.org>", (2, 4)),  # an e-mail header
        ("Action : Whitelock to report the streetlight", (2, 3)),  # minutes
        ("MUTASA : We knew the pitch would turn", (0, 1)),  # a transcript's speaker
        ("Thank you Grandad Alwyn for the bike", (3, 4)),
        ("Congratulations to Clemency Ackroyd in Year 6", (2, 4)),
        ("Kind regards , Aldous Wrenfield-Oduro , Bookings Manager", (3, 7)),  # a role after it
        ("Best wishes , Ann Obi , Head of Year 9", (3, 5)),
        ("From : Ann Obi Subject : the venue", (2, 4)),  # the next header ends it
    ],
)
def test_take_greetings_tags_the_name_in_a_greeting_or_sign_off(text, want):
    assert take_greetings([], NLP(text), [0]) == [(*want, 0)]


@pytest.mark.parametrize(
    "text",
    [
        "Hi all , the meeting moved .",  # no name
        "Dear Sir , I write to complain .",  # a title alone
        "Hello World",
        "Hi there !",
        "Best wishes to Obiageli",  # no comma after the sign-off
        "Cheers , Baz said , and left .",  # the name does not end the doc
        "The team said Hi Loveday , then left",  # the greeting does not open the doc
        "hi loveday , quick one",  # lower case: the model's call
        "Thanks Everyone , see you",  # no name
        "Love from Lisbon , where it rains",  # no kiss or end after the words
        "From : Marketing Team <team@example.org>",  # a team
        "From Monday the shop opens",  # no colon
        "Update : the plumber came",  # a word with a Brown cluster
        "Hove : Sussex 363 ( W. Athey 111 )",  # no speech after the colon
        "Attendence : 9,000",
    ],
)
def test_take_greetings_leaves_other_docs_alone(text):
    assert take_greetings([], NLP(text), [0]) == []


def test_take_greetings_keeps_spans_labels_and_offsets():
    doc = NLP("Cheers , Nana Biddy xx")
    # a span already on a word of the name: left as it is
    assert take_greetings([(13, 14, 0)], doc, [0], offset=10) == [(13, 14, 0)]
    assert take_greetings([], doc, [1, 0], offset=10) == [(12, 14, 1)]
    assert take_greetings([], doc, []) == []


def test_take_greetings_tags_two_names_a_greeting_addresses():
    doc = NLP("Dear Nilmini and Sanduni , thank you for the card")
    assert take_greetings([(13, 14, 0)], doc, [0], offset=10) == [(11, 12, 0), (13, 14, 0)]
    assert take_greetings([], NLP("Dear Nilmini and all , thanks"), [0]) == []


def test_take_greetings_tags_the_names_minutes_list():
    doc = NLP("Present : Ann Obi ( chair ) , Featherstonehaugh , Ó Floinn and Cattermole .")
    found = [doc[s:e].text for s, e, _ in take_greetings([], doc, [0])]
    assert found == ["Ann Obi", "Featherstonehaugh", "Ó Floinn", "Cattermole"]
    doc = NLP("Apologies were received from Threadgold and Oosterhuis .")
    assert [doc[s:e].text for s, e, _ in take_greetings([], doc, [0])] == [
        "Threadgold",
        "Oosterhuis",
    ]
    assert take_greetings([], NLP("Present : the whole committee"), [0]) == []
    doc = NLP(
        "Present : Chegwidden , Trounson . Apologies : Adeleke-Hosking ."
    )  # a sentence's list
    found = [doc[s:e].text for s, e, _ in take_greetings([], doc, [0])]
    assert found == ["Chegwidden", "Trounson", "Adeleke-Hosking"]
    doc = NLP("2019–present : Logistics , Maersk , Felixstowe .")  # no capital: no list header
    assert take_greetings([], doc, [0]) == []
    doc = NLP("We sent our apologies : Adeleke-Hosking was ill .")  # no sentence opens with it
    assert take_greetings([], doc, [0]) == []


def test_take_greetings_tags_the_name_a_speaker_thanks_or_greets():
    doc = NLP("Leokadia : Thanks , Benedict . As the laptop is still under warranty , I will")
    found = [doc[s:e].text for s, e, _ in take_greetings([], doc, [0])]
    assert found == ["Leokadia", "Benedict"]
    doc = NLP("PRESENTER : Hi Penny , what a day")  # a label with a cluster: only the greeted
    assert [doc[s:e].text for s, e, _ in take_greetings([], doc, [0])] == ["Penny"]


def test_take_greetings_tags_each_name_of_e_mail_headers_on_one_line():
    doc = NLP("From : Mehrdad Kamalvand To : Maren Aune Subject : Re : venue")
    found = [doc[s:e].text for s, e, _ in take_greetings([], doc, [0])]
    assert found == ["Mehrdad Kamalvand", "Maren Aune"]
