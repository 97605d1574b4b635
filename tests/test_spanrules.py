"""Tests for spacy_elman.spanrules: the span rules in order, and the docs they can skip."""

import itertools
import json
import random
from pathlib import Path

import pytest
import spacy

from spacy_elman import spanrules
from spacy_elman.spanrules import apply_rules, may_find, needs_rules, run_rules, whole_doc_rules

NLP = spacy.blank("en")
RULES = (
    "split_dashes trim_symbols trim_chat join_adjacent trim_nationalities trim_titles "
    "take_suffixes trim_verbs trim_lower take_hyphenated take_surnames drop_eponyms drop_lower drop_ordinary "
    "drop_places drop_teams take_lifespans take_repeats take_lists take_nicknames take_honorifics take_addressees take_citations take_speakers take_vocatives take_greetings"
).split()
ALL_ON = {rule: True for rule in RULES}
# The rules that read every span (and the doc), which run_rules runs on all of them.
WHOLE_DOC = (
    "drop_places",
    "take_lifespans",
    "take_repeats",
    "take_lists",
    "take_nicknames",
    "take_honorifics",
    "take_addressees",
    "take_citations",
    "take_speakers",
    "take_vocatives",
    "take_greetings",
)
TEXTS = [
    "Mayor Ilse Varga met Dr . Cox and Mexican Ariel Cruz in Lima",
    "SPORT - Tomás Ekdahl Returns as rival Jonas Berg Named Coach",
    "Martin Luther King Jr. spoke at the Nelson Mandela International Airport with Ilse Varga",
    "lol Kenta and Priya xD , 1= Olga Petrenko 3:41.2 <olga@example.org>",
    "Queen Elizabeth I and the Mayo Clinic Trust of Kim Ji-won Park",
    "Amara Diallo Baker McKenzie LLP Tongan Anishinaabe HAHAHA Will and the Doppler effect",
    "Storm Edith hit St Aidan 's Well as Datuk Tamsin Ayo-Brennan met Rhodri ap Gwilym of Ogun State",
    "Jordi Puigventós i Serra rolls filo pastry with Ortega y Gasset and tom for Ilse Varga",
    "Ilse Varga flew from San Antonio to Pamplona , Nebraska and Sri Lanka",
    "Opener Gurkirat Singh said Hurricane Katrina hit Imran Bhai 's stall",
    "Mark my words , @ilse.v said on Jan 22 as Bubbe Feygl met Kuya Jun Santos",
    "Pa Nhia Vang ( born 1979 ) and Neus Bofarull i Mas ( 1919 - 2008 ) met Dr Ilse Varga ( 23 )",
    "the RRS Sir David Attenborough took B12 to florencia amiga and Zaha Hadid Architects",
    "TIWONGE N MORVEN PLS BRING THE OUZO TO STELIOS",
    "MaliVai Washington beat Todd Martin . Washington served well , said Martin Todd",
    "Sevilla have agreed with Braga as Winger Sitani Latu and the Finn Iida Marjamäki are fit",
    "Lyndon Quilliam , 44 , of Douglas can't wait for summer or this Autumn , said the Swede",
    "Bought this Dyson as #TeamKarabo met Mishaal bin Turki near Oamaru , aged 86 , of Haslemere",
    "toomas already told gran that Democrat Ann Obi emigrated to Otago with the Vera Menchik Club",
    '" Is it far ? " Nodar asked , and Chisom shrugged as Ilse Varga laughed , " said Ann Obi .',
    "Where are my keys , Summer ? Well done , Leicester ! Thanks , Ilse Varga !",
]


@pytest.mark.parametrize("text", TEXTS)
def test_apply_rules_leaves_spans_that_needs_rules_passes(text):
    doc = NLP(text)
    n = len(doc)
    checked = 0
    for start, end in itertools.combinations(range(n + 1), 2):
        if end - start > 5:
            continue
        span = (start, end, 0)
        if not needs_rules(span, doc):
            checked += 1
            # the WHOLE_DOC rules read every span, and run_rules runs them on these too
            keep = apply_rules(
                [span],
                doc,
                [0],
                0,
                {**ALL_ON, **{rule: False for rule in WHOLE_DOC}},
            )
            assert keep == [span], doc[start:end].text
    assert checked > 0


