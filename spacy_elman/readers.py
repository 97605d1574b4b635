"""Corpus readers: CoNLL column files, JSONL and .spacy DocBin files -> gold spaCy Docs/Examples.

Plain spaCy + stdlib only (no TensorFlow). Every problem raises ElmanError whose message names
the file, the 1-based line number where one applies, and the problem.
"""

import itertools
import json
import random
import re
from pathlib import Path
from typing import (
    Any,
    Callable,
    Collection,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.training.iob_utils import biluo_tags_to_spans, iob_to_biluo

from .errors import ElmanError, Errors

FORMATS = ("conll", "jsonl", "spacy")

EXTENSIONS: Dict[str, str] = {
    ".conll": "conll",
    ".txt": "conll",
    ".iob": "conll",
    ".iob2": "conll",
    ".tsv": "conll",
    ".bio": "conll",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".spacy": "spacy",
}

DOCSTART = "-DOCSTART-"
_COLUMN_SEP = re.compile(r"[ \t]+")
_TAG_RE = re.compile(r"^(?:O|[BI]-\S+)$")

PathLike = Union[str, Path]


def detect_format(path: PathLike, fmt: Optional[str] = None) -> str:
    """Return the corpus format of `path`: `fmt` if given (validated), else by file extension."""
    if fmt is not None and fmt != "":
        name = fmt.strip().lower().lstrip(".")
        if name not in FORMATS:
            raise ElmanError(Errors.E103.format(path=path, fmt=fmt, options=", ".join(FORMATS)))
        return name
    ext = Path(path).suffix.lower()
    if ext not in EXTENSIONS:
        raise ElmanError(
            Errors.E104.format(
                path=path,
                ext=ext,
                extensions=" ".join(EXTENSIONS),
                options=", ".join(FORMATS),
            )
        )
    return EXTENSIONS[ext]


def parse_label_map(items: Iterable[str]) -> Dict[str, str]:
    """Parse ["PER=NAME", "ORG=COMPANY"] into {"PER": "NAME", "ORG": "COMPANY"}."""
    label_map: Dict[str, str] = {}
    for item in items:
        if not isinstance(item, str) or item.count("=") != 1:
            raise ElmanError(Errors.E105.format(item=item, problem="it needs exactly one '='"))
        old, new = (part.strip() for part in item.split("="))
        if not old or not new:
            raise ElmanError(Errors.E105.format(item=item, problem="both labels must be non-empty"))
        if any(c.isspace() for c in old + new):
            raise ElmanError(
                Errors.E105.format(item=item, problem="labels must not contain spaces")
            )
        if label_map.get(old, new) != new:
            problem = f"'{old}' is already mapped to '{label_map[old]}'"
            raise ElmanError(Errors.E105.format(item=item, problem=problem))
        label_map[old] = new
    return label_map


def apply_labels(
    spans: Iterable[Span],
    label_map: Optional[Mapping[str, str]] = None,
    labels: Optional[Collection[str]] = None,
) -> List[Span]:
    """Rename span labels with `label_map`, then keep only labels in `labels` (if non-empty)."""
    keep = set(labels) if labels else None
    result: List[Span] = []
    for span in spans:
        label = label_map.get(span.label_, span.label_) if label_map else span.label_
        if keep is not None and label not in keep:
            continue
        if label != span.label_:
            span = Span(span.doc, span.start, span.end, label=label)
        result.append(span)
    return result


def read_docs(
    path: PathLike,
    nlp: Language,
    *,
    fmt: Optional[str] = None,
    label_map: Optional[Mapping[str, str]] = None,
    labels: Optional[Collection[str]] = None,
    documents: bool = False,
) -> Iterator[Doc]:
    """Lazily yield gold reference Docs (doc.ents set, all other tokens O) from a corpus file.

    documents: CoNLL only: one Doc per ``-DOCSTART-`` document (its sentences joined, each
        sentence's tags read on their own) instead of one per sentence; sentences before the
        first ``-DOCSTART-`` (all, in a file without) stay one Doc each. A JSONL line or a
        DocBin doc is one Doc either way.
    """
    fmt = detect_format(path, fmt)
    _check_file(path)
    label_map = dict(label_map or {})
    keep = frozenset(labels or ())
    if fmt == "conll":
        sentences = _read_conll(path, nlp, label_map, keep, documents)
        return _join_documents(sentences) if documents else sentences
    if fmt == "jsonl":
        return _read_jsonl(path, nlp, label_map, keep)
    return _read_docbin(path, nlp, label_map, keep)


def read_examples(
    path: PathLike,
    nlp: Language,
    *,
    fmt: Optional[str] = None,
    label_map: Optional[Mapping[str, str]] = None,
    labels: Optional[Collection[str]] = None,
    documents: bool = False,
    gold_preproc: bool = True,
) -> Iterator[Example]:
    """Lazily yield Examples of the reference Docs of :func:`read_docs`.

    gold_preproc: the predicted Doc has the reference's (gold) words and spaces; False: it is
        the pipeline's own tokenization of the reference's text (CoNLL: the words joined by
        single spaces), and the gold entities are aligned to it by characters, as spaCy's
        ``Corpus`` does with ``gold_preproc = false``: training sees the tokens users get.
    """
    docs = read_docs(path, nlp, fmt=fmt, label_map=label_map, labels=labels, documents=documents)
    return (make_example(nlp, doc, gold_preproc) for doc in docs)


class ElmanCorpus:
    """A re-iterable corpus for spaCy training: calling it with `nlp` yields Examples."""

    def __init__(
        self,
        path: Optional[PathLike],
        *,
        fmt: Optional[str] = None,
        label_map: Optional[Mapping[str, str]] = None,
        labels: Optional[Collection[str]] = None,
        limit: int = 0,
        shuffle: bool = False,
        documents: bool = False,
        gold_preproc: bool = True,
        augmenter: Optional[Callable[[Language, Example], Iterable[Example]]] = None,
    ) -> None:
        """Store the settings; the file is (re-)read on every call."""
        self.path = path
        self.fmt = fmt or None
        self.label_map = dict(label_map or {})
        self.labels = list(labels or [])
        self.limit = limit
        self.shuffle = shuffle
        self.documents = documents
        self.gold_preproc = gold_preproc
        self.augmenter = augmenter
        if path is not None:  # fail early on a bad extension or format name
            detect_format(path, self.fmt)

    def __call__(self, nlp: Language) -> Iterator[Example]:
        """Yield the (non-empty) Examples of the corpus, limited and shuffled as configured."""
        if self.path is None:
            return
        examples: Iterable[Example] = (
            eg
            for eg in read_examples(
                self.path,
                nlp,
                fmt=self.fmt,
                label_map=self.label_map,
                labels=self.labels,
                documents=self.documents,
                gold_preproc=self.gold_preproc,
            )
            if len(eg.reference)
        )
        if self.limit > 0:
            examples = (eg for _, eg in zip(range(self.limit), examples))
        if self.shuffle:
            examples = list(examples)
            random.shuffle(examples)
        if self.augmenter is None:
            yield from examples
        else:  # e.g. spaCy's spacy.lower_case.v1: a share of the examples lowercased
            for eg in examples:
                yield from self.augmenter(nlp, eg)


@spacy.registry.readers("spacy_elman.Corpus.v1")
def create_corpus_reader(
    path: Optional[Path],
    format: Optional[str] = None,
    label_map: Dict[str, str] = {},  # noqa: B006 (spaCy-config style default; never mutated)
    labels: List[str] = [],  # noqa: B006
    limit: int = 0,
    shuffle: bool = False,
    documents: bool = False,
    gold_preproc: bool = True,
    augmenter: Optional[Callable[[Language, Example], Iterable[Example]]] = None,
) -> Callable[[Language], Iterable[Example]]:
    """spaCy reader like spacy.Corpus.v1 for CoNLL/JSONL/.spacy files; path None yields nothing.

    documents: read CoNLL files as whole ``-DOCSTART-`` documents (see :func:`read_docs`).
    gold_preproc: False tokenizes each text with the pipeline (see :func:`read_examples`).
    augmenter: a spaCy augmenter (``@augmenters``) applied to each example, as in spaCy's
        ``Corpus.v1``; None for none.
    """
    return ElmanCorpus(
        path,
        fmt=format,
        label_map=label_map,
        labels=labels,
        limit=limit,
        shuffle=shuffle,
        documents=documents,
        gold_preproc=gold_preproc,
        augmenter=augmenter,
    )


class JoinedCorpus:
    """Several corpora read as one: each part's Examples, part after part.

    ``spacy-elman train`` shuffles the training examples every epoch, so the parts mix; each
    part keeps its own settings (path, limit, labels). ``--extra-train`` builds one.
    """

    def __init__(self, parts: Sequence[Callable[[Language], Iterable[Example]]]) -> None:
        self.parts = list(parts)

    def __call__(self, nlp: Language) -> Iterator[Example]:
        """Yield the Examples of every part in turn."""
        for part in self.parts:
            yield from part(nlp)


@spacy.registry.readers("spacy_elman.JoinedCorpus.v1")
def create_joined_reader(
    *parts: Callable[[Language], Iterable[Example]],
) -> Callable[[Language], Iterable[Example]]:
    """spaCy reader of several readers, e.g. ``[corpora.train.*.conll]`` and
    ``[corpora.train.*.generated]`` sections, each a ``spacy_elman.Corpus.v1``."""
    return JoinedCorpus(parts)


# --- helpers --------------------------------------------------------------------------------


def _check_file(path: PathLike) -> None:
    p = Path(path)
    if not p.exists():
        raise ElmanError(Errors.E101.format(path=path))
    if not p.is_file():
        raise ElmanError(Errors.E102.format(path=path, detail="not a regular file"))


def make_example(nlp: Language, doc: Doc, gold_preproc: bool = True) -> Example:
    """An Example with gold ``doc``: its own tokens (``gold_preproc``) or the pipeline's."""
    if not gold_preproc:
        return Example(nlp.make_doc(doc.text), doc)
    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    predicted = Doc(nlp.vocab, words=words, spaces=spaces)
    predicted.has_unknown_spaces = doc.has_unknown_spaces
    return Example(predicted, doc)


def _lines(path: PathLike) -> Iterator[Tuple[int, str]]:
    """Yield (1-based line number, line without its line ending) of a UTF-8 text file."""
    try:
        with open(path, "rb") as f:
            for lineno, raw in enumerate(f, start=1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    detail = f"{e.reason} at byte {e.start + 1} of the line"
                    raise ElmanError(
                        Errors.E106.format(path=path, line=lineno, detail=detail)
                    ) from e
                if lineno == 1:
                    line = line[1:] if line.startswith("\ufeff") else line
                yield lineno, line.rstrip("\r\n")
    except OSError as e:
        raise ElmanError(Errors.E102.format(path=path, detail=e.strerror or e)) from e


def _check_tag(tag: Any, path: PathLike, line: int, where: str = "") -> None:
    if not isinstance(tag, str) or not _TAG_RE.match(tag):
        raise ElmanError(Errors.E109.format(path=path, line=line, tag=tag, where=where))


def _set_gold_ents(
    doc: Doc,
    spans: Iterable[Span],
    label_map: Mapping[str, str],
    labels: Collection[str],
) -> Doc:
    doc.set_ents(apply_labels(spans, label_map, labels), default="outside")
    return doc


def _doc_from_iob(
    nlp: Language,
    words: Sequence[str],
    spaces: Optional[Sequence[bool]],
    tags: Sequence[str],
    label_map: Mapping[str, str],
    labels: Collection[str],
) -> Doc:
    """A gold Doc of ``words`` and IOB ``tags``; ``spaces`` None: the source has no spacing,
    so the words are joined by single spaces and ``doc.has_unknown_spaces`` is set (rules
    that read a space, such as ``split_dashes``, then leave the doc alone)."""
    known = spaces is not None
    if spaces is None:
        spaces = [True] * (len(words) - 1) + [False] if words else []
    doc = Doc(nlp.vocab, words=list(words), spaces=list(spaces))
    doc.has_unknown_spaces = not known
    spans = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return _set_gold_ents(doc, spans, label_map, labels)


def _join_documents(sentences: Iterable[Optional[Doc]]) -> Iterator[Doc]:
    """Join the sentence Docs after each ``None`` marker (a document start) into one Doc.

    Sentences before the first marker (all of them in a file without ``-DOCSTART-``) stay one
    Doc each: a file without document marks is never read as one giant document.
    """
    pending: List[Doc] = []
    in_document = False
    for doc in itertools.chain(sentences, [None]):
        if doc is not None and not in_document:
            yield doc
        elif doc is not None:
            pending.append(doc)
        else:
            if pending:
                yield pending[0] if len(pending) == 1 else _joined(pending)
            pending, in_document = [], True


def _joined(docs: Sequence[Doc]) -> Doc:
    """``Doc.from_docs``, keeping ``has_unknown_spaces`` if any of ``docs`` has it."""
    doc = Doc.from_docs(list(docs))
    doc.has_unknown_spaces = any(part.has_unknown_spaces for part in docs)
    return doc


def _read_conll(
    path: PathLike,
    nlp: Language,
    label_map: Mapping[str, str],
    labels: Collection[str],
    marks: bool = False,
) -> Iterator[Optional[Doc]]:
    """One Doc per sentence; with ``marks``, also ``None`` at each ``-DOCSTART-`` line."""
    words: List[str] = []
    tags: List[str] = []
    n_columns = 0
    first_line = 0

    def flush() -> Iterator[Doc]:
        if words:
            yield _doc_from_iob(nlp, words, None, tags, label_map, labels)
            words.clear()
            tags.clear()

    for lineno, line in _lines(path):
        stripped = line.strip(" \t\f\v")
        if not stripped:
            yield from flush()
            continue
        columns = _COLUMN_SEP.split(stripped)
        if columns[0] == DOCSTART:
            yield from flush()
            if marks:
                yield None
            continue
        if len(columns) < 2:
            raise ElmanError(Errors.E107.format(path=path, line=lineno, found=len(columns)))
        if not n_columns:
            n_columns, first_line = len(columns), lineno
        elif len(columns) != n_columns:
            raise ElmanError(
                Errors.E108.format(
                    path=path,
                    line=lineno,
                    expected=n_columns,
                    first_line=first_line,
                    found=len(columns),
                )
            )
        _check_tag(columns[-1], path, lineno)
        words.append(columns[0])
        tags.append(columns[-1])
    yield from flush()


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _read_jsonl(
    path: PathLike, nlp: Language, label_map: Mapping[str, str], labels: Collection[str]
) -> Iterator[Doc]:
    for lineno, line in _lines(path):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            detail = f"{e.msg} at column {e.colno}"
            raise ElmanError(Errors.E110.format(path=path, line=lineno, detail=detail)) from e
        if not isinstance(record, dict):
            found = _type_name(record)
            raise ElmanError(Errors.E111.format(path=path, line=lineno, found=found))
        if "tokens" in record and "tags" in record:
            yield _jsonl_tokens_doc(record, path, lineno, nlp, label_map, labels)
        elif "text" in record:
            yield _jsonl_text_doc(record, path, lineno, nlp, label_map, labels)
        else:
            key = "tags" if "tokens" in record else "text"
            raise ElmanError(Errors.E112.format(path=path, line=lineno, key=key))


def _bad_type(path: PathLike, line: int, key: str, expected: str, value: Any) -> ElmanError:
    found = _type_name(value)
    return ElmanError(
        Errors.E113.format(path=path, line=line, key=key, expected=expected, found=found)
    )


def _jsonl_tokens_doc(
    record: Dict[str, Any],
    path: PathLike,
    line: int,
    nlp: Language,
    label_map: Mapping[str, str],
    labels: Collection[str],
) -> Doc:
    tokens, tags = record["tokens"], record["tags"]
    if not isinstance(tokens, list):
        raise _bad_type(path, line, "tokens", "a list of non-empty strings", tokens)
    for i, token in enumerate(tokens):
        if not isinstance(token, str) or not token:
            raise _bad_type(path, line, f"tokens[{i}]", "a non-empty string", token)
    if not isinstance(tags, list):
        raise _bad_type(path, line, "tags", "a list of strings", tags)
    if len(tags) != len(tokens):
        raise ElmanError(
            Errors.E114.format(
                path=path, line=line, key="tags", found=len(tags), expected=len(tokens)
            )
        )
    for i, tag in enumerate(tags):
        _check_tag(tag, path, line, where=f" (tags[{i}])")
    if "spaces" in record:
        spaces = record["spaces"]
        if not isinstance(spaces, list):
            raise _bad_type(path, line, "spaces", "a list of booleans", spaces)
        if len(spaces) != len(tokens):
            raise ElmanError(
                Errors.E114.format(
                    path=path,
                    line=line,
                    key="spaces",
                    found=len(spaces),
                    expected=len(tokens),
                )
            )
        for i, space in enumerate(spaces):
            if not isinstance(space, bool):
                raise _bad_type(path, line, f"spaces[{i}]", "a boolean", space)
    else:
        spaces = None
    return _doc_from_iob(nlp, tokens, spaces, tags, label_map, labels)


def _jsonl_text_doc(
    record: Dict[str, Any],
    path: PathLike,
    line: int,
    nlp: Language,
    label_map: Mapping[str, str],
    labels: Collection[str],
) -> Doc:
    text = record["text"]
    if not isinstance(text, str):
        raise _bad_type(path, line, "text", "a string", text)
    if "spans" not in record:
        raise ElmanError(Errors.E112.format(path=path, line=line, key="spans"))
    raw_spans = record["spans"]
    if not isinstance(raw_spans, list):
        raise _bad_type(path, line, "spans", "a list of objects", raw_spans)
    doc = nlp.make_doc(text)
    spans: List[Span] = []
    for i, raw in enumerate(raw_spans):
        key = f"spans[{i}]"
        if not isinstance(raw, dict):
            raise _bad_type(path, line, key, 'an object {"start", "end", "label"}', raw)
        for field in ("start", "end", "label"):
            if field not in raw:
                raise ElmanError(Errors.E112.format(path=path, line=line, key=f"{key}.{field}"))
        start, end, label = raw["start"], raw["end"], raw["label"]
        for field, value in (("start", start), ("end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise _bad_type(path, line, f"{key}.{field}", "an integer", value)
        if not isinstance(label, str) or not label.strip():
            raise _bad_type(path, line, f"{key}.label", "a non-empty string", label)
        if not 0 <= start < end <= len(text):
            raise ElmanError(
                Errors.E115.format(
                    path=path,
                    line=line,
                    span=key,
                    start=start,
                    end=end,
                    length=len(text),
                )
            )
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:
            touched = doc.char_span(start, end, alignment_mode="expand")
            tokens = [t.text for t in touched] if touched is not None else []
            raise ElmanError(
                Errors.E116.format(
                    path=path,
                    line=line,
                    span=key,
                    start=start,
                    end=end,
                    label=label,
                    text=text[start:end],
                    tokens=tokens,
                )
            )
        spans.append(span)
    _check_overlaps(spans, path, line)
    return _set_gold_ents(doc, spans, label_map, labels)


def _check_overlaps(spans: List[Span], path: PathLike, line: int) -> None:
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for prev, cur in zip(ordered, ordered[1:]):
        if cur.start < prev.end:
            raise ElmanError(
                Errors.E117.format(
                    path=path,
                    line=line,
                    text1=prev.text,
                    start1=prev.start_char,
                    end1=prev.end_char,
                    label1=prev.label_,
                    text2=cur.text,
                    start2=cur.start_char,
                    end2=cur.end_char,
                    label2=cur.label_,
                )
            )


def _read_docbin(
    path: PathLike, nlp: Language, label_map: Mapping[str, str], labels: Collection[str]
) -> Iterator[Doc]:
    try:
        docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    except Exception as e:  # zlib, msgpack, KeyError, ValueError ...: all mean "not a DocBin"
        raise _docbin_error(path, e) from e
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            return
        except Exception as e:
            raise _docbin_error(path, e) from e
        yield _set_gold_ents(doc, doc.ents, label_map, labels)


def _docbin_error(path: PathLike, e: Exception) -> ElmanError:
    detail = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    return ElmanError(Errors.E118.format(path=path, detail=detail))
