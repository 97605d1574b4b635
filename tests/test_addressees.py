"""Tests for spacy_elman.addressees: the name addressed at the end of quoted speech, a question
or an exclamation."""

import pytest
import spacy

from spacy_elman.addressees import take_addressees

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text, want",
    [
        ('"Late again, Lancelot," said Mrs Trethewey.', ["Lancelot"]),
        ("'The trains, Bathsheba,' Osric said.", ["Bathsheba"]),  # single quotes
        ('"Come here, Ama Obi!" she called.', ["Ama Obi"]),  # two words, "!"
        ('He said, "Yes," and left.', []),  # no name before the quote
        ('"Late again, the bus," he said.', []),  # a stop word
        ("Late again, Lancelot, said Mrs Trethewey.", []),  # no quote
        ('"We had strong reports," said Ann Lee, Salomon Bros. "', []),  # no quote open
        ("Thank you for your order, Onyinyechi! Your parcel is on its way.", ["Onyinyechi"]),
        ("Where are my keys, Summer?", ["Summer"]),  # a question, no quote
        ("Well done, Leicester!", []),  # a place
        ("Well done, everyone!", []),  # no capital
        ("I met Ann, Lee and Obi.", []),  # a list, no call
    ],
)
def test_take_addressees_tags_the_name_spoken_to(text, want):
    doc = NLP(text)
    assert [doc[s:e].text for s, e, _ in take_addressees([], doc, [0])] == want


def test_take_addressees_leaves_names_a_span_touches_and_reads_offsets():
    doc = NLP('"Late again, Lancelot," said Ann.')
    assert take_addressees([(14, 15, 1)], doc, [0], offset=10) == [(14, 15, 1)]
    assert take_addressees([], doc, [0], offset=10) == [(14, 15, 0)]