@pytest.mark.parametrize(
    "text, span",
    [
        ("Mayor Ilse Varga", (0, 3)),  # a title
        ("SPORT - Ilse Varga", (0, 4)),  # a dash
        ("rival Ilse Varga", (0, 3)),  # a lower-case word
        ("Mexican Ariel Cruz", (0, 3)),  # a nationality
        ("Ilse Varga Named", (0, 3)),  # a headline verb
        ("Ilse Varga LOL", (0, 3)),  # a chat word
        ("Martin King Jr. spoke", (0, 2)),  # a suffix after the span
        ("Nelson Mandela International Airport", (0, 2)),  # an eponym after it
        ("Mayo Clinic", (0, 2)),  # an eponym head inside it
        ("Storm Edith", (1, 2)),  # a storm's word before it
        ("Hurricane Katrina", (0, 2)),  # a storm's word inside it
        ("Imran Bhai", (0, 2)),  # an honorific after a name
        ("St. Aidan 's", (1, 2)),  # a saint's word before it
        ("St Aidan 's", (0, 2)),  # a saint's word inside it
        ("Tamsin Ayo-Brennan", (0, 1)),  # a hyphenated word after it
        ("Rhodri ap Gwilym", (0, 2)),  # a particle inside it
        ("Montserrat Vidal i Roca", (0, 2)),  # a name's conjunction after it
        ("Azman bin Rosli", (0, 1)),  # a joining particle after it
        ("Arantxa de la Riva", (0, 1)),  # a particle after it
        ("Bartolomé de las Casas", (3, 4)),  # a particle before it
        ("Ask about filo pastry", (2, 3)),  # a lower-case word
        ("Mark my words", (0, 1)),  # a month's or a verb's word
        ("@ilse.v Ilse", (0, 2)),  # an @handle
        ("RRS Sir David Attenborough", (2, 4)),  # a ship's prefix two words before it
        ("bought this Dyson", (2, 3)),  # a demonstrative before one word
        ("#TeamKarabo all the way", (1, 2)),  # a hashtag's body
    ],
)
def test_needs_rules_finds_what_a_rule_reads(text, span):
    doc = NLP(text)
    assert needs_rules((*span, 0), doc)


def test_needs_rules_passes_plain_names_and_reads_batch_offsets():
    doc = NLP("Ilse Varga met Jonas Berg in Lima .")
    assert not needs_rules((10, 12, 0), doc, offset=10)
    assert not needs_rules((13, 15, 0), doc, offset=10)
    assert needs_rules((12, 15, 0), doc, offset=10)  # "met" inside


def test_needs_rules_keeps_its_cache_bounded(monkeypatch):
    monkeypatch.setattr(spanrules, "CACHE_SIZE", 5)
    for word in ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]:
        doc = NLP(f"{word} Varga and {word}son")
        needs_rules((0, 2, 0), doc)
        needs_rules((3, 4, 0), doc)
        assert len(spanrules._INSIDE) <= 5 + 4 and len(spanrules._AFTER) <= 5 + 4


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("labels", [[0], [0, 1]])
def test_run_rules_equals_the_rules_on_every_span(text, labels):
    doc = NLP(text)
    draw = random.Random(0)
    for _ in range(300):
        spans, i = [], 0
        while i < len(doc):  # spans side by side, apart, of both labels
            width = draw.randint(1, 4)
            if draw.random() < 0.6:
                spans.append((i, min(i + width, len(doc)), draw.choice(labels)))
            i += width if draw.random() < 0.5 else width + 1
        want = apply_rules(spans, doc, [0], 0, ALL_ON)
        assert run_rules(spans, doc, [0], 0, ALL_ON) == want, spans


@pytest.mark.parametrize(
    "text, spans, want",
    [
        ("chairman Azman bin Rosli said", [(1, 2, 0), (3, 4, 0)], [(1, 4, 0)]),
        ("Sheikh Mohammed bin Rashid Al Maktoum", [(1, 2, 0), (3, 6, 0)], [(1, 6, 0)]),
        (
            "Mariem mint Lemrabott and Sidi",
            [(0, 1, 0), (2, 3, 0), (4, 5, 0)],
            [(0, 3, 0), (4, 5, 0)],
        ),
    ],
)
def test_run_rules_joins_plain_names_across_a_particle(text, spans, want):
    """Two plain names with ``bin`` between are one group, and ``join_particles`` reads it."""
    doc = NLP(text)
    assert run_rules(spans, doc, [0], 0, ALL_ON) == want
    assert apply_rules(spans, doc, [0], 0, ALL_ON) == want


def _checkset_texts():
    folder = Path(__file__).resolve().parent.parent / "corpus" / "checkset"
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf8") as lines:
            yield from (json.loads(line)["text"] for line in lines if line.strip())


def test_may_find_passes_every_doc_a_finder_finds_a_name_in():
    texts = [*TEXTS, *_checkset_texts()]
    found = skipped = 0
    for text in texts + [t.lower() for t in texts] + [t.upper() for t in texts]:
        doc = NLP(text)
        if whole_doc_rules([], doc, [0], 0, ALL_ON):
            found += 1
            assert may_find(doc), text
        skipped += not may_find(doc)
    assert found > 300  # the finders do find names in docs with no span
    assert skipped > len(texts) // 4  # and many docs (written in two cases) skip them


@pytest.mark.parametrize(
    "text,want",
    [
        ("Ilse Varga flew to Lima on Tuesday .", False),
        ("x", False),
        ("Chisom shrugged and left", True),  # take_speakers: a gesture
        ("Prices rose , the ministry said", False),  # a verb of speech with no quote
        ("survived by her son Athelstan", True),  # take_honorifics: a relation
        ("Thank you for your order , Onyinyechi !", True),  # take_addressees: a call
        ("Pa Nhia Vang ( born 1979 ) sang .", True),
        ("Hi Loveday , see you soon", True),
        ("PRESENTER : welcome Hasmukh", True),
        ("The paper by Okafor et al. shows it .", True),
        ("Later Mayor Beaumont spoke .", True),
        ('" Come in , Tamsin , " she said .', True),
        ("lol tiwonge pls delete the pic", True),
    ],
)
def test_may_find_reads_each_finders_words(text, want):
    assert may_find(NLP(text)) is want
