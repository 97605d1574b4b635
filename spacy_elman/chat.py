"""Chat words at the edges of an entity: ``lol lucas``, ``chiara ur``, ``Jimmy xD`` and
``toomas already`` hold one name each.

In social media and text messages a name often stands next to an interjection or a
shorthand word (``lol``, ``omg``, ``ur``, ``hahaha``). A tagger that has not read much chat
takes such a word into the name beside it. No name holds one: :func:`trim_chat_words` moves
an entity's edges past them. A person's name ends with no English stop word written in lower
case either (``toomas already``, ``ivie i``), the particles of names (``van``, ``de``, ``i``) and
``will`` and ``may`` excepted; :func:`trim_stop_words` moves a person entity's edges past them.
The lists were written for this project.
"""

import re
from functools import lru_cache
from typing import FrozenSet, List, Sequence, Tuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from .hyphens import hyphen_after
from .lowercase import PARTICLES
from .words import trim_edges

# Interjections and chat abbreviations in any case (``lol``, ``LOL``, ``Lol``).
CHAT_WORDS: FrozenSet[str] = frozenset(
    """
    lol lmao lmfao rofl omg omfg wtf smh tbh ngl idk imo imho btw brb ikr thx pls plz bruh
    asf fml irl jk
    """.split()
)
# English stop words that no person's name starts or ends with, in lower case: none of the
# particles of names, and not ``will`` or ``may``, which chat writes as names in lower case.
EDGE_STOP_WORDS: FrozenSet[str] = frozenset(STOP_WORDS - PARTICLES - {"will", "may"})
# Shorthand that only counts in lower case: written with a capital it may be a name or a
# place (``Ty``, ``Ur``, ``Ya``, ``Rn``).
LOWER_CHAT_WORDS: FrozenSet[str] = frozenset(
    "u ur ya ty fr af rn tho yall tmrw tmr bday bdays hbd gg ggs".split()
)
# Greetings, thanks and interjections of other languages that English chat writes next to a
# name (``merci tiit``, ``danke jurgita``, ``wa alaikum salaam umair``, ``yalla``), in lower
# case only (the twenty-sixth session). None is in CoNLL-2003 train or dev, and none is a
# name that the ``gazetteer_v2`` lists hold; left out as given names or name parts: ``ayo``,
# ``salam``, ``asante``, ``habibi``, ``kia``, ``ora``, ``ji``, ``hai``, ``toda`` and ``janu``.
FOREIGN_CHAT_WORDS: FrozenSet[str] = frozenset(
    """
    merci danke gracias grazie obrigado obrigada arigato arigatou shukran shukriya dhanyavad
    dhanyavaad salaam alaikum aleikum assalamu walaikum yalla habibti wallah wallahi
    inshallah mashallah alhamdulillah bismillah subhanallah ameen hola bonjour ciao hallo
    tschüss namaste sawubona jambo habari mabuhay gomawo xiexie kiitos takk dziękuję spasibo
    teşekkürler sağol sağolun oye arre acha achha chalo nahi shalom todah vamos aupa
    ngiyabonga enkosi medaase daalu selam mèsi vinaka saudades
    """.split()
)
# Laughter, emoticons and interjections spelt out, in any case: ``hahaha``, ``hehe``,
# ``looool``, ``lmaooo``, ``xD``, and (the twenty-fourth session) ``ahh``, ``ugh``, ``hmm``,
# ``ooh``, ``aww``, ``yay``, ``oof``, ``meh``, drawn out or not, and (the twenty-fifth)
# ``heyy`` and ``hii``, and (the twenty-sixth) ``sooo``.
_CHAT_FORMS = re.compile(
    r"^(?:a?(?:ha){2,}h?|(?:he){2,}|lo{2,}l+|lmf?a+o+|x+d+|o+m+g+"
    r"|a+h{2,}|u+g+h+|h+m{2,}|o{2,}h+|a+w{2,}|y+a+y+|o{2,}f+|m+e+h+|h+e+y{2,}|h+i{2,}|s+o{3,})$"
)


@lru_cache(maxsize=65536)  # entity edges repeat the same words: 2.6x faster on news
def is_chat_word(text: str) -> bool:
    """Whether the token ``text`` is an interjection or chat shorthand, never part of a name."""
    lower = text.lower()
    if lower in CHAT_WORDS or _CHAT_FORMS.match(lower):
        return True
    return text.islower() and (lower in LOWER_CHAT_WORDS or lower in FOREIGN_CHAT_WORDS)


def trim_chat_words(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move each span's edges inward past chat words; drop spans left empty.

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s.
    """
    return trim_edges(spans, doc, offset, off_edge=_is_chat_token)


def _is_chat_token(token: Token) -> bool:
    return is_chat_word(token.text)


def trim_stop_words(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move each person span's edges inward past English stop words written in lower case
    (``toomas already``); drop spans left empty.

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are trimmed.
    """
    return trim_edges(spans, doc, offset, off_edge=_is_edge_stop_word, labels=person_labels)


def _is_edge_stop_word(token: Token) -> bool:
    """Whether ``token`` is such a stop word and a word of its own (not the ``in`` of
    ``da-in``)."""
    text = token.text
    if text not in EDGE_STOP_WORDS or not text.islower():
        return False
    doc, i = token.doc, token.i
    joined_before = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    return not (joined_before or hyphen_after(doc, i))
