"""The ``elman_ner`` component: factory, default config and the trainable pipe.

Plain spaCy + numpy: the TensorFlow network lives in ``tf_shim``. It is built on first use,
so ``spacy.blank()`` and ``add_pipe("elman_ner")`` never import TensorFlow, except when a
trained pipeline is loaded from disk: ``from_disk`` builds it and traces its prediction graph
right away (``warm_up``), so that the first batch is not the slow one.
"""

import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np
import srsly
from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example, validate_examples, validate_get_examples
from spacy.util import SimpleFrozenList, ensure_path
from spacy.vocab import Vocab
from thinc.api import Config, Model, Optimizer

from .bias import check_output_bias, output_bias
from .bio import (
    argmax_tags,
    decode_tags,
    ent_columns,
    search_rows,
    spans_from_tags,
    spread_tags,
    tag_names,
)
from .chunking import Chunk, check_chunk_settings, plan_chunks, stitch, window_context
from .errors import ElmanError, Errors, NonFiniteLossError
from .features import (
    LOOKUP_FEATURES,
    PAD_ID,
    docs_features,
    docs_features_and_joins,
    hide_words,
    length_buckets,
    pad_batch,
    split_lengths,
)
from .form_rows import FormRows
from .known import NO_FORMS, add_forms, doc_forms, known_from_bytes, known_to_bytes
from .models import ElmanSpec, check_precision, check_weights, init_weights, resize_output
from .openings import check_opening_names, open_names
from .schedules import warmup_decaying  # noqa: F401 (registers the schedule)
from .spanrules import FINDERS, may_find, run_rules, whole_doc_rules
from .titles import PERSON_LABELS
from .types import Bools1d, Floats1d, Floats2d, Ints1d, Ints2d, Ints3d, Uint64s1d
from .words import hyphen_styles, join_mask, word_spans

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy_elman.ElmanTagger.v1"
# Hashed token features, each with its own embedding table: the lower form carries the word,
# prefix/suffix/shape let unseen names be recognised from their form, the word's Brown
# cluster (spacy_elman/clusters.py: 190k English forms; John, Hiroshi and dave share one)
# and whether it is a first or last name in Faker's lists of 86 locales
# (spacy_elman/gazetteer.py: 55k names, Wanjiru to Lindqvist) tell names the training data
# never had. On CoNLL-2003 (seeds 0-2, results log, "Brown clusters", "Name lists") the cluster
# gave dev F +0.015 to +0.022, WNUT-17 dev +0.05 to +0.10 and the hand-written sets +0.07 to
# +0.10; the name lists then WNUT-17 dev +0.03 and the hand-written sets +0.02 to +0.04.
# "gazetteer_v2" is "gazetteer" that also reads Faker's romanised Chinese and Japanese
# names (Zhou, Tanaka) and a hyphenated word by its parts when each is a listed name
# (Osei-Bonsu, one token in CoNLL-2003). Seeds 0-2: the check set +0.012, the blind sets
# +0.015, -0.006 and +0.021 (the third written before any model read it), CoNLL-2003 dev
# +0.001, WNUT-17 dev -0.003 (results log, "Name lists, second edition").
features = ["lower", "prefix", "suffix", "shape", "cluster", "gazetteer_v2"]
# Rows per table (row 0 is the padding index). Collisions are rare at these sizes; the
# cluster table has a row for each of the 999 clusters and one for "no cluster", the
# gazetteer one for each kind (first, last, both, none).
rows = [50000, 1000, 10000, 1000, 1001, 5]
# Embedding width per table: 40 + 16 + 32 + 16 + 16 + 8 = 128 per token, the width before
# the cluster came (lower was 64), so the input projection costs what it did. 64 for lower
# read the same as 48 within the seeds' spread (results log).
widths = [40, 16, 32, 16, 16, 8]
# Tokens per context window (odd): the token and one neighbour on each side, as in rnnslu.
window = 3
# Size of the Elman state h_t (per direction). 64 matched 128 on CoNLL-2003 (best dev F 0.909
# vs 0.910, WNUT-17 0.372 vs 0.380, seed 0) at ~1.4x the words/s and ~0.75x the epoch time;
# 48 matched 64 (results log, "A narrower network": CoNLL-2003 alone and the main job, seeds
# 0-2) at ~0.85x the predict graph's time.
hidden_width = 48
# f in h_t = f(x_t·Wx + h_{t-1}·Wh + b); tanh keeps the state bounded.
activation = "tanh"
# A backward pass reads the right context too; forward-only can carry state across chunks.
bidirectional = true
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]
# Long docs run as chunks of this many tokens, side by side, each reading this many more on
# each side (configs/default.cfg says why; bench/bench_chunks.py measures both).
DEFAULT_CHUNK_TOKENS = 128
DEFAULT_CHUNK_CONTEXT = 16
# Overheads of one predict call, in padded-token units, for features.length_buckets: on the
# 2-core CPU a call costs ~1.4 ms and a time step ~40 us beyond ~3.1 us per padded token
# (bench/README.md, "Where the time goes"). Batches then trade padding for fewer calls.
PREDICT_CALL_COST = 1000.0
PREDICT_STEP_COST = 24.0
# The token attributes that set_annotations writes with Doc.from_array (bio.ent_columns).
ENT_COLUMNS = [ENT_IOB, ENT_TYPE]
# The parameter name of elman_ner's marker entry in thinc's ``optimizer.averages``.
AVERAGES_KEY = "elman_ner_tf_averages"


