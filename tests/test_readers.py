"""Tests for spacy_elman.readers: CoNLL / JSONL / .spacy corpus readers and their errors.

All fixture files are written into tmp_path; the sentences are invented (no CoNLL-2003 text).
"""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from thinc.api import Config

from spacy_elman.errors import ElmanError
from spacy_elman.readers import (
    FORMATS,
    apply_labels,
    create_corpus_reader,
    detect_format,
    parse_label_map,
    read_docs,
    read_examples,
)

NLP = spacy.blank("en")


@pytest.fixture
def nlp():
    return NLP


def ents(doc: Doc) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def conll(*sentences: str) -> str:
    """Join sentences given as 'tok TAG\\ntok TAG' blocks into a CoNLL file body."""
    return "\n\n".join(s.strip("\n") for s in sentences) + "\n"


def jsonl(*records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def write_docbin(path: Path, docs: list[Doc]) -> Path:
    DocBin(docs=docs).to_disk(path)
    return path


def make_doc(words: list[str], spans: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(NLP.vocab, words=words)
    doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in spans], default="outside")
    return doc


# The same two sentences in all three formats, for label_map / labels tests.
SENT1 = ["Mira", "Olsen", "joined", "Fjordbank", "in", "Bergen", "."]
ENTS1 = [(0, 2, "PER"), (3, 4, "ORG"), (5, 6, "LOC")]
SENT2 = ["Tomas", "visited", "Oslo"]
ENTS2 = [(0, 1, "PER"), (2, 3, "LOC")]


