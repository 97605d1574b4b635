"""The name in a greeting, a sign-off or an e-mail header: ``Hi Loveday, quick one ...``,
``Dear Mrs Ludgate, ...``, ``Cheers, Baz``, ``Best wishes, Obiageli``, ``Love from Granny Dot
xx`` and ``From: Halcyon Breckinridge <...>`` address or sign with a name.

E-mails, letters and notes open with a greeting and close with a sign-off, and the words between
the greeting (and any title after it) and the comma, or after the sign-off's comma to the end,
are a name. A tagger sees a lone capitalised word there with little around it and often reads it
as no name. :func:`take_greetings` tags one to three capitalised words (no stop words, no
titles, none of ``All``, ``Team``, ``Everyone``, ``Sir``, ...) that stand between a greeting
that opens the doc and a ``,``, ``!`` or the doc's end (two such names joined by ``and``: ``Dear
Nilmini and Sanduni,``), or between a sign-off and its comma (or a sign-off that ends with
``from``) that open the doc and the doc's end (a kiss, a full stop, or a comma and the signer's
role may follow), or between an e-mail header (``From:``, ``To:``) or a minute's ``Action:`` and
``<``, a comma, ``to`` or the doc's end. Thanks that open a note greet too (``Cheers Gwynfor,
resetting the router fixed it``, ``Thank you Grandad Alwyn for the bike``, ``Congratulations to
Clemency Ackroyd in Year 6``), and so does a speaker's name before a colon that opens a
transcript's or a chat log's line, where its words have no Brown cluster and a word in lower
case follows within seven (``MUTASA: We knew ...``; not ``Update:``, ``Attendance: 9,000``), and
the names that minutes list after ``Present:`` or ``Apologies were received from`` at the start
of a sentence. Since the twenty-sixth session a comma may stand between a greeting and its name
(``Thanks, Benedict.``), a greeting may open what a speaker says (``Leokadia: Thanks,
Benedict.``), and e-mail headers may follow each other on one line (``From: ... To: ...
Subject:``). The lists were written for this project.
"""

from typing import AbstractSet, FrozenSet, List, Optional, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .bio import touches
from .clusters import has_cluster
from .titles import is_title
from .words import capital_word, name_run_end, opens_sentence, skip_aside

