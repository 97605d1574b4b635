"""Tests for spacy_elman.titles: titles off the start of person spans, suffixes onto their end."""

import pytest
import spacy

from spacy_elman.titles import is_title, take_suffixes, trim_titles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ("Mayor", True),
        ("MAYOR", True),
        ("Dr.", True),
        ("dr", True),
        ("Grandma", True),
        ("cousin", True),
        ("Cousin", False),  # a relation word counts in lower case only
        ("Son", False),
        ("son", True),
        ("Will", False),
        ("Countess", True),
        ("Vice", True),  # Vice President: both trimmed
        ("Sgt.", True),
        ("nephew", True),
        ("Nephew", False),
        ("Duke", False),  # also a given name (Duke Ellington)
        ("Major", False),
        ("Beaumont", False),
        ("Datuk", True),  # honorifics of other languages (the third block)
        ("Alhaji", True),
        ("Aunty", True),
        ("Sri", False),  # starts CoNLL-2003 place and person names
        ("Begum", False),
        ("Oom", True),  # the fourth block: kinship words and players' roles
        ("Opener", True),
        ("STRIKER", True),
        ("Winger", False),  # also a surname
        ("Bubbe", True),  # the fifth block: kinship words and honorifics of other languages
        ("zeyde", True),
        ("Kuya", True),
        ("NTATE", True),
        ("Frau", True),
        ("Lola", False),  # a given name in the name lists
        ("Yaya", False),  # a given name we know (Yaya Touré)
        ("Papa", False),
        ("Fisherwoman", True),  # the sixth block: occupations before a name
        ("KAYAKER", True),
        ("MP", True),
        ("Baker", False),  # a surname
        ("Driver", False),
    ],
)
def test_is_title_titles_any_case_relations_lower_case(text, want):
    assert is_title(text) is want


def test_trim_titles_moves_person_starts_past_titles():
    doc = NLP("Lord Ashcombe met Dr . Cox , her cousin Sione and Mayor Beaumont of Mayor Inc")
    person, org = 0, 1
    spans = [(0, 2, person), (3, 6, person), (8, 10, person), (11, 13, person), (14, 17, org)]
    assert trim_titles(spans, doc, [person]) == [
        (1, 2, person),  # Ashcombe
        (5, 6, person),  # Cox: the title's "." goes too
        (9, 10, person),  # Sione
        (12, 13, person),  # Beaumont
        (14, 17, org),  # not a person label: kept
    ]


def test_trim_titles_keeps_the_last_token_and_inner_titles():
    doc = NLP("Mayor said President Lula met Mr Mr")
    spans = [(0, 1, 0), (2, 4, 0), (5, 7, 0)]
    # a lone title stays (the model's call), but for a title of address: "Mr Mr" keeps its
    # last token, a lone "Mr", which goes
    assert trim_titles(spans, doc, [0]) == [(0, 1, 0), (3, 4, 0)]


def test_trim_titles_moves_person_ends_before_honorifics_after_a_name():
    doc = NLP("imran bhai 's chai stall and Sharma Sahib and bhai")
    spans = [(0, 2, 0), (6, 8, 0), (9, 10, 0)]
    # a lone relation word in lower case goes
    assert trim_titles(spans, doc, [0]) == [(0, 1, 0), (6, 7, 0)]


def test_trim_titles_moves_chat_names_off_the_words_that_address_them():
    doc = NLP("florencia amiga u left ur sunnies , thảo ơi and my nan doreen met Lan Nuna")
    spans = [(0, 2, 0), (7, 9, 0), (11, 13, 0), (14, 16, 0)]
    # in lower case only: "Nuna" with a capital is a surname
    assert trim_titles(spans, doc, [0]) == [(0, 1, 0), (7, 8, 0), (12, 13, 0), (14, 16, 0)]


def test_trim_titles_reads_batch_offsets():
    doc = NLP("thanks Coach Rafael Benítez")
    assert trim_titles([(11, 14, 2)], doc, [2], offset=10) == [(12, 14, 2)]


def test_take_suffixes_ends_person_spans_with_their_suffix():
    doc = NLP("Martin Luther King Jr. met Queen Elizabeth I and Letsie III ; thanks Maria I owe")
    assert [t.text for t in doc][3] == "Jr."
    person, place = 0, 1
    spans = [(0, 3, person), (6, 7, person), (9, 10, person), (13, 14, person)]
    assert take_suffixes(spans, doc, [person]) == [
        (0, 4, person),  # Martin Luther King Jr.
        (6, 8, person),  # Elizabeth I: a title before it
        (9, 11, person),  # Letsie III
        (13, 14, person),  # Maria: "I" without a title is the pronoun
    ]
    assert take_suffixes([(9, 10, place)], doc, [person]) == [(9, 10, place)]


def test_take_suffixes_stops_at_the_next_span_and_the_doc_end():
    doc = NLP("Queen Elizabeth II")
    assert take_suffixes([(1, 2, 0), (2, 3, 1)], doc, [0]) == [(1, 2, 0), (2, 3, 1)]
    assert take_suffixes([(1, 3, 0)], doc, [0]) == [(1, 3, 0)]
    assert take_suffixes([(11, 12, 0)], doc, [0], offset=10) == [(11, 13, 0)]