def iob2(words: list[str], spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * len(words)
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def write_all_formats(tmp_path: Path) -> dict[str, Path]:
    """The two sentences above as a .conll, a .jsonl (text + tokens records) and a .spacy file."""
    lines = []
    for words, spans in ((SENT1, ENTS1), (SENT2, ENTS2)):
        lines.append("\n".join(f"{w}\t{t}" for w, t in zip(words, iob2(words, spans))))
    text1 = "Mira Olsen joined Fjordbank in Bergen."
    rec1 = {
        "text": text1,
        "spans": [
            {"start": 0, "end": 10, "label": "PER"},
            {"start": 18, "end": 27, "label": "ORG"},
            {"start": 31, "end": 37, "label": "LOC"},
        ],
    }
    rec2 = {"tokens": SENT2, "tags": iob2(SENT2, ENTS2)}
    docs = [make_doc(SENT1, ENTS1), make_doc(SENT2, ENTS2)]
    return {
        "conll": write(tmp_path / "c.conll", conll(*lines)),
        "jsonl": write(tmp_path / "j.jsonl", jsonl(rec1, rec2)),
        "spacy": write_docbin(tmp_path / "d.spacy", docs),
    }


def assert_error(excinfo, *parts: str) -> None:
    message = str(excinfo.value)
    for part in parts:
        assert part in message, f"{part!r} not in {message!r}"


# --- detect_format / parse_label_map ------------------------------------------------------


@pytest.mark.parametrize(
    "name,expected",
    [
        ("a.conll", "conll"),
        ("a.txt", "conll"),
        ("a.iob", "conll"),
        ("a.IOB2", "conll"),
        ("a.tsv", "conll"),
        ("a.bio", "conll"),
        ("a.jsonl", "jsonl"),
        ("a.json", "jsonl"),
        ("dir/a.spacy", "spacy"),
    ],
)
def test_detect_format_by_extension(name, expected):
    assert detect_format(name) == expected
    assert detect_format(Path(name)) == expected


def test_detect_format_explicit_format_wins():
    assert detect_format("data.spacy", "conll") == "conll"
    assert detect_format("data.unknown", "JSONL") == "jsonl"
    assert set(FORMATS) == {"conll", "jsonl", "spacy"}


def test_detect_format_unknown_extension_names_file():
    with pytest.raises(ElmanError) as excinfo:
        detect_format("corpus/train.xml")
    assert_error(excinfo, "[E104]", "corpus/train.xml", ".xml")


def test_detect_format_invalid_format_name_raises():
    with pytest.raises(ElmanError) as excinfo:
        detect_format("train.conll", "csv")
    assert_error(excinfo, "[E103]", "train.conll", "'csv'", "conll, jsonl, spacy")


def test_parse_label_map_valid_items():
    assert parse_label_map(["PER=NAME", " ORG = COMPANY "]) == {
        "PER": "NAME",
        "ORG": "COMPANY",
    }
    assert parse_label_map([]) == {}


@pytest.mark.parametrize("item", ["PER", "=NAME", "PER=", "A=B=C", "PER=MY NAME"])
def test_parse_label_map_malformed_item_raises(item):
    with pytest.raises(ElmanError) as excinfo:
        parse_label_map([item])
    assert_error(excinfo, "[E105]", item)


def test_parse_label_map_conflicting_items_raise():
    with pytest.raises(ElmanError) as excinfo:
        parse_label_map(["PER=NAME", "PER=PERSON"])
    assert_error(excinfo, "[E105]", "already mapped to 'NAME'")


def test_apply_labels_renames_then_filters(nlp):
    doc = make_doc(SENT1, ENTS1)
    spans = apply_labels(doc.ents, {"PER": "NAME", "LOC": "PLACE"}, ["NAME", "ORG"])
    assert [(s.start, s.end, s.label_) for s in spans] == [(0, 2, "NAME"), (3, 4, "ORG")]
    assert [s.label_ for s in apply_labels(doc.ents)] == ["PER", "ORG", "LOC"]


# --- CoNLL --------------------------------------------------------------------------------


def test_conll_four_columns_iob1_decodes_entities(tmp_path, nlp):
    path = write(
        tmp_path / "train.conll",
        "-DOCSTART- -X- O O\n\n"
        "Mira NNP B-NP I-PER\nOlsen NNP I-NP I-PER\nsaw VBD B-VP O\n"
        "Oslo NNP B-NP I-LOC\n. PUNCT O O\n",
    )
    (doc,) = read_docs(path, nlp)
    assert [t.text for t in doc] == ["Mira", "Olsen", "saw", "Oslo", "."]
    assert ents(doc) == [(0, 2, "PER"), (3, 4, "LOC")]


@pytest.mark.parametrize(
    "tags,expected",
    [
        (["I-PER", "I-PER", "B-PER"], [(0, 2, "PER"), (2, 3, "PER")]),
        (["O", "I-LOC"], [(1, 2, "LOC")]),
        (["I-PER", "I-LOC", "I-LOC"], [(0, 1, "PER"), (1, 3, "LOC")]),
        (["I-ORG", "O", "I-ORG"], [(0, 1, "ORG"), (2, 3, "ORG")]),
    ],
)
def test_conll_iob1_tags_decode(tmp_path, nlp, tags, expected):
    words = [f"w{i}" for i in range(len(tags))]
    path = write(tmp_path / "a.conll", "".join(f"{w} {t}\n" for w, t in zip(words, tags)))
    (doc,) = read_docs(path, nlp)
    assert ents(doc) == expected


@pytest.mark.parametrize(
    "tags,expected",
    [
        (["B-PER", "I-PER", "B-PER"], [(0, 2, "PER"), (2, 3, "PER")]),
        (["B-PER", "B-PER", "O"], [(0, 1, "PER"), (1, 2, "PER")]),
        (["O", "B-LOC", "I-LOC"], [(1, 3, "LOC")]),
        (["B-PER", "I-LOC", "O"], [(0, 1, "PER"), (1, 2, "LOC")]),
    ],
)
def test_conll_iob2_tags_decode(tmp_path, nlp, tags, expected):
    words = [f"w{i}" for i in range(len(tags))]
    path = write(tmp_path / "a.iob2", "".join(f"{w}\t{t}\n" for w, t in zip(words, tags)))
    (doc,) = read_docs(path, nlp)
    assert ents(doc) == expected


def test_conll_docstart_and_blank_lines_split_sentences(tmp_path, nlp):
    path = write(
        tmp_path / "a.conll",
        "\n\n-DOCSTART- O\n\n\nAnna B-PER\nsang O\n\n\n\nBo B-PER\n"
        "-DOCSTART- O\nhi O\n   \n\t\nEnd O",  # last line has no newline
    )
    docs = list(read_docs(path, nlp))
    assert [[t.text for t in d] for d in docs] == [["Anna", "sang"], ["Bo"], ["hi"], ["End"]]
    assert ents(docs[0]) == [(0, 1, "PER")]
    assert ents(docs[1]) == [(0, 1, "PER")]


def test_conll_two_columns_wnut_style(tmp_path, nlp):
    path = write(
        tmp_path / "wnut.tsv",
        "@kim\tO\nloves\tO\nnew\tB-location\nyork\tI-location\n\nok\tO\n",
    )
    docs = list(read_docs(path, nlp))
    assert len(docs) == 2
    assert ents(docs[0]) == [(2, 4, "location")]
    assert ents(docs[1]) == []


def test_conll_spaces_and_outside_tokens(tmp_path, nlp):
    path = write(tmp_path / "a.conll", "Ada B-PER\nruns O\n.\tO\r\n")
    (doc,) = read_docs(path, nlp)
    assert doc.text == "Ada runs ."
    assert [bool(t.whitespace_) for t in doc] == [True, True, False]
    assert [t.ent_iob_ for t in doc] == ["B", "O", "O"]


def test_conll_round_trip_preserves_words_and_entities(tmp_path, nlp):
    originals = [make_doc(SENT1, ENTS1), make_doc(SENT2, ENTS2)]
    blocks = []
    for doc in originals:
        tags = iob2([t.text for t in doc], ents(doc))
        blocks.append("\n".join(f"{t.text} X Y {tag}" for t, tag in zip(doc, tags)))
    path = write(tmp_path / "rt.conll", conll(*blocks))
    docs = list(read_docs(path, nlp))
    assert [[t.text for t in d] for d in docs] == [SENT1, SENT2]
    assert [ents(d) for d in docs] == [ENTS1, ENTS2]


def test_conll_utf8_bom_and_nbsp_token(tmp_path, nlp):
    path = tmp_path / "a.conll"
    path.write_bytes("\ufeffZoë B-PER\n\u00a0 O\n".encode())
    (doc,) = read_docs(path, nlp)
    assert [t.text for t in doc] == ["Zoë", "\u00a0"]


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_text_spans_round_trip(tmp_path, nlp):
    text = "Mira Olsen joined Fjordbank in Bergen."
    spans = [
        {"start": 0, "end": 10, "label": "PER"},
        {"start": 31, "end": 37, "label": "LOC"},
    ]
    path = write(
        tmp_path / "a.jsonl",
        "\n" + jsonl({"text": text, "spans": spans, "meta": {"id": 1}}) + "  \n",
    )
    (doc,) = read_docs(path, nlp)
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in nlp.make_doc(text)]
    got = [{"start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents]
    assert got == spans
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)


def test_jsonl_text_without_entities(tmp_path, nlp):
    path = write(tmp_path / "a.jsonl", jsonl({"text": "nothing here", "spans": []}))
    (doc,) = read_docs(path, nlp)
    assert ents(doc) == []
    assert [t.ent_iob_ for t in doc] == ["O", "O"]


def test_jsonl_tokens_tags_with_and_without_spaces(tmp_path, nlp):
    path = write(
        tmp_path / "a.json",
        jsonl(
            {"tokens": ["Ida", "'s", "cat"], "tags": ["B-PER", "O", "O"]},
            {
                "tokens": ["Ida", "'s", "cat"],
                "tags": ["I-PER", "O", "O"],
                "spaces": [False, True, False],
                "source": "x",
            },
        ),
    )
    first, second = read_docs(path, nlp)
    assert first.text == "Ida 's cat"
    assert second.text == "Ida's cat"
    assert ents(first) == ents(second) == [(0, 1, "PER")]


def test_readers_mark_docs_without_spacing_as_unknown_spaces(tmp_path, nlp):
    conll_path = write(tmp_path / "a.conll", "-DOCSTART- O\n\nAda B-PER\nruns O\n\nBo B-PER\n")
    json_path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {"tokens": ["Ida", "runs"], "tags": ["B-PER", "O"]},
            {"tokens": ["Ida", "runs"], "tags": ["B-PER", "O"], "spaces": [True, False]},
            {"text": "Ida runs", "spans": []},
        ),
    )
    assert [d.has_unknown_spaces for d in read_docs(conll_path, nlp)] == [True, True]
    (joined,) = read_docs(conll_path, nlp, documents=True)
    assert joined.has_unknown_spaces
    assert [d.has_unknown_spaces for d in read_docs(json_path, nlp)] == [True, False, False]
    examples = list(read_examples(conll_path, nlp))
    assert all(eg.predicted.has_unknown_spaces for eg in examples)  # gold_preproc keeps it
    raw = list(read_examples(conll_path, nlp, gold_preproc=False))
    assert not any(eg.predicted.has_unknown_spaces for eg in raw)  # the tokenizer's spaces