@Language.factory(
    "elman_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": DEFAULT_MODEL,
        "overwrite_ents": False,
        "word_dropout": 0.2,
        "lookup_dropout": 0.0,
        "max_batch_tokens": 32768,
        "chunk_tokens": DEFAULT_CHUNK_TOKENS,
        "chunk_context": DEFAULT_CHUNK_CONTEXT,
        "chunk_mode": "overlap",
        "bptt": 0,
        "device": "auto",
        "precision": "auto",
        "spans_key": "elman_ner",
        "output_labels": [],
        "output_bias": "auto",
        "opening_names": 0.2,
        "whole_words": True,
        "trim_symbols": True,
        "split_dashes": True,
        "trim_chat": True,
        "trim_nationalities": True,
        "trim_titles": True,
        "take_suffixes": True,
        "trim_verbs": True,
        "trim_lower": True,
        "take_hyphenated": True,
        "take_surnames": True,
        "join_adjacent": True,
        "drop_eponyms": True,
        "drop_lower": True,
        "drop_ordinary": True,
        "drop_places": True,
        "drop_teams": True,
        "take_lifespans": True,
        "take_repeats": True,
        "take_lists": True,
        "take_honorifics": True,
        "take_nicknames": True,
        "take_addressees": True,
        "take_citations": True,
        "take_speakers": True,
        "take_vocatives": True,
        "take_greetings": True,
        "known_words": True,
        "merge_hyphenated": True,
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={
        "ents_f": 1.0,
        "ents_p": 0.0,
        "ents_r": 0.0,
        "ents_per_type": None,
    },
)
def make_elman_ner(
    nlp: Language,
    name: str,
    model: Model,
    overwrite_ents: bool,
    word_dropout: float,
    lookup_dropout: float,
    max_batch_tokens: int,
    chunk_tokens: int,
    chunk_context: int,
    chunk_mode: str,
    bptt: int,
    device: str,
    precision: str,
    spans_key: Optional[str],
    output_labels: List[str],
    output_bias: Union[float, str],
    opening_names: float,
    whole_words: bool,
    trim_symbols: bool,
    split_dashes: bool,
    trim_chat: bool,
    trim_nationalities: bool,
    trim_titles: bool,
    take_suffixes: bool,
    trim_verbs: bool,
    trim_lower: bool,
    take_hyphenated: bool,
    take_surnames: bool,
    join_adjacent: bool,
    drop_eponyms: bool,
    drop_lower: bool,
    drop_ordinary: bool,
    drop_places: bool,
    drop_teams: bool,
    take_lifespans: bool,
    take_repeats: bool,
    take_lists: bool,
    take_honorifics: bool,
    take_nicknames: bool,
    take_addressees: bool,
    take_citations: bool,
    take_speakers: bool,
    take_vocatives: bool,
    take_greetings: bool,
    known_words: bool,
    merge_hyphenated: bool,
    scorer: Optional[Callable],
) -> "ElmanNER":
    """Create an ``elman_ner`` component.

    overwrite_ents: replace entities already on the doc (default: keep them, add ours around).
    word_dropout: in training, the share of tokens whose word-identity features are hidden, so
        the model learns to recognise names from their form and context.
    lookup_dropout: in training, the share of tokens whose Brown cluster is hidden, and
        (drawn apart) the share whose name-list kind is hidden, so that the model does not
        follow a word list against the context (``Tunde`` in the cluster of ``Nissan``).
    max_batch_tokens: padded tokens per TensorFlow call, in prediction and in training; a
        batch is split into length buckets (in training, their gradients add up to the
        whole batch's).
    chunk_tokens: tag a doc longer than this in chunks of this many tokens, side by side in
        one batch (0: always the whole doc in one pass). See ``chunking``.
    chunk_context: tokens each chunk also reads on each side ("overlap" mode), to warm up
        its forward and backward states and to see across its borders.
    chunk_mode: "overlap" (batched; nearly always the one-pass tags) or "exact" (forward-only
        models: chunks in sequence carrying the state; the one-pass tags, bounded memory).
    bptt: in training, cut each example (e.g. a whole document) into chunks of this many
        tokens and carry the forward state from chunk to chunk, with the gradient truncated
        at chunk borders (truncated backpropagation through time). 0: each example is one
        sequence from a zero state.
    device: "auto" (GPU when TensorFlow sees one), "cpu", "gpu" or "gpu:N".
    precision: the dtype of prediction's input projection: "auto" (bfloat16 on a CPU that
        multiplies it natively, AVX512-BF16 or AMX; float32 elsewhere), "float32" or
        "bfloat16". Training is always float32.
    spans_key: also write the predicted entities to ``doc.spans[spans_key]`` with a confidence
        per entity in ``.attrs["scores"]``; None to skip.
    output_labels: the labels written to the doc; [] = all that the model learns. The others
        are learned as negatives (a firm is not a person) and their entities dropped.
    output_bias: added to the log-probabilities of the output labels' tags before decoding,
        favouring them over ``O`` and the negatives; "auto" is 1.0 for a model that learns
        negatives and 0 otherwise. See ``bias``.
    opening_names: a word that opens a sentence, has no Brown cluster and that the tagger
        tagged ``O`` while giving it at least this probability of being a name is a one-word
        name (``Pilialoha explains why ...``); 0 turns it off. Read only by a model whose
        labels are all person labels; see ``openings``.
    whole_words: no entity starts or ends inside a word that the tokenizer split at a hyphen
        (``Adebayo-Cole``, ``co-wrote``): its pieces are tagged all in or all out.
    split_dashes: a person entity is cut at a dash with a space next to it (``SPORT - Ilse
        Varga``); the parts with a listed name stay, else the last; see ``dashes``.
    trim_symbols: no entity starts or ends with a token that holds no letter or digit
        (``Lena !``, emoji) or is an e-mail address or an ``@handle``, and no person entity
        with one that holds no letter or a digit (``1= Ilse Varga``, ``Klinsmann 44th``); an
        entity of such tokens only is dropped.
    trim_chat: no entity starts or ends with an interjection or chat shorthand (``lol``,
        ``hahaha``, ``xD``; ``ur`` in lower case), and a lower-case chat name ends where the
        line switches language (``yahir wey, ...``); see ``chat`` and ``switches``.
    trim_nationalities: no person entity starts with a nationality before a capitalised word
        (``Mexican Ariel Cruz``) or is one alone (``Tongan``); see ``nationalities``.
    trim_titles: no person entity (label ``NAME``, ``PER`` or ``PERSON``) starts with a title
        (``Mayor``, ``Dr.``, ``Opener``) or a lower-case relation word (``cousin``), nor ends
        with an honorific written after a name (``imran bhai``); see ``titles``.
    take_suffixes: a person entity ends with a generational or regnal suffix right after it
        (``Jr.``, ``III``; ``I`` after a title: ``Queen Elizabeth I``); see ``titles``.
    trim_verbs: no person entity ends with a headline verb (``Amara Diallo Named``, ``Ferreira
        Urges``); see ``headlines``.
    trim_lower: no person entity that holds a capitalised word starts with a lower-case word
        other than a particle (``rival Ilse Varga``, ``Eupithecia hartigi Kovalčík``; not
        ``van Gogh``), nor ends with one (``Rhodri ap`` takes ``Gwilym``, else drops
        ``ap``), one before a name's conjunction and a capitalised word takes both
        (``Montserrat Vidal`` + ``i Roca``), and one beside particles takes the capitalised
        word past them (``Arantxa`` + ``de la Riva``); see ``lowercase``.
    take_hyphenated: a person entity right before a hyphenated word of capitalised pieces
        takes it, unless a capitalised word follows (``Tamsin`` ``Ayo-Brennan``); see
        ``hyphens``.
    take_surnames: a person entity takes the capitalised words right after it that have no
        Brown cluster, and such a word before it that is no title, role or nationality, up
        to four words in all (``Kristoffer`` ``Aasland``, ``Chamindu`` ``Wijesekara``); see
        ``surnames``.
    join_adjacent: two entities of the same label with no token between them are one
        (``Caster`` ``Semenya`` read as two names is ``Caster Semenya``).
    drop_eponyms: no person entity directly before, or (two words or more) ending with, a
        capitalised word that ends a thing named after a person (``Nelson Mandela
        Boulevard``, ``the Ford Foundation``, ``the Mayo Clinic``), and none after a storm's
        word (``Hurricane Edith``), a saint's before a possessive (``St. Aidan's Well``), a
        vessel (``his ship Fram``) or a dish's (``Beef Wellington``, ``Caesar salad``); see
        ``eponyms``.
    drop_lower: no person entity written all in lower case in a doc whose first word and a
        later word start with a capital (``filo`` in ``... rolls out her own filo pastry``;
        chat such as ``I swear freddie ...`` keeps its names), nor a one-word one that is an
        English word and no listed name (``got her visa approved``); see ``lowercase``.
    drop_ordinary: no one-word person entity that is a month beside a number (``Jan 22``) or
        a verb of a name's form that opens a sentence before a determiner or a pronoun
        (``Pat the dough dry``, ``Mark my words``); see ``ordinary``.
    drop_places: no person entity that is a place of GeoNames' (a city of 50,000 people or
        more, a country, a US state) and not also a person name (``Pamplona``, ``Nebraska``;
        ``Paris`` is decided by the model), nor one that with the capitalised word before or
        after it is a place (``San`` ``Antonio``, ``South`` ``Korea``), nor the place in
        capitals that opens a dateline (``DARWIN, Dec 30 -``), nor the place after an age
        (``Lyndon Quilliam, 44, of Douglas``); see ``places``.
    drop_teams: no person entity right before a plural verb (``Sevilla have agreed``), unless
        a joiner before it or a pronoun after the verb makes it a person; see ``teams``.
    take_lifespans: a person entity in the words of a name right before a bracket of life
        dates covers all of them (``Pa Nhia Vang (born 1979)``, ``Neus Bofarull i Mas
        (1919–2008)``), and such words that open a sentence are a person entity where the
        tagger found none in them (``Sukarno (1901–1970)``); so are the name words before an
        age between commas (``Blenkinsop, 58, opened``); see ``lifespans``.
    take_repeats: the other mentions of the surname of a person entity of several words in
        the same doc are person entities too (``MaliVai Washington`` ... ``Washington``), where
        no other capitalised word stands beside them; see ``repeats``.
    take_lists: in a list of three or more items of capitalised words (``Jemima,
        Pennycook, Nettleship and Senthil``) of which two or more and at least half are person
        entities, the other items are person entities too; see ``lists``.
    take_honorifics: the capitalised words after ``Mr``, ``Mrs``, ``Ms``, ``Dr``, ``Prof``
        or a kinship title (``Mrs Quennell would like ...``, ``Auntie Myfanwy``) are a person
        entity, unless a title, a place or a contest (``Miss Universe``), and so are those
        after a relation in lower case that the Brown clusters do not know (``her son
        Athelstan``); see ``honorifics``.
    take_nicknames: a name with a nickname in quotes (``Barnabas "Dynamo" Pilbeam``) is one
        person entity where the tagger found a part of it; see ``nicknames``.
    take_addressees: a name addressed at the end of quoted speech (``"Late again,
        Lancelot," said ...``), a question or an exclamation (``Thank you for your order,
        Onyinyechi!``) is a person entity; see ``addressees``.
    take_citations: the author's name before ``et al.`` (``Hegazy et al. (2021)``) is a
        person entity; see ``citations``.
    take_speakers: the name before a gesture only people make (``Chisom shrugged``) or
        around a verb of speech after a quote (``?" asked Ejiro.``) is a person entity; see
        ``speakers``.
    take_vocatives: a line written in one case that opens with a word of letters no list
        holds and without a Brown cluster, before a second-person word (``u``, ``ur``,
        ``did``, ``pls``), ``and``/``&``/``n`` and a name, opens with a person entity
        (``tiwonge pls delete the pic``) or a report of what the person did (``dasha sent``);
        such a word that the line thanks (``thank you ibukun!!``), writes with a possessive
        (``chidubem's``), after a kinship word (``my sis eleri``) or in a hashtag is one too;
        see ``vocatives``.
    take_greetings: the capitalised words between a greeting that opens a doc and a comma
        (``Hi Loveday,``, ``Dear Mrs Ludgate,``), or after a sign-off and its comma to the
        doc's end (``Cheers, Baz``, ``Love from Granny Dot xx``), or after an e-mail header
        (``From: Halcyon Breckinridge <...>``) or a minute's action (``Action: Whitelock to
        ...``), are a person entity, and so are a transcript's speaker (``MUTASA: We knew``)
        and the names minutes list (``Present: ...``, ``Apologies were received from ...``);
        see ``greetings``.
    known_words: in prediction, a word whose lower form the model never trained on reads as
        a word hidden by word dropout, not as the hashed row another word trained (see
        ``known``). Models saved without a word list (before this setting) are read as before.
    merge_hyphenated: a model whose training data kept most hyphenated words as one token
        (CoNLL-2003's gold tokens) reads each word that spaCy's tokenizer split at a hyphen
        (``Eze`` ``-`` ``Okafor``) as that one token, and tags its pieces alike. Models
        trained on split words (spaCy's tokens, ``gold_preproc = false``) are unaffected.
    """
    return ElmanNER(
        nlp.vocab,
        model,
        name,
        overwrite_ents=overwrite_ents,
        word_dropout=word_dropout,
        lookup_dropout=lookup_dropout,
        max_batch_tokens=max_batch_tokens,
        chunk_tokens=chunk_tokens,
        chunk_context=chunk_context,
        chunk_mode=chunk_mode,
        bptt=bptt,
        device=device,
        precision=precision,
        spans_key=spans_key,
        output_labels=output_labels,
        output_bias=output_bias,
        opening_names=opening_names,
        whole_words=whole_words,
        trim_symbols=trim_symbols,
        split_dashes=split_dashes,
        trim_chat=trim_chat,
        trim_nationalities=trim_nationalities,
        trim_titles=trim_titles,
        take_suffixes=take_suffixes,
        trim_verbs=trim_verbs,
        trim_lower=trim_lower,
        take_hyphenated=take_hyphenated,
        take_surnames=take_surnames,
        join_adjacent=join_adjacent,
        drop_eponyms=drop_eponyms,
        drop_lower=drop_lower,
        drop_ordinary=drop_ordinary,
        drop_places=drop_places,
        drop_teams=drop_teams,
        take_lifespans=take_lifespans,
        take_repeats=take_repeats,
        take_lists=take_lists,
        take_honorifics=take_honorifics,
        take_nicknames=take_nicknames,
        take_addressees=take_addressees,
        take_citations=take_citations,
        take_speakers=take_speakers,
        take_vocatives=take_vocatives,
        take_greetings=take_greetings,
        known_words=known_words,
        merge_hyphenated=merge_hyphenated,
        scorer=scorer,
    )