# Words that open a greeting before a name (``Hi``, ``Dear``), lower-cased.
GREETINGS: FrozenSet[str] = frozenset(
    "hi hello hey dear morning evening afternoon hiya cheers thanks congrats congratulations".split()
)
# Sign-offs that end with ``from`` and run on to the name with no comma (``Love from Granny
# Dot xx``), as lower-cased token sequences.
FROM_SIGN_OFFS: FrozenSet[Tuple[str, ...]] = frozenset(
    tuple(phrase.split())
    for phrase in "love from|lots of love from|with love from|best wishes from|all the best from".split(
        "|"
    )
)
# E-mail headers before a sender's or an addressee's name (``From: Halcyon Breckinridge
# <...>``), and the actions of minutes, lower-cased.
HEADERS: FrozenSet[str] = frozenset("from to cc action".split())
# What may follow a header's name: an address, a comma, or ``to`` after ``Action:`` in
# minutes (``Action: Whitelock to report ...``).
AFTER_HEADER_NAME: FrozenSet[str] = frozenset({"<", ",", "to"})
# Sign-offs before a comma and a name, as lower-cased token sequences.
SIGN_OFFS: FrozenSet[Tuple[str, ...]] = frozenset(
    tuple(phrase.split())
    for phrase in """
    cheers|thanks|thank you|many thanks|thanks again|best|best wishes|all the best|regards|
    kind regards|warm regards|best regards|love|lots of love|yours|yours sincerely|
    yours truly|sincerely|warmly|ta|ta - ra|ta-ra|take care|speak soon|see you soon|diolch|
    with thanks
    """.replace("\n", "").split("|")
    if phrase.strip()
)
_FIRST_WORDS = frozenset(phrase[0] for phrase in SIGN_OFFS | FROM_SIGN_OFFS)
# Words that a greeting addresses that are no names, lower-cased.
NOT_NAMES: FrozenSet[str] = frozenset(
    """
    all team everyone everybody sir sirs madam madame there folks guys colleagues friends both
    you ladies gentlemen gents neighbours neighbors parents members class mum mom dad world
    diary customer customers applicant candidate user users reader readers residents
    students subscriber
    """.split()
)
# What may follow a signed name: kisses and a full stop.
AFTER_SIGNATURE: FrozenSet[str] = frozenset("x xx xxx . ! :)".split())
# Greetings that may take ``to`` before the name (``Congratulations to ...``).
TO_GREETINGS: FrozenSet[str] = frozenset("congratulations congrats".split())
# What may follow the name a greeting addresses.
AFTER_GREETED: FrozenSet[str] = frozenset(", ! — - : ; . for on in".split())
# The first words of minutes' lists of people (``Present:``, ``Apologies were received
# from``), lower-cased.
LIST_HEADERS: FrozenSet[str] = frozenset("present apologies attendees attending absent".split())
# How many tokens an aside in brackets after a listed name may hold (``(chair)``).
MAX_ASIDE = 3
# Words that join two names a greeting addresses, or the names of a list.
JOINERS: FrozenSet[str] = frozenset({"and", "&"})
# How many words a greeting's or a sign-off's name may have.
MAX_WORDS = 3
# How many tokens after a speaker's colon may come before a word in lower case
# (``Leokadia: Thanks, Benedict. As the ...``).
SPEECH_WINDOW = 7
# How many tokens the signer's role after a sign-off's name may have (``Head of Year 9``).
MAX_ROLE = 5
# The small words of a role (``Head of Year 9``, ``Friends of the Park``).
ROLE_WORDS: FrozenSet[str] = frozenset("of the and & for".split())


def take_greetings(
    spans: Sequence[Tuple[int, int, int]],
    doc: Doc,
    person_labels: Sequence[int],
    offset: int = 0,
    words: Optional[AbstractSet[int]] = None,
) -> List[Tuple[int, int, int]]:
    """``spans`` with a person span (of the first person label) for the name in a greeting or
    a sign-off that opens ``doc`` (see the module), unless a span already holds a word of it.

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; the result is sorted. ``words``: the ``ORTH`` ids of the doc's tokens, if the
    caller has them.
    """
    if not person_labels or len(doc) < 2:
        return list(spans)
    if not may_greet(doc, words):
        return list(spans)
    found = _greeting_names(doc) or _listed_names(doc) or _header_names(doc)
    if not found:
        signed = _signed_name(doc) or _speaker_name(doc)
        found = [signed] if signed else []
        # a greeting that opens what a speaker says (``LEOKADIA: Thanks, Benedict. ...``)
        found.extend(_greeting_names(doc, _after_label(doc)))
    new = []
    for start, end in found:
        start, end = start + offset, end + offset
        if not touches(spans, start, end):
            new.append((start, end, person_labels[0]))
    return sorted([*spans, *new]) if new else list(spans)


def _greeting_names(doc: Doc, k: int = 0) -> List[Tuple[int, int]]:
    """The name after a greeting that opens ``doc`` (or its words from ``doc[k]`` on), and a
    second one joined to it by ``and``/``&`` (``Dear Nilmini and Sanduni,``), as token
    positions."""
    if k >= len(doc) or (doc[k].lower_ not in GREETINGS and not _thank_you(doc, k)):
        return []
    names = []
    i = k + 2 if _thank_you(doc, k) else k + 1
    if doc[k].lower_ in TO_GREETINGS and len(doc) > k + 2 and doc[k + 1].lower_ == "to":
        i = k + 2  # ``Congratulations to Clemency Ackroyd in Year 6``
    if i < len(doc) and doc[i].text == ",":  # ``Thanks, Benedict.``
        i += 1
    while i < len(doc):
        i = _past_titles(doc, i)
        end = _name_end(doc, i)
        if end == i:
            return []
        names.append((i, end))
        if len(names) == 1 and end + 1 < len(doc) and doc[end].lower_ in JOINERS:
            i = end + 1
            continue
        if end < len(doc) and doc[end].lower_ not in AFTER_GREETED:
            return []
        return names
    return []