def test_jsonl_prodigy_style_record_uses_text_and_spans(tmp_path, nlp):
    record = {
        "text": "Hi Bo",
        "tokens": [{"text": "Hi", "start": 0, "end": 2, "id": 0}],
        "spans": [{"start": 3, "end": 5, "label": "PER", "token_start": 1, "token_end": 1}],
    }
    path = write(tmp_path / "a.jsonl", jsonl(record))
    (doc,) = read_docs(path, nlp)
    assert ents(doc) == [(1, 2, "PER")]


# --- .spacy -------------------------------------------------------------------------------


def test_spacy_docbin_round_trip(tmp_path, nlp):
    originals = [make_doc(SENT1, ENTS1), make_doc(SENT2, ENTS2)]
    path = write_docbin(tmp_path / "a.spacy", originals)
    docs = list(read_docs(path, nlp))
    assert [d.text for d in docs] == [d.text for d in originals]
    assert [ents(d) for d in docs] == [ENTS1, ENTS2]


def test_spacy_docbin_missing_annotation_becomes_outside(tmp_path, nlp):
    doc = Doc(NLP.vocab, words=["Eva", "sings"])
    doc.set_ents([Span(doc, 0, 1, label="PER")])  # token 1 stays unannotated
    path = write_docbin(tmp_path / "a.spacy", [doc])
    (read,) = read_docs(path, nlp)
    assert [t.ent_iob_ for t in read] == ["B", "O"]


