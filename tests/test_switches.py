"""Tests for spacy_elman.switches: chat names cut where another language starts."""

import pytest
import spacy

from spacy_elman.switches import trim_switches

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, span, want",
    [
        ("yahir wey , ¿ ya llegaste ?", (0, 2), "yahir"),  # two words before a comma
        ("małgosia dzięki za wczoraj ! !", (0, 3), "małgosia"),  # three, no surname last
        ("kuba idziesz jutro na mecz ?", (0, 5), "kuba"),  # four or more
        ("bhaiya navdeep kab aa rahe ho ?", (0, 5), "navdeep"),  # past a word of address
        ("min-jae hyung sang at karaoke", (0, 6), "min-jae"),  # a hyphenated first word
        ("shah rukh khan in dilwale", (0, 3), "shah rukh khan"),  # a surname ends it
        ("khánh vy is here", (0, 2), "khánh vy"),  # two words, no comma
        ("missing ali askar , chandu", (1, 3), "ali askar"),  # two words, not at the start
        ("chika w. okwu teaches online", (0, 3), "chika w. okwu"),  # an initial: a name
        ("kha bin layla shaheen , the researcher", (0, 4), "kha bin layla shaheen"),  # "bin"
        ("chiamaka qai , zafuo marchetti and ariana", (0, 2), "chiamaka qai"),  # a list (below)
        ("hinata chan , arigatou for the ramen", (0, 2), "hinata"),  # a span, but no list
        ("Yahir Wey , ¿ ya llegaste ?", (0, 2), "Yahir Wey"),  # capitals: the model's call
        ("ok Yahir said yahir wey , ¿ ya", (3, 5), "yahir wey"),  # a line with capitals
    ],
)
def test_trim_switches_cuts_lower_case_chat_names_to_their_first_word(text, span, want):
    doc = NLP(text)
    listed = [(3, 5, 0)] if text.startswith(("chiamaka", "hinata")) else []  # a span after it
    (start, end, _), *_ = trim_switches([(*span, 0), *listed], doc, [0])
    assert doc[start:end].text == want


def test_trim_switches_leaves_other_labels_and_reads_offsets():
    doc = NLP("małgosia dzięki za wczoraj")
    assert trim_switches([(10, 13, 1)], doc, [0], offset=10) == [(10, 13, 1)]
    assert trim_switches([(10, 13, 0)], doc, [0], offset=10) == [(10, 11, 0)]