class ElmanNER(TrainablePipe):
    """Named-entity tagger: an Elman network reads hashed token features, Viterbi decodes BIO."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model,
        name: str = "elman_ner",
        *,
        overwrite_ents: bool = False,
        word_dropout: float = 0.2,
        lookup_dropout: float = 0.0,
        max_batch_tokens: int = 32768,
        chunk_tokens: int = 0,
        chunk_context: int = 0,
        chunk_mode: str = "overlap",
        bptt: int = 0,
        device: str = "auto",
        precision: str = "auto",
        spans_key: Optional[str] = "elman_ner",
        output_labels: Sequence[str] = (),
        output_bias: Union[float, str] = "auto",
        opening_names: float = 0.2,
        whole_words: bool = True,
        trim_symbols: bool = True,
        split_dashes: bool = True,
        trim_chat: bool = True,
        trim_nationalities: bool = True,
        trim_titles: bool = True,
        take_suffixes: bool = True,
        trim_verbs: bool = True,
        trim_lower: bool = True,
        take_hyphenated: bool = True,
        take_surnames: bool = True,
        join_adjacent: bool = True,
        drop_eponyms: bool = True,
        drop_lower: bool = True,
        drop_ordinary: bool = True,
        drop_places: bool = True,
        drop_teams: bool = True,
        take_lifespans: bool = True,
        take_repeats: bool = True,
        take_lists: bool = True,
        take_honorifics: bool = True,
        take_nicknames: bool = True,
        take_addressees: bool = True,
        take_citations: bool = True,
        take_speakers: bool = True,
        take_vocatives: bool = True,
        take_greetings: bool = True,
        known_words: bool = True,
        merge_hyphenated: bool = True,
        scorer: Optional[Callable] = None,
    ) -> None:
        check_chunk_settings(
            chunk_tokens, chunk_context, chunk_mode, model.attrs["spec"].bidirectional, bptt
        )
        check_precision(precision)
        check_output_bias(output_bias)
        check_opening_names(opening_names)
        self.vocab = vocab
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg: Dict[str, Any] = {
            "labels": [],
            "overwrite_ents": overwrite_ents,
            "word_dropout": word_dropout,
            "lookup_dropout": lookup_dropout,
            "max_batch_tokens": max_batch_tokens,
            "chunk_tokens": chunk_tokens,
            "chunk_context": chunk_context,
            "chunk_mode": chunk_mode,
            "bptt": bptt,
            "device": device,
            "precision": precision,
            "spans_key": spans_key,
            "output_labels": list(output_labels),
            "output_bias": output_bias,
            "opening_names": opening_names,
            "whole_words": whole_words,
            "trim_symbols": trim_symbols,
            "split_dashes": split_dashes,
            "trim_chat": trim_chat,
            "trim_nationalities": trim_nationalities,
            "trim_titles": trim_titles,
            "take_suffixes": take_suffixes,
            "trim_verbs": trim_verbs,
            "trim_lower": trim_lower,
            "take_hyphenated": take_hyphenated,
            "take_surnames": take_surnames,
            "join_adjacent": join_adjacent,
            "drop_eponyms": drop_eponyms,
            "drop_lower": drop_lower,
            "drop_ordinary": drop_ordinary,
            "drop_places": drop_places,
            "drop_teams": drop_teams,
            "take_lifespans": take_lifespans,
            "take_repeats": take_repeats,
            "take_lists": take_lists,
            "take_honorifics": take_honorifics,
            "take_nicknames": take_nicknames,
            "take_addressees": take_addressees,
            "take_citations": take_citations,
            "take_speakers": take_speakers,
            "take_vocatives": take_vocatives,
            "take_greetings": take_greetings,
            "known_words": known_words,
            "merge_hyphenated": merge_hyphenated,
            # Learned: the hyphenated words of the training data, [whole, split].
            "hyphen_styles": [0, 0],
        }
        self._weights: Optional[Dict[str, np.ndarray]] = None
        # The lower forms the model was updated on (``known``); None: not recorded.
        self._known: Optional[Uint64s1d] = None
        self._net: Any = None
        # The feature ids of the forms that earlier predict batches held (``form_rows``).
        self._form_rows = FormRows()
        self.last_grad_norm: Optional[float] = None

    def __reduce__(self):
        """Pickle with numpy weights: the TensorFlow network is rebuilt on first use, so the
        component can cross to a spawned process (``nlp.pipe(n_process=N)``)."""
        weights = self.get_weights() if self.is_initialized else None
        state = {"cfg": dict(self.cfg), "_weights": weights, "scorer": self.scorer}
        state["_known"] = self._known
        return (type(self), (self.vocab, self.model, self.name), state, None, None)

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.cfg, self.scorer = state["cfg"], state["scorer"]
        self._weights, self._net = state["_weights"], None
        self._known = state.get("_known")

    # -- labels and state ------------------------------------------------------------------

    @property
    def spec(self) -> ElmanSpec:
        return self.model.attrs["spec"]

    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(self.cfg["labels"])

    @property
    def tags(self) -> List[str]:
        """The BIO tag strings, in id order."""
        return tag_names(self.labels)

    @property
    def is_initialized(self) -> bool:
        return self._weights is not None or self._net is not None

    def add_label(self, label: str) -> int:
        """Add an entity label; returns 1 if it was new, 0 if known. Works after training too."""
        if not isinstance(label, str) or not label or label[:2] in ("B-", "I-"):
            raise ElmanError(Errors.E006.format(label=label))
        if label in self.cfg["labels"]:
            return 0
        weights = self.get_weights() if self.is_initialized else None
        self.cfg["labels"] = [*self.cfg["labels"], label]
        if weights is not None:
            rng = np.random.default_rng(np.random.randint(0, 2**31 - 1))  # fix_random_seed applies
            self._set_weights(resize_output(weights, len(self.tags), rng))
        return 1

    def get_weights(self) -> Dict[str, np.ndarray]:
        """The network's weights as numpy arrays (raises E004 before initialization)."""
        if self._net is not None:
            return self._net.get_weights()
        if self._weights is None:
            raise ElmanError(Errors.E004)
        return self._weights

    def _set_weights(self, weights: Dict[str, np.ndarray]) -> None:
        check_weights(self.spec, len(self.tags), weights)
        self._weights, self._net = weights, None

    @property
    def net(self):
        """The TensorFlow network, built from the weights on first use."""
        if self._net is None:
            if self._weights is None:
                raise ElmanError(Errors.E004)
            from .tf_shim import ElmanNet

            self._net = ElmanNet(
                self.spec, self._weights, self.cfg["device"], self.cfg["precision"]
            )
            self._weights = None
        return self._net

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Optional[Language] = None,
        labels: Optional[Sequence[str]] = None,
    ) -> None:
        """Set the labels (from ``labels`` or the examples' entities) and fresh weights."""
        validate_get_examples(get_examples, "ElmanNER.initialize")
        if labels is None:
            found = {ent.label_ for eg in get_examples() for ent in eg.reference.ents}
            labels = sorted(found)
        # Drop the old weights first: add_label would otherwise resize them to the new label
        # set, which fails when it is smaller than the old one.
        self.cfg["labels"] = []
        self._weights, self._net = None, None
        for label in labels:
            self.add_label(label)
        if not self.labels:
            raise ElmanError(Errors.E003)
        missing = sorted(set(self.cfg["output_labels"]) - set(self.labels))
        if missing:
            raise ElmanError(Errors.E021.format(missing=missing, labels=", ".join(self.labels)))
        rng = np.random.default_rng(np.random.randint(0, 2**31 - 1))
        self._set_weights(init_weights(self.spec, len(self.tags), rng))
        self._known = NO_FORMS  # fresh weights have learned no word yet
        self.cfg["hyphen_styles"] = [0, 0]

    @property
    def reads_hyphenated_whole(self) -> bool:
        """Whether prediction reads a hyphenated word as one token (``merge_hyphenated``, and
        more of them whole than split in the training data)."""
        whole, split = self.cfg["hyphen_styles"]
        return bool(self.cfg["merge_hyphenated"]) and whole > split

    # -- prediction ------------------------------------------------------------------------

    def predict(self, docs: Iterable[Doc]) -> List[Tuple[Ints1d, Floats1d]]:
        """Return ``(tag_ids, tag_probs)`` per doc; one TensorFlow call per length bucket.

        Docs longer than ``chunk_tokens`` are cut into chunks (see ``chunking``): in "overlap"
        mode the chunks join the batch like short docs; in "exact" mode they run in sequence.
        """
        docs = list(docs)
        empty = (np.zeros((0,), dtype="int32"), np.zeros((0,), dtype="float32"))
        preds: List[Tuple[Ints1d, Floats1d]] = [empty for _ in docs]
        if not any(len(doc) for doc in docs):
            return preds
        spec = self.spec
        known = self._known if self.cfg["known_words"] else None
        merge = self.reads_hyphenated_whole
        if self.cfg["whole_words"] or merge:
            feats, joins = docs_features_and_joins(
                docs, spec.features, spec.rows, known, self._form_rows
            )
        else:
            feats = docs_features(docs, spec.features, spec.rows, known, self._form_rows)
            joins = [np.zeros((0,), dtype="int64")] * len(docs)
        counts: Dict[int, Ints1d] = {}  # the merged docs: tokens per word
        if merge:
            feats, joins, counts = self._merge_hyphenated(docs, feats, joins, known)
        exact = self.cfg["chunk_mode"] == "exact"
        limit = self.cfg["chunk_tokens"]
        pieces: List[Ints2d] = []  # what runs batched: short docs whole, long docs' chunks
        piece_joins: List[Ints1d] = []  # the positions in each piece that continue a word
        owners: List[int] = []  # the doc index of each piece
        plans: Dict[int, List[Chunk]] = {}  # the chunks of each long doc (overlap mode)
        for i, f in enumerate(feats):
            if limit and len(f) > limit:
                plan = plan_chunks(len(f), limit, 0 if exact else self.cfg["chunk_context"])
                if exact:
                    preds[i] = self._predict_in_sequence(f, joins[i], plan)
                    continue
                plans[i] = plan
                pieces.extend(f[c.lo : c.hi] for c in plan)
                piece_joins.extend(
                    joins[i][(joins[i] >= c.lo) & (joins[i] < c.hi)] - c.lo for c in plan
                )
                owners.extend([i] * len(plan))
            elif len(f):
                pieces.append(f)
                piece_joins.append(joins[i])
                owners.append(i)
        chunk_preds: Dict[int, List[Tuple[Ints1d, Floats1d]]] = {i: [] for i in plans}
        for i, pred in zip(owners, self._predict_batch(pieces, piece_joins)):
            if i in plans:
                chunk_preds[i].append(pred)
            else:
                preds[i] = pred
        for i, plan in plans.items():
            preds[i] = (
                stitch([tags for tags, _ in chunk_preds[i]], plan),
                stitch([probs for _, probs in chunk_preds[i]], plan),
            )
        if counts:  # back from words to tokens, the merged docs' words in one run
            merged = list(counts)
            per_word = np.concatenate([counts[i] for i in merged])
            tags = spread_tags(np.concatenate([preds[i][0] for i in merged]), per_word)
            probs = np.repeat(np.concatenate([preds[i][1] for i in merged]), per_word)
            lengths = [int(counts[i].sum()) for i in merged]
            for i, doc_tags, doc_probs in zip(
                merged, split_lengths(tags, lengths), split_lengths(probs, lengths)
            ):
                preds[i] = (doc_tags, doc_probs)
        return preds

    def _merge_hyphenated(
        self,
        docs: Sequence[Doc],
        feats: List[Ints2d],
        joins: List[Ints1d],
        known: Optional[Uint64s1d],
    ) -> Tuple[List[Ints2d], List[Ints1d], Dict[int, Ints1d]]:
        """The features of each doc with its hyphenated words as one token each, no joins
        left, and the tokens each word covers, per doc that had one.

        A token's features do not depend on its neighbours, so the batch's hyphenated words
        are read as the tokens of one Doc, and their rows replace their first pieces' rows.
        """
        which = [i for i, positions in enumerate(joins) if len(positions)]
        if not which:
            return feats, joins, {}
        # The docs that have one, as one flat run of tokens: a join is never a doc's first
        # token, so no word crosses from one doc to the next.
        bounds = np.concatenate(([0], np.cumsum([len(feats[i]) for i in which])))
        positions = np.concatenate([joins[i] + bounds[k] for k, i in enumerate(which)])
        firsts, counts = word_spans(positions, int(bounds[-1]))
        several = np.flatnonzero(counts > 1)
        doc_of = np.searchsorted(bounds, firsts[several], side="right") - 1
        words = [
            docs[which[k]][a : a + n].text
            for k, a, n in zip(
                doc_of.tolist(),
                (firsts[several] - bounds[doc_of]).tolist(),
                counts[several].tolist(),
            )
        ]
        spec = self.spec
        (rows,) = docs_features([Doc(self.vocab, words=words)], spec.features, spec.rows, known)
        merged = np.concatenate([feats[i] for i in which])[firsts]
        merged[several] = rows
        edges = np.searchsorted(firsts, bounds).tolist()  # each doc's first word
        feats, joins = list(feats), list(joins)
        tokens: Dict[int, Ints1d] = {}
        for k, i in enumerate(which):
            feats[i] = merged[edges[k] : edges[k + 1]]
            joins[i] = np.zeros((0,), dtype="int64")
            tokens[i] = counts[edges[k] : edges[k + 1]]
        return feats, joins, tokens

    def _predict_batch(
        self, feats: Sequence[Ints2d], joins: Sequence[Ints1d]
    ) -> List[Tuple[Ints1d, Floats1d]]:
        """Tag non-empty sequences in length buckets of at most ``max_batch_tokens``;
        ``joins`` are their ``words.join_positions``."""
        preds: List[Tuple[Ints1d, Floats1d]] = [None] * len(feats)  # type: ignore[list-item]
        lengths = np.asarray([len(f) for f in feats])
        buckets = length_buckets(
            lengths, self.cfg["max_batch_tokens"], PREDICT_CALL_COST, PREDICT_STEP_COST
        )
        calls = [pad_batch([feats[i] for i in idx]) for idx in buckets]
        bias = self._output_bias()
        unsure: List[Tuple[int, Floats2d, Bools1d]] = []  # (i, logp, joins): to search
        for idx, (ids, lens), (logp, _) in zip(buckets, calls, self.net.predict_many(calls)):
            joined = join_mask([joins[i] for i in idx], ids.shape[1])
            tags, rows = argmax_tags(logp if bias is None else logp + bias, lens, joined)
            probs = np.exp(np.take_along_axis(logp, tags[:, :, None], axis=2)[:, :, 0])
            for row, i in enumerate(idx):
                preds[i] = (tags[row, : lens[row]], probs[row, : lens[row]])
            unsure.extend((idx[r], logp[r, : lens[r]], joined[r, : lens[r]]) for r in rows)
        if unsure:  # one search for the whole batch: its loop costs per step, not per row
            scores = [logp if bias is None else logp + bias for _, logp, _ in unsure]
            found = search_rows(scores, [j for _, _, j in unsure])
            for (i, logp, _), tags in zip(unsure, found):
                preds[i] = (tags, np.exp(logp[np.arange(len(tags)), tags]))
        return preds

    def _output_bias(self) -> Optional[Floats1d]:
        """The ``output_bias`` setting as a term for each tag (None: none)."""
        return output_bias(self.labels, self.cfg["output_labels"], self.cfg["output_bias"])

    def _predict_in_sequence(
        self, feats: Ints2d, joins: Ints1d, plan: Sequence[Chunk]
    ) -> Tuple[Ints1d, Floats1d]:
        """The exact mode: chunk after chunk, each from the state the one before ended in,
        then one Viterbi pass over the whole doc (the tags of one pass)."""
        radius = self.spec.window // 2
        h = np.zeros((1, self.spec.hidden_width), dtype="float32")
        logps = []
        for chunk in plan:
            ids = window_context(feats, chunk, radius)[None]
            n = np.asarray([chunk.end - chunk.start], dtype="int32")
            if ids.shape[1] < 2 * radius + 2:  # the graph needs 2+ steps: pad one more
                ids = np.pad(ids, ((0, 0), (0, 1), (0, 0)), constant_values=PAD_ID)
            logp, h = self.net.log_probs(ids, n, h)
            logps.append(logp[0, : n[0]])
        logp = np.concatenate(logps)
        bias = self._output_bias()
        scores = logp if bias is None else logp + bias
        tags = decode_tags(scores[None], np.asarray([len(logp)]), join_mask([joins], len(logp)))[0]
        return tags, np.exp(logp[np.arange(len(tags)), tags]).astype("float32")

    def set_annotations(self, docs: Iterable[Doc], preds: List[Tuple[Ints1d, Floats1d]]) -> None:
        """Write the decoded entities to ``doc.ents`` (and ``doc.spans[spans_key]``).

        The batch is decoded at once; a span's confidence is the mean probability of its tags.
        """
        docs = list(docs)
        if not docs:
            return
        labels = self.labels
        key = self.cfg["spans_key"]
        lengths = np.asarray([len(tags) for tags, _ in preds], dtype="int64")
        offsets = np.concatenate(([0], np.cumsum(lengths)))
        tags = np.concatenate([t for t, _ in preds]).astype("int64")
        # A token's part of an entity's score: the probability of its tag, or, where a rule
        # put an O-tagged token in an entity, the probability that it is not O.
        probs = np.concatenate([p for _, p in preds])
        if self.cfg["opening_names"] and all(label in PERSON_LABELS for label in labels):
            tags = open_names(tags, probs, docs, offsets[:-1].tolist(), self.cfg["opening_names"])
        probs = np.where(tags == 0, 1.0 - probs, probs)
        cumprob = np.concatenate(([0.0], np.cumsum(probs, dtype="float64")))
        found = spans_from_tags(tags, offsets[:-1][lengths > 0])
        if self.cfg["output_labels"]:  # the other labels' entities were negatives
            keep = {labels.index(label) for label in self.cfg["output_labels"] if label in labels}
            found = [span for span in found if span[2] in keep]
        doc_of = np.searchsorted(offsets, [start for start, _, _ in found], side="right") - 1
        per_doc: List[List[Tuple[int, int, int]]] = [[] for _ in docs]
        for i, span in zip(doc_of.tolist(), found):
            per_doc[i].append(span)
        persons = [i for i, label in enumerate(labels) if label in PERSON_LABELS]
        # the rules that may find a name where the doc has none
        finders = bool(persons) and any(self.cfg[rule] for rule in FINDERS)
        for i, (doc, offset, spans) in enumerate(zip(docs, offsets.tolist(), per_doc)):
            if spans:
                per_doc[i] = run_rules(spans, doc, persons, offset, self.cfg)
            elif finders and may_find(doc):
                per_doc[i] = whole_doc_rules(spans, doc, persons, offset, self.cfg)
        # The whole batch's ENT_IOB/ENT_TYPE columns, one Doc.from_array per doc: 1.7 us a
        # doc, against 3.5 for set_ents (it checks each token in Python).
        label_ids = [self.vocab.strings.add(label) for label in labels]
        table = ent_columns([span for spans in per_doc for span in spans], len(tags), label_ids)
        for doc, offset, spans in zip(docs, offsets.tolist(), per_doc):
            predicted = [
                (
                    Span(doc, s - offset, e - offset, label=labels[lab]),
                    (cumprob[e] - cumprob[s]) / (e - s),
                )
                for s, e, lab in spans
            ]
            if not self.cfg["overwrite_ents"] and doc.ents:
                taken = np.zeros((len(doc),), dtype=bool)
                for ent in doc.ents:
                    taken[ent.start : ent.end] = True
                predicted = [(sp, p) for sp, p in predicted if not taken[sp.start : sp.end].any()]
                doc.set_ents(
                    sorted([*doc.ents, *(span for span, _ in predicted)]), default="outside"
                )
            elif len(doc):
                doc.from_array(ENT_COLUMNS, table[offset : offset + len(doc)])
            if key:
                group = SpanGroup(doc, name=key, spans=[span for span, _ in predicted])
                group.attrs["scores"] = [float(p) for _, p in predicted]
                doc.spans[key] = group

    # -- training --------------------------------------------------------------------------

    def _gold(self, examples: Sequence[Example], lengths: Ints1d) -> Tuple[np.ndarray, ...]:
        """Gold tag ids and loss weights aligned to the predicted tokens, padded."""
        width = max(int(lengths.max(initial=0)), 2)
        gold = np.zeros((len(examples), width), dtype="int32")
        weights = np.zeros((len(examples), width), dtype="float32")
        index = {"O": 0}
        for i, label in enumerate(self.labels):
            for prefix in ("B", "U"):
                index[f"{prefix}-{label}"] = 2 * i + 1
            for prefix in ("I", "L"):
                index[f"{prefix}-{label}"] = 2 * i + 2
        by_type = {self.vocab.strings[label]: i for i, label in enumerate(self.labels)}
        for row, eg in enumerate(examples):
            fast = self._gold_same_tokens(eg, by_type)
            if fast is not None:
                gold[row, : len(fast[0])], weights[row, : len(fast[0])] = fast
                continue
            for col, tag in enumerate(eg.get_aligned_ner()):
                if tag is None or tag == "-":
                    continue  # missing or misaligned: no loss
                tag_id = index.get(tag)
                if tag_id is None:
                    # Training a label we do not predict as O would teach the model to miss it.
                    raise ElmanError(
                        Errors.E015.format(label=tag[2:], labels=", ".join(self.labels))
                    )
                gold[row, col] = tag_id
                weights[row, col] = 1.0
        return gold, weights

    def _gold_same_tokens(
        self, eg: Example, by_type: Dict[int, int]
    ) -> Optional[Tuple[np.ndarray, np.ndarray]]:
        """The tag ids and weights of ``eg``, read from arrays when both docs have the same
        tokens (the readers' examples); ``None`` when they differ and must be aligned."""
        x, y = eg.predicted, eg.reference
        if len(x) != len(y) or not np.array_equal(x.to_array(ORTH), y.to_array(ORTH)):
            return None
        iob, types = y.to_array([ENT_IOB, ENT_TYPE]).reshape((len(y), 2)).T
        tags = np.zeros((len(y),), dtype="int32")
        entity = (iob == 1) | (iob == 3)  # I or B; 2 is O, 0 missing
        for ent_type in np.unique(types[entity]).tolist():
            label = by_type.get(ent_type)
            if label is None:  # the same error as the aligned path's
                raise ElmanError(
                    Errors.E015.format(
                        label=self.vocab.strings[ent_type], labels=", ".join(self.labels)
                    )
                )
            tags[entity & (types == ent_type)] = 2 * label + 1
        tags[entity & (iob == 1)] += 1  # I-X follows B-X
        return tags, (iob != 0).astype("float32")

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Optional[Optimizer] = None,
        losses: Optional[Dict[str, float]] = None,
    ) -> Dict[str, float]:
        """Compute the gradient for ``examples``; apply it now if ``sgd`` is given.

        With ``nlp.update`` the gradient is applied in :meth:`finish_update`, using the
        optimizer's learn rate (schedules work), betas, eps, ``grad_clip`` and ``L2``.
        """
        if losses is None:
            losses = {}
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_examples(examples, "ElmanNER.update")
        examples = [eg for eg in examples if len(eg.predicted)]
        if not examples:
            return losses
        spec = self.spec
        docs = [eg.predicted for eg in examples]
        feats = docs_features(docs, spec.features, spec.rows)
        styles = hyphen_styles(docs)
        self.cfg["hyphen_styles"] = [a + b for a, b in zip(self.cfg["hyphen_styles"], styles)]
        # Record the forms trained on. None is a model saved before the list: recording only
        # the words from here on would hide all the older ones.
        if self._known is not None:
            self._known = add_forms(self._known, doc_forms(docs))
        if self.cfg["bptt"]:
            loss = self._backprop_in_chunks(examples, feats, drop)
        else:
            loss = self._backprop_in_buckets(examples, feats, drop)
        losses[self.name] += loss
        if not np.isfinite(loss):
            raise NonFiniteLossError(Errors.E010.format(loss=loss))
        if sgd not in (None, False):
            self.finish_update(sgd)
        return losses

    def _hide(self, ids: Ints3d, drop: float) -> Ints3d:
        """``ids`` with word dropout and lookup dropout applied (in training: ``drop`` > 0)."""
        if not drop:
            return ids
        features = self.spec.features
        ids = hide_words(ids, features, self.cfg["word_dropout"])
        rate = self.cfg["lookup_dropout"]
        return hide_words(ids, features, rate, LOOKUP_FEATURES, separately=True)

    def _backprop_in_buckets(
        self, examples: Sequence[Example], feats: Sequence[Ints2d], drop: float
    ) -> float:
        """Each example one sequence, at most ``max_batch_tokens`` padded tokens per call.

        Each call differentiates its own mean loss, so its gradient is weighted by its share
        of the counted tokens: the sum is the gradient of the whole batch's mean loss. Returns
        the summed loss.
        """
        limit = self.cfg["max_batch_tokens"]
        # A training call costs more than padding: as few calls as max_batch_tokens allows.
        buckets = length_buckets(np.asarray([len(f) for f in feats]), limit, call_cost=limit)
        if len(buckets) == 1:
            buckets = [np.arange(len(examples))]  # one call, in the batch's own order
        parts = []
        for idx in buckets:
            ids, lengths = pad_batch([feats[i] for i in idx])
            ids = self._hide(ids, drop)
            gold, weights = self._gold([examples[i] for i in idx], lengths)
            parts.append((ids, lengths, gold, weights))
        counted = sum(float(part[3].sum()) for part in parts)
        loss = 0.0
        for ids, lengths, gold, weights in parts:
            scale = float(weights.sum()) / counted if counted > 0 and len(parts) > 1 else 1.0
            part_loss, _ = self.net.backprop(ids, lengths, gold, weights, drop, scale=scale)
            loss += part_loss
            if not np.isfinite(part_loss):
                break
        return loss

    def _backprop_in_chunks(
        self, examples: Sequence[Example], feats: Sequence[Ints2d], drop: float
    ) -> float:
        """Truncated backpropagation through time over chunks of ``bptt`` tokens.

        Chunk k of every example runs in one call (at most ``max_batch_tokens`` padded
        tokens), from the forward state chunk k - 1 ended in; windows see the real neighbours
        across chunk borders. A backward pass starts afresh at each chunk's end. Returns the
        summed loss; the pending gradient is that of the batch's mean loss.
        """
        spec, bptt = self.spec, self.cfg["bptt"]
        radius = spec.window // 2
        gold, weights = self._gold(examples, np.asarray([len(f) for f in feats]))
        counted = float(weights.sum())
        plans = [plan_chunks(len(f), bptt, 0) for f in feats]
        state = np.zeros((len(examples), spec.hidden_width), dtype="float32")
        rows_per_call = max(1, self.cfg["max_batch_tokens"] // (bptt + 2 * radius))
        loss = 0.0
        for k in range(max(len(plan) for plan in plans)):
            live = [i for i, plan in enumerate(plans) if k < len(plan)]
            for at in range(0, len(live), rows_per_call):
                rows = live[at : at + rows_per_call]
                chunks = [plans[i][k] for i in rows]
                ids, _ = pad_batch(
                    [window_context(feats[i], c, radius) for i, c in zip(rows, chunks)],
                    min_length=2 * radius + 2,
                )
                ids = self._hide(ids, drop)
                lengths = np.asarray([c.end - c.start for c in chunks], dtype="int32")
                width = ids.shape[1] - 2 * radius
                part_gold = np.zeros((len(rows), width), dtype="int32")
                part_weights = np.zeros((len(rows), width), dtype="float32")
                for r, (i, c) in enumerate(zip(rows, chunks)):
                    part_gold[r, : c.end - c.start] = gold[i, c.start : c.end]
                    part_weights[r, : c.end - c.start] = weights[i, c.start : c.end]
                scale = float(part_weights.sum()) / counted if counted > 0 else 1.0
                part_loss, state[rows] = self.net.backprop_chunk(
                    ids, lengths, part_gold, part_weights, drop, state[rows], scale=scale
                )
                loss += part_loss
                if not np.isfinite(part_loss):
                    return loss
        return loss

    def finish_update(self, sgd: Optimizer) -> None:
        """Apply the pending gradient with the hyperparameters of spaCy's optimizer ``sgd``.

        With ``use_averages = true`` (thinc keeps ``sgd.averages`` as a dict, else None) the
        network also updates a moving average of its weights, in TensorFlow; see
        :meth:`use_averages`.
        """
        if self._net is None:
            return
        l2 = float(getattr(sgd, "L2", 0.0) or 0.0)
        decoupled = bool(getattr(sgd, "L2_is_weight_decay", True))
        averages = getattr(sgd, "averages", None)
        average = averages is not None
        if average and self.model.id is not None:
            # Our averages live in TensorFlow, not in sgd.averages; this entry only makes the
            # dict non-empty, so that spaCy's trainer (`if optimizer.averages:` and
            # nlp.use_params(optimizer.averages)) evaluates and saves with them. No thinc
            # model has this parameter name, so no other component reads it.
            averages.setdefault((self.model.id, AVERAGES_KEY), np.zeros((1,), dtype="float32"))
        self.last_grad_norm = self._net.apply_gradients(
            learn_rate=float(sgd.learn_rate),
            beta1=float(getattr(sgd, "b1", 0.9)),
            beta2=float(getattr(sgd, "b2", 0.999)),
            eps=float(getattr(sgd, "eps", 1e-8)),
            grad_clip=float(getattr(sgd, "grad_clip", 0.0) or 0.0),
            weight_decay=l2 if decoupled else 0.0,  # AdamW: shrink after the Adam step
            l2=0.0 if decoupled else l2,  # classic L2: added to the gradient first
            average=average,
        )

    @contextmanager
    def use_averages(self) -> Iterator[bool]:
        """Predict, score and save with the averaged weights inside the block.

        Swaps the moving averages into the network's variables and back at the end (also on
        an exception). Yields whether it swapped: not before training, not when the last
        update ran without ``use_averages``, not when already inside such a block. Updating
        inside the block raises E020.
        """
        net = self._net
        if net is None or net.averages_in_use or not net.has_averages:
            yield False
            return
        net.swap_averages()
        try:
            yield True
        finally:
            net.swap_averages()

    def use_params(self, params: Dict[Any, Any]) -> Iterator[None]:
        """spaCy's hook for ``nlp.use_params(optimizer.averages)`` (its trainer evaluates
        and saves inside it): a generator, as spaCy steps it with ``next()``. Our weights are
        TensorFlow variables, not thinc parameters, so whatever ``params`` holds, this swaps
        in the component's own averages (:meth:`use_averages`)."""
        with self.use_averages():
            yield

    def get_loss(self, examples: Iterable[Example], scores: Any) -> Tuple[float, Any]:
        raise NotImplementedError("elman_ner computes its loss inside TensorFlow; use update().")

    # -- serialization ---------------------------------------------------------------------

    def _serialize(self) -> Tuple[Dict[str, Any], bytes, Optional[bytes]]:
        """The cfg (with checksums), the weights' bytes and the known word forms' bytes (None
        without a list)."""
        weights = srsly.msgpack_dumps(self.get_weights()) if self.is_initialized else b""
        cfg = dict(self.cfg, weights_sha256=hashlib.sha256(weights).hexdigest())
        known = None if self._known is None else known_to_bytes(self._known)
        if known is not None:
            cfg["known_sha256"] = hashlib.sha256(known).hexdigest()
        return cfg, weights, known

    def _deserialize(
        self, cfg: Dict[str, Any], weights: bytes, known: Optional[bytes], where: str
    ) -> None:
        if hashlib.sha256(weights).hexdigest() != cfg.pop("weights_sha256", None):
            raise ElmanError(Errors.E005.format(path=where, detail="checksum mismatch"))
        known_sha = cfg.pop("known_sha256", None)  # None: saved before the word list existed
        if known_sha is not None and (
            known is None or hashlib.sha256(known).hexdigest() != known_sha
        ):
            raise ElmanError(
                Errors.E005.format(path=where, detail="the known word forms fail their checksum")
            )
        # Only the labels, the hyphen styles and the word forms are learned state. The
        # settings (device, overwrite_ents, ...) come from the factory config, which spaCy
        # saves and restores itself, so load-time config overrides such as {"device": "cpu"}
        # must win over the values saved here.
        self.cfg["labels"] = list(cfg.get("labels", []))
        self.cfg["hyphen_styles"] = list(cfg.get("hyphen_styles", [0, 0]))
        self._weights, self._net = None, None
        if weights:
            try:
                arrays = srsly.msgpack_loads(weights)
            except Exception as err:  # msgpack raises several types on bad bytes
                raise ElmanError(Errors.E005.format(path=where, detail=err)) from None
            self._set_weights(dict(arrays))
        try:
            self._known = None if known_sha is None else known_from_bytes(known or b"")
        except ValueError as err:
            raise ElmanError(Errors.E005.format(path=where, detail=err)) from None

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        """Serialize the labels, settings, weights and known word forms."""
        cfg, weights, known = self._serialize()
        return srsly.msgpack_dumps({"cfg": cfg, "weights": weights, "known": known})

    def from_bytes(
        self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> "ElmanNER":
        """Load what :meth:`to_bytes` wrote."""
        try:
            msg = srsly.msgpack_loads(bytes_data)
        except Exception as err:
            raise ElmanError(Errors.E005.format(path="<bytes>", detail=err)) from None
        self._deserialize(dict(msg["cfg"]), msg["weights"], msg.get("known"), "<bytes>")
        return self

    def to_disk(self, path: Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Write ``cfg`` (JSON), ``weights`` (msgpack) and ``known`` (the word forms the model
        trained on, uint64 hashes) into the directory ``path``."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        cfg, weights, known = self._serialize()
        (path / "weights").write_bytes(weights)
        if known is not None:
            (path / "known").write_bytes(known)
        srsly.write_json(path / "cfg", cfg)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> "ElmanNER":
        """Load what :meth:`to_disk` wrote; corrupted or truncated weights raise E005."""
        path = ensure_path(path)
        try:
            cfg = srsly.read_json(path / "cfg")
            weights = (path / "weights").read_bytes()
            known = (path / "known").read_bytes() if "known_sha256" in cfg else None
        except (OSError, ValueError) as err:
            raise ElmanError(Errors.E005.format(path=path, detail=err)) from None
        self._deserialize(dict(cfg), weights, known, str(path))
        if self._weights is not None:
            self.warm_up()
        return self

    def warm_up(self) -> None:
        """Build the TensorFlow network and trace its prediction graph now, not in the first
        ``predict``. :meth:`from_disk` (so ``spacy.load``) calls it: the first batch then runs
        as fast as the others, which keeps the speed that ``spacy evaluate`` reports over the
        whole data honest. Creating the component, ``spacy.blank`` and unpickling stay
        TensorFlow-free (the network is built there on first use)."""
        ids, lengths = pad_batch([np.ones((1, len(self.spec.features)), dtype="int32")])
        self.net.predict(ids, lengths)