# --- label_map / labels (all formats) -----------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_label_map_renames_labels(tmp_path, nlp, fmt):
    path = write_all_formats(tmp_path)[fmt]
    docs = list(read_docs(path, nlp, label_map={"PER": "NAME", "LOC": "PLACE"}))
    assert [ents(d) for d in docs] == [
        [(0, 2, "NAME"), (3, 4, "ORG"), (5, 6, "PLACE")],
        [(0, 1, "NAME"), (2, 3, "PLACE")],
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_labels_filter_drops_other_entities(tmp_path, nlp, fmt):
    path = write_all_formats(tmp_path)[fmt]
    docs = list(read_docs(path, nlp, labels=["LOC"]))
    assert [ents(d) for d in docs] == [[(5, 6, "LOC")], [(2, 3, "LOC")]]
    assert [t.ent_iob_ for t in docs[0]] == ["O", "O", "O", "O", "O", "B", "O"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_label_map_and_labels_together_keep_mapped_label(tmp_path, nlp, fmt):
    path = write_all_formats(tmp_path)[fmt]
    label_map = parse_label_map(["PER=NAME"])
    docs = list(read_docs(path, nlp, label_map=label_map, labels=["NAME"]))
    assert [ents(d) for d in docs] == [[(0, 2, "NAME")], [(0, 1, "NAME")]]


# --- read_examples / laziness -------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_examples_predicted_has_gold_words_and_no_ents(tmp_path, nlp, fmt):
    path = write_all_formats(tmp_path)[fmt]
    examples = list(read_examples(path, nlp))
    assert len(examples) == 2
    for eg in examples:
        assert isinstance(eg, Example)
        assert [t.text for t in eg.predicted] == [t.text for t in eg.reference]
        assert eg.predicted.text == eg.reference.text
        assert eg.predicted.ents == ()
    assert ents(examples[0].reference) == ENTS1


def test_read_docs_is_lazy(tmp_path, nlp):
    path = write(tmp_path / "a.conll", "Ann B-PER\n\nbad X-PER\n")
    docs = read_docs(path, nlp)
    assert ents(next(docs)) == [(0, 1, "PER")]
    with pytest.raises(ElmanError):
        next(docs)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["missing.conll", "missing.jsonl", "missing.spacy"])
def test_error_file_not_found(tmp_path, nlp, name):
    path = tmp_path / name
    with pytest.raises(ElmanError) as excinfo:
        read_docs(path, nlp)
    assert_error(excinfo, "[E101]", str(path), "not found")


def test_error_path_is_directory(tmp_path, nlp):
    path = tmp_path / "dir.conll"
    path.mkdir()
    with pytest.raises(ElmanError) as excinfo:
        read_docs(path, nlp)
    assert_error(excinfo, "[E102]", str(path))


def test_error_conll_column_count_differs_from_first_line(tmp_path, nlp):
    body = "-DOCSTART- -X- O\n\nA NNP B-NP B-PER\nb VB B-VP O\n\nc NN O\n"
    path = write(tmp_path / "train.conll", body)
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E108]", f"{path}:6:", "expected 4 columns (as on line 3), found 3")


