"""The hand-written check set (corpus/checkset) and its scorer (bench/score_checkset.py)."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

REPO = Path(__file__).resolve().parent.parent
CHECKSET = REPO / "corpus" / "checkset"


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


score = load_module(REPO / "bench" / "score_checkset.py", "score_checkset")
build = load_module(CHECKSET / "build_checkset.py", "build_checkset")


# the check set, and the blind sets written later that no decision has been tuned on
SETS = [
    "names",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind29",
    "blind30",
    "blind31",
    "blind32",
]


def records(name: str = "names"):
    lines = (CHECKSET / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize(
    "name,sentences,names,negatives",
    [
        ("names", 150, 150, 30),
        ("blind", 80, 60, 15),
        ("blind2", 90, 85, 15),
        ("blind3", 80, 70, 15),
        ("blind4", 100, 90, 20),
        ("blind5", 110, 100, 24),
        ("blind6", 110, 120, 24),
        ("blind7", 115, 120, 24),
        ("blind8", 115, 120, 24),
        ("blind9", 120, 120, 26),
        ("blind10", 120, 120, 26),
        ("blind11", 120, 120, 26),
        ("blind12", 130, 120, 28),
        ("blind13", 130, 120, 28),
        ("blind14", 130, 120, 28),
        ("blind15", 140, 130, 28),
        ("blind16", 140, 130, 28),
        ("blind17", 150, 140, 30),
        ("blind18", 170, 145, 40),
        ("blind19", 190, 155, 50),
        ("blind20", 170, 145, 40),
        ("blind21", 180, 150, 50),
        ("blind22", 185, 145, 55),
        ("blind23", 180, 150, 50),
        ("blind24", 200, 160, 60),
        ("blind25", 215, 180, 70),
        ("blind26", 230, 175, 75),
        ("blind27", 230, 180, 70),
        ("blind28", 250, 195, 85),
        ("blind29", 250, 185, 95),
        ("blind30", 255, 190, 95),
        ("blind31", 250, 190, 95),
        ("blind32", 255, 190, 95),
    ],
)
def test_checkset_has_enough_sentences_and_names(name, sentences, names, negatives):
    recs = records(name)
    assert len(recs) >= sentences
    assert sum(len(r["spans"]) for r in recs) >= names
    assert sum(1 for r in recs if not r["spans"]) >= negatives


@pytest.mark.parametrize("name", SETS)
def test_checkset_spans_are_valid_and_do_not_overlap(name):
    tokenizer = spacy.blank("en").tokenizer
    for rec in records(name):
        assert set(rec) == {"text", "spans"}
        text = rec["text"]
        prev_end = -1
        for span in sorted(rec["spans"], key=lambda s: s["start"]):
            assert span["label"] == "NAME"
            assert 0 <= span["start"] < span["end"] <= len(text), rec
            assert span["start"] >= prev_end, f"overlap in {text!r}"
            name = text[span["start"] : span["end"]]
            assert name == name.strip() and "[" not in name, rec
            assert not name.endswith("'s"), f"possessive inside the span: {name!r}"
            prev_end = span["end"]
            doc = tokenizer(text)
            assert doc.char_span(span["start"], span["end"], alignment_mode="strict"), name


@pytest.mark.parametrize("name", SETS)
def test_checkset_jsonl_matches_its_bracketed_source(name):
    built = build.build(CHECKSET / f"{name}.src.txt")
    assert build.dumps(built) == (CHECKSET / f"{name}.jsonl").read_text(encoding="utf-8")
    text, spans, names = build.parse_line("Dr. [Ana Lee]'s cat met [Bo].")
    assert text == "Dr. Ana Lee's cat met Bo."
    assert [text[s:e] for s, e, _ in spans] == names == ["Ana Lee", "Bo"]


def test_checkset_build_rejects_unbalanced_brackets():
    with pytest.raises(ValueError):
        build.parse_line("[Ana Lee met Bo.")
    with pytest.raises(ValueError):
        build.parse_line("Ana] met Bo.")


@pytest.mark.parametrize("name", SETS)
def test_checkset_titles_stay_outside_the_spans(name):
    titles = {"Dr.", "Mr.", "Mrs.", "Ms.", "Miss", "Queen", "Pope", "Sheikh", "Uncle", "Aunt"}
    titles |= {"Lord", "King", "Captain", "Professor", "Grandpa"}
    for rec in records(name):
        for span in rec["spans"]:
            first = rec["text"][span["start"] : span["end"]].split()[0]
            assert first not in titles, rec["text"]


def make_doc(nlp, text, ents):
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in ents]
    return doc


def test_score_spans_gives_hand_computed_prf():
    text = "Ana Lee met Bo Chan and Dr. Cy Dunn in Paris."
    gold = [(0, 7, "NAME"), (12, 19, "NAME"), (28, 35, "NAME")]
    # exact Ana Lee; boundary Bo for Bo Chan; Cy Dunn missed; Paris spurious.
    pred = [(0, 7, "NAME"), (12, 14, "NAME"), (39, 44, "NAME")]
    s = score.score_spans([(text, pred, gold)])
    assert (s.tp, s.fp, s.fn) == (1, 2, 2)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(1 / 3)
    kinds = sorted((e["kind"], e.get("gold") or e.get("predicted")) for e in s.errors)
    assert kinds == [("boundary", "Bo Chan"), ("missed", "Cy Dunn"), ("spurious", "Paris")]


def test_score_docs_counts_unaligned_gold_as_missed_and_matches_spacy_scorer():
    nlp = spacy.blank("en")
    recs = [
        score.Record("Ana Lee met Bo Chan.", [(0, 7, "NAME"), (12, 19, "NAME")]),
        score.Record("Ford hired Cy.", [(11, 13, "NAME")]),
        score.Record("Nothing here.", []),
        # "Bo Ch" cuts a token: it cannot be predicted, so it must stay a miss.
        score.Record("Bo Chan left.", [(0, 5, "NAME")]),
    ]
    docs = [
        make_doc(nlp, recs[0].text, [(0, 7, "NAME")]),
        make_doc(nlp, recs[1].text, [(0, 4, "NAME"), (11, 13, "NAME")]),
        make_doc(nlp, recs[2].text, []),
        make_doc(nlp, recs[3].text, [(0, 7, "NAME")]),
    ]
    s = score.score_docs(docs, recs)
    # tp: Ana Lee, Cy; fp: Ford, Bo Chan (doc 4); fn: Bo Chan (doc 1), Bo Ch.
    assert (s.tp, s.fp, s.fn, s.unaligned_gold) == (2, 2, 2, 1)
    assert s.f1 == pytest.approx(0.5)
    spacy_f = score.spacy_scorer_f(docs[:3], recs[:3])  # all gold aligned: same figures
    partial = score.score_docs(docs[:3], recs[:3])
    assert spacy_f["p"] == pytest.approx(partial.precision)
    assert spacy_f["r"] == pytest.approx(partial.recall)


def test_score_docs_applies_label_map_and_filter():
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Ana", "Lee", "in", "Paris"])
    doc.ents = [doc.char_span(0, 7, label="PERSON"), doc.char_span(11, 16, label="GPE")]
    rec = score.Record(doc.text, [(0, 7, "NAME")])
    s = score.score_docs([doc], [rec], label_map={"PERSON": "NAME"}, labels=["NAME"])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert score.score_docs([doc], [rec], labels=["NAME"]).fn == 1


def test_score_checkset_script_runs_on_a_rule_based_pipeline(tmp_path: Path):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "NAME", "pattern": "Astrid"}])
    model = tmp_path / "model"
    nlp.to_disk(model)
    data = tmp_path / "data.jsonl"
    data.write_text(
        '{"text": "Astrid met Bo.", "spans": [[0, 6, "NAME"], [11, 13, "NAME"]]}\n',
        encoding="utf-8",
    )
    out = tmp_path / "scores.json"
    script = REPO / "bench" / "score_checkset.py"
    cmd = [sys.executable, str(script), str(model), "--data", str(data), "--json", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text())
    assert (result["p"], result["r"], result["f"]) == (1.0, 0.5, pytest.approx(0.6667))
    assert "missed (1)" in proc.stdout and "'Bo'" in proc.stdout