# The first words of every greeting, sign-off, header and list above, lower-cased.
_OPENING_WORDS = GREETINGS | _FIRST_WORDS | HEADERS | LIST_HEADERS | {"thank"}
_COLON = get_string_id(":")


def may_greet(doc: Doc, words: Optional[AbstractSet[int]] = None) -> bool:
    """Whether ``doc`` may hold a name this rule finds: its first word opens a greeting, a
    sign-off, a header or a list, or a colon may follow a speaker's name. ``words``: the
    ``ORTH`` ids of the doc's tokens, if the caller has them."""
    if doc[0].lower_ in _OPENING_WORDS:
        return True
    if words is None:
        words = set(doc.to_array(ORTH).tolist())
    return _COLON in words


def _listed_names(doc: Doc) -> List[Tuple[int, int]]:
    """The names that minutes list after ``Present:``, ``Apologies:`` or ``Apologies were
    received from``, written with a capital, that open ``doc`` or a sentence of it (``...
    Trounson. Apologies: Adeleke-Hosking.``; not ``2019–present: Logistics Coordinator``), as
    token positions."""
    names: List[Tuple[int, int]] = []
    for k, token in enumerate(doc):
        if token.lower_ in LIST_HEADERS and token.text[:1].isupper() and opens_sentence(doc, k):
            names.extend(_listed_at(doc, k))
    return names


def _listed_at(doc: Doc, k: int) -> List[Tuple[int, int]]:
    """The names listed after the list header at ``doc[k]`` and its colon (or ``from``),
    separated by commas and ``and`` (an aside in brackets may follow one: ``(chair)``)."""
    i = next(
        (
            j + 1
            for j in range(k + 1, min(len(doc), k + 6))
            if doc[j].text == ":" or doc[j].lower_ == "from"
        ),
        0,
    )
    names: List[Tuple[int, int]] = []
    while 0 < i < len(doc):
        i = _past_titles(doc, i)
        end = _name_end(doc, i)
        if end == i:
            break
        names.append((i, end))
        i = end
        i = skip_aside(doc, i, MAX_ASIDE)  # ``(chair)``
        if i >= len(doc) or not (doc[i].text == "," or doc[i].lower_ in JOINERS):
            break
        i += 1
        if i < len(doc) and doc[i].lower_ in JOINERS:  # the serial comma
            i += 1
    return names


def _past_titles(doc: Doc, i: int) -> int:
    """The position past the titles and their full stops that start at ``doc[i]`` (``Dr .``)."""
    while i < len(doc) and (is_title(doc[i].text) or doc[i].text == "."):
        i += 1
    return i


def _thank_you(doc: Doc, k: int = 0) -> bool:
    """Whether ``doc`` opens (at ``doc[k]``) with ``Thank you`` (``Thank you Grandad Alwyn for
    ...``)."""
    return len(doc) > k + 2 and doc[k].lower_ == "thank" and doc[k + 1].lower_ in ("you", "u")


def _after_label(doc: Doc) -> int:
    """The position after a line's label, one to :data:`MAX_WORDS` capitalised words (or a
    speaker's name of any words) and a colon that open ``doc`` (``PRESENTER:``, ``Maël:``),
    or the doc's length."""
    end = name_run_end(doc, 0, MAX_WORDS, capital_word)
    return end + 1 if 0 < end < len(doc) - 1 and doc[end].text == ":" else len(doc)