def test_error_conll_fewer_than_two_columns(tmp_path, nlp):
    path = write(tmp_path / "train.conll", "A B-PER\nlonely\n")
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E107]", f"{path}:2:", "at least 2 columns", "found 1")


@pytest.mark.parametrize("tag", ["X-PER", "B-", "BPER", "I-", "o", "U-PER", "L-LOC"])
def test_error_conll_invalid_tag(tmp_path, nlp, tag):
    path = write(tmp_path / "train.conll", f"A O\nB {tag}\n")
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E109]", f"{path}:2:", f"invalid NER tag '{tag}'")


@pytest.mark.parametrize("tag", ["X-PER", "B-", "BPER", 3])
def test_error_jsonl_invalid_tag(tmp_path, nlp, tag):
    record = {"tokens": ["a", "b"], "tags": ["O", tag]}
    path = write(tmp_path / "a.jsonl", jsonl({"text": "ok", "spans": []}, record))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E109]", f"{path}:2:", f"invalid NER tag '{tag}'", "tags[1]")


def test_error_jsonl_not_json(tmp_path, nlp):
    path = write(tmp_path / "a.jsonl", '{"text": "ok", "spans": []}\n\n{"text": \n')
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E110]", f"{path}:3:", "not valid JSON", "Expecting value")


@pytest.mark.parametrize("line,found", [("[1, 2]", "a list"), ('"text"', "a string")])
def test_error_jsonl_not_an_object(tmp_path, nlp, line, found):
    path = write(tmp_path / "a.jsonl", line + "\n")
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E111]", f"{path}:1:", "expected a JSON object", found)


@pytest.mark.parametrize(
    "record,key",
    [
        ({"spans": []}, "'text'"),
        ({"tokens": ["a"]}, "'tags'"),
        ({"text": "a b"}, "'spans'"),
        ({"text": "a b", "spans": [{"start": 0, "end": 1}]}, "'spans[0].label'"),
    ],
)
def test_error_jsonl_missing_key(tmp_path, nlp, record, key):
    path = write(tmp_path / "a.jsonl", jsonl(record))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E112]", f"{path}:1:", f"missing key {key}")


def span_record(**span):
    return {"text": "ab", "spans": [{"start": 0, "end": 2, "label": "X", **span}]}


@pytest.mark.parametrize(
    "record,key,found",
    [
        ({"text": 5, "spans": []}, "'text'", "an integer"),
        ({"text": "a", "spans": {}}, "'spans'", "an object"),
        ({"text": "a", "spans": ["x"]}, "'spans[0]'", "a string"),
        (span_record(start="0"), "'spans[0].start'", "a string"),
        (span_record(end=True), "'spans[0].end'", "a boolean"),
        (span_record(end=1.5), "'spans[0].end'", "a number"),
        (span_record(label=""), "'spans[0].label'", "a string"),
        (span_record(label=["PER"]), "'spans[0].label'", "a list"),
        ({"tokens": "a b", "tags": ["O"]}, "'tokens'", "a string"),
        ({"tokens": ["a", ""], "tags": ["O", "O"]}, "'tokens[1]'", "a string"),
        ({"tokens": ["a"], "tags": None}, "'tags'", "null"),
        ({"tokens": ["a"], "tags": ["O"], "spaces": [1]}, "'spaces[0]'", "an integer"),
    ],
)
def test_error_jsonl_ill_typed_key(tmp_path, nlp, record, key, found):
    path = write(tmp_path / "a.jsonl", jsonl(record))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E113]", f"{path}:1:", f"{key} must be", f"found {found}")


@pytest.mark.parametrize(
    "record,key",
    [
        ({"tokens": ["a", "b"], "tags": ["O"]}, "'tags' has 1 items but 'tokens' has 2"),
        (
            {"tokens": ["a", "b"], "tags": ["O", "O"], "spaces": [True]},
            "'spaces' has 1 items but 'tokens' has 2",
        ),
    ],
)
def test_error_jsonl_length_mismatch(tmp_path, nlp, record, key):
    path = write(tmp_path / "a.jsonl", jsonl(record))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E114]", f"{path}:1:", key)


