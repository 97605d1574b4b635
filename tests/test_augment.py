"""Tests for spacy_elman.augment: names swapped into the gold name slots, then lower case.

The sentences are invented (no CoNLL-2003 text).
"""

import random
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

import spacy_elman.augment as augment
from spacy_elman.augment import (
    create_names_augmenter,
    is_latin_name,
    name_pool,
    swap_names,
)
from spacy_elman.errors import ElmanError

NLP = spacy.blank("en")
WORDS = "Mira Olsen ( captain ) and J. R. Okafor met OLSEN in Oslo .".split()
TAGS = ["B-NAME", "I-NAME", "O", "O", "O", "O", "B-NAME", "I-NAME", "I-NAME", "O", "B-NAME"]
TAGS += ["O", "B-LOC", "O"]


def example(words=WORDS, tags=TAGS, raw: bool = False) -> Example:
    reference = Doc(NLP.vocab, words=words, ents=tags)
    predicted = NLP.make_doc(reference.text) if raw else Doc(NLP.vocab, words=words)
    return Example(predicted, reference)


def tags_of(doc: Doc) -> list[str]:
    return [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else t.ent_iob_ for t in doc]


def test_swap_names_keeps_tokens_tags_and_other_words():
    eg = swap_names(NLP, example(), ("NAME",), random.Random(0))
    new = [t.text for t in eg.reference]
    assert len(new) == len(WORDS)
    assert tags_of(eg.reference) == TAGS
    for old, word, tag in zip(WORDS, new, TAGS):
        if tag.endswith("NAME"):
            assert word != old
        else:
            assert word == old
    assert [t.text for t in eg.predicted] == new


def test_swap_names_same_word_same_name_in_its_case():
    for seed in range(20):
        new = [t.text for t in swap_names(NLP, example(), ("NAME",), random.Random(seed)).reference]
        assert new[10] == new[1].upper()  # OLSEN is Olsen's new surname, upper-cased
        assert new[6].endswith(".") and len(new[6]) == 2  # an initial stays an initial
        assert new[7].endswith(".") and len(new[7]) == 2


def test_swap_names_lower_case_name_stays_lower_case():
    words = "ask priya about it".split()
    eg = swap_names(NLP, example(words, ["O", "B-NAME", "O", "O"]), ("NAME",), random.Random(3))
    assert eg.reference[1].text.islower() and eg.reference[1].text != "priya"


def test_swap_names_keeps_particles_of_a_capitalised_name():
    words = "Ilse van der Berg spoke".split()
    tags = ["B-NAME", "I-NAME", "I-NAME", "I-NAME", "O"]
    eg = swap_names(NLP, example(words, tags), ("NAME",), random.Random(4))
    new = [t.text for t in eg.reference]
    assert new[1:3] == ["van", "der"] and new[0] != "Ilse" and new[3] != "Berg"


def test_swap_names_leaves_other_labels_and_odd_entities():
    words = "Agent 007 met Oslo".split()
    tags = ["B-NAME", "I-NAME", "O", "B-LOC"]
    eg = example(words, tags)
    assert swap_names(NLP, eg, ("NAME",), random.Random(0)) is eg  # a digit: not a name's word
    assert swap_names(NLP, example(), ("PER",), random.Random(0)).text == example().text


def test_swap_names_keeps_missing_annotation():
    tags = list(TAGS)
    tags[13] = ""  # the final "." unannotated
    eg = swap_names(NLP, example(tags=tags), ("NAME",), random.Random(1))
    assert eg.reference[13].ent_iob_ == ""
    assert eg.reference[12].ent_type_ == "LOC"


def test_swap_names_raw_text_example_is_retokenized():
    words = ["Ana", "Diaz-Soto", "spoke", "."]
    tags = ["B-NAME", "I-NAME", "O", "O"]
    eg = swap_names(NLP, example(words, tags, raw=True), ("NAME",), random.Random(2))
    assert eg.predicted.text == eg.reference.text
    assert [t.text for t in eg.predicted] == [t.text for t in NLP.make_doc(eg.reference.text)]
    aligned = eg.get_aligned_ner()
    assert aligned[-2:] == ["O", "O"] and aligned[0] in ("B-NAME", "U-NAME")


def test_names_augmenter_shares():
    eg = example()
    off = create_names_augmenter(names=0.0, level=0.0)
    assert [x.text for x in off(NLP, eg)] == [eg.text]
    on = create_names_augmenter(names=1.0, level=1.0)
    (out,) = list(on(NLP, eg))
    assert out.text == out.text.lower() and out.text != eg.text.lower()
    assert [e.label_ for e in out.reference.ents] == ["NAME", "NAME", "NAME", "LOC"]


def test_names_augmenter_is_reproducible_under_the_global_seed():
    aug = create_names_augmenter(names=1.0, level=0.0)
    texts = []
    for _ in range(2):
        random.seed(7)
        texts.append([next(iter(aug(NLP, example()))).text for _ in range(3)])
    assert texts[0] == texts[1] and len(set(texts[0])) == 3


def test_name_pool_is_many_origins_of_one_token_names():
    pool = name_pool()
    assert len(pool) >= 40
    for first, last in pool:
        assert first and last
        assert all(is_latin_name(name) for name in first + last)


@pytest.mark.parametrize("text", ["", "[1, 2]", '{"xx": [[], ["Berg"]]}', "{}"])
def test_name_pool_missing_or_bad_file_is_a_clear_error(tmp_path, monkeypatch, text):
    path = tmp_path / "name_pool.json"
    if text:
        path.write_text(text, encoding="utf8")
    monkeypatch.setattr(augment, "NAME_POOL_PATH", path)
    name_pool.cache_clear()
    try:
        with pytest.raises(ElmanError, match=r"\[E025\].*name_pool\.json"):
            name_pool()
    finally:
        name_pool.cache_clear()


@pytest.mark.parametrize("name", ["Ngozi", "Adebayo-Cole", "O'Neill", "Lepistö", "Đặng"])
def test_is_latin_name_accepts(name):
    assert is_latin_name(name)


@pytest.mark.parametrize("name", ["van", "May", "Anna Lena", "R2", "Иван", "明"])
def test_is_latin_name_rejects(name):
    assert not is_latin_name(name)


def test_names_augmenter_found_by_entry_point():
    code = (
        "import spacy; "
        "f = spacy.registry.augmenters.get('spacy_elman.names_lower_case.v1'); "
        "print(f.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "spacy_elman.augment"