def _speaker_name(doc: Doc) -> Optional[Tuple[int, int]]:
    """The speaker's name that opens a line of a transcript or a chat log (``MUTASA: We
    knew ...``, ``Mehwish: I've refunded ...``): name words with no Brown cluster before a
    colon and more words, or None."""
    end = _name_end(doc, 0)
    if end == 0 or end + 1 >= len(doc) or doc[end].text != ":":
        return None
    if any(has_cluster(token) or is_title(token.text) for token in doc[:end] if token.is_alpha):
        return None
    # what follows is speech, with a word in lower case soon (not ``Hove : Sussex 363``)
    if not any(token.is_lower for token in doc[end + 1 : end + 1 + SPEECH_WINDOW]):
        return None
    return 0, end


def _signed_name(doc: Doc) -> Optional[Tuple[int, int]]:
    """The name after a sign-off and its comma that open ``doc`` and run to its end, or
    None."""
    if doc[0].lower_ not in _FIRST_WORDS:
        return None
    for width in range(1, 5):
        if width >= len(doc):
            continue
        phrase = tuple(t.lower_ for t in doc[:width])
        if phrase in FROM_SIGN_OFFS:
            i = width
        elif doc[width].text == "," and phrase in SIGN_OFFS:
            i = width + 1
        else:
            continue
        while i < len(doc) and is_title(doc[i].text):
            i += 1
        end = _name_end(doc, i)
        if end > i and (
            all(t.lower_ in AFTER_SIGNATURE for t in doc[end:]) or _role_after(doc, end)
        ):
            return i, end
    return None


def _role_after(doc: Doc, end: int) -> bool:
    """Whether a comma and the signer's role, one to :data:`MAX_ROLE` capitalised words (and
    the small words and numbers of one), end ``doc`` at ``end`` (``..., Bookings Manager``)."""
    rest = doc[end + 1 :]
    if doc[end].text != "," or not 0 < len(rest) <= MAX_ROLE or not capital_word(rest[0]):
        return False
    return all(capital_word(t) or t.like_num or t.lower_ in ROLE_WORDS for t in rest)


def _header_names(doc: Doc) -> List[Tuple[int, int]]:
    """The names after the e-mail headers (``From:``) or the action (``Action:``) that open
    ``doc``, each before ``<``, a comma, ``to``, the next header (``From: ... To: ...``) or
    the doc's end."""
    if len(doc) < 3 or doc[0].lower_ not in HEADERS or doc[1].text != ":":
        return []
    names = []
    i = 0
    while i + 2 < len(doc) and doc[i].lower_ in HEADERS and doc[i + 1].text == ":":
        end = _name_end(doc, i + 2)
        if end - (i + 2) > 1 and end < len(doc) and doc[end].text == ":":
            end -= 1  # the next header's word (``... Maren Aune Subject:``)
        if end == i + 2 or (end < len(doc) and not _ends_header_name(doc, end)):
            break
        names.append((i + 2, end))
        i = end
    return names


def _ends_header_name(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` may follow a header's name: ``<``, a comma, ``to``, or the next
    header, a capitalised word and its colon (``To:``, ``Subject:``)."""
    if doc[i].lower_ in AFTER_HEADER_NAME:
        return True
    return capital_word(doc[i]) and i + 1 < len(doc) and doc[i + 1].text == ":"


def _name_end(doc: Doc, i: int) -> int:
    """Where the run of up to :data:`MAX_WORDS` name words that starts at ``doc[i]`` ends:
    capitalised words of letters, no stop words or :data:`NOT_NAMES`, and hyphens that join
    them."""
    return name_run_end(doc, i, MAX_WORDS, _name_word)


def _name_word(token: Token) -> bool:
    """Whether ``token`` may be a word of the name a greeting addresses."""
    return capital_word(token) and not token.is_stop and token.text.lower() not in NOT_NAMES