@pytest.mark.parametrize("start,end", [(3, 3), (-1, 2), (2, 99), (5, 2)])
def test_error_jsonl_span_outside_text(tmp_path, nlp, start, end):
    record = {"text": "Hi Bo", "spans": [{"start": start, "end": end, "label": "PER"}]}
    path = write(tmp_path / "a.jsonl", jsonl(record))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E115]", f"{path}:1:", "spans[0]", "outside the text")


def test_error_jsonl_span_not_aligned_shows_text(tmp_path, nlp):
    good = {"text": "ok", "spans": []}
    bad = {"text": "We met Bob Dylan.", "spans": [{"start": 7, "end": 12, "label": "PER"}]}
    path = write(tmp_path / "a.jsonl", jsonl(good, good, bad))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E116]", f"{path}:3:", "'Bob D'", "does not align", "['Bob', 'Dylan']")


def test_error_jsonl_overlapping_spans(tmp_path, nlp):
    spans = [
        {"start": 0, "end": 9, "label": "PER"},
        {"start": 5, "end": 9, "label": "LOC"},
    ]
    path = write(tmp_path / "a.jsonl", jsonl({"text": "Anna Lind sings", "spans": spans}))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E117]", f"{path}:1:", "overlap", "'Anna Lind'", "'Lind'")


@pytest.mark.parametrize("content", [b"", b"not a docbin at all", b"\x78\x9c garbage"])
def test_error_spacy_file_unreadable(tmp_path, nlp, content):
    path = tmp_path / "broken.spacy"
    path.write_bytes(content)
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E118]", str(path), "cannot read")


def test_error_not_utf8_names_line(tmp_path, nlp):
    path = tmp_path / "latin1.conll"
    path.write_bytes("A O\n\nB O\nZo\u00eb B-PER\n".encode("latin-1"))
    with pytest.raises(ElmanError) as excinfo:
        list(read_docs(path, nlp))
    assert_error(excinfo, "[E106]", f"{path}:4:", "not valid UTF-8")


# --- registered reader --------------------------------------------------------------------


def test_registered_reader_yields_examples(tmp_path, nlp):
    path = write_all_formats(tmp_path)["conll"]
    make_reader = spacy.registry.readers.get("spacy_elman.Corpus.v1")
    assert make_reader is create_corpus_reader
    corpus = make_reader(path, label_map={"PER": "NAME"}, labels=["NAME", "LOC"])
    for _ in range(2):  # re-iterable, like spacy.Corpus.v1
        examples = list(corpus(nlp))
        assert [ents(eg.reference) for eg in examples] == [
            [(0, 2, "NAME"), (5, 6, "LOC")],
            [(0, 1, "NAME"), (2, 3, "LOC")],
        ]


def test_registered_reader_none_path_yields_nothing(nlp):
    corpus = spacy.registry.readers.get("spacy_elman.Corpus.v1")(None)
    assert list(corpus(nlp)) == []


def test_registered_reader_format_limit_and_shuffle(tmp_path, nlp):
    body = conll(*(f"w{i} B-PER\nx O" for i in range(10)))
    path = write(tmp_path / "corpus.data", body)
    make_reader = spacy.registry.readers.get("spacy_elman.Corpus.v1")
    limited = list(make_reader(path, format="conll", limit=3)(nlp))
    assert [eg.reference[0].text for eg in limited] == ["w0", "w1", "w2"]
    random.seed(0)
    shuffled = [eg.reference[0].text for eg in make_reader(path, "conll", shuffle=True)(nlp)]
    assert sorted(shuffled) == sorted(f"w{i}" for i in range(10))
    assert shuffled != [f"w{i}" for i in range(10)]


def test_registered_reader_resolves_from_config(tmp_path, nlp):
    path = write_all_formats(tmp_path)["jsonl"]
    cfg = {
        "train": {
            "@readers": "spacy_elman.Corpus.v1",
            "path": str(path),
            "labels": ["ORG"],
        }
    }
    corpus = spacy.registry.resolve(cfg)["train"]
    assert [ents(eg.reference) for eg in corpus(nlp)] == [[(3, 4, "ORG")], []]


