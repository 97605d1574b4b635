"""Nationalities around a name: ``Mexican Ariel Cruz`` holds the name ``Ariel Cruz``, and
``Tongan`` alone is no name.

News copy introduces a foreign athlete or official by nationality (``Mexican Ariel Cruz``,
``Belgian Luc Peeters``): in CoNLL-2003 train and dev a nationality stands right before a
person entity 51 times and starts one (of two words) once, and is a one-word person entity
once. A tagger that has found the name often takes the capitalised nationality in, or reads a
nationality alone as a name (``of Tongan descent``). :func:`trim_nationalities` moves the
start of a person entity past a nationality before a capitalised word and drops a person
entity that is a nationality alone. Lower-case forms are left to ``lowercase``. The list is
English and was written for this project.
"""

from functools import lru_cache
from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc

# Nationalities and regional demonyms, lower-cased. Left out: ``Sierra`` (of ``Sierra
# Leonean``) and demonyms that are common given names.
DEMONYMS: FrozenSet[str] = frozenset(
    """
    afghan albanian algerian american andorran angolan argentine argentinian armenian
    australian austrian azerbaijani azeri bahamian bahraini bangladeshi barbadian belarusian
    belgian belizean beninese bhutanese bolivian bosnian botswanan brazilian british bruneian
    bulgarian burkinabe burmese burundian cambodian cameroonian canadian chadian chilean
    chinese colombian congolese croatian cuban cypriot czech danish djiboutian dominican dutch
    ecuadorian egyptian emirati english eritrean estonian ethiopian fijian filipino finnish
    french gabonese gambian georgian german ghanaian greek grenadian guatemalan guinean
    guyanese haitian honduran hungarian icelandic indian indonesian iranian iraqi irish
    israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti
    kyrgyz laotian latvian lebanese liberian libyan lithuanian luxembourger macedonian
    malagasy malawian malaysian maldivian malian maltese mauritanian mauritian mexican
    moldovan mongolian montenegrin moroccan mozambican namibian nepalese nepali nicaraguan
    nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian
    polish portuguese qatari romanian russian rwandan salvadoran samoan saudi scottish
    senegalese serbian singaporean slovak slovakian slovenian somali spanish sudanese
    surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai togolese tongan
    trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan
    vietnamese welsh yemeni yugoslav zambian zimbabwean european african asian arab
    scandinavian caribbean basque catalan flemish kurdish chechen tatar bavarian sicilian
    corsican breton cornish texan californian
    """.split()
)


@lru_cache(maxsize=65536)
def is_nationality(text: str) -> bool:
    """Whether the token ``text`` is a nationality written with a capital (``Mexican``,
    ``MEXICAN``)."""
    return not text.islower() and text.lower() in DEMONYMS


def trim_nationalities(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the start of each person span past its leading nationalities before a capitalised
    word; drop person spans that are one nationality.

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are trimmed.
    """
    trimmed = []
    for start, end, label in spans:
        if label in person_labels:
            if end - start == 1 and is_nationality(doc[start - offset].text):
                continue
            while (
                end - start > 1
                and is_nationality(doc[start - offset].text)
                and doc[start - offset + 1].text[:1].isupper()
            ):
                start += 1
        trimmed.append((start, end, label))
    return trimmed