def test_trim_titles_moves_past_kinship_words_of_other_languages():
    doc = NLP("my zeyde mendel and Paati Meenakshi met Ntate Mokoena")
    spans = [(1, 3, 0), (4, 6, 0), (7, 9, 0)]
    assert trim_titles(spans, doc, [0]) == [(2, 3, 0), (5, 6, 0), (8, 9, 0)]


def test_trim_titles_reads_titles_joined_by_a_hyphen_as_one():
    doc = NLP("Prosecutor-General Adolfo Salamanca met Attorney-Ali Khan")
    spans = [(0, 5, 0), (6, 10, 0)]
    # both parts titles: all three tokens go; a title joined to a word that is none stays
    assert trim_titles(spans, doc, [0]) == [(3, 5, 0), (6, 10, 0)]


def test_trim_titles_moves_past_a_role_that_is_a_surname_only_where_it_opens_a_sentence():
    doc = NLP(
        "Winger Sitani Latu scored . Boxer Ebo Mensah won as Winger Ebo and Baker Mayfield met"
    )
    spans = [(0, 3, 0), (5, 8, 0), (11, 13, 0), (14, 16, 0)]
    # mid-sentence, or before one word, the role may be the name's own first word
    assert trim_titles(spans, doc, [0]) == [(1, 3, 0), (6, 8, 0), (11, 13, 0), (14, 16, 0)]
    assert trim_titles([(7, 10, 0)], NLP("hi . Potter Innes Rattray"), [0], offset=5) == [
        (8, 10, 0)
    ]


def test_trim_titles_moves_past_sports_roles_and_chat_words_after_a_name():
    doc = NLP("Flanker Tane Ruru met ikaika braddah and Scrum-half Murdo Farquharson")
    spans = [(0, 3, 0), (4, 6, 0), (7, 12, 0)]
    assert trim_titles(spans, doc, [0]) == [(1, 3, 0), (4, 5, 0), (10, 12, 0)]
    doc = NLP("Count Ferdinand von Zeppelin flew")
    assert trim_titles([(0, 4, 0)], doc, [0]) == [(1, 4, 0)]
    doc = NLP("Steeplechaser Kibiwot Toroitich won , Veteran Ama Obi lost")
    assert trim_titles([(0, 3, 0), (5, 8, 0)], doc, [0]) == [(1, 3, 0), (6, 8, 0)]


@pytest.mark.parametrize(
    "text, want",
    [
        ("Glaciologist", True),  # an occupation's ending
        ("Paediatrician", True),
        ("Choreographer", True),
        ("Tánaiste", True),
        ("Ologist", False),  # too short to be one
        ("Patel", False),
    ],
)
def test_is_title_reads_occupations_by_their_ending(text, want):
    assert is_title(text) is want


def test_trim_titles_moves_chat_names_off_kinship_words_of_other_languages():
    doc = NLP("raffaele nonno wants it and mihály bácsi fixed it")
    assert trim_titles([(0, 2, 0), (5, 7, 0)], doc, [0]) == [(0, 1, 0), (5, 6, 0)]
    doc = NLP("tita marilou and dayı tolga and yerbol aga")
    spans = [(0, 2, 0), (3, 5, 0), (6, 8, 0)]
    assert trim_titles(spans, doc, [0]) == [(1, 2, 0), (4, 5, 0), (6, 7, 0)]


def test_trim_titles_drops_a_lone_title_of_address_and_moves_past_boxers_weights():
    doc = NLP("Dear Sir or Madam , Cruiserweight Patrick Tierney stopped him")
    spans = [(1, 2, 0), (3, 4, 0), (5, 8, 0)]
    assert trim_titles(spans, doc, [0]) == [(6, 8, 0)]
    doc = NLP("rabia aapi can u pick it up , dulce mija come eat")
    assert trim_titles([(0, 2, 0), (8, 10, 0)], doc, [0]) == [(0, 1, 0), (8, 9, 0)]


def test_trim_titles_drops_a_lone_title_or_relation_word_in_lower_case():
    doc = NLP("gran says teta nargis sent it , Gran and Democrat Prunella Grindrod")
    spans = [(0, 1, 0), (2, 3, 0), (3, 4, 0), (7, 8, 0), (9, 12, 0), (2, 3, 1)]
    assert trim_titles(spans, doc, [0]) == [(3, 4, 0), (7, 8, 0), (10, 12, 0), (2, 3, 1)]


def test_trim_titles_moves_past_what_case_notes_and_headlines_call_a_person():
    doc = NLP("Patient Dobroslava Novotná , 67 , and Teenager Suphannee Chaiyasit Wins")
    spans = [(0, 3, 0), (7, 10, 0)]
    assert trim_titles(spans, doc, [0]) == [(1, 3, 0), (8, 10, 0)]
    doc = NLP("xolani walaal we are late , brites querida")
    assert trim_titles([(0, 2, 0), (6, 8, 0)], doc, [0]) == [(0, 1, 0), (6, 7, 0)]


def test_trim_titles_drops_a_span_that_ends_with_a_job_but_not_with_a_listed_name():
    doc = NLP("Sous Chef wanted , Logistics Coordinator , Martin Luther King spoke , Emir came")
    spans = [(0, 2, 0), (4, 6, 0), (7, 10, 0), (12, 13, 0)]
    assert trim_titles(spans, doc, [0]) == [(7, 10, 0), (12, 13, 0)]
    doc = NLP("Cllrs Llinos Bellis ( Chair ) and Mr Speaker")
    assert trim_titles([(0, 3, 0), (7, 9, 0)], doc, [0]) == [(1, 3, 0)]