def test_joined_reader_yields_each_part_in_turn_with_its_settings(tmp_path, nlp):
    first = write(tmp_path / "a.conll", conll("Ana B-PER\nran O", "Bo B-PER"))
    second = write(tmp_path / "b.conll", conll(*(f"w{i} B-ORG" for i in range(5))))
    cfg = Config().from_str(
        f"""
[train]
@readers = "spacy_elman.JoinedCorpus.v1"
[train.*.news]
@readers = "spacy_elman.Corpus.v1"
path = "{first}"
label_map = {{"PER": "NAME"}}
[train.*.more]
@readers = "spacy_elman.Corpus.v1"
path = "{second}"
limit = 2
"""
    )
    corpus = spacy.registry.resolve(cfg)["train"]
    got = [(eg.reference[0].text, ents(eg.reference)) for eg in corpus(nlp)]
    assert got == [
        ("Ana", [(0, 1, "NAME")]),
        ("Bo", [(0, 1, "NAME")]),
        ("w0", [(0, 1, "ORG")]),
        ("w1", [(0, 1, "ORG")]),
    ]
    assert len(list(corpus(nlp))) == 4  # re-iterable


def test_registered_reader_bad_extension_fails_early(tmp_path):
    with pytest.raises(ElmanError) as excinfo:
        create_corpus_reader(tmp_path / "train.xml")
    assert_error(excinfo, "[E104]", "train.xml")


def test_readers_module_does_not_import_tensorflow():
    code = "import sys, spacy_elman.readers; print('tensorflow' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert out.stdout.strip() == "False"


# --- property tests -----------------------------------------------------------------------

LABELS = ["PER", "LOC", "ORG", "MISC"]
WORDS = st.text(alphabet="abcdefghijXYZ0123456789.,'", min_size=1, max_size=6)
# A sentence = sequence of segments: ("O", length) or (label, length).
SEGMENTS = st.lists(
    st.tuples(st.sampled_from(["O", *LABELS]), st.integers(min_value=1, max_value=4)),
    min_size=1,
    max_size=8,
)


def spans_from_segments(segments) -> list[tuple[int, int, str]]:
    spans, i = [], 0
    for label, length in segments:
        if label != "O":
            spans.append((i, i + length, label))
        i += length
    return spans


def iob1(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    prev_end, prev_label = -1, None
    for start, end, label in spans:
        for i in range(start, end):
            tags[i] = f"I-{label}"
        if start == prev_end and label == prev_label:
            tags[start] = f"B-{label}"
        prev_end, prev_label = end, label
    return tags


@settings(max_examples=60, deadline=None)
@given(data=st.data(), sentences=st.lists(SEGMENTS, min_size=1, max_size=3))
def test_property_iob2_and_iob1_conll_round_trip(tmp_path_factory, data, sentences):
    folder = tmp_path_factory.getbasetemp()
    expected, blocks1, blocks2 = [], [], []
    for segments in sentences:
        n = sum(length for _, length in segments)
        words = data.draw(st.lists(WORDS, min_size=n, max_size=n))
        spans = spans_from_segments(segments)
        expected.append((words, spans))
        blocks2.append("\n".join(f"{w}\t{t}" for w, t in zip(words, iob2(words, spans))))
        blocks1.append("\n".join(f"{w} P C {t}" for w, t in zip(words, iob1(n, spans))))
    for name, blocks in (("prop_iob2.conll", blocks2), ("prop_iob1.conll", blocks1)):
        path = write(folder / name, conll(*blocks))
        docs = list(read_docs(path, NLP))
        assert [([t.text for t in d], ents(d)) for d in docs] == expected


CONLL_DEV = Path(__file__).parent.parent.parent / "shared" / "corpora" / "conll2003" / "dev.txt"


@pytest.mark.slow
@pytest.mark.skipif(not CONLL_DEV.exists(), reason="CoNLL-2003 is not in ../shared/corpora")
def test_read_docs_conll2003_dev_matches_published_counts():
    """The real IOB1 file: 3,250 sentences and 1,842 PER entities (shared/corpora/README.md)."""
    nlp = spacy.blank("en")
    docs = list(read_docs(CONLL_DEV, nlp, label_map={"PER": "NAME"}, labels=["NAME"]))
    assert len(docs) == 3250
    assert sum(len(doc) for doc in docs) == 51362
    assert sum(len(doc.ents) for doc in docs) == 1842
    assert {ent.label_ for doc in docs for ent in doc.ents} == {"NAME"}


# -- documents = true: one Doc per -DOCSTART- document --------------------------------------------


def test_read_docs_documents_joins_sentences_per_docstart(tmp_path):
    path = tmp_path / "docs.conll"
    path.write_text(
        "-DOCSTART- -X- -X- O\n\n"
        "Maria NNP O I-PER\nspoke VBD B-VP O\n\n"
        "Lopez NNP B-NP I-PER\nleft VBD B-VP O\n\n"
        "-DOCSTART- -X- -X- O\n\n"
        "Paris NNP B-NP I-LOC\n\n",
        encoding="utf8",
    )
    nlp = spacy.blank("en")
    docs = list(read_docs(path, nlp, documents=True))
    assert [d.text for d in docs] == ["Maria spoke Lopez left", "Paris"]
    # IOB1 is read per sentence: the two I-PER runs stay two entities
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Maria", "PER"), ("Lopez", "PER")]
    assert len(list(read_docs(path, nlp))) == 3  # the default: one Doc per sentence
    corpus = create_corpus_reader(path, documents=True, labels=["PER"])
    assert [[e.text for e in eg.reference.ents] for eg in corpus(nlp)] == [["Maria", "Lopez"], []]


def test_read_docs_documents_without_docstart_keeps_sentences(tmp_path):
    path = tmp_path / "plain.conll"
    path.write_text("Maria B-PER\nspoke O\n\nLopez B-PER\nleft O\n\n", encoding="utf8")
    docs = list(read_docs(path, spacy.blank("en"), documents=True))
    assert [d.text for d in docs] == ["Maria spoke", "Lopez left"]
    mixed = tmp_path / "mixed.conll"
    mixed.write_text(
        "Ann B-PER\n\n-DOCSTART- O\n\nBo B-PER\nran O\n\nCy B-PER\n\n", encoding="utf8"
    )
    assert [d.text for d in read_docs(mixed, spacy.blank("en"), documents=True)] == [
        "Ann",
        "Bo ran Cy",
    ]


def test_read_examples_gold_preproc_false_tokenizes_the_text(tmp_path, nlp):
    # CoNLL keeps "Adebayo-Cole" as one gold token; the pipeline splits it into three, and
    # the gold entity is aligned to those tokens by characters.
    body = conll("Olufemi B-PER\nAdebayo-Cole I-PER\nspoke O\n. O", "Hi O")
    path = write(tmp_path / "a.conll", body)
    gold = list(read_examples(path, nlp))[0]
    raw = list(read_examples(path, nlp, gold_preproc=False))[0]
    assert [t.text for t in gold.predicted] == ["Olufemi", "Adebayo-Cole", "spoke", "."]
    assert [t.text for t in raw.predicted] == ["Olufemi", "Adebayo", "-", "Cole", "spoke", "."]
    assert raw.predicted.text == raw.reference.text == "Olufemi Adebayo-Cole spoke ."
    assert raw.get_aligned_ner() == ["B-PER", "I-PER", "I-PER", "L-PER", "O", "O"]


def test_corpus_reader_passes_gold_preproc(tmp_path, nlp):
    path = write(tmp_path / "a.conll", conll("Ann-Marie B-PER\nsat O"))
    reader = create_corpus_reader(path, gold_preproc=False)
    assert [t.text for t in next(iter(reader(nlp))).predicted] == ["Ann", "-", "Marie", "sat"]


def test_corpus_reader_applies_spacy_augmenter(tmp_path, nlp):
    path = write(tmp_path / "a.conll", conll("Ann B-PER\nLee I-PER\nsat O", "Bo B-PER"))
    lower = spacy.registry.augmenters.get("spacy.lower_case.v1")(level=1.0)
    examples = list(create_corpus_reader(path, augmenter=lower)(nlp))
    assert [eg.predicted.text for eg in examples] == ["ann lee sat", "bo"]
    assert [[e.text for e in eg.reference.ents] for eg in examples] == [["ann lee"], ["bo"]]
    plain = list(create_corpus_reader(path)(nlp))
    assert [eg.predicted.text for eg in plain] == ["Ann Lee sat", "Bo"]
